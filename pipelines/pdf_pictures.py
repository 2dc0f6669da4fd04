"""Pictures of tables on the text pages of a PDF: found, OCR'd and put in reading order with the page's text.

A page whose text layer serves is read from it (``load_pdf``), but a scanned 自评表 pasted on it is an image the
text layer knows nothing of. Each image pdfplumber lists on such a page that may hold a table
(``table_pictures.table_sized`` against the page, not a background under the page's own text) is rendered from
the page as the scanned pages are (``ScanPages.picture``: RENDER_DPI, seal ink dropped, a finer scan pooled down),
OCR'd (``table_pictures.read_picture``) and its blocks placed among the page's text lines and tables by the
picture's top: a table pasted between two paragraphs reads between them. Cell boxes are in PDF points like a
text page's, so provenance points at the picture's cells on the page.
"""

from __future__ import annotations

from jixiao.errors import JixiaoError
from jixiao.pipelines.document import Picture
from jixiao.pipelines.load_builder import GridCell
from jixiao.pipelines.pdf_scans import POINTS_PER_INCH, ScanPages
from jixiao.pipelines.table_pictures import paper_like, picture_state, read_picture, table_sized, within_limit

# An image with at least this many of the page's characters printed over it is a background (a letterhead, a
# watermark, a searchable scan's page image under its text layer): what it shows is in the text layer already,
# or drawn over it. A caption or a page number overlapping a pasted table's margin is a few characters.
BACKGROUND_CHARS = 12
# Two images whose boxes overlap by more than this share of the smaller are one picture drawn twice (an image
# and its soft mask, or a picture split into tiles is read once through its largest tile's box).
SAME_PICTURE = 0.8

Block = tuple[str, object, tuple | None]


def _box(image: dict, width: float, height: float) -> tuple[float, float, float, float]:
    """An image's box on the page, clipped to it (pictures are often placed a little past the margin)."""
    return (max(0.0, float(image["x0"])), max(0.0, float(image["top"])), min(width, float(image["x1"])),
            min(height, float(image["bottom"])))


def _overlap(a: tuple, b: tuple) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / smaller if smaller > 0 else 0.0


def _chars_over(chars: list[dict], box: tuple) -> int:
    x0, top, x1, bottom = box
    return sum(1 for c in chars if (c.get("text") or "").strip()
               and x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom)


def candidates(images: list[dict], chars: list[dict], width: float, height: float) -> list[tuple[tuple, float | None]]:
    """The images of a text page that may hold a table, top to bottom: (box in points, the stored pixels per
    inch across). ``images`` / ``chars``: pdfplumber's ``page.images`` / ``page.chars``."""
    found: list[tuple[tuple, float | None]] = []
    for image in sorted(images, key=lambda im: (float(im["top"]), float(im["x0"]))):
        box = _box(image, width, height)
        w, h = box[2] - box[0], box[3] - box[1]
        if not table_sized(w, h, width, height) or _chars_over(chars, box) >= BACKGROUND_CHARS:
            continue
        if any(_overlap(box, seen) > SAME_PICTURE for seen, _ in found):
            continue
        pixels = (image.get("srcsize") or (None, None))[0]
        found.append((box, float(pixels) / (w / POINTS_PER_INCH) if pixels else None))
    return found


def _in_points(blocks: list[tuple[str, object]], scale: float, box: tuple) -> list[Block]:
    """OCR blocks of a rendered picture as ``load_pdf`` blocks, cell boxes from its pixels to page points."""
    out: list[Block] = []
    for kind, item in blocks:
        if kind == "line":
            out.append(("line", item, None))
            continue
        cells: list[GridCell] = item
        for cell in cells:
            if cell.bbox is not None:
                cell.bbox = (box[0] + cell.bbox[0] / scale, box[1] + cell.bbox[1] / scale,
                             box[0] + cell.bbox[2] / scale, box[1] + cell.bbox[3] / scale)
        boxes = [c.bbox for c in cells if c.bbox is not None]
        bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes)) if boxes else box
        out.append(("table", cells, bbox))
    return out


def in_reading_order(page_blocks: list[tuple[float, float, Block]],
                     pictures: list[tuple[float, float, list[Block]]]) -> list[Block]:
    """The page's own blocks ((top, x0, block), in reading order) with each picture's blocks ((top, x0, blocks))
    put in as one run where the picture's top falls among them."""
    runs = [(round(top, 1), x0, 0, [block]) for top, x0, block in page_blocks]
    runs += [(round(top, 1), x0, 1, blocks) for top, x0, blocks in pictures]
    runs.sort(key=lambda r: (r[0], r[1], r[2]))
    return [block for *_, blocks in runs for block in blocks]


class PdfPictures:
    """The table pictures of one PDF's text pages; ``pictures``: each one found and what OCR did with it."""

    def __init__(self, scans: ScanPages):
        self._scans = scans
        self.pictures: list[Picture] = []

    def blocks(self, number: int, page) -> list[tuple[float, float, list[Block]]]:
        """Page ``number``'s table pictures read by OCR: (top, x0, blocks in points), each with text."""
        width, height = float(page.width), float(page.height)
        found = candidates(page.images, page.chars, width, height)
        out = []
        settings = self._scans.settings
        for box, dpi in found:
            state = within_limit(picture_state(settings, self._scans.engine(), enabled=settings.pdf_ocr), self.pictures)
            blocks: list[Block] = []
            if state == "read":
                read = self._read(number, box, dpi)
                if read is None:  # not a printed sheet: a photograph, a coloured chart
                    continue
                blocks = read
                state = "read" if blocks else "empty"
            self.pictures.append(Picture(index=len(self.pictures) + 1, page=number, bbox=box, ocr=state))
            if blocks:
                out.append((box[1], box[0], blocks))
        return out

    def _read(self, number: int, box: tuple, dpi: float | None) -> list[Block] | None:
        from io import BytesIO

        from PIL import Image

        from jixiao.errors import unreadable

        self._scans.deadline.check(f"OCR of a picture on page {number} of the PDF")
        try:
            data, scale = self._scans.picture(number, box, dpi)
            with Image.open(BytesIO(data)) as image:
                if not paper_like(image):
                    return None
            return _in_points(read_picture(data, self._scans.settings), scale, box)
        except (JixiaoError, MemoryError):  # MemoryError: the worker's limit, answered input.memory_limit
            raise
        except Exception as exc:  # pdfium's and the OCR runtime's errors on a damaged picture
            raise unreadable(exc, f"cannot OCR a picture on page {number} of the PDF", source=self._scans.source) from exc
