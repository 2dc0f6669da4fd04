"""The page header and page counters a document site's preview prints between the rows of one table
(``page_headers``). Invented examples."""

from jixiao.pipelines.page_headers import page_counters, repeated_page_headers

TITLE = "示例县农业农村局2023年度项目支出绩效自评表"


def test_a_title_repeated_inside_the_table_goes_with_its_unit_note():
    cells = [TITLE, "项目名称", "农机补贴", "数量指标", "补贴台数", "≥100台", "105台", "10", "10",
             TITLE, "单位:万元", "质量指标", "合格率", "100%", "100%", "10", "10"]
    assert repeated_page_headers(cells) == {9, 10}


def test_a_new_table_under_the_same_title_keeps_it():
    cells = ["项目支出绩效自评表", "(2023年度)", "项目名称", "甲项目", "总分", "100", "96",
             "项目支出绩效自评表", "(2023年度)", "金额单位:元", "项目名称", "乙项目"]
    assert repeated_page_headers(cells) == set()


def test_a_title_printed_twice_above_the_table_is_left_alone():
    cells = [TITLE, TITLE, "一、项目基本情况", "项目名称", "甲项目"]
    assert repeated_page_headers(cells) == set()


def test_page_counters_need_one_page_count_behind_several_pages():
    cells = ["项目名称", "甲项目", "2/5", "数量指标", "1/3", "3/5", "10"]
    assert page_counters(cells) == {2, 5}  # 1/3 alone may be a value
