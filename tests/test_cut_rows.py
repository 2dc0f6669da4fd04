"""Where an excerpt stopped inside a table's last indicator row (cut_rows): invented rows."""

from __future__ import annotations

import pytest

from jixiao.pipelines.cut_rows import stops_short
from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.parsed import ParsedIndicator, Span


def _ind(*values: str | None) -> ParsedIndicator:
    target, actual, weight, score = (Span(text=v, start=0, end=len(v)) if v else None for v in values)
    return ParsedIndicator(name=Span(text="x", start=0, end=1), target=[target] if target else [], actual=actual,
                           weight=weight, score=score)


def test_a_last_row_filling_fewer_cells_than_every_row_before_stops_short():
    full = [_ind("≥98%", "99%", "15", "15"), _ind("38座", "38座", "15", "15")]
    assert stops_short([*full, _ind("≤24小", None, None, None)], [])
    assert not stops_short([*full, _ind("≥90%", "93%", "15", "14")], [])
    assert not stops_short([full[0], _ind("≤24小", None, None, None)], [])  # one row before it says too little


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.from_settings(load_tagger=False)


ROWS = "\n".join([
    "項目名稱 城區公廁運(yùn)行管護(hù)經費",
    "主管部門 示例縣城市管理局 實施單位 示例縣環境衛(wèi)生服務中心",
    "項目資金(元) 年初預(yù)算數(shù) 全年預(yù)算數(shù) 全年執(zhí)行數(shù) 分值 執(zhí)行率 得分",
    "年度資金總額 460000.00 460000.00 437000.00 10 95% 9.5",
    "績效指標(biāo) 一級指標(biāo) 二級指標(biāo) 三級指標(biāo) 年度指標(biāo)值 實際完成值 分值 得分 偏差原因分析及改進(jìn)措施",
    "產(chǎn)出指標(biāo) 數(shù)量指標(biāo) 管護公廁數量 38座 38座 15 15",
    "質量指標(biāo) 保潔檢查達(dá)標(biāo)率 ≥98% 99% 15 15",
])


@pytest.mark.parametrize("mode", ["space rows", "one cell per line"])
def test_a_row_the_excerpt_stops_in_is_no_indicator(extractor, mode):
    text = ROWS + "\n時效指標(biāo) 公廁故障處理時限 ≤24小"
    if mode == "one cell per line":
        text = text.replace(" ", "\n")
    [p] = extractor.extract_text(text, doc_id="cut", mode="parser").projects
    assert [i.name for i in p.indicators] == ["管護公廁數量", "保潔檢查達(dá)標(biāo)率"]
    whole = extractor.extract_text(ROWS + "\n時效指標(biāo) 公廁故障處理時限 ≤24小時 20小時 10 10",
                                   doc_id="whole", mode="parser").projects[0]
    assert whole.indicators[-1].name == "公廁故障處理時限"
