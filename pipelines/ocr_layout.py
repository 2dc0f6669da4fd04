"""The OCR engine (rapidocr-onnxruntime, the optional ``ocr`` extra) and the layout of its boxes, shared by
images (``load_image``) and the scanned pages of a PDF (``pdf_scans``).

OCR returns text boxes; boxes on one visual line are joined in x order, and
boxes far apart on a line are separate cells (a tab), so a scanned table
reads in the same tab-row layout as the other sources. In a ruled table the
cells are often closer than that: a vertical ruling line between two boxes
also separates cells, and a box the detector drew across a ruling line is
cut there (from the recogniser's per-character boxes). Columns are not
aligned across rows: a cell's ``col`` is its position in its line.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from statistics import median

from jixiao.config import Settings
from jixiao.pipelines.load_builder import GridCell

OCR_MODULE = "rapidocr_onnxruntime"
INSTALL_HINT = "pip install 'jixiao[ocr]'  (installs rapidocr-onnxruntime, whose models ship in the wheel)"


@dataclass
class OcrBox:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    score: float = 1.0
    char_x: list[tuple[float, float]] | None = None  # each character's x0, x1, when the recogniser gives them


RULING_DARK = 160  # grey level below which a pixel is ink
# share of a column's pixels, over a text box's height, that must be ink for a ruling line: the detector's
# boxes are padded around the glyphs, so no character stroke covers that much of them
RULING_COVER = 0.9


def ocr_available() -> bool:
    return importlib.util.find_spec(OCR_MODULE) is not None


@dataclass(frozen=True)
class OcrOptions:
    """The engine's settings; one engine is built per distinct value.

    ``threads``: onnxruntime's intra-op threads in each of the engine's three sessions (0: its default, every
    core), set like the tagger's from ``workers_threads``: a worker pool gives each process its share of the
    cores, and more threads than that only contend. The engine's reading knobs stay rapidocr's defaults: a larger
    recogniser batch, the per-box angle classifier off, and a detector input other than the default each changed
    what the drawn scans read (docs/decisions/scanned-pdfs.md, "Speed")."""

    threads: int = 0

    @classmethod
    def from_settings(cls, settings: Settings) -> OcrOptions:
        return cls(threads=max(0, settings.workers_threads))

    def engine_kwargs(self) -> dict:
        if not self.threads:
            return {}
        # inter-op stays at one: the models are a chain of operators, nothing runs beside another
        return {"intra_op_num_threads": self.threads, "inter_op_num_threads": 1}


@lru_cache(maxsize=2)
def _engine(options: OcrOptions = OcrOptions()):
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR(**options.engine_kwargs())


def run_ocr(data: bytes, options: OcrOptions = OcrOptions()) -> list[OcrBox]:
    result, _ = _engine(options)(data, return_word_box=True)
    boxes = []
    for points, text, score, *words in result or []:  # rapidocr returns (None, elapse) when it finds no text
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        char_x = None
        if words and len(words[0]) == len(text):  # one box per character: the box can be cut between them
            char_x = [(min(p[0] for p in quad), max(p[0] for p in quad)) for quad in words[0]]
        boxes.append(OcrBox(text=text, x0=min(xs), top=min(ys), x1=max(xs), bottom=max(ys), score=float(score),
                            char_x=char_x))
    return boxes


def classify_upside_down(crops: list, options: OcrOptions = OcrOptions()) -> list[bool]:
    """The engine's angle classifier on text-line crops (2-D grey arrays): True for each it finds upside down
    with at least the engine's own confidence (``cls_thresh``, the one at which it turns a box itself)."""
    import numpy as np

    if not crops:
        return []
    classifier = _engine(options).text_cls
    _, labels, _ = classifier([np.stack([c] * 3, axis=-1) for c in crops])
    return [label == "180" and score > classifier.cls_thresh for label, score in labels]


def ink(data: bytes):
    """The image as a boolean ink mask (rows x columns), for finding ruling lines; None when it cannot be read."""
    import io

    import numpy as np
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            return np.asarray(image.convert("L")) < RULING_DARK
    except Exception:  # OCR read it; without the mask the layout falls back to gaps alone
        return None


