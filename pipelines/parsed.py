"""What the parsers hand to ``assemble``: printed text spans per field, not yet typed.

Offsets index the *normalized* text (``NormalizedText``); ``assemble`` turns
them into original offsets, numbers and canonical categories. The table,
prose and collapsed-text parsers (and a tagger adapter) all produce these.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel, Field

from jixiao.record import YUAN_PER_WAN


class Span(BaseModel):
    text: str
    start: int
    end: int

    @classmethod
    def of(cls, m: re.Match[str], group: int | str = 0) -> Span:
        """The text a match's group holds, at its offsets."""
        return cls(text=m.group(group), start=m.start(group), end=m.end(group))


class ParsedIndicator(BaseModel):
    level1: str | None = Field(default=None, description="canonical level-1")
    level2: str | None = Field(default=None, description="canonical level-2")
    level1_span: Span | None = None
    level2_span: Span | None = None
    name: Span
    target: list[Span] = Field(default_factory=list, description="one span, or operator/value/unit parts")
    initial_target: Span | None = None
    actual: Span | None = None
    weight: Span | None = None
    score: Span | None = None
    # a completion verdict printed where the actual stands (达成预期指标 under no score columns): no actual, but a
    # cell the row filled (a row cut short by the end of the text fills fewer)
    verdict: Span | None = None
    method: str = Field(default="positional", description="how the row's cells were assigned")


class ParsedFunds(BaseModel):
    factor: float = Field(default=YUAN_PER_WAN, description="multiplier to yuan")
    initial: Span | None = None
    annual: Span | None = None
    executed: Span | None = None
    rate: Span | None = None
    weight: Span | None = None
    score: Span | None = None
    parts: list[dict[str, Span]] = Field(default_factory=list, description="其中 rows, by field")


class ParsedProject(BaseModel):
    source: str = "table"
    start: int = 0
    end: int = 0
    name: Span
    code: Span | None = None
    department: Span | None = None
    implementer: Span | None = None
    funds: ParsedFunds = Field(default_factory=ParsedFunds)
    score: Span | None = None
    score_weight: Span | None = None
    grade: Span | None = None
    indicators: list[ParsedIndicator] = Field(default_factory=list)
    # the reader saw the project's indicator table from its header to its close and it prints no row:
    # no rows is then what the table says, not something the reader missed
    prints_no_rows: bool = False
    notes: list[str] = Field(default_factory=list)


def fact_count(projects: list[ParsedProject], *, row: Callable[[ParsedIndicator], bool] = lambda i: True,
               cell: Callable[[str], bool] = lambda text: True) -> int:
    """Values a reading found: fields, funds and the indicator rows' names and cells (only the rows and cell texts
    ``row`` and ``cell`` keep)."""
    n = 0
    for p in projects:
        n += sum(x is not None for x in (p.department, p.implementer, p.score, p.funds.annual, p.funds.executed))
        for i in p.indicators:
            if row(i):
                n += 1 + sum(cell(t.text) for t in i.target)
                n += sum(x is not None and cell(x.text) for x in (i.actual, i.weight, i.score))
    return n
