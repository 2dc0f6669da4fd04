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
