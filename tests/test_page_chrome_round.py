"""Page chrome around a report or table (invented pages, the invbk round): a site's menu printed one item a line or as
one line of many items names no unit; numbered titles listed in a row are links to the page's reports, not its
projects; a doc-site's ad line between preview pages is no row content."""

import pytest

from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.prose import ProseParser
from jixiao.pipelines.prose_links import link_lines
from jixiao.pipelines.prose_units import heading_units

BODY = ["一、项目基本情况", "该项目全年预算数为120万元，实际支出115.2万元，预算执行率96%。",
        "1、数量指标", "1）培训人数，目标值≥300人，完成值320人，分值20分，得分20分。", "经自评，该项目得分96分。"]


def _units(text: str) -> list[str]:
    return [u.text for u in heading_units(text, [(0, len(text))])]


def test_a_menu_one_item_a_line_names_no_unit():
    # (组织机构 + 新闻中心 read together end like a unit's name: 中心)
    menu = ["网站首页", "组织机构", "新闻中心", "通知公告", "信息公开", "办事指南"]
    assert _units("\n".join(menu + BODY) + "\n") == []


def test_a_short_heading_over_its_title_is_still_a_unit():
    text = "\n".join(["示例县", "人力资源和社会保障局", "2023年度项目支出绩效自评报告"] + BODY) + "\n"
    assert _units(text) == ["示例县人力资源和社会保障局"]


def test_a_menu_on_one_line_names_no_unit():
    # (its items joined end in 政府 … 公开, a unit and a report's last word)
    line = "首页\t政府信息公开指南\t政府信息公开制度\t法定主动公开内容\t政府信息公开年报\t依申请公开"
    assert _units("\n".join([line] + BODY) + "\n") == []


@pytest.mark.parametrize("marks", [("1.", "2."), ("（1）", "（2）"), ("①", "②")])
def test_numbered_titles_in_a_row_are_links_and_the_printed_report_is_the_project(marks):
    listed = [marks[0] + "示例县2022年度甲产业补助资金绩效自评报告", marks[1] + "示例县2022年度乙环境整治专项资金绩效自评报告"]
    text = "\n".join(["现将我局2022年度项目支出绩效自评报告公开如下："] + listed
                     + ["示例县2022年度甲产业补助资金绩效自评报告"] + BODY) + "\n"
    assert [text[a:b] for a, b in link_lines(text, 0, len(text))] == listed
    assert [p.name.text for p in ProseParser().parse(normalize_text(text))] == ["甲产业补助资金"]


def test_one_numbered_title_alone_is_no_link_list():
    text = "\n".join(["1.示例县2022年度甲产业补助资金绩效自评报告"] + BODY) + "\n"
    assert link_lines(text, 0, len(text)) == []


def test_an_ad_line_between_preview_pages_is_dropped():
    text = "特困人员救助供养人数 ≥3000人 3260人 10 10\n【广告】VIP会员限时五折，海量文档免费下载\n临时救助人次 ≥4500人次 4870人次 10 10\n"
    assert "广告" not in normalize_text(text).text
