"""A named ship is a target, not an actor: no entity of any type, whatever the NER or the knowledge
base took its name for (sentences written for these tests)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, name", [
    ("The Houthis said they attacked the tanker Marlin Luanda on Friday.", "Luanda"),
    ("A missile struck the bulk carrier Sea Dove off Aden.", "Sea Dove"),
])
def test_a_ship_is_no_entity(extract, text, name):
    doc = extract(text)
    assert not [e for e in doc.entities if name in e.name or any(name in m.text for m in e.mentions)]
    # the actors and places around it stay
    assert {"Houthis", "Aden"} & {e.name for e in doc.entities}
    # a ship word before a place's name makes no ship of it
    assert "Basra" in {e.name for e in extract("The tanker left Basra on Monday.").entities}
