"""Normalize stage: clean text while keeping a map from every output character back to the original.

Layout (tabs, newlines) is kept here because the layout stage reads it; the
per-cell clean-ups (vertical splits, spaced-out characters, broken numbers)
are functions applied to cell text later, since whitespace inside a cell is
noise but whitespace between cells is structure.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from jixiao.pipelines.double_spacing import double_spacing_breaks
from jixiao.pipelines.expanded_tabs import expanded_tab_runs
from jixiao.pipelines.hard_wraps import hard_wrap_breaks, wrap_padding
from jixiao.pipelines.box_tables import box_rows
from jixiao.pipelines.char_table import translated
from jixiao.pipelines.spaced_out import spaced_out_gaps
from jixiao.pipelines.pipe_tables import RULING_GLYPH, padded_pipe_rows, pipe_cell_lines, pipe_rows, ruling_glyphs, unfold_pipe_runs

# Word/PDF converters leave bookmark anchors in the text; they are never content.
_JUNK = re.compile(r"\[bookmark:[^\]\n]*\]|\[image:[^\]\n]*\]")
# A page footer line (- 3 -, 第3页, 第3页 共9页) printed where a table crosses a page: never content, and
# left in place it splits the table's rows; the line goes with its line break. A document site's preview
# labels its pages with the file name (报告.docx_第3页) or a counter (2 / 4): those lines go too.
_PAGE_LINE = re.compile(
    r"^[ \t\u3000]*(?:[-－—]\s*[0-9０-９]{1,4}\s*[-－—]"
    # a mirror site's traditional copy prints 頁; dashes may frame the label (— 第 1 頁，共 2 頁 —)
    r"|(?:[-－—]\s*)?第\s*[0-9０-９]{1,4}\s*[页頁](?:\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*[页頁])?(?:\s*[-－—])?"
    r"|共\s*[0-9０-９]{1,4}\s*[页頁]|[0-9]{1,4}[ \u3000]+/[ \u3000]+[0-9]{1,4}"
    # a site's page footer: its name before the label, dashes around it (- 智库文档 第1页 -, 豆丁网 第1页 共3页, 某文档 · 第2页)
    r"|(?:[-－—][ \u3000]*)?[^\s\d]{1,10}(?:[ \u3000]*[·•][ \u3000]*|[ \u3000]+)第[ \u3000]*[0-9]{1,4}[ \u3000]*页(?:[ \u3000]*共[ \u3000]*[0-9]{1,4}[ \u3000]*页)?(?:[ \u3000]*[-－—])?"
    r"|[^\n]{1,120}?\.(?:docx?|xlsx?|pdf|pptx?|wps)_第[0-9]{1,4}页"
    # a preview's watermark between its pages: the site's name and domain (原创力文档 max.book118.com), its promise,
    # its notices (仅供个人学习参考, 文档可能无法显示全部内容, a 精品文档 banner), upload disclaimer, button, ads
    r"|(?:[^\s\d]{1,10}[ \u3000]+)?(?:www\.)?[a-z0-9-]{2,30}(?:\.[a-z0-9-]{2,30}){0,2}\.(?:com|cn|net)"
    r"|(?:本(?:文档|资料|文件)?)?仅供(?:个人)?(?:学习|参考|交流)(?:参考|交流)?(?:使用|之用)?[。.!！]?|精[品选]文档"
    r"|预览与源文档一致[^\n]{0,20}|本文档由用户上传[^\n]{0,40}|文档可能无法(?:思考|显示)全部内容[^\n]{0,20}"
    r"|(?<=[页頁]\n)下载[此本]?文档|[【\[]广告[】\]][^\n]{0,60})[ \t\u3000]*(?:\r?\n|$)", re.M)
# A stamp's impression read by OCR as a line of its own (财 务 专 用 章, 青岚县交通运输局 / (公章)): never content, and
# left in place between two rows it glues to a cell. A label asking for the stamp (实施单位(盖章)) is kept.
_STAMP_LINE = re.compile(
    r"^[ \t\u3000]*+(?![^\n]*(?:单[ \t]*位|部[ \t]*门|[:：]))[(（]?[ \t]*+(?:[\u4e00-\u9fff][ \t]*+){0,24}?"
    r"(?:专[ \t]*用[ \t]*章|公[ \t]*章|盖[ \t]*章)[ \t]*+[)）]?[ \t\u3000]*+(?:\r?\n|$)", re.M)
# Spaces after a line's last printed character: a page's or an editor's padding, never a cell (an empty cell is a
# line of its own, a lone space, and stays; tabs stay too: a trailing tab is an empty last cell of a tab row).
_TRAILING_SPACES = re.compile(r"(?<![ \u00a0\u3000])[ \u00a0\u3000]++(?=\r?\n|$)", re.M)  # (from a run's first blank, whole: linear)
_DROP = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\r"}
_INVISIBLE = re.compile("[" + "".join(sorted(_DROP - {"\r"})) + "]")  # (left out before any finder reads the text)
_SPACE = {"\u00a0", "\u3000", "\u2002", "\u2003", "\u2009", "\u202f", "\x0b", "\x0c"}


# A text whose lines average this long has lost its layout: only the readers of collapsed text read it.
COLLAPSED_LINE_CHARS = 600


def lines_run_together(text: str) -> bool:
    """Whether ``text``'s lines average over ``COLLAPSED_LINE_CHARS``: its rows and cells run into each other."""
    return len(text) / (text.count("\n") + 1) > COLLAPSED_LINE_CHARS


