"""`claimgraph report`: the dossier of the demo store's best-attested actor as HTML, Markdown and
PDF, checked against the store itself: every citation number used has an entry, every entry
quotes the evidence sentence stored at its offsets with its document's title, outlet and date,
every tie and event of `query.dossier` is there with its modality in words, events that did not
happen are never shown as having happened; names are escaped; the API serves it and the web
app's actor page links to it and to the actor's exports."""
from __future__ import annotations

import json
import re
import socket
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import lxml.html
import pytest
from demo_store import run

from claimgraph.query import dossier, neighbors
from claimgraph.store import Store

# how the report must say each modality (the codebook's five, in words a reader knows)
SAID = {"asserted": "stated as fact", "reported": "reported", "alleged": "alleged", "speculative": "called possible",
        "negated": "denied"}
NOT_HAPPENED = ("planned", "attempted", "hypothetical")
CHAR = re.compile(r"#char=(\d+),(\d+)$")


def best_attested(db: str) -> str:
    """The actor with the most independent sources over the claims it is subject or object of."""
    with sqlite3.connect(db) as con:
        return con.execute(
            "SELECT actor, SUM(independent) AS n FROM ("
            " SELECT subject AS actor, independent FROM claim_figures"
            " UNION ALL SELECT object, independent FROM claim_figures WHERE object IS NOT NULL AND object <> subject)"
            " GROUP BY actor ORDER BY n DESC, actor LIMIT 1").fetchone()[0]


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def actor(demo_db) -> str:
    return best_attested(demo_db)


@pytest.fixture(scope="module")
def facts(demo_db, actor) -> dict:
    with Store(demo_db) as store:
        return dossier(store, actor)


