"""Traditional-Chinese mirror pages: a rendered document in traditional characters with inline pinyin.

Mirror sites re-serve government pages converted to traditional characters (OpenCC s2t) and insert the
pinyin of some characters after them (``績效目標(biāo)``). Both keep every character's entity id: the
conversion is one for one, and the pinyin inserted after a character belongs to that character's
entity (the gold labels values as printed, pinyin included).
"""

from __future__ import annotations

import random
from functools import lru_cache

_INITIALS = ("b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z", "c", "s", "y", "w", "")
# finals with the tone-marked vowel of each tone (1-4)
_FINALS = (
    ("ā", "á", "ǎ", "à"), ("āi", "ái", "ǎi", "ài"), ("ān", "án", "ǎn", "àn"), ("āng", "áng", "ǎng", "àng"),
    ("ē", "é", "ě", "è"), ("ī", "í", "ǐ", "ì"), ("īn", "ín", "ǐn", "ìn"), ("īng", "íng", "ǐng", "ìng"),
    ("ō", "ó", "ǒ", "ò"), ("ū", "ú", "ǔ", "ù"), ("ōng", "óng", "ǒng", "òng"), ("iāo", "iáo", "iǎo", "iào"),
    ("uān", "uán", "uǎn", "uàn"), ("ēng", "éng", "ěng", "èng"), ("ōu", "óu", "ǒu", "òu"), ("iè", "ié", "iě", "iē"),
)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("s2t")


def _syllable(rng: random.Random) -> str:
    return rng.choice(_INITIALS) + rng.choice(rng.choice(_FINALS))


def mirror(rng: random.Random, lt, share: float = 0.12):
    """``lt`` in traditional characters, with a pinyin insertion after ``share`` of its Han characters."""
    from jixiao.models.synth import LabeledText

    text = lt.text
    converted = _converter().convert(text)
    if len(converted) != len(text):  # a phrase conversion changed the length: convert one character at a time
        converted = "".join(c if len(t := _converter().convert(c)) != 1 else t for c in text)
    chars: list[str] = []
    ids: list[int] = []
    for c, eid in zip(converted, lt.ids):
        chars.append(c)
        ids.append(eid)
        if "\u4e00" <= c <= "\u9fff" and rng.random() < share:
            inserted = f"({_syllable(rng)})"
            chars.extend(inserted)
            ids.extend([eid] * len(inserted))
    return LabeledText(chars, ids, list(lt.types))
