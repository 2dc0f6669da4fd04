"""Operations: liveness, readiness and Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

import jixiao
from jixiao.service.problems import NotReadyError, error_response, problem_examples
from jixiao.service.schemas import Health

router = APIRouter(tags=["operations"])


@router.get(
    "/healthz",
    response_model=Health,
    summary="Liveness: the process answers",
    description="Never needs a token and never waits for extraction work.",
    responses={200: {"content": {"application/json": {"example": {"status": "ok", "version": jixiao.__version__, "details": {}}}}}},
)
async def healthz() -> Health:
    return Health(status="ok", version=jixiao.__version__)


@router.get(
    "/readyz",
    response_model=Health,
    summary="Readiness: the model and the taxonomy are loaded",
    description="503 (problem `service.not_ready`) until the extractor and the mapper are loaded. Never needs a token.",
    responses={
        200: {"content": {"application/json": {"example": {"status": "ready", "version": jixiao.__version__,
                                                           "details": {"extractor": "Extractor", "taxonomy": "2024.1"}}}}},
        **problem_examples(NotReadyError("not ready: extractor not loaded")),
    },
)
async def readyz(request: Request):
    state = request.app.state
    extractor = getattr(state, "extractor", None)
    mapper = getattr(state, "mapper", None)
    missing = [name for name, ok in (("extractor", extractor is not None and getattr(extractor, "ready", True)),
                                     ("taxonomy", mapper is not None)) if not ok]
    if missing:
        return error_response(NotReadyError(f"not ready: {', '.join(missing)} not loaded"), request)
    details = {"extractor": type(extractor).__name__,
               "taxonomy": getattr(getattr(mapper, "taxonomy", None), "version", None),
               "worker_threads": state.settings.workers_threads}
    return JSONResponse(Health(status="ready", version=jixiao.__version__, details=details).model_dump())


@router.get(
    "/metrics",
    summary="Prometheus metrics (text exposition format)",
    description="Requests, latency histogram, documents by format and outcome, errors by problem code. "
                "Needs the bearer token when auth is on. With several worker processes the values are summed over them.",
    response_class=Response,
    responses={200: {"content": {"text/plain": {"example": (
        "# HELP jixiao_http_requests_total HTTP requests by route template, method and status.\n"
        "# TYPE jixiao_http_requests_total counter\n"
        'jixiao_http_requests_total{method="POST",route="/v1/extract",status="200"} 42.0\n')}}}},
)
async def metrics(request: Request) -> Response:
    m = request.app.state.metrics
    return Response(m.render(), media_type=m.content_type)
