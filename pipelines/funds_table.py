"""The funds block reader: a project's 项目资金 block, as a header row and a total row (with its 其中 rows)
or as label/value pairs."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from jixiao.pipelines import vocab as V
from jixiao.pipelines.cells import header_fields, label_value, span_of
from jixiao.pipelines.header_order import BUDGET_LEAVES, funds_visual_order
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.merged_values import split_merged_amounts
from jixiao.pipelines.printed_numbers import is_amount, is_number, is_slipped_number, parse_amount, parse_number, unit_factor
from jixiao.pipelines.parsed import ParsedFunds
from jixiao.pipelines.vocab import FUNDS_TOTAL_AMOUNT_LABEL as _FUNDS_TOTAL_AMOUNT
from jixiao.record import YUAN_PER_WAN

@lru_cache(maxsize=V.LABEL_CACHE_SIZE)  # asked of every header candidate cell; a document repeats them
def funds_column(text: str) -> str | None:
    """The funds column a header word names (``declared``, ``initial``, ``annual``, ``executed``, ``rate`` ...)."""
    for t in dict.fromkeys((text, V.header_core(text))):
        for field, rx in V.FUNDS_HEADERS:
            if rx.match(t):
                return field
    return None


_BUDGET_COLUMNS = frozenset(("declared", "compiled", "initial", "annual"))


def lone_budget_column(texts: list[str]):
    """``funds_column`` for a header row, where a 年度预算数 (项目预算金额) that stands as the row's only budget column
    is the annual budget (contract); beside 年初预算数 / 调整后预算数 it is their caption and names no column."""
    lone = not any(funds_column(t) in _BUDGET_COLUMNS for t in texts if t)

    def column(text: str) -> str | None:
        found = funds_column(text)
        if found is None and lone and V.LONE_BUDGET_LABEL.match(V.header_core(text)):
            return "annual"
        return found
    return column


# the tails of a funds header wrapped inside its words (年初 / 预算数, 全年 / 执行数) are this short at most
WRAPPED_FUNDS_TAIL_CHARS = 4


def _wrapped_funds_texts(header: Row, below: Row | None) -> list[str] | None:
    """The header's texts where its budget words wrapped inside each word, heads on the header row and tails on the
    next (项目资金 年初 全年 全年 分值 执行率 得分 over (万元) 预算数 预算数 执行数): each tail, in order, completes the
    next head that makes a funds column word with it (a head naming no column itself); a unit caption among the tails
    is the 项目资金 label's. None unless every tail completes a head."""
    if below is None:
        return None
    tails = [t for t in below.texts if t and not V.UNIT_CAPTION.match(t)]
    if len(tails) < 2 or any(len(t) > WRAPPED_FUNDS_TAIL_CHARS for t in tails):
        return None
    texts, k = list(header.texts), 0
    for t in tails:
        while k < len(texts) and not (texts[k] and funds_column(texts[k]) is None and funds_column(texts[k] + t)):
            k += 1
        if k == len(texts):
            return None
        texts[k] += t
        k += 1
    return texts


