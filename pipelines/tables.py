"""Table parser: rows of a document -> ``ParsedProject``s, one per project table.

A project table opens at its 项目名称 row and runs to the next table title or
project. Inside it: label/value cells (name, departments), the funds table
(header row + total row, or label/value pairs), the indicator table and the
total-score row. Printed layouts shift and merge columns, so indicator rows
are read positionally against the header when that is plausible and by
content (category cells, name, numeric tail) otherwise.
"""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.layout import Cell, Row
from jixiao.pipelines.normalize import content_span, is_amount, is_number, squeeze, unit_factor
from jixiao.pipelines.parsed import ParsedFunds, ParsedIndicator, ParsedProject, Span
from jixiao.pipelines.vocab import FUNDS_TOTAL_AMOUNT_LABEL as _FUNDS_TOTAL_AMOUNT, LEVEL_HEADERS as _LEVEL_HEADERS
from jixiao.pipelines.vocab import TOTAL_SCORE_ONLY_LABEL as _TOTAL_SCORE, TOTAL_WORDS as _TOTAL_WORDS
from jixiao.record import YUAN_PER_WAN

_PURE_NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?$")
_VALUE_SLOTS = ("init_target", "adj_target", "op", "nature", "target", "unit", "actual")


def span_of(cell: Cell, text: str | None = None) -> Span:
    """The cell's content without surrounding whitespace (``text`` = the cleaned value)."""
    a, b = content_span(cell.text)
    return Span(text=text if text is not None else squeeze(cell.text), start=cell.start + a, end=cell.start + b)


def _is_label(text: str) -> bool:
    return any(
        rx.match(text)
        for rx in (V.NAME_LABEL, V.DEPT_LABEL, V.IMPL_LABEL, V.CODE_LABEL, V.RATE_LABEL, V.SCORE_LABEL,
                   V.LONE_BUDGET_LABEL, V.EXECUTED_LABEL, V.GRADE_LABEL)
    ) or text in V.INFO_LABELS


def _value_after(row: Row, idx: int) -> Cell | None:
    """The next non-empty cell after cell ``idx`` unless it is itself a label."""
    for c in row.cells[idx + 1:]:
        t = c.clean
        if not t:
            continue
        return None if _is_label(t) else c
    return None


def _kv(row: Row, rx: re.Pattern[str]) -> tuple[Cell | None, Span | None]:
    """(label cell, value span) for a label matching ``rx`` in ``row``; value in the next cell or after a colon."""
    for i, c in enumerate(row.cells):
        t = c.clean
        if not t:
            continue
        m = rx.match(t)
        # "主管部门：X": a label pattern that must end at the label still finds it before a colon
        end = m.end() if m else t.index(":") if ":" in t and rx.match(t[:t.index(":")]) else None
        if end is None:
            continue
        rest = t[end:].lstrip(":")
        if rest and end < len(t):
            raw = c.text
            # locate the remainder in the raw cell text (whitespace may sit inside)
            k = raw.find(":") if ":" in raw else -1
            if k >= 0:
                sub = raw[k + 1:]
                a, b = content_span(sub)
                if b > a:
                    return c, Span(text=squeeze(sub), start=c.start + k + 1 + a, end=c.start + k + 1 + b)
            continue
        v = _value_after(row, i)
        return c, (span_of(v) if v is not None else None)
    return None, None


# ---- project blocks ---------------------------------------------------------------

def _is_title(row: Row) -> bool:
    t = row.joined
    return bool(t) and len(t) <= 80 and len(row.nonempty()) <= 2 and bool(V.TABLE_TITLE.search(t)) and not t.startswith(("附表", "附件"))




_NAME_WORD = r"((预算)?项目(\(政策\))?|专项|政策|转移支付(区域)?(\(项目\)|项目)?)名称"
# the name label with its value in the same cell (项目名称：老字号) also counts
_NAME_WITH_VALUE = re.compile(rf"^{_NAME_WORD}:?")
_NAME_AND_VALUE = re.compile(rf"^{_NAME_WORD}:.+")  # 项目名称：X, label and value in one cell


def _name_cell(row: Row) -> int | None:
    for i, c in enumerate(row.cells):
        t = c.clean
        if t and (V.NAME_LABEL.match(t) or _NAME_AND_VALUE.match(t)):
            return i
        if t and not (i == 0 and row.kind == "cells" and V.TABLE_TITLE.search(t) and ":" not in t):
            return None  # the label must be the first filled cell (one cell per line: after the table's title)
    return None


