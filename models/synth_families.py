"""The real layouts' families, rendered from synthetic tables with labels that stay on their characters.

Each family is how some bureau's page prints the same table once it is text (the catalog of
``../shared/real-layouts/README-rla.md``): space-separated rows, pipe rows with runs of empty cells,
one cell per line ending ' |' with pipe-only filler rows, one cell per line with blank lines between
cells, bare one cell per line, the whole table run together, each row's cells run together. Pages
add their metadata block above the table and are often cut short; ``synth_prose`` renders the prose
reports and ``synth_mirror`` the traditional-Chinese mirror pages. ``render_family`` is the entry.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from jixiao.models.synth_table import Cell
from jixiao.pipelines import vocab as V

Table = list[list[Cell]]
# the families a table can be printed in (prose and mirror are rendered by synth_prose / synth_mirror)
TABLE_FAMILIES = ("spaces", "pipe_runs", "cell_pipe_lines", "cell_blank_lines", "cell_lines", "flat_run", "row_run")


class Out:
    """Characters and their entity ids, appended piece by piece (the ``LabeledText`` of ``synth``)."""

    def __init__(self, lt) -> None:
        self.lt = lt

    def add(self, text: str, etype: str | None = None) -> None:
        self.lt.add(text, etype)

    def cell(self, cell: Cell) -> None:
        for seg in cell:
            self.lt.add(seg.text, seg.etype)


def _blank(cell: Cell) -> bool:
    return not "".join(s.text for s in cell).strip()


def _spaces(rng: random.Random, out: Out, table: Table) -> None:
    """One row per line, cells separated by spaces, empty cells not printed."""
    for row in table:
        cells = [c for c in row if not _blank(c)]
        for k, cell in enumerate(cells):
            if k:
                out.add(" " * rng.choice((1, 1, 1, 2)))
            out.cell(cell)
        if cells:
            out.add("\n")


def _pipe_runs(rng: random.Random, out: Out, table: Table) -> None:
    """'a | b | c | ||||' rows: printed cells joined by ' | ', the empty ones a run of pipes at the end."""
    width = max(len(r) for r in table) + rng.randint(0, 4)
    broken = rng.random() < 0.3
    for row in table:
        cells = [c for c in row if not _blank(c)]
        for k, cell in enumerate(cells):
            out.cell(cell)
            out.add(" |")
            if broken and k < len(cells) - 1 and rng.random() < 0.08:  # one row broken over two lines
                out.add("\n")
            elif k < len(cells) - 1:
                out.add(" ")
        rest = max(0, width - len(cells))
        out.add((" " + "|" * rest if rest else "") + "\n")


def _cell_pipe_lines(rng: random.Random, out: Out, table: Table) -> None:
    """One cell per line ending ' |', an empty cell a lone '|', a pipe-only filler line after most rows."""
    for row in table:
        for cell in row:
            if _blank(cell):
                if rng.random() < 0.5:
                    out.add("|\n")
                continue
            out.cell(cell)
            out.add(" |\n")
        if rng.random() < 0.7:
            out.add("|" * rng.randint(4, 14) + "\n")


def _cell_blank_lines(rng: random.Random, out: Out, table: Table) -> None:
    """One cell per line with a blank line between cells (a Word file's text layer)."""
    for row in table:
        for cell in row:
            if _blank(cell):
                if rng.random() < 0.3:
                    out.add("\n")
                continue
            out.cell(cell)
            out.add("\n\n")


def _cell_lines(rng: random.Random, out: Out, table: Table) -> None:
    """One cell per line, nothing else."""
    for row in table:
        for cell in row:
            if not _blank(cell):
                out.cell(cell)
                out.add("\n")


def _flat_run(rng: random.Random, out: Out, table: Table) -> None:
    """The whole table in one run without separators; a preview site's '1、' chunk markers and line breaks."""
    chunk, width = 1, 0
    marks = rng.random() < 0.5
    for r, row in enumerate(table):
        if marks and r and rng.random() < 0.15:
            chunk += 1
            out.add(f"\n{chunk}、")
            width = 0
        for cell in row:
            if _blank(cell):
                continue
            out.cell(cell)
            width += sum(len(s.text) for s in cell)
        if width > 60 and rng.random() < 0.3:
            out.add("\n")
            width = 0
    out.add("\n")


def _row_run(rng: random.Random, out: Out, table: Table) -> None:
    """Each row's cells run together on one line; empty cells leave runs of blank lines."""
    blanks = rng.random() < 0.6
    for row in table:
        out.add(" " if rng.random() < 0.1 else "")
        for cell in row:
            if not _blank(cell):
                out.cell(cell)
        out.add("\n")
        if blanks:
            out.add("\n" * sum(1 for c in row if _blank(c)))


RENDERERS: dict[str, Callable[[random.Random, Out, Table], None]] = {
    "spaces": _spaces, "pipe_runs": _pipe_runs, "cell_pipe_lines": _cell_pipe_lines, "cell_blank_lines": _cell_blank_lines,
    "cell_lines": _cell_lines, "flat_run": _flat_run, "row_run": _row_run,
}


# ---------------------------------------------------------------- page furniture


def _date(rng: random.Random) -> str:
    return f"20{rng.randint(19, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def metadata_block(rng: random.Random, out: Out, publisher: str) -> None:
    """What a 信息公开 page or a document-sharing site prints above the table: never an entity."""
    words = V.FAMILY_HEADERS["metadata"]
    index = f"{rng.randint(10**9, 10**10 - 1)}{rng.choice('ABCDEF')}/{rng.randint(2019, 2025)}-{rng.randint(1, 99999):05d}"
    values = {w: rng.choice((index, publisher, _date(rng), "财政", "有效", "法定主动公开内容", "无", str(rng.randint(10, 999))))
              for w in rng.sample(words, rng.randint(3, 7))}
    style = rng.choice(("pipes", "lines", "breadcrumb", "sharing"))
    if style == "pipes":
        items = list(values.items())
        for i in range(0, len(items), 2):
            out.add(" | ".join(f"{k} | {v}" for k, v in items[i:i + 2]) + " |\n")
    elif style == "lines":
        for k, v in values.items():
            out.add(f"{k.rstrip(':')}\n{v}\n")
    elif style == "breadcrumb":
        out.add(rng.choice(("首页 > 政务公开 > 重点领域公开 > 财政资金", "当前位置：首页 > 信息公开 > 财政预决算", "首页 > 政府信息公开 > 法定主动公开内容")) + "\n")
        out.add(f"时间:{_date(rng)} | 来源:{publisher}\n")
    else:
        name = rng.choice(("项目支出绩效自评表", "绩效自评表", "项目绩效自评报告")) + rng.choice((".docx", ".doc", ".pdf"))
        out.add(f"{name}\n\n上传人:{rng.choice('wxyz')}****{rng.randint(1, 9)} 文档编号:{rng.randint(10**7, 10**8)} "
                f"上传时间:{_date(rng)} 格式:DOCX 页数:{rng.randint(2, 30)}\n")
        for n in range(1, rng.randint(2, 5)):
            out.add(f"{name}_第{n}页\n第{n}页 / 共{rng.randint(5, 30)}页\n")
        out.add("点击查看更多>>\n资源描述\n\n")
    out.add("\n" if rng.random() < 0.5 else "")


def cut_table(rng: random.Random, table: Table, keep_from: int) -> Table:
    """The table cut where an excerpt ends: after row ``keep_from`` at the earliest, sometimes inside a row."""
    if len(table) <= keep_from + 1:
        return table
    at = rng.randint(keep_from, len(table) - 1)
    rows = [list(r) for r in table[:at]]
    last = table[at]
    if len(last) > 1 and rng.random() < 0.5:
        rows.append(list(last[: rng.randint(1, len(last) - 1)]))
    return rows


def render_tables(rng: random.Random, lt, family: str, tables: list[Table], publisher: str, junk: float) -> None:
    """Append ``tables`` to ``lt`` as ``family`` prints them, with a metadata block and page junk."""
    from jixiao.models.synth import JUNK

    out = Out(lt)
    if rng.random() < 0.5:
        metadata_block(rng, out, publisher)
    render = RENDERERS[family]
    for table in tables:
        if junk and rng.random() < junk:
            out.add(rng.choice(JUNK).format(n=rng.randint(1, 9), y=2024, m=rng.randint(1, 12), d=rng.randint(1, 28), x="某") + "\n")
        render(rng, out, table)
        out.add("\n" if rng.random() < 0.5 else "")


def _cut_prose(rng: random.Random, lt):
    """The report cut at a line break past its first third, as an excerpt ends."""
    from jixiao.models.synth import LabeledText

    breaks = [i for i, c in enumerate(lt.chars) if c == "\n" and i > len(lt.chars) // 3]
    if not breaks:
        return lt
    at = rng.choice(breaks)
    return LabeledText(lt.chars[:at], lt.ids[:at], list(lt.types))


def family_document(rng: random.Random, family: str, pool: list[str], projects: list | None = None):
    """One document in ``family`` (a table family, 'prose', or 'mirror': a traditional-Chinese mirror page), of
    ``projects`` (drawn when not given)."""
    from dataclasses import replace

    from jixiao.models.synth import LabeledText
    from jixiao.models.synth_lexicon import diversify
    from jixiao.models.synth_mirror import mirror
    from jixiao.models.synth_prose import render_prose
    from jixiao.models.synth_records import draw_project
    from jixiao.models.synth_table import build_table, draw_style

    projects = projects or [diversify(rng, draw_project(rng)) for _ in range(rng.choice((1, 1, 1, 2)))]
    base = rng.choice(("prose", "prose", "spaces", "cell_lines")) if family == "mirror" else family
    lt = LabeledText()
    if base == "prose":
        if rng.random() < 0.5:
            metadata_block(rng, Out(lt), projects[0].department)
        render_prose(rng, lt, projects[0], pool)
        if rng.random() < 0.3:
            lt = _cut_prose(rng, lt)
    else:
        tables = []
        for p in projects:
            style = replace(draw_style(rng, 0.7), family_words=rng.random() < 0.6, transfer=rng.random() < 0.25,
                            operator_words=rng.random() < 0.3)
            tables.append(build_table(rng, p, style))
        if rng.random() < 0.35:
            tables[-1] = cut_table(rng, tables[-1], 3)
        render_tables(rng, lt, base, tables, projects[0].department, rng.choice((0.0, 0.1, 0.3)))
    return mirror(rng, lt) if family == "mirror" else lt


FAMILIES = ("template", *TABLE_FAMILIES, "prose", "mirror")


def draw_family(rng: random.Random, mix: dict[str, float]) -> str:
    """A family drawn by the weights of ``mix`` ('template': the generator's own layouts)."""
    names = sorted(mix)
    return rng.choices(names, weights=[mix[n] for n in names])[0]
