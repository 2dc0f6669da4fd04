"""Indicators printed as blocks of labeled lines, one field a line (invented examples)."""

from jixiao.pipelines.prose_blocks import field_blocks


def _blocks(text: str) -> list[dict[str, str]]:
    return [{k: v.text for k, v in b.fields.items()} for b in field_blocks(text, 0, len(text))]


def test_a_block_takes_the_level_lines_above_its_name_and_the_fields_after_it():
    text = "\n".join(["1.", "一级指标：产出指标", "二级指标：时效指标", "指标名称：补助发放及时率", "年度目标：100%",
                      "实际完成：100%", "分值：5分　得分：5分", "2.", "二级指标：质量指标", "指标名称：档案合格率",
                      "全年目标值：≥95%", "实际完成值：97%", ""])
    assert _blocks(text) == [
        {"level1": "产出指标", "level2": "时效指标", "name": "补助发放及时率", "target": "100%", "actual": "100%",
         "weight": "5分", "score": "5分"},
        # (a form numbering its items, 1. / 2., prints each item's own levels: none carries over)
        {"level2": "质量指标", "name": "档案合格率", "target": "≥95%", "actual": "97%"}]


def test_a_name_without_values_is_no_indicator_and_prose_lines_close_a_block():
    text = "\n".join(["指标名称：待定指标", "说明：本指标本年度未设置目标。", "指标名称：培训人次", "年度目标：200人次",
                      "本年度我单位还组织开展了多场专题培训活动，参训人员覆盖全县各乡镇和各部门的业务骨干，取得了良好效果，"
                      "为下一步工作打下了坚实基础，各乡镇普遍反映培训内容贴近实际、针对性强、效果明显。",
                      "实际完成：260人次", ""])
    blocks = field_blocks(text, 0, len(text))
    assert [b.indicator() is None for b in blocks] == [True, False]
    assert {k: v.text for k, v in blocks[1].fields.items()} == {"name": "培训人次", "target": "200人次"}


def test_blocks_named_after_an_item_number_with_marks_on_one_line():
    from jixiao.pipelines.normalize import normalize_text
    from jixiao.pipelines.prose_blocks import field_blocks

    text = "（1）名称：禁牧面积\n年度指标值：≥126万亩\n实际完成值：126.3万亩\n分值：10分；得分：10分\n（2）名称：草畜平衡面积\n" \
           "年度指标值：≥58万亩\n实际完成值：58万亩\n分值：10分；得分：9分\n"
    text = normalize_text(text).text  # (（1） as the readers see it: (1))
    got = [(i.name.text, i.target[0].text, i.actual.text, i.weight.text, i.score.text)
           for b in field_blocks(text, 0, len(text)) if (i := b.indicator())]
    assert got == [("禁牧面积", "≥126万亩", "126.3万亩", "10", "10"), ("草畜平衡面积", "≥58万亩", "58万亩", "10", "9")]


def test_a_level_printed_once_heads_every_block_under_it_and_a_new_level1_ends_its_level2():
    text = "\n".join(["一级指标：产出指标", "二级指标：数量指标", "三级指标：补贴发放面积", "年度指标值：≥285万亩", "实际完成值：286万亩",
                      "三级指标：补贴发放户数", "年度指标值：≥6万户", "实际完成值：6.2万户",
                      "一级指标：满意度指标", "三级指标：农户满意度", "年度指标值：≥90%", "实际完成值：94%", ""])
    assert [(b.get("level1"), b.get("level2"), b["name"]) for b in _blocks(text)] == [
        ("产出指标", "数量指标", "补贴发放面积"), ("产出指标", "数量指标", "补贴发放户数"), ("满意度指标", None, "农户满意度")]


def test_shorter_labels_of_a_block_name_and_its_self_score():
    text = "\n".join(["指标1", "一级指标: 产出指标", "二级指标: 数量指标", "指标: 慰问困难老人人数", "指标值: ≥800人",
                      "完成值: 826人", "权重: 10", "自评分: 10", ""])
    assert _blocks(text) == [{"level1": "产出指标", "level2": "数量指标", "name": "慰问困难老人人数", "target": "≥800人",
                              "actual": "826人", "weight": "10", "score": "10"}]


def test_a_block_named_in_square_brackets_on_a_line_of_its_own():
    text = "\n".join(["1.数量指标", "【档案数字化页数】", "年度目标：≥12万页", "完成情况：12.6万页", "分值：10分　得分：10分", "",
                      "【数量指标】", "【修复破损档案卷数】", "年度目标：300卷", "实际完成：310卷", ""])
    # (【数量指标】 names a category, not an indicator: it heads the block after it)
    assert _blocks(text) == [
        {"name": "档案数字化页数", "target": "≥12万页", "actual": "12.6万页", "weight": "10分", "score": "10分"},
        {"name": "修复破损档案卷数", "target": "300卷", "actual": "310卷"}]
