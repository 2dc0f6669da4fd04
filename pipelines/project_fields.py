"""The project-fields reader: a project table's name, departments and code, from label/value cells."""

from __future__ import annotations

import re

from jixiao.pipelines import vocab as V
from jixiao.pipelines.cells import is_label, label_value, span_of
from jixiao.pipelines.layout import Row
from jixiao.pipelines.normalize import simplified
from jixiao.pipelines.parsed import Span

_NAME_WORD = V.NAME_WORD
# the name label with its value in the same cell (项目名称：老字号) also counts
_NAME_WITH_VALUE = re.compile(rf"^{_NAME_WORD}:?")
NAME_AND_VALUE = re.compile(rf"^{_NAME_WORD}:.+")  # 项目名称：X, label and value in one cell
# a code glued to the name (a run-together table loses the space between the cells) counts only when long
# (12+), holding a digit, and followed by a Chinese character, so a name opening with a year or model number stays
_CODE = re.compile(r"^([0-9A-Z]{10,})[-—_ ]+(.+)$|^((?=[A-Z]*\d)[0-9A-Z]{12,})([\u4e00-\u9fff].*)$")
_DEPT_CODE = re.compile(r"^(?:\[\d+\]|【\d+】|\d+[-—]|\d{3,}(?=\D))")
# the table's unit note run into the unit's name where a flattened run lost the line between (…科学院单位:万元)
_HEADER_RUN = re.compile(V.FUNDS_HEADER_RUN)
_TRAILING_UNIT_NOTE = re.compile(r"[(（]?单位[:：]?(?:万元|千元|元)[)）]?$")


# (field, label, whether the label printed without a value still fills the field, with None)
_FIELD_LABELS = (("name", _NAME_WITH_VALUE, False), ("department", V.DEPT_LABEL, True),
                 ("implementer", V.IMPL_LABEL, True), ("code", V.CODE_LABEL, False))


def read_project_fields(rows: list[Row]) -> dict[str, Span | None]:
    """``name``, ``department``, ``implementer`` and ``code`` from the first row printing each label (a label
    printed without a value gives None; the name and code labels count only with a value)."""
    proj: dict[str, Span | None] = {}
    for i, r in enumerate(rows):
        for label, value in _label_row_pairs(rows, i):
            for key, rx, _ in _FIELD_LABELS:
                if key not in proj and rx.match(label.rstrip(":")):
                    proj[key] = value
        for key, rx, label_alone in _FIELD_LABELS:
            if key not in proj:
                c, v = label_value(r, rx)
                if key == "name" and v is not None and _HEADER_RUN.fullmatch(v.text):
                    continue  # (项目名称　预算数　执行数　执行率: a small funds table's header row, its name on the next)
                if v is not None or (label_alone and c is not None):
                    proj[key] = v
    return proj


def _label_row_pairs(rows: list[Row], i: int) -> list[tuple[str, Span]]:
    """(label, value) pairs of a row of labels only (中央主管部门 / 地方主管部门 / 资金使用单位) whose values stand
    under them on the next row, one each, none a label; else none."""
    labels = rows[i].nonempty()
    if len(labels) < 2 or i + 1 >= len(rows) or not all(is_label(c.clean) for c in labels):
        return []
    values = rows[i + 1].nonempty()
    if len(values) != len(labels) or any(is_label(c.clean) for c in values):
        return []
    return [(lab.clean, span_of(v)) for lab, v in zip(labels, values)]


def split_code(name: Span) -> tuple[Span | None, Span]:
    """A leading project code (``51090422T000000280419-``) goes to ``code``."""
    m = _CODE.match(name.text)
    if not m:
        return None, name
    code_text, rest = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    # offsets: the code is a prefix of the printed name; whitespace was squeezed only inside
    code = Span(text=code_text, start=name.start, end=name.start + len(code_text))
    rest_start = name.end - len(rest) if name.end - name.start == len(name.text) else name.start + (len(name.text) - len(rest))
    return code, Span(text=rest, start=rest_start, end=name.end)


# a trailing dash and code (部门-123456); the run opens at its first dash, so a long run of dashes elsewhere
# is scanned once, not once per dash
_TRAILING_DASH = re.compile(r"(?<![-—])[-—]+(\d{6,})?$")


def clean_org(span: Span | None) -> Span | None:
    """Department/implementer: leading code and trailing '-' removed."""
    if span is None:
        return None
    t = span.text
    start, end = span.start, span.end
    m = _DEPT_CODE.match(t)
    if m:
        t = t[m.end():].lstrip("-— ")
        start = span.end - len(t) if span.end - span.start == len(span.text) else start
    note = _TRAILING_UNIT_NOTE.search(simplified(t))
    if note and note.start() > 0:
        end = max(start, end - (len(t) - note.start()))
        t = t[:note.start()]
    m2 = _TRAILING_DASH.search(t)
    if m2:
        cut = len(t) - m2.start()
        t = t[: m2.start()]
        end = max(start, end - cut)
    if not t:
        return None
    return Span(text=t, start=start, end=end)
