"""Letter-spaced text: the lines and cells a PDF or an OCR engine printed with a space after every character."""

from __future__ import annotations

import re

from jixiao.pipelines.pipe_tables import RULING_GLYPH


# A line printed with a space after every character (a PDF's letter spacing: 项 目 名 称  河 道 整 治): at least
# this many characters, and this share of them standing alone between spaces. Its single spaces are taken out and
# a run of spaces (the gap between two cells or words) is kept as one. A table row of numbers (10 10 20 20) or a
# row of cells keeps most of its characters in longer tokens and is left alone.
SPACED_OUT_MIN_CHARS = 6
SPACED_OUT_SHARE = 0.8
_LINE = re.compile(r"[^\n]+")
_GAP = re.compile(r" +")


_RULINGS = frozenset("|" + RULING_GLYPH)


def spaced_out_gaps(text: str) -> list[int]:
    """Offsets of the spaces to take out of the spaced-out lines of ``text`` (see ``SPACED_OUT_SHARE``)."""
    out: list[int] = []
    for line in _LINE.finditer(text):
        body = line.group()
        if body.count(" ") < SPACED_OUT_MIN_CHARS or "\t" in body:
            continue
        tokens = body.split()
        if len(tokens) < SPACED_OUT_MIN_CHARS or sum(len(t) == 1 for t in tokens) < SPACED_OUT_SHARE * len(tokens):
            out.extend(line.start() + k for k in _spaced_cell_gaps(body))
            continue
        for gap in _GAP.finditer(body):
            a, b = line.start() + gap.start(), line.start() + gap.end()
            if gap.start() == 0 or gap.end() == len(body):
                continue  # indentation and trailing spaces stay as they are
            if body[gap.start() - 1] in _RULINGS or body[gap.end()] in _RULINGS:
                continue  # the spaces around an OCR'd ruling line (项 目 名 称 | 2021 年 …) mark a cell boundary
            out.extend(range(a, b) if b - a == 1 else range(a + 1, b))
    return out


# A row where only the printed labels are letter-spaced (OCR of a form whose label cells are spread over their width:
# 产 出 指 标   数 量 指 标   松材线虫病疫木清理数量   8000株): cells stand between runs of two or more spaces, and a
# cell of at least this many single CJK characters is one word (a single digit or letter between spaces is a value).
SPACED_CELL_MIN_CHARS = 3
_CELL_SPLIT = re.compile(r" {2,}")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _spaced_cell_gaps(body: str) -> list[int]:
    """Offsets (in the line ``body``) of the single spaces inside its letter-spaced cells."""
    out: list[int] = []
    pos = 0
    for part in [*_CELL_SPLIT.split(body)]:
        start = body.index(part, pos) if part else pos
        pos = start + len(part)
        tokens = part.split(" ")
        if (len(tokens) >= SPACED_CELL_MIN_CHARS and all(len(t) == 1 for t in tokens)
                and sum(bool(_CJK.match(t)) and t not in _RULINGS for t in tokens) >= SPACED_CELL_MIN_CHARS):
            # a ruling OCR read as 丨 (a CJK stroke) before a spaced word (丨 效 益) is the cell's edge, not a letter
            out.extend(start + k for k, ch in enumerate(part)
                       if ch == " " and part[k - 1] not in _RULINGS and part[k + 1] not in _RULINGS)
    return out
