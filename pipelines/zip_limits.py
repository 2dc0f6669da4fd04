"""The bomb limits of a DOCX/XLSX package, read from its ZIP directory before any member is inflated: ``ingest``
checks a document, ``archives`` an archive's members, ``load_docx`` a Word document imported as a chunk inside
another (its members are inside a member the outer check saw only as bytes)."""

from __future__ import annotations

from jixiao.config import Settings
from jixiao.errors import ZipBombError

# ZIP members a DOCX/XLSX loader parses (python-docx, openpyxl): their uncompressed size is what memory grows with
_ZIP_PARSED = (".xml", ".rels", ".vml")
_ZIP_RATIO_FLOOR = 1024 * 1024  # a member smaller than this uncompressed is never a bomb, whatever its ratio


def check_zip(archive, settings: Settings, source: str | None) -> None:
    """Refuse a decompression bomb from the ZIP directory alone, before any member is inflated.

    The sizes are the directory's own: ``zipfile`` stops inflating a member at its declared size (and fails its
    CRC when more was there), so what a parser is given is bounded by them.
    """
    infos = archive.infolist()
    if len(infos) > settings.max_zip_members:
        raise ZipBombError(f"the ZIP container holds {len(infos)} members, over the limit of {settings.max_zip_members}",
                           limit="max_zip_members", source=source)
    total = sum(info.file_size for info in infos)
    if total > settings.max_zip_bytes:
        raise ZipBombError(f"the ZIP container inflates to {total} bytes, over the limit of {settings.max_zip_bytes}",
                           limit="max_zip_bytes", source=source)
    parsed = sum(info.file_size for info in infos if info.filename.lower().endswith(_ZIP_PARSED))
    if parsed > settings.max_zip_xml_bytes:
        raise ZipBombError(f"the XML parts inflate to {parsed} bytes, over the limit of {settings.max_zip_xml_bytes}",
                           limit="max_zip_xml_bytes", source=source)
    for info in infos:
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > _ZIP_RATIO_FLOOR and ratio > settings.max_zip_ratio:
            raise ZipBombError(f"member {info.filename!r} is compressed {ratio:.0f}:1, over the limit of {settings.max_zip_ratio:g}:1",
                               limit="max_zip_ratio", source=source)
