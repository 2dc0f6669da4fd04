"""Where an export prints a final-accounts table one cell a line and drops the blank cells, a row's amounts
go to the columns the identities choose (pipelines/account_placement.py). Invented tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.pipelines.account_placement import MAX_PLACEMENTS, place
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.ingest import load_bytes
from jixiao.record import AccountRow, FinalAccountsTable

FIXTURE = Path(__file__).parent / "data" / "final_accounts" / "fa_cells_dropped_blanks.txt"
HEAD = ["一般公共预算财政拨款支出决算表", "单位：万元", "项目", "本年支出", "科目代码", "科目名称", "小计", "基本支出", "项目支出"]


@pytest.fixture(scope="module")
def extractor():
    return Extractor(settings=None)


def _read(extractor, text: str):
    return extractor.extract(load_bytes(text.encode("utf-8"), filename="t.txt", doc_id="t"), mode="parser").final_accounts


def _values(table):
    return {r.code or r.label: r.values for r in table.rows}


def test_rows_printing_only_基本支出_or_only_项目支出_take_their_column(extractor):
    [_, t] = _read(extractor, FIXTURE.read_text(encoding="utf-8"))
    v = _values(t)
    assert v["2200101"] == {"合计": 3074000.0, "基本支出": 3074000.0}
    assert v["2200104"] == {"合计": 962000.0, "项目支出": 962000.0}
    assert v["2200199"] == {"合计": 199000.0, "项目支出": 199000.0}
    assert v["208"] == {"合计": 523000.0, "基本支出": 523000.0}
    assert not [c for c in t.checks if c.severity == "warning"]


def test_income_rows_lacking_several_columns(extractor):
    [t, _] = _read(extractor, FIXTURE.read_text(encoding="utf-8"))
    v = _values(t)
    assert v["2080506"] == {"本年收入合计": 400000.0, "财政拨款收入": 100000.0, "其他收入": 300000.0}
    assert v["2130104"] == {"本年收入合计": 250000.0, "事业收入": 250000.0}
    assert v["201"] == {"本年收入合计": 4000000.0, "财政拨款收入": 3550000.0, "事业收入": 450000.0}
    assert not [c for c in t.checks if c.severity == "warning"]


def test_where_no_placement_holds_the_reading_stays_and_the_warning_too(extractor):
    """20701's 项 add up to 13.00 against 12.50 printed whichever columns: read from the left, warned;
    20702's family still settles (its 项 printing only 项目支出 goes there)."""
    body = ["合计", "17.50", "10.00", "7.50",
            "207", "文化旅游体育与传媒支出", "17.50", "10.00", "7.50",
            "20701", "文化和旅游", "12.50", "10.00", "2.50", "2070101", "行政运行", "10.00", "10.00",
            "2070102", "一般行政管理事务", "3.00", "3.00",
            "20702", "文物", "5.00", "5.00", "2070205", "博物馆", "5.00", "5.00"]
    [t] = _read(extractor, "\n".join(HEAD + body))
    v = _values(t)
    assert v["2070102"] == {"小计": 30000.0, "基本支出": 30000.0}  # as read from the left
    assert any(c.severity == "warning" and "20701" in c.message for c in t.checks)
    assert v["20702"] == {"小计": 50000.0, "项目支出": 50000.0}
    assert v["2070205"] == {"小计": 50000.0, "项目支出": 50000.0}


def test_rows_that_fit_two_placements_alike_are_marked_ambiguous(extractor):
    """Two 项 of 2.50 under a 款 of 2.50 基本 + 2.50 项目: either could be the 基本支出 one."""
    body = ["207", "文化旅游体育与传媒支出", "5.00", "2.50", "2.50",
            "20701", "文化和旅游", "5.00", "2.50", "2.50",
            "2070101", "行政运行", "2.50", "2.50", "2070102", "一般行政管理事务", "2.50", "2.50"]
    [t] = _read(extractor, "\n".join(HEAD + body))
    notes = [c for c in t.checks if c.code == "accounts.placement"]
    assert {c.severity for c in notes} == {"info"} and len(notes) == 2
    assert "2070101" in notes[0].message and "小计+基本支出 or 小计+项目支出" in notes[0].message
    assert _values(t)["2070102"] == {"小计": 25000.0, "基本支出": 25000.0}  # the reading kept


def test_a_row_with_too_many_placements_keeps_its_reading():
    keys = [f"c{n}" for n in range(12)]  # C(12, 6) = 924 placements
    assert MAX_PLACEMENTS < 924
    row = AccountRow(code="201", label="x", values={k: 1.0 for k in keys[:6]})
    table = FinalAccountsTable(title="t", unit="元", rows=[row])
    assert place(table, keys, [0], []) == []
    assert list(row.values) == keys[:6]
