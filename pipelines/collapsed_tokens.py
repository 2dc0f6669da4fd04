"""Collapsed text -> tokens: the words of a table whose line breaks and tabs were lost, in reading order.

The text is split at whitespace; a field label glued to its value (项目名称：X, 项目名称老字号) is cut off it
(jieba finds where the label word ends); runs of single characters broken by the collapse are re-joined
(产 出 指 标 -> 产出指标), as are labels split in two (主 管部门) and spaced-out numbers (2 9 7 8 元); a
"一级-二级" token (产出指标-数量指标) becomes two. The page's marginalia (联系人：, 第3页) can be dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.pipelines import vocab as V
from jixiao.pipelines.glued_cells import split_glued
from jixiao.pipelines.joined_levels import joined_levels_at
from jixiao.pipelines.layout import Cell
from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.page_headers import repeated_page_headers
from jixiao.pipelines.segment import Segmenter
from jixiao.pipelines.vocab import GLUED_LABEL as _GLUED, KNOWN_WORDS as _WORDS, LABEL_IN_RUN as _LABEL_IN_RUN
from jixiao.pipelines.vocab import MEASURE_UNITS as _UNITS

_TOKEN = re.compile(r"\S+")
# a label run into its value is segmented in the token's first this many characters (labels are <= 9)
GLUED_SEGMENT_CHARS = 256
_CJK1 = re.compile(r"^[\u4e00-\u9fff]$")
_ALLOTMENT = re.compile(r"^\(\d+分\)$")  # a score allotment (50分) ends a vertical heading's run


# what a page prints around a table and a flattening drops between its rows: a contact line, a unit note, a page
# or table number, a date of filing, a stamp
_MARGINALIA = re.compile(r"^(?:联系人|联系电话|填报人|填报日期|审核人|制表人|打印时间|负责人|(?:金额)?单位)[:：]|^第\d+页$|^共\d+页$|^公开\d+表$|^[(（]?盖章[)）]?$")


_PAGE_COUNTER = re.compile(r"(?:第\d+页[,，]?共\d+页|共\d+页[,，]?第\d+页|第\d+页|共\d+页)")

# a comma-separated sheet collapsed (附件3,,,,,,,, 项目名称,X,,,,,,,): its rows' empty cells make runs of commas; a
# collapsed report's folded commas (，) never run to three this often
CSV_EMPTY_RUNS = 5


def csv_as_tabs(norm: NormalizedText) -> NormalizedText:
    """A collapsed comma-separated sheet with its separators as tabs and its quotes as spaces (a quoted cell,
    "4,860,000.00", keeps its commas): the cells the tokenizer reads. Same length, offsets hold; other text as it is."""
    text = norm.text
    if text.count(",,,") < CSV_EMPTY_RUNS or "\n" in text.strip():
        return norm
    chars = list(text)
    quoted = False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
            chars[i] = " "
        elif ch == "," and not quoted:
            chars[i] = "\t"
    return norm.model_copy(update={"text": "".join(chars)})


def drop_marginalia(toks: list[Cell]) -> list[Cell]:
    """Tokens without the page's marginalia (see ``_MARGINALIA``; a page number - 3 - is three tokens)."""
    out: list[Cell] = []
    k = 0
    while k < len(toks):
        if (k + 2 < len(toks) and toks[k].clean in ("-", "－", "—") and toks[k + 1].clean.isdigit()
                and toks[k + 2].clean in ("-", "－", "—")):
            k += 3
            continue
        skip = _spaced_page_counter([t.clean for t in toks[k:k + 6]])
        if skip:
            k += skip
            continue
        if not _MARGINALIA.search(toks[k].clean):
            out.append(toks[k])
        k += 1
    return out


def _spaced_page_counter(words: list[str]) -> int:
    """How many tokens a page counter printed with spaces takes (第 1 页 共 2 页, 第 1 页，共 2 页; the collapse may
    have re-joined its single characters: 第 1 页共 2 页): a printed PDF's footer that a run-together table keeps
    between two rows; 0 where none starts here (a counter in one token is ``_MARGINALIA``'s)."""
    if len(words) < 3 or words[0] not in ("第", "共"):
        return 0
    for n in range(len(words), 2, -1):
        if _PAGE_COUNTER.fullmatch("".join(words[:n])):
            return n
    return 0


def drop_page_labels(toks: list[Cell]) -> list[Cell]:
    """Tokens without a preview's page labels run into the table (1 / 4 … 2 / 4): ``N / M`` where the same page
    count M follows the slash with at least two page numbers (a lone 10 / 10 may be a row's weight, a blank rate
    and its score)."""
    labels: dict[str, set[str]] = {}
    at: list[int] = []
    for k in range(len(toks) - 2):
        a, slash, b = toks[k].clean, toks[k + 1].clean, toks[k + 2].clean
        if slash == "/" and a.isdigit() and b.isdigit() and 0 < int(a) <= int(b) <= PAGE_COUNT_MAX:
            labels.setdefault(b, set()).add(a)
            at.append(k)
    drop = {j for k in at if len(labels[toks[k + 2].clean]) >= 2 for j in (k, k + 1, k + 2)}
    return [t for j, t in enumerate(toks) if j not in drop] if drop else toks


