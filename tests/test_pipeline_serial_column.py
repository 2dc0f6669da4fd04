"""Indicator tables with a leading 序号 column: its numbers are neither names nor the last row's score."""

import pytest

from jixiao.eval.variants import collapse
from jixiao.pipelines.extract import Extractor

SERIAL = "\n".join([
    "项目支出绩效自评表",
    "项目名称\t2024年示例河道保洁经费",
    "主管部门\t示例县水利局\t实施单位\t示例县河道管理站",
    "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t60\t60\t57\t10\t95%\t9.5",
    "绩效指标\t序号\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
    "\t1\t产出指标\t数量指标\t保洁河道长度\t≥120公里\t126公里\t30\t30",
    "\t2\t产出指标\t时效指标\t保洁及时率\t100%\t98%\t20\t18",
    "\t3\t效益指标\t生态效益指标\t河道水质达标率\t≥90%\t93%\t30\t30",
    "\t4\t满意度指标\t服务对象满意度指标\t沿河群众满意度\t≥85%\t90%\t10\t10",
    "总分\t\t\t\t\t\t\t\t97.5",
    "",
])

EXPECTED = {
    "保洁河道长度": ("产出指标", "数量指标", "≥120公里", "126公里", 30.0, 30.0),
    "保洁及时率": ("产出指标", "时效指标", "100%", "98%", 20.0, 18.0),
    "河道水质达标率": ("效益指标", "生态效益指标", "≥90%", "93%", 30.0, 30.0),
    "沿河群众满意度": ("满意度指标", "服务对象满意度指标", "≥85%", "90%", 10.0, 10.0),
}


@pytest.fixture(scope="module")
def extractor():
    return Extractor.from_settings(load_tagger=False)


@pytest.mark.parametrize("variant", ["as printed", "collapsed"])
def test_serial_numbers_are_skipped(extractor, variant):
    text = SERIAL if variant == "as printed" else collapse(SERIAL)
    [p] = extractor.extract_text(text, mode="parser").projects
    rows = {i.name: (i.level1, i.level2, i.target, i.actual, i.weight, i.score) for i in p.indicators}
    assert rows == EXPECTED
