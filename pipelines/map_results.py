"""What a lookup answers: the entry (or none), its score and method, the runners-up; a level heading's match."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import TypeAdapter

from jixiao.pipelines.taxonomy import Entry
from jixiao.record import Canonical, Check

MapKind = Literal["indicator", "function", "economic", "level1", "level2"]
Method = Literal["exact", "alias", "head", "fuzzy", "code", "unmatched"]


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    name: str
    score: float
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class MatchResult:
    """The answer to one lookup: the entry (or none), its score and method, and the runners-up."""

    query: str
    kind: str
    entry: Entry | None
    score: float
    method: Method
    candidates: tuple[Candidate, ...] = ()
    ambiguous: bool = False
    disagreement: str | None = None
    level: str | None = None  # resolve(): the level the text was read at (1, 2, 3)
    framework: str | None = None  # resolve(): the framework of the answer (target = the project tables' one)

    @property
    def matched(self) -> bool:
        return self.entry is not None

    def canonical(self) -> Canonical:
        """The record's ``Canonical``; an unmatched name gives ``id=""``, ``name=""``, method ``unmatched``."""
        if self.entry is None:
            return Canonical(id="", name="", score=round(self.score, 1), method="unmatched")
        return Canonical(id=self.entry.id, name=self.entry.name, score=round(self.score, 1), method=self.method)

    def to_dict(self) -> dict:
        return _RESULT_ADAPTER.dump_python(self, mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return _RESULT_ADAPTER.dump_json(self, indent=indent).decode("utf-8")


_RESULT_ADAPTER: TypeAdapter[MatchResult] = TypeAdapter(MatchResult)


@dataclass(frozen=True, slots=True)
class LevelMatch:
    """A printed level-1/level-2 heading matched onto the framework: canonical name, how, how closely.

    ``name`` and ``method`` are None when the heading is not a canonical category (no match, or its
    closest form is a reject anchor such as 项目决策 or 一级指标).
    """

    name: str | None
    method: Literal["exact", "alias", "fuzzy"] | None
    score: float

    @property
    def matched(self) -> bool:
        return self.name is not None


def budget_line_check(result: MatchResult, field: str | None = None) -> Check | None:
    """A ``Check`` for a budget line whose printed code and name disagree (the code is kept)."""
    if result.disagreement is None:
        return None
    return Check(code=f"taxonomy.{result.kind}_code_name_mismatch", message=result.disagreement,
                 severity="warning", field=field)
