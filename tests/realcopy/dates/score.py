#!/usr/bin/env python3
"""Score claimcheck's dates on real news against dates judged by hand.

    python3 tests/realcopy/dates/score.py --corpus /path/to/PolNeAR.git --bin target/release/claimcheck

judged.jsonl (beside this file) holds one judged date expression a line:

    {"article": "<PolNeAR train id>", "published": "YYYY-MM-DD",
     "start": 0-based character offset, "end": exclusive, "text": "the words",
     "verdict": "date" | "not-a-date" | "vague",
     "judged_start": "YYYY-MM-DD", "judged_end": "YYYY-MM-DD",   (dates only)
     "also_right": [["YYYY-MM-DD", "YYYY-MM-DD"], ...],           (optional)
     "missed": true,        (optional: the baseline did not find it when judged)
     "note": "why, when it is tricky"}

The article texts are not in the repository. The scorer reads them from a git
repository of the public PolNeAR corpus (a bare mirror or a clone), only from the
train split (data/train/text/<id>.txt), writes each to <out>/<id>.txt (default:
the repository's target/realcopy-dates/, which git ignores) and checks that the
text at every judged offset is the judged text. It then runs

    BIN mentions <out>/<id>.txt --date <published> --format json

on each article and keeps the mentions of kind date, period and daterange (a bare
figure of kind year is not a date mention: a written year is reported as a period
too). Line and column (1-based, in characters) become character offsets.

Found mentions and judged expressions are paired one to one by span overlap:
identical spans first, then the largest overlap. A found date paired with a judged
date is right when its start and end days equal the judged interval or one in
also_right (a value with a missing end never is). A found date paired with a
not-a-date judgement is a false date. The figure is

    wrong rate = (wrong values + false dates) / judged found dates

over found mentions that have a date or not-a-date judgement. A "vague" judgement is a
time word with no interval a checker could hold a claim to ("now", "recently"): found
mentions paired with one are counted apart and left out of the rate. Found mentions
with no judgement are listed (with a ready-made line to fill in) and left out of the
rate; those the binary itself marks vague (its "resolved" starts with "vague") are
counted and listed apart, since no claim is checked against them alone. Judged dates
that the binary no longer finds are listed too. Wrong values are also counted by how the
binary says it resolved them ("as written", "from publication", "year from
publication").

Exit status: 0 when scored, 2 on bad input (a judged text that does not match the
corpus, a binary that fails), 3 when the corpus is not there (the run is skipped).
Python 3 standard library only.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
DATE_KINDS = ("date", "period", "daterange")
TRAIN_DIR = "data/train/text/"


def fail(msg, code=2):
    print(msg, file=sys.stderr)
    sys.exit(code)


def read_judged(path):
    judged = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                j = json.loads(line)
            except ValueError as e:
                fail("%s:%d: not JSON: %s" % (path, n, e))
            for key in ("article", "published", "start", "end", "text", "verdict"):
                if key not in j:
                    fail("%s:%d: missing %r" % (path, n, key))
            if j["verdict"] not in ("date", "not-a-date", "vague"):
                fail("%s:%d: verdict must be date, not-a-date or vague" % (path, n))
            if j["verdict"] == "date" and not ("judged_start" in j and "judged_end" in j):
                fail("%s:%d: a date needs judged_start and judged_end" % (path, n))
            j["line"] = n
            judged.append(j)
    return judged


def git(corpus, *args):
    return subprocess.run(["git", "--git-dir", corpus] + list(args), capture_output=True)


def corpus_git_dir(corpus):
    """The git directory of a bare mirror or of a clone's work tree, or None."""
    for cand in (corpus, os.path.join(corpus, ".git")):
        if os.path.isdir(cand) and git(cand, "rev-parse", "--verify", "HEAD").returncode == 0:
            return cand
    return None


def train_paths(gitdir):
    out = git(gitdir, "ls-tree", "-r", "HEAD", "--name-only", TRAIN_DIR)
    if out.returncode != 0:
        fail("cannot list %s in %s: %s" % (TRAIN_DIR, gitdir, out.stderr.decode(errors="replace")))
    paths = {}
    for p in out.stdout.decode().splitlines():
        if p.startswith(TRAIN_DIR) and p.endswith(".txt"):
            paths[p[len(TRAIN_DIR):-4]] = p
    return paths


def build_articles(gitdir, judged, out_dir, judged_path):
    """Write every judged article under out_dir; check every judged span's text."""
    paths = train_paths(gitdir)
    texts = OrderedDict()
    os.makedirs(out_dir, exist_ok=True)
    for j in judged:
        aid = j["article"]
        if aid not in texts:
            if aid not in paths:
                fail("%s:%d: %s is not a train article of the corpus"
                     % (judged_path, j["line"], aid))
            blob = git(gitdir, "show", "HEAD:" + paths[aid])
            if blob.returncode != 0:
                fail("cannot read %s" % paths[aid])
            texts[aid] = blob.stdout.decode("utf-8")
            with open(os.path.join(out_dir, aid + ".txt"), "w", encoding="utf-8", newline="") as fh:
                fh.write(texts[aid])
        got = texts[aid][j["start"]:j["end"]]
        if got != j["text"]:
            fail("%s:%d: %s [%d:%d] is %r in the corpus, judged %r"
                 % (judged_path, j["line"], aid, j["start"], j["end"], got, j["text"]))
    return texts


