"""A definite event noun ("the attack", "both raids", "the designation", "the strikes") refers back
to the latest event of its type in the sentences before: the actor it names is that event's actor,
and the target it adds is that event's further target."""
from __future__ import annotations

from claim_lookup import claim, find


def test_agent_of_the_attack_named_in_the_next_sentence(extract):
    doc = extract("Gunmen attacked the Turkish embassy on Friday. The attack, carried out by the Islamic State, "
                  "wounded two guards.")
    c = claim(doc, "Islamic State", "ASSAULT", "Turkey")
    assert c.rule == "noun:attack+anaphora"
    assert c.attrs["date"]["text"] == "on Friday"  # the earlier mention's date
    # a mention with an actor and a target of its own is another event
    doc = extract("Israel struck Hezbollah in Lebanon on Sunday. Hezbollah denied the attack by Hamas on Egypt.")
    assert not find(doc, "Hamas", "ASSAULT", "Hezbollah")


def test_both_raids_were_the_work_of(extract):
    doc = extract("Fighters raided two Iraqi army posts on Monday. Both raids were the work of the Islamic State.")
    assert find(doc, "Islamic State", "ASSAULT")


def test_designation_described_in_the_next_sentence_targets_a_further_actor(extract):
    doc = extract("The State Department designated Kata'ib Hizballah on Tuesday. The designation also targets "
                  "Abu Mahdi al-Muhandis.")
    claim(doc, "U.S. Department of State", "SANCTION", "Kata'ib Hizballah")
    claim(doc, "U.S. Department of State", "SANCTION", "Abu Mahdi al-Muhandis")
    assert not find(doc, "U.S. Department of State", "ASSAULT")


def test_the_strikes_keep_their_agent(extract):
    doc = extract("U.S. forces struck Kata'ib Hizballah in Syria on Thursday. The strikes destroyed "
                  "depots used by Kata'ib Sayyid al-Shuhada.")
    claim(doc, "United States", "ASSAULT", "Kata'ib Sayyid al-Shuhada")


def test_todays_action_takes_the_latest_event_of_any_type(extract):
    doc = extract("The Treasury Department designated Kata'ib Hizballah on Tuesday. Today's action also "
                  "targets Abu Mahdi al-Muhandis.")
    assert claim(doc, "U.S. Department of the Treasury", "SANCTION", "Abu Mahdi al-Muhandis").rule == \
        "noun:action+anaphora"


def test_a_day_as_possessor_is_no_actor(extract):
    doc = extract("Gunmen attacked the Turkish embassy on Friday. Friday's attack was claimed by the Islamic State.")
    claim(doc, "Islamic State", "ASSAULT", "Turkey")
