"""The labeled set on disk: manifest, texts (referenced, never copied), gold records, predictions."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, model_validator

from jixiao.config import REPO_ROOT, SHARED_DIR, Settings, get_settings
from jixiao.eval.errors import (
    DatasetError,
    GoldFormatError,
    MissingPredictionError,
    MissingTextError,
    PredictionFormatError,
)
from jixiao.eval.normalize import parse_number
from jixiao.pipelines.document import Document
from jixiao.record import DocumentRecord

# A split is a name: dev / test in data/dev, rla / rlb in data/real-layouts, or a file-name prefix.
Split = str
DEFAULT_SPLIT = "dev"
MANIFEST = "manifest.json"
GOLD_SUFFIX = ".gold.json"
# What a gold pairs with, tried in order beside NAME.gold.json: the text as ingested (contract section 5), else the
# original file a bureau published, which the loaders read (PDF, Word, Excel, a scanned page through the OCR extra).
SOURCE_SUFFIXES = (".txt", ".pdf", ".docx", ".xlsx", ".docm", ".dotx", ".dotm", ".xlsm", ".xltx", ".xltm", ".doc", ".wps",
                   ".xls", ".et", ".html", ".htm", ".mht", ".mhtml", ".png", ".jpg", ".jpeg",
                   ".tif", ".tiff", ".heic", ".heif", ".webp", ".bmp", ".gif")
TEXT_SUFFIX = ".txt"
# Tried in order for NAME in a prediction folder.
PRED_SUFFIXES = (".json", ".pred.json", ".record.json")
# Inside a clean clone the texts may sit here (shared/seeds/, shared/real-layouts/) instead of beside the repo.
FALLBACK_SHARED = Path("shared")
# A folder without a manifest: the split of NAME is its leading letters when digits follow (rla01 -> rla).
_PREFIX = re.compile(r"([A-Za-z]+)[0-9]")


class ManifestEntry(BaseModel):
    name: str
    text: str = Field(description="path of the text, relative to the repo root (../shared/seeds/NAME.txt)")
    sha256: str
    split: Split
    family: str | None = Field(default=None, description="layout family id (one of the manifest's families)")
    layout: str | None = Field(default=None, description="the catalog's words for this document's layout")
    gold: str | None = Field(default=None, description="path of NAME.gold.json relative to the repo root, when it is "
                                                       "referenced rather than kept beside the manifest")
    gold_sha256: str | None = Field(default=None, description="sha256 of the referenced gold file")


class Manifest(BaseModel):
    description: str | None = None
    texts_setting: str = Field(default="seeds_dir", description="the Settings field (JIXIAO_<NAME>) that overrides "
                                                                "where the texts (and referenced gold files) live")
    families: dict[str, str] = Field(default_factory=dict, description="layout family id -> what it looks like")
    documents: list[ManifestEntry]

    @model_validator(mode="after")
    def _known_families(self) -> "Manifest":
        if self.texts_setting not in Settings.model_fields:
            raise ValueError(f"texts_setting {self.texts_setting!r} is not a setting")
        if self.families:
            unknown = sorted({d.family for d in self.documents if d.family and d.family not in self.families})
            if unknown:
                raise ValueError(f"documents name families not listed in families: {', '.join(unknown)}")
        return self


class LabeledDocument(BaseModel):
    name: str
    split: Split
    text_path: Path = Field(description="the file the gold pairs with: NAME.txt or the original (NAME.pdf ...)")
    text: str = Field(description="the text as ingested; for an original, the loader's text ('' when it failed)")
    gold: DocumentRecord
    gold_sha256: str
    family: str | None = None
    document: Document | None = Field(default=None, description="an original as the loaders read it (tables, cells, "
                                                                "pages kept), so the extractor sees what `jixiao extract FILE` sees")
    load_error: str | None = Field(default=None, description="'code: message' of the typed error an original's loader "
                                                             "raised (an image without the OCR extra ...); the document "
                                                             "then scores as an empty prediction")

    @property
    def original(self) -> bool:
        return is_original(self.text_path)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def resolve_text(entry_text: str, *, root: Path = REPO_ROOT, settings: Settings | None = None,
                 setting: str = "seeds_dir", what: str = "text") -> Path:
    """Where a manifest file lives: $JIXIAO_<SETTING>/NAME, else ROOT/PATH, ROOT/shared/FOLDER/NAME or the machine's shared/FOLDER/NAME.

    FOLDER is the folder the manifest names (seeds for ../shared/seeds/NAME.txt, real-layouts for
    ../shared/real-layouts/NAME.txt); SETTING is the manifest's texts_setting (seeds_dir by default).
    """
    settings = settings or get_settings()
    basename, folder = Path(entry_text).name, Path(entry_text).parent.name
    override = getattr(settings, setting)
    candidates = []
    if override is not None:
        candidates.append(Path(override) / basename)
    else:
        candidates.append((root / entry_text).resolve())
        if folder:
            candidates += [root / FALLBACK_SHARED / folder / basename, SHARED_DIR / folder / basename]
    for path in candidates:
        if path.is_file():
            return path
    where = ", ".join(str(c) for c in candidates)
    raise MissingTextError(f"{what} {entry_text!r} not found (looked in {where}); set JIXIAO_{setting.upper()} to the folder holding it")


def is_original(path: Path) -> bool:
    """Whether PATH is an original a bureau published (PDF, Word, Excel, image), read by the loaders, not a text."""
    return path.suffix.lower() != TEXT_SUFFIX


def source_beside(gold_dir: Path, name: str) -> Path | None:
    """The file NAME.gold.json pairs with in GOLD_DIR: the first of NAME + SOURCE_SUFFIXES that exists, else None.

    The one place that decides it: a folder may hold texts (NAME.txt) and originals (NAME.pdf, NAME.docx,
    NAME.xlsx, NAME.png ...) side by side; where both exist the text wins (it is what was labeled).
    """
    for suffix in SOURCE_SUFFIXES:
        for candidate in (gold_dir / f"{name}{suffix}", gold_dir / f"{name}{suffix.upper()}"):
            if candidate.is_file():
                return candidate
    return None


def split_of(name: str) -> Split:
    """The split of NAME in a folder without a manifest: its leading letters before a digit (rlb07 -> rlb), else dev."""
    m = _PREFIX.match(name)
    return m.group(1) if m else DEFAULT_SPLIT


def in_splits(name: str, split: Split, splits: Sequence[str] | None) -> bool:
    """Whether a document belongs to SPLITS (all do when none are named): its split is one of them or its name starts with one."""
    # (a prefix reaching into the number, rla0 -> rla01..rla09; inva is not invab's prefix: the letters run on)
    return not splits or any(split == s or name == s or (name.startswith(s) and name[len(s):len(s) + 1].isdigit())
                             for s in splits)


def _coerce_numbers(raw: object) -> object:
    """Hand-written gold may print numbers (`100%`, `1,200.00`); section 3 reads them the same as floats."""
    if not isinstance(raw, dict):
        return raw
    for proj in raw.get("projects") or []:
        if not isinstance(proj, dict):
            continue
        funds = proj.get("funds")
        if isinstance(funds, dict):
            for key, value in funds.items():
                if isinstance(value, str):
                    funds[key] = parse_number(value)
        if isinstance(proj.get("score"), str):
            proj["score"] = parse_number(proj["score"])
        for ind in proj.get("indicators") or []:
            if isinstance(ind, dict):
                for key in ("weight", "score"):
                    if isinstance(ind.get(key), str):
                        ind[key] = parse_number(ind[key])
    return raw


def read_record(path: Path, *, error: type[DatasetError] | type[PredictionFormatError] = GoldFormatError) -> DocumentRecord:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read: {exc}", source=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise error(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", source=str(path)) from exc
    try:
        return DocumentRecord.model_validate(_coerce_numbers(raw))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise error(f"not a record (section 1): {where}: {first['msg']} ({exc.error_count()} problem(s))", source=str(path)) from exc


def load_manifest(gold_dir: Path) -> Manifest | None:
    path = gold_dir / MANIFEST
    if not path.is_file():
        return None
    try:
        return Manifest.model_validate_json(path.read_text(encoding="utf-8"))
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "manifest"
        raise DatasetError(f"bad manifest: {where}: {first['msg']} ({exc.error_count()} problem(s))", source=str(path)) from exc
    except (OSError, ValueError) as exc:
        raise DatasetError(f"bad manifest: {exc}", source=str(path)) from exc


def load_dataset(gold_dir: str | Path, *, root: Path = REPO_ROOT, settings: Settings | None = None,
                 check_sha: bool = True, splits: Sequence[str] | None = None) -> list[LabeledDocument]:
    """The labeled documents of GOLD_DIR, from its manifest or, lacking one, every NAME.txt beside a NAME.gold.json.

    With a manifest, each document's split (and layout family) is the manifest's; without one, the
    split is the name's prefix (`split_of`). SPLITS keeps only the documents `in_splits` picks.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise DatasetError("no such folder", source=str(gold_dir))
    manifest = load_manifest(gold_dir)
    if manifest is not None:
        entries = [e for e in manifest.documents if in_splits(e.name, e.split, splits)]
        docs = [_from_manifest(entry, manifest, gold_dir, root=root, settings=settings, check_sha=check_sha) for entry in entries]
        known = sorted({e.split for e in manifest.documents})
    else:
        docs = []
        for gold_path in sorted(gold_dir.glob(f"*{GOLD_SUFFIX}")):
            name = gold_path.name.removesuffix(GOLD_SUFFIX)
            if not in_splits(name, split_of(name), splits):
                continue
            text_path = source_beside(gold_dir, name)
            if text_path is None:
                originals = ", ".join(name + s for s in SOURCE_SUFFIXES[1:])
                raise MissingTextError(f"{name}.gold.json has no {name}{TEXT_SUFFIX} (nor an original: {originals}) "
                                       f"beside it and there is no {MANIFEST}", source=str(gold_dir))
            docs.append(_labeled(name, split_of(name), text_path, gold_path))
        known = sorted({split_of(p.name.removesuffix(GOLD_SUFFIX)) for p in gold_dir.glob(f"*{GOLD_SUFFIX}")})
    if not docs and splits:
        raise DatasetError(f"no labeled document in split {', '.join(splits)} (splits here: {', '.join(known) or 'none'})",
                           source=str(gold_dir))
    if not docs:
        raise DatasetError(f"no labeled documents (no {MANIFEST} and no *{GOLD_SUFFIX})", source=str(gold_dir))
    return docs


