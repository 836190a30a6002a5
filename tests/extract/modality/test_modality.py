"""Modality and attribution of claims, on sentences written for these tests: each cue family,
stacked cues, the scope of a cue, sources carried across sentences, quotations, and what the
author says in their own voice."""
from __future__ import annotations

from claim_lookup import eid, claim, cue_words


def test_plain_statement_is_asserted(extract):
    c = claim(extract("Iran armed the Houthis."), "Iran", "arms", "Houthis")
    assert (c.modality, c.attributed_to, c.attrs["cues"]) == ("asserted", None, [])


# reported

def test_according_to_names_the_source(extract):
    doc = extract("According to Reuters, the Quds Force trained Kata'ib Hizballah fighters.")
    c = claim(doc, "Quds Force", "trains", "Kata'ib Hizballah")
    assert (c.modality, c.attributed_to) == ("reported", eid(doc, "Reuters"))


def test_said_that_names_the_sayer(extract):
    doc = extract("The Pentagon said that the Quds Force armed the Houthis.")
    c = claim(doc, "Quds Force", "arms", "Houthis")
    assert (c.modality, c.attributed_to) == ("reported", eid(doc, "U.S. Department of Defense"))


def test_reportedly(extract):
    c = claim(extract("The Quds Force reportedly armed the Houthis."), "Quds Force", "arms", "Houthis")
    assert c.modality == "reported" and cue_words(c) == ["reportedly"]


# alleged

def test_accused_of(extract):
    doc = extract("Saudi Arabia accused Iran of arming the Houthis.")
    c = claim(doc, "Iran", "arms", "Houthis")
    assert (c.modality, c.attributed_to) == ("alleged", eid(doc, "Saudi Arabia"))


def test_allegedly(extract):
    c = claim(extract("Iran allegedly armed the Houthis."), "Iran", "arms", "Houthis")
    assert c.modality == "alleged" and cue_words(c) == ["allegedly"]


def test_charged_with(extract):
    doc = extract("The Justice Department charged Manssor Arbabsiar with conspiring with the Quds Force.")
    c = claim(doc, "Manssor Arbabsiar", "COOPERATE", "Quds Force")
    assert (c.modality, c.attributed_to) == ("alleged", eid(doc, "Justice Department"))


def test_an_alleged_plot(extract):
    doc = extract("The FBI disrupted an alleged Quds Force plot against Adel al-Jubeir.")
    c = claim(doc, "Quds Force", "ASSAULT", "Adel al-Jubeir")
    assert c.modality == "alleged" and cue_words(c) == ["alleged"]


# speculative

def test_may_have(extract):
    c = claim(extract("Kata'ib Hizballah may have attacked the US embassy."), "Kata'ib Hizballah", "ASSAULT",
              "United States")
    assert c.modality == "speculative"


def test_is_believed_to(extract):
    c = claim(extract("The Quds Force is believed to have armed the Houthis."), "Quds Force", "arms", "Houthis")
    assert c.modality == "speculative" and c.attributed_to is None


def test_likely(extract):
    c = claim(extract("Iran likely armed the Houthis."), "Iran", "arms", "Houthis")
    assert c.modality == "speculative"


def test_it_is_possible_that(extract):
    c = claim(extract("It is possible that Iran armed the Houthis."), "Iran", "arms", "Houthis")
    assert c.modality == "speculative"


# negated

def test_did_not(extract):
    c = claim(extract("Iran did not arm the Houthis."), "Iran", "arms", "Houthis")
    assert c.modality == "negated" and cue_words(c) == ["not"]


def test_never(extract):
    c = claim(extract("Iran never armed the Houthis."), "Iran", "arms", "Houthis")
    assert c.modality == "negated"


def test_denial_is_attributed_to_the_denier(extract):
    doc = extract("Iran denied arming the Houthis.")
    c = claim(doc, "Iran", "arms", "Houthis")
    assert (c.modality, c.attributed_to) == ("negated", eid(doc, "Iran"))


