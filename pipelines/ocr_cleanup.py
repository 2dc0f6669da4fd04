"""A scanned page's paper and stamps are cleaned before OCR: uneven or dark paper is flattened, and a round seal
copied in grey or black is lifted off the print under it.

Photocopiers and phones degrade a page in ways the fixed ink level of the layout (``ocr_layout.RULING_DARK``)
cannot take:

- an underexposed copy prints the paper grey (~140) and the ink barely darker, so every pixel reads as ink and
  no ruling line stands out; the dark band a book's binding throws along one edge does the same over a strip
  of the page. ``flatten_paper`` divides the page by its own paper (a closing of a reduced copy: the paper
  with the print filled in) and, where the print then still lies close to the paper, stretches its contrast;
- a red seal copied in black and white is a grey or near-black ring with words along it and a star in the
  middle, laid over whatever it was stamped on; its ink is not red, so ``ocr_straighten.drop_red_ink`` does not
  see it. ``lift_round_seal`` finds the ring by its shape (a circle of about a seal's size, inked round most of
  its length) and inside it turns to paper every pixel no darker than the seal's own ink: print lies darker
  (it is black, and darker still where the seal's ink multiplies over it), so it stays.

Each step changes the page only where its condition holds, so a clean office scan passes through untouched.

``faint_rules`` cleans nothing: it finds the ruling lines too light for the layout's fixed ink level (a rule
printed light grey and copied onto grey paper; a 1-px rule that a slight turn spread over two rows of mid grey),
which ``ocr_layout.ink`` adds to its mask so that wrapped and merged cells between them are joined.
"""

from __future__ import annotations

import math

# A page whose paper (the closing's low percentile) lies darker than this somewhere is flattened: an office
# scan's paper stays at 220-250 (a photocopy's grey paper, 222, included); an underexposed copy (~140) or a
# binding shadow (down to ~80) falls well below.
DIM_PAPER = 200
# The share of the paper map looked at for DIM_PAPER: a shadow along one edge covers a tenth of the page or
# more; a few dark specks or the scanner lid's corner do not.
DIM_SHARE = 2.0
# The paper map is measured on a copy reduced to at most this width: a closing there with a window of
# PAPER_WINDOW of the width (~25 px at the reduced size, ~1/24 of the page, wider than a character and
# narrower than a shadow's fade) fills in every glyph and rule.
PAPER_WIDTH = 600
PAPER_WINDOW = 1 / 24
# After flattening, print whose darkest percentile (INK_PERCENTILE) still lies above this level is stretched so
# that it lands at INK_TARGET: a clean scan's blurred print reaches ~90-140 at its first percentile; an
# underexposed copy's, flattened, ~180, above the layout's ink level, which would then find no rule at all.
FAINT_INK = 150
INK_PERCENTILE = 1.0
INK_TARGET = 90
# A seal's radius as a share of the page's width: a 4-4.5 cm 公章 on an A4 sheet (21 cm) is 0.09-0.11; the range
# leaves room for smaller unit stamps and for a page cropped or scanned with a margin.
SEAL_RADIUS = (0.06, 0.14)
# A circle is a seal's ring when at least this share of points round it is ink: the ring is inked nearly all
# round (a stamp's uneven ink leaves gaps); table rules and text cross a circle at a few points only.
RING_COVER = 0.75
# Points sampled round a candidate circle (each the darkest within a pixel of it at the reduced size).
RING_POINTS = 180
# ... and the circle this share of the radius further out, where a seal has no ink: the ring's cover must
# exceed that circle's by RING_CONTRAST (a ruled table inks both about alike; a seal ~0.9 against ~0.3).
RING_OUTSIDE = 1.2
RING_CONTRAST = 0.35
# Hough candidates checked, strongest first: a page holds one or two seals; more candidates only cost time.
MAX_CANDIDATES = 8
# Ink level for the seal search on the reduced copy: a washed-out grey seal (~170 after copying) still counts.
SEAL_INK = 200
# Inside the ring, a pixel lighter than this share of the seal's own ink level is the seal (or paper): print
# is darker than the seal's ink, and where the seal covers it the two multiply, darker still. Print's thin
# strokes blur to about the seal's level at 150 dpi, so the line sits just under it: 0.7 erased half of the
# digits under a grey seal; 0.9 clears the seal's lighter spots and edges and keeps the print.
SEAL_KEEP = 0.9
# The cleared disc reaches this share beyond the ring's radius: the ring's stroke is ~1/18 of the radius thick,
# and the centre found on the reduced copy is a few pixels off.
RING_REACH = 1.12
# A straight run at least this share of the seal's radius is a ruling line through it, kept: the ring's
# flattest arc runs ~2 * sqrt(2 * r * stroke) ~ 0.65 r level before it curves off a row.
LINE_SPAN = 0.8
# Ruling lines lifted before the circle search: a straight run a twelfth of the page's width across, or a
# thirtieth of its height down (a row or two of a table), is no part of a seal 0.12-0.28 of the width across.
RULE_ACROSS = 1 / 12
RULE_DOWN = 1 / 30
# Gaps of up to this many pixels in a line are bridged before its length is measured (noise, JPEG, speckle).
BRIDGE = 3


