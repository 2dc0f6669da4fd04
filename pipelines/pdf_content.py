"""A faster reading of a PDF page's content streams for pdfminer, with exactly pdfminer's result.

pdfplumber reads a page by running pdfminer's interpreter over its content streams, and pdfminer tokenises
them byte by byte in Python (``PSBaseParser``, a state machine called once per token piece): on a text page that
is about a third of the loading time. ``page_layout`` runs the same interpreter and the same pdfplumber device,
but tokenises each page's streams up front with regular expressions (``content_objects``), reproducing pdfminer's
tokens exactly: its quirks included (a number it cannot convert is dropped, an unknown string escape drops its
character, an odd hex digit is read as a whole byte, true / false are booleans). Whatever this reader does not
reproduce is left to pdfminer's own parser for the whole page (``Unsupported``): an inline image (``BI ... ID``,
read by byte positions), a token left open at the end of a stream (pdfminer carries it into the next one), a
string escape pdfminer reads differently at its 4096-byte buffer edges, an octal escape past 255, an odd
dictionary. So every page reads as pdfminer reads it (``bench/pdf_load_speed.py`` checks the page objects are
equal), only faster.
"""

from __future__ import annotations

import re
from functools import cache

# The pdfminer.six releases whose tokeniser (``psparser``) and ``PDFPageInterpreter.execute`` this module reproduces;
# under another, pdfminer's own parser reads every page (after an upgrade: run bench/pdf_load_speed.py and
# tests/test_pdf_content.py, then add the release here).
PDFMINER = ("20260107",)
# A page's decoded content streams above this many bytes are read by pdfminer's own parser: this reader holds a
# page's tokens at once (~6-7 times the stream's bytes at the peak, measured on a reportlab text page), pdfminer
# streams them. A text page's streams are tens of KB; 8 MB (~55 MB of tokens) stays well inside a worker's
# address-space limit (JIXIAO_WORKER_MEMORY_MB, 2560 by default) next to the layout the page builds anyway.
MAX_CONTENT_BYTES = 8_000_000
# pdfminer reads a stream in chunks of this many bytes (``PSBaseParser.BUFSIZ``); a string escape ``\\\\\\r``
# at a chunk's last byte is read differently there (the ``\\n`` after it is kept).
_CHUNK = 4096

_NUMBER = re.compile(rb"[-+0-9][0-9]*(?:\.[0-9]*)?|\.[0-9]*")
_KEYWORD = re.compile(rb"[A-Za-z][^#/%\[\]()<>{}\s]*")
_LITERAL = re.compile(rb"/((?:[^#/%\[\]()<>{}\s]|#[0-9a-fA-F]{0,2})*)")
_NAME_HEX = re.compile(rb"#([0-9a-fA-F]{0,2})")
_NAME_HEX_END = re.compile(rb"#[0-9a-fA-F]{0,2}$")
_HEX_STRING = re.compile(rb"<([0-9a-fA-F\s]*)")
_PLAIN_STRING = re.compile(rb"\(([^()\\]*)\)")
_STRING_STOP = re.compile(rb"[()\\]")
_OCTAL = re.compile(rb"[0-7]{1,3}")
_STRING_ESCAPES = {ord("b"): 8, ord("t"): 9, ord("n"): 10, ord("f"): 12, ord("r"): 13, ord("("): 40, ord(")"): 41,
                   ord("\\"): 92}
_DIGITS_SIGNS = frozenset(b"+-0123456789")
_OCTAL_DIGITS = frozenset(b"01234567")
_STRING_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.S)
# The common tokens at once, after whitespace: a comment (1), a number (2), a keyword (3), a name without # (4), a
# string without parentheses inside (5), << >> [ ] { } (6), a closed hex string (7), a lone > (8); anything else
# (9: a name with #, a string with parentheses, ' " ...) is read by ``_token``. Each group reads what pdfminer's
# state machine reads from its first byte.
_COMMON = re.compile(
    rb"[\s\x00]*(?:(%[^\r\n]*)|([-+0-9][0-9]*(?:\.[0-9]*)?|\.[0-9]*)|([A-Za-z][^#/%\[\]()<>{}\s]*)"
    rb"|/([^#/%\[\]()<>{}\s]*)(?=[/%\[\]()<>{}\s])|\(((?:[^()\\]|\\.)*)\)|(<<|>>|[\[\]{}])"
    rb"|<([0-9a-fA-F\s]*)(?=[^0-9a-fA-F\s])|(>)|([^\s\x00]))", re.S)
