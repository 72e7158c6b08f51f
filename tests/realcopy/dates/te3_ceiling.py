#!/usr/bin/env python3
"""How far the TempEval-3 value F1 can go without reading dates wrong.

Reads the date suite scorer's `--json` report (every wrong value, missed and
spurious answer), the cases it scored (for the offsets the report leaves out) and
`te3-buckets.tsv` (one line per error: why it is an error), and prints for each
corpus:

* the TE3 value F1 of the report;
* the value F1 if every error bucketed `fixable` were fixed;
* the value F1 if, in addition, every contradictory convention took its majority
  reading (the `split` lines give each convention's readings in each corpus; the
  majority is taken over both corpora, as both follow one annotation guideline);

plus the count of errors in each bucket, and every error the file does not
bucket (and every bucket line no error matches), so a stale file shows.

    python3 ../shared/date-suite/score.py BIN timebank.jsonl aquaint.jsonl --json R.json
    python3 tests/realcopy/dates/te3_ceiling.py --report R.json \\
        --cases timebank.jsonl aquaint.jsonl [--buckets FILE] [--scorer score.py]

Buckets: gold-error (the text shows the gold is wrong, or leaves a plain date
untagged), contradictory (the same form annotated differently across documents:
`split` lines), convention (a reading the gold keeps throughout that this checker
does not share: it reads the sentence worse, or the extraction suite pins the
other reading), range-end (the gold tags each end of a range, the checker one
period), vague (a vague word the gold tags only sometimes), story-updated (the
story's weekdays belong to another day than its date), event-anchor (a time told
from an event whose date the sentence does not give: "the day after his arrest"),
unclear (the text does not settle which reading is right), fixable (a general rule
would fix it; not done).

The key of an error is corpus, document, kind and the start offset (in code
points) of the gold expression (wrong, missed) or of the answer (spurious).
"""

import argparse
import importlib.util
import json
import os
import sys
from collections import Counter, defaultdict

BUCKETS = ["gold-error", "contradictory", "convention", "range-end", "vague", "story-updated", "event-anchor",
           "unclear", "fixable"]
