"""The figures the store keeps per claim group and per pair of actors (`actor_ties`), and the
canonical id of each entity, equal those recomputed from scratch by the whole-store reference
after any sequence of ingests, merges, splits, automatic resolution, verdicts and undos (a
Hypothesis state machine on a real store, SQLite and PostgreSQL); `reindex` changes nothing, and
rebuilds figures deleted by hand."""
from __future__ import annotations

import itertools
import json

import pytest
from figures_pool import BAGHDAD, BAGHDAD2, DOD, KH, KH2, PENTAGON, POOL, SOLEIMANI, SPELLINGS, SULEIMANI, US, USA
from figures_reference import differences, recomputed, stored
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import create_engine, delete, inspect, select, text, update
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from claimgraph.cli.main import app
from claimgraph.resolve import ResolutionError, Resolver
from claimgraph.review import Reviews
from claimgraph.store import Store
from claimgraph.store.schema import (
    ActorTieRow, ClaimFiguresRow, ClaimGroupRow, ClaimRow, DocumentRow, EntityRow, MetaRow,
)

SETTINGS = settings(max_examples=30, stateful_step_count=12, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def empty_database(db_url: str, n: int) -> str:
    """An empty store for one example: a new SQLite file beside `db_url`'s, or `db_url`'s
    PostgreSQL database with every table emptied (the schema stays: migrating again is slow)."""
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        return url.set(database=url.database.replace(".db", f"-{n}.db")).render_as_string(hide_password=False)
    Store(db_url).close()  # migrated, the first time
    engine = create_engine(db_url)
    with engine.begin() as conn:
        tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
        conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return db_url


def same_as_reference(store) -> None:
    have, want = stored(store), recomputed(store)
    assert have == want, "\n".join(differences(have, want))


def wipe_figures(store) -> None:
    """Delete what the store derives (figures, ties, group keys, canonical ids), as a broken store would."""
    with store.engine.begin() as conn:
        conn.execute(delete(ActorTieRow))
        conn.execute(delete(ClaimGroupRow))
        conn.execute(delete(ClaimFiguresRow))
        conn.execute(update(ClaimRow).values(group_key=None, canonical=None))
        conn.execute(update(EntityRow).values(canonical=None))


ACTIONS = ["ingest", "merge", "split", "auto", "verdict", "undo", "wipe_and_reindex"]


class Figures(RuleBasedStateMachine):
    db_url: str = ""
    examples = itertools.count()

    def __init__(self):
        super().__init__()
        self.store = Store(empty_database(self.db_url, next(self.examples)))
        self.ingested: list[str] = []  # names of the pool's documents stored, in order
        self.entities: list[str] = []
        self.claims: list[str] = []

    def teardown(self):
        self.store.close()

    def _ingest(self, name: str) -> None:
        doc = POOL[name]()
        assert self.store.add_document(doc) == (name not in self.ingested)
        self.ingested.append(name)
        self.entities = sorted(set(self.entities) | {e.id for e in doc.entities})
        self.claims = sorted(set(self.claims) | {c.id for c in doc.claims})

    @initialize(names=st.lists(st.sampled_from(sorted(POOL)), min_size=2, max_size=5, unique=True))
    def ingest_some(self, names):
        for name in names:
            self._ingest(name)

    # One rule that draws its action: Hypothesis turns a random part of the rules off in each
    # example (swarm testing), and with a few dozen examples too few of them mixed every action.
    @rule(data=st.data())
    def step(self, data):
        action = data.draw(st.sampled_from(ACTIONS), label="action")
        getattr(self, action)(data)

    def ingest(self, data):
        new = sorted(set(POOL) - set(self.ingested))
        self._ingest(data.draw(st.sampled_from(new or sorted(POOL)), label="document"))

    def merge(self, data):
        if len(self.entities) < 2:
            return
        spellings = [p for p in SPELLINGS if set(p) <= set(self.entities)]
        anything = st.tuples(st.sampled_from(self.entities), st.sampled_from(self.entities))
        pair = data.draw(st.sampled_from(spellings) | anything if spellings else anything, label="pair")
        try:
            Resolver(self.store).merge(*pair)
        except ResolutionError:  # already one, or judged different
            pass

    def split(self, data):
        merged = sorted({e for cluster in Resolver(self.store).clusters() for e in cluster})
        if merged:
            Resolver(self.store).split(data.draw(st.sampled_from(merged), label="entity"))

    def auto(self, data):
        Resolver(self.store).auto()

    def verdict(self, data):
        if self.claims:
            claim = data.draw(st.sampled_from(self.claims), label="claim")
            Reviews(self.store).record(claim, data.draw(st.sampled_from(["confirm", "reject"]), label="verdict"))

    def undo(self, data):
        try:
            Resolver(self.store).undo()
        except ResolutionError:  # nothing to undo
            pass

    def wipe_and_reindex(self, data):
        """Figures deleted by hand are rebuilt exactly."""
        before = stored(self.store)
        wipe_figures(self.store)
        self.store.reindex()
        after = stored(self.store)
        assert after == before, "\n".join(differences(after, before))

    @invariant()
    def figures_equal_the_reference(self):
        same_as_reference(self.store)

    @invariant()
    def reindex_changes_nothing(self):
        before = stored(self.store)
        self.store.reindex()
        after = stored(self.store)
        assert after == before, "\n".join(differences(after, before))


def test_stored_figures_equal_the_reference_after_any_sequence(db_url):
    machine = type("FiguresOn", (Figures,), {"db_url": db_url})
    # PostgreSQL runs the same code paths at several times SQLite's cost per step: half the sequences
    examples = SETTINGS.max_examples if db_url.startswith("sqlite") else SETTINGS.max_examples // 2
    run_state_machine_as_test(machine, settings=settings(SETTINGS, max_examples=examples))


# the sequences that found a bug, kept as cases of their own: (action, argument), ...
CASES = {
    "a place merged": [("ingest", "wire"), ("ingest", "rockets"), ("merge", (BAGHDAD, BAGHDAD2))],
    "a named source merged": [("ingest", "reprint"), ("ingest", "statement"), ("merge", (PENTAGON, DOD))],
    "two dates of one killing joined": [("ingest", "wire"), ("ingest", "statement"), ("merge", (US, USA)),
                                        ("merge", (SOLEIMANI, SULEIMANI))],
    "a killing rejected, then not": [("ingest", "wire"), ("ingest", "statement"), ("merge", (SOLEIMANI, SULEIMANI)),
                                     ("reject", "clm-usa-kills-suleimani"), ("undo", None)],
    "a killed person split off, then back": [("ingest", "wire"), ("ingest", "statement"),
                                             ("merge", (SOLEIMANI, SULEIMANI)), ("split", SULEIMANI), ("undo", None)],
    "a merged entity given its KB id later": [("ingest", "rockets"), ("ingest", "denial"), ("merge", (KH, KH2)),
                                              ("ingest", "pentagon_denial")],
    "a story's copies joined by the wire they copy": [("ingest", "reprint"), ("ingest", "edited"),
                                                       ("ingest", "wire")],
    "two reports of one killing, nothing merged": [("ingest", "statement"), ("ingest", "second_outlet")],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_stored_figures_equal_the_reference_in_each_case(db_url, case):
    with Store(db_url) as store:
        for action, arg in CASES[case]:
            if action == "ingest":
                assert store.add_document(POOL[arg]())
            elif action == "merge":
                Resolver(store).merge(*arg)
            elif action == "split":
                Resolver(store).split(arg)
            elif action == "reject":
                Reviews(store).reject(arg)
            else:
                Resolver(store).undo()
            same_as_reference(store)


def test_the_wire_makes_one_story_of_its_two_copies(tmp_path):
    with Store(tmp_path / "store.db") as store:
        def stories():
            with store.engine.connect() as conn:
                return dict(conn.execute(select(DocumentRow.source, DocumentRow.cluster)).all())
        for name in ("reprint", "edited"):
            store.add_document(POOL[name]())
        assert len(set(stories().values())) == 2
        store.add_document(POOL["wire"]())
        assert len(set(stories().values())) == 1


def full_store(url: str) -> Store:
    """Every document of the pool, every pair of spellings merged, a claim rejected, one confirmed."""
    store = Store(url)
    for make in POOL.values():
        store.add_document(make())
    resolver = Resolver(store)
    resolver.auto()
    for a, b in SPELLINGS:
        if resolver.canonical(a) != resolver.canonical(b):
            resolver.merge(a, b)
    Reviews(store).reject("clm-qf-trains-kh-denied")
    Reviews(store).confirm("clm-kh2-assault")
    return store


def test_a_store_whose_figures_were_deleted_is_rebuilt_exactly_by_reindex(db_url):
    with full_store(db_url) as store:
        same_as_reference(store)
        kept = stored(store)
        assert kept["groups"] and kept["figures"] and set(kept["canonical"].values()) < set(kept["canonical"])
        wipe_figures(store)
        assert stored(store) != kept
        counts = store.reindex()
        assert stored(store) == kept
        assert counts == {part: len(kept[part]) for part in ("claims", "groups", "figures")}


def test_a_store_marked_stale_is_reindexed_when_opened(db_url):
    with full_store(db_url) as store:
        kept = stored(store)
        wipe_figures(store)
        with store.engine.begin() as conn:
            conn.execute(update(MetaRow).where(MetaRow.key == "figures").values(value="stale"))
    with Store(db_url) as store:
        assert stored(store) == kept


@pytest.mark.parametrize("format", ["table", "json"])
def test_the_reindex_command_rebuilds_the_figures(db_url, format):
    with full_store(db_url) as store:
        kept = stored(store)
        wipe_figures(store)
    result = CliRunner().invoke(app, ["reindex", "--db", db_url, "--format", format])
    assert result.exit_code == 0, result.output
    with Store(db_url) as store:
        assert stored(store) == kept
    counts = [len(kept["claims"]), len(kept["groups"]), len(kept["figures"])]
    if format == "json":
        assert json.loads(result.stdout) == dict(zip(["claims", "groups", "figures"], counts))
    else:
        assert all(str(n) in result.stdout for n in counts) and "Reindex" in result.stdout
