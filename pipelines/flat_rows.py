"""A record as flat rows for analysis: one row per project, per indicator and per final-accounts value, plus errors.

Four tidy tables (schema in docs/flat-rows.md): ``projects``, ``indicators``, ``final_accounts`` (one row per
printed number of a 部门决算 table: doc, table, row code and label, column key, value) and ``errors`` (one per input
that failed). Amounts are in yuan as in the record; a count row (车辆数(辆)) keeps its number as printed and
names its unit. ``FlatWriter`` writes them as CSV or Parquet (pyarrow), each to a temporary name renamed at close.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from jixiao.pipelines.outputs import TMP_PREFIX, TMP_SUFFIX
from jixiao.pipelines.vocab import ACCOUNT_COUNT_UNIT
from jixiao.record import DocumentRecord

# table -> [(column, type)]; types: str, int, float
SCHEMAS: dict[str, list[tuple[str, str]]] = {
    "projects": [("doc_id", "str"), ("source", "str"), ("project", "int"), ("name", "str"), ("code", "str"),
                 ("department", "str"), ("implementer", "str"), ("initial_budget", "float"), ("annual_budget", "float"),
                 ("executed", "float"), ("execution_rate", "float"), ("score", "float"), ("grade", "str"),
                 ("indicators", "int")],
    "indicators": [("doc_id", "str"), ("source", "str"), ("project", "int"), ("project_name", "str"),
                   ("indicator", "int"), ("level1", "str"), ("level2", "str"), ("name", "str"), ("target", "str"),
                   ("actual", "str"), ("weight", "float"), ("score", "float")],
    "final_accounts": [("doc_id", "str"), ("source", "str"), ("table", "int"), ("title", "str"), ("number", "str"),
                       ("kind", "str"), ("entity", "str"), ("year", "int"), ("printed_unit", "str"), ("row", "int"),
                       ("code", "str"), ("label", "str"), ("line", "int"), ("panel", "int"), ("column", "str"),
                       ("value", "float"), ("unit", "str")],
    "errors": [("input", "str"), ("code", "str"), ("message", "str")],
}
YUAN = "元"


def project_rows(record: DocumentRecord) -> list[dict]:
    return [{"doc_id": record.doc_id, "source": record.source, "project": i, "name": p.name, "code": p.code,
             "department": p.department, "implementer": p.implementer, "initial_budget": p.funds.initial_budget,
             "annual_budget": p.funds.annual_budget, "executed": p.funds.executed,
             "execution_rate": p.funds.execution_rate,
             "score": p.score, "grade": p.grade, "indicators": len(p.indicators)}
            for i, p in enumerate(record.projects)]


def indicator_rows(record: DocumentRecord) -> list[dict]:
    return [{"doc_id": record.doc_id, "source": record.source, "project": i, "project_name": p.name, "indicator": j,
             "level1": ind.level1, "level2": ind.level2, "name": ind.name, "target": ind.target, "actual": ind.actual,
             "weight": ind.weight, "score": ind.score}
            for i, p in enumerate(record.projects) for j, ind in enumerate(p.indicators)]


def value_unit(label: str | None) -> str:
    """元, or the count unit a row's label names (车辆数合计(辆) -> 辆): contract section 6 keeps such rows as printed."""
    m = ACCOUNT_COUNT_UNIT.search(label or "")
    return m.group(0)[1:-1] if m else YUAN


def account_rows(record: DocumentRecord) -> list[dict]:
    rows = []
    for t, table in enumerate(record.final_accounts):
        head = {"doc_id": record.doc_id, "source": record.source, "table": t, "title": table.title,
                "number": table.number, "kind": table.kind, "entity": table.entity, "year": table.year,
                "printed_unit": table.unit}
        for r, row in enumerate(table.rows):
            unit = value_unit(row.label)
            for column, value in row.values.items():
                rows.append({**head, "row": r, "code": row.code, "label": row.label, "line": row.line,
                             "panel": row.panel, "column": column, "value": value, "unit": unit})
    return rows


def flat_tables(record: DocumentRecord) -> dict[str, list[dict]]:
    """The record's rows, table by table (``errors`` empty: a record is a success)."""
    return {"projects": project_rows(record), "indicators": indicator_rows(record),
            "final_accounts": account_rows(record), "errors": []}


def error_row(name: str, code: str | None, message: str | None) -> dict:
    return {"input": name, "code": code, "message": message}


def arrow_schema(table: str):
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    return pa.schema([(name, types[kind]) for name, kind in SCHEMAS[table]])


class FlatWriter:
    """``folder``/<table>.csv or .parquet for the four tables; rows appended as records come, renamed into place
    at ``close`` (a kill leaves only temporaries, which the next run removes)."""

    FLUSH_ROWS = 20_000

    def __init__(self, folder: Path, fmt: str):
        if fmt == "parquet":
            from jixiao.extras import require

            require("pyarrow", extra="parquet", purpose="--format parquet")
        self.folder, self.fmt = folder, fmt
        self.tmp = {t: folder / f"{TMP_PREFIX}{t}.{fmt}{TMP_SUFFIX}" for t in SCHEMAS}
        self.buffers: dict[str, list[dict]] = {t: [] for t in SCHEMAS}
        self._csv, self._parquet = {}, {}
        if fmt == "csv":
            for t, path in self.tmp.items():
                f = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed in close())
                writer = csv.DictWriter(f, fieldnames=[name for name, _ in SCHEMAS[t]])
                writer.writeheader()
                self._csv[t] = (f, writer)

    def add(self, record: DocumentRecord) -> None:
        for t, rows in flat_tables(record).items():
            self._extend(t, rows)

    def add_error(self, name: str, code: str | None, message: str | None) -> None:
        self._extend("errors", [error_row(name, code, message)])

    def _extend(self, table: str, rows: list[dict]) -> None:
        if self.fmt == "csv":
            self._csv[table][1].writerows(rows)
            return
        self.buffers[table].extend(rows)
        if len(self.buffers[table]) >= self.FLUSH_ROWS:
            self._flush(table)

    def _flush(self, table: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = arrow_schema(table)
        if table not in self._parquet:
            self._parquet[table] = pq.ParquetWriter(self.tmp[table], schema)
        self._parquet[table].write_table(pa.Table.from_pylist(self.buffers[table], schema=schema))
        self.buffers[table] = []

    def close(self) -> list[Path]:
        """Finish every table and move it into place; the paths written."""
        done = []
        for t in SCHEMAS:
            if self.fmt == "csv":
                self._csv[t][0].close()
            else:
                if self.buffers[t] or t not in self._parquet:
                    self._flush(t)
                self._parquet[t].close()
            final = self.folder / f"{t}.{self.fmt}"
            os.replace(self.tmp[t], final)
            done.append(final)
        return done
