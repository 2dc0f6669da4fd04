"""``/v1/jobs``: asynchronous extraction for documents the per-request limit cannot read (long scans).

Submit (202 + ``Location``; ``Idempotency-Key`` makes a retried submission safe), poll the status, fetch the result,
list, cancel or forget. The store is ``service/jobs.py`` (durable with ``JIXIAO_JOBS_DIR``: ``service/job_db.py``,
shared by the server processes of one host, so any of them answers for any job).
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from jixiao.record import DocumentRecord
from jixiao.service.job_db import fingerprint
from jixiao.service.jobs import POLL_AFTER_S, IdempotentReplay, JobEntry, RunDocument
from jixiao.service.problems import (
    BatchTooLargeError,
    IdempotencyConflictError,
    JobExpiredError,
    JobNotDoneError,
    JobNotFoundError,
    JobQueueFullError,
    JobStoreError,
    NotReadyError,
    TimeoutProblem,
    UnsupportedMediaTypeError,
    ValidationFailedError,
    problem_examples,
    problem_response,
)
from jixiao.service.routes_extract import BATCH_EXAMPLE, EXAMPLE_RECORD, extract_item, read_documents, ready_extractor
from jixiao.service.schemas import BatchResponse, JobList, JobState, JobStatus
from jixiao.service.workers import JOB_LIMIT

router = APIRouter(tags=["jobs"])

_ID = "9b1f0c5e2d7a4c3b8e6f1a2d3c4b5a69"
_STATUS_EXAMPLES = {
    "queued": {"summary": "waiting for a job slot", "value": {
        "id": _ID, "status": "queued", "batch": False, "created_at": "2025-03-01T08:00:00Z", "started_at": None,
        "finished_at": None, "expires_at": None, "progress": {"total": 1, "done": 0, "succeeded": 0, "failed": 0},
        "result": f"/v1/jobs/{_ID}/result"}},
    "done": {"summary": "a batch of three, finished", "value": {
        "id": _ID, "status": "done", "batch": True, "created_at": "2025-03-01T08:00:00Z",
        "started_at": "2025-03-01T08:00:01Z", "finished_at": "2025-03-01T08:02:41Z",
        "expires_at": "2025-03-01T08:17:41Z", "progress": {"total": 3, "done": 3, "succeeded": 2, "failed": 1},
        "result": f"/v1/jobs/{_ID}/result"}},
}
_STATUS_EXAMPLES["cancelled"] = {"summary": "deleted while it ran", "value": {
    **_STATUS_EXAMPLES["queued"]["value"], "status": "cancelled", "started_at": "2025-03-01T08:00:01Z",
    "finished_at": "2025-03-01T08:00:09Z", "expires_at": "2025-03-01T08:15:09Z",
    "progress": {"total": 1, "done": 1, "succeeded": 0, "failed": 1},
    "error": {"type": "https://jixiao.dev/problems/job.cancelled", "title": "Conflict", "status": 409,
              "detail": f"job {_ID} was cancelled (DELETE) before this document finished", "code": "job.cancelled"}}}
_LIST_EXAMPLE = {"jobs": [_STATUS_EXAMPLES["done"]["value"]], "next_cursor": "am9icy1iZWZvcmU6MTI"}
_LOOKUP_ERRORS = (
    JobNotFoundError(f"no job '{_ID}': never submitted, or deleted. The server processes sharing JIXIAO_JOBS_DIR hold "
                     "no such job"),
    JobExpiredError(f"job {_ID} finished more than JIXIAO_JOB_TTL_S (900 s) ago; its result was dropped"),
)


# An Idempotency-Key: printable ASCII (a UUID, a request hash), as long as Stripe's and the IETF draft's examples
IDEMPOTENCY_KEY_PATTERN = r"^[\x20-\x7e]{1,255}$"
# A page of GET /v1/jobs: the store holds at most JIXIAO_MAX_JOBS jobs, so a page of 100 is a cheap upper bound
MAX_PAGE = 100
_CURSOR_PREFIX = "jobs-before:"


def job_runner(state) -> RunDocument:
    """How a job's document runs: as one document of ``/v1/extract/batch``, under the job's limit (the extractor is
    looked up at each document: jobs read back at start-up run with the one the lifespan loaded)."""
    async def run(job_id: str, index: int, document, deadline: float):
        return await extract_item(state, index, document, state.extractor, deadline=deadline,
                                  instance=f"/v1/jobs/{job_id}", limit=JOB_LIMIT)
    return run


def _owner(request: Request) -> str:
    """Who submits: a digest of the bearer token when auth is on (tokens are not stored), else everyone alike.
    Listing and idempotency keys are per owner; a job's URL (an unguessable id) answers any authorized client."""
    if not request.app.state.settings.auth_tokens:
        return ""
    return hashlib.sha256(request.headers.get("authorization", "").encode()).hexdigest()[:32]


