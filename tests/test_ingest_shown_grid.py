"""Loaders read what the file shows: Word tables inside a layout frame, Excel without its hidden rows, columns, sheets."""

from __future__ import annotations

import io

from jixiao.pipelines.ingest import load_bytes


def _rows(doc, index: int = 0) -> list[list[str]]:
    table = doc.tables[index]
    return [line.split("\t") for line in doc.text[table.start:table.end].rstrip("\n").split("\n")]


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _fill(table, rows) -> None:
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value


def test_a_table_nested_in_a_one_cell_frame_is_read_as_the_table():
    import docx

    document = docx.Document()
    frame = document.add_table(rows=1, cols=1)
    cell = frame.cell(0, 0)
    cell.paragraphs[0].text = "填报单位：某县某局"
    _fill(cell.add_table(rows=3, cols=3), [["一级指标", "三级指标", "分值"], ["产出指标", "受益人数", "20"],
                                            ["效益指标", "覆盖率", "30"]])
    cell.add_paragraph("填表人：某某")
    doc = load_bytes(_save(document), filename="framed.docx")
    assert len(doc.tables) == 1
    assert _rows(doc) == [["一级指标", "三级指标", "分值"], ["产出指标", "受益人数", "20"], ["效益指标", "覆盖率", "30"]]
    assert doc.text.index("填报单位：某县某局") < doc.tables[0].start < doc.text.index("填表人：某某")


def test_a_small_table_inside_a_real_row_stays_text_of_its_cell():
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    _fill(table, [["一级指标", "三级指标", "分值"], ["产出指标", "受益人数", "20"], ["效益指标", "覆盖率", "30"]])
    _fill(table.cell(2, 1).add_table(rows=1, cols=2), [["其中", "城区"]])
    doc = load_bytes(_save(document), filename="subtable.docx")
    assert len(doc.tables) == 1
    assert _rows(doc)[0] == ["一级指标", "三级指标", "分值"] and len(_rows(doc)) == 3
    assert "城区" in doc.text[doc.tables[0].start:doc.tables[0].end]


def test_hidden_rows_columns_and_sheets_are_not_read():
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["一级指标", "旧值", "三级指标", "分值"], ["产出指标", "x", "受益人数", 20], [None, "y", "已取消指标", 10],
                [None, "z", "覆盖率", 30]):
        ws.append(row)
    ws.merge_cells("A2:A4")
    ws.row_dimensions[3].hidden = True
    ws.column_dimensions["B"].hidden = True
    draft = wb.create_sheet("草稿")
    draft.append(["草稿项目", "旧数据"])
    draft.sheet_state = "hidden"
    out = io.BytesIO()
    wb.save(out)
    doc = load_bytes(out.getvalue(), filename="hidden.xlsx")
    assert _rows(doc) == [["一级指标", "三级指标", "分值"], ["产出指标", "受益人数", "20"], ["", "覆盖率", "30"]]
    cells = {(c.row, c.col): c for c in doc.tables[0].cells}
    assert cells[(1, 0)].rowspan == 2  # the merge keeps its shown rows
    assert "已取消指标" not in doc.text and "旧值" not in doc.text and "草稿" not in doc.text


def test_a_merge_whose_first_row_is_hidden_shows_its_text_in_the_rest():
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["一级指标", "三级指标", "分值"], ["产出指标", "旧指标", 5], [None, "受益人数", 20], [None, "覆盖率", 30]):
        ws.append(row)
    ws.merge_cells("A2:A4")
    ws.row_dimensions[2].hidden = True
    out = io.BytesIO()
    wb.save(out)
    doc = load_bytes(out.getvalue(), filename="hidden_anchor.xlsx")
    assert _rows(doc) == [["一级指标", "三级指标", "分值"], ["产出指标", "受益人数", "20"], ["", "覆盖率", "30"]]


def test_hidden_spans_move_positions_back_by_what_is_hidden_before_them():
    from jixiao.pipelines.sheet_grid import Hidden as _Hidden

    hidden = _Hidden([(5, 8), (2, 3), (6, 10), (10, 11), (20, 16384)])  # unsorted, overlapping, touching, to XFD
    assert [hidden.shift(x) for x in range(13)] == [0, 1, None, 2, 3, None, None, None, None, None, None, 4, 5]
    assert hidden.shift(19) == 12 and hidden.shift(20) is None and hidden.shift(16384) == 13
    assert _Hidden([]).shift(7) == 7
    # a row at a time, a hundred thousand of them: one look-up a cell, not a walk over every hidden row
    rows = _Hidden((r, r + 1) for r in range(0, 200_000, 2))
    assert rows.shift(199_999) == 99_999 and rows.shift(250_000) == 150_000 and rows.shift(1000) is None


def test_a_last_row_holding_only_a_name_under_merged_level_cells_stays_in_the_table():
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "2023年项目支出绩效自评表"
    ws.merge_cells("A1:D1")  # a title merged across: still a paragraph
    rows = [("一级指标", "二级指标", "三级指标", "分值"), ("产出指标", "数量指标", "培训人次", 20),
            (None, None, "覆盖乡镇", 20), (None, None, "宣传次数", None)]
    for i, row in enumerate(rows, start=3):
        for j, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(i, j, value)
    ws.merge_cells("A4:A6")
    ws.merge_cells("B4:B6")
    saved = io.BytesIO()
    wb.save(saved)
    text = load_bytes(saved.getvalue(), filename="t.xlsx", doc_id="t").text
    assert text.startswith("2023年项目支出绩效自评表\n\n")
    assert text.endswith("\t\t覆盖乡镇\t20\n\t\t宣传次数\t\n")  # the last row is a row of the table, not a note after it
