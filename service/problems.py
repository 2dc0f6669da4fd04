"""RFC 9457 problem details: every error response, with a stable ``type`` built from an error code.

Input errors reuse ``jixiao.errors`` codes (``input.too_large`` …); the HTTP layer adds its own
typed errors below. Nothing a client sends ends in a 500: unexpected failures are ``server.error``.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from jixiao.errors import JixiaoError
from jixiao.service.logs import request_id_var

PROBLEM_BASE = "https://jixiao.dev/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"

log = logging.getLogger("jixiao.service")


class Problem(BaseModel):
    """application/problem+json (RFC 9457), with the jixiao error code and the request id as extensions."""

    type: str = Field(description="stable URI of the problem type: https://jixiao.dev/problems/<code>")
    title: str = Field(description="short summary of the problem type")
    status: int
    detail: str = Field(description="what went wrong with this request")
    instance: str | None = Field(default=None, description="the request path")
    code: str = Field(description="the stable error code (jixiao.errors), also the last segment of type")
    request_id: str | None = None
    errors: list[dict] | None = Field(default=None, description="validation errors (422), one per field")


class ServiceError(JixiaoError):
    """An error of the HTTP layer; ``code`` and ``http_status`` are stable like those of jixiao.errors."""

    code = "request.invalid"
    http_status = 400
    headers: dict[str, str] | None = None


class BadJsonError(ServiceError):
    code = "request.bad_json"


class BodyTooLargeError(ServiceError):
    code = "request.too_large"
    http_status = 413


class BatchTooLargeError(ServiceError):
    code = "request.batch_too_large"
    http_status = 413


class UnsupportedMediaTypeError(ServiceError):
    code = "request.unsupported_media_type"
    http_status = 415


class ValidationFailedError(ServiceError):
    code = "request.validation"
    http_status = 422

    def __init__(self, message: str, errors: list[dict] | None = None):
        super().__init__(message)
        self.errors = errors


class UnauthorizedError(ServiceError):
    code = "auth.unauthorized"
    http_status = 401
    headers = {"WWW-Authenticate": 'Bearer realm="jixiao"'}


class NotReadyError(ServiceError):
    code = "service.not_ready"
    http_status = 503


class TimeoutProblem(ServiceError):
    code = "request.timeout"
    http_status = 504


class JobNotFoundError(ServiceError):
    code = "job.not_found"
    http_status = 404


class JobNotDoneError(ServiceError):
    code = "job.not_done"
    http_status = 409

    def __init__(self, message: str, retry_after_s: int):
        super().__init__(message)
        self.headers = {"Retry-After": str(retry_after_s)}


class JobExpiredError(ServiceError):
    code = "job.expired"
    http_status = 410


class JobQueueFullError(ServiceError):
    code = "job.queue_full"
    http_status = 429

    def __init__(self, message: str, retry_after_s: int):
        super().__init__(message)
        self.headers = {"Retry-After": str(retry_after_s)}


class JobCancelledError(ServiceError):
    """A document of a job deleted before it finished: the problem in its place of the result."""

    code = "job.cancelled"
    http_status = 409


class IdempotencyConflictError(ServiceError):
    """An ``Idempotency-Key`` sent again with other documents than its job's."""

    code = "job.idempotency_conflict"
    http_status = 409


class JobStoreError(ServiceError):
    """The durable job store (JIXIAO_JOBS_DIR) could not take the job: a full disk, a folder gone."""

    code = "job.store_unavailable"
    http_status = 503


class InternalError(ServiceError):
    code = "server.error"
    http_status = 500


_HTTP_CODES = {404: "request.not_found", 405: "request.method_not_allowed", 413: "request.too_large",
               415: "request.unsupported_media_type", 401: "auth.unauthorized"}


def problem_for(exc: JixiaoError, instance: str | None = None) -> Problem:
    status = exc.http_status
    return Problem(
        type=PROBLEM_BASE + exc.code,
        title=HTTPStatus(status).phrase,
        status=status,
        detail=str(exc),
        instance=instance,
        code=exc.code,
        request_id=request_id_var.get(),
        errors=getattr(exc, "errors", None),
    )


def problem_response(problem: Problem, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        problem.model_dump(exclude_none=True), status_code=problem.status,
        media_type=PROBLEM_MEDIA_TYPE, headers=headers,
    )


PROBLEM_SCOPE_KEY = "jixiao.problem_code"


def error_response(exc: JixiaoError, request: Request | None = None, *, scope: dict | None = None) -> JSONResponse:
    """The problem response for ``exc``; its code is noted in the ASGI scope for the error metrics."""
    scope = scope if scope is not None else (request.scope if request is not None else None)
    instance = scope.get("path") if scope is not None else None
    if scope is not None:
        scope[PROBLEM_SCOPE_KEY] = exc.code
    return problem_response(problem_for(exc, instance), headers=getattr(exc, "headers", None))


def _validation_errors(exc: RequestValidationError) -> list[dict]:
    return [
        {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors()
    ]


def validation_error(errors: list[dict]) -> JixiaoError:
    """400 when the body is not JSON at all, 422 when it is JSON of the wrong shape."""
    if any(e.get("type") == "json_invalid" for e in errors):
        where = next(e for e in errors if e.get("type") == "json_invalid")
        return BadJsonError(f"the body is not valid JSON: {where.get('msg') or 'decode error'}")
    fields = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in errors[:5])
    return ValidationFailedError(f"the request does not match the schema: {fields}", errors)


def install_handlers(app: FastAPI) -> None:
    async def on_jixiao_error(request: Request, exc: JixiaoError):
        return error_response(exc, request)

    async def on_validation(request: Request, exc: RequestValidationError):
        return error_response(validation_error(_validation_errors(exc)), request)

    async def on_http(request: Request, exc: StarletteHTTPException):
        error = ServiceError(str(exc.detail))
        error.http_status = exc.status_code
        error.code = _HTTP_CODES.get(exc.status_code, "request.invalid" if exc.status_code < 500 else "server.error")
        error.headers = dict(exc.headers) if exc.headers else None
        return error_response(error, request)

    app.add_exception_handler(JixiaoError, on_jixiao_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)


def problem_examples(*errors: JixiaoError) -> dict:
    """OpenAPI ``responses`` entries, one per status, with an example problem for each error."""
    by_status: dict[int, dict] = {}
    for error in errors:
        problem = problem_for(error, "/v1/extract").model_copy(update={"request_id": "3f2b6c1e9a7d4e58"})
        entry = by_status.setdefault(error.http_status, {
            "model": Problem,
            "description": HTTPStatus(error.http_status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {"examples": {}}},
        })
        entry["content"][PROBLEM_MEDIA_TYPE]["examples"][error.code] = {
            "summary": error.message, "value": problem.model_dump(exclude_none=True),
        }
    return by_status
