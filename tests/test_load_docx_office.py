"""DOCX as producers write it: content controls, text boxes, tracked changes, fields, altChunk, .docm / .dotx."""

from __future__ import annotations

import io
import zipfile

import pytest

from jixiao.errors import UnsupportedFormatError
from jixiao.pipelines.ingest import load_bytes, sniff_format

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:v="urn:schemas-microsoft-com:vml"')


def _xml(snippet: str):
    from docx.oxml import parse_xml

    return parse_xml(snippet.replace("{ns}", _NS))


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rows(doc, index: int = 0) -> list[list[str]]:
    table = doc.tables[index]
    return [line.split("\t") for line in doc.text[table.start:table.end].rstrip("\n").split("\n")]


def _wrap(element, tag: str = "w:sdt"):
    """ELEMENT moved inside a new content control where it stood."""
    sdt = _xml(f'<{tag} {{ns}}><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent/></{tag}>')
    element.addprevious(sdt)
    sdt[1].append(element)
    return sdt


def _table_doc(rows: list[list[str]]):
    import docx

    document = docx.Document()
    document.add_paragraph("自评表")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    return document, table


def test_content_controls_around_table_rows_cells_and_paragraphs_read_in_order():
    document, table = _table_doc([["项目名称", "甲"], ["主管部门", "乙局"], ["指标一", "10"], ["指标二", "20"]])
    tbl = table._tbl
    trs = tbl.tr_lst
    _wrap(trs[1].tc_lst[1])  # a cell-level control
    section = _wrap(trs[2])  # a repeating section around two rows
    section[1].append(trs[3])
    _wrap(tbl)  # the whole table in a block control
    _wrap(document.add_paragraph("自评等级：优")._p)
    doc = load_bytes(_save(document), filename="a.docx")
    assert _rows(doc) == [["项目名称", "甲"], ["主管部门", "乙局"], ["指标一", "10"], ["指标二", "20"]]
    assert doc.text.index("自评表") < doc.tables[0].start < doc.text.index("自评等级：优")


