"""Bomb limits (issue 21): each refuses its input before a parser runs, with a typed error naming the limit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "data"))

import bomb_files as bombs  # noqa: E402

from jixiao.config import Settings
from jixiao.deadline import Deadline
from jixiao.errors import (
    DeadlineExceeded,
    EncryptedInputError,
    ImageTooLargeError,
    InputLimitError,
    InputTooLargeError,
    TooManyPagesError,
    ZipBombError,
)
from jixiao.pipelines.ingest import load_bytes


def _settings(**limits) -> Settings:
    return Settings(use_tagger=False, **limits)


@pytest.mark.parametrize("data, limits, limit", [
    (bombs.docx_members(20), {"max_zip_members": 10}, "max_zip_members"),
    (bombs.docx_paragraphs(2000), {"max_zip_bytes": 50_000}, "max_zip_bytes"),
    (bombs.docx_paragraphs(2000), {"max_zip_xml_bytes": 50_000}, "max_zip_xml_bytes"),
    (bombs.docx_paragraphs(40_000), {"max_zip_ratio": 50}, "max_zip_ratio"),
    (bombs.xlsx_rows(2000), {"max_zip_xml_bytes": 50_000}, "max_zip_xml_bytes"),
])
def test_zip_bombs_are_refused_from_the_directory(data, limits, limit):
    with pytest.raises(ZipBombError) as info:
        load_bytes(data, filename="bomb.docx", settings=_settings(**limits))
    assert info.value.limit == limit
    assert info.value.code == "input.zip_bomb" and info.value.http_status == 413
    assert f"JIXIAO_{limit.upper()}" in str(info.value) and "bomb.docx" in str(info.value)


def test_the_defaults_refuse_the_probes_bombs():
    settings = _settings()
    for data in (bombs.docx_paragraphs(1_000_000), bombs.docx_text_node(20_000_000), bombs.xlsx_rows(1_000_000)):
        with pytest.raises(ZipBombError):
            load_bytes(data, filename="bomb", settings=settings)


def test_xlsx_cells_are_counted_before_openpyxl_loads_them():
    with pytest.raises(InputLimitError) as info:
        load_bytes(bombs.xlsx_rows(600), filename="rows.xlsx", settings=_settings(max_xlsx_cells=1000))
    assert info.value.limit == "max_xlsx_cells"
    assert load_bytes(bombs.xlsx_rows(400), filename="rows.xlsx", settings=_settings(max_xlsx_cells=1000)).text.count("\n") == 400


def test_a_merge_over_the_whole_sheet_is_refused_before_loading():
    with pytest.raises(InputTooLargeError, match="merged cells cover 17179869184"):
        load_bytes(bombs.xlsx_merge(), filename="merge.xlsx", settings=_settings())


def test_cells_far_apart_read_without_walking_the_range_between():
    doc = load_bytes(bombs.xlsx_corners(), filename="corners.xlsx", settings=_settings())
    assert doc.text.split() == ["项目", "x"]


def test_pdf_pages_are_counted_before_any_is_read():
    with pytest.raises(TooManyPagesError) as info:
        load_bytes(bombs.pdf_pages(12), filename="long.pdf", settings=_settings(max_pdf_pages=10))
    assert info.value.limit == "max_pdf_pages" and "12 pages" in str(info.value)
    assert load_bytes(bombs.pdf_pages(3), filename="short.pdf", settings=_settings(max_pdf_pages=10)).text.count("Project 1") == 3


def test_image_pixels_are_checked_on_the_header():
    with pytest.raises(ImageTooLargeError) as info:
        load_bytes(bombs.png_header(13000, 13000), filename="scan.png", settings=_settings())
    assert info.value.limit == "max_image_pixels" and "169000000 pixels" in str(info.value)
    assert _settings().max_image_pixels < 89_478_485  # below Pillow's own limit


def test_an_encrypted_pdf_says_so():
    with pytest.raises(EncryptedInputError, match="password-protected") as info:
        load_bytes(bombs.pdf_encrypted(), filename="locked.pdf", settings=_settings())
    assert info.value.code == "input.encrypted"


def test_text_stops_growing_at_the_character_limit():
    with pytest.raises(InputTooLargeError, match="grows past the limit of 5000 characters"):
        load_bytes(bombs.docx_paragraphs(2000), filename="long.docx", settings=_settings(max_text_chars=5000))


def test_loading_checks_the_deadline():
    with pytest.raises(DeadlineExceeded):
        load_bytes(bombs.pdf_pages(2), filename="late", settings=_settings(), deadline=Deadline.after(0.0))


@pytest.mark.parametrize("loader, data, where", [
    ("load_docx", bombs.docx_paragraphs(600), "block 256"),
    ("load_pdf", bombs.pdf_pages(2), "page 1"),
    ("load_xlsx", bombs.xlsx_rows(10), "page 1"),
])
def test_loaders_check_the_deadline_per_page_and_batch(loader, data, where):
    from importlib import import_module

    load = getattr(import_module(f"jixiao.pipelines.{loader}"), loader)
    with pytest.raises(DeadlineExceeded, match=where):
        load(data, doc_id="late", source="late", settings=_settings(), deadline=Deadline.after(0.0))
