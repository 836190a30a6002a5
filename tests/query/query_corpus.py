"""A real store built by the real pipeline from four short documents written for these tests.

Qassem Soleimani is "Qassem" in one document and "Qasem" in another; Kata'ib Hizballah is
"Hizballah" and "Hezbollah"; one document says Iran armed Kata'ib Hizballah, another that
Tehran denied arming it.
"""
from __future__ import annotations

from corpus_store import store_from

DOCS = [
    {"title": "Rockets and drones for Iraqi militias", "source": "tigriswire", "published": "2019-12-30",
         "text": "Iran armed Kata'ib Hizballah with rockets and drones. The Quds Force trains Kata'ib Hizballah in Iraq. "
              "Qassem Soleimani, the commander of the Quds Force, met Abu Mahdi al-Muhandis in Baghdad in 2019. "
              "Kata'ib Hizballah attacked a US base in Baghdad in December 2019."},
    {"title": "Tehran denies arming militias", "source": "levantpost", "published": "2020-01-05",
         "text": "Tehran denied arming Kata'ib Hezbollah. Qasem Soleimani, the head of the Quds Force, was killed in a "
              "US drone strike at Baghdad airport on 3 January 2020."},
    {"title": "Hezbollah in Yemen", "source": "gulfledger", "published": "2018-06-01",
         "text": "Hezbollah trains Ansar Allah fighters in Yemen, according to Saudi officials. "
              "Hassan Nasrallah leads Hezbollah. The Quds Force funds Hezbollah."},
    {"title": "Arrest in Basra", "source": "harbourtimes", "published": "2021-05-02",
         "text": "Police in Basra arrested Ali Hassan, a commander of the Hezbollah Brigades, in 2021. "
              "Palestinian Islamic Jihad's al-Quds Brigades fired rockets at Israel in 2019."},
]

SOLEIMANI, KH, IRAN, QF = "ent-qassem-soleimani", "ent-kataib-hizballah", "ent-irn", "ent-quds-force"


def make_store(extractor, path):
    return store_from(extractor, path, DOCS)
