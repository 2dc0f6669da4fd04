"""A phone photo's page is found, warped flat and its bow straightened before OCR (``ocr_page_quad``); a flat scan
is left exactly as it came.

Drawn pages stand in for photos (a ruled table with dark bars for text lines, warped in perspective onto a darker
textured desk; no font): the OCR call is a fake that records the image it is given.
"""

from __future__ import annotations

import io
import time

import numpy as np
import pytest
from PIL import Image, ImageDraw

from jixiao.pipelines.ocr_layout import OcrBox
from jixiao.pipelines.ocr_page_quad import find_page, flatten_photo
from jixiao.pipelines.ocr_straighten import skew_angle, straighten
from jixiao.pipelines.ocr_upright import read_upright

# OpenCV comes with the OCR extra and the dev extra; a bare install skips these
cv2 = pytest.importorskip("cv2", reason="OpenCV is not installed (pip install -e '.[dev]')")

PAGE = (620, 880)  # a small A4-proportioned sheet


def _sheet(paper=(246, 244, 238)) -> Image.Image:
    """A printed sheet: a ruled table of 14 rows and 4 columns with a dark bar in each cell."""
    page = Image.new("RGB", PAGE, paper)
    draw = ImageDraw.Draw(page)
    for r in range(15):
        draw.line([(50, 80 + 40 * r), (570, 80 + 40 * r)], fill=(20, 20, 20), width=2)
    for c in range(5):
        draw.line([(50 + 130 * c, 80), (50 + 130 * c, 640)], fill=(20, 20, 20), width=2)
    for r in range(14):
        for c in range(4):
            draw.rectangle([60 + 130 * c, 92 + 40 * r, 60 + 130 * c + 90, 92 + 40 * r + 14], fill=(15, 15, 15))
    return page


def _photo(corners, bow: float = 0.0, frame=(820, 1100), desk=(96, 78, 60)) -> Image.Image:
    """The sheet photographed: its corners at ``corners`` on a wood-coloured textured desk, bowed down in its
    middle by ``bow`` of its height, the light falling off to one side."""
    sheet = np.asarray(_sheet()).astype(np.float32)
    h, w = sheet.shape[:2]
    if bow:
        xs, ys = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
        sheet = cv2.remap(sheet, xs, ys - bow * h * np.sin(np.pi * xs / w), cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))
    rng = np.random.default_rng(7)
    out = np.ones((frame[1], frame[0], 3), np.float32) * np.float32(desk)
    out *= (1 + 0.08 * cv2.GaussianBlur(rng.normal(0, 1, (frame[1], frame[0])).astype(np.float32), (0, 0), 3))[..., None]
    matrix = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), np.float32(corners))
    warped = cv2.warpPerspective(sheet, matrix, frame)
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), matrix, frame) * (warped.sum(axis=-1) > 30)
    out = out * (1 - mask[..., None]) + warped * mask[..., None]
    out *= np.linspace(0.7, 1.0, frame[0], dtype=np.float32)[None, :, None]
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


CORNERS = [(120, 150), (700, 95), (735, 1010), (80, 960)]  # each corner moved its own way: a phone off-axis


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _row_spread(gray) -> float:
    """How far the table's top rule wanders up and down across the page, in pixels: in each of several columns,
    the first dark row below the first stretch of paper (past any desk at the edge)."""
    arr = np.asarray(gray.convert("L")).astype(np.int32)
    rows = []
    for x in np.linspace(arr.shape[1] * 0.15, arr.shape[1] * 0.85, 8).astype(int):
        column = arr[: arr.shape[0] // 5, x]
        paper = int(np.argmax(column > 150))
        rows.append(paper + int(np.argmax(column[paper:] < 110)))
    return float(max(rows) - min(rows))


def test_the_page_of_a_photo_is_found_at_its_corners():
    corners = find_page(np.asarray(_photo(CORNERS)))
    assert corners is not None
    for found, true in zip(corners, CORNERS):
        assert abs(found[0] - true[0]) < 12 and abs(found[1] - true[1]) < 12


def test_the_photo_is_warped_flat_to_the_pages_proportions_and_boxes_map_back():
    flat, page = flatten_photo(_photo(CORNERS))
    width, height = flat.size
    assert height / width == pytest.approx(PAGE[1] / PAGE[0], rel=0.06)
    assert skew_angle(flat.convert("L")) == 0.0  # its rows lie level: nothing left to turn
    assert _row_spread(flat) <= 3
    # the page's own corner, mapped back, lands at the photo's corner
    x0, top, _, _ = page.to_input((0, 0, 1, 1))
    assert abs(x0 - CORNERS[0][0]) < 12 and abs(top - CORNERS[0][1]) < 12


def test_a_curled_sheets_rows_are_straightened_by_its_own_edges():
    photo = _photo([(100, 120), (720, 120), (720, 1000), (100, 1000)], bow=0.02)
    flat, _ = flatten_photo(photo)
    assert _row_spread(photo.crop((100, 100, 720, 1000))) >= 8  # the bow as photographed: ~10 px between the columns looked at
    assert _row_spread(flat) <= 4


@pytest.mark.parametrize("case", ["flat scan", "grey scan", "lid corner", "small label", "blank desk"])
def test_no_plausible_page_means_the_image_is_read_as_it_came(case):
    if case == "flat scan":  # paper to the frame's edge: no desk round it
        image = _sheet()
    elif case == "grey scan":
        image = _sheet().convert("L").rotate(2.0, fillcolor=236)
    elif case == "lid corner":  # a scan whose lid left a dark band along one edge only
        image = _sheet()
        ImageDraw.Draw(image).rectangle([0, 0, 40, PAGE[1]], fill=(40, 40, 40))
    elif case == "small label":  # a bright card a tenth of the frame on the desk
        image = Image.new("RGB", (800, 1000), (96, 78, 60))
        ImageDraw.Draw(image).rectangle([300, 400, 500, 520], fill=(245, 245, 245))
    else:
        image = Image.new("RGB", (800, 1000), (96, 78, 60))
    assert flatten_photo(image) is None
    data = _png(image)
    assert straighten(data).page is None


def test_a_flat_scan_costs_little():
    scan = _sheet().resize((1240, 1754)).convert("L")
    flatten_photo(scan)  # warm the imports
    start = time.perf_counter()
    for _ in range(3):
        assert flatten_photo(scan) is None
    assert (time.perf_counter() - start) / 3 < 0.25  # ~10-20 ms on a quiet machine; room for a loaded one


def test_a_photo_reaches_ocr_flat_and_its_boxes_map_back_into_the_photo():
    seen = []

    def ocr(data: bytes, options=None) -> list[OcrBox]:
        seen.append(Image.open(io.BytesIO(data)).convert("L"))
        return [OcrBox("项目名称", 50, 80, 180, 120)]

    upright = read_upright(_png(_photo(CORNERS)), ocr, lambda crops: [False] * len(crops))
    assert len(seen) == 1 and upright.straight.page is not None
    assert upright.input_size == (820, 1100)  # the photo's frame, where the boxes are mapped back to
    assert _row_spread(seen[0]) <= 3
    x0, top, _, _ = upright.to_input((50, 80, 180, 120))
    # the table's top-left corner in the photo: about 50/620 and 80/880 of the way along the page's corners
    assert 110 < x0 < 185 and 150 < top < 215
