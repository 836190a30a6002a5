"""Fuzzing the ingest readers with Hypothesis (issue 13, part 4): any bytes as a text file, text
full of control characters, RTL and combining marks, NULs and BOMs; HTML built by a recursive
strategy with bad entities; Markdown with YAML front matter (anchors and aliases included);
JSONL lines good and broken; small real PDFs (fpdf2) truncated and with bytes flipped.

Each example is written to a file in a temporary folder and read with `read_paths`. What must
hold: no exception escapes; every item is a Document or an IngestError naming the file; no
reader fails unexpectedly (the reader's catch-all `could not read <kind> file: ...` is a crash
caught, not an answer); a Document's text is non-empty text that UTF-8 can store; and each
example finishes within the deadline. The number of examples is bounded and derandomized, so
a run is the same every time (about 300 examples in all).
"""
from __future__ import annotations

import json
import os
import tempfile
from datetime import timedelta

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimgraph.ingest import IngestError, read_paths
from claimgraph.ingest.paths import escape_path
from claimgraph.model import Document

FUZZ = settings(
    max_examples=60,
    derandomize=True,  # the same examples on every run: CI stays stable
    database=None,
    deadline=timedelta(seconds=10),  # per example: a reader that hangs fails here
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)

# --- the check every example goes through --------------------------------------------------

def read_as(data: bytes, name: str) -> list[Document | IngestError]:
    """Write `data` to a file `name` in a new temporary folder, read it, check every result."""
    with tempfile.TemporaryDirectory(prefix="cg-fuzz-") as folder:
        path = os.path.join(folder, name)
        with open(path, "wb") as file:
            file.write(data)
        results = list(read_paths([path]))
    shown = escape_path(path)
    assert results, "read_paths yielded nothing for a file"
    for item in results:
        assert isinstance(item, (Document, IngestError)), type(item)
        if isinstance(item, IngestError):
            assert item.path == shown, item
            assert str(item).startswith(shown), item
            assert item.message and "\n" not in item.message, item
            assert not item.message.startswith("could not read"), f"a reader crashed: {item}"
            item.message.encode("utf-8")  # always storable, printable
        else:
            assert isinstance(item.text, str) and item.text.strip(), item
            item.text.encode("utf-8")  # no lone surrogate: the store takes it
            assert item.path and item.path.startswith(shown), item.path
    return results


# --- text files -------------------------------------------------------------------------------

SPECIAL = [
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\r", "\r\n", "\t",
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2067", "\u2069",  # bidi marks
    "\u0301", "\u0308", "\u0338", "\u20dd", "e\u0301\u0301\u0301",  # combining marks
    "\ufeff", "\ufffd", "\u2028", "\u2029", "\u00a0", "\u3000", "\U0001f600", "\U0010fffd",
    "مرحبا", "שלום", "Zürich", "---\n", "\n\n",
]
SPECIAL_BYTES = [b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\xe9",
                 b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80"]

special_text = st.lists(
    st.one_of(st.text(max_size=30), st.sampled_from(SPECIAL)), max_size=40
).map("".join)


@st.composite
def text_bytes(draw) -> bytes:
    """Text full of odd characters in some encoding, perhaps with raw bytes spliced in."""
    text = draw(special_text)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "utf-16-le", "cp1252", "latin-1"]))
    data = text.encode(encoding, errors="replace")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(SPECIAL_BYTES)) + data[at:]
    return data


@FUZZ
@given(data=st.binary(max_size=4096), name=st.sampled_from(["a.txt", "b.text", "noext", "c.md"]))
def test_any_bytes_as_text(data, name):
    read_as(data, name)


@FUZZ
@given(data=text_bytes(), name=st.sampled_from(["a.txt", "b.md", "noext"]))
@example(data="Said \u202eevil\u202c today.\x00".encode(), name="a.txt")
@example(data=b"\xef\xbb\xbf\xef\xbb\xbfDouble BOM text.", name="a.txt")
def test_odd_text(data, name):
    results = read_as(data, name)
    if b"\x00" not in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            decoded = data.decode("utf-8")
        except UnicodeDecodeError:
            return
        if name.endswith(".txt") and decoded.strip() and not decoded.startswith(("---", "\ufeff")):
            # valid UTF-8 without front matter or BOM: stored exactly, nothing lost
            [doc] = results
            assert isinstance(doc, Document) and doc.text == decoded, doc


# --- HTML -------------------------------------------------------------------------------------

ENTITIES = ["&amp;", "&lt;", "&", "&#0;", "&#xD800;", "&#99999999;", "&#x110000;", "&#xZZ;", "&bogus;",
            "&nbsp", "&#65", "&#x1F600;", "&amp;amp;", "]]>", "<!--", "-->", "<![CDATA[x]]>", "<?php ?>"]
TAGS = ["p", "div", "span", "article", "main", "b", "i", "a", "h1", "h2", "ul", "li", "table", "tr", "td",
        "script", "style", "nav", "footer", "blockquote", "pre", "br", "img", "font", "x-custom", "svg"]
