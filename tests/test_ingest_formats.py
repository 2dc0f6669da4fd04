"""Structured loaders: each builds one Document in the tab-row layout, merges as spans."""

from __future__ import annotations

import io


from jixiao.pipelines.document import Document
from jixiao.pipelines.ingest import load_bytes, load_path, sniff_format


def _check_offsets(doc: Document) -> None:
    """Every cell, table and page offset points at its own text."""
    for table in doc.tables:
        assert doc.text[table.start:table.end].count("\n") == max(c.row + c.rowspan for c in table.cells)
        for cell in table.cells:
            assert doc.text[cell.start:cell.end] == cell.text
            assert "\t" not in cell.text and "\n" not in cell.text
    for page in doc.pages:
        assert 0 <= page.start <= page.end <= len(doc.text)


def _rows(doc: Document, table_index: int = 0) -> list[list[str]]:
    table = doc.tables[table_index]
    return [line.split("\t") for line in doc.text[table.start:table.end].rstrip("\n").split("\n")]


# -- DOCX --------------------------------------------------------------------

def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("2024年城乡居民养老代办员补助项目支出绩效自评表")
    document.add_paragraph("(2024年度)")
    table = document.add_table(rows=4, cols=4)
    values = [
        ["项目名称", "代办员补助", None, None],
        ["绩效指标", "一级指标", "二级指标", "分值"],
        [None, "产出指标", "数量指标", "20"],
        [None, "效益指标", "社会效益", "30"],
    ]
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            if value is not None:
                table.cell(r, c).text = value
    table.cell(0, 1).merge(table.cell(0, 3))  # horizontal: gridSpan 3
    table.cell(1, 0).merge(table.cell(3, 0))  # vertical: vMerge over 3 rows
    document.add_paragraph("备注:单位为万元")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_merged_table_in_body_order():
    doc = load_bytes(_docx_bytes(), filename="report.docx")
    assert doc.format == "docx" and doc.doc_id == "report"
    lines = doc.text.split("\n")
    assert lines[0] == "2024年城乡居民养老代办员补助项目支出绩效自评表"
    assert doc.text.index("(2024年度)") < doc.tables[0].start < doc.text.index("备注:单位为万元")
    assert _rows(doc) == [
        ["项目名称", "代办员补助", "", ""],
        ["绩效指标", "一级指标", "二级指标", "分值"],
        ["", "产出指标", "数量指标", "20"],
        ["", "效益指标", "社会效益", "30"],
    ]
    # merged text appears once, not in every covered position as python-docx repeats it
    assert doc.text.count("代办员补助") == 2  # once in the title, once in the cell
    assert doc.text.count("绩效指标") == 1
    cells = {(c.row, c.col): c for c in doc.tables[0].cells}
    assert (cells[(0, 1)].rowspan, cells[(0, 1)].colspan) == (1, 3)
    assert (cells[(1, 0)].rowspan, cells[(1, 0)].colspan) == (3, 1)
    assert (0, 2) not in cells and (2, 0) not in cells
    _check_offsets(doc)


# -- XLSX --------------------------------------------------------------------

def _xlsx_bytes() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "自评表"
    ws["A1"] = "项目支出绩效自评表"
    ws.merge_cells("A1:E1")
    ws.append([])
    ws.append(["项目名称", "老字号", None, None, None])
    ws.merge_cells("B3:E3")
    ws.append(["资金(万元)", "年初预算数", "全年预算数", "全年执行数", "执行率"])
    ws.append([None, 579.83, 579.83, 579.83, 1.0])
    ws["E5"].number_format = "0.00%"
    ws.merge_cells("A4:A5")
    ws.append([None, 10, 10.0, None, None])
    second = workbook.create_sheet("说明")
    second["A1"] = "第二张表的说明"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_every_sheet_with_merges_and_number_formats():
    doc = load_bytes(_xlsx_bytes(), filename="book.xlsx")
    assert doc.format == "xlsx"
    assert doc.text.startswith("项目支出绩效自评表\n")  # a merged one-value title row is a paragraph
    assert _rows(doc) == [
        ["项目名称", "老字号", "", "", ""],
        ["资金(万元)", "年初预算数", "全年预算数", "全年执行数", "执行率"],
        ["", "579.83", "579.83", "579.83", "100.00%"],
        ["", "10", "10", "", ""],
    ]
    cells = {(c.row, c.col): c for c in doc.tables[0].cells}
    assert cells[(0, 1)].colspan == 4
    assert cells[(1, 0)].rowspan == 2
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.text[doc.pages[1].start:doc.pages[1].end].strip() == "第二张表的说明"
    _check_offsets(doc)


