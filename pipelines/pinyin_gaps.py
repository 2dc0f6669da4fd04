"""Whitespace a scan or a re-typed copy put around or inside the inline pinyin a mirror site prints (場 (chǎng)館,
產( chǎn), 標(b / iāo)): found, so that normalization drops it and the pinyin is read as pinyin again.

Normalization drops a syllable in brackets right after a Han character (``normalize.PINYIN``); a space or a line
break between the character and its bracket, or inside the bracket, leaves the syllable in the text, where it cuts
a name or a label in two (白溪镇 / (zhèn)茶园产业路). No page prints whitespace there: a bracket of pinyin letters
that reads as pinyin once its whitespace is left out had that whitespace put in by the copy.
"""

from __future__ import annotations

import re

from jixiao.pipelines.normalize import PINYIN

_MARKS = "\u0101\u00e1\u01ce\u00e0\u0113\u00e9\u011b\u00e8\u012b\u00ed\u01d0\u00ec\u014d\u00f3\u01d2\u00f2\u016b\u00fa\u01d4\u00f9\u01d6\u01d8\u01da\u01dc"
_LETTER = "a-zü" + _MARKS
# a bracket of pinyin letters (and tone digits), a lone space or line break before it or between its characters
_BRACKET = re.compile(rf"[ \n]?[(（][ \n]?[{_LETTER}](?:[ \n]?[{_LETTER}1-5]){{0,15}}[ \n]?[)）]")
# what every such bracket holds: its opening bracket, perhaps a gap, a pinyin letter (a pre-test that most texts,
# printing no pinyin, fail at once); a mirror prints pinyin from its first lines on, so only they are probed
PINYIN_PROBE_CHARS = 20000
_OPENS = re.compile(rf"[(（][ \n]?[{_LETTER}]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# a tone (a marked vowel, a tone digit): a bracket of plain letters after a space (面积 (ha), 附件 (a)) is no pinyin
_TONE = re.compile(rf"[{_MARKS}1-5]")
_GAP = re.compile(r"[ \n]")


def pinyin_gaps(text: str) -> list[int]:
    """Offsets of the spaces and line breaks before or inside a bracket of inline pinyin after a Han character."""
    if _OPENS.search(text, 0, PINYIN_PROBE_CHARS) is None:
        return []
    out: list[int] = []
    for m in _BRACKET.finditer(text):
        bracket = m.group()
        gaps = [m.start() + g.start() for g in _GAP.finditer(bracket)]
        if not gaps or m.start() == 0 or not _HAN.match(text, m.start() - 1) or not _TONE.search(bracket):
            continue
        # a bracket that reads as pinyin as printed, right after its character, keeps its spaces (指標(zhǐ biāo))
        if bracket[0] not in " \n" and _reads_as_pinyin(text[m.start() - 1] + bracket):
            continue
        if _reads_as_pinyin(text[m.start() - 1] + _GAP.sub("", bracket)):
            out.extend(gaps)
    return out


def _reads_as_pinyin(han_bracket: str) -> bool:
    """Whether a Han character and the bracket after it are the character and its inline pinyin."""
    found = PINYIN.match(han_bracket, 1)
    return found is not None and found.end() == len(han_bracket)
