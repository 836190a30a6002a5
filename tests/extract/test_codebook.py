"""The codebook loader refuses what the claim stage would not read; the entries it used to ignore
now say what they do. Bad codebooks are small YAML files written here."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from claim_lookup import find, listing

from claimgraph.extract import codebook as cbmod
from claimgraph.extract.claims import extract_claims
from claimgraph.extract.codebook import OPTIONS, CodebookError, load_codebook
from claimgraph.extract.codebook_check import check_codebook
from claimgraph.model import Document

GOOD_RELATIONS = """
relations:
  funds:
    examples: ["Iran bankrolls the militia"]
    verbs:
      bankroll: {}
themes:
  money: [money, cash]
"""
GOOD_EVENTS = """
events:
  ASSAULT:
    examples: ["the militia shelled the town"]
    verbs:
      shell: {mode: other}
"""


def _codebook(folder: Path, relations: str = GOOD_RELATIONS, events: str = GOOD_EVENTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "relations.yaml").write_text(relations, encoding="utf-8")
    (folder / "events.yaml").write_text(events, encoding="utf-8")
    return folder


def _problems(folder: Path) -> list[tuple[str, str, str]]:
    return [(Path(p.file).name, p.entry, p.problem) for p in check_codebook(folder)]


def test_the_bundled_codebook_has_no_problem():
    assert [str(p) for p in check_codebook()] == []


def test_a_codebook_is_read_from_another_folder(tmp_path, extractor):
    cb = load_codebook(_codebook(tmp_path / "cb"))
    assert [t.name for t in cb.verbs["bankroll"]] == ["verb:bankroll→funds"]
    assert "fund" not in cb.verbs and set(cb.themes) == {"money"}
    [doc] = list(extractor([Document(text="Iran bankrolls Hezbollah.")]))
    extract_claims(doc, cb)
    assert find(doc, "Iran", "funds", "Hezbollah"), listing(doc)


@pytest.mark.parametrize("relations, events, entry, words", [
    (GOOD_RELATIONS.replace("bankroll: {}", "bankroll: {obj_only: true}"), GOOD_EVENTS,
     "relations.funds.verbs.bankroll", "unknown option 'obj_only'"),
    (GOOD_RELATIONS.replace("bankroll: {}", "bankroll: {theme: cheques}"), GOOD_EVENTS,
     "relations.funds.verbs.bankroll", "theme 'cheques' is not defined"),
    (GOOD_RELATIONS.replace("  funds:", "  finances:"), GOOD_EVENTS,
     "relations.finances", "'finances' is not one of the 13 relations"),
    (GOOD_RELATIONS, GOOD_EVENTS.replace("ASSAULT:", "SKIRMISH:"),
     "events.SKIRMISH", "'SKIRMISH' is not one of the 16 events"),
    (GOOD_RELATIONS.replace("bankroll: {}", "bankroll: {}\n      bankroll: {obj: [to]}"), GOOD_EVENTS,
     "relations.funds.verbs.bankroll", "given twice"),
    (GOOD_RELATIONS.replace('    examples: ["Iran bankrolls the militia"]\n', ""), GOOD_EVENTS,
     "relations.funds.examples", "no examples"),
    (GOOD_RELATIONS.replace("    verbs:", '    phrases: ["on the payroll of"]\n    verbs:'), GOOD_EVENTS,
     "relations.funds.phrases", "unknown list 'phrases'"),
    (GOOD_RELATIONS.replace("bankroll: {}", "bankroll: {swap: yes}"), GOOD_EVENTS,
     "relations.funds.verbs.bankroll", "must be true or false"),
    (GOOD_RELATIONS, GOOD_EVENTS + "themes:\n  money: [coins]\n", "themes.money", "also defined in relations.yaml"),
])
def test_each_problem_names_its_file_and_entry(tmp_path, relations, events, entry, words):
    folder = _codebook(tmp_path / "cb", relations, events)
    found = _problems(folder)
    assert any(e == entry and words in msg for _, e, msg in found), found
    with pytest.raises(CodebookError) as err:
        load_codebook(folder)
    assert entry in str(err.value) and words in str(err.value) and str(folder) in str(err.value)


def test_a_good_codebook_has_no_problem(tmp_path):
    assert _problems(_codebook(tmp_path / "cb")) == []


def test_every_option_the_loader_takes_is_read_by_the_claim_stage():
    # an option no reader looks at is a codebook that lies: obj_required, particle_free, theme_free were
    extract = Path(cbmod.__file__).parent
    sources = "\n".join(p.read_text(encoding="utf-8") for p in extract.rglob("*.py")
                        if p.name not in ("codebook.py", "codebook_check.py"))
    unread = [o for o in OPTIONS if not re.search(rf"\.{o}\b", sources)]
    assert unread == []


# the entries that could never fire, as they read now

def test_call_on_is_a_request_and_calling_names_is_not(extract):
    assert find(extract("Iran called on the United Nations to condemn the strikes."), "Iran", "REQUEST", "United Nations")
    assert not find(extract("Iran called the United States an enemy of Islam."), "Iran", "REQUEST")


def test_receiving_a_delegation_is_a_meeting(extract):
    doc = extract("Khamenei received a delegation from Hamas in Tehran.")
    assert find(doc, "Ali Khamenei", "CONSULT", "Hamas"), listing(doc)


def test_aid_sent_is_aid(extract):
    doc = extract("Qatar delivered food and medicine to Lebanon after the floods.")
    assert find(doc, "Qatar", "AID", "Lebanon"), listing(doc)


def test_acting_on_orders_is_subordination(extract):
    doc = extract("The Badr Organization acted on the orders of the Quds Force.")
    assert find(doc, "Badr Organization", "subordinate_to", "Quds Force"), listing(doc)
    doc = extract("Kata'ib Hizballah operates under the command of the IRGC in Iraq.")
    assert find(doc, "Kata'ib Hizballah", "subordinate_to", "Islamic Revolutionary Guard Corps"), listing(doc)
