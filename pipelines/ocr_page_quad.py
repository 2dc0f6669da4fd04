"""A phone photo of a printed page is cut out of its frame and warped flat before the scan cleanup.

A photo is not a scan: the sheet lies on a desk darker than itself, and a phone held a little off-axis sees it as a
quadrilateral (each corner a few per cent of the page in or out of where a rectangle would put it), often turned a
few degrees, its middle bowed where the sheet does not lie flat. ``ocr_straighten`` turns a page by one angle,
which levels a scan but leaves a photo's rows converging (one row's cells drift apart by more than a line across
the table), and the desk around the page is dark ink to the layout's ruling search. So, before that cleanup,
``flatten_photo`` finds the page (``find_page``: the largest bright, colourless region, approximated by four
corners), warps it to a rectangle of its own proportions, and straightens a bow of its top and bottom edges
(``unbow``). A page it cannot find, or finds implausibly (too small, not four-sided, no darker desk round it: a
flat scan, whose paper runs to the frame), is left as it came: the scan path reads it exactly as before.
``PageQuad.to_input`` maps a box in the flattened page back to the photo, for provenance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# The page is looked for on a copy reduced to at most this width: its edges are still a few pixels sharp there,
# and the search costs a few milliseconds (a corner found there is within the reduction factor, 3-4 px of a phone
# photo's full size, of where it lies).
QUAD_WIDTH = 480
# Paper is colourless: its saturation (HSV, 0-255) under warm indoor light stays under ~40; a wooden desk's
# ~90-110 and skin's ~100 lie well above. A grey desk is as colourless, but darker (the brightness test below).
PAPER_SATURATION = 70
# An opening of this share of the reduced width (~6 px) cuts the thin bridges where the page nearly touches a
# neighbouring sheet, and drops specks of glare on the desk; the print inside the page is filled in afterwards.
OPEN_SHARE = 1 / 80
# The page covers between these shares of the frame: a phone framing a sheet fills a third to nine tenths of the
# picture; a smaller bright region is a label or a glare spot, and one that fills the frame is a flat scan.
PAGE_SHARE = (0.2, 0.93)
# The region must fill at least this share of its four-corner outline: a sheet is a convex quadrilateral (a
# finger or a fold notches it by a few per cent); an L-shaped or ragged bright region is no page.
MIN_FILL = 0.85
# Each corner's angle lies within this many degrees of a right angle: a phone off-axis by 15-20 degrees bends a
# corner 10-20 degrees; a thin wedge of bright desk or a lamp's reflection does not make a page.
MAX_CORNER_BEND = 35.0
# The desk must lie at least this many grey levels (median) under the page round it: paper photographed on a desk
# stands 60-150 above it; a flat scan's margin is paper (or the scanner's light lid) and stands level with it.
DESK_CONTRAST = 40
# A frame whose outermost pixels are mostly paper (bright and colourless) holds no desk to cut away: a flat scan,
# a picture cropped to its sheet. A photo's border is mostly desk: the sheet reaches the frame's edge along one
# side at most (and a neighbouring sheet along another). Checked first, it spares a scan the rest of the search.
BORDER_PAPER = 0.6
# Polygon approximation of the page's outline: tolerances tried, as shares of its perimeter, until four corners
# remain (a straight sheet gives four at the first; a bowed edge or a nicked corner needs a looser one).
APPROX_STEPS = (0.01, 0.02, 0.03, 0.05, 0.08)
# A bow of the top and bottom edges (a sheet curling off the desk) is straightened when its depth exceeds this
# share of the page's height: below it (a pixel or two at the reduced size) the edge's own noise would be
# "straightened" into the page.
MIN_BOW = 0.004
# Columns whose edge lies further than this (pixels of the reduced mask, ~3-4 px of the photo) from the first
# smooth fit are refitted without: a notch (a finger over the margin) is no part of the sheet's bow.
EDGE_SLACK = 2.0


@dataclass
class PageQuad:
    corners: list[tuple[float, float]]  # the page's corners in the photo: top-left, top-right, bottom-right, bottom-left
    size: tuple[int, int]  # the flattened page's width and height
    matrix: list[list[float]]  # the homography from the flattened page back to the photo
    photo: tuple[int, int] = (0, 0)  # the photo's width and height, where boxes are mapped back to

    def to_input(self, bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        """A box in the flattened page's pixels, mapped back to the photo (its corners mapped, the box round them)."""
        x0, top, x1, bottom = bbox
        points = []
        for x, y in ((x0, top), (x1, top), (x0, bottom), (x1, bottom)):
            (a, b, c), (d, e, f), (g, h, i) = self.matrix
            w = g * x + h * y + i or 1e-9
            points.append(((a * x + b * y + c) / w, (d * x + e * y + f) / w))
        return (min(p[0] for p in points), min(p[1] for p in points), max(p[0] for p in points), max(p[1] for p in points))


