"""A whole table run into one line with no separator (a document site's preview): invented forms."""

from __future__ import annotations

import opencc
import pytest

from jixiao.eval.variants import collapse
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.flat_run import RowShape, row_cells, values_to_end
from jixiao.pipelines.run_together import split_rate_run

ROWS = [
    ["项目名称", "森林防火巡护经费"], ["主管部门", "青山区应急管理局", "实施单位", "青山区森林消防大队"],
    ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "执行率"], ["年度资金总额", "80", "80", "76", "95%"],
    ["年度总体目标", "预期目标", "实际完成情况"], ["完成全年森林防火巡护任务", "完成巡护任务,未发生重大火情"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
    ["产出指标", "数量指标", "巡护里程", "≥5000公里", "5230公里"],
    ["巡护车辆维修次数", "不超过12次", "9次"],
    ["质量指标", "火情发现及时率", "100%", "100%"],
    ["时效指标", "巡护完成时间", "2023年12月底前", "2023年12月"],
    ["效益指标", "社会效益指标", "森林火灾发生率", "≤0.5‰", "0.2‰"],
    ["满意度指标", "服务对象满意度指标", "林区群众满意度", "≥90%", "达成预期指标"],
]
EXPECTED = [
    ("数量指标", "巡护里程", "≥5000公里", "5230公里"),
    ("数量指标", "巡护车辆维修次数", "不超过12次", "9次"),
    ("质量指标", "火情发现及时率", "100%", "100%"),
    ("时效指标", "巡护完成时间", "2023年12月底前", "2023年12月"),
    ("社会效益指标", "森林火灾发生率", "≤0.5‰", "0.2‰"),
    ("服务对象满意度指标", "林区群众满意度", "≥90%", "达成预期指标"),
]
PREVIEW_JUNK = "上传人:张** 文档编号:123 格式:DOCX 页数:2\n第1页 / 共2页\n\n"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.from_settings(load_tagger=False)


def _run() -> str:
    return "".join("".join(r) for r in ROWS)


def _read(extractor: Extractor, text: str):
    record = extractor.extract_text(text, doc_id="flat", mode="parser")
    assert len(record.projects) == 1, record.meta
    return record.projects[0]


def test_a_run_reads_its_project_funds_and_rows(extractor):
    p = _read(extractor, PREVIEW_JUNK + "1、" + _run() + "\n")
    assert (p.name, p.department, p.implementer) == ("森林防火巡护经费", "青山区应急管理局", "青山区森林消防大队")
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (
        800000.0, 800000.0, 760000.0, 95.0)
    assert [(i.level2, i.name, i.target, i.actual) for i in p.indicators] == EXPECTED


def test_a_chunk_marker_inside_a_name_is_taken_out(extractor):
    run = _run()
    cut = run.index("火情发现及时率") + 3  # the preview's next chunk starts inside the name
    p = _read(extractor, run[:cut] + "\n\n2、" + run[cut:] + "\n")
    assert [(i.level2, i.name, i.target, i.actual) for i in p.indicators] == EXPECTED


@pytest.mark.parametrize("word, at, gap", [("火情发现及时率", 3, "\n\n"), ("≥90%", 2, "\n\n"),
                                          # chunks one a line, no blank line: the break leaves a single space
                                          ("火情发现及时率", 3, "\n"), ("5230公里", 4, "\n")])
def test_a_chunk_marker_left_inside_collapsed_text_is_taken_out(extractor, word, at, gap):
    """Newlines collapsed to spaces: the break before 2、 is a space or a run of them inside the line, in a name or
    a value or between two cells."""
    run = _run()
    cut = run.index(word) + at
    p = _read(extractor, collapse(PREVIEW_JUNK + run[:cut] + gap + "2、" + run[cut:] + "\n"))
    assert [(i.level2, i.name, i.target, i.actual) for i in p.indicators] == EXPECTED