def _funds_header(rows: list[Row], unit_note: str | None = None) -> tuple[int, list[str], float] | None:
    for i, r in enumerate(rows):
        texts = _wrapped_funds_texts(r, rows[i + 1] if i + 1 < len(rows) else None) or r.texts
        column = lone_budget_column(texts)
        fields = [f for f in (column(t) for t in texts if t) if f]
        if len({"initial", "annual", "executed", "rate", "declared"} & set(fields)) >= 2:
            fields = [f for f in header_fields(texts, V.FUNDS_HEADER_WORDS, column) if f]
            leaves = _budget_leaves(rows[i + 1]) if i + 1 < len(rows) else []
            # a two-row header printed in reading order: its second row (年初预算数 / 全年预算数 under 预算数) after
            # the first, on the same row or on a row of its own
            cols = funds_visual_order(fields + leaves) or list(fields)
            # the header's own unit, else a caption on the row above it (项目资金(元) over 资金来源 预算数 …), else
            # the table's unit note (单位：元 above it), else its first cells
            caption = next((t for r0 in rows[max(0, i - 1):i] for t in r0.texts if V.UNIT_CAPTION.search(t)), None)
            # … or the caption's unit centered below it, opening the total row (项目资金 / (元) 年度资金总额 …)
            below = [c for r1 in rows[i + 1:i + 3] for c in r1.nonempty()[:1]]
            caption = caption or next((c.clean for c in below if V.UNIT_CAPTION.match(c.clean)), None)
            unit_text = caption or unit_note or " ".join(r.texts[:3])
            for t in r.texts:
                if "万元" in t or "元" in t:
                    unit_text = t
                    break
            factor = unit_factor(unit_text, YUAN_PER_WAN)
            # 目标申报数 / 预算编制数 under 年初预算数, printed on the next row(s)
            for r2 in rows[i + 1:i + 3]:
                sub = [f for f in (funds_column(t) for t in r2.texts if t) if f]
                if "declared" in sub and "compiled" in sub and "initial" in cols:
                    k = cols.index("initial")
                    cols[k:k + 1] = ["declared", "compiled"]
                    break
            return i, cols, factor
    return None


def _budget_leaves(row: Row) -> list[str]:
    """The funds columns of a row that holds nothing but budget leaves (年初预算数 / 全年预算数, a header's second
    row); [] for any other row."""
    texts = [t for t in row.texts if t]
    cols = [c for t in texts if (c := funds_column(t)) in BUDGET_LEAVES]
    return cols if len(cols) >= 2 and len(cols) == len(texts) else []


def _amount_cell(text: str) -> bool:
    """An amount, a dash, or an amount an OCR engine misread (8l.6, 92..16): it holds its column, reading null."""
    return is_amount(text) or text in ("/", "-", "—") or is_slipped_number(text)


def _amount_cells(row: Row, after: int) -> list[Cell]:
    return [c for c in row.cells[after + 1:] if c.clean and _amount_cell(c.clean)]


def _by_position(row: Row, label_index: int, cols: list[str]) -> dict[str, Cell] | None:
    """A total row printing one cell per column after its label, blank ones too (a lone-space cell, an empty tab
    cell), with a blank among them: each amount stands under its column. None where the count differs or nothing
    is blank (then the amounts are aligned by ``_align_funds``)."""
    cols = [c for c in cols if c != "reason"]
    cells = row.cells[label_index + 1:]
    while len(cells) > len(cols) and not cells[-1].clean:
        cells = cells[:-1]  # a trailing reason or padding cell left blank
    if len(cells) != len(cols) or all(c.clean for c in cells):
        return None
    if any(c.clean and not _amount_cell(c.clean) for c in cells):
        return None
    return {col: c for col, c in zip(cols, cells) if c.clean and c.clean not in ("/", "-", "—")}


# funds columns that hold no amount: where one stands left of the budget columns it is no place to align amounts to
_NOT_AMOUNT = frozenset(("weight", "score"))


# a funds row's 得分 is its 分值 times the execution rate, as printed: within this share of the 分值
FUNDS_SCORE_TOLERANCE = 0.02


def _rate_cell_vanished(values: list[Cell], cols: list[str], tail_cols: list[str]) -> bool:
    """A total row one number short whose columns after 全年执行数 are the rate, 分值 and 得分, printing no rate: its
    last two numbers are 分值 and 得分 where the 得分 is the 分值 times 全年执行数 over 全年预算数 (the rate cell was
    the blank one that vanished)."""
    executed = cols.index("executed") if "executed" in cols else 0
    if (len(values) != len(cols) - 1 or len(values) < 4 or sorted(tail_cols) != ["rate", "score", "weight"]
            or cols[executed - 1] != "annual"):
        return False
    tail = [c for c in tail_cols if c != "rate"]
    nums = {c: parse_number(v.clean) for c, v in zip(tail, values[-2:])}
    annual, spent = parse_number(values[-4].clean), parse_number(values[-3].clean)
    weight, score = nums["weight"], nums["score"]
    if weight is None or score is None or annual is None or spent is None or not annual:
        return False
    return abs(score - weight * min(1.0, spent / annual)) <= FUNDS_SCORE_TOLERANCE * weight


