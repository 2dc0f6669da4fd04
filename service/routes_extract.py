"""``POST /v1/extract`` and ``POST /v1/extract/batch``: JSON text or uploaded files in, records out."""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import get_args

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from jixiao.config import Settings
from jixiao.deadline import NO_DEADLINE, Deadline
from jixiao.errors import (
    BinaryInputError,
    EmptyInputError,
    EncryptedInputError,
    ImageTooLargeError,
    InputTooLargeError,
    JixiaoError,
    UnreadableFileError,
    UnsupportedFormatError,
    ZipBombError,
)
from jixiao.pipelines.document import Document
from jixiao.record import DocumentRecord
from jixiao.service.problems import (
    BadJsonError,
    BatchTooLargeError,
    InternalError,
    NotReadyError,
    TimeoutProblem,
    UnsupportedMediaTypeError,
    ValidationFailedError,
    problem_examples,
    problem_for,
    validation_error,
)
from jixiao.service.schemas import BatchItem, BatchRequest, BatchResponse, ExtractRequest, Mode
from jixiao.service.workers import REQUEST_LIMIT, Limit

log = logging.getLogger("jixiao.service")
router = APIRouter(tags=["extract"])


@dataclass
class Job:
    """One document to extract: text from JSON, or bytes of an uploaded file."""

    doc_id: str | None
    mode: Mode
    text: str | None = None
    source: str | None = None
    data: bytes | None = None
    filename: str | None = None
    error: tuple[str, int, str] | None = None  # an archive member refused while listed: code, status, message


def run_job(job: Job, extractor, settings: Settings, metrics, deadline: Deadline = NO_DEADLINE) -> DocumentRecord:
    """Load and extract one document (runs in a worker thread); past ``deadline`` it stops at its next stage."""
    begin = time.perf_counter()
    fmt = "text"
    try:
        if job.error is not None:
            from jixiao.pipelines.archives import ArchiveMemberError

            raise ArchiveMemberError(*job.error, source=job.filename)
        if job.data is not None:
            from jixiao.pipelines.ingest import load_bytes

            document = load_bytes(job.data, filename=job.filename, doc_id=job.doc_id, settings=settings, deadline=deadline)
            fmt = document.format
        else:
            text = job.text or ""
            if len(text) > settings.max_text_chars:
                raise InputTooLargeError(f"{len(text)} characters exceeds the limit of {settings.max_text_chars} (JIXIAO_MAX_TEXT_CHARS)", source=job.source)
            if not text.strip():
                raise EmptyInputError("the text is empty or only whitespace", source=job.source)
            document = Document(doc_id=job.doc_id or "document", source=job.source, format="text", text=text)
        record = extractor.extract(document, mode=job.mode, deadline=deadline)
    except Exception:
        metrics.documents.labels(format=fmt, outcome="error").inc()
        raise
    metrics.documents.labels(format=fmt, outcome="ok").inc()
    metrics.extract_seconds.observe(time.perf_counter() - begin)
    return record


def ready_extractor(request: Request):
    state = request.app.state
    extractor = getattr(state, "extractor", None)
    if extractor is None or not getattr(extractor, "ready", True):
        raise NotReadyError("the extractor is not loaded yet; retry when /readyz answers 200")
    return extractor


def _mode(value) -> Mode:
    value = value or "combined"
    if value not in get_args(Mode):
        raise ValidationFailedError(f"mode must be one of {', '.join(get_args(Mode))}, not {value!r}",
                                    [{"loc": ["body", "mode"], "msg": "invalid mode", "type": "literal_error"}])
    return value


def _form_text(form, name: str, limit: int = 200) -> str | None:
    value = form.get(name)
    if value is None or isinstance(value, UploadFile):
        return None
    return str(value)[:limit] or None


async def _read_json(request: Request, model):
    body = await request.body()
    # RFC 8259 lets a parser ignore a BOM; Windows tools (PowerShell, Notepad) send one.
    body = body.removeprefix(b"\xef\xbb\xbf")
    if not body.strip():
        raise ValidationFailedError("the request body is empty; send JSON or a multipart file upload",
                                    [{"loc": ["body"], "msg": "Field required", "type": "missing"}])
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        raise validation_error(exc.errors(include_url=False, include_context=False, include_input=False)) from None


def _content_kind(request: Request) -> str:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype in ("application/json", "") or ctype.endswith("+json"):
        return "json"
    if ctype == "multipart/form-data":
        return "multipart"
    raise UnsupportedMediaTypeError(f"Content-Type {ctype!r} is not accepted: send application/json or multipart/form-data")