words = st.text(st.characters(codec="utf-8", exclude_characters="<>&"), max_size=40)
html_text = st.one_of(words, st.sampled_from(ENTITIES),
                      st.just("Officials said on Tuesday that the ministry denied the report."))
attributes = st.lists(
    st.tuples(st.sampled_from(["class", "id", "lang", "href", "style", "x", "on\u00e9"]),
              st.one_of(words, st.sampled_from(ENTITIES))),
    max_size=2,
).map(lambda pairs: "".join(f' {k}="{v}"' for k, v in pairs))


def _element(children):
    return st.tuples(st.sampled_from(TAGS), attributes, st.lists(children, max_size=4),
                     st.booleans()).map(
        lambda t: f"<{t[0]}{t[1]}>" + "".join(t[2]) + (f"</{t[0]}>" if t[3] else ""))  # unclosed too


html_body = st.recursive(html_text, _element, max_leaves=30)


@st.composite
def html_pages(draw) -> bytes:
    body = draw(html_body)
    head = "".join(draw(st.lists(st.sampled_from([
        '<meta property="og:title" content="T &amp; \u202eX">', '<meta name="date" content="2011-13-45">',
        '<meta property="article:published_time" content="\x00">', "<title>&#xD800;</title>",
        '<link rel="canonical" href="javascript:alert(1)">', '<meta charset="utf-16">',
        '<meta http-equiv="content-type" content="text/html; charset=bogus">',
    ]), max_size=3)))
    page = draw(st.sampled_from([
        "{body}", "<html><head>{head}</head><body>{body}</body></html>",
        '<!DOCTYPE html><html lang="\u200f"><head>{head}</head><body><article>{body}</article></body></html>',
    ])).replace("{head}", head).replace("{body}", body)
    if draw(st.booleans()):
        depth = draw(st.integers(0, 400))
        page = "<div>" * depth + page + "</div>" * depth
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1252"]))
    return page.encode(encoding, errors="replace")


@FUZZ
@given(data=html_pages(), name=st.sampled_from(["a.html", "b.htm"]))
@example(data=b"<div>" * 300 + b"<p>The ministry denied the report on Tuesday.</p>" + b"</div>" * 300,
         name="a.html")
def test_html(data, name):
    read_as(data, name)


# --- Markdown with front matter ---------------------------------------------------------------

yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                         st.text(max_size=20), st.dates(), st.datetimes())
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=10), children, max_size=4)),
    max_leaves=20,
)
META_KEYS = ["title", "source", "url", "date", "published", "genre", "language", "lang", "author",
             "section", "category", "Title", "DATE"]


@st.composite
def front_matter(draw) -> str:
    """A YAML mapping: dumped from a strategy, or written with anchors and aliases (up to a bomb)."""
    kind = draw(st.sampled_from(["dumped", "aliases", "bomb", "broken", "not-a-mapping"]))
    if kind == "dumped":
        meta = draw(st.dictionaries(st.one_of(st.sampled_from(META_KEYS), st.text(max_size=8)),
                                    yaml_values, max_size=6))
        return yaml.safe_dump(meta, allow_unicode=draw(st.booleans()))
    if kind == "aliases":
        value = yaml.safe_dump(draw(yaml_values), default_flow_style=True).strip().replace("\n...", "")
        count = draw(st.integers(0, 30))  # the bound is 20 aliases
        lines = [f"base: &a {value}"] + [f"k{i}: *a" for i in range(count)]
        if draw(st.booleans()):
            lines.append("self: &s [*s]")  # an alias to an anchor not yet defined
        return "\n".join(lines) + "\n"
    if kind == "bomb":
        levels, width = draw(st.integers(1, 9)), draw(st.integers(1, 9))
        lines = ['a0: &a0 ["lol"]']
        for level in range(1, levels + 1):
            lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
        return "\n".join(lines) + "\n"
    if kind == "broken":
        return draw(st.text(max_size=60)) + "\n"
    return draw(st.sampled_from(["- a\n- b\n", "just a string\n", "42\n", "[\n", "{a: [}\n", "!!python/object:os.system x\n",
                                 "a: !!binary AAAA\n", "? [a, b]\n: c\n", "[" * 200 + "\n"]))


markdown_blocks = st.lists(st.one_of(
    st.text(max_size=60),
    st.sampled_from(["# Title", "## Sub", "* item", "1. one", "> quote", "```", "```python\ncode\n```",
                     "| a | b |\n|---|---|\n| 1 | 2 |", "[link](http://x)", "![img](x.png)", "<div>raw</div>",
                     "***", "---", "Officials said the ministry denied it.", "&#0;", "\\", "[x]: <>",
                     "    indented code", "- [ ] task", "<!-- comment"]),
    special_text,
), max_size=12).map("\n\n".join)


