"""Tokens of collapsed text: numbers spaced out one character a token. Invented examples."""

import re

from jixiao.pipelines.collapsed_tokens import join_spaced_numbers
from jixiao.pipelines.layout import Cell


def _toks(text: str) -> list[Cell]:
    return [Cell(col=k, start=m.start(), end=m.end(), text=m.group()) for k, m in enumerate(re.finditer(r"\S+", text))]


def _joined(text: str) -> list[str]:
    return [t.text for t in join_spaced_numbers(_toks(text), text)]


def test_a_spaced_number_with_a_point_or_a_unit_is_one_token():
    assert _joined("养护里程 1 2 . 5 公里 完成") == ["养护里程", "1 2 . 5 公里", "完成"]
    assert _joined("补助 2 9 7 8 元") == ["补助", "2 9 7 8 元"]


def test_single_digits_alone_stay_apart():
    # a weight and a score (5 5), or a long run of digits with neither point nor unit: no number is certain
    assert _joined("满意度 5 5") == ["满意度", "5", "5"]
    run = " ".join(["1"] * 500)
    assert _joined(run) == ["1"] * 500
    assert _joined(run + " . 5 %") == [run + " . 5 %"]
