"""Page lines the normalize stage drops: a document site's preview labels its pages with the file name or a
counter, between any two cells of a table. Invented examples."""

import pytest

from jixiao.pipelines.normalize import normalize_text


@pytest.mark.parametrize("marker", ["示例县2023年度项目支出绩效自评表.docx_第3页", "评价表.xls_第12页", "2 / 4", "12 / 30"])
def test_preview_page_labels_go_with_their_line(marker):
    norm = normalize_text(f"质量指标\n设施完好率\n{marker}\n≥95%\n")
    assert norm.text == "质量指标\n设施完好率\n≥95%\n"
    assert norm.original[norm.offsets[norm.text.index("≥")]] == "≥"  # offsets stay true


@pytest.mark.parametrize("line", ["1/4", "完成1 / 4批次", "绩效自评表.docx", "第3页说明"])
def test_values_and_titles_stay(line):
    assert line.replace(" ", "") in normalize_text(f"名称\n{line}\n").text.replace(" ", "")
