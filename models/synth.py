"""Synthetic 项目支出绩效自评表 documents with exact character labels.

A record is drawn from realistic distributions (``synth_records``: project
names built from the budget function classification, departments of many
kinds of bureaus, indicators from the taxonomy's family-A library plus
composed ones, amounts in 万元 or 元), laid out as a table of cells
(``synth_table``), then rendered in one of many
layouts (tab rows, one cell per line, pipes, spaces, a single flattened
line, wrapped rows) with noise (vertical labels, spaced characters,
full-width digits, OCR confusions, collapsed whitespace, junk lines).
Every character keeps the id of the entity it belongs to, so labels stay
exact through every transformation. Seeded: ``generate(n, seed)`` is
reproducible.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from collections.abc import Iterator

from jixiao.models.synth_records import L1_L2, PROSE, ProjectRec, draw_project
from jixiao.models.synth_table import Cell, Seg, TableStyle, build_table, draw_style

__all__ = [
    "L1_L2", "PROSE", "Cell", "LabeledText", "ProjectRec", "Seg", "TableStyle", "build_table", "collapse", "draw_project",
    "draw_style", "generate", "generate_document", "perturb", "render",
]

OCR_CONFUSIONS = {
    "0": "O", "1": "l", "5": "S", "8": "B", "：": ":", "。": ".", "人": "入", "已": "己", "己": "已", "日": "曰",
    "土": "士", "未": "末", "率": "宰", "千": "干", "大": "太", "拨": "拔", "治": "冶", "准": "淮", "析": "折",
    "厂": "广", "天": "夭", "由": "田", "项": "顶", "算": "箅", "务": "各", "力": "刀", "今": "令", "见": "贝",
}
JUNK = (
    "第{n}页", "- {n} -", "共{n}页", "单位：万元", "金额单位：元", "填报日期：{y}年{m}月{d}日", "公开{n:02d}表", "注：本表数据来源于财政一体化系统",
    "联系人：张{x}  联系电话：0{n}{n}{n}-{n}{n}{n}{n}{n}{n}{n}", "项目负责人：（签字）", "（盖章）", "★", "填表人：",
)


@dataclass
class LabeledText:
    """Text with, per character, the index of its entity in ``types`` (-1 for none)."""

    chars: list[str] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    types: list[str] = field(default_factory=list)

    def add(self, text: str, etype: str | None = None) -> None:
        if etype is None or not text.strip():
            eid = -1
        else:
            self.types.append(etype)
            eid = len(self.types) - 1
        self.chars.extend(text)
        self.ids.extend([eid] * len(text))

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def runs(self) -> Iterator[tuple[int, int, int]]:
        """(start, end, entity id) of each run of characters with one id (-1: outside every entity)."""
        i, n = 0, len(self.ids)
        while i < n:
            eid = self.ids[i]
            j = i
            while j < n and self.ids[j] == eid:
                j += 1
            yield i, j, eid
            i = j

    def spans(self) -> list[tuple[int, int, str]]:
        """(start, end, type), trimmed of edge whitespace."""
        out: list[tuple[int, int, str]] = []
        for s, e, eid in self.runs():
            if eid >= 0:
                while s < e and self.chars[s].isspace():
                    s += 1
                while e > s and self.chars[e - 1].isspace():
                    e -= 1
                if e > s:
                    out.append((s, e, self.types[eid]))
        return out


# ---------------------------------------------------------------- rendering


def _noisy(rng: random.Random, text: str, spaced: float, breaks: float) -> str:
    if len(text) >= 2 and rng.random() < spaced:
        text = " ".join(text)
    if len(text) >= 6 and rng.random() < breaks:
        cut = rng.randint(2, len(text) - 2)
        text = text[:cut] + "\n" + text[cut:]
    return text


def render(rng: random.Random, tables: list[list[list[Cell]]], prose: list[str]) -> LabeledText:
    out = LabeledText()
    layout = rng.choice(("tabs", "tabs", "cells", "cells", "pipes", "spaces", "flat", "wrapped"))
    spaced = rng.choice((0.0, 0.0, 0.0, 0.05, 0.3))
    breaks = rng.choice((0.0, 0.0, 0.05, 0.15))
    junk = rng.choice((0.0, 0.03, 0.1))
    for line in prose:
        out.add(line + "\n")
    for table in tables:
        for row in table:
            if rng.random() < junk:
                out.add(rng.choice(JUNK).format(n=rng.randint(1, 9), y=2024, m=rng.randint(1, 12), d=rng.randint(1, 28), x="某") + "\n")
            pieces = [[Seg(_noisy(rng, s.text, spaced, breaks), s.etype) for s in cell] for cell in row]
            if layout == "cells":
                for cell in pieces:
                    out.add("\t")
                    for s in cell:
                        out.add(s.text, s.etype)
                    out.add("\n")
                out.add("\n")
                continue
            sep = {"tabs": "\t", "pipes": " | ", "spaces": None, "flat": " ", "wrapped": "\t"}[layout]
            if layout == "pipes":
                out.add("| ")
            if layout == "tabs" and rng.random() < 0.3:
                out.add("\t")
            width = 0
            for k, cell in enumerate(pieces):
                if k:
                    out.add(sep if sep is not None else " " * rng.randint(1, 4))
                for s in cell:
                    text = s.text
                    if layout == "wrapped" and width + len(text) > 40 and len(text) > 3 and rng.random() < 0.5:
                        cut = rng.randint(1, len(text) - 1)
                        text = text[:cut] + "\n" + text[cut:]
                        width = 0
                    width += len(text)
                    out.add(text, s.etype)
            if layout == "pipes":
                out.add(" |")
            out.add(" " if layout == "flat" else "\n")
        out.add("\n" if layout != "flat" else " ")
    return out


_FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789.%"}


def perturb(rng: random.Random, lt: LabeledText) -> LabeledText:
    """Character-level noise that keeps each character's entity id."""
    fw = rng.random() < 0.15
    ocr = rng.choice((0.0, 0.0, 0.005, 0.02))
    chars = []
    for c in lt.chars:
        if fw and c in _FULLWIDTH:
            c = _FULLWIDTH[c]
        if ocr and c in OCR_CONFUSIONS and rng.random() < ocr:
            c = OCR_CONFUSIONS[c]
        chars.append(c)
    ids = list(lt.ids)
    if rng.random() < 0.3:  # stray spaces and line breaks between characters, as from a damaged text layer
        space_p, break_p = rng.choice((0.01, 0.03, 0.06)), rng.choice((0.0, 0.005, 0.01))
        new_chars: list[str] = []
        new_ids: list[int] = []
        for i, c in enumerate(chars):
            r = rng.random()
            if i and r < space_p + break_p:
                # an inserted character belongs to an entity only when both neighbours do
                new_chars.append(" " if r < space_p else "\n")
                new_ids.append(ids[i] if ids[i] == ids[i - 1] else -1)
            new_chars.append(c)
            new_ids.append(ids[i])
        chars, ids = new_chars, new_ids
    out = LabeledText(chars, ids, list(lt.types))
    mode = rng.choice((None, None, None, "run", "each"))
    if mode:
        out = collapse(out, per_char=(mode == "each"))
    return out


