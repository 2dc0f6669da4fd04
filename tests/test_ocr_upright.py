"""Scans that lie turned: a page with /Rotate renders as displayed; a page whose content is turned (a table
scanned sideways or upside down) is found from OCR's box shapes and the angle classifier, turned upright and
OCR'd again, and its cell boxes are mapped back to the image as given.

Fast tests stand fakes in for the OCR call and the angle classifier; the slow test reads the example's table
scan turned each way with the real engine.
"""

from __future__ import annotations

import importlib.util
import io

import numpy as np
import pytest
from PIL import Image, ImageDraw

from jixiao.pipelines import ocr_upright, pdf_scans
from jixiao.pipelines.ingest import load_bytes
from jixiao.pipelines.ocr_layout import OcrBox
from jixiao.pipelines.ocr_upright import page_turn, read_upright, unturn

GRAY = np.full((400, 400), 255, dtype=np.uint8)


def _tall(n: int) -> list[OcrBox]:
    return [OcrBox("项目名称", 20 + 30 * i, 40, 42 + 30 * i, 140) for i in range(n)]


def _wide(n: int) -> list[OcrBox]:
    return [OcrBox("项目名称", 40, 20 + 30 * i, 140, 42 + 30 * i) for i in range(n)]


def test_the_turn_is_read_from_box_shapes_and_the_classifier():
    def votes(flip):
        return lambda crops: [flip] * len(crops)

    assert page_turn(GRAY, _wide(6), votes(False)) == 0
    assert page_turn(GRAY, _wide(6), votes(True)) == 180  # lines across the page, each upside down
    assert page_turn(GRAY, _tall(6), votes(False)) == 90  # reads upright after a counter-clockwise quarter turn
    assert page_turn(GRAY, _tall(6), votes(True)) == 270
    # a tall crop is given to the classifier turned the way the engine turns it: lying down
    seen = []
    page_turn(GRAY, _tall(6), lambda crops: seen.extend(c.shape for c in crops) or [False] * len(crops))
    assert seen and all(w > h for h, w in seen)


def test_a_few_vertical_labels_do_not_turn_an_upright_page():
    def never(crops):
        raise AssertionError("the classifier ran")

    assert page_turn(GRAY, _tall(ocr_upright.MIN_LINES - 1), never) == 0  # a stamp, a vertical label
    assert page_turn(GRAY, _wide(8) + _tall(3), lambda crops: [False] * len(crops)) == 0
    # single characters (square boxes) say nothing about the direction
    squares = [OcrBox("分", 20 + 30 * i, 40, 42 + 30 * i, 62) for i in range(10)]
    assert page_turn(GRAY, squares, never) == 0


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_box_in_the_upright_image_maps_back_to_the_image_as_given(turn):
    image = Image.new("L", (300, 200), 255)
    ImageDraw.Draw(image).rectangle([40, 30, 119, 69], fill=0)  # pixels 40..119 x 30..69: box (40, 30, 120, 70)
    method = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_270}[turn]
    ys, xs = np.nonzero(np.asarray(image.transpose(method)) < 128)
    upright = (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1)
    assert unturn(upright, turn, image.size) == (40, 30, 120, 70)


class TurnedOcr:
    """A fake OCR: the first image reads as tall boxes (a sideways page), any later one as an upright row."""

    def __init__(self):
        self.sizes: list[tuple[int, int]] = []

    def __call__(self, data: bytes, options=None) -> list[OcrBox]:
        with Image.open(io.BytesIO(data)) as image:
            self.sizes.append(image.size)
        if len(self.sizes) == 1:
            return _tall(6)
        return [OcrBox("资金", 100, 200, 180, 230), OcrBox("10.5", 600, 200, 680, 230)]


