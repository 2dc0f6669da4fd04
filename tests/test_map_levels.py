"""The public level-1/level-2 matching API (``Mapper.match_level1/2``)."""


from jixiao.pipelines.map import LevelMatch
from jixiao.pipelines.vocab import Categories



def test_exact_alias_fuzzy_and_rejected(mapper):
    exact = mapper.match_level1("产出指标（50分）")
    assert (exact.name, exact.method, exact.score) == ("产出指标", "exact", 100.0)
    alias = mapper.match_level1("项目产出")
    assert (alias.name, alias.method) == ("产出指标", "alias")
    fuzzy = mapper.match_level2("可持续影晌指标")  # OCR slip 响 -> 晌
    assert (fuzzy.name, fuzzy.method) == ("可持续影响指标", "fuzzy") and 70 <= fuzzy.score < 100
    rejected = mapper.match_level1("项目决策")
    assert rejected == LevelMatch(name=None, method=None, score=rejected.score) and not rejected.matched
    assert mapper.match_level2(None).name is None


def test_match_agrees_with_canonical(mapper):
    for text in ("社会效益", "服务对象满意度", "满意度指标", "贡量指标", "一级指标"):
        assert mapper.match_level2(text).name == mapper.canonical_level2(text)
        assert mapper.match_level1(text).name == mapper.canonical_level1(text)


def test_parser_categories_take_exact_and_alias_matches_only(mapper):
    cats = Categories(mapper)
    assert cats.level2("社会公众满意度") == "社会公众满意度指标"
    # a fuzzy heading match would turn indicator names into categories
    assert mapper.match_level2("工作满意度").method in (None, "fuzzy")
    assert cats.level2("工作满意度") is None
