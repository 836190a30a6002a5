"""The small store the browser tests drive, read by the real pipeline from texts written for them.

Qassem Soleimani is spelt "Qassem Soleimani" and "Soleimani" only, so finding him as
"Suleimani" takes the knowledge base's aliases or a close spelling. Iran is said to arm Kata'ib
Hezbollah in one document and denies it in another (a contested claim).
"""
from __future__ import annotations

from corpus_store import store_from

DOCS = [
    {"title": "The general behind Iraq's militias", "source": "tigriswire", "published": "2019-11-04",
     "text": "Qassem Soleimani, the commander of the Quds Force, met Abu Mahdi al-Muhandis in Baghdad in October 2019. "
             "Abu Mahdi al-Muhandis leads Kata'ib Hezbollah. "
             "The Quds Force funds Kata'ib Hezbollah. "
             "According to US officials, the Quds Force trained Kata'ib Hezbollah fighters near Basra."},
    {"title": "Rockets for Kata'ib Hezbollah", "source": "levantpost", "published": "2019-12-20",
     "text": "Iran armed Kata'ib Hezbollah with rockets and drones. "
             "Kata'ib Hezbollah attacked a US base near Kirkuk in December 2019. "
             "Soleimani reportedly planned the attack with al-Muhandis."},
    {"title": "Tehran rejects the charges", "source": "gulfledger", "published": "2020-01-02",
     "text": "Tehran denied arming Kata'ib Hezbollah. "
             "Qassem Soleimani leads the Quds Force, the foreign arm of the Islamic Revolutionary Guard Corps."},
]

SOLEIMANI, QUDS_FORCE, KH, MUHANDIS = "ent-qassem-soleimani", "ent-quds-force", "ent-kataib-hizballah", \
    "ent-abu-mahdi-al-muhandis"


def make_store(extractor, path):
    return store_from(extractor, path, DOCS)
