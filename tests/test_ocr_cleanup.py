"""A scan's paper and stamps are cleaned before OCR (``ocr_cleanup``), and a sheet laid well askew is levelled.

Drawn pages stand in for photocopies (rules and dark bars for text lines; no font, no OCR engine): a ruled grid
tilted 6-12 degrees, a grey round seal over its cells, a binding shadow along one edge, an underexposed copy.
"""

from __future__ import annotations

import io
import math

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from jixiao.pipelines.ocr_cleanup import DIM_PAPER, faint_rules, flatten_paper, lift_round_seal, round_seals
from jixiao.pipelines.ocr_layout import RULING_DARK, OcrBox, ink, join_wrapped
from jixiao.pipelines.ocr_straighten import skew_angle, straighten

# OpenCV comes with the OCR extra (rapidocr), as these cleanups run only before OCR: `pip install -e '.[dev]'`
# alone skips them
pytest.importorskip("cv2", reason="the ocr extra is not installed (pip install -e '.[ocr]')")


def _grid(size=(1240, 1754), paper=246, rule=20, rule_width=2, bars=True) -> Image.Image:
    """An A4-proportioned page at ~150 dpi: a ruled table of 20 rows and 5 columns, a dark bar in each cell."""
    page = Image.new("L", size, paper)
    draw = ImageDraw.Draw(page)
    left, right, top, row, col = 100, 1140, 200, 50, 208
    for r in range(21):
        draw.line([(left, top + row * r), (right, top + row * r)], fill=rule, width=rule_width)
    for c in range(6):
        draw.line([(left + col * c, top), (left + col * c, top + row * 20)], fill=rule, width=rule_width)
    for r in range(20 if bars else 0):
        for c in range(5):
            draw.rectangle([left + 12 + col * c, top + 16 + row * r, left + 12 + col * c + 130, top + 34 + row * r], fill=10)
    return page


