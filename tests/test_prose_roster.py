"""A summary table of projects printed as text in a prose report (prose_roster), invented examples."""

from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.prose import ProseParser
from jixiao.pipelines.prose_roster import roster


def _read(lines: list[str]):
    return ProseParser().parse(normalize_text("\n".join([*lines, ""])))


def _facts(p) -> tuple:
    f = p.funds
    return (p.name.text, p.department.text if p.department else None,
            tuple(x.text if x else None for x in (f.initial, f.annual, f.executed, f.rate)),
            p.score.text if p.score else None, p.grade.text if p.grade else None, f.factor)


def test_each_row_of_a_finance_bureaus_results_table_is_a_project_and_the_total_row_is_none():
    projects = _read([
        "东岚县财政局关于2023年度县级项目支出绩效自评结果的公示",
        "2023年度县直部门共对92个项目开展自评，平均得分91.2分。",
        "单位：万元",
        "序号 项目名称 主管部门 年初预算 全年预算 全年执行 执行率 自评得分 自评等级",
        "1 乡镇污水处理设施运维 东岚县住房和城乡建设局 300 320 304 95% 93 优",
        "2 中小学课后服务补助 东岚县教育局 150 150 120 80% 82 良好",
        "合计 450 470 424 90.21%",
        "附件：自评表（2个）",
    ])
    assert [_facts(p) for p in projects] == [
        ("乡镇污水处理设施运维", "东岚县住房和城乡建设局", ("300", "320", "304", "95"), "93", "优", 10000.0),
        ("中小学课后服务补助", "东岚县教育局", ("150", "150", "120", "80"), "82", "良", 10000.0),
    ]


def test_tab_or_bar_separated_rows_in_yuan_with_a_lone_budget_column():
    text = "\n".join([
        "序号\t项目名称\t预算数（元）\t执行数（元）\t执行率\t得分",
        "1\t河道保洁经费\t85,000.00\t85,000.00\t100%\t96",
        "2\t防汛物资储备\t40,000.00\t36,000.00\t90%\t88",
        "说明：以上为本局项目自评结果。", ""])
    rows = roster(text, 0, len(text))
    assert [(r.name.text, r.funds.annual.text, r.funds.executed.text, r.funds.factor) for r in rows] == [
        ("河道保洁经费", "85,000.00", "85,000.00", 1.0), ("防汛物资储备", "40,000.00", "36,000.00", 1.0)]
    barred = text.replace("\t", " | ")
    assert [r.name.text for r in roster(barred, 0, len(barred))] == ["河道保洁经费", "防汛物资储备"]


def test_a_header_without_figures_or_a_score_column_is_no_roster():
    # (an indicator table's header, a list of attachments: no project's funds and score columns)
    text = "\n".join(["一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
                      "产出指标 数量指标 巡查次数 ≥12次 12次 10 10",
                      "序号 项目名称 实施单位 备注", "1 河道保洁经费 某站 无", ""])
    assert roster(text, 0, len(text)) == []


def test_the_sections_a_summary_tables_names_head_take_its_rows_funds_and_scores():
    projects = _read([
        "某市林业局2023年度部门整体支出绩效自评报告",
        "部门决算支出合计3,200.00万元，部门整体自评得分90分。",
        "单位：万元",
        "序号  项目名称  预算数  执行数  执行率  自评得分",
        "1  森林防火巡护  120.00  114.00  95%  94",
        "2  古树名木保护  60.00  60.00  100%  97",
        "合计  180.00  174.00  96.67%  —",
        "（二）各项目绩效指标完成情况",
        "1.森林防火巡护",
        "产出指标：巡护里程，年度指标值≥3000公里，实际完成值3120公里。",
        "2.古树名木保护",
        "产出指标：挂牌保护古树数量，年度指标值420株，实际完成值420株。",
    ])
    assert [(_facts(p)[0], _facts(p)[2], _facts(p)[3], [i.name.text for i in p.indicators]) for p in projects] == [
        ("森林防火巡护", (None, "120.00", "114.00", "95"), "94", ["巡护里程"]),
        ("古树名木保护", (None, "60.00", "60.00", "100"), "97", ["挂牌保护古树数量"]),
    ]
