"""A lone space a scan or a re-typed copy put inside a project field's value on a ``label：value`` line: dropped;
two fields run together on one line, and spaces that are no slip inside a name, keep theirs."""

from jixiao.pipelines.scan_text import normalize_scanned
from jixiao.pipelines.value_spaces import value_spaces


def _around(text: str, offsets: list[int]) -> list[str]:
    return [text[i - 1:i + 2] for i in offsets]


def test_a_space_inside_a_field_value_is_a_slip():
    text = "项目名称：2023年城区 污水管网改造工程\n  實施單位：清溪縣水務 服務中心\n主管部门:青松县 水利局\n"
    assert _around(text, value_spaces(text)) == ["区 污", "務 服", "县 水"]
    assert "项目名称:2023年城区污水管网改造工程" in normalize_scanned(text).text


def test_two_fields_on_a_line_and_other_lines_keep_their_spaces():
    text = ("项目名称：城区污水管网 主管部门：县水利局\n项目名称：城区污水管网 实施单位 县水务中心\n"
            "项目名称：城区污水管网  改造\n年度目标：完成 3.5公里\n联系人：王 某\n")
    assert value_spaces(text) == []


def test_a_space_inside_a_key_projects_heading_is_a_slip():
    text = "评价等级为优。\n项目二：乡镇污水处理设施运 维项目\n实施单位：某中心。\n◆项目3：某某 补助\n"
    assert [text[i - 1:i + 2] for i in value_spaces(text)] == ["运 维", "某 补"]
    kept = "项目一：某项目 实施单位：某中心\n"
    assert value_spaces(kept) == []
