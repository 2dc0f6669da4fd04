"""The readers' choice of layout on mirror pages (every example invented)."""

import pytest


TABLE = [
    "项目名称 乡村卫生室标准化建设补助",
    "主管部门 示例县卫生健康局 实施单位 示例县基层卫生服务中心",
    "项目资金(万元) 年初预算数 全年预算数 全年执行数 执行率",
    "年度资金总额 90 90 86.4 96%",
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 偏差原因分析及改进措施",
    "产出指标 数量指标 新建标准化村卫生室数量 6个 达成预期指标",
    "配备基本诊疗设备套数 ≥30套 达成预期指标",
    "质量指标 卫生室建设验收合格率 100% 达成预期指标",
]


def _names(extractor, lines):
    (p,) = extractor.extract_text("\n".join(lines) + "\n", doc_id="t", mode="parser").projects
    return [(i.name, i.target) for i in p.indicators]


def test_a_navigation_bar_printed_with_pipes_leaves_space_rows_to_their_reader(extractor):
    # the nav bar's pipes become a tab line; it holds no number and no label, so it is no tab-row table
    want = [("新建标准化村卫生室数量", "6个"), ("配备基本诊疗设备套数", "≥30套"), ("卫生室建设验收合格率", "100%")]
    assert _names(extractor, TABLE) == want
    assert _names(extractor, ["首页 | 政务公开 | 网站导航", *TABLE, "网站导航 | 网站地图 | 联系我们"]) == want


SCORED = [
    "项目名称 城区公园绿地养护经费",
    "主管部门 示例县城市管理局 实施单位 示例县园林绿化中心",
    "项目资金(元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
    "年度资金总额 860000.00 860000.00 851400.00 10 99% 9.9",
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
    "产出指标 数量指标 养护公园绿地面积 ≥42万平方米 42.6万平方米 15 15",
    "质量指标 补植苗木成活率 ≥95% 96.2% 15 15",
    "时效指标 病虫害防治及时率 ≥9",
]


@pytest.mark.parametrize("chrome", ["相关文档推荐", "相關文檔推薦", "相关阅读:", "猜你喜欢"])
def test_a_related_documents_list_after_a_cut_row_ends_the_table(extractor, chrome):
    # the excerpt stops inside the last row (≥9); the site's list after it is no cell of that row
    lines = [*SCORED, chrome, "示例县2022年度部门决算公开说明"]
    assert [n for n, _ in _names(extractor, lines)] == ["养护公园绿地面积", "补植苗木成活率"]


def test_an_operator_typed_apart_from_its_number_in_space_rows(extractor):
    """≤ 30日 with a space in it is one target where the header has no operator column (运算符号): the lone ≤ is
    no cell of its own, so the row's actual and score keep their columns."""
    lines = [*SCORED[:6], "时效指标 养护问题处置时限 ≤ 48小时 36小时 10 10", "质量指标 补植苗木成活率 ≥95% 96.2% 15 15"]
    (p,) = extractor.extract_text("\n".join(lines) + "\n", doc_id="t", mode="parser").projects
    assert [(i.name, i.target, i.actual, i.score) for i in p.indicators][1] == ("养护问题处置时限", "≤48小时", "36小时", 10.0)
