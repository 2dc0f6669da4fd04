"""Pipe-terminated cells, one a line (a 决算公开 page's table as text), where pipe-only filler lines do not mark every
row's end: a row as wide as the table prints none (the indicator header runs into the first row), a page prints
none between indicator rows whose merged cells repeat, or none in a whole table (``wide_blocks``). Invented
examples in the Inner-Mongolia / Ningxia / Liaoning forms: 指标方向 and 运算符号 in words, 指标值 and 度量单位 apart."""

from jixiao.pipelines.layout import parse_rows
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.wide_blocks import MAX_ROW_CELLS, regroup_wide_blocks


def _cells(*cells: str) -> list[str]:
    return [f"{c} |" if c else "|" for c in cells]


HEAD = [*_cells("项目名称", "草原生态巡护经费"), "|||||||||||", *_cells("主管部门", "[301]示例旗林业和草原局", "实施单位",
        "[301002]示例旗草原工作站"), "|||||||||",
        *_cells("项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"), "|||||",
        *_cells("年度资金总额", "60", "64", "60.8", "10", "95%", "9.5"), "|||||"]


def _read(extractor, lines):
    return extractor.extract_text("\n".join(lines), doc_id="t", mode="parser").projects


def _rows(p):
    return [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]


def test_a_header_as_wide_as_the_table_runs_into_the_first_row(extractor):
    """No filler line after the header (its blank last cell fills the width): the block holds the header and the
    first row; the operator word joins its value and unit, the direction (正向) does not, 定性 is no operator."""
    lines = HEAD + [
        *_cells("绩效指标", "一级指标", "二级指标", "三级指标", "指标方向", "运算符号", "指标值", "度量单位", "实际完成值",
                "分值", "得分", "偏差原因分析及改进措施", ""),
        *_cells("产出指标", "数量指标", "指标1:巡护草原面积(万亩)", "正向", "大于等于", "120", "万亩", "126", "20", "20", ""),
        "||",
        *_cells("质量指标", "指标1:巡护记录完整率(%)", "正向", "等于", "100", "%", "100", "20", "20", ""), "|||",
        *_cells("效益指标", "生态效益指标", "指标1:草原植被盖度", "正向", "定性", "稳中有升", "", "稳中有升", "20", "18", ""), "||",
        *_cells("满意度指标", "服务对象满意度指标", "指标1:牧民满意度(%)", "正向", "不低于", "90", "%", "94", "30", "30", ""),
        "||", *_cells("总分", "100", "97.5"), "||||||||||",
    ]
    (p,) = _read(extractor, lines)
    assert (p.department, p.funds.executed, p.score) == ("示例旗林业和草原局", 608000, 97.5)
    assert _rows(p) == [
        ("产出指标", "数量指标", "指标1:巡护草原面积(万亩)", "大于等于120万亩", "126", 20, 20),
        ("产出指标", "质量指标", "指标1:巡护记录完整率(%)", "等于100%", "100", 20, 20),
        ("效益指标", "生态效益指标", "指标1:草原植被盖度", "稳中有升", "稳中有升", 20, 18),
        ("满意度指标", "服务对象满意度指标", "指标1:牧民满意度(%)", "不低于90%", "94", 30, 30),
    ]