def test_a_traditional_mirror_with_pinyin_reads_the_same_rows(extractor):
    text = opencc.OpenCC("s2t").convert(_run()).replace("標", "標(biāo)").replace("數", "數(shù)")
    p = _read(extractor, text + "\n")
    assert len(p.indicators) == len(EXPECTED)
    assert [(i.target, i.actual) for i in p.indicators][0] == ("≥5000公里", "5230公里")
    assert p.funds.executed == 760000.0


def test_a_number_inside_a_name_does_not_cut_it():
    piece = "完成12个村道路改造≥12个12个"
    assert [piece[a:b] for a, b in row_cells(piece)] == ["完成12个村道路改造", "≥12个", "12个"]


def test_two_rows_under_one_category_are_cut_apart():
    piece = "新建站点数量≥5个6个改造管网长度3公里3.2公里"
    assert [piece[a:b] for a, b in row_cells(piece)] == ["新建站点数量", "≥5个", "6个", "改造管网长度", "3公里", "3.2公里"]


def test_values_to_end_reads_values_only():
    assert values_to_end("≥90%95%") == [(0, 4), (4, 7)]
    assert values_to_end("95%满意") is None


def test_three_amounts_and_a_rate_split_only_where_one_split_agrees():
    assert split_rate_run("80807695%", amounts=(2, 3)) == ["80", "80", "76", "95%"]
    assert split_rate_run("80807695%") is None  # two amounts cannot give that rate
    assert split_rate_run("1111100%", amounts=(2, 3)) is None  # 1/1/1 and 11/11: no split is certain


def test_a_text_with_few_known_words_is_not_cut(extractor):
    from jixiao.pipelines.flat_run import flat_run_cells
    from jixiao.pipelines.normalize import normalize_text

    assert flat_run_cells(normalize_text("项目名称森林防火巡护经费主管部门青山区应急管理局\n")) is None


def test_a_collapsed_run_keeps_its_space_runs_as_cell_breaks(extractor):
    # cells run together a row, the rows' breaks collapsed into runs of spaces, a wrapped category word
    text = ("转移支付(项目)名称乡村道路养护补助资金 地方主管部门青河县交通运输局资金使用单位青河县公路所 项目资金 (万元)  "
            "全年预算数(A)全年执行数(B)预算执行率(B/A) 年度资金总额:480480100%   绩效指标一级 指标 二级指标三级指标指标值"
            "全年实际完成值   数量指标养护农村公路里程2020         质量指标路面完好率达标1010         社会效益 指标 "
            "群众出行便利度3030   ")
    p = _read(extractor, text)
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (4800000.0, 4800000.0, 100.0)
    assert [(i.level2, i.name, i.target, i.actual) for i in p.indicators] == [
        ("数量指标", "养护农村公路里程", "20", "20"), ("质量指标", "路面完好率达标", "10", "10"),
        ("社会效益指标", "群众出行便利度", "30", "30")]


# the 2020 national template with 分值/得分 columns, run together (a traditional mirror of a document preview)
SCORED_RUN = (
    "1、項目支出績效自評表(2022年度)項目名稱河道保潔經費主管部門示例縣水利局實施單位示例縣河道管理所"
    "項目資金(萬元)年初預(yù)算數(shù)全年預(yù)算數(shù)全年執(zhí)行數(shù)分值執(zhí)行率得分年度資金總額6064.862.21096%9.6"
    "其中:當年財政撥款6064.862.2—年度總體目標(biāo)預(yù)期目標(biāo)實際完成情況完成河道保潔。已完成。"
    "績效指標(biāo)一級指標(biāo)二級指標(biāo)三級指標(biāo)年度指標(biāo)值實際完成值分值得分偏差原因分析及改進(jìn)措施"
    "產(chǎn)出指標(biāo)數(shù)量指標(biāo)保潔河道長度≥80公里82公里1515保潔頻次≥2次/周2次/周1010"
    "時效指標(biāo)保潔完成時限按時按時1010效益指標(biāo)生態效益指標(biāo)河面漂浮物清除率≥95%93%2018"
    "部分河段汛期清理滯後滿意度指標(biāo)服務(wù)對象滿意度指標(biāo)沿河群眾滿意度≥90%92%1515總分10097.6"
)


