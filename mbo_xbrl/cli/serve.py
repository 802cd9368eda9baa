"""`mbo-xbrl serve`: the pre-check web page (and, with a token, the store overview)."""

from __future__ import annotations

import os

import click

from mbo_xbrl.cli.ingest import store_option
from mbo_xbrl.cli.options import limit_options, limits_from


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 32),
              help="Checks at a time (worker processes); more uploads at once are asked to try again.")
@limit_options
@store_option
def serve(host: str, port: int, workers: int, max_size: int | None, timeout: float | None, max_memory: int | None,
          store: str | None) -> None:
    """Serve the pre-check page: upload a filing, see whether OCW would accept it and what to fix.

    POST /api/check (multipart field `file`) returns the JSON of `mbo-xbrl check --format json`.
    With MBO_XBRL_WEB_TOKEN set, /overview?token=... shows the store: institutions x years.
    Uploads are held in memory, checked in a worker process within the limits per file (time,
    memory, size: docs/operations.md), and never kept.

    \b
    Example:
        mbo-xbrl serve --port 8000
        curl -F file=@filing.xbrl http://127.0.0.1:8000/api/check
    """
    import logging

    from waitress import serve as waitress_serve

    from mbo_xbrl.web.app import create_app
    from mbo_xbrl.web.pool import CheckPool

    limits = limits_from(max_size=max_size, timeout=timeout, max_memory=max_memory)
    max_bytes = limits.max_bytes
    pool = CheckPool(workers=workers, limits=limits)
    app = create_app(pool, store_url=store, token=os.environ.get("MBO_XBRL_WEB_TOKEN") or None, max_bytes=max_bytes)
    # one line per request on stderr (mbo_xbrl.web.access), and our own faults with their traceback
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    web_log = logging.getLogger("mbo_xbrl.web")
    web_log.addHandler(handler)
    web_log.setLevel(logging.INFO)
    web_log.propagate = False
    click.echo(f"mbo-xbrl serving on http://{host}:{port}/ (Ctrl+C stops)", err=True)
    try:
        # threads > workers: pages, health checks and "busy" answers never wait behind a check. Flask
        # answers an upload over the limit with a clear message; waitress cuts off anything far larger.
        # Waitress holds large bodies in an anonymous temporary file, unlinked at once: nothing is kept.
        waitress_serve(app, host=host, port=port, threads=max(8, workers * 4), ident="mbo-xbrl",
                       max_request_body_size=4 * max_bytes + 1024 * 1024, _quiet=True)
    finally:
        pool.close()
