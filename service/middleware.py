"""ASGI middleware: request id + access log + metrics + last-resort 500, body limit, bearer auth.

Plain ASGI (not BaseHTTPMiddleware) so that bodies stream through untouched: the body limit
counts bytes as they arrive and never buffers them.
"""

from __future__ import annotations

import hmac
import logging
import re
import time
import uuid

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jixiao.service.logs import request_id_var
from jixiao.service.metrics import Metrics
from jixiao.service.problems import (
    PROBLEM_SCOPE_KEY,
    BodyTooLargeError,
    InternalError,
    ServiceError,
    UnauthorizedError,
    error_response,
)

log = logging.getLogger("jixiao.service.access")
_CLIENT_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
PUBLIC_PATHS = frozenset({"/healthz", "/readyz"})


# Metric labels come from fixed sets, whatever a client sends: a label per raw method or path would let
# anyone (authenticated or not) create series until /metrics is megabytes (issue 21).
METHOD_LABELS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
UNAUTHENTICATED_ROUTE = "unauthenticated"


def method_label(method: str) -> str:
    return method if method in METHOD_LABELS else "other"


def _route_label(scope: Scope) -> str:
    """The route template (one per route the app defines), ``unauthenticated`` for a request the bearer check
    refused before routing, else ``unmatched``."""
    if scope.get(PROBLEM_SCOPE_KEY) == UnauthorizedError.code and scope.get("route") is None:
        return UNAUTHENTICATED_ROUTE
    route = scope.get("route")
    return getattr(route, "path", None) or "unmatched"


class RequestContextMiddleware:
    """Outermost layer: X-Request-ID in and out, JSON access log, request metrics, no bare 500s."""

    def __init__(self, app: ASGIApp, metrics: Metrics):
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = Headers(scope=scope).get("x-request-id", "")
        request_id = given if _CLIENT_ID.match(given) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        status = 500
        started = False
        begin = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                started = True
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"]
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        self.metrics.in_flight.inc()
        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception("unhandled error", extra={"path": scope.get("path")})
            if not started:
                response = error_response(InternalError("internal error; the request id identifies it in the logs"), scope=scope)
                await response(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - begin
            route = _route_label(scope)
            method = method_label(scope.get("method", ""))
            self.metrics.in_flight.dec()
            if scope.get(PROBLEM_SCOPE_KEY):
                self.metrics.errors.labels(code=scope[PROBLEM_SCOPE_KEY]).inc()
            self.metrics.requests.labels(method=method, route=route, status=str(status)).inc()
            self.metrics.latency.labels(method=method, route=route).observe(elapsed)
            log.info(
                "request",
                extra={"method": scope.get("method", "")[:32], "path": scope.get("path"), "route": route, "status": status,
                       "duration_ms": round(elapsed * 1000, 2)},
            )
            request_id_var.reset(token)


async def _send_problem(error: ServiceError, scope: Scope, receive: Receive, send: Send) -> None:
    await error_response(error, scope=scope)(scope, receive, send)


class BodyLimitMiddleware:
    """413 for a body over ``limit``: refused on Content-Length, else counted while it streams in."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None:
            if not declared.isdigit():
                await _send_problem(ServiceError(f"invalid Content-Length {declared!r}"), scope, receive, send)
                return
            if int(declared) > self.limit:
                await _send_problem(self._error(int(declared)), scope, receive, send)
                return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _BodyOverLimit(self._error(None).message)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _BodyOverLimit:
            if started:
                raise
            await _send_problem(self._error(None), scope, receive, send)

    def _error(self, size: int | None) -> BodyTooLargeError:
        what = f"{size} bytes" if size is not None else "the streamed body"
        return BodyTooLargeError(f"request body too large: {what} exceeds the limit of {self.limit} bytes (JIXIAO_MAX_BODY_BYTES)")


class _BodyOverLimit(StarletteHTTPException):
    """Raised inside ``receive``. An HTTPException so that FastAPI's body parsing re-raises it
    (it turns any other exception into a 400) and the problem handler answers 413."""

    def __init__(self, detail: str):
        super().__init__(status_code=413, detail=detail)


class BearerAuthMiddleware:
    """When tokens are configured, every path but the health checks needs ``Authorization: Bearer <token>``."""

    def __init__(self, app: ASGIApp, tokens: list[str]):
        self.app = app
        self.tokens = [t.encode() for t in tokens if t]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.tokens or scope.get("path") in PUBLIC_PATHS:
            await self.app(scope, receive, send)
            return
        header = Headers(scope=scope).get("authorization", "")
        scheme, _, token = header.partition(" ")
        given = token.strip().encode()
        # compare_digest against every token: no early exit that would time which one matched
        ok = scheme.lower() == "bearer" and given and sum(hmac.compare_digest(given, t) for t in self.tokens) > 0
        if not ok:
            reason = "missing bearer token" if not header else "invalid bearer token"
            await _send_problem(UnauthorizedError(f"{reason}: send 'Authorization: Bearer <token>'"), scope, receive, send)
            return
        await self.app(scope, receive, send)
