"""Front matter read with a bounded safe loader: an alias bomb is the file's one error, the run goes on."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from claimgraph.ingest import IngestError, read_paths
from claimgraph.model import Document

BODY = "The army attacked the town on Monday, officials said.\n"


def bomb(levels: int, width: int = 9) -> str:
    """A billion-laughs front matter: `width ** levels` strings from a few hundred bytes."""
    lines = ["---", "a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n---\n" + BODY


def test_alias_bomb_is_the_files_error_and_the_run_goes_on(tmp_path):
    (tmp_path / "a_bomb.md").write_text(bomb(6))  # 531,441 values: old code read them all into extra
    (tmp_path / "b_bomb.txt").write_text(bomb(6))
    (tmp_path / "c_good.md").write_text("---\ntitle: Fine\n---\n" + BODY)
    results = list(read_paths([tmp_path]))
    assert [type(r) for r in results] == [IngestError, IngestError, Document]
    for result, name in zip(results, ("a_bomb.md", "b_bomb.txt")):
        assert result.path == str(tmp_path / name)
        assert "front matter refused" in result.message and "alias" in result.message
    assert results[2].title == "Fine"


def test_full_bomb_bounded_in_memory_and_time(tmp_path):
    """The 400-byte bomb of the issue (9 ** 9 values) in a process capped at 1 GiB of address space."""
    path = tmp_path / "bomb.md"
    path.write_text(bomb(9))
    assert path.stat().st_size < 600
    script = textwrap.dedent(f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, ({2**30}, {2**30}))
        from claimgraph.ingest import read_paths
        for r in read_paths([{str(path)!r}]):
            print(r)
        # VmHWM: this process's peak (ru_maxrss can carry the peak of the process that forked it)
        print("peak_kb", next(l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM")))
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    lines = run.stdout.splitlines()
    assert lines[0] == f"{path}: front matter refused: more than 20 YAML aliases (an alias bomb?)"
    assert int(lines[1].split()[1]) < 200_000  # KiB; the old code passed the 1 GiB cap


def test_few_aliases_expanding_to_too_much_refused(tmp_path):
    items = ", ".join(str(n) for n in range(3000))
    text = f"---\nbig: &big [{items}]\ncopies: [*big, *big, *big, *big]\n---\n{BODY}"
    (tmp_path / "wide.md").write_text(text)
    [error] = read_paths([tmp_path / "wide.md"])
    assert isinstance(error, IngestError)
    assert "expand to over 10,000 values" in error.message


def test_recursive_alias_refused(tmp_path):
    (tmp_path / "loop.txt").write_text("---\nself: &x [1, *x]\n---\n" + BODY)
    [error] = read_paths([tmp_path / "loop.txt"])
    assert isinstance(error, IngestError) and "front matter refused" in error.message


def test_a_few_aliases_are_fine(tmp_path):
    (tmp_path / "ok.md").write_text("---\nauthor: &who Jane Roe\neditor: *who\ntitle: T\n---\n" + BODY)
    [doc] = read_paths([tmp_path / "ok.md"])
    assert isinstance(doc, Document)
    assert doc.extra["author"] == doc.extra["editor"] == "Jane Roe"
