"""How a command ends on bad input: one line ``error [code]: message`` on stderr and exit code 2."""

from __future__ import annotations

import functools

import typer

from jixiao.errors import JixiaoError


def typed_errors(fn):
    """Decorate a typer command so a typed error or an OS error ends it with one line, never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except JixiaoError as exc:
            typer.echo(f"error [{exc.code}]: {exc}", err=True)
            raise typer.Exit(2) from None
        except OSError as exc:  # an output path somewhere unwritable, a file vanishing mid-run
            where = f"{exc.filename}: " if exc.filename else ""
            typer.echo(f"error [io.error]: {where}{exc.strerror or exc}", err=True)
            raise typer.Exit(2) from None

    return wrapper
