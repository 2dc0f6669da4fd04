"""Page/cell provenance: a value read from a PDF, DOCX, XLSX or scan points back at the cell it was printed in."""

from __future__ import annotations

import importlib.util
import io
import sys

import pytest

from jixiao.config import REPO_ROOT
from jixiao.pipelines.document import Cell, CellMap, Document, Page, Table
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.ingest import load_bytes, load_path
from jixiao.pipelines.normalize import squeeze

sys.path.insert(0, str(REPO_ROOT / "tests" / "data"))
from example_rows import EXAMPLE, first_table_rows  # noqa: E402

PDF = REPO_ROOT / "tests" / "data" / "example_table.pdf"  # the example's first table, printed by LibreOffice
SCAN = REPO_ROOT / "tests" / "data" / "scan_example.png"
ROWS = first_table_rows(EXAMPLE.read_text(encoding="utf-8"))
TITLE, BODY = ROWS[0][0], ROWS[1:]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.from_settings(load_tagger=False)


def _provenances(record):
    for project in record.projects:
        yield from project.provenance.items()
        for indicator in project.indicators:
            yield from indicator.provenance.items()


def _assert_cells_typed(record, doc: Document, typed: dict[tuple[int, int], str], origin=(0, 0)) -> int:
    """Every value (the project's extent aside) names the cell it was typed in; returns how many were checked."""
    n = 0
    for key, prov in _provenances(record):
        if key == "project":
            continue
        assert prov.table is not None and prov.row is not None and prov.col is not None, key
        cell = typed[(prov.row + origin[0], prov.col + origin[1])]
        assert squeeze(doc.text[prov.start:prov.end]) in squeeze(cell), (key, cell)
        n += 1
    return n


def test_cell_map_lookups():
    text = "标题\nA\tBB\t\tC\n"
    cells = [Cell(row=0, col=0, text="A", start=3, end=4), Cell(row=0, col=1, text="BB", start=5, end=7, bbox=(1, 2, 3, 4)),
             Cell(row=0, col=2, text="", start=8, end=8), Cell(row=0, col=3, text="C", start=9, end=10, bbox=(5, 2, 6, 4))]
    doc = Document(doc_id="d", text=text, tables=[Table(page=1, cells=cells)], pages=[Page(number=1, start=0, end=len(text))])
    assert len(doc.cells) == 3  # the empty cell is no range
    assert doc.cells.at(2) is None and doc.cells.at(4) is None and doc.cells.at(8) is None
    assert (doc.cells.at(5).row, doc.cells.at(5).col) == (0, 1) and doc.cells.at(6).bbox == (1, 2, 3, 4)
    assert [p.col for p in doc.cells.covering(5, 10)] == [1, 3]
    assert [p.col for p in doc.cells.covering(6, 6)] == [1]
    assert doc.page_at(0) == 1 and doc.page_at(len(text)) is None
    assert CellMap.from_tables([]).at(0) is None


def test_plain_text_has_no_layout(extractor):
    record = extractor.extract(load_path(EXAMPLE), mode="parser")
    provs = [p for _, p in _provenances(record)]
    assert provs and all(p.page is None and p.table is None and p.row is None and p.bbox is None for p in provs)


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    width = max(len(r) for r in BODY)
    table = document.add_table(rows=len(BODY), cols=width)
    for r, row in enumerate(BODY):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_values_name_the_cell_they_were_typed_in(extractor):
    doc = load_bytes(_docx_bytes(), filename="report.docx")
    record = extractor.extract(doc, mode="parser")
    [project] = record.projects
    typed = {(r, c): v for r, row in enumerate(BODY) for c, v in enumerate(row)}
    assert _assert_cells_typed(record, doc, typed) > 50
    dept = project.provenance["department"]
    assert (dept.page, dept.table, dept.row, dept.col, dept.bbox) == (None, 0, 2, 1, None)  # a DOCX has no pages
    assert typed[(2, 1)] == project.department
    weight = project.indicators[0].provenance["weight"]
    assert (weight.row, weight.col) == (8, 6) and typed[(8, 6)] == "15"


