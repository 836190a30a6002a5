"""The claim stage on sentences written for these tests: relations and events, their arguments,
attributes, evidence and confidence (modality has its own file, roles too)."""
from __future__ import annotations

from claim_lookup import claim, doc_name, find, listing, predicates

from claimgraph.model import Document


# arguments

def test_coordinated_verbs_share_their_object(extract):
    doc = extract("The Quds Force has been organizing, training, arming and financing Kata'ib Hizballah for years.")
    assert {"trains", "arms", "funds"} <= predicates(doc, "Quds Force", "Kata'ib Hizballah")


def test_coordinated_objects_give_one_event_each(extract):
    doc = extract("Hezbollah operatives plotted to bomb the Israeli and American embassies in Baku.")
    assaults = find(doc, "Hezbollah", "ASSAULT")
    assert sorted(doc_name(doc, c.object) for c in assaults) == ["Israel", "United States"]


def test_relative_clause_object(extract):
    doc = extract("Iran funds the militias that Iran controls in Iraq.")
    assert claim(doc, "Iran", "controls", "militias").kind == "relation"


def test_passive_with_agent(extract):
    doc = extract("Asa'ib Ahl al-Haq was designated by OFAC in 2020.")
    c = claim(doc, "Office of Foreign Assets Control", "SANCTION", "Asa'ib Ahl al-Haq")
    assert c.kind == "event"


def test_agentless_passive_in_a_release_takes_the_last_designator(extract):
    doc = extract("Today, the Treasury Department's Office of Foreign Assets Control (OFAC) designated "
                  "Kata'ib Hizballah. Asa'ib Ahl al-Haq is also being designated today for its role in "
                  "attacks on U.S. forces.")
    explicit = claim(doc, "Office of Foreign Assets Control", "SANCTION", "Kata'ib Hizballah")
    implicit = claim(doc, "Office of Foreign Assets Control", "SANCTION", "Asa'ib Ahl al-Haq")
    assert implicit.confidence < explicit.confidence


def test_receive_from_swaps_the_funder_and_keeps_the_sum(extract):
    doc = extract("Hezbollah receives some $700 million a year from Iran.")
    c = claim(doc, "Iran", "funds", "Hezbollah")
    assert c.attrs["quantity"] == {"amount": 700_000_000, "unit": "USD", "per": "year"}
    assert not find(doc, "Hezbollah", "funds")


def test_what_is_provided_decides_the_relation(extract):
    doc = extract("The IRGC provides weapons to the Houthis. The Quds Force provides training to "
                  "Kata'ib Hizballah. Iran provides material support to Hamas.")
    assert predicates(doc, "Islamic Revolutionary Guard Corps", "Houthis") == {"arms"}
    assert predicates(doc, "Quds Force", "Kata'ib Hizballah") == {"trains"}
    assert predicates(doc, "Iran", "Hamas") == {"supports"}


def test_hyphen_backed(extract):
    doc = extract("Iran-backed militias fired drones at the airport.")
    assert claim(doc, "Iran", "supports", "Iran-backed militias").rule == "hyphen:backed"


def test_hyphen_led_on_named_militias(extract):
    doc = extract("Kata'ib Hizballah and Asa'ib Ahl al-Haq are IRGC-led militias.")
    claim(doc, "Islamic Revolutionary Guard Corps", "controls", "Kata'ib Hizballah")
    claim(doc, "Islamic Revolutionary Guard Corps", "controls", "Asa'ib Ahl al-Haq")


def test_hyphen_based_is_where_the_group_operates(extract):
    doc = extract("The Syria-based Liwa Fatemiyoun recruits Afghan fighters.")
    claim(doc, "Fatemiyoun Division", "operates_in", "Syria")
    assert not find(doc, "Syria", "operates_in")


def test_nominalization_with_a_possessive_pronoun(extract):
    doc = extract("Iran has increased its support for Hezbollah.")
    c = claim(doc, "Iran", "supports", "Hezbollah")
    assert c.rule == "noun:support" and c.modality == "asserted"


def test_event_noun_with_an_actor_behind_it(extract):
    doc = extract("Hezbollah was behind the 2005 assassination of Rafik Hariri.")
    c = claim(doc, "Hezbollah", "ASSAULT", "Rafik Hariri")
    assert c.attrs["mode"] == "assassination"
    assert c.attrs["date"]["start"] == "2005-01-01" and c.attrs["date"]["precision"] == "year"


