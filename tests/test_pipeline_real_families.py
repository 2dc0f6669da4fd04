"""Layout families of tables other bureaus publish (see shared/real-layouts), each in an invented example.

Each test prints one small table the way a family prints it and checks the record the parser reads, so that a
change that breaks a family fails here, not only in the real-layouts score.
"""

import pytest

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.layout import parse_rows, space_rows
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.printed_numbers import parse_amount


def _project(extractor, text):
    record = extractor.extract_text(text, doc_id="t", mode="parser")
    assert len(record.projects) == 1
    return record.projects[0]


def _rows(p):
    return [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]


def _reading(p):
    """Fields, the funds total (budget, executed, rate) and the rows' categories, names, targets and actuals."""
    return ((p.name, p.department, p.implementer),
            (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate),
            [(i.level1, i.level2, i.name, i.target, i.actual) for i in p.indicators])


# one cell per line closed by a pipe, rows ended by pipe-only filler lines; merged cells dropped
PIPE_CELLS = "\n".join([
    "项目支出绩效自评表 |", "||||||||",
    "项目名称 |", "河湖巡查保洁经费 |", "||||||||",
    "主管部门 |", "示例县水利局 |", "实施单位 |", "示例县河道站 |", "||||||||",
    "项目资金 (万元) |", "|", "年初预算数 |", "全年预算数 |", "全年执行数 |", "分值 |", "执行率 |", "得分 |", "||||||",
    "年度资金总额 |", "40万 |", "40万 |", "36万 |", "10 |", "90% |", "9 |", "||||||",
    "绩 效 指 标 |", "一级指标 |", "二级指标 |", "三级指标 |", "年度 指标值 |", "实际 完成值 |", "分值 |", "得分 |",
    "偏差原因 |", "||||||",
    "产出指标 |", "数量指标 |", "巡查河道长度 |", "≥120公里 |", "126公里 |", "20 |", "20 |", "|", "||||||",
    "保洁频次 |", "每周2次 |", "每周2次 |", "10 |", "10 |", "|", "||||||",
    "总分 |", "90 |", "||||||",
])


def test_pipe_terminated_cells_are_rows(extractor):
    p = _project(extractor, PIPE_CELLS)
    assert (p.name, p.department, p.implementer) == ("河湖巡查保洁经费", "示例县水利局", "示例县河道站")
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (400000, 400000, 360000)
    assert _rows(p) == [
        ("产出指标", "数量指标", "巡查河道长度", "≥120公里", "126公里", 20, 20),
        ("产出指标", "数量指标", "保洁频次", "每周2次", "每周2次", 10, 10),  # merged categories carried
    ]


def test_pipe_cells_keep_offsets():
    norm = normalize_text(PIPE_CELLS)
    cell = next(c for r in parse_rows(norm) for c in r.cells if c.clean == "河湖巡查保洁经费")
    start, end = norm.span(cell.start, cell.end)
    assert PIPE_CELLS[start:end].strip() == "河湖巡查保洁经费"


# pipe rows padded with runs of empty cells, broken inside a row (header after a pipe, a row-spanning level-1)
PADDED = "\n".join([
    "项目名称 | 示例社区公园提升工程 | ||||||||",
    "主管部门 | 示例区住建局 | 实施单位 | 示例街道办事处 | |||||||",
    "全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 | |||||",
    "年度资金总额: | 35.6 | 35.6 | 10 | 100% | 10 | |||||",
    "绩效指标 | 一级 指标 |",
    "二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 偏差原因 | ||",
    "产 出 指 标 (50分) |",
    "数量指标 | ★新建健身步道长度 | 20 | 1.2公里 | 1.2公里 | 20 | ||||",
    "其中塑胶步道 | 0.8公里 | 0.8公里 | |||||||",
    "质量指标 | ||||||||||",
    "工程验收合格率 | 10 | 100% | 100% | 10 | ||||||",
    "总分 | 98分 | ||||||||",
])


