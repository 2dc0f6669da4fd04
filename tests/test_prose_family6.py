"""Family 6 prose reports (Fujian numbered sentences, Yunnan inline paragraphs): how the project is named, where an
inline name ends, and when a stated figure is an allocation (invented texts, the invbc round)."""

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.prose_indicators import indicator_sentences

QUOTED_WITH_YEAR = "\n".join([
    "城区小巷整治工程绩效自评情况说明",
    "根据工作部署，我局对《2023年度城区小巷整治工程》开展了绩效自评，现说明如下：",
    "本项目预算数1,000,000.00元，实际支出950,000.00元，预算执行率95%。",
    "1、数量指标",
    "1)整治小巷条数(条),目标值:≥10,完成值:12,分值:10,得分:10。",
    "",
])

ARRANGED = "\n".join([
    "关于2023年度技能培训行动绩效自评情况的报告",
    "我局对2023年度技能培训行动开展了绩效自评。市级财政安排培训行动资金500万元，按季度拨付。",
    "1、数量指标",
    "(1)培训人次(人次),目标值≥2000,完成值2100,得分15。",
    "经综合评价，综合评价得分90分。",
    "",
])

METADATA = "\n".join([
    "索 引 号\t0001/2024-001",
    "发布机构\t示例县教育局",
    "幼儿资助经费项目绩效自评报告（2023年度）",
    "1、数量指标",
    "1)资助幼儿人数(人),目标值≥100,完成值120,分值20,得分20。",
    "",
])


def _project(text: str):
    return Extractor().extract_text(text, doc_id="t").projects[0]


def test_a_quoted_name_with_its_year_names_the_project_without_either():
    project = _project(QUOTED_WITH_YEAR)
    assert project.name == "城区小巷整治工程"
    assert project.funds.executed == 950000.0


def test_an_arranged_figure_with_nothing_spent_stated_gives_no_funds():
    funds = _project(ARRANGED).funds
    assert funds.annual_budget is None and funds.executed is None


def test_a_metadata_field_naming_the_publisher_is_no_department():
    assert _project(METADATA).department is None


def test_an_inline_name_keeps_its_own_figures_up_to_the_targets_sign():
    text = "社会效益指标：受灾群众24小时内基本生活得到救助率≥95%，实际达到98.5%。\n"
    (ind,) = indicator_sentences(text, 0, len(text))
    assert (ind.name.text, ind.target[0].text, ind.actual.text) == ("受灾群众24小时内基本生活得到救助率", "≥95%", "98.5%")


def test_a_worded_bound_opens_the_target_not_the_name():
    text = "质量指标：救助供养标准不低于当地低保标准1.3倍，实际达到1.3倍。\n"
    (ind,) = indicator_sentences(text, 0, len(text))
    assert (ind.name.text, ind.target[0].text) == ("救助供养标准", "不低于当地低保标准1.3倍")
