"""QA regressions for text decoding: encodings a newcomer's files really come in, and junk that must stay junk."""

from __future__ import annotations

import codecs
import random

import pytest

from jixiao.errors import BinaryInputError, DecodingError
from jixiao.pipelines.ingest import load_bytes

TEXT = "项目名称\t2024年就业补助\n主管部门\t某市人社局\n一级指标\t二级指标\t三级指标\n产出指标\t数量指标\t培训人数\t=300人\n"


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
def test_utf32_with_bom_is_not_read_as_utf16(encoding):
    # The UTF-32-LE BOM starts with the UTF-16-LE one; read as UTF-16 the text came out full of NULs.
    data = TEXT.encode("utf-32") if encoding == "utf-32" else codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be")
    doc = load_bytes(data, filename="a.txt")
    assert doc.text == TEXT and doc.encoding == "utf-32"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding):
    doc = load_bytes(TEXT.encode(encoding), filename="a.txt")
    assert doc.text == TEXT and doc.encoding == encoding


def test_utf16_without_bom_cut_inside_a_code_unit():
    doc = load_bytes(TEXT.encode("utf-16-le") + b"\x41", filename="a.txt")
    assert doc.text == TEXT


def test_a_stray_nul_in_utf8_text_is_still_binary_not_utf16():
    data = TEXT.encode() * 20
    with pytest.raises(BinaryInputError):
        load_bytes(data[:300] + b"\x00" + data[300:], filename="a.txt")


@pytest.mark.parametrize("seed", range(4))
def test_random_bytes_stay_binary(seed):
    rng = random.Random(seed)
    with pytest.raises(BinaryInputError):
        load_bytes(bytes(rng.randrange(256) for _ in range(20000)), filename="junk.txt")


def test_utf8_cut_inside_its_last_character():
    data = TEXT.encode("utf-8") + "绩".encode("utf-8")[:2]
    doc = load_bytes(data, filename="a.txt")
    assert doc.text == TEXT and doc.encoding == "utf-8"


def test_gb18030_is_still_gb18030():
    doc = load_bytes(TEXT.encode("gb18030"), filename="a.txt")
    assert doc.text == TEXT and doc.encoding == "gb18030"


def test_big5_is_refused_instead_of_read_as_mojibake():
    with pytest.raises(DecodingError, match="private-use"):
        load_bytes("項目名稱 測試 績效 滿意度".encode("big5") * 10, filename="big5.txt")


def test_undecodable_message_says_where_utf8_broke():
    data = TEXT.encode() + b"\x80\xff\x80" + TEXT.encode()
    with pytest.raises(DecodingError) as info:
        load_bytes(data, filename="a.txt")
    assert f"at byte {len(TEXT.encode())}" in info.value.message
