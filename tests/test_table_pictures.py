"""Pictures of tables inside text documents (a scanned 自评表 pasted on a PDF text page or into a DOCX).

The fast tests stand a fake in for the OCR engine (``table_pictures.run_ocr``): they test which pictures are OCR'd,
where their text goes, what a picture that reads to little leaves, and what is said when OCR is off or missing. The
slow tests read one picture-in-text file of each format from data/invented-files with the real engine.
"""

from __future__ import annotations

import importlib.util
import io

import pytest
from PIL import Image, ImageDraw

from jixiao.config import REPO_ROOT, Settings
from jixiao.pipelines import docx_pictures, pdf_scans, table_pictures, xlsx_pictures
from jixiao.pipelines.document import Picture
from jixiao.pipelines.ingest import load_bytes
from jixiao.pipelines.ocr_layout import OcrBox
from jixiao.pipelines.pdf_pictures import candidates, in_reading_order

A4 = (595.27, 841.89)
FILES = REPO_ROOT / "data" / "invented-files"


def _form(width: int = 900, height: int = 600) -> Image.Image:
    """A printed sheet: white paper, a ruled grid (what a scanned form looks like to ``paper_like``)."""
    image = Image.new("RGB", (width, height), (250, 250, 250))
    draw = ImageDraw.Draw(image)
    for y in range(20, height, 60):
        draw.line([(20, y), (width - 20, y)], fill=(0, 0, 0), width=2)
    for x in range(20, width, 150):
        draw.line([(x, 20), (x, height - 40)], fill=(0, 0, 0), width=2)
    return image


