"""The ``jixiao`` command line. Each area registers its own commands; imports stay light."""

from __future__ import annotations

import typer

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
