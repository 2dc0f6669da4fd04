"""jieba's frequency table read from the trie file (``pipelines/jieba_freq.py``) segments exactly as jieba's own
dict does, and a damaged or foreign cache file is rebuilt, not trusted."""

from __future__ import annotations

import io
import random

import jieba
import pytest

from jixiao.config import get_settings
from jixiao.pipelines.jieba_freq import MappedFreq, mapped_frequencies
from jixiao.pipelines.segment import KEYWORDS, Segmenter
from jixiao.pipelines.taxonomy import jieba_dictionary

pytest.importorskip("marisa_trie")


@pytest.fixture(scope="module")
def mapped(tmp_path_factory):
    folder = tmp_path_factory.mktemp("jieba-cache")
    table = mapped_frequencies(folder)
    assert table is not None
    return folder, table


def _user_lines() -> list[str]:
    return [f"{w} 100000 nz" for w in KEYWORDS] + jieba_dictionary()


def test_same_table_as_jieba(mapped):
    _, (freq, total) = mapped
    plain = jieba.Tokenizer()
    plain.initialize()
    assert total == plain.total
    assert len(freq) == len(plain.FREQ)
    for word in random.Random(0).sample(sorted(plain.FREQ), 5000):
        assert word in freq and freq[word] == plain.FREQ[word] and freq.get(word) == plain.FREQ[word]
    assert "不是一个词的串" not in freq and freq.get("不是一个词的串", 1) == 1
    with pytest.raises(KeyError):
        freq["不是一个词的串"]


def test_same_words_as_jieba(mapped):
    """The segmenter (trie table, the domain words added) cuts real text as jieba's dict with the same words."""
    _, (freq, total) = mapped
    ours = jieba.Tokenizer()
    ours.FREQ, ours.total, ours.initialized = MappedFreq(freq._trie, freq._freqs), total, True
    plain = jieba.Tokenizer()
    for tok in (ours, plain):
        tok.load_userdict(io.StringIO("\n".join(_user_lines())))
    assert ours.total == plain.total
    settings = get_settings()
    texts = [p.read_text(encoding="utf-8") for p in sorted(settings.seeds_root.glob("*.txt"))[:3]]
    rnd = random.Random(1)
    for text in texts:
        for _ in range(400):
            start = rnd.randrange(len(text))
            piece = text[start:start + rnd.choice([5, 9, 25, 80])]
            assert list(ours.tokenize(piece)) == list(plain.tokenize(piece)), piece


def test_segmenter_uses_the_table():
    segmenter = Segmenter()
    words = [w.text for w in segmenter.words("项目名称老字号")]
    assert "".join(words) == "项目名称老字号"
    assert type(segmenter._tokenizer().FREQ).__name__ == "MappedFreq"


def test_bad_cache_file_is_rebuilt(mapped):
    folder, (freq, _) = mapped
    path = folder / "jixiao-jieba-freq.bin"
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])  # a file cut short (a kill while copying it by hand)
    table = mapped_frequencies(folder)
    assert table is not None and len(table[0]) == len(freq)
    assert path.read_bytes() == whole