def _slipped_name_row(rows: list[Row], i: int) -> bool:
    """A row whose first cell is one slip from 项目名称 even where that slip is as near another word
    (顷目名称: 项目名称 or 科目名称?), confirmed by a 主管部门/实施单位 label in the rows below."""
    first = next((c for c in rows[i].cells if c.clean), None)
    if first is None or not V.near_word(first.clean.rstrip(":"), V.NAME_LABEL_WORDS):
        return False
    if _value_after(rows[i], first.col) is None:
        return False
    return any(V.DEPT_LABEL.match(t) or V.IMPL_LABEL.match(t) for r in rows[i + 1:i + 4] for t in r.texts if t)


def _kv_name_line(rows: list[Row], i: int) -> bool:
    """A line of its own "项目名称：X" (label and value in one cell, no tab), confirmed by a 主管部门/实施单位
    label, alone or with its value, in a table row below (text whose rows are all lines of words is left to the
    collapsed-text reader)."""
    r = rows[i]
    if r.kind != "text" or len(r.nonempty()) != 1 or not _NAME_AND_VALUE.match(r.joined):
        return False
    return any(V.DEPT_LABEL.match(t.split(":")[0]) or V.IMPL_LABEL.match(t.split(":")[0])
               for r2 in rows[i + 1:i + 4] if r2.kind != "text" for t in r2.texts if t)


def find_blocks(rows: list[Row]) -> list[tuple[int, int]]:
    """(first, last+1) row indexes of each project table."""
    starts = [i for i, r in enumerate(rows)
              if (r.kind != "text" and (_name_cell(r) is not None or _slipped_name_row(rows, i))) or _kv_name_line(rows, i)]
    blocks = []
    for k, s in enumerate(starts):
        limit = starts[k + 1] if k + 1 < len(starts) else len(rows)
        e = s + 1
        while e < limit:
            r = rows[e]
            if _is_title(r) or (r.kind != "text" and V.DEPT_WIDE.search(r.joined) and len(r.nonempty()) <= 2):
                break
            e += 1
        # a department-wide table is not a project even if it prints a name row
        prev = rows[s - 1].joined if s > 0 else ""
        if V.DEPT_WIDE.search(prev):
            continue
        blocks.append((s, e))
    return blocks


# ---- header / meta ----------------------------------------------------------------

_CODE = re.compile(r"^([0-9A-Z]{10,})[-—_ ]+(.+)$")
_DEPT_CODE = re.compile(r"^(?:\[\d+\]|【\d+】|\d+[-—]|\d{3,}(?=\D))")


def _meta(rows: list[Row], proj: dict) -> None:
    for r in rows:
        if "name" not in proj:
            c, v = _kv(r, _NAME_WITH_VALUE)
            if v is not None:
                proj["name"] = v
        if "department" not in proj:
            c, v = _kv(r, V.DEPT_LABEL)
            if c is not None:
                proj["department"] = v
        if "implementer" not in proj:
            c, v = _kv(r, V.IMPL_LABEL)
            if c is not None:
                proj["implementer"] = v
        if "code" not in proj:
            c, v = _kv(r, V.CODE_LABEL)
            if v is not None:
                proj["code"] = v


def split_code(name: Span) -> tuple[Span | None, Span]:
    """A leading project code (``51090422T000000280419-``) goes to ``code``."""
    m = _CODE.match(name.text)
    if not m:
        return None, name
    # offsets: the code is a prefix of the printed name; whitespace was squeezed only inside
    code_len = len(m.group(1))
    code = Span(text=m.group(1), start=name.start, end=name.start + code_len)
    rest_start = name.end - len(m.group(2)) if name.end - name.start == len(name.text) else name.start + (len(name.text) - len(m.group(2)))
    return code, Span(text=m.group(2), start=rest_start, end=name.end)


def clean_org(span: Span | None) -> Span | None:
    """Department/implementer: leading code and trailing '-' removed."""
    if span is None:
        return None
    t = span.text
    start, end = span.start, span.end
    m = _DEPT_CODE.match(t)
    if m:
        t = t[m.end():].lstrip("-— ")
        start = span.end - len(t) if span.end - span.start == len(span.text) else start
    m2 = re.search(r"[-—]+(\d{6,})?$", t)
    if m2:
        cut = len(t) - m2.start()
        t = t[: m2.start()]
        end = max(start, end - cut)
    if not t:
        return None
    return Span(text=t, start=start, end=end)


# ---- funds --------------------------------------------------------------------------

