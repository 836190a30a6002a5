"""HTML pages: main text by trafilatura, metadata from the meta tags."""
from __future__ import annotations

from claimgraph.ingest import IngestError, read_paths
from claimgraph.ingest.html import page_metadata

BODY = """<article>
<h1>Hezbollah fires at Israeli positions in Shebaa Farms</h1>
<p>BEIRUT (AP) — Hezbollah said on Monday that it had fired guided missiles and artillery shells at three Israeli positions in the disputed Shebaa Farms area.</p>
<p>The Israeli military said it answered with artillery fire toward southern Lebanon, and a spokesman told reporters that no soldiers were hurt.</p>
<p>The Lebanese group, which is armed and funded by Iran, fought a month-long war with Israel in the summer of 2006.</p>
</article>"""

PAGE = f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Hezbollah fires at Israel | Example Wire</title>
<meta property="og:title" content="Hezbollah fires at Israeli positions">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2023-10-09T08:00:00Z">
<meta name="author" content="Staff">
<link rel="canonical" href="https://example.org/world/hezbollah-shebaa">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
{BODY}
<footer>Copyright 2023 Example Wire. All rights reserved.</footer>
</body></html>"""


def test_html_with_meta_tags(tmp_path):
    path = tmp_path / "shebaa.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read_paths([path])
    assert not isinstance(doc, IngestError), str(doc)
    assert doc.format == "html"
    assert "guided missiles and artillery shells" in doc.text
    assert "fought a month-long war" in doc.text
    assert "Sport" not in doc.text and "Copyright" not in doc.text
    assert doc.title == "Hezbollah fires at Israeli positions"  # og:title
    assert doc.source == "Example Wire"  # og:site_name wins over the "(AP)" credit
    assert doc.url == "https://example.org/world/hezbollah-shebaa"
    assert doc.published == "2023-10-09"
    assert doc.language == "en"
    assert doc.genre == "news"
    assert doc.extra["author"] == "Staff"


def test_html_plain_meta_date_and_title(tmp_path):
    page = f"""<html lang="en"><head><title>Iran and its proxies</title>
<meta name="date" content="2019-04-08"></head><body>{BODY}</body></html>"""
    path = tmp_path / "plain.htm"
    path.write_text(page, encoding="utf-8")
    [doc] = read_paths([path])
    assert doc.published == "2019-04-08"
    # trafilatura prefers the page's headline to its <title>
    assert doc.title == "Hezbollah fires at Israeli positions in Shebaa Farms"
    assert doc.source == "AP"  # no site name: the wire credit of the dateline
    assert doc.text.startswith(
        "Hezbollah fires at Israeli positions in Shebaa Farms\n\nBEIRUT (AP) — Hezbollah said on Monday"
    )


def test_page_metadata_reads_the_tags():
    tags = page_metadata(PAGE.encode("utf-8"))
    assert tags["title"] == "Hezbollah fires at Israel | Example Wire"
    assert tags["og:title"] == "Hezbollah fires at Israeli positions"
    assert tags["url"] == "https://example.org/world/hezbollah-shebaa"
    assert tags["published"] == "2023-10-09T08:00:00Z"
    assert tags["lang"] == "en-GB"


def test_html_in_a_legacy_encoding(tmp_path):
    page = (
        '<html><head><meta charset="windows-1252"><title>Radwan</title></head><body>'
        "<p>Hezbollah’s “Radwan” force was pulled back from the border, officials in Beirut said on Sunday.</p>"
        "</body></html>"
    )
    path = tmp_path / "cp1252.html"
    path.write_bytes(page.encode("cp1252"))
    [doc] = read_paths([path])
    assert "Hezbollah’s “Radwan” force" in doc.text


def test_html_with_no_main_text(tmp_path):
    page = "<html><head><title>Example Wire</title></head><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><script>var x = 1;</script></body></html>"
    path = tmp_path / "nav.html"
    path.write_text(page, encoding="utf-8")
    [error] = read_paths([path])
    assert isinstance(error, IngestError)
    assert str(error) == f"{path}: HTML page has no main text (only navigation or boilerplate)"


def _deep_page(levels: int) -> bytes:
    return (
        "<html><head><title>Strike</title></head><body>"
        "<p>The army attacked the town on Monday, officials said in a statement.</p>"
        + "<div>" * levels + "<p>Deep inside, the minister said the strike had been planned for weeks.</p>"
        + "</div>" * levels
        + "<p>The ministry later denied that the army attacked the town.</p></body></html>"
    ).encode()


def test_html_too_deep_to_parse_whole_is_an_error_not_a_cut(tmp_path):
    deep = tmp_path / "deep.html"
    deep.write_bytes(_deep_page(300))  # the text after level 256 (the denial) was silently dropped
    fine = tmp_path / "fine.html"
    fine.write_bytes(_deep_page(100))
    error, doc = read_paths([deep, fine])
    assert isinstance(error, IngestError)
    assert str(error) == (
        f"{deep}: HTML nested too deeply to parse whole (over 256 levels at line 1): "
        "the parser would cut the page there and drop the text after it"
    )
    assert "denied" in doc.text
