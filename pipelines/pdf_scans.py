"""Scanned pages of a PDF: a page whose text layer is missing or garbage is rendered and OCR'd like an image.

Bureaus and archives publish many 自评表 and 决算 as scans: page images with no text layer. ``load_pdf``
asks ``ScanPages.state`` of every page; a page whose text layer cannot serve is rendered with pypdfium2
(pdfplumber's own renderer), OCR'd by the engine images use and laid out by ``ocr_layout.ocr_blocks`` (lines,
cells, ruling lines), so a mixed PDF reads every page in order, text pages from their text layer. Cell boxes
are converted back to PDF points, so provenance of an OCR'd page is in the same coordinates as a text page.

A page is OCR'd when its text layer has no visible character, or when too many of its letters are garbage: a
font embedded without a usable ToUnicode map comes out of pdfminer as ``(cid:NNN)`` runs or private-use /
replacement characters, which no reader can use. Without the OCR engine (the ``ocr`` extra) or with
``JIXIAO_PDF_OCR=false`` such a page reads its text layer as before, and the page says why it was not OCR'd
(``Page.ocr``); a PDF that then yields no text at all ends in an error that says how to read it.
"""

from __future__ import annotations

import io
import math
import unicodedata

from jixiao.config import Settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import EmptyInputError, JixiaoError, UnsupportedFormatError, unreadable
from jixiao.pipelines.document import Page, PageOcr
from jixiao.pipelines.load_builder import GridCell
from jixiao.pipelines.ocr_layout import INSTALL_HINT, OcrOptions, looks_blank, ocr_available, run_ocr
from jixiao.pipelines.ocr_straighten import drop_red_ink
from jixiao.pipelines.ocr_upright import read_upright

# Render resolution of a scanned page. Printed CJK of 9-10.5 pt is 19-22 px high at 150 dpi, the glyph size
# the recogniser reads well (tests/data/scan_example.png draws 22 px text and reads exactly); a higher
# resolution grows the detector's time with the pixel count (~6 s an A4 page at 150 dpi on this machine)
# without reading more, a lower one loses the small print of table cells.
RENDER_DPI = 150
POINTS_PER_INCH = 72
# A scan stored at a higher resolution (300 dpi and more is common) is rendered at a whole multiple of
# RENDER_DPI near its own and pooled down to RENDER_DPI keeping each block's darkest pixel (``darkest_pool``):
# resampled to the nearest pixel, a 1-px ruling line of a 300-dpi scan drops out wherever it falls on the
# column not kept (the example's table drawn at 300 dpi with 1-px rules: 0 or 4 of 7 indicator rows read, by
# the rules' parity; pooled, 7 of 7 either way, for ~0.1-0.3 s more rendering and the OCR time of 150 dpi;
# OCR at the full 300 dpi was slower and split cells differently). At most this many times RENDER_DPI
# (a 600-dpi scan), and within the pixel limit.
MAX_OVERSAMPLE = 4
# The page image is resampled without smoothing (pypdfium2's no_smoothimage): smoothing averages a thin
# ruling line into a grey lighter than ocr_layout.RULING_DARK, and the cells on either side run together
# (tests/data/scan_example.png in a PDF: 7 of 20 lines read as the image reads them with smoothing, 18
# without).

# A page is garbage when at least this share of its letters are (cid:NNN) glyphs or private-use /
# replacement characters. A font without a ToUnicode map garbles every glyph it draws, so such a page
# shows most of its letters as garbage (digits and punctuation, often from another font, are not counted:
# a 决算 page is mostly numbers, but its CJK labels are what is lost); a sound page shows at most a few
# symbol-font glyphs (Wingdings check boxes land in private use). 0.3 lies well between the two.
GARBAGE_SHARE = 0.3
# ... and holds at least this many garbage glyphs: a handful is a symbol font's boxes or bullets, and OCR
# costs seconds a page and trades an exact text layer for recognition errors.
GARBAGE_MIN_GLYPHS = 8

