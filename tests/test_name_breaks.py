"""A line break a scan or a re-typed copy put inside a project's name printed on lines of its own: dropped; a page
that wraps every value (a narrow column), a name over a numbered line and a row of cells keep their breaks."""

from jixiao.pipelines.name_breaks import name_breaks
from jixiao.pipelines.scan_text import normalize_scanned


def _around(text: str, offsets: list[int]) -> list[str]:
    return [text[i - 2:i + 3] for i in offsets]


def test_a_break_inside_a_name_between_two_labels_is_a_slip():
    text = ("项目名称\n城西片区雨污分流改造工\n程二期\n主管部门\n临川县住建局\n实施单位\n临川县排水公司\n"
            "【项目名称】乡村道路日\n常养护\n【主管部门】青阳县交通局\n項目名稱：白溪鎮茶園\n產業路\n實施單位：白溪鎮人民政府\n")
    assert _around(text, name_breaks(text)) == ["造工\n程二", "路日\n常养", "茶園\n產業"]
    assert "城西片区雨污分流改造工程二期" in normalize_scanned(text).text


def test_printed_lines_under_a_name_label_are_kept():
    narrow = "项目名称：\n农村人居环境\n整治专项资金\n主管部门：\n龙溪县农业\n农村局\n实施单位：\n石桥镇\n人民政府\n年初预算：\n"
    item = "项目名称\n实训基地设备\n3、购置项目\n主管部门\n县教育局\n"
    ends = "项目名称\n城区供水管网改造项目\n二期\n主管部门\n县水务局\n"
    row = "项目名称\t城区供水\t主管部门\t县水务局\n改造\n实施单位\t县水务公司\n"
    assert name_breaks(narrow + item + ends + row) == []


def test_a_page_that_wraps_its_values_without_colons_keeps_its_breaks():
    text = "项目名称\n农村人居环境\n整治提升\n主管部门\n龙溪县农业\n农村局\n实施单位\n石桥镇\n"
    assert name_breaks(text) == []
    assert name_breaks(text.replace("龙溪县农业\n农村局", "龙溪县农业农村局")) == [11]


def test_one_other_value_in_two_pieces_is_no_narrow_column():
    text = "项目名称\n农村人居环境\n整治提升\n主管部门\n龙溪县农业\n农村局\n实施单位\n石桥镇人民政府\n项目资金\n"
    assert name_breaks(text) == [11]


def test_a_name_label_with_a_look_alike_still_heads_the_name():
    text = "顶目名称\n高标准农田建设项目县\n级配套\n主管部门\n宁漳县农业农村局\n实施单位\n宁漳县农田建设服务站\n"
    assert _around(text, name_breaks(text)) == ["目县\n级配"]


def test_a_name_broken_before_the_next_label_of_its_row_is_one_name():
    from jixiao.pipelines.name_breaks import row_name_breaks

    spaced = "项目名称 2024年石岭村茶\n叶加工厂扶持项目 项目负责人及电话 王某0551-1234567\n主管部门 县农业农村局\n"
    colon = "一、项目基本情况\n项目名称：2024年\n乡镇垃圾转运补助  主管部门：清河县城管局\n"
    assert _around(spaced + colon, row_name_breaks(spaced + colon)) == ["村茶\n叶加", "4年\n乡镇"]
    assert "2024年石岭村茶叶加工厂扶持项目" in normalize_scanned(spaced).text


def test_a_name_row_printed_whole_keeps_its_lines():
    from jixiao.pipelines.name_breaks import row_name_breaks

    whole = "项目名称 石岭村茶叶加工厂扶持项目\n主管部门 县农业农村局 实施单位 石岭镇人民政府\n"
    wrapped = "项目名称 石岭村茶叶加工厂 项目负责人及电话 王某\n扶持项目\n主管部门 县农业农村局\n"
    assert row_name_breaks(whole + wrapped) == []
