"""The FastAPI application: ``create_app(settings=None, extractor=None)``.

The extractor (model and taxonomy) loads once, in the lifespan; tests inject their own.
Layers, outermost first: request context (id, access log, metrics, last-resort 500) ->
bearer auth -> body limit -> FastAPI (problem handlers, routes).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from contextlib import asynccontextmanager
from datetime import datetime

import anyio
import anyio.to_thread
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

import jixiao
from jixiao.config import Settings, get_settings
from jixiao.service.jobs import JobStore, utc_now
from jixiao.service.metrics import Metrics
from jixiao.service.middleware import BearerAuthMiddleware, BodyLimitMiddleware, PUBLIC_PATHS, RequestContextMiddleware
from jixiao.service.problems import Problem, install_handlers
from jixiao.service.workers import ProcessWorkers, Workers

log = logging.getLogger("jixiao.service")

DESCRIPTION = """Extraction of project performance records (项目支出绩效自评表) from Chinese government
budget documents. Errors are RFC 9457 problem details (`application/problem+json`) whose `type` is
`https://jixiao.dev/problems/<code>`. Every response carries `X-Request-ID` (the client's, when sent).
Documents longer than the per-request limit allows (scanned PDFs are OCR'd page by page) go through `/v1/jobs`:
submit, poll, fetch the result."""


def _load_extractor(settings: Settings):
    from jixiao.pipelines.extract import Extractor

    return Extractor.from_settings(settings)


def _load_mapper(extractor):
    mapper = getattr(extractor, "mapper", None)
    if mapper is not None:
        return mapper
    from jixiao.pipelines.map import Mapper

    return Mapper.from_taxonomy()


def create_app(settings: Settings | None = None, extractor=None, mapper=None, *, worker_factory: str | None = None,
               clock: Callable[[], datetime] | None = None) -> FastAPI:
    """``worker_factory``: "module:callable" that builds the extractor inside each worker process (tests);
    ``clock``: the time of the job store (tests expire jobs with it)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # An injected extractor (tests, embedding) runs in threads of this process; one loaded from the settings
        # runs in worker processes, killed at their deadline, unless JIXIAO_WORKER_ISOLATION=thread.
        isolated = extractor is None and settings.worker_isolation == "process"
        if isolated:
            app.state.workers = await anyio.to_thread.run_sync(lambda: ProcessWorkers(
                settings, settings.workers_threads, load_tagger=settings.use_tagger, factory=worker_factory))
        else:
            app.state.workers = Workers(settings.workers_threads)
        loaded = extractor
        if loaded is None:
            log.info("loading extractor")
            loaded = await anyio.to_thread.run_sync(_load_extractor, settings)
        app.state.mapper = mapper if mapper is not None else await anyio.to_thread.run_sync(_load_mapper, loaded)
        app.state.extractor = loaded
        log.info("ready", extra={"extractor": type(loaded).__name__, "workers": settings.workers_threads,
                                 "isolation": "process" if isolated else "thread"})
        # Jobs run in this task group, for the app's life. At shutdown they are cancelled and the worker processes
        # killed before the group is left: a job waiting on a worker process would otherwise hold shutdown up to
        # its deadline.
        # With JIXIAO_JOBS_DIR the store opens the folder shared by the host's server processes here; its watcher
        # (in the task group) takes over the jobs left unfinished by processes that are gone, the last run's too.
        from jixiao.service.routes_jobs import job_runner

        await app.state.jobs.open()
        try:
            async with anyio.create_task_group() as job_tasks:
                app.state.jobs.attach(job_tasks, slots=_job_slots(settings), run_document=job_runner(app.state))
                try:
                    yield
                finally:
                    job_tasks.cancel_scope.cancel()
                    if isolated:
                        app.state.workers.close()
        finally:
            app.state.jobs.close()  # after its tasks: a job stopped by the shutdown stays queued or running in it, and
            # its lease's lock released, a live process sharing the folder takes it over
        app.state.extractor = None
        app.state.mapper = None
        app.state.metrics.process_exited(os.getpid())

    app = FastAPI(
        title="jixiao",
        version=jixiao.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.metrics = Metrics()
    app.state.jobs = JobStore(settings, clock=clock or utc_now, metrics=app.state.metrics)
    app.state.extractor = None
    app.state.mapper = None
    install_handlers(app)

    from jixiao.service import routes_extract, routes_jobs, routes_mapper, routes_ops

    app.include_router(routes_ops.router)
    app.include_router(routes_extract.router)
    app.include_router(routes_jobs.router)
    app.include_router(routes_mapper.router)

    # add_middleware wraps: the last added is the outermost.
    app.add_middleware(BodyLimitMiddleware, limit=settings.max_body_bytes)
    app.add_middleware(BearerAuthMiddleware, tokens=settings.auth_tokens)
    app.add_middleware(RequestContextMiddleware, metrics=app.state.metrics)

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            components = schema.setdefault("components", {})
            components.setdefault("schemas", {})["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, model in _extra_schemas().items():
                components["schemas"].setdefault(name, model.model_json_schema(ref_template="#/components/schemas/{model}"))
            _hoist_defs(components["schemas"])
            for path, ops in schema.get("paths", {}).items():
                for op in ops.values():
                    for response in op.get("responses", {}).values():
                        for media, content in response.get("content", {}).items():
                            if media == "application/problem+json":
                                content["schema"] = {"$ref": "#/components/schemas/Problem"}
                    if settings.auth_tokens and path not in PUBLIC_PATHS:
                        op["security"] = [{"bearer": []}]
            if settings.auth_tokens:
                components["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi
    return app


def _job_slots(settings: Settings) -> int:
    """Jobs running at once: one worker is left to the synchronous routes, whose clients wait on the line
    (each job runs one document at a time, so it holds one worker); with one worker, they share it."""
    return max(1, settings.workers_threads - 1)


def _extra_schemas() -> dict:
    from jixiao.service.schemas import BatchRequest, ExtractRequest

    return {"ExtractRequest": ExtractRequest, "BatchRequest": BatchRequest}


def _hoist_defs(schemas: dict) -> None:
    """Move pydantic's nested ``$defs`` into components so every ``$ref`` resolves."""
    for name in list(schemas):
        defs = schemas[name].pop("$defs", None) or {}
        for def_name, def_schema in defs.items():
            schemas.setdefault(def_name, def_schema)


def serve_app() -> FastAPI:
    """Factory for ``uvicorn --factory`` in each worker process: JSON logs, settings from the environment."""
    from jixiao.service.logs import configure_logging

    configure_logging(get_settings().log_level)
    return create_app()