def test_padded_pipe_rows_broken_inside_a_row(extractor):
    p = _project(extractor, PADDED)
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (356000, 356000, 100)
    assert p.score == 98
    assert _rows(p) == [
        ("产出指标", "数量指标", "★新建健身步道长度", "1.2公里", "1.2公里", 20, 20),
        ("产出指标", "数量指标", "其中塑胶步道", "0.8公里", "0.8公里", None, None),
        ("产出指标", "质量指标", "工程验收合格率", "100%", "100%", 10, 10),
    ]


# cells separated by spaces, one table row per line, after a page's metadata lines
SPACES = "\n".join([
    "发布机构: 示例镇人民政府 文  号:",
    "项目名称 示例财发(2023)8号 乡村道路养护经费 项目负责人及电话 王某0550-1234567",
    "主管部门 示例县交通局 实施单位 示例镇人民政府",
    "资金来源 年初预算数 全年预算数 全年执行数 分值权重 执行率 得分",
    "年度资金总额 48 48 46.2 10 96.25% 9.63",
    "绩效指标 一级",
    "指标",
    "二级指标 三级指标 分值 年度指标值 全年实际值 得分",
    "产出指标(50分) 数量指标 养护农村公路里程 10 ≥120公里 126公里 10",
    "        其中砂石路面 20公里 22公里",
    "质量指标 路面完好率 10 ≥90% 93% 10",
])


def test_space_separated_rows(extractor):
    p = _project(extractor, SPACES)
    assert p.name == "示例财发(2023)8号乡村道路养护经费"  # the value's space is not a cell boundary
    assert (p.department, p.implementer) == ("示例县交通局", "示例镇人民政府")
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (480000, 480000, 462000)
    assert _rows(p) == [
        ("产出指标", "数量指标", "养护农村公路里程", "≥120公里", "126公里", 10, 10),
        ("产出指标", "数量指标", "其中砂石路面", "20公里", "22公里", None, None),
        ("产出指标", "质量指标", "路面完好率", "≥90%", "93%", 10, 10),
    ]


def test_spaced_out_words_stay_one_cell():
    norm = normalize_text("产 出 指 标 数量指标 养护里程 10")
    row = parse_rows(space_rows(norm), one_row_per_line=True)[0]
    assert [c.clean for c in row.cells] == ["产出指标", "数量指标", "养护里程", "10"]


@pytest.mark.parametrize("cell,value", [("180万", 180.0), ("180万元", 180.0), ("1,068", 1068.0), ("万元", None)])
def test_amount_cells_may_repeat_their_unit(cell, value):
    assert parse_amount(cell) == value


# a traditional-Chinese mirror page with inline pinyin, space-separated rows
MIRROR = "\n".join([
    "項目名稱 鄉村道路養護(hù)經費",
    "主管部門 示例縣交通局 實施單位 示例鎮人民政府",
    "年初預算數 全年預算數 全年執行(xíng)數 分值 執行率 得分",
    "年度資金總額 48 48 46.2 10 96.25% 9.63",
    "一級指標(biāo) 二級指標(biāo) 三級指標(biāo) 年度指標值 實際完成值 分值 得分",
    "產(chǎn)出指標(biāo) 數(shù)量指標(biāo) 養護(hù)農村公路里程 ≥120公里 126公里 10 10",
])


def test_mirror_pages_are_read_and_printed_as_printed(extractor):
    p = _project(extractor, MIRROR)
    assert p.name == "鄉村道路養護(hù)經費"  # the value as printed, pinyin included
    assert (p.department, p.funds.executed) == ("示例縣交通局", 462000)
    assert _rows(p) == [("产出指标", "数量指标", "養護(hù)農村公路里程", "≥120公里", "126公里", 10, 10)]


def test_pinyin_is_dropped_from_the_text_the_parsers_read():
    norm = normalize_text("績效目標(biāo)(A) 預(yù)算")
    assert norm.text == "绩效目标(A) 预算"  # (A) is no pinyin
    assert norm.printed(0, len(norm.text)) == "績效目標(biāo)(A)預(yù)算"