def test_including_list(extract):
    doc = extract("Iran arms several groups, including the Houthis, Hezbollah and Hamas.")
    for group in ("Houthis", "Hezbollah", "Hamas"):
        claim(doc, "Iran", "arms", group)


# events

def test_arrest_is_coerce_with_its_place(extract):
    doc = extract("Police arrested Abu Fadak al-Mohammedawi in Baghdad.")
    c = claim(doc, "Police", "COERCE", "Abu Fadak al-Mohammedawi")
    assert c.attrs["location"] == next(e.id for e in doc.entities if e.name == "Baghdad")


def test_sanction(extract):
    doc = extract("The Treasury Department sanctioned Asa'ib Ahl al-Haq leader Qais al-Khazali.")
    assert claim(doc, "U.S. Department of the Treasury", "SANCTION", "Qais al-Khazali").kind == "event"


def test_charges_accuse_each_defendant_of_the_charged_crime(extract):
    doc = extract("The Justice Department filed murder-for-hire charges against Manssor Arbabsiar and Gholam Shakuri.")
    justice = next(e.id for e in doc.entities if e.name == "Justice Department")
    for person in ("Manssor Arbabsiar", "Gholam Shakuri"):
        assert claim(doc, "Justice Department", "ACCUSE", person).modality == "asserted"
        crime = claim(doc, person, "ASSAULT", None)
        assert crime.modality == "alleged" and crime.attributed_to == justice


def test_meeting_is_consult(extract):
    doc = extract("Qassem Soleimani met with Hadi al-Amiri in Baghdad.")
    assert claim(doc, "Qassem Soleimani", "CONSULT", "Hadi al-Amiri").attrs["status"] == "occurred"


def test_order_is_request_and_the_ordered_act_is_the_recipient_s(extract):
    doc = extract("Qassem Soleimani ordered Kata'ib Hizballah to attack the US embassy.")
    claim(doc, "Qassem Soleimani", "REQUEST", "Kata'ib Hizballah")
    # the attack ordered has not happened: the order is the event, and nobody's attack is stored
    assert not find(doc, "Kata'ib Hizballah", "ASSAULT") and not find(doc, "Qassem Soleimani", "ASSAULT")


def test_instruction_is_request(extract):
    doc = extract("Ali Khamenei instructed the Quds Force to arm the Houthis.")
    claim(doc, "Ali Khamenei", "REQUEST", "Quds Force")
    claim(doc, "Quds Force", "arms", "Houthis")


def test_operates_in_a_list_of_places(extract):
    doc = extract("The Quds Force operates in Iraq, Syria, Yemen and Lebanon.")
    for place in ("Iraq", "Syria", "Yemen", "Lebanon"):
        claim(doc, "Quds Force", "operates_in", place)


def test_found_liable_is_an_accusation_by_the_judge(extract):
    doc = extract("Judge George Daniels found Iran liable for the attacks.")
    c = claim(doc, "George B. Daniels", "ACCUSE", "Iran")
    assert c.rule.startswith("verdict:")


def test_bombs_that_killed_are_the_provider_s_attack(extract):
    doc = extract("Iran provided the bombs that killed American troops in Iraq.")
    c = claim(doc, "Iran", "ASSAULT", "United States")
    assert c.attrs["mode"] == "explosives"


def test_an_unresolved_pronoun_never_yields_a_claim(extract):
    doc = extract("They attacked the US embassy.")
    assert not [c for c in doc.claims if c.predicate == "ASSAULT"], listing(doc)


# attributes

def test_status_attempted(extract):
    doc = extract("The Quds Force made a failed attempt to assassinate Adel al-Jubeir.")
    assert claim(doc, "Quds Force", "ASSAULT", "Adel al-Jubeir").attrs["status"] == "attempted"


def test_status_planned(extract):
    doc = extract("The Quds Force planned to attack the Saudi embassy.")
    assert claim(doc, "Quds Force", "ASSAULT", "Saudi Arabia").attrs["status"] == "planned"


def test_status_occurred(extract):
    doc = extract("Kata'ib Hizballah attacked US troops near Kirkuk.")
    assert claim(doc, "Kata'ib Hizballah", "ASSAULT", "United States").attrs["status"] == "occurred"


