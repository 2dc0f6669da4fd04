"""Regenerate tests/data/example_table.pdf: the bundled example's first project table as a Word table, printed
to PDF by LibreOffice (a CJK PDF as offices produce them: embedded font subsets with ToUnicode maps).

Run from the repo root: ``python tests/data/make_pdf.py`` (needs python-docx and ``soffice``, e.g. Debian's
``libreoffice-writer-nogui`` and ``fonts-noto-cjk``). The PDF is committed, so the test needs neither.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from example_rows import EXAMPLE, first_table_rows  # noqa: E402

OUT = Path(__file__).resolve().parent / "example_table.pdf"


def main() -> None:
    rows = first_table_rows(EXAMPLE.read_text(encoding="utf-8"))
    title, rows = rows[0][0], rows[1:]
    document = docx.Document()
    document.add_paragraph(title)
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
        if len(row) == 1 and width > 1:  # a one-cell row spans the table, as printed
            table.cell(r, 0).merge(table.cell(r, width - 1))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "example_table.docx"
        document.save(source)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=180)
        OUT.write_bytes((Path(tmp) / "example_table.pdf").read_bytes())
    print(f"{OUT.name}: {OUT.stat().st_size} bytes, {len(rows)} rows")


if __name__ == "__main__":
    main()
