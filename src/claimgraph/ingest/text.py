"""Plain text files, kept exactly as decoded, with optional YAML front matter."""
from __future__ import annotations

from ..model import Document
from .errors import IngestError
from .frontmatter import FrontMatterError, split_front_matter
from .metadata import make_document


def read_plain(text: str, path: str, encoding: str) -> Document:
    """A Document whose text is the decoded file less its front matter, if any.

    When front matter is removed, `extra["text_offset"]` is the number of code points
    removed, so an offset into `Document.text` plus it is an offset into the file.
    """
    try:
        meta, body, offset = split_front_matter(text)
    except FrontMatterError as error:
        raise IngestError(path, None, str(error)) from None
    if not body.strip():
        raise IngestError(path, None, "no text after the front matter")
    extra = {"encoding": encoding}
    if offset:
        extra["text_offset"] = offset
    return make_document(body, path=path, format="text", meta=meta, extra=extra)