# a prose report: title line, printed fields in sentences, one indicator a numbered sentence
PROSE = "\n".join([
    "示例县2023年度乡村道路养护经费项目支出绩效自评报告",
    "一、自评结论",
    "通过项目的实施,农村公路列养率保持100%。因此评价分96分,自评等级为优秀。",
    "1.农村公路养护里程,年初目标值≥120公里,实际完成值126公里,自评得分20分;",
    "2.路面完好率,目标值≥90%,实际完成值93%,自评得分18分;",
    "二、项目基本情况",
    "项目主管部门:示例县交通运输局。",
])


def test_prose_report_named_by_its_title(extractor):
    p = _project(extractor, PROSE)
    # (the 项目 of 项目支出 after a fund's name is the report's word: the blind sets' labellers, invab and invac)
    assert (p.name, p.department) == ("乡村道路养护经费", "示例县交通运输局")
    assert (p.score, p.grade) == (96, "优")  # not an indicator sentence's 自评得分
    assert [(i.name, i.target, i.actual, i.score) for i in p.indicators] == [
        ("农村公路养护里程", "≥120公里", "126公里", 20),
        ("路面完好率", "≥90%", "93%", 18),
    ]


def test_a_name_field_overrides_the_title(extractor):
    p = _project(extractor, PROSE + "\n项目名称:2023年示例县乡村道路养护经费项目。")
    assert p.name == "2023年示例县乡村道路养护经费项目"


def test_a_title_naming_only_a_unit_is_no_project(extractor):
    record = extractor.extract_text("示例县交通运输局2023年度项目支出绩效自评报告\n一、基本情况\n本单位...", mode="parser")
    assert record.projects == []


def test_prose_indicators_run_together_under_their_category(extractor):
    text = "\n".join([
        "示例补助资金转移支付2023年度绩效自评报告",
        "(四)绩效指标完成情况分析",
        "1.时效指标。补助资金每季度末发放指标为100%实际完成值为100%补助资金年底前清算指标为100%实际完成值为96%",
        "2.成本指标按核定标准核发指标为100%实际完成值为100%",
    ])
    p = _project(extractor, text)
    assert p.name == "示例补助资金转移支付"
    assert [(i.level1, i.level2, i.name, i.target, i.actual) for i in p.indicators] == [
        ("产出指标", "时效指标", "补助资金每季度末发放", "100%", "100%"),
        ("产出指标", "时效指标", "补助资金年底前清算", "100%", "96%"),
        ("产出指标", "成本指标", "按核定标准核发", "100%", "100%"),  # the heading opens the name
    ]


# separate 指标性质 (operator) / 指标值 / 度量单位 columns, the operator printed in words
OPERATOR_WORDS = """项目名称 |
示例县森林防火经费 |
|||||||||
主管部门 |
示例县林业局 |
实施单位 |
示例县林业站 |
|||||||||
项目资金(万元) |
年初预算数 |
全年预算数 |
全年执行数 |
分值 |
执行率 |
得分 |
|||||||||
年度资金总额 |
20 |
20 |
18 |
10 |
90% |
9 |
|||||||||
一级指标 |
二级指标 |
三级指标 |
指标性质 |
指标值 |
度量单位 |
完成值 |
权重 |
得分 |
|||||||||
产出指标 |
数量指标 |
巡护面积 |
大于等于 |
5000 |
亩 |
5200 |
20 |
20 |
|||||||||
质量指标 |
火灾受害率 |
小于 |
0.9 |
‰ |
0.5 |
20 |
18 |
|||||||||
"""


@pytest.mark.parametrize("header", ["指标性质", "指标方向"])
def test_operators_in_words_stay_in_their_column(extractor, header):
    p = _project(extractor, OPERATOR_WORDS.replace("指标性质 |", f"{header} |"))
    assert _rows(p) == [
        ("产出指标", "数量指标", "巡护面积", "大于等于5000亩", "5200", 20, 20),
        ("产出指标", "质量指标", "火灾受害率", "小于0.9‰", "0.5", 20, 18),
    ]


def test_prose_totals_in_other_words(extractor):
    text = ("示例县2020年度基层调解经费绩效自评报告\n一、基本情况\n"
            "2020年度县财政划给县司法局基层调解经费,指标金额是86万元,实际拨付金额是84.5万元。\n")
    p = _project(extractor, text)
    assert (p.name, p.funds.annual_budget, p.funds.executed) == ("基层调解经费", 860000, 845000)