# a printed 执行率 rounds 全年执行数 over 全年预算数: to a whole percent at least, so within this many points of it
RATE_MATCH_POINTS = 0.6


def _spent_before_rate(values: list[Cell], rate_pos: int) -> bool:
    """The two numbers just left of the printed rate are 全年预算数 and 全年执行数: their quotient is the rate."""
    if rate_pos < 2:
        return False
    annual, spent = parse_number(values[rate_pos - 2].clean), parse_number(values[rate_pos - 1].clean)
    rate = parse_number(values[rate_pos].clean)
    if not annual or spent is None or rate is None or spent > annual:
        return False
    return abs(100 * spent / annual - rate) <= RATE_MATCH_POINTS


def _align_funds(values: list[Cell], cols: list[str]) -> dict[str, Cell]:
    """Assign a total row's printed numbers to the header's columns.

    Equal counts map one to one. Extra numbers (a column printed twice) keep the
    budget columns from the left and the rest from the right. Fewer numbers are
    aligned from 全年执行数 leftwards with the trailing rate/score columns kept.
    """
    cols = [c for c in cols if c != "reason"]
    n, m = len(values), len(cols)
    out: dict[str, Cell] = {}
    if n == m:
        pairs = list(zip(cols, values))
    elif n > m:
        left = [c for c in cols if c in ("declared", "compiled", "initial")]
        k = len(left)
        pairs = list(zip(cols[:k], values[:k])) + list(zip(cols[k:], values[n - (m - k):]))
    else:
        tail_cols = cols[cols.index("executed") + 1:] if "executed" in cols else []
        rate_pos = next((i for i, v in enumerate(values) if v.clean.endswith("%")), None)
        head_cols = cols[: len(cols) - len(tail_cols)]
        if rate_pos is None and tail_cols == ["rate"]:
            # 全年预算数(A) 全年执行数(B) 执行率(B/A) with a blank rate: no printed rate, so every amount is a budget
            # or spending figure, aligned from 全年执行数 leftwards (contract)
            head_vals, tail_vals = values, []
        elif rate_pos is None and _rate_cell_vanished(values, cols, tail_cols):
            # 1860 1711.2 10 9.2 under 全年预算数 全年执行数 执行率 分值 得分: the blank rate cell left no place; the
            # funds row's 分值 and 得分 (9.2 = 10 x 1711.2 / 1860) stand after the amounts
            tail_cols = [c for c in tail_cols if c != "rate"]
            head_vals, tail_vals = values[:n - len(tail_cols)], values[n - len(tail_cols):]
        elif rate_pos is not None and "rate" in tail_cols:
            r = tail_cols.index("rate")
            if r and _spent_before_rate(values, rate_pos):
                # 1,386,000 1,452,000 1,437,480 99% under … 全年执行数 分值 执行率 得分: the number before the rate is
                # 全年执行数 (checked against the rate, contract), the blank 分值 between them vanished
                tail_cols, r = tail_cols[r:], 0
            head_vals = values[: rate_pos - r] if rate_pos - r >= 0 else []
            tail_vals = values[max(0, rate_pos - r):]
        else:
            k = max(0, n - len(tail_cols))
            head_vals, tail_vals = values[:k], values[k:]
        # a 分值 printed left of the budget columns (分值 年初预算数 全年预算数 …) takes the row's first number; the
        # amounts after it still align from 全年执行数 leftwards
        lead = list(itertools.takewhile(lambda c: c in _NOT_AMOUNT, head_cols))
        lead_vals, head_vals = head_vals[:len(lead)], head_vals[len(lead):]
        pairs = (list(zip(lead, lead_vals)) + list(zip(head_cols[len(lead):][::-1], head_vals[::-1]))
                 + list(zip(tail_cols, tail_vals)))
    for col, cell in pairs:
        if cell.clean in ("/", "-", "—"):
            continue
        out.setdefault(col, cell)
    return out


