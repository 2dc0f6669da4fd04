"""The record contract of ``shared/spec/records.md`` as pydantic models.

Gold labels, ``jixiao extract`` output, the HTTP API and the evaluation
harness all read and write these. Fields beyond the contract (provenance,
confidence, canonical mappings, checks) are extras the contract allows.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Provenance(BaseModel):
    """Where a value came from: character offsets into the ingested text, plus layout when known."""

    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=0, description="offset of the first character in Document.text")
    end: int = Field(ge=0, description="offset one past the last character")
    page: int | None = Field(default=None, description="1-based page, for paged sources")
    table: int | None = Field(default=None, description="index of the table in the document")
    row: int | None = None
    col: int | None = None
    bbox: tuple[float, float, float, float] | None = Field(default=None, description="x0, y0, x1, y1 in page points")
    source: str | None = Field(default=None, description="which stage produced the value: table, tagger, prose …")


class Canonical(BaseModel):
    """The taxonomy entry a printed name was mapped to."""

    id: str
    name: str
    score: float
    method: str = Field(description="exact | alias | fuzzy | code | unmatched")


class Check(BaseModel):
    """A consistency finding: numbers that disagree, a code/name mismatch …"""

    code: str = Field(description="stable identifier, e.g. funds.rate_mismatch")
    message: str
    severity: str = "warning"
    field: str | None = None


class Indicator(BaseModel):
    level1: str | None = None
    level2: str | None = None
    name: str
    target: str | None = None
    actual: str | None = None
    weight: float | None = None
    score: float | None = None
    # extras
    canonical: Canonical | None = None
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    confidence: dict[str, float] = Field(default_factory=dict)


class Funds(BaseModel):
    initial_budget: float | None = None
    annual_budget: float | None = None
    executed: float | None = None
    execution_rate: float | None = None


class Project(BaseModel):
    name: str
    code: str | None = None
    department: str | None = None
    implementer: str | None = None
    funds: Funds = Field(default_factory=Funds)
    score: float | None = None
    grade: str | None = None
    indicators: list[Indicator] = Field(default_factory=list)
    # extras
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    confidence: dict[str, float] = Field(default_factory=dict)
    checks: list[Check] = Field(default_factory=list)


class DocumentRecord(BaseModel):
    """One document's record: section 1 of the contract."""

    doc_id: str
    source: str | None = None
    projects: list[Project] = Field(default_factory=list)
    # extras
    checks: list[Check] = Field(default_factory=list)
    meta: dict[str, object] = Field(default_factory=dict, description="encoding, format, timings …")