@pytest.mark.parametrize("table", [PIPE_CELLS, PADDED], ids=["pipe-terminated cells", "padded pipe rows"])
def test_pipe_tables_run_into_one_line_are_read(extractor, table):
    """Line breaks lost (newlines and tabs collapsed to spaces): the empty-cell runs still end the rows."""
    as_printed = _project(extractor, table)
    collapsed = _project(extractor, " ".join(table.split()))
    assert collapsed.model_dump(exclude={"provenance", "confidence", "checks"}) == \
        as_printed.model_dump(exclude={"provenance", "confidence", "checks"})


def test_a_prose_title_is_found_in_collapsed_text(extractor):
    p = _project(extractor, " ".join(PROSE.split()))
    assert (p.name, p.score) == ("乡村道路养护经费", 96)


# one cell per line, a blank line between cells, nothing between rows (a Word table in a preview)
BLANK_CELLS = "\n\n".join([
    "转移支付(项目)名称", "示例县农村供水保障资金", "负责人及电话", "王某13800000000",
    "地方主管部门", "示例县水利局", "实施单位", "示例县供水站",
    "项目资金(万元)", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)",
    "年度资金总额:", "120", "108", "90%",
    "其中:中央资金", "100", "90", "90%",
    "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施",
    "产出指标", "数量指标", "新建供水点数量", "≥12个", "12个", "无",
    "质量指标", "水质达标率", "≥95%", "97%",
    "效益指标", "社会效益指标", "受益人口数量", "≥3000人", "3200人",
])


def test_one_cell_per_line_with_nothing_between_rows(extractor):
    assert _reading(_project(extractor, BLANK_CELLS)) == (
        ("示例县农村供水保障资金", "示例县水利局", "示例县供水站"), (1200000, 1080000, 90), [
            ("产出指标", "数量指标", "新建供水点数量", "≥12个", "12个"),
            ("产出指标", "质量指标", "水质达标率", "≥95%", "97%"),
            ("效益指标", "社会效益指标", "受益人口数量", "≥3000人", "3200人"),
        ])


def test_a_summary_paragraph_gives_what_its_table_lacks(extractor):
    summary = "示例县河湖巡查保洁经费项目绩效自评综述:根据年初设定的绩效目标,项目绩效自评得分为92分。\n"
    p = _project(extractor, summary + PIPE_CELLS.replace("总分 |\n90 |\n", ""))
    assert p.name == "河湖巡查保洁经费" and p.score == 92


def test_a_project_department_label(extractor):
    text = PADDED.replace("主管部门 | 示例区住建局", "项目主管部门 | 示例区住建局")
    assert _project(extractor, text).department == "示例区住建局"


# each row's cells run together with no separator, one row a line
RUN_TOGETHER = "\n".join([
    "转移支付(项目)名称示例县农村公路养护补助资金",
    "中央主管部门财政部",
    "地方主管部门示例县交通运输局资金使用单位示例县公路养护站",
    "全年预算数(A)全年执行数(B)预算执行率(B/A)",
    "年度资金总额:12001200100%",
    "一级指标二级指标三级指标指标值全年实际完成值",
    "产出指标数量指标养护农村公路里程3030",
    "质量指标路面优良率达标2020",
    "效益指标社会效益指标群众出行条件改善1010",
])


def test_cells_run_together(extractor):
    assert _reading(_project(extractor, RUN_TOGETHER)) == (
        ("示例县农村公路养护补助资金", "示例县交通运输局", "示例县公路养护站"), (12000000, 12000000, 100), [
            ("产出指标", "数量指标", "养护农村公路里程", "30", "30"),
            ("产出指标", "质量指标", "路面优良率达标", "20", "20"),
            ("效益指标", "社会效益指标", "群众出行条件改善", "10", "10"),
        ])


