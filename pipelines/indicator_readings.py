"""Readings of a level-3 name that say more than its bare head: whose satisfaction it is, a count of those paid,
an adverse event that did not happen, and the synonym folds that find an entry more specific than a generic head.

Each reads a lookup key (``indicator_names.level3_key``) and the words of ``vocab``; the mapper decides when a reading
is asked (issue 19, round 6: docs/decisions/mapping-fresh-set.md).
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from jixiao.pipelines.indicator_names import fold_words, per_unit, per_unit_money, satisfaction_subject
from jixiao.pipelines.vocab import (ALLOWANCE_PER_HEAD, CASE_COUNT_ENDINGS, ALLOWANCE_WORDS, INCIDENT_COUNT_NOT, INCIDENT_COUNT_UNITS, INCIDENT_UNITS, INCIDENT_WORDS, MEASURE_ENDINGS, PAYMENT_WORDS,
                                    PERSON_COUNT_ENDINGS, SATISFACTION_GROUPS, SPECIFIC_FOLDS,
                                    ZERO_INCIDENT_MARKS)

_SATISFACTION_ENDINGS = dict(MEASURE_ENDINGS)["satisfaction"]
# a payment word with a per-head mark before or after it (人均补助, 补贴人均): the ends of a payment per head
_ALLOWANCE_ENDS = tuple(e for w in ALLOWANCE_WORDS for m in ALLOWANCE_PER_HEAD for e in (m + w, w + m))
# the length of the ending a slipped satisfaction (满意虔) still prints: 满意度 less its last character read wrong
_SLIPPED_ENDING = 3
# a run of this many characters changed for as many others is a word put for another, not a slip (调查 for 登记)
WORD_SWAP_MIN = 2


def bare_satisfaction(surface: str) -> bool:
    """True for a taxonomy form that is a satisfaction word alone (满意度, 满意率): a head that says nobody's."""
    return surface in _SATISFACTION_ENDINGS


def satisfaction_group(key: str) -> str | None:
    """The entry name of the group whose satisfaction the key names (``vocab.SATISFACTION_GROUPS``: 周边居民满意度 ->
    群众满意度, 受助幼儿家长满意度 -> 补助对象满意度), or None when it names none of them."""
    subject = satisfaction_subject(key)
    if subject == key:  # the ending slipped (优抚对象满意虔): the subject is what precedes it
        subject = key[:-_SLIPPED_ENDING]
    for entry, words, before in SATISFACTION_GROUPS:
        at = min((subject.find(w) for w in words if w in subject), default=-1)
        # a people named in one more character, the group word ending the subject (少数民族群众; round 12); a group a
        # programme defines at length (享受…待遇的城乡居民) names more
        named = before is not None and any(subject.endswith(w) and len(subject) - len(w) == before + 1 for w in words)
        if at >= 0 and (before is None or at <= before or named):
            return entry
    return None


def specific_fold(text: str) -> str:
    """The key with words of one meaning folded (``vocab.SPECIFIC_FOLDS``: 经费 -> 资金, 处置 -> 处理)."""
    return fold_words(text, SPECIFIC_FOLDS)


def word_swapped(key: str, surface: str) -> bool:
    """True when the name prints another word where the taxonomy form has one of its words, before the form's
    ending: a run of ``WORD_SWAP_MIN`` or more characters changed for as many or more (城镇调查失业率 is no 城镇登记失业率,
    补助企业数量 no 检查企业数量), words of one meaning folded first (经费使用效益 is a 资金使用效益). A slip changes one
    character (资金拔付及时率); a word left out or added is a qualifier (工程验收合格率), which other guards read; a
    changed ending (人均培训费用, 人均培训成本) is the measure guard's."""
    key, surface = specific_fold(key), specific_fold(surface)
    for tag, a0, a1, b0, b1 in Levenshtein.opcodes(key, surface):
        if tag == "replace" and a1 - a0 >= WORD_SWAP_MIN and b1 - b0 >= WORD_SWAP_MIN and (
                a1 < len(key) or b1 < len(surface)):
            return True
    return False


def recipient_count(key: str) -> bool:
    """A count of people or households paid (非遗代表性传承人补助人数, 小额信贷贴息户数): a payment word before a
    count of people or households."""
    end = next((e for e in PERSON_COUNT_ENDINGS if key.endswith(e)), None)
    return end is not None and any(w in key[: -len(end)] for w in PAYMENT_WORDS)


def zero_incident(key: str, unit: str | None) -> bool:
    """An adverse event the target says did not happen (全年未发生重特大森林火灾, 未发生…食品安全事件): a zero mark
    before an incident word that ends the name, counted (起, 次) or with no unit; or an incident word that ends the
    name counted in a unit of incidents (发生重大食品安全事故, 起: ``INCIDENT_COUNT_UNITS``), not a case (登记错误引发
    赔偿案件: ``INCIDENT_COUNT_NOT``), which is counted as work done as often."""
    if unit and unit not in INCIDENT_UNITS:
        return False
    end = next((w for w in INCIDENT_WORDS if key.endswith(w)), None)
    if end is None:
        return False
    return any(m in key[: -len(end)] for m in ZERO_INCIDENT_MARKS) or (
        unit in INCIDENT_COUNT_UNITS and end not in INCIDENT_COUNT_NOT)


def per_head_allowance(key: str, unit: str | None = None) -> bool:
    """A payment per head or per unit (河道保洁员人均补助, 职业培训补贴人均金额, 每栋日光温棚改造补助): a payment word
    ending the name or before 金额, with a per-head mark next to it, a per-unit mark before it (``per_unit``, not
    标准), or a target in money per unit (助餐点一次性建设补助, 万元/个: ``per_unit_money``; round 11); a 补助标准, as
    补贴人均标准 is."""
    body = key[:-2] if key.endswith("金额") else key
    if body.endswith(_ALLOWANCE_ENDS):
        return True
    # a payment ending the name, per head or per unit further left (每栋日光温棚改造补助, 困难群众人均生活补助)
    words = body[:-2]
    return body.endswith(ALLOWANCE_WORDS) and (
        any(m in words for m in ALLOWANCE_PER_HEAD) or per_unit(words) or per_unit_money(unit))


def counted_case_held(key: str, surface: str) -> bool:
    """False when the name counts cases or incidents (受理专利侵权纠纷案件数: an incident word right before its count
    ending) and the form does not name them (专利数): the words before the cases say which cases, not what is counted
    (round 12)."""
    end = next((e for e in CASE_COUNT_ENDINGS if key.endswith(e)), None)
    if end is None:
        return True
    words = key[: -len(end)]
    # the key folds a count word (件数 -> 数量: ``COUNT_WORD_ENDINGS``), so 案件数 arrives as 案数量
    counted = next((w for w in INCIDENT_WORDS if words.endswith(w) or (
        end == "数量" and w.endswith("件") and words.endswith(w[:-1]))), None)
    return counted is None or counted in surface or (counted.endswith("件") and counted[:-1] in surface)
