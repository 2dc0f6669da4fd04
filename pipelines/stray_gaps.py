"""Whitespace a scan or a re-typed copy put where the printed page had none: found, so that normalization drops it.

OCR and re-typing leave a space or a line break inside a word (全年执\\n行数, 满意度 指标, 项目 支出绩效自评报 告) and
inside a number (9 3.5%). Two kinds are found here, each where the page's own layout cannot have printed it:

- a gap inside a label, header or category word of the vocabulary (``vocab.GAP_WORDS``): one space or one line
  break, the only gap inside that word's occurrence (a word printed one character a line, 产/出/指/标, has
  several and is a layout of its own, left to the readers);
- a single space between two characters of running text (Han characters, digits, Chinese punctuation) on a line
  that is no space-separated table row: Chinese text puts no spaces between its words, so a lone space there is
  a slip. Where the document prints rows of cells one space apart (``SPACE_ROW_LINES`` lines holding
  ``SPACE_ROW_VALUES`` lone number cells or more), spaces are the cells' separators: there only the lines of
  sentences (Chinese sentence punctuation, no lone number cell) lose them; a text run into one line keeps its
  spaces (they stand for its lost line breaks), and so does a space after a sentence's end.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from jixiao.pipelines.normalize import simplified
from jixiao.pipelines.vocab import GAP_PIECES, GAP_WORDS, PROSE_LINK_LEAD

# a line holding this many lone number cells (10, 100%, 12.41, ≥4个) is a row of cells one space apart
SPACE_ROW_VALUES = 2
# and a document with this many such lines prints its tables as space rows (two happen by chance in a report)
SPACE_ROW_LINES = 3
_VALUE_CELL = re.compile(r"(?<!\S)[≥≤<>＞＜]?[-+]?[0-9０-９][0-9０-９.,，]*[%％]?[\u4e00-\u9fff]{0,2}(?!\S)|(?<!\S)[-－—/]+(?!\S)")
# a lone space inside a number (9 3.5%, 202 3年): digits (full-width ones not yet folded), a decimal point or a
# percent sign on both sides (not a date's space before its time: 2024-09-19 10:42)
_DIGIT = r"[0-9０-９]"
_LONE_SPACE = re.compile(rf"(?<={_DIGIT}) (?={_DIGIT})(?!{_DIGIT}{{1,2}}[:：])|(?<={_DIGIT}) (?=[.．][0-9０-９])|(?<={_DIGIT}[.．]) (?={_DIGIT})"
                         rf"|(?<={_DIGIT}) (?=[%％年月日])")
# a title line (…绩效自评报告, …自评表, …自评情况的报告): a lone space between two of its Han characters or digits is a
# slip, on a line this short (a title, not a row of cells that ends with one)
_TITLE_END = re.compile(r"(?:报告|自评表|自评情况)[ \u3000]*$")
TITLE_CHARS = 60
_OPENS_ITEM = re.compile(r"[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．)）]|[①-⑳]")
_TITLE_SPACE = re.compile(r"(?<=[\u4e00-\u9fff0-9０-９]) (?=[\u4e00-\u9fff0-9０-９])")
# a text of fewer lines than this lost its line breaks (a page copied as one run): its spaces stand for them, kept
MIN_TEXT_LINES = 3
_SENTENCE = re.compile(r"[，。；！？]")
_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def _gap_words() -> tuple[re.Pattern[str], frozenset[str]]:
    """The gap words as one pattern (the longest word where several start at one offset), and the words a piece of
    one may be (a cell of its own)."""
    return re.compile(_trie(GAP_WORDS)), frozenset(GAP_WORDS) | GAP_PIECES


def _trie(words) -> str:
    """A pattern of ``words`` with their shared prefixes written once (项目(?:名称|支出...)?): it matches where the
    plain alternation of the words, longest first, matches, and as far (the deeper branch is tried before the end of a
    shorter word), while the regex engine tries a few branches at each offset instead of every word."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_branch(trie)