# -- PDF ---------------------------------------------------------------------

def _table_pdf(path) -> None:
    """A ruled 3x4 table drawn with matplotlib: (0,1) spans two columns, (1,0) spans two rows.

    The bundled fonts have no CJK glyphs, so the text is ASCII.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context({"pdf.fonttype": 42}):
        fig = plt.figure(figsize=(8.27, 11.69))
        ax = fig.add_axes([0, 0, 1, 1])
        ax.set_xlim(0, 100)
        ax.set_ylim(100, 0)
        ax.axis("off")
        ax.text(10, 10, "Project self-assessment 2024", fontsize=14)

        def line(x0, y0, x1, y1):
            ax.plot([x0, x1], [y0, y1], color="black", linewidth=1)

        for y in (20, 30, 50):
            line(10, y, 90, y)
        line(30, 40, 90, 40)  # no rule under "Funds": merged down over two rows
        for x in (10, 30, 70, 90):
            line(x, 20, x, 50)
        line(50, 30, 50, 50)  # no rule between columns 1 and 2 in row 0: merged across
        for x, y, text in [(12, 26, "Name"), (32, 26, "Pension"), (72, 26, "Code"),
                           (12, 36, "Funds"), (32, 36, "26.21"), (52, 36, "26.21"), (72, 36, "100%"),
                           (32, 46, "10"), (52, 46, "20"), (72, 46, "30")]:
            ax.text(x, y, text, fontsize=11)
        ax.text(10, 60, "Note: amounts in 10k yuan", fontsize=11)
        fig.savefig(path, format="pdf")
        plt.close(fig)


def test_pdf_table_with_merged_cells(tmp_path):
    path = tmp_path / "table.pdf"
    _table_pdf(path)
    doc = load_path(path)
    assert doc.format == "pdf" and [p.number for p in doc.pages] == [1]
    assert doc.text.startswith("Project self-assessment 2024\n")
    assert doc.text.rstrip().endswith("Note: amounts in 10k yuan")
    assert len(doc.tables) == 1
    assert _rows(doc) == [
        ["Name", "Pension", "", "Code"],
        ["Funds", "26.21", "26.21", "100%"],
        ["", "10", "20", "30"],
    ]
    cells = {(c.row, c.col): c for c in doc.tables[0].cells}
    assert cells[(0, 1)].colspan == 2 and cells[(0, 1)].rowspan == 1
    assert cells[(1, 0)].rowspan == 2
    assert all(c.bbox is not None for c in doc.tables[0].cells)
    assert doc.tables[0].page == 1
    _check_offsets(doc)


# -- images ------------------------------------------------------------------

def test_ocr_boxes_grouped_into_lines_and_cells():
    from jixiao.pipelines.load_image import OcrBox, document_from_boxes

    boxes = [
        OcrBox("项目支出绩效自评表", 100, 10, 400, 30),
        OcrBox("实际完成值", 300, 61, 400, 79),
        OcrBox("三级指标", 10, 60, 90, 80),
        OcrBox("村", 200, 100, 220, 120),
        OcrBox("数", 221, 101, 240, 121),
        OcrBox("=308人", 300, 100, 380, 120),
    ]
    doc = document_from_boxes(boxes, doc_id="scan", source=None)
    assert doc.format == "image"
    assert doc.text.split("\n")[0] == "项目支出绩效自评表"
    assert _rows(doc) == [["三级指标", "实际完成值"], ["村数", "=308人"]]
    _check_offsets(doc)


def test_sniff_by_magic_before_extension():
    assert sniff_format(_docx_bytes(), "misnamed.txt") == "docx"
    assert sniff_format(_xlsx_bytes(), "misnamed.pdf") == "xlsx"
    assert sniff_format(b"\x89PNG\r\n\x1a\n....", None) == "image"
    assert sniff_format("项目名称\t老字号".encode(), "a.csv") == "text"
