#!/usr/bin/env python3
"""Round-trip measurement of `claimcheck extract` (issue 16).

usage: run.py --bin CLAIMCHECK --corpus POLNEAR --seeds SEEDS [--out DIR] [--only NAME[,NAME...]]

For every source (the bundled fixtures, the seeds in SEEDS, the PolNeAR train articles
listed in ARTICLES below), the runner writes the source's text to DIR/<name>/correct/,
drafts a rule file from it (`extract SOURCE --date D`), proves the draft
(`rules test`), and checks the source against its own draft: every finding there is a
false alarm. It then plants 2-3 errors in a copy (DIR/<name>/planted/), chosen from the
draft by the rules in README.md (never by hand), checks the copy against the draft, and
counts a plant found when a finding of its expected code lands on the planted line and
was not already raised on the correct source.

It prints every plant (line, words, replacement, expected code, found or missed),
every false alarm, and a table per finding code; DIR/results.json holds the same.
Exit status: 0 whenever it ran (it measures, it does not gate); 2 when the binary, the
corpus or the seeds are missing (the run is skipped) or a step cannot run at all.

DIR defaults to target/realcopy-extract in the repository holding this script
(git-ignored): no source text enters the repository. Python 3 standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
FIXTURES = os.path.join(REPO, "fixtures", "georgia-russia")
SPLIT = "train"  # never dev or test: those are held out

# Seeds carry no machine-readable date; these are the dates their own text gives
# (dateline, or "Wednesday" / "December 3" read against the events they report).
SEED_DATES = {
    "000": "2024-10-27",
    "001": "2025-12-03",
    "002": "2025-12-04",
    "003": "2025-12-03",
    "004": "2021-08-06",
}

# PolNeAR train articles, two per publisher, chosen for holding figures (%, $,
# million), full quotations of six words or more and dated speech ("said Monday").
ARTICLES = [
    "breitbart_2016-05-18_trump-s-investments-include-comp",
    "breitbart_2016-02-08_former-mexico-leader-calderon-ca",
    "huff-post_2015-12-03_cnn-president-on-trump-we-do-not",
    "huff-post_2016-04-06_wisconsin-elects-a-supreme-court",
    "nyt_2016-01-20_falling-deficit-to-reverse-cours",
    "nyt_2016-01-12_evangelical-iowans-flock-to-cruz",
    "politico_2016-03-24_polls-suggest-kasich-has-best-ch",
    "politico_2016-08-30_wasserman-schultz-survives-spiri",
    "usa-today_2016-01-04_bernie-sanders-raises-m-is-withi",
    "usa-today_2016-03-17_voters-turned-out-in-droves-tues",
    "wash-post_2016-07-13_eric-trump-s-not-so-sure-father-",
    "wash-post_2016-05-25_fundraisers-scorned-by-trump-on-",
    "west-journal_2016-05-17_trump-files-largest-financial-st",
    "west-journal_2015-11-18_donald-trump-just-revealed-who-h",
]

EXPECTED = {
    "figure-value": "value-mismatch",
    "figure-scale": "value-mismatch",
    "quote-reword": "quote-drift",
    "quote-speaker": "quote-misattribution",
    "statement-year": "date-mismatch",
}


def skip(msg):
    sys.stderr.write("run.py: skipped: %s\n" % msg)
    sys.exit(2)


def fail(msg):
    sys.stderr.write("run.py: %s\n" % msg)
    sys.exit(2)


# ---------------------------------------------------------------------------------
# Sources


class Source:
    """One trusted source: a name, its file name, its text and its date."""

    def __init__(self, name, kind, filename, text, date):
        self.name, self.kind, self.filename = name, kind, filename
        self.text, self.date = text, date


def git_show(git_dir, path):
    out = subprocess.run(["git", "--git-dir", git_dir, "show", "HEAD:" + path],
                         capture_output=True)
    if out.returncode != 0:
        return None
    return out.stdout.decode("utf-8")


def read_corpus(root, path):
    """A file of a PolNeAR checkout (a folder with data/) or bare git mirror."""
    if os.path.isfile(os.path.join(root, "data", "metadata.tsv")):
        try:
            with open(os.path.join(root, path), encoding="utf-8") as f:
                return f.read()
        except OSError:
            return None
    return git_show(root, path)


def corpus_sources(root):
    meta = read_corpus(root, "data/metadata.tsv")
    if meta is None:
        skip("no PolNeAR corpus at %s (data/metadata.tsv unreadable)" % root)
    rows = meta.split("\n")
    head = rows[0].split("\t")
    dates = {}
    for row in rows[1:]:
        f = dict(zip(head, row.split("\t")))
        if f.get("compartment") == SPLIT:
            dates[f["filename"]] = f["publication_date"]
    out = []
    for art in ARTICLES:
        if art not in dates:
            fail("%s is not in the %s split of the corpus" % (art, SPLIT))
        text = read_corpus(root, "data/%s/text/%s.txt" % (SPLIT, art))
        if text is None:
            fail("cannot read %s from the corpus" % art)
        out.append(Source(art, "polnear", art + ".txt", text, dates[art]))
    return out


def seed_sources(folder):
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt")) \
        if os.path.isdir(folder) else []
    if not names:
        skip("no seeds (*.txt) in %s" % folder)
    out = []
    for n in names:
        key = n[:3]
        if key not in SEED_DATES:
            fail("seed %s has no date in SEED_DATES" % n)
        with open(os.path.join(folder, n), encoding="utf-8") as f:
            out.append(Source("seed-" + key, "seed", n, f.read(), SEED_DATES[key]))
    return out


def fixture_sources():
    out = []
    for n in sorted(os.listdir(FIXTURES)):
        m = re.search(r"(\d{4}-\d{2}-\d{2})\.(md|txt)$", n)
        if not m:
            continue
        with open(os.path.join(FIXTURES, n), encoding="utf-8") as f:
            out.append(Source("fixture-" + n.rsplit(".", 1)[0], "fixture", n, f.read(),
                              m.group(1)))
    return out


# ---------------------------------------------------------------------------------
# Running claimcheck


def run(binary, args):
    return subprocess.run([binary] + args, capture_output=True)


def check(binary, path, rules, date):
    out = run(binary, ["check", path, "--rules", rules, "--date", date,
                       "--format", "json", "--color", "never"])
    if out.returncode not in (0, 1):
        return None, out.stderr.decode().strip()
    return json.loads(out.stdout.decode("utf-8"))["findings"], None


# ---------------------------------------------------------------------------------
# Plants: chosen from the draft, never by hand

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH_RE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DATE_PHRASES = [
    MONTH_RE + r" \d{1,2}(?:st|nd|rd|th)?,? \d{4}",
    r"\d{1,2} " + MONTH_RE + r",? \d{4}",
    MONTH_RE + r" \d{1,2}(?:st|nd|rd|th)?\b",
    r"\b" + WEEKDAY_RE + r"\b",
]
STOP = set("""about above after again against because before being below between
could during every first their there these those through under until where which
while would should other people years think going really still never always""".split())
REWORDS = ["careless", "doubtful", "peculiar", "reckless", "tiresome", "wasteful"]
NUMBER_RE = r"\d[\d,]*(?:\.\d+)?"
SCALES = {"million": "billion", "billion": "million", "trillion": "billion"}


def rank(key):
    """A stable order that spreads the choice over the draft, not only its head."""
    return zlib.crc32(key.encode("utf-8"))


def line_of(claim):
    return int(claim["place"].rsplit(":", 1)[1])


def figure_plants(claim, line):
    """Each figure plant the claim's figure admits on its line, scale first."""
    out = []
    for m in re.finditer(NUMBER_RE, claim.get("wording") or ""):
        num = m.group(0).rstrip(",")
        if re.fullmatch(r"(1[89]|20)\d\d", num):
            continue  # a year in the wording, not the figure
        bare = r"(?<![\d.,])" + re.escape(num) + r"(?![\d]|\.\d)"
        unit = re.match(r"\s*(%|percent|per cent|million|billion|trillion|[a-z]+)",
                        claim["wording"][m.end():])
        hit = None
        if unit:  # the figure with the word after it in the wording: "32 percent"
            hit = re.search(bare + r"(?=\s*" + re.escape(unit.group(1)) + r")", line)
        hit = hit or re.search(bare, line)
        if not hit:
            continue
        after = line[hit.end():hit.end() + 12]
        sc = re.match(r"\s*(million|billion|trillion)\b", after)
        if sc:
            start = hit.end() + sc.start(1)
            out.append(("figure-scale", start, sc.group(1), SCALES[sc.group(1)]))
        out.append(("figure-value", hit.start(), num, changed(num, line[hit.end():])))
        break
    return out


