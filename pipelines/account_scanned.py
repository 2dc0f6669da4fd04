"""Final-accounts tables from an OCR'd scan, read line by line as tokens, written back as tab rows.

A scan's cells wander by several characters from line to line and its blank cells are lost, so columns found by
position put amounts in the wrong columns. Here the header gives the columns in left-to-right order (the leaves:
header cells with nothing under them, a leaf merged down over two header lines kept), and each body line is read
as code / label / 行次 / amount tokens (slips undone, ``account_slips``; amounts run together cut,
``account_spaced.run_together``), cut at each code or label token after the first one (the sides of a two-sided
总表, the panels of a 基本支出 table). A row printing every value column reads in order; a row printing fewer is
placed by the table's identities (``account_placement``: 小计 = its parts, 类 = Σ款, 年末 = 年初 + 收入 − 支出).
Only a table whose tokens show a scan's slips is read so (a clean text is the other readers').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.pipelines import vocab as V
from jixiao.pipelines.account_grid import code_of, is_amount_cell
from jixiao.pipelines.account_scanned_header import Header, read_header
from jixiao.pipelines.account_scanned_place import placed
from jixiao.pipelines.account_slips import scan_amount
from jixiao.pipelines.account_spaced import run_together
from jixiao.pipelines.normalize import NormalizedText, squeeze
from jixiao.pipelines.text_width import display_width

_TOKEN = re.compile(r"\S+")
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_LINE_NO = re.compile(r"^\d{1,3}$")
# a lone group of digits before an amount is a piece of it where the scan read a space inside (4 86.00)
_PIECE = re.compile(r"^\d{1,3}$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_AMOUNT_LIKE = re.compile(r"\d[.,]\d")


@dataclass
class Token:
    text: str  # as the rules read it (slips undone)
    start: int  # offsets in the normalized text
    end: int
    x: int  # display column of its first character on the line
    slipped: bool = False


@dataclass
class Segment:
    """One row's tokens on a line: a panel's or a side's cells."""

    x: int
    code: Token | None = None
    label: list[Token] = field(default_factory=list)
    line: Token | None = None
    amounts: list[Token] = field(default_factory=list)
    panel: int = 0


def _tokens(norm: NormalizedText, start: int, line: str) -> list[Token]:
    """The line's whitespace-separated tokens, amounts run together cut, a scan's slips undone."""
    out = []
    done = x = 0  # (each token's column counted on from the one before: a long line is not recounted at each token)
    for m in _TOKEN.finditer(line):
        pieces = run_together(m.group()) or [(0, len(m.group()))]
        for a, b in pieces:
            raw = m.group()[a:b]
            text = scan_amount(raw) if any(ch.isdigit() for ch in raw) else raw
            x += display_width(line[done:m.start() + a])
            done = m.start() + a
            out.append(Token(text, start + m.start() + a, start + m.start() + b, x,
                             slipped=text != raw or len(pieces) > 1))
    return out


def _is_amount(text: str) -> bool:
    return "." in text and is_amount_cell(text)


def _joined_pieces(tokens: list[Token]) -> list[Token]:
    """An amount a scan printed with a space inside (``4 86.00``): the lone digits joined to the amount after."""
    out: list[Token] = []
    for t in tokens:
        if out and _PIECE.match(out[-1].text) and _is_amount(t.text) and "," not in t.text and \
                t.start - out[-1].end == 1:
            prev = out.pop()
            out.append(Token(prev.text + t.text, prev.start, t.end, prev.x, True))
            continue
        out.append(t)
    return out


def segments(tokens: list[Token], header: Header) -> list[Segment]:
    """The line cut into rows: a new one at a code, or at a label after a row's label, 行次 or amount."""
    out: list[Segment] = []
    has_line = any(p.line for p in header.panels)
    tokens = tokens if has_line else _joined_pieces(tokens)
    for t in tokens:
        cur = out[-1] if out else None
        fresh = cur is None or cur.amounts or cur.line is not None
        if _CODE.match(t.text) and code_of(t.text) and (fresh or cur.label or cur.code) and \
                any(p.code for p in header.panels):
            out.append(Segment(t.x, code=t))
        elif _is_amount(t.text):
            if cur is None:
                out.append(Segment(t.x))
            out[-1].amounts.append(t)
        elif has_line and _LINE_NO.match(t.text) and cur is not None and cur.label and not cur.amounts:
            cur.line = t
        elif not t.text[0].isdigit():
            if cur is None or fresh or (cur.label and cur.label[-1].end < t.start - 1 and has_line):
                out.append(Segment(t.x))
            out[-1].label.append(t)
        else:
            return []  # a token the table has no column for: not a row of this layout
    return out


def _assign_panels(segs: list[Segment], header: Header) -> bool:
    """Each segment to the panel whose header starts nearest to it, panels in order; False where they clash."""
    starts = [p.x for p in header.panels]
    last = -1
    for s in segs:
        k = min(range(len(starts)), key=lambda i: abs(starts[i] - s.x))
        if k <= last:
            k = last + 1
        if k >= len(starts):
            return False
        s.panel, last = k, k
    return True


