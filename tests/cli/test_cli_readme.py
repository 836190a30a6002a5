"""The README as a new user reads it: every command of its showcase answers something on the demo
store (`samples/corpus` ingested, as `make demo` does), and neither the README nor docs/*.md
points at a file outside the repository or at one that is not there."""
from __future__ import annotations

import glob
import re
import shlex
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
MARK = "<!-- showcase"


def showcase() -> list[str]:
    """The claimgraph lines of the fenced blocks that follow a showcase mark in the README."""
    lines, commands, i = README.read_text(encoding="utf-8").splitlines(), [], 0
    while i < len(lines):
        if lines[i].startswith(MARK):
            i += 1
            assert lines[i].startswith("```"), "a showcase mark stands right before a code block"
            i += 1
            while not lines[i].startswith("```"):
                if lines[i].startswith("claimgraph "):
                    commands.append(lines[i])
                i += 1
        i += 1
    return commands


def test_the_readme_has_a_showcase():
    assert len(showcase()) >= 8


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("readme") / "demo.db"
    r = CliRunner().invoke(app, ["ingest", str(ROOT / "samples" / "corpus"), "--db", str(db), "--workers", "1"])
    assert r.exit_code == 0, r.output
    return db


@pytest.mark.parametrize("line", showcase())
def test_each_showcase_command_answers_something_on_the_demo_store(demo, line):
    args = shlex.split(line, comments=True)[1:]
    assert args[args.index("--db") + 1] == "demo.db"
    args[args.index("--db") + 1] = str(demo)
    r = CliRunner(env={"COLUMNS": "200"}).invoke(app, args)
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() and "nothing found" not in r.stdout, r.output
    assert "error" not in r.stderr, r.stderr


def _documents() -> list[Path]:
    return [README, *sorted((ROOT / "docs").glob("*.md"))]


# a path is checked when it names a file or folder of the repository: it starts with one of the
# repository's top-level entries and ends in a file name with an extension or in "/"
_TOP = sorted(p.name for p in ROOT.iterdir() if not p.name.startswith(".") and p.name not in ("claimgraph.db",))


def _paths_in(text: str) -> list[str]:
    found = []
    for span in re.findall(r"`([^`\n]+)`", text):
        for token in span.split():
            token = token.strip("(),;:'\"").split("#")[0].rstrip(".")
            if "/" in token and token.split("/")[0] in _TOP and not re.search(r"[<>{}$|\[\]]", token) \
                    and (token.endswith("/") or re.search(r"\.\w+$", token.split("/")[-1])):
                found.append(token)
    return found


def _generated(path: str) -> bool:
    """A path the repository's ignore rules name: written by a command (a bench cache), not shipped."""
    done = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", path], check=False,
                          capture_output=True)
    if done.returncode in (0, 1):
        return done.returncode == 0
    # not a git work tree: the .gitignore beside the path's first folder, read plainly
    top, _, rest = path.partition("/")
    rules = ROOT / top / ".gitignore"
    return rules.exists() and any(rest.startswith(line.strip()) for line in
                                  rules.read_text(encoding="utf-8").splitlines() if line.strip())


@pytest.mark.parametrize("doc", _documents(), ids=lambda p: p.name)
def test_the_docs_refer_to_no_file_outside_the_repository_or_missing(doc):
    text = doc.read_text(encoding="utf-8")
    outside = re.findall(r"(?<![\w/.])\.\./[\w./-]*", text)
    assert not outside, f"{doc.name} points outside the repository: {outside}"
    missing = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):  # Markdown links and images
        if re.match(r"[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue
        path = (doc.parent / target.split("#")[0]).resolve()
        if not path.exists() or ROOT not in (path, *path.parents):
            missing.append(target)
    missing += [p for p in _paths_in(text) if not glob.glob(str(ROOT / p)) and not _generated(p)]
    assert not missing, f"{doc.name} names files the repository does not have: {missing}"


def test_the_path_check_sees_a_missing_file():
    assert _paths_in("see `src/claimgraph/nothing_here.py` and `docs/src/indep.`") == ["src/claimgraph/nothing_here.py"]
    assert not glob.glob(str(ROOT / "src/claimgraph/nothing_here.py"))
