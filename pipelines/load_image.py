"""Image loader: OCR with rapidocr-onnxruntime, the optional ``ocr`` extra.

OCR returns text boxes; boxes on one visual line are joined in x order, and
boxes far apart on a line are separate cells (a tab), so a scanned table
reads in the same tab-row layout as the other sources. Columns are not
aligned across rows (no ruling is detected): a cell's ``col`` is its position
in its line.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from statistics import median

from jixiao.errors import EmptyInputError, UnreadableFileError, UnsupportedFormatError
from jixiao.pipelines.document import Document
from jixiao.pipelines.load_builder import DocumentBuilder, GridCell

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


def ocr_available() -> bool:
    return importlib.util.find_spec(OCR_MODULE) is not None


@lru_cache(maxsize=1)
def _engine():
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def run_ocr(data: bytes) -> list[OcrBox]:
    result, _ = _engine()(data)
    boxes = []
    for points, text, score in result or []:  # rapidocr returns (None, elapse) when it finds no text
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        boxes.append(OcrBox(text=text, x0=min(xs), top=min(ys), x1=max(xs), bottom=max(ys), score=float(score)))
    return boxes


def group_lines(boxes: list[OcrBox]) -> list[list[list[OcrBox]]]:
    """Boxes -> lines -> cells: a line holds boxes whose vertical centres are within half a box height;
    a gap wider than one box height starts a new cell."""
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
            if box.x0 - cells[-1][-1].x1 > height:
                cells.append([box])
            else:
                cells[-1].append(box)
        grouped.append(cells)
    return grouped


def document_from_boxes(boxes: list[OcrBox], *, doc_id: str, source: str | None) -> Document:
    """Single-cell lines are paragraphs; runs of multi-cell lines are one table."""
    builder = DocumentBuilder(doc_id=doc_id, source=source, format="image")
    builder.start_page(1)
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
            builder.add_table(cells, page=1)
            run.clear()

    for line in group_lines(boxes):
        if len(line) > 1:
            run.append(line)
        else:
            flush()
            builder.add_paragraph("".join(b.text for b in line[0]))
    flush()
    return builder.build()


def load_image(data: bytes, *, doc_id: str, source: str | None) -> Document:
    if not ocr_available():
        raise UnsupportedFormatError(f"image input needs the optional OCR engine, which is not installed: {INSTALL_HINT}", source=source)
    try:
        boxes = run_ocr(data)
    except Exception as exc:  # decoder and runtime errors of a damaged image
        raise UnreadableFileError(f"cannot OCR the image ({type(exc).__name__}: {exc})", source=source) from exc
    document = document_from_boxes(boxes, doc_id=doc_id, source=source)
    if not document.text.strip():
        raise EmptyInputError("OCR found no text in the image", source=source)
    return document