def _too_many_files(count: str, max_files: int) -> BatchTooLargeError:
    if max_files == 1:
        return BatchTooLargeError(f"{count} files sent in field 'file', which takes one; send several in field 'files' "
                                  "(to /v1/extract/batch or /v1/jobs)")
    return BatchTooLargeError(f"{count} files exceed the batch limit of {max_files} (JIXIAO_MAX_BATCH)")


async def _read_form(request: Request, max_files: int):
    try:
        return await request.form(max_files=max_files + 1, max_fields=16)
    except StarletteHTTPException as exc:
        # The parser stops at max_files + 1 files: the client only learns "more than the limit".
        if "Too many files" in str(exc.detail):
            raise _too_many_files(f"more than {max_files}", max_files) from None
        raise


async def _upload_jobs(request: Request, field: str, max_files: int, settings: Settings) -> tuple[list[Job], bool]:
    return await _form_jobs(await _read_form(request, max_files), field, max_files, settings)


def _archive_jobs(data: bytes, filename: str | None, mode: Mode, settings: Settings) -> list[Job] | None:
    """An uploaded archive's members as documents, each named ``a.zip!dir/名称.pdf`` with its own doc_id (the
    stem ``jixiao extract -o`` names its output by); None when the upload is no archive."""
    from pathlib import Path

    from jixiao.pipelines.archives import data_kind, expand, stem_path
    from jixiao.pipelines.outputs import output_stems, safe_stem

    kind = data_kind(data, settings)
    if kind is None:
        return None
    name = filename or "upload"
    members = expand(kind, data, name, safe_stem(Path(name)), settings, keep=True)
    stems = output_stems([stem_path(m) for m in members])
    # a member refused while listed has no bytes: b"" keeps it an upload for the durable job store
    return [Job(doc_id=stem, mode=mode, data=m.data if m.error is None else b"", filename=m.name, error=m.error)
            for m, stem in zip(members, stems, strict=True)]


async def _form_jobs(form, field: str, max_files: int, settings: Settings) -> tuple[list[Job], bool]:
    """The uploads of ``field``, an archive among them replaced by its members (at most ``max_batch`` in all);
    and whether one was an archive (the answer is then a batch)."""
    uploads = [item for item in form.getlist(field) if isinstance(item, UploadFile)]
    if not uploads:
        raise ValidationFailedError(f"multipart field '{field}' with a file is required",
                                    [{"loc": ["body", field], "msg": "Field required", "type": "missing"}])
    if len(uploads) > max_files:
        raise _too_many_files(str(len(uploads)), max_files)
    mode = _mode(_form_text(form, "mode"))
    doc_id = _form_text(form, "doc_id")
    jobs, archived = [], False
    for upload in uploads:
        data, filename = await upload.read(), upload_name(upload.filename)
        await upload.close()
        members = await anyio.to_thread.run_sync(_archive_jobs, data, filename, mode, settings)
        archived = archived or members is not None
        jobs.extend(members if members is not None else
                    [Job(doc_id=doc_id if len(uploads) == 1 else None, mode=mode, data=data, filename=filename)])
    if archived and len(jobs) > settings.max_batch:
        raise BatchTooLargeError(f"{len(jobs)} documents (an archive's members) exceed the batch limit of "
                                 f"{settings.max_batch} (JIXIAO_MAX_BATCH)")
    return jobs, archived


def upload_name(name: str | None) -> str | None:
    """A multipart file name as the CLI carries one: Starlette decodes it as UTF-8, falling back to Latin-1 for
    other bytes (a GBK name reads as ÏîÄ¿…); those bytes become ``\\xNN`` escapes instead."""
    if not name:
        return None
    try:
        raw = name.encode("latin-1")
    except UnicodeEncodeError:
        return name  # decoded as UTF-8 already
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")
    return name


def _json_job(item: ExtractRequest) -> Job:
    return Job(doc_id=item.doc_id, mode=item.mode, text=item.text, source=item.source)


def _batch_jobs(batch: BatchRequest, max_batch: int) -> list[Job]:
    if len(batch.documents) > max_batch:
        raise BatchTooLargeError(f"{len(batch.documents)} documents exceed the batch limit of {max_batch} (JIXIAO_MAX_BATCH)")
    return [_json_job(item) for item in batch.documents]