def unit_note(rows: list[Row]) -> str | None:
    """The unit a table's note row prints for its amounts (单位：元, 金额单位:万元), or None; a sheet prints the note
    as a cell of its own at the end of another row (填报单位：X  …  单位：元)."""
    return next((u for r in rows for t in (r.joined, *(r.texts if r.kind != "text" else ()))
                 if t and len(t) <= UNIT_NOTE_CHARS and (u := unit_of_note(t)) is not None), None)  # (short first: cheap)


def unit_of_note(text: str) -> str | None:
    """The unit TEXT prints as a note of its own (单位：元, 金额单位:万元), or None."""
    m = V.ACCOUNT_UNIT.search(text) if len(text) <= UNIT_NOTE_CHARS else None
    return m.group(1) if m is not None else None


# a unit note is a short row (or token) of its own (单位：元, 金额单位：万元)
UNIT_NOTE_CHARS = 12


def read_funds(rows: list[Row], unit: str | None = None) -> ParsedFunds:
    """The funds block of a project table's rows: a header row and its total row, else label/value pairs;
    ``unit``: the unit a note above the table prints (used where the funds header names none)."""
    funds = ParsedFunds()
    head = _funds_header(rows, unit)
    if head is not None:
        hi, cols, factor = head
        funds.factor = factor
        total = _total_cell(rows, hi)
        if total is not None:
            j, ci = total
            read = funds_from_total_row(rows[j], ci, cols, factor, rows[j + 1:j + 8])
            if read.rate is None:
                read.rate = _rate_row(rows[j + 1:j + 1 + RATE_ROW_REACH])
            return read
        if (lone := _unlabeled_figure_row(rows, hi)) is not None:
            return funds_from_total_row(lone, -1, cols, factor)
    elif (headless := _headless_total(rows, unit)) is not None:
        return headless
    _read_label_values(rows, funds)
    return funds


# rows under the total row where a form prints the rate in a row of its own (执行率 | 97.29%): the total's source
# rows (其中：财政拨款, 其他资金) may stand between, the indicator table's rows (预算执行率 | 10 | 9.7) come later
RATE_ROW_REACH = 3


def _rate_row(rows: list[Row]) -> Cell | None:
    """The value of a 执行率 row printed under the funds total row, a percentage (a bare number there is a weight or
    a score: 预算执行率 10)."""
    for r in rows:
        c, v = label_value(r, V.RATE_LABEL)
        if c is not None and v is not None and v.text.rstrip().endswith("%") and is_number(v.text):
            return v
    return None


# a rate agrees with 执行数 / 预算数 within this many percentage points (amounts printed rounded)
RATE_TOLERANCE = 0.5


def _headless_total(rows: list[Row], unit: str | None) -> ParsedFunds | None:
    """A total row whose header row was lost (a text extractor that drops <th> rows: ``年度资金总额 | 50 | 50 |
    49.5 | 10 | 99% | 9.9``): the printed rate says which two adjacent amounts before it are 预算数 and 执行数
    (the rightmost pair whose ratio is the rate), an amount before them is 年初预算数. None where no pair agrees."""
    for j, r in enumerate(rows):
        label_i = next((k for k, c in enumerate(r.cells) if c.clean), None)
        if label_i is None or not V.FUNDS_TOTAL_LABEL.match(r.cells[label_i].clean):
            continue
        cells = [c for c in r.cells[label_i + 1:] if c.clean]
        rate_i = next((k for k, c in enumerate(cells) if c.clean.endswith("%") and is_number(c.clean[:-1])), None)
        if rate_i is None or not all(is_amount(c.clean) for c in cells[:rate_i]):
            return None
        amounts = [parse_amount(c.clean) or 0.0 for c in cells[:rate_i]]
        rate = parse_number(cells[rate_i].clean[:-1]) or 0.0
        pair = next((k for k in range(len(amounts) - 2, -1, -1)
                     if amounts[k] and abs(amounts[k + 1] / amounts[k] * 100 - rate) <= RATE_TOLERANCE), None)
        if pair is None:
            return None
        caption = next((t for r0 in rows[max(0, j - 3):j] for t in r0.texts if "元" in t), None)
        funds = ParsedFunds()
        funds.factor = unit_factor(caption or unit, YUAN_PER_WAN)
        funds.annual, funds.executed, funds.rate = span_of(cells[pair]), span_of(cells[pair + 1]), span_of(cells[rate_i])
        funds.initial = span_of(cells[pair - 1]) if pair else None
        return funds
    return None


