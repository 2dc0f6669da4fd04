"""DOCX constructs built to hurt: imported chunks pointed at again and again, Word chunks inside Word chunks, a
chunk that is a ZIP bomb of its own, content nested deep in content controls (bug bash s15)."""

from __future__ import annotations

import io
import zipfile

import pytest

from jixiao.config import Settings
from jixiao.errors import ArchiveDepthError, UnreadableFileError, ZipBombError
from jixiao.pipelines.ingest import load_bytes
from jixiao.pipelines.load_docx import load_docx

_W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _docx(body: str, parts: tuple = (), rels: tuple = ()) -> bytes:
    """A minimal package: BODY's XML, PARTS (name under word/, content type, bytes), RELS (id, target) to chunks."""
    rel_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        overrides = "".join(f'<Override PartName="/word/{n}" ContentType="{t}"/>' for n, t, _ in parts)
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   f'<Override PartName="/word/document.xml" ContentType="{_MAIN}"/>{overrides}</Types>')
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel_type}/officeDocument" Target="word/document.xml"/></Relationships>')
        links = "".join(f'<Relationship Id="{rid}" Type="{rel_type}/aFChunk" Target="{target}"/>' for rid, target in rels)
        z.writestr("word/_rels/document.xml.rels",
                   f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{links}</Relationships>')
        z.writestr("word/document.xml", f"<w:document {_W}><w:body>{body}</w:body></w:document>")
        for name, _, blob in parts:
            z.writestr("word/" + name, blob)
    return out.getvalue()


def _chunk(rid: str) -> str:
    return f'<w:altChunk r:id="{rid}"/>'


def test_a_part_pointed_at_many_times_is_refused_after_one_read():
    # 3,000 pointers of 25 bytes at one page: read each time, 1.7 kB took 104 s
    calls = []
    data = _docx(_p("封面") + _chunk("rC") * 3000, (("c.html", "text/html", b"<p>x</p>"),), (("rC", "c.html"),))
    with pytest.raises(UnreadableFileError, match="more than once"):
        load_docx(data, doc_id="a", source="a.docx", read_page=lambda builder, *_: calls.append(1))
    assert len(calls) == 1


def test_a_word_chunk_inside_a_word_chunk_reads_and_one_deeper_is_refused():
    inner = _docx(_p("第二层") + _chunk("rT"), (("t.txt", "text/plain", "收入合计 300".encode()),), (("rT", "t.txt"),))
    doc = load_bytes(_docx(_p("封面") + _chunk("rD"), (("in.docx", _DOCX, inner),), (("rD", "in.docx"),)), filename="a.docx")
    assert doc.text.split("\n")[:3] == ["封面", "第二层", "收入合计 300"]  # was dropped: the inner chunk not followed
    deeper = _docx(_p("第二层") + _chunk("rD"), (("in.docx", _DOCX, inner),), (("rD", "in.docx"),))
    with pytest.raises(ArchiveDepthError):  # max_archive_depth 2: a third Word package is refused
        load_bytes(_docx(_p("封面") + _chunk("rD"), (("in.docx", _DOCX, deeper),), (("rD", "in.docx"),)), filename="a.docx")


def test_a_word_chunk_is_checked_against_the_zip_bomb_limits():
    # its members are inside the member ingest checked: 300 MB of XML in a 4 kB file reached 2.6 GB before
    inner = _docx(_p("收入") * 20_000)
    data = _docx(_p("封面") + _chunk("rD"), (("in.docx", _DOCX, inner),), (("rD", "in.docx"),))
    settings = Settings(max_zip_bytes=len(inner) * 4)  # the outer package passes, the inner XML is over
    with pytest.raises(ZipBombError):
        load_bytes(data, filename="a.docx", settings=settings)


@pytest.mark.parametrize("depth", [40, 120])  # 120 controls: 240 elements, under the parser's 256
def test_content_deep_in_content_controls_and_run_wrappers_is_read(depth):
    # a cut-off at 32 controls (128 run wrappers) dropped the text: input.empty
    body = "<w:sdt><w:sdtContent>" * depth + _p("收入合计 100") + "</w:sdtContent></w:sdt>" * depth
    assert "收入合计 100" in load_bytes(_docx(body), filename="a.docx").text
    run = "<w:p>" + "<w:ins>" * depth + "<w:r><w:t>收入合计 200</w:t></w:r>" + "</w:ins>" * depth + "</w:p>"
    assert "收入合计 200" in load_bytes(_docx(run), filename="a.docx").text
