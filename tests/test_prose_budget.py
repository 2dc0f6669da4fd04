"""A prose report's budget printed without a budget word, read from the rate and the executed amount it states."""

from __future__ import annotations


def _funds(extractor, text: str):
    (p,) = extractor.extract_text(text, mode="parser").projects
    return p.funds.annual_budget, p.funds.executed, p.funds.execution_rate


TITLE = "示例县2023年度中央财政农村环境整治专项资金转移支付绩效自评报告\n"


def test_the_funds_figure_the_rate_and_the_executed_amount_imply_is_the_budget(extractor):
    text = TITLE + ("全县确定农村环境整治项目1个，项目总投资1264万元，其中中央财政农村环境整治专项资金620万元。\n"
                    "按照工程进度已拨付中央财政农村环境整治资金465万元，专项资金执行率为75%。\n")
    assert _funds(extractor, text) == (6200000.0, 4650000.0, 75.0)  # (1264 × 75% is not 465: the investment is not)


def test_no_budget_where_no_figure_fits_or_two_different_ones_do(extractor):
    none_fits = TITLE + "项目总投资1264万元。已拨付资金465万元，执行率为75%。\n"
    assert _funds(extractor, none_fits)[0] is None
    two_fit = TITLE + "中央资金620万元，省级资金620.4万元。已拨付资金465.2万元，执行率为75%。\n"
    assert _funds(extractor, two_fit)[0] is None


def test_a_figure_without_a_money_word_before_it_is_no_budget(extractor):
    text = TITLE + "治理河道620公里，惠及群众620万元收入。已拨付资金465万元，执行率为75%。\n"
    assert _funds(extractor, text)[0] is None


def test_a_rate_of_a_hundred_percent_implies_nothing(extractor):
    text = TITLE + "其中中央资金465万元。已拨付资金465万元，执行率为100%。\n"
    assert _funds(extractor, text)[0] is None
