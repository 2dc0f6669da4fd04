"""Final-accounts codes on the 政府收支分类 taxonomy (the one ``jixiao map`` uses).

A row's 科目代码 is looked up among the function classification codes (类/款/项 rows) or, in the 基本支出
table, the economic ones; a row whose code the taxonomy knows gets that entry as ``canonical``, and where
the printed name is not that entry's name (a truncated name still is), a check says so: the code or the
name is misprinted, or the taxonomy is out of date. A code the taxonomy lacks is left alone (the taxonomy
holds the common lines, not every local one).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from jixiao.pipelines import vocab as V
from jixiao.pipelines.taxonomy import Taxonomy
from jixiao.record import Canonical, Check, FinalAccountsTable

# the printed name and the taxonomy's agree from this score (fuzz.ratio)
NAME_AGREES = 60.0


def _score(label: str, name: str) -> float:
    """How far the printed name agrees with the taxonomy's: a name cut short in its cell (国有企业退休人员
    社会化管理补) agrees wholly."""
    label = V.ACCOUNT_OF_WHICH.sub("", label)
    return 100.0 if len(label) >= 4 and name.startswith(label) else fuzz.ratio(label, name)


def map_codes(tables: list[FinalAccountsTable], taxonomy: Taxonomy) -> None:
    """Sets ``canonical`` on the rows whose code the taxonomy knows and adds a check where the names differ."""
    codes = {kind: taxonomy.by_code(kind) for kind in ("function", "economic")}
    for table in tables:
        kind = "economic" if table.kind == V.ACCOUNT_ECONOMIC_KIND else "function"
        for i, row in enumerate(table.rows):
            entry = codes[kind].get(row.code or "")
            if entry is None:
                continue
            score = _score(row.label or "", entry.name) if row.label else 100.0
            row.canonical = Canonical(id=entry.id, name=entry.name, score=round(score, 1), method="code")
            if score < NAME_AGREES:
                table.checks.append(Check(
                    code="accounts.code_name", severity="warning", field=f"rows[{i}].label",
                    message=f"{table.title} row {row.code} {row.label}: the {kind} classification names "
                            f"{row.code} {entry.name}"))