def _funds_field(text: str) -> str | None:
    for t in dict.fromkeys((text, V.header_core(text))):
        for field, rx in V.FUNDS_HEADERS:
            if rx.match(t):
                return field
    return None


def _tolerant_fields(texts: list[str], words: dict[str, tuple[str, ...]], exact) -> list[str | None]:
    """Field per cell of a header row: the exact patterns first, then one-slip matches among the
    fields the row has not printed yet."""
    fields = [exact(t) if t else None for t in texts]
    taken = {f for f in fields if f}
    for k, t in enumerate(texts):
        if t and fields[k] is None:
            f = V.header_slot(t, words, taken)
            if f is not None:
                fields[k] = f
                taken.add(f)
    return fields


def _funds_header(rows: list[Row]) -> tuple[int, list[str], float] | None:
    for i, r in enumerate(rows):
        fields = [f for f in (_funds_field(t) for t in r.texts if t) if f]
        if len({"initial", "annual", "executed", "rate", "declared"} & set(fields)) >= 2:
            fields = [f for f in _tolerant_fields(r.texts, V.FUNDS_HEADER_WORDS, _funds_field) if f]
            cols = list(fields)
            unit_text = " ".join(r.texts[:3])
            for t in r.texts:
                if "万元" in t or "元" in t:
                    unit_text = t
                    break
            factor = unit_factor(unit_text, YUAN_PER_WAN)
            # 目标申报数 / 预算编制数 under 年初预算数, printed on the next row(s)
            for r2 in rows[i + 1:i + 3]:
                sub = [f for f in (_funds_field(t) for t in r2.texts if t) if f]
                if "declared" in sub and "compiled" in sub and "initial" in cols:
                    k = cols.index("initial")
                    cols[k:k + 1] = ["declared", "compiled"]
                    break
            return i, cols, factor
    return None


def _amount_cells(row: Row, after: int) -> list[Cell]:
    return [c for c in row.cells[after + 1:] if c.clean and (is_amount(c.clean) or c.clean in ("/", "-", "—"))]


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
        if rate_pos is not None and "rate" in tail_cols:
            r = tail_cols.index("rate")
            head_vals = values[: rate_pos - r] if rate_pos - r >= 0 else []
            tail_vals = values[max(0, rate_pos - r):]
        else:
            k = max(0, n - len(tail_cols))
            head_vals, tail_vals = values[:k], values[k:]
        pairs = list(zip(head_cols[::-1], head_vals[::-1])) + list(zip(tail_cols, tail_vals))
    for col, cell in pairs:
        if cell.clean in ("/", "-", "—"):
            continue
        out.setdefault(col, cell)
    return out


def _parse_funds(rows: list[Row]) -> ParsedFunds:
    funds = ParsedFunds()
    head = _funds_header(rows)
    if head is not None:
        hi, cols, factor = head
        funds.factor = factor
        total_idx = None
        for j in range(hi + 1, min(len(rows), hi + 6)):
            r = rows[j]
            for ci, c in enumerate(r.cells):
                t = c.clean
                if t and V.FUNDS_TOTAL_LABEL.match(t) and not t.startswith("其中"):
                    total_idx = (j, ci)
                    break
            if total_idx:
                break
        if total_idx is not None:
            j, ci = total_idx
            got = _align_funds(_amount_cells(rows[j], ci), cols)
            initial = got.get("compiled") or got.get("initial") or got.get("declared")
            funds.initial = span_of(initial) if initial else None
            for key in ("annual", "executed", "rate", "weight", "score"):
                if key in got:
                    setattr(funds, key, span_of(got[key]))
            # 其中 rows: the sources of the total, for the consistency check
            for r in rows[j + 1:j + 8]:
                label_i = next((k for k, c in enumerate(r.cells) if c.clean), None)
                if label_i is None:
                    continue
                label = r.cells[label_i].clean
                if is_number(label) or not re.search(r"资金|拨款|财政|自筹|结转|其中", label):
                    break
                part = _align_funds(_amount_cells(r, label_i), cols)
                funds.parts.append({k: span_of(v) for k, v in part.items() if k in ("annual", "executed", "initial", "compiled")})
            return funds
    # label/value style: 项目预算金额(万元) 155.21 全年执行数 0 执行率 0.0%; 年度资金总额: 255,600
    for r in rows:
        c, v = _kv(r, V.LONE_BUDGET_LABEL)
        if c is not None and funds.annual is None and v is not None and is_number(v.text):
            funds.annual = v
            funds.factor = unit_factor(c.clean, YUAN_PER_WAN)
        c, v = _kv(r, V.EXECUTED_LABEL)
        if c is not None and funds.executed is None and v is not None and is_number(v.text):
            funds.executed = v
        c, v = _kv(r, V.RATE_LABEL)
        if c is not None and funds.rate is None and v is not None and is_number(v.text):
            funds.rate = v
        c, v = _kv(r, _FUNDS_TOTAL_AMOUNT)
        if c is not None and funds.annual is None and v is not None and is_number(v.text):
            funds.annual = v
            label = " ".join(t for t in r.texts[:2])
            funds.factor = unit_factor(label, YUAN_PER_WAN)
    return funds


