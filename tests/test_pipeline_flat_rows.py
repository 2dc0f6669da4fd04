"""Collapsed tables (line breaks and tabs gone): rows whose cells the line wrap broke apart, and remarks."""

from functools import lru_cache

import pytest

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.collapsed_tokens import join_spaced_numbers
from jixiao.pipelines.flat import FlatParser
from jixiao.pipelines.layout import Cell

# one table as a web page copy or OCR gives it: every cell wrapped at a few characters, then joined by spaces
COLLAPSED = (
    "项目支出绩效自评表 项目名称 社区养老服务补助 主管部门 某区民政局 实施单位 某区养老服务中心 "
    "一级指标 二级指标 三级指标 指标值 完成值 分值 得分 偏差原因分析及改进措施 "
    "产出指标 数量指标 服务老人 人数 ≥500人 520人 20 20 无偏差 "
    "组织召开会 议次数 ≥12次 12次 10 10 / "
    "质量指标 设施验收 合格率 ≧98 .5% 99% 10 10 按计划完成 "
    "时效指标 补助发放及时率 20 24年6月底前 2024年6月底前 10 9 "
    "效益指标 社会效益指标 是否纳入 长效机制 是 是 20 20 "
    "满意度指标 服务对象满意度指标 老人满意度 ≥90% 95% 20 19 总分 100 98"
)


@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    return Extractor.from_settings(load_tagger=False)


def _row(rec, name):
    [project] = rec.projects
    return next(i for i in project.indicators if i.name == name)


def test_broken_cells_are_rejoined_and_remarks_skipped():
    rec = _extractor().extract_text(COLLAPSED, mode="parser")
    [project] = rec.projects
    assert [i.name for i in project.indicators] == [
        "服务老人人数", "组织召开会议次数", "设施验收合格率", "补助发放及时率", "是否纳入长效机制", "老人满意度"]
    assert (_row(rec, "组织召开会议次数").target, _row(rec, "组织召开会议次数").actual) == ("≥12次", "12次")
    assert _row(rec, "设施验收合格率").target == "≧98.5%"  # a number cut in two is one value
    assert _row(rec, "补助发放及时率").target == "2024年6月底前"
    assert (_row(rec, "是否纳入长效机制").target, _row(rec, "是否纳入长效机制").actual) == ("是", "是")
    assert (_row(rec, "老人满意度").weight, _row(rec, "老人满意度").score) == (20, 19)


def _tokens(text):
    out, at = [], 0
    for word in text.split(" "):
        out.append(Cell(col=len(out), start=at, end=at + len(word), text=word))
        at += len(word) + 1
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("运转保障率 ≥95% 96%", ["运转保障率", "≥95%", "96%"]),  # as many tokens as columns: untouched
    ("计划 完成时间 ≤30天 28天", ["计划完成时间", "≤30天", "28天"]),
    ("培训人次 ≧28 8.94人 288.94人", ["培训人次", "≧288.94人", "288.94人"]),
    ("工程 质量 达标率 达标 达标", ["工程质量达标率", "达标", "达标"]),
])
def test_split_row_groups_tokens_into_name_and_values(text, expected):
    parser = FlatParser()
    cells = parser.split_row(_tokens(text), 2, text)
    assert [c.clean for c in cells] == expected


def test_split_row_takes_a_spaced_run_of_one_character_values_apart():
    text = "指标 是否建档 优 良"
    joined = [Cell(col=0, start=3, end=7, text="是否建档"), Cell(col=1, start=8, end=11, text="优 良")]
    cells = FlatParser().split_row(joined, 2, text)
    assert [c.clean for c in cells] == ["是否建档", "优", "良"]


def test_a_spaced_out_title_does_not_swallow_the_name_label_and_a_spaced_year_stays_in_its_word():
    text = ("2 0 2 2 年 统 计 经 费 绩 效 自 评 表 项 目 名 称 2 0 2 2 年 统 计 调 查 工 作 经 费 "
            "主管部门 某市统计局 实施单位 某市统计局 项目资金（万元） 年初预算数 全年预算数 全年执行数 执行率 "
            "总额 10 10 10 100%")
    [project] = _extractor().extract_text(text, mode="parser").projects
    assert project.name == "2022年统计调查工作经费"
    assert project.department == "某市统计局"


# the same kind of table with the field values cut by stray spaces (a scan's OCR, a PDF's kerning)
CUT_FIELDS = (
    "项目支出绩效自评表 项目名称 : 202 2年重大传染病防 控 工作经费 联系人:张某 主管部门 885 武侯区商 务局 "
    "实施单位 武侯区疾病预防控制中心 一级指标 二级指标 三级指标 指标值 完成值 分值 得分 "
    "产出指标 数量指标 检测人数 ≥500人 520人 20 20 总分 100 98"
)


def test_field_values_cut_by_spaces_are_rejoined():
    rec = _extractor().extract_text(CUT_FIELDS, mode="parser")
    [project] = rec.projects
    # the name takes every piece of its line up to a piece that is another field; numbers and words cut in two rejoin
    assert project.name == "2022年重大传染病防控工作经费"
    assert project.department == "武侯区商务局"  # a bare unit code takes the name after it
    assert project.implementer == "武侯区疾病预防控制中心"


def test_a_department_does_not_take_a_piece_that_is_no_cut():
    # 某区民政局 | 社区养老: no number or word is cut between them, so the second is not part of the department
    rec = _extractor().extract_text(
        "项目名称 社区养老服务补助 主管部门 某区民政局 社区养老 实施单位 某区养老服务中心 "
        "一级指标 二级指标 三级指标 指标值 完成值 分值 得分 产出指标 数量指标 服务老人人数 ≥500人 520人 20 20",
        mode="parser")
    assert rec.projects[0].department == "某区民政局"