def _total_cell(rows: list[Row], header_index: int) -> tuple[int, int] | None:
    """(row, cell) of the total label (合计, 资金总额) in the rows below the funds header."""
    for j in range(header_index + 1, min(len(rows), header_index + 6)):
        for ci, c in enumerate(rows[j].cells):
            t = c.clean
            if t and V.FUNDS_TOTAL_LABEL.match(t) and not t.startswith("其中"):
                return j, ci
    # the total label merged over the header and its row (年度资金总额(万元) | 年初预算数 … on one row, the amounts on
    # the next): the row under the header, when it opens with an amount, is the total row
    first = next((c.clean for c in rows[header_index].cells if c.clean), "")
    below = rows[header_index + 1] if header_index + 1 < len(rows) else None
    if V.FUNDS_TOTAL_LABEL.match(first) and below is not None:
        opening = next((c.clean for c in below.cells if c.clean), "")
        if is_amount(opening.rstrip("%")):
            return header_index + 1, -1
    return None


def _unlabeled_figure_row(rows: list[Row], header_index: int) -> Row | None:
    """The row right under the funds header when it prints figures only, no label (a report's small funds table
    printing one row: 项目资金（元） 年初预算数 … over ``\t480000.00\t480000.00\t455520.00\t94.9%``): the total."""
    if header_index + 1 >= len(rows):
        return None
    row = rows[header_index + 1]
    cells = [c.clean for c in row.cells if c.clean]
    return row if len(cells) >= 2 and all(is_amount(t) for t in cells) else None


def funds_from_total_row(total: Row, label_index: int, columns: list[str], factor: float,
                         part_rows: list[Row] | tuple[Row, ...] = ()) -> ParsedFunds:
    """The funds a total row prints: the amounts after its label (cell ``label_index``) aligned with the header's
    ``columns`` (``funds_column`` names in printed order), in units of ``factor`` yuan; ``part_rows`` (the rows
    below the total) give the 其中 rows, the sources of the total, for the consistency check."""
    funds = ParsedFunds()
    funds.factor = factor
    total = split_merged_amounts(total, label_index, len([c for c in columns if c != "reason"]))
    got = _by_position(total, label_index, columns)
    if got is None and _cut_short(total, part_rows):
        # a preview's jump cut the row after its first amounts: they stand under the first columns
        got = dict(zip([c for c in columns if c != "reason"], _amount_cells(total, label_index)))
    elif got is None:
        got = _align_funds(_amount_cells(total, label_index), columns)
    initial = got.get("compiled") or got.get("initial") or got.get("declared")
    funds.initial = span_of(initial) if initial else None
    for key in ("annual", "executed", "rate", "weight", "score"):
        if key in got:
            setattr(funds, key, span_of(got[key]))
    # the amount column each of the total row's cells was read under, by its place after the label
    read_as = {id(c): col for col, c in got.items() if col in _AMOUNT_COLUMNS}
    figure_columns = {j: read_as[id(c)] for j, c in enumerate(total.cells[label_index + 1:]) if id(c) in read_as}
    unsure = False  # a 其中 row whose figures could stand under more than one set of columns
    for r in part_rows:
        label_i = next((k for k, c in enumerate(r.cells) if c.clean), None)
        if label_i is None:
            continue
        label = r.cells[label_i].clean
        if is_number(label) or not re.search(r"资金|拨款|财政|自筹|结转|其中", label):
            break
        part = _under_total(r.cells[label_i + 1:], figure_columns) or _source_amounts(_amount_cells(r, label_i), columns)
        if part is None:
            unsure = True
            continue
        funds.parts.append({k: span_of(v) for k, v in part.items() if k in ("annual", "executed", "initial", "compiled")})
    if unsure:
        funds.parts = []  # the sources are checked against the total only where every one of them reads
    return funds


_DASHES = ("/", "-", "—")
# the columns that hold amounts, in the order forms print them
_AMOUNT_COLUMNS = ("declared", "compiled", "initial", "annual", "executed")