# the same, with narrow category cells wrapped onto the line above their row, and a note under the table
RUN_TOGETHER_WRAPPED = "\n".join([
    *RUN_TOGETHER.split("\n")[:-1],
    "效益指标经济效益",
    "指标",
    "带动沿线农产品销售1515",
    "满意度指标服务对象",
    "满意度指标",
    "沿线群众满意度9090",
    "说明",
    "注:1.资金使用单位按项目填报,主管部门汇总时按区域填报。",
])


def test_cells_run_together_with_wrapped_category_cells(extractor):
    rows = _reading(_project(extractor, RUN_TOGETHER_WRAPPED))[2]
    assert rows[-2:] == [
        ("效益指标", "经济效益指标", "带动沿线农产品销售", "15", "15"),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "90", "90"),
    ]  # and the note's labels (资金使用单位, 主管部门) are no indicators
    assert len(rows) == 4


@pytest.mark.parametrize("run,parts", [
    ("26502650100%", ["2650", "2650", "100%"]),
    ("12001200100%", ["1200", "1200", "100%"]),
    ("1009090%", ["100", "90", "90%"]),
    ("000%", None),  # a zero rate fits any split: none is certain
])
def test_amounts_run_together_split_only_by_their_rate(run, parts):
    from jixiao.pipelines.run_together import split_rate_run

    assert split_rate_run(run) == parts


WRAPPED_HEADER = open(__file__.replace("test_pipeline_real_families.py", "data/real_families/wrapped_header.txt"),
                      encoding="utf-8").read()


def test_a_header_wrapped_over_two_lines(extractor):
    """年度 / 实际 on the header row, 指标值 / 完成值 below: the columns are 年度指标值 and 实际完成值; spaced
    digits (8 8) in space rows are two cells."""
    p = _project(extractor, WRAPPED_HEADER)
    assert _rows(p) == [
        ("产出指标", "数量指标", "巡查点位数量", "40个", "42个", 8, 8),
        ("产出指标", "质量指标", "巡查合格率", "≥95%", "97%", 8, 7),
    ]


def test_a_rate_printed_as_a_fraction(extractor):
    text = SPACES.replace("年度资金总额 48 48 46.2 10 96.25% 9.63", "年度资金总额 48 48 46 10 0.958 9.58")
    assert _project(extractor, text).funds.execution_rate == 95.8


def test_prose_sentences_with_weight_and_score(extractor):
    text = "\n".join([
        "示例市计量所2023年度计量标准建设项目绩效自评报告",
        "1、数量指标",
        "1)新建计量标准数量(项),目标值3,完成值3,分值6,得分6。",
        "2、进度指标",
        "1)按期完成建标考核,目标值100%,完成值100%,分值5,得分5。",
    ])
    p = _project(extractor, text)
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("数量指标", "新建计量标准数量(项)", "3", "3", 6, 6),
        ("时效指标", "按期完成建标考核", "100%", "100%", 5, 5),  # 进度指标 is the older name of 时效指标
    ]


def test_the_pipeline_config_names_the_readers():
    from jixiao.pipelines.pipeline import PIPELINE, PipelineConfig
    from jixiao.pipelines.readers import READERS

    assert {PIPELINE.first_reader, *PIPELINE.alternative_readers, *PIPELINE.last_resort_readers} == set(READERS)
    with pytest.raises(ValueError, match="unknown reader"):
        PipelineConfig(alternative_readers=("space_rows", "no_such_reader"))


def test_a_pipeline_without_a_reader_does_not_read_its_layout():
    from jixiao.pipelines.pipeline import PipelineConfig

    without = Extractor.from_settings(load_tagger=False)
    without = Extractor(mapper=without.mapper, settings=without.settings,
                        pipeline=PipelineConfig(alternative_readers=("collapsed", "cell_stream")))
    with_all = Extractor(mapper=without.mapper, settings=without.settings)
    assert with_all.extract_text(SPACES, mode="parser").projects[0].name == "示例财发(2023)8号乡村道路养护经费"
    assert "table read from space-separated rows" not in (without.extract_text(SPACES, mode="parser").meta.get("notes") or [])


