"""The collapsed-text reader (``flat``) on numbered rows (序号) of 权重 / 完成值 / 得分 tables, operator, value and unit
columns apart, page furniture between the rows, and codes glued to the project name. Invented examples."""

from jixiao.pipelines.parsed import Span
from jixiao.pipelines.project_fields import split_code


def _rows(p):
    return [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators]


SHEET = [
    "项目支出绩效自评表", "项目名称  乡镇应急广播维护项目", "主管部门  示例县文化广电局          实施单位  示例县广播站",
    "项目资金（元）  年初预算数  全年预算数  全年执行数  权重  执行率  得分",
    "年度资金总额  500,000.00  500,000.00  450,000.00  10  90.00%  9",
    "序号  一级指标  二级指标  三级指标  运算符号  指标值  度量单位  权重  完成值  得分  偏差原因分析",
    "1  产出指标  数量指标  维护广播终端数  ≥  300  台  30  310台  30",
    "2    时效指标  故障修复时间  ≤  24  小时  20  30小时  15",
    "制表人：李某      审核人：王某",
    "- 1 -",
    "序号  一级指标  二级指标  三级指标  运算符号  指标值  度量单位  权重  完成值  得分  偏差原因分析",
    "3  成本指标  经济成本指标  单台维护费用  ≤  1500  元/台  20  1452元/台  20",
    "4  效益指标  社会效益指标  应急信息覆盖行政村  ≥  120  个  20  116个  17  4个村线路改造未完成，次年完成",
    "5  满意度指标  服务对象满意度指标  村民满意度  ≥  90  %  0  93%  0",
    "总分  100    91",
]


def test_numbered_rows_with_weight_before_the_actual_and_a_repeated_header(extractor):
    """Space rows the space-row reader cannot align, read as collapsed text: 权重 before 完成值 (no numeric tail),
    compound units (元/台, 小时), the 制表人 line, a '- 1 -' page number and the header printed again on the next
    page, and a remark after a row's score before the next 序号: every row read whole."""
    p, = extractor.extract_text("\n".join(SHEET), doc_id="t", mode="parser").projects
    assert _rows(p) == [
        ("数量指标", "维护广播终端数", "≥300台", "310台", 30, 30),
        ("时效指标", "故障修复时间", "≤24小时", "30小时", 20, 15),
        ("经济成本指标", "单台维护费用", "≤1500元/台", "1452元/台", 20, 20),
        ("社会效益指标", "应急信息覆盖行政村", "≥120个", "116个", 20, 17),
        ("服务对象满意度指标", "村民满意度", "≥90%", "93%", 0, 0),
    ]


CELLS = [
    "项目名称", "社区养老驿站运营补贴", "主管部门", "示例区民政局", "预算单位", "示例区养老服务中心", "归口处室", "养老服务科",
    "项目资金（元）", "年初预算数", "调整后预算数", "执行数", "权重", "执行率", "得分",
    "年度资金总额", "800,000.00", "800,000.00", "720,000.00", "10", "90.00%", "9",
    "序号", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分", "偏差原因分析",
    "1", "产出指标", "数量指标", "运营驿站数", "≧8个", "8个", "30", "30",
    "2", "时效指标", "补贴发放时间", "≦6月底", "7月底", "30", "4", "审核材料退回补正",
    "3", "效益指标", "社会效益指标", "服务老人人次", "≧5000人次", "5300人次", "20", "20",
    "4", "满意度指标", "服务对象满意度指标", "老人满意度", "≧90%", "88%", "10", "5", "部分驿站用餐品种较少",
    "合计", "100", "88",
]


def test_a_score_that_looks_like_the_next_serial(extractor):
    """One cell a line, the 偏差原因 cell after a row's score: the score 4 before the remark and 2's row is no 序号
    (3 is next), nor is the last row's 5 before its remark and the total (no row of a name alone before 合计)."""
    p, = extractor.extract_text("\n".join(CELLS), doc_id="t", mode="parser").projects
    assert _rows(p) == [
        ("数量指标", "运营驿站数", "≧8个", "8个", 30, 30),
        ("时效指标", "补贴发放时间", "≦6月底", "7月底", 30, 4),
        ("社会效益指标", "服务老人人次", "≧5000人次", "5300人次", 20, 20),
        ("服务对象满意度指标", "老人满意度", "≧90%", "88%", 10, 5),
    ]


RUN = ("项目支出绩效自评表 项目名称 3301022300000000123 城市书房运营经费 主管部门 示例市文化局 实施单位 示例市图书馆 "
       "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 40 40 38 10 95% 9.5 "
       "绩效指标 一级指标 二级指标 三级指标 运算符号 年度指标值 度量单位 实际完成值 分值 得分 "
       "产出指标 数量指标 城市书房开放数量 大于等于 12 个 12个 30 30 第 1 页 共 2 页 "
       "效益指标 社会效益指标 年接待读者人次 大于等于 20 万人次 21万人次 30 30 "
       "满意度指标 服务对象满意度指标 读者满意度 大于等于 90 % 95% 30 30 总分 100 99.5 第 2 页 共 2 页")


def test_a_run_together_line_with_a_spaced_page_counter_and_a_code_before_the_name(extractor):
    """A whole table on one line: the code printed before the name (the space between lost when the tokens are
    joined) goes to code, and '第 1 页 共 2 页' between two rows is no row."""
    p, = extractor.extract_text(RUN, doc_id="t", mode="parser").projects
    assert (p.name, p.code) == ("城市书房运营经费", "3301022300000000123")
    assert _rows(p) == [
        ("数量指标", "城市书房开放数量", "大于等于12个", "12个", 30, 30),
        ("社会效益指标", "年接待读者人次", "大于等于20万人次", "21万人次", 30, 30),
        ("服务对象满意度指标", "读者满意度", "大于等于90%", "95%", 30, 30),
    ]


def test_split_code_glued_and_not():
    """A long code glued to a Chinese name is split off; a year or a short model number opening a name is not."""
    def split(t):
        code, name = split_code(Span(text=t, start=0, end=len(t)))
        return (code.text if code else None, name.text)
    assert split("32108123Y000000004417农村改厕") == ("32108123Y000000004417", "农村改厕")
    assert split("2023年农村改厕") == (None, "2023年农村改厕")
    assert split("5G基站建设补助") == (None, "5G基站建设补助")
    assert split("51090422T000000280419-工资性支出") == ("51090422T000000280419", "工资性支出")
