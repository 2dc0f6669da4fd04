"""Span-level scores for the token classifier.

Two views of the same predictions: seqeval in strict IOB2 mode (an entity
counts only with its exact boundaries and type), and the four partial-credit
schemas of SemEval-2013 task 9.1 as popularised by nervaluate (strict, exact,
partial, type). nervaluate is not a dependency, so its counting is written
out here (``overlap_scores``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field

from jixiao.extras import require

Tags = Sequence[str]


class Span(BaseModel):
    label: str
    start: int
    end: int = Field(description="exclusive")


SCHEMAS = ("strict", "exact", "partial", "type")


class SchemaCounts(BaseModel):
    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0

    @property
    def possible(self) -> int:
        return self.correct + self.incorrect + self.partial + self.missed

    @property
    def actual(self) -> int:
        return self.correct + self.incorrect + self.partial + self.spurious

    def scores(self, schema: str) -> dict[str, float]:
        # Partial credit counts half only where the schema grants it.
        hit = self.correct + (0.5 * self.partial if schema == "partial" else 0.0)
        p = hit / self.actual if self.actual else 0.0
        r = hit / self.possible if self.possible else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f}


def _as_spans(item: Any) -> Span:
    if isinstance(item, Span):
        return item
    if isinstance(item, BaseModel):  # e.g. jixiao.pipelines.tag.EntitySpan
        return Span(label=item.label, start=item.start, end=item.end)
    if isinstance(item, dict):
        return Span(label=item["label"], start=item["start"], end=item["end"])
    label, start, end = item
    return Span(label=label, start=start, end=end)


def tags_to_spans(tags: Tags) -> list[Span]:
    """Entities of one IOB2 sequence under seqeval's strict reading (an I- without its B- is no entity)."""
    scheme = require("seqeval.scheme", extra="train", purpose="Span scores (seqeval)")
    entities = scheme.Entities([list(tags)], scheme.IOB2, suffix=False).entities[0]
    return [Span(label=e.tag, start=e.start, end=e.end) for e in entities]


def spans_to_tags(spans: Sequence[Any], length: int) -> list[str]:
    tags = ["O"] * length
    for span in sorted((_as_spans(s) for s in spans), key=lambda s: (s.start, s.end)):
        if span.end <= span.start or span.end > length:
            raise ValueError(f"span {span} does not fit a sequence of length {length}")
        if any(t != "O" for t in tags[span.start:span.end]):
            raise ValueError(f"span {span} overlaps another span; IOB2 cannot encode it")
        tags[span.start] = f"B-{span.label}"
        for i in range(span.start + 1, span.end):
            tags[i] = f"I-{span.label}"
    return tags


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def overlap_scores(gold: Sequence[Sequence[Any]], pred: Sequence[Sequence[Any]]) -> dict[str, Any]:
    """SemEval-2013 counts per schema, overall and per entity type, over documents of spans."""
    labels = sorted({_as_spans(s).label for doc in (*gold, *pred) for s in doc})
    overall = {schema: SchemaCounts() for schema in SCHEMAS}
    by_type = {label: {schema: SchemaCounts() for schema in SCHEMAS} for label in labels}

    def add(schema: str, outcome: str, label: str) -> None:
        setattr(overall[schema], outcome, getattr(overall[schema], outcome) + 1)
        setattr(by_type[label][schema], outcome, getattr(by_type[label][schema], outcome) + 1)

    for gold_doc, pred_doc in zip(gold, pred, strict=True):
        g_spans = [_as_spans(s) for s in gold_doc]
        matched: set[int] = set()
        for p in (_as_spans(s) for s in pred_doc):
            exact = [i for i, g in enumerate(g_spans) if (g.start, g.end) == (p.start, p.end)]
            overlapping = [i for i, g in enumerate(g_spans) if _overlaps(g, p)]
            if not overlapping:
                for schema in SCHEMAS:
                    add(schema, "spurious", p.label)
                continue
            # Prefer an exact-boundary gold span, else the one sharing most characters.
            best = exact[0] if exact else max(
                overlapping, key=lambda i: (min(g_spans[i].end, p.end) - max(g_spans[i].start, p.start), -i)
            )
            g = g_spans[best]
            matched.update(overlapping)
            same_type, same_bounds = g.label == p.label, (g.start, g.end) == (p.start, p.end)
            # Per-type counts go to the gold type, as nervaluate does.
            add("strict", "correct" if same_type and same_bounds else "incorrect", g.label)
            add("exact", "correct" if same_bounds else "incorrect", g.label)
            add("partial", "correct" if same_bounds else "partial", g.label)
            add("type", "correct" if same_type else "incorrect", g.label)
        for i, g in enumerate(g_spans):
            if i not in matched:
                for schema in SCHEMAS:
                    add(schema, "missed", g.label)

    def table(counts: dict[str, SchemaCounts]) -> dict[str, Any]:
        return {schema: {**c.model_dump(), "possible": c.possible, "actual": c.actual, **c.scores(schema)}
                for schema, c in counts.items()}

    return {"overall": table(overall), "by_type": {label: table(c) for label, c in by_type.items()}}


def seqeval_scores(gold_tags: Sequence[Tags], pred_tags: Sequence[Tags]) -> dict[str, Any]:
    """seqeval's classification report in strict IOB2 mode, as plain floats."""
    metrics = require("seqeval.metrics", extra="train", purpose="Span scores (seqeval)")
    scheme = require("seqeval.scheme", extra="train", purpose="Span scores (seqeval)")
    report = metrics.classification_report(
        [list(t) for t in gold_tags], [list(t) for t in pred_tags], mode="strict", scheme=scheme.IOB2,
        output_dict=True, zero_division=0,
    )
    return {label: {k: float(v) if k != "support" else int(v) for k, v in row.items()} for label, row in report.items()}


def span_report(gold: Sequence[Sequence[Any]], pred: Sequence[Sequence[Any]], *,
                lengths: Sequence[int] | None = None) -> dict[str, Any]:
    """Both views for documents given as tag sequences or as span lists (spans need ``lengths``).

    ``gold`` and ``pred`` hold one item per document: either a list of IOB2
    tags or a list of spans ((label, start, end), dicts, ``Span`` or
    ``EntitySpan``, end exclusive).
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold documents but {len(pred)} predicted")

    def is_tags(doc: Sequence[Any]) -> bool:
        return all(isinstance(t, str) for t in doc)

    def as_tags(docs: Sequence[Sequence[Any]]) -> list[list[str]]:
        if all(is_tags(d) for d in docs):
            return [list(d) for d in docs]
        if lengths is None:
            raise ValueError("span lists need `lengths` (one text length per document) to build tag sequences")
        return [list(d) if is_tags(d) else spans_to_tags(d, n) for d, n in zip(docs, lengths, strict=True)]

    gold_tags, pred_tags = as_tags(gold), as_tags(pred)
    for i, (g, p) in enumerate(zip(gold_tags, pred_tags)):
        if len(g) != len(p):
            raise ValueError(f"document {i}: {len(g)} gold tags but {len(p)} predicted")
    return {
        "seqeval": seqeval_scores(gold_tags, pred_tags),
        "overlap": overlap_scores([tags_to_spans(t) for t in gold_tags], [tags_to_spans(t) for t in pred_tags]),
    }
