"""The prose as a sentence reader sees it: spaces and the line breaks that wrap a sentence taken out.

A scan, a PDF or a fixed-width page breaks sentences anywhere (本单\n位 2023年 → 本单位2023年); the prose reader's
patterns read sentences, so they run on this view and map what they find back to the normalized text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from jixiao.pipelines.normalize import NormalizedText
from jixiao.pipelines.parsed import ParsedIndicator, Span
from jixiao.pipelines.prose_indicators import indicator_sentences

# a line break after one of these ends a sentence; any other break inside a stretch of prose is a wrap
SENTENCE_END = frozenset("。；;：:！!？?")
# what the unwrapped view leaves out besides wrapping line breaks
_UNWRAP_SPACES = " \t\u3000"
_UNWRAP_SPACE_RUN = re.compile("[ \t\u3000]+")
_KEPT_RUN = re.compile("[^ \t\u3000]+")
_LINE_BREAK = re.compile("\n")
# a line that is a heading of its own (二、绩效目标实现情况, (一)产出指标): short, numbered, no sentence punctuation; a
# break after it ends it even unpunctuated (a scan's lines, read one a line, would run it into the item below)
# (or an Arabic ordinal before a category word, 1、数量指标 over 1)名称(单位),目标值X,…: the Fujian form's level-2 line)
_HEADING_LINE = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]"
                           r"|\d{1,2}[、.．](?=[\u4e00-\u9fff]{2,12}指标[ \t\u3000]*$))"
                           r"[^,，。;；:：\n]{2,16}[ \t\u3000]*")


# Collapsed prose (every line break became one space): the spaces that were line breaks are found again, so that
# the prose reader's line-bound patterns (a heading on its own line, a paragraph opening a line) read it as printed.
# A space is a line break after a sentence's end, before a heading's ordinal, a bracketed label, a bullet or a label and
# its colon (一、 （二） 3. 【 - ▲ 分值：),
# and after a heading's short words (一、项目基本情况 就业…); two spaces are a blank line. Same length: a space becomes a line break, offsets hold.
_LINE_OPENER = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．](?!\d)|【"
                          r"|第[一二三四五六七八九十]{1,3}[章节部分]|[-•●■▲◆◇▶·][ \u3000]?(?=[\u4e00-\u9fff]))")
# a label and its colon (年度指标值：≥285万亩 分值：20): collapsed labeled lines, one a line
_LABEL_OPENER = re.compile(r"[\u4e00-\u9fff]{2,10}[:：](?!\d{2}\b)")
# (a full-width mark: half-width ones are printed with a space after them inside a line, 人次: 目标≥3600人次, 完成…)
_FULL_WIDTH_END = frozenset("。；：！？")
_ONE_SPACE = re.compile(r"(?<=\S) (?=\S)")
# two spaces between words: a blank line between paragraphs
_TWO_SPACES = re.compile(r"(?<=\S)  (?=\S)")
# three or more: a line break, then the indent opening a paragraph (　　 folded to spaces)
_INDENTED = re.compile(r"(?<=\S) {3,}(?=\S)")
# a heading line (an ordinal, then words without a clause mark) ends at the first space within this many characters
HEADING_LINE_CHARS = 30
_SHORT_HEADING = re.compile(r"[^ ,，。；;！!？?]{1," + str(HEADING_LINE_CHARS) + r"}?(?= )")


@dataclass(frozen=True)
class Unwrapped:
    """The prose with spaces and wrapping line breaks taken out (``pos[i]``: offset of ``text[i]`` in the
    normalized text): a scan or a PDF breaks sentences anywhere (本单\\n位 2023年 → 本单位2023年), and the
    patterns below read sentences."""

    text: str
    pos: list[int]

    @classmethod
    def of(cls, text: str) -> Unwrapped:
        # line by line, not character by character (this ran a Python step per character of the document):
        # a line break is a wrap when the last character kept before it ends no sentence and is no kept line
        # break, and a character that is not whitespace follows it
        wraps: list[int] = []
        last = ""  # the last character kept that is not a space (a kept line break included)
        begin = 0
        for m in _LINE_BREAK.finditer(text):
            i = m.start()
            line = text[begin:i].rstrip(_UNWRAP_SPACES)
            if line:
                last = line[-1]
            heading = bool(line) and _HEADING_LINE.fullmatch(line) is not None
            begin = i + 1
            # (nor is one before a heading's ordinal, 1. （一） 一、, nor one after a heading line of its own: a heading never
            # runs into the line above it or the line below)
            if (last and last not in SENTENCE_END and last != "\n" and text[i + 1:i + 2].strip() and not heading
                    and not _LINE_OPENER.match(text, i + 1)):
                wraps.append(i)
            else:
                last = "\n"
        kept = text if not wraps else "".join(
            text[a + 1:b] + " " for a, b in zip([-1, *wraps], wraps)) + text[wraps[-1] + 1:]
        # (not numpy: importing it reserves address space a parser-only worker's RLIMIT_AS must not lose)
        pos: list[int] = []
        for run in _KEPT_RUN.finditer(kept):  # (a run at a time: a step per character cost ~5 ms on 100k)
            pos.extend(range(run.start(), run.end()))
        return cls(_UNWRAP_SPACE_RUN.sub("", kept), pos)

    def at(self, offset: int) -> int:
        """The view index of the first kept character at or after ``offset`` of the normalized text."""
        return bisect.bisect_left(self.pos, offset)

    def span(self, m: re.Match[str], group: int | str) -> Span:
        return Span(text=m.group(group), start=self.pos[m.start(group)], end=self.pos[m.end(group) - 1] + 1)


# a space between two Han characters: a line wrap turned into a space where the text's line breaks were lost
# (实际完 成4316户), or a scan's spaced word
_SPACED_WORD = re.compile(r"[\u4e00-\u9fff][ \t\u3000]+[\u4e00-\u9fff]")


def view_indicators(text: str, view: Unwrapped, s: int, e: int) -> list[ParsedIndicator]:
    """The indicator sentences of [s, e) as printed, or read unwrapped where lines break mid-sentence (a PDF or a
    fixed-width page: 户厕改造验收合格率年度目标≥95%，实际完\n成97.6%), or where spaces split its words (the same page
    with its line breaks lost: 实际完 成97.6%), and that reading finds more."""
    printed = indicator_sentences(text, s, e)
    if text.count("\n", s, e) <= view.text.count("\n", view.at(s), view.at(e)) and not _SPACED_WORD.search(text, s, e):
        return printed  # (no line wrapped and no word spaced apart: the view is the text)
    unwrapped = indicator_sentences(view.text, view.at(s), view.at(e))
    # (the reading that finds more indicators; where spaces split words, also as many with more of their fields:
    # 自评得 分20分 reads only unwrapped; a line-wrapped text's view loses the lines that end its headings)
    # (not where all line breaks were lost: there the view runs every heading into the name after it)
    spaced = _SPACED_WORD.search(text, s, e) is not None and text.find("\n", s, e) >= 0
    if (len(unwrapped), _fields(unwrapped) if spaced else 0) <= (len(printed), _fields(printed) if spaced else 0):
        return _completed(printed, [_remapped(i, view) for i in unwrapped])
    return [_remapped(i, view) for i in unwrapped]


def _completed(printed: list[ParsedIndicator], unwrapped: list[ParsedIndicator]) -> list[ParsedIndicator]:
    """The printed reading, each indicator's marks that its sentence wraps past its line (…，得分\n10分（分值10分）。:
    a line-bound reading stops at the break) taken from the unwrapped reading of the same name."""
    by_name = {(i.name.start, i.name.end): i for i in unwrapped}
    out = []
    for ind in printed:
        other = by_name.get((ind.name.start, ind.name.end))
        missing = {f: getattr(other, f) for f in ("weight", "score") if other is not None and getattr(ind, f) is None
                   and getattr(other, f) is not None}
        out.append(ind.model_copy(update=missing) if missing else ind)
    return out


def _fields(indicators: list[ParsedIndicator]) -> int:
    return sum(sum(x is not None for x in (i.actual, i.weight, i.score)) + bool(i.target) for i in indicators)


def _remapped(ind: ParsedIndicator, view: Unwrapped) -> ParsedIndicator:
    """An indicator read on the unwrapped view, its spans' offsets the normalized text's (their text the view's)."""
    def at(span: Span | None) -> Span | None:
        if span is None:
            return None
        return Span(text=span.text, start=view.pos[span.start], end=view.pos[span.end - 1] + 1)
    return ind.model_copy(update={
        "name": at(ind.name), "target": [at(t) for t in ind.target], "actual": at(ind.actual),
        "weight": at(ind.weight), "score": at(ind.score), "level1_span": at(ind.level1_span),
        "level2_span": at(ind.level2_span), "initial_target": at(ind.initial_target)})


def relined(norm: NormalizedText) -> str:
    """The text with its lost line breaks put back where a collapsed report's lines surely broke (see above); a text
    printed with line breaks is returned as it is (one whose tables' breaks were put back is still collapsed)."""
    text = norm.text
    if "\n" in text.strip() and not _tables_relined(norm):
        return text
    chars = list(text)
    for m in _TWO_SPACES.finditer(text):
        chars[m.start()] = chars[m.start() + 1] = "\n"
    for m in _INDENTED.finditer(text):
        chars[m.start()] = "\n"
    for m in _ONE_SPACE.finditer(text):
        i = m.start()
        opener = _LINE_OPENER.match(text, i + 1)
        if _full_width_end(norm, i - 1) or opener is not None or _LABEL_OPENER.match(text, i + 1):
            chars[i] = "\n"
        if opener is not None and not _LINE_OPENER.match(text, opener.end()):
            # (the heading's words, when they run to a space with no clause mark, are its line)
            head = _SHORT_HEADING.match(text, opener.end())
            if head is not None and not _LINE_OPENER.match(text, head.end() + 1):
                chars[head.end()] = "\n"
    return "".join(chars)


def _tables_relined(norm: NormalizedText) -> bool:
    """The document was printed without line breaks and the text's few are its tables' put back before
    normalization (``relined_tables``: same length, less the padding before a line's end), not a reader's rewrite
    into rows (characters added or moved)."""
    if not norm.original or "\n" in norm.original.strip() or len(norm.text) > len(norm.original):
        return False
    kept = norm.offsets[:-1]
    if any(b <= a for a, b in zip(kept, kept[1:])):
        return False
    return all(norm.original[o].isspace() for o in set(range(len(norm.original))).difference(kept))


def _full_width_end(norm: NormalizedText, i: int) -> bool:
    """``text[i]`` ends a sentence and was printed full-width (normalization folds ：；？！ to ASCII)."""
    if norm.text[i] not in SENTENCE_END:
        return False
    at = norm.offsets[i]
    printed = norm.original[at] if norm.original and at < len(norm.original) else norm.text[i]
    return printed in _FULL_WIDTH_END


def complement(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The stretches of [0, length) not covered by ``spans``."""
    out = []
    pos = 0
    for s, e in sorted(spans):
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < length:
        out.append((pos, length))
    return out
