"""REQUESTs no request verb names (readings/requests.py): a demand voiced in a statement (an
imperative, "X must stop"), a deed done at someone's direction, a reward offered for information;
and the threat that X "will pay a price" (threats.price_threats)."""
from __future__ import annotations

from claim_lookup import claim, find, listing


def test_an_imperative_quoted_is_the_speakers_demand_not_a_deed(extract):
    doc = extract('"Free the prisoners today," Foreign Minister Sergey Lavrov told Ukraine.')
    c = claim(doc, "Sergey Lavrov", "REQUEST", "Ukraine")
    assert c.modality == "asserted"
    assert not find(doc, "Ukraine", "CONCEDE"), listing(doc)


def test_an_imperative_without_an_addressee_has_no_object(extract):
    doc = extract('"Stop the shelling of the city," Secretary of State Antony Blinken said.')
    claim(doc, "Antony Blinken", "REQUEST", None)


def test_must_stop_said_by_an_official_is_a_request_to_the_subject(extract):
    doc = extract('"Russia must withdraw its troops from Ukraine," Secretary of State Antony Blinken said.')
    claim(doc, "Antony Blinken", "REQUEST", "Russia")
    assert not find(doc, "Russia", "RETREAT"), listing(doc)  # demanded, not done
    doc = extract("Antony Blinken said Iran should stop supplying drones to Russia.")
    claim(doc, "Antony Blinken", "REQUEST", "Iran")


def test_a_named_organizations_forces_are_asked_too(extract):
    doc = extract('"Iran and its Houthi partner forces must end these attacks," Secretary of Defense Lloyd Austin said.')
    claim(doc, "Lloyd Austin", "REQUEST", "Iran")
    claim(doc, "Lloyd Austin", "REQUEST", "Houthis")


def test_an_obligation_of_the_speakers_own_side_asks_nobody(extract):
    doc = extract('"The United States must defend its troops," President Joe Biden said.')
    assert not find(doc, "Joe Biden", "REQUEST"), listing(doc)
    doc = extract("Antony Blinken said Iran should have stopped the attack.")  # a reproach about the past
    assert not find(doc, "Antony Blinken", "REQUEST"), listing(doc)


def test_a_deed_at_a_presidents_direction_is_his_request_to_the_doers(extract):
    doc = extract("At the direction of President Donald Trump, U.S. forces struck Kataib Hezbollah sites in Iraq.")
    claim(doc, "Donald Trump", "REQUEST", "U.S. forces")
    assert not find(doc, "Donald Trump", "REQUEST", "United States"), listing(doc)


def test_partners_of_the_doers_are_not_commanded(extract):
    doc = extract("On Monday, at the direction of President Joe Biden, U.S. forces, together with the armed "
                  "forces of the United Kingdom, struck Houthi radar sites in Yemen.")
    claim(doc, "Joe Biden", "REQUEST", "U.S. forces")
    assert not find(doc, "Joe Biden", "REQUEST", "United Kingdom"), listing(doc)


def test_at_the_request_of_is_a_request(extract):
    doc = extract("Turkish police arrested the suspect at the request of Germany.")
    assert find(doc, "Germany", "REQUEST"), listing(doc)


def test_a_reward_offered_for_information_is_a_request_with_no_object(extract):
    doc = extract("The State Department is offering a reward of up to $7 million for information on Saif al-Adel.")
    c = claim(doc, "U.S. Department of State", "REQUEST", None)
    assert c.attrs["status"] == "occurred"
    doc = extract("The State Department offered him a job.")
    assert not find(doc, "U.S. Department of State", "REQUEST"), listing(doc)


def test_will_pay_a_price_is_the_speakers_threat(extract):
    doc = extract('"Hamas will pay a heavy price for this massacre," Prime Minister Benjamin Netanyahu said.')
    c = claim(doc, "Benjamin Netanyahu", "THREATEN", "Hamas")
    assert c.modality == "asserted"
    doc = extract('"We will make sure that Hamas pays a price," Defense Minister Yoav Gallant said.')
    claim(doc, "Yoav Gallant", "THREATEN", "Hamas")
    doc = extract("Iran paid a high price for the war, analyst John Smith said.")  # a past cost, no threat
    assert not find(doc, "John Smith", "THREATEN"), listing(doc)


def test_a_turn_of_speech_in_the_imperative_is_no_demand(extract):
    doc = extract('"Let me be clear: the regime will answer for this," Secretary of State Antony Blinken said.')
    assert not find(doc, "Antony Blinken", "REQUEST"), listing(doc)
    doc = extract('"Look at what they did to our towns," Prime Minister Benjamin Netanyahu said.')
    assert not find(doc, "Benjamin Netanyahu", "REQUEST"), listing(doc)
