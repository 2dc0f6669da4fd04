"""The caches of the long-lived extractor the service shares stay bounded however many documents it reads."""

from jixiao.pipelines import flat as F
from jixiao.pipelines import vocab as V
from jixiao.pipelines.flat import FlatParser
from jixiao.pipelines.layout import Cell
from jixiao.pipelines.vocab import Categories

# the named bounds (read with a fallback so that an unbounded cache fails on growth, not on the import)
CATEGORY_CACHE_SIZE = getattr(V, "CATEGORY_CACHE_SIZE", 4096)
WORD_ACROSS_CACHE_SIZE = getattr(F, "WORD_ACROSS_CACHE_SIZE", 4096)


def cached_entries(obj) -> int:
    """Entries an object holds in per-instance caches: its dicts and ``functools.lru_cache`` wrappers."""
    total = 0
    for value in vars(obj).values():
        if isinstance(value, dict):
            total += len(value)
        elif hasattr(value, "cache_info"):
            total += value.cache_info().currsize
    return total


def distinct_cells(n: int) -> list[str]:
    """``n`` different cell texts, as a stream of documents would bring (names, values, remarks)."""
    return [f"项目{i}完成率" for i in range(n)]


def test_category_cache_is_bounded():
    cat = Categories()
    n = 2 * CATEGORY_CACHE_SIZE + 100
    for text in distinct_cells(n):
        cat.level1(text)
        cat.level2(text)
    assert cached_entries(cat) <= 2 * CATEGORY_CACHE_SIZE < 2 * n
    # still answers as before
    assert cat.level1("产出指标") == "产出指标" and cat.level2("数量指标") == "数量指标"


def test_flat_parser_word_cache_is_bounded():
    flat = FlatParser(Categories())
    n = WORD_ACROSS_CACHE_SIZE + 200
    before = cached_entries(flat)
    for i in range(n):
        flat._word_across(f"组织{i:04d}", f"{i:04d}议次")
    assert cached_entries(flat) - before <= WORD_ACROSS_CACHE_SIZE < n
    # still reads a word cut in two
    assert flat._word_across("组织召开会", "议次数") is True
    toks = [Cell(col=0, start=0, end=4, text="开会次数"), Cell(col=1, start=5, end=7, text="3次")]
    assert flat.split_row(toks, 1, "开会次数 3次") == toks
