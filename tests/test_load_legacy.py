"""Legacy binary Office / WPS files (.xls / .et through xlrd, .doc / .wps through doc_binary) read like DOCX / XLSX;
an encrypted, damaged or PowerPoint OLE2 file gets its typed error."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.errors import EncryptedInputError, UnreadableFileError, UnsupportedFormatError
from jixiao.pipelines.ingest import load_bytes, sniff_format

FILES = Path(__file__).resolve().parents[1] / "data" / "invented-files"


def _read(name: str, as_name: str | None = None):
    return load_bytes((FILES / name).read_bytes(), filename=as_name or name)


def test_xls_reads_merged_cells_as_one_anchor_and_numbers_as_excel_shows_them():
    doc = _read("origd01.xls")
    assert doc.format == "xls"
    assert "项目名称\t2023年城区背街小巷路面改造项目\t\t\t\t\t\t" in doc.text  # merged across: one anchor
    assert "\t年度资金总额\t318.5\t342\t327.36\t10\t95.72%\t9.6" in doc.text  # 0.9572 under 0.00%
    assert "\t\t改造路面面积\t≥4.2万平方米" in doc.text  # level cells merged down: text once


def test_xls_leaves_a_hidden_sheet_out_and_reads_sheets_in_order():
    text = _read("origd02.xls").text
    assert text.index("经办服务经费") < text.index("医疗救助资金")
    assert "3.9万笔" not in text  # the hidden draft sheet's figure


def test_et_is_read_as_the_workbook_it_holds_and_an_unreadable_one_says_save_as_xlsx():
    assert "2023年中小学校舍维修改造资金" in _read("origd07.et").text
    data = bytearray((FILES / "origd07.et").read_bytes())
    data[512:520] = b"\xff" * 8  # the Workbook stream (first sector after the header) no longer opens with BOF
    with pytest.raises(UnreadableFileError, match="save it as XLSX"):
        load_bytes(bytes(data), filename="broken.et")


def test_doc_table_rows_come_out_as_cells_like_a_docx_table():
    doc = _read("origd03.doc")
    assert doc.format == "doc"
    assert "产出指标\t数量指标\t新建防火隔离带长度\t≥35公里\t36.2公里\t20\t20\t" in doc.text
    assert "\t\t购置扑火机具套数\t≥120套" in doc.text  # merged-down level cells: text once
    assert "主管部门\t翠屏山县林业局\t\t\t实施单位\t翠屏山县森林消防大队\t\t" in doc.text  # spans from cell boundaries
    assert doc.text.index("（2023年度）") < doc.text.index("项目名称") < doc.text.index("填表人")


def test_doc_report_keeps_prose_and_two_tables_in_order():
    text = _read("origd04.doc").text
    order = ["一、项目概况", "年度资金总额\t2,100,000.00", "三、绩效指标完成情况", "总分\t", "自评等级：优", "四、存在问题"]
    assert [text.index(s) for s in order] == sorted(text.index(s) for s in order)


def test_ole_file_is_known_by_its_streams_not_its_name():
    assert sniff_format((FILES / "origd06.wps").read_bytes(), "anything.xls") == "doc"
    assert sniff_format((FILES / "origd01.xls").read_bytes(), "report.doc") == "xls"


def test_damaged_ole_file_is_unreadable():
    with pytest.raises(UnreadableFileError) as info:
        load_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, filename="old.doc")
    assert info.value.code == "input.unreadable"
    with pytest.raises(UnreadableFileError):
        load_bytes((FILES / "origd03.doc").read_bytes()[:3072], filename="cut.doc")


def test_legacy_name_without_an_ole_container_is_unreadable():
    with pytest.raises(UnreadableFileError, match="save it as DOCX"):
        load_bytes(b"just some words", filename="old.doc")


def _rename_stream(data: bytes, old: str, new: str) -> bytes:
    """The OLE2 directory entry named OLD renamed NEW (name field, then its byte length with the terminator)."""
    at = data.index(old.encode("utf-16-le") + b"\x00\x00")
    name = new.encode("utf-16-le") + b"\x00\x00"
    out = bytearray(data)
    out[at:at + 64] = name.ljust(64, b"\x00")
    out[at + 64:at + 66] = len(name).to_bytes(2, "little")
    return bytes(out)


def test_encrypted_office_package_gets_the_encrypted_error():
    data = _rename_stream((FILES / "origd03.doc").read_bytes(), "WordDocument", "EncryptedPackage")
    with pytest.raises(EncryptedInputError) as info:
        load_bytes(data, filename="secret.docx")
    assert info.value.code == "input.encrypted"


def test_password_protected_doc_gets_the_encrypted_error():
    data = bytearray((FILES / "origd03.doc").read_bytes())
    fib = next(at for at in range(512, len(data), 512) if data[at:at + 2] == b"\xec\xa5")  # the FIB opens its sector
    data[fib + 0x0B] |= 0x01  # fEncrypted: bit 0x0100 of the little-endian flags word at +0x0A
    with pytest.raises(EncryptedInputError):
        load_bytes(bytes(data), filename="secret.doc")


def test_powerpoint_stays_refused():
    data = _rename_stream((FILES / "origd03.doc").read_bytes(), "WordDocument", "PowerPoint Document")
    with pytest.raises(UnsupportedFormatError, match="PDF"):
        load_bytes(data, filename="slides.ppt")


def _word_binary(text: bytes, pieces: int):
    """A minimal Word binary: a FIB whose Clx lists PIECES pieces, each the whole TEXT (a damaged piece table)."""
    import struct

    from jixiao.pipelines.doc_binary import WordBinary

    word = bytearray(1024)
    struct.pack_into("<HH", word, 32, 0, 22)  # csw 0, cslw 22: FibRgLw97 at 36, FibRgFcLcb97 at 126
    struct.pack_into("<H", word, 0, 0xA5EC)
    struct.pack_into("<I", word, 36 + 12, len(text))  # ccpText
    word[600:600 + len(text)] = text
    plc = struct.pack(f"<{pieces + 1}I", 0, *[len(text)] * pieces)
    plc += struct.pack("<HIH", 0, 0x40000000 | 1200, 0) * pieces  # compressed text at byte 600
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<II", word, 126 + 8 * 33, 0, len(clx))
    return WordBinary(bytes(word), clx, b"", 2_000_000)


def test_overlapping_pieces_cannot_make_the_text_longer_than_the_fib_says():
    """Each piece of a damaged Clx may claim the whole text: 10 000 of them made the text (and an int per
    character) 10 000 times ccpText, without bound; the text stops at ccpText."""
    text, fcs = _word_binary(b"abcdefghij", 10_000).text()
    assert text == "abcdefghij" and list(fcs) == list(range(600, 610))


def test_field_codes_are_stripped_in_linear_time():
    """Each character looked through every open field (any()): 2e4 unclosed fields before 2e4 characters took 2 s,
    4n four times longer each time."""
    import time

    from jixiao.pipelines.load_doc import _strip_fields

    assert _strip_fields("a\x13 PAGE \x14 3\x15b\x13X\x13Y\x14Z\x15\x14W\x15c") == "a 3bWc"
    start = time.perf_counter()
    assert _strip_fields("\x13\x14" * 100_000 + "a" * 100_000) == "a" * 100_000
    assert time.perf_counter() - start < 1.0
