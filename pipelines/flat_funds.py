"""The funds of a project read from collapsed text: its header words in reading order, the total row's amounts after
them, and the unit the header, a unit row or the table's unit note (单位：元) prints."""

from __future__ import annotations

from jixiao.pipelines import vocab as V
from jixiao.pipelines.funds_table import funds_column, funds_from_total_row, read_funds, unit_of_note
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.printed_numbers import is_number, is_slipped_number, unit_factor
from jixiao.pipelines.parsed import ParsedFunds
from jixiao.record import YUAN_PER_WAN

# funds header words of which two, one after another, make a header (not 分值 or a source's name alone)
_FUNDS_HEADER = frozenset({"annual", "executed", "rate", "initial"})
# a unit note (单位：元) stands among this many tokens before a project's name label (the form's title lines)
UNIT_NOTE_REACH = 4


def unit_note_before(toks: list[Cell], start: int, floor: int) -> str | None:
    """The unit a note just before token ``start`` (not before ``floor``) prints: 单位：元 between the title and the
    table, whose line breaks were lost."""
    return next((u for t in reversed(toks[max(floor, start - UNIT_NOTE_REACH):start])
                 if (u := unit_of_note(t.clean)) is not None), None)


def _amounts_after(toks: list[Cell], i: int) -> int:
    """How many numbers follow token ``i`` one after another."""
    n = 0
    while i + 1 + n < len(toks) and is_number(toks[i + 1 + n].clean):
        n += 1
    return n


def _row(cells: list[Cell], index: int) -> Row:
    cells = [Cell(col=k, start=c.start, end=c.end, text=c.text) for k, c in enumerate(cells)]
    return Row(index=index, kind="tabs", start=cells[0].start, end=cells[-1].end, cells=cells)


def flat_funds(toks: list[Cell], rows: list[Row], unit_note: str | None = None) -> ParsedFunds:
    """The funds of a project's tokens (``rows``: the same tokens cut at row starts); amounts in 万元 unless the
    header, a unit row or ``unit_note`` says otherwise."""
    # header words in reading order, 目标申报数/预算编制数 standing under 年初预算数
    fields: list[str] = []
    total_at = None
    run, run_fields = 0, set()  # the header words just before, one after another: how many, which
    for i, t in enumerate(toks):
        f = funds_column(t.clean)
        if f and f not in fields:
            fields.append(f)
        run, run_fields = (run + 1, run_fields | {f}) if f else (0, set())
        if V.FUNDS_TOTAL_LABEL.match(t.clean) and len(set(fields) & _FUNDS_HEADER) >= 2:
            total_at = i
            break
        if len(run_fields & _FUNDS_HEADER) >= 2 and _amounts_after(toks, i) >= run:
            # a number under each word of the header run right after it: the total row's label cell printed
            # blank, the line breaks around it lost (执行率  480000.00 480000.00 455520.00 94.9%)
            total_at = i
            break
    unit_row = next((r for r in rows if any("万元" in c.clean or "元)" in c.clean for c in r.cells[:2])), None)
    if total_at is None:
        funds = read_funds(rows, unit_note)
    else:
        if "declared" in fields and "compiled" in fields and "initial" in fields:
            fields = [f for f in fields if f not in ("declared", "compiled")]
            k = fields.index("initial")
            fields[k:k + 1] = ["declared", "compiled"]
        values = []
        for t in toks[total_at + 1:]:
            # an amount an OCR engine misread (1,8O2,340.00) keeps its column and reads null, as in a table's row
            if not (is_number(t.clean) or is_slipped_number(t.clean) or t.clean in ("/", "-")):
                break
            values.append(t)
        # the header prints no unit (万元 unless a unit row or note says otherwise)
        funds = funds_from_total_row(_row([toks[total_at], *values], 1), 0, fields, YUAN_PER_WAN)
    if unit_row is not None:
        funds.factor = unit_factor(" ".join(c.clean for c in unit_row.cells[:2]), YUAN_PER_WAN)
    elif unit_note is not None and total_at is not None:
        funds.factor = V.ACCOUNT_UNIT_FACTOR[unit_note]
    return funds
