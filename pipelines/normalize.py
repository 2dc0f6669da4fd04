"""Normalize stage: clean text while keeping a map from every output character back to the original.

Layout (tabs, newlines) is kept here because the layout stage reads it; the
per-cell clean-ups (vertical splits, spaced-out characters, broken numbers)
are functions applied to cell text later, since whitespace inside a cell is
noise but whitespace between cells is structure.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from jixiao.record import YUAN_PER_WAN, YUAN_PER_YI

# Word/PDF converters leave bookmark anchors in the text; they are never content.
_JUNK = re.compile(r"\[bookmark:[^\]\n]*\]|\[image:[^\]\n]*\]")
# A page footer line (- 3 -, 第3页, 第3页 共9页) printed where a table crosses a page: never content, and
# left in place it splits the table's rows; the line goes with its line break.
_PAGE_LINE = re.compile(
    r"^[ \t\u3000]*(?:[-－—]\s*[0-9０-９]{1,4}\s*[-－—]|第\s*[0-9０-９]{1,4}\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*页)?"
    r"|共\s*[0-9０-９]{1,4}\s*页)[ \t\u3000]*(?:\r?\n|$)", re.M)
_DROP = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\r"}
_SPACE = {"\u00a0", "\u3000", "\u2002", "\u2003", "\u2009", "\u202f", "\x0b", "\x0c"}


class NormalizedText(BaseModel):
    """Normalized text plus ``offsets[i]`` = original offset of ``text[i]`` (one extra entry: the end)."""

    model_config = ConfigDict(frozen=True)

    text: str
    offsets: list[int]
    original_length: int
    original: str = ""
    # original offsets left out of the text that still belong to a printed value (inline pinyin: 績效目標(biāo))
    in_print: frozenset[int] = frozenset()

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalized span [start, end)."""
        if end <= start:
            o = self.offsets[min(start, len(self.offsets) - 1)]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1

    def narrow(self, start: int, end: int, value: str) -> tuple[int, int] | None:
        """Normalized (start, end) of exactly ``value`` (whitespace-free) inside [start, end), or None.

        Parsers cut codes, labels and dashes off a cell's text; this finds what is left in the
        cell so that output strings and provenance cover the value and nothing else.
        """
        pos = [i for i in range(start, min(end, len(self.text))) if not self.text[i].isspace()]
        if not pos:
            return None
        squeezed = "".join(self.text[i] for i in pos)
        if not value or squeezed == value:
            return pos[0], pos[-1] + 1
        # a cut prefix (code) leaves a suffix, a cut suffix (trailing '-') a prefix
        if squeezed.endswith(value):
            k = len(squeezed) - len(value)
        elif squeezed.startswith(value):
            k = 0
        else:
            k = squeezed.find(value)
            if k < 0:
                return None
        return pos[k], pos[k + len(value) - 1] + 1

    def printed(self, start: int, end: int) -> str:
        """The original characters behind normalized [start, end) with whitespace removed: the value
        as printed (full-width brackets, OCR slips kept), junk anchors and zero-width characters left out."""
        if not self.original:
            return squeeze(self.text[start:end])
        seen: list[int] = []
        for i in range(start, min(end, len(self.text))):
            if self.text[i].isspace():
                continue
            o = self.offsets[i]
            if seen and self.in_print and o > seen[-1] + 1:
                seen.extend(k for k in range(seen[-1] + 1, o) if k in self.in_print)
            if not seen or seen[-1] != o:
                seen.append(o)
        return "".join(ch for ch in (self.original[o] for o in seen) if not ch.isspace())


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    if ch in _SPACE:
        return " "
    if ch in _DROP:
        return ""
    folded = unicodedata.normalize("NFKC", ch)
    # NFKC turns a few CJK-compatibility forms into multi-char strings; keep them.
    return folded


