"""All configuration, typed, in one place; read from ``JIXIAO_*`` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PACKAGE_ROOT = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_ROOT.parent
# The shared folder beside the checkout (seeds/, real-layouts/, spec/): ../shared from the repository
# root; the last place a manifest's texts are looked for.
SHARED_DIR = REPO_ROOT.parent / "shared"
# The shared seed documents by default: the input of the benchmarks and of the tagger's weak labels
# (the evaluation resolves texts through its manifest). JIXIAO_SEEDS_DIR overrides it: use
# ``Settings.seeds_root``, which applies the override, rather than this constant.
SHARED_SEEDS_DIR = SHARED_DIR / "seeds"
# The shared real-layouts documents (rla: development split, rlb: held out); JIXIAO_REAL_LAYOUTS_DIR
# overrides it (``Settings.real_layouts_root``).
SHARED_REAL_LAYOUTS_DIR = SHARED_DIR / "real-layouts"


def _default_model_dir() -> Path:
    import jixiao.models

    return Path(jixiao.models.__file__).resolve().parent / "checkpoint"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JIXIAO_", env_file=None)

    # inputs
    max_input_bytes: int = Field(default=20 * 1024 * 1024, description="largest file or body accepted")
    max_text_chars: int = Field(default=2_000_000, description="longest decoded text accepted")
    # decompression bombs: checked on the container before any parser sees it
    max_zip_members: int = Field(default=2_000, description="most members a DOCX/XLSX (ZIP) may hold")
    max_zip_bytes: int = Field(default=200 * 1024 * 1024, description="largest total uncompressed size of a DOCX/XLSX")
    max_zip_xml_bytes: int = Field(
        default=16 * 1024 * 1024, description="largest total uncompressed size of the XML parts a DOCX/XLSX loader parses"
    )
    max_zip_ratio: float = Field(
        default=200.0, description="largest compression ratio of a DOCX/XLSX member over 1 MiB uncompressed"
    )
    max_archive_depth: int = Field(
        default=2, description="archives as inputs (a ZIP of PDFs): how deep archives may nest, the outer one 1; a "
        "ZIP in a ZIP is 2, one level deeper is refused (input.archive_depth)")
    max_xlsx_cells: int = Field(default=100_000, description="most cells an XLSX may store, all sheets (openpyxl holds ~2 kB each)")
    max_pdf_pages: int = Field(default=300, description="most pages a PDF may have")
    max_image_frames: int = Field(default=300, description="most frames (pages) a TIFF may have, as max_pdf_pages for a PDF")
    max_image_pixels: int = Field(
        default=40_000_000, description="most pixels an image may have (below Pillow's 89.5 M default; A4 at 600 dpi is 35 M)"
    )
    # rapidocr shrinks a page to 2000 px on its long side, then enlarges its short side to 736 px for the text
    # detector: any page of a usual shape works on at most ~4 Mpixel there, but a thin strip is stretched (a blank
    # 32x3000 PNG of 200 bytes became 736x49000 = 36 Mpixel, 4.7 GB and 48 s). ~130 MB a detector Mpixel.
    max_ocr_pixels: int = Field(default=12_000_000, description="most pixels the OCR text detector may work on for "
                                "one image page once the engine has resized it (a thin strip is stretched)")
    pdf_ocr: bool = Field(
        default=True, description="OCR a PDF page that has no text layer (a scan) or a garbage one (needs the ocr extra); "
        "false: read the text layer only")
    picture_ocr: bool = Field(
        default=True, description="OCR a picture that may hold a table inside a text document (a scanned 自评表 pasted "
        "on a PDF text page or into a DOCX; needs the ocr extra; in a PDF also JIXIAO_PDF_OCR); false: skip pictures")
    pdf_ocr_searchable: bool = Field(
        default=False, description="OCR a 'searchable' scan page too (a page image under an invisible text layer, "
        "another tool's OCR) instead of trusting its text layer (needs the ocr extra)")
    # model
    model_dir: Path = Field(default_factory=_default_model_dir)
    use_tagger: bool = Field(default=True, description="run the token classifier when its checkpoint is present")
    tagger_backend: str = Field(default="auto", description="auto | torch | onnx")
    wrapped_rows: Literal["pdf", "always", "never"] = Field(
        default="pdf", description="rebuild table rows whose cells wrap inside them (a PDF's text layer): pdf = in "
        "documents read from PDF files; always = in every text (texts other tools pulled from PDFs); never")
    tagger_regions: bool = Field(default=True, description="tag only stretches near table vocabulary (faster on long prose)")
    # service
    max_batch: int = 32
    request_timeout_s: float = 60.0
    # Asynchronous jobs (POST /v1/jobs) exist for what the request limit cannot read: a scanned PDF is OCR'd at
    # ~6-17 s a page (docs/decisions/scanned-pdfs.md), so a 30-page scanned 决算 takes minutes. 900 s reads ~50
    # such pages on shared cores; the deadline runs from the job's start, not from its place in the queue.
    job_timeout_s: float = Field(default=900.0, gt=0, description="time limit of one asynchronous job, all its documents")
    # Bounded memory: an upload stays in memory until its document starts, so the worst case is max_jobs times
    # JIXIAO_MAX_BODY_BYTES (32 x 64 MiB); records of finished jobs are small (kB to a few hundred kB).
    max_jobs: int = Field(default=32, ge=1, description="most jobs held at once: queued, running, or finished and not "
                          "expired; a full store answers 429 job.queue_full")
    # Long enough for a client polling every few seconds, short enough that unread results free their place.
    job_ttl_s: float = Field(default=900.0, gt=0, description="how long a finished job's result is kept")
    # Unset: jobs live in memory (tests, a laptop, a throwaway container); a deployment sets it to a persistent
    # volume so that a restart or a crash loses no accepted job (docs/decisions/async-jobs.md).
    jobs_dir: Path | None = Field(default=None, description="folder of the durable job store (SQLite file and the "
                                  "jobs' inputs), shared by the server processes of one host; unset: jobs live in "
                                  "this process's memory and a restart loses them")
    # Several server processes of one host share JIXIAO_JOBS_DIR: the process running a job writes a heartbeat this
    # often, and at the same beat notices a cancellation (DELETE) made through another process and stops the job's
    # worker; one UPDATE a second per process is nothing next to an extraction, and a cancelled worker is freed within it.
    job_heartbeat_s: float = Field(default=1.0, gt=0, description="how often a server process renews the leases of its "
                                   "jobs and looks for cancellations made elsewhere (with JIXIAO_JOBS_DIR)")
    # A process that crashed is seen at once (its lock file is released, service/job_lease.py); the heartbeat is
    # for one alive but wedged. 30 beats: an event loop that has not run for 30 s is stuck, not busy (extraction
    # runs in workers), and a takeover that came too soon would only run a document twice, never write it twice.
    job_lease_s: float = Field(default=30.0, gt=0, description="a job whose process has not renewed its lease for "
                               "this long is taken over by another process (with JIXIAO_JOBS_DIR)")
    auth_tokens: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="bearer tokens, comma-separated in the environment; empty disables auth"
    )
    gc_young_threshold: int = Field(
        default=50_000, ge=0, description="Python's gen-0 GC threshold, raised to this when the extractor loads (a "
        "document allocates ~10^5 short-lived objects; at the default 700 collections took ~10% of an extraction); 0: "
        "left alone")
    workers_threads: int = Field(default=2, description="documents extracted at once: worker processes (or threads)")
    worker_isolation: str = Field(
        default="process", description="process: each extraction in a worker process, killed at its deadline | thread"
    )
    # the OCR engine reserves ~1.5 GB of address space on top of a worker with the tagger loaded (an A4 scan at 300 dpi:
    # 1.6 GB peak, measured): at 1536 every image a worker read failed with bad_alloc; 2048 read them on 2 cores, and
    # each core more adds thread stacks, hence the margin. Bombs are refused by the input limits before this.
    worker_memory_mb: int = Field(default=2560, description="address-space limit of a worker process (RLIMIT_AS); 0: none")
    max_body_bytes: int = Field(default=64 * 1024 * 1024, description="largest HTTP request body (JSON or multipart) accepted")
    log_level: str = Field(default="info", description="service log level (JSON lines on stderr)")
    # evaluation
    seeds_dir: Path | None = Field(default=None, description="where the labeled documents' texts live; overrides the manifest's relative paths")
    real_layouts_dir: Path | None = Field(
        default=None, description="where the real-layouts texts and gold live (data/real-layouts/manifest.json); overrides its relative paths"
    )

    @property
    def seeds_root(self) -> Path:
        """Where the seed documents are: ``JIXIAO_SEEDS_DIR`` when set, else ``SHARED_SEEDS_DIR``."""
        return self.seeds_dir if self.seeds_dir is not None else SHARED_SEEDS_DIR

    @property
    def real_layouts_root(self) -> Path:
        """Where the real-layouts documents are: ``JIXIAO_REAL_LAYOUTS_DIR`` when set, else ``SHARED_REAL_LAYOUTS_DIR``."""
        return self.real_layouts_dir if self.real_layouts_dir is not None else SHARED_REAL_LAYOUTS_DIR

    @field_validator("auth_tokens", mode="before")
    @classmethod
    def _split_tokens(cls, value: object) -> object:
        # A comma list is what people type in an environment variable; JSON lists work too.
        if isinstance(value, str):
            value = value.strip()
            if value.startswith("["):
                import json

                return json.loads(value)
            return [token.strip() for token in value.split(",") if token.strip()]
        return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings read once per process (environment is not expected to change at run time)."""
    return Settings()
