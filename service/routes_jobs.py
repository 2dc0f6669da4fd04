"""``/v1/jobs``: asynchronous extraction for documents the per-request limit cannot read (long scans).

Submit (202 + ``Location``), poll the status, fetch the result, delete. The store is ``service/jobs.py``.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from jixiao.record import DocumentRecord
from jixiao.service.jobs import POLL_AFTER_S, JobEntry, RunDocument
from jixiao.service.problems import (
    BatchTooLargeError,
    JobExpiredError,
    JobNotDoneError,
    JobNotFoundError,
    JobQueueFullError,
    NotReadyError,
    TimeoutProblem,
    UnsupportedMediaTypeError,
    ValidationFailedError,
    problem_examples,
    problem_response,
)
from jixiao.service.routes_extract import BATCH_EXAMPLE, EXAMPLE_RECORD, extract_item, read_documents, ready_extractor
from jixiao.service.schemas import BatchResponse, JobStatus
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
_LOOKUP_ERRORS = (
    JobNotFoundError(f"no job '{_ID}': never submitted, or deleted. Jobs live in the memory of the process that took them"),
    JobExpiredError(f"job {_ID} finished more than JIXIAO_JOB_TTL_S (900 s) ago; its result was dropped"),
)


def _runner(state, extractor) -> RunDocument:
    async def run(job_id: str, index: int, document, deadline: float):
        return await extract_item(state, index, document, extractor, deadline=deadline, instance=f"/v1/jobs/{job_id}",
                                  limit=JOB_LIMIT)
    return run


def _status_response(store, entry: JobEntry, status_code: int = 200, location: bool = False) -> JSONResponse:
    headers = {} if entry.is_finished else {"Retry-After": str(POLL_AFTER_S)}
    if location:
        headers["Location"] = f"/v1/jobs/{entry.id}"
    return JSONResponse(store.describe(entry).model_dump(mode="json"), status_code=status_code, headers=headers)


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
        "`job.queue_full` with `Retry-After`. Jobs live in this process's memory: a restart loses them."
    ),
    responses={202: {"content": {"application/json": {"examples": {"queued": _STATUS_EXAMPLES["queued"]}}},
                     "headers": {"Location": {"description": "the job's status URL", "schema": {"type": "string"}}}},
               **problem_examples(
                   ValidationFailedError("the request does not match the schema: text: Field required"),
                   BatchTooLargeError("40 documents exceed the batch limit of 32 (JIXIAO_MAX_BATCH)"),
                   UnsupportedMediaTypeError("Content-Type 'text/plain' is not accepted: send application/json or multipart/form-data"),
                   JobQueueFullError("32 jobs are queued, running or waiting to be read, the limit (JIXIAO_MAX_JOBS); "
                                     "retry later, and DELETE the jobs whose results you have", 60),
                   NotReadyError("the extractor is not loaded yet; retry when /readyz answers 200"))},
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
async def submit_job(request: Request) -> JSONResponse:
    state = request.app.state
    extractor = ready_extractor(request)
    state.jobs.check_room()  # before an upload is read
    documents, batch = await read_documents(request, state.settings.max_batch)
    entry = state.jobs.submit(documents, batch, _runner(state, extractor))
    return _status_response(state.jobs, entry, status_code=202, location=True)


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
    entry.read = True
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
    description="204; afterwards the job answers 404 `job.not_found`. A document already in a worker stops at its "
                "next deadline check (a worker process finishes it first).",
    responses=problem_examples(*_LOOKUP_ERRORS),
)
async def delete_job(job_id: str, request: Request) -> Response:
    request.app.state.jobs.cancel(job_id)
    return Response(status_code=204)

