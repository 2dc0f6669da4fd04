"""Level-1/level-2 heading space: the framework's heading cores, exact and fuzzy, with reject anchors."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process

from jixiao.pipelines.indicator_names import SUFFIX, heading_core
from jixiao.pipelines.map_results import Method
from jixiao.pipelines.taxonomy import Entry, Taxonomy

# Level-1/level-2 headings: short strings, compared with the suffix 指标 normalised.
HEADING_THRESHOLD = 70.0


class Heading(BaseModel):
    """A surface form in level-1/level-2 space: a canonical entry, or ``None`` for a reject anchor."""

    model_config = ConfigDict(frozen=True)

    core: str
    entry: Entry | None
    method: Method


class HeadingSpace:
    """Exact and fuzzy lookup of heading cores; ties go to the earlier-registered (canonical) form."""

    def __init__(self, forms: Iterable[Heading]):
        self.by_core: dict[str, Heading] = {}
        for f in forms:
            self.by_core.setdefault(f.core, f)
        self.cores = list(self.by_core)
        # compared with the suffix put back: two-character cores differ by 50 points per character
        self.full = [c + SUFFIX for c in self.cores]

    def lookup(self, core: str) -> tuple[Heading | None, float]:
        if not core:
            return None, 0.0
        hit = self.by_core.get(core)
        if hit is not None:
            return hit, 100.0
        top = process.extract(core + SUFFIX, self.full, scorer=fuzz.ratio, limit=2, score_cutoff=HEADING_THRESHOLD)
        if not top:
            return None, 0.0
        form = self.by_core[self.cores[top[0][2]]]
        if len(top) > 1 and top[1][1] == top[0][1] and self.by_core[self.cores[top[1][2]]].entry != form.entry:
            # equally close to two different headings (贡量 = 数量 or 质量?): refuse to guess
            return None, top[0][1]
        return Heading(core=form.core, entry=form.entry, method="fuzzy"), top[0][1]


def heading_space(tax: Taxonomy, level: str) -> HeadingSpace:
    """The level-1 or level-2 heading space of a taxonomy: its canonical names and aliases, and reject anchors."""
    forms: list[Heading] = []
    canon = [e for e in tax.of_kind("indicator", level) if e.family == "A"]
    forms += [Heading(core=heading_core(e.name), entry=e, method="exact") for e in canon]
    forms += [Heading(core=heading_core(a.printed), entry=tax.by_id[a.target], method="alias")
              for a in tax.aliases_of("level" + level)]
    # reject anchors: the other level's canonical names, other frameworks, table headers
    other = "2" if level == "1" else "1"
    forms += [Heading(core=heading_core(e.name), entry=None, method="unmatched")
              for e in tax.of_kind("indicator", other) if e.family == "A"]
    forms += [Heading(core=heading_core(a.printed), entry=None, method="unmatched")
              for a in tax.aliases_of("level" + other)]
    forms += [Heading(core=heading_core(e.name), entry=None, method="unmatched")
              for e in tax.entries if e.kind == "indicator" and e.family != "A" and e.level in ("1", "2")]
    forms += [Heading(core=heading_core(h), entry=None, method="unmatched") for h in tax.non_indicator_headings]
    return HeadingSpace(forms)