def _ordered(points) -> list[tuple[float, float]]:
    """Four points as top-left, top-right, bottom-right, bottom-left (by x + y and y - x: right for turns under
    45 degrees; a page turned further is a quarter turn, which ``ocr_upright`` handles)."""
    pts = [(float(x), float(y)) for x, y in points]
    tl = min(pts, key=lambda p: p[0] + p[1])
    br = max(pts, key=lambda p: p[0] + p[1])
    tr = min(pts, key=lambda p: p[1] - p[0])
    bl = max(pts, key=lambda p: p[1] - p[0])
    return [tl, tr, br, bl]


def _corner_bend(quad) -> float:
    """The largest departure of a corner's angle from 90 degrees."""
    worst = 0.0
    for k in range(4):
        (ax, ay), (bx, by), (cx, cy) = quad[k - 1], quad[k], quad[(k + 1) % 4]
        u, v = (ax - bx, ay - by), (cx - bx, cy - by)
        norm = math.hypot(*u) * math.hypot(*v) or 1e-9
        angle = math.degrees(math.acos(max(-1.0, min(1.0, (u[0] * v[0] + u[1] * v[1]) / norm))))
        worst = max(worst, abs(angle - 90.0))
    return worst


def _paper_mask(small):
    """Bright, colourless pixels of the reduced photo (``small``: RGB) as a uint8 mask, and its grey copy."""
    import cv2
    import numpy as np

    hsv = cv2.cvtColor(small, cv2.COLOR_RGB2HSV)
    gray = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    level, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return ((gray > level) & (hsv[..., 1] < PAPER_SATURATION)).astype(np.uint8), gray


def _border_paper(mask) -> float:
    """The share of the frame's outermost pixels that are paper."""
    import numpy as np

    ring = np.concatenate([mask[0], mask[-1], mask[:, 0], mask[:, -1]])
    return float(ring.mean())