def _seal(page: Image.Image, centre: tuple[int, int], radius: int, level: int) -> Image.Image:
    """A round seal in grey ink multiplied over the page: a ring, a star, a short arc of marks."""
    layer = Image.new("L", page.size, 255)
    draw = ImageDraw.Draw(layer)
    cx, cy = centre
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=level, width=radius // 18)
    draw.regular_polygon((cx, cy, radius // 4), 5, fill=level)
    for k in range(8):
        a = math.radians(-160 + 20 * k)
        x, y = cx + radius * 0.75 * math.cos(a), cy + radius * 0.75 * math.sin(a)
        draw.rectangle([x - 8, y - 8, x + 8, y + 8], fill=level)
    out = np.asarray(page).astype(np.float32) * np.asarray(layer).astype(np.float32) / 255
    return Image.fromarray(out.astype(np.uint8))


@pytest.mark.parametrize("tilt", [-11.0, -7.5, 6.0, 9.0, 12.0])
def test_a_sheet_laid_well_askew_is_levelled(tilt):
    page = _grid().rotate(tilt, resample=Image.BICUBIC, fillcolor=236, expand=True)
    angle = skew_angle(page)
    assert angle == pytest.approx(-tilt, abs=0.15)
    level = page.rotate(angle, resample=Image.BICUBIC, fillcolor=236)
    assert skew_angle(level) == 0.0


def test_a_grey_round_seal_is_lifted_and_the_rules_and_print_under_it_kept():
    clean = _grid()
    sealed = _seal(clean, (620, 600), 110, 118)
    [(cx, cy, r, level)] = round_seals(np.asarray(sealed))
    assert (cx, cy) == (pytest.approx(620, abs=8), pytest.approx(600, abs=8)) and r == pytest.approx(110, abs=10)
    assert 80 < level < 135  # the ring over paper, darker where it crosses rules and bars
    lifted = lift_round_seal(np.asarray(sealed))
    ring = np.asarray(sealed) < 200
    ring &= np.asarray(clean) > 200  # the seal's own ink, where it lies over paper
    assert (lifted[ring] > 200).mean() > 0.9  # cleared to paper
    print_ = np.asarray(clean) < 60
    assert (lifted[print_] < RULING_DARK).mean() > 0.98  # bars and rules under it kept
    assert lift_round_seal(np.asarray(clean)) is None  # no seal: nothing to do
    assert round_seals(np.asarray(clean)) == []


def test_a_binding_shadow_is_flattened():
    page = np.asarray(_grid()).astype(np.float32)
    x = np.arange(page.shape[1], dtype=np.float32)
    shade = 0.2 + 0.8 * np.minimum(1.0, x / (page.shape[1] * 0.22)) ** 0.7  # darkest 0.2 at the left edge
    shadowed = (page * shade[None, :]).astype(np.uint8)
    assert (shadowed[:, :60] < RULING_DARK).all()  # the band reads as ink from edge to edge
    flat = flatten_paper(shadowed)
    paper = np.asarray(_grid()) > 200
    assert (flat[:, :200][paper[:, :200]] > 200).mean() > 0.9  # the paper in the band is paper again (its very edge stays dim)
    assert (flat[np.asarray(_grid()) < 60] < RULING_DARK).mean() > 0.98  # rules and print still ink


def test_an_underexposed_copy_gets_its_contrast_back():
    page = np.asarray(_grid()).astype(np.float32)
    dark = (58 + page * (142 - 58) / 255).astype(np.uint8)  # paper ~140, ink ~60
    assert (dark < RULING_DARK).all()
    flat = flatten_paper(dark)
    clean = np.asarray(_grid())
    assert (flat[clean > 200] > 200).mean() > 0.97
    assert (flat[clean < 60] < RULING_DARK).mean() > 0.98


def test_a_light_page_is_left_alone():
    assert flatten_paper(np.asarray(_grid())) is None
    grey = (np.asarray(_grid()).astype(np.float32) * (DIM_PAPER + 20) / 246).astype(np.uint8)  # a photocopy's grey paper
    assert flatten_paper(grey) is None


def test_a_tilted_page_with_a_seal_is_straightened_and_lifted_in_one_pass():
    page = _seal(_grid(), (620, 600), 110, 70).rotate(9.0, resample=Image.BICUBIC, fillcolor=236)
    buffer = io.BytesIO()
    page.save(buffer, "PNG")
    straight = straighten(buffer.getvalue())
    assert straight.skew == pytest.approx(-9.0, abs=0.15)
    image = Image.open(io.BytesIO(straight.image)).convert("L")
    assert round_seals(np.asarray(image)) == []  # the seal is gone from what OCR reads


def _faint_copy(bars=True) -> np.ndarray:
    """origf03's kind of copy: grey paper (232), rules a thin light grey (216: 16 levels under the paper), black print
    blurred as a scan blurs it, speckle, and a grey-shaded header band (a cell fill, not a rule)."""
    page = _grid(paper=232, rule=216, rule_width=1, bars=bars)
    ImageDraw.Draw(page).rectangle([101, 100, 1139, 160], fill=214)  # a shaded band as thick as a row
    pixels = np.asarray(page.filter(ImageFilter.GaussianBlur(0.6))).copy()
    rng = np.random.default_rng(3)
    ys, xs = rng.integers(0, pixels.shape[0], 3000), rng.integers(0, pixels.shape[1], 3000)
    pixels[ys, xs] = 150  # speckle
    return pixels


def test_faint_rules_are_found_and_print_speckle_and_shading_are_not():
    gray = _faint_copy()
    assert (gray[399:402, 100:1141] < RULING_DARK).any(axis=0).mean() < 0.1  # the fixed ink level sees no rule
    rules = faint_rules(gray)
    # every horizontal rule (y = 200 + 50 r) and every vertical one (x = 100 + 208 c) is found along most of its length
    for r in range(21):
        assert rules[200 + 50 * r - 1:200 + 50 * r + 2, 100:1141].any(axis=0).mean() > 0.9
    for c in range(6):
        assert rules[200:1201, 100 + 208 * c - 1:100 + 208 * c + 2].any(axis=1).mean() > 0.9
    # the print (a dark bar in each cell, 130 px long: as long as a run of text) is no rule
    assert not rules[217:233, 125:245].any()
    # nor the shaded band, nor speckle in the margin
    assert not rules[110:150, 200:1000].any() and not rules[1300:1700].any()


def test_the_ink_mask_takes_faint_rules_and_a_wrapped_cell_is_joined_between_them():
    buffer = io.BytesIO()
    Image.fromarray(_faint_copy(bars=False)).save(buffer, "PNG")
    mask = ink(buffer.getvalue())
    assert mask[400, 150:1100].mean() > 0.9  # the rule at y = 400, under the fixed ink level
    # two lines of one cell (between the rules at 400 and 450) join; the next row's line does not
    boxes = [OcrBox("社会效益指", 320, 404, 420, 422), OcrBox("标", 320, 426, 340, 444), OcrBox("20", 540, 415, 560, 433),
             OcrBox("满意度", 320, 458, 380, 476)]
    assert [b.text for b in join_wrapped(boxes, mask)] == ["社会效益指标", "20", "满意度"]


def test_a_dark_one_pixel_rule_spread_over_two_rows_by_a_slight_turn_is_found_whole():
    # a dark-ruled page turned half a degree: each 1-px rule lies over two rows at about half its darkness, along
    # stretches of it lighter than the fixed ink level
    page = _grid(paper=240, rule=140, rule_width=1, bars=False).rotate(0.5, resample=Image.BICUBIC, fillcolor=240)
    gray = np.asarray(page)
    rule_rows = gray[380:420, 300:1000].min(axis=0)  # the rule near y = 400 in each column
    assert (rule_rows >= RULING_DARK).mean() > 0.2  # the fixed ink level loses stretches of it
    rules = faint_rules(gray) | (gray < RULING_DARK)
    assert rules[380:420, 300:1000].any(axis=0).mean() > 0.95


def test_a_faint_rule_running_on_into_a_glyph_stroke_stops_at_the_glyph():
    # a vertical rule ending under a cell whose character has a stroke in line with it (and strokes beside it):
    # the stroke is no rule, or the cell's text would be cut in two
    page = Image.new("L", (600, 800), 235)
    draw = ImageDraw.Draw(page)
    draw.line([(300, 200), (300, 700)], fill=215, width=1)  # the rule
    draw.line([(100, 700), (500, 700)], fill=215, width=1)
    for x in (294, 300, 306):  # a glyph's strokes, the middle one in line with the rule, 2 px above its end
        draw.line([(x, 172), (x, 197)], fill=60, width=3)
    draw.line([(288, 180), (312, 180)], fill=60, width=2)
    rules = faint_rules(np.asarray(page))
    assert not rules[172:196, 296:305].any()
    assert rules[210:690, 299:302].any(axis=1).mean() > 0.95 and rules[699:702, 120:480].any(axis=0).mean() > 0.95
