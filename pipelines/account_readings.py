"""Which reading of a text gives which final-accounts table: a table the tab reading titles with nothing under
it (or a printed title it read no table under) is taken from another reading of the same text (its cells
laid out with spaces, or one space a cell and a row a line, as the collapsed reader cuts them); and which printed
titles ask for a table at all (not a list of contents)."""

from __future__ import annotations

from jixiao.pipelines.account_titles import title_on
from jixiao.pipelines.layout import line_spans
from jixiao.pipelines.normalize import NormalizedText, squeeze
from jixiao.record import FinalAccountsTable


def unread(tables: list[FinalAccountsTable], titles: list[str]) -> bool:
    """Some table titled with nothing read under it (not 本表无数据), or a title with no table read at all."""
    read = {squeeze(t.title) for t in tables}
    return any(not t.rows and not t.no_data for t in tables) or any(t not in read for t in titles)


def fill_unread(tables: list[FinalAccountsTable], other: list[FinalAccountsTable], titles: list[str] = ()
                ) -> list[FinalAccountsTable]:
    """The tables, each titled one with nothing read under it (not 本表无数据) taken from ``other`` (another
    reading of the text) where that reads rows under the same title; then ``other``'s tables for the printed
    ``titles`` that no table was read under."""
    spare = [t for t in other if t.rows]

    def take(title: str) -> FinalAccountsTable | None:
        found = next((t for t in spare if squeeze(t.title) == title), None)
        if found is not None:
            spare.remove(found)
        return found

    out = []
    for table in tables:
        found = None if table.rows or table.no_data else take(squeeze(table.title))
        out.append(found or table)
    read = {squeeze(t.title) for t in out}
    for title in titles:
        if title not in read and (found := take(title)) is not None:
            out.append(found)
            read.add(title)
    return out


# this many title lines or more with only blank lines between them are a list of contents (目录 lines set apart by
# blank lines, without page numbers), not tables: a table puts rows under its title, a pair may be a title over its
# continuation's
CONTENTS_TITLES = 3


def printed_titles(norm: NormalizedText) -> list[str]:
    """The titles of the text's title lines, squeezed (a contents line is none, nor an entry of a contents list)."""
    runs: list[list[str]] = []  # titles of consecutive title lines (blank lines between them do not count)
    fresh = True
    for s, e in line_spans(norm.text):
        if not norm.text[s:e].strip():
            continue
        title = title_on(norm, s, e)
        if title is None:
            fresh = True
            continue
        if fresh:
            runs.append([])
            fresh = False
        runs[-1].append(title)
    return [title for run in runs if len(run) < CONTENTS_TITLES for title in run]
