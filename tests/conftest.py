"""Fixtures several test files share."""

import pytest

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.map import Mapper


@pytest.fixture(scope="session")
def mapper() -> Mapper:
    """The shipped taxonomy's mapper (its caches hold answers only, so one serves every test)."""
    return Mapper.from_taxonomy()


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The parser-only extractor most reader tests run (stateless between documents, so one serves every test;
    a module that needs other settings defines its own)."""
    return Extractor.from_settings(load_tagger=False)
