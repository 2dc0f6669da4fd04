"""A scan that lies sideways or upside down is turned upright before its boxes are laid out.

A landscape table is often scanned on a portrait page, so its text runs up or down the page; a sheet fed the
wrong way round reads upside down. The OCR engine reads each text box it finds (it turns a tall box a quarter
turn, and its angle classifier turns a box that then reads upside down), but the layout would join the boxes
into lines across the page's real lines. So the first reading is checked cheaply, from what OCR already gave:

- the shape of its text boxes: a line of two or more characters is a box at least ``ELONGATED`` times as long
  as it is thick; on a sideways page most such boxes stand tall (the scan of the example's table turned a
  quarter turn either way: every one of 72 and 55 such boxes was tall; upright and upside down, none of 60
  and 56);
- the engine's own angle classifier (``text_cls``, 0 or 180 degrees) on up to ``SAMPLE`` of those boxes,
  turned the way the engine turns a tall box: a majority read upside down means the page is turned the other
  way (measured: 24 of 24 votes either way on each of the four turns of the example's scan; ~0.03-0.09 s).

Only a page found turned is rotated (exactly, in quarter turns: no resampling) and OCR'd again; an upright page
costs the classifier's few hundredths of a second. With the engine, the boxes looked at are the detector's, before
any is read (``ocr_detect``): a turned page is recognised once, upright, and pays only a second detection. Boxes come back in the upright image's pixels; ``unturn``
maps a box back to the image as given, for provenance.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from jixiao.pipelines.ocr_detect import Detection, detect
from jixiao.pipelines.ocr_layout import OcrBox, OcrOptions, classify_upside_down, ink, ocr_blocks, run_ocr
from jixiao.pipelines.ocr_straighten import Straight, straighten

# A text box at least this many times as long as it is thick holds a line of two or more characters, whose
# direction is the text's; a single character's box is about square and says nothing.
ELONGATED = 2.0
# Fewer such boxes than this and the page is left as it lies: one or two tall boxes are a stamp or a vertical
# label in a merged cell, not a turned page.
MIN_LINES = 4
# The share of elongated boxes that must stand tall (or vote upside down) to turn the page: a majority; the
# example's scan gave 1.0 or 0.0 in every case, so the line only has to lie between a few vertical labels of
# an upright table and a turned page's lines.
TURN_SHARE = 0.5
# Boxes sent to the angle classifier: enough for a clear majority, few enough to cost hundredths of a second.
SAMPLE = 24


@dataclass
class Upright:
    boxes: list[OcrBox]
    image: bytes  # the image the boxes are in: the input, or the input turned upright (PNG)
    turn: int  # degrees counter-clockwise the input was turned: 0, 90, 180 or 270
    size: tuple[int, int]  # the input's width and height in pixels
    straight: Straight | None = None  # the seal and skew clean-up done before OCR (``ocr_straighten``)

    @property
    def input_size(self) -> tuple[int, int]:
        """The width and height of the image as given, where ``to_input`` maps boxes: a photo's frame where its
        page was cut out and warped flat (``ocr_page_quad``), else ``size``."""
        if self.straight is not None and self.straight.page is not None:
            return self.straight.page.photo
        return self.size

    def to_input(self, bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        """A box in ``image``'s pixels, mapped back to the image as given: turned back, then skewed back."""
        bbox = unturn(bbox, self.turn, self.size)
        return self.straight.to_input(bbox) if self.straight is not None else bbox

    def blocks(self, mask=None) -> list[tuple[str, object]]:
        """The boxes laid out by ``ocr_blocks`` (ruling lines from ``image``'s ink; ``mask``: that ink when the
        caller has it), each table cell's box mapped back to the image as given (``to_input``)."""
        blocks = ocr_blocks(self.boxes, ink(self.image) if mask is None else mask)
        for kind, item in blocks:
            if kind == "table":
                for cell in item:
                    if cell.bbox is not None:
                        cell.bbox = self.to_input(cell.bbox)
        return blocks


