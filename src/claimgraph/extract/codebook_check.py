"""`claimgraph codebook check`: what in the codebook the claim stage would not read as written.

A trigger option that no reader knows, a theme that is not defined, a predicate outside the
ontology, a word listed twice under one key, a predicate with no example: each is a problem with
its file and entry. The loader (`codebook.load_codebook`) refuses a codebook that has any.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from claimgraph.extract.codebook import DATA, OPTIONS, SECTIONS, Trigger, _WordLoader, read_yaml

KINDS = {"relations.yaml": ("relations", "relations"), "events.yaml": ("events", "events")}  # file → (section, ontology key)
_LIST_OPTIONS = {f.name for f in fields(Trigger) if isinstance(f.default, tuple)}
_FLAG_OPTIONS = {f.name for f in fields(Trigger) if isinstance(f.default, bool)}


@dataclass(frozen=True)
class Problem:
    file: str
    entry: str  # dotted path in the file: events.REQUEST.verbs.call
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}: {self.problem}"


def _read(path: Path) -> tuple[dict, list[tuple[str, int]]]:
    """The file, and the keys it gives twice in one mapping (YAML keeps the last silently) with their
    dotted path and line."""
    if not path.exists():
        return {}, []
    text = path.read_text(encoding="utf-8")
    dups: list[tuple[str, int]] = []
    stack = [((), yaml.compose(text, Loader=_WordLoader))]
    while stack:
        where, node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for k, v in node.value:
                key = k.value
                if key in seen:
                    dups.append((".".join((*where, key)), k.start_mark.line + 1))
                seen.add(key)
                stack.append(((*where, key), v))
    return read_yaml(path), sorted(dups, key=lambda d: d[1])


def check_codebook(folder: Path = DATA) -> list[Problem]:
    """Every problem of the codebook in `folder`, in file order."""
    folder = Path(folder)
    ontology = read_yaml(folder / "ontology.yaml") or read_yaml(DATA / "ontology.yaml")
    problems: list[Problem] = []
    raw: dict[str, dict] = {}
    for name in KINDS:
        data, dups = _read(folder / name)
        raw[name] = data
        problems += [Problem(name, entry, f"given twice (again on line {line}): only the last would be read")
                     for entry, line in dups]
    themes = _themes(raw, problems)
    for name, (section, kind) in KINDS.items():
        known = set(ontology.get(kind) or ())
        for predicate, spec in (raw[name].get(section) or {}).items():
            entry = f"{section}.{predicate}"
            if predicate not in known:
                problems.append(Problem(name, entry, f"'{predicate}' is not one of the {len(known)} {kind} of the "
                                                     f"ontology ({', '.join(sorted(known))})"))
            if not isinstance(spec, dict):
                problems.append(Problem(name, entry, "must be a mapping of examples and trigger lists"))
                continue
            problems += _section(name, entry, spec, themes)
    return [Problem(_shown(folder / p.file), p.entry, p.problem) for p in problems]


def _shown(path: Path) -> str:
    """A path as the user can open it: relative to the working directory when under it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _themes(raw: dict[str, dict], problems: list[Problem]) -> set[str]:
    """The themes defined in either file (a theme defined twice is a problem)."""
    where: dict[str, str] = {}
    for name, data in raw.items():
        for theme, words in (data.get("themes") or {}).items():
            if theme in where:
                problems.append(Problem(name, f"themes.{theme}", f"theme also defined in {where[theme]}"))
            elif not isinstance(words, list) or not words:
                problems.append(Problem(name, f"themes.{theme}", "a theme is a non-empty list of words"))
            where.setdefault(theme, name)
    return set(where)


def _section(name: str, entry: str, spec: dict, themes: set[str]) -> list[Problem]:
    out: list[Problem] = []
    for key in spec:
        if key != "examples" and key not in SECTIONS:
            out.append(Problem(name, f"{entry}.{key}", f"unknown list '{key}' (read: examples, {', '.join(SECTIONS)})"))
    examples = spec.get("examples")
    if not examples or not isinstance(examples, list):
        out.append(Problem(name, f"{entry}.examples", "no examples: each predicate shows the sentences it is for"))
    for key in SECTIONS:
        triggers = spec.get(key) or {}
        if not isinstance(triggers, dict):
            out.append(Problem(name, f"{entry}.{key}", "must be a mapping of words to their options"))
            continue
        for lemma, opts in triggers.items():
            out += _trigger(name, f"{entry}.{key}.{lemma}", opts, themes)
    return out


def _trigger(name: str, entry: str, opts, themes: set[str]) -> list[Problem]:
    if opts is None:
        return []
    if not isinstance(opts, dict):
        return [Problem(name, entry, "options must be a mapping ({} for none)")]
    out = []
    for key, value in opts.items():
        if key not in OPTIONS:
            out.append(Problem(name, entry, f"unknown option '{key}' (known: {', '.join(OPTIONS)})"))
        elif key in _LIST_OPTIONS and not isinstance(value, list):
            out.append(Problem(name, entry, f"option '{key}' must be a list"))
        elif key in _FLAG_OPTIONS and not isinstance(value, bool):
            out.append(Problem(name, entry, f"option '{key}' must be true or false"))
        elif key == "theme" and value not in themes:
            out.append(Problem(name, entry, f"theme '{value}' is not defined (themes: {', '.join(sorted(themes))})"))
    return out


def stats(folder: Path = DATA) -> dict[str, int]:
    """Counts for the report: predicates and triggers of each kind, themes."""
    figures = {"files": sum(1 for _ in Path(folder).glob("*.yaml"))}
    themes: set[str] = set()
    for name, (section, kind) in KINDS.items():
        data = read_yaml(Path(folder) / name)
        body = data.get(section) or {}
        figures[kind] = len(body)
        for key in SECTIONS:
            figures[key] = figures.get(key, 0) + sum(len((s or {}).get(key) or {}) for s in body.values()
                                                     if isinstance(s, dict))
        themes |= set(data.get("themes") or {})
    figures["themes"] = len(themes)
    return figures
