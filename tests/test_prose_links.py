"""A web page's links to other reports around a prose report (invented pages): 上一篇 / 下一篇 lines, bulleted
lists and a 相关文章 list, before or after the report, name no project of it."""

import pytest

from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.prose import ProseParser
from jixiao.pipelines.prose_links import link_lines
from jixiao.pipelines.prose_units import heading_units

FUNDS = "该项目全年预算数为120万元，实际支出115.2万元，预算执行率96%。"


def _links(text: str) -> list[str]:
    return [text[a:b] for a, b in link_lines(text, 0, len(text))]


def _names(text: str) -> list[str]:
    return [p.name.text for p in ProseParser().parse(normalize_text(text))]


def test_previous_and_next_links_and_bullets_are_links():
    text = "\n".join(["示例县某局2023年度某项目支出绩效自评报告", FUNDS, "上一篇：示例县某局2023年度部门整体支出绩效自评报告",
                      "下一篇：示例县某局2023年度乙项目支出绩效自评报告", "· 示例县某局2024年部门预算", ""])
    assert _links(text) == ["上一篇：示例县某局2023年度部门整体支出绩效自评报告", "下一篇：示例县某局2023年度乙项目支出绩效自评报告",
                            "· 示例县某局2024年部门预算"]


def test_a_related_list_runs_to_its_first_line_that_is_no_link():
    text = "\n".join(["相关文章：", "示例县某局2023年度甲资金绩效自评报告　2024-04-10", "示例县财政局关于下达乙资金的通知",
                      "主办：示例县人民政府办公室", ""])
    assert _links(text) == ["相关文章：", "示例县某局2023年度甲资金绩效自评报告　2024-04-10", "示例县财政局关于下达乙资金的通知"]


@pytest.mark.parametrize("after", [
    "发布日期：2024-05-29　来源：示例县某局　浏览次数：54",  # (the publication's metadata under the title)
    "根据县财政局要求，我局开展了绩效自评，现报告如下：",  # (the body's first sentence under it)
])
def test_a_sidebar_list_right_before_the_title_leaves_the_title(after):
    text = "\n".join(["相关文章", "示例县某局2023年度部门整体支出绩效自评报告", "示例县某局2022年度乙项目支出绩效自评报告",
                      "示例县某局2023年度甲项目支出绩效自评报告", after, ""])
    assert _links(text)[-1] == "示例县某局2022年度乙项目支出绩效自评报告"


def test_a_breadcrumb_ends_a_related_list():
    text = "\n".join(["相关阅读", "示例县某局2023年度乙项目支出绩效自评报告", "首页 > 政务公开 > 财政资金",
                      "示例县某局2023年度甲项目支出绩效自评报告", ""])
    assert _links(text) == ["相关阅读", "示例县某局2023年度乙项目支出绩效自评报告"]


def test_a_title_naming_only_the_unit_takes_the_body_name_not_the_next_link():
    # (the unit's generic title names no project; the 下一篇 link's project is another page's)
    text = "\n".join([
        "示例县退役军人事务局2023年度项目支出绩效自评报告", "一、项目基本情况",
        "就业创业培训项目由示例县退役军人事务局主管，示例县退役军人服务中心具体实施。", FUNDS,
        "下一篇：示例县退役军人事务局2023年度优抚对象医疗补助资金项目支出绩效自评报告", ""])
    assert _names(text) == ["就业创业培训项目"]


def test_a_related_list_before_the_title_opens_no_project():
    text = "\n".join([
        "相关文章", "示例县生态环境局2023年度大气污染防治项目支出绩效自评报告",
        "示例县生态环境局2022年度农村环境整治项目支出绩效自评报告", "首页 > 政务公开 > 绩效评价",
        "示例县生态环境局2023年度农村环境整治项目支出绩效自评报告", "发布日期：2024-05-29", FUNDS, ""])
    assert _names(text) == ["农村环境整治项目"]


def test_a_related_heading_over_a_link_is_no_heading_unit():
    # (the short 相关文章 line read with the linked title under it made a unit 相关文章示例县林业局)
    text = "\n".join(["相关文章", "示例县林业局2023年度部门整体支出绩效自评报告", "首页 > 政务公开 > 绩效评价",
                      "示例县生态环境局2023年度甲项目支出绩效自评报告", FUNDS, ""])
    assert [u.text for u in heading_units(text, [(0, len(text))])] == ["示例县生态环境局"]


def test_a_unit_line_over_a_sites_navigation_is_the_sites_name():
    # (a bureau's site prints its name over 网站首页 | …: no heading of the report, no department)
    text = "\n".join(["示例省应急管理厅", "网站首页 | 机构概况 | 政务公开", "您现在的位置: 首页 >> 政务公开",
                      "示例省应急管理厅关于2023年度救灾物资储备补助资金绩效自评情况的报告", FUNDS, ""])
    assert [u.text for u in heading_units(text, [(0, len(text))])] == []
    # (the same line over the report's title names its unit)
    text = "\n".join(["示例县生态环境局", "2023年度甲项目支出绩效自评报告", FUNDS, ""])
    assert [u.text for u in heading_units(text, [(0, len(text))])] == ["示例县生态环境局"]


def test_a_title_naming_one_project_makes_its_unit_the_author_not_a_department():
    # (records.md reads 主管部门 as printed; a bureau writing its project's report is its author, labelled null)
    one = "示例县司法局2023年度调解员补贴经费绩效自评报告"
    assert heading_units(f"{one}\n{FUNDS}\n", [(0, len(one) + len(FUNDS) + 2)]) == []
    generic = "示例县乡村振兴局2023年度专项资金绩效自评报告"
    assert [u.text for u in heading_units(f"{generic}\n{FUNDS}\n", [(0, len(generic) + len(FUNDS) + 2)])] \
        == ["示例县乡村振兴局"]
