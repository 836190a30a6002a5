"""Lexicon breadth for the 16 PLOVER event types: the verbs, nouns, phrasal verbs, multi-word
expressions and hyphen words added to events.yaml from a WordNet review each make their event
(subject, type, object, modality), and the words' other senses do not."""
from __future__ import annotations

import pytest

from claim_lookup import claim, listing

# sentence, subject, type, object (None: an event whose target is not an actor); all asserted
MAKES = [
    # AGREE
    ("Iran inked a deal with Russia.", "Iran", "AGREE", "Russia"),
    ("Iran concluded a deal with Russia.", "Iran", "AGREE", "Russia"),
    ("Iran signed a treaty with Russia.", "Iran", "AGREE", "Russia"),
    ("Hamas accepted the offer from Egypt.", "Hamas", "AGREE", "Egypt"),
    ("Iran's memorandum with China angered Washington.", "Iran", "AGREE", "China"),
    # CONSULT
    ("Qatar mediated between Israel and Hamas.", "Qatar", "CONSULT", "Hamas"),
    ("Qatar mediated between Israel and Hamas.", "Qatar", "CONSULT", "Israel"),
    ("Egypt's mediation between Israel and Hamas continued.", "Egypt", "CONSULT", "Hamas"),
    ("Haniyeh toured Iran.", "Ismail Haniyeh", "CONSULT", "Iran"),
    ("Haniyeh sat down with Khamenei.", "Ismail Haniyeh", "CONSULT", "Ali Khamenei"),
    ("Haniyeh's trip to Iran angered Egypt.", "Ismail Haniyeh", "CONSULT", "Iran"),
    ("Haniyeh held talks with Khamenei.", "Ismail Haniyeh", "CONSULT", "Ali Khamenei"),
    ("Haniyeh convened with Khamenei.", "Ismail Haniyeh", "CONSULT", "Ali Khamenei"),
    ("Hamas engaged with Iran.", "Hamas", "CONSULT", "Iran"),
    ("Oman arbitrated between Iran and Saudi Arabia.", "Oman", "CONSULT", "Saudi Arabia"),
    ("Qatar interceded with Hamas.", "Qatar", "CONSULT", "Hamas"),
    ("Iran's conference with Russia ended.", "Iran", "CONSULT", "Russia"),
    ("Egypt brokered a truce between Israel and Hamas.", "Egypt", "CONSULT", "Israel"),
    ("Egypt brokered a truce between Israel and Hamas.", "Egypt", "CONSULT", "Hamas"),
    # SUPPORT
    ("Iran championed Hamas.", "Iran", "SUPPORT", "Hamas"),
    ("Iran rallied behind Hamas.", "Iran", "SUPPORT", "Hamas"),
    ("Iran stood by Hezbollah.", "Iran", "SUPPORT", "Hezbollah"),
    ("Hezbollah glorified Hamas.", "Hezbollah", "SUPPORT", "Hamas"),
    # CONCEDE
    ("The United States waived sanctions on Iran.", "United States", "CONCEDE", "Iran"),
    ("Hamas handed over the hostages to Egypt.", "Hamas", "CONCEDE", "Egypt"),
    ("Syria ceded the Golan to Israel.", "Syria", "CONCEDE", "Israel"),
    ("Iran apologised to Britain.", "Iran", "CONCEDE", "United Kingdom"),
    ("Kataib Hezbollah's capitulation to the Iraqi army ended the standoff.", "Kata'ib Hizballah", "CONCEDE", "Iraqi Army"),
    # COOPERATE
    ("Hamas teamed with Iran.", "Hamas", "COOPERATE", "Iran"),
    ("The IRGC's connivance with Hezbollah worried Israel.", "Islamic Revolutionary Guard Corps", "COOPERATE", "Hezbollah"),
    # AID, RETREAT
    ("Iran's aid to the Houthis continued.", "Iran", "AID", "Houthis"),
    ("The US drawdown from Iraq continued.", "United States", "RETREAT", "Iraq"),
    # REQUEST
    ("Hamas beseeched Egypt to open the border.", "Hamas", "REQUEST", "Egypt"),
    ("The United States lobbied Iraq.", "United States", "REQUEST", "Iraq"),
    ("Iraq sought help from the United States.", "Iraq", "REQUEST", "United States"),
    ("The United States' plea to Iraq went unanswered.", "United States", "REQUEST", "Iraq"),
    ("Lebanon's entreaties to the United States went unanswered.", "Lebanon", "REQUEST", "United States"),
    ("The UN's exhortation to Iran went unheeded.", "United Nations", "REQUEST", "Iran"),
    # ACCUSE
    ("Saudi Arabia faulted Iran.", "Saudi Arabia", "ACCUSE", "Iran"),
    ("Saudi Arabia vilified Iran.", "Saudi Arabia", "ACCUSE", "Iran"),
    ("Saudi Arabia assailed Iran.", "Saudi Arabia", "ACCUSE", "Iran"),
    ("Saudi Arabia lashed out at Iran.", "Saudi Arabia", "ACCUSE", "Iran"),
    ("Israel pointed the finger at Iran.", "Israel", "ACCUSE", "Iran"),
    ("Judge Maria Lopez's sentencing of Ali Nasser was swift.", "Maria Lopez", "ACCUSE", "Ali Nasser"),
    ("Judge Maria Lopez awarded damages against Iran.", "Maria Lopez", "ACCUSE", "Iran"),
    ("Judge Maria Lopez entered judgment against Syria.", "Maria Lopez", "ACCUSE", "Syria"),
    ("Saudi Arabia chastised Iran.", "Saudi Arabia", "ACCUSE", "Iran"),
    ("Saudi Arabia remonstrated with Iran.", "Saudi Arabia", "ACCUSE", "Iran"),
    ("Israel lodged a complaint against Iran.", "Israel", "ACCUSE", "Iran"),
    ("Saudi Arabia lambasted Iran.", "Saudi Arabia", "ACCUSE", "Iran"),
    ("The UN's admonition of Iran was mild.", "United Nations", "ACCUSE", "Iran"),
    ("Saudi Arabia's denouncement of Iran was swift.", "Saudi Arabia", "ACCUSE", "Iran"),
    # REJECT
    ("Iran brushed off the accusations by Israel.", "Iran", "REJECT", "Israel"),
    ("Iran declined the offer from Saudi Arabia.", "Iran", "REJECT", "Saudi Arabia"),
    ("Hamas renounced Fatah.", "Hamas", "REJECT", "Fatah"),
    ("Hamas disowned Ali Nasser.", "Hamas", "REJECT", "Ali Nasser"),
    ("Iran snubbed Saudi Arabia.", "Iran", "REJECT", "Saudi Arabia"),
    ("Hamas's renunciation of Fatah shocked Gaza.", "Hamas", "REJECT", "Fatah"),
    # THREATEN
    ("Hezbollah swore revenge on Israel.", "Hezbollah", "THREATEN", "Israel"),
    ("Iran vowed retribution against Israel.", "Iran", "THREATEN", "Israel"),
    # SANCTION
    ("OFAC levied sanctions against Mahan Air.", "Office of Foreign Assets Control", "SANCTION", "Mahan Air"),
    ("The EU blocked the assets of Mahan Air.", "European Union", "SANCTION", "Mahan Air"),
    ("OFAC froze the assets of Mahan Air.", "Office of Foreign Assets Control", "SANCTION", "Mahan Air"),
    ("The EU's asset freeze on Mahan Air took effect.", "European Union", "SANCTION", "Mahan Air"),
    ("Saudi Arabia broke off relations with Iran.", "Saudi Arabia", "SANCTION", "Iran"),
    ("Saudi Arabia broke ties with Iran.", "Saudi Arabia", "SANCTION", "Iran"),
    ("Saudi Arabia recalled its ambassador from Iran.", "Saudi Arabia", "SANCTION", "Iran"),
    ("The EU placed sanctions on Iran.", "European Union", "SANCTION", "Iran"),
    ("The UN's listing of al-Shabaab took effect.", "United Nations", "SANCTION", "al-Shabaab"),
    ("The Treasury Department's sanctioning of Mahan Air took effect.", "U.S. Department of the Treasury", "SANCTION",
     "Mahan Air"),
    ("The US-sanctioned Mahan Air flew to Syria.", "United States", "SANCTION", "Mahan Air"),
    ("OFAC-sanctioned Mahan Air flew to Syria.", "Office of Foreign Assets Control", "SANCTION", "Mahan Air"),
    ("Germany criminalized Hezbollah.", "Germany", "SANCTION", "Hezbollah"),
    ("The EU penalised Iran.", "European Union", "SANCTION", "Iran"),
    # MOBILIZE
    ("Iran dispatched the Quds Force to Syria.", "Iran", "MOBILIZE", "Quds Force"),
    ("Iran despatched the Quds Force to Syria.", "Iran", "MOBILIZE", "Quds Force"),
    # COERCE
    ("The Houthis commandeered the ship.", "Houthis", "COERCE", None),
    ("Iran impounded the tanker.", "Iran", "COERCE", None),
    ("Israel interrogated Ali Nasser.", "Israel", "COERCE", "Ali Nasser"),
    ("Iran locked up Jason Rezaian.", "Iran", "COERCE", "Jason Rezaian"),
    ("Judge Maria Lopez remanded Ali Nasser.", "Maria Lopez", "COERCE", "Ali Nasser"),
    ("The U.S. Navy's interception of the dhow was swift.", "U.S. Navy", "COERCE", None),
    ("Iran cracked down on the Green Movement.", "Iran", "COERCE", "Green Movement"),
    ("The FBI's apprehension of Ali Nasser was quick.", "Federal Bureau of Investigation", "COERCE", "Ali Nasser"),
    # ASSAULT
    ("Israel pounded Hamas.", "Israel", "ASSAULT", "Hamas"),
    ("Hamas slaughtered Israeli civilians.", "Hamas", "ASSAULT", None),
    ("Hezbollah rocketed Israel.", "Hezbollah", "ASSAULT", "Israel"),
    ("The Islamic State decapitated Ali Nasser.", "Islamic State", "ASSAULT", "Ali Nasser"),
    ("Hezbollah opened fire on the Islamic State.", "Hezbollah", "ASSAULT", "Islamic State"),
    ("Hezbollah detonated a bomb near Israeli soldiers.", "Hezbollah", "ASSAULT", None),
    ("The Houthis hijacked the ship.", "Houthis", "ASSAULT", None),
    ("Iran held Ali Nasser hostage.", "Iran", "ASSAULT", None),
    ("Israel sabotaged the Natanz facility.", "Israel", "ASSAULT", None),
    ("Al-Shabaab torched the village.", "al-Shabaab", "ASSAULT", None),
    ("The Islamic State razed the shrine.", "Islamic State", "ASSAULT", None),
    ("Kataib Hezbollah mortared the base.", "Kata'ib Hizballah", "ASSAULT", None),
    ("Hezbollah's firefight with the Islamic State lasted hours.", "Hezbollah", "ASSAULT", "Islamic State"),
    ("The Houthis highjacked the ship.", "Houthis", "ASSAULT", None),
    ("Hamas's foray into Israel failed.", "Hamas", "ASSAULT", "Israel"),
    ("Hezbollah's counterstrike against Israel killed ten.", "Hezbollah", "ASSAULT", "Israel"),
]