def _photo(width: int = 900, height: int = 600) -> Image.Image:
    """A photograph: mid tones all over."""
    import random

    rng = random.Random(3)
    image = Image.new("RGB", (width // 10, height // 10))
    image.putdata([(rng.randrange(40, 160), rng.randrange(40, 160), rng.randrange(40, 160)) for _ in range(image.width * image.height)])
    return image.resize((width, height))


class FakeOcr:
    """Stands in for ``run_ocr``: the n-th picture reads as ``PIC n`` then a two-row table of square boxes
    (single characters: nothing for the upright check to classify); ``few``: only two boxes."""

    def __init__(self, few: bool = False):
        self.sizes: list[tuple[int, int]] = []
        self.few = few

    def __call__(self, data: bytes, options=None) -> list[OcrBox]:
        self.sizes.append(Image.open(io.BytesIO(data)).size)
        n = len(self.sizes)
        if self.few:
            return [OcrBox("印", 10, 10, 40, 40), OcrBox("章", 50, 10, 80, 40)]
        boxes = [OcrBox("P", 10, 10, 40, 40), OcrBox("I", 45, 10, 75, 40), OcrBox("C", 80, 10, 110, 40),
                 OcrBox(str(n), 115, 10, 145, 40)]
        for row, y in enumerate((100, 200)):
            boxes += [OcrBox(f"{'AB'[row]}{k}", 10 + 200 * k, y, 40 + 200 * k, y + 30) for k in range(4)]
        return boxes


@pytest.fixture
def fake_ocr(monkeypatch) -> FakeOcr:
    fake = FakeOcr()
    monkeypatch.setattr(table_pictures, "run_ocr", fake)
    monkeypatch.setattr(pdf_scans, "ocr_available", lambda: True)
    monkeypatch.setattr(docx_pictures, "ocr_available", lambda: True)
    monkeypatch.setattr(xlsx_pictures, "ocr_available", lambda: True)
    return fake


# --- what may hold a table ---------------------------------------------------------------------------------------

def test_a_table_sized_picture_against_logos_seals_and_banners():
    assert table_pictures.table_sized(480, 330, *A4)  # a table scaled to the text width, half a page
    assert table_pictures.table_sized(495, 700, *A4)  # a full-page form
    assert not table_pictures.table_sized(46, 46, *A4)  # a letterhead emblem
    assert not table_pictures.table_sized(110, 110, *A4)  # a seal pasted by the signature
    assert not table_pictures.table_sized(500, 40, *A4)  # a banner strip: too little of the page
    assert not table_pictures.table_sized(200, 520, *A4)  # a narrow photo beside the text
    assert not table_pictures.table_sized(5000, 400, None, None)  # a rule-like strip, page unknown
    assert table_pictures.table_sized(1600, 1100, None, None)  # no page to compare with: the shape alone


def test_paper_like_pictures_are_printed_sheets():
    assert table_pictures.paper_like(_form())
    assert not table_pictures.paper_like(_photo())
    assert not table_pictures.paper_like(_form(250, 150))  # too few pixels to read print


def test_pdf_candidates_skip_small_pictures_backgrounds_and_duplicates():
    def image(x0, top, x1, bottom, px=1000):
        return {"x0": x0, "top": top, "x1": x1, "bottom": bottom, "srcsize": (px, px)}

    table, logo, seal, background = image(50, 300, 545, 640), image(50, 40, 96, 86), image(400, 700, 500, 800), image(0, 0, *A4)
    words = [{"text": "字", "x0": 100 + i, "x1": 110 + i, "top": 100, "bottom": 110} for i in range(20)]
    found = candidates([seal, table, logo, background, dict(table)], words, *A4)
    assert [box for box, _ in found] == [(50.0, 300.0, 545.0, 640.0)]
    assert found[0][1] == pytest.approx(1000 / (495 / 72))  # the stored pixels per inch across


def test_a_picture_reads_where_its_top_falls_among_the_page_blocks():
    own = [(60.0, 50.0, ("line", "before", None)), (700.0, 50.0, ("line", "after", None))]
    picture = [(300.0, 50.0, [("line", "PIC", None), ("table", ["cells"], (50, 300, 545, 640))])]
    assert [b[1] for b in in_reading_order(own, picture)] == ["before", "PIC", ["cells"], "after"]


# --- PDF ---------------------------------------------------------------------------------------------------------

def _pdf_with_pictures() -> bytes:
    """One A4 text page: a line, a table-sized form picture mid-page, a small logo, a line under the picture."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 780, "Report before")
    pdf.drawImage(ImageReader(_form()), 60, 300, width=480, height=320)  # top at 841.89 - 620 points
    pdf.drawImage(ImageReader(_form(300, 300)), 480, 740, width=48, height=48)  # a logo: never OCR'd
    pdf.drawString(72, 200, "Report after")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_table_picture_on_a_text_page_reads_in_place_with_boxes_in_points(fake_ocr):
    from jixiao.pipelines.extract import Extractor

    doc = load_bytes(_pdf_with_pictures(), filename="report.pdf")
    assert len(fake_ocr.sizes) == 1  # the logo is not sent
    lines = [line for line in doc.text.splitlines() if line]
    assert lines[0] == "Report before" and lines[1] == "PIC1" and lines[-1] == "Report after"
    assert any(line.startswith("A0\tA1\tA2\tA3") for line in lines) and doc.pages[0].ocr is None
    (picture,) = doc.pictures
    assert picture.page == 1 and picture.ocr == "read"
    assert picture.bbox == pytest.approx((60, A4[1] - 620, 540, A4[1] - 300), abs=0.5)
    (table,) = doc.tables
    x0, top, x1, bottom = table.bbox
    assert 60 <= x0 < x1 <= 540 and A4[1] - 620 <= top < bottom <= A4[1] - 300  # on the page, in points
    record = Extractor.from_settings(load_tagger=False).extract(doc, mode="parser")
    assert record.meta["ocr_images"] == [{"index": 1, "page": 1, "bbox": [60.0, 221.9, 540.0, 541.9]}]


def test_a_picture_that_reads_to_little_leaves_no_trace(monkeypatch, fake_ocr):
    monkeypatch.setattr(table_pictures, "run_ocr", FakeOcr(few=True))
    doc = load_bytes(_pdf_with_pictures(), filename="report.pdf")
    assert [line for line in doc.text.splitlines() if line] == ["Report before", "Report after"]
    assert [p.ocr for p in doc.pictures] == ["empty"] and not doc.tables
    assert table_pictures.picture_meta(doc.pictures) == ([], [])


def test_without_the_engine_or_with_ocr_off_the_text_is_read_and_a_note_says_why(monkeypatch):
    def no_ocr(*_, **__):
        raise AssertionError("OCR must not run")

    monkeypatch.setattr(table_pictures, "run_ocr", no_ocr)
    monkeypatch.setattr(pdf_scans, "ocr_available", lambda: False)
    doc = load_bytes(_pdf_with_pictures(), filename="report.pdf")
    assert [line for line in doc.text.splitlines() if line] == ["Report before", "Report after"]
    read, notes = table_pictures.picture_meta(doc.pictures)
    assert read == [] and len(notes) == 1 and "page 1" in notes[0] and "not installed" in notes[0]
    monkeypatch.setattr(pdf_scans, "ocr_available", lambda: True)
    for settings in (Settings(pdf_ocr=False), Settings(picture_ocr=False)):
        doc = load_bytes(_pdf_with_pictures(), filename="report.pdf", settings=settings)
        assert [p.ocr for p in doc.pictures] == ["off"]
        assert "picture OCR is off" in table_pictures.picture_meta(doc.pictures)[1][0]


def test_the_picture_limit_stops_ocr_and_says_so():
    pictures = [Picture(index=i + 1, page=1, ocr="read") for i in range(2)] + [Picture(index=3, page=2, ocr="over_limit")]
    read, notes = table_pictures.picture_meta(pictures)
    assert [r["index"] for r in read] == [1, 2] and "more than" in notes[0] and "page 2" in notes[0]


# --- DOCX --------------------------------------------------------------------------------------------------------

def _docx_with_pictures() -> bytes:
    """A Word report: a logo, a paragraph, an inline form picture, a frame table holding a caption and a second
    form picture, a closing paragraph."""
    import docx
    from docx.shared import Cm

    def png(image):
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        buffer.seek(0)
        return buffer

    doc = docx.Document()
    doc.add_paragraph().add_run().add_picture(png(_form(300, 300)), width=Cm(1.5))
    doc.add_paragraph("Report before")
    doc.add_paragraph().add_run().add_picture(png(_form()), width=Cm(16))
    frame = doc.add_table(rows=1, cols=1)
    frame.cell(0, 0).paragraphs[0].text = "Caption"
    frame.cell(0, 0).add_paragraph().add_run().add_picture(png(_form()), width=Cm(15))
    doc.add_paragraph("Report after")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def test_docx_pictures_read_where_they_sit_inline_and_in_a_frame_cell(fake_ocr):
    doc = load_bytes(_docx_with_pictures(), filename="report.docx")
    assert len(fake_ocr.sizes) == 2  # the logo is not sent
    lines = [line for line in doc.text.splitlines() if line]
    assert lines[:2] == ["Report before", "PIC1"]
    assert lines.index("Caption") < lines.index("PIC2") < lines.index("Report after")
    assert [(p.index, p.page, p.ocr) for p in doc.pictures] == [(1, None, "read"), (2, None, "read")]
    assert all(cell.bbox is None for table in doc.tables for cell in table.cells)


def test_docx_picture_ocr_can_be_turned_off(fake_ocr):
    doc = load_bytes(_docx_with_pictures(), filename="report.docx", settings=Settings(picture_ocr=False))
    assert not fake_ocr.sizes and [p.ocr for p in doc.pictures] == ["off", "off"]
    assert "Caption" in doc.text and "PIC" not in doc.text


# --- XLSX --------------------------------------------------------------------------------------------------------

def _xlsx_with_pictures(picture_only_sheet: bool = False) -> bytes:
    """A sheet: a title cell, a form picture pasted under it (two-cell anchor, A3 to J23 of the default grid), a
    small logo beside the title (one-cell anchor, 48 px), a note row under the picture; optionally a second sheet
    holding only a form picture (one-cell anchor)."""
    import openpyxl
    from openpyxl.drawing.image import Image as XlImage
    from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor, TwoCellAnchor
    from openpyxl.drawing.xdr import XDRPositiveSize2D

    def picture(image, anchor):
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        buffer.seek(0)
        out = XlImage(buffer)
        out.anchor = anchor
        return out

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Sheet title"
    ws.add_image(picture(_form(), TwoCellAnchor(_from=AnchorMarker(col=0, row=2), to=AnchorMarker(col=9, row=23))))
    ws.add_image(picture(_form(300, 300), OneCellAnchor(_from=AnchorMarker(col=8, row=0),
                                                        ext=XDRPositiveSize2D(48 * 9525, 48 * 9525))))
    ws["A30"] = "Note under"
    if picture_only_sheet:
        ws2 = wb.create_sheet("scan")
        ws2.add_image(picture(_form(), OneCellAnchor(_from=AnchorMarker(col=1, row=1),
                                                     ext=XDRPositiveSize2D(600 * 9525, 400 * 9525))))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_an_anchored_sheet_picture_reads_at_its_row_and_a_logo_is_left_out(fake_ocr):
    from jixiao.pipelines.extract import Extractor

    doc = load_bytes(_xlsx_with_pictures(picture_only_sheet=True), filename="book.xlsx")
    assert len(fake_ocr.sizes) == 2  # the logo is not sent
    lines = [line for line in doc.text.splitlines() if line]
    assert lines[:2] == ["Sheet title", "PIC1"] and lines.index("PIC1") < lines.index("Note under") < lines.index("PIC2")
    assert lines[-1].split("\t")[:3] == ["B0", "B1", "B2"]  # the second sheet reads as the picture's table
    assert [(p.index, p.page, p.ocr) for p in doc.pictures] == [(1, 1, "read"), (2, 2, "read")]
    assert [t.page for t in doc.tables] == [1, 2] and all(c.bbox is None for t in doc.tables for c in t.cells)
    record = Extractor.from_settings(load_tagger=False).extract(doc, mode="parser")
    assert record.meta["ocr_images"] == [{"index": 1, "page": 1}, {"index": 2, "page": 2}]


def test_sheet_picture_ocr_off_reads_the_cells_and_says_so(fake_ocr):
    from jixiao.errors import EmptyInputError

    doc = load_bytes(_xlsx_with_pictures(), filename="book.xlsx", settings=Settings(picture_ocr=False))
    assert not fake_ocr.sizes and [p.ocr for p in doc.pictures] == ["off"] and "PIC" not in doc.text
    assert "Sheet title" in doc.text and "Note under" in doc.text
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(_xlsx_with_pictures(picture_only_sheet=True)))
    book.remove(book.worksheets[0])
    only = io.BytesIO()
    book.save(only)
    with pytest.raises(EmptyInputError, match="picture OCR is off"):
        load_bytes(only.getvalue(), filename="scan.xlsx", settings=Settings(picture_ocr=False))


def test_anchor_sizes_follow_the_sheet_grid():
    import openpyxl
    from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor

    ws = openpyxl.Workbook().active
    ws.column_dimensions["B"].width = 20
    ws.row_dimensions[3].height = 30
    row, col, size = xlsx_pictures.anchor_place(ws, TwoCellAnchor(_from=AnchorMarker(col=0, row=1),
                                                                   to=AnchorMarker(col=2, row=4)))
    assert (row, col) == (1, 0)
    assert size == ((64 + 145) * 9525, int((15 + 30 + 15) * 12700))


# --- the real engine ---------------------------------------------------------------------------------------------

needs_ocr = pytest.mark.skipif(importlib.util.find_spec("rapidocr_onnxruntime") is None,
                               reason="the ocr extra is not installed (pip install -e '.[ocr]')")


def _read(name: str):
    from jixiao.pipelines.extract import Extractor

    path = FILES / name
    doc = load_bytes(path.read_bytes(), filename=path.name, doc_id=path.stem)
    return Extractor.from_settings(load_tagger=False).extract(doc, mode="parser")


@pytest.mark.slow
@needs_ocr
def test_a_pdf_report_with_its_table_pasted_mid_page_reads_the_table():
    record = _read("orige02.pdf")
    (project,) = record.projects
    assert project.name == "2023年农村饮水安全巩固提升工程" and len(project.indicators) == 4
    assert project.funds.executed == 1996300.0 and project.score == 97.8
    assert record.meta["ocr_images"][0]["page"] == 1
    place = project.provenance["funds.executed"]  # on the picture, in PDF points
    assert place.page == 1 and 112 <= place.bbox[1] <= 446


@pytest.mark.slow
@needs_ocr
def test_a_docx_report_with_an_inline_table_picture_reads_the_table():
    record = _read("orige04.docx")
    (project,) = record.projects
    assert project.name == "2023年基层公共法律服务补助" and len(project.indicators) == 5
    assert project.funds.annual_budget == 558000.0 and project.grade == "优"
    assert record.meta["ocr_images"] == [{"index": 1}]


def test_a_data_table_with_a_photo_in_a_cell_stays_a_table(fake_ocr):
    import docx
    from docx.shared import Cm

    doc = docx.Document()
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目名称", "2023年示范项目"
    buffer = io.BytesIO()
    _photo().save(buffer, "PNG")
    buffer.seek(0)
    table.cell(1, 1).paragraphs[0].add_run().add_picture(buffer, width=Cm(15))
    out = io.BytesIO()
    doc.save(out)
    read = load_bytes(out.getvalue(), filename="photo.docx")
    assert not fake_ocr.sizes and not read.pictures and len(read.tables) == 1
