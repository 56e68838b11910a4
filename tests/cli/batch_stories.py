"""Fixture articles for the batch tests, written for this project in the style of wire copy.

``write_corpus(root)`` lays out a folder with every supported format; ``write_many(root, n)``
writes ``n`` varied .txt/.html articles for the resume test.
"""

from __future__ import annotations

import json
from pathlib import Path

TOLL_1 = """Rescuers in the northern hill districts said on Thursday that at least 95 people had died after
two days of torrential rain set off landslides across the region.
The provincial disaster agency said about 3,400 homes were damaged and more than 12,000 residents
had been moved to temporary shelters, while roads into three valleys remained cut off.
"We are still reaching villages that have had no contact for 48 hours," a spokesman for the agency said.
"""

TOLL_2 = """The death toll from landslides in the northern hill districts rose to 158 on Friday, the provincial
disaster agency said, as army engineers reopened one of the three roads into the worst-hit valleys.
Officials said nearly 4,000 homes had been damaged. Around 12,500 residents were staying in shelters.
"""

TOLL_3 = """Authorities raised the death toll from the floods and landslides to 205 on Saturday, with dozens
of people still missing in the northern hill districts.
The regional governor said 4,100 homes were damaged and about 40 km of highway had been washed away.
"""

DAM = """Engineers opened the spillways of the Karsk dam overnight after days of heavy rain, and the
river authority said some 12,000 people living downstream were told to leave their homes.
The county emergency office put the number of evacuated residents at 4,500 on the same day, saying
many villages had not yet been reached.
Water levels rose by 2.5 metres in six hours, the river authority said.
"""

BUDGET = """The city council approved a $1.2bn plan on Tuesday to rebuild the harbour front, the largest
public works budget in its history.
Opponents said the true cost would be closer to $1.9bn once interest was included, and that at least
300 small businesses would have to move during construction.
"""

BUDGET_COPY = BUDGET  # a syndicated copy printed by another outlet

STRIKE = """Nearly 45,000 dockworkers walked off the job at ports along the east coast on Monday, their union
said, in the first such strike since 1977.
The employers' group said the walkout involved about 25,000 workers and that 14 ports were affected.
"""

LEGACY_CP1252 = ("Council officials said on Wednesday that the repairs to the sea wall would cost \u00a3300m "
                 "\u2013 \u201cnearly double\u201d the first estimate \u2013 and that 1,200 homes were at risk.\n")


def _txt(title: str, source: str | None, url: str | None, date: str | None, body: str) -> str:
    head = [f"Title: {title}"]
    if source:
        head.append(f"Source: {source}")
    if url:
        head.append(f"URL: {url}")
    if date:
        head.append(f"Date: {date}")
    return "\n".join(head) + "\n\n" + body


def _html(title: str, site: str, url: str, date: str, author: str, body: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.replace("\n", " ").split(". ") if p.strip())
    return (f"<!doctype html><html><head><title>{title} | {site}</title>"
            f'<meta property="og:site_name" content="{site}"><meta name="author" content="{author}">'
            f'<meta property="article:published_time" content="{date}T07:00:00Z">'
            f'<link rel="canonical" href="{url}"></head><body><nav><a href="/">Home</a> | World | Business</nav>'
            f"<article><h1>{title}</h1>{paras}</article><footer>Subscribe to our newsletter</footer></body></html>")


def write_corpus(root: Path) -> dict[str, str]:
    """Every supported format, plus sub-folders; returns {relative path: format}."""
    (root / "wire" / "2024").mkdir(parents=True, exist_ok=True)
    (root / "web").mkdir(exist_ok=True)
    files = {
        "wire/2024/toll-day1.txt": _txt("Landslides kill at least 95", "Northern Wire",
                                        "https://northernwire.example/a/95", "2024-10-03", TOLL_1),
        "wire/2024/toll-day2.md": (
            "---\ntitle: Landslide toll rises to 158\noutlet: Valley Herald\ndate: 2024-10-04\n"
            "url: https://valleyherald.example/news/158\nauthor: [A. Writer, B. Writer]\n---\n" + TOLL_2),
        "web/toll-day3.html": _html("Toll reaches 205", "Daily Ledger", "https://www.dailyledger.example/toll-205",
                                    "2024-10-05", "Chris Reporter", TOLL_3),
        "web/budget.json": json.dumps({"id": "b-1", "title": "Harbour plan approved", "source": "Metro Times",
                                       "url": "https://metrotimes.example/harbour", "published": "2024-05-14",
                                       "body": BUDGET}),
        "web/more.json": json.dumps([
            {"title": "Harbour plan approved", "url": "https://www.citypost.example/harbour-copy",
             "date": "2024-05-14", "text": BUDGET_COPY},
            {"title": "Dockworkers strike", "source": "Coast Radio", "date": "2024-10-01", "text": STRIKE},
        ]),
        "feeds/dam.jsonl": "\n".join([
            json.dumps({"id": "d1", "title": "Dam spillways opened", "source": "River Post",
                        "published": "2024-09-12", "text": DAM}),
            "{this line is broken",
            json.dumps({"id": "d2", "title": "Evacuation under way", "url": "https://countynews.example/dam",
                        "text": "KARSK, Sept. 12, 2024 (County News) -\n" + DAM}),
        ]) + "\n",
    }
    (root / "feeds").mkdir(exist_ok=True)
    for rel, text in files.items():
        (root / rel).write_text(text, encoding="utf-8")
    (root / "web" / "legacy.txt").write_bytes(
        _txt("Sea wall repairs", "Coastal Gazette", None, "2024-06-02", LEGACY_CP1252).encode("cp1252"))
    return {rel: rel.rsplit(".", 1)[1] for rel in [*files, "web/legacy.txt"]}


def write_many(root: Path, n: int) -> None:
    """``n`` small articles (HTML and text alternating) with varied figures, outlets and dates."""
    stories = [TOLL_1, TOLL_2, TOLL_3, DAM, BUDGET, STRIKE]
    outlets = ["Northern Wire", "Valley Herald", "Daily Ledger", "Metro Times", "Coast Radio", "River Post"]
    for i in range(n):
        body = stories[i % len(stories)].replace("95", str(90 + i % 17)).replace("12,000", f"{11 + i % 5},000")
        day = f"2024-10-{1 + i % 28:02d}"
        folder = root / f"batch{i // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        outlet = outlets[i % len(outlets)]
        if i % 2:
            (folder / f"a{i:05d}.html").write_text(
                _html(f"Report {i}", outlet, f"https://news{i % 6}.example/{i}", day, "Staff", body), encoding="utf-8")
        else:
            (folder / f"a{i:05d}.txt").write_text(_txt(f"Report {i}", outlet, None, day, body), encoding="utf-8")