_BOX = ('<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>'
        '<w:p><w:r><w:t>TEXT</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>TEXT</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_a_text_box_stored_twice_reads_once_in_a_paragraph_and_in_a_cell():
    document, table = _table_doc([["项目名称", ""], ["分值", "10"]])
    title = document.paragraphs[0]
    title._p.append(_xml(_BOX.replace("TEXT", "年度报告")))
    table.cell(0, 1).paragraphs[0]._p.append(_xml(_BOX.replace("TEXT", "乡村道路养护")))
    doc = load_bytes(_save(document), filename="a.docx")
    assert doc.text.count("年度报告") == 1 and doc.text.count("乡村道路养护") == 1
    assert _rows(doc)[0] == ["项目名称", "乡村道路养护"]


def test_tracked_changes_read_as_accepted_and_field_codes_never():
    document, table = _table_doc([["全年执行数", ""], ["指标一", "10"], ["指标二", "20"], ["总分", ""]])
    cell = table.cell(0, 1).paragraphs[0]._p
    cell.append(_xml('<w:del {ns} w:id="1" w:author="a"><w:r><w:delText>88</w:delText></w:r></w:del>'))
    cell.append(_xml('<w:ins {ns} w:id="2" w:author="a"><w:r><w:t>95</w:t></w:r></w:ins>'))
    table._tbl.tr_lst[1].get_or_add_trPr().append(_xml('<w:del {ns} w:id="3" w:author="a"/>'))
    total = table.cell(3, 1).paragraphs[0]._p
    for snippet in ('<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
                    '<w:r {ns}><w:instrText> =SUM(ABOVE) </w:instrText></w:r>',
                    '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>', '<w:r {ns}><w:t>30</w:t></w:r>',
                    '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>'):
        total.append(_xml(snippet))
    table.cell(2, 0).paragraphs[0]._p.append(_xml('<w:fldSimple {ns} w:instr=" DOCPROPERTY x "><w:r><w:t>乙</w:t></w:r></w:fldSimple>'))
    doc = load_bytes(_save(document), filename="a.docx")
    assert _rows(doc) == [["全年执行数", "95"], ["指标二乙", "20"], ["总分", "30"]]
    assert "SUM" not in doc.text and "88" not in doc.text


def _with_part(data: bytes, name: str, body: bytes, content_type: str, rel: str | None = None) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                member = member.replace(b"</Types>", f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'.encode())
            if info.filename == "word/_rels/document.xml.rels" and rel:
                member = member.replace(b"</Relationships>", (
                    f'<Relationship Id="{rel}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/aFChunk" Target="{name.split("/", 1)[1]}"/></Relationships>').encode())
            dst.writestr(info.filename, member)
        dst.writestr(name, body)
    return out.getvalue()


def _chunk_doc(name: str, body: bytes, content_type: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("附件")
    document.element.body.insert(1, _xml('<w:altChunk {ns} r:id="rChunk"/>'))
    return _with_part(_save(document), name, body, content_type, "rChunk")


def test_an_altchunk_html_part_is_read_where_it_stands():
    page = ("<html><body><p>项目支出绩效自评表</p><table><tr><td>项目名称</td><td colspan='2'>水渠维修</td></tr>"
            "<tr><td>分值</td><td>10</td><td>9</td></tr></table></body></html>").encode("utf-8")
    doc = load_bytes(_chunk_doc("word/chunk1.htm", page, "text/html"), filename="a.docx")
    assert doc.text.index("附件") < doc.text.index("项目支出绩效自评表")
    assert _rows(doc) == [["项目名称", "水渠维修", ""], ["分值", "10", "9"]]


def test_an_altchunk_of_a_kind_not_read_is_refused_by_name():
    with pytest.raises(UnsupportedFormatError, match="altChunk"):
        load_bytes(_chunk_doc("word/chunk1.rtf", b"{\\rtf1 x}", "application/rtf"), filename="a.docx")


@pytest.mark.parametrize(("suffix", "content_type"), [
    (".docm", "application/vnd.ms-word.document.macroEnabled.main+xml"),
    (".dotx", "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"),
    (".dotm", "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"),
])
def test_macro_enabled_documents_and_templates_read_as_docx(suffix, content_type):
    document, _ = _table_doc([["项目名称", "甲"]])
    data = _save(document)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                member = member.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                        content_type.encode())
            dst.writestr(info.filename, member)
    assert sniff_format(out.getvalue(), "a" + suffix) == "docx"
    doc = load_bytes(out.getvalue(), filename="a" + suffix)
    assert _rows(doc) == [["项目名称", "甲"]]


def test_load_docx_alone_refuses_an_html_chunk_it_was_given_no_reader_for():
    from jixiao.pipelines.load_docx import load_docx

    data = _chunk_doc("word/chunk1.htm", b"<html><body><p>x</p></body></html>", "text/html")
    with pytest.raises(UnsupportedFormatError, match="HTML chunk"):
        load_docx(data, doc_id="a", source="a.docx")


def test_hidden_text_is_not_read():
    document, table = _table_doc([["全年执行数", ""], ["指标一", "10"]])
    cell = table.cell(0, 1).paragraphs[0]._p
    cell.append(_xml('<w:r {ns}><w:rPr><w:vanish/></w:rPr><w:t>（填写说明：单位万元）</w:t></w:r>'))
    cell.append(_xml('<w:r {ns}><w:t>95</w:t></w:r>'))
    cell.append(_xml('<w:r {ns}><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>.5</w:t></w:r>'))  # switched off: shown
    doc = load_bytes(_save(document), filename="a.docx")
    assert _rows(doc)[0] == ["全年执行数", "95.5"]
    assert "填写说明" not in doc.text