# ---- indicators ----------------------------------------------------------------------

def _ind_slot(text: str) -> str | None:
    for t in dict.fromkeys((text, V.header_core(text))):
        for slot, rx in V.INDICATOR_HEADERS:
            if rx.search(t) if slot == "reason" else rx.match(t):
                return slot
    return None


class _Header:
    def __init__(self, row_index: int, slots: dict[int, str], width: int = 0):
        self.row_index = row_index
        self.slots = slots
        self.width = width  # cells in the header row
        if "init_target" in slots.values() and not {"target", "adj_target"} & set(slots.values()):
            # 年初目标值 is the only target column: it is the target
            slots = {c: "target" if s == "init_target" else s for c, s in slots.items()}
            self.slots = slots
        names = [c for c, s in slots.items() if s == "name"]
        self.dual = len(names) >= 2
        self.name_col = names[0] if names else None
        self.value_slots = [(c, s) for c, s in sorted(slots.items()) if s in _VALUE_SLOTS]
        self.tail_slots = [(c, s) for c, s in sorted(slots.items()) if s in ("weight", "score")]

    def has(self, slot: str) -> bool:
        return slot in self.slots.values()


def _indicator_header(rows: list[Row], start: int) -> _Header | None:
    for i in range(start, len(rows)):
        r = rows[i]
        slots = {c.col: s for c in r.cells if c.clean and (s := _ind_slot(c.clean))}
        vals = set(slots.values())
        if "name" in vals and ({"l1", "l2"} & vals) and len(vals) >= 4:
            found = _tolerant_fields(r.texts, V.INDICATOR_HEADER_WORDS, _ind_slot)
            slots = {c.col: f for c, f in zip(r.cells, found) if f}
            # sub-header (运算符号 / 内容 / 度量单位) refines the spanning 年度目标值 column
            for r2 in rows[i + 1:i + 2]:
                sub = {c.col: s for c in r2.cells if c.clean and (s := _ind_slot(c.clean))}
                if sub and set(sub.values()) & {"op", "unit"}:
                    for c, s in sub.items():
                        if s in ("op", "target", "unit"):
                            slots[c] = s
                    return _Header(i + 1, slots, len(r.cells))
            return _Header(i, slots, len(r.cells))
    return None


class _Carry:
    def __init__(self) -> None:
        self.l1: str | None = None
        self.l1_span: Span | None = None
        self.l2: str | None = None
        self.l2_span: Span | None = None
        self.blocked = False  # under a non-canonical level-1 heading


def _strict_number(t: str) -> bool:
    return bool(_PURE_NUMBER.match(t))


def _is_total_row(r: Row) -> bool:
    """The 总分 row, also with its label one slip off (怠分): a short label then only numbers and a grade."""
    ne = r.nonempty()
    if len(ne) < 2:
        return False
    label = ne[0].clean.rstrip(":")
    if label in _TOTAL_WORDS:
        return True
    if len(label) != 2 or not V.near_word(label, _TOTAL_WORDS):
        return False
    rest = [c.clean for c in ne[1:]]
    return any(_strict_number(t) for t in rest) and all(_strict_number(t) or t in V.GRADES for t in rest)


_SERIAL = re.compile(r"^\d{1,3}$")


