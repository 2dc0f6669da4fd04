"""Dev-set variants for the layout ablation: the same documents with their layout damaged, gold unchanged."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable
from typing import Literal

from jixiao.record import DocumentRecord
from jixiao.pipelines.text_width import char_width

Variant = Literal["none", "collapsed", "noised", "wrapped"]

# Look-alike pairs an OCR engine confuses. CJK only: a digit or Latin letter
# swapped in would change what a number or code reads as, i.e. the printed fact.
OCR_CONFUSIONS = {
    "己": "已", "已": "己", "未": "末", "末": "未", "人": "入", "入": "人", "日": "曰", "曰": "日",
    "千": "干", "干": "千", "土": "士", "士": "土", "大": "太", "太": "大", "今": "令", "令": "今",
    "王": "玉", "玉": "王", "刀": "力", "力": "刀", "拨": "拔", "拔": "拨", "候": "侯", "侯": "候",
    "治": "冶", "冶": "治", "准": "淮", "淮": "准", "析": "折", "折": "析", "贝": "见", "见": "贝",
    "厂": "广", "广": "厂", "天": "夭", "夭": "天", "由": "田", "田": "由", "甲": "申", "申": "甲",
    "率": "宰", "项": "顶", "顶": "项", "算": "箅", "额": "頟", "务": "各", "各": "务",
}
_FULLWIDTH_DIGITS = {str(d): chr(0xFF10 + d) for d in range(10)}
_NEWLINES = re.compile(r"\r\n|[\r\n\t]")


def collapse(text: str) -> str:
    """Every newline and tab becomes one space: a document whose rows and cells ran together."""
    return _NEWLINES.sub(" ", text)


def _gold_strings(gold: DocumentRecord) -> list[str]:
    values: list[str] = []
    for proj in gold.projects:
        values += [v for v in (proj.name, proj.code, proj.department, proj.implementer, proj.grade) if v]
        for ind in proj.indicators:
            values += [v for v in (ind.name, ind.level1, ind.level2, ind.target, ind.actual) if v]
    return values


def protected_positions(text: str, values: Iterable[str]) -> tuple[set[int], set[str]]:
    """Text offsets covered by an occurrence of a gold value (whitespace between its characters allowed).

    Values found nowhere contiguous (cells split by the layout) protect
    their characters everywhere instead: returned as the second item.
    """
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    squeezed = "".join(text[i] for i in keep)
    squeezed_nfkc = unicodedata.normalize("NFKC", squeezed)
    same_length = len(squeezed_nfkc) == len(squeezed)
    positions: set[int] = set()
    unplaced_chars: set[str] = set()
    for value in set(values):
        needle = re.sub(r"\s+", "", value)
        if not needle:
            continue
        hay = squeezed
        if squeezed.find(needle) < 0 and same_length:
            hay, needle = squeezed_nfkc, unicodedata.normalize("NFKC", needle)
        start, found = hay.find(needle), False
        while start >= 0:
            found = True
            positions.update(keep[start:start + len(needle)])
            start = hay.find(needle, start + 1)
        if not found:
            unplaced_chars.update(value)
    return positions, unplaced_chars


def noise(text: str, gold: DocumentRecord, seed: int, *, space_p: float = 0.03, break_p: float = 0.01,
          fullwidth_p: float = 0.3, ocr_p: float = 0.05) -> str:
    """A seeded perturbation that keeps every printed fact.

    Spaces, line breaks and full-width digits may land anywhere (section 3
    removes whitespace and applies NFKC); look-alike substitutions only
    touch characters outside every gold string value's occurrence.
    """
    rng = random.Random(seed)
    protected, protected_chars = protected_positions(text, _gold_strings(gold))
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in OCR_CONFUSIONS and i not in protected and ch not in protected_chars and rng.random() < ocr_p:
            ch = OCR_CONFUSIONS[ch]
        elif ch in _FULLWIDTH_DIGITS and rng.random() < fullwidth_p:
            ch = _FULLWIDTH_DIGITS[ch]
        out.append(ch)
        if ch in "\n\t":
            continue
        roll = rng.random()
        if roll < break_p:
            out.append("\n")  # a row broken in two
        elif roll < break_p + space_p:
            out.append(" ")  # spaced characters
    return "".join(out)


# A printed page's line, in display columns (a Chinese character two, a digit or a letter one): an A4 page of
# 小四/五号 text holds 38-40 Chinese characters a line, and a PDF's text layer (or a web page pasted from it) breaks
# every longer paragraph there, mid-sentence and mid-word.
PAGE_COLUMNS = 76


def hard_wrap(text: str, columns: int = PAGE_COLUMNS) -> str:
    """Every line longer than ``columns`` display columns broken where the page's edge falls: a paragraph as a
    PDF's text layer prints it. Only line breaks are added (section 3 removes them from every compared string)."""
    out: list[str] = []
    for line in text.split("\n"):
        width = 0
        for ch in line:
            w = char_width(ch)
            if width + w > columns:
                out.append("\n")
                width = 0
            out.append(ch)
            width += w
        out.append("\n")
    return "".join(out)[:-1]


def apply_variant(text: str, variant: Variant, *, gold: DocumentRecord, seed: int = 0) -> str:
    if variant == "none":
        return text
    if variant == "collapsed":
        return collapse(text)
    if variant == "noised":
        return noise(text, gold, seed)
    if variant == "wrapped":
        return hard_wrap(text)
    raise ValueError(f"unknown variant {variant!r}")
