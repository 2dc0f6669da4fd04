"""CLI commands of this area (placeholder: registers nothing yet)."""

import typer


def register(app: typer.Typer) -> None:
    return None
