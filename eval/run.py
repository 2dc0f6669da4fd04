"""One evaluation run: labeled set in, predictions (read or extracted) scored, report out."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jixiao.config import REPO_ROOT, Settings
from jixiao.eval.accounts import labeled, score_accounts
from jixiao.eval.checks import score_checks
from jixiao.eval.dataset import TEXT_SUFFIX, LabeledDocument, load_dataset, load_manifest, load_prediction
from jixiao.eval.metrics import score_document
from jixiao.eval.report import DocumentResult, EvalReport, RunInfo, build_report
from jixiao.eval.variants import Variant, apply_variant
from jixiao.record import DocumentRecord


def load_extractor(settings: Settings | None = None) -> Any:
    from jixiao.pipelines.extract import Extractor

    return Extractor.from_settings(settings)


def _progress():
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True)


def evaluate(
    gold_dir: str | Path,
    *,
    pred_dir: str | Path | None = None,
    mode: str | None = None,
    variant: Variant = "none",
    seed: int = 0,
    extractor: Any = None,
    save_predictions: Path | None = None,
    root: Path = REPO_ROOT,
    settings: Settings | None = None,
    show_progress: bool = True,
    splits: Sequence[str] | None = None,
) -> EvalReport:
    """Score GOLD_DIR (only SPLITS, when named) against PRED_DIR, or against the extractor's output on (variant) texts."""
    docs = load_dataset(gold_dir, root=root, settings=settings, splits=splits)
    if pred_dir is None and extractor is None:
        extractor = load_extractor(settings)
    if pred_dir is None:
        mode = mode or "combined"
    if save_predictions is not None:
        save_predictions.mkdir(parents=True, exist_ok=True)

    results: list[DocumentResult] = []
    extract_seconds = 0.0
    progress = _progress() if show_progress else None
    task = progress.add_task("evaluating", total=len(docs)) if progress else None
    if progress:
        progress.start()
    try:
        for doc in docs:
            if progress:
                progress.update(task, description=f"evaluating {doc.name}")
            text = apply_variant(doc.text, variant, gold=doc.gold, seed=seed)
            if pred_dir is not None:
                pred = load_prediction(pred_dir, doc.name)
            elif doc.load_error is not None:
                # The loader refused the original (typed error kept on the document): an empty prediction, so
                # the run goes on and the report names the error beside the document's zero.
                pred = DocumentRecord(doc_id=doc.name, source=str(doc.text_path), projects=[])
            else:
                started = time.perf_counter()
                pred = _extract(extractor, doc, text, mode)
                extract_seconds += time.perf_counter() - started
            if save_predictions is not None:
                (save_predictions / f"{doc.name}.json").write_text(pred.model_dump_json(indent=1), encoding="utf-8")
            results.append(_result(doc, pred, text))
            if progress:
                progress.advance(task)
    finally:
        if progress:
            progress.stop()
    run = RunInfo(
        gold_dir=str(gold_dir), predictions=str(pred_dir) if pred_dir is not None else "extractor", mode=mode,
        variant=variant, seed=seed if variant == "noised" else None,
        extractor_seconds=round(extract_seconds, 3) if pred_dir is None else None,
        selected_splits=list(splits) if splits else None,
    )
    manifest = load_manifest(Path(gold_dir))
    return build_report(run, results, family_order=list(manifest.families) if manifest else ())


def _extract(extractor: Any, doc: LabeledDocument, text: str, mode: str) -> DocumentRecord:
    from jixiao.pipelines.ingest import load_bytes

    if doc.document is not None and text == doc.text:
        # An original (PDF, Word, Excel, image) goes in as its loader read it, tables and cells included.
        return extractor.extract(doc.document.model_copy(update={"doc_id": doc.name}), mode=mode)
    # A text, or an original's text under a noise variant: read as text.
    filename = doc.text_path.with_suffix(TEXT_SUFFIX).name
    document = load_bytes(text.encode("utf-8"), filename=filename, doc_id=doc.name)
    return extractor.extract(document, mode=mode)


def _result(doc: LabeledDocument, pred: DocumentRecord, text: str) -> DocumentResult:
    scored = score_document(doc.gold, pred, text=text)
    return DocumentResult(
        name=doc.name, split=doc.split, gold_sha256=doc.gold_sha256, family=doc.family, load_error=doc.load_error,
        summary=scored.summary, metrics=scored.summary.metrics(), errors=scored.errors,
        accounts=score_accounts(doc.gold, pred) if labeled(doc.gold) else None, checks=score_checks(doc.gold, pred),
    )
