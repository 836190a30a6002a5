"""PDF files: the text layer by pypdf, title and date from the PDF info."""
from __future__ import annotations

import datetime as dt

from fpdf import FPDF

from claimgraph.ingest import IngestError, read_paths

PAGE_ONE = (
    "The Department of the Treasury designated five individuals linked to a plot to murder "
    "the Saudi Arabian Ambassador to the United States. Two of them were senior officers of "
    "the IRGC-Qods Force."
)
PAGE_TWO = "The designations freeze any property of these persons that is subject to U.S. jurisdiction."


def make_pdf(path, pages, *, title=None, created=None):
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    if title:
        pdf.set_title(title)
    if created:
        pdf.set_creation_date(created)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 8, text)
        else:
            pdf.rect(20, 20, 100, 60, style="F")  # a drawing, no text
    pdf.output(str(path))


def test_pdf_text_and_info(tmp_path):
    path = tmp_path / "treasury.pdf"
    make_pdf(
        path,
        [PAGE_ONE, PAGE_TWO],
        title="Treasury Designates Individuals Linked to Plot",
        created=dt.datetime(2011, 10, 11, 12, 0, tzinfo=dt.timezone.utc),
    )
    [doc] = read_paths([path])
    assert not isinstance(doc, IngestError), str(doc)
    assert doc.format == "pdf"
    assert doc.title == "Treasury Designates Individuals Linked to Plot"
    assert doc.published == "2011-10-11"
    assert doc.extra["pages"] == 2
    first, second = doc.text.split("\n\n")
    assert " ".join(first.split()) == PAGE_ONE
    assert " ".join(second.split()) == PAGE_TWO


def test_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    make_pdf(path, ["", ""])
    [error] = read_paths([path])
    assert isinstance(error, IngestError)
    assert str(error) == f"{path}: PDF has no text layer (2 page(s), scanned images?); run OCR first"


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a PDF body\n")
    [error] = read_paths([path])
    assert isinstance(error, IngestError)
    assert str(error).startswith(f"{path}: corrupt PDF: ")


def test_pdf_that_is_not_a_pdf(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("The IRGC was founded in 1979.", encoding="utf-8")
    [error] = read_paths([path])
    assert str(error) == f"{path}: corrupt PDF: no %PDF header (not a PDF file?)"


def test_truncated_pdf(tmp_path):
    whole = tmp_path / "whole.pdf"
    make_pdf(whole, [PAGE_ONE])
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole.read_bytes()[:300])
    [error] = read_paths([path])
    assert isinstance(error, IngestError)
    assert error.message.startswith("corrupt PDF: ")


def repeated_page_pdf(path, pages: int, text: str) -> None:
    """A PDF of `pages` pages that all show one page's text: small on disk, long to read."""
    import io

    from pypdf import PdfReader, PdfWriter

    one = FPDF()
    one.set_font("Helvetica", size=9)
    one.add_page()
    one.multi_cell(0, 4, text)
    page = PdfReader(io.BytesIO(bytes(one.output()))).pages[0]
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_page(page)
    writer.write(str(path))


REPEATED = "Hezbollah attacked the town on Monday, officials said. The army denied that it shelled the village. "


def test_many_page_pdf_refused_before_its_text_is_read(tmp_path, monkeypatch):
    from pypdf import PageObject

    path = tmp_path / "dump.pdf"
    repeated_page_pdf(path, 5_000, REPEATED * 20)  # 10 million characters of text from ~700 KB
    good = tmp_path / "good.pdf"
    make_pdf(good, [PAGE_ONE])
    read_pages = []  # the pages whose text pypdf extracted (the real extraction runs)
    extract = PageObject.extract_text
    monkeypatch.setattr(PageObject, "extract_text", lambda page, *a, **k: read_pages.append(1) or extract(page, *a, **k))
    [refused] = list(read_paths([path], max_bytes=None))
    assert str(refused) == f"{path}: PDF of 5,000 pages is over the limit of 1,000 pages; split it"
    assert read_pages == []  # refused from the page count: no page's text was read
    [ok] = list(read_paths([good], max_bytes=None))
    assert ok.text.startswith("The Department of the Treasury") and read_pages


def test_pdf_text_capped_at_the_page_that_passes_the_limit(tmp_path):
    path = tmp_path / "long.pdf"
    repeated_page_pdf(path, 999, REPEATED * 20)  # under the page limit, ~2 million characters
    [error] = read_paths([path])
    assert isinstance(error, IngestError)
    assert error.message == "PDF text is over the limit of 1,000,000 characters at page 500 of 999; split it"
