"""Lexicon breadth: the verbs, nouns, multi-word expressions, predicative words and hyphen words
added to the codebook from a WordNet review each make their claim, and their other senses do not."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claim_lookup import claim, find, listing

# sentence, subject, predicate, object: one per important addition
MAKES = [
    # multi-word expressions (head nouns, adjectives, particles)
    ("Ali Nasser pleaded guilty before Judge Maria Lopez.", "Ali Nasser", "CONCEDE", "Maria Lopez"),
    ("Hezbollah denied the accusations by Israel.", "Hezbollah", "REJECT", "Israel"),
    ("Iran refuted claims from Saudi Arabia.", "Iran", "REJECT", "Saudi Arabia"),
    ("The United States brought an action against Bank Melli.", "United States", "ACCUSE", "Bank Melli"),
    ("Hamas filed a claim against Israel.", "Hamas", "ACCUSE", "Israel"),
    ("Kataib Hezbollah claimed responsibility for the attack on U.S. forces.", "Kata'ib Hizballah", "ASSAULT",
     "United States"),
    ("Boko Haram pledged allegiance to the Islamic State.", "Boko Haram", "subordinate_to", "Islamic State"),
    ("Hadi al-Amiri followed orders from the Quds Force.", "Hadi al-Amiri", "subordinate_to", "Quds Force"),
    ("The EU imposed sanctions on Iran.", "European Union", "SANCTION", "Iran"),
    ("Bahrain cut ties with Iran.", "Bahrain", "SANCTION", "Iran"),
    ("The United States lifted sanctions on Sudan.", "United States", "CONCEDE", "Sudan"),
    ("The IRGC joined forces with the Houthis.", "Islamic Revolutionary Guard Corps", "COOPERATE", "Houthis"),
    ("Hamas teamed up with Hezbollah.", "Hamas", "COOPERATE", "Hezbollah"),
    ("Russia pulled out of Syria.", "Russia", "RETREAT", "Syria"),
    ("The IRGC stood up Kataib Sayyid al-Shuhada in 2013.", "Islamic Revolutionary Guard Corps", "created",
     "Kata'ib Sayyid al-Shuhada"),
    ("Iran stands with Hezbollah.", "Iran", "SUPPORT", "Hezbollah"),
    ("Hezbollah launched rockets at Israel.", "Hezbollah", "ASSAULT", "Israel"),
    ("The IRGC facilitated the transfer of weapons to the Houthis.", "Islamic Revolutionary Guard Corps", "supports",
     "Houthis"),
    ("Ali Nasser donated $5,000 to Hamas.", "Ali Nasser", "funds", "Hamas"),
    ("Hezbollah bought rockets from Iran.", "Iran", "arms", "Hezbollah"),
    # predicative words: adjectives and participles used as adjectives
    ("Hamas is affiliated with the Muslim Brotherhood.", "Hamas", "member_of", "Muslim Brotherhood"),
    ("Kataib Hezbollah is loyal to Iran.", "Kata'ib Hizballah", "subordinate_to", "Iran"),
    ("Kataib Hezbollah is answerable to the IRGC.", "Kata'ib Hizballah", "subordinate_to",
     "Islamic Revolutionary Guard Corps"),
    ("The Houthis are allied with Iran.", "Houthis", "allied_with", "Iran"),
    ("Mahan Air is linked to the IRGC.", "Mahan Air", "allied_with", "Islamic Revolutionary Guard Corps"),
    ("Kataib Hezbollah is hostile to the United States.", "Kata'ib Hizballah", "opposes", "United States"),
    ("Hezbollah is active in Syria.", "Hezbollah", "operates_in", "Syria"),
    ("Hezbollah is based in Lebanon.", "Hezbollah", "operates_in", "Lebanon"),
    # hyphen words
    ("Kataib Hezbollah, a State Department-designated terrorist group, fired rockets.", "U.S. Department of State",
     "SANCTION", "Kata'ib Hizballah"),
    ("Sepehr Energy, an IRGC-affiliated company, sold oil.", "Sepehr Energy", "member_of",
     "Islamic Revolutionary Guard Corps"),
    ("Adham Tabaja, a Hezbollah-linked businessman, fled.", "Hezbollah", "allied_with", "Adham Tabaja"),
    # single words
    ("Iran bankrolls Hezbollah.", "Iran", "funds", "Hezbollah"),
    ("Khamenei governs Iran.", "Ali Khamenei", "leads", "Iran"),
    ("Soleimani's leadership of the Quds Force lasted two decades.", "Qassem Soleimani", "leads", "Quds Force"),
    ("Ali Nasser enlisted in Hezbollah in 2008.", "Ali Nasser", "member_of", "Hezbollah"),
    ("The IRGC supervises Kataib Hezbollah.", "Islamic Revolutionary Guard Corps", "controls", "Kata'ib Hizballah"),
    ("Iran subsidizes the Houthis.", "Iran", "funds", "Houthis"),
    ("Iran equipped the Houthis.", "Iran", "arms", "Houthis"),
    ("Syria harbored Hamas for years.", "Syria", "supports", "Hamas"),
    ("Qatar sided with Turkey.", "Qatar", "allied_with", "Turkey"),
    ("Iran's rivalry with Saudi Arabia shapes the region.", "Iran", "opposes", "Saudi Arabia"),
    ("The IRGC has a foothold in Yemen.", "Islamic Revolutionary Guard Corps", "operates_in", "Yemen"),
    ("Iran reached an agreement with Saudi Arabia.", "Iran", "AGREE", "Saudi Arabia"),
    ("Soleimani conferred with Hadi al-Amiri.", "Qassem Soleimani", "CONSULT", "Hadi al-Amiri"),
    ("The UN implored Iran to free the hostages.", "United Nations", "REQUEST", "Iran"),
    ("Saudi Arabia decried Iran.", "Saudi Arabia", "ACCUSE", "Iran"),
    ("The FBI's probe into Hezbollah widened.", "Federal Bureau of Investigation", "ACCUSE", "Hezbollah"),
    ("Britain proscribed Hezbollah.", "United Kingdom", "SANCTION", "Hezbollah"),
    ("Iran incarcerated the journalist Jason Rezaian.", "Iran", "COERCE", "Jason Rezaian"),
    ("Turkey donated medicine to Syria.", "Turkey", "AID", "Syria"),
    ("The Houthis retaliated against Saudi Arabia.", "Houthis", "ASSAULT", "Saudi Arabia"),
    ("Israel's offensive against Hamas continued.", "Israel", "ASSAULT", "Hamas"),
]

# sentence, a predicate it must not state: the word's other senses
MAKES_NOT = [
    ("Ali Nasser pleaded not guilty to the charges before Judge Maria Lopez.", "CONCEDE"),
    ("Ali Nasser pleaded for mercy before Judge Maria Lopez.", "CONCEDE"),
    ("The IRGC imposed a tax on the Basij.", "SANCTION"),
    ("Iran cut the budget of the Quds Force.", "SANCTION"),
    ("Hezbollah launched a television channel with Iran.", "ASSAULT"),
    ("The IRGC stood up Kataib Sayyid al-Shuhada in 2013.", "SUPPORT"),  # "stand up" is not "stand with"
    ("The court dismissed the case against Iran.", "ACCUSE"),
    ("Iran followed the United States into the talks.", "subordinate_to"),
    ("The IRGC denied Ali Nasser a visa.", "REJECT"),
    ("Hezbollah raised its flag over the town.", "funds"),
    ("The militia's loyal fighters attacked Israel.", "subordinate_to"),
    ("Hezbollah operates in Syria.", "controls"),
    ("An Iranian airline linked to Mahan Air flew to Damascus.", "allied_with"),  # the airline is not Iran
]


@pytest.mark.parametrize("text,subject,predicate,obj", MAKES, ids=[m[0][:40] for m in MAKES])
def test_addition_makes_its_claim(extract, text, subject, predicate, obj):
    claim(extract(text), subject, predicate, obj)


@pytest.mark.parametrize("text,predicate", MAKES_NOT, ids=[m[0][:40] for m in MAKES_NOT])
def test_other_sense_makes_no_claim(extract, text, predicate):
    doc = extract(text)
    assert not [c for c in doc.claims if c.predicate == predicate], listing(doc)


def test_denial_of_accusations_is_asserted_rejection(extract):
    """"deny" is a negation cue, but the denial itself is stated as fact."""
    c = claim(extract("Hezbollah denied the accusations by Israel."), "Hezbollah", "REJECT", "Israel")
    assert c.modality == "asserted"


def test_implored_party_acts_in_the_infinitive(extract):
    """"implored Iran to stop arming the Houthis": the arming is Iran's, not the UN's; the freeing
    asked for in "implored Iran to free the hostages" has not happened: the request is the event."""
    doc = extract("The UN implored Iran to stop arming the Houthis.")
    assert not find(doc, "United Nations", "arms")
    claim(doc, "Iran", "arms", "Houthis")
    doc = extract("The UN implored Iran to free the hostages.")
    claim(doc, "United Nations", "REQUEST", "Iran")
    assert not find(doc, "Iran", "CONCEDE") and not find(doc, "United Nations", "CONCEDE")


# -- the WordNet review ---------------------------------------------------------------------------

def test_review_lists_wordnet_words_the_codebook_lacks():
    from claimgraph.extract.codebook import default_codebook
    from claimgraph.extract.codebook_synonyms import review
    cb = default_codebook()
    gaps = review("SANCTION", cb=cb)
    assert gaps and {g.predicate for g in gaps} == {"SANCTION"}
    outlaw = next(g for g in gaps if g.trigger == "verb:outlaw")
    assert "illegalize" in outlaw.synonyms  # WordNet: outlaw.v.01 = criminalize (now SANCTION's own), illegalize
    listed = {w for table in (cb.verbs, cb.nouns, cb.hyphen, cb.adjectives)
              for w, ts in table.items() if any(t.predicate == "SANCTION" for t in ts)}
    for g in gaps:
        assert not listed & set(g.synonyms + g.hyponyms + g.nouns), g  # never what the predicate has


def test_cli_prints_the_review_and_does_not_load_nltk_at_start(tmp_path):
    exe = Path(sys.executable).parent / "claimgraph"
    probe = subprocess.run([sys.executable, "-c", "import sys, claimgraph.cli.main; print('nltk' in sys.modules)"],
                           capture_output=True, text=True, check=True)
    assert probe.stdout.strip() == "False"
    p = subprocess.run([str(exe), "codebook", "synonyms", "REJECT", "--format", "json"], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)
    assert rows and all(r["predicate"] == "REJECT" for r in rows)
    refuse = next(r for r in rows if r["trigger"] == "verb:refuse")
    assert "pass up" in refuse["synonyms"]  # "decline" is REJECT's own now
    bad = subprocess.run([str(exe), "codebook", "synonyms", "NOSUCH"], capture_output=True, text=True)
    assert bad.returncode == 1 and "NOSUCH" in bad.stderr


def test_a_word_of_a_name_is_no_trigger(extract):
    """"the Joint Coordination Center" names a place, not a coordination: "the action" after it is
    the storming."""
    doc = extract("Kataib Hezbollah stormed the Joint Coordination Center. The action also targeted the Iraqi army.")
    assert not [c for c in doc.claims if c.predicate == "COOPERATE"], listing(doc)
    claim(doc, "Kata'ib Hizballah", "ASSAULT", "Iraqi Army")
