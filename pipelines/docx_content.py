"""What Word shows of a DOCX body: its blocks, rows and cells through the wrappers producers put around them, and
a paragraph's text as it reads once.

Word, WPS and form templates wrap content in elements python-docx walks past:
- content controls (``w:sdt`` / ``w:sdtContent``) around a paragraph or a whole table at body level (a form
  template's fields), around rows (a repeating section) and around cells; custom XML (``w:customXml``) the same way.
  ``blocks``, ``rows`` and ``cells`` read through them in document order.
- text boxes (``w:txbxContent``) inside ``mc:AlternateContent``: a DrawingML shape (``mc:Choice``) and its VML copy
  (``mc:Fallback``) hold the same text; ``paragraph_text`` reads the box once, from the shape, in its paragraph.
- tracked changes not yet accepted: ``w:ins`` reads, ``w:del`` / ``w:moveFrom`` (text moved away) do not, and a
  row deleted as a tracked row (``w:trPr/w:del``) is left out: the document as it reads with the changes accepted.
- fields: the cached result reads (``w:fldSimple``'s runs, a complex field's runs after ``separate``);
  ``w:instrText`` (the field code) never does.
- hidden runs (``w:vanish`` on the run; not a hidden character style): not shown, not read.
"""

from __future__ import annotations

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


P, TBL, TR, TC, ALT_CHUNK = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("altChunk")
_T, _TAB, _BR, _CR = _w("t"), _w("tab"), _w("br"), _w("cr")
_TXBX = _w("txbxContent")
_R, _RPR, _VANISH, _VAL = _w("r"), _w("rPr"), _w("vanish"), _w("val")
_OFF = frozenset({"0", "false", "off"})  # an OOXML on/off property switched off
_FALLBACK = f"{{{_MC}}}Fallback"
# containers read through: the content inside them is the document's own, in place
_WRAPPERS = frozenset({_w("sdt"), _w("sdtContent"), _w("customXml")})
# subtrees Word does not show: a shape's VML copy, tracked deletions and the source of a tracked move
_NOT_SHOWN = frozenset({_FALLBACK, _w("del"), _w("moveFrom"), _w("sdtPr"), _w("sdtEndPr"), _w("rPr"), _w("pPr")})
# python-docx's XML parser (libxml2 without huge_tree) refuses a document nested deeper than 256 elements, so no
# walk below goes deeper: this bound only keeps the recursion finite should a parser ever allow more. It is not
# a cut-off for real files (a smaller one dropped the text of a paragraph 40 content controls deep: input.empty).
_MAX_WRAP_DEPTH = 256


def _through(parent, wanted: frozenset, depth: int = 0):
    """Children of PARENT whose tag is in WANTED, in order, reading through content controls and custom XML."""
    for child in parent.iterchildren():
        tag = child.tag
        if tag in wanted:
            yield child
        elif tag in _WRAPPERS and depth < _MAX_WRAP_DEPTH:
            yield from _through(child, wanted, depth + 1)


_BLOCKS = frozenset({P, TBL, ALT_CHUNK})


def blocks(parent):
    """The paragraphs, tables and imported chunks (``w:altChunk``) of a body or a cell, in document order."""
    return _through(parent, _BLOCKS)


def _deleted_row(tr) -> bool:
    trPr = tr.find(_w("trPr"))
    return trPr is not None and trPr.find(_w("del")) is not None


def rows(tbl) -> list:
    """A table's rows as shown: through row-level content controls, tracked deleted rows left out."""
    return [tr for tr in _through(tbl, frozenset({TR})) if not _deleted_row(tr)]


def cells(tr) -> list:
    """A row's cells, through cell-level content controls."""
    return list(_through(tr, frozenset({TC})))


def paragraph_text(p) -> str:
    """The text a paragraph shows: runs, tabs as a space, breaks as a newline; a text box's paragraphs once, each
    on a line of its own."""
    parts: list[str] = []
    _walk(p, parts, 0)
    return "".join(parts)


def _hidden_run(run) -> bool:
    """A run formatted hidden (``w:vanish``): Word neither shows nor prints it (a template's filling-in notes)."""
    props = run.find(_RPR)
    mark = props.find(_VANISH) if props is not None else None
    return mark is not None and mark.get(_VAL, "true") not in _OFF


def _walk(node, parts: list[str], depth: int) -> None:
    for child in node.iterchildren():
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append(" ")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag in _NOT_SHOWN or not isinstance(tag, str) or depth >= _MAX_WRAP_DEPTH:
            continue
        elif tag == _R and _hidden_run(child):
            continue
        elif tag == P:  # a paragraph inside a text box: a line of its own
            if parts and not parts[-1].endswith("\n"):
                parts.append("\n")
            _walk(child, parts, depth + 1)
            parts.append("\n")
        else:
            _walk(child, parts, depth + 1)


def _in_text_box(p, stop) -> bool:
    for ancestor in p.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag in (_TXBX, _FALLBACK):
            return True
    return False


def cell_text(tc) -> str:
    """Every paragraph below a cell, nested tables included, in order; a text box's paragraphs read with the
    paragraph holding the box (``paragraph_text``), not again on their own."""
    return "\n".join(paragraph_text(p).strip("\n") for p in tc.iter(P) if not _in_text_box(p, tc) and not _hidden_in(p, tc))


def _hidden_in(p, stop) -> bool:
    """A paragraph under a tracked deletion, a deleted row or a VML copy, below STOP."""
    for ancestor in p.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag in _NOT_SHOWN or (ancestor.tag == TR and _deleted_row(ancestor)):
            return True
    return False
