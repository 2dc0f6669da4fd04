"""The indicator header read against its rows: a score column the header left unheaded (invented examples)."""


REGION = [
    "中央对地方转移支付区域绩效自评表",
    "转移支付名称 示例省农村公路养护补助资金",
    "地方主管部门 示例市交通运输局 资金使用单位 示例市公路事业发展中心",
    "资金情况（万元） 全年预算数（A） 全年执行数（B） 执行率（B/A）",
    "年度资金总额： 500 480 0.96",
    "一级指标 二级指标 三级指标 指标值 全年实际完成值 未完成原因和改进措施",
]


def _rows(extractor, lines):
    (p,) = extractor.extract_text("\n".join(REGION + lines), doc_id="t", mode="parser").projects
    return [(i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]


def test_an_unheaded_right_most_number_is_the_score(extractor):
    """Space rows one number longer than the header's columns: that number is the 得分 (no 分值: weight null), also
    where a remark stands between it and the actual, and in rows that lost their level cells."""
    rows = _rows(extractor, [
        "产出指标 数量指标 养护农村公路里程 ≥1200公里 1260公里 30",
        "质量指标 优良中等路率 ≥75% 78% 30",
        "效益指标 社会效益指标 群众出行条件改善 明显改善 有所改善 部分路段雨季通行受限 8",
        "满意度指标 服务对象满意度指标 沿线群众满意度 ≥90% 94% 10"])
    assert rows == [("养护农村公路里程", "≥1200公里", "1260公里", None, 30.0), ("优良中等路率", "≥75%", "78%", None, 30.0),
                    ("群众出行条件改善", "明显改善", "有所改善", None, 8.0), ("沿线群众满意度", "≥90%", "94%", None, 10.0)]


def test_rows_as_wide_as_the_header_keep_their_columns(extractor):
    """Rows printing only the header's columns (a bare-number actual last) have no unheaded score."""
    rows = _rows(extractor, ["产出指标 数量指标 养护农村公路里程 1200 1260",
                             "效益指标 社会效益指标 公路列养率 100 100"])
    assert rows == [("养护农村公路里程", "1200", "1260", None, None), ("公路列养率", "100", "100", None, None)]
