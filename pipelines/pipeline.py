"""The pipeline's configuration, typed: which readers run and in what order, and the fusion rules.

``jixiao pipeline`` prints it. The stages run in this order for every document:
normalize -> read (the readers named here, then prose) -> assemble -> tag and fuse (modes tagger, combined)
-> place (page/cell provenance) -> map (taxonomy) -> check (last, on the final record).
"""

from __future__ import annotations

from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator

from jixiao.pipelines.fusion_rules import FUSION_RULES, FusionRules
from jixiao.pipelines.parsed import ParsedProject
from jixiao.pipelines.readers import READERS, Reader  # noqa: F401  (Reader: the readers' protocol)
from jixiao.pipelines.tag import EntitySpan, Tagger  # noqa: F401  (Tagger: the tag stage's protocol)
from jixiao.record import DocumentRecord


class Fuser(Protocol):
    """The parser's record and the tagger's spans -> the combined record (``fuse.fuse``)."""

    def __call__(self, parser_record: DocumentRecord, spans: list[EntitySpan], text: str, *, mapper: Any = None,
                 rules: FusionRules = FUSION_RULES) -> DocumentRecord: ...


class Checker(Protocol):
    """The final record -> the same record with its checks (``validate.check_record``)."""

    def __call__(self, record: DocumentRecord, parsed: dict[tuple[int, int], ParsedProject]) -> DocumentRecord: ...


# every document goes through these, in this order (tag and fuse only in the tagger and combined modes)
STAGES = ("ingest", "normalize", "read", "prose", "assemble", "tag", "fuse", "place", "map", "check")


class PipelineConfig(BaseModel):
    """What an ``Extractor`` runs; the defaults are the shipped pipeline."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    first_reader: str = Field(default="tab_rows", description="reads the layouts that keep their rows")
    alternative_readers: tuple[str, ...] = Field(
        default=("collapsed", "flat_run", "space_rows", "cell_stream", "collapsed_cells", "tab_run"),
        description="each reads the text when the first finds no table; the reading that finds most is kept, on "
                    "a tie the later one (the readers that keep more of the printed structure are listed later)")
    last_resort_readers: tuple[str, ...] = Field(
        default=("run_together",), description="read only where no reader, prose included, found anything")
    fusion: FusionRules = Field(default=FUSION_RULES, description="how the parser's and the tagger's values combine")

    @field_validator("first_reader")
    @classmethod
    def _known_reader(cls, name: str) -> str:
        if name not in READERS:
            raise ValueError(f"unknown reader {name!r}; known: {', '.join(READERS)}")
        return name

    @field_validator("alternative_readers", "last_resort_readers")
    @classmethod
    def _known_readers(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        for name in names:
            cls._known_reader(name)
        return names


PIPELINE = PipelineConfig()  # the shipped pipeline
