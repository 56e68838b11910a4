"""Tiny runs of the extraction benchmarks, so the scripts keep working (they are not timed here)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_peer_specs_scores_a_tiny_spec_folder(tmp_path: Path) -> None:
    cases = [  # our own sentences, in the spec's format (End is inclusive)
        {"Input": "Officials counted 1,500 soldiers.",
         "Results": [{"Text": "1,500", "TypeName": "number", "Resolution": {"value": "1500"}, "Start": 18, "End": 22}]},
        {"Input": "The bill passed in 2022.", "Results": []},
    ]
    (tmp_path / "NumberModel.json").write_text("\ufeff" + json.dumps(cases), encoding="utf-8")
    ranges = [{"Input": "More than 200 houses fell.",
               "Results": [{"Text": "more than 200", "TypeName": "numberrange", "Resolution": {"value": "(200,)"},
                            "Start": 0, "End": 12}]}]
    (tmp_path / "NumberRangeModel.json").write_text("\ufeff" + json.dumps(ranges), encoding="utf-8")
    results = _load("peer_specs").score(tmp_path)
    assert results["NumberModel"][:2] == (2, 2)
    assert results["NumberRangeModel"][:2] == (1, 1)


def test_extract_speed_runs_on_a_small_file(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "tiny.cor"
    corpus.write_text("Nearly 11,000 troops arrived in 2024.\nAbout $5 million was raised.\n", encoding="utf-8")
    assert _load("extract_speed").main([str(corpus), "--runs", "1", "--no-adversarial"]) == 0
    out = capsys.readouterr().out
    assert "chars/s" in out and "quantities found: 2" in out