_LETTERS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


class Unsupported(Exception):
    """Content this reader does not reproduce: pdfminer's own parser reads the page."""


def _name_byte(match: re.Match) -> bytes:
    digits = match.group(1)
    return bytes((int(digits, 16),)) if digits else b""


def _string(data: bytes, start: int) -> tuple[bytes, int]:
    """The literal string opening at ``data[start]`` ("("), as pdfminer reads it, and the index after it."""
    plain = _PLAIN_STRING.match(data, start)
    if plain:
        return plain.group(1), plain.end()
    out = bytearray()
    depth, i = 1, start + 1
    while True:
        stop = _STRING_STOP.search(data, i)
        if stop is None:
            raise Unsupported("a string runs past the end of its stream")
        j = stop.start()
        out += data[i:j]
        c = data[j]
        if c == 0x28:  # (
            depth += 1
            out.append(c)
            i = j + 1
        elif c == 0x29:  # )
            depth -= 1
            if not depth:
                return bytes(out), j + 1
            out.append(c)
            i = j + 1
        else:  # a backslash
            k = j + 1
            if k + 1 >= len(data):  # pdfminer's end-of-stream handling differs here
                raise Unsupported("a string escape at the end of its stream")
            octal = _OCTAL.match(data, k)
            if octal:
                value = int(octal.group(), 8)
                if value > 255:  # pdfminer asserts
                    raise Unsupported("an octal escape past 255")
                out.append(value)
                i = octal.end()
            elif data[k] in _STRING_ESCAPES:
                out.append(_STRING_ESCAPES[data[k]])
                i = k + 1
            elif data[k] == 0x0D:  # a line continuation: \r\n is skipped whole, but not across a chunk edge
                if k % _CHUNK == _CHUNK - 1:
                    raise Unsupported("a line continuation at pdfminer's buffer edge")
                i = k + 2 if data[k + 1] == 0x0A else k + 1
            else:  # pdfminer drops an unknown escape's character
                i = k + 1


def _token(data: bytes, i: int, out: list) -> int:
    """Append the token at ``data[i]`` (not whitespace) to ``out`` as pdfminer's tokeniser yields it; the index
    after it. Every kind of token, the rare ones included (``_tokens`` reads the common ones by one expression)."""
    from pdfminer.psparser import HEX_PAIR, KWD, LIT, SPC

    c = data[i]
    if c in _DIGITS_SIGNS or c == 0x2E:  # a number; pdfminer drops one it cannot convert ("-", ".")
        m = _NUMBER.match(data, i)
        text = m.group()
        try:
            out.append(float(text) if b"." in text else int(text))
        except ValueError:
            pass
        return m.end()
    if c in _LETTERS:
        m = _KEYWORD.match(data, i)
        word = m.group()
        out.append(True if word == b"true" else False if word == b"false" else KWD(word))
        return m.end()
    if c == 0x2F:  # /
        m = _LITERAL.match(data, i)
        if m.end() >= len(data) - 1 and _NAME_HEX_END.search(m.group(1)):  # pdfminer loses such a name at the end
            raise Unsupported("a name ending in a # escape at the end of the content")
        out.append(LIT(_name(_NAME_HEX.sub(_name_byte, m.group(1)))))
        return m.end()
    if c == 0x28:  # (
        text, i = _string(data, i)
        out.append(text)
        return i
    if c == 0x3C:  # <
        if data[i + 1:i + 2] == b"<":
            out.append(KWD(b"<<"))
            return i + 2
        m = _HEX_STRING.match(data, i)
        if m.end() >= len(data):
            raise Unsupported("a hex string runs past the end of its stream")
        out.append(HEX_PAIR.sub(_hex_byte, SPC.sub(b"", m.group(1))))
        return m.end()
    if c == 0x3E:  # >: ">>" ends a dictionary, a lone ">" (a hex string's end) is nothing
        if data[i + 1:i + 2] == b">":
            out.append(KWD(b">>"))
            return i + 2
        return i + 1
    out.append(KWD(bytes((c,))))  # any other byte is a one-byte keyword: [ ] { } ) ' " ...
    return i + 1


