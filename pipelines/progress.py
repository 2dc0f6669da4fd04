"""The batch's progress bar on stderr: files done of all, projects found, errors, files per second, time left."""

from __future__ import annotations

from contextlib import contextmanager

from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)
from rich.text import Text


class _Rate(ProgressColumn):
    """Files per second over the whole run so far (rich's own speed is a short moving window)."""

    def render(self, task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.2f} files/s", style="progress.data.speed")


class BatchBar:
    def __init__(self, progress: Progress, total: int):
        self.progress = progress
        self.task = progress.add_task("extracting", total=total, projects=0, errors=0, skipped=0)
        self.projects = self.errors = self.skipped = 0

    def done(self, result) -> None:
        self.projects += result.projects
        self.errors += result.status == "error"
        self.skipped += result.status == "skipped"
        self.progress.update(self.task, advance=1, projects=self.projects, errors=self.errors, skipped=self.skipped)


@contextmanager
def batch_progress(console, total: int):
    """A bar for ``total`` files (hidden for one file, and when stderr is not a terminal rich draws nothing)."""
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[projects]} projects, {task.fields[errors]} errors, {task.fields[skipped]} skipped"),
               _Rate(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()]
    # 2 redraws a second, not rich's 10: at 10 the parent's drawing thread took ~12 ms of CPU a second (measured
    # on a terminal, 200 files), CPU the workers on the same cores lose; counts a second apart lose nothing
    with Progress(*columns, console=console, transient=True, disable=total < 2, refresh_per_second=2) as progress:
        yield BatchBar(progress, total)