def _png(size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("L", size, 255)
    ImageDraw.Draw(image).rectangle([10, 10, 60, 60], fill=0)
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_a_sideways_image_is_turned_and_read_again():
    ocr = TurnedOcr()
    upright = read_upright(_png((500, 900)), ocr, lambda crops: [False] * len(crops))
    assert upright.turn == 90 and ocr.sizes == [(500, 900), (900, 500)] and upright.size == (500, 900)
    assert [b.text for b in upright.boxes] == ["资金", "10.5"]
    ocr = TurnedOcr()
    upright = read_upright(_png((500, 900)), lambda data, options: _wide(2) if ocr(data) else [], lambda crops: [])
    assert upright.turn == 0 and len(ocr.sizes) == 1  # an upright page is OCR'd once


def test_a_sideways_scanned_pdf_page_is_read_upright_with_boxes_on_the_page(monkeypatch):
    from test_pdf_scans import A4, _pdf

    ocr = TurnedOcr()
    monkeypatch.setattr(pdf_scans, "ocr_available", lambda: True)
    monkeypatch.setattr(pdf_scans, "run_ocr", ocr)
    monkeypatch.setattr(ocr_upright, "classify_upside_down", lambda crops, options: [True] * len(crops))
    doc = load_bytes(_pdf([None]), filename="sideways.pdf")
    assert doc.text.strip() == "资金\t10.5" and len(ocr.sizes) == 2
    assert ocr.sizes[1] == ocr.sizes[0][::-1]  # OCR'd again turned a quarter turn
    width, height = ocr.sizes[0]
    scale = pdf_scans.RENDER_DPI / 72
    value = doc.tables[0].cells[1]
    # the upright image was turned clockwise (270): its (x, y) lies at (y, height - x) on the page as rendered
    assert value.bbox == pytest.approx((200 / scale, (height - 680) / scale, 230 / scale, (height - 600) / scale))
    assert 0 <= value.bbox[0] < A4[0] and 0 <= value.bbox[1] < A4[1]


def test_a_page_with_rotate_is_rendered_as_displayed(monkeypatch):
    """pypdfium2 applies /Rotate, as pdfplumber does to its coordinates, so no turn is needed for such a page,
    and OCR boxes in points match the page's text-layer frame."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from test_pdf_scans import FakeOcr, _scan_image

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(842, 595))  # displayed landscape: a portrait MediaBox with /Rotate 90
    pdf.setPageRotation(90)
    pdf.drawImage(ImageReader(_scan_image()), 72, 100, width=200, height=50)
    pdf.showPage()
    pdf.save()
    assert b"/Rotate 90" in buffer.getvalue()
    fake = FakeOcr()
    monkeypatch.setattr(pdf_scans, "ocr_available", lambda: True)
    monkeypatch.setattr(pdf_scans, "run_ocr", fake)
    doc = load_bytes(buffer.getvalue(), filename="rotated.pdf")
    (image,) = fake.images
    scale = pdf_scans.RENDER_DPI / 72
    assert image.size == pytest.approx((842 * scale, 595 * scale), abs=1)
    assert (doc.pages[0].width, doc.pages[0].height) == (842, 595)  # pdfplumber's frame is the displayed one
    ys, xs = np.nonzero(np.asarray(image.convert("L")) < 128)
    # the image lies at x 100..150, top 72..272 in pdfplumber's frame; its ruled box is inset 10 of its 400 x 100
    # pixels (5 points) on each side
    assert (xs.min() / scale, ys.min() / scale) == pytest.approx((105, 77), abs=1.5)
    assert ((xs.max() + 1) / scale, (ys.max() + 1) / scale) == pytest.approx((145, 267), abs=1.5)


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("rapidocr_onnxruntime") is None,
                    reason="the ocr extra is not installed (pip install -e '.[ocr]')")
@pytest.mark.parametrize("angle", [90, 180])
def test_a_turned_table_scan_reads_like_its_text(angle):
    from jixiao.pipelines.extract import Extractor
    from test_pdf_scans import SCAN

    image = Image.open(SCAN).convert("L").rotate(angle, expand=True, fillcolor=255)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    extractor = Extractor.from_settings(load_tagger=False)
    record = extractor.extract(load_bytes(buffer.getvalue(), filename="turned.png", doc_id="turned"), mode="parser")
    assert len(record.projects) == 1
    got = record.projects[0]
    assert got.funds.executed is not None and len(got.indicators) == 7
    box = got.provenance["funds.executed"].bbox  # in the image as given
    assert 0 <= box[0] < box[2] <= image.width and 0 <= box[1] < box[3] <= image.height


def _thin_ruled_pdf(dpi: int, column: int) -> bytes:
    """One page holding a scan stored at ``dpi``: 1-px vertical ruling lines at odd pixel columns."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (600, 200), 255)
    draw = ImageDraw.Draw(image)
    for x in range(column, 600, 100):
        draw.line([(x, 0), (x, 199)], fill=0, width=1)
    size = (600 * 72 / dpi, 200 * 72 / dpi)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=size, invariant=1)
    pdf.drawImage(ImageReader(image), 0, 0, width=size[0], height=size[1])
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize("column", [51, 50])
def test_thin_rules_of_a_300_dpi_scan_survive_the_render(column, monkeypatch):
    from jixiao.config import Settings

    from test_pdf_scans import FakeOcr

    fake = FakeOcr()
    monkeypatch.setattr(pdf_scans, "ocr_available", lambda: True)
    monkeypatch.setattr(pdf_scans, "run_ocr", fake)
    load_bytes(_thin_ruled_pdf(300, column), filename="thin.pdf")
    (image,) = fake.images
    assert image.size == (300, 100)  # still RENDER_DPI: the OCR costs what a 150-dpi page costs
    cover = (np.asarray(image.convert("L")) < 160).mean(axis=0)
    assert (cover > 0.9).sum() == 6  # every rule, whichever pixel column it lies on
    with pdf_scans.ScanPages(_thin_ruled_pdf(300, column), Settings()) as scans:
        import pypdfium2

        page = pypdfium2.PdfDocument(scans._data)[0]
        assert pdf_scans.scan_dpi(page) == pytest.approx(300)
    assert pdf_scans.oversample(300, 1240, 1754, 40_000_000) == 2
    assert pdf_scans.oversample(600, 1240, 1754, 5_000_000) == 1  # the pixel limit wins
    assert pdf_scans.oversample(150, 1240, 1754, 40_000_000) == 1 and pdf_scans.oversample(None, 1, 1, 10) == 1


