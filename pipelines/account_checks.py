"""The identities of the final-accounts tables, as checks: each names the table, the row, the column and
the difference.

Within a table: a total column is the sum of the columns its header groups with it (小计 = 基本支出 +
项目支出; 三公 合计 = its parts); a 类 row is the sum of its 款 rows, a 款 the sum of its 项 (function and
economic codes alike); the 合计 row is the sum of the 类 rows (人员经费合计 / 公用经费合计 of the economic
classes); in a two-sided 总表 本年收入合计 and 本年支出合计 are the sums of the lines above them, each side's 总计
is its 本年…合计 plus its carry lines (年初 / 年末结转和结余 …), 本年收入合计 balances 本年支出合计 with them, and
the two 总计 agree; a 三公 table printed one item a row adds its items up to its 合计. Across tables: the same figure printed twice (收入决算表 合计 = 总表 本年收入合计, 支出决算表
合计 = 总表 本年支出合计, a 总表 支出 line = the 支出决算表 类 row of that name, 一般公共预算财政拨款支出决算表
基本支出 = the 基本支出决算表's 人员经费 + 公用经费 …). A difference within the printing's rounding (half a
unit of the last printed place per addend) is ``info``; a larger one a ``warning``.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.pipelines import vocab as V
from jixiao.record import AccountRow, Check, FinalAccountsTable

# amounts print to 0.01 of the table's unit
PRINTED_PLACE = 0.01
# differences up to this many yuan are float noise
YUAN_NOISE = 0.5


@dataclass
class Identity:
    code: str
    row: int | None  # the row of the printed total in its table
    key: str
    printed: float
    expected: float
    addends: int
    what: str  # what the expected figure is the sum of, in words


def _name(row: AccountRow) -> str:
    return " ".join(x for x in (row.code, row.label) if x) or (f"行{row.line}" if row.line else "?")


def rounding(table: FinalAccountsTable, ident: Identity) -> float:
    """The most an identity can be off by the printing's rounding: half the last printed place per figure."""
    factor = V.ACCOUNT_UNIT_FACTOR.get(table.unit or "", 1.0)
    return (ident.addends + 1) * PRINTED_PLACE * factor / 2  # each printed figure, the total too


def holds(table: FinalAccountsTable, ident: Identity) -> bool:
    """The identity holds up to float noise or the printing's rounding (at most an ``info`` check)."""
    return abs(ident.printed - ident.expected) <= max(YUAN_NOISE, rounding(table, ident))


def _check(table: FinalAccountsTable, ident: Identity) -> Check | None:
    diff = ident.printed - ident.expected
    if abs(diff) <= YUAN_NOISE:
        return None
    row = f"row {_name(table.rows[ident.row])}" if ident.row is not None else "table"
    return Check(
        code=ident.code, severity="info" if abs(diff) <= rounding(table, ident) else "warning",
        message=f"{table.title} {row} column {ident.key}: printed {ident.printed:.2f}, {ident.what} "
                f"{ident.expected:.2f}, difference {diff:+.2f} yuan",
        field=f"rows[{ident.row}].values.{ident.key}" if ident.row is not None else None)


def _sum(rows: list[AccountRow], key: str) -> float:
    return round(sum(r.values.get(key, 0.0) for r in rows), 2)


def column_identities(table: FinalAccountsTable, sums: list[tuple[str, list[str]]]) -> list[Identity]:
    out = []
    for i, row in enumerate(table.rows):
        for total, parts in sums:
            if total in row.values or any(p in row.values for p in parts):
                value = round(sum(row.values.get(p, 0.0) for p in parts), 2)
                out.append(Identity("accounts.column_sum", i, total, row.values.get(total, 0.0), value, len(parts),
                                    "sum of " + " + ".join(parts)))
    return out


def families(rows: list[AccountRow]) -> list[tuple[int, list[int]]]:
    """(row, its children) for each coded row with children: the codes two digits longer that start with it."""
    kids: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        if r.code:
            kids.setdefault(r.code[:-2], []).append(i)
    return [(i, kids[r.code]) for i, r in enumerate(rows) if r.code and kids.get(r.code)]


