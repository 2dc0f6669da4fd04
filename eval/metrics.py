"""Section 4 of the record contract: pairing, P/R/F1, field accuracy and record F1 over atomic facts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, Field

from jixiao.eval.match import pair_names
from jixiao.eval.normalize import is_null, normalize_text, values_equal
from jixiao.record import DocumentRecord, Indicator, Project

PROJECT_FIELDS = (
    "code",
    "department",
    "implementer",
    "funds.initial_budget",
    "funds.annual_budget",
    "funds.executed",
    "funds.execution_rate",
    "score",
    "grade",
)
INDICATOR_FIELDS = (
    "indicator.level1",
    "indicator.level2",
    "indicator.target",
    "indicator.actual",
    "indicator.weight",
    "indicator.score",
)
ALL_FIELDS = PROJECT_FIELDS + INDICATOR_FIELDS

Value = str | float | None


class Counts(BaseModel):
    """right / predicted / gold, the numerators and denominators of a P/R/F1."""

    right: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(right=self.right + other.right, predicted=self.predicted + other.predicted, gold=self.gold + other.gold)

    @property
    def precision(self) -> float:
        if self.predicted == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.right / self.predicted

    @property
    def recall(self) -> float:
        if self.gold == 0:
            return 1.0 if self.predicted == 0 else 0.0
        return self.right / self.gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def scores(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


class Tally(BaseModel):
    correct: int = 0
    total: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(correct=self.correct + other.correct, total=self.total + other.total)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


class Offsets(BaseModel):
    start: int
    end: int
    page: int | None = None
    source: str | None = None


class FactError(BaseModel):
    """One fact the prediction got wrong, gold beside predicted."""

    kind: Literal["missed", "spurious", "wrong"]
    field: str = Field(description="'name' for a project or indicator name fact, else a field path")
    project: str = Field(description="the gold project's name (the predicted one's for spurious facts)")
    indicator: str | None = None
    level2: str | None = None
    gold: Value = None
    pred: Value = None
    pred_project: str | None = None
    pred_indicator: str | None = None
    provenance: Offsets | None = Field(default=None, description="offsets of the predicted value in the text")
    context: tuple[str, str, str] | None = Field(default=None, description="text before, at and after the predicted value's offsets")
    key: str = Field(description="stable identity of the fact across runs (for compare)")


class Summary(BaseModel):
    """Counts from which every metric is derived; summing two summaries pools their documents."""

    projects: Counts = Field(default_factory=Counts)
    indicators: Counts = Field(default_factory=Counts)
    facts: Counts = Field(default_factory=Counts)
    fields: dict[str, Tally] = Field(default_factory=lambda: {f: Tally() for f in ALL_FIELDS})

    def __add__(self, other: "Summary") -> "Summary":
        return Summary(
            projects=self.projects + other.projects,
            indicators=self.indicators + other.indicators,
            facts=self.facts + other.facts,
            fields={f: self.fields.get(f, Tally()) + other.fields.get(f, Tally()) for f in ALL_FIELDS},
        )

    @property
    def field_accuracy(self) -> float | None:
        pooled = sum(self.fields.values(), Tally())
        return pooled.accuracy

    def metrics(self) -> dict[str, object]:
        """The four headline numbers, with per-field accuracies."""
        return {
            "project": self.projects.scores(),
            "indicator": self.indicators.scores(),
            "field_accuracy": self.field_accuracy,
            "fields": {f: t.accuracy for f, t in self.fields.items()},
            "record": self.facts.scores(),
        }


def get_field(obj: Project | Indicator, field: str) -> Value:
    path = field.removeprefix("indicator.")
    if path.startswith("funds."):
        return getattr(obj.funds, path.removeprefix("funds."))
    return getattr(obj, path)


def _offsets(obj: Project | Indicator | None, field: str) -> Offsets | None:
    if obj is None:
        return None
    bare = field.removeprefix("indicator.")
    for key in (field, bare, bare.removeprefix("funds.")):
        prov = obj.provenance.get(key)
        if prov is not None:
            return Offsets(start=prov.start, end=prov.end, page=prov.page, source=prov.source)
    return None


def _indicator_keys(indicators: list[Indicator]) -> list[str]:
    """`level2/name#k`: the k-th indicator with that level2 and normalized name in its project."""
    seen: Counter[tuple[str, str]] = Counter()
    keys = []
    for ind in indicators:
        ident = (normalize_text(ind.level2) or "-", normalize_text(ind.name) or "-")
        keys.append(f"{ident[0]}/{ident[1]}#{seen[ident]}")
        seen[ident] += 1
    return keys


def _project_keys(projects: list[Project]) -> list[str]:
    seen: Counter[str] = Counter()
    keys = []
    for proj in projects:
        name = normalize_text(proj.name) or "-"
        keys.append(f"{name}#{seen[name]}")
        seen[name] += 1
    return keys


class _Scorer:
    """Scores one document; holds its running counts and error list."""

    def __init__(self, text: str | None):
        self.text = text
        self.summary = Summary()
        self.errors: list[FactError] = []

    def _context(self, offsets: Offsets | None) -> tuple[str, str, str] | None:
        if self.text is None or offsets is None or offsets.end > len(self.text) or offsets.start > offsets.end:
            return None
        t, a, b = self.text, offsets.start, offsets.end
        return t[max(0, a - 30): a], t[a:b], t[b: b + 30]

    def _error(self, **kw) -> None:
        err = FactError(**kw)
        err.context = self._context(err.provenance)
        self.errors.append(err)

    def _fact(
        self,
        field: str,
        gold_obj: Project | Indicator | None,
        pred_obj: Project | Indicator | None,
        *,
        project: str,
        pred_project: str | None,
        key: str,
        indicator: str | None = None,
        pred_indicator: str | None = None,
        level2: str | None = None,
    ) -> None:
        """Count one field of a (possibly one-sided) pair as facts, and as field accuracy when paired."""
        gv = get_field(gold_obj, field) if gold_obj is not None else None
        pv = get_field(pred_obj, field) if pred_obj is not None else None
        has_gold, has_pred = gold_obj is not None and not is_null(field, gv), pred_obj is not None and not is_null(field, pv)
        right = has_gold and has_pred and values_equal(field, gv, pv)
        facts = self.summary.facts
        facts.gold += has_gold
        facts.predicted += has_pred
        facts.right += right
        if gold_obj is not None and pred_obj is not None and has_gold:
            tally = self.summary.fields[field]
            tally.total += 1
            tally.correct += right
        if right or not (has_gold or has_pred):
            return
        kind = "wrong" if has_gold and has_pred else ("missed" if has_gold else "spurious")
        self._error(
            kind=kind, field=field, project=project, indicator=indicator, level2=level2,
            gold=gv if has_gold else None, pred=pv if has_pred else None,
            pred_project=pred_project, pred_indicator=pred_indicator,
            provenance=_offsets(pred_obj, field) if has_pred else None,
            key=key + "|" + field,
        )

    def _name_fact(self, kind: str | None, *, project: str, key: str, gold: str | None, pred: str | None,
                   pred_obj: Project | Indicator | None, indicator: str | None = None, level2: str | None = None,
                   pred_project: str | None = None, pred_indicator: str | None = None) -> None:
        facts = self.summary.facts
        facts.gold += gold is not None
        facts.predicted += pred is not None
        if kind is None:  # paired: the pairing is the name's test
            facts.right += 1
            return
        self._error(kind=kind, field="name", project=project, indicator=indicator, level2=level2, gold=gold, pred=pred,
                    pred_project=pred_project, pred_indicator=pred_indicator,
                    provenance=_offsets(pred_obj, "name") if pred is not None else None, key=key + "|name")

    def _one_sided_project(self, proj: Project, key: str, side: str) -> None:
        gold_side = side == "gold"
        kind = "missed" if gold_side else "spurious"
        pname = proj.name
        self._name_fact(kind, project=pname, key=f"{side}:{key}", gold=pname if gold_side else None,
                        pred=None if gold_side else pname, pred_obj=None if gold_side else proj,
                        pred_project=None if gold_side else pname)
        for field in PROJECT_FIELDS:
            self._fact(field, proj if gold_side else None, None if gold_side else proj, project=pname,
                       pred_project=None if gold_side else pname, key=f"{side}:{key}")
        for ind, ikey in zip(proj.indicators, _indicator_keys(proj.indicators)):
            self._one_sided_indicator(proj, ind, f"{side}:{key}|{ikey}", side, pred_project=None if gold_side else pname)
        if gold_side:
            self.summary.indicators.gold += len(proj.indicators)
        else:
            self.summary.indicators.predicted += len(proj.indicators)

    def _one_sided_indicator(self, proj: Project, ind: Indicator, key: str, side: str, pred_project: str | None) -> None:
        gold_side = side == "gold"
        self._name_fact("missed" if gold_side else "spurious", project=proj.name, key=key,
                        gold=ind.name if gold_side else None, pred=None if gold_side else ind.name,
                        pred_obj=None if gold_side else ind, indicator=ind.name, level2=ind.level2,
                        pred_project=pred_project, pred_indicator=None if gold_side else ind.name)
        for field in INDICATOR_FIELDS:
            self._fact(field, ind if gold_side else None, None if gold_side else ind, project=proj.name,
                       pred_project=pred_project, key=key, indicator=ind.name,
                       pred_indicator=None if gold_side else ind.name, level2=ind.level2)

    def score(self, gold: DocumentRecord, pred: DocumentRecord) -> None:
        s = self.summary
        pairs = pair_names([p.name for p in gold.projects], [p.name for p in pred.projects])
        s.projects += Counts(right=len(pairs), predicted=len(pred.projects), gold=len(gold.projects))
        gkeys, pkeys = _project_keys(gold.projects), _project_keys(pred.projects)
        paired_g, paired_p = {p.gold for p in pairs}, {p.pred for p in pairs}
        for gi, proj in enumerate(gold.projects):
            if gi not in paired_g:
                self._one_sided_project(proj, gkeys[gi], "gold")
        for pj, proj in enumerate(pred.projects):
            if pj not in paired_p:
                self._one_sided_project(proj, pkeys[pj], "pred")
        for pair in pairs:
            self._score_project(gold.projects[pair.gold], pred.projects[pair.pred], f"gold:{gkeys[pair.gold]}")

    def _score_project(self, g: Project, p: Project, key: str) -> None:
        s = self.summary
        self._name_fact(None, project=g.name, key=key, gold=g.name, pred=p.name, pred_obj=p)
        for field in PROJECT_FIELDS:
            self._fact(field, g, p, project=g.name, pred_project=p.name, key=key)
        pairs = pair_names(
            [i.name for i in g.indicators], [i.name for i in p.indicators],
            gold_level2=[i.level2 for i in g.indicators], pred_level2=[i.level2 for i in p.indicators],
        )
        s.indicators += Counts(right=len(pairs), predicted=len(p.indicators), gold=len(g.indicators))
        gkeys, pkeys = _indicator_keys(g.indicators), _indicator_keys(p.indicators)
        paired_g, paired_p = {x.gold for x in pairs}, {x.pred for x in pairs}
        for gi, ind in enumerate(g.indicators):
            if gi not in paired_g:
                self._one_sided_indicator(g, ind, f"{key}|{gkeys[gi]}", "gold", pred_project=p.name)
        for pj, ind in enumerate(p.indicators):
            if pj not in paired_p:
                self._one_sided_indicator(g, ind, f"{key}|pred:{pkeys[pj]}", "pred", pred_project=p.name)
        for pair in pairs:
            gi_, pi_ = g.indicators[pair.gold], p.indicators[pair.pred]
            ikey = f"{key}|{gkeys[pair.gold]}"
            self._name_fact(None, project=g.name, key=ikey, gold=gi_.name, pred=pi_.name, pred_obj=pi_)
            for field in INDICATOR_FIELDS:
                self._fact(field, gi_, pi_, project=g.name, pred_project=p.name, key=ikey, indicator=gi_.name,
                           pred_indicator=pi_.name, level2=gi_.level2)


class DocumentScore(BaseModel):
    summary: Summary
    errors: list[FactError]


def score_document(gold: DocumentRecord, pred: DocumentRecord, *, text: str | None = None) -> DocumentScore:
    """All section-4 counts and the error list of one document."""
    scorer = _Scorer(text)
    scorer.score(gold, pred)
    return DocumentScore(summary=scorer.summary, errors=scorer.errors)


def pool(summaries: Iterable[Summary]) -> Summary:
    return sum(summaries, Summary())
