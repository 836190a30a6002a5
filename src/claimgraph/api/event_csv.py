"""The events table as CSV: one row per event, the columns the events page shows and more.

A cell that a spreadsheet would take for a formula (it begins with `=`, `+`, `-`, `@`, a tab or a
carriage return: document texts are untrusted) is written with a `'` before it.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from sqlalchemy import select

from claimgraph.query.view import chunks
from claimgraph.store.schema import DocumentRow

COLUMNS = ("id", "type", "status", "conditional", "date_start", "date_end", "date_precision", "date_text",
           "actor_id", "actor", "target_id", "target", "place_id", "place", "modality", "attributed_to", "mode",
           "grade", "credibility", "sources", "independent", "documents", "evidence_count",
           "evidence", "doc_id", "doc_title", "doc_url")
BATCH = 500
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def _ref(ref, key: str):
    if isinstance(ref, dict):
        return ref.get(key)
    return ref if key == "name" else None


def record(row: dict, urls: dict[str, str | None]) -> list[str]:
    """The CSV cells of one event row of `query.event_list` (`urls`: document id → its URL)."""
    date = row.get("date") or {}
    first = (row.get("evidence") or [{}])[0]
    doc = first.get("doc")
    values = (row["claim"], row["predicate"], row.get("status") or "occurred", row.get("conditional"),
              date.get("start"), date.get("end"), date.get("precision"), date.get("text"),
              _ref(row.get("subject"), "id"), _ref(row.get("subject"), "name"),
              _ref(row.get("object"), "id"), _ref(row.get("object"), "name"),
              _ref(row.get("location"), "id"), _ref(row.get("location"), "name"),
              row.get("modality"), _ref(row.get("attributed_to"), "name"), row.get("mode"),
              row.get("admiralty"), row.get("credibility"), row.get("sources"), row.get("independent"),
              row.get("documents"), len(row.get("evidence") or ()),
              first.get("excerpt"), doc, first.get("title"), urls.get(doc) if doc else None)
    return [cell(v) for v in values]


def _urls(view, doc_ids: Iterable[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for part in chunks(sorted(set(doc_ids))):
        out.update(view.session.execute(select(DocumentRow.id, DocumentRow.url).where(DocumentRow.id.in_(part))).all())
    return out


def lines(view, rows: Iterable[dict]) -> Iterator[str]:
    """The header, then the rows, `BATCH` at a time (each batch's document URLs read in one go)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    batch: list[dict] = []

    def flush() -> str:
        urls = _urls(view, [(r.get("evidence") or [{}])[0].get("doc") for r in batch
                            if (r.get("evidence") or [{}])[0].get("doc")])
        for r in batch:
            writer.writerow(record(r, urls))
        batch.clear()
        text = out.getvalue()
        out.seek(0)
        out.truncate()
        return text

    yield flush()
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield flush()
    if batch:
        yield flush()
