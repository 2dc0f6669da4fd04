"""XLSX cells as Excel shows them: units and dates from number formats, rich shared strings, .xlsm / .xltx."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from jixiao.pipelines.ingest import load_bytes
from jixiao.pipelines.number_format import shown


@pytest.mark.parametrize(("value", "fmt", "text"), [
    (320, '0.00"万元"', "320.00万元"),
    (1240, '#,##0"人次"', "1,240人次"),
    (88, '0"台（套）"', "88台（套）"),
    (5, '0.0#"万"', "5.0万"),
    (2.5, 'General"元"', "2.5元"),
    (12.5, "[$¥-804]#,##0.00", "¥12.50"),
    (-3, r"0.00;[Red]\(0.00\)", "(3.00)"),
    (0, '0.00;-0.00;"—"', "—"),
    (dt.datetime(2023, 10, 28), 'yyyy"年"m"月"d"日"', "2023年10月28日"),
    (dt.datetime(2024, 3, 15), "yyyy/m/d", "2024/3/15"),
    (dt.datetime(2024, 3, 15, 9, 5), "yyyy-mm-dd hh:mm", "2024-03-15 09:05"),
])
def test_formats_that_print_a_unit_or_a_date(value, fmt, text):
    assert shown(value, fmt) == text


@pytest.mark.parametrize(("value", "fmt"), [
    (0.98, "0.00%"), (99.4, "0.0"), (1536000, "#,##0.00"), (45.5, "0.00_ "), (3, '[DBNum1]0"个"'),
    (5, '[>100]0"大";0"小"'), (dt.datetime(2023, 10, 28), "mm-dd-yy"), ("文本", '0"元"'),
])
def test_formats_of_digit_codes_alone_and_what_is_not_rendered_keep_the_plain_value(value, fmt):
    assert shown(value, fmt) is None


def _rows(doc, index: int = 0) -> list[list[str]]:
    table = doc.tables[index]
    return [line.split("\t") for line in doc.text[table.start:table.end].rstrip("\n").split("\n")]


def test_a_sheet_shows_units_and_dates_from_formats_and_keeps_plain_numbers():
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["全年预算数", "执行率", "完成值", "完成时间", "得分"])
    ws.append([336.5, 0.98, 1240, dt.datetime(2023, 10, 28), 9.8])
    ws["A2"].number_format = '0.00"万元"'
    ws["B2"].number_format = "0.00%"
    ws["C2"].number_format = '#,##0"人次"'
    ws["D2"].number_format = 'yyyy"年"m"月"d"日"'
    ws["E2"].number_format = "0.00"
    buffer = io.BytesIO()
    wb.save(buffer)
    doc = load_bytes(buffer.getvalue(), filename="a.xlsx")
    assert _rows(doc)[1] == ["336.50万元", "98.00%", "1,240人次", "2023年10月28日", "9.8"]


def test_templates_and_macro_enabled_workbooks_read_as_xlsx():
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["项目名称", "甲"])
    wb.active.append(["分值", 10])
    wb.template = True
    buffer = io.BytesIO()
    wb.save(buffer)
    assert b"template.main+xml" in __import__("zipfile").ZipFile(buffer).read("[Content_Types].xml")
    for name in ("a.xltx", "a.xltm", "a.xlsm"):
        assert _rows(load_bytes(buffer.getvalue(), filename=name)) == [["项目名称", "甲"], ["分值", "10"]]


def test_rich_shared_strings_read_as_their_runs_joined_without_the_phonetic_guide():
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "data" / "invented-files" / "origh07.xlsm"
    doc = load_bytes(path.read_bytes(), filename=path.name)
    assert "2023年重大动物疫病强制免疫补助" in doc.text and "≥120万头（羽）" in doc.text
    assert "石湾县农业农村局" in doc.text and "shí" not in doc.text


@pytest.mark.parametrize(("value", "fmt"), [
    (float("inf"), '#,##0"元"'),  # <v>1e999</v> reads as inf: was a ValueError (internal)
    (float("-inf"), '0.00"万元"'),
    (float("nan"), '0"元"'),
    (1.5, "0" + "%" * 200 + '"万元"'),  # 100**200 scales past a float: was an OverflowError (internal)
    (10 ** 400, '0.00"元"'),  # an int past a float
    (3, '"元"' * 100),  # longer than Excel's 255 characters: rendering would cost its length per cell
])
def test_formats_that_cannot_render_keep_the_plain_value(value, fmt):
    assert shown(value, fmt) is None


def test_a_sheet_of_infinite_values_under_a_unit_format_reads():
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["项目", "金额"])
    for row, value in enumerate((7.5, float("inf")), start=2):
        sheet.append([f"项目{row}", value])
        sheet.cell(row, 2).number_format = '#,##0"元"' + "%" * 200
    buffer = io.BytesIO()
    workbook.save(buffer)
    text = load_bytes(buffer.getvalue(), filename="inf.xlsx").text
    assert "项目2" in text and "项目3" in text


def test_a_percent_format_longer_than_excel_allows_reads_as_general():
    from jixiao.pipelines.load_xlsx import format_value

    # "0." and 5,000 zeros "%": 5,000 decimals a cell before
    assert format_value(0.25, "0." + "0" * 5000 + "%") == "0.25"
    assert format_value(0.25, "0.00%") == "25.00%"
