"""A project's score written in Chinese numerals (自评得分为九十六分, 综合得分九十七点五分), read as its number."""

from __future__ import annotations

import re

from jixiao.pipelines.parsed import Span

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_WORDS = re.compile(r"(?:(?:自评|评价|综合|最终)(?:总)?得分|自评总分)(?:为|是|[:：])?[ \t]*"
                    r"(?P<w>[零一二两三四五六七八九十百]{1,6}(?:点[零一二三四五六七八九]{1,2})?)分")


def cn_number(words: str) -> float | None:
    """一百 / 九十六 / 九十七点五 / 八十 as a number; None where the words are no number up to 一百."""
    whole, _, tenths = words.partition("点")
    value = 0
    rest = whole
    for unit, size in (("百", 100), ("十", 10)):
        if unit in rest:
            head, _, rest = rest.partition(unit)
            if len(head) > 1 or (head and head not in _DIGITS):
                return None
            value += (_DIGITS[head] if head else 1) * size
    if len(rest) > 1 or (rest and rest not in _DIGITS):
        return None
    value += _DIGITS.get(rest, 0) if rest else 0
    if not whole or any(c not in _DIGITS for c in tenths):
        return None
    fraction = float("0." + "".join(str(_DIGITS[c]) for c in tenths)) if tenths else 0.0
    return value + fraction if value + fraction <= 100 else None


def score_in_words(text: str, s: int, e: int) -> Span | None:
    """The first score of [s, e) written in numerals, its span's text the number."""
    for m in _WORDS.finditer(text, s, e):
        value = cn_number(m["w"])
        if value is not None:
            return Span(text=repr(value), start=m.start("w"), end=m.end("w"))
    return None
