"""A final-accounts table continued under its title printed again (续表): its rows after the earlier ones, or, where
the continuation prints only columns the earlier part never printed (a table too wide for its page, its other
columns on the next page), merged into the earlier rows."""

from __future__ import annotations

from jixiao.pipelines import vocab as V
from jixiao.record import FinalAccountsTable


def continue_rows(prev: FinalAccountsTable, part: FinalAccountsTable, sums: list[tuple[str, list[str]]]) -> None:
    """A continued table's rows go on after the earlier ones (a table broken over pages); where the part reads only
    columns the earlier rows never print (a table too wide for the page, its other columns printed on the next),
    each of its rows goes into the earlier row of its code (an uncoded row into the one total row), and its
    columns join the sum that adds up every earlier column (本年收入合计 = the sources)."""
    before = {k for r in prev.rows for k in r.values}
    after = {k for r in part.rows for k in r.values}
    if not before or not after or before & after:
        prev.rows.extend(part.rows)
        return
    by_code = {r.code: r for r in prev.rows if r.code}
    totals = [r for r in prev.rows if not r.code and r.label and V.ACCOUNT_TOTAL.search(r.label)]
    for row in part.rows:
        if row.code:
            target = by_code.get(row.code)
        else:
            target = totals[0] if len(totals) == 1 and row.label in (None, totals[0].label) else None
        if target is None:
            prev.rows.append(row)
            continue
        target.values.update(row.values)
        target.provenance.update({k: v for k, v in row.provenance.items() if k in row.values})
    for total, parts in sums:
        if before <= {total, *parts}:
            parts.extend(sorted(after - {total, *parts}))