def _elongated(boxes: list[OcrBox]) -> list[OcrBox]:
    out = []
    for box in boxes:
        w, h = box.x1 - box.x0, box.bottom - box.top
        if max(w, h) >= ELONGATED * max(min(w, h), 1.0):
            out.append(box)
    return out


def page_turn(gray, boxes: list[OcrBox], upside_down: Callable[[list], list[bool]] | None = None) -> int:
    """Degrees counter-clockwise that turn the page (``gray``: the image as a 2-D array) upright: 0, 90, 180, 270.
    ``upside_down``: the angle classifier (default: the engine's, ``classify_upside_down``)."""
    import numpy as np

    lines = _elongated(boxes)
    if len(lines) < MIN_LINES:
        return 0
    tall = [b for b in lines if b.bottom - b.top > b.x1 - b.x0]
    sideways = len(tall) >= TURN_SHARE * len(lines)
    sample = (tall if sideways else [b for b in lines if b not in tall])[:SAMPLE]
    crops = []
    for box in sample:
        crop = gray[max(0, int(box.top)):int(box.bottom) + 1, max(0, int(box.x0)):int(box.x1) + 1]
        crops.append(np.rot90(crop) if sideways else crop)  # the quarter turn the engine gives a tall box
    votes = (upside_down or classify_upside_down)([c for c in crops if c.size])
    flipped = bool(votes) and sum(votes) >= TURN_SHARE * len(votes)
    if sideways:
        # a tall line that reads upright after a counter-clockwise quarter turn wants the page turned that way
        return 270 if flipped else 90
    return 180 if flipped else 0


def unturn(bbox: tuple[float, float, float, float], turn: int, size: tuple[int, int]) -> tuple[float, float, float, float]:
    """A box in the upright image's pixels, mapped back to the image as given (``size``: its width, height)."""
    x0, top, x1, bottom = bbox
    width, height = size
    if turn == 90:  # upright (x, y) came from (width - y, x)
        return (width - bottom, x0, width - top, x1)
    if turn == 270:  # upright (x, y) came from (y, height - x)
        return (top, height - x1, bottom, height - x0)
    if turn == 180:
        return (width - x1, height - bottom, width - x0, height - top)
    return bbox


def read_upright(data: bytes, ocr: Callable[..., list[OcrBox]] = run_ocr,
                 upside_down: Callable[[list], list[bool]] | None = None, options: OcrOptions = OcrOptions(),
                 detector: Callable[..., Detection | None] | None = None) -> Upright:
    """OCR an image, its seal ink dropped and its skew levelled first (``straighten``); when it lies turned
    (``page_turn``), turn it upright and OCR it again. ``options``: the engine's (``OcrOptions``), given to ``ocr``
    and to the default angle classifier. With the engine itself (``ocr`` is ``run_ocr``) the turn is found from
    the detector's boxes before anything is read (``ocr_detect.detect``, or ``detector``): a turned page is
    recognised once, upright."""
    import numpy as np
    from PIL import Image

    straight = straighten(data)
    data = straight.image
    detector = detector or (detect if ocr is run_ocr else None)
    detection = detector(data, options=options) if detector is not None else None
    boxes = detection.boxes if detection is not None else ocr(data, options=options)
    if upside_down is None:
        def upside_down(crops: list) -> list[bool]:
            return classify_upside_down(crops, options=options)
    with Image.open(io.BytesIO(data)) as image:
        gray = image.convert("L")
    turn = page_turn(np.asarray(gray), boxes, upside_down) if boxes else 0
    if not turn:
        return Upright(detection.read() if detection is not None else boxes, data, 0, gray.size, straight)
    method = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_270}[turn]
    buffer = io.BytesIO()
    gray.transpose(method).save(buffer, "PNG", compress_level=1)
    turned = buffer.getvalue()
    return Upright(ocr(turned, options=options), turned, turn, gray.size, straight)
