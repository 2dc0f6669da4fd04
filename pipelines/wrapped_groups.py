"""The lines of a table whose cells wrap inside their rows, grouped into one indicator row each (``wrapped_rows``).

A row line (one holding the 分值/得分 numbers and a name) opens a row. Where cells are top-aligned (the common
export), the lines after a row line continue its cells; a line of level words only (满意度指标 服务对象) starts the
level cells of the next row. Where cells are vertically centered (the first row prints no level cell, a later one
does: merged level cells sit at their middle), a row's tall cells run above its row line as far as below it, so
the lines between two row lines are split: the lower row takes as many lines above it as it prints below it; and a
level cell is placed by position: each row printing nothing in that column goes to the nearest level cell whose
category fits the row (a level-1 cell the row's level-2 belongs under), a cell on a line of its own (a merged
cell's middle) before one on a row line, the one above on a tie; the cell then heads the first of its rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.pipelines import vocab as V
from jixiao.pipelines.wrapped_cells import (
    Line, Piece, anchor_kinds, assign, continuation_score, extends, width,
)

_LEVELS = ("l1", "l2")


@dataclass
class Group:
    """One indicator row: its cells' pieces by column."""

    anchor: int  # its row line's index among the body lines
    cells: dict[int, list[Piece]] = field(default_factory=dict)
    level_at: dict[int, int] = field(default_factory=dict)  # the line each level cell starts on
    last: set[int] = field(default_factory=set)  # the columns its latest line printed
    below: set[int] = field(default_factory=set)  # the columns it continued below its row line
    above: list[Line] = field(default_factory=list)  # lines above its row line that start its cells


def _text(pieces: list[Piece]) -> str:
    return "".join(p.text for p in pieces)


def _words(ln: Line) -> list[str]:
    return [p.text for p in ln.pieces]


def level_line(ln: Line) -> bool:
    """A line of whole category words only (a merged level cell printed on a line of its own)."""
    return bool(ln.pieces) and all(V.fallback_level1(p.text) or V.fallback_level2(p.text) for p in ln.pieces)


@dataclass
class _State:
    kinds: list[str]
    widths: list[int]
    centered: bool
    levels: dict[int, list[Piece]] = field(default_factory=dict)  # the latest level cell of each level column
    pending: dict[int, tuple[list[Piece], int]] = field(default_factory=dict)  # level cells for the next row


def groups(kinds: list[str], body: list[Line]) -> list[Group]:
    """The body's lines grouped into indicator rows (see the module's note)."""
    found = [anchor_kinds(kinds, _words(ln)) for ln in body]
    idx = [n for n, a in enumerate(found) if a is not None]
    if not idx:
        return []
    widths = [0] * len(kinds)
    for ln, places in zip(body, found, strict=True):
        for p, j in zip(ln.pieces, places or [], strict=False):
            widths[j] = max(widths[j], width(p.text))
    level_js = [j for j, k in enumerate(kinds) if k in _LEVELS]
    first = set(found[idx[0]] or [])
    centered = any(j not in first and any(j in (found[n] or []) for n in idx[1:]) for j in level_js)
    above_of = _split_runs(body, idx) if centered else {}
    state = _State(kinds, widths, centered)
    out: list[Group] = []
    by_anchor: dict[int, Group] = {}
    for n, ln in enumerate(body):
        if n < idx[0] or n in above_of:
            continue
        if found[n] is not None:
            g = Group(anchor=n)
            for j, (cell, at) in state.pending.items():
                g.cells[j], g.level_at[j] = cell, at
            state.pending = {}
            _take_row_line(g, ln, n, state)
            out.append(g)
            by_anchor[n] = g
        else:
            _continue(out[-1], ln, n, state)
    for n, k in sorted(above_of.items()):
        by_anchor[k].above.append(body[n])
    for g in out:
        _take_above(g, kinds)
    if centered:
        for j in sorted(level_js, key=lambda j: kinds[j] == "l1"):  # level-2 first: a level-1 must fit it
            _place_levels(out, j, kinds)
    return out


def _split_runs(body: list[Line], idx: list[int]) -> dict[int, int]:
    """Centered rows: the lines above each row line that belong to it (line -> its row line), bottom-up: a row
    takes as many text lines above it as it prints below it."""
    above_of: dict[int, int] = {}
    below = sum(not level_line(ln) for ln in body[idx[-1] + 1:])
    for k in range(len(idx) - 2, -1, -1):
        run = [n for n in range(idx[k] + 1, idx[k + 1]) if not level_line(body[n])]
        taken = run[len(run) - min(below, len(run)):] if below else []
        for n in taken:
            above_of[n] = idx[k + 1]
        below = len(run) - len(taken)
    return above_of


