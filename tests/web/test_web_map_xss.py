"""The map's popups show document text as text: an article whose sentence carries an onerror
payload, placed near Erbil, and one with a script tag, an operates_in tie there, are listed in the
popups of their markers with the payloads as plain text, and nothing in them runs. Run without the page's CSP, so that the escaping alone must hold."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"
BYPASS_CSP = True
TEXT = (f"Kata'ib Hezbollah attacked a US base near Erbil in March 2020, according to a statement signed {IMG}. "
        f"Kata'ib Hezbollah operates in Erbil, a channel said under the heading {SCRIPT}.")
MAP_SCRIPTS = ["/static/vendor/leaflet.js", "/static/vendor/leaflet.markercluster.js",
               "/static/vendor/topojson-client.min.js"]


@pytest.fixture(scope="module")
def erbil(server, browser) -> dict:
    context = browser.new_context(base_url=server)
    answer = context.request.post("/api/documents", data={"text": TEXT, "title": f"Erbil {IMG}", "source": "channel",
                                                          "published": "2020-03-12"})
    assert answer.status == 201, answer.text()
    found = context.request.get("/api/map", params={"place": "Erbil"}).json()
    context.close()
    [place] = [p for p in found["places"] if p["name"] == "Erbil"]
    assert any(IMG in (e["excerpt"] or "") for e in place["events"])
    assert any(SCRIPT in (t["excerpt"] or "") for t in place["ties"])
    return place


def test_a_popup_shows_the_evidence_sentence_as_text(page, erbil):
    page.goto("/#/map?place=Erbil")
    expect(page.locator("#map-panel .leaflet-marker-icon").first).to_be_visible(timeout=30_000)
    page.evaluate("([lat, lng]) => { window.claimgraphMap.setView([lat, lng], 8, {animate: false}); }",
                  [erbil["latitude"], erbil["longitude"]])
    page.locator(f".map-marker.map-event [data-place='{erbil['id']}']").click()
    popup = page.locator(".map-popup")
    expect(popup.locator(".map-excerpt").first).to_contain_text(IMG)
    page.keyboard.press("Escape")
    page.locator(f".map-marker.map-tie [data-place='{erbil['id']}']").click()
    expect(page.locator(".map-popup .map-excerpt").first).to_contain_text(SCRIPT)
    page.wait_for_timeout(300)  # an injected <img> would have failed to load and fired onerror by now
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert page.evaluate("() => [...document.scripts].map(s => new URL(s.src).pathname)")[-3:] == MAP_SCRIPTS
