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
from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.run_together import WORD_TAIL, known_word_list, value_pieces

# a line is a table run together when it holds at least this many known words (a row holds a few; a run of a
# whole form dozens)
MIN_WORDS = 12
# ... and at least this share of them touch the text beside them without a space (a table printed with spaces
# between its cells, collapsed, has mostly spaces around its words: 0.0-0.36 on the real layouts and seeds so
# printed, 0.82-1.0 on the runs; the collapsed-text reader reads the former)
MIN_GLUED_SHARE = 0.7
# a name is at least this many characters (a shorter piece before a value is part of the value before it)
MIN_NAME_CHARS = 2
# values a row holds before the next row's name starts (a target and an actual): fewer is a number inside a name
# (完成12个村改造)
MIN_ROW_VALUES = 2
# a piece between two known words longer than this is no table row (prose, junk) and is not cut: cutting tries
# every position against the rest, so the bound keeps the reader linear in the text
MAX_PIECE_CHARS = 200
# a preview chunk's marker at the start of a line: 2、
_CHUNK = re.compile(r"[ \t]*+\d{1,2}、")


@lru_cache(maxsize=1)
def spaced_known_words() -> re.Pattern[str]:
    """``known_words`` where a single space may stand between two characters (collapsed text keeps a wrapped
    cell's break as a space: 经济效益 指标, 一级 指标)."""
    return re.compile("(?:" + "|".join(" ?".join(map(re.escape, w)) for w in known_word_list()) + ")" + WORD_TAIL)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _value() -> re.Pattern[str]:
    """One value at the start of a string: [operator] number [unit] [以上], a date or deadline, a qualitative
    phrase; units longest first so 万元 wins over 万."""
    ops = _alt(w for ws in V.VALUE_OPERATOR_PREFIXES.values() for w in ws if w not in ("为", "达"))
    suffix = _alt(w for ws in V.VALUE_OPERATOR_SUFFIXES.values() for w in ws)
    units = _alt([*V.VALUE_UNITS, "‰"])
    number = r"\d+(?:\.\d+)?"
    date = r"(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底|末|上旬|中旬|下旬)?(?:" + _alt(V.DEADLINE_WORDS) + r")?"
    # whole phrases only: the single words (完成, 提升, 按时) open names too (按时完成率)
    quality = _alt(V.QUALITATIVE_BANDS)
    # a date first: 2023年12月底前 is one value, not 2023年 and 12月
    return re.compile(rf"(?:{date}|(?:{ops})?{number}(?:~{number})?(?:{units})?(?:{suffix})?|(?:{ops})?(?:{quality}))")


def _values_from(text: str, pos: int) -> tuple[list[tuple[int, int]], int]:
    """The values ``text`` holds from ``pos`` on, each (start, end), and where the first part no value reads
    starts (``len(text)`` when every part is a value)."""
    out = []
    rx = _value()
    while pos < len(text):
        m = rx.match(text, pos)
        if m is None or m.end() == pos:
            break
        out.append((pos, m.end()))
        pos = m.end()
    return out, pos


def values_to_end(text: str) -> list[tuple[int, int]] | None:
    """The values ``text`` holds from its start to its end, each (start, end), or None where some part is no
    value (it is a name, or part of one)."""
    out, end = _values_from(text, 0)
    return out if out and end == len(text) else None


_PART = re.compile(r"\S+(?: \S+)*")  # a piece's parts: text between runs of two spaces or more


def row_cells(text: str) -> list[tuple[int, int]]:
    """A piece of the indicator block cut into a name and values, repeated (``巡护里程≥5000公里5230公里`` ->
    name, ≥5000公里, 5230公里); the whole piece where no cut reads. Runs of spaces (collapsed text) are cell
    breaks."""
    if len(text) > MAX_PIECE_CHARS:
        return [(0, len(text))]
    out = []
    for part in _PART.finditer(text):
        out += [(part.start() + a, part.start() + b) for a, b in _part_cells(part.group())]
    return out


def _part_cells(text: str) -> list[tuple[int, int]]:
    # a row ending in a run of two equal halves (名称2020: 20 and 20) is split as ``run_together`` splits it
    halves = value_pieces(text)
    if len(halves) > 1:
        return halves
    cells: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        cut = None
        for k in range(pos + MIN_NAME_CHARS, len(text)):
            if not _value().match(text, k):
                continue
            vals, end = _values_from(text, k)
            # the rest reads as values to its end, or a row's values (a target and an actual at least) run into
            # the next row's name (a Han character no value reads)
            if vals and (end == len(text) or (len(vals) >= MIN_ROW_VALUES and "\u4e00" <= text[end] <= "\u9fff")):
                cut = (k, vals)
                break
        if cut is None:
            cells.append((pos, len(text)))
            break
        k, vals = cut
        cells.append((pos, k))
        cells.extend(vals)
        pos = vals[-1][1]
    return cells


def _joined_chunks(norm: NormalizedText) -> tuple[str, list[int]]:
    """The text with preview chunk markers taken out (the break, the blank lines and ``2、``), and the offset
    into the normalized text of each character. One pass over the lines: each line is counted for known words
    once, as the line before a marker (a regex for the break, ``\\n\\s*2、``, rescanned a run of blank lines
    from each of its breaks)."""
    text = norm.text
    keep = [True] * len(text)
    pos = 0
    prev: tuple[int, int] | None = None  # the last non-blank line: (start, end)
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        if line.strip():
            m = _CHUNK.match(line)
            if m is not None and prev is not None and len(spaced_known_words().findall(text, *prev)) >= MIN_WORDS:
                for i in range(prev[1], a + m.end()):
                    keep[i] = False
            prev = (a, b)
        pos = b + 1
    idx = [i for i, k in enumerate(keep) if k]
    return "".join(text[i] for i in idx), idx


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
    for line in text.split("\n"):
        words = [(m.start(), m.end()) for m in spaced_known_words().finditer(line)]
        if len(words) >= MIN_WORDS and _glued(line, words) >= MIN_GLUED_SHARE * len(words):
            found = True
            cells = _cut(line, words)
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
    offs.append(norm.offsets[len(norm.text)])
    return NormalizedText.model_construct(text="".join(chars), offsets=offs, original_length=norm.original_length,
                                          original=norm.original, in_print=norm.in_print)


def _glued(line: str, words: list[tuple[int, int]]) -> int:
    """Known words that touch a character beside them with no space between."""
    return sum(1 for a, b in words if (a > 0 and not line[a - 1].isspace()) or (b < len(line) and not line[b].isspace()))


def _cut(line: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cells of a run: each known word, and the text between two cut as a value (before the indicator header)
    or as rows (after it)."""
    cells: list[tuple[int, int]] = []
    in_rows = False
    last = 0
    for a, b in [*words, (len(line), len(line))]:
        if line[last:a].strip():
            piece = line[last:a]
            if in_rows:
                inner = row_cells(piece)
            else:
                inner = [(p.start() + a, p.start() + b) for p in _PART.finditer(piece)
                         for a, b in value_pieces(p.group(), amounts=(2, 3))]
            cells += [(last + x, last + y) for x, y in inner]
        if a < b:
            cells.append((a, b))
            in_rows = in_rows or line[a:b].replace(" ", "").rstrip(":：").startswith(V.INDICATOR_HEADER_WORDS["name"])
        last = b
    return cells