def total_parts(rows: list[AccountRow]) -> list[tuple[int, list[int], str]]:
    """(total row, the rows it adds up, in words): 合计 = Σ 类 rows; 人员经费合计 / 公用经费合计 = Σ of their
    economic classes."""
    coded = [i for i, r in enumerate(rows) if r.code]
    if not coded:
        return []
    top = min(len(rows[i].code) for i in coded)
    classes = [i for i in coded if len(rows[i].code) == top]
    out = []
    for i, row in enumerate(rows):
        if row.code or not row.label:
            continue
        if V.ACCOUNT_TABLE_TOTAL.match(row.label):
            out.append((i, classes, "sum of the 类 rows"))
        elif V.ACCOUNT_PERSONNEL_TOTAL.match(row.label):
            out.append((i, [k for k in classes if rows[k].code in V.ACCOUNT_PERSONNEL_CLASSES], "sum of 301 and 303"))
        elif V.ACCOUNT_PUBLIC_TOTAL.match(row.label):
            out.append((i, [k for k in classes if rows[k].code not in V.ACCOUNT_PERSONNEL_CLASSES],
                        "sum of the other classes"))
    return out


def code_identities(table: FinalAccountsTable) -> list[Identity]:
    """类 = Σ款, 款 = Σ项 (a code's children are the codes two digits longer that start with it)."""
    out = []
    for i, kid_rows in families(table.rows):
        row, kids = table.rows[i], [table.rows[k] for k in kid_rows]
        for key in dict.fromkeys([*row.values, *(k for r in kids for k in r.values)]):
            out.append(Identity("accounts.code_sum", i, key, row.values.get(key, 0.0), _sum(kids, key), len(kids),
                                f"sum of the {len(kids)} rows under {row.code}"))
    return out


def total_identities(table: FinalAccountsTable) -> list[Identity]:
    """The 合计 row = Σ 类 rows; 人员经费合计 / 公用经费合计 = Σ of their economic classes."""
    out = []
    for i, parts, what in total_parts(table.rows):
        row, addends = table.rows[i], [table.rows[k] for k in parts]
        for key in row.values:
            out.append(Identity("accounts.total_row", i, key, row.values[key], _sum(addends, key), len(addends), what))
    return out


def _find(rows: list[tuple[int, AccountRow]], rx) -> tuple[int, AccountRow] | None:
    return next(((i, r) for i, r in rows if r.label and rx.match(r.label)), None)


def side_identities(table: FinalAccountsTable) -> list[Identity]:
    """A two-sided 总表: each side's 本年…合计 = the lines above it; the two 总计 agree."""
    sides = [[(i, r) for i, r in enumerate(table.rows) if r.panel == p] for p in (0, 1)]
    if not sides[1]:
        return []
    out = []
    for side, rx in zip(sides, (V.ACCOUNT_YEAR_INCOME_TOTAL, V.ACCOUNT_YEAR_EXPENSE_TOTAL)):
        found = _find(side, rx)
        if found is None:
            continue
        i, total = found
        above = [r for k, r in side if k < i and not (r.label and V.ACCOUNT_TOTAL.search(r.label))]
        for key in total.values:
            out.append(Identity("accounts.side_sum", i, key, total.values[key], _sum(above, key), len(above),
                                "sum of the lines above it"))
    grand = [_find(side, V.ACCOUNT_GRAND_TOTAL) for side in sides]
    if grand[0] and grand[1]:
        (i, left), (_, right) = grand
        out.append(Identity("accounts.grand_totals", i, _first_key(left), _first(left), _first(right), 1,
                            "the 支出 side's 总计"))
    return out