class FakeDetection:
    """Stands in for ``ocr_detect.Detection``: boxes without text, and a count of the times they were read."""

    def __init__(self, boxes: list[OcrBox]):
        self.boxes = [OcrBox("", b.x0, b.top, b.x1, b.bottom) for b in boxes]
        self.reads = 0

    def read(self) -> list[OcrBox]:
        self.reads += 1
        return _wide(2)


def test_the_turn_is_found_from_the_detector_and_a_turned_page_is_recognised_once():
    ocr, found = TurnedOcr(), []

    def detector(data, options=None):
        found.append(FakeDetection(_tall(6)))
        return found[-1]

    upright = read_upright(_png((500, 900)), lambda data, options: ocr(data)[:0] or _wide(2),
                           lambda crops: [False] * len(crops), detector=detector)
    # found turned from the detector's boxes: they are never read; the turned page is read once
    assert upright.turn == 90 and found[0].reads == 0 and ocr.sizes == [(900, 500)]
    ocr, found = TurnedOcr(), []

    def upright_detector(data, options=None):
        found.append(FakeDetection(_wide(6)))
        return found[-1]

    upright = read_upright(_png((500, 900)), ocr, lambda crops: [False] * len(crops), detector=upright_detector)
    # an upright page: the detected boxes are read, and the one-call OCR never runs
    assert upright.turn == 0 and found[0].reads == 1 and ocr.sizes == [] and [b.text for b in upright.boxes] == ["项目名称"] * 2
