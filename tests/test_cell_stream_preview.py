"""A document site's preview of a Word or Excel table, one cell per line with no separators and no blank lines
(empty cells simply vanish), as ``cell_stream`` groups it: the preview may jump from the funds block into the
middle of the indicator rows, glue a cut cell onto the next one, print its page labels and stop at its
download button. Invented examples."""


def _read(extractor, lines):
    return extractor.extract_text("\n".join(lines), doc_id="t", mode="parser").projects


def _rows(p):
    return [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]


FIELDS = ["示例县文广局2023年度项目支出绩效自评表.docx", "上传人：文**", "页数：4", "下载", "举报",
          "项目支出绩效自评表", "（2023年度）", "项目名称", "乡村文化广场维护经费", "主管部门", "示例县文化广电和旅游局",
          "实施单位", "示例县文化馆"]
FUNDS_HEADER = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]


def test_a_jump_from_the_funds_header_into_the_indicator_rows(extractor):
    """The header between the blocks is lost: the rows are read in the national template's columns; the row whose
    name the jump lost ('年度资金总' glued to its target) is none; the lost level-1 is the level-2's parent."""
    lines = FIELDS + FUNDS_HEADER + [
        "年度资金总≥95%", "97%", "10", "10",
        "时效指标", "广场设施维修完成时间", "2023年10月前", "2023年9月", "10", "10",
        "效益指标", "社会效益指标", "开展群众文化活动场次", "≥24场", "26场", "20", "18", "雨季部分活动取消",
        "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "10", "10",
        "总分", "100", "96",
    ]
    (p,) = _read(extractor, lines)
    assert p.funds.annual_budget is None and p.score == 96
    assert _rows(p) == [
        ("产出指标", "时效指标", "广场设施维修完成时间", "2023年10月前", "2023年9月", 10, 10),
        ("效益指标", "社会效益指标", "开展群众文化活动场次", "≥24场", "26场", 20, 18),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", 10, 10),
    ]


def test_a_cut_cell_glued_onto_a_category_word(extractor):
    """'其他资' (the 其他资金 label cut by the jump) glued onto '数量指标': the category opens the rows."""
    lines = FIELDS + FUNDS_HEADER + [
        "年度资金总额", "20", "20", "19", "10", "95%", "9.5",
        "其中：当年财政拨款", "20", "20", "19",
        "其他资数量指标", "维护文化广场数量", "12个", "12个", "20", "20",
        "质量指标", "设施完好率", "≥95%", "96%", "20", "20",
    ]
    (p,) = _read(extractor, lines)
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (200000, 190000, 95)
    assert _rows(p) == [
        ("产出指标", "数量指标", "维护文化广场数量", "12个", "12个", 20, 20),
        ("产出指标", "质量指标", "设施完好率", "≥95%", "96%", 20, 20),
    ]


def test_a_cut_cell_glued_onto_a_level1_with_its_allotment(extractor):
    lines = FIELDS + FUNDS_HEADER + [
        "年度资金总额", "20", "20", "19", "10", "95%", "9.5",
        "上年结转效益指标（30分）", "社会效益指标", "受益群众人次", "≥5000人次", "5600人次", "30", "30",
    ]
    (p,) = _read(extractor, lines)
    assert _rows(p) == [("效益指标", "社会效益指标", "受益群众人次", "≥5000人次", "5600人次", 30, 30)]


def test_the_preview_end_cuts_the_row_above_it(extractor):
    """'还剩2页未读' closes the preview: the row before it, without its 分值 and 得分, was cut; the site's list of
    related files after it is no row."""
    lines = FIELDS + FUNDS_HEADER + [
        "年度资金总额", "20", "20", "19", "10", "95%", "9.5",
        "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
        "产出指标", "数量指标", "维护文化广场数量", "12个", "12个", "20", "20",
        "质量指标", "设施完好率", "≥95%",
        "还剩2页未读，继续阅读", "下载文档到电脑，查找使用更方便", "相关资源", "示例县2022年度项目支出绩效自评表.docx",
    ]
    (p,) = _read(extractor, lines)
    assert _rows(p) == [("产出指标", "数量指标", "维护文化广场数量", "12个", "12个", 20, 20)]


