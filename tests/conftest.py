"""Fixtures several test files share."""

import pytest

from jixiao.pipelines.map import Mapper


@pytest.fixture(scope="session")
def mapper() -> Mapper:
    """The shipped taxonomy's mapper (its caches hold answers only, so one serves every test)."""
    return Mapper.from_taxonomy()
