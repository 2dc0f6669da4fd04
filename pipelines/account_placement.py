"""Which columns a row's amounts belong in, where the layout lost its blank cells: the placement the
identities choose.

A table exported one cell a line without its blank cells prints a row of k amounts under n > k value
columns with nothing to say which k. Each shifted row may take any placement of its amounts (in order) that
keeps its own column sums (小计 = 基本支出 + 项目支出, or what its header adds up); the rows are then placed
together so that every identity between rows holds (类 = Σ款 = Σ项 per column, 合计 = Σ 类, 人员经费合计 /
公用经费合计 = their classes), up to the printing's rounding (the checks' own test). The shifted rows that
share an identity are solved together (a 项's placement depends on its siblings'), each such group apart:
where one way of placing them holds, it is taken; where none does, the reading from the left stays (the
checks warn); a row that several ways place differently keeps the reading from the left and an ``info``
check names the columns it fits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations
from math import comb

from jixiao.pipelines.account_checks import Identity, column_identities, families, holds, total_parts
from jixiao.record import AccountRow, Check, FinalAccountsTable

# placements tried for one row at most (C(n, k) for k amounts under n value columns); a row with more keeps
# the reading from the left. The standard tables print at most 7 value columns on a side (C(7, 3) = 35)
MAX_PLACEMENTS = 64
# the search over one group of shifted rows that share identities stops after this many partial placements
# (its rows then keep the reading from the left): the work stays linear in the rows
MAX_STEPS = 20_000
CHECK_CODE = "accounts.placement"

Cols = tuple[int, ...]  # the value column (index into the keys) of each of a row's amounts, in order


@dataclass
class Placement:
    row: int  # index into the table's rows
    columns: Cols  # where its amounts are now
    fitting: list[Cols] = field(default_factory=list)  # the placements some solution gives it (several: ambiguous)


@dataclass
class _Sum:
    total: int
    parts: list[int]
    rows: set[int]  # the shifted rows among total and parts


def _holds(table: FinalAccountsTable, s: _Sum, open_rows: set[int] | None = None) -> bool:
    """Every column of the identity holds; with ``open_rows`` (parts not placed yet) only that the parts
    placed do not add up beyond the total (the table prints no negative amount)."""
    rows = table.rows
    total = rows[s.total].values
    parts = [p for p in s.parts if not open_rows or p not in open_rows]
    keys = dict.fromkeys([*total, *(k for p in parts for k in rows[p].values)])
    for key in keys:
        ident = Identity("accounts.code_sum", s.total, key, total.get(key, 0.0),
                         round(sum(rows[p].values.get(key, 0.0) for p in parts), 2), len(parts), "")
        if open_rows is not None and ident.expected <= ident.printed:
            continue
        if not holds(table, ident):
            return False
    return True


def _domain(table: FinalAccountsTable, i: int, amounts: list[float], keys: list[str],
            sums: list[tuple[str, list[str]]], fits: Callable[[dict[str, float]], bool] | None = None) -> list[Cols]:
    """The placements of a row's amounts that keep its own column sums (and ``fits``, a row identity the
    header's sums cannot say, such as 年末 = 年初 + 收入 − 支出)."""
    row = table.rows[i]
    kept, out = row.values, []
    own = FinalAccountsTable(title=table.title, unit=table.unit, rows=[row])
    for cols in combinations(range(len(keys)), len(amounts)):
        row.values = {keys[c]: a for c, a in zip(cols, amounts)}
        if all(holds(own, ident) for ident in column_identities(own, sums)) and (fits is None or fits(row.values)):
            out.append(cols)
    row.values = kept
    return out