def test_a_complete_row_before_the_preview_end_stays(extractor):
    lines = FIELDS + FUNDS_HEADER + [
        "年度资金总额", "20", "20", "19", "10", "95%", "9.5",
        "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
        "产出指标", "数量指标", "维护文化广场数量", "12个", "12个", "20", "20",
        "质量指标", "设施完好率", "≥95%", "96%", "20", "19",
        "预览已结束，剩余2页可下载查看", "下载文档",
    ]
    (p,) = _read(extractor, lines)
    assert [i.name for i in p.indicators] == ["维护文化广场数量", "设施完好率"]


def test_preview_page_labels_inside_a_row_are_no_cells(extractor):
    """The site labels its pages with the file name (….docx_第2页) or a counter (2 / 4) between any two cells."""
    lines = FIELDS + FUNDS_HEADER + [
        "年度资金总额", "20", "20", "19", "10", "95%", "9.5",
        "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
        "产出指标", "数量指标", "维护文化广场数量", "示例县文广局2023年度项目支出绩效自评表.docx_第2页", "12个", "12个",
        "20", "20", "质量指标", "设施完好率", "≥95%", "2 / 4", "96%", "20", "19",
    ]
    (p,) = _read(extractor, lines)
    assert _rows(p) == [
        ("产出指标", "数量指标", "维护文化广场数量", "12个", "12个", 20, 20),
        ("产出指标", "质量指标", "设施完好率", "≥95%", "96%", 20, 19),
    ]


def test_a_unit_note_above_an_excel_sheet(extractor):
    """'单位：元' above the table, the funds header printing no unit: amounts as printed (no 万元 default)."""
    lines = ["Sheet1", "附件2", "项目支出绩效自评表", "单位：元"] + FIELDS[7:] + [
        "项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        "年度资金总额", "1,200,000.00", "1,250,000.00", "1,200,000.00", "10", "96.00%", "9.6",
    ]
    (p,) = _read(extractor, lines)
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (1200000, 1250000, 1200000)


def test_a_jump_into_the_indicator_header(extractor):
    """The jump lands inside the header ('年度资金总指标值', then 实际完成值 分值 得分 …): the columns before it are the
    national template's, so each row closes after its four values."""
    lines = FIELDS + FUNDS_HEADER + [
        "年度资金总指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
        "产出指标", "数量指标", "维护文化广场数量", "12个", "12个", "20", "20",
        "质量指标", "设施完好率", "≥95%", "96%", "20", "19", "设施老化",
        "总分", "100", "96",
    ]
    (p,) = _read(extractor, lines)
    assert _rows(p) == [
        ("产出指标", "数量指标", "维护文化广场数量", "12个", "12个", 20, 20),
        ("产出指标", "质量指标", "设施完好率", "≥95%", "96%", 20, 19),
    ]


ROWS_HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
FUNDS = FUNDS_HEADER + ["年度资金总额", "40", "40", "38", "10", "95%", "9.5"]


def test_the_page_header_repeated_between_two_rows(extractor):
    """The site prints the file's title, its unit note and the indicator header again at the top of each page,
    right after a row's remark: none of it is a row; the table goes on under the carried level-1."""
    title = "示例县文化馆2023年度项目支出绩效自评表"
    lines = [title, *FIELDS, *FUNDS, *ROWS_HEADER,
             "产出指标", "数量指标", "送戏下乡场次", "≥20场", "18场", "20", "16", "汛期停演两场",
             title, "单位：万元", *ROWS_HEADER,
             "质量指标", "演出验收合格率", "100%", "100%", "20", "20",
             "总分", "100", "95.5"]
    (p,) = _read(extractor, lines)
    assert _rows(p) == [
        ("产出指标", "数量指标", "送戏下乡场次", "≥20场", "18场", 20, 16),
        ("产出指标", "质量指标", "演出验收合格率", "100%", "100%", 20, 20),
    ]


def test_cells_glued_where_the_preview_lost_a_line_break(extractor):
    """A level-2 glued to its name, a name to its target, a score to the next level-1, a chunk marker before a
    category word: each cell read apart."""
    lines = [*FIELDS, *FUNDS, *ROWS_HEADER,
             "产出指标", "数量指标送戏下乡场次", "≥20场", "20场", "20", "20",
             "2、质量指标", "演出验收合格率≥98%", "100%", "20", "20满意度指标",
             "服务对象满意度指标", "群众满意度", "≥90%", "93%", "10", "10",
             "总分", "100", "59.5"]
    (p,) = _read(extractor, lines)
    assert _rows(p) == [
        ("产出指标", "数量指标", "送戏下乡场次", "≥20场", "20场", 20, 20),
        ("产出指标", "质量指标", "演出验收合格率", "≥98%", "100%", 20, 20),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", 10, 10),
    ]


