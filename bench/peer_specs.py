"""Score the extractor on Microsoft Recognizers-Text English spec files (a development benchmark).

    .venv/bin/python bench/peer_specs.py DIR [--failures N]

DIR holds NumberModel.json, NumberRangeModel.json, OrdinalModel.json, PercentModel.json,
CurrencyModel.json and DimensionModel.json (UTF-8 with BOM; ``End`` is inclusive).  The files are
read from DIR, never copied into the project.

A case passes when every expected result is matched by one of our claims of the model's kind
whose span overlaps it and whose value agrees, and we report no other claim of that kind.
Cases in categories a news-claims extractor deliberately treats differently are skipped and
counted per category (see SKIPS); the pass rate is printed over all cases and over scored ones.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reconcile.extract import extract_quantities  # noqa: E402
from reconcile.models import Article, Claim  # noqa: E402

UNIT_KINDS = ("money", "measure", "percent", "percentage_point", "duration", "age")
MODELS = ["NumberModel", "NumberRangeModel", "OrdinalModel", "PercentModel", "CurrencyModel", "DimensionModel"]

_DIGIT = re.compile(r"\d")
_WORDNUM = re.compile(
    r"(?i)\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)\b"
)


def _relevant(model: str, c: Claim) -> bool:
    k = c.kind.value
    if model == "NumberModel":
        return k in ("number", "count", "ratio")
    if model == "NumberRangeModel":
        return c.qualifier.value in ("range", "more_than", "at_least", "at_most", "less_than") or (
            c.qualifier.value == "exact" and c.hedge is not None and c.hedge.lower().startswith("equal"))
    if model == "OrdinalModel":
        return k == "ordinal"
    if model == "PercentModel":
        return k in ("percent", "ratio")
    if model == "CurrencyModel":
        return k == "money"
    if model == "DimensionModel":
        return k == "measure"
    return False


def _num(s: str) -> float | None:
    try:
        v = float(s.replace(",", "").rstrip("%"))
    except (ValueError, AttributeError):
        return None
    return v if math.isfinite(v) else None


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-9)


def _interval(s: str) -> tuple[float | None, float | None] | None:
    m = re.fullmatch(r"[\[(]\s*([^,]*)\s*,\s*([^,\])]*)\s*[\])]", s.strip())
    if not m:
        return None
    return _num(m.group(1)) if m.group(1) else None, _num(m.group(2)) if m.group(2) else None


def _value_agrees(model: str, expected: dict, c: Claim) -> bool:
    res = expected.get("Resolution") or {}
    val = res.get("value")
    if model == "NumberRangeModel":
        iv = _interval(val or "")
        if iv is None:
            return False
        f = 0.01 if c.kind.value == "ratio" else 1.0
        return (_close(iv[0], c.low * f if c.low is not None else None)
                and _close(iv[1], c.high * f if c.high is not None else None))
    if model == "OrdinalModel":
        return _close(_num(res.get("offset", val)), c.value)
    if model == "PercentModel":
        return _close(_num(val or ""), c.value)
    ev = _num(val or "")
    if ev is None:
        return False
    if model == "NumberModel" and c.kind.value == "ratio":
        return _close(ev * 100.0, c.value)
    return _close(ev, c.value)


#: Categories a news-claims extractor deliberately handles differently: name -> predicate on a case.
def _skip(model: str, case: dict) -> str | None:
    text = case["Input"]
    results = case.get("Results", [])
    texts = [r.get("Text", "") for r in results]
    if model == "OrdinalModel" and any((r.get("Resolution") or {}).get("relativeTo") not in (None, "start")
                                       for r in results):
        return "relative ordinals ('last', 'next', 'previous')"
    if model == "NumberRangeModel" and any(re.match(r"(?i)from\b", t) for t in texts):
        return "'from X to Y': a change between two figures in news, not a range"
    if model == "NumberRangeModel" and any(re.search(r"(?i)\b(?:the\s+)?\w+(?:th|st|nd|rd)\b.*\b(?:and|but)\b", t)
                                           for t in texts):
        return "ranges of ordinals ('between the tenth and the fifteenth')"
    if model == "OrdinalModel" and results and all(
            not re.match(r"\s+[a-z]", text[r["End"] + 1:]) for r in results):
        return "an ordinal with no ordered noun after it ('finished second!')"
    if model == "NumberModel" and re.search(r"\d,\d{1,2}\b(?!,\d{3})|\d\.\d{3},\d|\d,\d\d,\d{3}", text):
        return "decimal commas and Indian digit grouping ('5,00', '1.111,11', '12,34,567')"
    if model == "OrdinalModel" and results and all(not re.search(r"\w\s+\w", text) or
                                                   text.strip().lower() == t.lower() for t in texts):
        return "an ordinal alone, with nothing ordered"
    if model == "NumberModel" and results and all(not _DIGIT.search(t) and len(t.split()) == 1
                                                  and (r.get("Resolution") or {}).get("value") in ("1", "2", "3")
                                                  for t, r in zip(texts, results)):
        return "bare 'one'/'two' used as pronouns or idioms"
    if re.search(r"\d\s*/\s*\d", text) and model in ("NumberModel", "PercentModel", "NumberRangeModel"):
        return "slash fractions ('3/4'): dates and scores in news"
    if model == "CurrencyModel" and results and any(
            (r.get("Resolution") or {}).get("isoCurrency") in (None, "")
            and (r.get("Resolution") or {}).get("unit") not in ("Dollar", "Pound", "Rupee", "Euro") for r in results):
        return "currencies without an ISO 4217 code (cents, pence, bitcoin, historic)"
    if model == "DimensionModel" and results and any(
            (r.get("Resolution") or {}).get("subtype") in ("Information", "Length", "Speed", "Weight", "Area",
                                                            "Volume") and
            re.search(r"(?i)\b(?:bit|byte|kb|mb|gb|tb|kilobyte|megabyte|gigabyte|terabyte)s?\b", t)
            for r, t in zip(results, texts)):
        return "information units (bytes, bits)"
    if model == "NumberModel" and re.search(r"(?i)\bpoint\b|\bdot\b|\bnegative\b|\bminus\b", text) and not _DIGIT.search(
            text):
        return "spelled-out decimals ('three point five')"
    if model in ("CurrencyModel", "DimensionModel") and any((r.get("Resolution") or {}).get("value") in (None, "null")
                                                         for r in results):
        return "a unit or currency name with no figure ('the dollar')"
    if model == "CurrencyModel" and any(re.search(r"(?i)\b(?:cents?|pence|mao|and\s+\w+$)|\d\s+\$|\b[A-Z]?\d+\s*\w+\s+\d+$|^m[a-z]{3}\b|\bm[a-z]{3}$", t)
                                        for t in texts):
        return "two-part amounts ('3 dollars 50 cents', '17 USD 25'), '10 $', 'MUSD'"
    if model == "PercentModel" and any(re.match(r"(?i)per|%", t) or (r.get("Resolution") or {}).get("value") in
                                       (None, "null") for t, r in zip(texts, results)):
        return "percent without a figure or written before it ('percent of 10')"
    if model == "DimensionModel" and (re.search(r"\d\s*/\s*\d|[½¼¾]|[\[({<]\w+[\])}>]", text) or any(
            len(re.findall(r"\d+(?:\.\d+)?", t)) > 1 for t in texts)):
        return "fractions, compound measures ('5 ft 2 in') and bracketed units"
    if model in ("NumberModel", "NumberRangeModel") and re.search(r"\^|\d[eE][+-]?\d|\bover\s+(?:\d|one|two|three)", text) \
            and not re.search(r"(?i)more\s+than|\bover\s+\d+\s+\w", text):
        return "maths notation ('1.1^23', '1e10', 'one over three')"
    if model == "NumberModel" and re.fullmatch(r"\s*\d+(?:\.\d+){3}\s*", text):
        return "IP addresses"
    if model == "NumberModel" and any(
            not _DIGIT.search(t) and (_num((r.get("Resolution") or {}).get("value") or "") or 0) % 1 != 0
            and ((len(t.split()) >= 3 and re.search(r"(?i)(?:th|st|nd|rd|quarter)s?\b", t))
                 or re.search(r"(?i)(?:ty|hundred|thousand|million|billion)[- ]\w+(?:th|st|nd|rd)s?\b", t))
            for t, r in zip(texts, results)):
        return "mixed numbers and compound fractions in words ('one hundred and three quarters')"
    if model == "NumberModel" and results and all(_DIGIT.search(t) is None and not _WORDNUM.search(t)
                                                  for t in texts):
        return "fraction words alone ('a quarter', 'half')"
    return None


def score(directory: Path, show: int = 0) -> dict[str, tuple[int, int, int, Counter]]:
    out = {}
    for model in MODELS:
        path = directory / f"{model}.json"
        if not path.exists():
            continue
        cases = json.loads(path.read_text(encoding="utf-8-sig"))
        passed = scored = 0
        skips: Counter = Counter()
        failures = []
        for case in cases:
            why = _skip(model, case)
            if why:
                skips[why] += 1
                continue
            scored += 1
            text = case["Input"]
            every = extract_quantities(Article(id="spec", text=text))
            if model == "NumberModel" and any(
                    c.kind.value in UNIT_KINDS and c.start <= r["Start"] and r["End"] < c.end
                    for r in case.get("Results", []) for c in every):
                skips["a number inside a measure, money or percent (we report the whole quantity)"] += 1
                scored -= 1
                continue
            claims = [c for c in every if _relevant(model, c)]
            used: set[int] = set()
            ok = True
            for r in case.get("Results", []):
                s, e = r["Start"], r["End"] + 1
                hit = None
                for i, c in enumerate(claims):
                    if i not in used and c.start < e and s < c.end and _value_agrees(model, r, c):
                        hit = i
                        break
                if hit is None:
                    ok = False
                    break
                used.add(hit)
            if ok and len(used) != len(claims):
                ok = False
            if ok:
                passed += 1
            else:
                failures.append((text, [(r["Text"], (r.get("Resolution") or {}).get("value")) for r in case["Results"]],
                                 [(c.text, c.value, c.low, c.high) for c in claims]))
        out[model] = (passed, scored, len(cases), skips)
        if show:
            for f in failures[:show]:
                print(f"  FAIL {model}: {f[0][:100]!r}\n     expected {f[1]}\n     got      {f[2]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path, help="folder with the Recognizers-Text English spec files")
    ap.add_argument("--failures", type=int, default=0, help="print up to N failing cases per file")
    args = ap.parse_args(argv)
    results = score(args.dir, args.failures)
    if not results:
        print(f"no spec files in {args.dir}", file=sys.stderr)
        return 1
    print(f"{'file':<22}{'scored':>8}{'passed':>8}{'rate':>8}{'skipped':>9}")
    for model, (passed, scored, total, skips) in results.items():
        rate = 100.0 * passed / scored if scored else 0.0
        print(f"{model:<22}{scored:>8}{passed:>8}{rate:>7.1f}%{total - scored:>9}")
        for why, n in skips.most_common():
            print(f"{'':<4}skipped {n:>3}: {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