def _take_row_line(g: Group, ln: Line, n: int, st: _State) -> None:
    opened = {j: _text(cell) for j, cell in st.levels.items()}
    places = anchor_kinds(st.kinds, _words(ln), opened) or []
    for p, j in zip(ln.pieces, places, strict=True):
        if st.kinds[j] in _LEVELS:
            if j in opened and extends(st.kinds[j], opened[j], p.text):
                st.levels[j].append(p)  # the tail of a level cell merged over the rows above, wrapping on
                continue
            g.cells[j], g.level_at[j] = [p], n
            st.levels[j] = g.cells[j]
            continue
        g.cells.setdefault(j, []).append(p)
    g.last = set(places)


def _continue(g: Group, ln: Line, n: int, st: _State) -> None:
    """Add a continuation line's pieces to the cells they continue (see ``continuation_score``)."""
    kinds = st.kinds
    texts = {j: _text(ps) for j, ps in g.cells.items()}
    for j, cell in st.levels.items():
        texts[j] = _text(cell)
    last = {j: g.cells[j][-1].text for j in g.last if j in g.cells}
    scored = [[continuation_score(p.text, kinds[j], texts.get(j, ""), last.get(j), st.widths[j])
               for j in range(len(kinds))] for p in ln.pieces]
    places = assign(list(range(len(ln.pieces))), len(kinds), lambda i, j: scored[i][j])
    if places is None:
        return
    new = [kinds[j] in _LEVELS and not extends(kinds[j], texts.get(j, ""), p.text)
           for p, j in zip(ln.pieces, places, strict=True)]
    if all(new) and not st.centered:
        for p, j in zip(ln.pieces, places, strict=True):  # level words only: the next row's level cells
            st.pending[j] = ([p], n)
            st.levels[j] = st.pending[j][0]
        return
    for p, j, fresh in zip(ln.pieces, places, new, strict=True):
        if kinds[j] not in _LEVELS:
            g.cells.setdefault(j, []).append(p)
            g.below.add(j)
        elif not fresh:
            st.levels[j].append(p)
        elif j in g.cells:
            st.pending[j] = ([p], n)
            st.levels[j] = st.pending[j][0]
        else:
            g.cells[j], g.level_at[j] = [p], n
            st.levels[j] = g.cells[j]
    g.last = set(places)


def _take_above(g: Group, kinds: list[str]) -> None:
    """Lines above a row line that start its cells: their pieces go, in order, to the cells continued below
    the row line (a centered cell runs both ways), else to its text cells; left first."""
    targets = sorted(g.below) or sorted(j for j in g.cells if kinds[j] in ("name", "text", "measure"))
    for ln in reversed(g.above):
        places = assign(ln.pieces, len(kinds), lambda p, j: 2.0 - 0.1 * targets.index(j) if j in targets else None)
        for p, j in zip(ln.pieces, places or [], strict=True):
            g.cells.setdefault(j, []).insert(0, p)


def _place_levels(out: list[Group], j: int, kinds: list[str]) -> None:
    """Centered rows: each level cell of column ``j`` heads the first of the rows nearest to it that it fits."""
    holders = [k for k, g in enumerate(out) if j in out[k].cells]
    if not holders or holders[0] == 0:
        return
    cells = {k: (out[k].cells.pop(j), out[k].level_at.get(j, out[k].anchor)) for k in holders}
    members: dict[int, list[int]] = {k: [k] for k in cells}
    l2 = next((c for c, kind in enumerate(kinds) if kind == "l2"), None)
    carried: list[str | None] = []  # each row's level-2, carried down (the table reader's reading)
    for g in out:
        own = V.fallback_level2(_text(g.cells.get(l2, []))) if l2 is not None else None
        carried.append(own or (carried[-1] if carried else None))
    order = sorted(cells)
    at = 0  # the first holder after row k
    for k, g in enumerate(out):
        while at < len(order) and order[at] <= k:
            at += 1
        if k in cells:
            continue
        parent = V.LEVEL2_PARENT.get(carried[k] or "")
        # the nearest holders above and below (a merged cell spans the rows next to it), one that fits first
        near = {c for c in (order[at - 1] if at else None, order[at] if at < len(order) else None) if c is not None}

        def rank(c: int, _g: Group = g, _parent: str | None = parent) -> tuple[bool, int, bool, bool]:
            line = cells[c][1]
            unfit = kinds[j] == "l1" and _parent is not None and V.fallback_level1(_text(cells[c][0])) != _parent
            return unfit, abs(line - _g.anchor), line == out[c].anchor, line > _g.anchor
        members[min(near, key=rank)].append(k)
    for c, ks in members.items():
        out[min(ks)].cells[j] = cells[c][0]
