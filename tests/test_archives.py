"""Archives as inputs (docs/decisions/archives.md): a ZIP, tar.gz or 7z of documents is a batch of its members."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from service_fakes import FakeExtractor

from jixiao.config import REPO_ROOT, Settings
from jixiao.pipelines.archives import Member, expand_inputs, member_name, read_member
from jixiao.pipelines.batch import Batch, BatchOptions

EXAMPLE = (REPO_ROOT / "examples" / "self_evaluation_example.txt").read_bytes()
GBK_NAME = "项目/自评报告.txt"
JUNK = b"\x00\x01\x02\x03binary" * 64


class GbkInfo(zipfile.ZipInfo):
    """A member name as Chinese Windows writes it: GBK bytes, the UTF-8 flag unset."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits


def _zip(members: dict[str, bytes], *, gbk: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(GbkInfo(name) if gbk and not name.isascii() else name, data)
    return out.getvalue()


def _tar_gz(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as t:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    return out.getvalue()


def _names(paths: list) -> list[str]:
    return [p.name if isinstance(p, Member) else str(p) for p in paths]


def test_a_gbk_name_without_the_utf8_flag_decodes_and_litter_is_skipped(tmp_path: Path):
    data = _zip({GBK_NAME: EXAMPLE, "__MACOSX/项目/._自评报告.txt": b"x", "项目/.DS_Store": b"x", "Thumbs.db": b"x",
                 "空/": b""}, gbk=True)
    with zipfile.ZipFile(io.BytesIO(data)) as z:  # the stored name really is GBK without the flag
        assert not z.infolist()[0].flag_bits & 0x800 and z.namelist()[0] != GBK_NAME
    (tmp_path / "docs.zip").write_bytes(data)
    inputs = expand_inputs([tmp_path / "docs.zip"], Settings())
    assert _names(inputs) == [f"{tmp_path / 'docs.zip'}!{GBK_NAME}"]
    assert inputs[0].stem == "docs__项目__自评报告"
    assert member_name("名称.pdf".encode("utf-8")) == "名称.pdf"  # UTF-8 written without the flag (Info-ZIP, macOS)
    assert member_name(b"\x81") == "ü"  # neither UTF-8 nor GB18030: CP437, the format's default


def test_nested_archives_expand_in_archive_order_up_to_the_depth_limit(tmp_path: Path):
    deepest = _zip({"c.txt": EXAMPLE})
    inner = _zip({"b.txt": EXAMPLE, "deeper.zip": deepest})
    (tmp_path / "docs.zip").write_bytes(_zip({"a.txt": EXAMPLE, "inner.zip": inner, "z.txt": EXAMPLE}))
    inputs = expand_inputs([tmp_path / "docs.zip"], Settings())
    top = str(tmp_path / "docs.zip")
    assert _names(inputs) == [f"{top}!a.txt", f"{top}!inner.zip!b.txt", f"{top}!inner.zip!deeper.zip", f"{top}!z.txt"]
    assert [m.error[0] if m.error else None for m in inputs] == [None, None, "input.archive_depth", None]
    three = expand_inputs([tmp_path / "docs.zip"], Settings(max_archive_depth=3))
    assert f"{top}!inner.zip!deeper.zip!c.txt" in _names(three)


def test_a_tar_gz_is_an_archive_and_a_docx_is_not(tmp_path: Path):
    (tmp_path / "docs.tar.gz").write_bytes(_tar_gz({"dir/a.txt": EXAMPLE, "dir/b.txt": EXAMPLE}))
    docx = tmp_path / "report.docx"
    docx.write_bytes(_zip({"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<Types/>"}))
    inputs = expand_inputs([tmp_path / "docs.tar.gz", docx], Settings())
    assert _names(inputs) == [f"{tmp_path / 'docs.tar.gz'}!dir/a.txt", f"{tmp_path / 'docs.tar.gz'}!dir/b.txt", str(docx)]


def test_a_tar_gz_is_inflated_once_however_many_members_it_holds(tmp_path: Path, monkeypatch):
    """A tar.gz is one stream: reading each member again from the start would be quadratic in the archive."""
    members = {f"d/{i:03}.txt": EXAMPLE[: 200 + i] for i in range(60)}
    (tmp_path / "many.tar.gz").write_bytes(_tar_gz(members))
    opened = []
    real_open = tarfile.open
    monkeypatch.setattr(tarfile, "open", lambda *a, **k: opened.append(1) or real_open(*a, **k))
    inputs = expand_inputs([tmp_path / "many.tar.gz"], Settings())
    assert [read_member(m, Settings()) for m in inputs] == list(members.values())
    assert len(opened) == 1


def test_a_zip_file_with_too_many_entries_is_refused_before_zipfile_lists_them(tmp_path: Path, monkeypatch):
    (tmp_path / "many.zip").write_bytes(_zip({f"{i}.txt": b"x" for i in range(30)}))

    def never(*args, **kwargs):
        raise AssertionError("zipfile read the directory")

    monkeypatch.setattr(zipfile, "ZipFile", never)
    inputs = expand_inputs([tmp_path / "many.zip"], Settings(max_zip_members=20))
    assert len(inputs) == 1 and inputs[0].error[0] == "input.zip_bomb"


def test_a_bomb_is_refused_from_the_directory_before_anything_is_inflated(tmp_path: Path, monkeypatch):
    (tmp_path / "bomb.zip").write_bytes(_zip({"a.txt": EXAMPLE, "zeros.pdf": bytes(8 * 1024 * 1024)}))

    def never(*args, **kwargs):
        raise AssertionError("a member was inflated")

    monkeypatch.setattr(zipfile.ZipFile, "open", never)
    inputs = expand_inputs([tmp_path / "bomb.zip"], Settings())
    assert len(inputs) == 1 and inputs[0].error[0] == "input.zip_bomb" and "max_zip_ratio" in inputs[0].error[2]


def test_encrypted_and_oversized_members_fail_alone(tmp_path: Path):
    data = bytearray(_zip({"a.txt": EXAMPLE, "big.txt": EXAMPLE * 4, "locked.txt": EXAMPLE}))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:  # set the encryption bit of locked.txt in both its headers
        data[z.getinfo("locked.txt").header_offset + 6] |= 1
    central = bytes(data).rindex(b"locked.txt") - 46
    assert data[central:central + 4] == b"PK\x01\x02"
    data[central + 8] |= 1
    (tmp_path / "docs.zip").write_bytes(bytes(data))
    inputs = expand_inputs([tmp_path / "docs.zip"], Settings(max_input_bytes=len(EXAMPLE) * 2))
    assert [m.error[0] if m.error else None for m in inputs] == [None, "input.too_large", "input.encrypted"]


def _special(name: str, kind: bytes, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, link
    return info


def test_a_tar_hard_link_is_its_document_and_links_devices_fifos_are_accounted_for(tmp_path: Path):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as t:
        info = tarfile.TarInfo("./docs/a.txt")
        info.size = len(EXAMPLE)
        t.addfile(info, io.BytesIO(EXAMPLE))
        for special in (_special("docs/hard.txt", tarfile.LNKTYPE, "docs/a.txt"),
                        _special("again.txt", tarfile.LNKTYPE, "docs/hard.txt"),
                        _special("sym.txt", tarfile.SYMTYPE, "docs/a.txt"), _special("tty", tarfile.CHRTYPE),
                        _special("disk", tarfile.BLKTYPE), _special("pipe", tarfile.FIFOTYPE),
                        _special("dangling.txt", tarfile.LNKTYPE, "missing.txt"), _special("docs/", tarfile.DIRTYPE)):
            t.addfile(special)
    (tmp_path / "docs.tar.gz").write_bytes(out.getvalue())
    inputs = expand_inputs([tmp_path / "docs.tar.gz"], Settings())
    assert [n.rsplit("!", 1)[1] for n in _names(inputs)] == [
        "./docs/a.txt", "docs/hard.txt", "again.txt", "sym.txt", "tty", "disk", "pipe", "dangling.txt"]
    assert [m.error[0] if m.error else None for m in inputs] == [None, None, None] + ["input.unsupported_format"] * 5
    assert [m.error[2].split(",")[0] for m in inputs[3:]] == [
        "a symbolic link in the archive", "a device file in the archive", "a device file in the archive",
        "a named pipe (FIFO) in the archive", "a hard link to a file the archive does not hold before it"]
    assert all(read_member(m, Settings()) == EXAMPLE for m in inputs[:3])
    # a link is counted against the limits as the document it reads: three copies of EXAMPLE
    refused = expand_inputs([tmp_path / "docs.tar.gz"], Settings(max_zip_bytes=len(EXAMPLE) * 3 - 1))
    assert [m.error[0] for m in refused] == ["input.zip_bomb"]
    (tmp_path / "out").mkdir()
    results = _run([tmp_path / "docs.tar.gz"], tmp_path / "out")  # each in the batch's results, none silently gone
    assert [(r.status, r.code) for r in results] == [("ok", None)] * 3 + [("error", "input.unsupported_format")] * 5


def test_a_7z_with_an_encrypted_file_list_is_encrypted_without_the_library_words(tmp_path: Path):
    py7zr = pytest.importorskip("py7zr")
    with py7zr.SevenZipFile(tmp_path / "locked.7z", "w", password="secret", header_encryption=True) as z:
        z.writestr(EXAMPLE, "a.txt")
    [member] = expand_inputs([tmp_path / "locked.7z"], Settings())
    code, status, message = member.error
    assert (code, status) == ("input.encrypted", 422)
    assert message == "the 7z archive is password-protected; remove the password and retry"


def _run(paths: list[Path], out: Path) -> list:
    batch = Batch(paths, BatchOptions(mode="parser", workers=1, output=out), Settings())
    return sorted(batch.run(), key=lambda r: r.index)


def test_a_failing_member_beside_one_that_reads_and_a_rerun_skips_done_members(tmp_path: Path):
    archive = tmp_path / "docs.zip"
    archive.write_bytes(_zip({GBK_NAME: EXAMPLE, "坏.bin": JUNK, "rar/x.rar": b"Rar!\x1a\x07\x00" + JUNK}, gbk=True))
    out = tmp_path / "out"
    out.mkdir()
    first = _run([archive], out)
    assert [(r.name.rsplit("!", 1)[1], r.status, r.code) for r in first] == [
        ("项目/自评报告.txt", "ok", None), ("坏.bin", "error", "input.binary"), ("rar/x.rar", "error", "input.unsupported_format")]
    assert sorted(p.name for p in out.iterdir()) == ["docs__rar__x.error.json", "docs__坏.error.json", "docs__项目__自评报告.json"]
    record = json.loads((out / "docs__项目__自评报告.json").read_text(encoding="utf-8"))
    assert record["source"] == f"{archive}!{GBK_NAME}" and record["doc_id"] == "docs__项目__自评报告"
    assert record["projects"] and record["meta"]["input_sha256"] == first[0].sha256
    second = _run([archive], out)
    assert [r.status for r in second] == ["skipped", "skipped", "skipped"]
    assert second[0].sha256 == first[0].sha256


def test_the_cli_answers_one_json_line_per_member(tmp_path: Path):
    archive = tmp_path / "docs.tar.gz"
    archive.write_bytes(_tar_gz({"a.txt": EXAMPLE, "b.txt": b""}))
    run = subprocess.run([sys.executable, "-c", "from jixiao.cli import app; app()", "extract", str(archive), "--mode",
                          "parser", "--workers", "1"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [line["source"] for line in lines] == [f"{archive}!a.txt", f"{archive}!b.txt"]
    assert lines[0]["projects"] and lines[1]["error"]["code"] == "input.empty"


def test_a_7z_archive_reads_when_py7zr_is_installed(tmp_path: Path):
    py7zr = pytest.importorskip("py7zr")
    with py7zr.SevenZipFile(tmp_path / "docs.7z", "w") as z:
        z.writestr(EXAMPLE, "报告/a.txt")
    inputs = expand_inputs([tmp_path / "docs.7z"], Settings())
    assert _names(inputs) == [f"{tmp_path / 'docs.7z'}!报告/a.txt"]
    from jixiao.pipelines.archives import read_member

    assert read_member(inputs[0], Settings()) == EXAMPLE


def test_an_uploaded_archive_answers_like_a_batch_of_its_members():
    data = _zip({GBK_NAME: EXAMPLE, "坏.bin": JUNK, "__MACOSX/._a": b"x"}, gbk=True)
    fake = FakeExtractor()
    with TestClient(create_app_with(fake)) as client:
        r = client.post("/v1/extract", files={"file": ("docs.zip", data)}, data={"mode": "parser"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert (body["succeeded"], body["failed"]) == (1, 1)
        first, second = body["results"]
        assert first["ok"] and first["record"]["source"] == f"docs.zip!{GBK_NAME}" and first["doc_id"] == "docs__项目__自评报告"
        assert not second["ok"] and second["error"]["code"] == "input.binary"
    with TestClient(create_app_with(FakeExtractor(), max_batch=1)) as client:
        r = client.post("/v1/extract", files={"file": ("docs.zip", data)})
        assert r.status_code == 413 and r.json()["code"] == "request.batch_too_large", r.text


def create_app_with(fake, **settings):
    from jixiao.service.app import create_app

    return create_app(Settings(**settings), extractor=fake)


@pytest.mark.parametrize("durable", [False, True])
def test_an_archive_submitted_as_a_job_is_a_batch_job(tmp_path: Path, durable: bool):
    import time

    from jixiao.service.app import create_app
    from jixiao.service.job_db import document_meta, rebuild

    data = _zip({"a.txt": EXAMPLE, "inner.zip": _zip({"deeper.zip": _zip({"c.txt": EXAMPLE})})})
    settings = Settings(jobs_dir=tmp_path / "jobs") if durable else Settings()
    with TestClient(create_app(settings, extractor=FakeExtractor())) as client:
        r = client.post("/v1/jobs", files={"file": ("docs.zip", data)})
        assert r.status_code == 202 and r.json()["batch"] is True and r.json()["progress"]["total"] == 2, r.text
        for _ in range(500):
            status = client.get(r.headers["location"]).json()
            if status["status"] in ("done", "failed"):
                break
            time.sleep(0.02)
        body = client.get(status["result"]).json()
        assert [(x["doc_id"], x["ok"]) for x in body["results"]] == [("docs__a", True), ("docs__inner__deeper", False)]
        assert body["results"][1]["error"]["code"] == "input.archive_depth"
    # a member refused while listed keeps its error through the durable store's round trip
    from jixiao.service.routes_extract import Job

    refused = Job(doc_id="d", mode="parser", data=b"", filename="a.zip!x.zip", error=("input.archive_depth", 413, "deep"))
    assert rebuild(json.loads(json.dumps(document_meta(refused))), b"").error == refused.error


def test_an_archive_upload_reads_in_worker_processes_too():
    """With worker processes (JIXIAO_ISOLATE): a member refused while listed never reaches a worker."""
    settings = Settings(use_tagger=False, workers_threads=1, request_timeout_s=60)
    data = _zip({"a.txt": EXAMPLE, "x.rar": b"Rar!\x1a\x07\x00" + JUNK})
    with TestClient(create_app_with_workers(settings)) as client:
        r = client.post("/v1/extract", files={"file": ("docs.zip", data)}, data={"mode": "parser"})
        assert r.status_code == 200, r.text
        assert [(x["doc_id"], x["ok"]) for x in r.json()["results"]] == [("docs__a", True), ("docs__x", False)]
        assert r.json()["results"][1]["error"]["code"] == "input.unsupported_format"


def create_app_with_workers(settings):
    from jixiao.service.app import create_app

    return create_app(settings, worker_factory="service_fakes:runaway_extractor")
