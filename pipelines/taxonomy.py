"""The versioned taxonomy shipped in ``jixiao/data/taxonomy``: load, validate, query.

Three kinds of entries share one model:
- ``indicator``: the performance-indicator frameworks (level 1/2/3). Family ``A`` (产出/成本/效益/
  满意度) is the canonical one of the record contract; families ``B`` (evaluation framework) and
  ``C`` (部门整体 frameworks) are kept so that their headings can be recognised and rejected.
- ``function``: 支出功能分类科目 (类/款/项), mostly *recalled*, see SOURCES.md.
- ``economic``: 部门预算支出经济分类科目 (类/款), *confirmed*.

Printed variants live in ``aliases.csv``; each alias points at one entry id.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from jixiao.config import PACKAGE_ROOT
from jixiao.errors import JixiaoError

TAXONOMY_DIR = PACKAGE_ROOT / "data" / "taxonomy"

Kind = Literal["indicator", "function", "economic"]
AliasKind = Literal["level1", "level2", "indicator", "function", "economic"]


class TaxonomyError(JixiaoError):
    """The taxonomy data is inconsistent (duplicate id, missing parent, dangling alias) or missing."""

    code = "taxonomy.invalid"
    http_status = 500


class Entry(BaseModel):
    """One canonical entry; ``source`` and ``confidence`` say where it comes from and how sure it is."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: Kind
    level: str = Field(description="indicators: 1/2/3; classifications: 类/款/项")
    name: str
    code: str | None = None
    parent: str | None = None
    alt_parents: tuple[str, ...] = Field(default=(), description="other parents the entry is printed under")
    framework: str | None = None
    family: str | None = Field(default=None, description="indicators: A (canonical), B, C")
    budget: str | None = None
    source: str
    confidence: str
    evidence: str | None = None
    category: str | None = Field(default=None, description="level-3 indicators: 数量 / 质量 / 时效 / 成本 / 效益 / 满意度")
    measure: str | None = Field(default=None, description="level-3 indicators: count / rate / amount / duration / "
                                                           "satisfaction / qualitative")

    @property
    def canonical(self) -> bool:
        """True for entries whose names the record contract compares on (family A indicators, all codes)."""
        return self.kind != "indicator" or self.family == "A"


class Alias(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: AliasKind
    printed: str
    target: str
    source: str


class Taxonomy(BaseModel):
    """All entries and aliases of one taxonomy version; validated on construction."""

    model_config = ConfigDict(frozen=True)

    version: str
    entries: tuple[Entry, ...]
    aliases: tuple[Alias, ...]
    non_indicator_headings: tuple[str, ...] = Field(
        default=(), description="printed headings that are not level-1/level-2 indicator categories")
    look_alikes: tuple[tuple[str, str], ...] = Field(
        default=(), description="(printed, meant): characters OCR may read for a level-3 form's character, derived "
                                "from a character-shape source (look_alikes.csv; bench/make_look_alikes.py)")

    @model_validator(mode="after")
    def _check_consistency(self) -> Taxonomy:
        ids: set[str] = set()
        for e in self.entries:
            if e.id in ids:
                raise ValueError(f"duplicate taxonomy id {e.id!r}")
            ids.add(e.id)
        for e in self.entries:
            for p in (e.parent, *e.alt_parents):
                if p and p not in ids:
                    raise ValueError(f"entry {e.id!r} names a missing parent {p!r}")
        for a in self.aliases:
            if a.target not in ids:
                raise ValueError(f"alias {a.printed!r} points at a missing entry {a.target!r}")
        return self

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    @cached_property
    def children(self) -> dict[str, list[Entry]]:
        out: dict[str, list[Entry]] = defaultdict(list)
        for e in self.entries:
            for p in (e.parent, *e.alt_parents):
                if p:
                    out[p].append(e)
        return dict(out)

    def get(self, entry_id: str) -> Entry | None:
        return self.by_id.get(entry_id)

    def of_kind(self, kind: str, level: str | None = None) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind and (level is None or e.level == level)]

    def aliases_of(self, kind: str) -> list[Alias]:
        return [a for a in self.aliases if a.kind == kind]

    def by_code(self, kind: str) -> dict[str, Entry]:
        return {e.code: e for e in self.entries if e.kind == kind and e.code}

    def level1_names(self) -> list[str]:
        return [e.name for e in self.of_kind("indicator", "1") if e.family == "A"]

    def level2_names(self) -> list[str]:
        return [e.name for e in self.of_kind("indicator", "2") if e.family == "A"]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _none(value: str | None) -> str | None:
    return value or None


