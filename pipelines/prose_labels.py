"""Label words a Word cover block spaces out letter by letter (``项 目 名 称：``, ``主 管 部 门：``), closed up.

The prose reader's label patterns read ``项目名称：``; a cover block centred in Word spaces each label's characters apart
to align the colons. The spaces are moved before the label, so that the text keeps its length and every offset (the
values after the colons are untouched).
"""

from __future__ import annotations

import re

# a label opening its line: three to eight Han characters, each pair one or two blanks apart, then the colon
_SPACED_LABEL = re.compile(r"^(?P<lead>[ \t\u3000]*+)(?P<label>(?:[\u4e00-\u9fff][ \u3000]{1,2}){2,7}[\u4e00-\u9fff])"
                           r"(?P<gap>[ \u3000]*+)(?=[:：])", re.M)
_BLANKS = re.compile(r"[ \u3000]")


def closed_labels(text: str) -> str:
    """The text with each letter-spaced label at a line's start closed up, its blanks moved before it."""
    def close(m: re.Match[str]) -> str:
        label = _BLANKS.sub("", m["label"])
        return m["lead"] + " " * (len(m["label"]) - len(label) + len(m["gap"])) + label
    return _SPACED_LABEL.sub(close, text)