def test_a_scored_run_splits_funds_weights_and_scores(extractor):
    p = _read(extractor, SCORED_RUN + "\n")
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (
        600000.0, 648000.0, 622000.0, 96.0)
    assert p.score == 97.6
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("数量指标", "保潔河道長度", "≥80公里", "82公里", 15, 15),
        ("数量指标", "保潔頻次", "≥2次/周", "2次/周", 10, 10),
        ("时效指标", "保潔完成時限", "按時", "按時", 10, 10),  # target and actual the same words, run into the name
        ("生态效益指标", "河面漂浮物清除率", "≥95%", "93%", 20, 18),  # 部分… is the remark, not a unit (部)
        ("服务对象满意度指标", "沿河群眾滿意度", "≥90%", "92%", 15, 15)]


# a Hubei-style score-only table (资金来源 / 合计 funds rows, 得分 only), two of them in one preview, the last chunk
# holding few known words, the site's lines after the run
SCORE_ONLY_RUN = (
    "1、附件1項目支出績效自評表項目名稱社區消防宣傳經費主管部門示例區應急管理局實施單位示例區消防救援大隊"
    "項目資金(萬元)資金來源預(yù)算數(shù)執(zhí)行數(shù)執(zhí)行率財政撥款2019.296%其他資金合計(jì)2019.296%"
    "年度績效目標(biāo)完成情況一級指標(biāo)二級指標(biāo)三級指標(biāo)指標(biāo)值實際完成值得分產(chǎn)出指標(biāo)數(shù)量指標(biāo)宣傳活動場次≥12場14場30"
    "進(jìn)度指標(biāo)宣傳完成時間2023年11月底前11月20日完成30效益指標(biāo)社會效益指標(biāo)居民消防知識知曉率≥80%86%40"
    "自評總分100附件2項目支出績效自評表項目名稱消防栓維護(hù)經費主管部門示例區應急管理局實施單位示例區消防救援大隊"
    "項目資金(萬元)資金來源預(yù)算數(shù)執(zhí)行數(shù)執(zhí)行率財政撥款55100%其他資金合計(jì)55100%年度績效目標(biāo)完成情況"
    "一級指標(biāo)二級指標(biāo)三級指標(biāo)指標(biāo)值實際完成值得分產(chǎn)出指標(biāo)數(shù)量指標(biāo)維護(hù)消防栓數(shù)量≥120個126個40質量指標(biāo)消防栓完好率≥9"
    "\n\n2、5%97%40滿意度指標(biāo)服務(wù)對象滿意度指標(biāo)居民滿意度≥90%95%20"
    "\n——預(yù)覽結束——\n相關文檔推薦\n示例區應急管理局2023年度部門決算.docx\n"
)


def test_a_score_only_run_reads_its_total_row_and_both_tables(extractor):
    record = extractor.extract_text(SCORE_ONLY_RUN, doc_id="flat", mode="parser")
    first, second = record.projects
    assert (first.funds.annual_budget, first.funds.executed, first.funds.execution_rate, first.score) == (
        200000.0, 192000.0, 96.0, 100.0)
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in first.indicators] == [
        ("数量指标", "宣傳活動場次", "≥12場", "14場", None, 30),
        ("时效指标", "宣傳完成時間", "2023年11月底前", "11月20日完成", None, 30),  # 进度指标 -> 时效指标
        ("社会效益指标", "居民消防知識知曉率", "≥80%", "86%", None, 40)]
    assert (second.name, second.funds.annual_budget, second.funds.execution_rate) == ("消防栓維護(hù)經費", 50000.0, 100.0)
    # the marker in the last chunk (few known words in it) is taken out of the value it splits; the site's lines
    # after the run are no cells of its last row
    assert [(i.name, i.target, i.actual, i.score) for i in second.indicators] == [
        ("維護(hù)消防栓數(shù)量", "≥120個", "126個", 40), ("消防栓完好率", "≥95%", "97%", 40),
        ("居民滿意度", "≥90%", "95%", 20)]


