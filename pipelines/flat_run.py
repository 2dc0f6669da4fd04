"""Cells for a whole table run into one line with no separator at all (a document site's preview of a Word
form: ``项目名称森林防火巡护经费主管部门…年度资金总额80807695%…产出指标数量指标巡护里程≥5000公里5230公里…``).

The printed words the readers key on cut the run, as in ``run_together``. Before the indicator header (its name
column's word) the text between two words is one value (amounts run together are split where exactly one split
agrees with the printed rate). After it, the text between two words holds rows: a name, then its values, then
maybe the next row's name; a value starts at an operator, a number, a date or a qualitative phrase and ends with
its unit, and the name is cut off only where the rest reads as values to its end. Preview chunk markers (``2、``
opening the next chunk) are taken out first, so that the names they break are whole again. The cells come back
one a line for ``cell_stream``; offsets stay true.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.pipelines import vocab as V
from jixiao.pipelines.flat_numbers import decimal_pair, funds_pieces, total_cells
from jixiao.pipelines.flat_numbers import weight_score_split as weight_score_split  # (re-exported)
from jixiao.pipelines.flat_row_values import (LEADING_NUMBER, MIN_NAME_CHARS, RowShape, doubled_tail, numbers_after,
                                             rate_run, row_values, worded_target_tail)
from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.run_together import (is_site_line, known_words_pattern, over_removed_line, value_pieces,
                                           wrap_inside_run)
from jixiao.pipelines.weight_runs import weight_mid_values

# a line is a table run together when it holds at least this many known words (a row holds a few; a run of a
# whole form dozens)
MIN_WORDS = 12
# ... and at least this share of them touch the text beside them without a space (a table printed with spaces
# between its cells, collapsed, has mostly spaces around its words: 0.0-0.36 on the real layouts and seeds so
# printed, 0.82-1.0 on the runs; the collapsed-text reader reads the former)
MIN_GLUED_SHARE = 0.7
# values a row holds before the next row's name starts (a target and an actual): fewer is a number inside a name
# (完成12个村改造)
MIN_ROW_VALUES = 2
# a piece between two known words longer than this is no table row (prose, junk) and is not cut: cutting tries
# every position against the rest, so the bound keeps the reader linear in the text
MAX_PIECE_CHARS = 200
# a line that opens with a preview chunk's marker is itself a chunk: with this many known words it is part of a
# run even when short (a preview cut into short chunks: 1、…项目资金(元)年初预算数全年预算数全年执行数分值执 holds 8)
MIN_CHUNK_WORDS = 5
# a preview chunk's marker at the start of a line: 2、
_CHUNK = re.compile(r"[ \t]*+\d{1,2}、")
# the same marker inside a line whose breaks were collapsed to spaces: the space or run of spaces the break and
# its blank lines left, then 2、 glued to the next chunk's first word
_INLINE_CHUNK = re.compile(r"(?<=\S)[ \t]+\d{1,2}、(?=\S)")


@lru_cache(maxsize=1)
def spaced_known_words() -> re.Pattern[str]:
    """``known_words`` where a single space may stand between two characters (collapsed text keeps a wrapped
    cell's break as a space: 经济效益 指标, 一级 指标)."""
    return re.compile(known_words_pattern(spaced=True))


def alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _value() -> re.Pattern[str]:
    """One value at the start of a string: [operator] number [unit] [以上], a date or deadline, a qualitative
    phrase; units longest first so 万元 wins over 万."""
    ops = alternation(w for ws in V.VALUE_OPERATOR_PREFIXES.values() for w in ws if w not in ("为", "达"))
    suffix = alternation(w for ws in V.VALUE_OPERATOR_SUFFIXES.values() for w in ws)
    # (a unit counted in 万: 1.8万平方米, 1.5万册, where the list has no such unit)
    units = rf"(?:万|亿)?(?:{alternation([*V.VALUE_UNITS, '‰'])})"
    number = r"\d+(?:\.\d+)?"
    # a date with its year, or a month and day without (12月28日完成), or a month's end without a year (4月底前)
    part = r"(?:底|末|上旬|中旬|下旬)"
    date = (rf"(?:(?:{alternation(V.DATE_RELATIVE_YEARS)})\d{{1,2}}月(?:\d{{1,2}}日)?|(?:19|20)\d{{2}}年(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?|\d{{1,2}}月\d{{1,2}}日|\d{{1,2}}月(?={part})){part}?(?:"
            + alternation(V.DEADLINE_WORDS) + r")?")
    # a frequency opens with what it counts per (每站每周1次, 每季度2次)
    per_what = r"(?:每[\u4e00-\u9fff]{1,2}?){1,2}"
    # whole phrases only: the single words (完成, 提升, 按时) open names too (按时完成率)
    quality = alternation([*V.QUALITATIVE_BANDS, *V.QUALITATIVE_TARGETS, *V.VALUE_DONE_WORDS])
    # a date first: 2023年12月底前 is one value, not 2023年 and 12月
    # a rate per unit: 2次/周, 120元/人
    per = rf"(?:/(?:{units}))?"
    # a range: 20-30人, 2021-2025年, 5~10个
    span = r"(?:[~～\-—–至]"
    # a change on the year before, with its size or none (较上年提高5个百分点, 较上年下降), or the size alone after the
    # change, its unit printed (an actual: 提高1.3个百分点; 有所提高10 is the words and a 得分)
    change = alternation(V.VALUE_CHANGE_WORDS)
    sized = rf"{number}(?:{units}){per}"
    # (the size may carry its operator: 较上年下降≥5%)
    # (or 有所 and the change alone: 有所提升, an actual in words after a worded target)
    compared = (rf"(?:{alternation(V.VALUE_COMPARED_BASES)})(?:有所)?(?:{change})(?:(?:{ops})?{sized})?|(?:{change}){sized}"
                rf"|有所(?:{change})")
    return re.compile(rf"(?:{compared}|(?:{ops})?{date}|(?:{per_what})?(?:{ops})?{number}{span}{number})?(?:(?:{units}){per})?(?:{suffix})?"
                      rf"|(?:{ops})?(?:{quality}))")


def _values_from(text: str, pos: int) -> tuple[list[tuple[int, int]], int]:
    """The values ``text`` holds from ``pos`` on, each (start, end), and where the first part no value reads
    starts (``len(text)`` when every part is a value)."""
    out = []
    rx = _value()
    while pos < len(text):
        m = rx.match(text, pos)
        if (m is None or m.end() == pos) and out and (done := _DONE_AFTER_DATE.match(text, pos)) \
                and _DATE_END.search(text, *out[-1]):
            out.append((pos, done.end()))  # (2020年11月底前完成: a deadline, then the actual's bare 完成)
            pos = done.end()
            continue
        if m is None or m.end() == pos:
            break
        digit = _DIGIT.search(text, pos, m.end()) if text[m.end():m.end() + 1] == "." else None
        if digit is not None and (pair := decimal_pair(text, digit.start())):
            out += [(pos, pair[0]), (pair[0], pair[1])]  # (≥0.550.56: ≥0.55 and 0.56)
            pos = pair[1]
            continue
        out.append((pos, m.end()))
        pos = m.end()
    return out, pos


# a bare 完成 (or 未完成) printed as the actual after a date; 完成率, 完成时间 open a name
_DONE_AFTER_DATE = re.compile(r"未?完成(?!率|程度|比例|情况|时间|数|量|值)")
_DATE_END = re.compile(r"[年月日旬底前]$")


def _inside_number(text: str, k: int) -> bool:
    """Whether ``k`` falls between two digits of one number (a name cut there leaves a digit: 时间2 | 020年)."""
    return text[k - 1:k].isdigit() and text[k:k + 1].isdigit()


def values_to_end(text: str) -> list[tuple[int, int]] | None:
    """The values ``text`` holds from its start to its end, each (start, end), or None where some part is no
    value (it is a name, or part of one)."""
    out, end = _values_from(text, 0)
    return out if out and end == len(text) else None


_PART = re.compile(r"\S+(?: \S+)*")  # a piece's parts: text between runs of two spaces or more


def row_cells(text: str, shape: RowShape = RowShape()) -> list[tuple[int, int]]:
    """A piece of the indicator block cut into a name and values, repeated (``巡护里程≥5000公里5230公里`` ->
    name, ≥5000公里, 5230公里); the whole piece where no cut reads. Runs of spaces (collapsed text) are cell
    breaks. ``shape``: the header's columns; under a 分值 and a 得分 column a row's last number is both run
    together (``1010``, ``1513``)."""
    if len(text) > MAX_PIECE_CHARS:
        return [(0, len(text))]
    out = []
    for part in _PART.finditer(text):
        out += [(part.start() + a, part.start() + b) for a, b in _part_cells(part.group(), shape)]
    return out


# a clause break inside a "name": the text is a sentence (a 偏差原因 remark), not an indicator's name
_CLAUSE = re.compile(r"[,，;；。]")


def _remark_after_row(name: str, n_values: int, shape: RowShape) -> bool:
    """Whether the text after a row's 分值/得分 is its remark, though it ends in a value (部分社区助餐点尚未建成,
    下年度增设3处): it reads as a sentence and fills fewer value columns than the header has."""
    return bool(shape.numbers and shape.values > n_values and _CLAUSE.search(name))


_TRAILING_PLACEHOLDER = re.compile(r"(?:…{2,}|\.{3,})$")


def _part_cells(text: str, shape: RowShape = RowShape()) -> list[tuple[int, int]]:
    # a row ending in a run of two equal halves (名称2020: 20 and 20) is split as ``run_together`` splits it;
    # under a header with 分值 or 得分 such a run is the row's weight and score, read with its other values
    halves = [] if shape.numbers else value_pieces(text)
    if len(halves) > 1:
        return halves
    cells: list[tuple[int, int]] = []
    pos = 0
    # an ellipsis closing the piece (……: a row the form left unfilled) holds no cell
    placeholder = _TRAILING_PLACEHOLDER.search(text)
    stop = placeholder.start() if placeholder is not None and placeholder.start() > 0 else len(text)
    text = text[:stop]
    while pos < len(text):
        if shape.status and cells and (done := _value().match(text, pos)) and done.end() > pos:
            cells.append((pos, done.end()))  # the row's status (已完成) before the next row's name
            pos = done.end()
            continue
        cut = None
        for k in range(pos + MIN_NAME_CHARS, len(text)):
            if not _value().match(text, k) or _inside_number(text, k):
                continue
            vals, end = _values_from(text, k)
            # the rest reads as values to its end, or a row's values (a target and an actual at least) run into
            # the next row's name (a Han character no value reads), a space between where a row's line break was
            # collapsed
            nxt = end + 1 if text[end:end + 1] == " " else end
            if vals and (end == len(text) or (len(vals) >= MIN_ROW_VALUES and "\u4e00" <= text[nxt:nxt + 1] <= "\u9fff")):
                cut = (k, vals)
                break
        if cut is None or (cells and _remark_after_row(text[pos:cut[0]], len(cut[1]), shape)):
            cells += _worded_row(text, pos, shape) if cut is None and not cells else [(pos, len(text))]
            break
        k, vals = cut
        if not cells and len(vals) == 1 and text[slice(*vals[0])] in V.QUALITATIVE_BANDS and (
                n := worded_target_tail(text[pos:k])):
            k, vals = k - n, [(k - n, k), *vals]  # a worded target before the verdict (…常态化长期达成预期指标)
        # (a status in words closing the piece is the row's 完成情况, no value column: 健全健全1515已完成)
        status = vals[-1:] if shape.status and len(vals) > 1 and not _DIGIT.search(text, *vals[-1]) else []
        vals = vals[:len(vals) - len(status)]
        vals = weight_mid_values(text, vals, _values_from) if shape.weight_mid else numbers_after(text, vals, shape)
        vals = rate_run(text, text[pos:k], vals, shape)
        cells.extend(row_values(text, (pos, k), vals, shape) + status)
        end = cells[-1][1]  # (the last cell read: a pair of numbers may end before the digits after it)
        pos = end + (text[end:end + 1] == " ")
    return cells


def _chunk_number(line: str) -> int | None:
    m = _CHUNK.match(line)
    return int(m.group().strip(" \t、")) if m else None


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _worded_row(text: str, pos: int, shape: RowShape) -> list[tuple[int, int]]:
    """A row no value reads, whose target and actual are the same words run into its name (``管护机制长期长期``:
    name, 长期, 长期): where the header has two value columns or three (年初 and 调整后 targets) and no number
    column follows them, the words printed that many times at the end; else the whole piece."""
    times = shape.values
    if shape.numbers or times not in (2, 3) or not (n := doubled_tail(text[pos:], times)):
        return [(pos, len(text))]
    end = len(text)
    # words on both sides (a placeholder ``......`` repeats too)
    if not (_HAN.search(text[end - n:]) and _HAN.search(text[pos:end - times * n])):
        return [(pos, len(text))]
    return [(pos, end - times * n), *((end - j * n, end - (j - 1) * n) for j in range(times, 0, -1))]


def _joined_chunks(norm: NormalizedText) -> tuple[str, list[int]]:
    """The text with preview chunk markers taken out (the break, the blank lines and ``2、``), and the offset
    into the normalized text of each character. Each line is counted for known words once (a regex for the
    break, ``\\n\\s*2、``, rescanned a run of blank lines from each of its breaks)."""
    text = norm.text
    keep = [True] * len(text)
    lines: list[tuple[int, int, re.Match[str] | None, int]] = []  # non-blank lines: start, end, marker, known words
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line), _CHUNK.match(line), len(spaced_known_words().findall(line))))
        pos += len(line) + 1
    lines = [ln for k, ln in enumerate(lines) if not _site_line(text, lines, k)]
    # a line is part of a run when it holds enough known words, or it is itself a chunk after a marker (a short
    # last chunk holds few), or a chunk the next chunk of the run follows (a first chunk of the form's head before
    # its fields: 1、附件2…转移支付(项目)名称…地方主管部门桂岭市生态环 / 2、境局资金使用单位…)
    alone = [found >= MIN_WORDS or (m is not None and found >= MIN_CHUNK_WORDS) for _, _, m, found in lines]
    number = [_chunk_number(text[a:b]) for a, b, _, _ in lines]
    leads = [number[k] is not None and k + 1 < len(lines) and number[k + 1] == number[k] + 1 and alone[k + 1]
             for k in range(len(lines))]
    in_run = False  # the line before is part of a run
    for k, (a, b, m, _) in enumerate(lines):
        joined = m is not None and k > 0 and in_run
        if joined:
            for i in range(lines[k - 1][1], a + m.end()):
                keep[i] = False
        elif over := k > 0 and (
                (alone[k] and lines[k - 1][3] >= MIN_CHUNK_WORDS or in_run and lines[k][3] >= MIN_CHUNK_WORDS)
                and wrap_inside_run(text, lines[k - 1][1], a)
                or in_run and lines[k][3] > 0 and over_removed_line(norm, lines[k - 1][1], a)):
            # a wrap inside the run (either line may hold fewer words: the rows' end), or a page line or a site's
            # line taken out (the run goes on after it: the line holds known words)
            for i in range(lines[k - 1][1], a):
                keep[i] = False
        in_run = joined or alone[k] or leads[k] or over
        if in_run:
            for inline in _INLINE_CHUNK.finditer(text, a, b):
                for i in range(inline.start(), inline.end()):
                    keep[i] = False
    idx = [i for i, k in enumerate(keep) if k]
    return "".join(text[i] for i in idx), idx


