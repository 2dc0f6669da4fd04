"""The bundled example's first project table as rows of cells, for the fixtures drawn from it.

The example is in one-cell-per-line layout: a blank line ends a row, a line opening with a tab starts a
cell (a tab alone: an empty one), other lines continue it (a vertical label such as 产/出/指/标 becomes
one cell).
"""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "self_evaluation_example.txt"


def first_table_rows(text: str) -> list[list[str]]:
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip() == "项目支出绩效自评表"]
    rows, cells = [], []
    for line in lines[starts[0] : starts[1]]:
        if not line:
            if any(c.strip() for c in cells):
                rows.append([c.strip() for c in cells])
            cells = []
        elif line.startswith("\t") or not cells:
            cells.append(line.strip())
        else:
            cells[-1] += line.strip()
    if any(c.strip() for c in cells):
        rows.append([c.strip() for c in cells])
    return rows
