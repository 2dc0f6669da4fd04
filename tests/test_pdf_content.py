"""pdf_content / pdf_objects: a page's content streams read as pdfminer's own parser reads them (or left to it), and
pdfplumber's page objects made from them equal to its own."""

import io
import random

import pytest

from jixiao.config import REPO_ROOT
from jixiao.pipelines.pdf_content import Unsupported, content_objects
from jixiao.pipelines.pdf_objects import page_objects

PDF = REPO_ROOT / "tests" / "data" / "example_table.pdf"


def _pdfminer(datas: list[bytes]) -> list:
    from pdfminer.pdfinterp import PDFContentParser
    from pdfminer.pdftypes import PDFStream
    from pdfminer.psparser import PSEOF

    try:
        parser = PDFContentParser([PDFStream({}, d) for d in datas])
    except PSEOF:
        return []
    out = []
    while True:
        try:
            out.append(parser.nextobject()[1])
        except PSEOF:
            return out


def _same(datas: list[bytes]) -> bool:
    """True when content_objects reads ``datas`` as pdfminer does; None when it leaves them to pdfminer."""
    try:
        got = content_objects(datas)
    except Unsupported:
        return None
    want = _pdfminer(datas)
    return got == want and repr(got) == repr(want)  # repr: 1 == 1.0 == True, the types must match too


@pytest.mark.parametrize("content", [
    b"BT /F2 8.5 Tf 1 0 0 1 0 2.5 Tm (\\236d\\\\\\255S\\000 \\0002) Tj T* ET",  # reportlab's octal escapes
    b"[(A) -120 (B(c)d) 3.5] TJ (x\\)y\\q\\\r\nz\\\nw) ' 1 2 (s) \" <41 42 4> Tj <> Tj",
    b"/Name#20with#41hex#4 /#zz /a#2F cs 0.5 .25 -.5 +3 5. - . 1.2.3 true false null",
    b"q 1 0 0 1 72 700 cm << /MCID 3 >> BDC /Span <</ActualText (x)>> BDC EMC EMC Q % a comment\n0 g",
    b"] >> } { 1 2 } [ 1 [ 2 ] << /A [ 3 ] >> ] \x00 \xe4 #",
])
def test_tokens_are_pdfminers(content):
    assert _same([content]) is True
    for cut in range(1, len(content)):  # split in two streams anywhere: read alike, or left to pdfminer
        assert _same([content[:cut], content[cut:]]) is not False


@pytest.mark.parametrize("datas", [
    [b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q"],  # an inline image: read by byte positions
    [b"(a string that goes on", b" in the next stream) Tj"],
    [b"1 0 0 1 72 7", b"00 cm"],  # a token cut between two streams
    [b"(\\777) Tj"],  # pdfminer asserts
    [b"<< /A >> BDC"],  # an odd dictionary: pdfminer raises
    [b"0 0 m 1 1 l S\n" * 600_000],  # past MAX_CONTENT_BYTES: pdfminer streams the tokens
])
def test_what_pdfminer_reads_its_own_way_is_left_to_it(datas):
    with pytest.raises(Unsupported):
        content_objects(datas)


def test_random_content_reads_as_pdfminer_reads_it():
    pieces = [b" ", b"\n", b"\r\n", b"\x00", b"(", b")", b"\\", b"\\n", b"\\053", b"\\5", b"\\\r\n", b"<", b">", b"<<",
              b">>", b"<4", b"1", b"f", b"[", b"]", b"{", b"}", b"/", b"#", b"#41", b"#4", b"%", b"-", b".", b"0.25",
              b"Tj", b"T*", b"'", b"true", b"\xe4", b"/F1", b"(a(b)c)", b"<41 42>", b"<414>"]
    rng = random.Random(14)
    read = 0
    for _ in range(3000):
        datas = [b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) for _ in range(rng.randint(1, 3))]
        same = _same(datas)
        assert same is not False, datas
        read += same is True
    assert read > 500  # most are read here, not left to pdfminer


def test_a_page_reads_the_same_objects_and_the_same_document():
    import pdfplumber

    from jixiao.pipelines import load_pdf
    from jixiao.pipelines.ingest import load_bytes

    data = PDF.read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as before, pdfplumber.open(io.BytesIO(data)) as after:
        for old, new in zip(before.pages, after.pages):
            assert page_objects(new) == old.objects and old.chars
    fast = load_bytes(data, filename="t.pdf", doc_id="t").model_dump_json()
    shipped = load_pdf.pdf_objects
    load_pdf.pdf_objects = type("Stock", (), {"page_objects": staticmethod(lambda page: page.objects)})
    try:
        stock = load_bytes(data, filename="t.pdf", doc_id="t").model_dump_json()
    finally:
        load_pdf.pdf_objects = shipped
    assert fast == stock


def test_an_inline_image_page_reads_as_before():
    """A page drawing an inline image is read by pdfminer's parser: its objects are pdfminer's."""
    import pdfplumber
    from PIL import Image
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.drawString(72, 720, "Budget 2024")
    c.drawInlineImage(Image.new("L", (4, 4), 128), 72, 600, 40, 40)
    c.save()
    data = buffer.getvalue()
    with pdfplumber.open(io.BytesIO(data)) as before, pdfplumber.open(io.BytesIO(data)) as after:
        old, new = before.pages[0].objects, page_objects(after.pages[0])
        assert [c["text"] for c in new["char"]] == list("Budget 2024")
        assert len(new["image"]) == len(old["image"]) == 1
        # the stream and its name (the stream's id()) are new objects on each reading
        assert {k: v for k, v in new["image"][0].items() if k not in ("stream", "name")} == \
            {k: v for k, v in old["image"][0].items() if k not in ("stream", "name")}


def test_another_release_of_pdfminer_or_pdfplumber_reads_through_their_own_code(monkeypatch):
    """The short ways reproduce one release each (``PDFMINER``, ``PLUMBER``): under any other, pdfplumber's own
    reading is used, slower and the same (after an upgrade, run bench/pdf_load_speed.py, which must find every PDF
    read alike, and add the release)."""
    import pdfplumber

    from jixiao.pipelines import pdf_content, pdf_objects

    with pdfplumber.open(PDF) as pdf:
        stock = pdf.pages[0].objects
    monkeypatch.setattr(pdf_content, "PDFMINER", ("0",))
    monkeypatch.setattr(pdf_objects, "PLUMBER", ("0",))

    def never(*args, **kwargs):
        raise AssertionError("the short way ran under another release")

    monkeypatch.setattr(pdf_objects, "_parse_objects", never)
    monkeypatch.setattr(pdf_content, "_interpreter_class", never)
    with pdfplumber.open(PDF) as pdf:
        objects = page_objects(pdf.pages[0])
    assert {k: len(v) for k, v in objects.items()} == {k: len(v) for k, v in stock.items()}
    assert [c["text"] for c in objects["char"]] == [c["text"] for c in stock["char"]]