def changed(num, after):
    """The figure clearly changed: doubled (halved for shares above 45%)."""
    value = float(num.replace(",", ""))
    share = re.match(r"\s*(%|percent|per cent|percentage)", after)
    new = value / 2 if share and value > 45 else value * 2
    decimals = len(num.split(".")[1]) if "." in num else 0
    text = "%.*f" % (decimals, new)
    if "," in num:
        whole, _, frac = text.partition(".")
        text = "{:,}".format(int(whole)) + ("." + frac if frac else "")
    return text


def whole_word(word, line):
    return [m.start() for m in re.finditer(r"(?<![\w'’-])" + re.escape(word)
                                           + r"(?![\w'’-])", line)]


def quote_reword(claim, line):
    words = re.findall(r"[A-Za-z][a-z]+", claim.get("words") or "")
    best = None
    for w in words:
        if len(w) < 5 or w.lower() in STOP or w[0].isupper():
            continue
        if len(whole_word(w, line)) == 1 and (best is None or len(w) > len(best)):
            best = w
    if best is None:
        return None
    repl = [r for r in REWORDS if r != best][rank(claim["id"]) % (len(REWORDS) - 1)]
    return ("quote-reword", whole_word(best, line)[0], best, repl)


def person_forms(person):
    forms = [person["name"]] + list(person.get("aliases") or [])
    return sorted(set(f for f in forms if f), key=lambda f: (-len(f), f))