def _xlsx_bytes() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append([TITLE])
    ws.append([])
    for row in BODY:
        ws.append([v or None for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_values_name_the_cell_they_were_typed_in(extractor):
    doc = load_bytes(_xlsx_bytes(), filename="book.xlsx")
    record = extractor.extract(doc, mode="parser")
    [project] = record.projects
    # the sheet's rows; the table starts at A4, under a title, a blank row and the one-value year line
    typed = {(r, c): v for r, row in enumerate([[TITLE], [], *BODY]) for c, v in enumerate(row)}
    assert _assert_cells_typed(record, doc, typed, origin=(3, 0)) > 50
    annual = project.provenance["funds.annual_budget"]
    assert (annual.page, annual.table, annual.row, annual.col, annual.bbox) == (1, 0, 3, 3, None)  # sheet 1, D7
    assert doc.text[annual.start:annual.end] == "135.5"


def test_pdf_values_carry_page_cell_and_box(extractor):
    doc = load_path(PDF)
    record = extractor.extract(doc, mode="parser")
    [project] = record.projects
    pages = {p.number: p for p in doc.pages}
    for key, prov in _provenances(record):
        assert prov.page in pages and prov.table is not None and prov.row is not None, key
        x0, top, x1, bottom = prov.bbox
        page = pages[prov.page]
        assert 0 <= x0 < x1 <= page.width and 0 <= top < bottom <= page.height, key
        if key != "project":
            cell = next(c for c in doc.tables[prov.table].cells if (c.row, c.col) == (prov.row, prov.col))
            assert cell.start <= prov.start and prov.end <= cell.end and cell.bbox == prov.bbox, key
    name = project.provenance["name"]
    assert name.page == 1 and squeeze(doc.text[name.start:name.end]) == project.name
    assert project.provenance["score"].page == 2  # the total row is printed on the second page


def test_ocr_cells_carry_pixel_boxes(extractor):
    from jixiao.pipelines.load_image import OcrBox, document_from_boxes

    boxes = [OcrBox("项目名称", 10, 10, 90, 30), OcrBox("就业补助", 200, 10, 290, 30),
             OcrBox("主管部门", 10, 50, 90, 70), OcrBox("某市人社局", 200, 50, 300, 70)]
    doc = document_from_boxes(boxes, doc_id="scan", source=None)
    place = doc.cells.at(doc.text.index("某市人社局"))
    assert (place.page, place.table, place.row, place.col, place.bbox) == (1, 0, 1, 1, (200, 50, 300, 70))


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("rapidocr_onnxruntime") is None,
                    reason="the ocr extra is not installed (pip install -e '.[ocr]')")
def test_a_scanned_value_carries_its_box(extractor):
    doc = load_path(SCAN)
    record = extractor.extract(doc, mode="parser")
    [project] = record.projects
    page = doc.pages[0]
    assert page.width and page.height  # the image's size in pixels
    dept = project.provenance["department"]
    assert dept.page == 1 and dept.table is not None and dept.row is not None
    x0, top, x1, bottom = dept.bbox
    assert 0 <= x0 < x1 <= page.width and 0 <= top < bottom <= page.height


def test_tagger_values_are_placed_too():
    """Placing runs once on the final record: a value only the tagger read gets its cell as well."""
    from jixiao.pipelines.tag import EntitySpan
    from jixiao.record import Project, Provenance

    doc = load_bytes(_docx_bytes(), filename="report.docx")
    start = doc.text.index("青川市公共就业服务中心")

    class OneSpanTagger:
        def tag(self, text, *, deadline=None):
            return [EntitySpan(label="IMPLEMENTER", start=start, end=start + 11, text=text[start:start + 11])]

    def assemble(spans, text, mapper=None):
        [s] = spans
        return [Project(name="x", implementer=s.text, provenance={"implementer": Provenance(start=s.start, end=s.end, source="tagger")})]

    record = Extractor(tagger=OneSpanTagger(), assemble_from_spans=assemble).extract(doc, mode="tagger")
    prov = record.projects[0].provenance["implementer"]
    assert (prov.source, prov.table, prov.row, prov.col) == ("tagger", 0, 2, 3)
