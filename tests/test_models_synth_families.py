"""The generator's layout families: every family renders, and every label points at the text of its value."""

from __future__ import annotations

import random
import re
from functools import lru_cache

import pytest

from jixiao.models import synth
from jixiao.models.synth_families import FAMILIES, TABLE_FAMILIES, draw_family, family_document
from jixiao.models.synth_records import draw_project
from jixiao.models.train import DataConfig

_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _plain(text: str) -> str:
    """A span's text without whitespace and inline pinyin, in simplified characters."""
    return _t2s().convert(re.sub(r"\s+", "", _PINYIN.sub("", text)))


def _simplified(text: str) -> str:
    return _t2s().convert(text)


def _docs(family: str, n: int = 12):
    for seed in range(n):
        rng = random.Random(seed)
        projects = [draw_project(rng) for _ in range(1 + seed % 2)]
        yield projects, family_document(rng, family, [], projects)


@pytest.mark.parametrize("family", FAMILIES[1:])
def test_each_family_labels_the_values_it_prints(family):
    kinds_seen: set[str] = set()
    for projects, lt in _docs(family):
        assert len(lt.chars) == len(lt.ids)
        names = {_simplified(p.name) for p in projects}
        orgs = {_simplified(p.department) for p in projects} | {_simplified(p.implementer) for p in projects}
        indicators = {_simplified(i.name) for p in projects for i in p.indicators}
        targets = [_simplified("".join(i.target)) for p in projects for i in p.indicators]
        amounts = {round(a, 2) for p in projects for a in p.amounts if a is not None}
        for start, end, kind in lt.spans():
            text = _plain(lt.text[start:end])
            kinds_seen.add(kind)
            if kind == "PROJECT":
                assert text in names
            elif kind in ("DEPT", "IMPL"):
                assert text in orgs
            elif kind == "IND":
                assert text in indicators
            elif kind == "TARGET":  # a split target labels operator, value and unit apart
                assert any(text in t for t in targets) or text in ("大于等于", "大于或等于", "不少于", "小于等于", "小于或等于", "不超过")
            elif kind.startswith("AMT_"):
                assert round(float(text.replace(",", "")), 2) in amounts
    assert {"PROJECT", "IND", "TARGET"} <= kinds_seen or family == "prose" and "PROJECT" in kinds_seen


@pytest.mark.parametrize("family", TABLE_FAMILIES)
def test_table_families_print_the_table_their_own_way(family):
    _, lt = next(_docs(family, 1))
    text = lt.text
    if family == "pipe_runs":
        assert re.search(r" \| \|{2,}\n", text)
    elif family == "cell_pipe_lines":
        assert re.search(r"^\|{4,}$", text, re.M) and re.search(r"\S \|$", text, re.M)
    elif family == "cell_blank_lines":
        assert "\n\n" in text
    elif family in ("flat_run", "row_run", "cell_lines", "spaces"):
        assert "\t" not in text and " | " not in text.split("项目")[-1]


def test_mirror_pages_are_traditional_with_pinyin_inside_their_values():
    found = False
    for projects, lt in _docs("mirror", 30):
        for start, end, kind in lt.spans():
            if kind == "PROJECT" and _PINYIN.search(lt.text[start:end]):
                found = True
                assert _plain(lt.text[start:end]) in {p.name for p in projects}
    assert found


def test_an_empty_mix_is_the_generator_of_before():
    a = synth.generate(6, 7)
    b = synth.generate(6, 7, families={})
    assert [d.text for d in a] == [d.text for d in b] and [d.spans() for d in a] == [d.spans() for d in b]


def test_the_mix_draws_every_family_it_names_and_no_other():
    rng = random.Random(1)
    mix = {"prose": 1.0, "pipe_runs": 1.0}
    drawn = {draw_family(rng, mix) for _ in range(50)}
    assert drawn == set(mix)


def test_an_unknown_family_is_refused():
    with pytest.raises(ValueError):
        DataConfig(family_mix={"tabs": 1.0})
    with pytest.raises(ValueError):
        DataConfig(family_mix={"prose": -1.0})