def layout_lost(text: str) -> bool:
    """Whether ``text`` has lost its line layout: its lines run together, or it is one line."""
    return lines_run_together(text) or "\n" not in text.strip()


class NormalizedText(BaseModel):
    """Normalized text plus ``offsets[i]`` = original offset of ``text[i]`` (one extra entry: the end)."""

    model_config = ConfigDict(frozen=True)

    text: str
    offsets: list[int]
    original_length: int
    original: str = ""
    # original offsets left out of the text that still belong to a printed value (inline pinyin: 績效目標(biāo))
    in_print: frozenset[int] = frozenset()

    def rewritten(self, chars: list[str], offsets: list[int]) -> NormalizedText:
        """A reader's rewrite of this text (cells written as tab rows, runs cut at their words): ``chars`` with
        ``offsets[i]`` the original offset of ``chars[i]``; the end offset is this text's, so spans stay true."""
        return NormalizedText.model_construct(text="".join(chars), offsets=[*offsets, self.offsets[-1]],
                                              original_length=self.original_length, original=self.original,
                                              in_print=self.in_print)

    def line_starts(self) -> list[int]:
        """The offset in ``text`` where each of its lines (``text.split("\\n")``) starts."""
        starts, pos = [], 0
        for line in self.text.split("\n"):
            starts.append(pos)
            pos += len(line) + 1
        return starts

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalized span [start, end)."""
        if end <= start:
            o = self.offsets[min(start, len(self.offsets) - 1)]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1

    def narrow(self, start: int, end: int, value: str) -> tuple[int, int] | None:
        """Normalized (start, end) of exactly ``value`` (whitespace-free) inside [start, end), or None.

        Parsers cut codes, labels and dashes off a cell's text; this finds what is left in the
        cell so that output strings and provenance cover the value and nothing else.
        """
        seg = self.text[start:end] if start >= 0 else ""
        if seg and "".join(seg.split()) == seg:  # (most spans: nothing blank in them, no Python step a character)
            pos: range | list[int] = range(start, start + len(seg))
            squeezed = seg
        else:
            pos = [i for i in range(start, min(end, len(self.text))) if not self.text[i].isspace()]
            squeezed = "".join(self.text[i] for i in pos)
        if not pos:
            return None
        if not value or squeezed == value:
            return pos[0], pos[-1] + 1
        # a cut prefix (code) leaves a suffix, a cut suffix (trailing '-') a prefix
        if squeezed.endswith(value):
            k = len(squeezed) - len(value)
        elif squeezed.startswith(value):
            k = 0
        else:
            k = squeezed.find(value)
            if k < 0:
                return None
        return pos[k], pos[k + len(value) - 1] + 1

    def printed(self, start: int, end: int) -> str:
        """The original characters behind normalized [start, end) with whitespace removed: the value
        as printed (full-width brackets, OCR slips kept), junk anchors and zero-width characters left out."""
        if not self.original:
            return squeeze(self.text[start:end])
        text, offsets, in_print, original = self.text, self.offsets, self.in_print, self.original  # locals: a hot loop
        if not in_print and start >= 0:
            # (most texts: no pinyin printed) the original character of each non-blank one, once for the characters
            # normalizing made of one (NFKC: ㈠ -> (一)): the loop below without its pinyin steps
            seg = text[start:end]
            offs = offsets[start:start + len(seg)]
            if len(set(offs)) == len(offs) and "".join(seg.split()) == seg:
                # (most values) nothing blank and no character made of another's: each one's original, in C
                value = "".join(map(original.__getitem__, offs))
                return squeeze(value if "&" not in value else "".join(_meant(original, o) for o in offs))
            kept = (o for ch, o in zip(seg, offs) if not ch.isspace())
            return squeeze("".join([_meant(original, o) for o, _ in itertools.groupby(kept)]))
        seen: list[int] = []
        for i in range(start, min(end, len(text))):
            if text[i].isspace():
                continue
            o = offsets[i]
            if seen and in_print and o > seen[-1] + 1:  # (pinyin after it, not a site's line taken out between)
                seen.extend(itertools.takewhile(lambda k: k in in_print or original[k].isspace(), range(seen[-1] + 1, o)))
            if not seen or seen[-1] != o:
                seen.append(o)
        # the pinyin of the value's last character follows it (服務(wù)老年人數(shù)): it is printed with the value
        while seen and in_print and seen[-1] + 1 in in_print:
            seen.append(seen[-1] + 1)
        return "".join(ch for ch in (_meant(original, o) for o in seen) if not ch.isspace())


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    if ch in _SPACE:
        return " "
    if ch in _DROP:
        return ""
    folded = unicodedata.normalize("NFKC", ch)
    # NFKC turns a few CJK-compatibility forms into multi-char strings; keep them.
    return folded


# Inline pinyin a mirror site prints after characters (績效目標(biāo), 預(yù)算): a syllable in brackets right after a
# CJK character, with tone marks, without them (biao), or with a tone digit (biao1, lv4: ü typed as v); a word's
# syllables together where each carries its tone (指標(zhǐ biāo), (zhi3biao1)). Dropped from the parsers' text, kept in values.
_MARKED = r"[a-zü]*+[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*+"  # possessive: one reading of a run of syllables
_TONE_DIGIT = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv][a-z]{0,4}[1-5１-５]"  # (１: a page all full-width)
PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])[(（](?:{_MARKED}(?: ?{_MARKED})*|{_TONE_DIGIT}(?: ?{_TONE_DIGIT})+"
                     r"|(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv][a-z]{0,4}[1-5１-５]?)[)）]")


# A mirror that converts with Taiwan phrases (OpenCC s2twp) renames words, not only characters: 项目 -> 專案 (專案名稱,
# 專案資金), 服务对象 -> 服務物件. Part of the script conversion, like t2s itself: taken back before the text is
# simplified, in traditional spelling only (a simplified 专案 stays); each pair keeps its length, so offsets stay true.
TAIWAN_PHRASES = (("專案", "项目"), ("服務物件", "服务对象"))

@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional characters as simplified ones (OpenCC t2s), one for one, with the words a Taiwan-phrase
    converter put in place of the form's labels taken back (``TAIWAN_PHRASES``: 專案名稱 -> 项目名称); the text
    itself when OpenCC would change its length (then offsets could not stay true)."""
    for taiwan, mainland in TAIWAN_PHRASES:
        text = text.replace(taiwan, mainland)
    out = _t2s().convert(text)
    return out if len(out) == len(text) else text