# A page is a "searchable" scan (another tool's OCR: a page image under an invisible text layer, render mode 3)
# when one image covers at least this share of it and every text object on it is invisible: a scanner's page
# image fills the page up to its margins, a logo or a chart on a text page does not.
SCAN_COVER = 0.8

_REPLACEMENT = "\ufffd"


def _is_garbage(text: str) -> bool:
    if text.startswith("(cid:"):
        return True
    return bool(text) and all(ch == _REPLACEMENT or unicodedata.category(ch) == "Co" for ch in text)


def garbage_counts(chars: list[dict]) -> tuple[int, int]:
    """(garbage glyphs, letters) among pdfplumber's ``page.chars``; a garbage glyph counts as a letter."""
    garbage = letters = 0
    for char in chars:
        text = char.get("text") or ""
        if _is_garbage(text):
            garbage += 1
            letters += 1
        elif any(unicodedata.category(ch).startswith("L") for ch in text):
            letters += 1
    return garbage, letters


def text_layer_fails(chars: list[dict]) -> bool:
    """True when a page's text layer cannot serve: it has no visible character (a scan; a page of numbers
    alone is not one) or too many garbage glyphs."""
    if not any((c.get("text") or "").strip() for c in chars):
        return True
    garbage, letters = garbage_counts(chars)
    return garbage >= GARBAGE_MIN_GLYPHS and garbage >= GARBAGE_SHARE * letters


def picture_dpi(dpi: float | None) -> float:
    """The resolution a picture on a text page is rendered at: its own where it is stored a little finer than
    RENDER_DPI (below the oversampled range), so that no pixel column is dropped and a thin ruling line survives
    (a 182-dpi table picture resampled to 150 dpi lost the rule between two funds cells: their texts ran
    together); RENDER_DPI otherwise (coarser pictures, and finer ones, which are pooled down)."""
    if dpi and RENDER_DPI < dpi < 1.5 * RENDER_DPI:
        return dpi
    return RENDER_DPI


def render_scale(width: float, height: float, max_pixels: int, dpi: float | None = None) -> float:
    """Pixels per PDF point: RENDER_DPI (or ``dpi``), less when the page is so large its image would pass
    ``max_pixels``."""
    scale = (dpi or RENDER_DPI) / POINTS_PER_INCH
    area = max(width, 1.0) * max(height, 1.0)
    return min(scale, math.sqrt(max_pixels / area))


def scan_dpi(page) -> float | None:
    """The resolution of the largest image on a pypdfium2 page (pixels per inch across), None without one."""
    import pypdfium2.raw as pdfium_c

    best: tuple[float, float] | None = None
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        pixels, _ = obj.get_px_size()
        area = (right - left) * (top - bottom)
        if area > 0 and (best is None or area > best[0]):
            best = (area, pixels / ((right - left) / POINTS_PER_INCH))
    return best[1] if best else None


def oversample(dpi: float | None, width_px: float, height_px: float, max_pixels: int) -> int:
    """How many times RENDER_DPI to render a page whose scan is stored at ``dpi`` before pooling back down
    (``darkest_pool``): the scan's own resolution in whole multiples, at most MAX_OVERSAMPLE and within the
    pixel limit (``width_px`` x ``height_px``: the page at the render resolution)."""
    if not dpi or dpi < 1.5 * RENDER_DPI:
        return 1
    over = min(round(dpi / RENDER_DPI), MAX_OVERSAMPLE)
    while over > 1 and width_px * height_px * over * over > max_pixels:
        over -= 1
    return over