def _trie_branch(node: dict) -> str:
    branches = [re.escape(ch) + _trie_branch(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@lru_cache(maxsize=1)
def _word_pairs() -> frozenset[str]:
    """Every two characters that stand side by side in a gap word: a gap inside a word has such a pair around it."""
    return frozenset(w[k:k + 2] for w in GAP_WORDS for k in range(len(w) - 1))


# a page wraps a label inside its cell after two characters at least (主管 / 部门, 主管部 / 门及代码): one character
# alone on its line before the rest of a word (二 / 级指标) is a break the copy put there
MIN_WRAP_CHARS = 2
_ONE_GAP = re.compile(r"(?<=\S)[ \n](?=\S)")


def word_gaps(text: str) -> list[int]:
    """Offsets of the lone spaces and line breaks that are the only gap inside a vocabulary word's occurrence."""
    gaps = [m.start() for m in _ONE_GAP.finditer(text)]
    pairs = _word_pairs()
    # a gap inside a word stands between two characters of it: where no gap does (most texts), no word is searched
    if not any(text[g - 1:g + 2:2] in pairs for g in gaps):
        return []
    squeezed = _ONE_GAP.sub("", text)
    # the character after gap j (offset g + 1) stands at g + 1 - (j + 1) in the squeezed text: j + 1 gaps precede it
    after = {g - j: g for j, g in enumerate(gaps)}
    starts = sorted(after)
    pattern, pieces = _gap_words()
    out: list[int] = []
    for m in pattern.finditer(squeezed):
        # the gaps inside the word: one bisection, not a test per character of every word the text prints
        first = bisect_left(starts, m.start() + 1)
        if bisect_left(starts, m.end(), first) - first != 1:
            continue
        inside = starts[first]
        # a word whose two pieces are words of their own (项目|实施单位, 社会|效益指标) is two cells side by side
        if not (squeezed[m.start():inside] in pieces or squeezed[inside:m.end()] in pieces):
            gap = after[inside]
            # a label's start alone on its line (主管部 / 门及代码 under a wrapped value): the page's own wrap, which the
            # readers rejoin with the value above it; one character alone (二 / 级指标) is no column's wrap, and a label
            # with its colon (项目名 / 称：某项目) is a line's, not a narrow cell's
            if text[gap] == "\n" and inside - m.start() >= MIN_WRAP_CHARS \
                    and text.rfind("\n", 0, gap) + 1 == gap - (inside - m.start()) \
                    and text[gap + 1 + m.end() - inside:gap + 2 + m.end() - inside] not in (":", "："):
                continue
            out.append(gap)
    return out


def _space_row(line: str) -> bool:
    return len(_VALUE_CELL.findall(line)) >= SPACE_ROW_VALUES


# a line of a space-row document that prints this many cells before its first sentence mark is a table row whose
# last cell is a remark sentence (达标 基本达标 8 2个池塘…未完工，…): its spaces are cell breaks, not slips
REMARK_ROW_CELLS = 5


def _row_with_remark(line: str) -> bool:
    return len(_SENTENCE.split(line, maxsplit=1)[0].split()) >= REMARK_ROW_CELLS


def text_spaces(text: str) -> list[int]:
    """Offsets of the lone spaces inside running text (see the module's docstring)."""
    if " " not in text:
        return []
    if text.count("\n") < MIN_TEXT_LINES - 1:
        return []
    lines = [m for m in _LINE.finditer(text) if " " in m.group() and "\t" not in m.group() and "|" not in m.group()]
    space_rows = sum(_space_row(m.group()) for m in lines) >= SPACE_ROW_LINES
    out: list[int] = []
    for m in lines:
        line = m.group()
        if _space_row(line) or (space_rows and (not _SENTENCE.search(line) or _row_with_remark(line))):
            continue
        rx = _TITLE_SPACE if len(line) <= TITLE_CHARS and _TITLE_END.search(line) else _LONE_SPACE
        out.extend(m.start() + s.start() for s in rx.finditer(line))
    return out


# a year (19xx, 20xx) broken by a line break (202 / 3年城区…): its digits on both sides of the break, 年 after them
_D = "[0-9０-９]"
_BROKEN_YEAR = re.compile(rf"(?<!{_D})(?:[2２]\n[0０]{_D}{{2}}|[2２][0０]\n{_D}{{2}}|[2２][0０]{_D}\n{_D}|[1１]\n[9９]{_D}{{2}}"
                          rf"|[1１][9９]\n{_D}{{2}}|[1１][9９]{_D}\n{_D})年")
# what follows the break of any broken year (a pre-test: it starts with a literal, so it is searched fast)
_BREAK_BEFORE_NIAN = re.compile(rf"\n{_D}{{1,3}}年")


def year_breaks(text: str) -> list[int]:
    """Offsets of the line breaks inside a year (2023年 printed 202 / 3年): a year is four digits, no cell of a table
    ends with a part of one."""
    # every broken year has its break one to three digits before 年: one search for that (from each line break, a
    # literal) tells the text that has none, and most have none, without trying the year at every digit
    if _BREAK_BEFORE_NIAN.search(text) is None:
        return []
    return [m.start() + m.group().index("\n") for m in _BROKEN_YEAR.finditer(text)]


# a short bracket (inline pinyin 場(chǎ / ng), a unit (万 / 元)) broken by a line break: no page wraps a line inside
# a bracket of a few characters
_BROKEN_BRACKET = re.compile(r"[(（][^()（）\s|]{0,8}\n[^()（）\s|]{0,8}[)）]")


def bracket_breaks(text: str) -> list[int]:
    """Offsets of the line breaks inside a short bracket."""
    return [m.start() + m.group().index("\n") for m in _BROKEN_BRACKET.finditer(text)]


# a title broken in two (闽溪县民政局2023年度困难群众临时救 / 助专项资金绩效自评报告): the line before runs on into it
# (ends with a Han character or a digit, no punctuation in it), the line after ends as a title does
# (the title's year in the line before, none in the line after: a unit's name over a title, a page's chrome or a
# table's last row over one, and a generic title word under a title's first line are lines the page printed)
# (a page's link to the next article is a title after its lead: 下一篇：某局2023年度某资金项目 / 支出绩效自评报告)
_LINK_LEAD = rf"(?:{PROSE_LINK_LEAD})[:：]"
_TITLE_HEAD = re.compile(rf"^[ \u3000]*(?:{_LINK_LEAD}[ \u3000]*)?[\u4e00-\u9fff0-9０-９][\u4e00-\u9fff0-9０-９()（）]*[\u4e00-\u9fff0-9０-９]$")
_YEAR = re.compile(r"[0-9０-９]{4}")
# a title's last piece: words ending in 报告 / 自评表, no punctuation in them
_TITLE_LAST_PIECE = r"[\u4e00-\u9fff][^\s。；;：:，,、|]*(?:报告|自评表)[ \u3000]*$"
_TITLE_TAIL = re.compile(r"^(?![^\n]*[0-9０-９]{4})" + _TITLE_LAST_PIECE)
# (a link's line is no title of its own: its title's year may stand in either piece, 下一篇：某局某 / 局2023年度…报告)
_LINK_HEAD = re.compile(rf"^[ \u3000]*{_LINK_LEAD}")
_LINK_TAIL = re.compile("^" + _TITLE_LAST_PIECE)


def title_breaks(text: str) -> list[int]:
    """Offsets of the line breaks inside a title line (both pieces together no longer than ``TITLE_CHARS``)."""
    if "\n" not in text:
        return []
    _, title_words = _gap_words()
    out: list[int] = []
    pos = 0
    lines = text.split("\n")
    for k in range(len(lines) - 1):
        line, nxt = lines[k], lines[k + 1]
        pos += len(line)
        if _LINK_HEAD.match(line):
            tail = _LINK_TAIL.match(nxt)
        else:
            tail = _TITLE_TAIL.match(nxt) and _YEAR.search(line)
        if (len(line.strip()) + len(nxt.strip()) <= TITLE_CHARS and tail and _TITLE_HEAD.match(line)
                and nxt.strip() not in title_words and not _OPENS_ITEM.match(nxt)):
            out.append(pos)
        pos += 1
    return out


# characters a traditional text prints in its labels and headers (項目, 預算, 執行, 指標, 單位, 實際 …): a text with none
# of them is read as it is; one with them is matched in simplified spelling (the vocabulary's), one for one
_TRADITIONAL = re.compile("[項預執標單實際總資質數績評門產業務]")
# a traditional text prints them from its first lines on (its title, its labels): a long simplified text is not
# scanned to its end for them
SCRIPT_PROBE_CHARS = 20000


def stray_gaps(text: str) -> list[int]:
    """Offsets in ``text`` of the spaces and line breaks a scan or a re-typed copy put inside words and sentences
    (a traditional text's words found in simplified spelling: the offsets are the same)."""
    if _TRADITIONAL.search(text, 0, SCRIPT_PROBE_CHARS):
        text = simplified(text)
    return sorted(set(word_gaps(text)) | set(text_spaces(text)) | set(year_breaks(text))
                  | set(bracket_breaks(text)) | set(title_breaks(text)))