def test_pipe_tables_with_a_cell_broken_over_two_lines(extractor):
    """A line break inside a cell (a scan or a copy): the padded row and the pipe-closed cell are one again."""
    padded = PADDED.replace("★新建健身步道长度", "★新建健身\n步道长度")
    cells = PIPE_CELLS.replace("河湖巡查保洁经费 |", "河湖巡查\n保洁经费 |")
    assert _rows(_project(extractor, padded)) == _rows(_project(extractor, PADDED))
    assert _project(extractor, cells).name == "河湖巡查保洁经费"


def test_one_cell_per_line_collapsed(extractor):
    """Collapsed, the blank line between two cells is two spaces: those are the cell breaks again."""
    collapsed = BLANK_CELLS.replace("\n", " ")
    assert _reading(_project(extractor, collapsed)) == _reading(_project(extractor, BLANK_CELLS))


# a prose report whose excerpt starts after its title: the phrase it keeps repeating names the project
UNTITLED_PROSE = "\n".join([
    "一、绩效目标分解下达情况",
    "(一)下达示例镇农田水利设施维修项目预算和绩效目标情况。2024年示例镇农田水利设施维修项目预算资金合计120.5万元。",
    "(二)资金安排情况。年初预算合计130万元,全年预算执行数合计120.5万元。通过实施示例镇农田水利设施维修项目,"
    "改善了灌溉条件。",
    "1.项目资金到位情况分析。示例镇农田水利设施维修项目资金全年预算数120.5元。",
])


def test_an_untitled_prose_report_is_named_by_its_repeated_project_phrase(extractor):
    p = _project(extractor, UNTITLED_PROSE)
    assert p.name == "示例镇农田水利设施维修项目"
    # the one statement without 万 among 万元 statements is not the budget
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (1300000, 1205000, 1205000)


def test_prose_that_repeats_no_project_phrase_announces_none(extractor):
    text = "一、基本情况\n本年度完成了示例工作。\n二、资金情况\n全年预算执行数合计10万元。"
    assert extractor.extract_text(text, doc_id="t", mode="parser").projects == []


# a scoring template whose 一级 and 二级 columns carry their own 分值, one cell per line with blank lines between
# cells, no 项目名称 row (the title names the project); rows under 项目决策 / 项目管理 are no indicators
TIERED = "\n\n".join([
    "示例水库维修项目绩效自评表",
    "项目实施单位", "示例县水库管理站", "主管部门", "示例县水利局",
    "二、绩效评价指标评分",
    "一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分",
    "项目决策", "20", "项目目标", "8", "目标内容", "8", "8",
    "资金分配", "12", "分配办法", "12", "10",
    "项目绩效", "80", "项目产出", "50", "维修完成数量", "30", "30",
    "维修质量", "20", "18",
])


def test_a_tiered_scoring_template_one_cell_per_line(extractor):
    p = _project(extractor, TIERED)
    assert (p.name, p.department, p.implementer) == ("示例水库维修项目", "示例县水利局", "示例县水库管理站")
    assert _rows(p) == [
        ("产出指标", None, "维修完成数量", None, None, 30.0, 30.0),
        ("产出指标", None, "维修质量", None, None, 20.0, 18.0),
    ]


# space rows with detail sub-rows (a parent row prints 分值 and 得分, its detail rows the target and actual), with
# newlines collapsed to spaces: the rows are told apart by their cells, not their line breaks
DETAIL_ROWS = "\n".join([
    "项目名称 示例镇特色种植奖补项目",
    "主管部门 示例县农业农村局 实施单位 示例镇人民政府",
    "全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分",
    "年度资金总额: 20 20 10 100.00% 10",
    "一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分 未完成原因及拟采取的改进措施",
    "产出指标 数量指标 ★补助特色作物种植面积 20 20",
    "    花生种植面积 7.5亩 7.5亩",
    "    西瓜种植面积 5亩 5亩",
    "★补助养殖数量 20 18",
    "    肉兔养殖数量 120只 100只",
])


