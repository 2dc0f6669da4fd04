"""Section 3: the one normalization, numbers and the null rules."""

import pytest

from jixiao.eval.normalize import is_null, normalize_text, parse_number, values_equal


@pytest.mark.parametrize(
    ("printed", "normalized"),
    [
        (">=95%", "≥95%"),
        ("≧ 95 %", "≥95%"),
        ("＞＝95％", "≥95%"),  # full-width forms go through NFKC first
        ("<= 3天", "≤3天"),
        ("≦3天", "≤3天"),
        ("═100%", "=100%"),
        ("＝88个", "=88个"),
        ("A，B", "A,B"),
        ("按时完成。", "按时完成"),
        ("汾阳市 人力资源\n和社会\t保障局", "汾阳市人力资源和社会保障局"),
        ("ＡＢＣ１２３", "ABC123"),
    ],
)
def test_normalize_text(printed, normalized):
    assert normalize_text(printed) == normalized


def test_only_one_trailing_full_stop_and_blank_is_null():
    assert normalize_text("好。。") == "好。"
    assert normalize_text("  \n ") is None
    assert normalize_text(None) is None


@pytest.mark.parametrize("form", [100, 100.0, "100", "100%", "100.00%", "１００％", " 100 % "])
def test_percent_forms_are_one_rate(form):
    assert parse_number(form) == 100.0
    assert values_equal("funds.execution_rate", 100.0, form)


def test_rates_and_scores_within_0005():
    assert values_equal("funds.execution_rate", 92.35, 92.355)
    assert not values_equal("funds.execution_rate", 92.35, 92.36)
    assert values_equal("indicator.score", 4, 4.005)
    assert not values_equal("indicator.score", 4, 4.01)
    assert not values_equal("score", 99, 98)


def test_amounts_in_yuan_within_half_a_yuan():
    # 27.34 万元 printed, 273400 yuan in gold: the extractor converts, the scorer allows half a yuan.
    wan = 27.34 * 10000  # 273399.99999999997 in floating point
    assert values_equal("funds.initial_budget", 273400.0, wan)
    assert values_equal("funds.executed", 273400.0, 273400.5)
    assert not values_equal("funds.executed", 273400.0, 273400.51)
    # a figure left in 万元 is wrong
    assert not values_equal("funds.annual_budget", 273400.0, 27.34)
    assert values_equal("funds.annual_budget", 1234567.0, "1,234,567.00")


def test_null_rules():
    assert is_null("indicator.weight", None)
    assert is_null("indicator.weight", "IO")  # a numeric cell that does not parse is null
    assert not is_null("indicator.weight", 0)
    assert is_null("indicator.target", "  ")
    assert not is_null("indicator.target", "M.8万元")  # OCR slips in strings stay as printed
    assert not values_equal("indicator.target", None, None)  # null never equals, it is simply not a fact


def test_strings_compare_after_normalization_only():
    assert values_equal("indicator.target", "≥ 95%", ">=95%")
    assert values_equal("department", "407-汾阳市 教育局", "407-汾阳市教育局")
    assert not values_equal("indicator.target", "95%", "95.00%")  # strings are not parsed as numbers
    assert not values_equal("indicator.target", "≥95%", "≤95%")
