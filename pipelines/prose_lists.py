"""Indicators a report lists in one sentence, their names in quotes and their values in parallel, or each with its
target and actual in brackets after it (``A（≥95%/96.8%）``, ``A（年度目标X，实际完成Y）和B（…）``), or its actual after
a colon and its target in brackets (``A：42所（目标≥40所）、B：…``).

``数量指标设置了2个三级指标，分别是“A”和“B”，目标值分别为≥3200人和≥480人，实际完成值分别为3356人和502人，分值各10分，
各得10分。`` names two indicators; each field's clause gives one value per name in the order of the names (分别), or
one for all (各). ``质量指标设置了1个三级指标“C”，目标值为100%，…`` is the same form with one name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.pipelines.parsed import ParsedIndicator, Span
from jixiao.pipelines.vocab import (
    PROSE_ACTUAL_CUE, PROSE_LIST_LEAD, PROSE_BARE_ACTUAL_CUE, PROSE_EACH, PROSE_LIST_JOIN, PROSE_SCORE_CUE, PROSE_TARGET_CUE, PROSE_WEIGHT_CUE,
    fallback_level1, fallback_level2,
)

# (a semicolon ends a list: “A”，目标…；“B”，目标… are two)
_SENTENCE = re.compile(r"[^。；;\n]+")
_QUOTED = re.compile(r"[“\"「『](?P<q>[^“”\"「」『』\n]{2,40})[”\"」』]")
_CLAUSE = re.compile(r"[^,，;；]+")
# a field's clause: its cue, 分别/各 or not, 为/是 or a colon, then the values (各得10分: 各 before the cue)
# (实际分别完成4间和120间 / 实际均为100%: 实际 before the 分别 or 均, the verb after it)
_FIELD_CUES = {"target": PROSE_TARGET_CUE,
               "actual": r"实际(?=" + PROSE_EACH + ")|" + PROSE_ACTUAL_CUE + "|" + PROSE_BARE_ACTUAL_CUE,
               "weight": PROSE_WEIGHT_CUE, "score": PROSE_SCORE_CUE}
_FIELD = {f: re.compile(r"\s*(?P<each>" + PROSE_EACH + r")?(?:" + cue + r")(?P<each2>" + PROSE_EACH
                        + r")?(?:完成|达到)?(?:为|是|[:：])?\s*(?P<v>\S.*)")
          for f, cue in _FIELD_CUES.items()}
_JOIN = re.compile(r"\s*" + PROSE_LIST_JOIN + r"\s*")
# names listed without quotes before the target's cue and 分别 (A、B、C三项指标目标值分别为…): two or more, their count
# word (三项指标) no part of the last
_LIST_HEAD = re.compile(r"\s*(?P<names>[\u4e00-\u9fff()（）]{2,30}?(?:" + PROSE_LIST_JOIN + r"[\u4e00-\u9fff()（）]{2,30}?)+)"
                        r"(?:等?[一二两三四五六七八九十\d]{1,2}[项个](?:三级)?指标)?的?(?=(?:" + PROSE_TARGET_CUE + r")"
                        + PROSE_EACH + ")")
# a mark's value: its figure without 分 (分值各10分 -> 10)
_MARK = re.compile(r"\d+(?:\.\d+)?")
# the level words before the names (产出指标中的数量指标设置了…): the last one is the most specific
# (数量方面，A、B三项指标目标值分别为…: a level-2 stem before 方面 leads too)
LEVEL_WORD = re.compile(r"[\u4e00-\u9fff]{2,6}指标|[\u4e00-\u9fff]{2,4}(?=方面)")


@dataclass
class Listed:
    """An indicator a sentence form read (a list sentence, a pledge clause), the level word heading it (None where
    none is printed) and the stretch the form read."""
    indicator: ParsedIndicator
    level: Span | None
    sentence: tuple[int, int]


def listed_indicators(text: str, s: int, e: int) -> list[Listed]:
    """The indicators of the list sentences of [s, e): quoted names before the first field, each field's values one
    per name (or one for all)."""
    out: list[Listed] = []
    for sent in _SENTENCE.finditer(text, s, e):
        out.extend(_sentence(text, sent.start(), sent.end()))
    return out


def _sentence(text: str, a: int, b: int) -> list[Listed]:
    clauses = list(_CLAUSE.finditer(text, a, b))
    fields: dict[str, list[Span]] = {}
    names: list[Span] = []
    for c in clauses:
        at = c.start()
        if not names and (head := _LIST_HEAD.match(text, at, c.end())) is not None:
            names, at = _values(text, head.start("names"), head.end("names"), False), head.end()
        field = next(((f, m) for f, rx in _FIELD.items() if (m := rx.match(text, at, c.end()))), None)
        if field is None:
            if fields:
                break  # (the list's fields end at the first clause that is none: 较上年提高…)
            names.extend(Span.of(q, "q") for q in _QUOTED.finditer(text, c.start(), c.end()))
            continue
        f, m = field
        if f in fields or not names:
            return []
        values = _values(text, m.start("v"), m.start("v") + len(m["v"].rstrip()), f in ("weight", "score"))
        each_one = bool(m["each"] or m["each2"]) and m.group("each") != "分别" and m.group("each2") != "分别"
        if len(values) == 1 and (each_one or len(names) == 1):
            values = values * len(names)
        if len(values) != len(names):
            return []
        fields[f] = values
    if not names or "target" not in fields or not ({"actual", "score"} & fields.keys()):
        return []
    level = None
    for w in LEVEL_WORD.finditer(text, a, names[0].start):
        # (the word may run on from the one before: 中的数量指标 -> 数量指标)
        k = next((k for k in range(len(w.group()) - 1) if fallback_level1(w.group()[k:]) or fallback_level2(w.group()[k:])),
                 None)
        if k is not None:
            level = Span(text=w.group()[k:], start=w.start() + k, end=w.end())
    return [Listed(indicator=ParsedIndicator(
        name=name, target=[fields["target"][k]], actual=fields.get("actual", [None] * len(names))[k],
        weight=fields.get("weight", [None] * len(names))[k], score=fields.get("score", [None] * len(names))[k],
        method="sentence"), level=level, sentence=(a, b)) for k, name in enumerate(names)]


def _values(text: str, a: int, b: int, marks: bool) -> list[Span]:
    """The values of a field's clause, split at the list's joining words (≥3200人和≥480人); a mark's figure alone."""
    out, pos = [], a
    for j in [*_JOIN.finditer(text, a, b), None]:
        end = j.start() if j else b
        if marks:
            m = _MARK.search(text, pos, end)
            if m is None:
                return []
            out.append(Span.of(m))
        elif end > pos:
            out.append(Span(text=text[pos:end], start=pos, end=end))
        pos = j.end() if j else b
    return out


