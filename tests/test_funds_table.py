"""The funds block reader on forms other bureaus print (every example invented)."""

import pytest


def _funds(extractor, rows):
    (p,) = extractor.extract_text("\n".join(rows) + "\n", doc_id="t", mode="parser").projects
    f = p.funds
    return f.initial_budget, f.annual_budget, f.executed, f.execution_rate


FIELDS = ["项目名称\t2024年示例街道路灯维护经费", "主管部门\t示例区城市管理局\t实施单位\t示例区市政所"]
INDICATORS = ["一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
              "产出指标\t数量指标\t维护路灯数量\t≥800盏\t812盏\t50\t50"]


def test_the_total_label_merged_over_the_header_and_its_row(extractor):
    """年度资金总额(万元) merged over the header row and the amounts below it: the row under the header is the total."""
    rows = [*FIELDS, "年度资金总额(万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "30\t32\t28.8\t10\t90%\t9", *INDICATORS]
    assert _funds(extractor, rows) == (300000.0, 320000.0, 288000.0, 90.0)


@pytest.mark.parametrize("note,factor", [("单位:元", 1.0), ("金额单位:万元", 10000.0)])
def test_a_unit_note_above_the_table(extractor, note, factor):
    """单位：元 printed above a table whose funds header names no unit: the amounts are in that unit."""
    rows = ["示例区城市管理局项目支出绩效自评表", note, *FIELDS,
            "项目资金\t年初预算数\t全年预算数\t全年执行数\t执行率", "年度资金总额\t300000\t320000\t288000\t90%", *INDICATORS]
    assert _funds(extractor, rows) == (300000.0 * factor, 320000.0 * factor, 288000.0 * factor, 90.0)


def test_the_headers_own_unit_wins_over_a_note(extractor):
    rows = ["单位:元", *FIELDS, "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t执行率",
            "年度资金总额\t30\t32\t28.8\t90%", *INDICATORS]
    assert _funds(extractor, rows) == (300000.0, 320000.0, 288000.0, 90.0)


def test_a_total_row_with_a_blank_cell_per_column(extractor):
    """Tab cells one per column, the rate and score left blank: the amounts keep their columns."""
    rows = [*FIELDS, "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "年度资金总额\t30\t32\t28.8\t10\t\t", *INDICATORS]
    assert _funds(extractor, rows) == (300000.0, 320000.0, 288000.0, None)


@pytest.mark.parametrize("rate_row,rate", [("执行率\t90%", 90.0), ("预算执行率\t90.0%\t\t", 90.0),
                                           ("执行率\t10", None)])
def test_a_rate_printed_in_a_row_of_its_own_under_the_total(extractor, rate_row, rate):
    """A four-column form prints the budget columns, then 执行率 with its percentage on the next row; a bare number
    there is no rate."""
    rows = [*FIELDS, "资金(万元)\t年初预算数\t全年预算数\t全年执行数", "年度资金总额\t30\t32\t28.8", rate_row,
            *INDICATORS]
    assert _funds(extractor, rows) == (300000.0, 320000.0, 288000.0, rate)


@pytest.mark.parametrize("caption,factor", [("项目资金(元)", 1.0), ("项目资金(万元)", 10000.0)])
def test_a_unit_caption_on_the_row_above_a_source_header(extractor, caption, factor):
    """项目资金(元) on its own row over a 资金来源 / 预算数 / 执行数 / 执行率 header (a score-only template whose
    cells ran together, a document preview): the caption's unit, not the 万元 a header without a unit is read in."""
    cells = ["项目名称", "困难群众临时救助金发放", "主管部门", "示例县民政局", "实施单位", "示例县民政局", caption,
             "资金来源", "预算数", "执行数", "执行率", "财政拨款", "350000", "336000", "96%", "其他资金", "合计", "350000",
             "336000", "96%", "年度绩效目标完成情况", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "得分",
             "产出指标", "数量指标", "临时救助人次", "≥400人次", "436人次", "30"]
    assert _funds(extractor, ["".join(cells)]) == (None, 350000.0 * factor, 336000.0 * factor, 96.0)


def test_a_weight_column_printed_before_the_budget_columns(extractor):
    """分值 first (分值 年初预算数 全年预算数 全年执行数 执行率 得分), the blank 年初预算数 printing nothing: the first number
    is the weight; the two amounts align from 全年执行数 leftwards (contract), 年初预算数 null."""
    rows = [*FIELDS, "项目资金(元)\t分值\t年初预算数\t全年预算数\t全年执行数\t执行率\t得分",
            "年度资金总额\t10\t500,000.00\t450,000.00\t90%\t9", *INDICATORS]
    assert _funds(extractor, rows) == (None, 500000.0, 450000.0, 90.0)


def test_budget_leaves_on_a_row_of_their_own_under_a_spanning_header(extractor):
    """预算数 spanning 年初预算数 / 全年预算数: an HTML export prints the two leaves alone on the next row (the merged
    cells left out); that short row is the header's second row, not a piece of the total row below it."""
    rows = [*FIELDS, "项目资金(元)\t\t预算数\t\t全年执行数\t分值\t执行率\t得分", "年初预算数\t全年预算数",
            "年度资金总额\t80000.00\t90000.00\t81000.00\t10\t90%\t9", *INDICATORS]
    assert _funds(extractor, rows) == (80000.0, 90000.0, 81000.0, 90.0)


@pytest.mark.parametrize("total, expected", [
    ("年度资金总额\t50\t50\t49.5\t10\t99%\t9.9", (500000.0, 500000.0, 495000.0, 99.0)),
    ("年度资金总额\t20\t18\t18\t10\t100%\t10", (200000.0, 180000.0, 180000.0, 100.0)),
    ("年度资金总额\t180\t175.95\t97.75%\t19.55", (None, 1800000.0, 1759500.0, 97.75)),
])
def test_a_total_row_whose_header_was_lost(extractor, total, expected):
    """A text extractor that drops <th> rows leaves the total row without its header: the printed rate says which
    two adjacent amounts are 预算数 and 执行数, the amount before them is 年初预算数."""
    rows = [*FIELDS, "项目资金(万元)", total, "其中:当年财政拨款\t50\t50\t49.5", *INDICATORS]
    assert _funds(extractor, rows) == expected
@pytest.mark.parametrize("caption,factor", [("(元)", 1.0), ("(万元)", 10000.0)])
def test_a_unit_caption_centered_below_the_header(extractor, caption, factor):
    """项目资金 / (元) centered on the header and the total row (a PDF text layer): the unit opens the total row."""
    rows = [*FIELDS, "\t年初预算数\t全年预算数\t全年执行数\t执行率", "项目资金",
            f"{caption}\t年度资金总额\t300000\t320000\t288000\t90%", *INDICATORS]
    assert _funds(extractor, rows) == (300000.0 * factor, 320000.0 * factor, 288000.0 * factor, 90.0)


def test_source_rows_print_their_figures_first_and_dashes_for_the_rest(extractor):
    """其中 rows under 年初 全年 执行数 分值 执行率 得分 print three figures and two dashes (no rate or score for a
    source): the figures stand under the amount columns, so the sources sum to the total."""
    rows = [*FIELDS, "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "年度资金总额\t30\t32\t28.8\t10\t90%\t9", "其中:当年财政拨款\t30\t32\t28.8\t—\t—",
            "上年结转资金\t0\t0\t0\t—\t—", *INDICATORS]
    record = extractor.extract_text("\n".join(rows) + "\n", doc_id="t", mode="parser")
    assert not [c.code for c in record.checks if c.code == "funds.parts_mismatch"]
    assert not [c.code for p in record.projects for c in p.checks if c.code == "funds.parts_mismatch"]


def test_a_source_row_keeping_its_blank_cells_reads_by_position(extractor):
    """上年结转资金 with its 年初预算数 cell blank and every cell kept (a pipe table): each figure under its column."""
    rows = [*FIELDS, "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "年度资金总额\t30\t36\t34.2\t10\t95%\t9.5", "其中:当年财政拨款\t30\t30\t28.6\t—\t\t—",
            "上年结转资金\t\t6\t5.6\t—\t\t—", *INDICATORS]
    record = extractor.extract_text("\n".join(rows) + "\n", doc_id="t", mode="parser")
    assert not [c.code for p in record.projects for c in p.checks if c.code == "funds.parts_mismatch"]


@pytest.mark.parametrize("carried", ["5.6", "4.6"])
def test_a_source_row_whose_blank_vanished_is_not_checked(extractor, carried):
    """One cell a paragraph, empty cells vanished: 上年结转资金 6 5.6 under 年初 全年 执行数 may have lost its 年初 cell
    or been cut after two figures; which columns they stand under is not known, so the sources are not checked
    against the total (no warning either way), while the total reads as printed."""
    cells = ["项目名称", "2024年示例街道路灯维护经费", "主管部门", "示例区城市管理局", "实施单位", "示例区市政所",
             "项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
             "年度资金总额", "30", "36", "34.2", "10", "95%", "9.5", "其中:当年财政拨款", "30", "30", "28.6",
             "上年结转资金", "6", carried, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
             "产出指标", "数量指标", "维护路灯数量", "≥800盏", "812盏", "90", "90"]
    record = extractor.extract_text("\n\n".join(cells) + "\n", doc_id="t", mode="parser")
    (p,) = record.projects
    assert (p.funds.annual_budget, p.funds.executed) == (360000.0, 342000.0)
    assert not [c.field for c in p.checks if c.code == "funds.parts_mismatch"]


@pytest.mark.parametrize("carried, flagged", [("5.6", []), ("4.6", ["funds.executed"])])
def test_source_rows_printing_every_amount_are_checked(extractor, carried, flagged):
    """Blanks vanished but each source prints all three amounts: they stand under 年初 全年 执行数, and a source
    that does not add up is flagged on its column only."""
    cells = ["项目名称", "2024年示例街道路灯维护经费", "主管部门", "示例区城市管理局", "实施单位", "示例区市政所",
             "项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
             "年度资金总额", "30", "36", "34.2", "10", "95%", "9.5", "其中:当年财政拨款", "30", "30", "28.6",
             "上年结转资金", "0", "6", carried, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
             "得分", "产出指标", "数量指标", "维护路灯数量", "≥800盏", "812盏", "90", "90"]
    record = extractor.extract_text("\n\n".join(cells) + "\n", doc_id="t", mode="parser")
    (p,) = record.projects
    assert [c.field for c in p.checks if c.code == "funds.parts_mismatch"] == flagged


@pytest.mark.parametrize("note,factor", [("单位：元", 1.0), ("单位：万元", 10000.0)])
def test_a_unit_note_printed_as_a_cell_of_a_sheets_row(extractor, note, factor):
    """An .xls pasted as tab rows prints the unit note in its own cell at the end of the 填报单位 row (填报单位：X … 单位：元):
    the amounts are in that unit."""
    rows = ["示例县农业农村局2023年度项目支出绩效自评表\t\t\t\t", f"填报单位：示例县农业农村局\t\t\t\t{note}\t", *FIELDS,
            "项目资金\t\t年初预算数\t全年预算数\t全年执行数\t执行率", "\t年度资金总额\t300000\t320000\t288000\t90%", *INDICATORS]
    assert _funds(extractor, rows) == (300000.0 * factor, 320000.0 * factor, 288000.0 * factor, 90.0)


def test_a_field_row_naming_a_unit_inside_a_longer_cell_is_no_note(extractor):
    """A cell that only mentions 单位 in a longer text (填报单位：示例县财政局元宝山所) is no unit note: 万元 stays the default."""
    rows = ["填报单位：示例县财政局元宝山所\t\t联系电话：0000-1234567", *FIELDS,
            "项目资金\t年初预算数\t全年预算数\t全年执行数\t执行率", "年度资金总额\t30\t32\t28.8\t90%", *INDICATORS]
    assert _funds(extractor, rows) == (300000.0, 320000.0, 288000.0, 90.0)


def test_a_form_pasted_as_label_value_lines_gives_each_budget_figure(extractor):
    """A 自评表 a page prints as key：value lines (年度资金总额： alone, then 年初预算数：… one a line; the 其中 block
    repeats them): the first 年初 / 全年 / 执行 figures are the total row's."""
    rows = ["项目名称：牧区草原鼠害防治", "主管部门：示例县农业农村局", "实施单位：示例县草原工作站", "项目资金（元）：",
            "年度资金总额：", "年初预算数：185,000.00", "全年预算数：172,000.00", "全年执行数：166,840.00", "分值：10",
            "执行率：97%", "得分：9.7", "其中：当年财政拨款：", "年初预算数：185,000.00", "全年预算数：172,000.00",
            "全年执行数：166,840.00", "一级指标：产出指标", "二级指标：数量指标", "三级指标：鼠害防治面积",
            "年度指标值：≥3万亩", "实际完成值：3.1万亩", "分值：50", "得分：50"]
    assert _funds(extractor, rows) == (185000.0, 172000.0, 166840.0, 97.0)


@pytest.mark.parametrize(("header", "total", "expected"), [
    # the rate cell left blank and vanished: 9.2 = 10 x 1711.2 / 1860, so 10 and 9.2 are the funds row's 分值 and 得分
    ("全年预算数(A)\t全年执行数(B)\t执行率(B/A)\t分值\t得分", "1860\t1711.2\t10\t9.2", (None, 18600000.0, 17112000.0, None)),
    ("年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分", "1800\t1860\t1711.2\t10\t9.2",
     (18000000.0, 18600000.0, 17112000.0, None)),
])
def test_a_vanished_rate_cell_before_the_funds_rows_weight_and_score(extractor, header, total, expected):
    rows = [*FIELDS, f"项目资金(万元)\t{header}", f"年度资金总额\t{total}", *INDICATORS]
    assert _funds(extractor, rows) == expected


def test_numbers_that_are_no_weight_and_score_are_not_taken_for_them(extractor):
    """The same count where 9.2 is not 10 x 1767 / 1860 (95%): the row is not read as a vanished rate cell."""
    rows = [*FIELDS, "项目资金(万元)\t全年预算数(A)\t全年执行数(B)\t执行率(B/A)\t分值\t得分",
            "年度资金总额\t1860\t1767\t10\t9.2", *INDICATORS]
    assert _funds(extractor, rows)[1:3] != (18600000.0, 17670000.0)


@pytest.mark.parametrize(("total", "expected"), [
    # 分值 and 得分 blank and vanished: 1437480 / 1452000 is the 99% printed, so those two are 全年预算数 / 全年执行数
    ("1,386,000.00\t1,452,000.00\t1,437,480.00\t99%", (1386000.0, 1452000.0, 1437480.0, 99.0)),
    # 年初预算数 blank instead: 10 / 507520 is no 97.6%, so 10 stays the 分值 and the amounts align leftwards
    ("520000.00\t507520.00\t10\t97.6%\t9.76", (None, 520000.0, 507520.0, 97.6)),
])
def test_the_amounts_just_left_of_a_printed_rate_are_checked_against_it(extractor, total, expected):
    rows = [*FIELDS, "项目资金(元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分", f"年度资金总额\t{total}",
            *INDICATORS]
    assert _funds(extractor, rows) == expected