class _Search:
    """Every way of placing one group of shifted rows that makes the identities among them hold."""

    def __init__(self, table: FinalAccountsTable, order: list[int], domains: dict[int, list[Cols]],
                 amounts: dict[int, list[float]], keys: list[str], sums: list[_Sum],
                 cost: Callable[[int, Cols], float] | None = None):
        self.table, self.order, self.domains, self.amounts, self.keys = table, order, domains, amounts, keys
        at = {i: n for n, i in enumerate(order)}
        # each identity is checked in full once its last shifted row is placed, in part before
        self.full = {i: [s for s in sums if max(at[r] for r in s.rows) == at[i]] for i in order}
        self.part = {i: [s for s in sums if i in s.rows and s not in self.full[i]] for i in order}
        self.prune = all(v >= 0 for r in table.rows for v in r.values.values())
        self.found: dict[int, set[Cols]] = {i: set() for i in order}
        self.cost = cost
        self.best: tuple[float, dict[int, Cols]] | None = None  # with ``cost``: the solution costing least
        self.solutions = 0
        self.steps = 0

    def run(self, n: int = 0) -> bool:
        """False when the search ran out of steps."""
        if n == len(self.order):
            self.solutions += 1
            for i in self.order:
                self.found[i].add(self._at(i))
            if self.cost is not None:
                total = sum(self.cost(i, self._at(i)) for i in self.order)
                if self.best is None or total < self.best[0]:
                    self.best = (total, {i: self._at(i) for i in self.order})
            return True
        i = self.order[n]
        row = self.table.rows[i]
        open_rows = set(self.order[n + 1:])
        for cols in self.domains[i]:
            self.steps += 1
            if self.steps > MAX_STEPS:
                return False
            row.values = {self.keys[c]: a for c, a in zip(cols, self.amounts[i])}
            if all(_holds(self.table, s) for s in self.full[i]) and \
                    all(_holds(self.table, s, open_rows) for s in self.part[i] if self.prune and s.total not in open_rows):
                if not self.run(n + 1):
                    return False
        return True

    def _at(self, i: int) -> Cols:
        return tuple(self.keys.index(k) for k in self.table.rows[i].values)


def _groups(order: list[int], sums: list[_Sum]) -> list[list[int]]:
    """The shifted rows cut into groups that share no identity (union-find), each in table order."""
    root = {i: i for i in order}

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for s in sums:
        first, *rest = sorted(s.rows)
        for r in rest:
            root[find(r)] = find(first)
    out: dict[int, list[int]] = {}
    for i in order:
        out.setdefault(find(i), []).append(i)
    return list(out.values())


def place(table: FinalAccountsTable, keys: list[str], shifted: list[int], sums: list[tuple[str, list[str]]],
          fits: Callable[[dict[str, float]], bool] | None = None,
          cost: Callable[[int, Cols], float] | None = None) -> list[Placement]:
    """The placement of each shifted row (its amounts read into the first value columns, in ``keys`` order);
    the table's rows are moved to it. ``sums``: the column identities its header prints; ``fits``: a row
    identity more; ``cost`` (row, placement): where several ways of placing a group hold, the one costing least
    is taken (a scan's positions as the tie-breaker) instead of the reading from the left."""
    rows = table.rows
    amounts = {i: [rows[i].values[k] for k in keys if k in rows[i].values] for i in shifted}
    today = {i: tuple(range(len(amounts[i]))) for i in shifted}
    domains = {i: _domain(table, i, amounts[i], keys, sums, fits) for i in shifted
               if 0 < len(amounts[i]) < len(keys) and comb(len(keys), len(amounts[i])) <= MAX_PLACEMENTS}
    order = [i for i in shifted if domains.get(i)]
    between = [*families(rows), *((t, p) for t, p, _ in total_parts(rows))]
    identities = [_Sum(t, p, {t, *p} & set(order)) for t, p in between]
    identities = [s for s in identities if s.rows]
    out = []
    for group in _groups(order, identities):
        search = _Search(table, group, domains, amounts, keys, [s for s in identities if s.rows <= set(group)], cost)
        done = search.run()
        for i in group:
            found = search.found[i] if done and search.solutions else set()
            cols = next(iter(found)) if len(found) == 1 else today[i]
            if done and search.best is not None:
                cols = search.best[1][i]
            rows[i].values = {keys[c]: a for c, a in zip(cols, amounts[i])}
            out.append(Placement(i, cols, sorted(found)))
    return out


def ambiguity(table: FinalAccountsTable, keys: list[str], placement: Placement) -> Check | None:
    """An ``info`` check for a row whose amounts fit several placements alike (the reading kept)."""
    if len(placement.fitting) < 2:
        return None
    row: AccountRow = table.rows[placement.row]
    name = " ".join(x for x in (row.code, row.label) if x) or "?"

    def cols(at: Cols) -> str:
        return "+".join(keys[c] for c in at)

    return Check(code=CHECK_CODE, severity="info",
                 message=f"{table.title} row {name}: its {len(placement.columns)} amounts fit the columns "
                         f"{' or '.join(cols(f) for f in placement.fitting)} alike (the blank cells are not "
                         f"printed); read as {cols(placement.columns)}")


def attach(tables: list[FinalAccountsTable], notes: list[tuple[int, Check]]) -> None:
    """Each (original offset, check) to the table printed last before that offset."""
    for offset, check in notes:
        found = [t for t in tables if "title" in t.provenance and t.provenance["title"].start <= offset]
        if found:
            found[-1].checks.append(check)
