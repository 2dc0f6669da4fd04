"""The prose as a sentence reader sees it: the reading of the view where spaces split words or lines wrap."""

from jixiao.pipelines.prose_view import Unwrapped, view_indicators


def _read(text: str) -> list[tuple]:
    return [(i.name.text, i.target[0].text, i.actual.text if i.actual else None, i.score.text if i.score else None)
            for i in view_indicators(text, Unwrapped.of(text), 0, len(text))]


def test_a_spaced_word_reads_in_the_view_where_it_finds_more_fields():
    # (as printed the score's cue is split, 自评得 分; the view reads it, with as many indicators)
    text = "1.防控覆盖率,年初目标值≥85% ,实际 完成值≥86%,自评得 分20分;\n2.物资发放到位率,年初目标值=100%,实际完成值=100%,自评得分20分;\n"
    assert _read(text) == [("防控覆盖率", "≥85%", "≥86%", "20"), ("物资发放到位率", "=100%", "=100%", "20")]


def test_line_breaks_lost_keep_the_printed_reading_on_a_tie():
    # (the view of a collapsed text runs the heading into the name)
    text = "（一）产出指标 1.扫描页数,年初目标值≥120万页,实际完成值126万页,自评得 分20分。"
    assert _read(text)[0][0] == "扫描页数"


def test_a_heading_line_ends_where_the_scans_lines_do_not_end_sentences():
    from jixiao.pipelines.prose_view import Unwrapped
    text = "二、绩效目标实现情况\n(一)产出指标\n1日常养护村道里程:目标值42公\n里,分值15分。"
    view = Unwrapped.of(text).text
    assert "(一)产出指标\n1日常养护村道里程:目标值42公里," in view and view.startswith("二、绩效目标实现情况\n")
