"""The pre-check web page and its API (Flask, server-rendered; no front-end build, no scripts).

    /               upload a filing; the result shows the verdict, counts and findings grouped by
                    objective, with where and how to fix, in Dutch or English, and a JSON download
    POST /api/check multipart field `file`: the JSON of `mbo-xbrl check --format json` (?lang=en)
    /overview       institutions × years from the store, only when MBO_XBRL_WEB_TOKEN is set and
                    presented (?token=… or `Authorization: Bearer …`)
    /healthz        "ok"

Error pages (400, 401, 404, 405, 413, 500, 503) are the upload page with a message in Dutch, or English
with ?lang=en; the API answers them as JSON. Each request is logged on stderr in one line (logger
`mbo_xbrl.web.access`: client, method, path without its query, status, bytes, milliseconds): never a
query string (a token may be in it), a header or a file's contents.

Uploads are read into memory (never into a file of ours), checked by a worker process within the
limits per file, and forgotten: nothing is kept. Sizes and concurrency are limited, each with a
message; a check stopped by its time limit or memory cap is a report with finding MBO-S007.
"""

from __future__ import annotations

import base64
import hmac
import io
import json
import logging
import time
from typing import Any

from flask import Flask, Request, Response, abort, g, render_template, request, url_for
from werkzeug.exceptions import HTTPException, InternalServerError, RequestEntityTooLarge

from mbo_xbrl.report.model import Report
from mbo_xbrl.report.render import (SUMMARY_FROM, finding_dict, findings_by_objective, report_dict, reports_json,
                                     rule_summaries, unlisted_lines)
from mbo_xbrl.rules.structure.s006_file_too_large import DEFAULT_MAX_BYTES
from mbo_xbrl.web.labels import WEB
from mbo_xbrl.web.pool import Busy, CheckPool

MULTIPART_OVERHEAD = 64 * 1024  # headers and boundaries around the file in a multipart body
ACCESS_LOG = logging.getLogger("mbo_xbrl.web.access")
ERROR_LOG = logging.getLogger("mbo_xbrl.web")


class InMemoryRequest(Request):
    """Uploaded files stay in memory (bounded by MAX_CONTENT_LENGTH), never in a temporary file."""

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        return io.BytesIO()


def _lang() -> str:
    lang = request.args.get("lang")
    if lang is None:
        try:
            lang = request.form.get("lang")
        except HTTPException:  # the body itself was refused (too large): the query decides
            lang = None
    return lang if lang in WEB else "nl"


def _grouped(report: Report, lang: str) -> list[dict[str, Any]]:
    """Findings by objective, as the text report groups them, each as the JSON contract renders it."""
    return [{"title": title, "findings": [finding_dict(f, lang) for f in findings]}
            for title, findings in findings_by_objective(report.findings, lang)]


