"""Spaces and line breaks a scan or a re-typed copy put around or inside a mirror site's inline pinyin: dropped, so
that the pinyin is read as pinyin again; brackets that are no pinyin, and pinyin printed as it should be, keep theirs."""

from jixiao.pipelines.pinyin_gaps import pinyin_gaps
from jixiao.pipelines.scan_text import normalize_scanned


def _around(text: str, offsets: list[int]) -> list[str]:
    return [text[max(0, i - 2):i + 3] for i in offsets]


def test_a_gap_before_or_inside_a_pinyin_bracket_is_a_slip():
    text = "項目名稱 桂嶺鎮\n(zhèn)污水管網工程\n主管部門 縣住建( jiàn)局\n績效指標(b\niāo) 產 (chǎn)出"
    assert _around(text, pinyin_gaps(text)) == ["嶺鎮\n(z", "建( ji", "(b\niā", " 產 (c"]


def test_tone_digit_pinyin_gap_is_a_slip():
    text = "全年執 (zhi2)行數"
    assert pinyin_gaps(text) == [3]


def test_brackets_that_are_no_pinyin_keep_their_gaps():
    # a unit, plain letters after a space (no tone: an item letter, a unit's symbol), pinyin printed well (a word's
    # syllables one space apart), a bracket after no Han character
    text = "預算 (萬元)\n附件 (a) 面積 (ha)\n指標(zhǐ biāo)\n2023 (chǎn)"
    assert pinyin_gaps(text) == []


def test_a_name_cut_by_a_stray_break_before_its_pinyin_reads_whole():
    text = "項目名稱\t白溪鎮\n(zhèn)茶園產(chǎn)業路硬化工程\n主管部門\t青蘿縣鄉村振興局\n"
    norm = normalize_scanned(text)
    assert "白溪镇茶园产业路硬化工程" in norm.text
    assert "zhèn" not in norm.text
