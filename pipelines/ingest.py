"""Ingest: bytes or a path in, a ``Document`` out, or a typed error naming the problem."""

from __future__ import annotations

import codecs
from pathlib import Path

from jixiao.config import Settings, get_settings
from jixiao.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputTooLargeError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from jixiao.pipelines.document import Document

# Tried in order; GB18030 is a superset of GBK and GB2312.
_TEXT_ENCODINGS = ("utf-8", "gb18030")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
    return controls > max(8, len(head) // 100)


def decode_text(data: bytes, *, source: str | None = None) -> tuple[str, str]:
    """Decode report text: UTF-8 (with or without BOM), else GB18030; returns (text, encoding)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise DecodingError(f"starts with a UTF-8 BOM but is not valid UTF-8 ({exc.reason} at byte {exc.start})", source=source) from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DecodingError(f"UTF-16 BOM but undecodable ({exc.reason})", source=source) from exc
    if _looks_binary(data):
        raise BinaryInputError("binary data, not text (NUL or control bytes); supported: text, PDF, DOCX, XLSX, images", source=source)
    for encoding in _TEXT_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise DecodingError("text is neither UTF-8 nor GB18030/GBK; re-save it as UTF-8", source=source)


_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .xls / .ppt container
_TEXT_SUFFIXES = {".txt", ".text", ".csv", ".tsv", ".md", ".log", ""}
_SUFFIX_FORMATS = {".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".png": "image", ".jpg": "image", ".jpeg": "image"}
_LEGACY_SUFFIXES = {".doc": "DOCX", ".xls": "XLSX", ".wps": "DOCX", ".et": "XLSX", ".ppt": "PDF", ".pptx": "PDF"}
SUPPORTED = "text (UTF-8/GB18030), PDF, DOCX, XLSX, PNG/JPEG images"


def _zip_format(data: bytes, source: str | None) -> str:
    import io
    import zipfile

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnreadableFileError(f"damaged ZIP container (DOCX/XLSX): {exc}", source=source) from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise UnsupportedFormatError(f"a ZIP archive that is neither DOCX nor XLSX; supported: {SUPPORTED}", source=source)


def sniff_format(data: bytes, filename: str | None = None) -> str:
    """The loader to use: magic bytes first, the file name's extension second."""
    source = filename
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data, source)
    if data.startswith((_PNG, _JPEG)):
        return "image"
    suffix = Path(filename).suffix.lower() if filename else ""
    if data.startswith(_OLE2) or suffix in _LEGACY_SUFFIXES:
        target = _LEGACY_SUFFIXES.get(suffix, "DOCX/XLSX")
        raise UnsupportedFormatError(f"legacy binary Office/WPS file; save it as {target} and retry", source=source)
    if suffix in _SUFFIX_FORMATS:
        # The name promises a structured file the content does not look like.
        raise UnreadableFileError(f"named {suffix} but the content is not a {_SUFFIX_FORMATS[suffix].upper()} file (damaged or mislabelled)", source=source)
    return "text"


def _check_size(n: int, limit: int, unit: str, source: str | None) -> None:
    if n > limit:
        raise InputTooLargeError(f"{n} {unit} exceeds the limit of {limit}", source=source)


def load_bytes(data: bytes, *, filename: str | None = None, doc_id: str | None = None, settings: Settings | None = None) -> Document:
    """Turn raw bytes into a Document, choosing the loader by content and file name."""
    settings = settings or get_settings()
    source = filename
    _check_size(len(data), settings.max_input_bytes, "bytes", source)
    if not data.strip():
        raise EmptyInputError("empty input", source=source)
    doc_id = doc_id or (Path(filename).stem if filename else "document")
    fmt = sniff_format(data, filename)
    if fmt == "text":
        text, encoding = decode_text(data, source=source)
        if not text.strip():
            raise EmptyInputError("no text after decoding", source=source)
        _check_size(len(text), settings.max_text_chars, "characters", source)
        return Document(doc_id=doc_id, source=source, format="text", encoding=encoding, text=text)
    loader = _loader(fmt)
    document = loader(data, doc_id=doc_id, source=source)
    _check_size(len(document.text), settings.max_text_chars, "characters", source)
    return document


def _loader(fmt: str):
    # Imported on demand: a text-only run never pays for pdfplumber or openpyxl.
    if fmt == "pdf":
        from jixiao.pipelines.load_pdf import load_pdf

        return load_pdf
    if fmt == "docx":
        from jixiao.pipelines.load_docx import load_docx

        return load_docx
    if fmt == "xlsx":
        from jixiao.pipelines.load_xlsx import load_xlsx

        return load_xlsx
    from jixiao.pipelines.load_image import load_image

    return load_image


def load_path(path: str | Path, *, settings: Settings | None = None) -> Document:
    settings = settings or get_settings()
    path = Path(path)
    try:
        if path.is_file() and path.stat().st_size > settings.max_input_bytes:
            # Refuse before reading: a huge file must not be pulled into memory.
            _check_size(path.stat().st_size, settings.max_input_bytes, "bytes", str(path))
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableFileError("no such file", source=str(path)) from exc
    except IsADirectoryError as exc:
        raise UnreadableFileError("is a directory, not a file", source=str(path)) from exc
    except PermissionError as exc:
        raise UnreadableFileError("permission denied", source=str(path)) from exc
    except OSError as exc:
        raise UnreadableFileError(f"cannot read: {exc.strerror or exc}", source=str(path)) from exc
    return load_bytes(data, filename=str(path), doc_id=path.stem, settings=settings)
