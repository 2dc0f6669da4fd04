"""HTTP API behaviour through FastAPI's TestClient, with an injected extractor."""

from __future__ import annotations

import io
import json
import logging

import pytest
from fastapi.testclient import TestClient
from service_fakes import FakeExtractor

from jixiao.config import Settings
from jixiao.service.app import create_app
from jixiao.service.logs import JsonFormatter

PROBLEM = "application/problem+json"
TEXT = "2024年城乡居民养老代办员补助\t项目名称\n产出指标\t数量指标\t村数\t=308人\n"


@pytest.fixture
def fake():
    return FakeExtractor()


@pytest.fixture
def client(fake):
    with TestClient(create_app(Settings(), extractor=fake)) as c:
        yield c


def _problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status and body["code"] == code
    assert body["type"] == f"https://jixiao.dev/problems/{code}"
    assert body["request_id"] == response.headers["x-request-id"]
    return body


def test_extract_json(client, fake):
    r = client.post("/v1/extract", json={"text": TEXT, "doc_id": "d1", "source": "s.txt", "mode": "parser"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    record = r.json()
    assert record["doc_id"] == "d1" and record["source"] == "s.txt"
    assert record["projects"][0]["name"] == "2024年城乡居民养老代办员补助"
    assert record["meta"]["mode"] == "parser"
    assert fake.seen[-1][0].text == TEXT


def test_request_id_echoed_or_generated(client):
    r = client.get("/healthz", headers={"X-Request-ID": "client-42"})
    assert r.headers["x-request-id"] == "client-42"
    generated = client.get("/healthz").headers["x-request-id"]
    assert len(generated) == 32 and generated != client.get("/healthz").headers["x-request-id"]
    # a header that could forge log lines is replaced, not echoed
    assert client.get("/healthz", headers={"X-Request-ID": "a b\tc"}).headers["x-request-id"] != "a b\tc"


def _docx_upload() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("项目支出绩效自评表")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "项目名称"
    table.cell(0, 1).text = "老字号"
    table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(1, 0).text = "主管部门"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_extract_upload_every_format_reaches_the_loader(client, fake):
    r = client.post("/v1/extract", files={"file": ("report.docx", _docx_upload())}, data={"mode": "combined"})
    assert r.status_code == 200, r.text
    assert r.json()["doc_id"] == "report" and r.json()["meta"]["format"] == "docx"
    assert r.json()["meta"]["tables"] == 1
    r = client.post("/v1/extract", files={"file": ("gbk.txt", TEXT.encode("gb18030"))}, data={"doc_id": "custom"})
    assert r.status_code == 200 and r.json()["doc_id"] == "custom"
    assert fake.seen[-1][0].encoding == "gb18030"


def test_bad_json_is_400(client):
    body = _problem(client.post("/v1/extract", content=b'{"text": ', headers={"content-type": "application/json"}),
                    400, "request.bad_json")
    assert "JSON" in body["detail"]


def test_schema_violation_is_422(client):
    body = _problem(client.post("/v1/extract", json={"txt": "x"}), 422, "request.validation")
    assert {tuple(e["loc"]) for e in body["errors"]} >= {("text",)}
    _problem(client.post("/v1/extract", json={"text": "x", "mode": "fast"}), 422, "request.validation")
    _problem(client.post("/v1/map", json={"kind": "indicator"}), 422, "request.validation")
    _problem(client.post("/v1/extract", files={"nofile": ("a.txt", b"x")}), 422, "request.validation")


def test_blank_text_is_a_typed_input_error(client):
    _problem(client.post("/v1/extract", json={"text": " \n "}), 400, "input.empty")


def test_unsupported_uploads_are_415(client):
    import zipfile

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:  # a ZIP document format jixiao does not read (ODF), not an archive
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    _problem(client.post("/v1/extract", files={"file": ("a.zip", archive.getvalue())}), 415, "input.unsupported_format")
    _problem(client.post("/v1/extract", files={"file": ("junk.bin", bytes(range(256)) * 4)}), 415, "input.binary")
    _problem(client.post("/v1/extract", content=b"plain", headers={"content-type": "text/plain"}), 415,
             "request.unsupported_media_type")


def test_damaged_file_is_400_not_500(client):
    body = _problem(client.post("/v1/extract", files={"file": ("x.pdf", b"%PDF-1.4 broken")}), 400, "input.unreadable")
    assert "x.pdf" in body["detail"]


def test_batch_results_in_order_with_per_document_errors(client):
    docs = [{"text": "A项目\n", "doc_id": "a"}, {"text": "   ", "doc_id": "b"}, {"text": "REJECT\n", "doc_id": "c"},
            {"text": "D项目\n"}]
    r = client.post("/v1/extract/batch", json={"documents": docs})
    assert r.status_code == 200
    body = r.json()
    assert [item["index"] for item in body["results"]] == [0, 1, 2, 3]
    assert [item["ok"] for item in body["results"]] == [True, False, False, True]
    assert body["results"][0]["record"]["projects"][0]["name"] == "A项目"
    assert body["results"][1]["error"]["code"] == "input.empty" and body["results"][1]["doc_id"] == "b"
    assert body["results"][2]["error"]["code"] == "input.invalid"
    assert (body["succeeded"], body["failed"]) == (2, 2)


def test_batch_of_files(client):
    files = [("files", ("one.txt", "一号项目\n".encode())), ("files", ("two.docx", _docx_upload()))]
    r = client.post("/v1/extract/batch", files=files)
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["record"]["doc_id"] for x in results] == ["one", "two"]
    assert [x["record"]["meta"]["format"] for x in results] == ["text", "docx"]


def test_map_and_search(client):
    r = client.post("/v1/map", json={"name": "社会保险经办机构", "kind": "function"})
    assert r.status_code == 200
    assert r.json()["entry"]["code"] == "2080109" and r.json()["method"] in ("exact", "alias", "code")
    r = client.post("/v1/map", json={"name": "服务对象满意度", "kind": "level2"})
    assert r.json()["entry"]["name"] == "服务对象满意度指标"
    r = client.get("/v1/taxonomy/search", params={"q": "满意度", "limit": 3})
    hits = r.json()["hits"]
    assert r.status_code == 200 and 1 <= len(hits) <= 3
    assert all("满意度" in h["name"] for h in hits)
    assert hits == sorted(hits, key=lambda h: -h["score"])
    _problem(client.get("/v1/taxonomy/search"), 422, "request.validation")


def test_health_ready_and_not_ready():
    with TestClient(create_app(Settings(), extractor=FakeExtractor(ready=False))) as c:
        assert c.get("/healthz").json()["status"] == "ok"
        _problem(c.get("/readyz"), 503, "service.not_ready")
        _problem(c.post("/v1/extract", json={"text": "x"}), 503, "service.not_ready")
    with TestClient(create_app(Settings(), extractor=FakeExtractor())) as c:
        r = c.get("/readyz")
        assert r.status_code == 200 and r.json()["status"] == "ready"


def test_unexpected_failure_is_a_problem_without_traceback():
    with TestClient(create_app(Settings(), extractor=FakeExtractor(crash=True)), raise_server_exceptions=False) as c:
        body = _problem(c.post("/v1/extract", json={"text": "x"}), 500, "server.error")
        assert "Traceback" not in json.dumps(body) and "bug in the extractor" not in body["detail"]
        r = c.post("/v1/extract/batch", json={"documents": [{"text": "x"}]})
        assert r.status_code == 200 and r.json()["results"][0]["error"]["code"] == "server.error"


def test_unknown_route_and_method(client):
    _problem(client.get("/v2/nothing"), 404, "request.not_found")
    _problem(client.get("/v1/extract"), 405, "request.method_not_allowed")


def test_metrics_count_requests_documents_and_errors(client):
    client.post("/v1/extract", json={"text": TEXT})
    client.post("/v1/extract", content=b"{", headers={"content-type": "application/json"})
    client.post("/v1/extract", files={"file": ("junk.bin", bytes(range(256)) * 4)})
    r = client.get("/metrics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    text = r.text
    assert 'jixiao_http_requests_total{method="POST",route="/v1/extract",status="200"} 1.0' in text
    assert 'jixiao_errors_total{code="request.bad_json"} 1.0' in text
    assert 'jixiao_errors_total{code="input.binary"} 1.0' in text
    assert 'jixiao_documents_total{format="text",outcome="ok"} 1.0' in text
    assert "jixiao_http_request_duration_seconds_bucket" in text


def test_apps_do_not_share_metrics(fake):
    with TestClient(create_app(Settings(), extractor=fake)) as a, TestClient(create_app(Settings(), extractor=fake)) as b:
        a.post("/v1/extract", json={"text": TEXT})
        assert 'route="/v1/extract",status="200"} 1.0' in a.get("/metrics").text
        assert 'route="/v1/extract"' not in b.get("/metrics").text


def test_logs_are_json_lines_with_the_request_id(client):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("jixiao.service.access")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    try:
        client.post("/v1/extract", json={"text": TEXT}, headers={"X-Request-ID": "trace-7"})
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    access = [x for x in lines if x.get("request_id") == "trace-7"]
    assert access and access[-1]["status"] == 200 and access[-1]["route"] == "/v1/extract"
    assert access[-1]["duration_ms"] >= 0 and access[-1]["level"] == "info"


def test_openapi_documents_every_route_with_examples(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    assert {"/v1/extract", "/v1/extract/batch", "/v1/map", "/v1/taxonomy/search", "/healthz", "/readyz", "/metrics"} <= set(paths)
    for path, ops in paths.items():
        for method, op in ops.items():
            success = min(s for s in op["responses"] if s.startswith("2"))  # 202 for a job, 204 for a deletion
            if success != "204":
                ok = op["responses"][success]["content"]
                assert any("example" in c or "examples" in c for c in ok.values()), (method, path)
            for status, response in op["responses"].items():
                for media, content in response.get("content", {}).items():
                    if media == PROBLEM:
                        assert content["schema"] == {"$ref": "#/components/schemas/Problem"}
                        assert content["examples"], (path, status)
    request_body = paths["/v1/extract"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(request_body)
    schemas = spec["components"]["schemas"]
    assert {"ExtractRequest", "BatchRequest", "DocumentRecord", "Problem"} <= set(schemas)
    assert schemas["ExtractRequest"]["examples"]


def test_a_gbk_file_name_is_carried_escaped_like_the_cli_does(client):
    name = "项目自评".encode("gbk") + b".txt"
    body = (b'--XX\r\nContent-Disposition: form-data; name="file"; filename="' + name + b'"\r\n'
            b"Content-Type: text/plain\r\n\r\n" + TEXT.encode() + b"\r\n--XX--\r\n")
    r = client.post("/v1/extract", content=body, headers={"content-type": "multipart/form-data; boundary=XX"})
    assert r.status_code == 200, r.text
    assert r.json()["source"] == name.decode("utf-8", "backslashreplace")
    assert client.post("/v1/extract", files={"file": ("项目.txt", TEXT.encode())}).json()["source"] == "项目.txt"