_DIGIT = re.compile(r"\d")


def _site_line(text: str, lines: list[tuple[int, int, re.Match[str] | None, int]], k: int) -> bool:
    """Whether non-blank line ``k`` is a site's line between two lines of a run (``is_site_line``), the line before
    holding a known word and the line after two (the run goes on)."""
    a, b, m, found = lines[k]
    return (0 < k < len(lines) - 1 and not found and m is None and is_site_line(text[a:b])
            and lines[k - 1][3] > 0 and lines[k + 1][3] >= 2)


def flat_run_cells(norm: NormalizedText) -> NormalizedText | None:
    """The text with each line that runs a whole table together cut into cells, one a line; None when no line
    does."""
    text, idx = _joined_chunks(norm)

    def at(j: int) -> int:  # the original offset of the joined text's character j (its end: the text's)
        return norm.offsets[idx[j]] if j < len(idx) else norm.offsets[len(norm.text)]

    chars: list[str] = []
    offs: list[int] = []
    found = False
    pos = 0
    ended_in_rows = False
    for line in text.split("\n"):
        words = [(m.start(), m.end()) for m in spaced_known_words().finditer(line)]
        if len(words) >= MIN_WORDS and _glued(line, words) >= MIN_GLUED_SHARE * len(words):
            found = True
            cells, ended_in_rows = _cut(line, words)
        elif ended_in_rows:
            # a run that ends in its indicator rows ends where the preview stopped: the lines after it are the
            # site's (预览结束, related documents), not more cells of its last row
            break
        else:
            cells = [(0, len(line))]
        for a, b in cells:
            if not line[a:b].strip():
                continue
            chars.extend(line[a:b])
            offs.extend(at(pos + i) for i in range(a, b))
            chars.append("\n")
            offs.append(at(pos + b))
        pos += len(line) + 1
    if not found:
        return None
    return norm.rewritten(chars, offs)


