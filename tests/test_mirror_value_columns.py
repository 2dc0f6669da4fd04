"""Traditional mirror pages, the value columns of flattened runs and space rows (blind round invbn): the rules the
round needed, each on an invented form (not the documents' texts)."""

from __future__ import annotations

import pytest

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.flat_row_values import RowShape, worded_target_tail
from jixiao.pipelines.flat_run import row_cells
from jixiao.pipelines.hard_wraps import hard_wrap_breaks
from jixiao.pipelines.indicator_header import IndicatorHeader
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.run_together import is_site_line


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.from_settings(load_tagger=False)


def _cells(text: str, shape: RowShape) -> list[str]:
    return [text[a:b] for a, b in row_cells(text, shape)]


def test_weight_and_score_with_decimals_run_together_split():
    shape = RowShape(values=2, numbers=2)
    assert _cells("巡查复核合格率≥95%94%7.56.5时效指标", shape) == ["巡查复核合格率", "≥95%", "94%", "7.5", "6.5", "时效指标"]
    assert _cells("报告报送每季度1份4份7.57.5", shape) == ["报告报送", "每季度1份", "4份", "7.5", "7.5"]


def test_a_count_in_blocks_is_a_value():
    shape = RowShape(values=2, numbers=1)
    assert _cells("更换指示牌数量20块18块8质量指标", shape) == ["更换指示牌数量", "20块", "18块", "8", "质量指标"]


def test_worded_target_before_a_verdict_keeps_its_adverb_and_a_manner_target():
    assert worded_target_tail("巡检平台运行持续运行") == 4  # 持续运行, not 运行
    assert worded_target_tail("月度报告报送按季度报送") == 5  # 按季度报送
    assert worded_target_tail("走访机制常态化长期") == 2
    assert worded_target_tail("按时完成") == 2


def test_a_status_column_closing_a_header_without_scores():
    # 年度指标值 | 实际完成值 | 完成情况 (a Hubei 2021 form printing both): the last column is a status, not the actual
    h = IndicatorHeader(0, {0: "l1", 1: "l2", 2: "name", 3: "target", 4: "actual", 5: "actual"}, 6)
    assert h.slots[4] == "actual" and h.slots[5] == "reason"
    # 上半年 / 全年 actuals before 分值 / 得分 stay as they were
    h = IndicatorHeader(0, {0: "name", 1: "target", 2: "actual", 3: "actual", 4: "weight", 5: "score"}, 6)
    assert h.slots[3] == "actual"


def test_pager_and_ad_lines_are_site_lines():
    assert is_site_line("上一页 1 2 3 下一页")
    assert is_site_line("展开全文 ▼")
    assert not is_site_line("产出指标 数量指标 巡查次数 12次 12次 10")


def test_space_rows_at_a_page_width_are_no_hard_wrap():
    rows = ["一级指标(biao1) 二级指标(biao1) 三级指标(biao1) 年初目标值 实际完成值 得分",
            "产出指标(biao1) 数量指标(biao1) 接入远程会诊卫生院数 ≥28个(ge4) 28个(ge4) 15",
            "效益指标(biao1) 社会效益指标(biao1) 患者等候时长缩短 ≤3天 2.5天 15"]
    assert hard_wrap_breaks("\n".join(["标题", *rows, "总分 92"])) == []


def test_a_page_label_beside_the_top_button_goes():
    norm = normalize_text("甲 乙 丙\n— 第 1 頁 —  返回頂部\n丁 戊")
    assert "返回" not in norm.text and "第" not in norm.text


FLAT = ("1、項目支出績效自評表(2021年度)項目名稱示例社區助餐補助主管部門示例縣民政局實施單位示例縣福利中心"
        "項目資金(萬元)年初預算數全年預算數全年執行數執行率年度資金總額1001009696%"
        "績效指標一級指標二級指標三級指標年度指標值實際完成值完成情況"
        "產出指標數量指標助餐點數量≥12個13個達成預期指標送餐服務人次≥3000人次部分達成"
        "質量指標餐食抽檢合格率100%100%達成預期指標時效指標補助撥付時間2021年6月底前未達成"
        "效益指標社會效益指標助餐覆蓋率≥60%\n展開全文 ▼\n廣告 相關專題:養老 助餐\n64%達成預期指標"
        "可持續影響指標助餐點運營機制持續運行達成預期指標滿意度指標服務對象滿意度指標老人滿意度≥90%93%達成預期指標")


def test_a_run_with_actuals_and_verdicts_across_site_lines(extractor: Extractor):
    rows = {i.name: i for i in extractor.extract_text(FLAT, doc_id="m", mode="parser").projects[0].indicators}
    assert (rows["助餐點數量"].target, rows["助餐點數量"].actual) == ("≥12個", "13個")
    assert (rows["送餐服務人次"].target, rows["送餐服務人次"].actual) == ("≥3000人次", None)
    assert rows["補助撥付時間"].actual is None
    assert (rows["助餐覆蓋率"].target, rows["助餐覆蓋率"].actual) == ("≥60%", "64%")
    assert rows["助餐點運營機制"].target == "持續運行"
    assert rows["老人滿意度"].actual == "93%"
