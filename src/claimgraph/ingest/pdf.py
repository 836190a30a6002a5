"""PDF files: the text layer by pypdf, pages joined by a blank line."""
from __future__ import annotations

import io
import re

from ..model import Document
from .errors import IngestError
from .metadata import make_document

# Titles that word processors put in the info dictionary by themselves.
_PLACEHOLDER_TITLE = re.compile(r"^\s*(?:untitled|microsoft word - .*|document\d*)\s*$", re.I)


def read_pdf(data: bytes, path: str) -> Document:
    """Read a PDF's text layer; raise IngestError for corrupt, locked or image-only PDFs."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if b"%PDF-" not in data[:1024]:
        raise IngestError(path, None, "corrupt PDF: no %PDF header (not a PDF file?)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(path, None, "encrypted PDF: it needs a password")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except IngestError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        raise IngestError(path, None, f"corrupt PDF: {error or type(error).__name__}") from None
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
