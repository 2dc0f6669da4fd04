"""A table project's funds that its report's prose states: the figures a lone table leaves blank."""

from __future__ import annotations

from jixiao.pipelines.parsed import ParsedProject, Span
from jixiao.pipelines.prose import ProseParser
from jixiao.pipelines.prose_view import Unwrapped

FUNDS_FIELDS = ("initial", "annual", "executed", "rate")
# two statements of one amount agree within this many yuan (contract section 3)
AMOUNT_TOLERANCE = 0.5


def fill_lone_funds(text: str, tables: list[ParsedProject]) -> None:
    """A document of one table project whose funds lack some figures: those its prose states as labeled amounts
    (年初预算数：180.00 under 单位：万元), where the figures both give agree (the same report, read twice)."""
    if len(tables) != 1:
        return
    funds = tables[0].funds
    missing = [f for f in FUNDS_FIELDS[:3] if getattr(funds, f) is None]
    if not missing:
        return
    found, factors = ProseParser()._amounts(text, Unwrapped.of(text), 0, len(text))
    both = [f for f in FUNDS_FIELDS[:3] if getattr(funds, f) is not None and f in found]
    if not both or any(abs(_yuan(getattr(funds, f).text, funds.factor) - _yuan(found[f].text, factors[f]))
                       > AMOUNT_TOLERANCE for f in both):
        return
    for f in missing:
        if f in found:
            value = _yuan(found[f].text, factors[f]) / funds.factor
            setattr(funds, f, Span(text=repr(value), start=found[f].start, end=found[f].end))


def _yuan(figure: str, factor: float) -> float:
    return float(figure.replace(",", "")) * factor