@FUZZ
@given(meta=front_matter(), body=markdown_blocks, name=st.sampled_from(["a.md", "b.markdown", "c.txt"]),
       closing=st.sampled_from(["---", "...", "--- ", ""]))
@example(meta="a: &a [1]\nb: [*a, *a]\n", body="# T\n\nThe ministry denied it.", name="a.md", closing="---")
def test_markdown_front_matter(meta, body, name, closing):
    read_as(f"---\n{meta}{closing}\n{body}".encode("utf-8", errors="surrogatepass"), name)


# --- JSONL ------------------------------------------------------------------------------------

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
              st.text(max_size=20)),
    lambda children: st.one_of(st.lists(children, max_size=3),
                               st.dictionaries(st.text(max_size=8), children, max_size=3)),
    max_leaves=10,
)
records = st.fixed_dictionaries(
    {"text": st.one_of(special_text, st.just("The ministry denied the report."), json_values)},
    optional={key: json_values for key in ["title", "source", "url", "published", "date", "genre",
                                           "language", "id", "tags"]},
)


@st.composite
def jsonl_line(draw) -> str:
    line = json.dumps(draw(records), ensure_ascii=draw(st.booleans()))
    broken = draw(st.sampled_from(["no", "no", "truncate", "junk", "surrogate", "nul", "digits", "deep",
                                   "nan", "array", "blank"]))
    if broken == "truncate":
        return line[: draw(st.integers(0, max(0, len(line) - 1)))]
    if broken == "junk":
        return draw(st.text(max_size=40)).replace("\n", " ")
    if broken == "surrogate":
        return '{"text": "lone \\ud800 here"}'
    if broken == "nul":
        return '{"text": "a NUL \\u0000 escape"}'
    if broken == "digits":
        return '{"text": "x", "n": ' + "9" * draw(st.integers(90, 6000)) + "}"
    if broken == "deep":
        depth = draw(st.integers(50, 3000))
        return '{"text": "x", "d": ' + "[" * depth + "]" * depth + "}"
    if broken == "nan":
        return '{"text": "x", "n": ' + draw(st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999"])) + "}"
    if broken == "array":
        return json.dumps([draw(records)])
    if broken == "blank":
        return draw(st.sampled_from(["", "  ", "\t", "\r"]))
    return line


@FUZZ
@given(lines=st.lists(jsonl_line(), min_size=1, max_size=8), end=st.sampled_from(["\n", "\r\n"]),
       name=st.sampled_from(["a.jsonl", "b.ndjson"]))
@example(lines=['{"text": "ok \u2028 line"}', '{"text": "x", "d": ' + "[" * 100000 + "]" * 100000 + "}"],
         end="\n", name="a.jsonl")
def test_jsonl(lines, end, name):
    data = end.join(lines).encode("utf-8")
    results = read_as(data, name)
    if any(isinstance(r, IngestError) and r.line is None for r in results):
        assert len(results) == 1, results  # a whole-file error is the only answer
        return
    # one answer per non-blank line, each naming its line: a bad line never takes the file down
    wanted = [n for n, line in enumerate(data.decode("utf-8").split("\n"), start=1) if line.strip()]
    got = [r.line if isinstance(r, IngestError) else r.extra["line"] for r in results]
    assert got == wanted, results


@FUZZ
@given(value=st.one_of(records, st.lists(records, max_size=4), json_values))
@example(value=[])  # was: nothing at all, no document and no error
def test_json(value):
    read_as(json.dumps(value).encode(), "a.json")


# --- PDF --------------------------------------------------------------------------------------

pdf_text = st.text(st.characters(min_codepoint=32, max_codepoint=255, exclude_categories=["Cc"]),
                   min_size=0, max_size=200)


def make_pdf(pages: list[str], title: str | None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    if title is not None:
        pdf.set_title(title)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


@st.composite
def pdf_bytes(draw) -> bytes:
    data = make_pdf(draw(st.lists(pdf_text, min_size=1, max_size=3)), draw(st.none() | pdf_text))
    mutation = draw(st.sampled_from(["none", "truncate", "flip", "both", "splice"]))
    if mutation in ("truncate", "both"):
        data = data[: draw(st.integers(0, len(data)))]
    if mutation in ("flip", "both") and data:
        data = bytearray(data)
        for _ in range(draw(st.integers(1, 20))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] ^= 1 << draw(st.integers(0, 7))
        data = bytes(data)
    if mutation == "splice":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=64)) + data[at:]
    return data


@FUZZ
@given(data=pdf_bytes())
@example(data=make_pdf(["The ministry denied the report on Tuesday."], None)[:-40])
# found by fuzz/readers_atheris.py: a damaged filter name made pypdf raise NotImplementedError, which
# only the reader's catch-all took ("could not read pdf file: ..."); now a "corrupt or unsupported PDF"
@example(data=make_pdf(["The ministry denied the report on Tuesday."], None).replace(b"/FlateDecode", b"/Flate%ecode"))
def test_pdf(data):
    results = read_as(data, "a.pdf")
    assert len(results) == 1
