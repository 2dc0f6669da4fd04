"""Cell tails a PDF's raw text stream printed on lines of their own (``pdftotext -raw``): every example invented."""

from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.raw_wraps import joined_tails


def _lines(lines: list[str]) -> list[str]:
    return joined_tails(normalize_text("\n".join(lines) + "\n")).text.strip("\n").split("\n")


def test_a_name_tail_before_the_row_values_joins_the_name():
    got = _lines(["产出指标 数量指标 建设农业科技示范主体数", "量", "≥ 120 个 125 10 10"])
    assert got == ["产出指标 数量指标 建设农业科技示范主体数量", "≥ 120 个 125 10 10"]


def test_value_tails_after_a_date_or_an_unfinished_unit_join_their_value():
    got = _lines(["时效指标 改造工程完工时间", "2023年11月30", "日前", "2023年12月", "15日", "10 8"])
    assert got == ["时效指标 改造工程完工时间", "2023年11月30日前", "2023年12月15日", "10 8"]


def test_a_level_word_wrapped_a_few_characters_a_line_is_one_word():
    got = _lines(["满意", "度指", "标", "服务", "对象", "满意", "度指", "标", "群众满意度 ≥90% 93% 10 10"])
    assert got[:2] == ["满意度指标", "服务对象满意度指标"]


def test_short_lines_that_are_cells_of_their_own_stay():
    # a level word, a label and a total are cells of their own; a short line before text (no value) is no tail
    for lines in (["道路养护里程", "数量", "≥120公里 126公里"], ["示例县交通运输局项目资金", "合计", "100 98"],
                  ["示例县道路养护经费", "主管部门", "示例县交通运输局"], ["路面优良率提升情况", "良好", "优良率提升明显"]):
        assert _lines(lines) == lines
