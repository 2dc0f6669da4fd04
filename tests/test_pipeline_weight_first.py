"""Indicator tables that print 分值 before the target (三级指标 分值 年度指标值 实际完成值 得分)."""

import pytest

from jixiao.eval.variants import collapse
from jixiao.pipelines.extract import Extractor

WEIGHT_FIRST = "\n".join([
    "项目支出绩效自评表",
    "项目名称\t2024年示例职业技能培训补贴",
    "主管部门\t示例市人社局\t实施单位\t示例市职业技能鉴定中心",
    "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t50\t50\t45\t10\t90%\t9",
    "绩效指标\t一级指标\t二级指标\t三级指标\t分值\t年度指标值\t实际完成值\t得分",
    "\t产出指标\t数量指标\t培训人数\t30\t≥500人\t540人\t30",
    "\t产出指标\t质量指标\t培训合格率\t20\t≥85%\t88%\t20",
    "\t效益指标\t社会效益指标\t就业技能提升\t20\t明显提升\t明显提升\t18",
    "\t满意度指标\t服务对象满意度指标\t学员满意度\t20\t≥90%\t94%\t20",
    "总分\t\t\t\t\t\t\t97",
    "",
])

EXPECTED = {
    "培训人数": ("≥500人", "540人", 30.0, 30.0),
    "培训合格率": ("≥85%", "88%", 20.0, 20.0),
    "就业技能提升": ("明显提升", "明显提升", 20.0, 18.0),
    "学员满意度": ("≥90%", "94%", 20.0, 20.0),
}


@pytest.fixture(scope="module")
def extractor():
    return Extractor.from_settings(load_tagger=False)


@pytest.mark.parametrize("variant", ["as printed", "collapsed"])
def test_weight_before_the_target(extractor, variant):
    text = WEIGHT_FIRST if variant == "as printed" else collapse(WEIGHT_FIRST)
    [p] = extractor.extract_text(text, mode="parser").projects
    assert {i.name: (i.target, i.actual, i.weight, i.score) for i in p.indicators} == EXPECTED