# stacked cues: the most doubtful wins

def test_speculation_inside_a_revelation_is_speculative(extract):
    doc = extract("An investigation revealed that Hezbollah may have been behind the assassination of Rafik Hariri.")
    c = claim(doc, "Hezbollah", "ASSAULT", "Rafik Hariri")
    assert c.modality == "speculative"
    assert {cue["modality"] for cue in c.attrs["cues"]} == {"speculative", "reported"}


def test_accusation_inside_a_report_is_alleged(extract):
    doc = extract("Officials said that Iran had been accused of arming the Houthis.")
    assert claim(doc, "Iran", "arms", "Houthis").modality == "alleged"


# scope

def test_a_cue_in_another_sentence_does_not_count(extract):
    doc = extract("Hassan Nasrallah said the weather was bad. Kata'ib Hizballah attacked the US embassy.")
    c = claim(doc, "Kata'ib Hizballah", "ASSAULT", "United States")
    assert (c.modality, c.attributed_to) == ("asserted", None)


def test_a_cue_in_a_coordinated_clause_does_not_count(extract):
    doc = extract("The Pentagon said the weather was bad, but Kata'ib Hizballah attacked the US embassy.")
    assert claim(doc, "Kata'ib Hizballah", "ASSAULT", "United States").modality == "asserted"


def test_accused_of_plans_reaches_the_planned_act(extract):
    doc = extract("Manssor Arbabsiar was accused of plans to bomb the Saudi embassy.")
    c = claim(doc, "Manssor Arbabsiar", "ASSAULT", "Saudi Arabia")
    assert c.modality == "alleged" and cue_words(c) == ["accused"]


# sources across sentences

def test_a_source_carries_into_the_sentence_that_continues_the_report(extract):
    doc = extract("According to leaked reports, Qassem Soleimani met Kata'ib Hizballah leaders in Baghdad. "
                  "He instructed the group to attack US forces.")
    met = claim(doc, "Qassem Soleimani", "CONSULT", "Kata'ib Hizballah")
    told = claim(doc, "Qassem Soleimani", "REQUEST", "Kata'ib Hizballah")
    assert met.modality == told.modality == "reported"
    assert met.attributed_to == told.attributed_to == "leaked reports"


def test_a_new_named_subject_ends_the_carried_source(extract):
    doc = extract("According to leaked reports, Qassem Soleimani met Kata'ib Hizballah leaders in Baghdad. "
                  "Hezbollah attacked Israel.")
    assert claim(doc, "Qassem Soleimani", "CONSULT", "Kata'ib Hizballah").modality == "reported"
    c = claim(doc, "Hezbollah", "ASSAULT", "Israel")
    assert (c.modality, c.attributed_to) == ("asserted", None)


# quotations and the author's voice

def test_a_quotation_is_the_speaker_s(extract):
    doc = extract('"The Quds Force trained Kata\'ib Hizballah," said Mike Pompeo.')
    c = claim(doc, "Quds Force", "trains", "Kata'ib Hizballah")
    assert (c.modality, c.attributed_to) == ("reported", eid(doc, "Mike Pompeo"))


def test_a_quotation_before_its_speaker(extract):
    doc = extract('"Iran will arm the Houthis," Qassem Soleimani said.')
    c = claim(doc, "Iran", "arms", "Houthis")
    assert (c.modality, c.attributed_to) == ("reported", eid(doc, "Qassem Soleimani"))


def test_an_apposition_is_the_author_s_own_description(extract):
    doc = extract("The Quds Force, the elite branch of the IRGC, was accused by the Justice Department of arming the Houthis.")
    assert claim(doc, "Quds Force", "arms", "Houthis").modality == "alleged"
    c = claim(doc, "Quds Force", "part_of", "Islamic Revolutionary Guard Corps")
    assert (c.modality, c.attributed_to) == ("asserted", None)


