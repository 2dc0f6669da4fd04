"""Fixed-width tables whose line breaks were lost are re-lined at their width (pipelines/fixed_width.py)."""

from __future__ import annotations

import re

from jixiao.pipelines.extract import Extractor
from jixiao.pipelines.fixed_width import line_breaks
from jixiao.pipelines.relined_tables import with_breaks


def _relined(text: str) -> str:
    return with_breaks(text, line_breaks(text))


def _collapse(text: str) -> str:
    return re.sub(r"\r\n|[\r\n\t]", " ", text)


# a pandoc grid table: padded to one DISPLAY width (a Chinese character two columns), a wrapped cell over two lines
GRID = """单位：万元

+----------+--------------------------+
| 项目名称 | 2023年乡村道路养护经费   |
+==========+==============+===========+
| 主管部门 | 青禾县交通局 | 实施单位  |
+----------+--------------+-----------+
| 年初预算 | 全年预算数   | 全年执行  |
| 数       |              | 数        |
+----------+--------------+-----------+
| 120.00   | 118.00       | 110.00    |
+----------+--------------+-----------+

填报人：王一
"""

# a w3m box table, indented three columns
BOX = """信息来源：县农业局

   ┌────────┬──────────────┐
   │项目名称│耕地保护补贴  │
   ├────────┼──────────────┤
   │分值    │10            │
   └────────┴──────────────┘
"""

# tabulate's pipe table (to_markdown without wcwidth): padded to one CHARACTER count
MARKDOWN = """df follows
|    | 0        | 1     |
|---:|:---------|:------|
|  0 | 项目名称     | 林下经济  |
|  1 | 分值       | 10    |
done
"""

# a DataFrame's to_string: every line the same number of characters, row indexes 0, 1, 2 opening the lines
FRAME = """--- table 2 ---
    一级指标   二级指标  三级指标  分值
0   产出指标   数量指标  培训人数  20
1   产出指标   质量指标   合格率  15
2  满意度指标  满意度指标   满意度  10
"""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def test_grid_table_relined_at_its_display_width() -> None:
    got = _relined(_collapse(GRID))
    assert len(got) == len(GRID)
    table = [line for line in GRID.split("\n") if line.startswith(("+", "|"))]
    # (the blank line before the table is one more space before its first line)
    assert [line.strip() for line in got.split("\n") if line.strip().startswith(("+", "|"))] == table
    assert "单位：万元" in _lines(got)[0] and _lines(got)[-1] == "填报人：王一"


def test_box_table_relined_with_its_indent() -> None:
    got = _relined(_collapse(BOX))
    # (the blank line before the table is one more space of the first line's indent)
    assert [line.strip() for line in got.split("\n") if "│" in line or "─" in line] == \
        [line.strip() for line in BOX.split("\n") if "│" in line or "─" in line]


def test_pipe_table_padded_by_characters_relined_with_its_header() -> None:
    got = _lines(_relined(_collapse(MARKDOWN)))
    assert got[1:5] == _lines(MARKDOWN)[1:5]


def test_frame_dump_relined_at_its_row_stride() -> None:
    got = _relined(_collapse(FRAME))
    assert _lines(got)[1:] == _lines(FRAME)[1:]


def test_printed_tables_and_other_text_unchanged() -> None:
    for text in (GRID, BOX, MARKDOWN, FRAME):
        assert _relined(text) == text
    # a rule that does not measure its rows (a markdown table padded to no width) is left alone
    ragged = "| 项目名称 | 林下经济 | |---|---| | 分值 | 10 | | 得分 | 9 |"
    assert _relined(ragged) == ragged
    # numbers 0, 1 in prose are no row indexes
    prose = "共 0  项整改，其中 1  项已完成，2  项推进中。"
    assert _relined(prose) == prose


def test_collapsed_grid_reads_as_printed() -> None:
    printed = Extractor().extract_text(GRID, mode="parser")
    collapsed = Extractor().extract_text(_collapse(GRID), mode="parser")
    assert printed.projects and [p.name for p in collapsed.projects] == [p.name for p in printed.projects]
    assert [p.implementer for p in collapsed.projects] == [p.implementer for p in printed.projects]