class IndicatorReader:
    """Reads the rows of one indicator table."""

    def __init__(self, categories: V.Categories):
        self.cat = categories

    def _category(self, text: str) -> tuple[str | None, str | None]:
        return self.cat.level1(text), self.cat.level2(text)

    def read(self, rows: list[Row], header: _Header) -> list[ParsedIndicator]:
        carry = _Carry()
        out: list[ParsedIndicator] = []
        below = rows[header.row_index + 1:]
        for k, r in enumerate(below):
            first = next((t for t in r.texts if t), "")
            if not first:
                continue
            if V.INDICATOR_END.match(first) or _is_title(r) or _is_total_row(r):
                break
            if r.kind == "text":
                if _data_row_follows(below[k + 1:]):
                    continue  # a stray line inside the table (★, 填表人：, a footer), not its end
                break
            ind = self._dual(r, carry) if header.dual else self._row(r, header, carry)
            if ind is not None:
                out.append(ind)
        return out

    # -- one row --
    def _anchor(self, r: Row, h: _Header) -> tuple[list[tuple[Cell, str | None, str | None]], int | None]:
        """Category cells before the name, and the name's cell index."""
        if r.kind == "cells" and h.name_col is not None and len(r.cells) > max(h.slots):
            # one cell per line keeps every column: read the header's positions (a row narrower than the
            # header lost its merged cells, and is read by content below)
            cats = []
            for col, slot in sorted(h.slots.items()):
                if slot in ("l1", "l2") and col < len(r.cells) and r.cells[col].clean:
                    l1, l2 = self._category(r.cells[col].clean)
                    if not (l1 or l2):
                        l1, l2 = self.cat.tolerant(r.cells[col].clean)
                    if slot == "l2":
                        l1 = None if l2 else l1
                    if l1 or l2:
                        cats.append((r.cells[col], l1, l2))
            k = h.name_col
            return cats, (k if k < len(r.cells) and r.cells[k].clean else None)
        cats = []
        have_l2 = False
        serial = h.has("serial")
        for i, c in enumerate(r.cells):
            t = c.clean
            if not t or V.SECTION_CAPTION.match(t):
                continue
            if serial and not cats and _SERIAL.match(t):
                continue  # the 序号 column's number, before the categories and the name
            l1, l2 = self._category(t)
            if not (l1 or l2) and h.name_col is not None and c.col < h.name_col:
                # left of the name column a cell is a category: read one OCR slip (社会效盆) as the word
                l1, l2 = self.cat.tolerant(t)
            # at most one level-1 then one level-2: a category word after a level-2 is the name (服务对象满意度)
            if (l1 or l2) and not have_l2:
                cats.append((c, l1, l2))
                have_l2 = bool(l2) and (not l1 or len(cats) >= 2)
                continue
            return cats, i
        return cats, None

    def _set_categories(self, cats, carry: _Carry, l1_noncanon: bool) -> None:
        if l1_noncanon:
            carry.blocked = True
            carry.l1 = carry.l2 = None
            carry.l1_span = carry.l2_span = None
        for k, (c, l1, l2) in enumerate(cats):
            nxt_is_l2 = k + 1 < len(cats) and cats[k + 1][2] is not None
            if l1 and (not l2 or nxt_is_l2):
                carry.l1, carry.l1_span, carry.blocked = l1, span_of(c, l1), False
                carry.l2, carry.l2_span = None, None
            elif l2:
                carry.l2, carry.l2_span = l2, span_of(c, l2)
                parent = self.cat.parent(l2)
                if l2 != "成本指标" and parent:
                    if carry.l1 != parent:
                        carry.l1, carry.l1_span = parent, None
                    carry.blocked = False
                elif carry.l1 is None and not carry.blocked:
                    carry.l1 = parent

    def _row(self, r: Row, h: _Header, carry: _Carry) -> ParsedIndicator | None:
        cats, name_i = self._anchor(r, h)
        if name_i is None:
            if cats:
                self._set_categories(cats, carry, False)
            return None
        # a printed but non-canonical level-1 (项目决策, 履职效能 …) blocks its rows
        l1_cols = [c for c, s in h.slots.items() if s == "l1"]
        l1_noncanon = False
        name_cell = r.cells[name_i]
        shift = name_cell.col - (h.name_col if h.name_col is not None else name_cell.col)
        if l1_cols and shift == 0 and not cats:
            c1 = l1_cols[0]
            if c1 < len(r.cells) and c1 != name_i:
                t = r.cells[c1].clean
                if t and not V.SECTION_CAPTION.match(t):
                    l1_noncanon = True
        last = max(c.col for c in r.cells if c.clean)
        merged = last - shift < h.width
        if l1_cols and not cats and name_i < (h.name_col or 0) and shift < 0 and not merged:
            # name found left of the name column: the category cells were non-canonical words (unless the
            # row is narrower than the header by as many cells: a cell-per-line export drops merged cells)
            l1_noncanon = True
        self._set_categories(cats, carry, l1_noncanon)
        if l1_noncanon:
            return None
        if carry.blocked:
            return None
        name_text = name_cell.clean
        if not name_text or V.PLACEHOLDER.match(name_text) or V.OPERATORS.match(name_text) or is_number(name_text) or V.VALUE_PHRASE.match(name_text):
            return None
        assign, method = self._assign(r, h, name_i, shift)
        if assign is None:
            return None
        ind = ParsedIndicator(
            level1=carry.l1, level2=carry.l2, level1_span=carry.l1_span, level2_span=carry.l2_span,
            name=span_of(name_cell), method=method,
        )
        self._fill(ind, assign, h)
        if not (ind.target or ind.actual or ind.weight or ind.score):
            return None
        return ind

    def _positional(self, r: Row, h: _Header, shift: int) -> dict[str, Cell]:
        got: dict[str, Cell] = {}
        for col, slot in h.slots.items():
            if slot in ("l1", "l2", "name", "reason", "degree"):
                continue
            k = col + shift
            if 0 <= k < len(r.cells) and r.cells[k].clean:
                got[slot] = r.cells[k]
        return got

    def _plausible(self, r: Row, h: _Header, got: dict[str, Cell], shift: int, name_i: int) -> bool:
        for slot in ("weight", "score"):
            if slot in got and not _strict_number(got[slot].clean):
                return False
        if "op" in got and not V.OPERATORS.match(got["op"].clean):
            return False
        for slot in _VALUE_SLOTS:
            if slot in got and got[slot].col <= name_i:
                return False
        tail_cols = [c for c, s in h.tail_slots]
        if tail_cols:
            last = max(tail_cols) + shift
            # a bare number right of the score column means the row is shifted
            for c in r.cells[last + 1:]:
                if _strict_number(c.clean):
                    return False
            if h.has("score") and "score" not in got and any(_strict_number(c.clean) for c in r.cells[name_i + 1:]):
                return False
        return True

    def _sequence(self, r: Row, h: _Header, name_i: int) -> dict[str, Cell]:
        cells = [c for c in r.cells[name_i + 1:] if c.clean]
        tail_slots = [s for _, s in h.tail_slots]
        # drop trailing reason/explanation text
        while cells and not _strict_number(cells[-1].clean) and len(cells) > 1 and any(_strict_number(c.clean) for c in cells):
            cells.pop()
        tail: list[Cell] = []
        while cells and len(tail) < len(tail_slots) and _strict_number(cells[-1].clean):
            tail.insert(0, cells.pop())
        got: dict[str, Cell] = {}
        if len(tail) == len(tail_slots):
            got.update(zip(tail_slots, tail))
        elif tail:
            got["score" if "score" in tail_slots else tail_slots[-1]] = tail[-1]
        slots = [s for _, s in h.value_slots if s not in ("note",)]
        if {"init_target", "adj_target"} <= set(slots):
            # 年初 / 调整后 / 实际: a blank 年初 cell drops out, so align from the right
            for s_, c in zip(slots[::-1], cells[::-1]):
                got[s_] = c
            return got
        if h.has("degree") and len(cells) >= 2 and cells[-1].clean.endswith("%"):
            cells = cells[:-1]  # 完成程度 after the actual value
        k = 0
        for s_ in slots:
            if k >= len(cells):
                break
            t = cells[k].clean
            if s_ in ("op", "nature"):
                if V.OPERATORS.match(t) or (s_ == "nature" and t in ("定性", "定量", "正向", "反向")):
                    got[s_] = cells[k]
                    k += 1
                continue
            if s_ == "unit":
                if len(t) <= 4 and not re.search(r"\d", t) and k + 1 < len(cells):
                    got[s_] = cells[k]
                    k += 1
                continue
            got[s_] = cells[k]
            k += 1
        return got

    def _assign(self, r: Row, h: _Header, name_i: int, shift: int) -> tuple[dict[str, Cell] | None, str]:
        got = self._positional(r, h, 0)
        if shift == 0 and self._plausible(r, h, got, 0, name_i):
            return got, "positional"
        got = self._positional(r, h, shift)
        if self._plausible(r, h, got, shift, name_i):
            return got, "anchored"
        return self._sequence(r, h, name_i), "sequence"

    def _fill(self, ind: ParsedIndicator, got: dict[str, Cell], h: _Header) -> None:
        if h.has("adj_target"):
            main = got.get("adj_target")
            if "init_target" in got:
                ind.initial_target = span_of(got["init_target"])
        else:
            main = got.get("target")
        parts: list[Span] = []
        op = got.get("op") or (got.get("nature") if "nature" in got and V.OPERATORS.match(got["nature"].clean) else None)
        if main is not None or (h.has("op") and (op or "unit" in got)):
            if op is not None:
                parts.append(span_of(op))
            if main is not None:
                parts.append(span_of(main))
            if "unit" in got and (main is not None):
                parts.append(span_of(got["unit"]))
        ind.target = parts
        if "actual" in got:
            ind.actual = span_of(got["actual"])
        elif "note" in got:
            # qualitative rows print their completion in 定性指标情况说明
            ind.actual = span_of(got["note"])
        if "weight" in got and is_number(got["weight"].clean):
            ind.weight = span_of(got["weight"])
        if "score" in got and is_number(got["score"].clean):
            ind.score = span_of(got["score"])

    def _dual(self, r: Row, carry: _Carry) -> ParsedIndicator | None:
        """Target-only tables printing 实施期 and 年度 groups side by side: read by content."""
        toks = [c for c in r.cells if c.clean and not V.SECTION_CAPTION.match(c.clean)]
        i = 0
        cats = []
        while i < len(toks):
            l1, l2 = self._category(toks[i].clean)
            if not (l1 or l2) or len(cats) >= 2:
                break
            cats.append((toks[i], l1, l2))
            i += 1
        if cats:
            self._set_categories(cats, carry, False)
        if i >= len(toks):
            return None
        if carry.blocked:
            return None
        name = toks[i]
        value = toks[i + 1] if i + 1 < len(toks) and not any(self._category(toks[i + 1].clean)) else None
        rest = toks[i + (2 if value is not None else 1):]
        l2b = None
        if rest and self._category(rest[0].clean)[1]:
            l2b = rest.pop(0)
        value2 = None
        if rest and rest[0].clean == name.clean:
            rest.pop(0)
            value2 = rest[0] if rest else None
        if l2b is not None and not cats:
            l2 = self._category(l2b.clean)[1]
            carry.l2, carry.l2_span = l2, span_of(l2b, l2)
            parent = self.cat.parent(l2)
            if l2 != "成本指标" and parent:
                carry.l1 = parent
        if V.PLACEHOLDER.match(name.clean):
            return None
        target = value2 or value
        if target is None or target.clean == name.clean:
            return None
        return ParsedIndicator(
            level1=carry.l1, level2=carry.l2, level1_span=carry.l1_span, level2_span=carry.l2_span,
            name=span_of(name), target=[span_of(target)], method="dual",
        )