def read_taxonomy(directory: Path) -> Taxonomy:
    """Read and validate a taxonomy folder (``indicators.csv``, ``function_classification.csv``,
    ``economic_classification.csv``, ``aliases.csv``, ``non_indicator_headings.csv``, ``VERSION``)."""
    directory = Path(directory)
    missing = [n for n in ("VERSION", "indicators.csv", "function_classification.csv",
                           "economic_classification.csv", "aliases.csv", "non_indicator_headings.csv") if not (directory / n).is_file()]
    if missing:
        raise TaxonomyError(f"taxonomy folder {directory} lacks {', '.join(missing)}")
    try:
        return _read_validated(directory)
    except (ValidationError, KeyError) as exc:
        raise TaxonomyError(f"invalid taxonomy data: {exc}", source=str(directory)) from exc


def _read_validated(directory: Path) -> Taxonomy:
    entries: list[Entry] = []
    for r in _read_csv(directory / "indicators.csv"):
        entries.append(Entry(
            id=r["id"], kind="indicator", level=r["level"], name=r["name"], parent=_none(r["parent"]),
            alt_parents=tuple(p for p in r["alt_parents"].split(";") if p),
            framework=_none(r["framework"]), family=_none(r["family"]),
            source=r["source"], confidence=r["confidence"],
            category=_none(r.get("category")), measure=_none(r.get("measure"))))
    for kind, fname, prefix in (("function", "function_classification.csv", "fn:"),
                                ("economic", "economic_classification.csv", "ec:")):
        for r in _read_csv(directory / fname):
            entries.append(Entry(
                id=prefix + r["code"], kind=kind, level=r["level"], name=r["name"], code=r["code"],
                parent=prefix + r["parent"] if r.get("parent") else None,
                budget=_none(r.get("budget")), source=r["source"], confidence=r["confidence"],
                evidence=_none(r.get("evidence"))))
    aliases = [Alias(**r) for r in _read_csv(directory / "aliases.csv")]
    headings = tuple(r["printed"] for r in _read_csv(directory / "non_indicator_headings.csv"))
    version = (directory / "VERSION").read_text(encoding="utf-8").strip()
    # optional: a taxonomy folder without the derived table reads look-alikes from vocab.OCR_GLYPH_SLIPS only
    shapes = directory / "look_alikes.csv"
    look_alikes = tuple((r["printed"], r["meant"]) for r in _read_csv(shapes)) if shapes.is_file() else ()
    return Taxonomy(version=version, entries=tuple(entries), aliases=tuple(aliases),
                    non_indicator_headings=headings, look_alikes=look_alikes)


@lru_cache(maxsize=4)
def load_taxonomy(directory: str | None = None) -> Taxonomy:
    """The shipped taxonomy (or one in ``directory``), read once per process."""
    return read_taxonomy(Path(directory) if directory else TAXONOMY_DIR)


def jieba_dictionary(taxonomy: Taxonomy | None = None) -> list[str]:
    """Lines of a jieba user dictionary (``word freq tag``) generated from the taxonomy's names and aliases.

    Load with ``jieba.load_userdict(io.StringIO("\\n".join(lines)))`` or write them to a file.
    Frequencies are high enough that a name stays one token even inside a longer phrase.
    """
    tax = taxonomy or load_taxonomy()
    words: dict[str, str] = {}
    # jieba accepts letters only in a tag (its user-dictionary pattern is ``[a-z]+``)
    tags = {"indicator": "nzind", "function": "nzfn", "economic": "nzec"}
    for e in tax.entries:
        words.setdefault(_dict_word(e.name), tags[e.kind])
    for a in tax.aliases:
        kind = "indicator" if a.kind in ("level1", "level2", "indicator") else a.kind
        words.setdefault(_dict_word(a.printed), tags[kind])
    return [f"{w} {max(1000, 200 * len(w))} {t}" for w, t in sorted(words.items()) if len(w) >= 2]


def _dict_word(name: str) -> str:
    # jieba's dictionary format is space separated: a word cannot hold whitespace
    return "".join(name.split())