def _label_only(segs: list[Segment]) -> bool:
    return len(segs) == 1 and not segs[0].code and not segs[0].amounts and segs[0].line is None and segs[0].label


@dataclass
class Block:
    header: Header
    rows: list[list[Segment]]  # per body line, its segments
    end_line: int
    scanned: bool


def _body(norm: NormalizedText, lines: list[str], starts: list[int], first: int, stop: int,
          header: Header) -> Block | None:
    rows: list[list[Segment]] = []
    slipped = False
    k = first
    for k in range(first, stop):
        line = lines[k]
        text = squeeze(line)
        if not text or V.ACCOUNT_TABLE_END.match(text) or V.ACCOUNT_NO_DATA.search(text):
            break
        if text.startswith(V.ACCOUNT_STUB_ROW) or not _CJK.search(text) and not _AMOUNT_LIKE.search(text):
            continue  # the 栏次 row, a page number
        tokens = _tokens(norm, starts[k], line)
        segs = segments(tokens, header)
        if _label_only(segs) and rows and not any(s.amounts for s in segs):
            rows[-1][-1].label += segs[0].label  # a name wrapped in its cell onto a line of its own
            continue
        if not segs or not _assign_panels(segs, header):
            return None
        slipped |= any(t.slipped for t in tokens)
        rows.append(segs)
    else:
        k = stop
    return Block(header, rows, k, slipped)


def read_block(norm: NormalizedText, lines: list[str], starts: list[int], title: int, stop: int) -> Block | None:
    """The table under the title line ``title`` (lines up to ``stop``), or None where it does not read."""
    header = read_header(norm, lines, starts, title + 1, stop)
    if header is None:
        return None
    return _body(norm, lines, starts, header.body, stop, header)


def scanned_rows(norm: NormalizedText, is_title) -> NormalizedText | None:
    """The text with each table an OCR'd scan printed written as tab rows (header re-laid, amounts placed); None
    where no table reads as a scan."""
    lines = norm.text.split("\n")
    starts = norm.line_starts()
    titles = [i for i, (s, line) in enumerate(zip(starts, lines)) if is_title(norm, s, s + len(line))]
    chars: list[str] = []
    offsets: list[int] = []
    done, changed = 0, False
    for n, t in enumerate(titles):
        stop = titles[n + 1] if n + 1 < len(titles) else len(lines)
        block = read_block(norm, lines, starts, t, stop)
        if block is None or not block.scanned or not block.rows:
            continue
        laid = placed(block.header, block.rows, squeeze(lines[t]), norm.text[starts[t]:starts[block.header.body]])
        if laid is None:
            continue
        _emit(norm, starts[done], starts[block.header.first], chars, offsets)
        for row in laid:
            at = next((c[0].start for c in row if c), starts[t])
            for k, cell in enumerate(row):
                if k:
                    _put(norm, "\t", cell[0].start if cell else at, chars, offsets)
                for tok in cell:
                    _emit_token(norm, tok, chars, offsets)
            _put(norm, "\n", next((c[-1].end for c in reversed(row) if c), at), chars, offsets)
        done, changed = block.end_line, True
    if not changed:
        return None
    _emit(norm, starts[done] if done < len(starts) else len(norm.text), len(norm.text), chars, offsets)
    return norm.rewritten(chars, offsets)


def _emit(norm: NormalizedText, a: int, b: int, chars: list[str], offsets: list[int]) -> None:
    chars.extend(norm.text[a:b])
    offsets.extend(norm.offsets[a:b])


def _emit_token(norm: NormalizedText, tok, chars: list[str], offsets: list[int]) -> None:
    """A body token as the rules read it (3OO.OO as 300.00: the tab reader's own slip test wants two true
    digits) where its reading keeps one character for each printed one; else as printed."""
    if isinstance(tok, Token) and tok.slipped and len(tok.text) == tok.end - tok.start:
        chars.extend(tok.text)
        offsets.extend(norm.offsets[tok.start:tok.end])
    else:
        _emit(norm, tok.start, tok.end, chars, offsets)


def _put(norm: NormalizedText, ch: str, at: int, chars: list[str], offsets: list[int]) -> None:
    chars.append(ch)
    offsets.append(norm.offsets[min(at, len(norm.offsets) - 1)])


def printed_values(tables: list) -> int:
    """The values a reading found, a row's with no code or label too (a 三公 table's one row of amounts has
    none): an OCR'd table read as tokens is compared with the other readings by them."""
    return sum(len(r.values) for t in tables for r in t.rows)


def _warnings(tables: list) -> int:
    return sum(c.severity == "warning" for t in tables for c in t.checks)


def scan_reads_better(by_scan: list, other: list) -> bool:
    """The reading as tokens is taken where it finds more values than the other reading, or where it reads as
    many tables and its identities fail less often (the other reading found more values only by putting a scan's
    cells in the wrong columns: 行次 read as amounts, a side's amounts under the other side's keys)."""
    if printed_values(by_scan) > printed_values(other):
        return True
    return bool(by_scan) and len(by_scan) >= len(other) and _warnings(by_scan) < _warnings(other)
