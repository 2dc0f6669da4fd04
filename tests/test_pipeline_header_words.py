"""Tables printed under other bureaus' header words (专项名称, 预算部门, 年初批复数, 预期指标值, 标准分值, 评分, ...)."""

import pytest

from jixiao.eval.variants import collapse
from jixiao.pipelines.extract import Extractor

OTHER_WORDS = "\n".join([
    "部门预算项目支出绩效自评表",
    "专项名称\t农产品加工与促销",
    "预算部门\t示例区农业农村局\t实施单位名称\t示例区农业技术推广站",
    "项目资金（万元）\t年初批复数\t本年预算数\t实际支出数\t资金执行率\t标准分值\t实际得分",
    "年度资金总额\t30\t28\t25.2\t90%\t10\t9",
    "绩效指标\t一级指标\t二级指标\t三级指标\t预期指标值\t完成情况\t权重分\t评分",
    "\t产出指标\t数量指标\t培训农户人数\t≥300人\t320人\t40\t40",
    "\t效益指标\t经济效益指标\t农户增收\t≥5%\t6%\t30\t28",
    "\t满意度指标\t服务对象满意度指标\t农户满意度\t≥90%\t92%\t20\t20",
    "综合得分\t97",
    "",
])


@pytest.fixture(scope="module")
def extractor():
    return Extractor.from_settings(load_tagger=False)


def test_other_header_words_read_like_the_national_template(extractor):
    [p] = extractor.extract_text(OTHER_WORDS, mode="parser").projects
    assert (p.name, p.department, p.implementer) == ("农产品加工与促销", "示例区农业农村局", "示例区农业技术推广站")
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (300000.0, 280000.0, 252000.0)
    assert p.funds.execution_rate == 90.0
    assert p.score == 97.0
    rows = {i.name: (i.level1, i.level2, i.target, i.actual, i.weight, i.score) for i in p.indicators}
    assert rows == {
        "培训农户人数": ("产出指标", "数量指标", "≥300人", "320人", 40.0, 40.0),
        "农户增收": ("效益指标", "经济效益指标", "≥5%", "6%", 30.0, 28.0),
        "农户满意度": ("满意度指标", "服务对象满意度指标", "≥90%", "92%", 20.0, 20.0),
    }


def test_other_header_words_when_the_layout_is_gone(extractor):
    [p] = extractor.extract_text(collapse(OTHER_WORDS), mode="parser").projects
    assert (p.name, p.department) == ("农产品加工与促销", "示例区农业农村局")
    assert {i.name for i in p.indicators} == {"培训农户人数", "农户增收", "农户满意度"}
