"""A document's text as the readers see it when it may have been scanned or re-typed: normalized (``normalize``), with
the spaces and line breaks a scan put inside words, numbers and titles left out (``stray_gaps``) and the look-alikes
in its label words read as the words (``label_slips``), and what a scan printed over the text (a seal's words, a page's
running title inside a cut sentence: ``scan_overprint``) left out. The rules leave a printed page as it reads."""

from __future__ import annotations

from jixiao.pipelines.column_halves import rejoined_halves
from jixiao.pipelines.digit_groups import digit_group_gaps
from jixiao.pipelines.label_breaks import label_breaks
from jixiao.pipelines.label_slips import slipped_labels
from jixiao.pipelines.name_breaks import name_breaks, row_name_breaks
from jixiao.pipelines.normalize import NormalizedText, normalize_text
from jixiao.pipelines.pinyin_gaps import pinyin_gaps
from jixiao.pipelines.scan_overprint import overprinted
from jixiao.pipelines.stray_gaps import stray_gaps
from jixiao.pipelines.value_spaces import value_spaces


def normalize_scanned(text: str) -> NormalizedText:
    """``normalize_text`` with a scan's stray gaps and slipped labels put right and a table a page segmentation split
    into two text columns put back side by side (offsets into ``text`` kept true)."""
    return rejoined_halves(normalize_text(text, gaps=_scan_gaps, relabel=slipped_labels))


def _scan_gaps(text: str) -> list[int]:
    """The offsets a scan put into ``text``: stray whitespace (in words, numbers, titles, inline pinyin,
    between a field's label and its value, inside
    a field's value, inside a name on lines of its own), and what it
    printed over the words."""
    return sorted(set(stray_gaps(text)) | set(overprinted(text)) | set(pinyin_gaps(text))
                  | set(label_breaks(text)) | set(value_spaces(text))
                  | set(name_breaks(text)) | set(row_name_breaks(text)) | set(digit_group_gaps(text)))