async def read_documents(request: Request, max_batch: int) -> tuple[list[Job], bool]:
    """The documents of a request that may be one (JSON ``{text}``, multipart ``file``) or several (JSON
    ``{documents}``, multipart ``files``, an archive's members), and whether it was several (a batch)."""
    if _content_kind(request) == "multipart":
        form = await _read_form(request, max_batch)
        several = "files" in form
        jobs, archived = await _form_jobs(form, "files" if several else "file", max_batch if several else 1,
                                          request.app.state.settings)
        return jobs, several or archived
    body = (await request.body()).removeprefix(b"\xef\xbb\xbf")
    try:  # a peek only: _read_json parses again and words any error
        data = json.loads(body)
        several = isinstance(data, dict) and "documents" in data
    except ValueError:
        several = False
    if several:
        return _batch_jobs(await _read_json(request, BatchRequest), max_batch), True
    return [_json_job(await _read_json(request, ExtractRequest))], False


def document_id(job: Job) -> str | None:
    """The doc_id a document's result names before (or without) its record: the given one, else the file's stem."""
    return job.doc_id or (job.filename and job.filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]) or None


async def extract_item(request_state, index: int, job: Job, extractor, *, deadline: float, instance: str,
                       limit: Limit = REQUEST_LIMIT) -> BatchItem:
    """One document of a batch or a job: its record, or its problem; never raises but for cancellation."""
    settings, metrics = request_state.settings, request_state.metrics
    try:
        record = await request_state.workers.run(run_job, job, extractor, settings, metrics, deadline=deadline, limit=limit)
        return BatchItem(index=index, doc_id=record.doc_id, ok=True, record=record)
    except JixiaoError as exc:
        error = exc
    except Exception:
        log.exception("extraction failed", extra={"index": index, "doc_id": document_id(job)})
        error = InternalError("internal error while extracting this document; the request id identifies it in the logs")
    metrics.errors.labels(code=error.code).inc()
    return BatchItem(index=index, doc_id=document_id(job), ok=False, error=problem_for(error, instance))


def _request_body(json_schema: str, file_field: str, file_help: str) -> dict:
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{json_schema}"}},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": [file_field],
                        "properties": {
                            file_field: ({"type": "string", "format": "binary", "description": file_help}
                                         if file_field == "file" else
                                         {"type": "array", "items": {"type": "string", "format": "binary"}, "description": file_help}),
                            "doc_id": {"type": "string", "description": "record doc_id (default: the file name's stem)"},
                            "mode": {"type": "string", "enum": list(get_args(Mode)), "default": "combined"},
                        },
                    },
                    "encoding": {file_field: {"contentType": "application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/plain, image/png, image/jpeg, image/tiff, image/heic, image/webp, image/bmp, image/gif"}},
                },
            },
        }
    }


EXAMPLE_RECORD = {
    "doc_id": "fenyang-2024",
    "source": "upload",
    "projects": [{
        "name": "2024年城乡居民养老代办员补助",
        "code": None,
        "department": "汾阳市人力资源和社会保障局",
        "implementer": "汾阳市社会保险中心",
        "funds": {"initial_budget": None, "annual_budget": None, "executed": None, "execution_rate": None},
        "score": None, "grade": None,
        "indicators": [{
            "level1": "产出指标", "level2": "数量指标", "name": "村数", "target": "=308人", "actual": "=308人",
            "weight": 20.0, "score": 20.0,
            "canonical": {"id": "", "name": "", "score": 50.0, "method": "unmatched"},
            "provenance": {"name": {"start": 131, "end": 133, "page": 1, "table": 0, "row": 4, "col": 2,
                                    "bbox": [212.4, 301.5, 268.8, 322.0], "source": "table"}},
        }],
    }],
}

_EXTRACT_ERRORS = problem_examples(
    BadJsonError("the body is not valid JSON: Invalid JSON: EOF while parsing an object at line 1 column 9"),
    ValidationFailedError("the request does not match the schema: text: Field required"),
    InputTooLargeError("21474836 bytes exceeds the limit of 20971520"),
    ZipBombError("the XML parts inflate to 57000877 bytes, over the limit of 16777216", limit="max_zip_xml_bytes", source="a.docx"),
    ImageTooLargeError("the image is 13000x13000 = 169000000 pixels, over the limit of 40000000", limit="max_image_pixels", source="scan.png"),
    EncryptedInputError("the PDF is password-protected; remove the password and retry", source="locked.pdf"),
    UnsupportedFormatError("a ZIP archive that is neither DOCX nor XLSX; supported: text (UTF-8/GB18030), PDF, DOCX, XLSX, PNG/JPEG images", source="a.zip"),
    BinaryInputError("binary data, not text (NUL or control bytes); supported: text, PDF, DOCX, XLSX, images", source="a.bin"),
    UnreadableFileError("not a readable PDF (PSEOF: Unexpected EOF)", source="broken.pdf"),
    NotReadyError("the extractor is not loaded yet; retry when /readyz answers 200"),
    TimeoutProblem("extraction took longer than the per-request limit of 60 s (JIXIAO_REQUEST_TIMEOUT_S)"),
)


