"""pdfplumber's page objects (``page.objects``: chars, lines, rects, curves, images) made faster, equal to its own.

pdfplumber turns each pdfminer layout item into a dict (``Page.process_object``): every attribute is passed
through ``resolve_all`` (recursing into tuples and lists to resolve indirect references: a char's matrix and
colours are tuples of numbers) and a char's colour-space name through ``resolve_and_decode`` (a PDFDocEncoding
decode, character by character). On a text page that is a fifth of the loading time. ``page_objects`` builds
the same dicts, taking the short way where the outcome is known: a number, a string, or a tuple / list of them
resolves to itself (a copy of the tuple / list, as there), a colour-space name decodes once a page. Written
against pdfplumber 0.11.11 (``PLUMBER``); under another version pdfplumber's own ``page.objects`` is used, and
``tests/test_pdf_content.py`` / ``bench/pdf_load_speed.py`` compare the two.
"""

from __future__ import annotations

# The pdfplumber releases whose ``Page.process_object`` / ``parse_objects`` this module reproduces; under another,
# pdfplumber's own ``page.objects`` is used (after an upgrade: run bench/pdf_load_speed.py, then add it here).
PLUMBER = ("0.11.11",)

_PLAIN = (float, int, str, bool, bytes, type(None))


def _resolver():
    from pdfplumber.utils import resolve_all

    plain = frozenset(_PLAIN)

    def resolve(value):
        kind = type(value)
        if kind in plain:
            return value
        if (kind is tuple or kind is list) and all(type(v) in plain for v in value):
            return kind(value)
        return resolve_all(value)

    return resolve


def page_objects(page) -> dict:
    """``page.objects``, set on the page (``page.chars``, ``page.find_tables()`` ... read it), from the layout
    ``pdf_content.page_layout`` reads."""
    import pdfplumber

    from jixiao.pipelines.pdf_content import page_layout

    if hasattr(page, "_objects"):
        return page._objects
    page_layout(page)
    if pdfplumber.__version__ not in PLUMBER or page.pdf.laparams is not None:
        return page.objects
    page._objects = _parse_objects(page)
    return page._objects


def _parse_objects(page) -> dict:
    """pdfplumber's ``Page.parse_objects`` with ``_process`` for ``process_object`` (no layout analysis: the
    containers' children only)."""
    from pdfminer.layout import LTContainer

    objects: dict[str, list] = {}
    process = _processor(page)
    stack = [iter(page.layout._objs)]
    while stack:
        for obj in stack[-1]:
            if isinstance(obj, LTContainer):
                stack.append(iter(obj._objs))
                break
            item = process(obj)
            kind = item["object_type"]
            if kind != "anno":
                objects.setdefault(kind, []).append(item)
        else:
            stack.pop()
    return objects


def _processor(page):
    """pdfplumber's ``Page.process_object`` for ``page``, line for line, the page's constants looked up once."""
    from unicodedata import normalize as normalize_unicode

    from pdfminer.layout import LTChar, LTCurve, LTTextContainer
    from pdfplumber.page import ALL_ATTRS, fix_fontname_bytes, lt_pat
    from pdfplumber.utils import resolve_and_decode

    resolve = _resolver()
    kinds: dict[type, str] = {}
    spaces: dict[object, object] = {}
    page_number, height, mediabox = page.page_number, page.height, page.mediabox
    mb_x0, mb_top = mediabox[:2]
    norm = page.pdf.unicode_norm

    def space(name):
        if type(name) is not str:
            return resolve_and_decode(name)
        if name not in spaces:
            spaces[name] = resolve_and_decode(name)
        return spaces[name]

    def process(obj) -> dict:
        cls = type(obj)
        if cls not in kinds:
            kinds[cls] = lt_pat.sub("", cls.__name__).lower()
        attr = {k: resolve(v) for k, v in obj.__dict__.items() if k in ALL_ATTRS}
        attr["object_type"] = kinds[cls]
        attr["page_number"] = page_number
        for cs in ("ncs", "scs"):
            if hasattr(obj, cs):
                attr[cs] = space(getattr(obj, cs).name)
        if isinstance(obj, (LTChar, LTTextContainer)):
            text = obj.get_text()
            attr["text"] = normalize_unicode(norm, text) if norm is not None else text
        if isinstance(obj, LTChar):
            gs = obj.graphicstate
            attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
            attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
            if isinstance(attr["fontname"], bytes):
                attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        elif isinstance(obj, LTCurve):
            attr["pts"] = list(map(page.point2coord, attr["pts"]))
            attr["path"] = [(cmd, *map(page.point2coord, pts)) for cmd, *pts in obj.original_path]
            attr["dash"] = obj.dashing_style
        if "y0" in attr:
            attr["top"] = (height - attr["y1"]) + mb_top
            attr["bottom"] = (height - attr["y0"]) + mb_top
            attr["doctop"] = page.initial_doctop + attr["top"]
        if "x0" in attr and mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr

    return process
