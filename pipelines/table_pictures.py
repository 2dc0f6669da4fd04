"""Pictures of tables inside text documents: which pictures are OCR'd, how, and what of them is kept.

Bureaus write the 自评报告 as real text and paste the signed, stamped 自评表 (or a 决算 table) in as a scan: a PDF
page with a text layer carrying a picture, a Word report with a picture in its body. The text layer holds nothing
of such a table, so a picture that may hold one is OCR'd by the path scanned pages and images take
(``ocr_upright.read_upright``: seal ink dropped, skew levelled, a turned scan turned; ``ocr_layout``: lines and
cells), and its blocks go where the picture sits in the document (``pdf_pictures``, ``docx_pictures``, ``xlsx_pictures``).

OCR costs seconds a picture, so a picture is sent only when it may hold a table, judged from what is known before
OCR: its printed size against the page (``table_sized``) and its pixels (``paper_like``). A logo, a seal, an
icon, a signature or a photograph is left alone. After OCR a picture whose reading has fewer than ``MIN_BOXES``
text boxes is dropped: a stamp's ring words or a chart's few labels are not a table, and a picture that reads to
nothing leaves no trace in the text. Without the OCR engine, or with OCR turned off, the document is still read
and a note says which pictures were not (``picture_meta``).
"""

from __future__ import annotations

import io

from jixiao.config import Settings
from jixiao.deadline import Deadline
from jixiao.errors import JixiaoError, unreadable
from jixiao.pipelines.document import Picture
from jixiao.pipelines.load_builder import DocumentBuilder
from jixiao.pipelines.ocr_layout import INSTALL_HINT, OcrOptions, ink, run_ocr
from jixiao.pipelines.ocr_upright import read_upright

# A table picture is printed at most of the text width and over a good part of the page: the 自评表 of the
# national template, scanned and scaled to the text column, covers a third to nine tenths of an A4 page
# (a short one mid-page ~0.3, a full one ~0.8). Letterhead emblems, seals pasted beside the signature
# (4-5 cm: ~0.04 of A4) and icons lie far below; 0.12 is about a 16 x 4.5 cm strip, the least a table of a few
# rows fills.
MIN_PAGE_SHARE = 0.12
# ... and spans at least this share of the page's width: a table runs across the text column (~0.8 of an A4
# page), a seal or a photo set beside text does not.
MIN_WIDTH_SHARE = 0.4
# A picture longer than this many times its width (or the reverse) is a rule, a banner or a page-edge strip,
# not a table of rows and columns.
MAX_ASPECT = 8.0
# The picture's shorter side must have at least this many pixels: fewer and its print is below the size the
# recogniser reads (a 10-row table at ~20 px a line of text needs ~300 px).
MIN_PIXELS_SIDE = 300
# A scanned form is paper: most of its pixels are light (the page's tone, not ink). A photograph or a coloured
# chart is mostly mid tones; measured on a thumbnail, lighter than PAPER_LIGHT counts as paper.
PAPER_SHARE = 0.5
PAPER_LIGHT = 170
# A picture's reading is kept only when OCR found at least this many text boxes: a table of the smallest
# template (a head, a funds block, three indicator rows) gives some fifty, a seal's ring or a logo's words a few.
MIN_BOXES = 12
# At most this many pictures are OCR'd in one document (each costs seconds): a report pasting more tables than
# that is a scan bundle, better sent as one.
MAX_PICTURES = 40


def table_sized(width: float, height: float, page_width: float | None, page_height: float | None) -> bool:
    """Whether a picture printed ``width`` x ``height`` (any unit, the page's too) may hold a table."""
    if width <= 0 or height <= 0:
        return False
    if max(width, height) > MAX_ASPECT * min(width, height):
        return False
    if not page_width or not page_height:
        return True
    return width >= MIN_WIDTH_SHARE * page_width and width * height >= MIN_PAGE_SHARE * page_width * page_height


