"""Fixed-width tables whose line breaks were lost, re-lined: a tool that pads every line of a table to one width
(a grid or box table's rulings and borders, a pipe table written by tabulate, a DataFrame's ``to_string``) leaves
that width as the one measure of its lines once newlines and tabs became spaces.

Same length, offsets hold: a lost line break is a space, and it is put back as a newline; nothing else changes.
Text whose tables kept their lines (a rule line ending its line) comes back unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jixiao.pipelines.text_width import char_width

# a table's rule line: border and ruling characters only, opened and closed by a border or junction
_RULE = re.compile(r"[+|┌├└╔╠╚][-=:+|─━═┬┼┴┤┐┘╤╪╧╗╣╝]{6,}[+|┐┤┘╗╣╝]")
_LINE_START = frozenset("+|┌├└│╔╠╚║")
_LINE_END = frozenset("+|┐┤┘│╗╣╝║")
_RULING = frozenset("-=─━═")
# a rule line is a ruling: most of it is ruling characters (a row of empty cells | | | is no rule)
RULE_MIN_SHARE = 0.6
# a DataFrame dump's row index opens its line, then the padding before the first column (its lines end on a
# right-aligned cell, so a lost break has a printed character before it)
_INDEX_ZERO = re.compile(r"(?<= )0(?=  +\S)")
# rows of a DataFrame dump matched in sequence (0, 1, 2 …) before its width is believed
FRAME_MIN_ROWS = 3
# the widest line a dump is looked for with (characters)
FRAME_MAX_WIDTH = 2000


def _width_char(ch: str) -> int:
    return 1


def _line_end(text: str, start: int, width: int, measure: Callable[[str], int]) -> int | None:
    """Where the line starting at ``start`` ends (exclusive) once it spans ``width`` columns, or None."""
    cols, k = 0, start
    while cols < width and k < len(text):
        cols += measure(text[k])
        k += 1
    return k if cols == width else None


def _next_line(text: str, end: int) -> int | None:
    """The start of the table line after one ending at ``end``: past the lost break and an indent, a border."""
    if end >= len(text) or text[end] != " ":
        return None
    k = end
    while k < len(text) and text[k] == " ":
        k += 1
    return k if k < len(text) and text[k] in _LINE_START else None


def _ruled_lines(text: str, rule: re.Match, measure: Callable[[str], int]) -> tuple[list[int], int]:
    """The lost breaks of the table whose rule line is ``rule`` and where its last line ends: every line after the
    rule spans the rule's width and ends on a border; the lines before it too (a pipe table's header). No breaks
    where the line after the rule does not fit."""
    width = sum(map(measure, rule.group()))
    breaks: list[int] = []
    end = rule.end()
    while (nxt := _next_line(text, end)) is not None:
        after = _line_end(text, nxt, width, measure)
        if after is None or text[after - 1] not in _LINE_END:
            break
        breaks.append(end)
        end = after
    if not breaks:
        return [], rule.end()
    if end < len(text) and text[end] == " ":
        breaks.append(end)  # the break after the table
    # the lines above the rule (a header row): each ends one space before the next
    k = rule.start() - 1
    while k > 0 and text[k] == " " and text[k - 1] in _LINE_END:
        cols, j = 0, k
        while cols < width and j > 0:
            j -= 1
            cols += measure(text[j])
        if cols != width or text[j] not in _LINE_START or (j > 0 and text[j - 1] != " "):
            break
        breaks.append(k)
        k = j - 1
    if k > 0 and text[k] == " ":
        breaks.append(_run_start(text, k))  # the break before the table (the rest of the run is its indent)
    return breaks, end


def _run_start(text: str, k: int) -> int:
    """The first space of the run of spaces ending at ``k`` (the lost break; the rest is the line's indent)."""
    while k > 0 and text[k - 1] == " ":
        k -= 1
    return k


def _frame_lines(text: str, zero: int) -> list[int]:
    """The lost breaks of a DataFrame dump whose row 0 opens at ``zero``: rows 1, 2 … open at one stride each
    (every line padded to the same number of characters), the column header one stride before row 0."""
    line_end = text.find("\n", zero, zero + FRAME_MAX_WIDTH)  # (a dump that kept its lines: nothing to do)
    window = text[zero + 2: zero + FRAME_MAX_WIDTH if line_end < 0 else line_end]
    for one in re.finditer(r"(?<= )1(?=  +\S)", window):
        stride = one.start() + 2
        rows = 1
        while (at := zero + rows * stride) < len(text) and text[at - 1] == " " and text[at - 2] != " " and \
                text.startswith(f"{rows} ", at):
            rows += 1
        if rows < FRAME_MIN_ROWS:
            continue
        breaks = [zero + k * stride - 1 for k in range(rows + 1) if zero + k * stride - 1 < len(text)]
        if zero - stride - 1 >= 0 and text[zero - stride - 1] == " ":
            breaks.append(zero - stride - 1)  # before the column header (its own blank index cell opens it)
        return [b for b in breaks if text[b] == " "]
    return []


def line_breaks(text: str) -> set[int]:
    """Offsets of the spaces in ``text`` that were the lost line breaks of its fixed-width tables (see the module
    docstring)."""
    breaks: set[int] = set()
    if "--" in text or "──" in text or "==" in text:
        reach = 0  # where the last table re-lined ends (its inner rule lines are done)
        for rule in _RULE.finditer(text):
            if rule.start() < reach or (rule.end() < len(text) and text[rule.end()] == "\n"):
                continue  # inside a table done, or the table kept its lines
            if sum(ch in _RULING for ch in rule.group()) < RULE_MIN_SHARE * len(rule.group()):
                continue
            for measure in (char_width, _width_char):  # display width (pandoc, w3m), characters (tabulate)
                found, end = _ruled_lines(text, rule, measure)
                if found:
                    breaks.update(found)
                    reach = end
                    break
    if "  " in text:
        for zero in _INDEX_ZERO.finditer(text):
            if text[zero.start() - 2] != " ":  # the line before (the column header) ends on a printed cell
                breaks.update(_frame_lines(text, zero.start()))
    return breaks
