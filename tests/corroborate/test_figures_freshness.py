"""Stored grades follow the sources table: a store whose figures were computed with another table
is reindexed when it is opened."""
from __future__ import annotations

from sqlalchemy import select

from claimgraph.corroborate.sources import ENV
from claimgraph.model import Claim, Document, Entity, Evidence, Mention
from claimgraph.store import Store
from claimgraph.store.schema import ClaimGroupRow, MetaRow

TEXT = "The Harbour Front arms the Lantern Brigade, the Ridge Courier reported."


def _document() -> Document:
    doc = Document(TEXT, title="Arms", source="Ridge Courier", published="2024-03-01", genre="news")
    front, brigade = TEXT.index("The Harbour Front"), TEXT.index("the Lantern Brigade")
    doc.entities = [
        Entity("ent-harbour-front", "Harbour Front", "organization",
               mentions=[Mention(front, front + 17, "The Harbour Front", rule="test")]),
        Entity("ent-lantern-brigade", "Lantern Brigade", "group",
               mentions=[Mention(brigade, brigade + 19, "the Lantern Brigade", rule="test")]),
    ]
    sentence = TEXT
    doc.claims = [Claim("claim-arms", "relation", "ent-harbour-front", "arms", "ent-lantern-brigade",
                        evidence=[Evidence(doc.id, 0, len(sentence), sentence)])]
    return doc


def _reliability(store: Store) -> str:
    from sqlalchemy.orm import Session
    with Session(store.engine) as session:
        return session.scalar(select(ClaimGroupRow.data))["reliability"]


def test_a_new_sources_table_regrades_the_stored_claims(db_url, tmp_path, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    with Store(db_url) as store:
        store.add_document(_document())
        assert _reliability(store) == "F"  # nobody graded the Ridge Courier
    graded = tmp_path / "sources.yaml"
    graded.write_text("sources:\n  - name: Ridge Courier\n    reliability: B\n", encoding="utf-8")
    monkeypatch.setenv(ENV, str(graded))
    with Store(db_url) as store:
        assert _reliability(store) == "B"
        from sqlalchemy.orm import Session
        with Session(store.engine) as session:
            stamp = session.scalar(select(MetaRow.value).where(MetaRow.key == "figures"))
    with Store(db_url) as store:  # the same table again: nothing to redo
        from sqlalchemy.orm import Session
        with Session(store.engine) as session:
            assert session.scalar(select(MetaRow.value).where(MetaRow.key == "figures")) == stamp
        assert _reliability(store) == "B"