def test_detail_sub_rows_collapsed(extractor):
    p = _project(extractor, " ".join(DETAIL_ROWS.split()))
    assert _rows(p) == [
        ("产出指标", "数量指标", "★补助特色作物种植面积", None, None, 20.0, 20.0),
        ("产出指标", "数量指标", "花生种植面积", "7.5亩", "7.5亩", None, None),
        ("产出指标", "数量指标", "西瓜种植面积", "5亩", "5亩", None, None),
        ("产出指标", "数量指标", "★补助养殖数量", None, None, 20.0, 18.0),
        ("产出指标", "数量指标", "肉兔养殖数量", "120只", "100只", None, None),
    ]


# a prose report whose indicator sentences open with their category (1.数量指标：…) and whose totals and grade are
# stated in other common words (年初预算数为, 全年预算资金, 等级为优)
PROSE_CATEGORY_SENTENCES = "\n".join([
    "示例县农业农村局2023年度农机购置补贴项目支出绩效自评报告",
    "一、项目基本情况",
    "2023年该项目年初预算数为120万元，全年预算资金150万元，全年执行数为142.5万元，预算执行率为95%。",
    "二、绩效目标完成情况",
    "（一）产出指标",
    "1.数量指标：补贴机具数量，目标值≥300台，实际完成320台。",
    "2.质量指标：补贴机具合格率，目标值100%，实际完成100%。",
    "三、自评结论",
    "经自评，该项目自评得分为96分，等级为优。",
])


def test_prose_indicator_sentences_opening_with_their_category(extractor):
    p = _project(extractor, PROSE_CATEGORY_SENTENCES)
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (1200000, 1500000, 1425000)
    assert (p.score, p.grade) == (96, "优")
    assert _reading(p)[2] == [
        ("产出指标", "数量指标", "补贴机具数量", "≥300台", "320台"),
        ("产出指标", "质量指标", "补贴机具合格率", "100%", "100%"),
    ]


def test_prose_indicator_sentences_collapsed(extractor):
    """Line breaks collapsed: a numbered sentence after a space still opens, and a category heading run into
    its sentence (（一）产出指标 1.数量指标：…, 成本指标按标准核发) gives the category, not the name."""
    text = " ".join(PROSE_CATEGORY_SENTENCES.split("\n")).replace("1.数量指标：", "1.数量指标")
    rows = _reading(_project(extractor, text))[2]
    assert rows == [
        ("产出指标", "数量指标", "补贴机具数量", "≥300台", "320台"),
        ("产出指标", "质量指标", "补贴机具合格率", "100%", "100%"),
    ]


@pytest.mark.parametrize("sentence,funds", [
    ("该项目预算资金80万元，实际支出76万元，预算执行率95%。", (None, 800000, 760000, 95)),
    ("年初预算80万元，调整后预算85万元，实际执行76万元。", (800000, 850000, 760000, None)),
    ("项目总预算80万元，全年实际支出76万元，预算执行率为95.00%。", (None, 800000, 760000, 95)),
    ("本年度预算金额80万元，执行金额76万元，执行率95%。", (None, 800000, 760000, 95)),
    ("年初预算资金80万元，全年预算数85万元。", (800000, 850000, None, None)),
])
def test_prose_fund_sentences_in_plainer_words(extractor, sentence, funds):
    p = _project(extractor, "农村公路养护项目绩效自评报告\n一、基本情况\n" + sentence + "\n自评得分92分。")
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == funds


def test_a_row_cut_off_by_the_end_of_the_text_is_no_indicator(extractor):
    """Contract: a row cut off by the end of the text is not an indicator (its remark stops at 改进措施:)."""
    head = PLAIN_ROWS_TEXT.split("\n")
    cut = "\n".join([*head, "满意度指标\t服务对象满意度指标\t沿线群众满意度\t≥90%\t93%\t20\t19\t部分群众反映", "改进措施:"])
    names = [i.name for i in _project(extractor, cut).indicators]
    assert "沿线群众满意度" not in names and names[-1] == "路面优良率"
    signed = "\n".join([*head, "填报人:"])  # an empty signature field at the end is no cut
    assert [i.name for i in _project(extractor, signed).indicators][-1] == "路面优良率"


