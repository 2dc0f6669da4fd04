"""A line break a scan or a re-typed copy put between a project field's label and its value (inside the spaces or
before the tab between them): dropped; a label above its value, a layout of one cell a line and an empty value
before the next label keep their breaks."""

from jixiao.pipelines.label_breaks import label_breaks
from jixiao.pipelines.scan_text import normalize_scanned


def test_a_break_inside_the_gap_after_a_field_label_is_a_slip():
    text = "项目名称      \n    城东排涝泵站改造工程\n項(xiàng)目名稱\n\t2023年農村飲水安全鞏固提升\n主管部门 \n  溪口县水利局"
    found = label_breaks(text)
    assert [text[i - 2:i] for i in found] == ["  ", "名稱", "门 "]
    assert normalize_scanned(text).text.split("\n") == ["项目名称          城东排涝泵站改造工程", "项目名称\t2023年农村饮水安全巩固提升",
                                                      "主管部门   溪口县水利局"]


def test_printed_breaks_after_a_label_are_kept():
    # a label above its value; one cell a line, one indent; an empty value with the next label on the next line
    text = "项目名称\n城东排涝泵站改造工程\n\t项目名称\n\t城东排涝泵站\n实施单位\t\n项目属性\t一次性项目\n实施单位 \n主管部门 县水利局"
    assert label_breaks(text) == []
