"""A PDF text layer whose table cells are one space apart and wrap inside their rows (pdfplumber's
``extract_text``, a viewer's copy of a Word export): every example invented."""

import pytest

from jixiao.config import Settings
from jixiao.pipelines.document import Document
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.layout import parse_rows, space_rows
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.wrapped_rows import wrapped_rows

HEAD = ["项目名称 示例乡村道路养护经费",
        "主管部门 示例县交通运输局 实施单位 示例县公路养护中心"]
FUNDS = ["项目资金 年初预 全年预 全年执 分值 执行率 得分",
         "（万元） 算数 算数 行数",
         " 年度资金总额 50.00 60.00 57.00 10 95% 9.5"]
WRAPPED_HEADER = ["绩效 一级指 二级指 三级指标 年度指标 实际完成 分值 得分 偏差原因分析",
                  "指标 标 标 值 值 及改进措施"]


def _rows(lines: list[str]) -> list[list[str]]:
    norm = normalize_text("\n".join(lines) + "\n")
    return [r.texts for r in wrapped_rows(norm, parse_rows(space_rows(norm), one_row_per_line=True))]


@pytest.fixture(scope="module")
def extractor():
    # texts pulled from PDFs by other tools: rebuild wrapped rows in every text (by default only in PDF documents)
    return Extractor.from_settings(Settings(wrapped_rows="always"), load_tagger=False)


def _project(extractor, lines):
    (p,) = extractor.extract_text("\n".join(HEAD + FUNDS + lines) + "\n", doc_id="t", mode="parser").projects
    return p


def test_a_wrapped_header_builds_its_words_and_drops_the_margin_caption():
    rows = _rows([*WRAPPED_HEADER, " 产出指 数量指 道路养护里程 ≥120公里 126公里 20 20", " 标 标"])
    assert rows[0] == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    assert rows[1][:7] == ["产出指标", "数量指标", "道路养护里程", "≥120公里", "126公里", "20", "20"]


