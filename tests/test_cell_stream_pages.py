"""A web page carrying several tables one cell per paragraph (HTML reading order): each under its own heading, lead
sentence, attachment mark or title. What stands between two tables belongs to neither table's rows, and a lead
sentence above a table speaks for that table. Every example is invented."""

import pytest

from jixiao.pipelines.cell_stream import cell_stream_rows
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.prose import ProseParser
from tests.cell_pages import BLANK, page


def table(name: str, executed: str, rate: str, rows: tuple[str, ...], total: tuple[str, ...] = ()) -> tuple[str, ...]:
    """A region-level transfer table without 分值/得分 columns, or with them where the rows print them."""
    return ("转移支付区域（项目）绩效目标自评表", "（2023年度）", "转移支付（项目）名称", name,
            "地方主管部门", "示例市水务局", "资金使用单位", "示例市水务局",
            "资金情况（万元）", BLANK, "全年预算数（A）", "全年执行数（B）", "执行率（B/A）",
            "年度资金总额", "200", executed, rate,
            "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "偏差原因分析",
            "产出指标", "数量指标", *rows, *total)


ROWS_A = ("维修泵站数量", "≥12座", "12座", BLANK, "质量指标", "维修工程验收合格率", "100%", "100%", BLANK,
          "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", BLANK)
ROWS_B = ("清淤河道长度", "≥8公里", "8.4公里", BLANK, "时效指标", "清淤完成时间", "2023年6月底前", "2023年6月20日", BLANK)


@pytest.mark.parametrize("between", [("附件2",), ("附件2：",), ()])
def test_the_next_tables_mark_and_title_are_no_indicator_row(extractor, between):
    """附件2 and the next table's title (…绩效目标自评表) after the last row of a table without a total row close its
    rows: the mark is no indicator name, the title no target."""
    text = page("示例市水务局2023年度转移支付资金绩效自评表公示", "附件1",
                *table("2023年中央水利发展资金", "190", "95%", ROWS_A), *between,
                *table("2023年省级河道清淤补助资金", "180", "90%", ROWS_B))
    record = extractor.extract_text(text, doc_id="t", mode="parser")
    assert [p.name for p in record.projects] == ["2023年中央水利发展资金", "2023年省级河道清淤补助资金"]
    assert [[i.name for i in p.indicators] for p in record.projects] == [
        ["维修泵站数量", "维修工程验收合格率", "群众满意度"], ["清淤河道长度", "清淤完成时间"]]
    assert record.projects[0].indicators[-1].actual == "93%"
    assert [p.funds.execution_rate for p in record.projects] == [95.0, 90.0]


SCORED = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")


def project_table(name: str, score: str) -> tuple[str, ...]:
    return ("项目支出绩效自评表", "项目名称", name, "主管部门", "示例县卫生健康局", "实施单位", "示例县疾控中心",
            "项目资金（万元）", BLANK, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
            "年度资金总额", "50", "50", "48", "10", "96%", "9.6", *SCORED,
            "产出指标", "数量指标", "开展监测点位数", "≥20个", "21个", "50", "50", BLANK,
            "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "40", score, BLANK,
            "总分", "100", str(round(float(score) + 59.6, 1)), BLANK)


def test_a_lead_sentence_gives_its_own_tables_grade(extractor):
    """Two tables, each under a heading and a sentence stating its score and grade: each table gets the grade its
    own lead states (the score it states is the table's own total)."""
    text = page("示例县卫生健康局2023年度项目支出绩效自评结果公开",
                "我局对2023年度实施的项目开展了绩效自评，现将结果公开如下。",
                "一、饮用水水质监测项目", "该项目全年执行48万元，自评得分99.6分，等级为优。",
                *project_table("饮用水水质监测项目", "40"),
                "二、病媒生物监测项目", "该项目全年执行48万元，自评得分89.6分，等级为良。",
                *project_table("病媒生物监测项目", "30"))
    record = extractor.extract_text(text, doc_id="t", mode="parser")
    assert [(p.name, p.score, p.grade) for p in record.projects] == [
        ("饮用水水质监测项目", 99.6, "优"), ("病媒生物监测项目", 89.6, "良")]


def test_a_lead_stating_another_score_gives_no_grade(extractor):
    """A sentence above a table stating a score other than the table's total speaks of something else."""
    text = page("一、饮用水水质监测项目", "该项目自评得分99.6分，等级为优。", *project_table("饮用水水质监测项目", "40"),
                "二、病媒生物监测项目", "上年度该项目自评得分80分，等级为良。", *project_table("病媒生物监测项目", "30"))
    record = extractor.extract_text(text, doc_id="t", mode="parser")
    assert [(p.score, p.grade) for p in record.projects] == [(99.6, "优"), (89.6, None)]


