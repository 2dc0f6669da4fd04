"""Scanned PDFs: a page with no text layer, or a garbage one, is rendered and OCR'd like an image.

The fast tests stand a fake in for the OCR engine (``pdf_scans.run_ocr``): it records each page image it is
given and answers boxes of its own, so they test what is OCR'd, in which order and under which limits; the
slow test runs the real engine on a rendered scan of the example's table.
"""

from __future__ import annotations

import importlib.util
import io

import pytest
from PIL import Image, ImageDraw

from ocr_reading import SCAN, assert_reads_as_the_example

from jixiao.config import Settings
from jixiao.errors import (
    DeadlineExceeded,
    EmptyInputError,
    TooManyPagesError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from jixiao.pipelines import pdf_scans
from jixiao.pipelines.ingest import load_bytes
from jixiao.pipelines.ocr_layout import OcrBox, OcrOptions

A4 = (595.27, 841.89)


def _scan_image() -> Image.Image:
    """A page image with ink but no text layer: a ruled box, as a scanner would give it."""
    image = Image.new("L", (400, 100), 255)
    ImageDraw.Draw(image).rectangle([10, 10, 390, 90], outline=0, width=3)
    return image


def _pdf(pages: list[str | None]) -> bytes:
    """A4 pages drawn with reportlab: a string is a text page (Helvetica), None a scanned page (an image)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for page in pages:
        if page is None:
            pdf.drawImage(ImageReader(_scan_image()), 72, 600, width=400, height=100)
        else:
            pdf.setFont("Helvetica", 12)
            pdf.drawString(72, 760, page)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _cid_pdf(glyphs: int = 20) -> bytes:
    """One page whose text is drawn in a Type0 font with no ToUnicode map: pdfminer reads ``(cid:NNN)``.
    A filled box gives the rendered page ink."""
    content = ("0 g 72 600 300 60 re f BT /F1 14 Tf 72 760 Td <"
               + "".join(f"{0x0100 + i:04X}" for i in range(glyphs)) + "> Tj ET").encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Garbled /Encoding /Identity-H /DescendantFonts [5 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Garbled "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


class FakeOcr:
    """Stands in for ``run_ocr``: the n-th call reads ``SCANNED n`` as a line and a two-cell row."""

    def __init__(self, found: bool = True):
        self.images: list[Image.Image] = []
        self.options: list[OcrOptions | None] = []
        self.found = found

    def __call__(self, data: bytes, options: OcrOptions | None = None) -> list[OcrBox]:
        self.images.append(Image.open(io.BytesIO(data)))
        self.options.append(options)
        n = len(self.images)
        if not self.found:
            return []
        return [OcrBox(f"SCANNED {n}", 100, 100, 300, 130),
                OcrBox("Funds", 100, 200, 180, 230), OcrBox(f"{n}0.5", 600, 200, 680, 230)]


@pytest.fixture
def fake_ocr(monkeypatch) -> FakeOcr:
    from jixiao.pipelines import table_pictures

    fake = FakeOcr()
    monkeypatch.setattr(pdf_scans, "run_ocr", fake)
    monkeypatch.setattr(pdf_scans, "ocr_available", lambda: True)
    # a picture on a text page (the half-page one below) is read by its own engine call: it finds no table there
    monkeypatch.setattr(table_pictures, "run_ocr", FakeOcr(found=False))
    return fake


def test_a_scanned_page_is_rendered_and_read_by_ocr(fake_ocr):
    doc = load_bytes(_pdf([None]), filename="scan.pdf")
    assert doc.format == "pdf" and [(p.number, p.ocr) for p in doc.pages] == [(1, "read")]
    assert doc.text.startswith("SCANNED 1\n") and doc.text.rstrip().endswith("Funds\t10.5")
    (image,) = fake_ocr.images  # one A4 page at RENDER_DPI
    assert image.size == pytest.approx(tuple(v * pdf_scans.RENDER_DPI / 72 for v in A4), abs=1)  # pdfium rounds up
    # boxes come back in PDF points, like a text page's
    (cell, value) = doc.tables[0].cells
    scale = pdf_scans.RENDER_DPI / 72
    assert value.bbox == pytest.approx((600 / scale, 200 / scale, 680 / scale, 230 / scale))
    assert doc.text[value.start:value.end] == "10.5"


def test_the_engine_threads_come_from_the_settings(fake_ocr):
    # like the tagger's: a pool of two workers on two cores runs each at one thread (batch.py sets workers_threads)
    load_bytes(_pdf([None]), filename="scan.pdf", settings=Settings(workers_threads=1))
    assert fake_ocr.options == [OcrOptions(threads=1)]


def test_the_options_are_the_engines_keywords():
    assert OcrOptions().engine_kwargs() == {}  # rapidocr's own defaults
    assert OcrOptions(threads=1).engine_kwargs() == {"intra_op_num_threads": 1, "inter_op_num_threads": 1}


@pytest.mark.skipif(importlib.util.find_spec("rapidocr_onnxruntime") is None,
                    reason="the ocr extra is not installed (pip install -e '.[ocr]')")
def test_the_engine_is_built_with_the_options():
    from jixiao.pipelines.ocr_layout import _engine

    engine = _engine(OcrOptions(threads=1))
    for session in (engine.text_det.infer, engine.text_cls.infer, engine.text_rec.session):
        options = session.session.get_session_options()
        assert (options.intra_op_num_threads, options.inter_op_num_threads) == (1, 1)


def test_a_mixed_pdf_reads_every_page_in_order(fake_ocr):
    doc = load_bytes(_pdf(["Page one text", None, "Page three text", None]), filename="mixed.pdf")
    assert [(p.number, p.ocr) for p in doc.pages] == [(1, None), (2, "read"), (3, None), (4, "read")]
    pages = [doc.text[p.start:p.end].strip() for p in doc.pages]
    assert pages == ["Page one text", "SCANNED 1\n\nFunds\t10.5", "Page three text", "SCANNED 2\n\nFunds\t20.5"]
    assert [t.page for t in doc.tables] == [2, 4] and len(fake_ocr.images) == 2
    for table in doc.tables:
        for cell in table.cells:
            assert doc.text[cell.start:cell.end] == cell.text


def test_a_page_of_cid_garbage_is_ocr_read_not_trusted(fake_ocr):
    doc = load_bytes(_cid_pdf(), filename="garbled.pdf")
    assert [p.ocr for p in doc.pages] == ["read"] and "(cid:" not in doc.text
    assert doc.text.startswith("SCANNED 1")


def test_the_garbage_threshold():
    def chars(*texts):
        return [{"text": t} for t in texts]

    word = list("项目支出绩效自评表")
    assert not pdf_scans.text_layer_fails(chars(*word, *"12345.67"))
    assert pdf_scans.text_layer_fails(chars(*" \n"))  # no visible character: a scan
    assert not pdf_scans.text_layer_fails(chars(*"12345.67"))  # numbers alone are a text layer
    # a few symbol-font check boxes (private use) on a sound page
    assert not pdf_scans.text_layer_fails(chars(*word, "\uf0a8", "\uf0fe", *word))
    garbled = [f"(cid:{n})" for n in range(300, 312)]
    assert pdf_scans.text_layer_fails(chars(*garbled, *"1234567890" * 5))  # labels lost, numbers readable
    assert pdf_scans.text_layer_fails(chars(*["\ue000"] * 10, *["\ufffd"] * 5, *word))


def test_a_page_ocr_finds_nothing_on_is_skipped(monkeypatch):
    monkeypatch.setattr(pdf_scans, "ocr_available", lambda: True)
    monkeypatch.setattr(pdf_scans, "run_ocr", FakeOcr(found=False))
    doc = load_bytes(_pdf(["Page one text", None]), filename="mixed.pdf")
    assert doc.text.strip() == "Page one text" and [p.ocr for p in doc.pages] == [None, "read"]
    with pytest.raises(EmptyInputError, match="OCR"):
        load_bytes(_pdf([None, None]), filename="blank.pdf")


def test_without_the_ocr_extra_a_scan_says_how_to_install_it(monkeypatch):
    def no_ocr(data, options=None):
        raise AssertionError("OCR ran without the engine")

    monkeypatch.setattr(pdf_scans, "ocr_available", lambda: False)
    monkeypatch.setattr(pdf_scans, "run_ocr", no_ocr)
    with pytest.raises(UnsupportedFormatError, match=r"jixiao\[ocr\]") as info:
        load_bytes(_pdf([None]), filename="scan.pdf")
    assert info.value.code == "input.unsupported_format"
    # a text PDF reads as ever; a mixed one reads its text pages, and the record's notes name the others
    assert load_bytes(_pdf(["Page one text"]), filename="text.pdf").text.strip() == "Page one text"
    doc = load_bytes(_pdf(["Page one text", None]), filename="mixed.pdf")
    assert [p.ocr for p in doc.pages] == [None, "not_installed"]
    read, notes = pdf_scans.scan_meta(doc.pages)
    assert read == [] and len(notes) == 1 and notes[0].startswith("page(s) 2 ") and "jixiao[ocr]" in notes[0]


def test_pdf_ocr_can_be_turned_off(fake_ocr):
    off = Settings(pdf_ocr=False)
    with pytest.raises(EmptyInputError, match="JIXIAO_PDF_OCR"):
        load_bytes(_pdf([None]), filename="scan.pdf", settings=off)
    assert not fake_ocr.images
    assert pdf_scans.scan_meta(load_bytes(_pdf(["text", None]), filename="m.pdf", settings=off).pages)[1]


class _Clock:
    """A deadline that runs out once ``out`` is set (the OCR of a page took the time)."""

    def __init__(self):
        self.out = False

    def check(self, stage: str) -> None:
        if self.out:
            raise DeadlineExceeded(f"the time limit ran out before {stage}")


def test_the_deadline_is_checked_between_ocr_pages(monkeypatch):
    clock, fake = _Clock(), FakeOcr()

    def slow_ocr(data, options=None):
        clock.out = True  # this page used up the time
        return fake(data)

    monkeypatch.setattr(pdf_scans, "ocr_available", lambda: True)
    monkeypatch.setattr(pdf_scans, "run_ocr", slow_ocr)
    with pytest.raises(DeadlineExceeded, match="page 2"):
        load_bytes(_pdf([None, None, None]), filename="scan.pdf", deadline=clock)
    assert len(fake.images) == 1


def test_an_ocr_failure_on_a_page_is_unreadable_and_its_bad_alloc_is_out_of_memory(monkeypatch):
    """As for an image (test_ingest_errors): one line without an address, and a native bad_alloc is the
    worker's memory limit (MemoryError: input.memory_limit, retried), not an unreadable file."""
    monkeypatch.setattr(pdf_scans, "ocr_available", lambda: True)

    def undecodable(data, options=None):
        raise RuntimeError("Traceback (most recent call last):\n  run()\nRuntimeException: bad input <obj at 0x7f00deadbeef>")

    monkeypatch.setattr(pdf_scans, "run_ocr", undecodable)
    with pytest.raises(UnreadableFileError) as info:
        load_bytes(_pdf([None]), filename="scan.pdf")
    assert info.value.code == "input.unreadable" and "page 1" in info.value.message
    assert "0x" not in info.value.message and "\n" not in info.value.message

    def bad_alloc(data, options=None):  # onnxruntime's way of saying the worker's address-space limit refused an allocation
        raise RuntimeError("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Status Message: std::bad_alloc")

    monkeypatch.setattr(pdf_scans, "run_ocr", bad_alloc)
    with pytest.raises(MemoryError):
        load_bytes(_pdf([None]), filename="scan.pdf")


def test_the_page_limit_applies_before_any_ocr(fake_ocr):
    with pytest.raises(TooManyPagesError):
        load_bytes(_pdf([None, None, None]), filename="scan.pdf", settings=Settings(max_pdf_pages=2))
    assert not fake_ocr.images


def test_a_huge_page_is_rendered_within_the_pixel_limit():
    scale = pdf_scans.render_scale(14400, 14400, 40_000_000)  # a 200-inch square page
    assert (14400 * scale) ** 2 <= 40_000_000 * 1.0001
    assert pdf_scans.render_scale(*A4, 40_000_000) == pdf_scans.RENDER_DPI / 72


def _scanned_example_pdf() -> bytes:
    """The example's table scan as a PDF page at 150 dpi, stored losslessly (reportlab keeps the pixels)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.open(SCAN)
    size = (image.width * 72 / 150, image.height * 72 / 150)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=size, invariant=1)
    pdf.drawImage(ImageReader(image), 0, 0, width=size[0], height=size[1])
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("rapidocr_onnxruntime") is None,
                    reason="the ocr extra is not installed (pip install -e '.[ocr]')")
def test_a_scanned_pdf_reads_like_its_text():
    from jixiao.pipelines.extract import Extractor

    extractor = Extractor.from_settings(load_tagger=False)
    scan = extractor.extract(load_bytes(_scanned_example_pdf(), filename="scan.pdf", doc_id="scan"), mode="parser")
    assert scan.meta["format"] == "pdf" and scan.meta["ocr_pages"] == [1]
    got = assert_reads_as_the_example(scan, extractor)
    assert got.provenance["funds.executed"].page == 1


def _searchable_scan_pdf(invisible: bool = True, cover: float = 1.0) -> bytes:
    """A "searchable" scan: a page image (covering ``cover`` of the page across) under a text layer drawn
    invisible (render mode 3), as another tool's OCR leaves it."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.drawImage(ImageReader(_scan_image()), 0, 0, width=A4[0] * cover, height=A4[1])
    text = pdf.beginText(72, 760)
    text.setFont("Helvetica", 12)
    text.setTextRenderMode(3 if invisible else 0)
    text.textLine("Layer text")
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_searchable_scan_is_noted_and_its_text_layer_trusted_unless_asked(fake_ocr):
    from jixiao.pipelines.extract import Extractor

    doc = load_bytes(_searchable_scan_pdf(), filename="searchable.pdf")
    assert doc.text.strip() == "Layer text" and [p.ocr for p in doc.pages] == ["text_layer"] and not fake_ocr.images
    assert pdf_scans.searchable_pages(doc.pages) == [1] and pdf_scans.scan_meta(doc.pages) == ([], [])
    record = Extractor.from_settings(load_tagger=False).extract(doc, mode="parser")
    assert record.meta["text_layer_scan_pages"] == [1] and "ocr_pages" not in record.meta
    # visible text over a picture, or a picture that is not the page: a text page
    for pdf in (_searchable_scan_pdf(invisible=False), _searchable_scan_pdf(cover=0.5)):
        assert [p.ocr for p in load_bytes(pdf, filename="text.pdf").pages] == [None]
    # asked to, OCR reads it instead
    doc = load_bytes(_searchable_scan_pdf(), filename="searchable.pdf", settings=Settings(pdf_ocr_searchable=True))
    assert [p.ocr for p in doc.pages] == ["read"] and doc.text.startswith("SCANNED 1") and len(fake_ocr.images) == 1
