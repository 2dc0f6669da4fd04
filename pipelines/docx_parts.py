"""Parts of a Word package python-docx does not read by itself.

- The main part's other content types: a macro-enabled document (.docm), a template (.dotx / .dotm) are the same
  WordprocessingML under another content type, which python-docx refuses; ``as_document`` hands it the package
  with the main part declared a document.
- ``w:altChunk``: a web system's "export to Word" (and Word's own mail merge, "insert file") stores the content as a
  whole HTML / MHTML page (or a text, or another .docx) in a part of its own that Word imports on opening; the body
  holds only the pointer, so python-docx sees an empty document. ``add_chunk`` reads the part where the pointer
  stands: a page through the HTML loader, a text as paragraphs, a .docx through ``load_docx``'s own walk. A chunk
  of a kind no loader reads (RTF) is refused by name, never skipped.
"""

from __future__ import annotations

import io
import re
import zipfile

from jixiao.errors import UnreadableFileError, UnsupportedFormatError

_DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# the same WordprocessingML main part under the content types of a .docm, .dotx and .dotm
_OTHER_MAINS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_CONTENT_TYPES = "[Content_Types].xml"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_HTML_TYPES = ("text/html", "application/xhtml+xml", "message/rfc822", "multipart/related")
_TEXT_TYPES = ("text/plain",)
_DOCX_TYPES = (_DOCUMENT_MAIN, *_OTHER_MAINS,
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
_LINE = re.compile(r"\r\n|\r|\n")


def as_document(data: bytes) -> bytes:
    """DATA with its main part declared a Word document when it is a .docm / .dotx / .dotm, else DATA itself.
    The members are copied as they are (the ZIP was checked against the bomb limits before the loader runs)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        types = archive.read(_CONTENT_TYPES).decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, ValueError, OSError):
        return data  # python-docx says what is wrong with it
    if not any(t in types for t in _OTHER_MAINS):
        return data
    for other in _OTHER_MAINS:
        types = types.replace(f'"{other}"', f'"{_DOCUMENT_MAIN}"')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            body = types.encode("utf-8") if info.filename == _CONTENT_TYPES else archive.read(info)
            copy.writestr(info, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def chunk_part(part, element, source: str | None):
    """The part an ``w:altChunk`` points at, or a typed error where the pointer leads nowhere."""
    rid = element.get(_R_ID)
    try:
        return part.rels[rid].target_part
    except (KeyError, AttributeError) as exc:
        raise UnreadableFileError(f"an imported chunk (w:altChunk {rid!r}) points at no part of the package: its "
                                  "content cannot be read", source=source) from exc


def chunk_kind(content_type: str, partname: str, source: str | None) -> str:
    """``html``, ``text`` or ``docx`` for a chunk's part; a kind no loader reads raises UnsupportedFormatError."""
    kind = content_type.split(";")[0].strip().lower()
    name = partname.lower()
    if kind in _HTML_TYPES or name.endswith((".htm", ".html", ".mht", ".mhtml", ".xhtml")):
        return "html"
    if kind in _TEXT_TYPES or name.endswith(".txt"):
        return "text"
    if kind in _DOCX_TYPES or name.endswith((".docx", ".docm", ".dotx")):
        return "docx"
    raise UnsupportedFormatError(f"an imported chunk (w:altChunk) of type {content_type or partname!r} holds the "
                                 "document's content and is of a kind not read (HTML, MHTML, text and DOCX chunks are)",
                                 source=source)


def text_lines(blob: bytes) -> list[str]:
    """A text chunk's lines (UTF-8 with or without its mark, else GB18030, what Chinese Word writes)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return _LINE.split(blob.decode(encoding))
        except UnicodeDecodeError:
            continue
    return _LINE.split(blob.decode("utf-8", "replace"))