def test_a_label_cut_after_its_first_character_is_one_word():
    # 主 | 管部门: the single character does not start a run of its own, so the name stops at the label
    rec = _extractor().extract_text(
        "项目支出绩效自评表 项目名称： 2022年 数据系统维护费专项资金 主 管部门 某县审计局 实 施单位 某县信息中心 "
        "一级指标 二级指标 三级指标 指标值 完成值 分值 得分 产 出 指 标 数量指标 检测人数 ≥500人 520人 20 20",
        mode="parser")
    [project] = rec.projects
    assert project.name == "2022年数据系统维护费专项资金"
    assert (project.department, project.implementer) == ("某县审计局", "某县信息中心")
    assert project.indicators[0].level1 == "产出指标"  # a spaced-out run (产 出 指 标) is still one word


def test_a_spaced_out_cell_does_not_swallow_the_spaced_out_header_after_it():
    # 达 成 预 期 指 标 | 一 级 指 标: the run of single characters stops where the column header opens
    rec = _extractor().extract_text(
        "项目名称 社区养老服务补助 主管部门 某区民政局 实施单位 某区养老服务中心 "
        "年度总体目标 达 成 预 期 指 标 一 级 指 标 二级指标 三级指标 指标值 完成值 分值 得分 "
        "产出指标 数量指标 服务老人人数 ≥500人 520人 20 20 效益指标 社会效益指标 老人生活质量 提高 提高 30 28",
        mode="parser")
    [project] = rec.projects
    assert [(i.name, i.weight, i.score) for i in project.indicators] == [("服务老人人数", 20, 20), ("老人生活质量", 30, 28)]


def test_marginalia_between_flattened_rows_do_not_become_indicator_names():
    # a contact line, a unit note and a page number printed between two rows of the table
    rec = _extractor().extract_text(
        "项目名称 社区养老服务补助 主管部门 某区民政局 实施单位 某区养老服务中心 "
        "一级指标 二级指标 三级指标 指标值 完成值 分值 得分 "
        "产出指标 数量指标 服务老人人数 ≥500人 520人 20 20 联系人：张某 联系电话：0777-7777777 单位：万元 - 3 - "
        "效益指标 社会效益指标 老人生活质量 提高 提高 30 28",
        mode="parser")
    [project] = rec.projects
    assert [(i.name, i.target, i.weight, i.score) for i in project.indicators] == [
        ("服务老人人数", "≥500人", 20, 20), ("老人生活质量", "提高", 30, 28)]


def test_a_spaced_out_label_with_its_brackets_spaced_too_is_one_word():
    rec = _extractor().extract_text(
        "项目支出绩效自评表 项 目 ( 政 策 ) 名 称 其他检察 支出资金 主管部门 某区人民法院 实施单位 某区劳动保障监察大队 "
        "一级指标 二级指标 三级指标 指标值 完成值 分值 得分 产出指标 数量指标 办案数量 ≥500件 520件 20 20",
        mode="parser")
    assert [p.name for p in rec.projects] == ["其他检察支出资金"]


def test_rows_under_a_level_one_that_is_no_indicator_category_are_not_read():
    # 项目决策/履职效能 are level-1 headings of some forms, not categories: the record keeps no rows under them
    rec = _extractor().extract_text(
        "项目名称 社区养老服务补助 主管部门 某区民政局 实施单位 某区养老服务中心 "
        "一级指标 二级指标 三级指标 指标值 完成值 分值 得分 "
        "项目决策(10分) 项目立项 立项依据充分性 充分 充分 5 5 "
        "产出指标 数量指标 服务老人人数 ≥500人 520人 20 20 履职效能 绩效管理 资金使用规范率 100% 100% 5 5",
        mode="parser")
    [project] = rec.projects
    assert [i.name for i in project.indicators] == ["服务老人人数"]


def test_numbers_spaced_out_character_by_character_are_one_value_when_a_point_or_unit_says_so():
    rec = _extractor().extract_text(
        "项目名称 社区养老服务补助 主管部门 某区民政局 实施单位 某区养老服务中心 "
        "一级指标 二级指标 三级指标 指标值 完成值 分值 得分 "
        "产出指标 数量指标 服务老人人数 ≥500人 5 2 0 人 20 20 质量指标 验收合格率 ≥80% 8 0 % 10 10 "
        "成本指标 人均补助 ≤3.5万元 3 . 2 5 万元 10 10",
        mode="parser")
    rows = {i.name: (i.actual, i.weight, i.score) for i in rec.projects[0].indicators}
    assert rows == {"服务老人人数": ("520人", 20, 20), "验收合格率": ("80%", 10, 10), "人均补助": ("3.25万元", 10, 10)}


def test_digits_spaced_out_alone_stay_apart():
    # 1 0 4 may be a spaced weight of 10 and a score of 4: no point or unit says they are one number
    text = "达成 达成 1 0 4 5 5"
    assert [c.clean for c in join_spaced_numbers(_tokens(text), text)] == ["达成", "达成", "1", "0", "4", "5", "5"]


def test_a_project_name_wrapped_onto_the_next_line_in_a_spaced_layout_is_rejoined():
    rec = _extractor().extract_text(
        "项目支出绩效自评表\n项目(政策)名称     遂宁市一般行政\n管 理事务专项资金\n主管部\n门及代码    386-遂宁市体育局\n"
        "预算单位     遂宁市第一中学\n一级指标 二级指标 三级指标 指标值 完成值 分值 得分\n"
        "产出指标 数量指标 赛事场次 ≥5场 6场 20 20",
        mode="parser")
    [project] = rec.projects
    assert (project.name, project.department) == ("遂宁市一般行政管理事务专项资金", "遂宁市体育局")
