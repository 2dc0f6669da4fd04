"""A record's indicators mapped onto the taxonomy: canonical level-1/level-2 and each name's entry."""

from __future__ import annotations

from jixiao.pipelines.map import Mapper
from jixiao.pipelines.targets import read_value
from jixiao.record import Check, DocumentRecord


def map_record(record: DocumentRecord, mapper: Mapper, *, copy: bool = True) -> DocumentRecord:
    """A copy of ``record`` with canonical level1/level2 and ``Indicator.canonical`` filled in (``copy=False``:
    ``record`` itself, filled in place, for a caller that owns it: a deep copy of a large record costs ~8% of its
    extraction).

    - level2: the canonical name of the printed heading, or None.
    - level1: the canonical name of the printed heading; a canonical level-2 takes its own framework
      parent (服务对象满意度指标 -> 满意度指标, spec §1), and fills a lost level-1 cell. A printed
      canonical level-1 that contradicts its level-2 is reported as a ``Check``.
    - canonical: the level-3 name matched within its level-2; below the threshold ``id=""`` and
      method ``unmatched`` (kept, not None, so the best score stays visible).
    """
    out = record.model_copy(deep=True) if copy else record
    for project in out.projects:
        for k, ind in enumerate(project.indicators):
            printed_l1, printed_l2 = ind.level1, ind.level2
            l2 = mapper.canonical_level2(printed_l2) if printed_l2 else None
            l1 = mapper.canonical_level1(printed_l1) if printed_l1 else None
            if l2 is not None:
                allowed = mapper.allowed_level1(l2)
                if l1 not in allowed:
                    if l1 is not None:
                        project.checks.append(Check(
                            code="indicator.level_parent_mismatch", severity="info",
                            field=f"indicators[{k}].level1",
                            message=f"level-2 {l2} belongs to {allowed[0]}, printed under {printed_l1!r}"))
                    l1 = allowed[0] if allowed else l1
            ind.level1, ind.level2 = l1, l2
            if ind.name:
                reading = ind.target_reading or read_value(ind.target)
                unit = reading.unit if reading is not None else None
                ind.canonical = mapper.map(ind.name, "indicator", level2=l2, unit=unit).canonical()
    return out