# sentence, type it must not state: the added words' other senses
MAKES_NOT = [
    ("Hamas broke the ceasefire.", "SANCTION"),
    ("Iran broke its promise to Saudi Arabia.", "SANCTION"),
    ("Hezbollah held the town.", "ASSAULT"),
    ("Iran took control of the port.", "ASSAULT"),
    ("Iran opened an embassy in Syria.", "ASSAULT"),
    ("Iran froze its nuclear program.", "SANCTION"),
    ("Iran blocked the resolution against Syria.", "SANCTION"),
    ("Iran recalled the incident.", "SANCTION"),
    ("Iran declined to comment.", "REJECT"),
    ("Iran stood by its decision.", "SUPPORT"),
    ("Iran stood by as Hezbollah attacked.", "SUPPORT"),
    ("The listing of the company on the stock exchange was delayed.", "SANCTION"),
    ("Iran declared a state of emergency.", "SANCTION"),
    ("Judge Maria Lopez awarded damages to the victims.", "ACCUSE"),
    ("Iran entered Syria.", "ACCUSE"),
    ("Iran locked the border.", "COERCE"),
    ("Iran recognised the danger.", "SUPPORT"),
    ("Iran's allocation of seats to Hamas angered Fatah.", "funds"),
    ("Hamas rallied supporters in Gaza.", "SUPPORT"),
    ("Iran sought a seat on the council.", "REQUEST"),
    ("The ruling clerics use Iraq as a battleground. Kataib Hezbollah was accused of the attack.", "ACCUSE"),
]


