"""A whole table run into one line with no separator (a document site's preview): invented forms."""

from __future__ import annotations

import opencc
import pytest

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.flat_run import row_cells, values_to_end
from jixiao.pipelines.run_together import split_rate_run

ROWS = [
    ["项目名称", "森林防火巡护经费"], ["主管部门", "青山区应急管理局", "实施单位", "青山区森林消防大队"],
    ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "执行率"], ["年度资金总额", "80", "80", "76", "95%"],
    ["年度总体目标", "预期目标", "实际完成情况"], ["完成全年森林防火巡护任务", "完成巡护任务,未发生重大火情"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
    ["产出指标", "数量指标", "巡护里程", "≥5000公里", "5230公里"],
    ["巡护车辆维修次数", "不超过12次", "9次"],
    ["质量指标", "火情发现及时率", "100%", "100%"],
    ["时效指标", "巡护完成时间", "2023年12月底前", "2023年12月"],
    ["效益指标", "社会效益指标", "森林火灾发生率", "≤0.5‰", "0.2‰"],
    ["满意度指标", "服务对象满意度指标", "林区群众满意度", "≥90%", "达成预期指标"],
]
EXPECTED = [
    ("数量指标", "巡护里程", "≥5000公里", "5230公里"),
    ("数量指标", "巡护车辆维修次数", "不超过12次", "9次"),
    ("质量指标", "火情发现及时率", "100%", "100%"),
    ("时效指标", "巡护完成时间", "2023年12月底前", "2023年12月"),
    ("社会效益指标", "森林火灾发生率", "≤0.5‰", "0.2‰"),
    ("服务对象满意度指标", "林区群众满意度", "≥90%", "达成预期指标"),
]
PREVIEW_JUNK = "上传人:张** 文档编号:123 格式:DOCX 页数:2\n第1页 / 共2页\n\n"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.from_settings(load_tagger=False)


def _run() -> str:
    return "".join("".join(r) for r in ROWS)


def _read(extractor: Extractor, text: str):
    record = extractor.extract_text(text, doc_id="flat", mode="parser")
    assert len(record.projects) == 1, record.meta
    return record.projects[0]


def test_a_run_reads_its_project_funds_and_rows(extractor):
    p = _read(extractor, PREVIEW_JUNK + "1、" + _run() + "\n")
    assert (p.name, p.department, p.implementer) == ("森林防火巡护经费", "青山区应急管理局", "青山区森林消防大队")
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (
        800000.0, 800000.0, 760000.0, 95.0)
    assert [(i.level2, i.name, i.target, i.actual) for i in p.indicators] == EXPECTED


def test_a_chunk_marker_inside_a_name_is_taken_out(extractor):
    run = _run()
    cut = run.index("火情发现及时率") + 3  # the preview's next chunk starts inside the name
    p = _read(extractor, run[:cut] + "\n\n2、" + run[cut:] + "\n")
    assert [(i.level2, i.name, i.target, i.actual) for i in p.indicators] == EXPECTED


def test_a_traditional_mirror_with_pinyin_reads_the_same_rows(extractor):
    text = opencc.OpenCC("s2t").convert(_run()).replace("標", "標(biāo)").replace("數", "數(shù)")
    p = _read(extractor, text + "\n")
    assert len(p.indicators) == len(EXPECTED)
    assert [(i.target, i.actual) for i in p.indicators][0] == ("≥5000公里", "5230公里")
    assert p.funds.executed == 760000.0


def test_a_number_inside_a_name_does_not_cut_it():
    piece = "完成12个村道路改造≥12个12个"
    assert [piece[a:b] for a, b in row_cells(piece)] == ["完成12个村道路改造", "≥12个", "12个"]


def test_two_rows_under_one_category_are_cut_apart():
    piece = "新建站点数量≥5个6个改造管网长度3公里3.2公里"
    assert [piece[a:b] for a, b in row_cells(piece)] == ["新建站点数量", "≥5个", "6个", "改造管网长度", "3公里", "3.2公里"]


def test_values_to_end_reads_values_only():
    assert values_to_end("≥90%95%") == [(0, 4), (4, 7)]
    assert values_to_end("95%满意") is None


def test_three_amounts_and_a_rate_split_only_where_one_split_agrees():
    assert split_rate_run("80807695%", amounts=(2, 3)) == ["80", "80", "76", "95%"]
    assert split_rate_run("80807695%") is None  # two amounts cannot give that rate
    assert split_rate_run("1111100%", amounts=(2, 3)) is None  # 1/1/1 and 11/11: no split is certain


def test_a_text_with_few_known_words_is_not_cut(extractor):
    from jixiao.pipelines.flat_run import flat_run_cells
    from jixiao.pipelines.normalize import normalize_text

    assert flat_run_cells(normalize_text("项目名称森林防火巡护经费主管部门青山区应急管理局\n")) is None


def test_a_collapsed_run_keeps_its_space_runs_as_cell_breaks(extractor):
    # cells run together a row, the rows' breaks collapsed into runs of spaces, a wrapped category word
    text = ("转移支付(项目)名称乡村道路养护补助资金 地方主管部门青河县交通运输局资金使用单位青河县公路所 项目资金 (万元)  "
            "全年预算数(A)全年执行数(B)预算执行率(B/A) 年度资金总额:480480100%   绩效指标一级 指标 二级指标三级指标指标值"
            "全年实际完成值   数量指标养护农村公路里程2020         质量指标路面完好率达标1010         社会效益 指标 "
            "群众出行便利度3030   ")
    p = _read(extractor, text)
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (4800000.0, 4800000.0, 100.0)
    assert [(i.level2, i.name, i.target, i.actual) for i in p.indicators] == [
        ("数量指标", "养护农村公路里程", "20", "20"), ("质量指标", "路面完好率达标", "10", "10"),
        ("社会效益指标", "群众出行便利度", "30", "30")]
