"""A scanned page is cleaned before OCR: a seal's ink is dropped, dim paper flattened and a skew turned straight.

Bureaus' scans are photocopies and office scans, not clean renderings:

- a sheet fed askew by a degree or three tilts every printed line, so a table row drifts across the page by more
  than half a text line and the layout (``ocr_layout.group_lines``) joins the cells of two rows into one line or
  splits one row over two (a drawn table page skewed 1.5 degrees read 6 of 8 indicator rows, 3 degrees 5 of 6
  with most values shifted a row). ``skew_angle`` finds the tilt from the page's own horizontal structure (ruling
  lines and text lines) by a projection profile and the page is turned back before OCR;
- a red round seal (公章) stamped over the department or the score hides the black print under it in a grey
  rendering; in colour, the seal's ink is red where print is black, so the red channel alone sees through it
  (``drop_red_ink``).

``Straight.to_input`` maps a box in the straightened image back to the image as given, for provenance.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from jixiao.pipelines.ocr_cleanup import flatten_paper, lift_round_seal
from jixiao.pipelines.ocr_page_quad import PageQuad, flatten_photo

# Largest tilt looked for, in degrees either way: a sheet in a feeder lies within a few degrees, one laid by
# hand on a copier's glass or photographed flat up to ten and more (origf: 8 and 10 degrees); beyond 15 it is
# a quarter turn (``ocr_upright``) or a photo in perspective, which a rotation does not undo.
MAX_SKEW = 15.0
# Smaller tilts are left alone: at 0.25 degrees a row drifts 5 px over an A4 page's width at 150 dpi, a quarter
# of a text line, which the layout's half-line tolerance absorbs; turning the page would only resample it.
MIN_SKEW = 0.25
# Search steps, coarse to fine: a whole-degree pass over the range (a ruled page's profile still peaks within
# a degree of its tilt: a rule 800 px long drifts 14 px over a degree, and its row counts keep their maximum
# within that), then quarter degrees around its best, then 0.05 degrees (1 px of drift over 1200 px, finer
# than the layout can tell). 31 + 9 + 11 profiles over +-15 degrees, where one 0.25 step would take 121.
STEPS = (1.0, 0.25, 0.05)
# The profile is measured on the ink of a copy at most this wide: ruling and text lines are still many pixels
# long there, and the search costs hundredths of a second.
PROFILE_WIDTH = 800
# The best angle must sharpen the profile by at least this share over the page as it lies, or the page is left
# as it is: a page without long horizontal lines (a photo, a few words) gives a flat profile at any angle.
MIN_GAIN = 0.05
# Fewer ink pixels than this on the profile copy and there is nothing to measure.
MIN_INK = 500
# Grey level below which a pixel is ink for the profile (ocr_layout.RULING_DARK's level).
INK_DARK = 160
# A pixel is seal ink when its red exceeds both green and blue by this much: print is black or grey (channels
# within a few levels of each other, even after JPEG), a red seal stands 100 and more above them; blue or
# black handwriting has red lowest.
RED_MARGIN = 60
# At least this many seal pixels before the page is converted from its red channel: a few red specks of JPEG
# noise are no seal.
MIN_RED_PIXELS = 200
# The paper's tone: most of a page is paper, so a high percentile of its grey levels is the paper and not ink.
PAPER_PERCENTILE = 90


@dataclass
class Straight:
    image: bytes  # what OCR reads: the input itself when nothing was changed, else a PNG
    skew: float  # degrees counter-clockwise the page was turned to straighten it (PIL's sense); 0.0 when not
    size: tuple[int, int]  # width and height of the image (rotation keeps the size)
    page: PageQuad | None = None  # a phone photo's page, cut out and warped flat before the rest (``ocr_page_quad``)

    def to_input(self, bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        """A box in the straightened image's pixels, mapped back to the image as given (its corners turned back
        about the centre, the box around them; a photo's page then mapped back into the photo)."""
        if self.skew:
            bbox = self._unskew(bbox)
        return self.page.to_input(bbox) if self.page is not None else bbox

    def _unskew(self, bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        x0, top, x1, bottom = bbox
        cx, cy = self.size[0] / 2, self.size[1] / 2
        # PIL turns the picture counter-clockwise by `skew` on the screen (y down): a point of the input at
        # (x, y) lands at the centre + R(-skew)(x - c, y - c) in image coordinates; undo it with R(+skew)
        a = math.radians(self.skew)
        cos, sin = math.cos(a), math.sin(a)
        points = []
        for x, y in ((x0, top), (x1, top), (x0, bottom), (x1, bottom)):
            dx, dy = x - cx, y - cy
            points.append((cx + dx * cos - dy * sin, cy + dx * sin + dy * cos))
        return (min(p[0] for p in points), min(p[1] for p in points), max(p[0] for p in points), max(p[1] for p in points))


def _sharpness(ys, xs, angle: float) -> float:
    """How sharply the ink falls into rows when the page is turned by ``angle`` degrees: the sum of squared row
    counts of the ink's projection (high when every line's ink lands in few rows)."""
    import numpy as np

    t = math.tan(math.radians(angle))
    rows = np.rint(ys + xs * t).astype(np.int64)
    rows -= rows.min()
    counts = np.bincount(rows).astype(np.float64)
    return float((counts * counts).sum())


def skew_angle(gray) -> float:
    """Degrees to turn the page (PIL's sense, counter-clockwise) so that its lines lie level; 0.0 when the tilt
    is below MIN_SKEW or the profile does not say (``gray``: a PIL image in mode L)."""
    import numpy as np

    factor = max(1, math.ceil(gray.width / PROFILE_WIDTH))
    small = gray.reduce(factor) if factor > 1 else gray
    ys, xs = np.nonzero(np.asarray(small.convert("L") if small.mode != "L" else small) < INK_DARK)
    if len(ys) < MIN_INK:
        return 0.0
    ys, xs = ys.astype(np.float64), xs.astype(np.float64)
    best, reach = 0.0, MAX_SKEW
    for step in STEPS:
        angles = np.arange(best - reach, best + reach + step / 2, step)
        best = float(max(angles, key=lambda a: _sharpness(ys, xs, a)))
        reach = step
    if abs(best) < MIN_SKEW or _sharpness(ys, xs, best) < (1 + MIN_GAIN) * _sharpness(ys, xs, 0.0):
        return 0.0
    # the profile levels the ink by moving (x, y) to row y + x tan(best); PIL's rotate(a) (counter-clockwise on
    # the screen, y down) moves it to about y - x tan(a): the turn is -best
    return -best


def drop_red_ink(image):
    """A colour page as grey with a red seal's ink removed (its red channel where a pixel is red, the usual grey
    elsewhere); None when the page holds no seal (grey, or no red beyond MIN_RED_PIXELS)."""
    import numpy as np
    from PIL import Image

    if image.mode not in ("RGB", "RGBA", "P", "CMYK", "YCbCr"):
        return None
    rgb = np.asarray(image.convert("RGB")).astype(np.int16)
    red, green, blue = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    seal = (red - green > RED_MARGIN) & (red - blue > RED_MARGIN)
    if int(seal.sum()) < MIN_RED_PIXELS:
        return None
    gray = np.asarray(image.convert("L")).copy()
    gray[seal] = red[seal]
    return Image.fromarray(gray.astype(np.uint8))


def straighten(data: bytes) -> Straight:
    """The image with a photographed page cut out and warped flat (``flatten_photo``), a seal's ink dropped (red by
    colour, grey or black by shape), dim or shadowed paper flattened and its skew turned level, each only where
    found."""
    import numpy as np
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as opened:
            image = opened.copy()
    except Exception:  # noqa: BLE001 - undecodable here: the OCR call reads it or reports why it cannot (load_image)
        return Straight(data, 0.0, (0, 0))
    photo = flatten_photo(image)
    page = None
    if photo is not None:
        image, page = photo
    cleaned = drop_red_ink(image)
    gray = cleaned if cleaned is not None else image.convert("L")
    flat = flatten_paper(np.asarray(gray))
    gray = Image.fromarray(flat) if flat is not None else gray
    angle = skew_angle(gray)
    if angle:
        # the corners turned into the frame take the paper's tone, so they draw no edge for the detector
        background = int(np.percentile(np.asarray(gray.reduce(8)), PAPER_PERCENTILE))
        gray = gray.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=background)
    # a seal by its shape once the page lies level: its rules are lifted off before the circle search
    lifted = lift_round_seal(np.asarray(gray))
    gray = Image.fromarray(lifted) if lifted is not None else gray
    if page is None and cleaned is None and flat is None and lifted is None and not angle:
        return Straight(data, 0.0, image.size)
    buffer = io.BytesIO()
    gray.save(buffer, "PNG", compress_level=1)
    return Straight(buffer.getvalue(), angle, image.size, page)
