"""``jixiao serve``: the HTTP API under uvicorn."""

from __future__ import annotations

import typer

from jixiao.cli_errors import typed_errors


@typed_errors
def serve(
    host: str = typer.Option("127.0.0.1", help="interface to bind; 0.0.0.0 to accept remote clients"),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port"),
    workers: int = typer.Option(1, min=1, help="worker processes (each loads the model; /metrics sums over them)"),
    log_level: str = typer.Option(None, help="debug | info | warning | error (default JIXIAO_LOG_LEVEL or info)"),
) -> None:
    """Serve the HTTP API (limits, auth tokens and model come from JIXIAO_* variables). Docs at /docs."""
    import os
    import shutil
    import tempfile

    import uvicorn

    from jixiao.config import get_settings
    from jixiao.service.logs import configure_logging
    from jixiao.service.metrics import MULTIPROC_ENV

    metrics_dir = None
    if workers > 1 and not os.environ.get(MULTIPROC_ENV):
        # one /metrics for all workers: each writes its values under this folder, any of them sums them
        metrics_dir = os.environ[MULTIPROC_ENV] = tempfile.mkdtemp(prefix="jixiao-metrics-")
    if log_level:
        # Worker processes read settings from the environment, so the override travels through it.
        os.environ["JIXIAO_LOG_LEVEL"] = log_level
        get_settings.cache_clear()
    level = get_settings().log_level
    configure_logging(level)
    # Fail before binding the port, with one typed line, when the checkpoint cannot load; loading
    # is cheap (well under a second), and a server that would die in its startup hook helps nobody.
    from jixiao.pipelines.extract import Extractor

    Extractor.from_settings(get_settings())
    try:
        uvicorn.run(
            "jixiao.service.app:serve_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_config=None,
            access_log=False,
            log_level=level.lower(),
            timeout_graceful_shutdown=10,
        )
    finally:
        if metrics_dir:
            shutil.rmtree(metrics_dir, ignore_errors=True)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
