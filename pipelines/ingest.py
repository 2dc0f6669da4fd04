"""Ingest: bytes or a path in, a ``Document`` out, or a typed error naming the problem."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from jixiao.config import Settings, get_settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputTooLargeError,
    UnreadableFileError,
    UnsupportedFormatError,
    ZipBombError,
)
from jixiao.pipelines.document import Document
from jixiao.pipelines.html_format import looks_html, looks_mhtml
from jixiao.pipelines.image_frames import check_frames, image_kind
from jixiao.pipelines.zip_limits import check_zip
from jixiao.pipelines.ole_format import OLE2_MAGIC, SAVE_AS, not_ole, ole_format

def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
    return controls > max(8, len(head) // 100)


# Big5, Shift-JIS and the like often "decode" as GB18030, but into its private-use area.
_PUA = re.compile(r"[\ue000-\uf8ff]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM (Windows "Unicode"): every ASCII character brings a NUL,
    always on the same byte parity; binary data and a stray NUL do not look like that."""
    head = data[:8192]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    many, few = max(even, odd), min(even, odd)
    if many < max(2, len(head) // 200) or few * 10 > many:
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data[: len(data) - len(data) % 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    sample = text[:4096]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\x0c\r\x1b")
    if controls or len(_PUA.findall(sample)) > max(2, len(sample) // 1000):
        return None
    return encoding


def _utf8_truncated(data: bytes, exc: UnicodeDecodeError) -> str | None:
    """UTF-8 cut inside its last character (a partial copy or download): keep everything before it."""
    if exc.reason != "unexpected end of data" or len(data) - exc.start > 3:
        return None
    head = data[: exc.start]
    if head.isascii():  # no positive evidence of UTF-8: let GB18030 have a try
        return None
    return head.decode("utf-8")


def decode_text(data: bytes, *, source: str | None = None) -> tuple[str, str]:
    """Decode report text: UTF-8 (with or without BOM), UTF-16/32 with a BOM or UTF-16 without one,
    else GB18030; returns (text, encoding)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise DecodingError(f"starts with a UTF-8 BOM but is not valid UTF-8 ({exc.reason} at byte {exc.start})", source=source) from exc
    # The UTF-32-LE BOM begins with the UTF-16-LE one: test it first.
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodingError(f"{encoding.upper()} BOM but undecodable ({exc.reason} at byte {exc.start})", source=source) from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data[: len(data) - len(data) % 2].decode(utf16), utf16
    if _looks_binary(data):
        raise BinaryInputError(f"binary data, not text (NUL or control bytes); supported: {SUPPORTED}", source=source)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text = _utf8_truncated(data, utf8_error)
    if text is not None:
        return text, "utf-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and len(_PUA.findall(text)) <= max(2, len(text) // 1000):
        return text, "gb18030"
    utf8 = f"UTF-8 ({utf8_error.reason} at byte {utf8_error.start})"
    if text is None:
        message = f"text is neither {utf8} nor GB18030/GBK; re-save it as UTF-8"
    else:
        message = f"text is not {utf8} and reads as GB18030 only with private-use characters (Big5 or another encoding?); re-save it as UTF-8"
    raise DecodingError(message, source=source)


_TEXT_SUFFIXES = {".txt", ".text", ".csv", ".tsv", ".md", ".log", ""}
# (a macro-enabled file and a template are the same package under another main content type: .docm / .dotx /
# .dotm read as DOCX, .xlsm / .xltx / .xltm as XLSX)
_SUFFIX_FORMATS = {".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".dotx": "docx", ".dotm": "docx", ".xlsx": "xlsx",
                   ".xlsm": "xlsx", ".xltx": "xlsx", ".xltm": "xlsx", ".png": "image", ".jpg": "image", ".jpeg": "image",
                   ".tif": "image", ".tiff": "image", ".gif": "image", ".bmp": "image", ".webp": "image",
                   ".heic": "image", ".heif": "image"}
SUPPORTED = ("text (UTF-8/GB18030), PDF, DOCX, XLSX, DOC/WPS, XLS/ET, HTML/MHTML, "
             "images (PNG, JPEG, TIFF pages, BMP, GIF / WebP first frame, HEIC)")


_ZIP_CENTRAL_ENTRY = b"PK\x01\x02"  # the signature of each ZIP directory entry


def zip_document_kind(names: set[str]) -> str | None:
    """``docx`` or ``xlsx`` when a ZIP's member names are those of that document, else None."""
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def _zip_format(data: bytes, source: str | None, settings: Settings | None = None) -> str:
    import io
    import zipfile

    settings = settings or get_settings()
    # Every directory entry starts with this signature: its count bounds the member count before zipfile builds
    # one object per entry (hundreds of thousands of them in a 20 MB file).
    entries = data.count(_ZIP_CENTRAL_ENTRY)
    if entries > settings.max_zip_members:
        raise ZipBombError(f"the ZIP container holds up to {entries} members, over the limit of {settings.max_zip_members}",
                           limit="max_zip_members", source=source)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnreadableFileError(f"damaged ZIP container (DOCX/XLSX): {exc}", source=source) from exc
    fmt = zip_document_kind(names)
    if fmt is None:
        raise UnsupportedFormatError(f"a ZIP archive that is neither DOCX nor XLSX; supported: {SUPPORTED}", source=source)
    check_zip(archive, settings, source)
    return fmt


def sniff_format(data: bytes, filename: str | None = None, settings: Settings | None = None) -> str:
    """The loader to use: magic bytes first (an HTML page or MHTML archive by its first tags or headers, whatever
    its name), the file name's extension second. A DOCX/XLSX is checked against the
    ZIP bomb limits here, from its directory (``ZipBombError``)."""
    source = filename
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data, source, settings)
    if image_kind(data) is not None:  # PNG, JPEG, TIFF, GIF, BMP, WebP, HEIF by their magic bytes
        return "image"
    suffix = Path(filename).suffix.lower() if filename else ""
    if data.startswith(OLE2_MAGIC):  # .doc / .xls / .wps / .et / .ppt: the streams say which
        return ole_format(data, filename)
    if looks_html(data) or looks_mhtml(data):  # a web page, or an HTML export named .xls / .doc / .htm / .mht
        return "html"
    if suffix in SAVE_AS:
        raise not_ole(suffix, source)
    if suffix in _SUFFIX_FORMATS:
        # The name promises a structured file the content does not look like.
        raise UnreadableFileError(f"named {suffix} but the content is not a {_SUFFIX_FORMATS[suffix].upper()} file (damaged or mislabelled)", source=source)
    return "text"


def _check_size(n: int, limit: int, unit: str, source: str | None) -> None:
    if n > limit:
        raise InputTooLargeError(f"{n} {unit} exceeds the limit of {limit}", source=source)


def load_bytes(data: bytes, *, filename: str | None = None, doc_id: str | None = None, settings: Settings | None = None,
               deadline: Deadline = NO_DEADLINE, source: str | None = None) -> Document:
    """Turn raw bytes into a Document, choosing the loader by content and file name.

    The bomb limits (ZIP members and sizes, PDF pages, image pixels) refuse an input before its parser runs; a
    loader stops at ``max_text_chars`` as soon as its text grows past it, and checks ``deadline`` per page, sheet
    or batch of paragraphs. ``source`` (default: ``filename``) is the name errors and the record carry.
    """
    settings = settings or get_settings()
    source = source if source is not None else filename
    _check_size(len(data), settings.max_input_bytes, "bytes", source)
    if not data.strip():
        raise EmptyInputError("empty input", source=source)
    doc_id = doc_id or (Path(filename).stem if filename else "document")
    fmt = sniff_format(data, filename, settings)
    if fmt == "text":
        text, encoding = decode_text(data, source=source)
        if not text.strip():
            raise EmptyInputError("no text after decoding", source=source)
        _check_size(len(text), settings.max_text_chars, "characters", source)
        return Document(doc_id=doc_id, source=source, format="text", encoding=encoding, text=text)
    if fmt == "image":
        check_frames(data, settings, source)  # pixels and frames from the headers, before a pixel is decoded
    deadline.check("loading the document")
    loader = _loader(fmt)
    document = loader(data, doc_id=doc_id, source=source, settings=settings, deadline=deadline)
    _check_size(len(document.text), settings.max_text_chars, "characters", source)
    return document


def _loader(fmt: str):
    # Imported on demand: a text-only run never pays for pdfplumber or openpyxl.
    if fmt == "pdf":
        from jixiao.pipelines.load_pdf import load_pdf

        return load_pdf
    if fmt == "docx":
        from functools import partial

        from jixiao.pipelines.load_docx import load_docx
        from jixiao.pipelines.load_html import add_page

        return partial(load_docx, read_page=add_page)  # a web exporter's Word file holds its page as an HTML chunk
    if fmt == "xlsx":
        from jixiao.pipelines.load_xlsx import load_xlsx

        return load_xlsx
    if fmt == "xls":
        from jixiao.pipelines.load_xls import load_xls

        return load_xls
    if fmt == "doc":
        from jixiao.pipelines.load_doc import load_doc

        return load_doc
    if fmt == "html":
        from jixiao.pipelines.load_html import load_html

        return load_html
    from jixiao.pipelines.load_image import load_image

    return load_image


def source_name(path: str | Path) -> str:
    """A path as text any output can carry (JSON, a terminal, a log line): bytes of the name that are not UTF-8
    (a GBK name from a Windows zip, which Python holds as lone surrogates) become ``\\xNN`` escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def load_path(path: str | Path, *, settings: Settings | None = None, deadline: Deadline = NO_DEADLINE,
              doc_id: str | None = None) -> Document:
    """The file at ``path`` as a document; its ``doc_id`` the file's stem unless given."""
    settings = settings or get_settings()
    path = Path(path)
    source = source_name(path)
    try:
        if path.is_file():
            # Refuse before reading: a huge file must not be pulled into memory.
            _check_size(path.stat().st_size, settings.max_input_bytes, "bytes", source)
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableFileError("no such file", source=source) from exc
    except IsADirectoryError as exc:
        raise UnreadableFileError("is a directory, not a file", source=source) from exc
    except PermissionError as exc:
        raise UnreadableFileError("permission denied", source=source) from exc
    except OSError as exc:
        raise UnreadableFileError(f"cannot read: {exc.strerror or exc}", source=source) from exc
    return load_bytes(data, filename=source, doc_id=doc_id or source_name(path.stem), settings=settings, deadline=deadline)
