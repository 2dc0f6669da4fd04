"""A space a scan or a re-typed copy put inside a project field's value on a ``label：value`` line (项目名称：2023年义务
教育薄弱环节改善项目, 实施单位：沂澜市地质 环境监测站): found, so that normalization drops it and the value reads whole.

A report prints a field as its label, a colon and the value, one line; a value is a name, which Chinese prints
without spaces. A lone space inside it, with no label after it (项目名称：某项目 主管部门：某局 is two fields run
together, kept), was put there by the copy.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao.pipelines.line_bounds import hits_with_lines
from jixiao.pipelines.normalize import PINYIN, simplified
from jixiao.pipelines.vocab import DEPT_LABEL, GAP_WORDS, IMPL_LABEL, NAME_LABEL, PROSE_KEY_HEADING

# a field label's last character before its colon (名称：, 部门：, 单位：, 主体：; traditional too; a key project's
# numeral, 项目二：, 项目1：): the lines to test, found from each colon (a literal search: a long form prints a few
# hundred colons, a character class would test every character)
_LABEL_LAST = frozenset("称稱门門位体體一二三四五六七八九十0123456789")
# a key project's heading (项目二：不动产登记信息化运 维项目, ◆项目1：某补助): its name is the value after the colon
_KEY_LABEL = re.compile(PROSE_KEY_HEADING)
# the value after the colon: one lone space between two characters of it, no other whitespace
_VALUE = re.compile(r"[ \t\u3000]*(\S+) (\S+)[ \t\u3000]*$")
_FIELD_LABELS = (NAME_LABEL, DEPT_LABEL, IMPL_LABEL)
# a field label (its bullet, numbering and a mirror's inline pinyin after each character included) is at most this long
MAX_LABEL_CHARS = 60
# a name's characters on both sides of the space (Han, digits, brackets): not a list of items or a number's unit
_NAME_CHAR = re.compile(r"[\u4e00-\u9fff0-9０-９()（）]")


def value_spaces(text: str) -> list[int]:
    """Offsets of the lone spaces inside the value of a project field's ``label：value`` line."""
    out: list[int] = []
    first, line = -1, -1  # the colon's line: its first printed character (found once a line), and its start
    for colon, start, end in hits_with_lines(text, _colons(text)):
        if start != line:
            line = start
            first = start + len(text[start:end]) - len(text[start:end].lstrip())
        # (a label, its indent left out, is short: the colons of a long line are not each read back to its start)
        if colon - first > MAX_LABEL_CHARS:
            continue
        label = text[first:colon].rstrip()
        if not (_is_field_label(label) or _KEY_LABEL.fullmatch(label)):
            continue
        value = _VALUE.match(text, colon + 1, end)
        if value is None or not (_NAME_CHAR.match(value.group(1)[-1]) and _NAME_CHAR.match(value.group(2)[0])):
            continue
        after = _folded(value.group(2))
        # a label after the space: two fields run together on one line
        if re.search("[:：]", after) or after in GAP_WORDS or _is_field_label(after):
            continue
        out.append(value.end(1))
    return out


def _colons(text: str) -> list[int]:
    """Offsets of the colons right after a field label's last character."""
    out: list[int] = []
    for colon in (":", "："):
        at = text.find(colon, 1)
        while at >= 0:
            if text[at - 1] in _LABEL_LAST:
                out.append(at)
            at = text.find(colon, at + 1)
    return sorted(out)


def _folded(token: str) -> str:
    return simplified(unicodedata.normalize("NFKC", PINYIN.sub("", token)))


def _is_field_label(label: str) -> bool:
    cell = _folded(label)
    return any(rx.match(cell) for rx in _FIELD_LABELS)