def darkest_pool(image, factor: int):
    """The image shrunk ``factor`` times, each pixel the darkest of its block: a 1-px ruling line survives
    wherever it lies, where resampling to the nearest pixel keeps one column in ``factor``."""
    import numpy as np
    from PIL import Image

    pixels = np.asarray(image)
    height, width = pixels.shape[0] // factor * factor, pixels.shape[1] // factor * factor
    blocks = pixels[:height, :width].reshape(height // factor, factor, width // factor, factor)
    return Image.fromarray(blocks.min(axis=(1, 3)))


def _in_points(cells: list[GridCell], scale: float) -> list[GridCell]:
    """Cell boxes from the rendered page image's pixels to PDF points."""
    for cell in cells:
        if cell.bbox is not None:
            cell.bbox = tuple(v / scale for v in cell.bbox)
    return cells


def _table_box(cells: list[GridCell]) -> tuple[float, float, float, float] | None:
    boxes = [c.bbox for c in cells if c.bbox is not None]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


class ScanPages:
    """The pages of one PDF that are read by OCR. A context manager: the rendering document is opened at the
    first scanned page and closed at exit. ``states``: page number -> ``PageOcr`` for every page whose text
    layer could not serve."""

    def __init__(self, data: bytes, settings: Settings, *, source: str | None = None, deadline: Deadline = NO_DEADLINE):
        self._data = data
        self._settings = settings
        self._source = source
        self._deadline = deadline
        self._pdfium = None
        self._engine: bool | None = None  # whether the OCR engine is installed, looked up on the first scan
        self.states: dict[int, PageOcr] = {}

    def __enter__(self) -> ScanPages:
        return self

    def __exit__(self, *exc) -> None:
        if self._pdfium is not None:
            self._pdfium.close()
            self._pdfium = None

    def _pdfium_page(self, number: int):
        import pypdfium2

        if self._pdfium is None:
            self._pdfium = pypdfium2.PdfDocument(self._data)
        return self._pdfium[number - 1]

    def searchable_scan(self, number: int, page) -> bool:
        """Whether page ``number`` is a scan with an invisible OCR text layer: one image covers SCAN_COVER of
        it and every text object is drawn invisible (render mode 3). Only a page with such an image is opened
        in pdfium."""
        import pypdfium2.raw as pdfium_c

        area = max(float(page.width) * float(page.height), 1.0)
        if not any((im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) >= SCAN_COVER * area for im in page.images):
            return False
        pdf_page = self._pdfium_page(number)
        try:
            texts = list(pdf_page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]))
            return bool(texts) and all(pdfium_c.FPDFTextObj_GetTextRenderMode(t.raw) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
                                       for t in texts)
        finally:
            pdf_page.close()

    def state(self, number: int, page) -> PageOcr | None:
        """None when page ``number``'s text layer serves; else "read" (OCR it), "off" or "not_installed";
        "text_layer" for a searchable scan whose text layer is trusted (``JIXIAO_PDF_OCR_SEARCHABLE`` off)."""
        if not text_layer_fails(page.chars):
            if not self.searchable_scan(number, page):
                return None
            if not (self._settings.pdf_ocr and self._settings.pdf_ocr_searchable and self._has_engine()):
                self.states[number] = "text_layer"
                return "text_layer"
            self.states[number] = "read"
            return "read"
        if not self._settings.pdf_ocr:
            state: PageOcr = "off"
        else:
            state = "read" if self._has_engine() else "not_installed"
        self.states[number] = state
        return state

    def _has_engine(self) -> bool:
        if self._engine is None:
            self._engine = ocr_available()
        return self._engine

    def _render(self, number: int, box: tuple[float, float, float, float] | None = None,
                dpi: float | None = None) -> tuple[bytes, float]:
        """Page ``number`` (or its ``box``: x0, top, x1, bottom in points, a picture on it whose pixels are stored at
        ``dpi``) as a grey PNG at RENDER_DPI, a red seal's ink dropped; and its pixels per point."""
        page = self._pdfium_page(number)
        try:
            width, height = page.get_size()
            x0, top, x1, bottom = box or (0.0, 0.0, width, height)
            scale = render_scale(x1 - x0, bottom - top, self._settings.max_image_pixels, picture_dpi(dpi) if box else None)
            over = oversample(dpi if box else scan_dpi(page), (x1 - x0) * scale, (bottom - top) * scale,
                              self._settings.max_image_pixels)
            crop = (x0, height - bottom, width - x1, top)  # pdfium crops (left, bottom, right, top) off the page
            # in colour, so that a red seal's ink can be told from the print under it and dropped
            image = page.render(scale=scale * over, no_smoothimage=True, crop=crop).to_pil()
        finally:
            page.close()
        cleaned = drop_red_ink(image)
        image = cleaned if cleaned is not None else image.convert("L")
        if over > 1:
            image = darkest_pool(image, over)
        buffer = io.BytesIO()
        image.save(buffer, "PNG", compress_level=1)  # read back at once: speed over size
        return buffer.getvalue(), scale

    def blocks(self, number: int) -> list[tuple[str, object, tuple | None]]:
        """Page ``number`` rendered and OCR'd, as ``load_pdf``'s blocks: ("line", text, None) or ("table", cells,
        bbox), boxes in PDF points; empty when the page is blank or OCR finds nothing on it."""
        try:
            image, scale = self._render(number)
            if looks_blank(image):  # a blank page (dust and specks at most): nothing to OCR
                return []
            self._deadline.check(f"OCR of page {number} of the PDF")
            # a page scanned sideways or upside down is turned
            upright = read_upright(image, run_ocr, options=OcrOptions.from_settings(self._settings))
        except (JixiaoError, MemoryError):  # MemoryError: the worker's limit, answered input.memory_limit
            raise
        except Exception as exc:  # pdfium's and the OCR runtime's errors on a damaged page
            raise unreadable(exc, f"cannot OCR page {number} of the PDF", source=self._source) from exc
        out: list[tuple[str, object, tuple | None]] = []
        # straightened or turned, the rulings are where OCR saw them: the mask (faint rules too) of the image it read
        for kind, item in upright.blocks():
            if kind == "line":
                out.append(("line", item, None))
            else:
                cells = _in_points(item, scale)
                out.append(("table", cells, _table_box(cells)))
        return out

    def picture(self, number: int, box: tuple[float, float, float, float], dpi: float | None) -> tuple[bytes, float]:
        """A picture on text page ``number`` (``box`` in points, its pixels stored at ``dpi``) rendered as the
        scanned pages are (RENDER_DPI, seal ink dropped, a finer scan pooled down): PNG bytes, pixels per point."""
        return self._render(number, box, dpi)

    def engine(self) -> bool:
        """Whether the OCR engine is installed (looked up once)."""
        return self._has_engine()

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def deadline(self) -> Deadline:
        return self._deadline

    @property
    def source(self) -> str | None:
        return self._source

    def empty_error(self) -> JixiaoError:
        """The error for a PDF in which nothing was found: it says how the scanned pages could be read."""
        states = set(self.states.values())
        if "not_installed" in states:
            return UnsupportedFormatError("the PDF has no readable text layer (a scan?); reading it needs the optional "
                                          f"OCR engine, which is not installed: {INSTALL_HINT}", source=self._source)
        if "off" in states:
            return EmptyInputError("the PDF has no readable text layer (a scan?) and PDF OCR is off (JIXIAO_PDF_OCR)",
                                   source=self._source)
        if "read" in states:
            return EmptyInputError("neither the PDF's text layer nor OCR of its scanned pages found any text", source=self._source)
        return EmptyInputError("the PDF has no text", source=self._source)


def searchable_pages(pages: list[Page]) -> list[int]:
    """The numbers of the pages that are scans under an invisible OCR text layer, read from that layer."""
    return [p.number for p in pages if p.ocr == "text_layer"]


def scan_meta(pages: list[Page]) -> tuple[list[int], list[str]]:
    """The numbers of the pages read by OCR, and a note for the pages that needed OCR and were not read by it."""
    read = [p.number for p in pages if p.ocr == "read"]
    notes = []
    for state, why in (("not_installed", f"the OCR engine is not installed: {INSTALL_HINT}"), ("off", "PDF OCR is off (JIXIAO_PDF_OCR)")):
        unread = [str(p.number) for p in pages if p.ocr == state]
        if unread:
            notes.append(f"page(s) {', '.join(unread)} have no readable text layer (a scan?) and were not OCR'd: {why}")
    return read, notes
