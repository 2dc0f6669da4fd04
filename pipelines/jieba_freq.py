"""jieba's word-frequency table read from a marisa trie file instead of unmarshalled into a dict.

A fresh jieba ``Tokenizer`` unmarshals its cache of ~500k words and prefixes into a dict: ~0.6-0.9 s and ~55 MiB
in every process, paid by each batch worker on its first collapsed document. The same table as a trie (word ->
index) and an array of frequencies (one 5 MB file) loads in ~0.03 s; it is built once from jieba's own table and
cached in the temporary folder as jieba caches its own, keyed by jieba's version and its dictionary file. ``MappedFreq`` answers the lookups jieba's
``Tokenizer`` makes of ``FREQ`` (``in``, ``[]``, ``get``) and keeps the words added after (``add_word``) in a dict,
so segmentation is the same as with jieba's dict (tests/test_jieba_freq.py). docs/decisions/batch.md.
"""

from __future__ import annotations

import json
import os
import tempfile
from array import array
from pathlib import Path

_MAGIC = b"jixiao-jieba-freq 1\n"


class MappedFreq:
    """jieba's ``FREQ`` over a trie: base words from the trie's file, words added later in a dict."""

    def __init__(self, trie, freqs: array):
        self._trie, self._freqs, self._added = trie, freqs, {}

    def __contains__(self, word) -> bool:
        return word in self._added or word in self._trie

    def __getitem__(self, word) -> int:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value

    def get(self, word, default=None):
        value = self._added.get(word)
        if value is not None:
            return value
        index = self._trie.get(word)
        return default if index is None else self._freqs[index]

    def __setitem__(self, word, freq: int) -> None:
        self._added[word] = freq

    def __len__(self) -> int:
        return len(self._trie) + sum(1 for w in self._added if w not in self._trie)


def _dictionary_key() -> str:
    """What the cached table was built from: jieba's version and its default dictionary file (size, mtime)."""
    import jieba

    dict_file = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    st = dict_file.stat()
    return f"{jieba.__version__}:{dict_file}:{st.st_size}:{st.st_mtime_ns}"


def _build(path: Path, key: str) -> None:
    """Build the table from jieba's own (its dict load, once) and write it by temporary name and rename."""
    import jieba
    import marisa_trie

    tok = jieba.Tokenizer()
    tok.initialize()
    trie = marisa_trie.Trie(tok.FREQ.keys())
    freqs = array("q", bytes(8 * len(trie)))
    for word, freq in tok.FREQ.items():
        freqs[trie[word]] = freq
    body = trie.tobytes()
    header = json.dumps({"key": key, "total": tok.total, "words": len(trie), "trie_bytes": len(body)}).encode() + b"\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".jixiao-jieba-freq-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(_MAGIC + header + freqs.tobytes() + body)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read(path: Path, key: str):
    """(MappedFreq, total) from ``path`` when it holds a whole table built from ``key``, else None."""
    import marisa_trie

    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_MAGIC):
        return None
    end = data.find(b"\n", len(_MAGIC))
    try:
        header = json.loads(data[len(_MAGIC):end])
    except ValueError:
        return None
    start = end + 1
    n, size = header.get("words", -1), header.get("trie_bytes", -1)
    if header.get("key") != key or len(data) != start + 8 * n + size:
        return None  # another jieba, or a file cut short
    freqs = array("q")
    freqs.frombytes(data[start:start + 8 * n])
    trie = marisa_trie.Trie().frombytes(data[start + 8 * n:])
    if len(trie) != n:
        return None
    return MappedFreq(trie, freqs), int(header["total"])


def mapped_frequencies(cache_dir: Path | None = None):
    """(jieba's ``FREQ`` as a ``MappedFreq``, its ``total``), built on the first call on this machine; None when
    marisa-trie is not installed (jieba then loads its own dict)."""
    try:
        import marisa_trie  # noqa: F401
    except ImportError:
        return None
    key = _dictionary_key()
    folder = Path(cache_dir or tempfile.gettempdir())
    path = folder / "jixiao-jieba-freq.bin"
    table = _read(path, key)
    if table is None:
        try:
            _build(path, key)
        except OSError:  # no writable cache folder: jieba loads its own dict, as before
            return None
        table = _read(path, key)
    return table