def quote_speaker(claim, line, people):
    me = next((p for p in people if p["id"] == claim.get("by")), None)
    if me is None:
        return None
    others = [p for p in people if p["id"] != me["id"]
              and not set(p["name"].split()) & set(me["name"].split())]
    if not others:
        return None
    other = others[rank(claim["id"]) % len(others)]
    for form in person_forms(me):
        at = whole_word(form, line)
        if len(at) == 1:
            full = form == me["name"] or len(form.split()) > 1
            repl = other["name"] if full else other["name"].split()[-1]
            return ("quote-speaker", at[0], form, repl)
    return None


def statement_year(claim, line):
    date = claim.get("date")
    if not date:
        return None
    y, m, d = (int(x) for x in date.split("-"))
    repl = "%s %d, %d" % (MONTHS[m - 1], d, y - 1)
    for pat in DATE_PHRASES:
        hit = re.search(pat, line)
        if hit:
            return ("statement-year", hit.start(), hit.group(0), repl)
    return None


def candidates(draft, lines):
    """Every plant the draft admits, by category, in a stable spread order."""
    people = draft.get("people") or []
    cats = {"figure": [], "quote": [], "statement": []}
    for c in sorted(draft.get("claims") or [], key=lambda c: (rank(c["id"]), c["id"])):
        n = line_of(c)
        if n > len(lines):
            continue
        line = lines[n - 1]
        if c["kind"] == "claim":
            for p in figure_plants(c, line):
                cats["figure"].append((c, n) + p)
        elif c["kind"] == "quote":
            opts = [quote_speaker(c, line, people), quote_reword(c, line)]
            if rank(c["id"] + "/reword") % 2:
                opts.reverse()  # alternate the two quote plants over the drafts
            cats["quote"] += [(c, n) + p for p in opts if p]
        elif c["kind"] == "statement":
            p = statement_year(c, line)
            if p:
                cats["statement"].append((c, n) + p)
    return cats


def choose(draft, lines):
    """Up to 3 plants on distinct lines, taken round-robin over the categories
    (figure, quote, statement), each category in its stable spread order."""
    cats = candidates(draft, lines)
    queues = [list(cats[k]) for k in ("figure", "quote", "statement")]
    chosen, used = [], set()
    while len(chosen) < 3 and any(queues):
        for q in queues:
            q[:] = [c for c in q if c[1] not in used]
            if q and len(chosen) < 3:
                kinds = {c[2] for c in chosen}
                # a kind of plant not yet chosen first (a quote given to another
                # speaker after a reworded one), else the next in order
                cand = next((c for c in q if c[2] not in kinds), q[0])
                q.remove(cand)
                chosen.append(cand)
                used.add(cand[1])
    return [{"claim": c["id"], "line": n, "kind": kind, "column": col + 1,
             "words": words, "replacement": repl, "code": EXPECTED[kind]}
            for (c, n, kind, col, words, repl) in chosen]


def apply(text, plants):
    lines = text.split("\n")
    for p in plants:
        i, col = p["line"] - 1, p["column"] - 1
        line = lines[i]
        assert line[col:col + len(p["words"])] == p["words"], p
        lines[i] = line[:col] + p["replacement"] + line[col + len(p["words"]):]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------
# One source


