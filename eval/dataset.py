"""The labeled set on disk: manifest, texts (referenced, never copied), gold records, predictions."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from jixiao.config import REPO_ROOT, SHARED_SEEDS_DIR, Settings, get_settings
from jixiao.eval.errors import (
    DatasetError,
    GoldFormatError,
    MissingPredictionError,
    MissingTextError,
    PredictionFormatError,
)
from jixiao.eval.normalize import parse_number
from jixiao.record import DocumentRecord

Split = Literal["dev", "test"]
MANIFEST = "manifest.json"
GOLD_SUFFIX = ".gold.json"
# Tried in order for NAME in a prediction folder.
PRED_SUFFIXES = (".json", ".pred.json", ".record.json")
# Inside a clean clone the texts may sit here instead of beside the repo.
FALLBACK_SEEDS = Path("shared") / "seeds"


class ManifestEntry(BaseModel):
    name: str
    text: str = Field(description="path of the text, relative to the repo root (../shared/seeds/NAME.txt)")
    sha256: str
    split: Split


class Manifest(BaseModel):
    description: str | None = None
    documents: list[ManifestEntry]


class LabeledDocument(BaseModel):
    name: str
    split: Split
    text_path: Path
    text: str
    gold: DocumentRecord
    gold_sha256: str


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def resolve_text(entry_text: str, *, root: Path = REPO_ROOT, settings: Settings | None = None) -> Path:
    """Where a manifest text lives: $JIXIAO_SEEDS_DIR/NAME, else ROOT/PATH, ROOT/shared/seeds/NAME or the machine's shared seeds."""
    settings = settings or get_settings()
    basename = Path(entry_text).name
    candidates = []
    if settings.seeds_dir is not None:
        candidates.append(Path(settings.seeds_dir) / basename)
    else:
        candidates += [(root / entry_text).resolve(), root / FALLBACK_SEEDS / basename, SHARED_SEEDS_DIR / basename]
    for path in candidates:
        if path.is_file():
            return path
    where = ", ".join(str(c) for c in candidates)
    raise MissingTextError(f"text {entry_text!r} not found (looked in {where}); set JIXIAO_SEEDS_DIR to the folder holding it")


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
                 check_sha: bool = True) -> list[LabeledDocument]:
    """Every labeled document of GOLD_DIR, from its manifest or, lacking one, NAME.txt beside NAME.gold.json."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise DatasetError("no such folder", source=str(gold_dir))
    manifest = load_manifest(gold_dir)
    docs: list[LabeledDocument] = []
    if manifest is not None:
        for entry in manifest.documents:
            gold_path = gold_dir / f"{entry.name}{GOLD_SUFFIX}"
            if not gold_path.is_file():
                raise DatasetError(f"manifest lists {entry.name} but {gold_path.name} is missing", source=str(gold_dir))
            text_path = resolve_text(entry.text, root=root, settings=settings)
            if check_sha and sha256_file(text_path) != entry.sha256:
                raise DatasetError(
                    f"text of {entry.name} changed since it was labeled (sha256 differs from the manifest)", source=str(text_path)
                )
            docs.append(_labeled(entry.name, entry.split, text_path, gold_path))
    else:
        for gold_path in sorted(gold_dir.glob(f"*{GOLD_SUFFIX}")):
            name = gold_path.name.removesuffix(GOLD_SUFFIX)
            text_path = gold_dir / f"{name}.txt"
            if not text_path.is_file():
                raise MissingTextError(f"{name}.gold.json has no {name}.txt beside it and there is no {MANIFEST}", source=str(gold_dir))
            docs.append(_labeled(name, "dev", text_path, gold_path))
    if not docs:
        raise DatasetError(f"no labeled documents (no {MANIFEST} and no *{GOLD_SUFFIX})", source=str(gold_dir))
    return docs


def _labeled(name: str, split: Split, text_path: Path, gold_path: Path) -> LabeledDocument:
    from jixiao.errors import JixiaoError
    from jixiao.pipelines.ingest import decode_text

    # Decoded as `jixiao extract` decodes it (BOM, GB18030 ...), so offsets mean the same text.
    try:
        text, _ = decode_text(text_path.read_bytes(), source=str(text_path))
    except OSError as exc:
        raise MissingTextError(f"cannot read text: {exc.strerror or exc}", source=str(text_path)) from exc
    except JixiaoError as exc:
        raise MissingTextError(f"cannot decode text: {exc.message}", source=str(text_path)) from exc
    return LabeledDocument(name=name, split=split, text_path=text_path, text=text, gold=read_record(gold_path),
                           gold_sha256=sha256_file(gold_path))


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