def test_assault_modes(extract):
    doc = extract("Hezbollah bombed the Israeli embassy. Hezbollah assassinated Rafik Hariri.")
    assert claim(doc, "Hezbollah", "ASSAULT", "Israel").attrs["mode"] == "explosives"
    assert claim(doc, "Hezbollah", "ASSAULT", "Rafik Hariri").attrs["mode"] == "assassination"


def test_year_date(extract):
    doc = extract("The Quds Force plotted to assassinate Adel al-Jubeir in 2011.")
    date = claim(doc, "Quds Force", "ASSAULT", "Adel al-Jubeir").attrs["date"]
    assert (date["start"], date["end"], date["precision"]) == ("2011-01-01", "2011-12-31", "year")


def test_weekday_is_read_against_the_publication_date(extractor):
    text = "Kata'ib Hizballah attacked the US embassy on Tuesday."
    [doc] = list(extractor([Document(text=text, published="2020-01-08")]))  # a Wednesday
    date = claim(doc, "Kata'ib Hizballah", "ASSAULT", "United States").attrs["date"]
    assert (date["start"], date["end"], date["precision"]) == ("2020-01-07", "2020-01-07", "day")


def test_location(extract):
    doc = extract("Kata'ib Hizballah attacked US troops near Kirkuk.")
    kirkuk = next(e.id for e in doc.entities if e.name == "Kirkuk")
    assert claim(doc, "Kata'ib Hizballah", "ASSAULT", "United States").attrs["location"] == kirkuk


# evidence, confidence, ids

def test_evidence_is_the_sentence_with_exact_offsets(extract):
    first = "Qassem Soleimani visited Baghdad on Monday."
    second = "The Quds Force trains Kata'ib Hizballah."
    text = f"{first} {second}"
    doc = extract(text)
    c = claim(doc, "Quds Force", "trains", "Kata'ib Hizballah")
    [ev] = c.evidence
    assert ev.doc_id == doc.id
    assert ev.text == second == text[ev.start:ev.end]
    for c in doc.claims:
        for ev in c.evidence:
            assert text[ev.start:ev.end] == ev.text


def test_a_claim_stated_twice_has_two_pieces_of_evidence(extract):
    first = "The Quds Force trained Kata'ib Hizballah fighters in Iran."
    second = "Years later, the Quds Force again trained Kata'ib Hizballah."
    doc = extract(f"{first} {second}")
    hits = find(doc, "Quds Force", "trains", "Kata'ib Hizballah")
    assert len(hits) == 1, listing(doc)
    assert [ev.text for ev in hits[0].evidence] == [first, second]


def test_confidence_is_a_probability_and_grows_with_repetition(extract):
    once = extract("Iran armed the Houthis.")
    twice = extract("Iran armed the Houthis. Years later, Iran armed the Houthis again.")
    c1, c2 = claim(once, "Iran", "arms", "Houthis"), claim(twice, "Iran", "arms", "Houthis")
    for doc in (once, twice):
        assert all(0.0 <= c.confidence <= 1.0 for c in doc.claims)
    assert 0.0 < c1.confidence < c2.confidence <= 1.0


def test_claim_ids_are_stable_across_runs(extract):
    text = ("The Quds Force trains Kata'ib Hizballah. Kata'ib Hizballah attacked US troops near Kirkuk "
            "in 2019, officials said.")
    first, second = extract(text), extract(text)
    ids = [c.id for c in first.claims]
    assert ids and ids == [c.id for c in second.claims]
    assert len(set(ids)) == len(ids) and all(i.startswith("clm-") for i in ids)


def test_a_by_phrase_hung_on_the_complement_is_still_the_agent(extract):
    doc = extract("Iran was designated a state sponsor of terrorism by the Secretary of State in January 1984.")
    claim(doc, "U.S. Department of State", "SANCTION", "Iran")


def test_the_announcer_of_a_charge_is_the_accuser_of_the_next_charged(extract):
    doc = extract("Two men have been charged with smuggling drone parts, the Justice Department announced today. "
                  "Kaveh Bahrami is charged in an indictment unsealed in Boston.")
    assert claim(doc, "Justice Department", "ACCUSE", "Kaveh Bahrami").rule.endswith("+implicit-agent")


def test_facilities_used_by_a_group_are_its_own(extract):
    doc = extract("U.S. forces struck facilities in western Iraq used by Kata'ib Hizballah.")
    claim(doc, "United States", "ASSAULT", "Kata'ib Hizballah")