def _hex_byte(match: re.Match) -> bytes:
    return bytes((int(match.group(0), 16),))


def _name(raw: bytes) -> str | bytes:
    try:
        return str(raw, "utf-8")
    except UnicodeDecodeError:
        return raw


def _escape(match: re.Match) -> bytes:
    """One escape of a literal string as pdfminer reads it (a backslash before CR is not here: ``_string``)."""
    code = match.group(1)
    if code[0] in _OCTAL_DIGITS:
        value = int(code, 8)
        if value > 255:  # pdfminer asserts
            raise Unsupported("an octal escape past 255")
        return bytes((value,))
    escaped = _STRING_ESCAPES.get(code[0])
    return b"" if escaped is None else bytes((escaped,))  # pdfminer drops an unknown escape's character


def _tokens(data: bytes, out: list) -> None:
    """Append the tokens of one stream's ``data`` (ending in whitespace) to ``out``, as pdfminer's tokeniser
    yields them: the common tokens by one expression (``_COMMON``), the others by ``_token``."""
    from pdfminer.psparser import HEX_PAIR, KWD, LIT, SPC

    match = _COMMON.match
    i, end = 0, len(data)
    while i < end:
        m = match(data, i)
        if m is None:  # only whitespace is left
            return
        kind = m.lastindex
        if kind == 2:  # a number
            text = m.group(2)
            try:
                out.append(float(text) if b"." in text else int(text))
            except ValueError:  # pdfminer drops one it cannot convert ("-", ".")
                pass
        elif kind == 3:
            word = m.group(3)
            out.append(True if word == b"true" else False if word == b"false" else KWD(word))
        elif kind == 4:
            out.append(LIT(_name(m.group(4))))
        elif kind == 5:  # a string without parentheses inside
            body = m.group(5)
            if b"\\\r" in body:  # a line continuation: pdfminer's buffer edges matter
                i = _token(data, m.start(5) - 1, out)
                continue
            out.append(_STRING_ESCAPE.sub(_escape, body) if b"\\" in body else body)
        elif kind == 6:
            out.append(KWD(m.group(6)))
        elif kind == 7:  # a hex string; an odd last digit is a whole byte, as pdfminer reads it
            out.append(HEX_PAIR.sub(_hex_byte, SPC.sub(b"", m.group(7))))
        elif kind == 9:  # any other token
            i = _token(data, m.start(9), out)
            continue
        # 1 (a comment) and 8 (a lone ">") yield nothing
        i = m.end()


def _objects(tokens: list) -> list:
    """pdfminer's ``PSStackParser.nextobject`` over ``tokens``: arrays, dictionaries and procedures built, the
    objects of the top level in order (what is left open at the end is lost, as there)."""
    from pdfminer.psparser import KWD, PSKeyword, PSLiteral, literal_name
    from pdfminer.utils import choplist

    opening = {KWD(b"["): "a", KWD(b"<<"): "d", KWD(b"{"): "p"}
    closing = {KWD(b"]"): "a", KWD(b">>"): "d", KWD(b"}"): "p"}
    inline = (KWD(b"BI"), KWD(b"ID"))
    results: list = []
    context: list[tuple[str | None, list]] = []
    kind: str | None = None
    stack = results  # pdfminer flushes the top level's stack to its results after each token
    for token in tokens:
        if isinstance(token, (int, float, bool, str, bytes, PSLiteral)):
            stack.append(token)
        elif token in opening:
            context.append((kind, stack))
            kind, stack = opening[token], []
        elif token in closing:
            if kind != closing[token]:  # a mismatched close: pdfminer ignores it
                continue
            objs = stack
            kind, stack = context.pop()
            if closing[token] == "d":
                if len(objs) % 2:
                    raise Unsupported("a dictionary with an odd number of entries (pdfminer raises)")
                stack.append({literal_name(k): v for k, v in choplist(2, objs) if v is not None})
            else:
                stack.append(objs)
        elif isinstance(token, PSKeyword):
            if token in inline:
                raise Unsupported("an inline image")
            stack.append(token)
        else:
            raise Unsupported(f"an unexpected token {token!r}")
    return results


