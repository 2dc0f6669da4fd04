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

import gc
import time
from collections.abc import Callable
from typing import Literal

from jixiao.config import Settings, get_settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import ModelError
from jixiao.pipelines.account_breaks import broken_rows
from jixiao.pipelines.account_cells import cell_tables
from jixiao.pipelines.account_pages import side_by_side
from jixiao.pipelines.account_merged import merged_repeats
from jixiao.pipelines.account_collapsed import ran_together
from jixiao.pipelines.csv_sheets import csv_rows
from jixiao.pipelines.account_readings import fill_unread, printed_titles, unread
from jixiao.pipelines.account_placement import attach
from jixiao.pipelines.account_codes import map_codes
from jixiao.pipelines.account_spaced import spaced_rows
from jixiao.pipelines.assemble import Assembler
from jixiao.pipelines.document import Document
from jixiao.pipelines.assemble_spans import assemble_from_spans
from jixiao.pipelines.account_titles import is_title_line, table_kind
from jixiao.pipelines.final_accounts import FinalAccountsReader, facts
from jixiao.pipelines.fuse import fuse
from jixiao.pipelines.fusion_rules import FusionRules
from jixiao.pipelines.gap_regions import gap_regions, tag_regions
from jixiao.pipelines.map import Mapper
from jixiao.pipelines.map_record import map_record
from jixiao.pipelines.normalize import COLLAPSED_LINE_CHARS, NormalizedText, layout_lost
from jixiao.pipelines.scan_text import normalize_scanned
from jixiao.pipelines.parsed import ParsedProject
from jixiao.pipelines.place import place
from jixiao.pipelines.pipeline import PIPELINE, PipelineConfig
from jixiao.pipelines.prose_fills import fill_lone_funds
from jixiao.pipelines.prose import ProseParser
from jixiao.pipelines.prose_names import is_duplicate
from jixiao.pipelines.prose_merge import (
    drop_duplicates, fill_closing_scores, fill_footnote_grade, fill_from_summaries, fill_lead_scores, fill_lone_code, fill_lone_score, fill_lone_units,
)
from jixiao.pipelines.prose_indicators import fill_lone_indicators
from jixiao.pipelines.relined_tables import relined_tables, with_original
from jixiao.pipelines.account_scanned import scan_reads_better, scanned_rows
from jixiao.pipelines.readers import LayoutReaders, a_table, is_collapsed
from jixiao.pipelines.readers import facts as reading_facts
from jixiao.pipelines.pdf_scans import scan_meta, searchable_pages
from jixiao.pipelines.table_pictures import picture_meta
from jixiao.pipelines.reading_plausibility import plausible_facts
from jixiao.pipelines.repeats import drop_repeated_tables
from jixiao.pipelines.tag import Tagger
from jixiao.pipelines.validate import check_record, parsed_extent
from jixiao.pipelines.vocab import Categories
from jixiao.record import DocumentRecord

Mode = Literal["combined", "parser", "tagger"]
# Hooks take (record, spans, text) or (spans, text), and the mapper as keyword `mapper`; the fuse hook also
# takes the fusion rules as keyword `rules`.
FuseHook = Callable[..., DocumentRecord]
SpansHook = Callable[..., DocumentRecord | list]

def young_gc_threshold(threshold: int) -> None:
    """Raise Python's gen-0 collection threshold to ``threshold`` (never lower it; 0 leaves it alone).

    Extraction allocates many short-lived objects (cells, spans, pydantic models) that die young; at Python's
    default of 700 the cyclic collector ran every few hundred of them and took ~10% of seed 004's extraction
    (docs/decisions/throughput.md). Process-wide on purpose: it is set where the extractor loads, once per process.
    """
    gen0, gen1, gen2 = gc.get_threshold()
    if threshold and gen0 < threshold:
        gc.set_threshold(threshold, gen1, gen2)


# a prose reading of at least this many projects may replace a table reading without indicator rows
SEVERAL_PROJECTS = 2


