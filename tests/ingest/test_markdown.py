"""Markdown files: plain text from markdown-it tokens, title from the first level-1 heading."""
from __future__ import annotations

from claimgraph.ingest import IngestError, read_paths
from claimgraph.ingest.markdown import markdown_to_text

MARKDOWN = """# Iran's network of partners

The *Islamic Revolutionary Guard Corps* (IRGC) supports armed groups across the region,
according to [the State Department](https://www.state.gov/).

## Groups named

- **Hezbollah** in Lebanon
- Kata'ib Hezbollah in Iraq
  - and its allies in the `PMF`
- the Houthis in Yemen

| Group | Country |
|-------|---------|
| Hezbollah | Lebanon |

![a map](map.png)

> Iran remained the leading state sponsor of terrorism.
"""

EXPECTED = """Iran's network of partners

The Islamic Revolutionary Guard Corps (IRGC) supports armed groups across the region, according to the State Department.

Groups named

Hezbollah in Lebanon
Kata'ib Hezbollah in Iraq
and its allies in the PMF
the Houthis in Yemen

Group\tCountry
Hezbollah\tLebanon

Iran remained the leading state sponsor of terrorism."""


def test_markdown_to_text():
    text, title = markdown_to_text(MARKDOWN)
    assert text == EXPECTED
    assert title == "Iran's network of partners"


def test_markdown_file(tmp_path):
    path = tmp_path / "network.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    [doc] = read_paths([path])
    assert doc.format == "markdown"
    assert doc.text == EXPECTED
    assert doc.title == "Iran's network of partners"
    assert doc.path == str(path)


def test_first_level_one_heading_is_the_title_even_after_others(tmp_path):
    path = tmp_path / "later.markdown"
    path.write_text("## Background\n\nSome words here.\n\n# Hezbollah's arsenal\n\nRockets.\n", encoding="utf-8")
    [doc] = read_paths([path])
    assert doc.title == "Hezbollah's arsenal"


def test_front_matter_title_wins_over_heading(tmp_path):
    path = tmp_path / "fm.md"
    path.write_text(
        "---\ntitle: Given title\nsource: Example Review\n---\n# Heading title\n\nThe IRGC answers to the Supreme Leader.\n",
        encoding="utf-8",
    )
    [doc] = read_paths([path])
    assert doc.title == "Given title"
    assert doc.source == "Example Review"
    assert doc.text == "Heading title\n\nThe IRGC answers to the Supreme Leader."


def test_markdown_without_text_is_an_error(tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("---\ntitle: Nothing\n---\n![only an image](x.png)\n", encoding="utf-8")
    [error] = read_paths([path])
    assert isinstance(error, IngestError)
    assert str(error) == f"{path}: Markdown file has no text (only markup or front matter)"
