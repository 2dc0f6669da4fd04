"""A funds table of tab rows inside a prose report (a Word report converted to text; invented examples)."""

from jixiao.pipelines.prose_funds_table import table_funds

REPORT = "\n".join([
    "一、项目概况",
    "本项目年初预算50万元，年中追加12万元，资金使用情况见下表。",
    "表2　资金使用情况",
    "单位：万元",
    "资金来源\t年初预算数\t全年预算数\t全年执行数\t执行率",
    "合计\t50.00\t62.00\t60.14\t97.00%",
    "其中：财政拨款\t50.00\t62.00\t60.14\t97.00%",
    "二、绩效目标完成情况",
    "",
])


def _values(text: str):
    funds = table_funds(text, 0, len(text))
    if funds is None:
        return None
    return (funds.factor, *(getattr(funds, f).text if getattr(funds, f) else None
                            for f in ("initial", "annual", "executed", "rate")))


def test_the_total_row_of_a_tab_table_in_prose_gives_the_funds():
    assert _values(REPORT) == (10000.0, "50.00", "62.00", "60.14", "97.00%")
    funds = table_funds(REPORT, 0, len(REPORT))
    # (the spans point into the report: the amount as printed there)
    assert REPORT[funds.annual.start:funds.annual.end] == "62.00"


def test_a_table_in_yuan_says_so_in_its_note():
    text = REPORT.replace("单位：万元", "单位：元").replace("50.00", "500000").replace("62.00", "620000").replace(
        "60.14", "601400")
    assert _values(text) == (1.0, "500000", "620000", "601400", "97.00%")


def test_a_summary_table_of_projects_is_no_one_projects_funds():
    text = "\n".join([
        "序号\t项目名称\t全年预算数\t全年执行数\t执行率",
        "1\t甲项目\t10\t9\t90%",
        "2\t乙项目\t20\t20\t100%",
        "合计\t\t30\t29\t96.67%", ""])
    assert table_funds(text, 0, len(text)) is None


def test_a_lone_tab_line_or_a_table_without_funds_columns_gives_none():
    assert table_funds("合计\t50\t62\t60\n下一段文字。\n", 0, 30) is None
    text = "指标\t目标\t完成\n数量\t10个\t12个\n"
    assert table_funds(text, 0, len(text)) is None