def balance_identities(table: FinalAccountsTable) -> list[Identity]:
    """A two-sided 总表: each side's 总计 = its 本年…合计 + its carry lines (年初结转和结余 …, 年末结转和结余 …);
    本年收入合计 + the 收入 side's carry lines = 本年支出合计 + the 支出 side's (本年收入合计 = 本年支出合计 where no
    carry line prints). Only lines from the 本年…合计 down: a table whose first page is lost still has them."""
    sides = [[(i, r) for i, r in enumerate(table.rows) if r.panel == p] for p in (0, 1)]
    if not sides[1]:
        return []
    out, years, carries = [], [], []
    for side, rx in zip(sides, (V.ACCOUNT_YEAR_INCOME_TOTAL, V.ACCOUNT_YEAR_EXPENSE_TOTAL)):
        year, grand = _find(side, rx), _find(side, V.ACCOUNT_GRAND_TOTAL)
        carry = [r for k, r in side if year is not None and k > year[0] and (grand is None or k < grand[0])
                 and r.label and V.ACCOUNT_CARRY_LINE.search(r.label) and r.values]
        years.append(year if year is not None and year[1].values else None)
        carries.append(carry)
        if years[-1] is not None and grand is not None:
            names = " + ".join([years[-1][1].label or "", *(r.label or "" for r in carry)])
            for key in grand[1].values:
                expected = years[-1][1].values.get(key, 0.0) + _sum(carry, key)
                out.append(Identity("accounts.side_total", grand[0], key, grand[1].values[key], round(expected, 2),
                                    len(carry) + 1, names))
    (income, carry_in), (expense, carry_out) = zip(years, carries)
    if income is not None and expense is not None:
        ki, ke = _first_key(income[1]), _first_key(expense[1])
        expected = expense[1].values[ke] + _sum(carry_out, ke) - _sum(carry_in, ki)
        what = "".join([expense[1].label or "", *(f" + {r.label}" for r in carry_out), *(f" - {r.label}" for r in carry_in)])
        out.append(Identity("accounts.year_balance", income[0], ki, income[1].values[ki], round(expected, 2),
                            1 + len(carry_in) + len(carry_out), what))
    return out


def three_public_identities(table: FinalAccountsTable) -> list[Identity]:
    """A 三公 table printed one item a row: 合计 = 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费; the vehicle
    item = 公务用车购置费 + 公务用车运行维护费 (a 三公 table printed one column an item sums by its header)."""
    if table.kind != "three_public":
        return []
    rows = list(enumerate(table.rows))
    items = [(i, r) for i, r in rows if r.label and any(rx.match(V.ACCOUNT_OF_WHICH.sub("", r.label))
                                                       for rx in V.ACCOUNT_THREE_PUBLIC_ITEMS)]
    sums = [(_find(rows, V.ACCOUNT_TABLE_TOTAL), [r for _, r in items], "sum of the three items"),
            (_find(items, V.ACCOUNT_VEHICLE_ITEM), [r for _, r in rows if r.label and V.ACCOUNT_VEHICLE_PARTS.match(r.label)],
             "sum of 公务用车购置费 and 公务用车运行维护费")]
    out = []
    for total, parts, what in sums:
        if total is None or not parts:
            continue
        i, row = total
        for key in dict.fromkeys([*row.values, *(k for r in parts for k in r.values)]):
            out.append(Identity("accounts.three_public", i, key, row.values.get(key, 0.0), _sum(parts, key), len(parts), what))
    return out


def _first_key(row: AccountRow) -> str:
    return next(iter(row.values))


def _final_key(row: AccountRow) -> str:
    """The key of the figure another table prints alike: a row printing a budget beside the final accounts
    (年初预算数 | 决算数) gives its 决算数, any other row its first figure."""
    if any(V.ACCOUNT_BUDGET_KEY.search(k) for k in row.values):
        return next((k for k in row.values if V.ACCOUNT_FINAL_KEY.search(k)), _first_key(row))
    return _first_key(row)


def _first(row: AccountRow) -> float:
    return next(iter(row.values.values()))


def table_identities(table: FinalAccountsTable, sums: list[tuple[str, list[str]]]) -> list[Identity]:
    """Every identity the table prints; a table whose first page is lost has no lines above its totals."""
    whole = [] if table.headless else [*total_identities(table), *side_identities(table)]
    return [*column_identities(table, sums), *code_identities(table), *whole, *balance_identities(table),
            *three_public_identities(table)]


