"""The lookup keys of printed indicator names and what a level-3 name measures.

A printed name reaches its key through: traditional characters simplified (OpenCC, as the document
text is), NFKC, whitespace removed, list marks (★, ①, 1.1, (一)) and trailing punctuation dropped, a
unit note after the name dropped, the spelling folds of ``vocab.NAME_FOLDS`` (and 采购台数 -> 采购数量). ``measure_of`` reads the
key's ending (…人数 a count, …率 a rate) or the target's unit; ``same_meaning_kind`` is the guard that
keeps a count off a rate and an amount off a rate.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

from jixiao.pipelines.normalize import simplified
from jixiao.pipelines.taxonomy import Entry
from jixiao.pipelines.vocab import (ALLOWANCE_PER_HEAD, BARE_MULTIPLIER_UNITS, COUNT_WORD_ENDINGS, MADE_NOUNS, MEASURE_ENDINGS, MEASURE_TYPE_UNITS, MEANING_QUALIFIERS, NAME_FOLDS, NEGATION_MARKS, REMEDY_HEADS,
                                   PER_PERIOD, PER_UNIT_MARKS, SATISFACTION_WITH, SUPPORT_VERBS, SUPPORTED_COUNT_NOUNS,
                                   UNIT_COST_ENDINGS, UNIT_COST_FEE_ENDINGS,
                                   UNIT_COST_LEADING_UNITS, UNIT_COST_MARKS)

def fold_words(text: str, folds: tuple[tuple[str, str], ...]) -> str:
    """``text`` with each (old, new) of ``folds`` replaced in order: the spelling, meaning and head folds of a key."""
    for old, new in folds:
        text = text.replace(old, new)
    return text


_WS = re.compile(r"\s+")
# the note opens where a number opens (not inside a run of digits: each position of a long run would be
# retried to its end, quadratic time on a hostile cell)
_SCORE_NOTE = re.compile(r"(?<![\d.])[(\[]?\d+(?:\.\d+)?分[)\]]?$")
# list numbering before a name: 1. / 1、 / 1) / 1.1 / 1.1. / (1) / (一) / 一、 (after NFKC: ⑴ -> (1), ⒈ -> 1.)
_ENUM = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})+[.、)]?|\d{1,2}[.、)]|[(（]?[一二三四五六七八九十]+[)）、.]|[(]\d{1,2}[)])")
# the numbering a level-1/level-2 heading loses (the readers' category cells: kept as it was)
_HEADING_ENUM = re.compile(r"^(?:\d+[.、)]|[(（]?[一二三四五六七八九十]+[)）、.]|[(]\d+[)])")
# circled and dingbat numbers (①, ❶, ➀) before NFKC, which would turn ① into a bare 1 run into the name
_CIRCLED = re.compile(r"^[\u2460-\u2473\u24eb-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]")
# marks a table puts before or after a name: a key indicator's ★, a bullet, a dash
_LEAD_MARKS = re.compile(r"^[★☆*※●○◆◇■□▲△▼▽►•·√✓✔#\-—_~]+")
_TRAIL_MARKS = "★☆*※#"
# stripped with str.rstrip: a regex ``[…]+$`` retries at every character of a long run that is not at the end
_TRAILING_PUNCT = ":：;；,，。.、"
_UNIT_NOTE = re.compile(r"[(（][^()（）]{1,8}[)）]$")
_PAREN_NOTE = re.compile(r"[(（][^()（）]*[)）]$")
SUFFIX = "指标"
_SATISFACTION_ENDINGS = dict(MEASURE_ENDINGS)["satisfaction"]
# a note of two or more Chinese characters, none a unit or measure word (%, 分, 人次 are units, not a group)
_GROUP_NOTE = re.compile(r"[\u4e00-\u9fff]{2,8}")
# 每 before a unit, not a period (``vocab.PER_PERIOD``): a per-unit mark
_EVERY_UNIT = re.compile(f"每[^{PER_PERIOD}]")
_MEASURE_BY_UNIT = {u: m for m, units in MEASURE_TYPE_UNITS.items() for u in units}
# MEASURE_ENDINGS by the last character of the endings, the groups in their order: what key_measure tries for a key
_ENDINGS_BY_LAST: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    c: tuple((m, tuple(e for e in ends if e[-1] == c)) for m, ends in MEASURE_ENDINGS if any(e[-1] == c for e in ends))
    for c in {e[-1] for _, ends in MEASURE_ENDINGS for e in ends}}
# a 合规性/及时性 indicator is often scored as a percentage (经费支出合规率 = 经费支出合规性): the two meet
_NEAR_MEASURES = ({"qualitative", "rate"},)
# the measure types that a target's unit and an entry cannot both have (% against 人/个/次 against 元)
_UNIT_CONFLICTS = ({"count", "rate"}, {"amount", "rate"}, {"count", "amount"})


def normalize(text: str) -> str:
    """NFKC with every whitespace character removed: the lookup key of printed names (the contract's
    §3 form, ``jixiao.eval.normalize.normalize_text``, also unifies operators and a trailing 。)."""
    return _WS.sub("", unicodedata.normalize("NFKC", text or ""))


def _unmarked(text: str) -> str:
    """Simplified, NFKC, no whitespace, no list number or mark before the name or mark after it."""
    t = _CIRCLED.sub("", _WS.sub("", text or ""))
    t = normalize(simplified(t))
    t = _ENUM.sub("", _LEAD_MARKS.sub("", t))
    return t.rstrip(_TRAIL_MARKS)


def heading_core(text: str) -> str:
    """A level-1/level-2 heading reduced to its core: no score note, no numbering, no suffix 指标.

    Marks (★, -) stay: the readers ask this of every cell to find category cells, and a marked cell read as
    a category moves rows (a real layout's reading changed when they were dropped here)."""
    t = normalize(text)
    t = _SCORE_NOTE.sub("", t)
    t = _HEADING_ENUM.sub("", t)
    t = t.rstrip(_TRAILING_PUNCT)
    if t.endswith(SUFFIX) and len(t) > len(SUFFIX):
        t = t[: -len(SUFFIX)]
    return t


def level3_key(text: str) -> str:
    """The key a level-3 name is compared by (taxonomy names get the same treatment)."""
    t = _unmarked(text).rstrip(_TRAILING_PUNCT)
    # a unit or note after the name (维持中心工作费用(万元), 带动农户增收(总收入)) is not part of it
    note = _UNIT_NOTE.search(t)
    if note:
        rest, inner = t[: note.start()], note.group()[1:-1]
        # but a satisfaction's note of words names whose it is (满意度(受益群众), 群众满意度(受益)): it leads the name
        t = inner + rest if rest.endswith(_SATISFACTION_ENDINGS) and _GROUP_NOTE.fullmatch(inner) else rest or t
    t = fold_words(t, NAME_FOLDS)
    if t.endswith(COUNT_WORD_ENDINGS) and len(t) > 2:
        t = t[:-2] + "数量"
    # the group a satisfaction is of, not what it is with (群众对生态环境满意度 -> 群众满意度)
    if "对" in t:
        t = SATISFACTION_WITH.sub(r"\1\2", t)
    # an added 指标 is printing noise on a level-3 name
    return t[:-2] if t.endswith(SUFFIX) and len(t) > 3 else t


def measure_of(name: str | None, unit: str | None = None) -> str | None:
    """What a level-3 name measures, from its ending (…人数: count, …率: rate, …金额: amount, …满意度:
    satisfaction, …时间: duration, …性/情况: qualitative); else from its target's unit (% rate, 元 amount);
    else None."""
    return key_measure(level3_key(name or "")) or unit_measure(unit)


def key_measure(key: str) -> str | None:
    """What a level-3 key's ending says it measures, or None (``measure_of`` without the unit, on a key)."""
    if key.endswith((")", "）")):
        key = _PAREN_NOTE.sub("", key)
    for measure, endings in _ENDINGS_BY_LAST.get(key[-1:], ()):
        if key.endswith(endings):
            return measure
    return None


def unit_measure(unit: str | None) -> str | None:
    """What a target's unit says is measured: % rate, 元 amount, 天 duration, any other unit a count; None without
    a unit, with a bare 万, or with a per-unit one that is not money."""
    if not unit or unit in BARE_MULTIPLIER_UNITS:
        return None
    head = unit.split("/")[0]
    if "/" in unit:
        return "amount" if head in MEASURE_TYPE_UNITS["amount"] else None
    return _MEASURE_BY_UNIT.get(head, "count")


def per_unit(name: str | None) -> bool:
    """A per-unit amount (人均培训成本, 补助标准), not a total."""
    key = normalize(name or "")
    return any(m in key for m in PER_UNIT_MARKS) or ("每" in key and _EVERY_UNIT.search(key) is not None)


def per_unit_money(unit: str | None) -> bool:
    """A target in money per something (元/人, 万元/个): the amount is per unit, whatever the name says (round 11)."""
    return bool(unit) and "/" in unit and unit_measure(unit) == "amount"


def satisfaction_subject(key: str) -> str:
    """Whose satisfaction a name measures: the key before its satisfaction ending (师生满意度 -> 师生)."""
    endings = dict(MEASURE_ENDINGS)["satisfaction"]
    end = max((e for e in endings if key.endswith(e)), key=len, default="")
    return key[: len(key) - len(end)]


def unit_cost(key: str, unit: str | None = None) -> bool:
    """A per-unit cost: the key ends in a cost word (成本, 造价, 投资, 投入) with a per-unit mark before it (每公里养护成本,
    户均改造成本, 单处工程造价) or the unit it is per leading it (吨水处理成本), or the target's unit is money per
    something (元/吨); a fee (检验费用) only by its unit."""
    money_per_unit = per_unit_money(unit)
    if key.endswith(UNIT_COST_FEE_ENDINGS):
        return money_per_unit
    end = next((e for e in UNIT_COST_ENDINGS if key.endswith(e)), None)
    if end is None:
        return False
    words = key[: -len(end)]
    return money_per_unit or key.startswith(UNIT_COST_LEADING_UNITS) or any(m in words for m in UNIT_COST_MARKS)


def same_meaning_kind(query: str, measure: str | None, entry: Entry, by_unit: bool = False,
                      unit: str | None = None, near: bool = True) -> bool:
    """False when the name and the entry measure different things: a count never maps to a rate, an amount
    never to a rate, a per-unit amount never to a total. ``by_unit``: ``measure`` was read from the target's unit
    (the name's ending says nothing), where a percentage also scores a satisfaction (参保职工满意庋, ≥95%).
    ``unit`` (given for an answer that is not the name's exact form) must not rule the entry out either: 人/个/次,
    % and 元 rule out each other's measure types (代办员补贴 ≥100人 counts people, it is no 补助金额). ``near=False``: a rate and a qualitative state
    do not meet either (an answer from a form of the entry that prints no rate: 机制建立率 is no 机制健全性; round 8)."""
    by = unit_measure(unit)
    if by and entry.measure and {by, entry.measure} in _UNIT_CONFLICTS:
        return False
    if by_unit and {measure, entry.measure} == {"rate", "satisfaction"}:
        return True
    if measure and entry.measure and measure != entry.measure and (
            not near or {measure, entry.measure} not in _NEAR_MEASURES):
        return False
    # a target in money per unit (万元/个) makes the name's amount per unit: 建设补助 (万元/个) is no 补助金额 (round 11)
    if measure == "amount" and entry.measure == "amount" and (
            per_unit(query) or per_unit_money(unit)) != per_unit(entry.name):
        return False
    return True


def loose_guess(measure: str | None, entry: Entry | None, score: float, sure: float, key: str = "") -> bool:
    """True for a loose answer (a spelling or spread below ``sure``: more than a one-character slip) onto an entry
    that measures something definite, for a name that says nothing of what it measures (no measure word, no unit):
    a guess (群众安全意识 is no 群众安全感, 72.7; 群众瞒意度 is 群众满意度, 80; issue 19, round 5). Also, given the
    name's ``key``, a loose answer whose rate is another rate: the word before 率 shares no character with the
    entry's (运行负荷率 is no 污水处理率; 参堡率 is still 参保率; round 6)."""
    if entry is None or score >= sure:
        return False
    if measure is None and entry.measure not in (None, "qualitative"):
        return True
    return bool(key) and other_rate(key, level3_key(entry.name))


def other_rate(key: str, surface: str) -> bool:
    """True when both end in 率 and the two characters before it have none in common (负荷率, 处理率)."""
    return key.endswith("率") and surface.endswith("率") and not set(key[-3:-1]) & set(surface[-3:-1])


# a name spread over a longer one is read in pieces of at least this many characters (享受…待遇…人数)
SPREAD_PIECE = 2
# and is at least this long (shorter names are heads, matched whole)
SPREAD_MIN_LENGTH = 4


def spread_in(name: str, key: str) -> bool:
    """True when ``name`` is printed inside ``key`` with qualifiers put between its words: its end is the key's
    end, and the rest is found, right to left, in pieces of ``SPREAD_PIECE`` characters or more
    (享受待遇人数 in 享受城乡居民基本养老保险待遇城乡居民人数; 减轻缴费负担 in 有效减轻贫困人口缴费负担)."""
    if len(name) < SPREAD_MIN_LENGTH or len(name) >= len(key) or not key.endswith(name[-SPREAD_PIECE:]):
        return False
    # the longest end of the name that ends the key
    j = len(name)
    while j > 0 and key.endswith(name[j - 1:]):
        j -= 1
    end = len(key) - (len(name) - j)
    while j > 0:
        # the longest piece ending at name[j] found in key before ``end``
        for size in range(j, SPREAD_PIECE - 1, -1):
            at = key.rfind(name[j - size:j], 0, end)
            if at >= 0:
                j, end = j - size, at
                break
        else:
            return False
    return True


def qualifiers_agree(key: str, surface: str, measure: str | None, head: bool = False) -> bool:
    """True when the name's key and the taxonomy form it is answered with hold the same meaning-changing
    qualifiers (``vocab.MEANING_QUALIFIERS``: 人均, 新增, 覆盖, 未 …); ``measure`` is the entry's. ``head``: the form
    stands for the key's ending, and a qualifier of the words before it counts where its group says (next to the
    form, or anywhere). A qualifier of the form that the name prints with one character misread (复盖率 for 覆盖率)
    is held; one it leaves out is not (培训成本 is not 人均培训成本)."""
    if measure == "count" and supported_count(key, surface):
        return False
    p = len(key) - len(surface)
    for marks, measures, anywhere in MEANING_QUALIFIERS:
        if measures and measure not in measures:
            continue
        in_surface = [m for m in marks if m in surface]
        if head and marks is NEGATION_MARKS and not in_surface and surface.startswith(REMEDY_HEADS):
            continue  # the harm a remedy treats (水土流失治理面积), not the form's opposite
        if head:
            # before the form, or next to it (one character between) and perhaps reaching into it (不合格率)
            in_key = bool(in_surface) or any(
                m in (key[:p] if anywhere else key[max(0, p - len(m) - 1): p + len(m) - 1]) for m in marks)
        else:
            in_key = any(m in key for m in marks)
        if in_key and not in_surface:
            return False
        if in_surface and not in_key and not any(_misread(m, key, surface) for m in in_surface):
            return False
    return True


def supported_count(key: str, surface: str) -> bool:
    """True when the name counts units supported (扶持少数民族特色村寨建设数量, 支持规模养殖场改扩建数量: a support verb
    opens it) and the form names neither the support nor projects (建设数量, 养殖数量): the count is of the units
    supported, not of things built or kept (round 12)."""
    return key.startswith(SUPPORT_VERBS) and not any(w in surface for w in (*SUPPORT_VERBS, *SUPPORTED_COUNT_NOUNS))


def made_noun_kept(key: str, surface: str) -> bool:
    """False when the form ends with a noun the word before it makes (``vocab.MADE_NOUNS``: 标准, 面积, 水平 …) and the
    name prints another word before that noun: two characters changed, not one slipped (村医工资补帖标准 is no
    工资标准, 种植保险承保面积 no 种植面积; round 12). The name must end with the noun."""
    noun = next((n for n in MADE_NOUNS if surface.endswith(n)), None)
    if noun is None or len(surface) < len(noun) + SPREAD_PIECE or not key.endswith(noun):
        return True
    body = key[: -len(noun)]
    mark = next((m for m in ALLOWANCE_PER_HEAD if body.endswith(m) and not surface[: -len(noun)].endswith(m)), "")
    body = body[: len(body) - len(mark)]  # a per-head mark qualifies the noun, it does not make it (补助人均标准)
    wanted = surface[-len(noun) - SPREAD_PIECE: -len(noun)]
    # one slip, one character left out or one added (人均补标准: 补助) is still the form's word
    return any(Levenshtein.distance(body[-n:], wanted) <= 1 for n in (SPREAD_PIECE - 1, SPREAD_PIECE, SPREAD_PIECE + 1))


def _misread(mark: str, key: str, surface: str) -> bool:
    """True when ``key`` prints ``mark`` of ``surface`` with at most one of its two or more characters changed
    (none of them left out)."""
    if len(mark) < 2:
        return False
    at = surface.index(mark)
    span = range(at, at + len(mark))
    ops = [op for op in Levenshtein.editops(surface, key) if op.src_pos in span and op.tag != "insert"]
    return len(ops) <= 1 and all(op.tag == "replace" for op in ops)


# a name this short (a subject of one or two characters and its measure word: 存栏率, 参保率) is a spelling of a
# taxonomy form only one slip away where the slip cannot make it another word
SHORT_NAME = 3


def short_slip_ok(key: str, surface: str) -> bool:
    """False when a short name (``SHORT_NAME`` characters or fewer) differs from the form by more than one
    character left out or added, or by a character changed outside its ending: 出栏率 is not 存栏率 and 代办率 is
    not 办结率, where 参堡率 (a slip in the ending's first character) is 参保率."""
    if len(key) > SHORT_NAME:
        return True
    ops = Levenshtein.editops(surface, key)
    if len(ops) != 1:
        return False
    return ops[0].tag != "replace" or ops[0].src_pos >= len(surface) - 2