def content_objects(datas: list[bytes]) -> list:
    """The objects pdfminer's ``PDFContentParser`` yields from a page's decoded content streams, in order.
    Raises ``Unsupported`` where this reader would not match it."""
    from pdfminer import settings

    if settings.STRICT:
        raise Unsupported("pdfminer's strict mode")
    if sum(map(len, datas)) > MAX_CONTENT_BYTES:
        raise Unsupported("a page's content too large to hold its tokens at once")
    tokens: list = []
    for n, data in enumerate(datas):
        if n == len(datas) - 1:
            data += b"\n"  # pdfminer ends the last stream as if with whitespace
        elif not data[-1:].isspace():
            raise Unsupported("a stream that does not end in whitespace (a token may go on in the next)")
        _tokens(data, tokens)
    return _objects(tokens)


@cache
def _interpreter_class():
    """pdfminer's page interpreter, executing the objects ``content_objects`` read (pdfminer's parser where it
    raises ``Unsupported``); Form XObjects run in the same class (``dup``)."""
    from pdfminer.pdfinterp import PDFPageInterpreter, log
    from pdfminer.pdftypes import stream_value
    from pdfminer.psparser import PSKeyword, keyword_name

    class FastInterpreter(PDFPageInterpreter):
        def execute(self, streams) -> None:
            # pdfminer's checks first: a content stream already running up the call stack is not run again
            valid, warnings = [], []
            self.stream_ids.clear()
            for obj in streams:
                stream = stream_value(obj)
                if stream.objid is None:
                    warnings.append(("Execute called on non-indirect object (inline image?) %r", stream))
                elif stream.objid in self.parent_stream_ids:
                    warnings.append(("Refusing to execute circular reference to content stream %d", stream.objid))
                else:
                    valid.append(stream)
                    self.stream_ids.add(stream.objid)
            try:
                objects = content_objects([s.get_data() for s in valid]) if valid else []
            except Exception:  # Unsupported, or a stream pdfminer cannot decode: its own parser says what happens
                PDFPageInterpreter.execute(self, streams)
                return
            for message, arg in warnings:
                log.warning(message, arg)
            operators: dict = {}
            for obj in objects:
                if not isinstance(obj, PSKeyword):
                    self.argstack.append(obj)
                    continue
                if obj not in operators:
                    name = keyword_name(obj)
                    method = "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q")
                    func = getattr(self, method, None)
                    operators[obj] = (func, func.__code__.co_argcount - 1) if func is not None else None
                found = operators[obj]
                if found is None:
                    continue
                func, nargs = found
                if nargs:
                    args = self.pop(nargs)
                    if len(args) == nargs:
                        func(*args)
                else:
                    func()

    return FastInterpreter


def page_layout(page):
    """pdfplumber's ``page.layout`` (its device, its result), the content read by ``content_objects``: set on
    the page, so that ``page.chars``, ``page.find_tables()`` ... use it."""
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent
    from pdfplumber.utils.exceptions import PdfminerException

    import pdfminer

    if hasattr(page, "_layout"):
        return page._layout
    if pdfminer.__version__ not in PDFMINER:
        return page.layout
    device = PDFPageAggregatorWithMarkedContent(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    try:
        _interpreter_class()(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except Exception as e:
        raise PdfminerException(e) from e  # as pdfplumber wraps it (its message is the error's)
    page._layout = device.get_result()
    return page._layout
