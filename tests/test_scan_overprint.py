"""What a scan prints over the text (a seal's words, a page's running title) is left out of what the readers see;
the rest of the line reads as printed."""

from jixiao.pipelines.scan_overprint import overprinted
from jixiao.pipelines.scan_text import normalize_scanned


def _kept(text: str) -> str:
    gone = set(overprinted(text))
    return "".join(ch for i, ch in enumerate(text) if i not in gone)


def test_a_seal_read_into_a_figure_and_a_seal_word_between_two_words_are_left_out():
    text = "满意度,年度目标≥85%,实际完成8丰水县林业局\n7.5%,分值10分,得分 业务专用章 9.5分。"
    assert _kept(text) == "满意度,年度目标≥85%,实际完成87.5%,分值10分,得分 9.5分。"


def test_a_seal_naming_its_bureau_between_a_rows_weight_and_score_is_no_cell():
    row = "社会效益 培训后就业率 ≥70% 66% 15 石门县财政局 13.5 就业意愿不足"
    assert _kept(row) == "社会效益 培训后就业率 ≥70% 66% 15 13.5 就业意愿不足"
    # an organisation's name in its own field, or after a code, stays
    for kept in ("主管部门 石门县财政局 实施单位 石门县国库支付中心", "2080109 石门县社会保险中心 38125400.00"):
        assert overprinted(kept) == []


def test_a_running_title_inside_a_sentence_the_page_cut_is_left_out():
    text = ("④路面优良率:目标值≥80%,完成值\n— 2 —\n青川镇2023年度道路养护资金绩效自评报告\n"
            "76.5%,分值15分,得分12分。\n")
    norm = normalize_scanned(text)
    assert "自评报告" not in norm.text and "完成值\n76.5%" in norm.text


def test_a_title_after_a_page_that_ended_its_sentence_stays():
    # a second report starting on a new page: the page before ended with a full stop
    text = "项目自评得分97分,等级为优。\n— 2 —\n青川镇2023年度路灯维护资金绩效自评报告\n一、项目概况\n"
    assert "路灯维护资金绩效自评报告" in normalize_scanned(text).text


def test_a_scanned_report_reads_its_satisfaction_through_the_seal(extractor):
    text = (
        "丰水县林业局2023年度森林防火补助资金绩效自评报告\n"
        "    一、项目基本情况\n"
        "    项目名称:2023年森林防火补助资金。主管部门:丰水县林业局。\n"
        "    (三)满意度指标\n"
        "    服务对象满意度指标:林农满意度,年度目标≥85%,实际完成8丰水县林业局\n"
        "7.5%,分值10分,得分 财务专用章 9.5分。\n"
    )
    ind = extractor.extract_text(text).projects[0].indicators[0]
    assert (ind.name, ind.actual, ind.weight, ind.score) == ("林农满意度", "87.5%", 10.0, 9.5)
