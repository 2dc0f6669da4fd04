"""Tables printed in templates other than the national one: each departure read like the common template.

Departures seen in bureaus' tables (and drawn by ``models.synth.TableStyle``): both category levels in one
cell, other header words, a 序号 column, label and value in one cell, 分值 before the target. Each is read as
printed and with its layout gone (``eval.variants.collapse``).
"""

import pytest

from jixiao.eval.variants import collapse
from jixiao.pipelines import vocab as V
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.joined_levels import joined_levels_at, split_joined_levels

VARIANTS = ["as printed", "collapsed"]

JOINED = "\n".join([
    "项目支出绩效自评表",
    "项目名称\t2024年示例养老服务补贴",
    "主管部门\t示例市民政局\t实施单位\t示例市养老服务中心",
    "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t40\t40\t36\t10\t90%\t9",
    "一级指标-二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
    "产出指标-数量指标\t补贴发放人数\t≥800人\t812人\t20\t20",
    "产 出 指 标—质量指标\t发放准确率\t100%\t100%\t20\t20",
    "效益指标/社会效益指标\t老年人生活保障水平\t有效提升\t有效提升\t30\t28",
    "满意度指标-服务对象满意度\t老年人满意度\t≥90%\t93%\t20\t20",
    "总分\t\t\t\t\t97",
    "",
])

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


def _project(extractor, text, variant="as printed"):
    [p] = extractor.extract_text(text if variant == "as printed" else collapse(text), mode="parser").projects
    return p


def _rows(p):
    return {i.name: (i.level1, i.level2, i.target, i.actual, i.weight, i.score) for i in p.indicators}


# -- both levels in one cell

def test_joined_level_cells_are_read_as_two_columns(extractor):
    assert _rows(_project(extractor, JOINED)) == {
        "补贴发放人数": ("产出指标", "数量指标", "≥800人", "812人", 20.0, 20.0),
        "发放准确率": ("产出指标", "质量指标", "100%", "100%", 20.0, 20.0),
        "老年人生活保障水平": ("效益指标", "社会效益指标", "有效提升", "有效提升", 30.0, 28.0),
        "老年人满意度": ("满意度指标", "服务对象满意度指标", "≥90%", "93%", 20.0, 20.0),
    }


def test_joined_level_cells_are_read_when_the_layout_is_gone(extractor):
    rows = _rows(_project(extractor, JOINED, "collapsed"))
    assert rows["补贴发放人数"][:2] == ("产出指标", "数量指标")
    assert rows["老年人满意度"][:2] == ("满意度指标", "服务对象满意度指标")
    assert len(rows) == 4


def test_the_split_keeps_offsets_and_moves_later_cells_right():
    text = "产 出 指 标—质量指标\t发放准确率"
    row = Row(0, "tabs", 0, len(text), [Cell(0, 0, 12, text[:12]), Cell(1, 13, len(text), text[13:])])
    [split] = split_joined_levels([row], V.Categories())
    assert [(c.col, c.clean, text[c.start:c.end].strip()) for c in split.cells] == [
        (0, "产出指标", "产 出 指 标"), (1, "质量指标", "质量指标"), (2, "发放准确率", "发放准确率")]


@pytest.mark.parametrize("cell", ["2023-2024年度", "产出指标", "受益对象-数量", "数量指标-产出指标", "一级指标/三级指标"])
def test_other_cells_with_a_dash_are_left_alone(cell):
    assert joined_levels_at(Cell(0, 0, len(cell), cell), V.Categories()) is None


# -- other header words

def test_other_header_words_read_like_the_national_template(extractor):
    p = _project(extractor, OTHER_WORDS)
    assert (p.name, p.department, p.implementer) == ("农产品加工与促销", "示例区农业农村局", "示例区农业技术推广站")
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (300000.0, 280000.0, 252000.0)
    assert p.funds.execution_rate == 90.0
    assert p.score == 97.0
    assert _rows(p) == {
        "培训农户人数": ("产出指标", "数量指标", "≥300人", "320人", 40.0, 40.0),
        "农户增收": ("效益指标", "经济效益指标", "≥5%", "6%", 30.0, 28.0),
        "农户满意度": ("满意度指标", "服务对象满意度指标", "≥90%", "92%", 20.0, 20.0),
    }


def test_other_header_words_when_the_layout_is_gone(extractor):
    p = _project(extractor, OTHER_WORDS, "collapsed")
    assert (p.name, p.department) == ("农产品加工与促销", "示例区农业农村局")
    assert {i.name for i in p.indicators} == {"培训农户人数", "农户增收", "农户满意度"}


# -- a 序号 column

@pytest.mark.parametrize("variant", VARIANTS)
def test_serial_numbers_are_neither_names_nor_scores(extractor, variant):
    assert _rows(_project(extractor, SERIAL, variant)) == {
        "保洁河道长度": ("产出指标", "数量指标", "≥120公里", "126公里", 30.0, 30.0),
        "保洁及时率": ("产出指标", "时效指标", "100%", "98%", 20.0, 18.0),
        "河道水质达标率": ("效益指标", "生态效益指标", "≥90%", "93%", 30.0, 30.0),
        "沿河群众满意度": ("满意度指标", "服务对象满意度指标", "≥85%", "90%", 10.0, 10.0),
    }


# -- label and value in one cell

@pytest.mark.parametrize("variant", VARIANTS)
def test_label_and_value_in_one_cell(extractor, variant):
    p = _project(extractor, KV, variant)
    assert (p.name, p.department, p.implementer) == ("2024年示例困难群众救助经费", "示例县民政局", "示例县社会救助服务中心")
    assert (p.funds.annual_budget, p.funds.executed) == (800000.0, 720000.0)
    assert {i.name for i in p.indicators} == {"救助人次", "困难群众基本生活保障", "救助对象满意度"}


# -- 分值 before the target

@pytest.mark.parametrize("variant", VARIANTS)
def test_weight_before_the_target(extractor, variant):
    assert {name: row[2:] for name, row in _rows(_project(extractor, WEIGHT_FIRST, variant)).items()} == {
        "培训人数": ("≥500人", "540人", 30.0, 30.0),
        "培训合格率": ("≥85%", "88%", 20.0, 20.0),
        "就业技能提升": ("明显提升", "明显提升", 20.0, 18.0),
        "学员满意度": ("≥90%", "94%", 20.0, 20.0),
    }