@pytest.mark.parametrize("text,subject,kind,obj", MAKES, ids=[m[0][:45] for m in MAKES])
def test_added_event_word_makes_its_event(extract, text, subject, kind, obj):
    c = claim(extract(text), subject, kind, obj)
    assert c.modality == "asserted"


@pytest.mark.parametrize("text,kind", MAKES_NOT, ids=[m[0][:45] for m in MAKES_NOT])
def test_other_sense_of_added_word_makes_no_event(extract, text, kind):
    doc = extract(text)
    assert not [c for c in doc.claims if c.predicate == kind], listing(doc)


def test_modality_of_an_added_event_word_follows_its_cues(extract):
    doc = extract("According to Israel, the Houthis hijacked the ship.")
    assert claim(doc, "Houthis", "ASSAULT", None).modality == "reported"
    doc = extract("Iran reportedly inked a deal with Russia.")
    assert claim(doc, "Iran", "AGREE", "Russia").modality == "reported"
    doc = extract("Saudi Arabia never faulted Iran.")
    assert claim(doc, "Saudi Arabia", "ACCUSE", "Iran").modality == "negated"


def test_freezing_assets_names_their_owner_not_a_bare_target(extract):
    """"froze the assets of X": the sanction is on X, and no second, objectless sanction is kept."""
    doc = extract("OFAC froze the assets of Mahan Air.")
    sanctions = [c for c in doc.claims if c.predicate == "SANCTION"]
    assert len(sanctions) == 1 and sanctions[0].object is not None, listing(doc)


def test_seeking_someones_help_or_protection_is_a_request_to_them(extract):
    doc = extract("Maduro sought Russia's protection against the sanctions.")
    claim(doc, "Maduro", "REQUEST", "Russia")
    doc = extract("Iraq sought the help of the United States.")
    claim(doc, "Iraq", "REQUEST", "United States")
    doc = extract("Iraq sought today's agreement.")  # a time possessor is no one asked
    assert not [c for c in doc.claims if c.predicate == "REQUEST"]