@pytest.mark.parametrize("words", ["实施的项目", "本年度实施的项目", "部分项目", "重点项目"])
def test_the_projects_a_unit_carried_out_are_no_named_project(words):
    """对2023年度实施的项目开展了绩效自评 names no project: the tables or sections below name them."""
    text = f"按照区财政局通知要求，我局对2023年度{words}开展了绩效自评，现将自评结果公开如下。\n"
    assert ProseParser().parse(normalize_text(text)) == []


SCORED_FUNDS = ("资金情况（万元）", "全年预算数", "（A）", "全年执行数", "（B）", "执行率", "（B/A）", "分值", "得分",
                "年度资金总额", "845", "802.75", "95%", "10", "9.5", "其中：", "中央补助", "780", "741", "地方资金", "65",
                "61.75")


@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_a_column_mark_printed_under_its_header_word_is_that_column(extractor, sep):
    """全年预算数 / （A） as two paragraphs of one header cell (a Word table's <p> each): the mark is no column of its
    own, so the header stays one row and the amounts stay under their heads."""
    head = ("转移支付（项目）名称", "2022年中央财政森林生态效益补偿补助资金", "地方主管部门", "示例县林业局",
            "资金使用单位", "示例县林业局")
    rows = ("一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分",
            "产出指标", "数量指标", "补偿公益林面积", "≥56万亩", "56.3万亩", "45", "45",
            "满意度指标", "服务对象满意度指标", "林农满意度", "≥90%", "91%", "45", "42", "总分", "100", "96.5")
    text = sep.join((*head, *SCORED_FUNDS, *rows)) + "\n"
    lines = cell_stream_rows(normalize_text(text)).text.split("\n")
    assert "资金情况(万元)\t全年预算数(A)\t全年执行数(B)\t执行率(B/A)\t分值\t得分" in lines
    funds = extractor.extract_text(text, doc_id="t", mode="parser").projects[0].funds
    assert (funds.annual_budget, funds.executed, funds.execution_rate) == (8450000.0, 8027500.0, 95.0)


def test_header_words_a_cell_broke_into_two_paragraphs_name_one_column(extractor):
    """年度 / 指标值, 实际 / 完成值, 三级 / 指标, 偏差原因分析 / 及改进措施: header cells of two paragraphs each are one
    column each, so every row keeps its own cells (the next row's name is no remark of the row above)."""
    head = ("项目名称", "示例县乡村道路养护", "主管部门", "示例县交通运输局", "实施单位", "示例县公路养护站",
            "项目资金（万元）", BLANK, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
            "年度资金总额", "48", "48", "46.2", "10", "96.25%", "9.63")
    header = ("一级指标", "二级指标", "三级", "指标", "年度", "指标值", "实际", "完成值", "分值", "得分",
              "偏差原因分析", "及改进措施")
    rows = ("产出指标", "数量指标", "养护农村公路里程", "≥120公里", "126公里", "50", "50", BLANK,
            "路面病害处置数量", "≥300处", "312处", "20", "20", BLANK,
            "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "92%", "20", "19", "部分路段养护不及时",
            "总分", "100", "98.63", BLANK)
    text = page(*head, *header, *rows)
    assert "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施" in \
        cell_stream_rows(normalize_text(text)).text.split("\n")
    p = extractor.extract_text(text, doc_id="t", mode="parser").projects[0]
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("养护农村公路里程", "≥120公里", "126公里", 50.0, 50.0), ("路面病害处置数量", "≥300处", "312处", 20.0, 20.0),
        ("沿线群众满意度", "≥90%", "92%", 20.0, 19.0)]


@pytest.mark.parametrize("pair", [("自评", "未完成原因分析"), ("为优。", "五、下一步改进措施"), ("得分", "（万元）")])
def test_a_word_beside_a_header_word_is_not_its_half(pair):
    """A group caption (自评 over 分值 / 得分), a sentence's end or a unit note beside a header word keeps its own cell."""
    from jixiao.pipelines.stream_cells import StreamCell, join_split_header_words
    a, b = (normalize_text(x).text for x in pair)
    cells = [StreamCell(0, len(a), a), StreamCell(len(a) + 2, len(a) + 2 + len(b), b)]
    assert [c.clean for c in join_split_header_words(cells)] == [a, b]


def dashed_table(blank: str) -> tuple[str, ...]:
    """An Anhui 分值-first table whose page prints ``blank`` in every empty cell."""
    return ("项目名称", "示例市食品抽检经费", "主管部门", "示例市市场监督管理局", "实施单位", "示例市检验检测中心",
            "项目资金（万元）", blank, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
            "年度资金总额", "120", "135", "129.6", "10", "96%", "9.6",
            "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分", "偏差原因分析及改进措施",
            "产出指标", "数量指标", "监督抽检批次", "40", "≥1800批次", "1862批次", "40", blank,
            "快检筛查批次", "20", "≥6000批次", "6240批次", "20", blank,
            "满意度指标", "服务对象满意度指标", "社会公众满意度", "30", "≥85%", "88.6%", "28", "宣传覆盖不足",
            "总分", "100", blank, blank, "97.6", blank)