def paper_like(image) -> bool:
    """Whether a PIL image is large enough to read and looks like a printed sheet (mostly light pixels)."""
    import numpy as np

    if min(image.size) < MIN_PIXELS_SIDE:
        return False
    thumb = image.convert("L")
    thumb.thumbnail((256, 256))
    return float((np.asarray(thumb) > PAPER_LIGHT).mean()) >= PAPER_SHARE


def picture_state(settings: Settings, engine: bool, enabled: bool = True) -> str:
    """What is done with a picture that may hold a table: "read", or why not ("off", "not_installed")."""
    if not (settings.picture_ocr and enabled):
        return "off"
    return "read" if engine else "not_installed"


def within_limit(state: str, pictures: list[Picture]) -> str:
    """``state`` ("read" or why not), or "over_limit" once ``MAX_PICTURES`` pictures have been OCR'd."""
    if state == "read" and sum(p.ocr in ("read", "empty") for p in pictures) >= MAX_PICTURES:
        return "over_limit"
    return state


def printed_sheet(blob: bytes, max_pixels: int) -> bool:
    """Whether a stored picture's bytes are a printed sheet (``paper_like``) within the pixel limit: not a
    photograph or a chart, not a vector picture Pillow cannot open (EMF, WMF)."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(blob)) as image:
            return image.width * image.height <= max_pixels and paper_like(image)
    except Exception:  # noqa: BLE001 - a vector picture or damaged bytes: nothing OCR could read
        return False


def read_stored(data: bytes, settings: Settings, deadline: Deadline, what: str,
                source: str | None) -> list[tuple[str, object]]:
    """``read_picture`` of a picture stored in a document (``what`` names it: "picture 2 of the DOCX"), after a
    look at the deadline; the OCR runtime's errors on a damaged picture are answered as an unreadable input."""
    deadline.check(f"OCR of {what}")
    try:
        return read_picture(data, settings)
    except (JixiaoError, MemoryError):  # MemoryError: the worker's limit, answered input.memory_limit
        raise
    except Exception as exc:  # the OCR runtime's errors on a damaged picture
        raise unreadable(exc, f"cannot OCR {what}", source=source) from exc


def add_blocks(builder: DocumentBuilder, blocks: list[tuple[str, object]], page: int | None = None) -> None:
    """A picture's OCR blocks added at the builder's place; the cells carry no box (the picture's pixels are no
    place in a document without page coordinates: a DOCX, a sheet)."""
    for kind, item in blocks:
        if kind == "line":
            builder.add_paragraph(item)
        else:
            for cell in item:
                cell.bbox = None
            builder.add_table(item, page=page)


def read_picture(data: bytes, settings: Settings) -> list[tuple[str, object]]:
    """A picture's OCR, laid out as ``ocr_layout`` blocks (("line", text) or ("table", cells), cell boxes in the
    picture's pixels as given); empty when OCR found fewer than ``MIN_BOXES`` text boxes."""
    upright = read_upright(data, run_ocr, options=OcrOptions.from_settings(settings))
    if len(upright.boxes) < MIN_BOXES:
        return []
    return upright.blocks(ink(upright.image))


def png_bytes(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1)  # read back at once: speed over size
    return buffer.getvalue()


def picture_meta(pictures: list[Picture]) -> tuple[list[dict], list[str]]:
    """``meta.ocr_images``: where each picture read by OCR sits (PDF page and box in points; XLSX sheet; DOCX: its
    place among the document's pictures); and a note for the pictures that may hold a table and were not read."""
    read = [p.where() for p in pictures if p.ocr == "read"]
    notes = []
    for state, why in (("not_installed", f"the OCR engine is not installed: {INSTALL_HINT}"),
                       ("off", "picture OCR is off (JIXIAO_PICTURE_OCR or JIXIAO_PDF_OCR)"),
                       ("over_limit", f"more than {MAX_PICTURES} pictures in the document")):
        unread = [p for p in pictures if p.ocr == state]
        if unread:
            notes.append(f"{len(unread)} picture(s) that may hold a table were not OCR'd ({unread[0].label()}"
                         f"{' …' if len(unread) > 1 else ''}): {why}")
    return read, notes
