"""Rules added for the sixth blind check of final-accounts layouts (fa6_ocr_*, OCR'd scans): thousands separators a
scan read as points or mixed with the point, and amounts a scan ran together without their gap."""

from __future__ import annotations

import pytest

from jixiao.pipelines.account_slips import cell_text
from jixiao.pipelines.account_spaced import run_together


@pytest.mark.parametrize(("printed", "meant"), [
    ("1.286.45", "1,286.45"),  # every separator read as a point: the last is the point
    ("6.347,180.60", "6,347,180.60"),
    ("3.470,77", "3,470.77"),  # the separators swapped
    ("12,800,00", "12,800.00"),  # the point read as a comma after a thousands group
    ("1.514.9S", "1,514.95"),  # with a slipped digit
])
def test_separators_a_scan_slipped_read_as_the_amount(printed, meant):
    assert cell_text(printed) == meant


@pytest.mark.parametrize("cell", ["1,286.45", "1.5", "1.234", "1,234", "2010301", "28.20"])
def test_plain_amounts_and_codes_are_left_as_printed(cell):
    assert cell_text(cell) == cell


def test_amounts_run_together_are_cut_at_each_point_and_two_decimals():
    assert run_together("300.00300.00") == [(0, 6), (6, 12)]
    assert run_together("957,300.00812,300.00") == [(0, 10), (10, 20)]
    assert run_together("3OO.OO3OO.OO") == [(0, 6), (6, 12)]  # slips read first


@pytest.mark.parametrize("cell", ["300.00", "1.286.45", "1.234.56", "12.5", "2010301", "社会保障"])
def test_one_amount_or_a_slipped_one_is_not_cut(cell):
    assert run_together(cell) == []
