"""Indicators a prose report prints as blocks of labeled lines, one field a line (a Word form pasted as text).

``二级指标：数量指标`` / ``指标名称：受益学生人数`` / ``年度目标：≥28000人`` / ``实际完成：28416人`` /
``分值：10分　得分：10分``: a block opens at its name line (the level lines just above it belong to it) and takes
the fields after it until the next block, a line of another form or ``BLOCK_LINES`` lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.pipelines.parsed import ParsedIndicator, Span
from jixiao.pipelines.vocab import PROSE_BLOCK_LABELS, fallback_level1, fallback_level2

# a label opening a field: at a line's start or after blanks / a semicolon (分值：10分　得分：10分 share a line)
# (a label opens its line, follows a blank or a semicolon, or an item's number: （1）名称：…, 1.名称：…)
_LABEL = re.compile(r"(?:^|(?<=[ \t\u3000；;])|(?<=\(\d\))|(?<=\(\d\d\))|(?<=\d、)|(?<=\d\.))(?:"
                    + "|".join(f"(?P<{f}>{rx})" for f, rx in PROSE_BLOCK_LABELS) + r")[ \t\u3000]*[:：]", re.M)
_LINE = re.compile(r"[^\n]+")
_NAME_LABEL = re.compile(dict(PROSE_BLOCK_LABELS)["name"] + r"[ \t\u3000]*[:：]")
# (【志稿编纂字数】 alone on its line: the block's name in square brackets, its fields on the lines under it)
_BRACKET_NAME = re.compile(r"[ \t\u3000]*【(?P<v>[^【】\n:：]{2,40})】[ \t\u3000]*")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ITEM_LINE = re.compile(r"[ \t\u3000]*\d{1,2}[.、．)）]?[ \t\u3000]*")
# what ends a field's value besides the next label: blanks, a semicolon, a full stop
_VALUE_STRIP = " \t\u3000；;。"
# a block's fields come at most this many lines after its name line; longer lines are prose, not a field's
BLOCK_LINES = 8
FIELD_LINE_CHARS = 120
# a line of no field this long is a paragraph of prose: it closes the block before it
PROSE_LINE_CHARS = 60


@dataclass
class FieldBlock:
    """One indicator's fields as read: their spans by field name (levels included), the name line's offset."""

    fields: dict[str, Span] = field(default_factory=dict)
    line: int = 0

    def indicator(self) -> ParsedIndicator | None:
        """The indicator, where the block has its name and at least one value (records.md)."""
        f = self.fields
        if "name" not in f or not any(k in f for k in ("target", "actual", "weight", "score")):
            return None
        return ParsedIndicator(name=f["name"], target=[f["target"]] if "target" in f else [], actual=f.get("actual"),
                               weight=_number(f.get("weight")), score=_number(f.get("score")), method="sentence")


def _number(span: Span | None) -> Span | None:
    m = _NUMBER.search(span.text) if span is not None else None
    return None if m is None else Span(text=m.group(), start=span.start + m.start(), end=span.start + m.end())


def _line_fields(text: str, a: int, b: int) -> list[tuple[str, Span]]:
    """The labeled fields of one line, in order: each value runs to the next label or the line's end."""
    labels = list(_LABEL.finditer(text, a, b))
    out = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else b
        raw = text[m.end():end]
        lead = len(raw) - len(raw.lstrip(_VALUE_STRIP))
        value = raw.strip(_VALUE_STRIP)
        if value:
            out.append((m.lastgroup, Span(text=value, start=m.end() + lead, end=m.end() + lead + len(value))))
    return out


def field_blocks(text: str, s: int, e: int) -> list[FieldBlock]:
    """The indicator blocks of [s, e), in order, each with the level lines printed just above its name."""
    blocks: list[FieldBlock] = []
    if _NAME_LABEL.search(text, s, e) is None and "【" not in text[s:e]:
        return blocks
    # the level lines in force: a level printed once over several blocks heads them all (a merged cell), a new
    # level-1 ends its level-2
    pending: dict[str, Span] = {}
    current: FieldBlock | None = None
    for n, line in enumerate(_LINE.finditer(text, s, e)):
        a, b = line.span()
        if _ITEM_LINE.fullmatch(line.group()):
            pending = {}  # (1. / 2.: a form numbering its items prints each item's own levels)
        found = _line_fields(text, a, b) if b - a <= FIELD_LINE_CHARS else []
        if not found and (bracket := _BRACKET_NAME.fullmatch(line.group())) is not None and not (
                fallback_level1(bracket["v"]) or fallback_level2(bracket["v"])):  # (【数量指标】 heads, names nothing)
            found = [("name", Span(text=bracket["v"], start=a + bracket.start("v"), end=a + bracket.end("v")))]
        if current is not None and (n - current.line > BLOCK_LINES or not found and b - a > PROSE_LINE_CHARS):
            blocks.append(current)
            current = None
        for name, span in found:
            if name == "name":
                if current is not None:
                    blocks.append(current)
                current = FieldBlock(fields={**pending, "name": span}, line=n)
            elif name in ("level1", "level2"):
                if name == "level1":
                    pending.pop("level2", None)
                if current is not None and not current.indicator():
                    current.fields.setdefault(name, span)  # (printed under the name, before the values)
                    continue
                if current is not None:
                    blocks.append(current)  # a level line after a block's values opens the next block
                    current = None
                pending[name] = span
            elif current is not None and name not in current.fields:
                current.fields[name] = span
    if current is not None:
        blocks.append(current)
    return blocks