PLAIN_ROWS_TEXT = "\n".join([
    "项目名称\t示例乡村道路养护经费",
    "主管部门\t示例县交通运输局\t实施单位\t示例县公路站",
    "项目资金(万元)\t全年预算数\t全年执行数\t执行率",
    "年度资金总额\t48\t46.2\t96.25%",
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    "产出指标\t数量指标\t养护农村公路里程\t≥120公里\t126公里\t20\t20\t",
    "\t质量指标\t路面优良率\t≥85%\t83%\t20\t18\t",
])


MERGED_ALLOTMENT = "\n".join([
    "项目名称 群众文化活动经费",
    "主管部门 示例区文化和旅游局 实施单位 示例区文化馆",
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 得分计算方法 偏差原因分析及改进措施",
    "产出指标 数量指标 举办群众文化活动场次 ≥40场 42场 20 20 完成得满分 -",
    "(50分) 质量指标 活动安全事故发生次数 0次 0次 10 10 完成得满分 -",
    "时效指标 活动按计划完成率 100% 100% 10 10 完成得满分 -",
    "",
])


def test_a_merged_level1_cells_allotment_opening_a_row(extractor):
    """产出指标 / (50分) wrapped in a merged cell: the allotment opens the second row, which is still a row."""
    p = _project(extractor, MERGED_ALLOTMENT)
    assert [r[1:5] for r in _rows(p)] == [
        ("数量指标", "举办群众文化活动场次", "≥40场", "42场"), ("质量指标", "活动安全事故发生次数", "0次", "0次"),
        ("时效指标", "活动按计划完成率", "100%", "100%")]


PAGE_BREAK_ROWS = [
    "项目名称\t农村饮水安全维修养护",
    "主管部门\t示例县水利局\t实施单位\t示例县农村供水站",
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
    "产出指标\t数量指标\t维修供水工程处数\t≥30处\t32处\t20\t20",
    "产出指标\t质量指标\t维修工程验收合格率\t100%\t100%\t20\t20",
    "效益指标\t社会效益指标\t受益人口\t≥1.2万人\t1.3万人\t30\t30",
    "总分\t\t\t\t\t100\t99",
]


@pytest.mark.parametrize("title", ["农村饮水安全维修养护项目支出绩效自评表（续）", "续表"])
def test_a_table_going_on_over_a_page_break(extractor, title):
    """The table's title marked as continued and its header repeat at the top of the next page: one table."""
    rows = [*PAGE_BREAK_ROWS[:5], "", "- 2 -", "", title, PAGE_BREAK_ROWS[2], *PAGE_BREAK_ROWS[5:]]
    p = _project(extractor, "\n".join(rows) + "\n")
    assert ([r[2] for r in _rows(p)], p.score) == (["维修供水工程处数", "维修工程验收合格率", "受益人口"], 99)


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_the_total_row_after_cells_one_a_line_gives_the_score(extractor, sep):
    """总分 / 100 / 95 closing the indicator rows of a table printed one cell a line: the project's score."""
    cells = [c for row in PAGE_BREAK_ROWS for c in row.split("\t") if c]
    p = _project(extractor, sep.join(cells) + "\n")
    assert (len(p.indicators), p.score) == (3, 99)


def test_a_mirror_pages_grade_on_the_line_below_its_label(extractor):
    """One cell a line: 自評等級 and 優 on two lines; the grade is the category 优 (a mirror prints 優)."""
    lines = [
        "項目名稱", "鄉村道路養護(hù)經費", "主管部門", "示例縣交通局", "實施單位", "示例鎮人民政府",
        "項目資金(萬元)", "全年預算數", "全年執行(xíng)數", "執行率", "年度資金總額", "48", "46.2", "96.25%",
        "一級指標(biāo)", "二級指標(biāo)", "三級指標(biāo)", "年度指標值", "實際完成值", "分值", "得分",
        "產(chǎn)出指標(biāo)", "數(shù)量指標(biāo)", "養護(hù)農村公路里程", "≥120公里", "126公里", "50", "50",
        "效益指標(biāo)", "社會效益指標(biāo)", "群眾出行便利度", "提升", "提升", "50", "46",
        "總分", "100", "96", "自評等級", "優",
    ]
    p = _project(extractor, "\n".join(lines))
    assert (p.score, p.grade) == (96, "优")
