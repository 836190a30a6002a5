"""The query commands: actor, neighbors, path, events, claims, search, rank (`register(app)` adds them)."""
from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer
from rich.markup import escape
from rich.rule import Rule
from rich.table import Table

from claimgraph.cli.output import err, filters_used, nothing_found, out, print_json, report_error, rule_width
from claimgraph.cli.output import table as _plain_table


class Format(str, Enum):
    table = "table"
    json = "json"


DB = Annotated[str, typer.Option("--db", help="SQLite file (or a SQLAlchemy URL) of the store.")]
FMT = Annotated[Format, typer.Option("--format", "-f", help="table or json.")]
FROM = Annotated[str | None, typer.Option("--from", help="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
TO = Annotated[str | None, typer.Option("--to", help="Up to this date (inclusive): YYYY, YYYY-MM or YYYY-MM-DD.")]
AS_OF = Annotated[str | None, typer.Option("--as-of", help="The graph as of this date: relations that could hold "
                                                            "then, events that had happened.")]
MIN_IND = Annotated[int, typer.Option("--min-independent", min=0,
                                      help="Claims with at least this many independent sources (reprints count once).")]
CRED = Annotated[int | None, typer.Option("--credibility", min=1, max=6,
                                          help="Claims graded this or better: 1 confirmed … 6 cannot be judged.")]

SHOWN = Annotated[int | None, typer.Option("--shown", min=1, help="Pieces of evidence and contradictions shown per "
                                                              "claim (how many more each holds is said); default 5 "
                                                              "in a table, all in JSON.")]


def _shown(shown: int | None, format) -> int | None:
    """A table shows a claim's first five pieces of evidence; JSON, read by programs, all of them."""
    return shown if shown is not None else (None if format == Format.json else 5)
LISTED = Annotated[bool, typer.Option("--listed", help="Only claims touching an actor matched to a sanctions or "
                                                    "watch list (claimgraph kb import).")]


def table(title: str, columns: list[str], rows: list[list]) -> Table:
    """A table whose cells are shown as written: brackets in a text or a snippet are not markup."""
    return _plain_table(title, columns, [[None if v is None else escape(str(v)) for v in r] for r in rows])


def _short(text: str | None, width: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _name(ref) -> str:
    if ref is None:
        return "—"
    return ref["name"] if isinstance(ref, dict) else str(ref)


def _said_by(row: dict) -> str:
    return "author" if row.get("attributed_to") is None else _name(row["attributed_to"])


def _date(d: dict | None) -> str:
    if not d or not d.get("start"):
        return (d or {}).get("text") or "undated"
    return d["start"] if d.get("start") == d.get("end") or d.get("precision") == "day" else \
        d["start"][:4] if d.get("precision") == "year" else d["start"][:7] if d.get("precision") == "month" else \
        f"{d['start']}…{d.get('end') or ''}"


def _evidence(row: dict) -> str:
    """The first piece of evidence with where it comes from, and how many more there are."""
    if not row["evidence"]:
        return ""
    ev = row["evidence"][0]
    where = ", ".join(x for x in (ev.get("title") or ev["doc"], ev.get("source"), ev.get("published")) if x)
    rest = len(row["evidence"]) - 1 + row.get("evidence_more", 0)  # those the answer leaves out too
    more = f" (+{rest} more)" if rest else ""
    return f"“{_short(ev['excerpt'])}” — {where}{more}"


def _support(row: dict) -> str:
    """Documents / sources / independent sources."""
    return f"{row['documents']}/{row['sources']}/{row.get('independent', '?')}"


def _grade(row: dict) -> str:
    """The Admiralty rating, with a mark for a contested claim and an analyst's confirmation."""
    marks = (" contested" if row.get("contested") else "") + (" ✓" if row.get("review") == "confirmed" else "")
    return f"{row.get('admiralty', '')}{marks}"


def _valid(v: dict | None) -> str:
    if not v or (not v.get("from") and not v.get("to") and not v.get("ended")):
        return ""
    span = f"{v.get('from') or '…'} – {v.get('to') or ('ended' if v.get('ended') else '…')}"
    return span + (" (ended)" if v.get("ended") and v.get("to") else "")


def _store(db: str):
    from claimgraph.cli.stores import open_store
    return open_store(db)


def _actor(store, name: str):
    """The entity for `name`, or exit: 1 when nothing fits, 2 (listing the candidates) when several do."""
    from claimgraph.query import find_actor
    found = find_actor(store, name)
    if isinstance(found, list):
        if not found:
            near = getattr(found, "candidates", [])  # what it loosely fits, or is spelt like
            listed = ", ".join(f"{e.name} ({e.id})" for e in near)
            hint = "" if not near else f"; did you mean {listed}?" if found.near == "spelling" else \
                f" (too loose to pick one; names holding it: {listed})"
            report_error(f"no actor called {name!r} in the store{hint}")
            raise typer.Exit(1)
        report_error(f"{name!r} fits {len(found)} actors; name one of them (or give its id):")
        out().print(table(f"Candidates for “{name}”", ["name", "type", "country", "id", "aliases"],
                          [[e.name, e.type, e.country, e.id, _short(", ".join(e.aliases), 60)] for e in found]))
        raise typer.Exit(2)
    return found


def _fail(e: Exception) -> None:
    report_error(str(e))
    raise typer.Exit(1)


def actor(name: Annotated[str, typer.Argument(help="A name, alias, spelling or entity id.")], db: DB = "claimgraph.db",
          as_of: AS_OF = None, min_independent: MIN_IND = 0, credibility: CRED = None,
          limit: Annotated[int, typer.Option("--limit", min=1, help="Lines per list: each relation's as subject "
                                             "and as object, the timeline, the documents.")] = 20,
          offset: Annotated[int, typer.Option("--offset", min=0, help="Lines of each list to skip (--offset 20 "
                                              "with --limit 20: every list's next page).")] = 0,
          listed: Annotated[bool, typer.Option("--listed", help="Only the lines whose other actor is on a "
                                                                "sanctions or watch list.")] = False,
          shown: SHOWN = None, format: FMT = Format.table) -> None:
    """An actor's dossier: identity, relations by predicate, events on a timeline, documents; each with
    its evidence and its Admiralty grade (source reliability A–F, credibility 1–6)."""
    from claimgraph.query import dossier, open_view
    with _store(db) as store:
        snap = open_view(store)
        try:
            d = dossier(snap, _actor(snap, name).id, as_of, min_independent, credibility, limit, listed,
                        _shown(shown, format), offset)
        except ValueError as e:
            _fail(e)
    if format == Format.json:
        print_json(d)
        return
    console = out()
    console.print(Rule(f"[bold]{escape(d['name'])}[/bold]" + (f" as of {escape(as_of)}" if as_of else "")),
                  width=rule_width(console))
    identity = [["name", d["name"]], ["type", " / ".join(x for x in (d["type"], d["subtype"]) if x)],
                ["country", d["country"]], ["also called", ", ".join(d["aliases"])],
                ["knowledge base", d["kb_id"]], ["id", d["id"]]]
    if d.get("listings"):
        from claimgraph.kb.listings import label
        identity.insert(4, ["listed", "; ".join(dict.fromkeys(label(x) for x in d["listings"]))])
    box = Table(title="Identity", title_justify="left", show_header=False)
    box.add_column(style="bold")
    box.add_column(overflow="fold")
    for key, value in identity:
        box.add_row(key, "" if value is None else escape(str(value)))
    console.print(box)
    rows = []
    for predicate, group in d["relations"].items():
        for side, arrow in (("as_subject", f"{d['name']} —{predicate}→ X"), ("as_object", f"X —{predicate}→ {d['name']}")):
            for r in group[side]:
                rows.append([arrow, _name(r["other"]), r["modality"], _said_by(r), _valid(r["valid"]), _support(r),
                             _grade(r), _evidence(r)])
    more = sum(n for g in d["relations"].values() for n in g.get("more", {}).values())
    console.print(table(("Relations (X is the other actor)" + (f"; {more} more not shown (--limit, --offset)"
                                                                if more else ""))
                        if rows else "Relations: none",
                        ["relation", "X", "modality", "said by", "when", "docs/src/indep.", "grade", "evidence"], rows))
    rows = [[_date(t["date"]), t["type"], t["role"], _name(t["counterpart"]), t["status"], t["mode"],
             _name(t["location"]), t["modality"], _support(t), _grade(t), _evidence(t)] for t in d["timeline"]]
    console.print(table(("Timeline of events" + (f"; {d['timeline_more']} earlier not shown (--limit, --offset)"
                                                  if d.get("timeline_more") else "")) if rows else "Timeline: no events",
                        ["date", "event", "role", "counterpart", "status", "mode", "place", "modality",
                         "docs/src/indep.", "grade", "evidence"], rows))
    console.print(table("Documents that mention it" + (f"; {d['documents_more']} more not shown (--limit, --offset)"
                                                       if d.get("documents_more") else ""),
                        ["published", "title", "source", "mentions", "id"],
                        [[x["published"], x["title"], x["source"], x["mentions"], x["id"]] for x in d["documents"]]))


def neighbors(name: Annotated[str, typer.Argument(help="An actor's name, alias or id.")], db: DB = "claimgraph.db",
              depth: Annotated[int, typer.Option("--depth", min=1, max=3)] = 1,
              predicate: Annotated[list[str] | None, typer.Option("--predicate", help="Only these predicates.")] = None,
              modality: Annotated[list[str] | None, typer.Option("--modality", help="Only these modalities.")] = None,
              min_sources: Annotated[int, typer.Option("--min-sources", min=0)] = 0,
              min_independent: MIN_IND = 0, credibility: CRED = None,
              date_from: FROM = None, date_to: TO = None, as_of: AS_OF = None,
              max_nodes: Annotated[int, typer.Option("--max-nodes", min=1,
                                                     help="At most this many actors, strongest ties first.")] = 100,
              format: FMT = Format.table) -> None:
    """The actors around one actor, up to three claims away, and the claims that link them."""
    from claimgraph.query import neighbors as query
    from claimgraph.query import open_view
    with _store(db) as store:
        snap = open_view(store)
        try:
            g = query(snap, _actor(snap, name).id, depth, predicate, modality, min_sources, date_from, date_to,
                      min_independent, credibility, as_of, max_nodes)
        except ValueError as e:
            _fail(e)
    if format == Format.json:
        print_json(g)
        return
    if not g["nodes"]:
        nothing_found()
        return
    names = {n["id"]: n["name"] for n in [g["center"], *g["nodes"]]}
    if g.get("truncated"):
        err().print(f"note: only the {len(g['nodes'])} actors with the strongest ties are shown (--max-nodes)")
    out().print(table(f"Actors within {depth} of {g['center']['name']}", ["distance", "name", "type", "country", "id"],
                      [[n["distance"], n["name"], n["type"], n["country"], n["id"]] for n in g["nodes"]]))
    out().print(table("Claims between them", ["subject", "predicate", "object", "modality", "docs/src/indep.", "grade",
                                              "claim"],
                      [[names.get(e["source"]), e["predicate"], names.get(e["target"]), e["modality"], _support(e),
                        _grade(e), e["claim"]] for e in g["edges"]]))


def path(a: Annotated[str, typer.Argument(help="First actor.")], b: Annotated[str, typer.Argument(help="Second actor.")],
         db: DB = "claimgraph.db", max_hops: Annotated[int, typer.Option("--max-hops", min=1, max=8)] = 4,
         paths: Annotated[int | None, typer.Option("--paths", min=1, max=10,
                                                   help="The k shortest chains, not only the best one.")] = None,
         predicate: Annotated[list[str] | None, typer.Option("--predicate", help="Only these predicates.")] = None,
         modality: Annotated[list[str] | None, typer.Option("--modality", help="Only these modalities.")] = None,
         min_sources: Annotated[int, typer.Option("--min-sources", min=0)] = 0,
         min_independent: MIN_IND = 0, credibility: CRED = None,
         date_from: FROM = None, date_to: TO = None, as_of: AS_OF = None,
         format: FMT = Format.table) -> None:
    """How two actors are connected: the shortest chain of claims, with the evidence of each hop;
    with --paths or a filter, the k shortest chains over the claims that pass the filters."""
    from claimgraph.query import open_view
    filtered = bool(predicate or modality or min_sources or min_independent or credibility or date_from or date_to
                    or as_of)
    with _store(db) as store:
        snap = open_view(store)
        x, y = _actor(snap, a), _actor(snap, b)
        if paths is None and not filtered:
            from claimgraph.query import path as query
            chains = [query(snap, x.id, y.id, max_hops)]
            answer = chains[0]
        else:
            from claimgraph.query.paths import paths as query_paths
            try:
                answer = query_paths(snap, x.id, y.id, paths or 1, max_hops, predicate, modality, min_sources,
                                     min_independent, credibility, date_from, date_to, as_of)
            except ValueError as e:
                _fail(e)
            chains = [p["hops"] for p in answer["paths"]]
    chains = [hops for hops in chains if hops]
    if format == Format.json:
        print_json(answer)
    for n, hops in enumerate(chains, 1):
        if format == Format.json:
            break
        rows = [[i, r["subject"]["name"], r["predicate"], _name(r["object"]), r["modality"], _support(r), _grade(r),
                 _evidence(r)] for i, hop in enumerate(hops, 1) for r in hop["claims"]]
        title = f"{x.name} ↔ {y.name}: {len(hops)} hop(s)" + (f", path {n} of {len(chains)}" if len(chains) > 1 else "")
        out().print(table(title, ["hop", "subject", "predicate", "object", "modality", "docs/src/indep.", "grade",
                                  "evidence"], rows))
    if not chains:
        used = filters_used()
        report_error(f"no chain of at most {max_hops} claims links {x.name} and {y.name}"
                     + (f" (for {used})" if filtered and used else ""))
        raise typer.Exit(1)


def _has_status(row: dict, wanted: set[str], halves: dict[str, str]) -> bool:
    """As /api/events' status filter: a stored status, or one half of a condition."""
    status = row.get("status") or "occurred"
    return status in wanted or (status == "hypothetical" and row.get("conditional") in
                                {halves[w] for w in wanted if w in halves})


def _status(row: dict) -> str:
    """An event's status as the web app shows it: a hypothetical deed that hangs on a condition
    ("if X strikes, we will hit ...") is threatened; "happened" for one that occurred."""
    status = row.get("status") or "occurred"
    if status == "hypothetical" and row.get("conditional"):
        return {"consequence": "threatened", "condition": "if ... (condition)"}[row["conditional"]]
    return "happened" if status == "occurred" else status


def _claims_table(title: str, rows: list[dict], events: bool = False):
    columns = ["date", "subject", "predicate", "object", "modality", "said by", "docs/src/indep.", "grade", "evidence"]
    body = [[_date(r["date"]), _name(r["subject"]), r["predicate"], _name(r["object"]), r["modality"], _said_by(r),
             _support(r), _grade(r), _evidence(r)] for r in rows]
    if events:
        columns.insert(4, "place")
        columns.insert(3, "status")
        for line, r in zip(body, rows):
            line.insert(4, _name(r.get("location")))
            line.insert(3, _status(r))
    else:
        columns.append("contested by")
        for line, r in zip(body, rows):
            line.append(", ".join(f"{o['modality']} ({o['claim']})" for o in r.get("contested_by", [])))
    return table(title, columns, body)


def events(db: DB = "claimgraph.db", type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
           actor: Annotated[str | None, typer.Option("--actor", help="Actor or target.")] = None,
           date_from: FROM = None, date_to: TO = None,
           place: Annotated[str | None, typer.Option("--place", help="ISO alpha-3 code or place name.")] = None,
           modality: Annotated[list[str] | None, typer.Option("--modality", help="Only these modalities.")] = None,
           min_independent: MIN_IND = 0, credibility: CRED = None, as_of: AS_OF = None,
           status: Annotated[list[str] | None, typer.Option(
               "--status", help="Only these: occurred, attempted, planned, ongoing, hypothetical, "
                                "threatened (the deed of an 'if ...'), condition (its if-clause).")] = None,
           format: FMT = Format.table) -> None:
    """Events, oldest first, by type, actor, date range, place and status; an actor's timeline with --actor."""
    from claimgraph.query import events as query
    from claimgraph.query import open_view
    from claimgraph.query.event_list import HALVES, STATUSES, _allowed
    with _store(db) as store:
        snap = open_view(store)
        try:
            _allowed("status", status or (), STATUSES + tuple(HALVES))
            rows = query(snap, type, _actor(snap, actor).id if actor else None, date_from, date_to, place, modality,
                         min_independent, credibility, as_of, shown=None)
        except (ValueError, LookupError) as e:
            _fail(e)
    if status:
        rows = [r for r in rows if _has_status(r, set(status), HALVES)]
    if format == Format.json:
        print_json(rows)
    elif not rows:
        nothing_found()
    else:
        out().print(_claims_table(f"Events: {len(rows)}", rows, events=True))


def claims(db: DB = "claimgraph.db",
           contested: Annotated[bool, typer.Option(
               "--contested", help="Contradicted: negated against affirmed, or conflicting numbers or dates.")] = False,
           single_source: Annotated[bool, typer.Option("--single-source",
                                                       help="Only one independent source behind it.")] = False,
           predicate: Annotated[str | None, typer.Option("--predicate")] = None,
           modality: Annotated[str | None, typer.Option("--modality")] = None,
           actor: Annotated[str | None, typer.Option("--actor", help="As subject or object.")] = None,
           min_independent: MIN_IND = 0, credibility: CRED = None, date_from: FROM = None, date_to: TO = None,
           as_of: AS_OF = None, limit: Annotated[int, typer.Option("--limit", min=1,
                                                                  help="The best attested this many.")] = 200,
           listed: LISTED = False, shown: SHOWN = None, format: FMT = Format.table) -> None:
    """Claims, most independent sources first: contested ones, single-source ones, by predicate,
    modality, actor, grade and date."""
    from claimgraph.query import claims as query
    from claimgraph.query import open_view
    with _store(db) as store:
        snap = open_view(store)
        try:
            rows = query(snap, contested, single_source, predicate, modality, min_independent, credibility,
                         date_from, date_to, as_of, _actor(snap, actor).id if actor else None, limit, listed,
                         _shown(shown, format))
        except ValueError as e:
            _fail(e)
    if format == Format.json:
        print_json(rows)
    elif not rows:
        nothing_found()
    else:
        out().print(_claims_table(f"Claims: {len(rows)}", rows))


def search(text: Annotated[str, typer.Argument(help='Words (all must occur), "a phrase", a OR b, a NOT b (or -b), '
                                                   'prefix*, (groups).')],
           db: DB = "claimgraph.db", limit: Annotated[int, typer.Option("--limit", min=1)] = 20,
           format: FMT = Format.table) -> None:
    """Full-text search over documents and evidence (SQLite FTS5, PostgreSQL tsvector; the index is built on first use)."""
    from claimgraph.query import SearchUnavailable
    from claimgraph.query import search as query
    with _store(db) as store:
        try:
            rows = query(store, text, limit)
        except (SearchUnavailable, ValueError) as e:
            _fail(e)
    if format == Format.json:
        print_json(rows)
    elif not rows:
        nothing_found()
    else:
        out().print(table(f"Search “{text}”: {len(rows)} document(s)", ["title", "source", "published", "snippet",
                                                                       "claims", "doc"],
                          [[r["title"], r["source"], r["published"], r["snippet"], len(r["claims"]), r["doc"]]
                           for r in rows]))


class Metric(str, Enum):
    """The centralities of `query.METRICS` (not imported here: `--help` loads no query code)."""
    pagerank = "pagerank"
    degree = "degree"
    betweenness = "betweenness"


def rank(db: DB = "claimgraph.db",
         metric: Annotated[Metric, typer.Option("--metric", help="The centrality.")] = Metric.pagerank,
         limit: Annotated[int, typer.Option("--limit", min=1)] = 20, format: FMT = Format.table) -> None:
    """Actors ranked by centrality in the claim graph, ties weighted by their evidence."""
    from claimgraph.query import rank as query
    metric = metric.value
    with _store(db) as store:
        try:
            rows = query(store, metric, limit)
        except ValueError as e:
            _fail(e)
    if format == Format.json:
        print_json(rows)
    elif not rows:
        nothing_found()
    else:
        out().print(table(f"Actors by {metric}", ["rank", "name", "type", "country", metric, "ties", "evidence", "id"],
                          [[i, r["name"], r["type"], r["country"], r["score"], r["ties"], r["evidence"], r["id"]]
                           for i, r in enumerate(rows, 1)]))


def register(app: typer.Typer) -> None:
    """Add the query commands to `app`."""
    for fn in (actor, neighbors, path, events, claims, search, rank):  # sources: outlet_cmds
        app.command(fn.__name__)(fn)
