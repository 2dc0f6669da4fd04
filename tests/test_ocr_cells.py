"""The cells of a ruled table read by OCR: a wrapped cell's lines joined, a merged cell's text given to its first
row, a blank ruled cell kept in place, a speckle's trailing full stop dropped.

The ink mask is drawn by hand (rules only) and the OCR boxes are given, so the layout is tested without an
engine: the way ``ocr_layout.ocr_blocks`` lays out a page the engine read.
"""

from __future__ import annotations

import numpy as np

from jixiao.pipelines.ocr_layout import OcrBox, cell_text, ocr_blocks

COLUMNS = [10, 110, 210, 310, 410]


def _mask() -> np.ndarray:
    """Rules of two 4-column tables: one row from y 10 to 70 (tall: a wrapped cell); rows from 110 to 150 and 150
    to 190, column A merged down over both (the rule at 150 starts at column A's right side)."""
    mask = np.zeros((220, 430), dtype=bool)
    for y in (10, 70, 110, 190):
        mask[y:y + 2, 10:412] = True
    mask[150:152, 110:412] = True
    for x in COLUMNS:
        mask[10:72, x:x + 2] = True
        mask[110:192, x:x + 2] = True
    return mask


def _box(text: str, x0: float, top: float, x1: float) -> OcrBox:
    return OcrBox(text, x0, top, x1, top + 16)


def _rows(blocks) -> list[list[str]]:
    rows: dict[int, list[str]] = {}
    for kind, item in blocks:
        if kind == "table":
            for cell in item:
                rows.setdefault(len(rows) if cell.col == 0 else max(rows), []).append(cell.text)
    return list(rows.values())


def test_a_wrapped_cell_reads_top_line_first_and_on_its_row():
    boxes = [_box("标", 14, 42, 30), _box("社会效益指", 15, 20, 100), _box("下游受保护人口", 115, 31, 200),
             _box("≥1.2万人", 215, 31, 290), _box("15", 315, 31, 340)]
    assert _rows(ocr_blocks(boxes, _mask())) == [["社会效益指标", "下游受保护人口", "≥1.2万人", "15"]]
    # without the rules, the two lines of the wrapped cell stay apart (no rule pair says they are one cell)
    lines = [item for kind, item in ocr_blocks(boxes, None)]
    assert not any(isinstance(i, str) and i == "社会效益指标" for i in lines)


def test_a_merged_cells_text_goes_to_the_first_row_and_a_blank_cell_keeps_its_place():
    boxes = [_box("产出指标", 15, 142, 80),  # printed at the middle of the two rows it spans
             _box("数量指标一", 115, 122, 200), _box("6座", 215, 122, 250), _box("20", 315, 122, 340),
             _box("质量指标一", 115, 162, 200), _box("20", 315, 162, 340)]  # column C blank on row 3
    assert _rows(ocr_blocks(boxes, _mask())) == [["产出指标", "数量指标一", "6座", "20"], ["", "质量指标一", "", "20"]]
    lifted = boxes[0]
    assert (lifted.top, lifted.bottom) == (142, 158)  # the box keeps its place for provenance


def test_a_trailing_full_stop_of_speckle_is_dropped():
    assert cell_text([OcrBox("20.", 0, 0, 10, 10)]) == "20"
    assert cell_text([OcrBox("实施单位", 0, 0, 10, 10), OcrBox(".", 11, 0, 12, 10)]) == "实施单位"
    assert cell_text([OcrBox("12.5", 0, 0, 10, 10)]) == "12.5"
    assert cell_text([OcrBox("……..", 0, 0, 10, 10)]) == "…….."