# Inline pinyin a mirror site prints after characters (績效目標(biāo), 預(yù)算): a syllable in brackets right
# after a CJK character. Dropped from the text the parsers read, kept in printed values.
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（](?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*"
                     r"|(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouü][a-z]{0,4})[)）]")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional characters as simplified ones (OpenCC t2s), one for one; the text itself when OpenCC
    would change its length (then offsets could not stay true)."""
    out = _t2s().convert(text)
    return out if len(out) == len(text) else text


def normalize_text(text: str) -> NormalizedText:
    """NFKC per character, junk anchors, page footer lines, inline pinyin and zero-width characters removed,
    traditional characters simplified, ``\\r\\n`` -> ``\\n``, markdown-style pipe rows turned into tab rows
    (see ``pipe_rows``)."""
    norm = _fold_text(text)
    if "|" not in norm.text:
        return norm
    out, offsets = pipe_cell_lines(unfold_pipe_runs(norm.text), norm.offsets)
    out = padded_pipe_rows(out)
    out, offsets = pipe_rows(out, offsets)
    return NormalizedText.model_construct(text=out, offsets=offsets, original_length=norm.original_length, original=text,
                                          in_print=norm.in_print)


def _fold_text(text: str) -> NormalizedText:
    n = len(text)
    # characters removed outright: junk anchors and the \r of \r\n
    removed: set[int] = set()
    for rx in (_JUNK, _PAGE_LINE):
        for m in rx.finditer(text):
            removed.update(range(m.start(), m.end()))
    pinyin = frozenset(k for m in _PINYIN.finditer(text) for k in range(m.start(), m.end()))
    removed |= pinyin
    for m in re.finditer("\r\n", text):
        removed.add(m.start())
    table: dict[int, str] = {}
    multi = False
    for ch in set(text):
        if ch.isascii() and ch != "\r":
            continue
        f = "\n" if ch == "\r" else _fold(ch)
        if f != ch:
            table[ord(ch)] = f
            multi = multi or len(f) > 1
    if not multi:
        # every character maps to at most one: translate in C, offsets are the kept positions
        drop = {chr(k) for k, v in table.items() if v == ""}
        if removed:
            kept = "".join("" if i in removed else c for i, c in enumerate(text))
            positions = [i for i, c in enumerate(text) if i not in removed and c not in drop]
        else:
            kept = text
            positions = [i for i, c in enumerate(text) if c not in drop] if drop else list(range(n))
        out = simplified(kept.translate(table))
        positions.append(n)
        return NormalizedText.model_construct(text=out, offsets=positions, original_length=n, original=text,
                                              in_print=pinyin)
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if i in removed:
            continue
        for f in table.get(ord(ch), ch):
            chars.append(f)
            offsets.append(i)
    offsets.append(n)
    return NormalizedText.model_construct(text=simplified("".join(chars)), offsets=offsets, original_length=n,
                                          original=text, in_print=pinyin)


# a pipe with the spaces around it: one cell boundary (the blanks before it taken only from where their run
# opens: a match tried inside a long run of tabs would rescan the run to its end at every tab, quadratic)
_PIPE = re.compile(r"(?:(?<![ \t])[ \t]*+)?\|[ \t]*")
# a wrapped pipe row runs on for at most this many lines before its closing '|'
PIPE_ROW_LINES = 12


def _is_pipe_rule(line: str) -> bool:
    """``|---|:---:|``: the markdown header rule, no content."""
    s = line.strip(" \t")
    return "|" in s and "-" in s and not s.strip("|-: \t")


def _is_pipe_row(line: str) -> bool:
    s = line.strip(" \t")
    if s.count("|") >= 2 and (s.startswith("|") or s.endswith("|")):
        return True
    return line.count(" | ") >= 2


def _closed(s: str) -> bool:
    return len(s) > 1 and s.startswith("|") and s.endswith("|")


def _widest_row(lines: list[str]) -> int:
    """Pipes in the document's widest closed row (``| a | b |`` on one line): no row has more."""
    return max((s.count("|") for s in (line.strip(" \t") for line in lines) if _closed(s)), default=0)


