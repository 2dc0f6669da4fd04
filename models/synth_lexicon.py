"""Names built from general words, so the tagger learns a field from where it stands and not from its words.

The generator's own names come from a few hundred topics, bureaus and indicator phrases; a model trained on
them marks a real name's unfamiliar characters (奖补到户, 资金支付率) as outside it. ``diversify`` replaces a
project's name, department, implementer and some indicator names with ones composed from general Chinese
words (jieba's dictionary: nouns, verbs, place and proper names) and the endings such fields have.
"""

from __future__ import annotations

import random
from dataclasses import replace
from functools import lru_cache

from jixiao.models.synth_records import REGIONS, IndicatorRec, ProjectRec

# parts of speech of the words drawn (nouns, verbal nouns, verbs, place and proper names, idioms)
_POS = frozenset(("n", "vn", "nz", "v", "ns", "nr", "l", "i"))
NAME_ENDINGS = ("项目", "经费", "资金", "补助资金", "到户项目", "专项资金", "工程", "补贴", "", "", "补助经费", "建设项目", "工作经费")
ORG_ENDINGS = ("局", "委员会", "中心", "办公室", "人民政府", "服务中心", "管理站", "事务所", "大队", "站", "院", "委")
INDICATOR_ENDINGS = ("率", "数量", "覆盖率", "完成率", "面积", "人数", "次数", "满意度", "", "合格率", "及时率", "长度", "户数")


@lru_cache(maxsize=1)
def general_words() -> tuple[str, ...]:
    """Two- to four-character Han words of jieba's dictionary (frequency 30 or more)."""
    import jieba

    words = []
    with jieba.get_dict_file() as fh:
        for line in fh.read().decode("utf-8").splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[2] in _POS and int(parts[1]) >= 30 and 2 <= len(parts[0]) <= 4 \
                    and all("\u4e00" <= ch <= "\u9fff" for ch in parts[0]):
                words.append(parts[0])
    return tuple(words)


def _words(rng: random.Random, low: int, high: int) -> str:
    words = general_words()
    return "".join(rng.choice(words) for _ in range(rng.randint(low, high)))


def diversify(rng: random.Random, p: ProjectRec, share: float = 0.6) -> ProjectRec:
    """``p`` with (each with probability ``share``) its name, department, implementer and indicator names composed
    from general words."""
    region = rng.choice(REGIONS)
    name = p.name
    if rng.random() < share:
        name = rng.choice(("", "", f"{p.year}年", region)) + _words(rng, 1, 3) + rng.choice(NAME_ENDINGS)
    dept = p.department
    if rng.random() < share:
        dept = rng.choice(("县", "市", "区", region)) + _words(rng, 1, 2) + rng.choice(ORG_ENDINGS)
    impl = dept if rng.random() < 0.3 else (p.implementer if rng.random() > share else
                                            rng.choice((region, "")) + _words(rng, 1, 2) + rng.choice(ORG_ENDINGS))
    indicators: list[IndicatorRec] = [
        replace(ind, name=_words(rng, 1, 3) + rng.choice(INDICATOR_ENDINGS)) if rng.random() < share * 0.7 else ind
        for ind in p.indicators]
    return replace(p, name=name, department=dept, implementer=impl, indicators=indicators)
