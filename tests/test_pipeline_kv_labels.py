"""Field labels printed with their value in one cell (项目名称：X, 主管部门：Y), as rows and as collapsed text."""

import pytest

from jixiao.eval.variants import collapse
from jixiao.pipelines.extract import Extractor

KV = "\n".join([
    "\t2024年示例困难群众救助经费项目支出绩效自评表",
    "\t项目名称：2024年示例困难群众救助经费",
    "主管部门：示例县民政局\t实施单位：示例县社会救助服务中心",
    "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t80\t80\t72\t10\t90%\t9",
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
    "\t产出指标\t数量指标\t救助人次\t≥1500人次\t1620人次\t40\t40",
    "\t效益指标\t社会效益指标\t困难群众基本生活保障\t有效保障\t有效保障\t30\t30",
    "\t满意度指标\t服务对象满意度指标\t救助对象满意度\t≥90%\t95%\t20\t20",
    "总分\t\t\t\t\t\t\t99",
    "",
])


@pytest.fixture(scope="module")
def extractor():
    return Extractor.from_settings(load_tagger=False)


@pytest.mark.parametrize("variant", ["as printed", "collapsed"])
def test_label_and_value_in_one_cell(extractor, variant):
    text = KV if variant == "as printed" else collapse(KV)
    [p] = extractor.extract_text(text, mode="parser").projects
    assert (p.name, p.department, p.implementer) == ("2024年示例困难群众救助经费", "示例县民政局", "示例县社会救助服务中心")
    assert (p.funds.annual_budget, p.funds.executed) == (800000.0, 720000.0)
    assert {i.name for i in p.indicators} == {"救助人次", "困难群众基本生活保障", "救助对象满意度"}