def _paper_region(mask):
    """The largest region of the paper mask, its print filled in, as a uint8 mask; None when there is none."""
    import cv2
    import numpy as np

    # no closing before the regions are counted: it would bridge the few pixels of desk between the page and a
    # neighbouring sheet; the page's margins hold it together round its print, whose holes are filled after
    cut = max(3, int(mask.shape[1] * OPEN_SHARE)) | 1
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((cut, cut), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=4)
    if count < 2:
        return None
    biggest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    contours, _ = cv2.findContours((labels == biggest).astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    region = np.zeros_like(mask)
    cv2.drawContours(region, contours, -1, 1, thickness=cv2.FILLED)
    return region


def _four_corners(region):
    """The region's outline approximated by four corners (its convex hull, loosened until four remain), or None."""
    import cv2

    contours, _ = cv2.findContours(region, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    hull = cv2.convexHull(max(contours, key=cv2.contourArea))
    perimeter = cv2.arcLength(hull, True)
    for step in APPROX_STEPS:
        approx = cv2.approxPolyDP(hull, step * perimeter, True)
        if len(approx) == 4:
            return _ordered(approx.reshape(4, 2))
        if len(approx) < 4:
            return None
    return None


def find_page(rgb) -> list[tuple[float, float]] | None:
    """The page's four corners in ``rgb`` (an H x W x 3 uint8 array), top-left first and clockwise; None when no
    plausible page stands out from a darker surround (a flat scan, a page cropped to its paper, a photo of no page)."""
    import cv2
    import numpy as np

    factor = max(1.0, rgb.shape[1] / QUAD_WIDTH)
    small = cv2.resize(rgb, (round(rgb.shape[1] / factor), round(rgb.shape[0] / factor)), interpolation=cv2.INTER_AREA)
    mask, gray = _paper_mask(small)
    if _border_paper(mask) > BORDER_PAPER:
        return None
    region = _paper_region(mask)
    if region is None:
        return None
    frame = float(region.size)
    area = float(region.sum())
    if not PAGE_SHARE[0] <= area / frame <= PAGE_SHARE[1]:
        return None
    quad = _four_corners(region)
    if quad is None or _corner_bend(quad) > MAX_CORNER_BEND:
        return None
    outline = np.zeros_like(region)
    cv2.fillConvexPoly(outline, np.int32(np.rint(quad)), 1)
    inside = outline.astype(bool)
    if area < MIN_FILL * inside.sum() or inside.all():
        return None
    if float(np.median(gray[inside])) - float(np.median(gray[~inside])) < DESK_CONTRAST:
        return None
    return [(x * factor, y * factor) for x, y in quad]


def _page_size(quad) -> tuple[int, int]:
    """The flattened page's width and height: the means of its opposite edges (its own proportions)."""
    (tl, tr, br, bl) = quad
    width = (math.dist(tl, tr) + math.dist(bl, br)) / 2
    height = (math.dist(tl, bl) + math.dist(tr, br)) / 2
    return max(1, round(width)), max(1, round(height))


def _bow_edges(region_flat):
    """The page's top and bottom edge in each column of its mask warped flat (``region_flat``), each fitted by a
    smooth curve (a quartic: a sheet's curl is one slow bow, not the edge's pixel noise); None where the edge is lost."""
    import numpy as np

    height, width = region_flat.shape
    filled = region_flat.astype(bool)
    columns = np.arange(width)
    # the outer tenth of the columns is left out of the fit: the corners, where the approximation cut across
    inner = (columns >= width * 0.05) & (columns <= width * 0.95) & filled.any(axis=0)
    if inner.sum() < width * 0.5:
        return None
    top = np.argmax(filled, axis=0).astype(np.float64)
    bottom = (height - 1 - np.argmax(filled[::-1], axis=0)).astype(np.float64)
    return _smooth_edge(columns, top, inner), _smooth_edge(columns, bottom, inner)


def _smooth_edge(columns, edge, inner):
    """A quartic through ``edge`` over the ``inner`` columns, fitted twice: the second time without the columns the
    first fit missed by more than EDGE_SLACK pixels (a finger or a neighbouring sheet's corner notching the edge)."""
    import numpy as np

    fit = np.polyval(np.polyfit(columns[inner], edge[inner], 4), columns)
    kept = inner & (np.abs(edge - fit) <= EDGE_SLACK)
    if kept.sum() >= inner.sum() // 2:
        fit = np.polyval(np.polyfit(columns[kept], edge[kept], 4), columns)
    return fit


def unbow(page, region_flat, pad: int, height: int):
    """``page`` (the photo warped flat into a frame ``pad`` pixels taller above and below than the page's
    ``height``) with each column's stretch between the page's own top and bottom edges moved to the page's height:
    a sheet curling off the desk bows its rows with its edges, so the edges say how far each column moved. The
    page without the padding when it lies straight (a bow under MIN_BOW)."""
    import cv2
    import numpy as np

    edges = _bow_edges(region_flat)
    scale = page.shape[1] / region_flat.shape[1]
    plain = page[pad:pad + height]
    if edges is None:
        return plain
    top, bottom = (np.interp(np.arange(page.shape[1]) / scale, np.arange(len(e)), e) * scale for e in edges)
    if max(np.ptp(top), np.ptp(bottom)) < MIN_BOW * height:
        return plain
    ys = np.arange(height, dtype=np.float32)[:, None]
    map_y = (top[None, :] + ys * (bottom - top)[None, :] / max(height - 1, 1)).astype(np.float32)
    map_x = np.broadcast_to(np.arange(page.shape[1], dtype=np.float32)[None, :], map_y.shape).copy()
    return cv2.remap(page, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def flatten_photo(image):
    """``image`` (PIL) with the photographed page cut out of its frame, warped to a rectangle of its own proportions
    and its bow straightened, and the PageQuad that maps boxes back; None when no page is found (``find_page``)."""
    import cv2
    import numpy as np
    from PIL import Image

    reduce = max(1, image.width // QUAD_WIDTH)  # a cheap integer reduction first (box filter): find_page reduces the rest
    small = np.asarray((image.reduce(reduce) if reduce > 1 else image).convert("RGB"))
    corners = find_page(small)
    if corners is None:
        return None
    quad = [(x * reduce, y * reduce) for x, y in corners]
    width, height = _page_size(quad)
    pad = max(1, int(height * 0.05))  # room above and below for a bowed edge
    target = np.float32([[0, pad], [width, pad], [width, pad + height], [0, pad + height]])
    matrix = cv2.getPerspectiveTransform(np.float32(quad), target)
    rgb = np.asarray(image.convert("RGB"))
    flat = cv2.warpPerspective(rgb, matrix, (width, height + 2 * pad), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)
    region = _paper_region(_paper_mask(small)[0])
    factor = small.shape[1] / (image.width / reduce) / reduce  # photo pixels to `small`'s
    shrink = np.float32([[factor, 0, 0], [0, factor, 0], [0, 0, 1]])
    region_matrix = shrink @ matrix @ np.linalg.inv(shrink)
    region_flat = cv2.warpPerspective(region, region_matrix, (max(1, round(width * factor)),
                                                               max(1, round((height + 2 * pad) * factor))),
                                      flags=cv2.INTER_NEAREST)
    flat = unbow(flat, region_flat, pad, height)
    back = np.linalg.inv(matrix) @ np.float64([[1, 0, 0], [0, 1, pad], [0, 0, 1]])
    return Image.fromarray(flat), PageQuad(quad, (width, height), back.tolist(), image.size)