def normalize_text(text: str, gaps: Callable[[str], list[int]] | None = None,
                   relabel: Callable[[str], dict[int, str]] | None = None) -> NormalizedText:
    """NFKC per character, junk anchors, page footer lines, inline pinyin and zero-width characters removed,
    traditional characters simplified, ``\\r\\n`` -> ``\\n``, markdown-style pipe rows turned into tab rows
    (see ``pipe_rows``). ``gaps`` finds more whitespace to leave out of the text (offsets into ``text``: a scan's
    stray spaces and breaks, ``scan_text``), ``relabel`` characters to read otherwise (offset in the folded text ->
    character: look-alikes in label words); both keep offsets true."""
    norm = box_rows(_prepared(text, gaps))
    if relabel is not None and (fixes := relabel(norm.text)):
        norm = _relabeled(norm, fixes)
    if "|" not in norm.text and RULING_GLYPH not in norm.text and "[" not in norm.text:
        return norm
    ruled = ruling_glyphs(norm.text)
    if "|" not in ruled:  # brackets in running text ([2023]12号), no ruling read as one: no pipe table to rewrite
        return norm
    out, offsets = pipe_cell_lines(unfold_pipe_runs(ruled), norm.offsets)
    out = padded_pipe_rows(out)
    out, offsets = pipe_rows(out, offsets)
    return NormalizedText.model_construct(text=out, offsets=offsets, original_length=norm.original_length, original=text,
                                          in_print=norm.in_print)