def measure(binary, out_dir, src):
    base = os.path.join(out_dir, src.name)
    for sub in ("correct", "planted"):
        os.makedirs(os.path.join(base, sub), exist_ok=True)
    correct = os.path.join(base, "correct", src.filename)
    with open(correct, "w", encoding="utf-8") as f:
        f.write(src.text)
    res = {"name": src.name, "kind": src.kind, "date": src.date, "claims": 0,
           "rules_test": None, "false_alarms": [], "plants": [], "extra": [], "error": None}
    draft_yaml = os.path.join(base, "draft.yaml")
    y = run(binary, ["extract", correct, "--date", src.date])
    j = run(binary, ["extract", correct, "--date", src.date, "--format", "json"])
    if y.returncode != 0 or j.returncode != 0:
        err = (y.stderr or j.stderr).decode().strip().split("\n")
        res["error"] = "extract exited %d: %s" % (
            y.returncode or j.returncode, re.sub(r" \(\d+\)", "", err[0]))
        return res
    with open(draft_yaml, "wb") as f:
        f.write(y.stdout)
    draft = json.loads(j.stdout.decode("utf-8"))
    res["claims"] = len(draft.get("claims") or [])
    res["people"] = len(draft.get("people") or [])
    t = run(binary, ["rules", "test", draft_yaml])
    res["rules_test"] = t.returncode == 0
    if t.returncode != 0:
        res["rules_test_output"] = (t.stdout + t.stderr).decode().strip()[-2000:]
    findings, err = check(binary, correct, draft_yaml, src.date)
    if findings is None:
        res["error"] = "check exited 2: " + err
        return res
    res["false_alarms"] = [brief(f) for f in findings]
    already = {seen(f) for f in findings}
    lines = src.text.split("\n")
    plants = choose(draft, lines)
    planted = os.path.join(base, "planted", src.filename)
    with open(planted, "w", encoding="utf-8") as f:
        f.write(apply(src.text, plants))
    found, err = check(binary, planted, draft_yaml, src.date)
    if found is None:
        res["error"] = "check on the planted copy exited 2: " + err
        return res
    hits = set()
    for p in plants:
        p["found"] = False
        for f in found:
            if f["code"] == p["code"] and f["line"] <= p["line"] <= f["end_line"] \
                    and seen(f) not in already:
                p["found"] = True
                hits.add(id(f))
        p["findings_on_line"] = [brief(f) for f in found
                                 if f["line"] <= p["line"] <= f["end_line"]]
    res["plants"] = plants
    plant_lines = {p["line"] for p in plants}
    res["extra"] = [brief(f) for f in found if id(f) not in hits
                    and seen(f) not in already and f["line"] not in plant_lines]
    return res


def seen(f):
    """What makes a finding the same one on both copies: a plant edits within its
    line, so lines keep their numbers."""
    return (f["code"], f["line"], f.get("rule"), f.get("found"))


def brief(f):
    return {"code": f["code"], "severity": f["severity"], "line": f["line"],
            "column": f["column"], "rule": f.get("rule"), "found": f.get("found"),
            "expected": f.get("expected"), "message": f["message"]}


# ---------------------------------------------------------------------------------
# Report


def report(results):
    codes = sorted(set(EXPECTED.values()) | {f["code"] for r in results
                                             for f in r["false_alarms"]})
    table = {c: {"planted": 0, "found": 0, "error": 0, "warning": 0} for c in codes}
    for r in results:
        print("\n== %s (%s, %s): %d drafted, rules test %s" % (
            r["name"], r["kind"], r["date"], r["claims"],
            {True: "passes", False: "FAILS", None: "not run"}[r["rules_test"]]))
        if r["error"]:
            print("   cannot measure: %s" % r["error"])
        for f in r["false_alarms"]:
            table[f["code"]][f["severity"]] += 1
            print("   false alarm  %s:%d:%d %s %s [%s]: %s" % (
                r["name"], f["line"], f["column"], f["severity"], f["code"], f["rule"],
                f["message"]))
        for p in r["plants"]:
            table[p["code"]]["planted"] += 1
            table[p["code"]]["found"] += p["found"]
            print("   plant %-6s line %d (%s, claim %s): %r -> %r, expects %s" % (
                "found" if p["found"] else "MISSED", p["line"], p["kind"], p["claim"],
                p["words"], p["replacement"], p["code"]))
            if not p["found"]:
                for f in p["findings_on_line"]:
                    print("        on that line: %s [%s] %s" % (f["code"], f["rule"],
                                                                  f["message"]))
        for f in r["extra"]:
            print("   planted copy, off the plants: %s line %d [%s]: %s" % (
                f["code"], f["line"], f["rule"], f["message"]))
    print("\n%-22s %15s %13s %15s" % ("code", "found/planted", "false errors",
                                      "false warnings"))
    tot = {"planted": 0, "found": 0, "error": 0, "warning": 0}
    for c in codes:
        row = table[c]
        for k in tot:
            tot[k] += row[k]
        print("%-22s %15s %13d %15d" % (c, "%d/%d" % (row["found"], row["planted"]),
                                       row["error"], row["warning"]))
    print("%-22s %15s %13d %15d" % ("total", "%d/%d" % (tot["found"], tot["planted"]),
                                   tot["error"], tot["warning"]))
    ran = [r for r in results if not r["error"]]
    print("sources: %d; measured: %d (extract or check failed on %d); rules test passes "
          "on %d; no error-level false alarm on %d"
          % (len(results), len(ran), len(results) - len(ran),
             sum(1 for r in ran if r["rules_test"]),
             sum(1 for r in ran if not any(f["severity"] == "error"
                                           for f in r["false_alarms"]))))
    return table


