"""Image pages the OCR engine cannot take as they are: a page too small to hold text, a strip so thin that the
engine's resizing stretches it past memory (bug bash s15). Neither reaches the engine."""

from __future__ import annotations

import io

import pytest

from jixiao.errors import EmptyInputError, ImageTooLargeError
from jixiao.pipelines import load_image as load_image_module
from jixiao.pipelines.load_image import MIN_PAGE_SIDE_PX, detector_pixels, load_image


def _png(width: int, height: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (width, height), 255).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def ocr_calls(monkeypatch):
    calls = []
    monkeypatch.setattr(load_image_module, "ocr_available", lambda: True)
    monkeypatch.setattr(load_image_module, "read_upright", lambda *a, **k: calls.append(a) or pytest.fail("OCR ran"))
    return calls


@pytest.mark.parametrize("size", [(1, 1), (20000, 10), (10, 20000), (MIN_PAGE_SIDE_PX - 1, 3000)])
def test_a_page_too_small_to_hold_text_is_empty_not_unreadable(ocr_calls, size):
    # was input.unreadable with an OpenCV assertion (Hough lines, resize) as its message
    with pytest.raises(EmptyInputError, match="too small to hold text"):
        load_image(_png(*size), doc_id="a", source="a.png")
    assert ocr_calls == []


@pytest.mark.parametrize("size", [(32, 3000), (3000, 32), (200, 20000)])
def test_a_strip_the_engine_would_stretch_past_the_limit_is_refused_before_ocr(ocr_calls, size):
    # a blank 32x3000 PNG of 200 bytes: 48 s and 4.7 GB in the text detector (736x49000 pixels)
    with pytest.raises(ImageTooLargeError, match="max_ocr_pixels"):
        load_image(_png(*size), doc_id="a", source="a.png")
    assert ocr_calls == []


@pytest.mark.parametrize(("size", "pixels"), [
    ((2480, 3508), 2_827_822),  # A4 at 300 dpi: shrunk to 2000 on its long side
    ((4000, 4000), 4_000_000),
    ((100, 100), 736 * 736),  # enlarged to the detector's 736
    ((32, 3000), 36_113_066),  # 21x2000, then 30 (the engine's floor), then 736 x 49067
])
def test_detector_pixels_follow_the_engines_resizing(size, pixels):
    assert detector_pixels(*size) == pixels
