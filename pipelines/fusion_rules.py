"""The fusion rules: one frozen, typed object, passed to ``fuse`` (the ``Extractor`` holds one).

The values are the shipped ones; how each was chosen, and the options validation rejected, are in
``docs/decisions/fusion.md``. A study of another value builds its own object
(``dataclasses.replace(FUSION_RULES, fill_min=0.85)``) and passes it in; nothing rewrites a module.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FusionRules:
    """How the table parser's record and the tagger's are combined, field by field."""

    # a blank is filled from the other path only at this confidence or more (validation round 6)
    fill_min: float = 0.89
    # confidence of a value both paths read alike
    agree: float = 0.97
    # confidence of a parser value: above any tagger value (span probability x 0.9 <= 0.9)
    parser_only: float = 0.95
    # the winner's confidence is multiplied by this when the paths disagree
    disagree: float = 0.7
    # confidence of a value that carries none (and of the name of a parser project with no rows)
    unrated: float = 0.5
    # rapidfuzz ratio at or above which two names (projects, indicator rows) are paired
    pair_ratio: float = 90.0
    # a project only the tagger found needs a name of at least this many Han characters: on layouts it never
    # saw it tags fragments ('改', '000') as names (real layouts rla10, rla12)
    min_name_han: int = 2
    # whether a project only the tagger found stands in where the parser found none: measured off. With the
    # readers of issue 17 it added nothing on any set (dev, real layouts; as printed, collapsed, noised) and
    # cost 0.01 on collapsed rla (rla12: 11 facts, none right)
    tagger_projects: bool = False
    # whether a gap project whose text keeps its line layout is tagged (``gap_regions``): measured off. As printed,
    # on every development text the tagger brought no value into a record; where the lines run together it brought
    # 120 right values and 19 wrong (docs/decisions/throughput.md)
    tag_kept_layout: bool = False

    def __post_init__(self) -> None:
        for name in ("fill_min", "agree", "parser_only", "disagree", "unrated"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"FusionRules.{name} must be within [0, 1], got {value}")
        if not 0.0 <= self.pair_ratio <= 100.0:
            raise ValueError(f"FusionRules.pair_ratio must be within [0, 100], got {self.pair_ratio}")


FUSION_RULES = FusionRules()  # the shipped rules
