"""HTML pages: main text by trafilatura, metadata from the page's meta tags and trafilatura.

The stored text has one paragraph (or heading, list item) a line, with blank lines between.
"""
from __future__ import annotations

import re

from ..model import Document
from .errors import IngestError
from .metadata import make_document

# <meta> names and properties that carry a publication date, best first.
_DATE_KEYS = (
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "citation_publication_date",
    "parsely-pub-date",
    "og:published_time",
)
_SENTENCE_END = re.compile(r"[.!?\"”'’)]\s*$")


def read_html(data: bytes, path: str) -> Document:
    """Read an HTML page; raise IngestError when it has no main text."""
    import trafilatura

    too_deep = _depth_problem(data)
    if too_deep:
        raise IngestError(path, None, too_deep)
    tags = page_metadata(data)
    result = trafilatura.bare_extraction(
        data,
        url=tags.get("url"),
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        # Dates from the page's metadata only, never guessed from numbers in the body.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    lines = ((result.text or "") if result is not None else "").split("\n")
    # One block per line, separated by blank lines, as for Markdown.
    text = "\n\n".join(line.strip() for line in lines if line.strip())
    if not _has_prose(text):
        raise IngestError(path, None, "HTML page has no main text (only navigation or boilerplate)")
    found = {
        "title": tags.get("og:title") or result.title or tags.get("title"),
        "source": tags.get("og:site_name") or result.sitename,
        "url": tags.get("url") or result.url,
        "published": tags.get("published") or result.date,
        "language": tags.get("lang") or result.language,
        "author": tags.get("author") or result.author,
        "description": tags.get("description") or result.description,
        "section": tags.get("article:section"),
    }
    meta = {key: value for key, value in found.items() if value}
    return make_document(text, path=path, format="html", meta=meta)


def _depth_problem(data: bytes) -> str | None:
    """Why the page cannot be parsed whole, or None: libxml2's HTML parser (lxml's, trafilatura's)
    stops at 256 levels of nesting without failing, dropping all the text after that point."""
    from lxml import etree, html as lxml_html

    parser = lxml_html.HTMLParser()
    try:
        etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        pass  # not a depth problem: the reading below reports what it finds
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in entry.message:
            return (
                "HTML nested too deeply to parse whole (over 256 levels at line "
                f"{entry.line}): the parser would cut the page there and drop the text after it"
            )
    return None


def page_metadata(data: bytes) -> dict[str, str]:
    """Title, meta tags, canonical link and language of a page (keys as in the tags)."""
    from lxml import etree, html as lxml_html

    try:
        root = lxml_html.document_fromstring(data)
    except (etree.ParserError, ValueError):
        return {}
    tags: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content:
            tags.setdefault(key, content)
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        tags["title"] = " ".join(title.text_content().split())
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            tags.setdefault("canonical", link.get("href").strip())
    url = tags.get("canonical") or tags.get("og:url")
    if url:
        tags["url"] = url
    published = next((tags[key] for key in _DATE_KEYS if key in tags), None)
    if published:
        tags["published"] = published
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang and lang.strip():
        tags["lang"] = lang.strip()
    return tags


def _has_prose(text: str) -> bool:
    """Main text, not a leftover of menus: some line is a sentence or has four words."""
    return any(
        len(line.split()) >= 4 or (line.strip() and _SENTENCE_END.search(line))
        for line in text.split("\n")
    )
