"""Indicators whose target and actual are stated in different sections of a report (invented examples)."""

from jixiao.pipelines.prose_results import result_lines


def _read(text: str) -> list[tuple]:
    return [(i.name.text, i.target[0].text, i.actual.text, i.score.text) for i in result_lines(text, 0, len(text))]


def test_a_result_line_joins_the_target_stated_above_it():
    text = "\n".join(["二、年度绩效目标", "产出指标：新建村级卫生室数量5个；卫生室验收合格率≥95%。",
                      "效益指标：群众就医便利程度：有效提升。", "三、完成情况", "1.新建村级卫生室数量：已建成5个，得10分。",
                      "2.卫生室验收合格率：经县卫健局验收合格率100%，得10分。", "群众就医便利程度：有效提升，得20分。", ""])
    assert _read(text) == [("新建村级卫生室数量", "5个", "5个", "10"), ("卫生室验收合格率", "≥95%", "100%", "10"),
                           ("群众就医便利程度", "有效提升", "有效提升", "20")]


def test_a_result_line_without_a_target_above_is_none():
    text = "三、完成情况\n1.资金拨付及时性：按时拨付，得5分。\n2.制度健全性：制度健全，得5分。\n"
    assert _read(text) == []


def test_numbered_result_lines_restate_targets_stated_in_a_paragraph_of_levels():
    from jixiao.pipelines.prose_results import listed_results, restated_results
    text = "\n".join(["（二）区域绩效目标", "数量指标为新建标准化考场数量≥30个、更新监控设备数量≥600台；"
                      "可持续影响指标为考务管理长效机制持续完善。", "三、完成情况", "1.新建标准化考场数量：完成32个。",
                      "2.更新监控设备数量：完成612台。", "3.考务管理长效机制：持续完善。", "甲县：新建标准化考场12个；乙县：新建标准化考场20个。", ""])
    figures = [(i.name.text, i.target[0].text, i.actual.text) for i in restated_results(text, 0, len(text))]
    assert figures[:2] == [("新建标准化考场数量", "≥30个", "32个"), ("更新监控设备数量", "≥600台", "612台")]
    words = [(i.name.text, i.target[0].text, i.actual.text) for i in listed_results(text, 0, len(text))]
    assert ("考务管理长效机制", "持续完善", "持续完善") in words


def test_a_figure_restated_after_words_of_money_is_no_result():
    from jixiao.pipelines.prose_results import restated_results
    text = ("资金安排如下：农村书屋更新40万元、乡村舞台建设60万元。\n（一）子项目一：农村书屋更新（资金40万元）\n"
            "（二）子项目二：乡村舞台建设（资金60万元）\n")
    assert restated_results(text, 0, len(text)) == []


def test_two_lists_of_yishi_clauses_pair_their_items_by_the_words_they_share():
    from jixiao.pipelines.prose_results import enumerated_results
    text = "\n".join(["（一）产出目标：一是新建高效节水灌溉面积2万亩以上；二是培训种植户800人次；三是2023年6月30日前完成设备安装；"
                      "四是带动农户增收；五是灌溉管护机制持续完善。",
                      "（一）产出完成情况：一是新建高效节水灌溉面积2.1万亩；二是培训种植户826人次；三是2023年6月18日完成设备安装；"
                      "四是带动农户增收约650万元；五是灌溉管护机制持续完善。", ""])
    found = [(i.name.text, i.target[0].text if i.target else None, i.actual.text)
             for i in enumerated_results(text, 0, len(text))]
    assert found == [("新建高效节水灌溉面积", "2万亩以上", "2.1万亩"), ("培训种植户", "800人次", "826人次"),
                     # (a date first: the words both items end with name it)
                     ("完成设备安装", "2023年6月30日前", "2023年6月18日"),
                     # (no target printed: the result's words after the name are its actual)
                     ("带动农户增收", None, "约650万元")]
    # (the same words twice say nothing apart: passed over)
