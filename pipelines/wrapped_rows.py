"""Wrapped rows: an indicator table in a PDF text layer whose cells are one space apart and wrap inside their row.

``pdfplumber``'s ``extract_text``, a viewer's copy of a Word export and like tools print a table row as a line of
cells one space apart; a cell too long for its column wraps, so the row runs over two to four lines, and each
continuation line holds the tails of several cells side by side (产出指 数量指 管护高标准农田面 / 标 标 积) with no
position to say which. The header wraps too (一级指 … 偏差原因分析 / 标 … 及改进措施). This module reads such a table
by what each cell can hold: the header's pieces build header words; on a row line (one holding the 分值/得分 numbers)
the cells are matched to the header's columns by kind (level words to level columns, numbers to number columns,
operator+number+unit to target/actual, text to the name and remark columns); a continuation line's pieces go to
the cells they can continue (a level word's tail, a date's or unit's tail, the text of a cell whose line was
full). It rebuilds one row of cells per indicator for the table reader; ``wrapped_cells`` holds the matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.pipelines import vocab as V
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.wrapped_cells import (
    Piece, anchor_kinds, assign, column_kinds, continuation_score, is_number, width,
)

_TOKEN = re.compile(r"\S+")
# columns laid out by position leave three spaces or more between cells (``column_rows`` reads those)
_WIDE_GAP = re.compile(r"\S {3,}\S")
_PAGE_COUNTER = re.compile(r"^第\d+页(共\d+页)?$|^-?\d+-?$|^—\d+—$")
HEADER_LINES = 4  # a header wraps over at most this many lines


@dataclass
class _Line:
    start: int
    end: int
    pieces: list[Piece]


@dataclass
class _Group:
    """One indicator row: its cells' pieces by column; ``last`` the columns its latest line continued."""

    anchor: int  # index of its row line among the body lines
    cells: dict[int, list[Piece]] = field(default_factory=dict)
    last: set[int] = field(default_factory=set)
    below: set[int] = field(default_factory=set)  # columns continued below the row line
    pending: list[_Line] = field(default_factory=list)  # lines above its row line that start its cells


def _line(text: str, row: Row) -> _Line:
    return _Line(row.start, row.end, [Piece(row.start + m.start(), row.start + m.end(), m.group())
                                      for m in _TOKEN.finditer(text[row.start:row.end])])


def _wrapped_words(lines: list[_Line], i: int, starts: frozenset[str]) -> tuple[list[list[Piece]], int] | None:
    """(the header's cells, the line after it) where line ``i`` opens a header whose words (``starts`` holds
    their starts) may wrap over the next lines: each piece of a next line ends a word the line above began."""
    first = lines[i].pieces
    if len(first) < 4 or any(p.text not in starts for p in first):
        return None
    cols = [[p] for p in first]
    k = i + 1
    while k < len(lines) and k < i + HEADER_LINES:
        texts = ["".join(p.text for p in c) for c in cols]
        places = assign([p.text for p in lines[k].pieces], len(cols),
                        lambda t, j: 1.0 if texts[j] + t in starts else None)
        if not lines[k].pieces or places is None:
            break
        for p, j in zip(lines[k].pieces, places, strict=True):
            cols[j].append(p)
        k += 1
    return cols, k


def _header(lines: list[_Line], i: int) -> tuple[list[str], list[list[Piece]], int] | None:
    """(the column texts, their pieces, the line after it) where line ``i`` opens an indicator header."""
    found = _wrapped_words(lines, i, V.INDICATOR_HEADER_STARTS)
    if found is None:
        return None
    cols, k = found
    texts = ["".join(p.text for p in c) for c in cols]
    slots = [_slot(t) for t in texts]
    if "name" not in slots or not {"weight", "score"} & set(slots) or sum(s is not None for s in slots) < 4:
        return None
    return texts, cols, k


def _funds_header(lines: list[_Line], i: int) -> tuple[Row, int] | None:
    """The funds header wrapped over lines (年初预 全年预 … / 算数 算数 …) as one row, and the line after it."""
    found = _wrapped_words(lines, i, V.FUNDS_HEADER_STARTS)
    if found is None or found[1] == i + 1:
        return None
    cols, k = found
    if sum(any(rx.match("".join(p.text for p in c)) for _, rx in V.FUNDS_HEADERS) for c in cols) < 3:
        return None
    return _row(cols, lines[i].start), k


