"""Tag stage: the slot where the token classifier plugs in.

A tagger turns text into labelled character spans. The pipeline only
depends on this protocol; ``jixiao.models`` provides the trained
implementation, and the label set is documented in ``models/labels.py``.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from pydantic import BaseModel

from jixiao.deadline import NO_DEADLINE, Deadline


class EntitySpan(BaseModel):
    label: str
    start: int
    end: int
    text: str
    score: float = 1.0


@runtime_checkable
class Tagger(Protocol):
    def tag(self, text: str, *, deadline: Deadline = NO_DEADLINE) -> list[EntitySpan]:
        """Entity spans over ``text``; offsets index into ``text``. Checks ``deadline`` between batches."""
        ...