def rulings(mask, box: OcrBox, x0: float, x1: float) -> list[float]:
    """x of each vertical ruling line between ``x0`` and ``x1`` across ``box``'s row."""
    if mask is None or x1 - x0 < 1:
        return []
    top, bottom = max(0, int(box.top)), min(mask.shape[0], int(box.bottom) + 1)
    left, right = max(0, int(x0)), min(mask.shape[1], int(x1) + 1)
    if bottom <= top or right <= left:
        return []
    band = mask[top:bottom, left:right]
    # a slightly skewed scan spreads a line over two columns
    cover = (band[:, :-1] | band[:, 1:]).mean(axis=0) if band.shape[1] > 1 else band.mean(axis=0)
    xs = [left + i for i, c in enumerate(cover) if c >= RULING_COVER]
    return [x for i, x in enumerate(xs) if i == 0 or x - xs[i - 1] > 2]  # one x per line


def _centres(box: OcrBox) -> list[float]:
    return [(a + b) / 2 for a, b in box.char_x] if box.char_x else [box.x0, box.x1]


def split_at_rulings(boxes: list[OcrBox], mask) -> list[OcrBox]:
    """Cut each box the detector drew across a ruling line into one box per side (needs per-character x).

    The recogniser's character boxes are approximate and may overlap a line, so a cut goes between two
    characters when a ruling lies between their centres.
    """
    out = []
    for box in boxes:
        centres = _centres(box)
        cuts = rulings(mask, box, centres[0], centres[-1]) if box.char_x and len(box.text) > 1 else []
        if not cuts:
            out.append(box)
            continue
        pieces: list[list[int]] = [[0]]
        for i in range(1, len(box.text)):
            if any(centres[i - 1] < c < centres[i] for c in cuts):
                pieces.append([])
            pieces[-1].append(i)
        for idx in pieces:
            out.append(OcrBox(text="".join(box.text[i] for i in idx), x0=box.char_x[idx[0]][0], top=box.top,
                              x1=box.char_x[idx[-1]][1], bottom=box.bottom, score=box.score,
                              char_x=[box.char_x[i] for i in idx]))
    return out


def group_lines(boxes: list[OcrBox], mask=None) -> list[list[list[OcrBox]]]:
    """Boxes -> lines -> cells: a line holds boxes whose vertical centres are within half a box height;
    a gap wider than one box height, or a ruling line in ``mask`` between two boxes, starts a new cell."""
    if not boxes:
        return []
    height = median(b.bottom - b.top for b in boxes) or 1.0
    lines: list[list[OcrBox]] = []
    for box in sorted(boxes, key=lambda b: (b.top + b.bottom) / 2):
        centre = (box.top + box.bottom) / 2
        if lines:
            line_centre = median((b.top + b.bottom) / 2 for b in lines[-1])
            if abs(centre - line_centre) <= height / 2:
                lines[-1].append(box)
                continue
        lines.append([box])
    grouped = []
    for line in lines:
        line.sort(key=lambda b: b.x0)
        cells: list[list[OcrBox]] = [[line[0]]]
        for box in line[1:]:
            prev = cells[-1][-1]
            if box.x0 - prev.x1 > height or rulings(mask, box, _centres(prev)[-1], _centres(box)[0]):
                cells.append([box])
            else:
                cells[-1].append(box)
        grouped.append(cells)
    return grouped


def ocr_blocks(boxes: list[OcrBox], mask=None) -> list[tuple[str, object]]:
    """One page's OCR boxes as blocks in reading order: ("line", text) for a single-cell line, ("table", cells)
    for a run of multi-cell lines. ``mask``: the ink mask (``ink``), whose ruling lines separate cells; a
    cell's bbox is in the image's pixels."""
    blocks: list[tuple[str, object]] = []
    run: list[list[list[OcrBox]]] = []

    def flush():
        if run:
            cells = [
                GridCell(
                    row=r,
                    col=c,
                    text="".join(b.text for b in cell),
                    bbox=(min(b.x0 for b in cell), min(b.top for b in cell), max(b.x1 for b in cell), max(b.bottom for b in cell)),
                )
                for r, line in enumerate(run)
                for c, cell in enumerate(line)
            ]
            blocks.append(("table", cells))
            run.clear()

    for line in group_lines(split_at_rulings(boxes, mask), mask):
        if len(line) > 1:
            run.append(line)
        else:
            flush()
            blocks.append(("line", "".join(b.text for b in line[0])))
    flush()
    return blocks