@pytest.mark.parametrize("run,cut", [("1010", (2,)), ("1513", (2,)), ("55", (1,)), ("10098.85", (3,)), ("109.5", (2,)),
                                     ("1516", None), ("2", None)])
def test_a_weight_and_its_score_split_where_one_cut_reads(run, cut):
    from jixiao.pipelines.flat_run import weight_score_split

    assert weight_score_split(run) == cut


def test_a_funds_run_with_weight_rate_and_score_splits_where_the_score_agrees():
    from jixiao.pipelines.run_together import split_scored_rate_run

    assert split_scored_rate_run("8592.590.651098%9.8") == ["85", "92.5", "90.65", "10", "98%", "9.8"]
    assert split_scored_rate_run("8592.590.651098%9.1") is None  # 得分 is not 分值 x rate: no split is certain


def test_a_word_printed_twice_ends_a_name_only_as_values():
    assert [("茶葉運輸成本降低降低10%以上")[a:b] for a, b in row_cells("茶葉運輸成本降低降低10%以上")] == [
        "茶葉運輸成本降低", "降低10%以上"]
    assert [("值守時間按期按期20")[a:b] for a, b in row_cells("值守時間按期按期20")] == ["值守時間", "按期", "按期", "20"]


def test_a_transfer_payment_run_starts_at_its_name_label(extractor):
    """The 区域绩效自评表 of a transfer payment names its project 转移支付名称, and 资金情况 heads its funds block."""
    run = ("转移支付名称农田建设补助资金中央主管部门示例省农业农村厅地方主管部门示例市农业农村局资金使用单位示例市各县区农业农村局"
           "资金情况(万元)全年预算数全年执行数执行率年度资金总额1860.51786.696%"
           "年度总体目标预期目标实际完成情况完成高标准农田建设任务已完成建设任务"
           "绩效指标一级指标二级指标三级指标指标值全年实际完成值"
           "产出指标数量指标新建高标准农田面积≥2万亩2.1万亩质量指标项目验收合格率100%100%")
    p = _read(extractor, run + "\n")
    assert (p.name, p.implementer, p.funds.annual_budget, p.funds.executed) == (
        "农田建设补助资金", "示例市各县区农业农村局", 18605000.0, 17866000.0)
    assert [(i.name, i.target, i.actual) for i in p.indicators] == [
        ("新建高标准农田面积", "≥2万亩", "2.1万亩"), ("项目验收合格率", "100%", "100%")]


# -- mirror pages (invented): what mirror sites and their doc-site sources do to a run --

@pytest.mark.parametrize("piece, cells", [
    # a frequency opens with what it counts per
    ("巡检维护频次每站每周1次达成预期指标", ["巡检维护频次", "每站每周1次", "达成预期指标"]),
    # a month's end without its year is a date
    ("检修完成时间4月底前5月10日", ["检修完成时间", "4月底前", "5月10日"]),
    # a range is one value
    ("规划编制年限2021-2025年2021-2025年", ["规划编制年限", "2021-2025年", "2021-2025年"]),
    ("培训人数20~30人25人", ["培训人数", "20~30人", "25人"]),
])
def test_frequencies_month_ends_and_ranges_are_values(piece, cells):
    assert [piece[a:b] for a, b in row_cells(piece)] == cells


def test_the_same_words_three_times_under_two_targets_and_an_actual():
    from jixiao.pipelines.flat_run import RowShape

    piece = "站网长效运行长期长期长期1010"
    assert [piece[a:b] for a, b in row_cells(piece, RowShape(values=3, numbers=2))] == [
        "站网长效运行", "长期", "长期", "长期", "10", "10"]