@pytest.fixture(scope="module")
def written(demo_db, actor, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    for name in ("dossier.html", "dossier.md", "dossier.pdf"):
        result = run("report", actor, "--db", demo_db, "-o", out / name)
        assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def page(written):
    return lxml.html.fromstring((written / "dossier.html").read_text())


def find(el, tag: str, cls: str | None = None, parent: str | None = None) -> list:
    """The `tag` elements under `el`, of class `cls`, or children of an element of class `parent`."""
    has = "[contains(concat(' ', normalize-space(@class), ' '), ' {} ')]"
    path = (f".//*{has.format(parent)}//" if parent else ".//") + tag + (has.format(cls) if cls else "")
    return el.xpath(path)


def entries(page) -> dict[int, dict]:
    out = {}
    for li in find(page, "li", parent="citations"):
        n = int(li.get("id").removeprefix("cite-"))
        url = find(li, "span", "url")[0].text_content().strip()
        out[n] = {"excerpt": find(li, "q", "excerpt")[0].text_content(), "title": find(li, "cite")[0].text_content(),
                  "text": squash(li.text_content()), "url": url}
    return out


def test_the_actor_is_the_best_attested_and_has_ties_events_and_citations(facts, page):
    assert facts["relations"] and facts["timeline"]
    assert find(page, "h1")[0].text_content() == facts["name"]
    assert len(entries(page)) >= 10


def test_every_citation_number_used_has_an_entry_and_every_entry_is_cited(page):
    used = {int(a.text_content().strip("[]")) for a in find(page, "a", "cite")}
    for a in find(page, "a", "cite"):
        assert a.get("href") == f"#cite-{a.text_content().strip('[]')}"
    numbered = entries(page)
    assert used == set(numbered) == set(range(1, len(numbered) + 1))


def test_every_entry_quotes_the_stored_sentence_at_its_offsets_with_its_document(demo_db, page):
    with sqlite3.connect(demo_db) as con:
        for n, e in entries(page).items():
            doc = re.search(r"of document (\S+?)\)", e["text"]).group(1)
            start, end = map(int, CHAR.search(e["url"]).groups())
            stored = con.execute('SELECT text FROM evidence WHERE doc_id = ? AND start = ? AND "end" = ?',
                                 (doc, start, end)).fetchall()
            assert stored, f"[{n}] {doc} {start}-{end} is no evidence span"
            assert squash(e["excerpt"]) == squash(stored[0][0])
            text, title, source, published, url = con.execute(
                "SELECT text, title, source, published, url FROM documents WHERE id = ?", (doc,)).fetchone()
            assert squash(text[start:end]) == squash(e["excerpt"])  # the offsets point at the sentence
            assert e["title"] == (title or doc)
            assert source in e["text"] and published[:10] in e["text"]
            base = url or f"claimgraph:doc:{doc}"
            assert e["url"] == f"{base.split('#')[0]}#char={start},{end}"


def test_every_tie_of_the_dossier_is_there_with_its_modality_in_words(facts, page):
    ties = find(page, "li", "tie")
    by_claim = {c: li for li in ties for c in li.get("data-claims").split()}
    count = 0
    for predicate, group in facts["relations"].items():
        for side in ("as_subject", "as_object"):
            for row in group[side]:
                li = by_claim.get(row["claim"])
                assert li is not None, f"{predicate} {row['other']} ({row['claim']}) is missing"
                text = squash(li.text_content())
                assert row["other"]["name"] in text and facts["name"] in text
                for modality, n in row["modalities"].items():
                    assert f"{SAID[modality]} by {n}" in text, (text, row["modalities"])
                cited = {int(a.text_content().strip("[]")) for a in find(li, "a", "cite")}
                assert len(cited) >= len({(ev["doc"], ev["start"]) for ev in row["evidence"]}) > 0
                count += 1
    assert count and count == sum(len(li.get("data-claims").split()) for li in ties)


def test_every_event_is_on_the_timeline_and_what_did_not_happen_never_looks_as_if_it_did(facts, page):
    rows = {tr.get("data-claim"): tr for tr in find(page, "tr", parent="timeline") if tr.get("data-claim")}
    items = {li.get("data-claim"): li for li in find(page, "li", "event")}
    assert set(rows) == set(items) == {t["claim"] for t in facts["timeline"]}
    statuses = {t["status"] for t in facts["timeline"]}
    assert statuses & set(NOT_HAPPENED), "the demo actor has an event that did not happen"
    for t in facts["timeline"]:
        status_cell = squash(find(rows[t["claim"]], "td")[2].text_content())
        if t["status"] in NOT_HAPPENED:
            assert t["status"] in status_cell and "happened" not in status_cell.replace("not (yet)", "")
            assert find(rows[t["claim"]], "span", "not-happened") and find(items[t["claim"]], "span", "not-happened")
        else:
            assert not find(items[t["claim"]], "span", "not-happened")
    dates = [t["date"]["start"] for t in facts["timeline"] if t.get("date") and t["date"].get("start")]
    assert dates == sorted(dates)


def test_the_network_picture_is_inline_svg_with_every_counterpart(facts, page):
    svg = find(page, "svg")
    assert len(svg) == 1 and not find(page, "script")
    drawn = squash(svg[0].text_content())
    others = {r["other"]["name"] for g in facts["relations"].values() for s in ("as_subject", "as_object")
              for r in g[s] if r["other"]}
    assert len(find(svg[0], "line")) >= min(len(others), 24)
    shown = [name for name in others if name[:29] in drawn]
    assert len(shown) >= min(len(others), 24) * 0.9


def test_the_markdown_carries_the_same_citations(written, page):
    md = (written / "dossier.md").read_text()
    html_entries = entries(page)
    found = {}
    for m in re.finditer(r'^<a id="cite-(\d+)"></a>\d+\. “(.*?)” — ', md, re.M):
        found[int(m.group(1))] = re.sub(r"\\(.)", r"\1", m.group(2))
    assert found.keys() == html_entries.keys()
    for n, excerpt in found.items():
        assert excerpt == squash(html_entries[n]["excerpt"])
    used = {int(n) for n in re.findall(r"\[\\\[(\d+)\\\]\]\(#cite-\1\)", md)}
    assert used == set(found)
    picture = written / "dossier.svg"
    assert "](dossier.svg)" in md and picture.read_text().startswith("<svg")


def test_the_pdf_is_printed_with_the_actor_and_its_citations(written, facts):
    from pypdf import PdfReader

    body = (written / "dossier.pdf").read_bytes()
    assert body.startswith(b"%PDF")
    text = squash(" ".join(p.extract_text() for p in PdfReader(written / "dossier.pdf").pages))
    assert facts["name"] in text and "Sources quoted" in text
    first = facts["relations"][next(iter(facts["relations"]))]
    assert any(r["other"]["name"] in text for s in ("as_subject", "as_object") for r in first[s])


def test_without_a_browser_the_pdf_is_a_clear_error(demo_db, actor, tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_CHROMIUM", str(tmp_path / "no-chromium"))
    result = run("report", actor, "--db", demo_db, "-o", tmp_path / "x.pdf")
    assert result.exit_code == 1 and "no-chromium: no such file" in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_the_same_store_writes_the_same_report(demo_db, actor, written, tmp_path):
    for name in ("dossier.html", "dossier.md"):
        assert run("report", actor, "--db", demo_db, "-o", tmp_path / name).exit_code == 0
        assert (tmp_path / name).read_bytes() == (written / name).read_bytes()


def test_the_filters_are_those_of_actor(demo_db, actor, tmp_path):
    result = run("report", actor, "--db", demo_db, "--min-independent", "2", "-o", tmp_path / "strict.html")
    assert result.exit_code == 0, result.output
    page = lxml.html.fromstring((tmp_path / "strict.html").read_text())
    with Store(demo_db) as store:
        strict = dossier(store, actor, min_independent=2)
    claims = {c for g in strict["relations"].values() for s in ("as_subject", "as_object") for c in
              [r["claim"] for r in g[s]]}
    shown = {c for li in find(page, "li", "tie") for c in li.get("data-claims").split()}
    assert shown == claims and "at least 2 independent sources" in page.text_content()


def test_a_name_with_markup_is_escaped(demo_copy, actor, tmp_path):
    with sqlite3.connect(demo_copy) as con:
        con.execute("UPDATE entities SET name = ? WHERE id = ?", ("<script>alert(1)</script> & <b>Co</b>", actor))
    for name in ("x.html", "x.md"):
        assert run("report", actor, "--db", demo_copy, "-o", tmp_path / name).exit_code == 0
    html = (tmp_path / "x.html").read_text()
    assert "<script>" not in html and "<b>Co" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;" in html
    page = lxml.html.fromstring(html)
    assert not find(page, "script") and not find(page, "b")
    assert find(page, "h1")[0].text_content() == "<script>alert(1)</script> & <b>Co</b>"
    md = (tmp_path / "x.md").read_text()
    assert "<script>" not in md and "# \\<script\\>alert\\(1\\)\\</script\\> \\& \\<b\\>Co\\</b\\>" in md


def test_a_bad_output_name_or_actor_is_an_error(demo_db, tmp_path):
    assert run("report", "Iran", "--db", demo_db, "-o", tmp_path / "x.txt").exit_code == 2
    assert run("report", "nobody at all zzz", "--db", demo_db, "-o", tmp_path / "x.html").exit_code == 1
    assert not list(tmp_path.iterdir())


# -- the API and the web app ------------------------------------------------------------------

@contextmanager
def serving(db: str, **options):
    """The app (`create_app(db, **options)`) served by uvicorn on a free loopback port: its URL."""
    import uvicorn

    from claimgraph.api import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(db, **options), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def served(demo_db, tmp_path_factory):
    """The app over a copy of the demo store: (its URL, the copy's path)."""
    import shutil

    db = tmp_path_factory.mktemp("served") / "demo.db"
    shutil.copy(demo_db, db)
    with serving(str(db)) as url:
        yield url, str(db)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    from claimgraph.report.pdf import CHROMIUM_ARGS, chromium
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_the_api_serves_the_report(served, actor, written):
    url, _ = served
    with httpx.Client(base_url=url, timeout=120) as client:
        r = client.get(f"/api/actors/{actor}/report")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert r.text == (written / "dossier.html").read_text()
        md = client.get(f"/api/actors/{actor}/report", params={"format": "md"})
        assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
        assert "data:image/svg+xml;base64," in md.text and "attachment" in md.headers["content-disposition"]
        pdf = client.get(f"/api/actors/{actor}/report", params={"format": "pdf"})
        assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
        assert pdf.content.startswith(b"%PDF")
        assert client.get("/api/actors/nobody-zzz/report").status_code == 404
        assert client.get(f"/api/actors/{actor}/report", params={"format": "doc"}).status_code == 422
        assert client.get(f"/api/actors/{actor}/report", params={"as_of": "tomorrow"}).status_code == 400


def test_the_api_exports_the_actors_neighbourhood_as_json(served, actor):
    url, db = served
    with httpx.Client(base_url=url, timeout=120) as client:
        formats = {f["format"]: f for f in client.get("/api/exports").json()}
        assert "json" in formats and not formats["json"]["folder"]
        assert {f for f, x in formats.items() if x["folder"]} == {"csv", "parquet", "neo4j"}  # as zips
        r = client.get(f"/api/actors/{actor}/export", params={"format": "json"})
        assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
        assert client.get(f"/api/actors/{actor}/export", params={"format": "xlsx"}).status_code == 400
    data = json.loads(r.content)
    assert data["format"] == "claimgraph/1"
    with sqlite3.connect(db) as con:
        expected = {row[0] for row in con.execute(
            "SELECT claim_id FROM claim_figures WHERE ? IN (subject, object, location)", (actor,))}
    assert {c["id"] for c in data["claims"]} == expected
    assert actor in {e["id"] for e in data["entities"]}


def test_the_actor_page_links_to_the_report_and_the_exports(served, actor, browser):
    url, _ = served
    page = browser.new_page(base_url=url)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"/#/actor/{actor}")
    page.wait_for_selector(".export-menu select option[value=json]", state="attached")
    links = {a.text_content(): a.get_attribute("href") for a in page.query_selector_all(".take-away a")}
    assert links["HTML"] == f"/api/actors/{actor}/report?format=html"
    assert links["PDF"] == f"/api/actors/{actor}/report?format=pdf"
    assert links["Download"] == f"/api/actors/{actor}/export?depth=1&format=json"  # the network as shown
    page.click("text=HTML")
    page.wait_for_selector("ol.citations")
    assert page.url.endswith(f"/api/actors/{actor}/report?format=html")
    assert not errors
    page.close()


def test_with_a_token_the_page_fetches_the_files_with_it(demo_copy, actor, browser):
    with serving(demo_copy, token="read-me") as url:
        assert httpx.get(f"{url}/api/actors/{actor}/export?format=json").status_code == 401  # a bare link fails
        context = browser.new_context(base_url=url, accept_downloads=True)
        page = context.new_page()
        page.goto(f"/?token=read-me#/actor/{actor}")
        page.wait_for_selector(".export-menu select option[value=json]", state="attached")
        page.select_option(".export-menu select", "json")
        with page.expect_download() as got:
            page.click(".export-menu a.export-download")
        data = json.loads(Path(got.value.path()).read_text())
        assert got.value.suggested_filename == f"{actor}.json" and data["format"] == "claimgraph/1"
        with Store(demo_copy) as store:
            shown = {e["claim"] for e in neighbors(store, actor, depth=1)["edges"]}
        assert data["claims"] and {c["id"] for c in data["claims"]} == shown  # the network the page shows
        context.close()


@pytest.mark.parametrize("status", NOT_HAPPENED)
def test_an_event_that_did_not_happen_is_said_so(demo_db, status, tmp_path):
    with sqlite3.connect(demo_db) as con:
        found = con.execute("SELECT f.subject, f.claim_id FROM claim_figures f JOIN claims c ON c.id = f.claim_id"
                            " WHERE f.kind = 'event' AND json_extract(c.attrs, '$.status') = ?"
                            " ORDER BY f.claim_id LIMIT 1", (status,)).fetchone()
    assert found, f"the demo store has a {status} event"
    subject, claim = found
    assert run("report", subject, "--db", demo_db, "-o", tmp_path / "r.html").exit_code == 0
    page = lxml.html.fromstring((tmp_path / "r.html").read_text())
    row = [tr for tr in find(page, "tr", parent="timeline") if tr.get("data-claim") == claim]
    item = [li for li in find(page, "li", "event") if li.get("data-claim") == claim]
    assert row and item
    for el in (row[0], item[0]):
        marked = find(el, "span", "not-happened")
        assert marked and status in marked[0].text_content() and "happened" not in marked[0].text_content()


def test_an_html_report_loads_neither_spacy_nor_the_server_nor_the_browser(demo_db, actor, tmp_path):
    import subprocess
    import sys

    watched = ("spacy", "datasketch", "scipy", "fastapi", "uvicorn", "starlette", "trafilatura", "alembic",
               "claimgraph.extract", "claimgraph.api", "playwright", "jinja2")
    probe = ("import json, sys\nfrom claimgraph.cli.main import app\n"
             "try:\n    app(sys.argv[2:])\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
             "print(json.dumps([m for m in json.loads(sys.argv[1]) if m in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", probe, json.dumps(watched), "report", actor, "--db", demo_db,
                           "-o", str(tmp_path / "r.html")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == ["jinja2"]  # the probe sees what is loaded
