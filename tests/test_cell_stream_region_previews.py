"""One cell a line or a paragraph, as region-level transfer tables and document-site previews print them (the invbe
round): the site's upload disclaimer and download button between pages, a jump past the indicator header over rows
that print no scores, the form's signature and the report's next section after the last row, a name glued to its
target inside a blank-separated table. Invented examples."""


def _read(extractor, lines, sep="\n"):
    return extractor.extract_text(sep.join(lines), doc_id="t", mode="parser").projects


def _rows(p):
    return [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]


REGION_HEAD = ["中央对地方转移支付区域绩效自评表", "转移支付名称", "示例补助资金", "中央主管部门", "示例部", "地方主管部门",
               "示例县示例局", "资金使用单位", "示例县示例中心", "资金情况（万元）", "全年预算数（A）", "全年执行数（B）",
               "执行率（B/A）", "年度资金总额", "100", "96", "96%", "其中：中央资金", "100", "96", "96%"]


def test_a_jump_past_the_header_keeps_the_last_unscored_row(extractor):
    """The header assumed from the template prints 分值 / 得分; rows of a region table print none, so the last row
    above the preview's end is no cut row."""
    lines = REGION_HEAD + ["年度总体目标", "预期目标", "实施情况", "目标1：完成示例任务", "96%",
                           "时效指标", "资金发放及时率", "≥95%", "100%",
                           "效益指标", "社会效益指标", "受益人数", "≥3200人", "3415人",
                           "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "92.7%",
                           "第3页/共3页", "本文档由用户上传，如有侵权请联系删除", "下载文档", "文档下载说明"]
    (p,) = _read(extractor, lines)
    assert [r[1] for r in _rows(p)] == ["资金发放及时率", "受益人数", "服务对象满意度"]


def test_the_upload_disclaimer_and_button_between_pages_are_no_cells(extractor):
    lines = REGION_HEAD + ["年度总体目标", "预期目标", "实际完成情况", "完成示例任务", "已完成",
                           "绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值",
                           "产出指标", "数量指标", "新建站点数量", "≥12个", "12个",
                           "质量指标", "验收合格率", "100%", "第3页/共4页", "下载文档",
                           "本文档由用户上传，如有侵权请联系删除", "100%",
                           "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "94%",
                           "填报单位：示例县示例局", "填表人：张三　　联系电话：0000-1234567", "下载文档"]
    (p,) = _read(extractor, lines)
    assert _rows(p) == [("数量指标", "新建站点数量", "≥12个", "12个", None, None),
                        ("质量指标", "验收合格率", "100%", "100%", None, None),
                        ("服务对象满意度指标", "群众满意度", "≥90%", "94%", None, None)]


def test_a_report_section_after_the_table_is_no_row(extractor):
    """Blank lines between cells; the last row's remark is an '&nbsp;'; the report's next section follows."""
    lines = REGION_HEAD + ["年度总体目标", "预期目标", "实施情况", "完成示例任务", "已完成",
                           "绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "偏差原因分析",
                           "产出指标", "数量指标", "维修工程数量", "≥42处", "45处", "&nbsp;",
                           "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", "&nbsp;",
                           "三、自评结论", "经评价，该资金区域绩效自评得分93分，评价等级为“优”。", "四、存在问题及改进措施",
                           "下一步将合理安排施工时序。"]
    (p,) = _read(extractor, lines, sep="\n\n")
    assert [r[1] for r in _rows(p)] == ["维修工程数量", "受益群众满意度"]


def test_a_name_glued_to_its_target_in_a_blank_separated_table(extractor):
    lines = ["项目支出绩效自评表", "项目名称", "示例保洁经费", "主管部门", "示例县城市管理局", "实施单位", "示例县环卫所",
             "项目资金（万元）", " ", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
             "年度资金总额", "320", "318.5", "305.76", "10", "96%", "9.6",
             "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
             "产出指标", "数量指标", "公厕保洁数量", "≥48座", "48座", "10", "10", " ",
             "质量指标", "道路机械化清扫率≥85%", "88%", "10", "10", " ",
             "满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "92%", "10", "10", " ",
             "总分", "100", "98"]
    (p,) = _read(extractor, lines, sep="\n\n")
    assert ("质量指标", "道路机械化清扫率", "≥85%", "88%", 10, 10) in _rows(p)
