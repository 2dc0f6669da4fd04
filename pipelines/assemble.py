"""Assemble stage: parsed spans -> contract records (numbers in yuan, provenance into the original text).

Strings are emitted as printed: the original characters behind a span (whitespace removed), not
the NFKC-folded text the parsers read, so ``（``, full-width digits and OCR slips stay as they are
(the contract compares after NFKC). Numbers are parsed from the normalized text.
"""

from __future__ import annotations

from jixiao.pipelines.normalize import NormalizedText, squeeze
from jixiao.pipelines.printed_numbers import parse_amount, parse_number
from jixiao.pipelines.parsed import ParsedIndicator, ParsedProject, Span
from jixiao.pipelines.vocab import record_grade
from jixiao.record import Funds, Indicator, Project, Provenance


# a rate without % at most 1 is read as a fraction when executed / budget agrees with it this closely
RATE_FRACTION_TOLERANCE = 0.0005


class Assembler:
    """Turns ``ParsedProject``s into ``Project``s for one normalized document."""

    def __init__(self, norm: NormalizedText):
        self.norm = norm

    def prov(self, span: Span | None, source: str) -> Provenance | None:
        if span is None:
            return None
        start, end = self.norm.span(span.start, span.end)
        return Provenance(start=start, end=end, source=source)

    def exact(self, span: Span | None) -> Span | None:
        """The span narrowed to exactly its value (a cut code, label or dash left out)."""
        if span is None:
            return None
        got = self.norm.narrow(span.start, span.end, squeeze(span.text))
        if got is None:
            return span
        return Span(text=span.text, start=got[0], end=got[1])

    def _text(self, span: Span | None) -> str | None:
        """The value as printed: original characters, whitespace removed."""
        if span is None:
            return None
        value = squeeze(span.text)
        got = self.norm.narrow(span.start, span.end, value)
        t = self.norm.printed(*got) if got is not None else value
        return t or None

    def _number(self, span: Span | None, factor: float = 1.0) -> float | None:
        v = parse_number(span.text) if span is not None else None
        return None if v is None else round(v * factor, 6)

    def _amount(self, span: Span | None, factor: float) -> float | None:
        v = parse_amount(span.text) if span is not None else None
        return None if v is None else round(v * factor, 6)

    def indicator(self, p: ParsedIndicator, source: str) -> Indicator:
        parts = [self.exact(s) for s in p.target]
        target = "".join(self._text(s) or "" for s in p.target) or None
        name = self.exact(p.name)
        ind = Indicator(
            level1=p.level1,
            level2=p.level2,
            name=self._text(p.name) or squeeze(p.name.text),
            target=target,
            actual=self._text(p.actual),
            weight=self._number(p.weight),
            score=self._number(p.score),
        )
        prov = ind.provenance
        for field, span in (("name", name), ("actual", self.exact(p.actual)), ("weight", p.weight), ("score", p.score),
                            ("level1", p.level1_span), ("level2", p.level2_span)):
            pv = self.prov(span, source)
            if pv is not None:
                prov[field] = pv
        if parts:
            first, last = parts[0], parts[-1]
            prov["target"] = self.prov(Span(text="", start=first.start, end=last.end), source)
            if len(parts) > 1:
                # separate operator/value/unit columns: each part, for span-level training labels
                for k, part in enumerate(parts):
                    prov[f"target.part{k}"] = self.prov(part, source)
        if p.initial_target is not None:
            prov["initial_target"] = self.prov(p.initial_target, source)
        return ind

    def project(self, p: ParsedProject) -> Project:
        src = p.source
        f = p.funds
        funds = Funds(
            initial_budget=self._amount(f.initial, f.factor),
            annual_budget=self._amount(f.annual, f.factor),
            executed=self._amount(f.executed, f.factor),
            execution_rate=self._number(f.rate),
        )
        fraction = f.rate is not None and "%" not in f.rate.text
        # the budget the rate divides by: 全年预算数, or a lone 年初预算数(A) where that is the only one printed
        budget = funds.annual_budget or (funds.initial_budget if funds.annual_budget is None else None)
        if fraction and funds.execution_rate is not None and funds.execution_rate <= 1 and budget and funds.executed:
            # a rate printed as a fraction (0.958): it is the executed share of the budget, in percent
            share = funds.executed / budget
            if abs(share - funds.execution_rate) <= RATE_FRACTION_TOLERANCE:
                funds.execution_rate = round(funds.execution_rate * 100, 6)
        # a grade is a category: 優 on a mirror page is 优 in the normalized text
        grade = (record_grade(self._text(p.grade) or "") or record_grade(squeeze(p.grade.text))) if p.grade else None
        proj = Project(
            name=self._text(p.name) or squeeze(p.name.text),
            code=self._text(p.code),
            department=self._text(p.department),
            implementer=self._text(p.implementer),
            funds=funds,
            score=self._number(p.score),
            grade=grade,
            indicators=[self.indicator(i, src) for i in p.indicators],
        )
        prov = proj.provenance
        for field, span in (("name", self.exact(p.name)), ("code", self.exact(p.code)), ("department", self.exact(p.department)),
                            ("implementer", self.exact(p.implementer)),
                            ("funds.initial_budget", f.initial), ("funds.annual_budget", f.annual),
                            ("funds.executed", f.executed), ("funds.execution_rate", f.rate),
                            ("score", p.score), ("grade", self.exact(p.grade) if proj.grade else None)):
            pv = self.prov(span, src)
            if pv is not None:
                prov[field] = pv
        pv = self.prov(Span(text="", start=p.start, end=max(p.start, p.end)), src)
        if pv is not None:
            prov["project"] = pv
        return proj