# ---- score / grade ---------------------------------------------------------------------



def _score(rows: list[Row], start: int, proj: dict) -> None:
    for r in rows[start:]:
        c, v = _kv(r, _TOTAL_SCORE)
        if v is not None and is_number(v.text):
            proj["score"] = v
            # 绩效自评总得分 | 100 | 86.83 | 良: the weights' total, then the score, as on a 总分 row
            _total_cells([x for x in r.cells if x.col > c.col and x.clean], proj, weight_first=True)
        c2, v2 = _kv(r, V.GRADE_LABEL)
        if v2 is not None and v2.text in V.GRADES:
            proj["grade"] = v2
    if "score" in proj:
        return
    for r in rows[start:]:
        ne = r.nonempty()
        if not ne:
            continue
        first = ne[0].clean
        if V.TOTAL_LABEL.match(first) or _is_total_row(r):
            if _total_cells(ne[1:], proj):
                return
    # 执行率 100% 得分 100分 (target-only tables); the value may be printed on the next line
    for k, r in enumerate(rows):
        c, v = _kv(r, V.SCORE_LABEL)
        if c is None or not any(V.RATE_LABEL.match(t) for t in r.texts if t):
            continue
        if v is None and k + 1 < len(rows):
            below = _value_below(rows[k + 1], c)
            v = span_of(below) if below is not None else None
        if v is not None and is_number(v.text):
            proj["score"] = v
            return


