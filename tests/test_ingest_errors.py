"""Bad input ends in a typed error naming the problem; text encodings are detected."""

from __future__ import annotations

import codecs
import io
import zipfile

import pytest

from jixiao.config import Settings
from jixiao.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputTooLargeError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from jixiao.pipelines.ingest import load_bytes, load_path

TEXT = "项目名称\t2023年城乡居民养老代办员补助\n主管部门及代码\t407-汾阳市人力资源和社会保障局\n"


def test_gb18030_text():
    doc = load_bytes(TEXT.encode("gb18030"), filename="a.txt")
    assert doc.text == TEXT and doc.encoding == "gb18030" and doc.format == "text"


def test_utf8_bom_text():
    doc = load_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert doc.text == TEXT and doc.encoding == "utf-8-sig" and doc.doc_id == "document"


@pytest.mark.parametrize("data", [b"", b"   \n\t  \r\n"])
def test_empty_input(data):
    with pytest.raises(EmptyInputError) as info:
        load_bytes(data, filename="empty.txt")
    assert info.value.code == "input.empty" and "empty.txt" in str(info.value)


def test_binary_junk():
    junk = bytes(range(256)) * 8
    with pytest.raises(BinaryInputError) as info:
        load_bytes(junk, filename="junk.bin")
    assert info.value.code == "input.binary" and info.value.http_status == 415


def test_undecodable_bytes():
    # Valid neither as UTF-8 nor as GB18030 (0x80 and 0xFF are not GB18030 lead bytes).
    with pytest.raises(DecodingError) as info:
        load_bytes("绩效".encode("utf-8") + b"\x80\xff\x80 text")
    assert "UTF-8" in info.value.message


def test_directory(tmp_path):
    with pytest.raises(UnreadableFileError, match="directory"):
        load_path(tmp_path)


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableFileError, match="no such file"):
        load_path(tmp_path / "nope.pdf")


def test_too_large_bytes_and_path(tmp_path):
    small = Settings(max_input_bytes=64)
    with pytest.raises(InputTooLargeError) as info:
        load_bytes(TEXT.encode() * 4, settings=small)
    assert info.value.http_status == 413 and "64" in info.value.message
    path = tmp_path / "big.txt"
    path.write_bytes(TEXT.encode() * 4)
    with pytest.raises(InputTooLargeError):
        load_path(path, settings=small)


def test_too_many_characters():
    with pytest.raises(InputTooLargeError, match="characters"):
        load_bytes(TEXT.encode(), settings=Settings(max_text_chars=10))


def test_corrupt_pdf():
    with pytest.raises(UnreadableFileError, match="PDF"):
        load_bytes(b"%PDF-1.7\n1 0 obj garbage \x00\x01\x02 endobj\n", filename="bad.pdf")


def test_truncated_docx():
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(UnreadableFileError, match="ZIP|DOCX"):
        load_bytes(buffer.getvalue()[:300], filename="cut.docx")


def test_zip_without_document_xml():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/other.xml", "<x/>")
    with pytest.raises(UnsupportedFormatError):
        load_bytes(buffer.getvalue(), filename="a.zip")


def test_docx_with_broken_xml():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<not-closed")
    with pytest.raises(UnreadableFileError, match="DOCX"):
        load_bytes(buffer.getvalue(), filename="broken.docx")


def test_docx_whose_table_is_damaged_is_unreadable_not_an_internal_error():
    import re

    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目名称", "道路养护"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "x"
    saved = io.BytesIO()
    document.save(saved)
    damaged = io.BytesIO()
    with zipfile.ZipFile(saved) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":  # a merge width that is not a number: parsed only when read
                data = re.sub(rb'w:gridSpan w:val="2"', b'w:gridSpan w:val="abc"', data)
            dst.writestr(item, data)
    with pytest.raises(UnreadableFileError, match="not a readable DOCX"):
        load_bytes(damaged.getvalue(), filename="damaged.docx")


def test_extension_promises_what_content_is_not():
    with pytest.raises(UnreadableFileError, match=r"\.xlsx"):
        load_bytes(b"just some words", filename="sheet.xlsx")


def test_image_without_ocr_extra_says_how_to_install(monkeypatch):
    from jixiao.pipelines import load_image

    monkeypatch.setattr(load_image, "ocr_available", lambda: False)  # as on an install without the extra
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    with pytest.raises(UnsupportedFormatError) as info:
        load_bytes(png, filename="scan.png")
    assert "jixiao[ocr]" in info.value.message and info.value.http_status == 415


def test_a_library_error_is_one_line_in_the_message_without_traceback_or_address():
    from jixiao.errors import cause

    wrapped = RuntimeError("Traceback (most recent call last):\n  File \"x.py\", line 1\n    run()\n"
                           "RuntimeException: [ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION\n)")
    assert cause(wrapped) == "RuntimeError: RuntimeException: [ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION"
    assert cause(OSError("cannot identify image file <_io.BytesIO object at 0x7fc142d045e0>")) == \
        "OSError: cannot identify image file"
    assert cause(KeyError()) == "KeyError" and len(cause(ValueError("x" * 5000))) <= 300


def test_a_loader_answers_a_library_failure_as_unreadable_or_out_of_memory():
    from jixiao.errors import unreadable

    err = unreadable(KeyError("word/document.xml"), "not a readable DOCX", source="a.docx")
    assert isinstance(err, UnreadableFileError) and err.message == "not a readable DOCX (KeyError: 'word/document.xml')"
    assert err.source == "a.docx"
    oom = unreadable(RuntimeError("Status Message: std::bad_alloc"), "cannot OCR the image", source="a.png")
    assert type(oom) is MemoryError and str(oom) == "RuntimeError: Status Message: std::bad_alloc"


def test_an_image_the_ocr_cannot_decode_is_unreadable_and_its_bad_alloc_is_out_of_memory(monkeypatch):
    from jixiao.pipelines import load_image

    monkeypatch.setattr(load_image, "ocr_available", lambda: True)

    def undecodable(data, options=None):
        raise OSError("cannot identify image file <_io.BytesIO object at 0x7f00deadbeef>")

    monkeypatch.setattr(load_image, "run_ocr", undecodable)
    with pytest.raises(UnreadableFileError) as info:
        load_image.load_image(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, doc_id="x", source="x.png")
    assert info.value.code == "input.unreadable" and "0x" not in info.value.message and "\n" not in info.value.message

    def bad_alloc(data, options=None):  # onnxruntime's way of saying the worker's address-space limit refused an allocation
        raise RuntimeError("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Status Message: std::bad_alloc")

    monkeypatch.setattr(load_image, "run_ocr", bad_alloc)
    import io

    from PIL import Image, ImageDraw

    png = io.BytesIO()
    page = Image.new("L", (200, 100), 255)
    ImageDraw.Draw(page).rectangle([5, 5, 194, 94], outline=0, width=3)  # print on it: a blank page is not OCR'd
    page.save(png, "PNG")  # decodes (image_frames), then the engine fails on it
    with pytest.raises(MemoryError):  # the worker answers input.memory_limit for it (a rerun retries that)
        load_image.load_image(png.getvalue(), doc_id="x", source="x.png")
