"""Readings of what a level-3 name is for, from its words, where it prints no taxonomy form: people a service
serves, a time to respond or to process, a count of times an activity was held, a purchase's cost, a per-unit price
or fee, a benefit said as a change, work finished on time.

Each reads a lookup key (``indicator_names.level3_key``) with what it measures and returns the entry name it leads
to, or None; the words are ``vocab``'s. The mapper asks them after every reading of a printed form has failed and
checks the answer with its measure and qualifier guards (issue 19, round 8: docs/decisions/mapping-round8.md).
"""

from __future__ import annotations

import re

from jixiao.pipelines.indicator_names import per_unit
from jixiao.pipelines.vocab import (ACTIVITY_COUNT_ENDINGS, ACTIVITY_NOT, BATCH_COUNT_ENDINGS, BATCH_UNIT, BENEFIT_ENDS,
                                    BUILT_LENGTH, BUILT_VERBS, LENGTH_ENDING, LENGTH_UNITS,
                                    OBJECT_COUNT_UNITS, OBJECT_COUNT_VERBS, OBJECT_COUNT_WORD, TEST_WORDS,
                                    BENEFIT_NOT, BENEFIT_PHRASES, DURATION_NAME_ENDINGS, DURATION_NOT, HEAD_SYNONYMS,
                                    ON_TIME_ENTRY, ON_TIME_MARKS, ON_TIME_RATE_MARKS, ON_TIME_RATE_NOT,
                                    PLANNED_END_ENDINGS, PLANNED_END_ENTRY, UNIT_COST_MARKS, UNIT_PURCHASE_COST_ENTRY,
                                    WORK_FEE_ENDINGS, PAYMENT_WORDS, PER_UNIT_MARKS, PROCESSING_TIME_ENTRY,
                                    PURCHASE_COST_ENTRY,
                                    PROCESSING_WORDS, PURCHASE_COST_ENDINGS, PURCHASE_WORDS,
                                    RESPONSE_TIME_ENTRY, RESPONSE_WORDS, SERVED_COUNT_ENDINGS, SERVED_NOT, SERVED_WORDS, UNIT_FEE_ENDINGS, UNIT_FEE_MARKS, UNIT_PRICE_ENDINGS)


# a form at least this long keeps its words when its last character is changed (及时性/及时率 are the taxonomy's
# two entries: a two-character word and its measure word are not)
SWAP_MIN_LENGTH = 4


# every ending a benefit phrase may have (a cheap first test: most names have none)
_BENEFIT_TAILS = tuple({w for _, subjects, changes in BENEFIT_PHRASES for w in (*subjects, *changes)} | set(BENEFIT_ENDS))
_ON_TIME = ON_TIME_ENTRY
# the head synonyms as one pattern: a name is scanned once, not once per pair (none overlaps another)
_HEAD_SYNONYM_OF = dict(HEAD_SYNONYMS)
_HEAD_SYNONYM = re.compile("|".join(re.escape(old) for old, _ in HEAD_SYNONYMS))
# a per-unit cost's marks but 每, which ``per_unit`` reads with what follows it (每万尾 per unit, 每年 how often)
_UNIT_MARKS_NOT_EVERY = tuple(m for m in UNIT_COST_MARKS if m != "每")
# every ending a role reading may have: a name with none is read by none of them (but a time by its unit, work on time)
ROLE_TAILS = (*SERVED_COUNT_ENDINGS, *ACTIVITY_COUNT_ENDINGS, *DURATION_NAME_ENDINGS, *PURCHASE_COST_ENDINGS,
              *_BENEFIT_TAILS)


