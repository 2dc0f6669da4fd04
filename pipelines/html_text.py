"""What an HTML page shows, element by element: which elements are not shown, and text as a browser lays it out.

A browser collapses white space, drops a source line break between two CJK characters (Word's web pages wrap their
source lines inside Chinese runs: 填表\\r\\n人 shows 填表人), shows ``&nbsp;`` as a space and breaks lines at ``<br>``
and at block elements. Scripts, styles, the head and elements hidden by ``display:none`` (Word's ``mso-hide:all``,
the ``hidden`` attribute) show nothing.
"""

from __future__ import annotations

import re

# elements whose content a reader never sees
SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe", "object",
                  "embed", "select", "button", "input", "textarea", "svg", "math", "xml", "datalist"})
# elements that start and end a line
BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
                   "pre", "section", "article", "header", "footer", "nav", "aside", "main", "address", "figure",
                   "figcaption", "hr", "form", "fieldset", "legend", "center", "caption", "tr", "details", "summary"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.I)
# Past this depth a subtree is read as its plain text: the walk recurses, and pages nest a few dozen levels at most.
MAX_DEPTH = 150
# a hard line break (<br>, a block's edge) while text is collected; never in a page's text (a C0 control)
_BREAK = "\x01"
_WIDE = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_SEGMENT_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_WIDE}])")
_COLLAPSE = re.compile(r"[ \t\r\n\f\x00\x02-\x08\x0b\x0e-\x1f]+")


def tag_of(el) -> str | None:
    """The element's lower-case tag (``o:p`` kept whole); None for a comment or a processing instruction."""
    return el.tag.lower() if isinstance(el.tag, str) else None


def shown(el) -> bool:
    tag = tag_of(el)
    if tag is None or tag in SKIP:
        return False
    return el.get("hidden") is None and not _HIDDEN_STYLE.search(el.get("style") or "")


class Lines:
    """Text collected in document order, with hard breaks; ``take()`` gives the lines as a browser shows them."""

    def __init__(self) -> None:
        self._parts: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self._parts.append(text.replace(_BREAK, " "))

    def br(self) -> None:
        self._parts.append(_BREAK)

    def take(self) -> list[str]:
        raw, self._parts = "".join(self._parts), []
        raw = _COLLAPSE.sub(" ", _SEGMENT_BREAK.sub("", raw))
        lines = (line.strip(" ").replace("\xa0", " ") for line in raw.split(_BREAK))
        return [line for line in lines if line.strip()]


def collect(el, lines: Lines, depth: int = 0) -> None:
    """The text under EL into LINES; a nested table as rows (a line each) of cells joined by a space."""
    if depth > MAX_DEPTH:
        lines.add(" ".join(el.itertext()))
        return
    lines.add(el.text)
    for child in el:
        if shown(child):
            tag = tag_of(child)
            if tag == "br":
                lines.br()
            elif tag in ("td", "th"):
                lines.add(" ")
                collect(child, lines, depth + 1)
            elif tag in BLOCK or tag == "table":
                lines.br()
                collect(child, lines, depth + 1)
                lines.br()
            else:
                collect(child, lines, depth + 1)
        lines.add(child.tail)


def cell_text(td) -> str:
    """A cell's text: its lines joined by a newline, as the .docx loader joins a cell's paragraphs and breaks."""
    lines = Lines()
    collect(td, lines)
    return "\n".join(lines.take())