@router.post(
    "/v1/extract",
    response_model=DocumentRecord,
    summary="Extract the record of one document",
    description=(
        "Send the document either as JSON `{text, doc_id?, source?, mode?}` or as a multipart upload in field "
        "`file` (text in UTF-8/GB18030, PDF, DOCX, XLSX; images when the OCR extra is installed). "
        "The answer is the record of `records.md` with provenance (offsets into the ingested text; page, table, row, "
        "column and box of the cell for PDF, DOCX, XLSX and images) and canonical mappings. "
        "An archive uploaded as `file` (ZIP, tar.gz, 7z; up to JIXIAO_MAX_BATCH members) answers as "
        "`/v1/extract/batch` does: one result or one problem per member, `doc_id` from the member's path."
    ),
    responses={200: {"content": {"application/json": {"example": EXAMPLE_RECORD}}}, **_EXTRACT_ERRORS},
    openapi_extra=_request_body("ExtractRequest", "file", "the document file"),
)
async def extract(request: Request) -> DocumentRecord:
    settings = request.app.state.settings
    deadline = anyio.current_time() + settings.request_timeout_s
    extractor = ready_extractor(request)
    if _content_kind(request) == "multipart":
        jobs, archived = await _upload_jobs(request, "file", 1, settings)
        if archived:  # an archive's members: answered as /v1/extract/batch answers
            batch = await _answer_batch(request, jobs, extractor, deadline)
            return JSONResponse(batch.model_dump(mode="json"))
        job = jobs[0]
    else:
        job = _json_job(await _read_json(request, ExtractRequest))
    return await request.app.state.workers.run(run_job, job, extractor, settings, request.app.state.metrics, deadline=deadline)


BATCH_EXAMPLE = {
    "results": [
        {"index": 0, "doc_id": "a", "ok": True, "record": EXAMPLE_RECORD},
        {"index": 1, "doc_id": "b", "ok": False, "error": {
            "type": "https://jixiao.dev/problems/input.empty", "title": "Bad Request", "status": 400,
            "detail": "the text is empty or only whitespace", "code": "input.empty"}},
    ],
    "succeeded": 1,
    "failed": 1,
}


@router.post(
    "/v1/extract/batch",
    response_model=BatchResponse,
    summary="Extract several documents in one call",
    description=(
        "Up to JIXIAO_MAX_BATCH documents, as JSON `{documents: [...]}` or as multipart files in field `files` (an "
        "archive among them counts as its members). "
        "The answer holds one result or one problem per document, in request order; a bad document does not fail the others. "
        "The per-request time limit covers the whole batch: documents it does not reach get a `request.timeout` problem."
    ),
    responses={200: {"content": {"application/json": {"example": BATCH_EXAMPLE}}},
               **problem_examples(ValidationFailedError("the request does not match the schema: documents: Field required"),
                                  BatchTooLargeError("40 documents exceed the batch limit of 32 (JIXIAO_MAX_BATCH)"),
                                  UnsupportedMediaTypeError("Content-Type 'text/plain' is not accepted: send application/json or multipart/form-data"),
                                  NotReadyError("the extractor is not loaded yet; retry when /readyz answers 200"))},
    openapi_extra=_request_body("BatchRequest", "files", "the document files"),
)
async def extract_batch(request: Request) -> BatchResponse:
    settings = request.app.state.settings
    deadline = anyio.current_time() + settings.request_timeout_s
    extractor = ready_extractor(request)
    if _content_kind(request) == "multipart":
        jobs, _ = await _upload_jobs(request, "files", settings.max_batch, settings)
    else:
        jobs = _batch_jobs(await _read_json(request, BatchRequest), settings.max_batch)
    return await _answer_batch(request, jobs, extractor, deadline)


async def _answer_batch(request: Request, jobs: list[Job], extractor, deadline: float) -> BatchResponse:
    results = [await extract_item(request.app.state, index, job, extractor, deadline=deadline, instance=request.url.path)
               for index, job in enumerate(jobs)]
    failed = sum(1 for r in results if not r.ok)
    return BatchResponse(results=results, succeeded=len(results) - failed, failed=failed)
