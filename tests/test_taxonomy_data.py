"""The shipped taxonomy loads, validates, and keeps source and confidence for every entry."""

from __future__ import annotations

import io
import shutil

import jieba
import pytest

from jixiao.pipelines.taxonomy import TAXONOMY_DIR, TaxonomyError, jieba_dictionary, load_taxonomy, read_taxonomy

CANON_L1 = ["产出指标", "成本指标", "效益指标", "满意度指标"]
CANON_L2 = ["数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
            "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标", "社会公众满意度指标"]


def test_loads_with_version_and_all_kinds():
    tax = load_taxonomy()
    assert tax.version
    assert load_taxonomy() is tax  # read once per process
    assert len(tax.of_kind("economic")) == 110
    assert len(tax.of_kind("function")) == 1564
    assert sorted(tax.level1_names()) == sorted(CANON_L1)
    assert sorted(tax.level2_names()) == sorted(CANON_L2)


def test_every_entry_has_source_and_confidence():
    tax = load_taxonomy()
    assert all(e.source and e.confidence for e in tax.entries)
    assert {e.confidence for e in tax.of_kind("economic")} == {"confirmed"}
    fn = {e.confidence for e in tax.of_kind("function")}
    assert "seed_verified" in fn and "recalled" in fn
    seeds = [e for e in tax.of_kind("indicator", "3") if "seed 002" in e.source]
    assert seeds, "level-3 indicators printed in the seeds are marked with their seed"


def test_level3_hang_under_canonical_level2():
    tax = load_taxonomy()
    for e in tax.of_kind("indicator", "3"):
        parent = tax.by_id[e.parent]
        if e.family == "A":
            assert parent.level == "2" and parent.name in CANON_L2


def test_function_codes_are_hierarchical():
    tax = load_taxonomy()
    for e in tax.of_kind("function"):
        if e.parent:
            assert e.code.startswith(tax.by_id[e.parent].code)
    assert tax.by_code("function")["2080109"].name == "社会保险经办机构"
    assert tax.by_code("economic")["30101"].name == "基本工资"


def _copy(tmp_path):
    d = tmp_path / "tax"
    shutil.copytree(TAXONOMY_DIR, d)
    return d


def test_duplicate_id_is_rejected(tmp_path):
    d = _copy(tmp_path)
    with (d / "indicators.csv").open("a", encoding="utf-8") as f:
        f.write("ind.output,1,产出指标,,,target,A,test,official\n")
    with pytest.raises(TaxonomyError, match="duplicate"):
        read_taxonomy(d)


def test_missing_parent_is_rejected(tmp_path):
    d = _copy(tmp_path)
    with (d / "indicators.csv").open("a", encoding="utf-8") as f:
        f.write("ind.x.01,3,某指标,ind.nowhere,,target,A,test,documented\n")
    with pytest.raises(TaxonomyError, match="missing parent"):
        read_taxonomy(d)


def test_dangling_alias_is_rejected(tmp_path):
    d = _copy(tmp_path)
    with (d / "aliases.csv").open("a", encoding="utf-8") as f:
        f.write("indicator,某别名,ind.nowhere,test\n")
    with pytest.raises(TaxonomyError, match="missing entry"):
        read_taxonomy(d)


def test_missing_file_is_named(tmp_path):
    d = _copy(tmp_path)
    (d / "VERSION").unlink()
    with pytest.raises(TaxonomyError, match="VERSION"):
        read_taxonomy(d)


def test_jieba_dictionary_is_generated_from_the_taxonomy():
    tax = load_taxonomy()
    lines = jieba_dictionary(tax)
    words = {line.split(" ")[0] for line in lines}
    assert {"服务对象满意度指标", "社会保险经办机构", "机关事业单位基本养老保险缴费", "可持续发展"} <= words
    assert all(len(line.split(" ")) == 3 for line in lines)
    tk = jieba.Tokenizer()
    tk.load_userdict(io.StringIO("\n".join(lines)))
    assert "服务对象满意度指标" in tk.lcut("开展服务对象满意度指标调查")


def test_one_meaning_one_entry():
    """Family-A level-3 names are unique (足额发放率 is printed under 数量 and 质量 on purpose), and the entries merged in
    issue 19 round 5 live on as aliases of the one kept."""
    tax = load_taxonomy()
    names = [e.name for e in tax.of_kind("indicator", "3") if e.family == "A"]
    assert {n for n in names if names.count(n) > 1} == {"足额发放率"}
    alias = {a.printed: tax.by_id[a.target].name for a in tax.aliases_of("indicator")}
    assert alias["补贴标准"] == "补助标准" and alias["经费支出及时率"] == "资金拨付及时率"
    assert alias["受益群众数"] == "受益对象数量" and "补贴标准" not in names
