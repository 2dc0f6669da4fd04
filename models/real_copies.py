"""Training copies of the real layouts' weakly labelled regions: the layout kept, the contents varied.

A real page teaches its separators, header words, junk and cut points; its invented names and numbers are only
one draw, and a model that sees the same ten pages thirty times learns those strings. So most copies keep
every character outside an entity (the layout) and redraw what the entities say from the generator's
distributions (``synth_records``: project names, departments, indicator names, targets, amounts, scores),
then print the copy as is, collapsed, damaged (``synth.perturb``) or as a traditional mirror page
(``synth_mirror``). Category words (L1/L2), header words, codes and grades are kept as printed.
"""

from __future__ import annotations

import random

from jixiao.models.synth import LabeledText, collapse, perturb
from jixiao.models.synth_mirror import mirror
from jixiao.models.synth_records import ProjectRec, draw_project, format_amount

KEPT = ("L1", "L2", "HEADER", "CODE", "GRADE")


def _entity_text(rng: random.Random, etype: str, old: str, rec: ProjectRec) -> str:
    """A new value of type ``etype`` for an entity printed as ``old`` (units and percent signs kept as printed)."""
    ind = rng.choice(rec.indicators)
    if etype == "PROJECT":
        return rec.name
    if etype == "DEPT":
        return rec.department
    if etype == "IMPL":
        return rec.implementer
    if etype == "IND":
        return ind.name
    if etype == "TARGET":
        return "".join(ind.target)
    if etype == "ACTUAL":
        return ind.actual
    if etype.startswith("AMT_"):
        value = rec.amounts[1] or 1.0
        return format_amount(rng, value * rng.uniform(0.5, 1.0), rec.wan) + ("万" if old.rstrip().endswith("万") else "")
    if etype == "RATE":
        return f"{rng.uniform(50, 100):.{rng.choice((0, 1, 2))}f}" + ("%" if "%" in old or "％" in old else "")
    if etype in ("WEIGHT", "SCORE"):
        return rng.choice((ind.weight, ind.score))
    if etype == "TOTAL":
        return rec.total
    return old


def redraw(rng: random.Random, ex: LabeledText) -> LabeledText:
    """``ex`` with each entity outside ``KEPT`` given new contents; every other character as printed."""
    rec = draw_project(rng)
    while not rec.indicators:
        rec = draw_project(rng)
    out = LabeledText(types=list(ex.types))
    seen: set[int] = set()
    for i, j, eid in ex.runs():
        run = "".join(ex.chars[i:j])
        if eid < 0 or ex.types[eid] in KEPT or not run.strip():
            out.chars.extend(run)
            out.ids.extend(ex.ids[i:j])
        elif eid not in seen:  # an entity the labeller split in two runs is redrawn once, at its first run
            seen.add(eid)
            new = _entity_text(rng, ex.types[eid], run, rec)
            out.chars.extend(new)
            out.ids.extend([eid] * len(new))
    return out


def real_layouts_copies(regions: list[LabeledText], repeat: int, seed: int) -> list[LabeledText]:
    """``repeat`` draws of each region: as printed, and with redrawn contents as printed, collapsed (each
    newline/tab one space), damaged (OCR slips, stray spaces, full-width digits, collapsing) and as a damaged
    traditional mirror page with inline pinyin."""
    rng = random.Random(seed + 7)
    out: list[LabeledText] = []
    for _ in range(repeat):
        for ex in regions:
            out += [ex, redraw(rng, ex), collapse(redraw(rng, ex), per_char=True), perturb(rng, redraw(rng, ex)),
                    perturb(rng, mirror(rng, redraw(rng, ex)))]
    return out
