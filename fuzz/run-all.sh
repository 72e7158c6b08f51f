#!/bin/sh
# Runs every fuzz target for MINUTES minutes each (default 1), one after another,
# and prints each target's executions and result. Needs nightly Rust and
# cargo-fuzz (`cargo install cargo-fuzz`). Run from anywhere:
#
#     fuzz/run-all.sh 10
#
# The corpora start from the hand-written seeds in fuzz/seeds/<target>/ and the
# project's own fixtures (articles for the document targets, rule files for the
# rules target); they grow in fuzz/corpus/ (not committed). A crash leaves its
# input in fuzz/artifacts/<target>/ and the run goes on with the next target.
set -u
minutes=${1:-1}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$here" || exit 2
targets="document quantities dates quotes rules check"
status=0
for t in $targets; do
    mkdir -p "corpus/$t" "artifacts/$t"
    if [ "$t" = rules ]; then
        find "$root/rules" "$root/tests/data" -name '*.yaml' -exec cp {} "corpus/$t/" \; 2>/dev/null
    else
        find "$root/fixtures" "$root/tests/data" \( -name '*.md' -o -name '*.txt' \) \
            -exec cp {} "corpus/$t/" \; 2>/dev/null
    fi
    log="artifacts/$t/last-run.log"
    cargo +nightly fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time=$((minutes * 60)) -dict=dict/claimcheck.dict \
        -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="artifacts/$t/" >"$log" 2>&1
    rc=$?
    runs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1)
    if [ $rc -eq 0 ]; then
        echo "$t: ok, ${runs:-no summary}"
    else
        status=1
        echo "$t: FAILED (exit $rc), see fuzz/$log and fuzz/artifacts/$t/"
        grep -m1 -E 'panicked at|ERROR: libFuzzer' "$log"
    fi
done
exit $status
