"""HTML read as HTML: web pages, HTML "Excel" / "Word" exports under .xls / .doc names, Word .htm and .mht; tables
through the sheet grid (colspan / rowspan), the charset from the page, hostile pages refused with the typed error."""

from __future__ import annotations

import quopri
import time
from pathlib import Path

import pytest

from jixiao.config import Settings
from jixiao.errors import InputLimitError, InputTooLargeError
from jixiao.pipelines.html_format import looks_html, looks_mhtml
from jixiao.pipelines.ingest import load_bytes, sniff_format

FILES = Path(__file__).resolve().parents[1] / "data" / "invented-files"

TABLE = """<table border=1>
<tr><td colspan=4>项目支出绩效自评表</td></tr>
<tr><td>项目名称</td><td colspan=3>某项目</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>分值</td></tr>
<tr><td rowspan=2>产出指标</td><td rowspan=2>数量指标</td><td>甲</td><td>10</td></tr>
<tr><td>乙</td><td>20</td></tr>
<tr style="display:none"><td>丙</td><td>旧</td><td>旧</td><td>5</td></tr>
<tr><td>效益指标</td><td>社会效益<br>指标</td><td>丁</td><td>30</td></tr>
</table>"""


def _page(body: str, meta: str = '<meta charset="utf-8">') -> str:
    return f"<!DOCTYPE html><html><head>{meta}<title>t</title><script>var x='项目名称';</script></head><body>{body}</body></html>"


def test_colspan_rowspan_become_one_anchor_each_and_a_hidden_row_is_left_out():
    doc = load_bytes(_page("<h1>标题</h1><p>前言一段</p>" + TABLE + "<p>尾注</p>").encode(), filename="a.html")
    assert doc.format == "html"
    lines = doc.text.splitlines()
    # the table's single-value title row is a paragraph, as in a sheet; text before and after in document order
    assert lines[:3] == ["标题", "前言一段", "项目支出绩效自评表"]
    assert "项目名称\t某项目\t\t" in lines
    assert "产出指标\t数量指标\t甲\t10" in lines and "\t\t乙\t20" in lines  # merged down: text once
    assert "效益指标\t社会效益指标\t丁\t30" in lines  # <br> between CJK joined, as a Word line break in a cell
    assert "丙" not in doc.text and "var x" not in doc.text  # hidden row, script
    table = doc.tables[0]
    anchor = next(c for c in table.cells if c.text == "产出指标")
    assert (anchor.rowspan, anchor.colspan) == (2, 1)
    assert doc.text[anchor.start:anchor.end] == "产出指标"
    assert doc.text.rstrip().endswith("尾注")


def test_gbk_page_decodes_by_its_meta_charset_whatever_the_name():
    page = _page(TABLE, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode("gbk")
    assert sniff_format(page, "export.xls") == "html"  # an HTML table a web system saved as .xls
    doc = load_bytes(page, filename="export.xls")
    assert doc.encoding == "gb18030" and "产出指标\t数量指标\t甲\t10" in doc.text


def test_a_bare_table_without_charset_falls_back_like_the_text_path():
    doc = load_bytes(TABLE.encode("gb18030"), filename="x.doc")
    assert doc.format == "html" and doc.encoding == "gb18030" and "某项目" in doc.text


def test_mhtml_reads_its_quoted_printable_html_part():
    html = _page(TABLE, '<meta http-equiv=Content-Type content="text/html; charset=gb2312">').encode("gbk")
    mht = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
           b'Content-Location: file:///C:/a.htm\r\nContent-Transfer-Encoding: quoted-printable\r\n'
           b'Content-Type: text/html; charset="gb2312"\r\n\r\n' + quopri.encodestring(html) + b"\r\n--B--\r\n")
    assert looks_mhtml(mht) and sniff_format(mht, "a.mht") == "html"
    assert "产出指标\t数量指标\t甲\t10" in load_bytes(mht, filename="a.mht").text


@pytest.mark.parametrize("name", ["origg02.xls", "origg03.htm", "origg04.mht", "origg07.doc"])
def test_the_invented_html_originals_read_their_tables(name):
    doc = load_bytes((FILES / name).read_bytes(), filename=name)
    assert doc.format == "html" and len(doc.tables) == 1
    assert "\t年度资金总额\t" in doc.text and "总分\t\t\t\t\t100\t" in doc.text


def test_a_layout_table_is_unwrapped_and_its_inner_tables_read():
    doc = load_bytes((FILES / "origg06.html").read_bytes(), filename="origg06.html")
    assert len(doc.tables) == 2  # the two project tables, not the page's frame
    assert doc.text.index("自评覆盖率") < doc.text.index("全民健身设施") < doc.text.index("公共图书馆")


def test_plain_text_and_pasted_html_to_text_stay_text():
    assert not looks_html("项目名称\t某项目\n<注>见附件</注>".encode())
    assert sniff_format("项目支出绩效自评表\n项目名称 某项目".encode(), "a.txt") == "text"


