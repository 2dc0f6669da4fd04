"""The project-fields reader: labels and their values (every example invented)."""

from jixiao.pipelines.layout import parse_rows
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.project_fields import read_project_fields


def _fields(text):
    got = read_project_fields(parse_rows(normalize_text(text)))
    return {k: (v.text if v is not None else None) for k, v in got.items()}


def test_a_row_of_labels_with_their_values_on_the_next_row():
    """中央主管部门 / 地方主管部门 / 资金使用单位 as a header row, the values under them: each label takes its own."""
    text = ("转移支付(项目)名称\t2023年示例县农村公路养护补助\t\n"  # (three cells a row, as the table prints)
            "中央主管部门\t地方主管部门\t资金使用单位\n"
            "交通运输部\t示例县交通运输局\t示例县公路事务中心\n")
    got = _fields(text)
    assert (got["department"], got["implementer"]) == ("示例县交通运输局", "示例县公路事务中心")


def test_a_label_row_over_a_row_of_other_cells_is_not_paired():
    """Values must stand one under each label: a row under the labels printing another count pairs nothing."""
    text = ("项目名称\t示例项目\t\n"
            "主管部门\t实施单位\t\n"
            "示例县交通运输局\n")
    got = _fields(text)
    assert got["department"] is None and got["implementer"] is None


def test_a_funds_table_header_after_the_name_label_is_no_name():
    """项目名称　预算数　执行数　执行率 (a small funds table inside a prose report): a header row, no name."""
    text = "项目名称\t预算数\t执行数\t执行率\n示例社会化服务项目\t580\t562.6\t97%\n"
    assert _fields(text).get("name") is None
