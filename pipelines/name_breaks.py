"""A line break a scan or a re-typed copy put inside a project's name where the form prints it on lines of its own
(项目名称 / 高标准农田建设项目县 / 级配套 / 主管部门, 【项目名称】农村公路日 / 常养护 / 【主管部门】…): found, so that
normalization drops it and the name reads whole.

Between the name's label and the next field's label a form prints one value, the name, on one line. Two pieces there,
each one run of characters (no spaces, no colon, no label), the first not ending as a name ends (项目, 工程, 资金 …),
are one name the copy broke.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao.pipelines.label_slips import slipped_labels
from jixiao.pipelines.line_bounds import hits_with_lines
from jixiao.pipelines.normalize import PINYIN, simplified
from jixiao.pipelines.vocab import CODE_LABEL, DEPT_LABEL, GAP_WORDS, IMPL_LABEL, NAME_WORD, OTHER_LABEL

_NAME_WORD = re.compile("名称|名稱")
_NAME_HEAD = re.compile(rf"[【\[]?{NAME_WORD}[】\]]?:?\s*")
_NEXT_LABELS = (DEPT_LABEL, IMPL_LABEL, OTHER_LABEL, CODE_LABEL)
# how a name ends (…项目, …工程, …资金): a piece ending so may be a whole name over a line of something else
_NAME_END = re.compile(r"(?:项目|工程|资金|经费|补助|补贴|专项|奖补)$")
# a numbered item or a preview's page marker (3、购置项目) starts a line of its own
_ITEM = re.compile(r"[0-9]{1,3}[、.．]|[(（][0-9一二三四五六七八九十]+[)）]")
# the longest name the rule joins (both pieces): a name, not a paragraph
NAME_CHARS = 40
HEAD_CHARS = 14


def name_breaks(text: str) -> list[int]:
    """Offsets of the line breaks inside a name printed between its label and the next field's label."""
    out: list[int] = []
    seen = -1
    # the lines around each name label only (a search for a literal: a long form's thousands of lines are not split)
    for m, start, _ in hits_with_lines(text, _NAME_WORD.finditer(text)):
        # a label starts its line (【转移支付(项目)名称】: a dozen characters before 名称 at most)
        if start <= seen or m.start() - start > HEAD_CHARS:
            continue
        seen = start
        lines = _lines_from(text, start, 10)
        # a row of cells (项目名称<tab>某项目<tab>主管部门…) or a sentence is no label over a name's pieces
        if len(lines[0][1]) > HEAD_CHARS + NAME_CHARS or len(lines[0][1].split()) > 2 or len(lines) < 3 \
                or len(lines[1][1].split()) != 1:
            continue
        folded = _relabeled(_folded(lines[0][1].strip()))
        head = _NAME_HEAD.match(folded)
        if head is None:
            continue
        rest = folded[head.end():]
        # the name's first piece on the label's line, or on the line after it
        at = 0 if rest else 1
        if at + 2 >= len(lines):
            continue
        first = rest or _folded(lines[at][1].strip())
        second = _folded(lines[at + 1][1].strip())
        if _piece(first) and _piece(second) and len(first) + len(second) <= NAME_CHARS and not _NAME_END.search(first) \
                and not _ITEM.match(second) and _labels_line(lines[at + 2][1]) \
                and not _wraps_values([line for _, line in lines], at + 2):
            out.append(lines[at][0] + len(lines[at][1]))
    return out


def _lines_from(text: str, start: int, count: int) -> list[tuple[int, str]]:
    """Up to ``count`` lines of ``text`` from offset ``start`` (a line's start), each with its offset."""
    out: list[tuple[int, str]] = []
    while len(out) < count and start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        out.append((start, text[start:end]))
        start = end + 1
    return out


def _relabeled(line: str) -> str:
    """A line with the look-alikes in its label words read as the words (顶目名称 -> 项目名称: ``label_slips``)."""
    fixes = slipped_labels(line)
    return "".join(fixes.get(k, ch) for k, ch in enumerate(line)) if fixes else line


def _folded(token: str) -> str:
    return simplified(unicodedata.normalize("NFKC", PINYIN.sub("", token)))


def _piece(token: str) -> bool:
    """A piece of a name: one run of characters, no colon, no label."""
    return bool(token) and not re.search(r"[\s:]", token) and token not in GAP_WORDS and not _is_label(token)


def _is_label(token: str) -> bool:
    # the label before its value on one line: 【主管部门】某局, 主管部门:某局
    cell = re.split(r"[】\]:]", token.lstrip("【["))[0]
    return cell in GAP_WORDS or any(rx.match(cell) for rx in _NEXT_LABELS)


def _wraps_values(lines: list[str], k: int) -> bool:
    """Whether the page wraps its values (a narrow column): the two fields after the name, labeled alone on their
    lines from line ``k`` on, have their values over two lines or more too (主管部门： / 龙溪县农业 / 农村局 / 实施单位：
    / 石桥镇 / 人民政府), so the name's two lines are the page's. One field's value in two pieces is a slip of its own."""
    for _ in range(2):
        if k < len(lines) and not _label_alone(lines[k]):
            return False
        if k + 2 >= len(lines):
            return True
        if _labels_line(lines[k + 2]):
            return False
        k = next((j for j in range(k + 3, min(k + 5, len(lines))) if _labels_line(lines[j])), len(lines))
    return True


def _label_alone(line: str) -> bool:
    """A label with no value on its line (a label with its value, 主管部门：某局, 【主管部门】某局, wraps nothing)."""
    tokens = _folded(line.strip()).split()
    return len(tokens) == 1 and re.split(r"[】\]:]", tokens[0].lstrip("【["), maxsplit=1)[1:] in ([], [""])


def _labels_line(line: str) -> bool:
    """Whether a line starts with the next field's label."""
    tokens = _folded(line.strip()).split()
    return bool(tokens) and _is_label(tokens[0])


def row_name_breaks(text: str) -> list[int]:
    """Offsets of the line breaks inside a name printed in a row of fields (项目名称 2023年柳 / 湾社区…项目 项目负责人及电话
    某人, 项目名称：2023年 / 农村客运站点运营补助  主管部门：某局): the label's line holds the label and the name's first
    piece alone, the next line the name's rest and then the next field's label. A page that wraps a name in such a row prints the next label on the
    name's first line, not after its rest."""
    out: list[int] = []
    for m, start, _ in hits_with_lines(text, _NAME_WORD.finditer(text)):
        if m.start() - start > HEAD_CHARS:
            continue
        lines = _lines_from(text, start, 2)
        if len(lines) < 2:
            continue
        # (the label and the first piece: 项目名称 2023年柳, 项目名称：2023年)
        line, rest = _relabeled(_folded(lines[0][1].strip())), _folded(lines[1][1].strip()).split()
        label = _NAME_HEAD.match(line)
        first = line[label.end():] if label else ""
        if len(rest) < 2 or not first:
            continue
        if _piece(first) and _piece(rest[0]) and len(first) + len(rest[0]) <= NAME_CHARS \
                and not _ITEM.match(rest[0]) and _is_label(rest[1]):
            out.append(lines[0][0] + len(lines[0][1]))
    return out