class Extractor:
    """Runs the pipeline on documents; build once with ``from_settings`` and reuse."""

    def __init__(self, *, mapper: Mapper | None = None, tagger: Tagger | None = None, fuse: FuseHook | None = None,
                 assemble_from_spans: SpansHook | None = None, settings: Settings | None = None,
                 fusion_rules: FusionRules | None = None, pipeline: PipelineConfig = PIPELINE):
        self.settings = settings or get_settings()
        self.fusion_rules = fusion_rules or pipeline.fusion
        self.mapper = mapper
        self.categories = Categories(mapper)
        self.tagger = tagger
        self.fuse = fuse
        self.assemble_from_spans = assemble_from_spans
        self.pipeline = pipeline
        wrapped = self.settings.wrapped_rows
        self.readers = LayoutReaders.build(self.categories, pipeline.first_reader, pipeline.alternative_readers,
                                           pipeline.last_resort_readers, wrapped_rows=wrapped == "always")
        # a PDF's text layer: its rows' cells may wrap inside them (pdfplumber's page text of an unruled table)
        self.pdf_readers = self.readers if wrapped != "pdf" else LayoutReaders.build(
            self.categories, pipeline.first_reader, pipeline.alternative_readers, pipeline.last_resort_readers,
            wrapped_rows=True)
        self.prose = ProseParser()
        self.accounts = FinalAccountsReader()

    @classmethod
    def from_settings(cls, settings: Settings | None = None, *, load_tagger: bool | None = None) -> Extractor:
        """Load the mapper and, when enabled and a checkpoint is there, the tagger with its fuse hooks, once; raise the
        process's young GC threshold to ``settings.gc_young_threshold`` (``young_gc_threshold``).

        A checkpoint folder that exists but cannot be loaded is an error, not a silent fallback:
        a bulk run must not quietly lose the tagger.
        """
        settings = settings or get_settings()
        young_gc_threshold(settings.gc_young_threshold)
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
            record.final_accounts = self._final_accounts(normalize_scanned(doc.text), timings, deadline)
        else:
            record, parsed = self._read(doc, timings, notes, deadline)
        if mode in ("tagger", "combined"):
            accounts = record.final_accounts
            record = self._with_tagger(record, doc, mode, timings, notes, deadline, parsed)
            record.final_accounts = accounts  # the tagger reads projects only
        # page/table/row/col/bbox of every value, parser's or tagger's, from the loader's cells
        t0 = time.perf_counter()
        record = place(record, doc)
        timings["place"] = time.perf_counter() - t0
        if self.mapper is not None:
            deadline.check("mapping")
            t0 = time.perf_counter()
            record = map_record(record, self.mapper, copy=False)  # the record is this call's own
            timings["map"] = time.perf_counter() - t0
        # checks run last, on the final record: a fused project is checked with the rows the tagger gave it
        t0 = time.perf_counter()
        record = check_record(record, parsed)
        timings["check"] = time.perf_counter() - t0
        if not record.projects:
            # tells "not a report" apart from a crash or an empty upload for a bulk consumer
            notes.append("no project table or project report found")
        record.meta.update({"mode": mode, "timings_s": {k: round(v, 6) for k, v in timings.items()}})
        if doc.encoding:
            record.meta["encoding"] = doc.encoding
        record.meta["format"] = doc.format
        ocr_pages, scan_notes = scan_meta(doc.pages)
        if ocr_pages:
            record.meta["ocr_pages"] = ocr_pages
        if searchable := searchable_pages(doc.pages):
            record.meta["text_layer_scan_pages"] = searchable
        notes += scan_notes
        ocr_images, picture_notes = picture_meta(doc.pictures)
        if ocr_images:
            record.meta["ocr_images"] = ocr_images
        notes += picture_notes
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
        # (a table whose line breaks were lost has them put back first; the rest of the text is still collapsed)
        norm = source = with_original(normalize_scanned(relined_tables(doc.text)), doc.text)
        t1 = time.perf_counter()
        timings["normalize"] = t1 - t0
        readers = self.pdf_readers if doc.format == "pdf" else self.readers
        reading = readers.read(norm, lambda stage: deadline.check(f"the {stage} reader"))
        timings["read"] = time.perf_counter() - t1
        parsed, norm = drop_repeated_tables(reading.projects), reading.text
        if parsed and reading.note:
            notes.append(reading.note)
        # prose between (or instead of) the tables: a project not already printed as a table
        deadline.check("the prose reader")
        t3 = time.perf_counter()
        prose = self.prose.parse(norm, exclude=[(p.start, p.end) for p in parsed])
        if parsed and not any(p.indicators for p in parsed) and (whole := self._several_instead(source, parsed, prose)):
            parsed, prose, norm = [], whole, source  # (a report on several projects, its rows read as a funds table)
        elif parsed and not prose and (whole := self._prose_instead(source, parsed)):
            parsed, prose, norm = [], whole, source  # (read on the text as normalized, not as a reader laid it out)
        fill_from_summaries(prose, parsed)
        prose = drop_duplicates(prose, parsed)
        if not prose:
            fill_lone_score(norm.text, parsed)
            fill_lead_scores(norm.text, parsed)
            fill_closing_scores(norm.text, parsed)
            fill_footnote_grade(norm.text, parsed)
            fill_lone_funds(norm.text, parsed)
            fill_lone_code(norm.text, parsed)
            fill_lone_units(source, norm, parsed)
            fill_lone_indicators(norm.text, parsed)
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

    def _prose_instead(self, norm: NormalizedText, parsed: list[ParsedProject]) -> list[ParsedProject]:
        """The prose reading of the whole text (as normalized) where the table reading found labels only (项目名称 /
        主管部门 of a report whose line breaks were lost), neither funds nor indicators, and the prose names the same
        projects."""
        # (where the layout is lost, a table reading of a report's labeled sentences, 指标名称：…；年度目标值：…, competes
        # with the prose reading by the values each finds)
        if a_table(parsed) and not layout_lost(norm.text):
            return []
        whole = self.prose.parse(norm)
        same = len(whole) == len(parsed) and all(is_duplicate(p.name.text, q.name.text) for p, q in zip(whole, parsed))
        if a_table(parsed) and not same:
            # a table reading of the report's sentences may miss a project, never add one: the prose naming every
            # project it names reads the same projects
            same = len(whole) >= len(parsed) and all(any(is_duplicate(p.name.text, q.name.text) for p in whole)
                                                     for q in parsed)
        # the table reading's rows cut from the prose's sentences (names 分值, —名称:) are no facts of a table
        return whole if same and (not a_table(parsed) or reading_facts(whole) > plausible_facts(parsed)) else []

    def _several_instead(self, norm: NormalizedText, parsed: list[ParsedProject],
                         prose: list[ParsedProject]) -> list[ParsedProject]:
        """The prose reading of the whole text where the table reading found no indicator row and the prose reads
        several projects stating more facts than both readings of the parts: a report on several projects whose
        labeled lines (项目名称：…／全年预算数：…) or summary table of projects a table reader took for a funds table."""
        whole = self.prose.parse(norm)
        if len(whole) < SEVERAL_PROJECTS:
            return []
        return whole if reading_facts(whole) > plausible_facts(parsed) + reading_facts(prose) else []

    def _final_accounts(self, norm: NormalizedText, timings: dict[str, float], deadline: Deadline) -> list:
        """The 部门决算 standard tables (contract section 6), read on the text as normalized (offsets true)."""
        deadline.check("the final-accounts reader")
        t0 = time.perf_counter()
        norm = csv_rows(norm) or norm  # a sheet saved as CSV: its rows as tab rows
        norm = merged_repeats(norm, table_kind) or norm  # a sheet dumped with its merged cells filled: blanked again
        norm = broken_rows(norm, is_title_line) or norm  # a Word table's cells with line breaks: rows put together
        norm = side_by_side(norm, is_title_line) or norm  # two tables beside each other on a page: one after the other
        tables = self.accounts.read(norm)
        titles = printed_titles(norm)
        # a table titled with nothing read under it: its cells are laid out with spaces (the others with tabs)
        missing = unread(tables, titles)
        if not facts(tables) or missing:  # titles with no rows read under them (or none): the layout is another
            # (the facts first: the title scan of ran_together is for a text with none read)
            if not facts(tables) and (is_collapsed(norm) or ran_together(norm, table_kind, COLLAPSED_LINE_CHARS)):
                other = self.accounts.read_collapsed(norm)  # the layout is lost: rows found again at their anchors
            elif ("\t" not in norm.text or missing) and (laid := spaced_rows(norm)) is not None:
                other = self.accounts.read(laid)  # cells laid out with spaces: columns found again by position
            else:
                other = []
            tables = other if facts(other) > facts(tables) or not tables else tables
        if (cells := cell_tables(norm, is_title_line)) is not None:  # one cell a line: the header gives the grid
            by_cell = self.accounts.read(cells.norm)
            attach(by_cell, cells.notes)  # rows whose lost blank cells leave their placement open
            tables = by_cell if facts(by_cell) > facts(tables) else tables
        if (scanned := scanned_rows(norm, is_title_line)) is not None:  # an OCR'd scan: each line read as tokens
            by_scan = self.accounts.read(scanned)
            tables = by_scan if scan_reads_better(by_scan, tables) else tables
        if unread(tables, titles):  # one space a cell, a row a line: its cells found as in collapsed text
            tables = fill_unread(tables, self.accounts.read_collapsed(norm), titles)
        if self.mapper is not None:
            map_codes(tables, self.mapper.taxonomy)
        timings["final_accounts"] = time.perf_counter() - t0
        return tables

    def _with_tagger(self, record: DocumentRecord, doc: Document, mode: Mode, timings: dict, notes: list[str],
                     deadline: Deadline = NO_DEADLINE,
                     parsed: dict[tuple[int, int], ParsedProject] | None = None) -> DocumentRecord:
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
            ranges = gap_regions(record, doc.text, parsed, kept_layout=self.fusion_rules.tag_kept_layout)
        elif mode == "combined" and not self.fusion_rules.tagger_projects:
            # no parser project and the tagger's own may not stand in (``FusionRules.tagger_projects``): its spans
            # could change nothing (a 决算-only document: the tagging was ~40% of its time)
            ranges = []
        else:
            ranges = [(0, len(doc.text))]
        spans = tag_regions(self.tagger, doc.text, ranges, deadline)
        timings["tag"] = time.perf_counter() - t0
        deadline.check("fusion" if mode == "combined" else "assembling the tagger's spans")
        t1 = time.perf_counter()
        if mode == "tagger":
            fused = hook(spans, doc.text, mapper=self.mapper)
        else:
            # the parser record is this call's own: the shipped fuse works in it instead of deep copies
            own = {"copy": False} if hook is fuse else {}
            fused = hook(record, spans, doc.text, mapper=self.mapper, rules=self.fusion_rules, **own)
        timings["fuse"] = time.perf_counter() - t1
        if isinstance(fused, list):  # assemble_from_spans returns the projects
            fused = DocumentRecord(doc_id=record.doc_id, source=record.source, projects=fused)
        elif isinstance(fused.meta.get("fusion"), dict):
            fused.meta["fusion"]["tagged_chars"] = sum(b - a for a, b in ranges)
        fused.doc_id, fused.source = record.doc_id, record.source
        return fused
