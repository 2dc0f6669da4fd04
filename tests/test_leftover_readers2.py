"""Family-level reader gaps the blind rounds invbe / invbj left open (helper s11_leftovers2): a doc site's download
sentence glued after a flattened run's last cell, a funds row cut by a preview jump, an undelimited amount glued to
its funds label, a 自评结论 line's score and grade, a funds header hard-wrapped inside its words. Every example is
invented."""


def test_a_download_sentence_glued_after_the_last_verdict_is_no_remark(extractor):
    # a flattened preview without 分值/得分: the last row's verdict (remark column) and then the site's download
    # sentence on the same line; the verdict stays in the remark, the row has no actual
    text = ("项目支出绩效自评表\n项目名称乡村道路养护项目主管部门青禾县交通运输局实施单位青禾县公路管理站"
            "项目资金(万元)年初预算数全年预算数全年执行数执行率年度资金总额30302996.67%"
            "绩效指标一级指标二级指标三级指标年度指标值实际完成值偏差原因分析及改进措施"
            "产出指标数量指标养护道路里程≥40公里42公里路况巡查次数每月2次达成预期指标"
            "质量指标路面完好率≥90%93%达成预期指标"
            "满意度指标服务对象满意度指标沿线群众满意度≥85%未达成预期指标免费下载此文档全文,请点击下载按钮\n"
            "上一篇:示例文章 下一篇:示例文章二\n")
    p = extractor.extract_text(text, doc_id="t", mode="parser").projects[0]
    rows = {i.name: (i.target, i.actual) for i in p.indicators}
    assert rows["沿线群众满意度"] == ("≥85%", None)
    assert rows["路面完好率"] == ("≥90%", "93%")


def test_a_funds_row_cut_by_a_preview_jump_keeps_only_its_first_columns(extractor):
    # one cell a line (a doc site's preview): the total row prints two amounts, then the site hides the rest; the
    # amounts stand under 年初预算数 and 全年预算数, and no rate is read (the second amount is no 执行率)
    cells = ["项目支出绩效自评表", "项目名称", "城区绿化养护经费", "主管部门", "示例市城市管理局", "实施单位",
             "示例市园林绿化中心", "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
             "年度资金总额：64", "64", "……此处隐藏：1520字，全部文档内容请下载后查看。喜欢就下载吧……",
             "≥95%", "97%", "10", "10", "效益指标", "社会效益指标", "城区绿地覆盖率", "≥40%", "41.5%", "20", "20",
             "满意度指标", "服务对象满意度指标", "市民满意度", "≥85%", "90%", "10", "10", "总分", "100", "96"]
    p = extractor.extract_text("\n".join(cells) + "\n", doc_id="t", mode="parser").projects[0]
    assert (p.funds.initial_budget, p.funds.annual_budget) == (640000.0, 640000.0)
    assert p.funds.execution_rate is None and p.funds.executed is None
    assert "城区绿地覆盖率" in {i.name for i in p.indicators}


def _sheet(name: str, funds: list[str], rows: list[str], after: list[str]) -> list[str]:
    return (["项目支出绩效自评表", "（2023年度）", "金额单位：万元", "项目名称", name, "主管部门", "示例县水利局",
             "实施单位", "示例县河道管理站", "项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
             *funds, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
             *rows, *after])


def test_a_whole_amount_glued_to_its_funds_label_and_a_closing_score_line(extractor):
    # one cell a line, two sheets: the first's total row prints its label and 年初预算数 glued (年度资金总额128), and
    # no 总分 row: a 自评结论 line right after its last row states its score and grade; the second sheet is whole
    first = _sheet("2023年河道清淤专项资金", ["年度资金总额128", "136", "129.2", "10", "95%", "9.5"],
                   ["产出指标", "数量指标", "清淤河道长度", "≥12公里", "12.5公里", "20", "20",
                    "满意度指标", "服务对象满意度指标", "沿河群众满意度", "≥90%", "86%", "10", "8", "宣传不足"],
                   ["自评结论：该项目2023年度绩效自评得分92.5分，自评等级为“优”。", "Sheet2"])
    second = _sheet("2023年水库巡查经费", ["年度资金总额：20", "20", "19", "10", "95%", "9.5"],
                    ["产出指标", "数量指标", "水库巡查次数", "≥24次", "26次", "50", "50", "总分", "100", "90"], [])
    got = {x.name: x for x in extractor.extract_text("\n".join(first + second) + "\n", doc_id="t", mode="parser").projects}
    p, q = got["2023年河道清淤专项资金"], got["2023年水库巡查经费"]
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (1280000.0, 1360000.0, 1292000.0)
    assert (p.score, p.grade) == (92.5, "优")
    assert q.score == 90.0


def test_a_funds_run_with_three_amounts_and_a_decimal_rate_splits():
    from jixiao.pipelines.run_together import rate_agrees, split_rate_run
    # 216.06 / 240 = 90.03%; cuts ending in a tiny rate (…16.069 | 0.03%) agree with it only in points, and a cut that
    # runs one budget's digits into the next (260 | 24021 | 6.069) leaves budgets a hundredfold apart
    assert split_rate_run("260240216.0690.03%", (2, 3)) == ["260", "240", "216.06", "90.03%"]
    assert split_rate_run("424241.1698%", (2, 3)) == ["42", "42", "41.16", "98%"]
    assert split_rate_run("180160144.0890.05%", (2, 3)) == ["180", "160", "144.08", "90.05%"]
    assert not rate_agrees(2602402, 16.069, "0.03") and not rate_agrees(6014, 4.089, "0.05")
    assert rate_agrees(240, 216.06, "90.03") and rate_agrees(500, 0.7, "0.1")  # (0.14% prints as 0.1%)


def test_a_hard_wrapped_flattened_form_reads_its_funds_row(extractor):
    # a mirror's text broken every 40 characters, its funds header words and its funds run cut across lines
    run = ("项目支出绩效自评表(2021年度)项目名称城区污水管网维修项目主管部门示例市住房和城乡建设局实施单位示例市排水管理所"
           "项目资金(万元)年初预算数全年预算数全年执行数执行率年度资金总额150140126.0490.03%其中:当年财政拨款150140"
           "126.0490.03%上年结转资金其他资金绩效指标一级指标二级指标三级指标年度指标值完成情况产出指标数量指标维修污水管网"
           "长度≥12公里达成预期指标质量指标维修工程验收合格率100%达成预期指标效益指标社会效益指标管网溢流点数量下降"
           "≥30%达成预期指标满意度指标服务对象满意度指标周边居民满意度≥90%达成预期指标")
    width = 40
    text = "\n".join(run[k:k + width] for k in range(0, len(run), width)) + "\n"
    p = extractor.extract_text(text, doc_id="t", mode="parser").projects[0]
    f = p.funds
    assert (f.initial_budget, f.annual_budget, f.executed, f.execution_rate) == (1500000.0, 1400000.0, 1260400.0, 90.03)