def _slot(text: str) -> str | None:
    return next((slot for slot, rx in V.INDICATOR_HEADERS if rx.search(text)), None)


def _ends_body(line: _Line) -> bool:
    joined = "".join(p.text for p in line.pieces)
    return bool(V.INDICATOR_END.match(joined) or V.TABLE_TITLE.search(joined) or V.NAME_LABEL.match(line.pieces[0].text)
                or V.FORM_FOOTER.match(joined))


def wrapped_rows(norm: NormalizedText, rows: list[Row]) -> list[Row]:
    """``rows`` (one a line) with each indicator table whose cells wrap inside their rows rebuilt as one row of
    cells per indicator; unchanged where no table wraps (one row a line is the space-rows reader's own)."""
    text = norm.text
    lines = [_line(text, r) for r in rows]
    out: list[Row] = []
    i = 0
    changed = False
    while i < len(rows):
        laid_out = bool(_WIDE_GAP.search(text[rows[i].start:rows[i].end]))
        funds = _funds_header(lines, i) if not laid_out else None
        if funds is not None:
            out.append(funds[0])
            i = funds[1]
            changed = True
            continue
        found = _header(lines, i) if not laid_out else None
        if found is None:
            out.append(rows[i])
            i += 1
            continue
        texts, head, k = found
        end = k
        while end < len(lines) and lines[end].pieces and not _ends_body(lines[end]) and _header(lines, end) is None:
            end += 1
        body = [ln for ln in lines[k:end] if not _PAGE_COUNTER.match("".join(p.text for p in ln.pieces))]
        rebuilt = _rebuilt(texts, head, body) if k > i + 1 or _wraps(texts, body) else None
        if rebuilt is None:
            out.extend(rows[i:end])
        else:
            out.extend(rebuilt)
            changed = True
        i = end
    if not changed:
        return rows
    return [Row(index=n, kind=r.kind, start=r.start, end=r.end, cells=r.cells) for n, r in enumerate(out)]


def _wraps(texts: list[str], body: list[_Line]) -> bool:
    """Whether a table under a header printed on one line wraps its cells: a line holding no number, whose
    first piece ends a level word that the line above started (产出指 … / 标 …)."""
    kinds = column_kinds([_slot(t) for t in texts])
    for above, ln in zip(body, body[1:]):
        if ln.pieces and not any(is_number(p.text) for p in ln.pieces):
            head = ln.pieces[0].text
            if any(k in ("l1", "l2") for k in kinds) and head not in V.LEVEL1_STARTS | V.LEVEL2_STARTS \
                    and any(p.text + head in V.LEVEL1_STARTS | V.LEVEL2_STARTS for p in above.pieces):
                return True
    return False


def _rebuilt(texts: list[str], head: list[list[Piece]], body: list[_Line]) -> list[Row] | None:
    """The header row and one row per indicator, or None where no line of the body is a row line."""
    kinds = column_kinds([_slot(t) for t in texts])
    keep = [j for j, k in enumerate(kinds) if k != "margin"]
    groups = _groups(kinds, body)
    if not groups:
        return None
    header = _row([head[j] for j in keep], body[0].start if body else head[0][0].start)
    return [header, *(_row([g.cells.get(j, []) for j in keep], body[g.anchor].start) for g in groups)]


def _row(cells: list[list[Piece]], at: int) -> Row:
    made = [Cell(col=j, start=ps[0].start, end=ps[-1].end, text="".join(p.text for p in ps)) if ps
            else Cell(col=j, start=at, end=at, text="") for j, ps in enumerate(cells)]
    filled = [c for c in made if c.text]
    lo = min([at, *(c.start for c in filled)])
    hi = max([at, *(c.end for c in filled)])
    return Row(index=0, kind="tabs", start=lo, end=hi, cells=made)


