"""Data frames a crawler logged (pandas.read_html, then DataFrame.to_string()): index, NaN, merged cells copied
into every position. Invented examples."""


from jixiao.pipelines.frame_rows import frame_rows
from jixiao.pipelines.layout import parse_rows
from jixiao.pipelines.normalize import normalize_text

FRAMES = """\
          0                  1                2                3          4
0      项目名称               项目名称       示例社区助老服务经费       示例社区助老服务经费  示例社区助老服务经费
1      主管部门               主管部门         示例区民政局             实施单位   示例区养老服务中心
2  项目资金（万元）                NaN            年初预算数            全年预算数      全年执行数
3  项目资金（万元）             年度资金总额               40               40         36

    一级指标    二级指标    三级指标 年度指标值 实际完成值  分值  得分
0   产出指标    数量指标   助餐服务人次  ≥1万人次  1.2万人次   20   20
1   产出指标    数量指标   助餐点运行   正常   正常   10   10
2  满意度指标  服务对象满意度指标  老人满意度   ≥90%   93%   10   10
3     总分       总分      总分     总分     总分   40   40
"""


def _rows(text):
    return [r.texts for r in parse_rows(frame_rows(normalize_text(text)))]


def test_index_nan_and_copied_merged_cells():
    rows = _rows(FRAMES)
    assert ["项目名称", "", "示例社区助老服务经费", "", ""] in rows  # a colspan copied: once
    assert ["项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数"] in rows  # NaN: an empty cell
    assert ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"] in rows
    # two equal values side by side (a target and its actual, a weight and its score) stay two cells
    assert ["产出指标", "数量指标", "助餐点运行", "正常", "正常", "10", "10"] in rows
    assert ["总分", "", "", "", "", "40", "40"] in rows
    assert not any(r == ["0", "1", "2", "3", "4"] for r in rows)


def test_lines_that_count_from_one_are_no_frame():
    """A 序号 column counts from 1: such rows are a table's own, not a logged frame's index."""
    text = "1  产出指标  数量指标  10\n2  质量指标  合格率  10\n3  时效指标  及时率  10\n"
    norm = normalize_text(text)
    assert frame_rows(norm) is norm


def test_a_logged_frame_reads_as_a_record(extractor):
    p, = extractor.extract_text(FRAMES, doc_id="t", mode="parser").projects
    assert (p.name, p.department, p.implementer) == ("示例社区助老服务经费", "示例区民政局", "示例区养老服务中心")
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (400000, 400000, 360000)
    assert [(i.level2, i.name, i.target, i.actual, i.weight) for i in p.indicators] == [
        ("数量指标", "助餐服务人次", "≥1万人次", "1.2万人次", 20), ("数量指标", "助餐点运行", "正常", "正常", 10),
        ("服务对象满意度指标", "老人满意度", "≥90%", "93%", 10)]


MARKDOWN_FRAME = """\
|    | 0        | 1          | 2      | 3        | 4                   | 5    | 6    |
|---:|:---------|:-----------|:-------|:---------|:--------------------|:-----|:-----|
|  0 | 项目名称 | 示例村道养护经费 | nan    | nan      | nan                 | nan  | nan  |
|  1 | 主管部门 | 示例县交通局 | nan    | 实施单位 | 示例县公路养护站    | nan  | nan  |
|  2 | 项目资金（万元） | nan  | 年初预算数 | 全年预算数 | 全年执行数    | 执行率 | nan |
|  3 | nan      | 年度资金总额 | 50     | 50       | 48                  | 0.96 | nan  |
|  4 | 一级指标 | 二级指标   | 三级指标 | 年度指标值 | 实际完成值        | 分值 | 得分 |
|  5 | 产出指标 | 数量指标   | 养护里程 | ≥30公里  | 32公里              | 20   | 20   |
|  6 | nan      | 时效指标   | 完工时间 | 2023年11月底前 | 2023-11-20 00:00:00 | 10 | 10 |
|  7 | 总分     | nan        | nan    | nan      | nan                 | 30   | 30   |
"""


def test_markdown_frame_index_and_nan_cells():
    """df.to_markdown(): pipes (tab rows once normalized), the index and column numbers, ``nan`` for a blank."""
    rows = _rows(MARKDOWN_FRAME)
    assert ["项目名称", "示例村道养护经费", "", "", "", "", ""] in rows
    assert ["", "时效指标", "完工时间", "2023年11月底前", "2023-11-2000:00:00", "10", "10"] in rows
    assert not any("nan" in r or r[:2] == ["0", "1"] for r in rows)


def test_a_logged_markdown_frame_reads_as_a_record(extractor):
    p, = extractor.extract_text(MARKDOWN_FRAME, doc_id="t", mode="parser").projects
    assert (p.name, p.department, p.implementer) == ("示例村道养护经费", "示例县交通局", "示例县公路养护站")
    assert (p.funds.annual_budget, p.funds.executed, p.funds.execution_rate) == (500000, 480000, 96.0)
    assert [(i.level2, i.name, i.target, i.weight) for i in p.indicators] == [
        ("数量指标", "养护里程", "≥30公里", 20), ("时效指标", "完工时间", "2023年11月底前", 10)]