def test_labels_one_character_a_line_and_page_counters(extractor):
    """A merged level-1 printed one character a line (产/出/指/标), a level-2 broken before '指标', the site's page
    counters (2/4, 3/4) between rows: the words joined, the counters dropped."""
    lines = [*FIELDS, *FUNDS, "绩", "效", "指", "标", *ROWS_HEADER[1:],
             "产", "出", "指", "标", "数量指标", "送戏下乡场次", "≥20场", "20场", "20", "20", "2/4",
             "效", "益", "指", "标", "可持续影响", "指标", "文化志愿队伍", "持续壮大", "持续壮大", "20", "20", "3/4",
             "总分", "100", "49.5"]
    (p,) = _read(extractor, lines)
    assert _rows(p) == [
        ("产出指标", "数量指标", "送戏下乡场次", "≥20场", "20场", 20, 20),
        ("效益指标", "可持续影响指标", "文化志愿队伍", "持续壮大", "持续壮大", 20, 20),
    ]


IND_HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


def test_a_jump_marker_inside_the_table_is_no_end_and_a_row_it_cut_is_none(extractor):
    """'点击查看更多>>' and the next page's counter stand between two indicator rows; the preview resumes with
    the tail of a row whose name it cut (no indicator), then the table goes on."""
    lines = FIELDS + FUNDS_HEADER + ["年度资金总额", "50", "50", "48", "10", "96%", "9.6"] + IND_HEADER + [
        "产出指标", "数量指标", "维护广场数量", "≥12个", "12个", "20", "20",
        "质量指标", "设施完好率", "≥95%", "96%", "20", "20",
        "点击查看更多>>", "第3页 / 共3页", "≥90%", "93%", "10", "10",
        "时效指标", "维修完成时间", "2023年10月前", "2023年9月", "10", "10",
        "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "10", "10",
        "总分", "100", "96",
    ]
    (p,) = _read(extractor, lines)
    assert [r[2:] for r in _rows(p)] == [
        ("维护广场数量", "≥12个", "12个", 20.0, 20.0), ("设施完好率", "≥95%", "96%", 20.0, 20.0),
        ("维修完成时间", "2023年10月前", "2023年9月", 10.0, 10.0), ("群众满意度", "≥90%", "92%", 10.0, 10.0)]
    assert p.score == 96


def test_a_marker_with_nothing_of_the_table_after_it_ends_the_preview(extractor):
    lines = FIELDS + FUNDS_HEADER + ["年度资金总额", "50", "50", "48", "10", "96%", "9.6"] + IND_HEADER + [
        "产出指标", "数量指标", "维护广场数量", "≥12个", "12个", "20", "20",
        "点击查看更多>>", "相关文档推荐", "示例县2022年度项目支出绩效自评表", "示例县部门决算公开"]
    (p,) = _read(extractor, lines)
    assert [r[2] for r in _rows(p)] == ["维护广场数量"]


def test_a_funds_row_a_jump_cut_keeps_its_first_amounts_under_the_first_columns(extractor):
    lines = FIELDS + FUNDS_HEADER + ["年度资金总额", "50", "50", "......", "剩余内容已隐藏，请下载后查看",
                                     "第2页 / 共3页"] + IND_HEADER + [
        "产出指标", "数量指标", "维护广场数量", "≥12个", "12个", "20", "20", "总分", "100", "96"]
    (p,) = _read(extractor, lines)
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == \
        (500000.0, 500000.0, None, None)


def test_chunk_markers_that_cut_a_cell_in_two_are_left_out_and_the_cell_joined(extractor):
    """A preview's chunk markers (1、 2、 3、, far apart) land inside a project's name (实训基地设备 / 3、购置项目) and
    inside a level-1 cell (效益 / 2、指标): the cell is one again, without the marker."""
    filler = [f"第{k}段说明文字" for k in range(10)]
    lines = (["1、项目支出绩效自评表", *filler, "项目名称", "实训基地设备", "2、购置项目", "主管部门", "示例县教育局"]
             + FUNDS_HEADER + ["年度资金总额", "150", "168", "159.6", "10", "95%", "9.5"] + IND_HEADER
             + ["产出指标", "数量指标", "购置实训设备", "≥24台", "26台", "15", "15", *filler[:4],
                "效益", "3、指标", "社会效益指标", "学生辍学率", "≤1%", "0.5%", "20", "20", "总分", "100", "97.5"])
    (p,) = _read(extractor, lines)
    assert p.name == "实训基地设备购置项目"
    assert ("效益指标", "社会效益指标", "学生辍学率") in [r[:3] for r in _rows(p)]