def _holds(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def served_count(key: str) -> bool:
    """People a service serves (签约服务人数, 年接待读者人次): a count of people or households with a service word
    before it, none of payment (those paid are 发放人数) and none that another entry or the staff owns."""
    if not key.endswith(SERVED_COUNT_ENDINGS):
        return False
    end = next(e for e in SERVED_COUNT_ENDINGS if key.endswith(e))
    words = key[: -len(end)]
    return _holds(words, SERVED_WORDS) and not _holds(words, PAYMENT_WORDS) and not _holds(key, SERVED_NOT)


def duration_role(key: str, by_unit: bool = False) -> str | None:
    """The entry of a time to respond (接警后出动时间 -> 响应时间) or to process (投诉受理时限 -> 办理时限), or None.
    ``by_unit``: the target's unit says a time (接警出动, 分钟), so the name need not end in one."""
    if key.endswith(PLANNED_END_ENDINGS):
        return PLANNED_END_ENTRY  # a bare time of completion (培训任务完成时间) is the planned one
    end = next((e for e in DURATION_NAME_ENDINGS if key.endswith(e)), None)
    if end is None and not by_unit:
        return None
    words = key[: -len(end)] if end else key
    if _holds(words, DURATION_NOT):
        return None
    if _holds(words, RESPONSE_WORDS):
        return RESPONSE_TIME_ENTRY
    if _holds(words, PROCESSING_WORDS):
        return PROCESSING_TIME_ENTRY
    return None


def batches_tested(key: str, unit: str | None) -> bool:
    """Batches of products tested (农贸市场快检批次; 农产品定量检测样品数, 批次): a test word, and the name ending in 批次
    or a count ending counted in 批次 (``TESTED_BATCH_ENTRY``; round 11)."""
    if not _holds(key, TEST_WORDS):
        return False
    return key.endswith(BATCH_UNIT) or (unit == BATCH_UNIT and key.endswith(BATCH_COUNT_ENDINGS))


def object_count(key: str, own: str | None, unit: str | None) -> str | None:
    """The name of a thing built or bought read as the count of it (购置安保防护器械, 套 -> 购置安保防护器械数量;
    建成社区老年助餐点数量 -> 建设社区老年助餐点数量), or of a line built as its length (新建红色旅游步道长度 ->
    建设红色旅游步道里程), or None: a make or buy verb first, and either a count ending or no measure ending and a
    unit of things or of length (round 11)."""
    verb = next(((p, m) for p, m in OBJECT_COUNT_VERBS if key.startswith(p)), None)
    if verb is None:
        return None
    words = key[len(verb[0]):]
    if verb[0] in BUILT_VERBS and (key.endswith(LENGTH_ENDING) or (own is None and unit in LENGTH_UNITS)):
        return BUILT_LENGTH[0] + words.removesuffix(LENGTH_ENDING) + BUILT_LENGTH[1]
    read = verb[1] + words
    if own is None:
        if unit not in OBJECT_COUNT_UNITS:
            return None
        read += OBJECT_COUNT_WORD
    elif own != "count":
        return None
    return read if read != key else None


def activity_count(key: str) -> bool:
    """A count of times an activity was held (组织…训练次数, 宣讲场次), not of an event that happened."""
    return key.endswith(ACTIVITY_COUNT_ENDINGS) and len(key) > 2 and not _holds(key, ACTIVITY_NOT)


def purchase_cost(key: str) -> str | None:
    """The entry of a purchase's cost: its total (疫苗采购成本, 物资购置费 -> 采购项目总成本) with no per-unit mark,
    its cost per unit (每万尾鱼苗采购成本 -> 单位购置成本) with one of a per-unit cost (``UNIT_COST_MARKS``); None when
    no purchase word stands before a cost ending."""
    if not key.endswith(PURCHASE_COST_ENDINGS):
        return None
    end = next(e for e in PURCHASE_COST_ENDINGS if key.endswith(e))
    words = key[: -len(end)]
    if not _holds(words, PURCHASE_WORDS):
        return None
    if per_unit(key) or _holds(words, _UNIT_MARKS_NOT_EVERY):
        return UNIT_PURCHASE_COST_ENTRY
    return None if _holds(key, PER_UNIT_MARKS) else PURCHASE_COST_ENTRY


def unit_price(key: str) -> bool:
    """A unit price (清运单价): per unit by its own word."""
    return key.endswith(UNIT_PRICE_ENDINGS) and len(key) > 2


def unit_fee(key: str) -> bool:
    """A fee per person or per unit (专职人员人均经费): a fee ending with a per-unit mark right before it. A mark
    further left names a fee's use per person (人均运维经费), which may be an entry's or none."""
    if not key.endswith(UNIT_FEE_ENDINGS):
        return False
    if key.endswith(WORK_FEE_ENDINGS):  # 工作经费 names no use: a mark anywhere before it is per head (人均矫正工作经费)
        return _holds(key[: -len(WORK_FEE_ENDINGS[0])], UNIT_FEE_MARKS)
    end = next(e for e in UNIT_FEE_ENDINGS if key.endswith(e))
    return key[: -len(end)].endswith(UNIT_FEE_MARKS)


def swapped_ending(key: str, form: str | None) -> bool:
    """True when the key is the form with only its last character changed (发放到位性 for 发放到位率): one word of
    what is measured, its measure word spelt as a rate or a state."""
    return bool(form) and len(form) >= SWAP_MIN_LENGTH and key[-1] != form[-1] and key[:-1].endswith(form[:-1])  # type: ignore[index]


def benefit_phrase(key: str) -> str | None:
    """The benefit entry a name says as a change (基层服务能力持续提升 -> 公共服务水平提升情况), or None: a subject the
    entry names and a change word, the name ending with one of them or a word of state, and no word that gives
    the phrase another owner."""
    if not key.endswith(_BENEFIT_TAILS) or _holds(key, BENEFIT_NOT):
        return _ON_TIME if _holds(key, ON_TIME_MARKS) else None
    for entry, subjects, changes in BENEFIT_PHRASES:
        subject = next((s for s in subjects if s in key), None)
        change = next((c for c in changes if c in key), None)
        if subject and change and key.endswith((subject, change, *BENEFIT_ENDS)):
            return entry
    return _ON_TIME if _holds(key, ON_TIME_MARKS) else None


def head_synonyms(key: str) -> str:
    """The key with words of one meaning in a measure head folded (结案率 -> 办结率); the key itself when none."""
    return _HEAD_SYNONYM.sub(lambda m: _HEAD_SYNONYM_OF[m.group()], key) if _HEAD_SYNONYM.search(key) else key


def on_time_rate(key: str) -> str | None:
    """A rate of work done on time (地名标志按期安装率) read as that work's 及时率 (地名标志安装及时率): an on-time mark
    and a two-character verb before the final 率, the verb not one whose rate the taxonomy names (``ON_TIME_RATE_NOT``);
    None otherwise."""
    if len(key) < 5 or not key.endswith("率"):
        return None
    verb = key[-3:-1]
    for mark in ON_TIME_RATE_MARKS:
        if key[: -3].endswith(mark) and verb not in ON_TIME_RATE_NOT:
            return key[: -3 - len(mark)] + verb + "及时率"
    return None


def on_time(key: str) -> bool:
    """Work said to be finished on time (按时完成…任务)."""
    return _holds(key, ON_TIME_MARKS)
