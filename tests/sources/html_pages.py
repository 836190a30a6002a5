"""Article pages the source tests serve (texts of our own)."""
from __future__ import annotations

ARTICLE = """<!doctype html><html lang="en"><head><title>{title}</title>
<link rel="canonical" href="{canonical}">
<meta property="article:published_time" content="2026-11-30">
<meta property="og:site_name" content="Harbour Gazette"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>{body}</p>
<p>The ministry said the inspection would continue next week, according to a statement
released on Monday by officials in the capital.</p>
</article><footer>Copyright Harbour Gazette</footer></body></html>"""


def article(title: str, body: str, canonical: str = "") -> str:
    return ARTICLE.format(title=title, body=body, canonical=canonical)
