"""Relations read from constructions that recur across genres: participles sharing one "by" agent,
actors acting together, an organization named with its place, ground it holds, a state's troops."""
from __future__ import annotations

from claim_lookup import claim, find


# coordinated participles share the "by" agent, and the noun they are said of
def test_participles_after_a_noun_share_the_agent(extract):
    doc = extract("The attack was claimed by Hamas, the movement founded and led by Ahmed Yassin.")
    claim(doc, "Ahmed Yassin", "created", "Hamas")
    claim(doc, "Ahmed Yassin", "leads", "Hamas")


def test_participles_in_a_relative_clause_take_its_noun(extract):
    doc = extract("The fighters came from militias that are armed and funded by the Quds Force.")
    claim(doc, "Quds Force", "funds", "militias")


# actors acting together are allied
def test_fighting_alongside_an_actor_allies_with_it(extract):
    doc = extract("Hezbollah units fought alongside the Syrian army near Aleppo.")
    claim(doc, "Hezbollah", "allied_with", "Syrian Arab Army")


def test_together_with_on_the_subject_allies_the_two(extract):
    doc = extract("Turkish troops, together with Azerbaijan, launched the exercise on Monday.")
    assert find(doc, "Turkey", "allied_with", "Azerbaijan") or find(doc, "Azerbaijan", "allied_with", "Turkey")


def test_acting_alongside_after_the_verb_allies_the_two(extract):
    doc = extract("Iraqi troops began the offensive alongside Kurdish Peshmerga fighters.")
    assert find(doc, "Iraqi troops", "allied_with", "Peshmerga") or find(doc, "Iraq", "allied_with", "Peshmerga")


def test_killed_alongside_is_no_alliance(extract):
    doc = extract("Two Hamas commanders were killed alongside Egyptian smugglers in the blast.")
    assert not [c for c in doc.claims if c.predicate == "allied_with"]


# an organization named with its place operates there
def test_an_organization_in_a_place_operates_there(extract):
    doc = extract("Iran ships rockets to Hezbollah in Lebanon and to the Houthis in Yemen.")
    claim(doc, "Hezbollah", "operates_in", "Lebanon")
    claim(doc, "Houthis", "operates_in", "Yemen")


def test_a_date_after_a_name_is_no_place(extract):
    doc = extract("The Security Council condemned al-Shabaab in 2020.")
    assert not find(doc, "al-Shabaab", "operates_in")


def test_taking_control_of_a_place(extract):
    doc = extract("The Taliban seized control of Kabul in August.")
    claim(doc, "Taliban", "operates_in", "Kabul")


def test_ground_an_organization_holds(extract):
    doc = extract("Aid convoys reached Taliban-run parts of Afghanistan last week.")
    claim(doc, "Taliban", "operates_in", "Afghanistan")


# backing given to a state's troops backs the state
def test_support_for_a_states_troops_supports_the_state(extract):
    doc = extract("British forces struck the depots with support from Denmark and Norway.")
    claim(doc, "Denmark", "supports", "United Kingdom")
    claim(doc, "Norway", "supports", "United Kingdom")


def test_along_with_after_an_actor_acted_upon_is_no_alliance(extract):
    doc = extract("The Treasury designated the Basij, along with its network of companies, on Tuesday.")
    assert not [c for c in doc.claims if c.predicate == "allied_with"]
