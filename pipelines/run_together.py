"""Cells for a table whose cells were run together with no separator (a Word table or a spreadsheet printed to
text: ``地方主管部门岚江市交通运输局资金使用单位岚江市交通运输局``, ``年度资金总额:26502650100%``).

The printed words the readers key on (labels, column headers, categories) cut a run into cells: each known
word is a cell and the text between two of them is a value. Numbers run together are split only where one
split is certain: amounts before a rate where exactly one split gives that rate (``2650`` ``2650``
``100%``), and a trailing run of two equal halves under two value columns (``2020``: ``20`` ``20``). The
cells come back one a line, for ``cell_stream`` to group into rows; offsets stay true.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

from jixiao.pipelines import vocab as V
from jixiao.pipelines.hard_wraps import run_wrapped
from jixiao.pipelines.normalize import NormalizedText

# a line is cut when it holds at least this many known words
MIN_WORDS = 1
# The text is read this way only when it prints one row a line: at least this many lines hold two known words
# or more. A whole table run into one line (a document preview) has no row breaks left to trust, and cutting
# it at known words misreads names broken by the preview's chunk markers (real layouts rla11).
MIN_ROW_LINES = 5
# a rate read from a run of amounts agrees with them within this many percentage points
RATE_TOLERANCE = 0.05
# ... and within this share of itself, or half a unit of its last printed decimal (0.1% is any ratio rounding to
# it): a tiny rate cut from a run's tail (…216.0690.03% read as …16.069 | 0.03%) agrees in points with any tiny ratio
# of two amounts cut before it (16.069 / 2602402), though it is none of them
RATE_SHARE_TOLERANCE = 0.2
# two amounts and a rate run together are at most this long (15 digits each); a longer run is not split
RATE_RUN_MAX_CHARS = 40
_TRAILING_RUN = re.compile(r"^(?P<head>.*?[^\d.])(?P<run>\d+)$")
_RATE_RUN = re.compile(r"^\d[\d.]*%$")
# a rate as printed: 0 to 999, no leading zero, two decimals at most (0.0097 is the tail of an amount printed with
# .00 run into the rate, 582000.0097%, and agrees with any tiny or zero amount cut before it)
_RATE = re.compile(r"^(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?$")
_LABELLED_RATE_RUN = re.compile(r"^(?P<head>.*?[^\d.])(?P<run>\d[\d.]*%)$")


def rate_agrees(before: float, after: float, rate_text: str) -> bool:
    """Whether a printed rate (its digits, no %) is ``after`` over ``before``, in points and as a share of itself."""
    rate = float(rate_text)
    if before <= 0 or rate <= 0:
        return False  # (a zero rate agrees with any amount over a zero: no split is certain there)
    off = abs(after / before * 100 - rate)
    rounding = 0.5 * 10 ** -_decimals(rate_text) + 1e-9
    return off <= RATE_TOLERANCE and off <= max(RATE_SHARE_TOLERANCE * rate, rounding)


def known_word_list() -> list[str]:
    """The words that cut a run: labels, headers, categories and totals, longest first."""
    return sorted({*V.SEGMENT_WORDS, *V.RUN_TOGETHER_WORDS}, key=len, reverse=True)


_NO_UNIT_NOTE = r"(?!:?\(?(?:万元|千元|元))"
# a header's annotations and a label's colon stay with the word: 全年预算数(A), 年度资金总额:, 预算执行情况(万元)(20分)
WORD_TAIL = r"(?:\([^()\n]{1,10}\)){0,2}:?"


def known_words_pattern(spaced: bool = False) -> str:
    """The alternatives of the known words, a numbered caption's number kept with it (年度绩效目标2); ``spaced``:
    a single space may stand between two characters."""
    join = " ?".join if spaced else "".join

    def word(w: str) -> str:
        # (a unit note is no 单位 label: in 示例建设项目单位:万元 no 项目单位 label starts)
        return join(map(re.escape, w)) + (_NO_UNIT_NOTE if w.endswith("单位") else "")

    numbered = "|".join(word(w) + r"\d{1,2}(?=\()" for w in V.NUMBERED_CAPTION_WORDS)
    return "(?:" + numbered + "|" + "|".join(map(word, known_word_list())) + ")" + WORD_TAIL


@lru_cache(maxsize=1)
def known_words() -> re.Pattern[str]:
    return re.compile(known_words_pattern())


def _printed_amount(x: str) -> bool:
    """An amount as printed: no leading zero (0.5 aside), no dot at either end."""
    return bool(x) and not (x.startswith(".") or x.endswith(".") or (x[0] == "0" and len(x) > 1 and x[1] != "."))


def _amount_splits(head: str, n: int):
    """Every split of ``head`` into ``n`` amounts as printed."""
    if n == 1:
        if _printed_amount(head):
            yield [head]
        return
    for k in range(1, len(head) - n + 2):
        if _printed_amount(head[:k]):
            for rest in _amount_splits(head[k:], n - 1):
                yield [head[:k], *rest]


def split_rate_run(run: str, amounts: tuple[int, ...] = (2,)) -> list[str] | None:
    """``26502650100%`` -> [2650, 2650, 100%] when exactly one split into amounts (as many as one of
    ``amounts``) and a rate (the last amount over the one before it) agrees."""
    digits = run[:-1]
    if len(digits) > RATE_RUN_MAX_CHARS:
        return None
    found = []
    for r in range(1, min(7, len(digits) - 1)):
        rate_text = digits[-r:]
        if not _RATE.match(rate_text):
            continue
        for n in amounts:
            for parts in _amount_splits(digits[:-r], n):
                try:
                    av, bv = float(parts[-2]), float(parts[-1])
                except ValueError:
                    continue
                if rate_agrees(av, bv, rate_text):
                    found.append([*parts, rate_text + "%"])
    return _one(found, amounts=slice(0, -1))


def _decimals(x: str) -> int:
    return len(x) - x.index(".") - 1 if "." in x else 0


# a row's budgets (年初预算数, 全年预算数) are within this factor of each other: a budget adjusted fiftyfold in the year
# is not seen, while a split running one budget's digits into the next sets them two orders apart (260 | 24021 | 6.069);
# a factor near ten is no evidence (11 | 1 | 1 beside 11 | 11 stays ambiguous)
BUDGET_SPREAD = 50


def _budgets_alike(amounts: list[str]) -> bool:
    """Whether the amounts before the executed one (the budgets) are within ``BUDGET_SPREAD`` of each other."""
    vals = [float(x) for x in amounts[:-1]]
    return all(max(a, b) <= BUDGET_SPREAD * min(a, b) for a, b in zip(vals, vals[1:]) if min(a, b) > 0)


def _one(found: list[list[str]], amounts: slice) -> list[str] | None:
    """The one split found; where several agree with the rate, the ones whose budgets are alike
    (``_budgets_alike``), then the one whose amounts print as many decimals as each other (a row's cells share a
    format: 150.00 150.00 142.50, not 150.001 50.0014 2.509), if only one does."""
    if len(found) > 1:
        found = [f for f in found if _budgets_alike(f[amounts])] or found
    if len(found) > 1:
        found = [f for f in found if len({_decimals(x) for x in f[amounts]}) == 1]
    return found[0] if len(found) == 1 else None


# the funds row of a template with score columns: amounts, 分值, 执行率 and 得分 run together (8592.590.651098%9.8)
_SCORED_RATE_RUN = re.compile(r"^(?P<run>\d[\d.]*%)(?P<score>\d+(?:\.\d+)?)$")
# a 分值 as printed: 1 to 100
_WEIGHT = re.compile(r"^(?:[1-9]\d?|100)(?:\.\d+)?$")
# a funds 得分 printed rounded agrees with 分值 x 执行率 within this
SCORE_TOLERANCE = 0.06


def split_scored_rate_run(value: str, amounts: tuple[int, ...] = (2, 3)) -> list[str] | None:
    """``8592.590.651098%9.8`` -> [85, 92.5, 90.65, 10, 98%, 9.8] when exactly one split into amounts, a 分值,
    a rate (the last amount over the one before it) and the 得分 printed after it (分值 x rate) agrees."""
    m = _SCORED_RATE_RUN.match(value)
    if m is None or len(m["run"]) > RATE_RUN_MAX_CHARS:
        return None
    digits, score = m["run"][:-1], float(m["score"])
    found = []
    for r in range(1, min(7, len(digits) - 1)):
        rate_text = digits[-r:]
        if not _RATE.match(rate_text) or float(rate_text) <= 0:
            continue
        rate = float(rate_text)
        for n in amounts:
            for parts in _amount_splits(digits[:-r], n + 1):
                *money, weight = parts
                if not _WEIGHT.match(weight) or abs(float(weight) * rate / 100 - score) > SCORE_TOLERANCE:
                    continue
                if any(x.count(".") > 1 for x in money):
                    continue
                av, bv = float(money[-2]), float(money[-1])
                if rate_agrees(av, bv, rate_text):
                    found.append([*money, weight, rate_text + "%", m["score"]])
    return _one(found, amounts=slice(0, -3))


def _spans(parts: list[str], start: int = 0) -> list[tuple[int, int]]:
    out, pos = [], start
    for p in parts:
        out.append((pos, pos + len(p)))
        pos += len(p)
    return out


def value_pieces(value: str, amounts: tuple[int, ...] = (2,)) -> list[tuple[int, int]]:
    """(start, end) of the cells inside a value cut from the run: the value, or it and its number run split
    (``amounts``: how many amounts may precede a rate)."""
    if _RATE_RUN.match(value) and (parts := split_rate_run(value, amounts)):
        return _spans(parts)
    if parts := split_scored_rate_run(value, amounts):
        return _spans(parts)
    m = _LABELLED_RATE_RUN.match(value)
    if m and (parts := split_rate_run(m["run"], amounts)):
        out, pos = [(0, len(m["head"]))], len(m["head"])
        for p in parts:
            out.append((pos, pos + len(p)))
            pos += len(p)
        return out
    m = _TRAILING_RUN.match(value)
    if m and len(m["run"]) % 2 == 0 and len(m["run"]) >= 2:
        half = len(m["run"]) // 2
        if m["run"][:half] == m["run"][half:]:
            h = len(m["head"])
            return [(0, h), (h, h + half), (h + half, len(value))]
    return [(0, len(value))]


@lru_cache(maxsize=1)
def _category_splits() -> dict[str, frozenset[str]]:
    """Each head of a category word (经济效益 of 经济效益指标) -> the tails that complete it."""
    out: dict[str, set[str]] = {}
    for word in {*V.LEVEL1, *V.LEVEL2_PARENT}:
        for k in range(2, len(word) - 1):
            out.setdefault(word[:k], set()).add(word[k:])
    return {head: frozenset(tails) for head, tails in out.items()}


def join_wrapped_categories(norm: NormalizedText) -> NormalizedText:
    """The text with a line break taken out where it splits a category word (``经济效益`` / ``指标``,
    ``满意度指标服务对象`` / ``满意度指标``): a narrow category cell wraps, and each piece alone is no word."""
    text = norm.text
    lines = text.split("\n")
    drop: list[int] = []  # offsets in the text of the breaks to take out
    pos = 0
    splits = _category_splits()
    for i, line in enumerate(lines[:-1]):
        pos += len(line)
        head = next((line[-k:] for k in range(min(len(line), 8), 1, -1) if line[-k:] in splits), None)
        if head is not None and any(lines[i + 1].startswith(t) for t in splits[head]):
            drop.append(pos)
        pos += 1
    if not drop:
        return norm
    dropped = set(drop)
    keep = [i for i in range(len(text)) if i not in dropped]
    return NormalizedText.model_construct(
        text="".join(text[i] for i in keep), offsets=[norm.offsets[i] for i in keep] + [norm.offsets[len(text)]],
        original_length=norm.original_length, original=norm.original, in_print=norm.in_print)


def over_removed_line(norm: NormalizedText, end: int, start: int) -> bool:
    """Whether the line break between ``end`` and ``start`` stood where normalization took a whole line out (a page
    counter, 第2页 / 共3页, that the site printed between two pages of a run), or a site's line stands there
    (``flat_run``'s site lines): the run goes on across it, inside a name or a number as anywhere else."""
    if norm.text[end:start] != "\n":
        inner = norm.text[end + 1:start - 1]  # (one line between: the site's, left out of the lines)
        return norm.text[end] == "\n" == norm.text[start - 1] and bool(inner.strip()) and "\n" not in inner
    gone = norm.original[norm.offsets[end] + 1:norm.offsets[start]]
    return "\n" in gone and bool(gone.strip())


# a line of a run broken by a page line inside a name ends in a character of it, not in a cell's number
_ENDS_IN_WORDS = re.compile(r"[\u4e00-\u9fff]$")


# a document site's own line printed inside a run between two of its pages (下载文档到电脑,查找使用更方便): no known
# word, no digit, no cell break, short
SITE_LINE_CHARS = 30
_SITE_LINE = re.compile(rf"[^\d\t|]{{1,{SITE_LINE_CHARS}}}")


def is_site_line(line: str) -> bool:
    return bool(_SITE_LINE.fullmatch(line.strip())) and not known_words().search(line)


def join_page_broken_runs(norm: NormalizedText) -> NormalizedText:
    """The text with a line break taken out where a page line (第2页 / 共3页) was taken out between two lines of a run,
    or a site's line stands there (taken out too), the line before ending inside a name (农技推广服务长效 /
    机制健全健全1010): the run goes on across the page."""
    text = norm.text
    drop: set[int] = set()
    pos, lines = 0, text.split("\n")
    for i, line in enumerate(lines[:-1]):
        end = pos + len(line)
        # (a line joined to the one before is that run's too, whatever words it holds)
        if _ENDS_IN_WORDS.search(line) and (len(known_words().findall(line)) >= 2 or pos - 1 in drop) and "\t" not in line:
            site = i + 2 < len(lines) and is_site_line(lines[i + 1]) and bool(known_words().search(lines[i + 2]))
            nxt = end + 1 + (len(lines[i + 1]) + 1 if site else 0)
            if lines[i + 2 if site else i + 1][:1] > " " and (site or over_removed_line(norm, end, nxt)):
                drop.update(range(end, nxt))
        pos = end + 1
    if not drop:
        return norm
    keep = [i for i in range(len(text)) if i not in drop]
    return NormalizedText.model_construct(
        text="".join(text[i] for i in keep), offsets=[norm.offsets[i] for i in keep] + [norm.offsets[len(text)]],
        original_length=norm.original_length, original=norm.original, in_print=norm.in_print)


class RowCutter(Protocol):
    """Reads a run's known words in order and cuts the text after the indicator header into rows (``flat_run``'s
    ``IndicatorColumns``): None before it."""

    def see(self, word: str) -> None: ...

    def row_cells(self, piece: str) -> list[tuple[int, int]] | None: ...

    def value_cells(self, piece: str) -> list[tuple[int, int]]: ...


def _piece_cells(piece: str, rows: RowCutter | None) -> list[tuple[int, int]]:
    """A value between two known words: cut into a row's name and values in the indicator rows, else the value or
    its amounts and rate (two or three amounts: 年初, 全年 and 执行数 before the rate; the cutter's reading, also
    with the funds 得分 after the rate)."""
    cut = rows.row_cells(piece) if rows is not None else None
    return cut if cut is not None else rows.value_cells(piece) if rows is not None else value_pieces(piece)


def run_together_cells(norm: NormalizedText, rows: Callable[[], RowCutter] | None = None) -> NormalizedText | None:
    """The text with each run-together line cut into cells, one a line; None when no line is such a run. ``rows``:
    a row cutter for the indicator rows (a row's name, target, actual and 得分 run together: 长度≥18公里18.6公里15),
    where the caller has one; without it a value is cut only where a number run splits."""
    norm = join_page_broken_runs(join_wrapped_categories(norm))
    text = norm.text
    if sum(len(known_words().findall(line)) >= 2 for line in text.split("\n") if "\t" not in line) < MIN_ROW_LINES:
        return None
    cutter = rows() if rows is not None else None
    chars: list[str] = []
    offs: list[int] = []
    cut = False
    pos = 0
    for line in text.split("\n"):
        spans = [(m.start(), m.end()) for m in known_words().finditer(line)] if "\t" not in line else []
        cells: list[tuple[int, int]] = []
        if len(spans) >= MIN_WORDS:
            cut = True
            last = 0
            for a, b in spans:
                if line[last:a].strip():
                    cells += [(last + x, last + y) for x, y in _piece_cells(line[last:a], cutter)]
                cells.append((a, b))
                if cutter is not None:
                    cutter.see(line[a:b])
                last = b
            if line[last:].strip():
                cells += [(last + x, last + y) for x, y in _piece_cells(line[last:], cutter)]
        elif "\t" not in line:
            # a row whose cells hold no known word (its category cell is on the line above): its number run
            cells = _piece_cells(line, cutter) if line.strip() else value_pieces(line)
        else:
            cells = [(0, len(line))]
        for a, b in cells:
            chars.extend(line[a:b])
            offs.extend(norm.offsets[pos + a:pos + b])
            chars.append("\n")
            offs.append(norm.offsets[pos + b])
        pos += len(line) + 1
    if not cut:
        return None
    return norm.rewritten(chars, offs)


def wrap_inside_run(text: str, end: int, start: int) -> bool:
    """The break between a line of a run ending at ``end`` and the next line at ``start`` is a PDF's hard wrap inside
    the one run (142.5 printed 14 / 2.5): nothing at the break, and the line opens no table of its own (a title, a
    项目名称 label: a second table run into its own line)."""
    head = text[start:start + 40]
    return run_wrapped(text, end, start) and not V.TABLE_TITLE.search(head) and not head.startswith(V.NAME_LABEL_WORDS)
