"""An uploaded document, as JSON text or as a file, read by the same code as the CLI.

JSON `{"text", "title"?, "source"?, "published"?, "url"?, "genre"?}` goes through
`ingest.read_text`; a multipart file through `ingest.read_file` (by its extension: .txt, .md,
.html, .pdf, .jsonl, ...), written for that to a private temporary folder under its own base
name. Metadata given beside the file wins over what is read from it.
"""
from __future__ import annotations

import os
import re
import tempfile

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.datastructures import UploadFile

from claimgraph.api.errors import ApiError, validation_message
from claimgraph.ingest import IngestError, read_file, read_text
from claimgraph.ingest.metadata import normalize_date, normalize_genre, split_metadata
from claimgraph.model import Document

META = ("title", "source", "published", "url", "genre")


class NewText(BaseModel):
    """A document given as text."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The document's text, kept exactly.")
    title: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=255, description="The outlet.")
    published: str | None = Field(None, max_length=64, description="Publication date (YYYY-MM-DD or a written date).")
    url: str | None = Field(None, max_length=4000)
    genre: str | None = Field(None, max_length=32, description="news, opinion, report, legal, press_release.")

    @field_validator("*")
    @classmethod
    def _encodable(cls, v):
        if isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("not valid Unicode text (lone surrogate)") from None
        return v

    @field_validator("published")
    @classmethod
    def _date(cls, v):
        if v is not None and v.strip() and normalize_date(v) is None:
            raise ValueError(f"not a date: {v!r} (use YYYY-MM-DD)")
        return v

    @field_validator("genre")
    @classmethod
    def _genre(cls, v):
        if v is not None and v.strip() and normalize_genre(v) is None:
            raise ValueError(f"unknown genre {v!r}: news, opinion, report, legal, press_release or unknown")
        return v


def _meta(values: dict) -> dict:
    return {k: v for k, v in values.items() if k in META and isinstance(v, str) and v.strip()}


def from_json(data) -> list[Document]:
    if not isinstance(data, dict):
        raise ApiError(422, "the body must be a JSON object with a \"text\"")
    try:
        given = NewText(**data)
    except ValidationError as e:
        errors = [{"loc": ["body", *err["loc"]], "msg": err["msg"], "type": err["type"]} for err in e.errors()]
        raise ApiError(422, validation_message(errors), errors=errors) from None
    try:
        return [read_text(given.text, **_meta(given.model_dump()))]
    except IngestError as e:
        raise ApiError(422, e.message) from None


def _safe_name(filename: str | None) -> str:
    """The upload's base name with only harmless characters (no folders, no leading dot)."""
    name = os.path.basename((filename or "").replace("\\", "/"))
    name = re.sub(r"[^\w.\-]+", "_", name).lstrip(".")
    return name[:120] or "upload.txt"


def from_file(upload: UploadFile, fields: dict, max_bytes: int) -> tuple[list[Document], list[str]]:
    """Documents read from the file, and one message per part that could not be read."""
    for key, value in _meta(fields).items():
        try:
            NewText(text="x", **{key: value})
        except ValidationError as e:
            raise ApiError(422, validation_message([{**err, "loc": ("form", *err["loc"])} for err in e.errors()])) from None
    name = _safe_name(upload.filename)
    upload.file.seek(0)
    docs, errors = [], []
    with tempfile.TemporaryDirectory(prefix="claimgraph-upload-") as folder:
        path = os.path.join(folder, name)
        with open(path, "wb") as out:
            while chunk := upload.file.read(1 << 20):
                out.write(chunk)
        for item in read_file(path, max_bytes=max_bytes):
            if isinstance(item, IngestError):
                errors.append(str(item).replace(path, name))
                continue
            item.path = name if item.path == path else (item.path or "").replace(path, name) or name
            override, _ = split_metadata(_meta(fields))
            for key, value in override.items():
                setattr(item, key, value)
            docs.append(item)
    return docs, errors