def test_a_page_with_a_million_cells_is_refused_before_parsing():
    page = ("<table>" + "<tr><td>1</td><td>2</td></tr>" * 500_000 + "</table>").encode()
    started = time.perf_counter()
    with pytest.raises(InputLimitError) as err:
        load_bytes(page, filename="big.html", settings=Settings(max_input_bytes=64 * 1024 * 1024))
    assert err.value.limit == "max_xlsx_cells"
    assert time.perf_counter() - started < 5


def _nested(levels: int) -> bytes:
    return _page("<p>前言</p>" + "<div>" * levels + "深处" + "</div>" * levels + "<p>尾注</p>").encode()


def test_deep_nesting_reads_up_to_the_parsers_limit_and_past_it_is_refused_not_blank():
    """libxml2 stops at 256 levels (2048 with huge_tree) and drops the rest: a page of 1e5 nested divs answered
    input.empty, as if blank. Now 2,000 levels read whole; past the limit the page is refused, naming the nesting."""
    assert load_bytes(_nested(2000), filename="a.html").text.split() == ["前言", "深处", "尾注"]
    for levels in (3000, 100_000):
        started = time.perf_counter()
        with pytest.raises(InputTooLargeError, match="nests elements over 2048 levels deep") as err:
            load_bytes(_nested(levels), filename="a.html")
        assert err.value.code == "input.too_large" and time.perf_counter() - started < 5


def test_a_text_node_past_libxml2s_buffer_limit_is_read_not_dropped():
    """Without huge_tree a text over 10 MB stopped the parser: the page read as empty."""
    text = load_bytes(_page("<p>" + "字" * 3_700_000 + "</p><p>尾注</p>").encode(), filename="a.html",
                      settings=Settings(max_text_chars=4_000_000)).text
    assert len(text) > 3_700_000 and text.split()[-1] == "尾注"


def test_huge_spans_are_refused_by_the_merged_area_budget():
    cells = '<tr><td rowspan="65534" colspan="1000">x</td></tr>' + "<tr><td>y</td></tr>" * 2100
    with pytest.raises(InputTooLargeError):
        load_bytes(f"<html><body><table>{cells}</table></body></html>".encode(), filename="span.html")


@pytest.mark.parametrize("label", ["base64", "rot13", "zlib", "hex", "uu", "undefined", "unicode_escape", "idna"])
def test_a_charset_label_naming_no_page_encoding_decodes_the_page_as_unlabelled(label):
    """A label Python knows as a codec but no browser decodes a page with (a byte transform, an escape scheme) was
    handed to bytes.decode and came out an internal error; the page reads as if it had no label."""
    page = f'<html><head><meta charset="{label}"></head><body><p>项目名称：某项目</p></body></html>'.encode("gb18030")
    assert "项目名称：某项目" in load_bytes(page, filename="x.html").text
    mhtml = (f'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
             f'Content-Type: text/html; charset={label}\r\n\r\n').encode() + page + b"\r\n--B--\r\n"
    assert "项目名称：某项目" in load_bytes(mhtml, filename="x.mht").text


def test_cell_limit_counts_the_cells_of_a_utf16_page_and_of_a_base64_mhtml_part():
    """The cells were counted on the bytes, where a UTF-16 page's or a base64 part's tags do not show: a page of
    1e6 cells reached lxml (2.5 GB, the worker's memory limit)."""
    import base64

    settings = Settings(max_xlsx_cells=50)
    page = "<html><body><table>" + "<tr>" + "<td>1</td>" * 60 + "</tr></table></body></html>"
    with pytest.raises(InputLimitError):
        load_bytes(b"\xff\xfe" + page.encode("utf-16-le"), filename="x.html", settings=settings)
    mhtml = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
             b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
             + base64.encodebytes(page.encode()) + b"\r\n--B--\r\n")
    with pytest.raises(InputLimitError):
        load_bytes(mhtml, filename="x.mht", settings=settings)


def test_a_table_of_many_blocks_each_with_a_merge_reads_in_linear_time():
    """Each block of rows (parted by an empty row) scanned every merge of the grid: 2e4 blocks of an HTML table took
    18 s (4x the blocks, 11.6x the time); each block now looks up its own rows."""
    from jixiao.pipelines.load_builder import DocumentBuilder
    from jixiao.pipelines.sheet_grid import add_grid

    def seconds(blocks: int) -> float:
        texts = {(2 * b, c): t for b in range(blocks) for c, t in ((0, "甲"), (2, "乙"))}
        merges = {(2 * b, 0): (1, 2) for b in range(blocks)}
        covered = {(2 * b, 1) for b in range(blocks)}
        builder = DocumentBuilder(doc_id="x", source=None, format="html", max_chars=10**8)
        start = time.perf_counter()
        add_grid(builder, texts, merges, covered)
        return time.perf_counter() - start

    assert seconds(20_000) < 5.0  # ~1 s; quadratic, 4e8 merge looks: 15 s
