"""A project's self-evaluation form saved as CSV (invented, small): read as its tab table, quoted cells that span
lines joined; sentences with ASCII commas left to the prose reader."""

from __future__ import annotations

from jixiao.pipelines.csv_sheets import csv_rows
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.normalize import normalize_text

FORM = (
    "项目支出绩效自评表,,,,,,,\n"
    "项目名称,农村公路养护补助,,,,,,\n"
    "主管部门,某县交通运输局,,,实施单位,某县公路事业发展中心,,\n"
    "项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值,执行率,得分\n"
    ",年度资金总额,120.00,130.00,123.50,10,0.95,9.5\n"
    "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施\n"
    "产出指标,数量指标,养护农村公路里程,≥300公里,312公里,20,20,\n"
    ',时效指标,养护完成时间,"6月底前,12月底前分两次完成",按时完成,20,20,\n'
    ',,"危桥加固\n改造座数",≥3座,2座,20,15,"一座危桥因汛期\n顺延至次年"\n'
    "满意度指标,服务对象满意度指标,沿线群众满意度,≥90%,93%,30,30,\n"
    "总分,,,,,100,94.5,\n"
)


def test_a_form_saved_as_csv_reads_as_its_table():
    record = Extractor.from_settings(load_tagger=False).extract_text(FORM, mode="parser")
    [p] = record.projects
    assert (p.name, p.department, p.implementer, p.score) == ("农村公路养护补助", "某县交通运输局", "某县公路事业发展中心", 94.5)
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == \
        (1200000.0, 1300000.0, 1235000.0, 95.0)
    assert [(i.level2, i.name, i.target, i.actual, i.score) for i in p.indicators] == [
        ("数量指标", "养护农村公路里程", "≥300公里", "312公里", 20.0),
        ("时效指标", "养护完成时间", "6月底前,12月底前分两次完成", "按时完成", 20.0),
        ("时效指标", "危桥加固改造座数", "≥3座", "2座", 15.0),
        ("服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", 30.0),
    ]


def test_a_quoted_cell_over_two_lines_is_one_cell_and_keeps_its_offsets():
    norm = normalize_text(FORM)
    laid = csv_rows(norm)
    row = next(line for line in laid.text.split("\n") if line.startswith("\t\t危桥"))
    assert row.split("\t")[2] == "危桥加固改造座数" and row.split("\t")[-1] == "一座危桥因汛期顺延至次年"
    k = laid.text.index("改造座数")
    assert FORM[laid.offsets[k]:laid.offsets[k] + 4] == "改造座数"


def test_sentences_with_ascii_commas_are_no_sheet():
    # as many commas a line as a sheet's rows, but no empty and no quoted cell: a report's sentences
    prose = ("1)新建计量标准数量(项),目标值3,完成值3,分值6,得分6。\n"
             "2)检定设备数量(台),目标值10,完成值12,分值6,得分6。\n"
             "3)计量标准考核合格率(%),目标值100,完成值100,分值10,得分10。\n")
    assert csv_rows(normalize_text(prose), marked_share=0.5) is None
    [p] = Extractor.from_settings(load_tagger=False).extract_text("关于2023年度计量标准建设项目绩效自评情况的报告\n" + prose, mode="parser").projects
    assert [(i.name, i.target, i.actual) for i in p.indicators][0] == ("新建计量标准数量(项)", "3", "3")