def check_table(table: FinalAccountsTable, sums: list[tuple[str, list[str]]]) -> list[Check]:
    return [c for ident in table_identities(table, sums) if (c := _check(table, ident)) is not None]


def cross_identities(tables: list[FinalAccountsTable]) -> list[tuple[int, Identity]]:
    """(table index, identity) for the figures two tables print alike."""
    by_kind = {}
    for n, t in enumerate(tables):
        by_kind.setdefault(t.kind, n)
    out: list[tuple[int, Identity]] = []

    def total(kind: str, rx=V.ACCOUNT_TABLE_TOTAL) -> tuple[int, int, AccountRow] | None:
        n = by_kind.get(kind)
        if n is None:
            return None
        found = _find(list(enumerate(tables[n].rows)), rx)
        return (n, found[0], found[1]) if found and found[1].values else None

    def same(a, b, what: str, key_a: str | None = None, key_b: str | None = None) -> None:
        if a is None or b is None:
            return
        (n, i, ra), (_, _, rb) = a, b
        ka = key_a if key_a in ra.values else _final_key(ra)
        kb = key_b if key_b in rb.values else _final_key(rb)
        out.append((n, Identity("accounts.cross_table", i, ka, ra.values[ka], rb.values[kb], 1, what)))

    same(total("income"), total("summary", V.ACCOUNT_YEAR_INCOME_TOTAL), "收入支出决算总表 本年收入合计")
    same(total("expenditure"), total("summary", V.ACCOUNT_YEAR_EXPENSE_TOTAL), "收入支出决算总表 本年支出合计")
    fiscal = total("fiscal_summary", V.ACCOUNT_YEAR_EXPENSE_TOTAL)
    if fiscal is not None:
        gpb = next((k for k in fiscal[2].values if "一般公共预算" in k), None)
        same(total("general_budget_expenditure"), fiscal, "财政拨款收入支出决算总表 本年支出合计", key_b=gpb)
    _basic(tables, by_kind, out)
    _class_lines(tables, by_kind, out)
    return out


def _basic(tables: list[FinalAccountsTable], by_kind: dict, out: list) -> None:
    """一般公共预算财政拨款支出决算表 合计 基本支出 = the 基本支出决算表's 人员经费合计 + 公用经费合计."""
    g, b = by_kind.get("general_budget_expenditure"), by_kind.get("basic_expenditure")
    if g is None or b is None:
        return
    found = _find(list(enumerate(tables[g].rows)), V.ACCOUNT_TABLE_TOTAL)
    key = next((k for k in (found[1].values if found else {}) if "基本支出" in k), None)
    parts = [r for r in tables[b].rows if r.label and not r.code
             and (V.ACCOUNT_PERSONNEL_TOTAL.match(r.label) or V.ACCOUNT_PUBLIC_TOTAL.match(r.label))]
    if found is None or key is None or not parts:
        return
    value = round(sum(_first(r) for r in parts), 2)
    out.append((g, Identity("accounts.cross_table", found[0], key, found[1].values[key], value, len(parts),
                            f"{tables[b].title} 人员经费合计 + 公用经费合计")))


def _class_lines(tables: list[FinalAccountsTable], by_kind: dict, out: list) -> None:
    """A 总表's 支出 line = the 类 row of the same name in the 支出决算表."""
    s, e = by_kind.get("summary"), by_kind.get("expenditure")
    if s is None or e is None:
        return
    classes = {r.label: r for r in tables[e].rows if r.code and len(r.code) == 3 and r.label}
    for i, row in enumerate(tables[s].rows):
        other = classes.get(row.label or "")
        if row.panel == 1 and other is not None and row.values and other.values:
            key, other_key = _final_key(row), _final_key(other)
            out.append((s, Identity("accounts.cross_table", i, key, row.values[key], other.values[other_key], 1,
                                    f"{tables[e].title} {other.code} {other.label}")))


def check_document(tables: list[FinalAccountsTable]) -> None:
    """Adds the cross-table checks to the table that prints the first of the two figures."""
    for n, ident in cross_identities(tables):
        check = _check(tables[n], ident)
        if check is not None:
            tables[n].checks.append(check)