def _under_total(cells: list[Cell], figure_columns: dict[int, str]) -> dict[str, Cell] | None:
    """A 其中 row printing every cell the total row prints, blanks kept: each figure stands under the total row's
    figure in its place (上年结转资金 | (blank) | 15.6 | 14.73 | — under 年初 全年 执行数); None where a figure stands
    where the total row prints no amount, or the row is narrower than the total's figures."""
    figures = {j: c for j, c in enumerate(cells) if c.clean and c.clean not in _DASHES}
    if not figures or not figure_columns or len(cells) <= max(figure_columns):
        return None
    if not all(j in figure_columns for j in figures):
        return None
    return {figure_columns[j]: c for j, c in figures.items()}


def _source_amounts(cells: list[Cell], columns: list[str]) -> dict[str, Cell] | None:
    """A 其中 row whose blanks vanished: its amounts under the amount columns left to right where it prints one
    for each (dashes stand for the columns a source has no figure for), nothing where it prints none; a row printing
    a rate aligned as a total row is. None where it prints fewer or more amounts than amount columns: a vanished
    blank (上年结转资金 18 18) and a preview's cut (财政拨款 1560 1725.5 …) read alike, so which columns they stand
    under is not known."""
    figures = [c for c in cells if c.clean not in _DASHES]
    if any(c.clean.endswith("%") for c in figures):
        return _align_funds(cells, columns)
    amount_columns = [c for c in columns if c in _AMOUNT_COLUMNS]
    if not figures:
        return {}
    return dict(zip(amount_columns, figures)) if len(figures) == len(amount_columns) else None


def _cut_short(total: Row, after: list[Row] | tuple[Row, ...]) -> bool:
    """Whether a preview's jump cut the total row on its right: an ellipsis (……, ......) ends it or stands right
    below it where the text jumps, or the jump's marker stands right below it (……此处隐藏:2368字…)."""
    last = next((c.clean for c in reversed(total.cells) if c.clean), "")
    below = next((r.joined.strip() for r in after if r.joined.strip()), "")
    return (any(t and t[0] in "….。" and V.BLANK_VALUE.match(t) and len(t) >= 2 for t in (last, below))
            or bool(V.PREVIEW_END.match(below)))


# the budget figures' labels where a form prints each funds cell as a label and its value (the header's words)
_BUDGET_LABELS = [(field, rx) for field, rx in V.FUNDS_HEADERS if field in ("initial", "annual")]


def _read_label_values(rows: list[Row], funds: ParsedFunds) -> None:
    """Label/value style: 项目预算金额(万元) 155.21 全年执行数 0 执行率 0.0%; 年度资金总额: 255,600."""
    # (a field already found is not looked for again: the first a row prints is kept)
    for r in rows:
        if funds.annual is not None and funds.executed is not None and funds.rate is not None:
            break
        c, v = label_value(r, V.LONE_BUDGET_LABEL) if funds.annual is None else (None, None)
        if c is not None and v is not None and is_number(v.text):
            funds.annual = v
            funds.factor = unit_factor(c.clean, YUAN_PER_WAN)
        for field, rx in _BUDGET_LABELS:  # (年初预算数：1,850,000.00 — a form pasted as key：value lines)
            c, v = label_value(r, rx) if getattr(funds, field) is None else (None, None)
            if c is not None and v is not None and is_number(v.text):
                setattr(funds, field, v)
        c, v = label_value(r, V.EXECUTED_LABEL) if funds.executed is None else (None, None)
        if c is not None and v is not None and is_number(v.text):
            funds.executed = v
        c, v = label_value(r, V.RATE_LABEL) if funds.rate is None else (None, None)
        if c is not None and v is not None and is_number(v.text):
            funds.rate = v
        c, v = label_value(r, _FUNDS_TOTAL_AMOUNT) if funds.annual is None else (None, None)
        if c is not None and v is not None and is_number(v.text):
            funds.annual = v
            label = " ".join(t for t in r.texts[:2])
            funds.factor = unit_factor(label, YUAN_PER_WAN)