def _pipe_row_end(lines: list[str], i: int, width: int = 0) -> int:
    """Last line of the pipe row opening at line ``i``: a row opened by '|' and not closed on its
    line (a cell with line breaks: 产\\n出\\n指\\n标) runs to the next line ending with '|'.

    A line opening with '|' starts a row of its own, unless the row so far and that line together
    have no more pipes than ``width`` (the widest closed row): then the row was broken just before
    a pipe (``| 产出指标 | 数量 | 10\\n| 10 |``, or a lone ``|`` line) and runs on.
    """
    s = lines[i].strip(" \t")
    if not s.startswith("|") or _closed(s):
        return i
    pipes = s.count("|")
    for k in range(i + 1, min(len(lines), i + 1 + PIPE_ROW_LINES)):
        t = lines[k].strip(" \t")
        if not t:
            return i
        if t.startswith("|") and pipes + t.count("|") > width:
            return i
        pipes += t.count("|")
        if t.endswith("|"):
            return k
    return i


# One cell per line closed by a pipe (``政务服务中心运维经费 |``), rows ended by pipe-only filler lines
# (``|||||||``): a web table exported cell by cell. Read as one-cell-per-line blocks when such lines are
# at least this many and this share of the lines that hold a pipe (pipe-row documents have a few too).
PIPE_CELL_LINES = 10
PIPE_CELL_SHARE = 0.5
_PIPE_FILLER = re.compile(r"^[ \t]*\|{2,}[ \t]*$")


def _pipe_cell(line: str) -> tuple[int, int] | None:
    """Where the cell of a cell line (``  X  |  ``: one pipe, nothing but blanks after it) lies in the line;
    None for any other line. (Found by hand, not by a pattern: a lazy cell before a run of blanks is retried
    at every character of a long line, quadratic.)"""
    k = line.find("|")
    if k < 0 or line[k + 1:].strip(" \t"):
        return None
    head = line[:k]
    a = k - len(head.lstrip(" \t"))
    return a, max(a, len(head.rstrip(" \t")))


