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

from jixiao.pipelines import vocab as V
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.wrapped_cells import Line as _Line, Piece, anchor_kinds, assign, column_kinds, is_number
from jixiao.pipelines.wrapped_groups import groups as _groups, level_line

_TOKEN = re.compile(r"\S+")
# columns laid out by position leave three spaces or more between cells (``column_rows`` reads those)
_WIDE_GAP = re.compile(r"\S {3,}\S")
_PAGE_COUNTER = re.compile(r"^第\d+页(共\d+页)?$|^-?\d+-?$|^—\d+—$")
_ELLIPSIS = re.compile(r"^[….]+$")
HEADER_LINES = 4  # a header wraps over at most this many lines
FIELD_TAIL_CHARS = 4  # a department's name wrapped in its cell leaves a few glyphs on the next line (中心, 室)


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
                        lambda t, j, _texts=texts: 1.0 if _texts[j] + t in starts else None)
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
    """The funds header wrapped over lines (年初预 全年预 … / 算数 算数 …) as one row, and the line after it. A
    header whose cells are centered prints its one-line words (分值 执行率 得分, the 项目资金 caption) on a line
    between the wrapped words' first line and their tails: the caption goes first, the words after."""
    starts = V.FUNDS_HEADER_STARTS
    if len(lines[i].pieces) < 2 or any(p.text not in starts for p in lines[i].pieces):
        return None
    cols = [[p] for p in lines[i].pieces]
    front: list[list[Piece]] = []
    back: list[list[Piece]] = []
    wrapped = False
    k = i + 1
    while k < len(lines) and k < i + HEADER_LINES and lines[k].pieces:
        texts = ["".join(p.text for p in c) for c in cols]
        places = assign([p.text for p in lines[k].pieces], len(cols),
                        lambda t, j, _texts=texts: 1.0 if _texts[j] + t in starts else None)
        if places is not None:
            for p, j in zip(lines[k].pieces, places, strict=True):
                cols[j].append(p)
            wrapped = True
        elif not wrapped and all(p.text in starts for p in lines[k].pieces):
            for p in lines[k].pieces:
                (back if any(rx.match(p.text) for _, rx in V.FUNDS_HEADERS) else front).append([p])
        else:
            break
        k += 1
    cols = front + cols + back
    if not wrapped or sum(any(rx.match("".join(p.text for p in c)) for _, rx in V.FUNDS_HEADERS) for c in cols) < 3:
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
        body = [b for b in (_uncaptioned(ln) for ln in lines[k:end]
                            if not _PAGE_COUNTER.match("".join(p.text for p in ln.pieces))) if b.pieces]
        rebuilt = _rebuilt(texts, head, body) if k > i + 1 or _wraps(texts, body) else None
        if rebuilt is None:
            out.extend(rows[i:end])
        else:
            out.extend(rebuilt)
            changed = True
        i = end
    if not changed:
        return rows
    return [Row(index=n, kind=r.kind, start=r.start, end=r.end, cells=r.cells) for n, r in enumerate(_field_tails(out))]


def _field_tails(rows: list[Row]) -> list[Row]:
    """A field row's value wrapped onto a line of its own (实施单位 示例县农田建设服务中 / 心): the tail joins it.
    The tail is a line of one short piece of text, no label, no number, under a row ending in a field's value."""
    out: list[Row] = []
    for r in rows:
        prev = out[-1] if out else None
        cells = r.nonempty()
        if prev is not None and len(cells) == 1 and len(cells[0].clean) <= FIELD_TAIL_CHARS \
                and not any(ch.isdigit() for ch in cells[0].clean) and not _word_of_a_form(cells[0].clean):
            filled = prev.nonempty()
            if len(filled) >= 2 and not V.any_label(filled[-1].clean) and \
                    (V.DEPT_LABEL.match(filled[-2].clean) or V.IMPL_LABEL.match(filled[-2].clean)):
                last = filled[-1]
                joined = Cell(col=last.col, start=last.start, end=cells[0].end, text=last.text + cells[0].text)
                out[-1] = Row(index=0, kind=prev.kind, start=prev.start, end=r.end,
                              cells=[joined if c is last else c for c in prev.cells])
                continue
        out.append(r)
    return out


def _word_of_a_form(text: str) -> bool:
    """A label, or the start of a header word or caption (项目资金 over (万元)): never a value's tail."""
    return V.any_label(text) or text in V.FUNDS_HEADER_STARTS or text in V.INDICATOR_HEADER_STARTS


def _uncaptioned(ln: _Line) -> _Line:
    """The line without the margin's caption (绩效指标), which a centered layout prints on some middle row, and,
    on a line holding no number, without a template's placeholders (指标3:, ……): an empty slot, no cell's tail."""
    pieces = ln.pieces[1:] if len(ln.pieces) > 1 and ln.pieces[0].text == V.MARGIN_CAPTION else ln.pieces
    if not any(is_number(p.text) for p in pieces):
        pieces = [p for p in pieces if not (V.NUMBERED_SLOT.match(p.text) or _ELLIPSIS.match(p.text))]
    return ln if pieces == ln.pieces else _Line(pieces[0].start if pieces else ln.end, ln.end, pieces)


def _wraps(texts: list[str], body: list[_Line]) -> bool:
    """Whether a table under a header printed on one line wraps its cells: a line holding no number whose first
    piece ends a level word the line above began (产出指 … / 标 …), or centered rows: the first row line prints
    no level word, a later one does, and a line of level words only stands between row lines."""
    kinds = column_kinds([_slot(t) for t in texts])
    if not any(k in ("l1", "l2") for k in kinds):
        return False
    starts = V.LEVEL1_STARTS | V.LEVEL2_STARTS
    for above, ln in zip(body, body[1:]):
        if ln.pieces and not any(is_number(p.text) for p in ln.pieces):
            head = ln.pieces[0].text
            if head not in starts and any(p.text + head in starts for p in above.pieces):
                return True
    rows = [n for n, ln in enumerate(body) if anchor_kinds(kinds, [p.text for p in ln.pieces]) is not None]
    if len(rows) < 2 or _level_word(body[rows[0]].pieces[0].text):
        return False
    taken = set(rows)
    return any(_level_word(body[n].pieces[0].text) for n in rows[1:]) and \
        any(level_line(body[n]) for n in range(rows[0] + 1, rows[-1]) if n not in taken)


def _level_word(text: str) -> bool:
    return bool(V.fallback_level1(text) or V.fallback_level2(text))


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