def create_app(pool: CheckPool, *, store_url: str | None = None, token: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Flask:
    app = Flask(__name__)
    app.request_class = InMemoryRequest
    app.config["MAX_CONTENT_LENGTH"] = max_bytes + MULTIPART_OVERHEAD
    app.config["MAX_FORM_PARTS"] = 10

    def upload() -> tuple[bytes, str]:
        file = request.files.get("file")
        if file is None or not file.filename:
            raise _Refused(400, "no_file")
        data = file.stream.read(max_bytes + 1)
        return data, file.filename

    def run_check(data: bytes, name: str) -> Report:
        try:
            return pool.check(data, name)  # a check stopped by a limit is a report too (MBO-S007)
        except Busy:
            raise _Refused(503, "busy") from None

    @app.errorhandler(_Refused)
    def refused(err: _Refused) -> Response:
        lang = _lang()
        text = WEB[lang][err.key].format(limit=max_bytes // (1024 * 1024))
        if err.detail:
            text = f"{text} ({err.detail})"
        if request.path.startswith("/api/"):
            return Response(json.dumps({"error": err.key, "message": text}, ensure_ascii=False), err.status,
                            mimetype="application/json")
        return Response(render_template("index.html", t=WEB[lang], lang=lang, error=text), err.status)

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(err: RequestEntityTooLarge) -> Response:
        return refused(_Refused(413, "too_large"))

    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException) -> Response:
        code = err.code or 500
        t = WEB[_lang()]
        text = t.get(f"http_{code}", t["http_other"]).format(code=code)
        if request.path.startswith("/api/"):
            return Response(json.dumps({"error": err.name, "message": text}, ensure_ascii=False), code,
                            mimetype="application/json")
        response = Response(render_template("index.html", t=t, lang=_lang(), error=text), code)
        if code == 405 and err.valid_methods:  # type: ignore[attr-defined]
            response.headers["Allow"] = ", ".join(err.valid_methods)  # type: ignore[attr-defined]
        return response

    @app.errorhandler(Exception)
    def unexpected(err: Exception) -> Response:
        """A fault of ours: logged with its traceback for the operator, a plain message for the user."""
        ERROR_LOG.error("%s %s failed", request.method, request.path, exc_info=err)
        return http_error(InternalServerError())

    @app.before_request
    def started() -> None:
        g.started = time.perf_counter()

    @app.after_request
    def headers(response: Response) -> Response:
        milliseconds = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        ACCESS_LOG.info('%s "%s %s" %s %s %.0fms', request.remote_addr or "-", request.method, request.path,
                        response.status_code, response.calculate_content_length() or "-", milliseconds)
        response.headers["Content-Security-Policy"] = ("default-src 'none'; style-src 'unsafe-inline'; "
                                                       "form-action 'self'; img-src data:")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.get("/")
    def index() -> str:
        lang = _lang()
        return render_template("index.html", t=WEB[lang], lang=lang, error=None)

    @app.post("/")
    def check_page() -> str:
        data, name = upload()
        report = run_check(data, name)
        summarised = len(report.findings) >= SUMMARY_FROM  # then a summary per rule first, the parts folded
        views = {lang: {"t": WEB[lang], "groups": _grouped(report, lang), "data": report_dict(report, lang),
                        "unlisted": unlisted_lines(report, lang),
                        "summary": rule_summaries(report.findings, lang) if summarised else []}
                 for lang in WEB}
        downloads = {lang: "data:application/json;base64," + base64.b64encode(
            reports_json([report], lang).encode("utf-8")).decode("ascii") for lang in WEB}
        return render_template("result.html", t=WEB[_lang()], lang=_lang(), report=report, views=views,
                               downloads=downloads)

    @app.post("/api/check")
    def api_check() -> Response:
        data, name = upload()
        report = run_check(data, name)
        return Response(reports_json([report], _lang()), mimetype="application/json")

    @app.get("/healthz")
    def healthz() -> str:
        return "ok"

    def authorised() -> str | None:
        """The token check of the store's pages: 404 when the server has no token, 401 when it is not presented.
        Returns the token when it came in the query string, for the links of the page to carry it on."""
        if not token:
            abort(404)
        in_query = request.args.get("token")
        presented = in_query or request.headers.get("Authorization", "").removeprefix("Bearer ")
        if not hmac.compare_digest(presented.encode(), token.encode()):
            abort(401)
        return in_query

    @app.get("/overview")
    def overview() -> str:
        carried = authorised()
        from mbo_xbrl.web.overview import store_overview

        lang = _lang()
        rows, years = store_overview(store_url)
        links = {row["institution"]: url_for("institution_page", code=row["institution"], token=carried, lang=lang)
                 for row in rows}
        return render_template("overview.html", t=WEB[lang], lang=lang, rows=rows, years=years, links=links)

    @app.get("/institution/<code>")
    def institution_page(code: str) -> str:
        """The institution's own page (`mbo-xbrl report --institution CODE`), made from the store as it is now."""
        carried = authorised()
        from mbo_xbrl.analysis.institution import render_institution_page
        from mbo_xbrl.analysis.report import ReportError, build_report
        from mbo_xbrl.store import open_store

        lang = _lang()
        try:
            with open_store(store_url) as store:
                built = build_report(store)
            return render_institution_page(built, code, lang, index=url_for("overview", token=carried, lang=lang))
        except ReportError:
            abort(404)

    return app


class _Refused(Exception):
    def __init__(self, status: int, key: str, detail: str | None = None) -> None:
        super().__init__(key)
        self.status, self.key, self.detail = status, key, detail