def pipe_cell_lines(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Cell-per-line pipe tables as the layout stage's one-cell-per-line blocks: ``X |`` -> ``\\tX``
    (a lone ``|``: an empty cell), a filler line -> two blank lines (the row's end). Offsets stay true:
    the tab takes its pipe's offset."""
    lines = text.split("\n")
    cell = [_pipe_cell(line) is not None for line in lines]
    filler = [bool(_PIPE_FILLER.match(line)) for line in lines]
    piped = sum("|" in line for line in lines)
    n_cell = sum(cell)
    if n_cell < PIPE_CELL_LINES or n_cell + sum(filler) < PIPE_CELL_SHARE * piped:
        return text, offsets
    chars: list[str] = []
    offs: list[int] = []
    pos = 0
    wrapped = False  # the line before was the start of this line's cell (a break inside the cell)
    for k, line in enumerate(lines):
        end = pos + len(line)
        # a line with no pipe between cells, before a cell line: the cell's text broken over two lines
        fragment = (not cell[k] and not filler[k] and "|" not in line and line.strip() and k + 1 < len(lines)
                    and cell[k + 1] and k > 0 and (cell[k - 1] or filler[k - 1]))
        if filler[k]:
            # two blank lines: a row's end that the layout stage never takes for a stray break inside a row
            chars.append("\n")
            offs.append(offsets[pos])
        elif cell[k] or fragment:
            m = _pipe_cell(line)
            a, b = (pos + m[0], pos + m[1]) if m else (pos, end)
            if not wrapped:
                chars.append("\t")
                offs.append(offsets[pos + line.rindex("|")] if m else offsets[a])
            chars.extend(text[a:b])
            offs.extend(offsets[a:b])
        else:
            chars.extend(text[pos:end])
            offs.extend(offsets[pos:end])
        wrapped = bool(fragment)
        if k < len(lines) - 1:
            chars.append(" " if wrapped else "\n")
            offs.append(offsets[end])
        pos = end + 1
    offs.append(offsets[len(text)])
    return "".join(chars), offs


# A pipe table whose line breaks were lost (copied as one line) still shows where its rows ended: a run of
# empty cells (``| 10 | |||||``) pads a row to the table's width, and a pipe-only filler line separated rows.
# A line this long with this many pipes is such a table; after a run of at least PIPE_RUN_EMPTY empty cells
# the space before the next cell was a line break.
UNFOLD_LINE_CHARS = 300
UNFOLD_LINE_PIPES = 30
PIPE_RUN_EMPTY = 2


def _row_breaks(line: str) -> list[int]:
    """Positions in ``line`` of the space after each run of PIPE_RUN_EMPTY or more empty cells that a cell
    follows (one pass: a regex here would retry every pipe of a long run)."""
    out = []
    i, n = 0, len(line)
    while i < n:
        if line[i] != "|":
            i += 1
            continue
        pipes, j = 1, i + 1
        while j < n:
            k = j
            while k < n and line[k] in " \t":
                k += 1
            if k < n and line[k] == "|":
                pipes, j = pipes + 1, k + 1
            else:
                break
        if pipes > PIPE_RUN_EMPTY and j < n and line[j] in " \t":
            k = j
            while k < n and line[k] in " \t":
                k += 1
            if k < n:
                out.append(j)
        i = j
    return out


def unfold_pipe_runs(text: str) -> str:
    """Line breaks put back after the empty-cell runs of a pipe table run into one line (one character
    for one: the space before the next row becomes a newline)."""
    if "\n" in text and not any(len(line) >= UNFOLD_LINE_CHARS and line.count("|") >= UNFOLD_LINE_PIPES
                                 for line in text.split("\n")):
        return text
    out = list(text)
    pos = 0
    for line in text.split("\n"):
        if len(line) >= UNFOLD_LINE_CHARS and line.count("|") >= UNFOLD_LINE_PIPES:
            for k in _row_breaks(line):
                out[pos + k] = "\n"
        pos += len(line) + 1
    return "".join(out)


# Web exports that pad every row to the table's width end a complete row with a run of empty cells
# (``| 10 | 100% | 10 | |||||``); there a line ending in one pipe (``绩效指标 | 一级 指标 |``, a row-spanning
# ``产 出 指 标 (50分) |``) or ending with none before a line opening with one (``成本指标`` / ``| 规划...``)
# was broken inside its row. Such documents have at least this many padded lines and this share of pipe lines.
PADDED_ROW_LINES = 5
PADDED_ROW_SHARE = 0.3


def _padded_end(line: str) -> bool:
    """The line ends with two pipes (spaces between allowed): a row padded with empty cells."""
    t = line.rstrip(" \t")
    return t.endswith("|") and t[:-1].rstrip(" \t").endswith("|")


def _one_pipe_end(line: str) -> bool:
    """The line ends with one pipe after content: ``绩效指标 | 一级 指标 |``."""
    t = line.rstrip(" \t")
    return t.endswith("|") and bool(t[:-1].strip()) and not t[:-1].rstrip(" \t").endswith("|")


def padded_pipe_rows(text: str) -> str:
    """Line breaks inside a padded pipe row become spaces, so that the row is one line (offsets are
    unchanged: one character for one)."""
    lines = text.split("\n")
    piped = [k for k, line in enumerate(lines) if "|" in line]
    padded = sum(_padded_end(lines[k]) for k in piped)
    if padded < PADDED_ROW_LINES or padded < PADDED_ROW_SHARE * len(piped):
        return text
    out = list(text)
    pos = 0
    for k, line in enumerate(lines[:-1]):
        pos += len(line)
        nxt = lines[k + 1].strip(" \t")
        broken = "|" in line and not line.rstrip(" \t").endswith("|")  # a complete row ends with its pipes
        if nxt and line.strip() and (_one_pipe_end(line) or broken
                                     or ("|" not in line and nxt.startswith("|") and k > 0 and "|" in lines[k - 1])):
            out[pos] = " "
        pos += 1
    return "".join(out)


def pipe_rows(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Pipe-delimited rows (``| 项目名称 | X |``) as tab rows: inner pipes become tabs, the outer
    pipes, the spaces around pipes and ``|---|`` rule lines are dropped, and line breaks inside a
    wrapped row become spaces so that the row is one line, as the layout stage reads tab rows.
    Every kept character keeps its original offset; a tab takes the offset of its pipe."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    chars: list[str] = []
    offs: list[int] = []

    def keep(a: int, b: int) -> None:
        chars.extend(text[a:b])
        offs.extend(offsets[a:b])

    width = _widest_row(lines)
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        a = starts[i]
        if _is_pipe_rule(line):
            i += 1  # the rule line and its line break go
            continue
        j = _pipe_row_end(lines, i, width)
        # '| 产' opens a wrapped row with one pipe on its line: the row as a whole shows the pipes
        if not (_is_pipe_row(line) or (j > i and sum(lines[k].count("|") for k in range(i, j + 1)) >= 3)):
            keep(a, a + len(line) + (1 if i < n - 1 else 0))
            i += 1
            continue
        b = starts[j] + len(lines[j])
        seg = text[a:b]
        matches = list(_PIPE.finditer(seg))
        pos = 0
        for k, m in enumerate(matches):
            for q in range(pos, m.start()):
                chars.append(" " if seg[q] == "\n" else seg[q])
                offs.append(offsets[a + q])
            outer = (k == 0 and not seg[: m.start()].strip()) or (k == len(matches) - 1 and not seg[m.end():].strip())
            if not outer:
                chars.append("\t")
                offs.append(offsets[a + m.start() + m.group().index("|")])
            pos = m.end()
        for q in range(pos, len(seg)):
            chars.append(" " if seg[q] == "\n" else seg[q])
            offs.append(offsets[a + q])
        if j < n - 1:
            keep(b, b + 1)
        i = j + 1
    offs.append(offsets[len(text)])
    return "".join(chars), offs


def squeeze(s: str) -> str:
    """All whitespace removed: joins vertical splits (产\\n出\\n指\\n标) and spaced-out characters."""
    return "".join(s.split())


def content_span(s: str) -> tuple[int, int]:
    """Offsets (relative to ``s``) of ``s`` without leading and trailing whitespace."""
    start = len(s) - len(s.lstrip())
    end = len(s.rstrip())
    return (start, end) if end > start else (0, 0)


# Numbers as printed: "1,068", "184. 1", "100.00%", "100分", "≥12" (operator stripped for numeric fields).
_NUM = re.compile(r"^[-+]?\d+(?:\.\d+)?$")


def parse_number(s: str | None) -> float | None:
    """A numeric cell as a float, or None when it is not a number (``IO``, ``/``, blank)."""
    if s is None:
        return None
    t = squeeze(s).replace(",", "").replace("，", "")
    t = t.rstrip("%％分")
    t = t.lstrip("=≥≤><≧≦")
    if not t or not _NUM.match(t):
        return None
    return float(t)


def is_number(s: str | None) -> bool:
    return parse_number(s) is not None


# an amount cell that repeats its column's unit (180万, 180万元): the number is in the column's unit
_AMOUNT_UNIT = re.compile(r"(万元|万|元)$")


def parse_amount(s: str | None) -> float | None:
    """An amount cell as a float in its column's unit: a number, or one followed by the unit (``180万``)."""
    if s is None:
        return None
    return parse_number(_AMOUNT_UNIT.sub("", squeeze(s)))


def is_amount(s: str | None) -> bool:
    return parse_amount(s) is not None


_OPS = {">=": "≥", "≧": "≥", "<=": "≤", "≦": "≤", "═": "="}


def canonical_operator(s: str) -> str:
    """Comparison operators in one form (≥, ≤, =, >, <), for matching, not for output."""
    t = squeeze(s)
    for a, b in _OPS.items():
        t = t.replace(a, b)
    return t


_UNIT = re.compile(r"(万元|元)")


def unit_factor(label: str | None, default: float = 1.0) -> float:
    """Multiplier to yuan for amounts under a label or header declaring their unit."""
    if not label:
        return default
    t = squeeze(label)
    if "亿元" in t:
        return YUAN_PER_YI
    if "万元" in t or re.search(r"万\)?元?$", t) or "(万" in t:
        return YUAN_PER_WAN
    if "元" in t:
        return 1.0
    return default
