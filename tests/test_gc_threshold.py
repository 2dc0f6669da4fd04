"""The extractor raises the process's young GC threshold when it loads, and never lowers one set higher."""

import gc

import pytest

from jixiao.config import Settings
from jixiao.pipelines.extract import Extractor, young_gc_threshold


@pytest.fixture
def gc_threshold():
    saved = gc.get_threshold()
    gc.set_threshold(700, *saved[1:])
    yield
    gc.set_threshold(*saved)


def test_loading_the_extractor_raises_the_young_threshold(gc_threshold):
    Extractor.from_settings(Settings(gc_young_threshold=12_345), load_tagger=False)
    assert gc.get_threshold()[0] == 12_345


def test_zero_leaves_the_threshold_and_a_higher_one_stays(gc_threshold):
    Extractor.from_settings(Settings(gc_young_threshold=0), load_tagger=False)
    assert gc.get_threshold()[0] == 700
    young_gc_threshold(90_000)
    young_gc_threshold(50_000)
    assert gc.get_threshold()[0] == 90_000
