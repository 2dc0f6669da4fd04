"""A table printed twice on one page is one project; two tables of one name that differ are two. Invented, small."""

from jixiao.pipelines.extract import Extractor

TABLE = "\n".join([
    "项目名称\t社区养老服务补助",
    "主管部门\t示例县民政局\t实施单位\t示例县养老服务中心",
    "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "年度资金总额\t{budget}\t{budget}\t45\t10\t90%\t9",
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
    "产出指标\t数量指标\t服务老人人数\t≥500人\t520人\t20\t20",
    "满意度指标\t服务对象满意度指标\t老人满意度\t≥90%\t93%\t10\t10",
    "总分\t\t\t\t\t100\t95",
])


def _projects(text):
    return Extractor.from_settings(load_tagger=False).extract_text(text, mode="parser").projects


def test_a_table_printed_twice_is_one_project():
    table = TABLE.format(budget=50)
    [p] = _projects(f"{table}\n\n附件预览\n\n{table}")
    assert p.name == "社区养老服务补助" and len(p.indicators) == 2 and p.score == 95


def test_two_tables_of_one_name_with_other_amounts_are_two_projects():
    assert len(_projects(f"{TABLE.format(budget=50)}\n\n{TABLE.format(budget=60)}")) == 2