def test_continuation_pieces_go_to_the_cells_they_can_continue(extractor):
    # a level word's tail, a date's tail, a unit's tail, a name's tail and a remark's tail on one line each
    lines = [*WRAPPED_HEADER,
             " 产出指 数量指 道路养护里程 ≥120公里 126公里 20 20",
             " 标 标",
             " 时效指 养护完成时间 2023年11月 2023年12月 10 8 雨季较长，",
             " 标 底前 10日 已调整计划",
             " 效益指 社会效 沿线受益群众人 ≥1.8万人 1.86万人 20 20",
             " 标 益指标 数",
             " 满意度 服务对 群众满意度 ≥90% 93% 10 10",
             " 指标 象满意",
             " 度指标",
             " 总分 100 97.5"]
    p = _project(extractor, lines)
    got = [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]
    assert got == [
        ("产出指标", "数量指标", "道路养护里程", "≥120公里", "126公里", 20.0, 20.0),
        ("产出指标", "时效指标", "养护完成时间", "2023年11月底前", "2023年12月10日", 10.0, 8.0),
        ("效益指标", "社会效益指标", "沿线受益群众人数", "≥1.8万人", "1.86万人", 20.0, 20.0),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", 10.0, 10.0)]
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (500000.0, 600000.0, 570000.0)


def test_a_bracket_or_a_cut_number_takes_its_tail_before_the_name():
    rows = _rows([*WRAPPED_HEADER,
                  " 产出指 数量指 购置扑火机具数量 ≥280台（ 286台（套 10 10",
                  " 标 标 套） ）",
                  " 成本指 单位采购成本 ≤45元/立方 43.6元/立 10 10",
                  " 标 米 方米"])
    assert [r[2:5] for r in rows[1:]] == [["购置扑火机具数量", "≥280台(套)", "286台(套)"],
                                          ["单位采购成本", "≤45元/立方米", "43.6元/立方米"]]


def test_a_row_line_carries_the_tail_of_a_level_cell_merged_over_the_rows_above():
    # 产出 / 指标: the level-1 cell wraps onto the second row's line (a merged cell two lines tall)
    rows = _rows([*WRAPPED_HEADER,
                  "产出 数量 食品抽检批次 4800批次 4812批次 15 15",
                  "指标 指标 校园周边抽检批次 ≥600批次 580批次 10 8"])
    assert [r[:3] for r in rows[1:]] == [["产出指标", "数量指标", "食品抽检批次"], ["", "", "校园周边抽检批次"]]


def test_a_line_of_level_words_only_starts_the_next_rows_level_cells():
    # 满意度指标 服务对象 / 满意度指标 <row>: a level-1 cell and a level-2 cell wrapping onto the row's line
    rows = _rows(["一级指标 二级指标 三级指标 年度 实际 分值 得分",
                  "指标值 完成值",
                  "效益指标 社会效益指标 患者肇事发生率 ≤0.5% 0.2% 20 20",
                  "满意度指标 服务对象",
                  "满意度指标 患者家属满意度 ≥90% 92% 10 10"])
    assert [r[:3] for r in rows[1:]] == [["效益指标", "社会效益指标", "患者肇事发生率"],
                                         ["满意度指标", "服务对象满意度指标", "患者家属满意度"]]


def test_centered_rows_place_merged_level_cells_and_split_the_lines_between_rows(extractor):
    # vertically centered cells: 数量指标 between its two rows, 产出指标 on the middle row of its block, a remark's
    # first line above its row and its last below, beside the next merged level cell
    lines = ["一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
             " 道路养护里程 ≥120公里 126公里 10 10",
             " 数量指标",
             " 桥梁检查次数 ≥12次 12次 10 10",
             " 产出指标 质量指标 路面优良率 ≥85% 88% 10 10",
             " 部分路段受汛期影响",
             " 养护完成时间 11月底前 12月10日 10 8 延期，今后提前",
             " 时效指标 安排施工",
             " 资金拨付及时率 ≥90% 95% 10 10",
             " 沿线通达率 100% 100% 10 10",
             " 社会效益指标",
             " 效益指标 出行时间缩短 ≥20分钟 22分钟 10 10",
             " 总分 100 98"]
    got = [(i.level1, i.level2, i.name) for i in _project(extractor, lines).indicators]
    assert got == [("产出指标", "数量指标", "道路养护里程"), ("产出指标", "数量指标", "桥梁检查次数"),
                   ("产出指标", "质量指标", "路面优良率"), ("产出指标", "时效指标", "养护完成时间"),
                   ("产出指标", "时效指标", "资金拨付及时率"), ("效益指标", "社会效益指标", "沿线通达率"),
                   ("效益指标", "社会效益指标", "出行时间缩短")]


def test_a_template_placeholder_is_an_empty_slot_not_a_tail():
    rows = _rows([*WRAPPED_HEADER,
                  " 产出指 数量指 道路养护里程 ≥120公里 126公里 20 20",
                  " 标 标 指标2:",
                  " ……",
                  " 质量指 路面优良率 ≥85% 88% 20 20",
                  " 标"])
    assert [r[:5] for r in rows[1:]] == [["产出指标", "数量指标", "道路养护里程", "≥120公里", "126公里"],
                                         ["", "质量指标", "路面优良率", "≥85%", "88%"]]


def test_rows_one_a_line_under_a_one_line_header_and_layout_by_position_are_left_alone():
    web = ["一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
           "产出指标 数量指标 道路养护里程 ≥120公里 126公里 20 20",
           "质量指标 路面优良率 ≥85% 88% 20 20"]
    norm = normalize_text("\n".join(web) + "\n")
    rows = parse_rows(space_rows(norm), one_row_per_line=True)
    assert wrapped_rows(norm, rows) is rows
    laid = ["一级指     二级指     三级指标     年度指标   实际完成   分值   得分",
            "标         标                      值         值",
            "产出指标   数量指标   道路养护里程  ≥120公里  126公里    20     20"]
    norm = normalize_text("\n".join(laid) + "\n")
    rows = parse_rows(space_rows(norm), one_row_per_line=True)
    assert wrapped_rows(norm, rows) is rows


def test_a_department_wrapped_onto_a_line_of_its_own_joins_its_field(extractor):
    lines = ["项目名称 示例乡村道路养护经费",
             "主管部门 示例县交通运输局 实施单位 示例县农村公路建设服务中",
             " 心",
             *FUNDS, *WRAPPED_HEADER,
             " 产出指 数量指 道路养护里程 ≥120公里 126公里 20 20", " 标 标"]
    (p,) = extractor.extract_text("\n".join(lines) + "\n", doc_id="t", mode="parser").projects
    assert (p.department, p.implementer) == ("示例县交通运输局", "示例县农村公路建设服务中心")


def test_a_caption_on_the_line_under_a_field_row_is_no_tail_of_its_value():
    rows = _rows(["主管部门 示例县交通运输局 实施单位 示例县公路站", "项目资金", *FUNDS[:2], *WRAPPED_HEADER,
                  " 产出指 数量指 道路养护里程 ≥120公里 126公里 20 20", " 标 标"])
    assert rows[0][-1] == "示例县公路站"


def test_wrapped_rows_are_rebuilt_in_pdf_documents_by_default_and_left_in_web_text():
    lines = ["项目名称 示例乡村道路养护经费",
             "主管部门 示例县交通运输局 实施单位 示例县农村公路建设服务中",
             " 心",
             *FUNDS, *WRAPPED_HEADER,
             " 产出指 数量指 道路养护里程 ≥120公里 126公里 20 20", " 标 标"]
    text = "\n".join(lines) + "\n"
    default = Extractor.from_settings(Settings(), load_tagger=False)
    (pdf,) = default.extract(Document(doc_id="t", format="pdf", text=text), mode="parser").projects
    assert pdf.implementer == "示例县农村公路建设服务中心" and pdf.indicators[0].level2 == "数量指标"
    assert default.extract(Document(doc_id="t", text=text), mode="parser").projects[0].implementer != pdf.implementer