def _total_cells(cells: list[Cell], proj: dict, weight_first: bool = False) -> bool:
    """Score (the last number), weights' total (the one before it) and grade from a total row's cells.

    ``weight_first``: the score is already read from the label's own cell unless two numbers follow.
    Returns whether anything was read.
    """
    nums = [c for c in cells if _strict_number(c.clean.removesuffix("分"))]
    grade = next((c for c in cells if c.clean in V.GRADES), None)
    if len(nums) >= (2 if weight_first else 1):
        proj["score"] = span_of(nums[-1])
        if len(nums) >= 2:
            proj["score_weight"] = span_of(nums[-2])
    if grade is not None:
        proj["grade"] = span_of(grade)
    return bool(nums or grade)


def _data_row_follows(rows: list[Row]) -> bool:
    """The next table row after a line of text reads as an indicator row: four or more filled cells
    ending in the 分值/得分 numbers."""
    nxt = next((r for r in rows if r.kind != "text" or len(r.joined) > 40), None)
    if nxt is None or nxt.kind == "text":
        return False
    filled = nxt.nonempty()
    return len(filled) >= 4 and any(_strict_number(c.clean) for c in filled[-3:])


def _value_below(row: Row, label: Cell) -> Cell | None:
    """The value of a label that ends its row, wrapped onto the next row: that row's only filled cell,
    standing at or right of the label's column."""
    filled = row.nonempty()
    if len(filled) != 1 or filled[0].col < label.col:
        return None
    return filled[0]


