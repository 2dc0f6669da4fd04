"""Hostile files built on the fly (issue 21): decompression bombs and oversized documents, at any size.

Each writer streams what it builds, so a bomb many times larger than memory costs its own compressed size.
Used by tests/test_ingest_limits.py (small sizes, lowered limits) and bench/bombs.py (the sizes of the probe).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CT_DOCX = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS_DOCX = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
              'Target="word/document.xml"/></Relationships>')


def _stream(z: zipfile.ZipFile, name: str, head: str, unit: str, count: int, tail: str) -> None:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, "w", force_zip64=True) as f:
        f.write(head.encode())
        chunk = (unit * 1000).encode()
        for _ in range(count // 1000):
            f.write(chunk)
        f.write((unit * (count % 1000)).encode())
        f.write(tail.encode())


def _zip() -> tuple[io.BytesIO, zipfile.ZipFile]:
    buf = io.BytesIO()
    return buf, zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9)


def docx_paragraphs(n: int, text: str = "项目名称绩效目标") -> bytes:
    """A DOCX of ``n`` short paragraphs (the probe's 3.4 MB file grew past 6 GB)."""
    buf, z = _zip()
    z.writestr("[Content_Types].xml", _CT_DOCX)
    z.writestr("_rels/.rels", _RELS_DOCX)
    _stream(z, "word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>',
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>", n, "</w:body></w:document>")
    z.close()
    return buf.getvalue()


def docx_text_node(n: int) -> bytes:
    """A DOCX with one paragraph holding one text node of ``n`` characters."""
    buf, z = _zip()
    z.writestr("[Content_Types].xml", _CT_DOCX)
    z.writestr("_rels/.rels", _RELS_DOCX)
    _stream(z, "word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body><w:p><w:r><w:t>',
            "项", n, "</w:t></w:r></w:p></w:body></w:document>")
    z.close()
    return buf.getvalue()


def docx_members(n: int) -> bytes:
    """A small valid DOCX padded with ``n`` empty members."""
    buf, z = _zip()
    z.writestr("[Content_Types].xml", _CT_DOCX)
    z.writestr("_rels/.rels", _RELS_DOCX)
    z.writestr("word/document.xml", f'<w:document {_W}><w:body><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:body></w:document>')
    for i in range(n):
        z.writestr(f"pad/{i}.bin", b"")
    z.close()
    return buf.getvalue()


_CT_XLSX = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>')
_RELS_XLSX = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
              'Target="xl/workbook.xml"/></Relationships>')
_WB = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
       '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>')
_SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'


def _xlsx(sheet_rows: str | None, rows: int = 0, unit: str = "", extra: str = "") -> bytes:
    buf, z = _zip()
    z.writestr("[Content_Types].xml", _CT_XLSX)
    z.writestr("_rels/.rels", _RELS_XLSX)
    z.writestr("xl/workbook.xml", _WB)
    z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
    if sheet_rows is None:
        _stream(z, "xl/worksheets/sheet1.xml", _SHEET_HEAD, unit, rows, "</sheetData>" + extra + "</worksheet>")
    else:
        z.writestr("xl/worksheets/sheet1.xml", _SHEET_HEAD + sheet_rows + "</sheetData>" + extra + "</worksheet>")
    z.close()
    return buf.getvalue()


def xlsx_rows(n: int) -> bytes:
    """``n`` rows of two numbers (rows without an ``r`` attribute, as the probe's 13.6 MB file of 1M rows)."""
    return _xlsx(None, n, '<row><c t="n"><v>1</v></c><c t="n"><v>2</v></c></row>')


def xlsx_corners() -> bytes:
    """Two cells, at A1 and XFD1048576: a used range of 17 billion positions."""
    return _xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c></row>'
                 '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>')


def xlsx_merge() -> bytes:
    """One cell and one merged range over the whole sheet."""
    return _xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c></row>',
                 extra='<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` x ``height`` grey pixels (a few kB: rows of zeros compress away)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    z = zlib.compressobj(9)
    row = b"\x00" * (width + 1)
    data = b"".join(z.compress(row) for _ in range(min(height, 64))) + z.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def pdf_pages(n: int, text: str = "Project 1") -> bytes:
    """A PDF of ``n`` pages with one line of text each."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets: list[int] = []

    def obj(body: bytes) -> None:
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % len(offsets) + body + b"\nendobj\n")

    content = b"BT /F1 12 Tf 20 100 Td (" + text.encode() + b") Tj ET"
    obj(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(n))
    obj(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n)
    obj(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    obj(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    for _ in range(n):
        obj(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
    for o in offsets:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref))
    return out.getvalue()


def pdf_encrypted() -> bytes:
    """A one-page PDF under the standard security handler whose user password is not empty."""
    body = pdf_pages(1)
    enc = b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"
    head, _, _ = body.partition(b"xref\n")
    offsets = []
    pos = 0
    while True:
        i = head.find(b" 0 obj\n", pos)
        if i < 0:
            break
        start = head.rfind(b"\n", 0, i) + 1
        offsets.append(start)
        pos = i + 1
    offsets.append(len(head))
    head += b"%d 0 obj\n" % len(offsets) + enc + b"\nendobj\n"
    xref = len(head)
    tail = b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    tail += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt %d 0 R /ID [<" % (len(offsets) + 1, len(offsets))
             + b"33" * 16 + b"> <" + b"33" * 16 + b">] >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return head + tail
