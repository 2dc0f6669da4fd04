"""Shapes the long fuzz run found slow (issue 21, seed 21: inputs 8273, 61030, 13307, 92311) read right at a size
where the old patterns took seconds to minutes; the same readers still read the normal shape. Times are measured
in bench/hostile.py, never here: a regression shows as a test that does not finish."""

from __future__ import annotations

from jixiao.pipelines import pipe_tables
from jixiao.pipelines.collapsed_tokens import Tokenizer
from jixiao.pipelines.normalize import normalize_text
from jixiao.pipelines.pipe_tables import pipe_cell_lines, pipe_rows
from jixiao.pipelines.prose_indicators import indicator_sentences
from jixiao.pipelines.segment import Segmenter
from jixiao.pipelines.vocab import Categories

CUES = "1.发放到位率,年初目标值=100%,实际完成"


def test_an_indicator_sentence_with_blanks_before_its_value_reads_it():
    (ind,) = indicator_sentences(CUES + "   98%\n", 0, len(CUES) + 7)
    assert (ind.name.text, ind.target[0].text, ind.actual.text) == ("发放到位率", "=100%", "98%")


def test_a_run_of_blanks_after_the_cues_is_no_indicator():
    # 4,000 blanks then more than an actual value's 30 characters: the old pattern split the blanks every way
    # between the value and the blanks around it (4,000: 20 s; 8273 of the fuzz run: 11 s)
    text = CUES + " " * 4000 + "绩" * 40 + "\n"
    assert indicator_sentences(text, 0, len(text)) == []


def test_a_cell_line_is_found_by_its_one_closing_pipe():
    assert pipe_tables._pipe_cell("  政务服务中心运维经费  | \t") == (2, 12)
    assert pipe_tables._pipe_cell("   |") == (3, 3)
    assert pipe_tables._pipe_cell("a | b") is None and pipe_tables._pipe_cell("a b") is None


def test_cell_lines_with_a_long_run_of_tabs_inside_a_line():
    long_line = "窗口事项" + "\t" * 60_000 + "结率 |"
    text = "\n".join([long_line] + [f"单元{k} |" for k in range(12)] + ["||||||"])
    out, offs = pipe_cell_lines(text, list(range(len(text) + 1)))
    lines = out.split("\n")
    assert lines[0] == "\t" + long_line[:-2] and lines[1] == "\t单元0"  # the cell kept whole, its pipe a tab
    assert len(offs) == len(out) + 1
    bare = text.rsplit("\n", 1)[0]  # without a filler line the cells stay one a line, bare
    out, offs = pipe_cell_lines(bare, list(range(len(bare) + 1)))
    assert out.split("\n")[:2] == [long_line[:-2], "单元0"] and len(offs) == len(out) + 1


def test_a_pipe_row_with_a_long_run_of_tabs_inside_a_cell():
    text = "| a x" + "\t" * 60_000 + "b | c |\n"
    out, offs = pipe_rows(text, list(range(len(text) + 1)))
    cells = out.rstrip("\n").split("\t")
    assert cells[0] == "a x" and cells[-2:] == ["b", "c"] and len(cells) == 60_002
    assert len(offs) == len(out) + 1


def test_a_label_glued_to_a_long_run_is_cut_after_the_label():
    tokenizer = Tokenizer(Categories(), Segmenter())
    for tail in ("老字号", "老字号" + "绩" * 30_000):
        text = "项目名称" + tail
        toks = tokenizer.tokens(normalize_text(text))
        assert [t.text for t in toks][:2] == ["项目名称", tail]


def test_a_long_run_of_blank_lines_before_a_run_table():
    # fuzz seed 21 input 7771 (80,000 line breaks): the chunk-marker pattern \n\s*2、 rescanned the run of blank
    # lines from each of its breaks (40 s); the preview's chunk marker still joins a run cut by it
    from jixiao.pipelines.flat_run import flat_run_cells

    run = "项目名称示例经费主管部门示例局实施单位示例中心项目资金(万元)全年预算数全年执行数执行率年度资金总额10990%绩效指标"
    run += "一级指标二级指标三级指标年度指标值实际完成值产出指标数量指标示例户数≥5户6户"
    assert flat_run_cells(normalize_text("\n" * 200_000 + run)) is not None
    cut = run.index("示例户数") + 2
    cells = flat_run_cells(normalize_text(run[:cut] + "\n\n" * 50_000 + "2、" + run[cut:]))
    assert "示例户数" in cells.text.split("\n")