@pytest.mark.parametrize("piece, shape, cells", [
    # a bare target run into the actual's rate, a 得分 after them
    ("录入准确率10095%18", (2, 1), ["录入准确率", "100", "95%", "18"]),
    # 年初 and 调整后 targets, the actual, 分值 and 得分 all run together under a (%) name
    ("培训覆盖率(%)9095961010", (3, 2), ["培训覆盖率(%)", "90", "95", "96", "10", "10"]),
    # a row that prints all its cells is not split further; a lone rate is no two rates (blank actual)
    ("完成率95%18", (2, 1), ["完成率", "95%", "18"]),
    # not a rate row: a number may exceed 100, so no split is certain
    ("培训人数9095961010", (3, 2), ["培训人数", "9095961010"]),
])
def test_a_rate_rows_run_together_values_split_where_one_split_reads(piece, shape, cells):
    from jixiao.pipelines.flat_run import RowShape

    assert [piece[a:b] for a, b in row_cells(piece, RowShape(*shape))] == cells


def test_the_remark_after_a_scored_row_is_no_row_though_it_ends_in_a_value():
    from jixiao.pipelines.flat_run import RowShape

    piece = "需求满足率≥85%81%1513部分社区助餐点尚未建成,下年度增设3处"
    assert [piece[a:b] for a, b in row_cells(piece, RowShape(values=2, numbers=2))] == [
        "需求满足率", "≥85%", "81%", "15", "13", "部分社区助餐点尚未建成,下年度增设3处"]


def test_a_preview_cut_into_short_chunks_is_one_run(extractor):
    """Every chunk holds fewer known words than a run's line (5 to 11: a short-chunk preview): the markers still
    join them into one run."""
    run = _run()
    cuts = [run.index(w) + 2 for w in ("全年执行数", "二级指标", "时效指标")]
    parts = [run[a:b] for a, b in zip([0, *cuts], [*cuts, len(run)])]
    text = PREVIEW_JUNK + "".join(f"{k}、{part}\n\n" for k, part in enumerate(parts, start=1))
    p = _read(extractor, text)
    assert (p.department, p.funds.executed) == ("青山区应急管理局", 760000.0)
    assert [(i.level2, i.name, i.target, i.actual) for i in p.indicators] == EXPECTED


def test_numbered_prose_lines_with_few_known_words_stay_lines():
    from jixiao.pipelines.flat_run import flat_run_cells
    from jixiao.pipelines.normalize import normalize_text

    text = "1、数量指标:新建站点5个。\n\n2、质量指标:验收合格率100%。\n\n3、时效指标:按期完成。\n"
    assert flat_run_cells(normalize_text(text)) is None


# a score-only form with two target blocks (年度绩效目标1 / 2), each under its own header, the funds 得分 priced in
# words in the header (得分(10分*执行率)) with no 分值 column, a 项目类别 with checkbox options: all invented
TWO_BLOCKS = (
    "项目名称乡村公路养护补助资金主管部门石门县交通运输局项目实施单位石门县公路养护站项目类别1、部门预算项目☑2、专项资金□"
    "预算执行情况(万元)(10分)预算数(A)执行数(B)执行率(B/A)得分(10分*执行率)合计5048.697.2%9.72"
    "年度绩效目标1(45分)一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分"
    "产出指标数量指标养护公路里程≥120公里126公里15质量指标路面优良率≥85%88%15"
    "效益指标社会效益指标群众出行便利度提升≥10%12%15"
    "年度绩效目标2(45分)一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分"
    "数量指标修复坑槽面积≥3000平方米3150平方米15时效指标养护完成时间2023年11月底前2023年11月15"
    "满意度指标服务对象满意度指标沿线群众满意度≥90%93%15总分99.72\n"
)


def test_a_second_target_block_under_its_own_header_is_read(extractor):
    """年度绩效目标2 captions a second block with its header printed again: its rows are the same project's, the
    level-2 with no level-1 printed takes its framework parent."""
    p = _read(extractor, PREVIEW_JUNK + "1、" + TWO_BLOCKS)
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.score) for i in p.indicators] == [
        ("产出指标", "数量指标", "养护公路里程", "≥120公里", "126公里", 15.0),
        ("产出指标", "质量指标", "路面优良率", "≥85%", "88%", 15.0),
        ("效益指标", "社会效益指标", "群众出行便利度提升", "≥10%", "12%", 15.0),
        ("产出指标", "数量指标", "修复坑槽面积", "≥3000平方米", "3150平方米", 15.0),
        ("产出指标", "时效指标", "养护完成时间", "2023年11月底前", "2023年11月", 15.0),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", 15.0),
    ]
    assert p.score == 99.72


