"""Session 12 hardening (issue 21): the readers this session added or changed stay linear in the text's length on
hostile inputs. No timing here (bench/hostile.py times them): each test counts the steps a reader takes, or pins
the result the bounded form gives. Every example is invented."""

from jixiao.pipelines import account_scanned, account_scanned_header as ash, cell_stream, flat_run, prose_pages
from jixiao.pipelines import scan_overprint, value_spaces as vs
from jixiao.pipelines import vocab as V
from jixiao.pipelines.normalize import _TRAILING_SPACES, normalize_text
from jixiao.pipelines.text_width import display_width


def test_trailing_spaces_are_matched_from_a_runs_first_blank_only():
    text = "甲乙   \n丙" + " " * 500 + "|\n"
    assert [(m.start(), m.end()) for m in _TRAILING_SPACES.finditer(text)] == [(2, 5)]
    assert _TRAILING_SPACES.match(text, 3) is None  # (inside a run: not tried again from each of its blanks)
    assert normalize_text("甲乙   \n丙丁").text == "甲乙\n丙丁"


def test_a_long_header_run_reads_its_slipped_words_against_a_bounded_window(extractor, monkeypatch):
    seen: list[int] = []
    real = V.slipped_column

    def counting(text, funds, printed):
        seen.append(len(printed))
        return real(text, funds, printed)

    monkeypatch.setattr(cell_stream.V, "slipped_column", counting)
    text = "一级指标\n\n二级指标\n\n三级指标\n\n" + "甲乙丙\n\n" * 400 + "分值\n\n得分\n\n"
    extractor.extract_text(text, doc_id="t", mode="parser")
    assert seen and max(seen) <= V.HEADER_RUN_CELLS


def test_a_line_of_many_seal_cells_reads_the_line_above_once(monkeypatch):
    calls: list[int] = []
    upper = scan_overprint._SEAL_UPPER

    class Counting:
        def finditer(self, text, a, b):
            calls.append(b - a)
            return upper.finditer(text, a, b)

    monkeypatch.setattr(scan_overprint, "_SEAL_UPPER", Counting())
    text = "1 财政局 2\n" + "a 专用章 " * 200 + "b\n"
    out = scan_overprint.overprinted(text)
    assert len(calls) == 1
    assert set(range(2, 5)) <= set(out)  # (财政局, the bureau over the seal, still read)


def test_site_lines_are_tested_once_each(monkeypatch):
    """A site's line is one between two lines of a run (``flat_run._site_line`` looks at its two neighbours only):
    a stretch of them costs one test a line."""
    calls: list[str] = []
    real = flat_run.is_site_line
    monkeypatch.setattr(flat_run, "is_site_line", lambda line: calls.append(line) or real(line))
    text = "项目名称一级指标\n" + "展开全文\n" * 300 + "二级指标三级指标\n"
    lines, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line), None, 1 if "指标" in line else 0))
        pos += len(line) + 1
    lines[-1] = (*lines[-1][:3], 2)
    site = [flat_run._site_line(text, lines, k) for k in range(len(lines))]
    assert len(calls) <= len(lines)
    assert site == [False, *[False] * 300, False]  # (one site line between two run lines is; a stretch is not)


def test_a_long_line_of_colons_reads_no_label_past_the_labels_length(monkeypatch):
    calls: list[str] = []
    real = vs._is_field_label
    monkeypatch.setattr(vs, "_is_field_label", lambda label: calls.append(label) or real(label))
    assert vs.value_spaces("1：" * 3000 + "\n") == []
    assert len(calls) <= vs.MAX_LABEL_CHARS
    assert vs.value_spaces("项目名称：某县 养护项目\n") == [len("项目名称：某县")]


def test_a_pager_number_is_a_whole_number():
    assert prose_pages._PAGER.search("上一页 1 2 3 下一页")
    assert prose_pages._PAGER.search("第2页 共3页 下一页")
    assert not prose_pages._PAGER.search("上一页 1234 下一页")  # (a line of digits is cut into numbers one way)
    assert prose_pages._PAGER.search("1" * 60) is None


def test_a_pager_still_blanks_the_page_header_repeated_after_it():
    text = "某局绩效自评报告\n一、基本情况\n全年预算100万元\n上一页 1 2 下一页\n某局绩效自评报告\n二、自评结论。\n"
    out = prose_pages.joined_pages(text)
    assert len(out) == len(text) and "下一页" not in out and out.count("某局绩效自评报告") == 1


def test_the_repeated_lines_after_a_pager_are_read_a_page_headers_length():
    text = "甲\n上一页 1 2 下一页\n" + "甲\n" * 100 + "乙。\n"
    out = prose_pages.joined_pages(text)
    assert len(out) == len(text) and "下一页" not in out
    assert out.count("甲") == 1 + 100 - prose_pages.MAX_REPEATED_LINES  # (the stretch read as far as the bound)


def test_scanned_tokens_and_header_cells_keep_their_columns():
    line = "项目    合计    基本支出  1,000.00  2.00"
    tokens = account_scanned._tokens(normalize_text(line), 0, line)
    assert [t.x for t in tokens] == [display_width(line[:line.index(t.text)]) for t in tokens]
    header = "项    目        合计    基本支出"
    cells = ash._cells(normalize_text(header), header, 0, 0)
    assert [(c.text, c.x0) for c in cells] == [("项目", 0), ("合计", display_width("项    目        ")),
                                               ("基本支出", display_width("项    目        合计    "))]


