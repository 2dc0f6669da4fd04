"""Print a text's tables as a PDF (reportlab): each run of tab rows a ruled table, every other line a paragraph.

The tests use it to make PDFs of the final-accounts tables (seeds and invented ones) and read them back
through jixiao's PDF loader. The font is reportlab's built-in CJK CID font STSong-Light (no font file):
pdfplumber maps its CIDs back to Unicode through the Adobe-GB1 CMap it ships.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

FONT = "STSong-Light"
FONT_SIZE = 6.5


def _runs(text: str) -> list[tuple[str, list[str]]]:
    """("table", rows) for each run of tab lines (blank lines inside a run, a page break, dropped) and
    ("line", [text]) for each other non-blank line."""
    out: list[tuple[str, list[str]]] = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "\t" in line:
            if out and out[-1][0] == "table" and (out[-1][1] and all(not x.strip() for x in lines[out[-1][2]:i])):
                out[-1][1].append(line)
                out[-1] = (out[-1][0], out[-1][1], i + 1)
            else:
                out.append(("table", [line], i + 1))
        elif line.strip():
            out.append(("line", [line.strip()], i + 1))
    return [(kind, rows) for kind, rows, _ in out]


def text_pdf(text: str) -> bytes:
    """The text laid out on landscape A4 pages, its tables ruled so that pdfplumber finds their cells."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    style = ParagraphStyle("cell", fontName=FONT, fontSize=FONT_SIZE, leading=FONT_SIZE + 1.5, wordWrap="CJK")
    page = landscape(A4)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=page, leftMargin=24, rightMargin=24, topMargin=24, bottomMargin=24)
    usable = page[0] - 48
    story = []
    for kind, rows in _runs(text):
        if kind == "line":
            story.append(Paragraph(escape(rows[0]), style))
            continue
        grid = [r.split("\t") for r in rows]
        width = max(len(r) for r in grid)
        grid = [r + [""] * (width - len(r)) for r in grid]
        weight = [max(4, *(len(r[c].strip()) for r in grid)) ** 0.7 for c in range(width)]
        widths = [usable * w / sum(weight) for w in weight]
        data = [[Paragraph(escape(cell.strip()), style) if cell.strip() else "" for cell in r] for r in grid]
        table = Table(data, colWidths=widths, repeatRows=0)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        story.append(table)
    doc.build(story)
    return buf.getvalue()
