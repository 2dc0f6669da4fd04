"""Ablation variants: collapsed layout and seeded noise that keeps every printed fact."""

import re
import unicodedata

from jixiao.eval.normalize import normalize_text
from jixiao.eval.variants import OCR_CONFUSIONS, apply_variant, collapse, noise, protected_positions
from jixiao.record import DocumentRecord

TEXT = (
    "项目支出绩效自评表\n项目名称\t人才培训项目\n主管部门\t某市人力资源局\n"
    "年度资金总额\t120.5\t120.5\t118.0\t97.93%\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\n"
    "产出指标\t数量指标\t培训人次\t≥2000人次\t2150人次\n"
    "效益指标\t社会效益指标\t就业率提高\t≥5%\t6%\n"
    "满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\t95%\n"
    "说明：已完成全年任务，未发现问题。由于天气原因，部分培训延期。王大力负责。\n" * 3
)
GOLD = DocumentRecord.model_validate({
    "doc_id": "x",
    "projects": [{
        "name": "人才培训项目", "department": "某市人力资源局",
        "funds": {"initial_budget": 1205000.0, "annual_budget": 1205000.0, "executed": 1180000.0, "execution_rate": 97.93},
        "indicators": [
            {"level1": "产出指标", "level2": "数量指标", "name": "培训人次", "target": "≥2000人次", "actual": "2150人次"},
            {"level1": "效益指标", "level2": "社会效益指标", "name": "就业率提高", "target": "≥5%", "actual": "6%"},
            {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "学员满意度", "target": "≥90%", "actual": "95%"},
        ],
    }],
})


def _squeezed(text: str) -> str:
    return normalize_text(text)


def test_collapsed_replaces_each_newline_and_tab_by_one_space():
    assert collapse("a\tb\nc\r\nd\n\ne") == "a b c d  e"
    assert apply_variant(TEXT, "collapsed", gold=GOLD) == re.sub(r"[\n\t]", " ", TEXT)
    assert apply_variant(TEXT, "none", gold=GOLD) == TEXT


def test_noise_is_deterministic_per_seed_and_does_damage():
    a, b, c = noise(TEXT, GOLD, 7), noise(TEXT, GOLD, 7), noise(TEXT, GOLD, 8)
    assert a == b and a != c
    assert a != TEXT
    assert any(ch in a for ch in "０１２３４５６７８９")  # full-width digits
    assert a.count("\n") > TEXT.count("\n")  # broken rows
    assert sum(1 for x, y in zip(_squeezed(a), _squeezed(TEXT)) if x != y) > 0  # look-alike substitutions


def test_noise_keeps_every_gold_string_and_number_readable():
    for seed in range(20):
        noised = _squeezed(noise(TEXT, GOLD, seed))
        for proj in GOLD.projects:
            for value in (proj.name, proj.department):
                assert normalize_text(value) in noised, (seed, value)
            for ind in proj.indicators:
                for value in (ind.name, ind.target, ind.actual):
                    assert normalize_text(value) in noised, (seed, value)
        # numbers: digits are never swapped, only widened (NFKC restores them) or spaced
        for number in ("120.5", "118.0", "97.93%"):
            assert number in noised, (seed, number)


def test_substitutions_only_outside_gold_occurrences():
    protected, _ = protected_positions(TEXT, ["人才培训项目"])
    start = TEXT.index("人才培训项目")
    assert set(range(start, start + 6)) <= protected
    # a value found nowhere contiguous protects its characters everywhere
    _, chars = protected_positions(TEXT, ["王 大 力 不在"])
    assert {"王", "大", "力"} <= chars
    noised = noise(TEXT, GOLD, 3, ocr_p=1.0, space_p=0, break_p=0, fullwidth_p=0)
    assert noised.count("人才培训项目") == TEXT.count("人才培训项目")
    changed = [(x, y) for x, y in zip(TEXT, noised) if x != y]
    assert changed and all(OCR_CONFUSIONS[x] == y for x, y in changed)


def test_whitespace_inside_a_printed_value_still_counts_as_its_occurrence():
    text = "项目名称\t人才\n培训项目\n"
    protected, chars = protected_positions(text, ["人才培训项目"])
    assert not chars
    assert {text.index("人"), text.rindex("目")} <= protected
    assert text.index("目") not in protected  # 项目名称 is not the value
    assert unicodedata.normalize("NFKC", "１") == "1"


def test_wrapped_breaks_long_lines_at_the_page_width_and_adds_only_line_breaks():
    from jixiao.eval.variants import PAGE_COLUMNS, hard_wrap
    from jixiao.pipelines.text_width import display_width
    text = "项目" * 60 + "\nabc 123\n" + "x" * 200
    wrapped = apply_variant(text, "wrapped", gold=GOLD)
    assert wrapped == hard_wrap(text) and wrapped.replace("\n", "") == text.replace("\n", "")
    widths = [display_width(line) for line in wrapped.split("\n")]
    assert max(widths) <= PAGE_COLUMNS and widths[:2] == [PAGE_COLUMNS, PAGE_COLUMNS]