def _reduced(gray):
    """The page reduced to at most PAPER_WIDTH wide (area averaging), and the factor."""
    import cv2

    factor = max(1, math.ceil(gray.shape[1] / PAPER_WIDTH))
    if factor == 1:
        return gray, 1
    size = (gray.shape[1] // factor, gray.shape[0] // factor)
    return cv2.resize(gray, size, interpolation=cv2.INTER_AREA), factor


def paper_map(gray):
    """The paper under the print, at the page's size: the print filled in by a closing on a reduced copy."""
    import cv2
    import numpy as np

    small, _ = _reduced(gray)
    window = max(3, int(small.shape[1] * PAPER_WINDOW)) | 1
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, np.ones((window, window), np.uint8))
    paper = cv2.blur(paper, (window, window))
    return cv2.resize(paper, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)


def flatten_paper(gray):
    """``gray`` (a 2-D uint8 array) with dim or uneven paper divided out and faint print stretched; None when
    the paper is light everywhere (nothing to do)."""
    import numpy as np

    paper = paper_map(gray)
    if np.percentile(paper, DIM_SHARE) >= DIM_PAPER:
        return None
    flat = np.clip(gray.astype(np.float32) * 255.0 / np.maximum(paper, 1).astype(np.float32), 0, 255)
    ink_level = float(np.percentile(flat, INK_PERCENTILE))
    if ink_level > FAINT_INK:
        # keep the paper at 255 and move the ink level to INK_TARGET: a linear stretch about white
        gain = (255.0 - INK_TARGET) / max(255.0 - ink_level, 1.0)
        flat = np.clip(255.0 - (255.0 - flat) * gain, 0, 255)
    return flat.astype(np.uint8)


def _cover(small, cx: float, cy: float, r: float) -> tuple[float, list]:
    """The share of RING_POINTS points round (cx, cy, r) that are ink, each point the darkest within a pixel of
    the circle, and the ink levels found."""
    import numpy as np

    angles = np.linspace(0, 2 * math.pi, RING_POINTS, endpoint=False)
    darkest = np.full(RING_POINTS, 255, dtype=np.int32)
    for d in (-1, 0, 1):
        xs = np.rint(cx + (r + d) * np.cos(angles)).astype(int)
        ys = np.rint(cy + (r + d) * np.sin(angles)).astype(int)
        inside = (xs >= 0) & (xs < small.shape[1]) & (ys >= 0) & (ys < small.shape[0])
        values = np.full(RING_POINTS, 255, dtype=np.int32)
        values[inside] = small[ys[inside], xs[inside]]
        darkest = np.minimum(darkest, values)
    inked = darkest[darkest < SEAL_INK]
    return len(inked) / RING_POINTS, inked