def _status_response(store, entry: JobEntry, status_code: int = 200, location: bool = False,
                     replayed: bool = False) -> JSONResponse:
    headers = {} if entry.is_finished else {"Retry-After": str(POLL_AFTER_S)}
    if location:
        headers["Location"] = f"/v1/jobs/{entry.id}"
    if replayed:
        headers["Idempotent-Replayed"] = "true"
    return JSONResponse(store.describe(entry).model_dump(mode="json"), status_code=status_code, headers=headers)


def _encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{seq}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if text.startswith(_CURSOR_PREFIX):
            return int(text.removeprefix(_CURSOR_PREFIX))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise ValidationFailedError("cursor is not one this API gave: pass next_cursor of the previous page as it is",
                                [{"loc": ["query", "cursor"], "msg": "invalid cursor", "type": "value_error"}])


_MULTIPART_HELP = "one document file (the result is its record) or, in field `files`, several (the batch response)"


@router.post(
    "/v1/jobs",
    status_code=202,
    response_model=JobStatus,
    summary="Submit an asynchronous extraction job",
    description=(
        "The inputs of `/v1/extract` (JSON `{text, ...}` or a multipart `file`) or of `/v1/extract/batch` (JSON "
        "`{documents: [...]}` or multipart `files`), for documents the per-request limit cannot read, such as a "
        "scanned PDF OCR'd page by page. Answers 202 at once with the job's status document and `Location: "
        "/v1/jobs/{id}`. The job's documents run one after another on the service's workers, under "
        "JIXIAO_JOB_TIMEOUT_S from the job's start: documents it does not finish get a `request.timeout` problem. "
        "At most JIXIAO_MAX_JOBS jobs are held (queued, running, or finished and not expired): beyond, 429 "
        "`job.queue_full` with `Retry-After`. With JIXIAO_JOBS_DIR jobs are stored on disk, shared by "
        "the server processes of the host (any of them answers for any job), and a restart resumes them; without it "
        "they live in this process's memory. `Idempotency-Key` makes a retried submission safe."
    ),
    responses={202: {"content": {"application/json": {"examples": {"queued": _STATUS_EXAMPLES["queued"]}}},
                     "headers": {"Location": {"description": "the job's status URL", "schema": {"type": "string"}}}},
               **problem_examples(
                   ValidationFailedError("the request does not match the schema: text: Field required"),
                   BatchTooLargeError("40 documents exceed the batch limit of 32 (JIXIAO_MAX_BATCH)"),
                   UnsupportedMediaTypeError("Content-Type 'text/plain' is not accepted: send application/json or multipart/form-data"),
                   JobQueueFullError("32 jobs are queued, running or waiting to be read, the limit (JIXIAO_MAX_JOBS); "
                                     "retry later, and DELETE the jobs whose results you have", 60),
                   IdempotencyConflictError("Idempotency-Key 'a1b2' was sent with other documents for job "
                                            f"{_ID}; use a new key for a new job"),
                   NotReadyError("the extractor is not loaded yet; retry when /readyz answers 200"),
                   JobStoreError("the job store (JIXIAO_JOBS_DIR) could not take the job: [Errno 28] No space left "
                                 "on device; retry later"))},
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/ExtractRequest"},
                                                  {"$ref": "#/components/schemas/BatchRequest"}]}},
        "multipart/form-data": {"schema": {"type": "object", "properties": {
            "file": {"type": "string", "format": "binary", "description": _MULTIPART_HELP},
            "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                      "description": "several document files, at most JIXIAO_MAX_BATCH"},
            "doc_id": {"type": "string", "description": "record doc_id of a single file (default: the file name's stem)"},
            "mode": {"type": "string", "enum": ["combined", "parser", "tagger"], "default": "combined"}}}}}}},
)
async def submit_job(
    request: Request,
    idempotency_key: str | None = Header(
        default=None, alias="Idempotency-Key", pattern=IDEMPOTENCY_KEY_PATTERN,
        description="a key of the client's choosing (a UUID) that makes a retry safe: the same key with the same "
                    "documents answers the job it first created (`Idempotent-Replayed: true`), with other documents 409 "
                    "`job.idempotency_conflict`. Remembered as long as its job is held"),
) -> JSONResponse:
    state = request.app.state
    store = state.jobs
    ready_extractor(request)
    owner = _owner(request)
    if idempotency_key is None or store.find_idempotent(owner, idempotency_key) is None:
        store.check_room()  # before an upload is read; a retry of a job held is answered even when the store is full
    documents, batch = await read_documents(request, state.settings.max_batch)
    digest = None
    if idempotency_key is not None:
        digest = fingerprint(documents, batch)
        earlier = store.find_idempotent(owner, idempotency_key)  # looked up again: the first may have come meanwhile
        if earlier is not None:
            return _replay(store, earlier, idempotency_key, digest)
    try:
        entry = await store.submit(documents, batch, owner=owner, idem_key=idempotency_key, idem_hash=digest)
    except IdempotentReplay as replay:  # another server process took the key while this one read the upload
        return _replay(store, replay.entry, idempotency_key, digest)
    return _status_response(store, entry, status_code=202, location=True)


