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


def load_bytes(data: bytes, *, filename: str | None = None, doc_id: str | None = None, settings: Settings | None = None) -> Document:
    """Turn raw bytes into a Document, choosing the loader by content and file name."""
    settings = settings or get_settings()
    source = filename
    if len(data) > settings.max_input_bytes:
        raise InputTooLargeError(f"{len(data)} bytes exceeds the limit of {settings.max_input_bytes}", source=source)
    if not data.strip():
        raise EmptyInputError("empty input", source=source)
    doc_id = doc_id or (Path(filename).stem if filename else "document")
    text, encoding = decode_text(data, source=source)
    if not text.strip():
        raise EmptyInputError("no text after decoding", source=source)
    if len(text) > settings.max_text_chars:
        raise InputTooLargeError(f"{len(text)} characters exceeds the limit of {settings.max_text_chars}", source=source)
    return Document(doc_id=doc_id, source=source, format="text", encoding=encoding, text=text)


def load_path(path: str | Path, *, settings: Settings | None = None) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableFileError("no such file", source=str(path)) from exc
    except IsADirectoryError as exc:
        raise UnreadableFileError("is a directory, not a file", source=str(path)) from exc
    except OSError as exc:
        raise UnreadableFileError(f"cannot read: {exc.strerror}", source=str(path)) from exc
    return load_bytes(data, filename=str(path), doc_id=path.stem, settings=settings)
