"""The public API: ``from jixiao import Extractor, DocumentRecord``, with ``import jixiao`` kept cheap."""

import subprocess
import sys

import pytest


def test_public_names_import_from_the_package():
    from jixiao import DocumentRecord, Extractor
    from jixiao.pipelines.extract import Extractor as Defined
    from jixiao.record import DocumentRecord as Record

    assert Extractor is Defined and DocumentRecord is Record
    import jixiao

    assert {"Extractor", "DocumentRecord"} <= set(jixiao.__all__) and "Extractor" in dir(jixiao)


def test_the_public_api_extracts_a_record():
    from jixiao import DocumentRecord, Extractor

    record = Extractor.from_settings(load_tagger=False).extract_text("没有表格的一段话。", mode="parser")
    assert isinstance(record, DocumentRecord) and record.projects == []


def test_an_unknown_name_is_an_attribute_error():
    import jixiao

    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        jixiao.Nope  # noqa: B018


def test_import_jixiao_loads_no_pipeline():
    code = (
        "import sys, jixiao; "
        "heavy = [m for m in ('jixiao.pipelines.extract', 'jixiao.record', 'pydantic', 'numpy', 'torch', 'onnxruntime') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