# a page count in a page label (1 / 4) is at most this
PAGE_COUNT_MAX = 999


# one character of a number spaced out (2 9 7 8 元, 1 0 . 2 5), and the measure units that may close it
_NUMBER_CHAR = re.compile(r"^[\d.,]$")
# a spaced-out number has at least this many pieces, its unit counted (8 0 %): two single digits (5 5) are a row's
# weight and score
SPACED_NUMBER_PIECES = 3


def join_spaced_numbers(toks: list[Cell], text: str) -> list[Cell]:
    """Runs of single number characters (2 9 7 8 元, 1 0 . 2 5) as one token each; shorter runs, and runs of digits
    alone, stay apart."""
    out: list[Cell] = []
    k = 0
    while k < len(toks):
        j = k
        while j < len(toks) and _NUMBER_CHAR.match(toks[j].clean):
            j += 1
        unit = j < len(toks) and toks[j].clean in _UNITS
        # digits alone (1 0 4) may be a spaced weight and a score: only a point or a unit (%, 个, 元 …) says
        # that the pieces are one number
        pieces = j - k + unit
        if (pieces >= SPACED_NUMBER_PIECES and toks[k].clean[0].isdigit()
                and (unit or any(t.clean in ".," for t in toks[k + 1:j]))):
            j += unit
            out.append(Cell(col=len(out), start=toks[k].start, end=toks[j - 1].end, text=text[toks[k].start:toks[j - 1].end]))
            k = j
            continue
        # a run that fails from a digit fails from each later piece too (the same end, no more points): its pieces
        # stay apart at once, so a long run of digits reads in linear time
        stop = j if j > k and toks[k].clean[0].isdigit() else k + 1
        out.extend(toks[k:stop])
        k = stop
    return out


def pieces(cell: Cell) -> list[Cell]:
    """The cell's whitespace-separated pieces, each a cell of its own."""
    return [Cell(col=cell.col, start=cell.start + m.start(), end=cell.start + m.end(), text=m.group())
            for m in _TOKEN.finditer(cell.text)]


# A header word or field label spans at most this many tokens of a run of single characters (the longest
# printed label, 转移支付区域(项目)名称, is 13); scans for one stop there, so a long run reads in linear time.
HEADER_WORD_TOKENS = 24


@lru_cache(maxsize=4096)
def _header_word(chars: str) -> bool:
    """A header word or field label (remembered: a run of one repeated character asks the same ~20 each token)."""
    return chars in _WORDS or V.field_label(chars)


