"""Image loader: OCR one image (``ocr_layout``: the engine, and its boxes laid out as lines and cells)."""

from __future__ import annotations

from jixiao.errors import EmptyInputError, UnsupportedFormatError, unreadable
from jixiao.pipelines.document import Document
from jixiao.pipelines.load_builder import DocumentBuilder
from jixiao.pipelines.ocr_layout import INSTALL_HINT, OcrBox, ink, ocr_available, ocr_blocks, run_ocr


def document_from_boxes(boxes: list[OcrBox], *, doc_id: str, source: str | None, mask=None) -> Document:
    """Single-cell lines are paragraphs; runs of multi-cell lines are one table (``ocr_blocks``)."""
    builder = DocumentBuilder(doc_id=doc_id, source=source, format="image")
    size = {} if mask is None else {"width": float(mask.shape[1]), "height": float(mask.shape[0])}
    builder.start_page(1, ocr="read", **size)  # a cell's bbox is in the image's pixels
    for kind, item in ocr_blocks(boxes, mask):
        if kind == "line":
            builder.add_paragraph(item)
        else:
            builder.add_table(item, page=1)
    return builder.build()


def load_image(data: bytes, *, doc_id: str, source: str | None, settings=None, deadline=None) -> Document:
    """OCR one image; the pixel limit was checked on its header (``ingest.check_image``) before this runs."""
    if not ocr_available():
        raise UnsupportedFormatError(f"image input needs the optional OCR engine, which is not installed: {INSTALL_HINT}", source=source)
    try:
        boxes = run_ocr(data)
    except MemoryError:  # the worker's memory limit: the caller answers input.memory_limit
        raise
    except Exception as exc:  # decoder and runtime errors of a damaged image
        raise unreadable(exc, "cannot OCR the image", source=source) from exc
    document = document_from_boxes(boxes, doc_id=doc_id, source=source, mask=ink(data))
    if not document.text.strip():
        raise EmptyInputError("OCR found no text in the image", source=source)
    return document