HERE = os.path.dirname(os.path.abspath(__file__))


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("te3_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_buckets(path):
    """(errors: key -> (bucket, group, reason), splits: (corpus, group) -> {reading: count}, ours, effect)."""
    errors, splits, ours, effect = {}, defaultdict(dict), {}, {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        where = f"{path}:{n}"
        if f[0] == "error" and len(f) == 8:
            _, corpus, docid, kind, start, bucket, group, reason = f
            if bucket not in BUCKETS:
                raise SystemExit(f"{where}: unknown bucket {bucket!r} (one of {', '.join(BUCKETS)})")
            if bucket == "contradictory" and group == "-":
                raise SystemExit(f"{where}: a contradictory error needs its convention group")
            key = (corpus, docid, kind, int(start))
            if key in errors:
                raise SystemExit(f"{where}: {key} bucketed twice")
            errors[key] = (bucket, group, reason)
        elif f[0] == "split" and len(f) == 7:
            _, corpus, group, reading, count, mine, eff = f
            splits[(corpus, group)][reading] = int(count)
            if mine == "ours":
                ours[(corpus, group)] = reading
            effect[(corpus, group)] = eff
        else:
            raise SystemExit(f"{where}: expected 'error' with 8 tab-separated fields or 'split' with 7")
    for cg in splits:
        if cg not in ours:
            raise SystemExit(f"{path}: convention {cg} has no reading marked 'ours'")
    return errors, splits, ours, effect


def locate(scorer, cases, errors):
    """The error list with each error's key (offsets recovered from the cases)."""
    by_id = {c["id"]: c for c in cases}
    used = set()
    out = []
    for e in errors:
        c = by_id.get(e["id"])
        if c is None:
            continue
        text = c["text"]
        if e["kind"] in ("wrong", "missed"):
            cands = [g["start"] for g in c["expected"]
                     if g["text"] == e["gold_text"] and g["value"] == e["gold_value"]
                     and scorer.sentence(text, g["start"], g["end"]) == e["sentence"]]
        else:
            t = e["found_text"]
            cands, at = [], text.find(t)
            while at >= 0:
                if scorer.sentence(text, at, at + len(t)) == e["sentence"]:
                    cands.append(at)
                at = text.find(t, at + 1)
        start = next((s for s in cands if (e["id"], e["kind"], s) not in used), None)
        if start is None:
            start = -1
        used.add((e["id"], e["kind"], start))
        out.append(((c["corpus"], c["docid"], e["kind"], start), e))
    return out


def f1(p_hit, p_n, r_hit, r_n):
    p = p_hit / p_n if p_n else 0.0
    r = r_hit / r_n if r_n else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def te3(n):
    """TE3 value F1 = relaxed F1 x value accuracy, from the scorer's counts."""
    relaxed = f1(n["relaxed"], n["system"], n["relaxed"], n["gold"])
    acc = n["value_right"] / n["value_scored_pairs"] if n["value_scored_pairs"] else 0.0
    return relaxed * acc


def fix(n, e, scorer):
    """The counts with error `e` turned right."""
    if e["kind"] == "wrong":
        n["value_right"] += 1
    elif e["kind"] == "missed":
        n["relaxed"] += 1
        n["system"] += 1
        if scorer.gold_interval(e["gold_value"])[0] != "unscored":
            n["value_scored_pairs"] += 1
            n["value_right"] += 1
    else:
        n["system"] -= 1


def majority_reading(splits, group):
    """A convention's majority reading over every corpus (ties: the first by name)."""
    pooled = Counter()
    for (_, g), counts in splits.items():
        if g == group:
            pooled.update(counts)
    return max(sorted(pooled), key=lambda r: pooled[r])


def majority(n, reading_counts, best, mine, eff):
    """The counts with a convention read its majority way (`best`) instead of ours."""
    if best == mine:
        return
    if eff == "value":
        n["value_right"] += reading_counts[best] - reading_counts.get(mine, 0)
    elif eff == "extraction":
        # a vague word reported every time ("tagged") that the gold mostly leaves
        # out: dropping it loses the tagged ones and the untagged false positives
        n["system"] -= reading_counts.get("tagged", 0) + reading_counts.get("untagged", 0)
        n["relaxed"] -= reading_counts.get("tagged", 0)
    else:
        raise SystemExit(f"unknown effect {eff!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--report", required=True, help="score.py --json output")
    ap.add_argument("--cases", nargs="+", required=True, help="the cases files score.py read")
    ap.add_argument("--buckets", default=os.path.join(HERE, "te3-buckets.tsv"))
    ap.add_argument("--scorer", default=None, help="the date suite's score.py (default: next to the cases' suite)")
    a = ap.parse_args()
    scorer_path = a.scorer or next(
        (p for p in [os.path.join(HERE, "../../../../shared/date-suite/score.py"), "/work/shared/date-suite/score.py"]
         if os.path.exists(p)), None)
    if not scorer_path or not os.path.exists(scorer_path):
        raise SystemExit("give --scorer (the date suite's score.py)")
    scorer = load_scorer(scorer_path)
    report = json.load(open(a.report, encoding="utf-8"))
    cases = [json.loads(l) for p in a.cases for l in open(p, encoding="utf-8") if l.strip()]
    buckets, splits, ours, effect = read_buckets(a.buckets)
    located = locate(scorer, cases, report["errors"])
    seen = set()
    print(f"{'corpus':<10} {'now':>6} {'+fixable':>9} {'+majority':>10} | errors by bucket")
    unbucketed = []
    worth = {}
    for name, r in report["files"].items():
        mine = [(k, e) for k, e in located if e["file"] == name]
        corpus = mine[0][0][0] if mine else name
        n = Counter(r["counts"])
        now = te3(n)
        by_bucket = Counter()
        for k, e in mine:
            b = buckets.get(k)
            if b is None:
                unbucketed.append((k, e))
                continue
            seen.add(k)
            by_bucket[b[0]] += 1
            if b[0] == "fixable":
                fix(n, e, scorer)
        fixed = te3(n)
        for (c, g), counts in sorted(splits.items()):
            if c == corpus:
                majority(n, counts, majority_reading(splits, g), ours[(c, g)], effect[(c, g)])
        most = te3(n)
        parts = ", ".join(f"{b} {by_bucket[b]}" for b in BUCKETS if by_bucket[b])
        print(f"{corpus:<10} {now:6.3f} {fixed:9.3f} {most:10.3f} | {sum(by_bucket.values())}: {parts}")
        worth[corpus] = {}
        for b in BUCKETS:
            m = Counter(r["counts"])
            for k, e in mine:
                if buckets.get(k, ("",))[0] == b:
                    fix(m, e, scorer)
            worth[corpus][b] = te3(m) - now
    print("TE3 value F1 gained if one bucket alone were all right (not a target: most are not reading errors):")
    for corpus, w in worth.items():
        print(f"  {corpus:<10} " + ", ".join(f"{b} +{w[b]:.3f}" for b in BUCKETS if w[b] > 0))
    stale = [k for k in buckets if k not in seen and any(k[0] == c["corpus"] for c in cases)]
    for k, e in unbucketed:
        print(f"not bucketed: {k} {e.get('gold_text') or e.get('found_text')!r}", file=sys.stderr)
    for k in stale:
        print(f"bucketed, no such error now: {k}", file=sys.stderr)
    return 1 if unbucketed else 0


if __name__ == "__main__":
    sys.exit(main())