def collapse(lt: LabeledText, per_char: bool = False) -> LabeledText:
    """Newlines and tabs to spaces (each one, or each run), as when a layout is lost."""
    pattern = re.compile(r"[\t\n\r]" if per_char else r"[ \t\n\r]*[\t\n\r][ \t\n\r]*")
    text = lt.text
    chars: list[str] = []
    ids: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        chars.extend(lt.chars[pos : m.start()])
        ids.extend(lt.ids[pos : m.start()])
        before = lt.ids[m.start() - 1] if m.start() > 0 else -1
        after = lt.ids[m.end()] if m.end() < len(lt.ids) else -1
        chars.append(" ")
        ids.append(before if before == after else -1)
        pos = m.end()
    chars.extend(lt.chars[pos:])
    ids.extend(lt.ids[pos:])
    return LabeledText(chars, ids, list(lt.types))


def generate_document(rng: random.Random, prose_pool: list[str] | None = None, variety: float = 0.0,
                      families: dict[str, float] | None = None) -> LabeledText:
    """One document; with ``variety`` > 0 that share of its tables depart from the common template (``draw_style``);
    with ``families`` (weights by family, ``synth_families.FAMILIES``) it is printed in a family drawn by them."""
    if families:
        from jixiao.models.synth_families import draw_family, family_document

        family = draw_family(rng, families)
        if family != "template":
            return perturb(rng, family_document(rng, family, prose_pool or []))
    projects = [draw_project(rng) for _ in range(rng.choice((1, 1, 2, 3)))]
    tables = [build_table(rng, p, draw_style(rng, variety) if variety else None) for p in projects]
    pool = prose_pool or []
    prose = []
    for _ in range(rng.randint(0, 4)):
        if pool and rng.random() < 0.6:
            prose.append(rng.choice(pool))
        else:
            p = rng.choice(projects)
            prose.append(rng.choice(PROSE).format(y=p.year, name=p.name, a=f"{rng.uniform(1, 900):.2f}", n=rng.randint(1, 9)))
    return perturb(rng, render(rng, tables, prose))


def generate(n: int, seed: int, prose_pool: list[str] | None = None, variety: float = 0.0,
             families: dict[str, float] | None = None) -> list[LabeledText]:
    rng = random.Random(seed)
    return [generate_document(rng, prose_pool, variety, families) for _ in range(n)]
