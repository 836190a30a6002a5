"""The HTML dossier printed to PDF by a headless Chromium driven by Playwright.

The browser is Debian's /usr/bin/chromium (`make browser`), or the one named by
`CLAIMGRAPH_CHROMIUM`, or else Playwright's own (`playwright install chromium`). The page has
nothing to fetch: it is set as content, with requests refused, and printed on A4."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


class NoBrowser(RuntimeError):
    """No Playwright or no Chromium to print the PDF with."""


def chromium() -> str | None:
    """The Chromium executable to use, or None to let Playwright take its own."""
    named = os.environ.get("CLAIMGRAPH_CHROMIUM")
    if named:
        if not Path(named).is_file():
            raise NoBrowser(f"CLAIMGRAPH_CHROMIUM={named}: no such file")
        return named
    for path in CANDIDATES:
        if Path(path).is_file():
            return path
    return shutil.which("chromium")


def render(html: str) -> bytes:
    """`html` as a PDF (bytes). Raises NoBrowser with what to install when it cannot."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise NoBrowser("a PDF needs Playwright and Chromium: pip install 'claimgraph[pdf]' and "
                        "apt-get install chromium (or `playwright install chromium`); "
                        "or write the report as .html and print it") from None
    executable = chromium()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.route("**/*", lambda route: route.abort())  # the dossier fetches nothing
                page.set_content(html, wait_until="load")
                return page.pdf(format="A4", print_background=True,
                                margin={"top": "15mm", "bottom": "15mm", "left": "14mm", "right": "14mm"})
            finally:
                browser.close()
    except Error as e:
        where = executable or "Playwright's own Chromium"
        raise NoBrowser(f"cannot print the PDF with {where}: {str(e).splitlines()[0]} "
                        "(install chromium: apt-get install chromium, or `playwright install chromium`)") from None
