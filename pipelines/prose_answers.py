"""Indicators a report publishes as questions and answers (a 问答版 of its self-evaluation).

``1.问：补贴性职业技能培训人次完成了多少？`` over ``答：年度目标40000人次，实际完成41260人次，分值15分，得分15分。``:
the question names the indicator (its words before the asking ones), the answer on the next line states its fields,
one a clause. An answer stating no target and no actual (the funds, the overall result) is no indicator's.
"""

from __future__ import annotations

import re

from jixiao.pipelines.parsed import ParsedIndicator, Span
from jixiao.pipelines.vocab import (
    PROSE_ACTUAL_CUE, PROSE_BARE_ACTUAL_CUE, PROSE_MONEY_NAME_END, PROSE_QUESTION, PROSE_SCORE_CUE, PROSE_TARGET_CUE,
    PROSE_WEIGHT_CUE,
)

# a question line and the answer line under it (possessive blanks: a line of blanks is read once)
_QA = re.compile(r"^[ \t]*+(?:\d{1,2}[.、．)）][ \t]*+)?问[:：][ \t]*+(?P<q>[^\n？?]{2,60})[？?][ \t]*+\n"
                 r"[ \t]*+答[:：][ \t]*+(?P<a>[^\n]{1,200})", re.M)
_ASKING = re.compile(PROSE_QUESTION)
_CLAUSE = re.compile(r"[^,，;；。]+")
_CUE_END = r"(?:为|是|[:：])?[ \t]*"
_FIELDS = (
    ("target", re.compile(r"(?:" + PROSE_TARGET_CUE + ")" + _CUE_END + r"(?P<v>\S.*)")),
    ("actual", re.compile(r"(?:" + PROSE_ACTUAL_CUE + "|" + PROSE_BARE_ACTUAL_CUE + ")" + _CUE_END + r"(?P<v>\S.*)")),
    ("weight", re.compile(r"(?:" + PROSE_WEIGHT_CUE + ")" + _CUE_END + r"(?P<v>\d+(?:\.\d+)?)[ \t]*分?$")),
    ("score", re.compile(r"(?:" + PROSE_SCORE_CUE + ")" + _CUE_END + r"(?P<v>\d+(?:\.\d+)?)[ \t]*分?$")),
)
_MONEY_NAME = re.compile(PROSE_MONEY_NAME_END)


def answered_indicators(text: str, s: int, e: int) -> list[tuple[ParsedIndicator, tuple[int, int]]]:
    """The indicators the question-and-answer pairs of [s, e) state, each with the stretch it was read from."""
    out = []
    for m in _QA.finditer(text, s, e):
        asking = _ASKING.search(m["q"])
        name = m["q"][:asking.start()].strip() if asking else ""
        if len(name) < 2 or _MONEY_NAME.search(name):
            continue
        fields: dict[str, Span] = {}
        for clause in _CLAUSE.finditer(text, m.start("a"), m.end("a")):
            lead = len(clause.group()) - len(clause.group().lstrip())
            for field, rx in _FIELDS:
                f = rx.match(text, clause.start() + lead, clause.end())
                if f is not None and field not in fields:
                    fields[field] = Span(text=f["v"].rstrip(), start=f.start("v"), end=f.start("v") + len(f["v"].rstrip()))
                    break
        if "target" not in fields or "actual" not in fields:
            continue
        a = m.start("q") + m["q"].index(name)
        out.append((ParsedIndicator(name=Span(text=name, start=a, end=a + len(name)), target=[fields["target"]],
                                    actual=fields["actual"], weight=fields.get("weight"), score=fields.get("score"),
                                    method="sentence"), (m.start(), m.end())))
    return out