def line_starts(text):
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def found_dates(binary, path, published, text):
    """The date mentions of one article: dicts with start, end, text, kind, value, resolved."""
    run = subprocess.run([binary, "mentions", path, "--date", published, "--format", "json"],
                         capture_output=True)
    if run.returncode != 0:
        fail("%s mentions %s failed (%d): %s"
             % (binary, path, run.returncode, run.stderr.decode(errors="replace")))
    try:
        doc = json.loads(run.stdout.decode("utf-8"))
    except ValueError as e:
        fail("%s mentions %s: output is not JSON: %s" % (binary, path, e))
    starts = line_starts(text)
    found = []
    for m in doc.get("mentions", []):
        if m.get("kind") not in DATE_KINDS:
            continue
        s = starts[m["line"] - 1] + m["column"] - 1
        e = starts[m["end_line"] - 1] + m["end_column"] - 1
        if text[s:e] != m["text"]:
            fail("%s: mention %r at %d:%d does not land on its words (%r)"
                 % (path, m["text"], m["line"], m["column"], text[s:e]))
        v = m.get("value")
        if isinstance(v, str):
            lo, hi = v, v
        elif isinstance(v, dict):
            lo, hi = v.get("start"), v.get("end")
        else:
            lo, hi = None, None
        detail = m.get("detail") or {}
        found.append({"start": s, "end": e, "text": m["text"], "kind": m["kind"],
                      "value": (lo, hi), "resolved": detail.get("resolved", "?"),
                      "bound": detail.get("bound")})
    return found


def overlap(a, b):
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def align(found, judged):
    """One-to-one pairs (found index, judged index): identical spans, then largest overlap."""
    pairs, used_f, used_j = [], set(), set()
    for fi, f in enumerate(found):
        for ji, j in enumerate(judged):
            if ji not in used_j and (f["start"], f["end"]) == (j["start"], j["end"]):
                pairs.append((fi, ji))
                used_f.add(fi)
                used_j.add(ji)
                break
    cands = sorted(((overlap(f, j), fi, ji) for fi, f in enumerate(found)
                    for ji, j in enumerate(judged) if overlap(f, j) > 0),
                   key=lambda c: (-c[0], c[1], c[2]))
    for _, fi, ji in cands:
        if fi not in used_f and ji not in used_j:
            pairs.append((fi, ji))
            used_f.add(fi)
            used_j.add(ji)
    return sorted(pairs), used_f, used_j


def is_right(value, j):
    ok = [(j["judged_start"], j["judged_end"])] + [tuple(a) for a in j.get("also_right", [])]
    return tuple(value) in ok


def fmt(v):
    lo, hi = v
    return lo if lo == hi else "%s..%s" % (lo, hi)


def score(binary, texts, judged, out_dir):
    by_article = OrderedDict((aid, []) for aid in texts)
    for j in judged:
        by_article[j["article"]].append(j)
    res = {"found": 0, "judged_found": 0, "right": 0, "wrong": [], "false": [],
           "lost": [], "still_missed": 0, "newly_found": 0, "unjudged": [],
           "vague_judged": 0, "vague_unjudged": [],
           "found_by_kind": Counter(), "wrong_by_kind": Counter()}
    for aid, js in by_article.items():
        published = js[0]["published"]
        path = os.path.join(out_dir, aid + ".txt")
        found = found_dates(binary, path, published, texts[aid])
        res["found"] += len(found)
        pairs, used_f, used_j = align(found, js)
        for fi, ji in pairs:
            f, j = found[fi], js[ji]
            if j["verdict"] == "vague":
                res["vague_judged"] += 1
                continue
            res["judged_found"] += 1
            res["found_by_kind"][f["resolved"]] += 1
            if j.get("missed"):
                res["newly_found"] += 1
            item = {"article": aid, "text": f["text"], "start": f["start"],
                    "found": fmt(f["value"]), "resolved": f["resolved"],
                    "judged_text": j["text"], "note": j.get("note", "")}
            if j["verdict"] == "not-a-date":
                res["false"].append(item)
                res["wrong_by_kind"][f["resolved"]] += 1
            elif is_right(f["value"], j):
                res["right"] += 1
            else:
                item["judged"] = fmt((j["judged_start"], j["judged_end"]))
                res["wrong"].append(item)
                res["wrong_by_kind"][f["resolved"]] += 1
        for ji, j in enumerate(js):
            if ji in used_j or j["verdict"] != "date":
                continue
            if j.get("missed"):
                res["still_missed"] += 1
            else:
                res["lost"].append({"article": aid, "text": j["text"], "start": j["start"],
                                    "judged": fmt((j["judged_start"], j["judged_end"]))})
        for fi, f in enumerate(found):
            if fi not in used_f:
                bucket = "vague_unjudged" if f["resolved"].startswith("vague") else "unjudged"
                res[bucket].append({"article": aid, "published": published,
                                        "start": f["start"], "end": f["end"], "text": f["text"],
                                        "found": fmt(f["value"]), "resolved": f["resolved"]})
    return res


