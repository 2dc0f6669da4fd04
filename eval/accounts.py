"""Section 6 of the record contract: the final-accounts tables' table, row and fact P/R/F1.

Tables pair by title (fuzz.ratio >= 90 after section 3 and a leading year removed), highest first, each
used once. Inside a pair, rows pair by code when both print one (else by label, ratio >= 90), an equal
行次 required only where both print one; ties go to the closer label, then the closer position. A fact is
(table, row, column key, value); a predicted fact is right when its table and row pair and the value is
equal within half a yuan. Rows and facts of an unpaired table count as missed or spurious.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from jixiao.eval.metrics import Counts
from jixiao.eval.normalize import AMOUNT_TOLERANCE, normalize_text
from jixiao.pipelines import vocab as V
from jixiao.pipelines.account_titles import table_kind
from jixiao.record import AccountRow, DocumentRecord, FinalAccountsTable

MATCH_RATIO = 90.0
_YEAR = re.compile(r"^\d{4}年度?")
_EPS = 1e-9
OTHER_KIND = "other"


class KindCounts(BaseModel):
    tables: Counts = Field(default_factory=Counts)
    rows: Counts = Field(default_factory=Counts)
    facts: Counts = Field(default_factory=Counts)

    def __add__(self, other: "KindCounts") -> "KindCounts":
        return KindCounts(tables=self.tables + other.tables, rows=self.rows + other.rows, facts=self.facts + other.facts)

    def metrics(self) -> dict[str, dict[str, float]]:
        return {"table": self.tables.scores(), "row": self.rows.scores(), "fact": self.facts.scores()}


class AccountsSummary(BaseModel):
    """Counts of section 6 for one document or pooled: in total and per table kind (the gold table's, else
    the predicted one's)."""

    total: KindCounts = Field(default_factory=KindCounts)
    kinds: dict[str, KindCounts] = Field(default_factory=dict)

    def __add__(self, other: "AccountsSummary") -> "AccountsSummary":
        kinds = {k: self.kinds.get(k, KindCounts()) + other.kinds.get(k, KindCounts())
                 for k in dict.fromkeys([*self.kinds, *other.kinds])}
        return AccountsSummary(total=self.total + other.total, kinds=kinds)

    def metrics(self) -> dict[str, Any]:
        order = {k: n for n, (k, _) in enumerate(V.ACCOUNT_TABLE_KINDS_PRINTED)}
        kinds = sorted(self.kinds, key=lambda k: order.get(k, len(order)))
        return {**self.total.metrics(), "kinds": {k: self.kinds[k].metrics() for k in kinds}}


def labeled(gold: DocumentRecord) -> bool:
    """Whether the gold record labels section 6 (its file has a final_accounts list, empty or not)."""
    return "final_accounts" in gold.model_fields_set


def _title_key(title: str) -> str:
    return _YEAR.sub("", normalize_text(title) or "")


def _ratio(a: str | None, b: str | None) -> float:
    a, b = normalize_text(a) or "", normalize_text(b) or ""
    return 100.0 if a == b else fuzz.ratio(a, b)


def pair_tables(gold: list[FinalAccountsTable], pred: list[FinalAccountsTable]) -> list[tuple[int, int]]:
    cands = sorted(((fuzz.ratio(_title_key(g.title), _title_key(p.title)), -abs(i - j), i, j)
                    for i, g in enumerate(gold) for j, p in enumerate(pred)), reverse=True)
    return _greedy([(c[0], c[1], c[2], c[3]) for c in cands if c[0] >= MATCH_RATIO])


def _row_score(g: AccountRow, p: AccountRow) -> float | None:
    both_lines = g.line is not None and p.line is not None
    if both_lines and g.line != p.line:
        return None
    bonus = 0.5 if both_lines else 0.0  # an equal 行次 breaks a tie between equal labels (the two 总计)
    if g.code and p.code:
        return 100.0 + _ratio(g.label, p.label) + bonus if g.code == p.code else None
    r = _ratio(g.label, p.label)
    return r + bonus if r >= MATCH_RATIO else None


def pair_rows(gold: list[AccountRow], pred: list[AccountRow]) -> list[tuple[int, int]]:
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = _row_score(g, p)
            if s is not None:
                cands.append((s, -abs(i - j), i, j))
    return _greedy(sorted(cands, reverse=True))


def _greedy(cands: list[tuple[float, int, int, int]]) -> list[tuple[int, int]]:
    used_g, used_p, out = set(), set(), []
    for _, _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _facts(row: AccountRow) -> dict[str, float]:
    return {normalize_text(k) or "": v for k, v in row.values.items() if v is not None}


def _score_table(g: FinalAccountsTable | None, p: FinalAccountsTable | None) -> KindCounts:
    c = KindCounts(tables=Counts(right=int(g is not None and p is not None), gold=int(g is not None), predicted=int(p is not None)))
    g_rows, p_rows = (g.rows if g else []), (p.rows if p else [])
    c.rows = Counts(gold=len(g_rows), predicted=len(p_rows))
    c.facts = Counts(gold=sum(len(_facts(r)) for r in g_rows), predicted=sum(len(_facts(r)) for r in p_rows))
    for i, j in pair_rows(g_rows, p_rows) if g and p else []:
        c.rows.right += 1
        gf, pf = _facts(g_rows[i]), _facts(p_rows[j])
        c.facts.right += sum(1 for k, v in pf.items() if k in gf and abs(gf[k] - v) <= AMOUNT_TOLERANCE + _EPS)
    return c


def score_accounts(gold: DocumentRecord, pred: DocumentRecord) -> AccountsSummary:
    out = AccountsSummary()
    pairs = pair_tables(gold.final_accounts, pred.final_accounts)
    paired_g, paired_p = {i for i, _ in pairs}, {j for _, j in pairs}
    work = [(gold.final_accounts[i], pred.final_accounts[j]) for i, j in pairs]
    work += [(g, None) for i, g in enumerate(gold.final_accounts) if i not in paired_g]
    work += [(None, p) for j, p in enumerate(pred.final_accounts) if j not in paired_p]
    for g, p in work:
        counts = _score_table(g, p)
        kind = table_kind((g or p).title) or OTHER_KIND  # type: ignore[union-attr]
        out.total = out.total + counts
        out.kinds[kind] = out.kinds.get(kind, KindCounts()) + counts
    return out