def test_numbered_lines_close_together_are_a_list_not_chunk_markers():
    from jixiao.pipelines.stream_cells import StreamCell, chunk_markers

    cells = [StreamCell(k, k + 1, t) for k, t in enumerate(["年度目标", "1、完成改造", "2、提高覆盖率", "3、加强管理"])]
    assert chunk_markers(cells) == set()


def test_a_category_cell_a_jump_cut_its_row_after_opens_no_row(extractor):
    lines = FIELDS + FUNDS_HEADER + ["年度资金总额", "50", "50", "48", "10", "96%", "9.6"] + IND_HEADER + [
        "产出指标", "数量指标", "维护广场数量", "≥12个", "12个", "20", "20",
        "质量", "……此处隐藏：1508字，全部文档内容请下载后查看。喜欢就下载吧……", "90%", "93%", "10", "10",
        "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "10", "10", "总分", "100", "96"]
    (p,) = _read(extractor, lines)
    assert [r[:3] for r in _rows(p)] == [("产出指标", "数量指标", "维护广场数量"),
                                         ("满意度指标", "服务对象满意度指标", "群众满意度")]


def test_a_jump_onto_a_row_that_opens_with_its_name(extractor):
    """The preview resumes on a row whose merged category cells stood on a skipped page: the row opens with its name
    and a target (no funds row prints ≥): it is an indicator without levels, not a funds row; the glued total label
    ('年度资金总额5,120,000.00') and the glued header words ('分值得分') are two cells each."""
    lines = FIELDS + ["单位：元", "项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
                      "年度资金总额4,800,000.00", "5,120,000.00", "5,068,800.00", "10", "99.00%", "9.9",
                      "1/9", "预览已结束，剩余部分需要下载查看", "5/9",
                      "主次干道机械化清扫率", "≥85%", "92%", "10", "10",
                      "时效指标", "垃圾日产日清率", "100%", "100%", "10", "10",
                      "满意度指标", "服务对象满意度指标", "市民满意度", "≥85%", "88.6%", "10", "10",
                      "总分", "100", "97.6"]
    (p,) = _read(extractor, lines)
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (4800000, 5120000, 5068800)
    assert _rows(p) == [
        (None, None, "主次干道机械化清扫率", "≥85%", "92%", 10, 10),
        ("产出指标", "时效指标", "垃圾日产日清率", "100%", "100%", 10, 10),
        ("满意度指标", "服务对象满意度指标", "市民满意度", "≥85%", "88.6%", 10, 10),
    ]


def test_glued_header_words_in_the_funds_header(extractor):
    """'执行率得分' after '分值' is two header cells: the total row's six numbers keep their columns."""
    header = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率得分"]
    lines = FIELDS + header + ["年度资金总额", "42", "42", "40.32", "10", "96%", "9.6",
                               "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
                               "得分", "偏差原因分析及改进措施",
                               "产出指标", "数量指标", "强制检定计量器具数量", "≥6000台件", "6320台件", "20", "20",
                               "总分", "100", "98.6"]
    (p,) = _read(extractor, lines)
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (420000, 403200, 96)
    assert _rows(p) == [("产出指标", "数量指标", "强制检定计量器具数量", "≥6000台件", "6320台件", 20, 20)]


def test_a_jump_out_of_a_breakdown_row_glued_onto_a_row_tail_is_no_indicator(extractor):
    """The total row is whole, then '其中：当年财' (the 其中 row's label cut by the jump) glued onto the tail of a row
    whose name the jump lost: that tail is no indicator, the total row still gives the funds."""
    lines = FIELDS + FUNDS_HEADER + [
        "年度资金总额", "30", "32", "31.36", "10", "98%", "9.8",
        "其中：当年财≥95%", "97%", "10", "10",
        "时效指标", "广场设施维修完成时间", "2023年10月前", "2023年9月", "10", "10",
        "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "10", "10",
    ]
    (p,) = _read(extractor, lines)
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (320000, 313600, 98)
    assert _rows(p) == [
        ("产出指标", "时效指标", "广场设施维修完成时间", "2023年10月前", "2023年9月", 10, 10),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", 10, 10),
    ]
