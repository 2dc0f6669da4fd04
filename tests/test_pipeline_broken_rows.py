"""Tab rows broken by vertical headings, and the 2021 framework's level-1 成本指标 section."""

from functools import lru_cache

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.layout import parse_rows
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.vocab import repair_label

# 成本指标 is a level-1 heading printed one character a line, its row carrying one leading
# empty cell fewer than the row above; 效益指标 opens its row without a leading tab
TABS = """项目支出绩效自评表
项目名称\t社区养老服务补助
主管部门\t某区民政局\t实施单位\t某区养老服务中心
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分
产出指标\t数量指标\t服务老人人数\t≥500人\t520人\t20\t20
\t成
本
指
标\t经济成本指标\t人均补助成本\t≤200元\t180元\t10\t10
\t\t\t项目总成本\t≤10万元\t9.8万元\t10\t9
\t\t社会成本指标\t社会成本\t无\t无\t10\t10
效
益
指
标\t社会效益指标\t老人生活质量\t有所提高\t有所提高\t30\t28
满意度指标\t服务对象满意度指标\t老人满意度\t≥90%\t95%\t20\t19
总分\t\t\t\t\t100\t96
"""


@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    return Extractor.from_settings(load_tagger=False)


def test_vertical_headings_with_ragged_edge_cells_join_their_rows():
    rows = parse_rows(normalize_text(TABS))
    assert all(r.kind == "tabs" for r in rows[1:])
    cost = next(r for r in rows if "人均补助成本" in r.texts)
    assert cost.texts[:4] == ["", "成本指标", "经济成本指标", "人均补助成本"]
    benefit = next(r for r in rows if "老人生活质量" in r.texts)
    assert benefit.texts[:3] == ["效益指标", "社会效益指标", "老人生活质量"]


def test_row_ending_in_a_cell_is_not_glued_to_a_vertical_heading_below():
    text = ("a\tb\tc\td\n\t\t\t名称甲\t1\t2\t无偏差\n\t效\n益\n指\n标\t社会效益指标\t名称乙\t3\t4\n")
    rows = parse_rows(normalize_text(text))
    assert [r.texts for r in rows][1] == ["", "", "", "名称甲", "1", "2", "无偏差"]
    assert rows[2].texts == ["", "效益指标", "社会效益指标", "名称乙", "3", "4"]


def test_level1_cost_section_rows_are_read():
    [project] = _extractor().extract_text(TABS, mode="parser").projects
    got = [(i.level1, i.level2, i.name, i.weight, i.score) for i in project.indicators]
    assert got == [
        ("产出指标", "数量指标", "服务老人人数", 20.0, 20.0),
        ("成本指标", "经济成本指标", "人均补助成本", 10.0, 10.0),
        ("成本指标", "经济成本指标", "项目总成本", 10.0, 9.0),
        ("成本指标", "社会成本指标", "社会成本", 10.0, 10.0),
        ("效益指标", "社会效益指标", "老人生活质量", 30.0, 28.0),
        ("满意度指标", "服务对象满意度指标", "老人满意度", 20.0, 19.0),
    ]


def test_label_repair_substitutes_but_never_inserts_or_deletes():
    assert repair_label("项目名祢") == "项目名称"
    assert repair_label("项目总成本") == "项目总成本"


STRAY_LINES = """项目支出绩效自评表
项目名称\t社区养老服务补助
主管部门\t某区民政局\t实施单位\t某区养老服务中心
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分
产出指标\t数量指标\t服务老人人数\t≥500人\t520人\t20\t20
★
\t\t\t助餐次数\t≥1000次\t1200次\t20\t20
填表人：
\t质量指标\t服务合格率\t≥95%\t98%\t20\t20
效益指标\t社会效益指标\t老人生活质量\t有所提高\t有所提高\t20\t18
满意度指标\t服务对象满意度指标\t老人满意度\t≥90%\t95%\t20\t19
绩效自评总得分\t\t\t\t\t100\t97\t优
"""


def test_a_stray_line_inside_the_table_does_not_end_its_rows():
    [p] = _extractor().extract_text(STRAY_LINES, mode="parser").projects
    assert [i.name for i in p.indicators] == ["服务老人人数", "助餐次数", "服务合格率", "老人生活质量", "老人满意度"]


def test_a_total_score_row_gives_the_score_after_the_weights_total_and_the_grade():
    [p] = _extractor().extract_text(STRAY_LINES, mode="parser").projects
    assert (p.score, p.grade) == (97, "优")


def test_prose_after_the_table_still_ends_it():
    # the line of text is followed by a row that is no indicator row: the rows after it are not read
    text = STRAY_LINES.replace("绩效自评总得分\t\t\t\t\t100\t97\t优\n", "本项目总体完成较好，下一步将继续加强管理。\n"
                               "附件\t说明材料\t见附件\n\t\t\t额外指标\t≥1个\t1个\t5\t5\n")
    [p] = _extractor().extract_text(text, mode="parser").projects
    assert len(p.indicators) == 5