def _from_manifest(entry: ManifestEntry, manifest: Manifest, gold_dir: Path, *, root: Path, settings: Settings | None,
                   check_sha: bool) -> LabeledDocument:
    setting = manifest.texts_setting
    if entry.gold is not None:
        gold_path = resolve_text(entry.gold, root=root, settings=settings, setting=setting, what="gold")
        if check_sha and entry.gold_sha256 is not None and sha256_file(gold_path) != entry.gold_sha256:
            raise DatasetError(f"gold of {entry.name} changed since the manifest was written (sha256 differs); "
                               "rewrite the manifest and the baselines that rest on it", source=str(gold_path))
    else:
        gold_path = gold_dir / f"{entry.name}{GOLD_SUFFIX}"
        if not gold_path.is_file():
            raise DatasetError(f"manifest lists {entry.name} but {gold_path.name} is missing", source=str(gold_dir))
    text_path = resolve_text(entry.text, root=root, settings=settings, setting=setting)
    if check_sha and sha256_file(text_path) != entry.sha256:
        raise DatasetError(
            f"text of {entry.name} changed since it was labeled (sha256 differs from the manifest)", source=str(text_path)
        )
    return _labeled(entry.name, entry.split, text_path, gold_path, family=entry.family)


def _labeled(name: str, split: Split, text_path: Path, gold_path: Path, *, family: str | None = None) -> LabeledDocument:
    from jixiao.errors import JixiaoError
    from jixiao.pipelines.ingest import decode_text

    if is_original(text_path):
        return _labeled_original(name, split, text_path, gold_path, family=family)
    # Decoded as `jixiao extract` decodes it (BOM, GB18030 ...), so offsets mean the same text.
    try:
        text, _ = decode_text(text_path.read_bytes(), source=str(text_path))
    except OSError as exc:
        raise MissingTextError(f"cannot read text: {exc.strerror or exc}", source=str(text_path)) from exc
    except JixiaoError as exc:
        raise MissingTextError(f"cannot decode text: {exc.message}", source=str(text_path)) from exc
    return LabeledDocument(name=name, split=split, text_path=text_path, text=text, gold=read_record(gold_path),
                           gold_sha256=sha256_file(gold_path), family=family)


