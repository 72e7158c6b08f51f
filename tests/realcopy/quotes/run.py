#!/usr/bin/env python3
"""Hand-judged cross-source quote warnings on real copy (issue 11).

usage: run.py --corpus POLNEAR --bin CLAIMCHECK [--out DIR] [--judged FILE]
              [--runs N] [--no-timing]

POLNEAR is a bare git mirror of github.com/networkdynamics/PolNeAR (read at HEAD with
`git --git-dir`) or a checkout of it (a folder holding data/metadata.tsv). The runner
writes the first 300 articles of the *train* split (sorted by file name, which is the
PolNeAR id) unchanged to DIR/articles/<id>.txt, then runs, once over that one folder,

    CLAIMCHECK check DIR/articles --rules people.yaml --format json --color never

(people.yaml beside this script: 30 people of the 2016 race, `claims: []`). No --date
is given: the files carry none and the quote checks use none. It collects every
quote-drift, quote-misattribution and source-disagreement finding and looks each up in
the judged file (JSON lines beside this script, keyed by file name, line, the first
words of both quotations and the speaker). It prints the warnings, how many were judged
right and wrong, and lists in full every warning not yet judged, with both quotations
and the paragraph around each, so a person can judge it and add a line to the file.

Then it times the same run against the same run with a rule file of no people and no
claims (N paired runs, A B A B, default 5) and prints the median ratio.

Exit status: 0 when every warning is judged, at least 9 in 10 are right and the ratio
is at most 2; 1 when the run falls short of that; 2 when the corpus or the binary is
missing (the run is skipped, never a pass) or the judged file is broken.

DIR defaults to target/realcopy-quotes in the repository holding this script
(git-ignored): the articles' text never enters the repository. Python 3 stdlib only.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
PEOPLE = os.path.join(HERE, "people.yaml")
JUDGED = os.path.join(HERE, "judged.jsonl")
SPLIT = "train"  # never dev or test: those are held out
ARTICLES = 300
CODES = ("quote-drift", "quote-misattribution", "source-disagreement")
KEY_WORDS = 4  # words of each quotation kept in the judged file


def fail(msg, status=2):
    sys.stderr.write("run.py: %s\n" % msg)
    sys.exit(status)


def skip(msg):
    print("skipped: %s" % msg)
    sys.exit(2)


class Corpus:
    """Files of a PolNeAR checkout or bare git mirror, by repository path."""

    def __init__(self, root):
        self.root = root
        self.tree = os.path.isfile(os.path.join(root, "data", "metadata.tsv"))
        if not self.tree:
            ok = subprocess.run(["git", "--git-dir", root, "rev-parse", "--verify", "HEAD"],
                                capture_output=True)
            if ok.returncode != 0:
                raise FileNotFoundError(root)

    def names(self, folder):
        if self.tree:
            return sorted(os.listdir(os.path.join(self.root, folder)))
        out = subprocess.run(["git", "--git-dir", self.root, "ls-tree", "--name-only",
                              "HEAD", folder + "/"], capture_output=True, check=True)
        return sorted(os.path.basename(p) for p in out.stdout.decode().split("\n") if p)

    def read(self, path):
        if self.tree:
            with open(os.path.join(self.root, path), "rb") as f:
                return f.read()
        out = subprocess.run(["git", "--git-dir", self.root, "show", "HEAD:" + path],
                             capture_output=True)
        if out.returncode != 0:
            fail("cannot read %s from the corpus: %s" % (path, out.stderr.decode().strip()))
        return out.stdout


def write_articles(corpus, folder):
    """The first ARTICLES train articles, written unchanged into a fresh folder."""
    names = [n for n in corpus.names("data/%s/text" % SPLIT) if n.endswith(".txt")]
    if len(names) < ARTICLES:
        fail("the corpus has %d train articles, fewer than %d" % (len(names), ARTICLES))
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    for name in names[:ARTICLES]:
        with open(os.path.join(folder, name), "wb") as f:
            f.write(corpus.read("data/%s/text/%s" % (SPLIT, name)))
    return names[:ARTICLES]


def check(binary, folder, rules):
    out = subprocess.run([binary, "check", folder, "--rules", rules, "--format", "json",
                          "--color", "never"], capture_output=True)
    if out.returncode not in (0, 1):
        fail("%s check exited %d: %s" % (binary, out.returncode, out.stderr.decode().strip()))
    return json.loads(out.stdout.decode("utf-8"))["findings"]


def first_words(text):
    return " ".join(re.findall(r"[\w’']+", text or "")[:KEY_WORDS]).lower()


def speaker_of(finding):
    m = re.match(r"(.+?) is quoted differently", finding.get("message", ""))
    return m.group(1) if m else ""


def key(finding):
    """What identifies a warning across runs: file name, line, both quotations' first
    words, speaker."""
    return (os.path.basename(finding["file"]), finding["line"], first_words(finding["found"]),
            first_words(finding.get("expected")), speaker_of(finding))


def read_judged(path):
    judged = {}
    if not os.path.exists(path):
        return judged
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                j = json.loads(line)
                k = (j["file"], j["line"], j["found"], j["other"], j["speaker"])
                if j["verdict"] not in ("right", "wrong"):
                    raise ValueError("verdict must be right or wrong")
            except (ValueError, KeyError) as e:
                fail("%s:%d: %s" % (path, no, e))
            judged[k] = j
    return judged


def paragraph(folder, name, line):
    """The paragraph (line) a quotation sits on, for the person judging it."""
    with open(os.path.join(folder, os.path.basename(name)), encoding="utf-8") as f:
        lines = f.read().split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else ""


def show_unjudged(folder, f):
    k = key(f)
    print("- %s:%d  [%s]  speaker: %s" % (k[0], f["line"], f["code"], k[4] or "?"))
    print("    message: %s" % f["message"])
    print("    found:   %s" % f["found"])
    print("    context: %s" % paragraph(folder, f["file"], f["line"]))
    for r in f.get("related", []):
        print("    other:   %s:%d  %s" % (os.path.basename(r["file"]), r["line"], r.get("value")))
        print("    context: %s" % paragraph(folder, r["file"], r["line"]))
    print("    judged-line: %s" % json.dumps({
        "file": k[0], "line": k[1], "found": k[2], "other": k[3], "speaker": k[4],
        "verdict": "?", "why": "?"}, ensure_ascii=False))


def one_run(args):
    """Wall seconds of one whole run of ARGS, its output thrown away."""
    start = time.monotonic()
    with open(os.devnull, "wb") as sink:
        subprocess.run(args, stdout=sink, stderr=sink, check=False)
    return time.monotonic() - start


def time_runs(binary, folder, out, runs):
    """Median wall ratio of the run with people to the run without, paired.

    The two runs alternate (A B A B ...) after one warm-up of each, and the ratio
    is taken pair by pair, so a drift in the machine's speed moves both alike.
    """
    empty = os.path.join(out, "no-people.yaml")
    with open(empty, "w") as f:
        f.write("title: no people, no claims\npeople: []\nclaims: []\n")
    cmd = lambda rules: [binary, "check", folder, "--rules", rules,
                         "--format", "json", "--color", "never"]
    one_run(cmd(PEOPLE))
    one_run(cmd(empty))
    ratios, with_people, without = [], [], []
    for _ in range(runs):
        a = one_run(cmd(PEOPLE))
        b = one_run(cmd(empty))
        with_people.append(a)
        without.append(b)
        ratios.append(a / b if b > 0 else float("inf"))
    mid = statistics.median
    print("timing (%d paired runs; A = with people, B = no people):" % runs)
    print("    A wall median %.3f s, B wall median %.3f s, A/B median %.2f (min %.2f, max %.2f)"
          % (mid(with_people), mid(without), mid(ratios), min(ratios), max(ratios)))
    return mid(ratios)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--out", default=os.path.join(REPO, "target", "realcopy-quotes"))
    ap.add_argument("--judged", default=JUDGED)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-timing", action="store_true")
    a = ap.parse_args()
    try:
        corpus = Corpus(a.corpus)
    except FileNotFoundError:
        skip("no PolNeAR corpus at %s" % a.corpus)
    if not (os.path.isfile(a.bin) and os.access(a.bin, os.X_OK)):
        skip("no claimcheck binary at %s" % a.bin)
    judged = read_judged(a.judged)
    folder = os.path.join(os.path.abspath(a.out), "articles")
    names = write_articles(corpus, folder)
    findings = [f for f in check(a.bin, folder, PEOPLE) if f["code"] in CODES]
    right = [f for f in findings if judged.get(key(f), {}).get("verdict") == "right"]
    wrong = [f for f in findings if judged.get(key(f), {}).get("verdict") == "wrong"]
    todo = [f for f in findings if key(f) not in judged]
    print("articles: %d (train, first by id), people: 30, claims: 0" % len(names))
    print("warnings: %d  judged right: %d  judged wrong: %d  not yet judged: %d"
          % (len(findings), len(right), len(wrong), len(todo)))
    share = len(right) / len(findings) if findings else 1.0
    print("share right: %.2f%s" % (share, " (of all warnings; unjudged count as not right)"
                                   if todo else ""))
    for f in wrong:
        j = judged[key(f)]
        print("  wrong: %s:%d %s: %s" % (j["file"], j["line"], j["speaker"], j["why"]))
    if todo:
        print("\nnot yet judged:")
        for f in todo:
            show_unjudged(folder, f)
    ratio = None if a.no_timing else time_runs(a.bin, folder, os.path.abspath(a.out), a.runs)
    if ratio is not None:
        print("ratio with people / without (median wall, paired): %.2f" % ratio)
    ok = not todo and share >= 0.9 and (a.no_timing or (ratio is not None and ratio <= 2.0))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
