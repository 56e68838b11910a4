"""End-to-end tests of ``reconcile batch`` over a folder with every format and every bad input."""

from __future__ import annotations

import builtins
import json
import os
from pathlib import Path

import pytest
from batch_helpers import articles_of, expected_claim_rows, make_corpus, read_csv, run_cli

from reconcile.cli import main
from reconcile.models import DISCREPANCY_CLAIM_COLUMNS, ClaimRow, DiscrepancyRow, ErrorRow

GOOD = ["feeds/dam.jsonl", "web/budget.json", "web/legacy.txt", "web/more.json", "web/toll-day3.html",
        "wire/2024/toll-day1.txt", "wire/2024/toll-day2.md"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path)


OUTPUTS = ["claims.csv", "discrepancies.csv", "discrepancy_claims.csv", "errors.csv", "report.html", "run.json"]


def add_bad_inputs(root: Path) -> None:
    bad = root / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "empty.jsonl").write_bytes(b"")
    (bad / "blank.md").write_text("   \n\n")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + os.urandom(200))
    (bad / "invalid-utf8.txt").write_bytes(
        "Title: Bridge closed\nSource: Harbour Daily\nDate: 2024-03-02\n\nAbout 4,000 drivers cross the bridge"
        " each day, officials said \u2014 caf\u00e9 owners nearby worry.\n".encode() + b"Bad byte: \xff here.\n")
    (bad / "no-text.json").write_text(json.dumps({"title": "Headline only"}))
    (bad / "broken.json").write_text('{"text": "unterminated')
    (bad / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (bad / "self.txt").symlink_to(bad / "self.txt")
    (bad / "dangling.txt").symlink_to(bad / "missing.txt")
    (bad / "loop").symlink_to(root)
    os.mkfifo(bad / "pipe.txt")
    with open(bad / "huge.txt", "wb") as fh:  # 100 MB of text: refused whole, never read into memory
        line = b"Officials said 1,500 soldiers had arrived in the region on Monday, the ministry said.\n"
        fh.writelines(line for _ in range(100 * 2**20 // len(line) + 1))


def test_every_format_and_bad_input(corpus: Path, tmp_path: Path) -> None:
    add_bad_inputs(corpus)
    out = corpus / "out"  # OUTDIR inside DIR
    proc = run_cli("batch", str(corpus), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert f"results in {out}" in proc.stdout
    assert "\r" not in proc.stderr  # no progress bar when stderr is not a terminal
    assert all((out / name).is_file() for name in OUTPUTS)

    # claims.csv: the model's columns, and exactly the pipeline's claims for every good article
    with open(out / "claims.csv", encoding="utf-8") as fh:
        assert fh.readline().rstrip("\n").split(",") == list(ClaimRow.model_fields)
    articles = [a for rel in GOOD for a in articles_of(corpus, rel)]
    articles.append(*articles_of(corpus, "bad/invalid-utf8.txt"))
    articles.sort(key=lambda a: (a.id.split("#")[0], int(a.id.split("#")[1]) if "#" in a.id else 0))
    got, want = read_csv(out / "claims.csv"), expected_claim_rows(articles)
    assert [(r["article"], r["text"]) for r in got] == [(r["article"], r["text"]) for r in want]
    assert got == want

    run = json.loads((out / "run.json").read_text())
    assert run["counts"]["articles"] == 10 == len(articles)
    assert run["counts"]["claims"] == len(expected_claim_rows(articles))
    assert run["counts"]["skipped"]["hidden"] == 1
    assert run["counts"]["skipped"]["output_folder"] == 1  # OUTDIR (made before the walk) left out
    assert run["settings"]["window_days"] == 3.0 and run["version"]

    # errors.csv: one row per bad input, with a clear reason; warnings for articles still read
    errors = {r["path"]: r["error"] for r in read_csv(out / "errors.csv")}
    assert list(read_csv(out / "errors.csv")[0]) == list(ErrorRow.model_fields)
    assert errors["feeds/dam.jsonl#2"].startswith("broken JSON line")
    assert errors["bad/empty.txt"] == errors["bad/empty.jsonl"] == "empty file"
    assert errors["bad/blank.md"] == "the file holds only white space"
    assert errors["bad/binary.txt"] == "not an article: a binary file (NUL bytes)"
    assert errors["bad/photo.png"].startswith("skipped: not an article (a PNG image)")
    assert errors["bad/invalid-utf8.txt"] == "warning: invalid UTF-8: 1 undecodable byte(s) replaced with U+FFFD"
    assert errors["web/legacy.txt"] == "warning: not UTF-8; decoded as Windows-1252"
    assert errors["bad/no-text.json"] == "the JSON article has no 'text' (or 'body') string"
    assert errors["bad/broken.json"].startswith("broken JSON: ")
    assert errors["bad/self.txt"].startswith("symlink loop")
    assert errors["bad/loop"].startswith("symlink loop")
    assert errors["bad/dangling.txt"].startswith("broken symlink")
    assert errors["bad/pipe.txt"].startswith("not a regular file")
    assert errors["bad/huge.txt"].startswith("file too large: 100.0 MB")
    assert not any(p.startswith("out/") for p in errors)  # OUTDIR is never read back
    assert run["counts"]["errors"] == 13 and run["counts"]["warnings"] == 2
    assert len(errors) == 15

    # a second run into the same OUTDIR (now inside DIR, full of CSV and HTML) reads the same inputs
    first = {name: (out / name).read_bytes() for name in OUTPUTS if name != "run.json"}
    proc = run_cli("batch", str(corpus), "--out", str(out), "--quiet")
    assert proc.returncode == 0 and proc.stdout == ""
    assert {name: (out / name).read_bytes() for name in first} == first
    run2 = json.loads((out / "run.json").read_text())
    assert run2["counts"]["skipped"]["output_folder"] == 1
    assert run2["counts"]["articles"] == 10


def test_article_fields_of_each_format(corpus: Path) -> None:
    """What the batch reads from each format (the provenance columns of every claim row)."""
    by_id = {a.id: a for rel in GOOD for a in articles_of(corpus, rel)}
    assert sorted(by_id) == ["feeds/dam.jsonl#1", "feeds/dam.jsonl#3", "web/budget.json", "web/legacy.txt",
                             "web/more.json#1", "web/more.json#2", "web/toll-day3.html",
                             "wire/2024/toll-day1.txt", "wire/2024/toll-day2.md"]
    t1 = by_id["wire/2024/toll-day1.txt"]
    assert (t1.source, str(t1.published), t1.url) == ("Northern Wire", "2024-10-03", "https://northernwire.example/a/95")
    t2 = by_id["wire/2024/toll-day2.md"]
    assert (t2.source, str(t2.published), t2.author) == ("Valley Herald", "2024-10-04", "A. Writer, B. Writer")
    assert t2.text.startswith("The death toll")
    t3 = by_id["web/toll-day3.html"]
    assert (t3.source, str(t3.published), t3.author, t3.title) == (
        "Daily Ledger", "2024-10-05", "Chris Reporter", "Toll reaches 205")
    assert "205" in t3.text and "Subscribe" not in t3.text and "Home" not in t3.text
    assert by_id["web/more.json#1"].source == "citypost.example"  # outlet from the URL's host
    assert by_id["web/more.json#2"].url is None and by_id["web/more.json#2"].source == "Coast Radio"
    dam3 = by_id["feeds/dam.jsonl#3"]
    assert dam3.source == "countynews.example" and str(dam3.published) == "2024-09-12"  # from the dateline
    assert by_id["web/budget.json"].text.startswith("The city council approved a $1.2bn")
    legacy = by_id["web/legacy.txt"]
    assert "\u00a3300m \u2013 \u201cnearly double\u201d" in legacy.text


def test_byte_identical_reruns_and_stable_order(corpus: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "out-a", tmp_path / "out-b"
    assert main(["batch", str(corpus), "--out", str(a), "--quiet"]) == 0
    # the same files seen in another order by the file system: rename leaves content, order by path
    assert main(["batch", str(corpus), "--out", str(b), "--quiet", "--workers", "1"]) == 0
    for name in OUTPUTS:
        if name != "run.json":  # run.json holds timings and the output path: not compared
            assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_glob_and_several_folders(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "o"
    assert main(["batch", str(corpus / "wire"), str(corpus / "web"), "--out", str(out), "--glob", "*.txt",
                 "--quiet"]) == 0
    run = json.loads((out / "run.json").read_text())
    assert run["counts"]["articles"] == 2
    assert run["counts"]["skipped"]["not_matching_glob"] == 4
    assert read_csv(out / "errors.csv") == [{"path": "web/legacy.txt",
                                             "error": "warning: not UTF-8; decoded as Windows-1252"}]


def test_nothing_readable_exits_1(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(b"")
    (tmp_path / "in" / "b.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    proc = run_cli("batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert "nothing readable" in proc.stderr
    assert [r["path"] for r in read_csv(tmp_path / "out" / "errors.csv")] == ["a.txt", "b.jpg"]
    assert "a JPEG image" in read_csv(tmp_path / "out" / "errors.csv")[1]["error"]


@pytest.mark.parametrize("args, message", [
    (["batch", "no/such/dir", "--out", "x"], "no such file or folder"),
    (["batch", "seeds", "--out", "x", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    (["batch", "seeds", "--out", "x", "--window", "-1"], "--window"),
    (["batch", "seeds"], "--out"),
    (["batch", "seeds", "--out", "x", "--engine", "spark"], "invalid choice"),
])
def test_usage_errors_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    proc = run_cli(*args, cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_out_is_a_file_is_a_usage_error(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    proc = run_cli("batch", str(corpus), "--out", str(tmp_path / "f"))
    assert proc.returncode == 2 and "not a folder" in proc.stderr


def test_unreadable_file_is_listed_and_the_rest_is_read(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    """Tests run as root, where chmod 000 does not stop a read: the open itself is made to fail."""
    target = str(corpus / "wire" / "2024" / "toll-day1.txt")
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if str(file) == target:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    out = tmp_path / "o"
    assert main(["batch", str(corpus), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    errors = {r["path"]: r["error"] for r in read_csv(out / "errors.csv")}
    assert errors["wire/2024/toll-day1.txt"] == "cannot read: Permission denied"
    assert json.loads((out / "run.json").read_text())["counts"]["articles"] == 8


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_chmod_000_file_is_listed(corpus: Path, tmp_path: Path) -> None:
    p = corpus / "web" / "budget.json"
    p.chmod(0)
    out = tmp_path / "o"
    assert main(["batch", str(corpus), "--out", str(out), "--quiet"]) == 0
    assert {r["path"]: r["error"] for r in read_csv(out / "errors.csv")}["web/budget.json"].startswith("cannot read")


def test_big_jsonl_is_streamed_and_long_lines_refused(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    good = json.dumps({"title": "t", "source": "S", "date": "2024-01-02", "text": "About 1,500 troops arrived."})
    with open(src / "big.jsonl", "w") as fh:
        fh.writelines((json.dumps({"text": "x" * (2 * 2**20)}) if i == 1000 else good) + "\n" for i in range(1, 2001))
    out = tmp_path / "o"
    assert main(["batch", str(src), "--out", str(out), "--quiet", "--max-file-mb", "1"]) == 0
    run = json.loads((out / "run.json").read_text())
    assert run["counts"]["articles"] == 1999
    assert read_csv(out / "errors.csv") == [{"path": "big.jsonl#1000", "error": "line longer than 1 MB; skipped"}]


def test_discrepancy_csv_headers(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "o"
    assert main(["batch", str(corpus), "--out", str(out), "--quiet"]) == 0
    with open(out / "discrepancies.csv", encoding="utf-8") as fh:
        assert fh.readline().rstrip("\n").split(",") == list(DiscrepancyRow.model_fields)
    with open(out / "discrepancy_claims.csv", encoding="utf-8") as fh:
        assert fh.readline().rstrip("\n").split(",") == DISCREPANCY_CLAIM_COLUMNS


def test_summary_into_a_closed_pipe_is_no_traceback(corpus: Path, tmp_path: Path) -> None:
    """``reconcile batch ... | head -1``: the reader leaves early; the run still succeeds quietly."""
    import subprocess
    import sys

    from batch_helpers import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "reconcile.cli", "batch", str(corpus), "--out",
                             str(tmp_path / "o")], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.close()  # nobody reads the summary
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 0
    assert "Traceback" not in err and (tmp_path / "o" / "claims.csv").exists()