def _labeled_original(name: str, split: Split, path: Path, gold_path: Path, *, family: str | None) -> LabeledDocument:
    """An original file read by the loaders as `jixiao extract` reads it; a loader's typed error stays with the document."""
    from jixiao.errors import JixiaoError
    from jixiao.pipelines.ingest import load_path

    gold = read_record(gold_path)
    common = dict(name=name, split=split, text_path=path, gold=gold, gold_sha256=sha256_file(gold_path), family=family)
    try:
        document = load_path(path)
    except JixiaoError as exc:
        return LabeledDocument(text="", load_error=f"{exc.code}: {exc.message}", **common)
    return LabeledDocument(text=document.text, document=document, **common)


def load_prediction(pred_dir: str | Path, name: str) -> DocumentRecord:
    """NAME's predicted record from PRED_DIR (NAME.json, NAME.pred.json or NAME.record.json)."""
    pred_dir = Path(pred_dir)
    if not pred_dir.is_dir():
        raise MissingPredictionError("prediction folder does not exist", source=str(pred_dir))
    for suffix in PRED_SUFFIXES:
        path = pred_dir / f"{name}{suffix}"
        if path.is_file():
            return read_record(path, error=PredictionFormatError)
    tried = ", ".join(name + s for s in PRED_SUFFIXES)
    raise MissingPredictionError(f"no prediction for {name} (expected one of: {tried})", source=str(pred_dir))