def _glued(line: str, words: list[tuple[int, int]]) -> int:
    """Known words that touch a character beside them with no space between (a colon is no glue: labeled values
    collapsed onto one line, 一级指标:产出指标 二级指标:数量指标, keep their words apart; a run has its labels glued to
    the value before them, …经费主管部门:)."""
    return sum(1 for a, b in words if (a > 0 and not _apart(line[a - 1])) or (b < len(line) and not _apart(line[b])))


def _apart(ch: str) -> bool:
    return ch.isspace() or ch in ":："


class IndicatorColumns:
    """What a run's known words, seen in order, say of the text between them: whether it is in the indicator rows
    (after the header's name column word, until a project name label starts the next table) and which value and
    number columns the header has (how a row's last number reads)."""

    def __init__(self) -> None:
        self.in_rows = False
        self.columns: list[str] = []  # the indicator header's columns after the name
        self.status = False
        self.word = ""  # the last known word seen

    def see(self, word: str) -> None:
        self.word = word
        bare = re.sub(r"\(.*\)$", "", word.replace(" ", "").rstrip(":："))
        if bare in V.NAME_LABEL_WORDS:
            self.in_rows, self.columns, self.status = False, [], False  # the next table
        elif self.in_rows and (slot := _VALUE_SLOTS.get(bare)):
            self._status(bare) or self.columns.append(slot)
        self.in_rows = self.in_rows or bare.startswith(V.INDICATOR_HEADER_WORDS["name"])

    @property
    def shape(self) -> RowShape:
        return _shape(self.columns)._replace(status=self.status)

    def _status(self, word: str) -> bool:
        """Whether ``word`` names the actual's column again (完成情况 after 得分): it heads a status column (已完成,
        达成预期指标), which a row then prints after its numbers."""
        named = "actual" in self.columns and V.indicator_column(word) == "actual"
        self.status = self.status or named
        return named

    def row_cells(self, piece: str) -> list[tuple[int, int]] | None:
        """The piece cut into rows (``row_cells``) when it stands in the indicator rows, else None; after a total's
        label its numbers (``total_cells``)."""
        if not self.in_rows:
            return None
        if V.TOTAL_SCORE_LABEL.match(self.word) and (m := LEADING_NUMBER.match(piece)):
            return total_cells(piece, m.end(), self.shape.numbers == 2)
        return [(0, len(piece))] if self._status(piece.replace(" ", "")) else row_cells(piece, self.shape)

    @staticmethod
    def value_cells(piece: str) -> list[tuple[int, int]]:
        """A piece before the indicator rows: a value, amounts and a rate run together split (``funds_pieces``)."""
        return funds_pieces(piece)


