"""Image loader: OCR an image file's pages (``image_frames``: its frames upright and flattened; ``ocr_layout``: the
engine, and its boxes laid out as lines and cells)."""

from __future__ import annotations

from jixiao.config import get_settings
from jixiao.deadline import NO_DEADLINE
from jixiao.errors import EmptyInputError, ImageTooLargeError, UnsupportedFormatError, unreadable
from jixiao.pipelines.document import Document
from jixiao.pipelines.image_frames import page_frames
from jixiao.pipelines.load_builder import DocumentBuilder
from jixiao.pipelines.ocr_layout import (INSTALL_HINT, OcrBox, OcrOptions, ink, looks_blank, ocr_available, ocr_blocks,
                                          run_ocr)
from jixiao.pipelines.ocr_upright import Upright, read_upright


def document_from_boxes(boxes: list[OcrBox], *, doc_id: str, source: str | None, mask=None,
                        upright: Upright | None = None) -> Document:
    """Single-cell lines are paragraphs; runs of multi-cell lines are one table (``ocr_blocks``). ``upright``:
    the image was straightened or turned before OCR (``read_upright``), and cell boxes are mapped back to the
    image as given."""
    builder = DocumentBuilder(doc_id=doc_id, source=source, format="image")
    add_page(builder, 1, boxes, mask=mask, upright=upright)
    return builder.build()


def add_page(builder: DocumentBuilder, number: int, boxes: list[OcrBox], *, mask=None, upright: Upright | None = None) -> None:
    """One OCR'd page: a cell's bbox is in that page's pixels (the frame as decoded, turned upright by its EXIF
    orientation)."""
    size = {} if mask is None else {"width": float(mask.shape[1]), "height": float(mask.shape[0])}
    if upright is not None:
        size = {"width": float(upright.input_size[0]), "height": float(upright.input_size[1])}
    builder.start_page(number, ocr="read", **size)  # a cell's bbox is in the page's pixels
    for kind, item in (upright.blocks(mask) if upright is not None else ocr_blocks(boxes, mask)):
        if kind == "line":
            builder.add_paragraph(item)
        else:
            builder.add_table(item, page=number)


# A page narrower or shorter than this holds no line OCR reads (a character is read from ~10 px tall, and a page
# has margins); the text detector resizes to multiples of 32 px and fails below one (ResizeImgError), and the
# clean-up before OCR (seal and paper maps at a reduced scale, line finding) fails on a side of 16: such a frame
# (a 1x1 spacer, a 20000x10 strip) is skipped, and a file of such frames is input.empty, not input.unreadable.
MIN_PAGE_SIDE_PX = 32


# rapidocr's resizing (its config.yaml): the long side shrunk to this, then the short side enlarged to the detector's
_ENGINE_MAX_SIDE, _ENGINE_MIN_SIDE, _DETECT_MIN_SIDE = 2000, 30, 736


def detector_pixels(width: int, height: int) -> int:
    """Pixels the engine's text detector works on for a page of WIDTH x HEIGHT (the engine's own resizing)."""
    long, short = max(width, height), min(width, height)
    if long > _ENGINE_MAX_SIDE:
        long, short = _ENGINE_MAX_SIDE, short * _ENGINE_MAX_SIDE / long
    short = max(short, _ENGINE_MIN_SIDE)
    if short < _DETECT_MIN_SIDE:
        long, short = long * _DETECT_MIN_SIDE / short, _DETECT_MIN_SIDE
    return int(long * short)


def _check_detector(frame, settings, source: str | None) -> None:
    work = detector_pixels(*frame.size)
    if work > settings.max_ocr_pixels:
        raise ImageTooLargeError(f"page {frame.number} is {frame.size[0]}x{frame.size[1]} pixels: the OCR engine "
                                 f"stretches so thin a page to {work} pixels for its text detector, over the limit of "
                                 f"{settings.max_ocr_pixels}", limit="max_ocr_pixels", source=source)


def load_image(data: bytes, *, doc_id: str, source: str | None, settings=None, deadline=None) -> Document:
    """OCR every page of an image file (a TIFF's frames; one page for the others); the pixel and frame limits were
    checked on its headers (``image_frames.check_frames``, called by ``ingest``) before this runs."""
    if not ocr_available():
        raise UnsupportedFormatError(f"image input needs the optional OCR engine, which is not installed: {INSTALL_HINT}", source=source)
    settings = settings or get_settings()
    options = OcrOptions.from_settings(settings)
    builder = DocumentBuilder(doc_id=doc_id, source=source, format="image", deadline=deadline or NO_DEADLINE)
    tiny = []
    for frame in page_frames(data, source=source):
        builder.check_deadline(f"reading page {frame.number} of the image")
        if min(frame.size) < MIN_PAGE_SIDE_PX:
            tiny.append(f"{frame.size[0]}x{frame.size[1]}")
            continue
        _check_detector(frame, settings, source)
        if looks_blank(frame.data):  # the back of a duplex-scanned sheet: nothing to OCR
            builder.start_page(frame.number, ocr="read", width=float(frame.size[0]), height=float(frame.size[1]))
            continue
        try:
            # a page scanned sideways or upside down is turned
            upright = read_upright(frame.data, run_ocr, options=options)
        except MemoryError:  # the worker's memory limit: the caller answers input.memory_limit
            raise
        except Exception as exc:  # decoder and runtime errors of a damaged image
            raise unreadable(exc, "cannot OCR the image", source=source) from exc
        add_page(builder, frame.number, upright.boxes, mask=ink(upright.image), upright=upright)
    document = builder.build()
    if not document.text.strip():
        why = f" (pages of {', '.join(tiny[:3])} pixels are too small to hold text)" if tiny else ""
        raise EmptyInputError(f"OCR found no text in the image{why}", source=source)
    return document
