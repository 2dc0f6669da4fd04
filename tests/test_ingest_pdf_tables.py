"""PDF tables as offices print them: CJK text with embedded fonts, and rows that break across pages."""

from jixiao.config import REPO_ROOT
from jixiao.pipelines.load_builder import GridCell
from jixiao.pipelines.load_pdf import join_page_split_row

PDF = REPO_ROOT / "tests" / "data" / "example_table.pdf"  # tests/data/make_pdf.py: a Word table printed by LibreOffice
EXAMPLE = REPO_ROOT / "examples" / "self_evaluation_example.txt"


def _row(r: int, texts: list[str]) -> list[GridCell]:
    return [GridCell(row=r, col=c, text=t, bbox=(10.0 * c, 0.0, 10.0 * c + 10, 5.0)) for c, t in enumerate(texts)]


def test_a_row_split_by_a_page_break_is_joined():
    above = _row(0, ["一级指标", "三级指标", "指标值", "分值"]) + _row(1, ["满意度", "求职人", "≥90%", "10"])
    below = _row(0, ["指标", "员满意度", "", ""]) + _row(1, ["总分", "", "", "97.5"])
    joined, rest = join_page_split_row(above, below)
    assert [c.text for c in joined if c.row == 1] == ["满意度指标", "求职人员满意度", "≥90%", "10"]
    assert [(c.row, c.text) for c in rest] == [(0, "总分"), (0, ""), (0, ""), (0, "97.5")]


def test_a_whole_row_on_the_next_page_stays_a_row():
    above = _row(0, ["", "时效指标", "补助资金拨付及时率", "100%", "10"])
    assert join_page_split_row(above, _row(0, ["", "成本指标", "单站年运行补助", "≤3.2万元", "10"])) is None
    assert join_page_split_row(above, _row(0, ["总分", "", "", "", "97.5"])) is None  # fills a column above left blank
    assert join_page_split_row(above, _row(0, ["", "成本指标", "单站年运行补助"])) is None  # other columns


def test_an_office_pdf_reads_like_its_text():
    from jixiao.pipelines.extract import Extractor
    from jixiao.pipelines.ingest import load_path

    extractor = Extractor.from_settings(load_tagger=False)
    pdf = extractor.extract(load_path(PDF), mode="parser")
    text = extractor.extract(load_path(EXAMPLE), mode="parser")
    assert pdf.meta["format"] == "pdf" and len(pdf.projects) == 1
    keep = {"name", "department", "implementer", "funds", "score", "indicators"}
    assert pdf.projects[0].model_dump(include=keep, exclude={"indicators": {"__all__": {"provenance", "confidence"}}}) == \
        text.projects[0].model_dump(include=keep, exclude={"indicators": {"__all__": {"provenance", "confidence"}}})
