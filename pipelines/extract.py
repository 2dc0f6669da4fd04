"""The orchestrator: Document -> DocumentRecord through normalize, layout, parse, (tag, fuse), assemble, place, map, validate.

``Extractor`` loads its resources once (categories/mapper, and the tagger when
a checkpoint is present) and is safe to share between threads: ``extract``
keeps all per-document state in locals.

Modes:
- ``parser``: the rule parsers only (tables and prose projects not printed as tables, else the
  collapsed-text fallback);
- ``tagger``: the token classifier's spans assembled by ``assemble_from_spans``;
- ``combined``: the parser record fused with the tagger's spans by ``fuse``.
Without a tagger the tagger modes fall back to the parser and say so in
``record.meta["notes"]``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Literal

from jixiao.config import Settings, get_settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import ModelError
from jixiao.pipelines.account_codes import map_codes
from jixiao.pipelines.account_spaced import spaced_rows
from jixiao.pipelines.assemble import Assembler
from jixiao.pipelines.document import Document
from jixiao.pipelines.flat import FlatParser
from jixiao.pipelines.assemble_spans import assemble_from_spans
from jixiao.pipelines.final_accounts import FinalAccountsReader
from jixiao.pipelines.fuse import fuse
from jixiao.pipelines.fusion_rules import FUSION_RULES, FusionRules
from jixiao.pipelines.gap_regions import gap_regions, tag_regions
from jixiao.pipelines.cell_stream import cell_stream_rows
from jixiao.pipelines.run_together import run_together_cells
from jixiao.pipelines.layout import parse_rows, space_rows
from jixiao.pipelines.map import Mapper, map_record
from jixiao.pipelines.normalize import NormalizedText, normalize_text
from jixiao.pipelines.parsed import ParsedProject
from jixiao.pipelines.place import place
from jixiao.pipelines.prose import ProseParser, drop_duplicates, fill_from_summaries
from jixiao.pipelines.tables import TableParser
from jixiao.pipelines.tag import Tagger
from jixiao.pipelines.validate import check_record, parsed_extent
from jixiao.pipelines.vocab import Categories
from jixiao.record import DocumentRecord

Mode = Literal["combined", "parser", "tagger"]
# Hooks take (record, spans, text) or (spans, text), and the mapper as keyword `mapper`; the fuse hook also
# takes the fusion rules as keyword `rules`.
FuseHook = Callable[..., DocumentRecord]
SpansHook = Callable[..., DocumentRecord | list]

# A text whose lines average this long has lost its layout: read it as collapsed text.
COLLAPSED_LINE_CHARS = 600
# Space-separated rows are one table row per line: a text of fewer lines is collapsed text, not such a table.
SPACE_ROWS_MIN_LINES = 3
# A reading of cells run together (the last resort) stands only with this many indicator rows that have a
# target and an actual: cutting at known words also "finds" fields in text that is no table.
RUN_TOGETHER_MIN_ROWS = 2


def _lines(text: str) -> int:
    return sum(1 for line in text.split("\n") if line.strip())


def _a_table(parsed: list[ParsedProject]) -> list[ParsedProject]:
    """The projects of a reading that found a table: with funds or indicators (else the text may be prose)."""
    return [p for p in parsed if p.indicators or p.funds.annual or p.funds.executed]


def _run_together(norm: NormalizedText) -> NormalizedText | None:
    cells = run_together_cells(norm)
    return cell_stream_rows(cells) if cells is not None else None


def _facts(parsed: list[ParsedProject]) -> int:
    """Values a reading found: fields, funds and indicator cells."""
    n = 0
    for p in parsed:
        n += sum(x is not None for x in (p.department, p.implementer, p.score, p.funds.annual, p.funds.executed))
        n += sum(1 + len(i.target) + sum(x is not None for x in (i.actual, i.weight, i.score)) for i in p.indicators)
    return n


class Extractor:
    """Runs the pipeline on documents; build once with ``from_settings`` and reuse."""

    def __init__(self, *, mapper: Mapper | None = None, tagger: Tagger | None = None, fuse: FuseHook | None = None,
                 assemble_from_spans: SpansHook | None = None, settings: Settings | None = None,
                 fusion_rules: FusionRules = FUSION_RULES):
        self.settings = settings or get_settings()
        self.fusion_rules = fusion_rules
        self.mapper = mapper
        self.categories = Categories(mapper)
        self.tagger = tagger
        self.fuse = fuse
        self.assemble_from_spans = assemble_from_spans
        self.tables = TableParser(self.categories)
        self.prose = ProseParser()
        self.flat = FlatParser(self.categories)
        self.accounts = FinalAccountsReader()

    @classmethod
    def from_settings(cls, settings: Settings | None = None, *, load_tagger: bool | None = None) -> Extractor:
        """Load the mapper and, when enabled and a checkpoint is there, the tagger with its fuse hooks, once.

        A checkpoint folder that exists but cannot be loaded is an error, not a silent fallback:
        a bulk run must not quietly lose the tagger.
        """
        settings = settings or get_settings()
        mapper = Mapper.from_taxonomy()
        want = settings.use_tagger if load_tagger is None else load_tagger
        if not (want and (settings.model_dir / "config.json").is_file()):
            return cls(mapper=mapper, settings=settings)
        from jixiao.models.tagger import CharTagger

        try:
            tagger = CharTagger.from_settings(settings)
        except Exception as exc:
            raise ModelError(f"cannot load the tagger checkpoint: {exc}", source=str(settings.model_dir)) from exc
        return cls(mapper=mapper, tagger=tagger, fuse=fuse, assemble_from_spans=assemble_from_spans, settings=settings)

    @property
    def ready(self) -> bool:
        """Taxonomy loaded (the tagger is optional: without it the tagger modes say so in meta.notes)."""
        return self.mapper is not None

    # -- entry points --
    def extract_text(self, text: str, doc_id: str = "document", source: str | None = None, mode: Mode = "combined") -> DocumentRecord:
        return self.extract(Document(doc_id=doc_id, source=source, text=text), mode=mode)

    def extract(self, doc: Document, mode: Mode = "combined", deadline: Deadline = NO_DEADLINE) -> DocumentRecord:
        """The document's record; past ``deadline`` it stops at the next stage (``DeadlineExceeded``)."""
        timings: dict[str, float] = {}
        notes: list[str] = []
        if mode == "tagger" and self.tagger is not None and self.assemble_from_spans is not None:
            # tagger-only means tagger only: the parser's record would be thrown away
            record, parsed = DocumentRecord(doc_id=doc.doc_id, source=doc.source), {}
            record.final_accounts = self._final_accounts(normalize_text(doc.text), timings, deadline)
        else:
            record, parsed = self._read(doc, timings, notes, deadline)
        if mode in ("tagger", "combined"):
            accounts = record.final_accounts
            record = self._with_tagger(record, doc, mode, timings, notes, deadline)
            record.final_accounts = accounts  # the tagger reads projects only
        # page/table/row/col/bbox of every value, parser's or tagger's, from the loader's cells
        record = place(record, doc)
        if self.mapper is not None:
            deadline.check("mapping")
            t0 = time.perf_counter()
            record = map_record(record, self.mapper)
            timings["map"] = time.perf_counter() - t0
        # checks run last, on the final record: a fused project is checked with the rows the tagger gave it
        record = check_record(record, parsed)
        if not record.projects:
            # tells "not a report" apart from a crash or an empty upload for a bulk consumer
            notes.append("no project table or project report found")
        record.meta.update({"mode": mode, "timings_s": {k: round(v, 6) for k, v in timings.items()}})
        if doc.encoding:
            record.meta["encoding"] = doc.encoding
        record.meta["format"] = doc.format
        if notes:
            record.meta["notes"] = notes
        return record

    # -- stages --
    def parse(self, doc: Document, timings: dict[str, float] | None = None, notes: list[str] | None = None,
              deadline: Deadline = NO_DEADLINE) -> DocumentRecord:
        """The rule-based record, checked: tables (else the collapsed-text reading) and the prose projects around them."""
        record, parsed = self._read(doc, timings, notes, deadline)
        return check_record(place(record, doc), parsed)

    def _read(self, doc: Document, timings: dict[str, float] | None = None, notes: list[str] | None = None,
              deadline: Deadline = NO_DEADLINE) -> tuple[DocumentRecord, dict[tuple[int, int], ParsedProject]]:
        """The rule-based record, unchecked, and the parser's reading of each project by ``parsed_extent``."""
        timings = {} if timings is None else timings
        notes = [] if notes is None else notes
        deadline.check("normalization")
        t0 = time.perf_counter()
        norm = source = normalize_text(doc.text)
        t1 = time.perf_counter()
        timings["normalize"] = t1 - t0
        lines = norm.text.count("\n") + 1
        collapsed = len(norm.text) / lines > COLLAPSED_LINE_CHARS
        parsed: list[ParsedProject] = []
        if not collapsed:
            deadline.check("layout")
            rows = parse_rows(norm)
            t2 = time.perf_counter()
            timings["layout"] = t2 - t1
            parsed = self.tables.parse(rows)
            timings["tables"] = time.perf_counter() - t2
        if not parsed:
            parsed, norm, note = self._other_layouts(norm, collapsed, timings, deadline)
            if parsed:
                notes.append(note)
        # prose between (or instead of) the tables: a project not already printed as a table
        deadline.check("the prose reader")
        t3 = time.perf_counter()
        prose = self.prose.parse(norm, exclude=[(p.start, p.end) for p in parsed])
        fill_from_summaries(prose, parsed)
        prose = drop_duplicates(prose, parsed)
        timings["prose"] = time.perf_counter() - t3
        if prose:
            notes.append("projects read from prose")
            parsed = sorted(parsed + prose, key=lambda p: p.start)
        deadline.check("assembly")
        t5 = time.perf_counter()
        assembler = Assembler(norm)
        projects = [assembler.project(p) for p in parsed]
        timings["assemble"] = time.perf_counter() - t5
        readings = {parsed_extent(proj): p for proj, p in zip(projects, parsed)}
        accounts = self._final_accounts(source, timings, deadline)
        return DocumentRecord(doc_id=doc.doc_id, source=doc.source, projects=projects, final_accounts=accounts), readings

    def _final_accounts(self, norm: NormalizedText, timings: dict[str, float], deadline: Deadline) -> list:
        """The 部门决算 standard tables (contract section 6), read on the text as normalized (offsets true)."""
        deadline.check("the final-accounts reader")
        t0 = time.perf_counter()
        tables = self.accounts.read(norm)
        if not tables and len(norm.text) / (norm.text.count("\n") + 1) > COLLAPSED_LINE_CHARS:
            tables = self.accounts.read_collapsed(norm)  # the layout is lost: rows found again at their anchors
        elif not tables and "\t" not in norm.text and (laid := spaced_rows(norm)) is not None:
            tables = self.accounts.read(laid)  # cells laid out with spaces: columns found again by position
        if self.mapper is not None:
            map_codes(tables, self.mapper.taxonomy)
        timings["final_accounts"] = time.perf_counter() - t0
        return tables

    def _other_layouts(self, norm: NormalizedText, collapsed: bool, timings: dict[str, float],
                       deadline: Deadline) -> tuple[list[ParsedProject], NormalizedText, str]:
        """The text read in each layout a table without tab rows may have been printed in; the reading that
        finds most of a table wins (each reader is linear). Returns its projects, the text their offsets index
        (a reading that regroups the cells builds its own, which maps back to the document like the text) and
        a note for ``meta.notes``."""
        readings: list[tuple[list[ParsedProject], NormalizedText, str]] = []
        t0 = time.perf_counter()
        if not collapsed and "\t" not in norm.text and _lines(norm.text) >= SPACE_ROWS_MIN_LINES:
            deadline.check("the space-separated rows reader")
            readings.append((self.tables.parse(parse_rows(space_rows(norm), one_row_per_line=True)), norm,
                             "table read from space-separated rows"))
        stream = cell_stream_rows(norm) if not collapsed else None
        if stream is not None:
            deadline.check("the one-cell-per-line reader")
            readings.append((self.tables.parse(parse_rows(stream, one_row_per_line=True)), stream,
                             "table read from one cell per line"))
        timings["other_layouts"] = time.perf_counter() - t0
        deadline.check("the collapsed-text reader")
        t1 = time.perf_counter()
        flat = _a_table(self.flat.parse(norm))
        timings["flat"] = time.perf_counter() - t1
        best = (flat, norm, "layout lost: projects read from collapsed text")
        for reading in readings:
            if reading[0] and _facts(reading[0]) >= _facts(best[0]):
                best = reading
        if not best[0] and not collapsed and not self.prose.parse(norm) and (cells := _run_together(norm)) is not None:
            # the last resort: cut runs of cells at the words the readers know (it would cut a prose report
            # too, so only where no other reading, prose included, found anything)
            deadline.check("the run-together reader")
            found = self.tables.parse(parse_rows(cells, one_row_per_line=True))
            # the cut is a guess: it stands only where it gives whole indicator rows, not a lone field or two
            if sum(1 for p in found for i in p.indicators if i.target and i.actual) >= RUN_TOGETHER_MIN_ROWS:
                best = (found, cells, "table read from cells run together")
        return best

    def _with_tagger(self, record: DocumentRecord, doc: Document, mode: Mode, timings: dict, notes: list[str],
                     deadline: Deadline = NO_DEADLINE) -> DocumentRecord:
        if self.tagger is None:
            notes.append(f"mode {mode}: no tagger loaded, parser record returned")
            return record
        hook = self.assemble_from_spans if mode == "tagger" else self.fuse
        if hook is None:
            notes.append(f"mode {mode}: tagger loaded but no fuse hook installed, parser record returned")
            return record
        t0 = time.perf_counter()
        if mode == "combined" and record.projects:
            # the tagger only fills the parser's gaps: complete projects are not tagged at all
            spans = tag_regions(self.tagger, doc.text, gap_regions(record, len(doc.text)), deadline)
        else:
            spans = tag_regions(self.tagger, doc.text, [(0, len(doc.text))], deadline)
        timings["tag"] = time.perf_counter() - t0
        deadline.check("fusion" if mode == "combined" else "assembling the tagger's spans")
        t1 = time.perf_counter()
        if mode == "tagger":
            fused = hook(spans, doc.text, mapper=self.mapper)
        else:
            fused = hook(record, spans, doc.text, mapper=self.mapper, rules=self.fusion_rules)
        timings["fuse"] = time.perf_counter() - t1
        if isinstance(fused, list):  # assemble_from_spans returns the projects
            fused = DocumentRecord(doc_id=record.doc_id, source=record.source, projects=fused)
        fused.doc_id, fused.source = record.doc_id, record.source
        return fused