def test_an_apposition_inside_a_report_is_the_source_s(extract):
    doc = extract("The Justice Department said the Quds Force, the elite branch of the IRGC, armed the Houthis.")
    assert claim(doc, "Quds Force", "arms", "Houthis").modality == "reported"
    c = claim(doc, "Quds Force", "part_of", "Islamic Revolutionary Guard Corps")
    assert c.modality == "reported" and c.attributed_to == eid(doc, "Justice Department")


def test_a_title_is_the_author_s_own_description(extract):
    doc = extract("According to Reuters, the head of the Quds Force, Gen. Qassem Soleimani, visited Baghdad.")
    assert claim(doc, "Qassem Soleimani", "leads", "Quds Force").modality == "asserted"


def test_an_accusation_is_not_alleged_by_its_own_charge_words(extract):
    doc = extract("Manssor Arbabsiar was charged by the Justice Department with murder-for-hire. "
                  "The Justice Department accused Manssor Arbabsiar of plotting to kill Adel al-Jubeir.")
    c = claim(doc, "Justice Department", "ACCUSE", "Manssor Arbabsiar")
    assert c.modality == "asserted" and c.attributed_to is None
    assert claim(doc, "Manssor Arbabsiar", "ASSAULT", "Adel al-Jubeir").modality == "alleged"


def test_a_claim_of_responsibility_is_reported_by_the_claimant(extract):
    doc = extract("Kata'ib Hizballah claimed responsibility for the attack on the U.S. embassy.")
    c = claim(doc, "Kata'ib Hizballah", "ASSAULT", "United States")
    assert c.modality == "reported" and c.attributed_to == eid(doc, "Kata'ib Hizballah")


def test_descriptions_inside_a_report_are_the_source_s(extract):
    doc = extract("Coalition aircraft bombed an Iran-backed militia that had fired rockets at the embassy, "
                  "CENTCOM spokesman Bill Urban told reporters.")
    backed = claim(doc, "Iran", "supports")
    assert backed.modality == "reported" and backed.attributed_to is not None


def test_descriptions_in_the_writer_s_own_sentence_stay_asserted(extract):
    doc = extract("Coalition aircraft bombed an Iran-backed militia that had fired rockets at the embassy.")
    assert claim(doc, "Iran", "supports").modality == "asserted"


def test_a_courts_own_findings_are_asserted(extract):
    doc = extract("The Court finds that Iran armed the Houthis.")
    c = claim(doc, "Iran", "arms", "Houthis")
    assert c.modality == "asserted" and c.attributed_to is None


def test_another_courts_findings_are_reported(extract):
    doc = extract("The Court of Appeals found that Iran armed the Houthis.")
    c = claim(doc, "Iran", "arms", "Houthis")
    assert c.modality == "reported"


def test_a_participle_describing_the_accused_is_no_part_of_the_charge(extract):
    doc = extract("Officials accused Iran of arming militias operating in Syria.")
    assert claim(doc, "Iran", "arms", "militias").modality == "alleged"
    assert claim(doc, "militias", "operates_in", "Syria").modality == "asserted"


def test_according_to_a_charging_document_is_alleged(extract):
    doc = extract("According to the indictment, the Quds Force armed the Houthis.")
    c = claim(doc, "Quds Force", "arms", "Houthis")
    assert c.modality == "alleged"
    doc = extract("According to the report, the Quds Force armed the Houthis.")
    assert claim(doc, "Quds Force", "arms", "Houthis").modality == "reported"


def test_is_considered_is_speculative(extract):
    doc = extract("Kataib Hezbollah is widely considered the militia closest to the Quds Force.")
    rel = [c for c in doc.claims if c.kind == "relation" and c.predicate in ("allied_with", "supports", "subordinate_to")]
    assert rel and all(c.modality == "speculative" for c in rel)