def _ring_level(small, cx: float, cy: float, r: float) -> float | None:
    """The seal's ink level when (cx, cy, r) is a ring: inked round most of its length, where the circle just
    outside it is not (a dense table inks every circle through it about alike); else None."""
    import numpy as np

    cover, inked = _cover(small, cx, cy, r)
    if cover < RING_COVER:
        return None
    outside, _ = _cover(small, cx, cy, r * RING_OUTSIDE)
    if cover - outside < RING_CONTRAST:
        return None
    return float(np.median(inked))


def round_seals(gray) -> list[tuple[float, float, float, float]]:
    """Each round seal on the page as (cx, cy, radius, ink level) in the page's pixels."""
    import cv2

    small, factor = _reduced(gray)
    width = small.shape[1]
    low, high = (int(width * s) for s in SEAL_RADIUS)
    # a ruled table's cells give the circle search more votes than a seal: its rules are lifted off first
    # (the ring is then checked on the copy as it was: where a rule crossed it, the lifting cut it too)
    lifted = small.copy()
    lifted[long_lines(small < SEAL_INK, int(width * RULE_ACROSS), int(small.shape[0] * RULE_DOWN))] = 255
    circles = cv2.HoughCircles(cv2.GaussianBlur(lifted, (5, 5), 1.2), cv2.HOUGH_GRADIENT, dp=1.5, minDist=low * 2,
                               param1=120, param2=30, minRadius=low, maxRadius=high)
    seals = []
    for cx, cy, r in ([] if circles is None else circles[0][:MAX_CANDIDATES]):
        level = _ring_level(small, cx, cy, r)
        if level is not None:
            seals.append((cx * factor, cy * factor, r * factor, level))
    return seals


def long_lines(mask, across: int, down: int):
    """The pixels of ``mask`` (boolean, rows x columns) that lie on a straight horizontal run at least ``across``
    long or a vertical run at least ``down`` long: ruling lines, not glyphs, specks or a seal's curved ring."""
    return straight_runs(mask, across, level=True) | straight_runs(mask, down, level=False)


def straight_runs(mask, length: int, level: bool):
    """The pixels of ``mask`` on a straight run at least ``length`` long, horizontal (``level``) or vertical."""
    import cv2
    import numpy as np

    # bridge the one- or two-pixel breaks that noise and JPEG leave in a faint line before asking for its length
    bridge, run = ((1, BRIDGE), (1, max(length, 1))) if level else ((BRIDGE, 1), (max(length, 1), 1))
    closed = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_CLOSE, np.ones(bridge, np.uint8))
    return cv2.morphologyEx(closed, cv2.MORPH_OPEN, np.ones(run, np.uint8)).astype(bool)


def lift_round_seal(gray):
    """``gray`` with each round seal's ink turned to paper (print and ruling lines under it kept); None when no
    seal is found."""
    import numpy as np

    seals = round_seals(gray)
    if not seals:
        return None
    out = gray.copy()
    paper = np.uint8(np.percentile(gray, 90))
    ys, xs = np.ogrid[:gray.shape[0], :gray.shape[1]]
    for cx, cy, r, level in seals:
        disc = (xs - cx) ** 2 + (ys - cy) ** 2 <= (r * RING_REACH) ** 2
        # a table rule crossing the seal runs the disc's width; the ring's flattest arc is far shorter
        keep = long_lines(gray < level, int(r * LINE_SPAN), int(r * LINE_SPAN))
        out[disc & (gray > level * SEAL_KEEP) & ~keep] = paper
    return out


