"""What the final-accounts tests read back: the tables of a text, and a table's rows as plain tuples."""

from __future__ import annotations

from jixiao.pipelines.ingest import load_bytes


def read_accounts(extractor, text: str):
    """The final-accounts tables the extractor (parser mode) reads in TEXT."""
    return extractor.extract(load_bytes(text.encode("utf-8"), filename="t.txt", doc_id="t"), mode="parser").final_accounts


def account_rows(table):
    return [(r.code, r.label, r.line, r.values) for r in table.rows]


def warnings_of(tables) -> list[str]:
    """The messages of the tables' warning-level checks."""
    return [c.message for t in tables for c in t.checks if c.severity == "warning"]
