"""Image loader: OCR one image (``ocr_layout``: the engine, and its boxes laid out as lines and cells)."""

from __future__ import annotations

from jixiao.config import get_settings
from jixiao.errors import EmptyInputError, UnsupportedFormatError, unreadable
from jixiao.pipelines.document import Document
from jixiao.pipelines.load_builder import DocumentBuilder
from jixiao.pipelines.ocr_layout import INSTALL_HINT, OcrBox, OcrOptions, ink, ocr_available, ocr_blocks, run_ocr
from jixiao.pipelines.ocr_upright import Upright, read_upright


def document_from_boxes(boxes: list[OcrBox], *, doc_id: str, source: str | None, mask=None,
                        upright: Upright | None = None) -> Document:
    """Single-cell lines are paragraphs; runs of multi-cell lines are one table (``ocr_blocks``). ``upright``:
    the image was straightened or turned before OCR (``read_upright``), and cell boxes are mapped back to the
    image as given."""
    builder = DocumentBuilder(doc_id=doc_id, source=source, format="image")
    size = {} if mask is None else {"width": float(mask.shape[1]), "height": float(mask.shape[0])}
    if upright is not None:
        size = {"width": float(upright.input_size[0]), "height": float(upright.input_size[1])}
    builder.start_page(1, ocr="read", **size)  # a cell's bbox is in the image's pixels
    for kind, item in (upright.blocks(mask) if upright is not None else ocr_blocks(boxes, mask)):
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
        # an image scanned sideways or upside down is turned
        upright = read_upright(data, run_ocr, options=OcrOptions.from_settings(settings or get_settings()))
    except MemoryError:  # the worker's memory limit: the caller answers input.memory_limit
        raise
    except Exception as exc:  # decoder and runtime errors of a damaged image
        raise unreadable(exc, "cannot OCR the image", source=source) from exc
    document = document_from_boxes(upright.boxes, doc_id=doc_id, source=source, mask=ink(upright.image), upright=upright)
    if not document.text.strip():
        raise EmptyInputError("OCR found no text in the image", source=source)
    return document
