"""`claimgraph serve`: the web app and REST API over a store, with uvicorn (`register(app)` adds it)."""
from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli.output import err, report_error

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    """Add `serve` to the `claimgraph` app."""

    @app.command()
    def serve(db: Annotated[str, typer.Option("--db", help="SQLite file (or a SQLAlchemy URL) of the store.")] = "claimgraph.db",
              host: Annotated[str, typer.Option("--host", help="Interface to listen on (default: this machine only).")] = "127.0.0.1",
              port: Annotated[int, typer.Option("--port", min=0, max=65535)] = 8765,
              token: Annotated[str | None, typer.Option("--token", envvar="CLAIMGRAPH_TOKEN",
                                                        help="Read-only token (or $CLAIMGRAPH_TOKEN).")] = None,
              analyst_token: Annotated[list[str] | None, typer.Option(
                  "--analyst-token", envvar="CLAIMGRAPH_ANALYST_TOKEN",
                  help="Token that may also write: ingest, review, merge, split, undo (or $CLAIMGRAPH_ANALYST_TOKEN, "
                       "space-separated). NAME=TOKEN names its analyst in the audit log; repeat for several.")] = None,
              max_upload: Annotated[int | None, typer.Option("--max-upload", min=1,
                                                            help="Largest upload (request body) in bytes; default 10 MiB.")] = None,
              model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline for uploads.")] = None,
              kb: Annotated[list[Path] | None, typer.Option("--kb", help="Extra knowledge-base files or folders.")] = None,
              ) -> None:
        """Open the store in a web app and a REST API (OpenAPI at /docs), offline, on http://HOST:PORT/."""
        import uvicorn

        from claimgraph.api import DEFAULT_MAX_UPLOAD, create_app

        def extractor():
            from claimgraph.extract.pipeline import Extractor
            return Extractor(model=model, kb_paths=tuple(str(p) for p in kb or ()))

        loopback = is_loopback(host)
        if not loopback and not (token or analyst_token):
            report_error(f"listening on {host} with no token: anyone who can reach this machine can read the "
                         "store and change it; give --token and --analyst-token for a shared server")
        if "://" not in db and not Path(db).exists():
            err().print(f"note: {db} does not exist yet; an empty store is created", highlight=False)
        web = create_app(db, token=token, analyst_token=analyst_token,
                         max_upload_bytes=max_upload or DEFAULT_MAX_UPLOAD, extractor=extractor,
                         allowed_hosts=LOOPBACK_HOSTS if loopback else None)
        shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
        err().print(f"claimgraph: serving {db} on http://{shown}:{port}/ (API reference at /docs)", highlight=False)
        uvicorn.run(web, host=host.strip("[]"), port=port, log_level="info")