def test_the_funds_score_after_the_rate_and_a_category_label_end_their_cells(extractor):
    """合计5048.697.2%9.72: 预算数, 执行数, the rate and the funds 得分; 项目类别 ends the implementer's value."""
    p = _read(extractor, PREVIEW_JUNK + "1、" + TWO_BLOCKS)
    assert p.implementer == "石门县公路养护站"
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (500000.0, 486000.0, 97.2)


def test_a_numbered_caption_keeps_its_number_and_two_annotations_stay_with_their_word():
    from jixiao.pipelines.flat_run import spaced_known_words

    line = "年度绩效目标2(45分)一级指标预算执行情况(万元)(10分)预算数(A)"
    assert spaced_known_words().findall(line) == ["年度绩效目标2(45分)", "一级指标", "预算执行情况(万元)(10分)", "预算数(A)"]


@pytest.mark.parametrize("piece, cells", [
    # an ellipsis after the row (a row the form left unfilled) holds no cell
    ("单座泵站年均运维成本≤2.8万元达成预期指标……", ["单座泵站年均运维成本", "≤2.8万元", "达成预期指标"]),
    ("单座泵站年均运维成本≤2.8万元2.6万元......", ["单座泵站年均运维成本", "≤2.8万元", "2.6万元"]),
    # a qualitative target printed whole, run into the name before it and the verdict after it
    ("排水设施长效管护机制建立健全达成预期指标", ["排水设施长效管护机制", "建立健全", "达成预期指标"]),
    ("群众环境卫生意识逐步提升达成预期指标", ["群众环境卫生意识", "逐步提升", "达成预期指标"]),
    # such words inside a name with no value after them stay in it
    ("管护机制建立健全率100%100%", ["管护机制建立健全率", "100%", "100%"]),
])
def test_a_rows_placeholder_and_qualitative_target_in_a_run(piece, cells):
    assert [piece[a:b] for a, b in row_cells(piece)] == cells


# A transfer-payment form cut into preview chunks (invented): the first chunk holds only the form's head and its
# first labels (three known words), the '2、' marker falls inside the 地方主管部门 value.
HEAD_CHUNK = "1、附件2中央对地方转移支付区域绩效自评表(2023年度)转移支付(项目)名称示例河道整治资金中央主管部门水利部地方主管部门示例市水利"
REST_CHUNK = ("2、局资金使用单位示例市河湖管理中心项目资金(万元)全年预算数(A)全年执行数(B)预算执行率(B/A)年度资金总额:"
              "20019296%绩效指标一级指标二级指标三级指标指标值全年实际完成值未完成原因和改进措施"
              "产出指标数量指标整治河道长度≥12公里12.5公里质量指标工程验收合格率100%100%")


def test_a_first_chunk_with_few_known_words_joins_the_run_its_next_chunk_continues(extractor):
    """A chunk followed by the next-numbered chunk of a run is part of that run, however few labels it holds: the
    value the marker broke is whole again and the labels before it are cut."""
    p = _read(extractor, PREVIEW_JUNK + HEAD_CHUNK + "\n\n" + REST_CHUNK + "\n")
    assert (p.name, p.department, p.implementer) == ("示例河道整治资金", "示例市水利局", "示例市河湖管理中心")
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (2000000.0, 1920000.0, 96.0)
    assert [(i.name, i.target, i.actual) for i in p.indicators] == [
        ("整治河道长度", "≥12公里", "12.5公里"), ("工程验收合格率", "100%", "100%")]


@pytest.mark.parametrize("second", [REST_CHUNK.replace("2、", "3、", 1), "2、质量指标:验收合格率100%。"])
def test_a_short_chunk_stays_apart_unless_the_next_numbered_chunk_is_a_run(second):
    """A chunk whose successor is not numbered one more, or is no run itself, is left as it stands."""
    from jixiao.pipelines.flat_run import flat_run_cells
    from jixiao.pipelines.normalize import normalize_text

    cells = flat_run_cells(normalize_text(HEAD_CHUNK + "\n\n" + second + "\n"))
    assert cells is None or HEAD_CHUNK in cells.text