# a name with its target and actual in brackets after it, one pair of a list (道路清扫保洁达标率（≥95%/96.8%）、…): two values
# split by one slash (54元/亩 holds a slash of its own: such a pair is not read)
_PAIR = re.compile(r"(?:^|(?<=[\n、,，;；:：。]))[ \t]*+(?:\d{1,2}[.、．)）][ \t]*+)?"
                   r"(?P<name>[\u4e00-\u9fff“][^（()、,，;；。:：\n/]{1,39}?)[（(](?P<t>[^（()/、,，;；。\n]{1,20})/"
                   r"(?P<a>[^（()/、,，;；。\n]{1,20})[)）](?=[、,，;；。\n]|$)", re.M)
_DIGIT = re.compile(r"\d")
# pairs a list needs to be read as one (a lone bracket with a slash is more often a unit: 费用（万元/年）)
PAIR_MIN = 2


def paired_indicators(text: str, s: int, e: int) -> list[ParsedIndicator]:
    """The indicators of [s, e) printed as 名称（目标/实际）, at least ``PAIR_MIN`` of them; each pair figures (digits on
    both sides) or states one word twice (持续运行/持续运行)."""
    out = []
    for m in _PAIR.finditer(text, s, e):
        t, a = m["t"].strip(), m["a"].strip()
        if not ((_DIGIT.search(t) and _DIGIT.search(a)) or t == a):
            continue
        out.append(ParsedIndicator(name=Span.of(m, "name"), target=[Span.of(m, "t")], actual=Span.of(m, "a"),
                                   method="sentence"))
    return out if len(out) >= PAIR_MIN else []


# a name with its target and actual in brackets after it, each after its cue, an item of a list (数量指标2项，分别为禁牧面积
# （年度目标320万亩，实际完成320万亩）和草畜平衡面积（…）): after a clause's start or a list's joining word, the words
# introducing the list (分别为) no part of the name
_VALUE = r"[^（()、,，;；。:：\n]{1,30}?"
_CUED_PAIR = re.compile(
    r"(?:^|(?<=[\n、,，;；:：。和及]))[ \t]*+(?:" + PROSE_LIST_LEAD + r")?"
    r"(?P<name>[\u4e00-\u9fff“][^（()、,，;；。:：\n]{1,39}?)[（(]"
    r"(?:" + PROSE_TARGET_CUE + r")(?:为|是|[:：])?[ \t]*(?P<t>" + _VALUE + r")[,，;；][ \t]*"
    r"(?:" + PROSE_ACTUAL_CUE + "|" + PROSE_BARE_ACTUAL_CUE + r")(?:为|是|[:：])?[ \t]*(?P<a>" + _VALUE + r")[)）]", re.M)
# the actual after the name's colon, the target in brackets after it (产出指标中：参与学校数量：42所（目标≥40所）、…)
_ACTUAL_THEN_TARGET = re.compile(
    r"(?:^|(?<=[\n、;；:：。]))[ \t]*+(?P<name>[\u4e00-\u9fff“][^（()、,，;；。:：\n]{1,39}?)[:：][ \t]*(?P<a>" + _VALUE + r")"
    r"[ \t]*[（(](?:" + PROSE_TARGET_CUE + r")(?:为|是|[:：])?[ \t]*(?P<t>" + _VALUE + r")[)）](?=[、,，;；。\n]|$)", re.M)


def bracketed_indicators(text: str, s: int, e: int) -> list[ParsedIndicator]:
    """The indicators of [s, e) printed as 名称（目标X，实际Y） or 名称：Y（目标X）, at least ``PAIR_MIN`` of one form."""
    out = []
    for rx in (_CUED_PAIR, _ACTUAL_THEN_TARGET):
        found = [ParsedIndicator(name=Span.of(m, "name"), target=[Span.of(m, "t")], actual=Span.of(m, "a"),
                                 method="sentence") for m in rx.finditer(text, s, e)]
        out.extend(found if len(found) >= PAIR_MIN else [])
    return out
