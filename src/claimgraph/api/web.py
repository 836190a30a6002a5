"""The web app on the same server: `/` is its page, `/static/...` its files, `/docs` the API reference.

The files are `claimgraph/web/static/` (front-end libraries in its `vendor/`, put there by
`make install`). If the folder is missing, the API still runs and `/` answers 404 saying so.
`/docs` is Swagger UI from `static/vendor/` started by a script of its own: no inline script
and no CDN, as the Content-Security-Policy requires.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from claimgraph.api.errors import ApiError

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
ASSETS = Path(__file__).resolve().parent / "assets"

DOCS_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>claimgraph API</title>
<link rel="stylesheet" href="/static/vendor/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui-bundle.js"></script>
<script src="/api-docs/swagger-init.js"></script>
</body>
</html>
"""


def install(app: FastAPI, static: Path | None = None) -> None:
    """Add `/`, `/static` (from `static`, default `STATIC`), `/docs` and its script to `app`."""
    static = static or STATIC

    @app.get("/", include_in_schema=False)
    def index():
        page = static / "index.html"
        if not page.is_file():
            raise ApiError(404, f"the web app is not installed ({page} is missing); the API is under /api")
        return FileResponse(page, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        icon = static / "favicon.ico"
        return FileResponse(icon) if icon.is_file() else Response(status_code=204)

    @app.get("/docs", include_in_schema=False)
    def docs():
        return HTMLResponse(DOCS_PAGE)

    @app.get("/api-docs/swagger-init.js", include_in_schema=False)
    def docs_script():
        return FileResponse(ASSETS / "swagger-init.js", media_type="text/javascript; charset=utf-8")

    if static.is_dir():
        app.mount("/static", StaticFiles(directory=static), name="static")