# Faint ruling lines (``faint_rules``): a rule printed light grey (#d6d6d6 at 0.25 pt) and copied onto grey paper
# lies 13-30 grey levels under the paper around it (origf03, origc03), far above the layout's fixed ink level
# (``ocr_layout.RULING_DARK``). A pixel this many levels under its local paper (``paper_map``) may be such a rule;
# the paper's own grain and JPEG noise stay within a few levels of it.
RULE_CONTRAST = 10
# ... and is one when it lies on a straight run at least this share of the page's width across or of its height
# down: a cell's rule runs the width of a cell or more (~1/10 of an A4 width for a narrow column), a glyph's
# stroke one character (~1/70); a table's vertical rules run the height of a row or more.
RULE_ACROSS_SHARE = 1 / 20
RULE_DOWN_SHARE = 1 / 40
# ... at most this many pixels thick on average: a 0.25-1 pt rule at 150 dpi blurs to 1-4 px; a grey-shaded cell
# or a band of darker paper gives runs as thick as itself, which are no rule;
RULE_THICK = 5.0
# ... and with paper on both sides of it along at least this share of its length, looked at RULE_THICK + 1 pixels
# off it (past its own thickness). At this level a line of text blurs into one band whose middle row runs through
# every glyph, and the glyphs' strokes lie above and below it in most columns. Measured (origf03, and a dark-ruled
# page turned half a degree, whose 1-px rules the turn spread over two rows of mid grey): rules 0.93-0.98 clear,
# text bands 0.00-0.45. (The share of dark print in the run does not tell them apart: such a mid-grey rule's run
# is half under RULING_DARK, as a text band's is.)
RULE_CLEAR = 0.7


def _rules_among(runs, faint, level: bool):
    """Of ``runs`` (a boolean mask of straight runs, horizontal when ``level``), the connected ones that are thin
    (``RULE_THICK``) with paper on both sides (``RULE_CLEAR``)."""
    import cv2
    import numpy as np

    count, labels, stats, _ = cv2.connectedComponentsWithStats(runs.astype(np.uint8), connectivity=8)
    if count < 2:
        return np.zeros(runs.shape, dtype=bool)
    off = int(RULE_THICK) + 1
    near = np.zeros_like(faint)  # faint pixels `off` away on either side, across the run
    if level:
        near[off:] |= faint[:-off]
        near[:-off] |= faint[off:]
    else:
        near[:, off:] |= faint[:, :-off]
        near[:, :-off] |= faint[:, off:]
    clear = runs & ~near
    cleared = np.bincount(labels[clear], minlength=count)
    area = stats[:, cv2.CC_STAT_AREA].astype(np.float64)
    length = stats[:, cv2.CC_STAT_WIDTH if level else cv2.CC_STAT_HEIGHT].astype(np.float64)
    keep = (area / np.maximum(length, 1.0) <= RULE_THICK) & (cleared >= RULE_CLEAR * area)
    keep[0] = False  # the background
    # of a rule, its clear stretches: where it runs on into a glyph's stroke (a vertical rule ending under a cell
    # whose character has a stroke in line with it) the run is no rule, and would cut the cell's text in two. The
    # gaps this leaves where another rule crosses it (at most 2 * off long) are closed again, within the run.
    kept = (keep[labels] & clear).astype(np.uint8)
    span = (1, 2 * off + 1) if level else (2 * off + 1, 1)
    return cv2.morphologyEx(kept, cv2.MORPH_CLOSE, np.ones(span, np.uint8)).astype(bool) & runs


def faint_rules(gray):
    """The ruling lines of ``gray`` (a 2-D uint8 array) however light: thin straight runs of pixels RULE_CONTRAST
    under the local paper, with paper on both sides."""
    import numpy as np

    faint = gray.astype(np.int16) < paper_map(gray).astype(np.int16) - RULE_CONTRAST
    height, width = gray.shape
    across = straight_runs(faint, max(2, int(width * RULE_ACROSS_SHARE)), level=True)
    down = straight_runs(faint, max(2, int(height * RULE_DOWN_SHARE)), level=False)
    return _rules_among(across, faint, True) | _rules_among(down, faint, False)