@pytest.mark.parametrize("blank", ["—", "/", "-", BLANK])
def test_a_dash_in_an_empty_cell_is_a_blank(extractor, blank):
    """Pages print — or / in empty cells: after a row's scores it is the blank remark (the next row's name is no
    part of this row's target), on the 总分 row it stands between the weights' total and the score."""
    p = extractor.extract_text(page(*dashed_table(blank)), doc_id="t", mode="parser").projects[0]
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("监督抽检批次", "≥1800批次", "1862批次", 40.0, 40.0), ("快检筛查批次", "≥6000批次", "6240批次", 20.0, 20.0),
        ("社会公众满意度", "≥85%", "88.6%", 30.0, 28.0)]
    assert p.score == 97.6


@pytest.mark.parametrize("after", [("（注：本表由资金使用单位填报，主管部门审核。）", "相关文章", "示例市2023年部门整体支出绩效自评报告"),
                                   ("注：本表金额单位为万元。", "相关新闻", "关于公开2023年度绩效自评结果的说明")])
def test_a_note_and_a_related_links_list_close_the_rows(extractor, after):
    """A bracketed note (（注：…）) and a page's 相关文章 list after the last row are no indicator row."""
    text = page(*table("2023年中央水利发展资金", "190", "95%", ROWS_A), *after)
    p = extractor.extract_text(text, doc_id="t", mode="parser").projects[0]
    assert [i.name for i in p.indicators] == ["维修泵站数量", "维修工程验收合格率", "群众满意度"]


def vanishing_table(target: tuple[str, ...]) -> tuple[str, ...]:
    """A national table on a page whose empty cells print nothing (no corner, no blank remarks)."""
    return ("项目名称", "示例镇农村改厕", "主管部门", "示例镇人民政府", "实施单位", "示例镇农业综合服务中心",
            "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
            "年度资金总额", "56", "56", "52.64", "10", "94%", "9.4",
            "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
            "产出指标", "数量指标", "户厕改造数量", "≥420户", "436户", "40", "40",
            "满意度指标", "服务对象满意度指标", "群众满意度", *target, "93.6%", "50", "48", "总分", "100", "97.4")


@pytest.mark.parametrize("target", [("≥90%",), ()])
def test_a_blank_target_that_printed_nothing_leaves_the_actual_in_place(extractor, target):
    """Where empty cells vanish, a row printing one text cell before its 分值 and 得分 lost its target (aligned from
    the right, contract): the name stays the name and the actual the actual."""
    p = extractor.extract_text(page(*vanishing_table(target)), doc_id="t", mode="parser").projects[0]
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("户厕改造数量", "≥420户", "436户", 40.0, 40.0), ("群众满意度", target[0] if target else None, "93.6%", 50.0, 48.0)]
    assert p.score == 97.4


def test_a_caption_repeating_its_first_leafs_word_is_no_column(extractor):
    """指标值 over 年度指标值 / 实际完成值, printed before 备注 with its leaves after it, on a page whose empty cells print
    nothing: the caption is no column, so a row is name, target, actual and the next row's name is no remark."""
    head = ("转移支付（项目）名称", "2022年耕地地力保护补贴资金", "地方主管部门", "示例县农业农村委员会", "资金使用单位",
            "示例县农业农村委员会", "资金来源（万元）", "全年预算数", "全年执行数", "执行率",
            "年度资金总额", "550", "524", "95.27%")
    rows = ("一级指标", "二级指标", "三级指标", "指标值", "备注", "年度指标值", "实际完成值",
            "产出指标", "数量指标", "补贴发放面积", "≥48.6万亩", "49.1万亩", "补贴农户数", "≥9.2万户", "9.35万户",
            "满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "95%", "【打印本页】")
    p = extractor.extract_text(page(*head, *rows), doc_id="t", mode="parser").projects[0]
    assert [(i.name, i.target, i.actual) for i in p.indicators] == [
        ("补贴发放面积", "≥48.6万亩", "49.1万亩"), ("补贴农户数", "≥9.2万户", "9.35万户"), ("农户满意度", "≥90%", "95%")]


def test_a_name_of_two_paragraphs_before_a_dash_remark(extractor):
    """维修养护工程 / 受益人口 (one name cell of two <p>), its values, then '—' for the blank remark: one name."""
    rows = ("维修泵站数量", "≥12座", "12座", "—", "维修养护工程", "受益人口", "≥8.5万人", "8.73万人", "—",
            "质量指标", "维修工程验收合格率", "100%", "100%", "—")
    cells = [c if c != BLANK else "—" for c in table("2023年中央水利发展资金", "190", "95%", rows)]
    p = extractor.extract_text(page(*cells), doc_id="t", mode="parser").projects[0]
    assert [(i.name, i.target, i.actual) for i in p.indicators] == [
        ("维修泵站数量", "≥12座", "12座"), ("维修养护工程受益人口", "≥8.5万人", "8.73万人"),
        ("维修工程验收合格率", "100%", "100%")]