def test_a_grade_cell_ends_where_the_form_footer_labels_begin(extractor):
    """The grade after 自评等级 runs into the footer (填表人, 填报日期): those labels cut it (a form without score
    columns: its 总分 prints the score alone)."""
    tail = "总分97自评等级优填表人:李**联系电话:0000-0000000填报日期:2024年3月1日"
    p = _read(extractor, PREVIEW_JUNK + "1、" + _run() + tail + "\n")
    assert (p.score, p.grade) == (97.0, "优")


@pytest.mark.parametrize("piece, shape, cells", [
    # a qualitative target and actual, the same words, run into the name under a header with no score columns
    ("撫育林分後期管護機制長期長期", (2, 0), ["撫育林分後期管護機制", "長期", "長期"]),
    # under 年初 and 调整后 targets and an actual: three times
    ("村莊清潔長效機制建立建立建立", (3, 0), ["村莊清潔長效機制", "建立", "建立", "建立"]),
    # a header with a single value column, or a name with no repeated tail: the piece stays whole
    ("撫育林分後期管護機制長期長期", (1, 0), ["撫育林分後期管護機制長期長期"]),
    ("林區防火宣傳覆蓋面", (2, 0), ["林區防火宣傳覆蓋面"]),
])
def test_a_row_whose_words_no_value_reads_ends_in_its_target_and_actual_printed_alike(piece, shape, cells):
    from jixiao.pipelines.flat_run import RowShape

    assert [piece[a:b] for a, b in row_cells(piece, RowShape(*shape))] == cells


def test_a_placeholder_run_is_no_row_printed_alike():
    from jixiao.pipelines.flat_run import RowShape

    assert [("......")[a:b] for a, b in row_cells("......", RowShape(values=2))] == ["......"]


def test_rows_whose_line_break_was_collapsed_to_a_space_are_cut_apart():
    from jixiao.pipelines.flat_run import RowShape

    piece = "改造供水管綫長度≥18公里18.6公里15 新建村級蓄水池6座6座10"
    assert [piece[a:b] for a, b in row_cells(piece, RowShape(values=2, numbers=1))] == [
        "改造供水管綫長度", "≥18公里", "18.6公里", "15", "新建村級蓄水池", "6座", "6座", "10"]
    piece = "新建站点数量≥5个6个 改造管网长度3公里3.2公里"
    assert [piece[a:b] for a, b in row_cells(piece)] == ["新建站点数量", "≥5个", "6个", "改造管网长度", "3公里", "3.2公里"]


@pytest.mark.parametrize("piece, cells", [
    # counted lamps, lengths in 延米 and livestock in 万头(羽): units of their own, so the next row's name is cut off
    ("维修更换灯具数量≥1200盏1236盏巡查街巷条数≥120条127条",
     ["维修更换灯具数量", "≥1200盏", "1236盏", "巡查街巷条数", "≥120条", "127条"]),
    ("新建桥梁长度≥180延米186延米强制免疫畜禽数量≥45万头(羽)47.3万头(羽)",
     ["新建桥梁长度", "≥180延米", "186延米", "强制免疫畜禽数量", "≥45万头(羽)", "47.3万头(羽)"]),
])
def test_units_a_row_ends_with(piece, cells):
    assert [piece[a:b] for a, b in row_cells(piece)] == cells


@pytest.mark.parametrize("piece, cells", [
    ("工程长效管护机制建立已建立10", ["工程长效管护机制", "建立", "已建立", "10"]),
    ("管护机制长期长期10", ["管护机制", "长期", "长期", "10"]),
])
def test_a_worded_target_and_its_actual_after_the_name(piece, cells):
    """A target in words and its actual saying it was done (建立 / 已建立), run into the name before the row's 得分:
    cut as the same words printed twice are (长期 / 长期)."""
    assert [piece[a:b] for a, b in row_cells(piece, RowShape(values=2, numbers=1))] == cells
