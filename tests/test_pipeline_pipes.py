"""Pipe-delimited (markdown-style) table rows read as tab rows, with offsets into the original text."""

import unicodedata
from functools import lru_cache

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.layout import parse_rows
from jixiao.pipelines.normalize import normalize_text, squeeze

PIPES = """项目支出绩效自评表
| 项目名称 | 社区养老服务补助 |
|---|---|
| 主管部门 | 某区民政局 | 实施单位 | 某区养老服务中心 |
| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 10.00 | 12.00 | 11.00 | 10 | 91.7% | 9.2 |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产
出
指
标 | 数量指标 | 服务老人人数 | ≥500人 | 520人 | 20 | 20 |
|  | 时效指标 | 补助发放及时率 | 100% | 100% | 20 | 20 |
| 效益指标 | 社会效益指标 | 老人生活质量 | 有所提高 | 有所提高 | 30 | 28 |
| 满意度指标 | 服务对象满意度指标 | 老人满意度 | ≥90% | 95% | 20 | 19 |
| 总分 | | | | | 100 | 96.2 |
"""


@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    return Extractor.from_settings(load_tagger=False)


def test_pipe_rows_become_tab_rows_and_rule_lines_go():
    rows = parse_rows(normalize_text(PIPES))
    assert rows[0].kind == "text"
    assert rows[1].kind == "tabs" and rows[1].texts == ["项目名称", "社区养老服务补助"]
    assert rows[2].texts == ["主管部门", "某区民政局", "实施单位", "某区养老服务中心"]
    assert not any("---" in r.joined for r in rows)


def test_pipe_row_wrapped_over_lines_is_one_row():
    rows = parse_rows(normalize_text(PIPES))
    vertical = next(r for r in rows if "服务老人人数" in r.texts)
    assert vertical.texts[:3] == ["产出指标", "数量指标", "服务老人人数"]
    empty_first = next(r for r in rows if "补助发放及时率" in r.texts)
    assert empty_first.texts[:2] == ["", "时效指标"]


def test_a_row_broken_just_before_a_pipe_runs_on_while_it_fits_the_table():
    # a lone '|' and a row cut before ' | 20 |': the pieces together have no more pipes than the widest row
    broken = PIPES.replace("|  | 时效指标 | 补助发放及时率 | 100% | 100% | 20 | 20 |",
                           "|\n  | 时效指标 | 补助发放及时率 | 100% | 100%\n | 20 | 20 |")
    rows = parse_rows(normalize_text(broken))
    row = next(r for r in rows if "补助发放及时率" in r.texts)
    assert row.texts == ["", "时效指标", "补助发放及时率", "100%", "100%", "20", "20"]
    # a closed row after an open one is a row of its own: together they would be wider than the table
    assert any(r.texts[:2] == ["效益指标", "社会效益指标"] for r in rows)


def test_pipe_cells_point_into_the_original_text():
    norm = normalize_text(PIPES)
    for row in parse_rows(norm):
        for cell in row.cells:
            if not cell.clean:
                continue
            a, b = norm.span(cell.start, cell.end)
            assert squeeze(unicodedata.normalize("NFKC", PIPES[a:b])) == cell.clean


def test_bars_that_are_not_table_rows_stay():
    text = "偏离度=|预算执行数-调整预算数|÷调整预算数。\n一 | 二"
    assert normalize_text(text).text == text


def test_pipe_table_extracts_like_a_tab_table():
    record = _extractor().extract_text(PIPES, mode="parser")
    [project] = record.projects
    assert project.name == "社区养老服务补助"
    assert (project.department, project.implementer) == ("某区民政局", "某区养老服务中心")
    assert project.funds.annual_budget == 120000.0 and project.score == 96.2
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("产出指标", "数量指标", "服务老人人数"),
        ("产出指标", "时效指标", "补助发放及时率"),
        ("效益指标", "社会效益指标", "老人生活质量"),
        ("满意度指标", "服务对象满意度指标", "老人满意度"),
    ]
    name = project.provenance["name"]
    assert PIPES[name.start:name.end] == "社区养老服务补助"
    first = project.indicators[0].provenance["name"]
    assert PIPES[first.start:first.end] == "服务老人人数"


def test_collapsed_pipe_table_does_not_read_pipes_as_values():
    collapsed = " ".join(PIPES.split())
    record = _extractor().extract_text(collapsed, mode="parser")
    assert record.projects and all("|" not in p.name for p in record.projects)