# an HTML character reference a page's text kept (&nbsp; in an empty cell, &ge;, &#8805;, &amp;nbsp; escaped twice)
_ENTITY = re.compile(r"&(?:amp;)?(?:[A-Za-z]{2,8}|#\d{2,7}|#[xX][0-9A-Fa-f]{2,6});")


def _meant(original: str, o: int) -> str:
    """The character at ``original[o]`` as a value prints it: an HTML character reference there (``&ge;``, read as
    ≥ by normalizing, its offset the reference's ``&``) is the character it names."""
    ch = original[o]
    if ch == "&" and (m := _ENTITY.match(original, o)) is not None:
        decoded = html.unescape(html.unescape(m.group()))
        if len(decoded) == 1:
            return decoded
    return ch


# a document site's preview opens each chunk of its text with a number (1、 … 2、 … 3、), wherever the chunk breaks,
# also inside a word of a run: 保障2、区域粮食安全. A marker glued between two characters of a word is left out where
# the text opens with the first one and the numbers follow in order.
_FIRST_MARKER = re.compile(r"^\s*1、")
_WORD_CHAR = re.compile(r"[\u4e00-\u9fff\d.%]")


def _glued_markers(text: str) -> set[int]:
    """Offsets of the preview chunk markers glued inside a word (2、 in 保障2、区域), in order from 2 after the text's
    opening 1、."""
    first = _FIRST_MARKER.match(text)
    if first is None:
        return set()
    out: set[int] = set()
    expected, k = 2, first.end()
    while (j := text.find(f"{expected}、", k)) > 0:
        end = j + len(str(expected)) + 1
        if end < len(text) and _WORD_CHAR.match(text[j - 1]) and _WORD_CHAR.match(text[end]) \
                and not text[j - 1].isdigit():
            out.update(range(j, end))
            expected += 1
        k = end
    return out


def _relabeled(norm: NormalizedText, fixes: dict[int, str]) -> NormalizedText:
    chars = list(norm.text)
    for j, ch in fixes.items():
        chars[j] = ch
    return norm.model_copy(update={"text": "".join(chars)})


def _prepared(text: str, gaps: Callable[[str], list[int]] | None = None) -> NormalizedText:
    """``_line_ended`` on ``text`` as its characters mean: Windows line ends (``\\r\\n``) as ``\\n``, HTML character
    references as the character they name, no-break spaces as spaces, zero-width characters and soft hyphens left
    out, tabs a terminal expanded to spaces as tabs (``expanded_tabs``), so that every finder reads them so; offsets
    into ``text``."""
    entities = [(m.start(), m.end(), decoded) for m in (_ENTITY.finditer(text) if "&" in text else ())
                if len(decoded := html.unescape(html.unescape(m.group()))) == 1]
    line_ends = [m.start() for m in re.finditer("\r\n", text)] if "\r" in text else []
    invisible = [m.start() for m in _INVISIBLE.finditer(text)]
    tab_runs = expanded_tab_runs(text)
    if not entities and not line_ends and not invisible and not tab_runs and "\u00a0" not in text:
        return _line_ended(text, gaps)
    gone = set(line_ends) | set(invisible)
    decoded_at: dict[int, str] = {}
    for a, b, tabs in tab_runs:  # each tab at the first of its spaces
        decoded_at.update(dict.fromkeys(range(a, a + tabs), "\t"))
        gone.update(range(a + tabs, b))
    for a, b, decoded in entities:
        decoded_at[a] = decoded
        gone.update(range(a + 1, b))
    plain, kept = _rewritten(text, gone, decoded_at)
    return _mapped_back(_line_ended(plain.replace("\u00a0", " "), gaps), kept, text)


