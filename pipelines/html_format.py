"""Whether bytes are an HTML page or a MHTML archive, whatever the file is named, and their text.

Web systems export "Excel" as an HTML table under an .xls name, Word saves "web pages" (.htm) and "single file web
pages" (.mht, a MIME multipart/related message whose text/html part is quoted-printable or base64), and "export to
Word" buttons write HTML under a .doc name. The content says what it is: a page starts (after a BOM, white space, an
XML declaration or comments) with a tag, and an HTML marker comes early; a MHTML archive starts with mail headers
naming MIME-Version and multipart/related.

The charset: a BOM first, then ``<meta charset>`` / ``http-equiv`` in the head (GB2312 / GBK labels decode as
GB18030, their superset, as browsers do), else what the text path does (``decode_text``: UTF-8, else GB18030).
"""

from __future__ import annotations

import codecs
import re

from jixiao.errors import EmptyInputError, JixiaoError, UnreadableFileError

# how far into the file the markers must appear: a head with a long xmlns list or a few scripts before the first tag
# (Word writes ~600 bytes of namespaces; the HTML spec's charset prescan reads 1024 bytes, we read more)
SNIFF_BYTES = 8192
_MARKERS = (b"<!doctype html", b"<html", b"<table", b"<head", b"<body")
# what may come before the first tag of a page: white space, an XML declaration, comments
_PROLOGUE = re.compile(rb"^(?:\s+|<\?xml[^>]{0,200}\?>|<!--.{0,2000}?-->)*", re.S)
_MHTML_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{0,60}:")
_META_CHARSET = re.compile(rb"""<meta\b[^>]{0,500}?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})""", re.I)
# labels a page declares that name a Chinese charset GB18030 decodes (the WHATWG encoding standard does the same)
_GB_LABELS = frozenset({"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "chinese", "csgb2312", "iso-ir-58", "euc-cn"})
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Python codecs a label may name that no browser decodes a page with: transforms of bytes or text (base64, zlib,
# rot13 … are not text encodings at all), escape and IDNA schemes, and "undefined", which fails on any byte. A page
# labelled with one is decoded as an unlabelled page is.
_NOT_PAGE_CODECS = frozenset({"undefined", "unicode-escape", "raw-unicode-escape", "punycode", "idna", "utf-7"})


def _head(data: bytes) -> bytes:
    """The first bytes as ASCII-compatible bytes: a UTF-16 page (Word's "Unicode" web page) sniffed as UTF-8."""
    head = data[:SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", "ignore").encode("utf-8", "ignore")
    return head.removeprefix(codecs.BOM_UTF8)


def looks_html(data: bytes) -> bool:
    """An HTML page or fragment: the first thing after the prologue is a tag and an HTML marker comes early."""
    head = _head(data)
    rest = head[_PROLOGUE.match(head).end():]
    if not rest.startswith(b"<"):
        return False
    lower = head.lower()
    return any(marker in lower for marker in _MARKERS)


def looks_mhtml(data: bytes) -> bool:
    """A MHTML archive: mail headers first, naming MIME-Version and a multipart/related body."""
    head = _head(data).lstrip()
    lower = head.lower()
    return bool(_MHTML_HEADER.match(head)) and b"mime-version:" in lower and b"multipart/related" in lower


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _GB_LABELS:
        return "gb18030"
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CODECS:
        return None
    return info.name


def decode_html(data: bytes, *, declared: str | None = None, source: str | None = None) -> tuple[str, str]:
    """(text, encoding) of a page: its BOM, else the charset the container or the page declares, else the text path's."""
    from jixiao.pipelines.ingest import decode_text

    if data.startswith(_BOMS):  # a BOM outranks any label, as in browsers
        return decode_text(data, source=source)
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    for label in (declared, match.group(1).decode("ascii", "ignore") if match else None):
        codec = _codec(label)
        if codec is None or codec.startswith("utf-16"):  # a UTF-16 label on bytes without a BOM: the text path sniffs
            continue
        try:
            return data.decode(codec), codec
        except (UnicodeError, LookupError):
            continue  # a wrong label (a GBK page saying utf-8): the text path's fallbacks decide
    return decode_text(data, source=source)


def mhtml_page(data: bytes, *, source: str | None = None) -> tuple[str, str]:
    """(text, encoding) of the first text/html part of a MHTML archive, transfer encoding undone."""
    import email
    import email.policy

    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        for part in message.walk():
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True)
                if not payload or not payload.strip():
                    continue
                return decode_html(payload, declared=part.get_content_charset(), source=source)
    except (MemoryError, JixiaoError):
        raise
    except Exception as exc:  # the email parser is lenient; a header it cannot read is a damaged archive
        raise UnreadableFileError(f"damaged MHTML archive: {exc}", source=source) from exc
    raise EmptyInputError("the MHTML archive holds no text/html part", source=source)