class Tokenizer:
    """Collapsed text -> tokens (cells of column 0 with their offsets), category words and labels whole."""

    def __init__(self, categories: V.Categories, segmenter: Segmenter):
        self.cat = categories
        self.segmenter = segmenter

    def tokens(self, norm: NormalizedText) -> list[Cell]:
        raw: list[Cell] = []
        for m in _TOKEN.finditer(norm.text):
            t = m.group()
            colon = t.find(":")
            if 0 < colon < len(t) - 1 and V.field_label(t[:colon]):
                # a field label printed with its value in one cell (项目名称：X): label and value are two tokens
                cut = m.start() + colon + 1
                raw.append(Cell(col=0, start=m.start(), end=cut, text=norm.text[m.start():cut]))
                raw.append(Cell(col=0, start=cut, end=m.end(), text=norm.text[cut:m.end()]))
                continue
            glued = _GLUED.match(t)
            if glued and len(t) > glued.end():
                # a label run into its value: cut after the label word jieba finds (in the token's head: a
                # hostile token of 25k characters took jieba's HMM 2.5 s, and the cut is next to the label)
                words = self.segmenter.words(t[:GLUED_SEGMENT_CHARS], m.start())
                cut = next((w.end for w in words if w.end - m.start() >= glued.end()), None)
                if cut is not None and cut < m.end():
                    raw.append(Cell(col=0, start=m.start(), end=cut, text=norm.text[m.start():cut]))
                    raw.append(Cell(col=0, start=cut, end=m.end(), text=norm.text[cut:m.end()]))
                    continue
            raw.append(Cell(col=0, start=m.start(), end=m.end(), text=t))
        raw = drop_page_labels(raw)
        drop = repeated_page_headers([t.clean for t in raw])
        if drop:
            raw = [t for k, t in enumerate(raw) if k not in drop]
        return split_glued_tokens(self._split_levels(self._rejoin(raw, norm.text)))

    def _split_levels(self, toks: list[Cell]) -> list[Cell]:
        """A "一级-二级" token (产出指标-数量指标) as two tokens, the category words the row reader expects."""
        out = []
        for c in toks:
            i = joined_levels_at(c, self.cat)
            if i is None:
                out.append(c)
            else:
                out += [Cell(col=0, start=c.start, end=c.start + i, text=c.text[:i]),
                        Cell(col=0, start=c.start + i + 1, end=c.end, text=c.text[i + 1:])]
        return out

    def known(self, t: str) -> bool:
        """A whole word the parser keys on (category, column header, field label)."""
        t2 = t.rstrip(":")
        return bool(self.cat.level1(t2) or self.cat.level2(t2) or t2 in _WORDS
                    or V.field_label(t2))

    @staticmethod
    def _bracket_in_run(toks: list[Cell], i: int, j: int) -> bool:
        """Token ``j`` is a bracket spaced out inside a run of characters (项 目 ( 政 策 ) 名 称): a character follows
        it, and a closing one closes an opening one of the run."""
        t = toks[j].text
        if t not in "()" or j + 1 >= len(toks) or not _CJK1.match(toks[j + 1].text):
            return False
        near = toks[max(i, j - HEADER_WORD_TOKENS):j]  # a label's brackets are near: the scan stays linear
        opened = sum(x.text == "(" for x in near) - sum(x.text == ")" for x in near)
        return opened == 0 if t == "(" else opened == 1

    @staticmethod
    def _header_at(toks: list[Cell], k: int, end: int) -> bool:
        """A column header word (一级指标, 年度目标值 …) of four or more characters opens at token ``k`` of a run."""
        chars = ""
        for t in toks[k:min(end, k + HEADER_WORD_TOKENS)]:
            chars += t.text
            if len(chars) >= 4 and _header_word(chars):
                return True
        return False

    def _rejoin(self, toks: list[Cell], text: str) -> list[Cell]:
        out: list[Cell] = []
        # a spaced-out year (2 0 2 2 年) belongs to the word it opens
        year: set[int] = set()
        for k in range(len(toks) - 4):
            if toks[k + 4].text == "年" and all(len(t.text) == 1 and t.text.isdigit() for t in toks[k:k + 4]):
                year.update(range(k, k + 4))
        i = 0
        while i < len(toks):
            t = toks[i]
            j = i + 1
            # runs of single characters (vertical headings, spaced-out cells) are one word
            if _CJK1.match(t.text) or i in year:
                while j < len(toks) and (_CJK1.match(toks[j].text) or j in year or _ALLOTMENT.match(toks[j].text)
                                         or self._bracket_in_run(toks, i, j)):
                    if "\t" in text[toks[j - 1].end:toks[j].start]:
                        break  # a tab is a cell boundary (a pipe table's): a run never crosses it
                    j += 1
                # ... up to a column header inside the run (达 成 预 期 指 标 一 级 指 标: a cell, then the header)
                j = next((k for k in range(i + 1, j) if self._header_at(toks, k, j)), j)
                # ... up to a field label inside the run (… 绩 效 自 评 表 项 目 名 称): the label opens a word
                chars = "".join(x.text for x in toks[i:j])
                label = _LABEL_IN_RUN.search(chars)
                if label is not None and j - i == len(chars):
                    # (a label opening the run ends its word: the value after it is a word of its own)
                    j = i + (label.start() or label.end())
            # a label split in two or three (一级 指标, 主 管部门, 可持续影 响指标) is re-joined when the join is a
            # known word that reaches past any run above (主 | 管部门 is one word, 效 益 指 标 stays whole)
            joined_k = next((k for k in (3, 2) if i + k <= len(toks) and i not in year
                             and self.known("".join(x.text for x in toks[i:i + k]))), None)
            if joined_k is not None and i + joined_k > j:
                j = i + joined_k
            if j > i + 1:
                s, e = toks[i].start, toks[j - 1].end
                out.append(Cell(col=len(out), start=s, end=e, text=text[s:e]))
            else:
                out.append(Cell(col=len(out), start=t.start, end=t.end, text=t.text))
            i = j
        return out


def split_glued_tokens(toks: list[Cell]) -> list[Cell]:
    """Tokens a preview glued together split apart, its chunk markers left out (``glued_cells``)."""
    out: list[Cell] = []
    for c in toks:
        pieces = split_glued(c.text, bool(out) and out[-1].clean in V.HEADER_WORDS) if c.text == c.clean else None
        if pieces is None:
            out.append(c)
            continue
        out += [Cell(col=0, start=c.start + a, end=c.start + b, text=c.text[a:b]) for a, b in pieces]
    return out
