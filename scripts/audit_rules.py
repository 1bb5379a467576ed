"""The corpus precision audit of the event rules: draw a sample of the events each rule family
produces on real news, judge them by hand, and tally the share judged right.

    make audit-db      # ingest ../shared/corpus/whitehouse-2022.jsonl and wikinews-2019.jsonl
    python scripts/audit_rules.py sample --db audit.duckdb     # writes quality/audit/sample.tsv
    (judge: fill the `right` column with y or n, and a note where useful)
    python scripts/audit_rules.py tally --db audit.duckdb      # writes quality/audit/tally.tsv

A family is how an event was made: the mechanism (a verb's pattern, a verb's default code, an
event noun, a transcript's turns) and the first step the coder read after it (intent, refusal,
each way, aimed …). The sample leaves out the gold/dev articles (they are for studying misses),
is drawn with a fixed seed, and keeps the judgments already made when it is drawn again. An
event is judged right when a careful analyst following ../shared/gold/GUIDE.md would code that
(source country, target country, PLOVER type) from its sentence.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
AUDIT = ROOT / "quality" / "audit"
SAMPLE = AUDIT / "sample.tsv"
TALLY = AUDIT / "tally.tsv"
SEED = 20261206
PER_FAMILY = 5
FAMILIES = 14  # the most frequent families get their own sample; the rest share one
COLUMNS = ["family", "article_id", "event_no", "source", "target", "plover", "cameo", "trigger", "rule", "sentence"]
JUDGED = ["right", "note"]

EVENTS = """
SELECT e.article_id, e.event_no, e.source_country, e.target_country, e.plover_type, e.cameo,
       e.trigger_text, e.rule, e.steps,
       substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
FROM events e JOIN articles a ON a.id = e.article_id
ORDER BY e.article_id, e.event_no
"""


def family(rule: str, steps: list[dict[str, str | None]] | None) -> str:
    if rule.startswith("TRANSCRIPT"):
        mechanism = "transcript meeting"
    elif rule.startswith("NOMINAL"):
        mechanism = "event noun"
    elif "(default)" in rule:
        mechanism = "verb default"
    else:
        mechanism = "verb pattern"
    kinds = [str(s["kind"]) for s in steps or [] if s.get("kind") not in ("scheduled",)]
    return f"{mechanism} + {kinds[0]}" if kinds else mechanism


def gold_ids() -> set[str]:
    return {json.loads(p.read_text())["id"] for p in (SHARED / "gold" / "dev").glob("*.json")}


def events(db: Path) -> list[dict[str, object]]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(EVENTS).fetchall()
        names = [d[0] for d in con.description or []]
    skip = gold_ids()
    found = []
    for row in rows:
        event = dict(zip(names, row, strict=True))
        if str(event["article_id"]).split("~")[0] in skip:
            continue
        event["family"] = family(str(event["rule"]), event["steps"])
        found.append(event)
    return found


def grouped(found: list[dict[str, object]]) -> dict[str, list[dict[str, object]]]:
    """Events by family; families past the most frequent ones pooled as "other"."""
    counts = Counter(str(e["family"]) for e in found)
    top = {name for name, _ in counts.most_common(FAMILIES)}
    groups: dict[str, list[dict[str, object]]] = defaultdict(list)
    for event in found:
        groups[str(event["family"]) if event["family"] in top else "other"].append(event)
    return groups


def read_judged() -> dict[tuple[str, str], dict[str, str]]:
    if not SAMPLE.exists():
        return {}
    with SAMPLE.open(encoding="utf-8") as stream:
        return {(r["article_id"], r["event_no"]): r for r in csv.DictReader(stream, delimiter="\t")}


def sample(db: Path) -> None:
    judged = read_judged()
    rng = random.Random(SEED)
    rows = []
    for name, members in sorted(grouped(events(db)).items()):
        for event in rng.sample(members, min(PER_FAMILY, len(members))):
            row = {
                "family": name,
                "article_id": str(event["article_id"]),
                "event_no": str(event["event_no"]),
                "source": str(event["source_country"] or ""),
                "target": str(event["target_country"] or ""),
                "plover": str(event["plover_type"]),
                "cameo": str(event["cameo"]),
                "trigger": str(event["trigger_text"]),
                "rule": str(event["rule"]),
                "sentence": " ".join(str(event["sentence"]).split()),
            }
            before = judged.get((row["article_id"], row["event_no"]), {})
            same = before.get("plover") == row["plover"] and before.get("target") == row["target"]
            row.update({k: before.get(k, "") if same else "" for k in JUDGED})
            rows.append(row)
    AUDIT.mkdir(parents=True, exist_ok=True)
    with SAMPLE.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, COLUMNS + JUDGED, delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} events sampled into {SAMPLE}")


def tally(db: Path) -> None:
    groups = grouped(events(db))
    judged = read_judged().values()
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for row in judged:
        if row["right"] in ("y", "n"):
            seen[row["family"]] += 1
            right[row["family"]] += row["right"] == "y"
    lines = [["family", "events", "judged", "right", "share_right"]]
    for name in sorted(groups, key=lambda n: -len(groups[n])):
        share = f"{right[name] / seen[name]:.2f}" if seen[name] else ""
        lines.append([name, str(len(groups[name])), str(seen[name]), str(right[name]), share])
    total_seen, total_right = sum(seen.values()), sum(right.values())
    weighted = sum(len(groups[n]) * right[n] / seen[n] for n in groups if seen[n]) / max(
        1, sum(len(groups[n]) for n in groups if seen[n])
    )
    lines.append(
        [
            "all (judged)",
            str(sum(len(g) for g in groups.values())),
            str(total_seen),
            str(total_right),
            f"{total_right / max(1, total_seen):.2f}",
        ]
    )
    lines.append(["all (weighted by family size)", "", "", "", f"{weighted:.2f}"])
    with TALLY.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, delimiter="\t").writerows(lines)
    for line in lines:
        print("\t".join(line))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=["sample", "tally"])
    parser.add_argument("--db", type=Path, default=ROOT / "audit.duckdb")
    args = parser.parse_args(argv)
    (sample if args.step == "sample" else tally)(args.db)


if __name__ == "__main__":
    main(sys.argv[1:])
