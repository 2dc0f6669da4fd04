"""Tables printed one cell a paragraph (a web page's or a Word file's cells, a blank line between them), as the
stream-reader tests write them, and the one project the parser reads back."""

from __future__ import annotations

BLANK = " "  # a lone-space cell


def page(*cells: str) -> str:
    """The cells one a paragraph, a blank line between two."""
    return "\n\n".join(cells) + "\n"


def read(extractor, text: str):
    """The one project the extractor (parser mode) reads in TEXT."""
    record = extractor.extract_text(text, doc_id="t", mode="parser")
    assert len(record.projects) == 1
    return record.projects[0]
