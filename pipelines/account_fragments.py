"""Tables whose first page is lost: rows with no title and no header of their own.

A converter that drops a page leaves the rest of a table (its last rows, its notes) after the table before
it. Such a block is a standard table all the same: the one the printed order puts there (after 收入支出决算总表
come 收入决算表, 支出决算表, 财政拨款收入支出决算总表 …) that the document does not print elsewhere and
whose standard header (vocab's ``ACCOUNT_STANDARD_HEADERS``) has the block's shape: as many columns, codes
in the first column or 行次 on both sides. The contract names such a table by the standard title its columns
identify.
"""

from __future__ import annotations

from jixiao.pipelines import vocab as V
from jixiao.pipelines.account_grid import GridCell, GridRow, code_of, has_amount

ORDER = [kind for kind, _ in V.ACCOUNT_TABLE_KINDS_PRINTED]
TITLES = dict(V.ACCOUNT_TABLE_KINDS_PRINTED)
# a block is a table only with this many rows printing a number
MIN_ROWS = 2


def header_rows(kind: str, width: int) -> list[GridRow] | None:
    """The standard header of ``kind`` as grid rows ``width`` columns wide, or None when it has another width."""
    rows = V.ACCOUNT_STANDARD_HEADERS.get(kind)
    if rows is None:
        return None
    if kind == "basic_expenditure":
        if width % 3 or width < 6:
            return None
        panels = width // 3
        group, leaf = rows
        rows = ((*group, *[""] * (width - len(group))), leaf * panels)
    if any(len(r) != width for r in rows):
        return None
    return [GridRow([GridCell(t, t, 0, 0) for t in r], 0, 0) for r in rows]


def width_of(rows: list[GridRow]) -> int:
    widths = [len(r.cells) for r in rows if has_amount(r)]
    return max(set(widths), key=widths.count) if widths else 0


def _shape_fits(kind: str, rows: list[GridRow]) -> bool:
    two_sided = any(r.text(1).isdigit() and r.text(4).isdigit() for r in rows)
    coded = any(code_of(r.text(0)) for r in rows)
    if kind in ("summary", "fiscal_summary"):
        return two_sided
    return coded and not two_sided


def standard_width(kind: str) -> int:
    rows = V.ACCOUNT_STANDARD_HEADERS.get(kind)
    return len(rows[-1]) if rows else 0


def fragment_kind(rows: list[GridRow], after: str | None, before: str | None, printed: set[str]) -> str | None:
    """The standard table a headless block of rows is: the first kind after ``after`` (and before ``before``)
    in the printed order, not printed elsewhere, whose standard header fits the block: as wide, else (a
    spreadsheet drops trailing blank columns) no wider."""
    if sum(1 for r in rows if has_amount(r)) < MIN_ROWS:
        return None
    lo = ORDER.index(after) + 1 if after in ORDER else 0
    hi = ORDER.index(before) if before in ORDER else len(ORDER)
    width = width_of(rows)
    kinds = [k for k in ORDER[lo:hi] if k not in printed and _shape_fits(k, rows)]
    exact = [k for k in kinds if header_rows(k, width) is not None]
    if exact:
        return exact[0]
    narrower = [k for k in kinds if k != "basic_expenditure" and 3 <= width <= standard_width(k)]
    return narrower[0] if narrower else None