def _replay(store, earlier: JobEntry, key: str, digest: str) -> JSONResponse:
    if earlier.idem_hash != digest:
        raise IdempotencyConflictError(f"Idempotency-Key {key!r} was sent with other documents for job {earlier.id}; "
                                       "use a new key for a new job")
    return _status_response(store, earlier, status_code=202, location=True, replayed=True)


@router.get(
    "/v1/jobs",
    response_model=JobList,
    summary="List jobs, newest first",
    description=f"The caller's jobs held (by this process; with JIXIAO_JOBS_DIR, by every process of the host) (queued, running, or finished and not expired), newest first, "
                f"`limit` a page (at most {MAX_PAGE}); `status` keeps one status; `next_cursor`, passed as `cursor`, "
                "gives the next page (null on the last).",
    responses={200: {"content": {"application/json": {"example": _LIST_EXAMPLE}}},
               **problem_examples(ValidationFailedError("cursor is not one this API gave: pass next_cursor of the "
                                                        "previous page as it is"))},
)
async def list_jobs(
    request: Request,
    status: JobState | None = Query(default=None, description="only jobs of this status"),
    limit: int = Query(default=20, ge=1, le=MAX_PAGE, description="jobs on a page"),
    cursor: str | None = Query(default=None, max_length=200, description="next_cursor of the previous page"),
) -> JobList:
    store = request.app.state.jobs
    before = _decode_cursor(cursor) if cursor is not None else None
    entries, more = store.page(_owner(request), status, limit, before)
    return JobList(jobs=[store.describe(e) for e in entries], next_cursor=_encode_cursor(more) if more is not None else None)


@router.get(
    "/v1/jobs/{job_id}",
    response_model=JobStatus,
    summary="The status of a job",
    description="queued, running, done or failed, with its times and its progress (documents done of total). "
                "While it is not finished the answer carries `Retry-After`, a polling interval.",
    responses={200: {"content": {"application/json": {"examples": _STATUS_EXAMPLES}}},
               **problem_examples(*_LOOKUP_ERRORS)},
)
async def job_status(job_id: str, request: Request) -> JSONResponse:
    store = request.app.state.jobs
    return _status_response(store, store.get(job_id))


@router.get(
    "/v1/jobs/{job_id}/result",
    response_model=DocumentRecord | BatchResponse,
    summary="The result of a finished job",
    description=(
        "A one-document job: its record (200) or, when it failed, its document's problem with that problem's status, "
        "as `/v1/extract` would have answered. A batch job: the response of `/v1/extract/batch` (one result or one "
        "problem per document, in order). 409 `job.not_done` (with `Retry-After`) while it runs; 410 `job.expired` "
        "after JIXIAO_JOB_TTL_S."
    ),
    responses={200: {"content": {"application/json": {"examples": {
        "document": {"summary": "a one-document job", "value": EXAMPLE_RECORD},
        "batch": {"summary": "a batch job", "value": BATCH_EXAMPLE}}}}},
        **problem_examples(*_LOOKUP_ERRORS, JobNotDoneError(f"job {_ID} is running: 1 of 3 documents done", POLL_AFTER_S),
                           TimeoutProblem("extraction took longer than the job limit of 900 s (JIXIAO_JOB_TIMEOUT_S)"))},
)
async def job_result(job_id: str, request: Request):
    store = request.app.state.jobs
    entry = store.get(job_id)
    if not entry.is_finished:
        progress = entry.progress()
        raise JobNotDoneError(f"job {job_id} is {entry.status}: {progress.done} of {progress.total} documents done",
                              POLL_AFTER_S)
    store.mark_read(entry)
    items = list(entry.results)
    if entry.batch:
        failed = sum(1 for item in items if not item.ok)
        return BatchResponse(results=items, succeeded=len(items) - failed, failed=failed)
    if items[0].ok:
        return items[0].record
    return problem_response(items[0].error)


@router.delete(
    "/v1/jobs/{job_id}",
    status_code=204,
    response_class=Response,
    summary="Cancel a job, or forget a finished one",
    description="A queued or running job is cancelled: 200 with its status document, `cancelled`; its document in a "
                "worker is stopped (a worker process is killed and replaced, a thread stops at its next check) and its "
                "worker freed: at once when this process runs the job, within JIXIAO_JOB_HEARTBEAT_S (1 s) when "
                "another process sharing JIXIAO_JOBS_DIR runs it (the cancellation is recorded in the store, and that "
                "process stops the job at its next heartbeat); the documents it had not finished get the problem `job.cancelled` in its result, which "
                "stays readable until JIXIAO_JOB_TTL_S. A finished job (done, failed, cancelled) is forgotten: 204, "
                "and afterwards 404 `job.not_found`.",
    responses={200: {"model": JobStatus, "description": "the job was cancelled",
                     "content": {"application/json": {"examples": {"cancelled": _STATUS_EXAMPLES["cancelled"]}}}},
               204: {"description": "the finished job was forgotten"},
               **problem_examples(*_LOOKUP_ERRORS)},
)
async def delete_job(job_id: str, request: Request) -> Response:
    store = request.app.state.jobs
    entry = store.cancel(job_id)
    if entry is None:
        return Response(status_code=204)
    return _status_response(store, entry)
