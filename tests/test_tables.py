"""Where a project table opens: a 项目名称 label OCR misread in two characters, in rows and in a table run into one
line (invented examples)."""

import pytest

from jixiao.pipelines.scan_residue import slipped_name_label


@pytest.mark.parametrize("label", ["项日名祢", "顶目名祢", "项目各称"])
def test_name_labels_misread_in_at_most_two_characters(label):
    assert slipped_name_label(label) == "项目名称"


@pytest.mark.parametrize("label", ["项目编码", "项目类型", "单位名称", "部门名称", "项目名称", "日名祢", "项日名祢称", "A目名称"])
def test_other_words_are_no_slipped_name_label(label):
    """Printed labels two characters away (项目编码, 单位名称), the label itself, another length, a letter."""
    assert slipped_name_label(label) is None


SCAN = [
    "丨 {label} 丨 2023年示例县饮水安全巡查项目 丨",
    "丨 主 管 部 门 丨 示例县水利局 丨 实 施 单 位 丨 示例县水务站 丨",
    "丨 项目资金 丨 丨 年初预算数 丨 全年预算数 丨 全年执行数 丨 执行率 丨",
    "丨 （万元） 丨 年度资金总额 丨 20 丨 20 丨 19 丨 95% 丨",
    "丨 一级指标 丨 二级指标 丨 三级指标 丨 年度指标值 丨 实际完成值 丨 分值 丨 得分 丨",
    "丨 产出指标 丨 数量指标 丨 巡查水源地次数 丨 ≥24次 丨 26次 丨 50 丨 50 丨",
    "丨 总 分 丨 丨 丨 丨 丨 100 丨 98 丨",
]


def test_a_scanned_table_whose_name_label_slipped_twice_is_read(extractor):
    text = "\n".join(SCAN).replace("{label}", "项 日 名 祢")
    (p,) = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert (p.name, p.department, p.implementer, p.funds.annual_budget) == (
        "2023年示例县饮水安全巡查项目", "示例县水利局", "示例县水务站", 200000.0)


def test_a_twice_slipped_label_below_a_name_row_opens_no_second_table(extractor):
    """项目名称 printed right, then a row labeled two edits from it (项目地点): one project, named by the first row."""
    lines = [SCAN[0].replace("{label}", "项目名称"), "丨 项目地点 丨 示例县城关镇 丨", *SCAN[1:]]
    (p,) = extractor.extract_text("\n".join(lines), doc_id="t", mode="parser").projects
    assert p.name == "2023年示例县饮水安全巡查项目"


def test_a_twice_slipped_label_in_a_table_run_into_one_line(extractor):
    """The same scan with its line breaks lost (pipes between cells on one line): the cell stream reads the label too."""
    text = " ".join(SCAN).replace("{label}", "项 日 名 祢")
    (p,) = extractor.extract_text(text, doc_id="t", mode="parser").projects
    assert (p.name, p.department, p.funds.annual_budget) == ("2023年示例县饮水安全巡查项目", "示例县水利局", 200000.0)