def _grade_chars(piece: str) -> int:
    return next((len(w) for w in sorted(V.PRINTED_GRADES, key=len, reverse=True) if piece.startswith(w)), 0)


def _cut(line: str, words: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], bool]:
    """Cells of a run: each known word, and the text between two cut as a value (before the indicator header)
    or as rows (after it); and whether the run ends in the indicator rows. A project name label starts the
    next table; the header's 分值 and 得分 words say how a row's last number reads."""
    cells: list[tuple[int, int]] = []
    header = IndicatorColumns()
    last = 0
    word = ""
    for a, b in [*words, (len(line), len(line))]:
        if a == len(line) and header.in_rows and (end := V.PREVIEW_GLUED.search(line, last)):
            a = b = end.start()  # the site's download sentence after the last row: the preview ends there
        if line[last:a].strip():
            piece = line[last:a]
            if V.GRADE_LABEL.match(word) and 0 < (g := _grade_chars(piece)) < len(piece):
                inner = [(0, g), (g, len(piece))]  # the grade, then the next table's title (优表2项目支出…)
            else:
                inner = header.row_cells(piece)
                inner = header.value_cells(piece) if inner is None else inner
            cells += [(last + x, last + y) for x, y in inner]
        if a < b:
            cells.append((a, b))
            word = line[a:b].replace(" ", "")
            header.see(word)
        last = b
    return cells, header.in_rows


# the indicator header's words for value columns and number columns
_VALUE_SLOTS = {w: slot for slot in ("init_target", "adj_target", "target", "actual", "weight", "score")
                for w in V.INDICATOR_HEADER_WORDS[slot]}


def _shape(columns: list[str]) -> RowShape:
    numbers = len({c for c in columns if c in ("weight", "score")})
    mid = "weight" in columns and "actual" in columns and 0 < columns.index("weight") < columns.index("actual")
    return RowShape(values=sum(c not in ("weight", "score") for c in columns), numbers=numbers, weight_mid=mid)
