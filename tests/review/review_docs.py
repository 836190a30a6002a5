"""Short texts written for the review tests, stored by the real pipeline.

Iran armed the Zarqa Brigade in one text and denied it in another (a contested claim); the
"Amal Relief Foundation" and the "Amal Relief Fund" are two spellings the resolver scores below
its threshold (a candidate pair for an analyst); Karim Haddad leads the Zarqa Brigade on one
outlet's word only; `KILLED` (not in the store unless asked for) reports his death.
"""
from __future__ import annotations

from claimgraph.model import Document
from claimgraph.store import Store
from claimgraph.store.ingest import ingest_documents

DOCS = [
    {"title": "Rockets for the Zarqa Brigade", "source": "harbourtimes", "published": "2021-03-02",
     "text": "Iran armed the Zarqa Brigade with rockets, officials said. The Amal Relief Foundation funds the "
             "Zarqa Brigade. Karim Haddad leads the Zarqa Brigade."},
    {"title": "Tehran denies arming the brigade", "source": "levantpost", "published": "2021-03-05",
     "text": "Tehran denied arming the Zarqa Brigade. The Amal Relief Fund supports the Zarqa Brigade."},
]


KILLED = {"title": "Brigade leader shot", "source": "gulfledger", "published": "2021-04-05",
          "text": "Gunmen killed Karim Haddad in Basra on 4 April 2021."}


def make_store(extractor, url: str, texts: list[dict] = DOCS) -> Store:
    store = Store(url)
    docs = [Document(text=d["text"], title=d["title"], source=d["source"], published=d["published"]) for d in texts]
    ingest_documents(store, docs, extractor)
    return store
