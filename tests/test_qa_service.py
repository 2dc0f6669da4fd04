"""QA regressions for the HTTP API: file counts over the multipart parser's limit, BOM'd JSON, blank names."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from service_fakes import FakeExtractor

from jixiao.config import Settings
from jixiao.service.app import create_app

PROBLEM = "application/problem+json"


@pytest.fixture
def client():
    with TestClient(create_app(Settings(max_batch=3), extractor=FakeExtractor())) as c:
        yield c


def _problem(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["code"] == code
    return response.json()["detail"]


def test_far_too_many_files_in_a_batch_is_413_not_a_parser_message(client):
    # The multipart parser stops at limit + 1 files with its own 400; the client must see the batch limit.
    files = [("files", (f"{i}.txt", f"项目{i}\n".encode())) for i in range(20)]
    detail = _problem(client.post("/v1/extract/batch", files=files), 413, "request.batch_too_large")
    assert "3" in detail and "JIXIAO_MAX_BATCH" in detail


def test_several_files_on_the_single_endpoint_point_to_batch(client):
    files = [("file", (f"{i}.txt", f"项目{i}\n".encode())) for i in range(5)]
    detail = _problem(client.post("/v1/extract", files=files), 413, "request.batch_too_large")
    assert "/v1/extract/batch" in detail


def test_json_body_with_utf8_bom(client):
    r = client.post("/v1/extract", content=b'\xef\xbb\xbf{"text": "\xe9\xa1\xb9\xe7\x9b\xae\\n"}',
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 200, r.text
    assert r.json()["projects"][0]["name"] == "项目"


def test_blank_map_name_is_422_like_a_blank_search(client):
    _problem(client.post("/v1/map", json={"name": "   "}), 422, "request.validation")
    _problem(client.get("/v1/taxonomy/search", params={"q": "   "}), 422, "request.validation")
