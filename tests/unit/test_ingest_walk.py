"""Walking folders: sorted, recursive, glob, hidden names, symlink loops, OUTDIR left out."""

from __future__ import annotations

import os
from pathlib import Path

from reconcile.ingest import FileEntry, WalkProblem, walk_inputs
from reconcile.ingest.walk import WalkCounts


def tree(root: Path) -> None:
    for rel in ["b/z.txt", "b/a.md", "a.html", "c/d/e.jsonl", "c/d/pic.png", ".git/config", "c/.hidden.txt"]:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("About 5 people.")


def test_walk_is_recursive_and_sorted_with_formats(tmp_path: Path) -> None:
    tree(tmp_path)
    counts = WalkCounts()
    items = list(walk_inputs([tmp_path], counts=counts))
    assert [(i.rel, i.fmt) for i in items] == [("a.html", "html"), ("b/a.md", "md"), ("b/z.txt", "txt"),
                                               ("c/d/e.jsonl", "jsonl"), ("c/d/pic.png", None)]
    assert counts.hidden == 2


def test_glob_on_names_or_paths(tmp_path: Path) -> None:
    tree(tmp_path)
    counts = WalkCounts()
    assert [i.rel for i in walk_inputs([tmp_path], glob="*.txt", counts=counts)] == ["b/z.txt"]
    assert counts.not_matched == 4
    assert [i.rel for i in walk_inputs([tmp_path], glob="c/*")] == ["c/d/e.jsonl", "c/d/pic.png"]


def test_symlink_loops_and_broken_links_are_problems_not_hangs(tmp_path: Path) -> None:
    tree(tmp_path)
    (tmp_path / "b" / "up").symlink_to(tmp_path)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    problems = {i.rel: i.error for i in walk_inputs([tmp_path]) if isinstance(i, WalkProblem)}
    assert problems["b/up"].startswith("symlink loop")
    assert problems["self.txt"].startswith("symlink loop")
    assert problems["gone.txt"].startswith("broken symlink")


def test_same_file_through_two_paths_is_read_once(tmp_path: Path) -> None:
    tree(tmp_path)
    (tmp_path / "alias.txt").symlink_to(tmp_path / "b" / "z.txt")
    (tmp_path / "bb").symlink_to(tmp_path / "b")
    counts = WalkCounts()
    rels = [i.rel for i in walk_inputs([tmp_path], counts=counts) if isinstance(i, FileEntry)]
    assert rels.count("alias.txt") + rels.count("b/z.txt") == 1
    assert counts.duplicate == 2


def test_excluded_output_folder_is_not_walked(tmp_path: Path) -> None:
    tree(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "claims.csv").write_text("x")
    (tmp_path / "out" / "report.html").write_text("<html>")
    counts = WalkCounts()
    rels = [i.rel for i in walk_inputs([tmp_path], exclude=[tmp_path / "out"], counts=counts)]
    assert not any(r.startswith("out/") for r in rels) and counts.excluded == 1


def test_fifo_is_a_problem_and_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    [p] = walk_inputs([tmp_path])
    assert isinstance(p, WalkProblem) and p.error.startswith("not a regular file")


def test_several_inputs_are_relative_to_their_common_parent(tmp_path: Path) -> None:
    tree(tmp_path)
    rels = [i.rel for i in walk_inputs([tmp_path / "b", tmp_path / "c" / "d" / "e.jsonl"])]
    assert rels == ["b/a.md", "b/z.txt", "c/d/e.jsonl"]
