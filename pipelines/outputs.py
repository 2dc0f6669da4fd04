"""Output files of a batch: names any file system takes, stable per input, and writes a kill cannot leave half done."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_UNSAFE_STEM = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029/\\:*?\"<>|]")
_STEM_BYTES = 200  # file systems allow 255 bytes a name: room for -N.error.json and a temporary prefix
TMP_PREFIX = ".jixiao-"
TMP_SUFFIX = ".tmp"


def one_line(text: str) -> str:
    """``text`` on one line: control characters (a newline in a file name) as ``\\xNN`` escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def safe_stem(path: Path) -> str:
    """An output stem any file system takes: the input's stem as text (bytes that are not UTF-8 as ``xNN``), without
    control characters, separators or characters Windows refuses, no leading dot, at most 200 bytes."""
    from jixiao.pipelines.ingest import source_name

    stem = _UNSAFE_STEM.sub("_", source_name(path.stem).replace("\\x", "x")).lstrip(".").strip()
    while len(stem.encode("utf-8")) > _STEM_BYTES:
        stem = stem[:-1]
    return stem or "document"


def output_stems(paths: list[Path]) -> list[str]:
    """One output stem per input, in order: <stem>, or <stem>-2 … when an earlier input had the same stem (a/r.txt,
    b/r.txt). Stems that differ only in case or Unicode normal form count as the same (R.txt, r.txt): macOS and
    Windows file systems hold them as one name, so one output would overwrite the other there. The same list of
    inputs always gives the same stems, which is what lets a rerun find its outputs."""
    used: set[str] = set()
    stems = []
    for path in paths:
        stem = safe_stem(path)
        name, n = stem, 1
        while _same_name(name) in used:
            n += 1
            name = f"{stem}-{n}"
        used.add(_same_name(name))
        stems.append(name)
    return stems


def _same_name(name: str) -> str:
    """The key under which a case-insensitive, normalising file system stores ``name``."""
    return unicodedata.normalize("NFC", name).casefold()


def write_replacing(out: Path, text: str | bytes) -> None:
    """Write ``text`` to a temporary file beside ``out``, then rename it over ``out``: a symlink (or anything else)
    already at ``out`` is replaced, never followed, and a reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=TMP_PREFIX, suffix=TMP_SUFFIX)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp's 0600 would make outputs private
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8") if isinstance(text, str) else text)
        os.replace(tmp, out)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def remove_leftovers(folder: Path) -> int:
    """Delete the temporary files a killed run left in ``folder`` (never a finished output); how many."""
    n = 0
    for tmp in folder.glob(f"{TMP_PREFIX}*{TMP_SUFFIX}"):
        try:
            tmp.unlink()
            n += 1
        except OSError:
            pass
    return n


def remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
