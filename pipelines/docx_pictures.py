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

from jixiao.config import Settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.pipelines.document import Picture
from jixiao.pipelines.load_builder import DocumentBuilder
from jixiao.pipelines.ocr_layout import ocr_available
from jixiao.pipelines.table_pictures import add_blocks, picture_state, printed_sheet, read_stored, table_sized, within_limit

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
        printed sheet in its pixels (``printed_sheet``)."""
        out = []
        page = self._page or (None, None)
        for rid, size in picture_refs(element):
            if size is not None and not table_sized(size[0], size[1], *page):
                continue
            if rid not in self._sheets:
                blob = getattr(self._part.related_parts.get(rid), "blob", None)
                self._sheets[rid] = blob if blob and printed_sheet(blob, self._settings.max_image_pixels) else None
            if self._sheets[rid]:
                out.append(self._sheets[rid])
        return out

    def holds_table_picture(self, tbl) -> bool:
        """Whether a table's cells hold a picture that may hold a table (the table is then a frame)."""
        return bool(self._candidates(tbl))

    def add(self, builder: DocumentBuilder, element) -> None:
        """OCR the table pictures under ``element`` (a paragraph) and add their lines and tables to ``builder``."""
        for blob in self._candidates(element):
            state = within_limit(self._state, builder.pictures)
            index = builder.picture_count + 1
            blocks: list[tuple[str, object]] = []
            if state == "read":
                blocks = read_stored(blob, self._settings, self._deadline, f"picture {index} of the DOCX", self._source)
                state = "read" if blocks else "empty"
            builder.add_picture(Picture(index=index, ocr=state))
            add_blocks(builder, blocks)
