"""A scan is straightened before OCR: its skew levelled (a projection profile) and a red seal's ink dropped.

Tiny drawn pages stand in for scans (rules and dark bars for text lines; no font, no OCR engine); the OCR call is
a fake that records the image it is given.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw

from jixiao.pipelines.ocr_layout import OcrBox
from jixiao.pipelines.ocr_straighten import MIN_SKEW, Straight, drop_red_ink, skew_angle, straighten
from jixiao.pipelines.ocr_upright import read_upright


def _table(size=(1000, 700), mode="L") -> Image.Image:
    """A ruled table of 12 rows and 5 columns with a dark bar (a text line) in each cell."""
    white = 255 if mode == "L" else (255, 255, 255)
    black = 0 if mode == "L" else (0, 0, 0)
    page = Image.new(mode, size, white)
    draw = ImageDraw.Draw(page)
    for r in range(13):
        draw.line([(50, 50 + 45 * r), (950, 50 + 45 * r)], fill=black, width=2)
    for c in range(6):
        draw.line([(50 + 180 * c, 50), (50 + 180 * c, 590)], fill=black, width=2)
    for r in range(12):
        for c in range(5):
            draw.rectangle([60 + 180 * c, 62 + 45 * r, 60 + 180 * c + 120, 62 + 45 * r + 18], fill=black)
    return page


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("tilt", [-3.0, -1.5, 1.0, 2.5])
def test_the_skew_is_found_and_its_turn_levels_the_page(tilt):
    page = _table().rotate(tilt, resample=Image.BICUBIC, fillcolor=255)
    angle = skew_angle(page)
    assert angle == pytest.approx(-tilt, abs=0.15)  # the turn back
    assert skew_angle(page.rotate(angle, resample=Image.BICUBIC, fillcolor=255)) == 0.0


def test_a_level_page_a_tiny_tilt_and_a_blank_page_are_left_alone():
    assert skew_angle(_table()) == 0.0
    assert skew_angle(_table().rotate(MIN_SKEW / 2, resample=Image.BICUBIC, fillcolor=255)) == 0.0
    assert skew_angle(Image.new("L", (800, 600), 255)) == 0.0
    data = _png(_table())
    assert straighten(data).image is data  # nothing to do: the input goes to OCR as it is


def test_a_red_seal_is_dropped_and_the_print_under_it_kept():
    page = _table(mode="RGB")
    seal = Image.new("RGB", page.size, (255, 255, 255))
    ImageDraw.Draw(seal).ellipse([100, 60, 400, 360], fill=(214, 38, 42))
    from PIL import ImageChops
    stamped = ImageChops.multiply(page, seal)  # ink over ink, as a stamp prints
    gray = np.asarray(drop_red_ink(stamped))
    assert gray[150, 300] > 200  # seal over paper: paper again
    assert gray[68, 120] < 60  # seal over a text bar: the bar stays dark
    assert drop_red_ink(page) is None and drop_red_ink(page.convert("L")) is None  # no seal, no change


def test_a_box_in_the_straightened_image_maps_back_to_the_image_as_given():
    page = Image.new("L", (800, 600), 255)
    ImageDraw.Draw(page).rectangle([600, 100, 700, 130], fill=0)
    turned = page.rotate(2.0, resample=Image.BICUBIC, fillcolor=255)
    ys, xs = np.nonzero(np.asarray(turned) < 128)
    back = Straight(b"", 2.0, page.size).to_input((xs.min(), ys.min(), xs.max(), ys.max()))
    # the box around the turned box's corners holds the original box, a few pixels larger
    assert back[0] <= 601 and back[1] <= 101 and back[2] >= 699 and back[3] >= 129
    assert back[0] > 585 and back[1] > 85 and back[2] < 715 and back[3] < 145


def test_a_skewed_image_reaches_ocr_level_and_its_boxes_map_back():
    seen = []

    def ocr(data: bytes, options=None) -> list[OcrBox]:
        seen.append(Image.open(io.BytesIO(data)).convert("L"))
        return [OcrBox("项目名称", 60, 62, 180, 80)]

    upright = read_upright(_png(_table().rotate(2.0, resample=Image.BICUBIC, fillcolor=255)), ocr,
                           lambda crops: [False] * len(crops))
    assert len(seen) == 1 and skew_angle(seen[0]) == 0.0
    assert upright.straight.skew == pytest.approx(-2.0, abs=0.15) and upright.turn == 0
    assert upright.to_input((60, 62, 180, 80)) != (60, 62, 180, 80)


def test_an_image_that_does_not_decode_goes_to_ocr_as_it_is():
    data = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    assert straighten(data).image is data  # the OCR call reads it or says why not (input.unreadable)
