"""The collapsed-text reader (``flat``) on a space-row table whose header wrapped over two lines (年度 / 指标值,
实际 / 完成值) and that prints a 评分标准 column, with its newlines collapsed to spaces. Invented example."""


from jixiao.eval.variants import collapse


LINES = [
    "项目支出绩效自评表", "项目名称 乡镇敬老院运营补助", "主管部门 示例县民政局 实施单位 示例县社会福利中心",
    "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
    "年度资金总额 80 80 76 10 95% 9.5",
    "绩效指标 一级指标 二级指标 三级指标 年度 实际 分值 得分 评分标准 偏差原因分析及改进措施",
    "指标值 完成值",
    "产出指标 数量指标 集中供养特困人员 ≥120人 126人 20 20 完成得满分",
    "床位使用率 ≥70% 66% 20 18 未达标按比例扣分 部分老人回家居住",
    "效益指标 社会效益指标 供养对象生活质量 有所提高 有所提高 30 30 酌情扣分",
    "满意度指标 服务对象满意度指标 供养对象满意度 ≥90% 95% 20 20 达到得满分",
    "总分 100 97.5",
]


def test_a_wrapped_header_run_together_gives_its_columns(extractor):
    """年度 … 指标值 and 实际 … 完成值 are one column each; 评分标准 names a column of no field (no wrapped word's tail) and
    its cells open no row."""
    p, = extractor.extract_text(collapse("\n".join(LINES)), doc_id="t", mode="parser").projects
    rows = [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]
    assert rows == [
        ("数量指标", "集中供养特困人员", "≥120人", "126人", 20.0, 20.0),
        ("数量指标", "床位使用率", "≥70%", "66%", 20.0, 18.0),
        ("社会效益指标", "供养对象生活质量", "有所提高", "有所提高", 30.0, 30.0),
        ("服务对象满意度指标", "供养对象满意度", "≥90%", "95%", 20.0, 20.0),
    ]


def test_a_wrapped_header_whose_run_also_holds_first_line_columns():
    """The wrapped words (指标值 完成值 及改进措施) follow first-line words that name columns alone (实际 分值 得分
    偏差原因分析): the second line is the suffix whose every word completes a first-line word, and a level column
    (一级指标) is completed by none."""
    from jixiao.pipelines.flat import FlatParser
    from jixiao.pipelines.flat_header import indicator_header
    from jixiao.pipelines.scan_text import normalize_scanned

    text = ("项目名称 示例河道保洁经费 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析 "
            "指标值 完成值 及改进措施 产出指标 数量指标 保洁河道长度 ≥40公里 42公里 20 20")
    flat = FlatParser()
    norm = normalize_scanned(text)
    header, i, _ = indicator_header(flat.tokenizer.tokens(norm), flat._is_category, norm.text)
    assert [header.slots[k] for k in sorted(header.slots)] == [
        "l1", "l2", "name", "target", "actual", "weight", "score", "reason"]


def test_collapsed_table_with_reason_header_wrapped_reads_its_rows(extractor):
    lines = [
        "项目名称 示例河道保洁经费", "主管部门 示例县水利局 实施单位 示例县河道管理所",
        "绩效指标 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析",
        "指标值 完成值 及改进措施",
        "产出指标 数量指标 保洁河道长度 ≥40公里 42公里 20 20",
        "质量指标 水面保洁达标率 ≥95% 93% 20 18 汛期漂浮物多",
        "满意度指标 服务对象满意度指标 沿河群众满意度 ≥90% 94% 10 10",
        "总分 100 98",
    ]
    p, = extractor.extract_text(collapse("\n".join(lines)), doc_id="t", mode="parser").projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("保洁河道长度", "≥40公里", "42公里", 20.0, 20.0),
        ("水面保洁达标率", "≥95%", "93%", 20.0, 18.0),
        ("沿河群众满意度", "≥90%", "94%", 10.0, 10.0),
    ]


def test_a_header_run_on_kept_lines_ending_in_no_column_word_is_read_as_before():
    """Where the header's line break survives (the reader as a fallback of printed text) the whole run is the second
    line, as before; a run ending in a word of no column (评分标准) has no wrapped line and no error."""
    from jixiao.pipelines.flat import FlatParser
    from jixiao.pipelines.flat_header import indicator_header
    from jixiao.pipelines.scan_text import normalize_scanned

    flat = FlatParser()
    for text in ("一级指标 二级指标 三级指标 年度 实际 分值 得分 评分标准\n产出指标 数量指标 保洁长度 40公里 42公里 20 20",
                 "一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析\n指标值 完成值 及改进措施\n"
                 "产出指标 数量指标 保洁长度 40公里 42公里 20 20"):
        norm = normalize_scanned(text)
        found = indicator_header(flat.tokenizer.tokens(norm), flat._is_category, norm.text)
        assert found is None or found[0].name_col is not None