# ---------------------------------------------------------------------------------
# The seeds' own test (issue 16): the 003 draft holds the story's facts, and seeds
# 001 and 002 checked against it show the reworded quote and the ministry's words.

SEED_FACTS = [
    ("the 20% of territory", lambda c: c["kind"] == "claim" and "20%" in c["wording"]
     and "territory" in c["wording"]),
    ("$1.3 billion of trade in 2025-H1", lambda c: c["kind"] == "claim"
     and "$1.3 billion" in c["wording"] and c.get("period") == "2025-H1"),
    ("its 7% rise in 2025-H1", lambda c: c["kind"] == "claim" and "7%" in c["wording"]
     and c.get("period") == "2025-H1"),
    ("Kobakhidze's red-lines quote of 2025-12-03", lambda c: c["kind"] == "quote"
     and c.get("by") == "kobakhidze" and "red lines" in c["words"]
     and c.get("date") == "2025-12-03"),
    ("a quote of the ministry", lambda c: c["kind"] == "quote"
     and "ministry" in (c.get("by") or "")),
]


def seed_round(binary, out_dir, sources):
    by = {s.name: s for s in sources}
    if not all(n in by for n in ("seed-001", "seed-002", "seed-003")):
        return None
    base = os.path.join(out_dir, "seed-003")
    j = run(binary, ["extract", os.path.join(base, "correct", by["seed-003"].filename),
                     "--date", by["seed-003"].date, "--format", "json"])
    if j.returncode != 0:
        return None
    claims = json.loads(j.stdout.decode("utf-8")).get("claims") or []
    facts = [(what, [c["id"] for c in claims if test(c)]) for what, test in SEED_FACTS]
    found = {}
    for n in ("seed-001", "seed-002"):
        path = os.path.join(out_dir, n, "correct", by[n].filename)
        f, err = check(binary, path, os.path.join(base, "draft.yaml"), by[n].date)
        found[n] = [brief(x) for x in f] if f is not None else [{"error": err}]
    print("\nseed 003's draft holds:")
    for what, ids in facts:
        print("   %-45s %s" % (what, ", ".join(ids) if ids else "MISSING"))
    for n, fs in found.items():
        print("%s checked against seed 003's draft: %d finding(s)" % (n, len(fs)))
        for x in fs:
            print("   %s line %s [%s]: %s" % (x.get("code"), x.get("line"), x.get("rule"),
                                           x.get("message") or x.get("error")))
    return {"facts": dict(facts), "findings": found}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--seeds", required=True)
    ap.add_argument("--out", default=os.path.join(REPO, "target", "realcopy-extract"))
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    if not (os.path.isfile(args.bin) and os.access(args.bin, os.X_OK)):
        skip("no claimcheck binary at %s" % args.bin)
    if not os.path.exists(args.corpus):
        skip("no PolNeAR corpus at %s" % args.corpus)
    sources = fixture_sources() + seed_sources(args.seeds) + corpus_sources(args.corpus)
    if args.only:
        keep = set(args.only.split(","))
        sources = [s for s in sources if s.name in keep]
    results = [measure(args.bin, args.out, s) for s in sources]
    table = report(results)
    seeds = seed_round(args.bin, args.out, sources)
    with open(os.path.join(args.out, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"sources": results, "table": table, "seeds": seeds}, f, indent=1,
                  sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
