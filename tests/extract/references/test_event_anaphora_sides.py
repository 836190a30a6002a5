"""An event noun that is the object of a verb whose subject is another event ("the strikes follow a
rocket attack") is a second event: 'the attack' after it is not done by the strikers."""
from __future__ import annotations

from claim_lookup import find, listing


def test_the_attack_the_strikes_follow_is_not_the_strikers(extract):
    doc = extract("U.S. forces on Sunday conducted strikes against three Kataib Hezbollah depots in Syria. The "
                  "strikes follow a January 3 drone attack on the Tanf garrison near the border. The attack "
                  "wounded a U.S. civilian contractor and killed two U.S. service members.")
    assert not find(doc, "U.S. forces", "ASSAULT", "United States"), listing(doc)
    assert not find(doc, "United States", "ASSAULT", "United States"), listing(doc)
