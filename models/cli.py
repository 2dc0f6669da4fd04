"""`jixiao train` (reproduce the shipped tagger) and `jixiao tag FILE` (tag one document)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from jixiao.cli_errors import typed_errors
from jixiao.errors import ModelError


def load_tagger(model_dir: Path | None = None, backend: str | None = None):
    """The tagger from ``model_dir`` (default: settings), or a ModelError naming what is missing."""
    from jixiao.config import get_settings

    settings = get_settings()
    directory = Path(model_dir or settings.model_dir)
    if not (directory / "config.json").exists() or not (directory / "vocab.txt").exists():
        raise ModelError(f"no tagger checkpoint in {directory} (config.json and vocab.txt expected)")
    from jixiao.models.tagger import CharTagger

    settings = settings.model_copy(update={"model_dir": directory, "tagger_backend": backend or settings.tagger_backend})
    try:
        return CharTagger.from_settings(settings)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load the tagger from {directory}: {exc}") from None


@typed_errors
def train_cmd(
    config: Annotated[Optional[Path], typer.Option(help="training config (JSON); default models/train_config.json")] = None,
    out: Annotated[Optional[Path], typer.Option(help="checkpoint folder; default models/checkpoint")] = None,
    quick: Annotated[bool, typer.Option("--quick", help="a tiny model in about a minute, for tests")] = False,
    base_model: Annotated[Optional[Path], typer.Option("--base-model", help="local Hugging Face checkpoint to fine-tune instead of pretraining")] = None,
    no_onnx: Annotated[bool, typer.Option("--no-onnx", help="skip the ONNX export and int8 quantization")] = False,
) -> None:
    """Train the character tagger end to end: synthetic + weak data, MLM pretraining, fine-tuning, metrics."""
    from rich.console import Console
    from rich.table import Table

    from jixiao.models.train import summary_rows, train

    console = Console()
    if config is not None and not config.exists():
        raise ModelError(f"training config {config} does not exist")
    if base_model is not None and not (base_model / "config.json").exists():
        raise ModelError(f"--base-model {base_model} is not a Hugging Face checkpoint folder")
    metrics = train(config_path=config, out_dir=out, quick=quick, base_model=base_model, onnx=not no_onnx,
                    log=console.print)
    from jixiao.models.card import write_card
    from jixiao.models.train import CHECKPOINT_DIR

    card = write_card(out or CHECKPOINT_DIR)
    console.print(f"model card: {card}")
    table = Table(title="held-out span F1 (seqeval, strict)")
    for col in ("type", "synthetic", "weak", "weak collapsed"):
        table.add_column(col)
    for row in summary_rows(metrics):
        table.add_row(*row)
    console.print(table)
    console.print(f"timings: {json.dumps({k: round(v, 1) for k, v in metrics['timings'].items()})}")


@typed_errors
def tag_cmd(
    file: Annotated[Path, typer.Argument(help="document to tag (text, or any format the ingest stage reads)")],
    html: Annotated[Optional[Path], typer.Option("--html", help="write a displaCy rendering of the entities")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the spans as JSON")] = False,
    model_dir: Annotated[Optional[Path], typer.Option(help="checkpoint folder; default from settings")] = None,
    backend: Annotated[Optional[str], typer.Option(help="auto | torch | onnx")] = None,
) -> None:
    """Tag the entities of one document with the token classifier."""
    from jixiao.pipelines.ingest import load_path

    if html is not None:  # say so before tagging, not after: the displaCy view needs spaCy
        from jixiao.extras import require

        require("spacy", extra="viz", purpose="The displaCy view (jixiao tag --html)")

    doc = load_path(file)
    tagger = load_tagger(model_dir, backend)
    spans = tagger.tag(doc.text)
    if as_json:
        typer.echo(json.dumps([s.model_dump() for s in spans], ensure_ascii=False, indent=1))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{file.name}: {len(spans)} spans")
        for col in ("label", "start", "end", "text", "p"):
            table.add_column(col)
        for s in spans:
            table.add_row(s.label, str(s.start), str(s.end), s.text.replace("\n", "⏎")[:40], f"{s.score:.2f}")
        Console().print(table)
    if html is not None:
        from jixiao.models.spacy_doc import render_html, to_doc

        html.write_text(render_html(to_doc(doc.text, spans), title=file.name), encoding="utf-8")
        typer.echo(f"wrote {html}", err=True)


def register(app: typer.Typer) -> None:
    app.command("train")(train_cmd)
    app.command("tag")(tag_cmd)
