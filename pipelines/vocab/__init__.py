"""The printed words the table parser keys on: field labels, column headers, indicator categories.

Category cells are read with the small table of printed forms here, then with the
taxonomy's ``Mapper`` (``jixiao.pipelines.map``) when one is given, exact and alias
matches only.

One home, in parts: ``tables``, ``stage_lists``, ``collapsed``, ``cells``, ``raw_text``, ``generator``, ``prose``, ``values``, ``measures``, ``accounts``.
"""

from __future__ import annotations

from jixiao.pipelines.vocab.tables import *  # noqa: F403
from jixiao.pipelines.vocab.stage_lists import *  # noqa: F403
from jixiao.pipelines.vocab.collapsed import *  # noqa: F403
from jixiao.pipelines.vocab.cells import *  # noqa: F403
from jixiao.pipelines.vocab.raw_text import *  # noqa: F403
from jixiao.pipelines.vocab.generator import *  # noqa: F403
from jixiao.pipelines.vocab.prose import *  # noqa: F403
from jixiao.pipelines.vocab.values import *  # noqa: F403
from jixiao.pipelines.vocab.measures import *  # noqa: F403
from jixiao.pipelines.vocab.accounts import *  # noqa: F403
from jixiao.pipelines.vocab.wrapped import *  # noqa: F403
