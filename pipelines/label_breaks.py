"""Line breaks a scan or a re-typed copy put between a project's field label and its value (项目名称      / 某项目,
項目名稱 / <tab>某项目): found, so that normalization drops them and the label reads beside its value again.

A form prints a field's label and its value on one line, a run of spaces or a tab between them. A line break that
stands inside that run (whitespace before or after it), right after the name, department or unit label, with a
value (no label of its own) after it, was put there by the copy. A label alone on its line with no whitespace around
the break (a printed wrap, a label above its value) keeps its break.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao.pipelines.normalize import PINYIN, simplified
from jixiao.pipelines.vocab import CODE_LABEL, DEPT_LABEL, GAP_WORDS, IMPL_LABEL, NAME_LABEL, OTHER_LABEL

# a line break after the last character a field label ends with (名称, 部门, 单位, 代码, 主体, (盖章), a colon; in
# traditional spelling too; a bracket of pinyin after it), spaces or tabs between: the places to test, found by a
# scan a character class starts (a form prints thousands of tab-ended lines, which a search for the break alone finds)
_LABEL_END_BREAK = re.compile(r"[称稱门門位码碼体體章:：)）][ \t]*\n")
_FIELD_LABELS = (NAME_LABEL, DEPT_LABEL, IMPL_LABEL)
# a label of any field, or a header word, that may start the line after an empty value (实施单位<tab> / 项目属性)
_ANY_LABELS = (*_FIELD_LABELS, OTHER_LABEL, CODE_LABEL)
_INDENT = re.compile(r"[ \t\u3000]*")


def label_breaks(text: str) -> list[int]:
    """Offsets of the line breaks inside the whitespace between a project field's label and its value."""
    out: list[int] = []
    for m in _LABEL_END_BREAK.finditer(text):
        brk = m.end() - 1
        if text[brk - 1] not in " \t" and text[brk + 1:brk + 2] not in (" ", "\t"):
            continue
        line = text[text.rfind("\n", 0, brk) + 1:brk]
        end = text.find("\n", brk + 1)
        nxt = text[brk + 1:end if end >= 0 else len(text)]
        before, after = line.split(), nxt.split()
        # lines of one indent are a layout of one cell a line (<tab>项目名称 / <tab>某项目), printed so
        if (not before or not after or _INDENT.match(line).group() == _INDENT.match(nxt).group()
                or not _is_label(before[-1], _FIELD_LABELS) or _is_label(after[0], _ANY_LABELS, words=True)):
            continue
        out.append(brk)
    return out


def _is_label(token: str, labels: tuple[re.Pattern[str], ...], *, words: bool = False) -> bool:
    """Whether a token is one of ``labels`` (or, with ``words``, a vocabulary word: a header) as the readers see it
    (folded, simplified, its pinyin left out)."""
    cell = simplified(unicodedata.normalize("NFKC", PINYIN.sub("", token)))
    return (words and cell in GAP_WORDS) or any(rx.match(cell) for rx in labels)
