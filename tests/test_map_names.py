"""Level-3 names and budget lines: methods, thresholds, context, disagreements."""

from __future__ import annotations

import pytest

from jixiao.pipelines.map import Mapper, budget_line_check



def test_exact_alias_fuzzy_unmatched(mapper):
    r = mapper.map("服务对象满意度")
    assert (r.method, r.entry.name, r.score) == ("exact", "服务对象满意度", 100.0)
    r = mapper.map("人民群众满意度")
    assert (r.method, r.entry.name) == ("alias", "群众满意度")
    r = mapper.map("经费支出合规律")  # 率 read as 律
    assert r.method == "fuzzy" and r.entry.name == "经费支出合规性"
    assert r.candidates and all(c.id != r.entry.id for c in r.candidates)
    r = mapper.map("新中国成立前老工人生活困难补助")  # its head 补助: a subsidy amount (issue 19)
    assert r.method == "head" and r.entry.name == "补助金额"
    r = mapper.map("参保人数1000人—2000人村")
    assert r.method == "unmatched" and r.entry is None and r.score < mapper.threshold
    assert r.candidates, "runners-up are still listed"


def test_added_suffix_and_line_breaks(mapper):
    assert mapper.map("发放及时\n率指标").entry.name == "发放及时率"


def test_level2_context_prefers_the_parent(mapper):
    # the same printed name under two parents: the known level-2 decides
    under_quantity = mapper.map("足额发放率", level2="数量指标")
    under_quality = mapper.map("足额发放率", level2="质量指标")
    assert under_quantity.entry.parent == "ind.output.quantity"
    assert under_quality.entry.parent == "ind.output.quality"
    assert mapper.map("足额发放率").ambiguous


def test_unmatched_canonical_object(mapper):
    c = mapper.map("台式电脑").canonical()
    assert (c.id, c.name, c.method) == ("", "", "unmatched")
    c = mapper.map("学生满意度").canonical()
    assert c.id.startswith("ind.satisfaction.service") and c.method == "exact"


def test_budget_line_code_first(mapper):
    r = mapper.map("2080109 社会保险经办 机构", "function")
    assert (r.method, r.entry.code, r.disagreement) == ("code", "2080109", None)
    r = mapper.map("基本工资", "economic", code="30101")
    assert r.method == "code" and r.disagreement is None


def test_budget_line_disagreement_is_reported_not_resolved(mapper):
    r = mapper.map("基本工资", "economic", code="30102")
    assert r.entry.code == "30102"  # the printed code outranks
    assert "30101" in r.disagreement
    check = budget_line_check(r, field="funds")
    assert check.code == "taxonomy.economic_code_name_mismatch"
    assert budget_line_check(mapper.map("30101 基本工资", "economic")) is None


def test_unknown_or_truncated_code_falls_back_to_the_name(mapper):
    r = mapper.map("基本工资", "economic", code="3011")  # OCR dropped a digit
    assert r.entry.code == "30101"
    assert "not in the taxonomy" in r.disagreement
    r = mapper.map("社会保险经办机构", "function")
    assert r.entry.code == "2080109" and r.method == "exact"
    r = mapper.map("其他社会保险缴费", "economic")
    assert r.method == "alias" and r.entry.code == "30112"


def test_function_names_shared_by_many_items_need_a_code(mapper):
    r = mapper.map("行政运行", "function")
    assert r.ambiguous
    assert mapper.map("行政运行", "function", code="2080101").entry.code == "2080101"


def test_results_are_cached_per_instance(mapper):
    first = mapper.map("资金到位率")
    assert mapper.map("资金到位率") is first
    other = Mapper.from_taxonomy()
    assert other.map("资金到位率") is not first


def test_unknown_kind_is_a_value_error(mapper):
    with pytest.raises(ValueError):
        mapper.map("x", "budget")


def test_no_runner_up_shares_nothing_with_the_query():
    from jixiao.pipelines.map import Mapper

    result = Mapper.from_taxonomy().map("\x00")
    assert result.entry is None
    assert all(c.score > 0 for c in result.candidates)