# ---- entry point ---------------------------------------------------------------------------

_LEVEL_JOIN = re.compile(r"^(.+?)[-/—－–](.+)$")


def joined_levels_at(cell: Cell, categories: V.Categories) -> int | None:
    """Where in ``cell.text`` the joiner of a "一级-二级" cell (产出指标-数量指标, 一级指标/二级指标) is, if it is one."""
    m = _LEVEL_JOIN.match(squeeze(cell.text))
    if m is None:
        return None
    left, right = m.groups()
    if (left, right) != _LEVEL_HEADERS and not (categories.level1(left) and categories.level2(right)):
        return None
    seen = 0
    for i, ch in enumerate(cell.text):  # the joiner is the first character after the level-1's letters
        if not ch.isspace():
            if seen == len(left):
                return i
            seen += 1
    return None


def split_joined_levels(rows: list[Row], categories: V.Categories) -> list[Row]:
    """Rows whose category cell holds both levels (产出指标-数量指标) with that cell split in two.

    Some bureaus print 一级 and 二级 in one column; the indicator reader expects a cell each, as the
    national template prints them. Cells after the split move one column right, header and data rows alike.
    """
    out = []
    for r in rows:
        cuts = {} if r.kind == "text" else {k: joined_levels_at(c, categories) for k, c in enumerate(r.cells)}
        cuts = {k: i for k, i in cuts.items() if i is not None}
        if not cuts:
            out.append(r)
            continue
        cells, shift = [], 0
        for k, c in enumerate(r.cells):
            if k not in cuts:
                cells.append(Cell(c.col + shift, c.start, c.end, c.text))
                continue
            i = cuts[k]
            cells.append(Cell(c.col + shift, c.start, c.start + i, c.text[:i]))
            shift += 1
            cells.append(Cell(c.col + shift, c.start + i + 1, c.end, c.text[i + 1:]))
        out.append(Row(r.index, r.kind, r.start, r.end, cells))
    return out


class TableParser:
    """Rows -> ParsedProjects."""

    def __init__(self, categories: V.Categories | None = None):
        self.categories = categories or V.Categories()
        self.indicators = IndicatorReader(self.categories)

    def parse(self, rows: list[Row]) -> list[ParsedProject]:
        out = []
        rows = split_joined_levels(rows, self.categories)
        for s, e in find_blocks(rows):
            p = self.parse_block(rows[s:e])
            if p is not None:
                out.append(p)
        return out

    def parse_block(self, rows: list[Row]) -> ParsedProject | None:
        meta: dict = {}
        _meta(rows, meta)
        if "name" not in meta and _slipped_name_row(rows, 0):
            first = next(c for c in rows[0].cells if c.clean)
            value = _value_after(rows[0], first.col)
            if value is not None:
                meta["name"] = span_of(value)
        name = meta.get("name")
        if name is None or not name.text:
            return None
        code, name = split_code(name)
        if meta.get("code") is not None:
            code = meta["code"]
        # the table ends at its last table row: prose after it is not part of the table
        last = next((r for r in reversed(rows) if r.kind != "text"), rows[-1])
        proj = ParsedProject(
            source="table", start=rows[0].start, end=last.end, name=name, code=code,
            department=clean_org(meta.get("department")), implementer=clean_org(meta.get("implementer")),
        )
        proj.funds = _parse_funds(rows)
        header = _indicator_header(rows, 0)
        score_start = 0
        if header is not None:
            proj.indicators = self.indicators.read(rows, header)
            score_start = header.row_index + 1
        got: dict = {}
        _score(rows, score_start, got)
        proj.score = got.get("score")
        proj.score_weight = got.get("score_weight")
        proj.grade = got.get("grade")
        return proj
