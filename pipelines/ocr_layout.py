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
from jixiao.pipelines.ocr_cleanup import faint_rules

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
    # the height at which the box joins a line, where it is not its own middle: a merged cell's text, printed
    # at the middle of the rows it spans, belongs to the first of them (``lift_spanned``); the box keeps its
    # real place for provenance
    row_y: float | None = None

    @property
    def centre_y(self) -> float:
        return self.row_y if self.row_y is not None else (self.top + self.bottom) / 2


RULING_DARK = 160  # grey level below which a pixel is ink
# share of a column's pixels, over a text box's height, that must be ink for a ruling line: the detector's
# boxes are padded around the glyphs, so no character stroke covers that much of them
RULING_COVER = 0.9
# A horizontal ruling line above or below a text box is looked for over at least this many box heights across: a rule runs the width of its cell, while a glyph's horizontal stroke in the text line
# above (社 over 标 in a wrapped cell) spans one character, less than this, and must not pass for a rule.
RULE_SPAN = 3.0
# ... and no further than this many box heights above or below the box: a wrapped cell of four or five lines
# still has its rules within reach, and where the rules are too faint to find, no far-off line pairs up the
# text of two rows.
RULE_REACH = 4.0
# Two lines of one wrapped cell lie at most this many box heights apart (the line spacing of cell text); the
# texts of two rows lie further apart (two paddings and the rule between them).
WRAP_GAP = 0.8


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


def ocr_engine(options: OcrOptions = OcrOptions()):
    """The engine built for ``options`` (one per distinct value)."""
    return _engine(options)


def run_ocr(data: bytes, options: OcrOptions = OcrOptions()) -> list[OcrBox]:
    # use_cls=False: the engine's angle classifier would turn each box it finds upside down, but a page's way up
    # is settled for the whole page (``ocr_upright``, which runs the classifier itself), and on a noisy scan it
    # turned short upright boxes over (97% read as %L6 on a speckled photocopy)
    result, _ = _engine(options)(data, return_word_box=True, use_cls=False)
    return boxes_from(result)


def boxes_from(result) -> list[OcrBox]:
    """The engine's result (each text box's corner points, text, score and its characters' boxes) as OcrBoxes."""
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


def _gray(data: bytes):
    """The image as a grey array (rows x columns), None when Pillow cannot decode it."""
    import io

    import numpy as np
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            return np.asarray(image.convert("L"))
    except Exception:  # the caller decides: OCR reads the image or words why it cannot
        return None


def ink(data: bytes):
    """The image as a boolean ink mask (rows x columns), for finding ruling lines; None when it cannot be read.
    Ink is what lies under RULING_DARK, and ruling lines however light (``ocr_cleanup.faint_rules``): thin light
    grey rules on a photocopy's grey paper, and 1-px rules a slight turn spread over two rows of mid grey, which
    would otherwise join no wrapped or merged cell."""
    gray = _gray(data)
    # undecodable: OCR read it; without the mask the layout falls back to gaps alone
    return None if gray is None else (gray < RULING_DARK) | faint_rules(gray)


# A page is blank when fewer than BLANK_MAX_BLOCKS of its BLANK_BLOCK x BLANK_BLOCK pixel blocks hold BLOCK_INK_PX
# ink pixels or more: dust and a scanner's specks (a few pixels each) ink no block, while a line of four Chinese
# characters at 150 dpi inks 29 (measured on Noto Serif CJK at 22 px; three, 第2页, ink 19). Ink here is darker than
# the paper by BLANK_INK_CONTRAST grey levels, not under RULING_DARK: a faded copy's light grey text is still text
# (those four characters printed 50 levels under the paper, with scanner noise of 4 levels, ink 28 blocks), and the
# noise on paper stays far inside it. OCR of a blank A4 page costs ~1.4 s of CPU (detection alone), at
# the back of every duplex-scanned sheet.
BLANK_BLOCK = 8
BLOCK_INK_PX = 6
BLANK_MAX_BLOCKS = 20
BLANK_INK_CONTRAST = 25


