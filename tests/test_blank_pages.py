"""A blank page (paper, dust, a scanner's specks) is not handed to OCR (``ocr_layout.looks_blank``): the back of a
duplex-scanned sheet cost a full text detection. Anything that may be print, faint print too, is."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageDraw

from jixiao.pipelines import load_image
from jixiao.pipelines.ingest import load_bytes
from jixiao.pipelines.ocr_layout import looks_blank
from tests.test_image_frames import FakeOcr, _page

PAPER = 240


def _png(gray: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(gray).save(buffer, "PNG")
    return buffer.getvalue()


def _sheet(ink: int | None, glyphs: int = 4, noise: float = 4.0) -> np.ndarray:
    """An A4 page at 150 dpi: dust everywhere, and GLYPHS character-sized stroke marks (22 px) printed at INK."""
    rng = np.random.default_rng(7)
    image = Image.new("L", (1240, 1754), PAPER)
    draw = ImageDraw.Draw(image)
    for g in range(glyphs if ink is not None else 0):
        x = 300 + 26 * g
        draw.line([x, 410, x + 20, 410], fill=ink, width=2)
        draw.line([x + 10, 400, x + 10, 422], fill=ink, width=2)
        draw.line([x + 2, 418, x + 18, 418], fill=ink, width=2)
    gray = np.asarray(image).astype(np.float32) + rng.normal(0, noise, (1754, 1240))
    gray[rng.integers(0, 1754, 3000), rng.integers(0, 1240, 3000)] = 30  # dust: single dark pixels
    return np.clip(gray, 0, 255).astype(np.uint8)


def test_paper_with_dust_is_blank_and_a_few_characters_are_not():
    assert looks_blank(_png(_sheet(None)))
    assert not looks_blank(_png(_sheet(20)))


def test_faint_print_is_not_blank():
    assert not looks_blank(_png(_sheet(PAPER - 50)))


def test_what_cannot_be_decoded_is_left_to_ocr():
    assert looks_blank(b"not an image") is False


def test_a_blank_page_of_a_tiff_is_a_page_without_ocr(monkeypatch):
    fake = FakeOcr()
    monkeypatch.setattr(load_image, "run_ocr", fake)
    monkeypatch.setattr(load_image, "ocr_available", lambda: True)
    blank = Image.fromarray(_sheet(None)[:400, :600])
    buffer = io.BytesIO()
    _page(mode="L").save(buffer, "TIFF", save_all=True, append_images=[blank, _page(mode="L")])
    doc = load_bytes(buffer.getvalue(), filename="duplex.tif")
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert len(fake.images) == 2  # pages 1 and 3 read; the blank back not
    assert doc.text[doc.pages[1].start:doc.pages[1].end].strip() == ""