def test_indicator_rows_without_filler_lines_between_them(extractor):
    """Merged cells repeated on every row and no filler between rows: the rows are told apart by their words."""
    rows = [("产出指标", "数量指标", "签约服务人数", "大于等于", "2800", "人", "2865", "30", "30"),
            ("产出指标", "时效指标", "补助资金拨付及时率", "等于", "100", "%", "100", "30", "30"),
            ("效益指标", "可持续影响指标", "签约团队稳定运行", "定性", "长期", "", "长期", "30", "28")]
    lines = HEAD + [*_cells("一级指标", "二级指标", "三级指标", "指标方向", "指标值", "度量单位", "实际完成值", "分值", "得分",
                            "偏差原因分析及改进措施")]
    for r in rows:
        lines += _cells(*r, "")
    lines += [*_cells("总分", "100", "97.5"), "| | | | |"]
    (p,) = _read(extractor, lines)
    assert _rows(p) == [
        ("产出指标", "数量指标", "签约服务人数", "大于等于2800人", "2865", 30, 30),
        ("产出指标", "时效指标", "补助资金拨付及时率", "等于100%", "100", 30, 30),
        ("效益指标", "可持续影响指标", "签约团队稳定运行", "长期", "长期", 30, 28),
    ]
    assert p.score == 97.5


def test_a_table_without_any_filler_after_one_with_fillers(extractor):
    """The second table of the page prints no filler line at all (its blank cells still a bare '|'): read whole."""
    first = HEAD + [*_cells("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"), "||",
                    *_cells("产出指标", "数量指标", "巡护次数", "≥48次", "52次", "90", "90"), "||",
                    *_cells("总分", "100", "99.5"), "|||||"]
    second = _cells("项目名称", "草原防火物资购置", "主管部门", "示例旗林业和草原局", "实施单位", "示例旗草原工作站",
                    "项目资金（元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
                    "年度资金总额", "356,000", "356,000", "341,760", "", "96.00%", "",
                    "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                    "产出指标", "数量指标", "购置防火物资批次", "≥3批", "3批", "50", "50",
                    "满意度指标", "服务对象满意度指标", "牧民满意度", "≥90%", "92%", "50", "48", "总分", "100", "98")
    p1, p2 = _read(extractor, first + second)
    assert (p1.score, p2.name) == (99.5, "草原防火物资购置")
    assert (p2.funds.annual_budget, p2.funds.executed, p2.funds.execution_rate, p2.score) == (356000, 341760, 96, 98)
    assert _rows(p2) == [("产出指标", "数量指标", "购置防火物资批次", "≥3批", "3批", 50, 50),
                         ("满意度指标", "服务对象满意度指标", "牧民满意度", "≥90%", "92%", 50, 48)]


def test_blocks_no_wider_than_a_row_are_left_alone():
    text = "\n".join(HEAD)
    norm = normalize_text(text)
    rows = parse_rows(norm)
    assert all(len(r.cells) <= MAX_ROW_CELLS for r in rows)
    assert [r.texts for r in regroup_wide_blocks(rows, norm.text)] == [r.texts for r in rows]


def test_narrow_headers_running_into_their_first_rows(extractor):
    """An eight-column table: the funds header runs into the total row (14 cells) and the indicator header into
    the first row (16): no wider than a row could be, but a header run going on into a category word or the funds
    total's label is two rows."""
    lines = [*_cells("项目名称", "城区绿化养护经费"), "|||||||", *_cells("主管部门", "示例市园林局", "实施单位", "示例市园林养护中心"),
             "|||||", *_cells("项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
             *_cells("年度资金总额", "80", "80", "76", "10", "95%", "9.5"), "||",
             *_cells("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"),
             *_cells("产出指标", "数量指标", "养护绿地面积", "≥120万平方米", "126万平方米", "30", "30", ""), "|||",
             *_cells("质量指标", "苗木成活率", "≥95%", "96%", "30", "30", ""), "||||",
             *_cells("满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "92%", "30", "28", ""), "|||",
             *_cells("总分", "100", "97.5"), "||||||"]
    (p,) = _read(extractor, lines)
    assert (p.funds.initial_budget, p.funds.executed, p.funds.execution_rate) == (800000, 760000, 95)
    assert _rows(p) == [("产出指标", "数量指标", "养护绿地面积", "≥120万平方米", "126万平方米", 30, 30),
                        ("产出指标", "质量指标", "苗木成活率", "≥95%", "96%", 30, 30),
                        ("满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "92%", 30, 28)]
