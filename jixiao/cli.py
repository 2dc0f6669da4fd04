"""The ``jixiao`` command line. Each area registers its own commands; imports stay light."""

from __future__ import annotations

from pathlib import Path

import typer

from jixiao.cli_errors import typed_errors

app = typer.Typer(
    name="jixiao",
    help="Extract project performance records from Chinese government budget documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _check_settings() -> None:
    """A bad JIXIAO_* variable ends every command with one line naming it, not a pydantic traceback."""
    from pydantic import ValidationError

    from jixiao.config import Settings

    try:
        Settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"JIXIAO_{'_'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in exc.errors(include_url=False)
        )
        typer.echo(f"error config.invalid: {problems}", err=True)
        raise typer.Exit(code=2) from None


# JSON Schema dialect of pydantic's model_json_schema
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def record_schema() -> dict:
    """The JSON Schema of the record ``jixiao extract`` and the HTTP API write, from the pydantic models."""
    from jixiao.record import DocumentRecord

    return {"$schema": SCHEMA_DIALECT, **DocumentRecord.model_json_schema(mode="serialization")}


@app.command("schema")
@typed_errors
def schema(
    output: Path | None = typer.Option(None, "-o", "--output", help="write the schema to this file instead of stdout"),
) -> None:
    """Print the JSON Schema of the extracted record (fields explained in docs/record.md)."""
    import json

    text = json.dumps(record_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


@app.command("pipeline")
def pipeline() -> None:
    """Print the pipeline the extractor runs: its stages in order, the readers and the fusion rules."""
    import dataclasses
    import json

    from jixiao.pipelines.pipeline import PIPELINE, STAGES

    config = {"stages": list(STAGES), **PIPELINE.model_dump(exclude={"fusion"}),
              "fusion": dataclasses.asdict(PIPELINE.fusion)}
    typer.echo(json.dumps(config, ensure_ascii=False, indent=2))


def _register() -> None:
    from jixiao.eval import cli as eval_cli
    from jixiao.models import cli as models_cli
    from jixiao.pipelines import cli as pipelines_cli
    from jixiao.pipelines import taxonomy_cli
    from jixiao.service import cli as service_cli

    for module in (pipelines_cli, taxonomy_cli, eval_cli, models_cli, service_cli):
        module.register(app)


_register()

if __name__ == "__main__":
    app()