def test_a_header_of_more_lines_than_a_header_prints_is_none():
    lines = ["支出决算表", *["预算数    合计    基本支出    项目支出"] * (ash.MAX_HEADER_LINES + 1),
             "合计    1.00    2.00    3.00", "合计    1.00    2.00    3.00"]
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    norm = normalize_text("\n".join(lines))
    assert ash.read_header(norm, lines, starts, 1, len(lines)) is None


def test_sheet_blocks_are_the_first_tail_of_a_run_that_qualifies():
    import random

    from jixiao.pipelines import csv_sheets as cs

    def brute(width, marked, share):  # the reading before: each tail of a run tried anew
        out, i = {}, 0
        while i < len(width):
            j = i
            while j < len(width) and width[j]:
                j += 1
            ws = width[i:j]
            if j - i >= cs.MIN_LINES and max(ws.count(w) for w in set(ws)) * 2 >= len(ws) \
                    and sum(marked[i:j]) >= share * (j - i):
                out[i] = j
                i = j
                continue
            i += 1
        return out

    rng = random.Random(12)
    for _ in range(300):
        n = rng.randint(0, 30)
        width = [rng.choice([0, 3, 3, 4, 5]) for _ in range(n)]
        marked = [rng.random() < 0.6 for _ in range(n)]  # (a row of w cells prints w - 1 commas)
        rows = [(0, ",," if m else "a,b", [0] * (w - 1) if w else None) for w, m in zip(width, marked)]
        assert cs._blocks(rows, 0.5) == brute(width, marked, 0.5)


def test_a_header_moved_on_every_page_adds_its_column_sums_once(extractor):
    from tests.account_reading import read_accounts

    pages = "".join(f"{' ' * (k % 3)}项目    合计    基本支出    项目支出\n合计    5.00    1.00    2.00\n" for k in range(30))
    tables = read_accounts(extractor, "支出决算表\n" + pages)
    sums = [c for t in tables for c in t.checks if c.code == "accounts.column_sum"]
    assert len(sums) == sum(len(t.rows) for t in tables) == 30  # (合计 ≠ 基本支出 + 项目支出: found once a row)


def test_hits_carry_their_lines_bounds():
    # (name_breaks, value_spaces and scan_overprint find a hit's line once a line: a line of thousands stays linear)
    import re

    from jixiao.pipelines.line_bounds import hits_with_lines
    from jixiao.pipelines.name_breaks import name_breaks, row_name_breaks

    text = "名称名称\n甲名称\n\n名称"
    assert [(m.start(), start, end) for m, start, end in hits_with_lines(text, re.finditer("名称", text))] == \
        [(0, 0, 4), (2, 0, 4), (6, 5, 8), (10, 10, 12)]
    assert list(hits_with_lines(text, [1, 6, 7])) == [(1, 0, 4), (6, 5, 8), (7, 5, 8)]  # offsets as well as matches
    assert name_breaks("名称" * 500) == [] and row_name_breaks("名称" * 500) == []


def test_a_funds_cell_holding_a_rate_is_compared_with_no_stated_amount():
    # (fuzz seed 1212, input 163: a table's 年初预算数 cell read as 100%, the prose stating the amounts: ValueError)
    from jixiao.pipelines.parsed import ParsedFunds, ParsedProject, Span
    from jixiao.pipelines.prose_fills import _yuan, fill_lone_funds

    text = "单位：万元\n年初预算数：180.00\n全年预算数：200.00\n"
    project = ParsedProject(name=Span(text="甲", start=0, end=1),
                            funds=ParsedFunds(initial=Span(text="100%", start=0, end=4)))
    fill_lone_funds(text, [project])
    assert project.funds.annual is None and project.funds.initial.text == "100%"
    assert _yuan("1,800.5", 1.0) == 1800.5 and _yuan("100%", 1.0) is None


def test_an_amount_before_its_label_is_read_from_its_first_digit_only():
    # (fuzz seed 1212, inputs 32 and 84: a long run of digits read to its end from each of its digits, over 60 s)
    import re

    from jixiao.pipelines.prose import _FIELDS

    lead = re.compile(V.PROSE_LEAD_AMOUNT)
    assert lead.search("共1,234.50万元的年初预算").group(1) == "1,234.50"
    assert lead.match("123万元", 1) is None and lead.match("1,234万元", 2) is None
    assert lead.search("9" * 5000 + "x") is None
    after = [rx for field, rx in _FIELDS if field == "initial" and rx.pattern.startswith(V.PROSE_LEAD_AMOUNT)]
    assert after and after[0].search("已安排120.00万元的年初预算资金").group(1) == "120.00"


def test_link_lines_are_found_by_bisection():
    from jixiao.pipelines.prose_links import outside_links

    spans = [(0, 5), (10, 15), (20, 21)]
    assert [outside_links(spans, at) for at in (0, 4, 5, 9, 10, 14, 15, 20, 21, 99)] == \
        [False, False, True, True, False, False, True, False, True, True]
    assert outside_links([], 3)
