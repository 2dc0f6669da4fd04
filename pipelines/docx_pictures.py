"""Pictures of tables in a DOCX body: found where they sit, OCR'd, their text put in their place.

A Word 自评报告 often carries the signed, stamped 自评表 as a scan pasted into the body: a picture inline in its
own paragraph, anchored (floating) to a paragraph, or inside a table cell (a frame table holding a caption and
the picture). ``load_docx`` asks ``DocxPictures.add`` after each paragraph it reads; each picture under the
paragraph that may hold a table (its printed size against the section's page, ``table_sized``; its pixels,
``paper_like``) is OCR'd (``table_pictures.read_picture``) and its lines and table are added right there. A table
whose cells hold such a picture is a frame and is read cell by cell (``holds_table_picture``).

Only the body is read: header and footer pictures are letterheads and emblems. A picture's place is its
paragraph; its cells carry no box (a DOCX has no page coordinates, as its own tables carry none).
"""

from __future__ import annotations

import io

from jixiao.config import Settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import JixiaoError, unreadable
from jixiao.pipelines.document import Picture
from jixiao.pipelines.load_builder import DocumentBuilder
from jixiao.pipelines.ocr_layout import ocr_available
from jixiao.pipelines.table_pictures import MAX_PICTURES, paper_like, picture_state, read_picture, table_sized

_NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "v": "urn:schemas-microsoft-com:vml",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
_BLIP = f"{{{_NS['a']}}}blip"
_IMAGEDATA = f"{{{_NS['v']}}}imagedata"
_FALLBACK = f"{{{_NS['mc']}}}Fallback"
_FRAMES = (f"{{{_NS['wp']}}}inline", f"{{{_NS['wp']}}}anchor")


def picture_refs(element) -> list[tuple[str, tuple[int, int] | None]]:
    """(relationship id, printed size in EMU or None) of each picture under ``element``, in document order:
    DrawingML pictures (inline or anchored, ``a:blip``; size from ``wp:extent``) and VML ones (``v:imagedata``).
    A picture Word also stored as a VML fallback (``mc:Fallback``) is taken once, from its DrawingML."""
    out = []
    for node in element.iter(_BLIP, _IMAGEDATA):
        if any(a.tag == _FALLBACK for a in node.iterancestors()):
            continue
        rid = node.get(f"{{{_NS['r']}}}embed" if node.tag == _BLIP else f"{{{_NS['r']}}}id")
        if not rid:
            continue
        size = None
        frame = next((a for a in node.iterancestors() if a.tag in _FRAMES), None)
        extent = frame.find("wp:extent", _NS) if frame is not None else None
        if extent is not None:
            try:
                size = (int(extent.get("cx")), int(extent.get("cy")))
            except (TypeError, ValueError):  # a damaged extent: judge the picture by its pixels
                size = None
        out.append((rid, size))
    return out


class DocxPictures:
    """The table pictures of one DOCX body; ``page``: the first section's page size in EMU (None if unknown)."""

    def __init__(self, part, page: tuple[int, int] | None, settings: Settings, *, source: str | None = None,
                 deadline: Deadline = NO_DEADLINE):
        self._part = part
        self._page = page
        self._settings = settings
        self._source = source
        self._deadline = deadline
        self._state = picture_state(settings, ocr_available())
        self._sheets: dict[str, bytes | None] = {}  # relationship id -> the picture's bytes when it may hold a table

    def _candidates(self, element) -> list[bytes]:
        """The bytes of each picture under ``element`` that may hold a table: table-sized as printed and a
        printed sheet in its pixels (``_sheet``)."""
        out = []
        page = self._page or (None, None)
        for rid, size in picture_refs(element):
            if size is not None and not table_sized(size[0], size[1], *page):
                continue
            if rid not in self._sheets:
                blob = getattr(self._part.related_parts.get(rid), "blob", None)
                self._sheets[rid] = blob if blob and self._sheet(blob) else None
            if self._sheets[rid]:
                out.append(self._sheets[rid])
        return out

    def holds_table_picture(self, tbl) -> bool:
        """Whether a table's cells hold a picture that may hold a table (the table is then a frame)."""
        return bool(self._candidates(tbl))

    def add(self, builder: DocumentBuilder, element) -> None:
        """OCR the table pictures under ``element`` (a paragraph) and add their lines and tables to ``builder``."""
        for blob in self._candidates(element):
            state = self._state
            if state == "read" and sum(p.ocr in ("read", "empty") for p in builder.pictures) >= MAX_PICTURES:
                state = "over_limit"
            blocks: list[tuple[str, object]] = []
            if state == "read":
                blocks = self._read(blob, builder.picture_count + 1)
                state = "read" if blocks else "empty"
            builder.add_picture(Picture(index=builder.picture_count + 1, ocr=state))
            for kind, item in blocks:
                if kind == "line":
                    builder.add_paragraph(item)
                else:
                    for cell in item:
                        cell.bbox = None  # the picture's pixels are no place in a DOCX
                    builder.add_table(item)

    def _sheet(self, blob: bytes) -> bool:
        """Whether a picture's bytes are a printed sheet within the pixel limit: not a photograph or a chart, not
        a vector picture Pillow cannot open (EMF, WMF)."""
        from PIL import Image

        try:
            with Image.open(io.BytesIO(blob)) as image:
                return image.width * image.height <= self._settings.max_image_pixels and paper_like(image)
        except Exception:  # noqa: BLE001 - a vector picture or damaged bytes: nothing OCR could read
            return False

    def _read(self, data: bytes, index: int) -> list[tuple[str, object]]:
        self._deadline.check(f"OCR of picture {index} of the DOCX")
        try:
            return read_picture(data, self._settings)
        except (JixiaoError, MemoryError):  # MemoryError: the worker's limit, answered input.memory_limit
            raise
        except Exception as exc:  # the OCR runtime's errors on a damaged picture
            raise unreadable(exc, f"cannot OCR picture {index} of the DOCX", source=self._source) from exc
