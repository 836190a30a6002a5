"""PDF files: the text layer by pypdf, pages joined by a blank line."""
from __future__ import annotations

import io
import re

from ..model import Document
from .errors import IngestError
from .metadata import make_document

# Titles that word processors put in the info dictionary by themselves.
_PLACEHOLDER_TITLE = re.compile(r"^\s*(?:untitled|microsoft word - .*|document\d*)\s*$", re.I)

MAX_PDF_PAGES = 1_000
"""Most pages read from a PDF: a longer one is refused before any text is extracted (a report or a
court opinion has a few hundred; thousands of pages are a dump, or a small file repeating one page)."""
MAX_PDF_CHARS = 1_000_000
"""Most characters of text read from a PDF: extraction stops, and the file is refused, at the page
that passes it (half the parser's limit: a PDF's text layer is a book's length long before that)."""


def read_pdf(data: bytes, path: str, *, max_pages: int | None = MAX_PDF_PAGES,
             max_chars: int | None = MAX_PDF_CHARS) -> Document:
    """Read a PDF's text layer; raise IngestError for corrupt, locked or image-only PDFs and for
    one over `max_pages` pages or `max_chars` characters of text (None: no limit)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if b"%PDF-" not in data[:1024]:
        raise IngestError(path, None, "corrupt PDF: no %PDF header (not a PDF file?)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(path, None, "encrypted PDF: it needs a password")
        count = len(reader.pages)
        if max_pages is not None and count > max_pages:
            raise IngestError(
                path, None, f"PDF of {count:,} pages is over the limit of {max_pages:,} pages; split it"
            )
        pages: list[str] = []
        total = 0
        for number, page in enumerate(reader.pages, start=1):
            text = page.extract_text() or ""
            total += len(text.strip("\n")) + 2
            if max_chars is not None and total > max_chars:
                raise IngestError(
                    path, None, f"PDF text is over the limit of {max_chars:,} characters at page {number:,} "
                    f"of {count:,}; split it"
                )
            pages.append(text)
        info = reader.metadata
    except IngestError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        raise IngestError(path, None, f"corrupt PDF: {error or type(error).__name__}") from None
    except NotImplementedError as error:  # a stream filter pypdf does not know (a damaged name, say)
        raise IngestError(path, None, f"corrupt or unsupported PDF: {error or 'a feature pypdf does not read'}") from None
    text = "\n\n".join(page.strip("\n") for page in pages if page.strip())
    if not text.strip():
        raise IngestError(
            path, None, f"PDF has no text layer ({len(pages)} page(s), scanned images?); run OCR first"
        )
    meta: dict = {}
    if info is not None:
        if info.title and not _PLACEHOLDER_TITLE.match(info.title):
            meta["title"] = info.title
        meta["author"] = info.author
        try:
            meta["published"] = info.creation_date
        except (ValueError, TypeError):
            pass  # an unreadable /CreationDate is no reason to drop the text
    meta = {key: value for key, value in meta.items() if value}
    return make_document(text, path=path, format="pdf", meta=meta, extra={"pages": len(pages)})