def _line_ended(text: str, gaps: Callable[[str], list[int]] | None = None) -> NormalizedText:
    """``text`` folded (``_fold_text``) with what does not belong to its lines left out, offsets still into ``text``:
    the blank lines of a double-spaced text (``double_spacing``; first, so that the other finders read its lines
    together), the line breaks a page's edge put inside paragraphs with the padding before them (``hard_wraps``;
    before the pinyin and the junk are found, since the edge may cut one in two), the whitespace ``gaps`` finds, and a preview's chunk markers
    glued inside a word (``_glued_markers``)."""
    if doubled := double_spacing_breaks(text):
        plain, kept = _rewritten(text, set(doubled), {})
        return _mapped_back(_line_ended(plain, gaps), kept, text)
    wraps = hard_wrap_breaks(text)
    gone = set(wraps + wrap_padding(text, wraps) + (gaps(text) if gaps is not None else []))
    gone |= _glued_markers(text)
    if not gone:
        return _fold_text(text)
    plain, kept = _rewritten(text, gone, {})
    return _mapped_back(_fold_text(plain), kept, text)


def _mapped_back(norm: NormalizedText, kept: list[int], text: str) -> NormalizedText:
    """``norm`` of a rewrite of ``text`` (``_rewritten``: ``kept`` its offsets in ``text``) with offsets into ``text``."""
    return NormalizedText.model_construct(text=norm.text, offsets=list(map(kept.__getitem__, norm.offsets)),
                                          original_length=len(text), original=text,
                                          in_print=frozenset(map(kept.__getitem__, norm.in_print)))


def _rewritten(text: str, gone: set[int], decoded_at: dict[int, str]) -> tuple[str, list[int]]:
    """``text`` without the offsets ``gone``, the characters ``decoded_at`` put in at theirs, and for each character
    of the result its offset in ``text`` (one more: the end)."""
    # a run at a time: a handful of cuts in a long text, where a Python step per character cost more than the stage
    pieces: list[str] = []
    kept: list[int] = []
    start = 0
    for cut in [*sorted(gone | decoded_at.keys()), len(text)]:
        pieces.append(text[start:cut])
        kept.extend(range(start, cut))
        if cut in decoded_at and cut not in gone:
            pieces.append(decoded_at[cut])
            kept.append(cut)
        start = cut + 1
    kept.append(len(text))
    return "".join(pieces), kept


def _fold_text(text: str) -> NormalizedText:
    n = len(text)
    # characters removed outright: junk anchors, page and stamp lines, padding (\r\n was read as \n before: _prepared)
    removed: set[int] = set()
    for rx in (_JUNK, _PAGE_LINE, _STAMP_LINE):
        for m in rx.finditer(text):
            removed.update(range(m.start(), m.end()))
    for m in _TRAILING_SPACES.finditer(text):  # (its one-character lookbehind fails at once inside a run)
        if m.start() and not text[m.start() - 1].isspace():
            removed.update(range(m.start(), m.end()))
    pinyin = frozenset(k for m in PINYIN.finditer(text) for k in range(m.start(), m.end()))
    removed |= pinyin
    removed.update(spaced_out_gaps(text))
    table: dict[int, str] = {}
    multi = False
    for ch in set(text):
        if ch.isascii() and ch != "\r":
            continue
        f = "\n" if ch == "\r" else _fold(ch)
        if f != ch:
            table[ord(ch)] = f
            multi = multi or len(f) > 1
    if not multi:
        # every character maps to at most one: translate in C, offsets are the kept positions
        drop = {chr(k) for k, v in table.items() if v == ""}
        if removed:
            kept, positions = _rewritten(text, removed, {})  # (a run at a time, not a step per character)
            positions.pop()
            if drop:
                positions = [i for i, c in zip(positions, kept) if c not in drop]
        else:
            kept = text
            positions = [i for i, c in enumerate(text) if c not in drop] if drop else list(range(n))
        out = simplified(translated(kept, table))
        positions.append(n)
        return NormalizedText.model_construct(text=out, offsets=positions, original_length=n, original=text,
                                              in_print=pinyin)
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if i in removed:
            continue
        for f in table.get(ord(ch), ch):
            chars.append(f)
            offsets.append(i)
    offsets.append(n)
    return NormalizedText.model_construct(text=simplified("".join(chars)), offsets=offsets, original_length=n,
                                          original=text, in_print=pinyin)


def squeeze(s: str) -> str:
    """All whitespace removed: joins vertical splits (产\\n出\\n指\\n标) and spaced-out characters."""
    return "".join(s.split())


def content_span(s: str) -> tuple[int, int]:
    """Offsets (relative to ``s``) of ``s`` without leading and trailing whitespace."""
    start = len(s) - len(s.lstrip())
    end = len(s.rstrip())
    return (start, end) if end > start else (0, 0)
