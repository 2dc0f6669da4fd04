"""Tables a text browser laid out on a fixed grid (lynx -dump): columns one blank apart, cells wrapped inside
their column, merged cells printed once at the top of their group. Invented examples."""


from jixiao.pipelines.grid_rows import grid_rows
from jixiao.pipelines.layout import parse_rows
from jixiao.pipelines.normalize import normalize_text

LYNX = """\
   项目名称            示例街道路灯维护经费
   主管部门 示例区城市管理局    实施单位 示例区市政所
   项目资金 年初预算数 全年预算 全年执行 执行率
   （万元）            数       数
   年度资金 30         32       28.8     90%
   总额
   二级指标 三级指标   年度指标 实际完成 分值     得分
                       值       值
   数量指标 维护路灯数 ≥800盏   812盏    20       20
            量
            新装路灯数 ≥60盏    60盏     10       10
   质量指标 路灯亮灯率 ≥98%     97.5%    10       9
   总分                                  40       39
"""


def _rows(text):
    return [r.texts for r in parse_rows(grid_rows(normalize_text(text)))]


def test_wrapped_cells_join_per_column():
    rows = _rows(LYNX)
    assert ["年度资金总额", "30", "32", "28.8", "90%"] in rows
    assert ["数量指标", "维护路灯数量", "≥800盏", "812盏", "20", "20"] in rows
    assert ["", "新装路灯数", "≥60盏", "60盏", "10", "10"] in rows  # under the merged 数量指标
    assert ["二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"] in rows


def test_web_text_of_space_rows_is_no_grid():
    """Cells one space apart whose words do not line up under columns (web text of a table) are left alone."""
    text = "\n".join([
        "项目名称 示例项目", "主管部门 示例局 实施单位 示例所",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 维护路灯数量 ≥800盏 812盏 20 20", "质量指标 路灯亮灯率 ≥98% 97.5% 10 9",
        "时效指标 完工时间 11月底前 11月 10 10", "效益指标 社会效益指标 夜间出行安全 提升 提升 10 10",
        "满意度指标 服务对象满意度指标 居民满意度 ≥90% 95% 10 10"]) + "\n"
    norm = normalize_text(text)
    assert grid_rows(norm) is norm


def test_a_lynx_dump_reads_as_a_record(extractor):
    p, = extractor.extract_text(LYNX, doc_id="t", mode="parser").projects
    assert (p.name, p.department, p.implementer) == ("示例街道路灯维护经费", "示例区城市管理局", "示例区市政所")
    assert (p.funds.initial_budget, p.funds.annual_budget, p.funds.executed) == (300000, 320000, 288000)
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in p.indicators] == [
        ("数量指标", "维护路灯数量", "≥800盏", "812盏", 20, 20), ("数量指标", "新装路灯数", "≥60盏", "60盏", 10, 10),
        ("质量指标", "路灯亮灯率", "≥98%", "97.5%", 10, 9)]