def _groups(kinds: list[str], body: list[_Line]) -> list[_Group]:
    """The body's lines grouped into indicator rows: each row line opens a row; a line after it continues the
    row where its pieces continue the row's cells, else it starts the cells of the next row (a row whose cells
    are centered prints their first lines above its row line)."""
    anchors = [anchor_kinds(kinds, [p.text for p in ln.pieces]) for ln in body]
    widths = [0] * len(kinds)
    for ln, places in zip(body, anchors, strict=True):
        for p, j in zip(ln.pieces, places or [], strict=False):
            widths[j] = max(widths[j], width(p.text))
    groups: list[_Group] = []
    pending: list[_Line] = []
    levels: dict[int, list[Piece]] = {}  # the latest level cell of each level column (a merged cell wraps on)
    for n, (ln, places) in enumerate(zip(body, anchors, strict=True)):
        if places is not None:
            g = _Group(anchor=n, pending=pending)
            pending = []
            _take_anchor(g, ln, places, kinds, levels)
            groups.append(g)
            continue
        if not groups or not _continue(groups[-1], ln, kinds, widths, levels):
            pending.append(ln)
    for g in groups:
        _take_pending(g, kinds, widths)
    return groups


def _take_anchor(g: _Group, ln: _Line, places: list[int], kinds: list[str], levels: dict[int, list[Piece]]) -> None:
    for p, j in zip(ln.pieces, places, strict=True):
        if kinds[j] in ("l1", "l2"):
            cell = levels.get(j)
            starts = V.LEVEL1_STARTS if kinds[j] == "l1" else V.LEVEL2_STARTS
            if cell is not None and "".join(q.text for q in cell) + p.text in starts and p.text not in starts:
                cell.append(p)  # the tail of a level cell merged over the rows above, wrapping on
                continue
            levels[j] = g.cells.setdefault(j, [])
        g.cells.setdefault(j, []).append(p)
        g.last.add(j)


def _continue(g: _Group, ln: _Line, kinds: list[str], widths: list[int], levels: dict[int, list[Piece]]) -> bool:
    """Add the line's pieces to the row's cells where each continues one (True), else leave the row (False)."""
    texts = {j: "".join(q.text for q in ps) for j, ps in g.cells.items()}
    for j, cell in levels.items():
        texts.setdefault(j, "".join(q.text for q in cell))
    last = {j: g.cells[j][-1].text for j in g.last if j in g.cells}
    scored = [continuation_score(p.text, kinds[j], texts.get(j, ""), last.get(j), widths[j])
              for p in ln.pieces for j in range(len(kinds))]
    places = assign(list(range(len(ln.pieces))), len(kinds), lambda i, j: scored[i * len(kinds) + j])
    if places is None:
        return False
    for p, j in zip(ln.pieces, places, strict=True):
        cell = g.cells.get(j)
        if kinds[j] in ("l1", "l2"):
            starts = V.LEVEL1_STARTS if kinds[j] == "l1" else V.LEVEL2_STARTS
            if j in levels and texts.get(j, "") + p.text in starts and p.text not in starts:
                cell = levels[j]  # a level word's tail: the cell it continues, of this row or one above
            elif cell is None:
                cell = levels[j] = g.cells.setdefault(j, [])
        elif cell is None:
            cell = g.cells.setdefault(j, [])
        cell.append(p)
    g.last = set(places)
    g.below |= set(places)
    return True


def _take_pending(g: _Group, kinds: list[str], widths: list[int]) -> None:
    """Lines above a row line that start its cells: each piece goes to a cell continued below the row line
    (a centered cell runs both ways), left first."""
    for ln in reversed(g.pending):
        open_js = sorted(j for j in g.below if kinds[j] not in ("l1", "l2", "number")) or \
            sorted(j for j in g.cells if kinds[j] in ("name", "text", "measure"))
        if not open_js:
            continue
        places = assign([p.text for p in ln.pieces], len(kinds),
                        lambda t, j, _o=open_js: (2.0 - _o.index(j) * 0.1) if j in _o else None)
        if places is None:
            continue
        for p, j in zip(ln.pieces, places, strict=True):
            g.cells.setdefault(j, []).insert(0, p)