def looks_blank(data: bytes) -> bool:
    """Whether an image holds nothing OCR could read (paper, dust, specks); False when it cannot be decoded."""
    import numpy as np

    gray = _gray(data)
    if gray is None:  # not decodable here: OCR decides, and words any error
        return False
    mask = gray < int(np.median(gray)) - BLANK_INK_CONTRAST
    height, width = (mask.shape[0] // BLANK_BLOCK) * BLANK_BLOCK, (mask.shape[1] // BLANK_BLOCK) * BLANK_BLOCK
    if not height or not width:
        return not mask.any()
    counts = mask[:height, :width].reshape(height // BLANK_BLOCK, BLANK_BLOCK, width // BLANK_BLOCK, BLANK_BLOCK)
    return int(np.count_nonzero(counts.sum(axis=(1, 3), dtype=np.int32) >= BLOCK_INK_PX)) < BLANK_MAX_BLOCKS


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


def _rule_near(mask, box: OcrBox, height: float, step: int) -> int | None:
    """y of the nearest horizontal ruling line above (``step`` -1) or below (+1) ``box``, None within reach."""
    # from the box's left edge rightwards: cell text is set from the left, so the span stays over its own cell
    # (a span reaching left of the table's border would find no rule for a first-column box)
    # and no further than the cell's right-hand rule: a rule found beyond it may be another cell's (a scan whose
    # rows are drawn cell by cell lines up no rules across rows)
    left = max(0, int(box.x0))
    right = int(max(box.x1, box.x0 + RULE_SPAN * height))
    beyond = rulings(mask, box, box.x1, right)
    right = min(mask.shape[1], (beyond[0] if beyond else right) + 1)
    start = int(box.top) - 1 if step < 0 else int(box.bottom) + 1
    stop = int(start + step * RULE_REACH * height)
    for y in range(start, stop, step):
        if not 0 <= y < mask.shape[0] - 1:
            return None
        # a slightly skewed scan spreads a rule over two rows
        if (mask[y, left:right] | mask[y + 1, left:right]).mean() >= RULING_COVER:
            return y
    return None


def _bounds(boxes: list[OcrBox], mask, height: float) -> dict[int, tuple[int | None, int | None]]:
    """The horizontal rules above and below each box (by ``id``)."""
    return {id(b): (_rule_near(mask, b, height, -1), _rule_near(mask, b, height, 1)) for b in boxes}


def lift_spanned(boxes: list[OcrBox], mask) -> list[OcrBox]:
    """Give a merged cell's text the height of the first row it spans (``OcrBox.row_y``).

    A cell merged down over several rows (a level-1 or level-2 indicator cell, 项目资金（元） over the funds rows)
    prints its text at its middle, so the layout put it in a middle row, and the rows above it read without it;
    a text layer gives a merged cell's text to its first row. A box is in a merged cell when boxes beside it (not
    in its column) start under the same rule and end at a rule higher up (the span's first row, whose height
    it takes) and others end at its own lower rule, starting lower (the span's last row)."""
    if mask is None or len(boxes) < 2:
        return boxes
    height = median(b.bottom - b.top for b in boxes) or 1.0
    bounds = _bounds(boxes, mask, height)
    for box in boxes:
        above, below = bounds[id(box)]
        if above is None or below is None:
            continue
        beside = [b for b in boxes if b is not box and None not in bounds[id(b)] and (b.x1 <= box.x0 or b.x0 >= box.x1)]
        firsts = [b for b in beside if abs(bounds[id(b)][0] - above) <= 2 and bounds[id(b)][1] < below - height]
        # ... and the span's last row ends at the merged cell's own lower rule: both ends seen, or the rules are
        # not a grid (a scan whose rows are boxes of their own, drawn cell by cell, lines up no rules)
        lasts = [b for b in beside if abs(bounds[id(b)][1] - below) <= 2 and bounds[id(b)][0] > above + height]
        if not firsts or not lasts:
            continue
        end = min(bounds[id(b)][1] for b in firsts)
        row = median((b.top + b.bottom) / 2 for b in firsts if abs(bounds[id(b)][1] - end) <= 2)
        if box.centre_y - row > height / 2:
            box.row_y = row
    return boxes


def _same_rules(a: tuple, b: tuple) -> bool:
    """The same pair of rules: found from two boxes of one cell, a rule's y may differ by its thickness."""
    return all(u is not None and v is not None and abs(u - v) <= 2 for u, v in zip(a, b))


def join_wrapped(boxes: list[OcrBox], mask) -> list[OcrBox]:
    """Join the lines of a wrapped table cell into one box, in reading order.

    A cell whose text wraps gives one OCR box per line; vertically centred, its neighbours' single lines lie
    between them, so the layout would put its first line in one row and its last in another (其中：当年 /
    财政拨款, ≥420万平方 / 米). Boxes are one cell's lines when the same horizontal rules bound them above and
    below, they overlap across, and they lie at most WRAP_GAP box heights apart. The joined box spans them all,
    so its centre is the cell's, level with the rest of its row."""
    if mask is None or len(boxes) < 2:
        return boxes
    height = median(b.bottom - b.top for b in boxes) or 1.0
    bounds = _bounds(boxes, mask, height)
    groups: list[list[OcrBox]] = []
    for box in sorted(boxes, key=lambda b: b.top):
        above, below = bounds[id(box)]
        for group in groups:
            last = group[-1]
            if (above is not None and below is not None and _same_rules(bounds[id(last)], (above, below))
                    and box.x0 < max(b.x1 for b in group) and box.x1 > min(b.x0 for b in group)
                    and box.top - last.bottom <= WRAP_GAP * height):
                group.append(box)
                break
        else:
            groups.append([box])
    out = []
    for group in groups:
        if len(group) == 1:
            out.append(group[0])
            continue
        ordered = _reading_order(group, height)
        out.append(OcrBox(text="".join(b.text for b in ordered), x0=min(b.x0 for b in group), top=group[0].top,
                          x1=max(b.x1 for b in group), bottom=max(b.bottom for b in group),
                          score=min(b.score for b in group)))
    return out


def group_lines(boxes: list[OcrBox], mask=None) -> list[list[list[OcrBox]]]:
    """Boxes -> lines -> cells: a line holds boxes whose vertical centres are within half a box height;
    a gap wider than one box height, or a ruling line in ``mask`` between two boxes, starts a new cell."""
    if not boxes:
        return []
    height = median(b.bottom - b.top for b in boxes) or 1.0
    lines: list[list[OcrBox]] = []
    for box in sorted(boxes, key=lambda b: b.centre_y):
        centre = box.centre_y
        if lines:
            line_centre = median(b.centre_y for b in lines[-1])
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
        grouped.append([_reading_order(cell, height) for cell in cells])
    return grouped


def _reading_order(cell: list[OcrBox], height: float) -> list[OcrBox]:
    """A cell's boxes in reading order: a cell whose text wraps holds boxes stacked one under another (社会效益指
    over 标), which sorting by x alone reads bottom line first when the lower line starts a pixel further left;
    so boxes are taken a text line at a time (centres within half a box height), top line first, each left to
    right."""
    if len(cell) < 2:
        return cell
    lines: list[list[OcrBox]] = []
    for box in sorted(cell, key=lambda b: (b.top + b.bottom) / 2):
        centre = (box.top + box.bottom) / 2
        if lines and abs(centre - (lines[-1][0].top + lines[-1][0].bottom) / 2) <= height / 2:
            lines[-1].append(box)
        else:
            lines.append([box])
    return [box for line in lines for box in sorted(line, key=lambda b: b.x0)]


# A table row's own vertical rules are found only when at least this many cross it: fewer is a row of two or
# three cells whose rules may be broken or faint, where guessing blanks could only misplace values.
MIN_ROW_RULES = 4


def fill_blank_cells(line: list[list[OcrBox]], mask) -> list[list[OcrBox]]:
    """The line's cells with an empty cell for each ruled cell that OCR found nothing in.

    OCR gives only the cells that hold text, so a row with a blank cell reads its later values one column to the
    left (a 决算 row with 基本支出 blank put its 项目支出 amount under 基本支出); a text layer keeps the blank.
    The vertical rules crossing the row (``rulings`` over the row's height) bound its cells; each bounded cell
    with no box's centre in it becomes an empty cell, in place."""
    if mask is None:
        return line
    boxes = [b for cell in line for b in cell if b.row_y is None] or [b for cell in line for b in cell]
    top, bottom = median(b.top for b in boxes), median(b.bottom for b in boxes)
    rules = rulings(mask, OcrBox("", 0.0, top, float(mask.shape[1]), bottom), 0.0, float(mask.shape[1] - 1))
    if len(rules) < MIN_ROW_RULES:
        return line
    centres = [(min(b.x0 for b in cell) + max(b.x1 for b in cell)) / 2 for cell in line]
    out: list[list[OcrBox]] = []
    placed = 0
    for left, right in zip(rules, rules[1:]):
        while placed < len(line) and centres[placed] < left:
            out.append(line[placed])
            placed += 1
        inside = [i for i in range(placed, len(line)) if left <= centres[i] < right]
        if not inside:
            out.append([])
        out.extend(line[i] for i in inside)
        placed += len(inside)
    out.extend(line[placed:])
    return out


def cell_text(cell: list[OcrBox]) -> str:
    """The cell's text; a trailing ASCII full stop is dropped: a table cell does not end in one (Chinese prose ends
    in 。, a number prints none), and on a speckled scan a dot of noise after a cell is read as one (20., 实施单位.)."""
    text = "".join(b.text for b in cell)
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


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
                    text=cell_text(cell),
                    bbox=(min(b.x0 for b in cell), min(b.top for b in cell), max(b.x1 for b in cell), max(b.bottom for b in cell))
                    if cell else None,
                )
                for r, line in enumerate(run)
                for c, cell in enumerate(line)
            ]
            blocks.append(("table", cells))
            run.clear()

    for line in group_lines(lift_spanned(join_wrapped(split_at_rulings(boxes, mask), mask), mask), mask):
        if len(line) > 1:
            run.append(fill_blank_cells(line, mask))
        else:
            flush()
            blocks.append(("line", cell_text(line[0])))
    flush()
    return blocks