def report(res, n_articles, n_judged):
    jf = res["judged_found"]
    bad = len(res["wrong"]) + len(res["false"])
    print("articles: %d, judged expressions: %d" % (n_articles, n_judged))
    print("dates found: %d" % res["found"])
    print("  judged date or not-a-date: %d, judged vague: %d" % (jf, res["vague_judged"]))
    print("  no judgement: %d, and %d more the binary marks vague (not scored)"
          % (len(res["unjudged"]), len(res["vague_unjudged"])))
    print("right: %d" % res["right"])
    print("wrong value: %d" % len(res["wrong"]))
    print("not a date, found as one: %d" % len(res["false"]))
    rate = bad / jf if jf else 0.0
    print("wrong rate: %d / %d = %.1f%% (1 in %s)"
          % (bad, jf, 100 * rate, "%.0f" % (1 / rate) if bad else "none"))
    print("by resolution (wrong incl. false dates / found):")
    for kind in sorted(res["found_by_kind"]):
        n, w = res["found_by_kind"][kind], res["wrong_by_kind"][kind]
        print("  %-22s %3d / %3d = %5.1f%%" % (kind, w, n, 100 * w / n if n else 0))
    print("judged dates no longer found: %d" % len(res["lost"]))
    print("judged misses: %d still missed, %d now found" % (res["still_missed"], res["newly_found"]))
    if res["wrong"]:
        print("\nWRONG VALUES (article, offset, text: found -> judged):")
        for w in res["wrong"]:
            print("  %s @%d %r [%s]: %s -> %s%s" % (w["article"], w["start"], w["text"],
                  w["resolved"], w["found"], w["judged"], ("  # " + w["note"]) if w["note"] else ""))
    if res["false"]:
        print("\nNOT A DATE, FOUND AS ONE:")
        for w in res["false"]:
            print("  %s @%d %r: found %s%s" % (w["article"], w["start"], w["text"], w["found"],
                  ("  # " + w["note"]) if w["note"] else ""))
    if res["lost"]:
        print("\nJUDGED DATES NO LONGER FOUND:")
        for w in res["lost"]:
            print("  %s @%d %r (judged %s)" % (w["article"], w["start"], w["text"], w["judged"]))
    if res["unjudged"]:
        print("\nFOUND WITH NO JUDGEMENT (judge each and add a line to judged.jsonl):")
        for u in res["unjudged"]:
            lo, hi = u["found"].split("..") if ".." in u["found"] else (u["found"], u["found"])
            stub = OrderedDict([("article", u["article"]), ("published", u["published"]),
                                ("start", u["start"]), ("end", u["end"]), ("text", u["text"]),
                                ("verdict", "?"), ("judged_start", lo), ("judged_end", hi)])
            print("  found %s [%s]: %s" % (u["found"], u["resolved"], json.dumps(stub)))
    if res["vague_unjudged"]:
        print("\nFOUND, MARKED VAGUE BY THE BINARY, NO JUDGEMENT (not scored):")
        for u in res["vague_unjudged"]:
            print("  %s @%d %r: %s [%s]" % (u["article"], u["start"], u["text"], u["found"],
                                           u["resolved"]))


def main():
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", required=True, help="git repository of the PolNeAR corpus")
    ap.add_argument("--bin", required=True, help="the claimcheck binary to score")
    ap.add_argument("--judged", default=os.path.join(HERE, "judged.jsonl"))
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "realcopy-dates"),
                    help="where the article texts are written (keep it git-ignored)")
    ap.add_argument("--json", help="also write the figures and lists as JSON here")
    args = ap.parse_args()
    gitdir = corpus_git_dir(args.corpus)
    if gitdir is None:
        print("skipped: no PolNeAR git repository at %s (pass --corpus)" % args.corpus)
        sys.exit(3)
    if not os.access(args.bin, os.X_OK):
        fail("no executable claimcheck at %s" % args.bin)
    judged = read_judged(args.judged)
    texts = build_articles(gitdir, judged, args.out, args.judged)
    res = score(args.bin, texts, judged, args.out)
    report(res, len(texts), len(judged))
    if args.json:
        res["found_by_kind"] = dict(res["found_by_kind"])
        res["wrong_by_kind"] = dict(res["wrong_by_kind"])
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(res, fh, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
