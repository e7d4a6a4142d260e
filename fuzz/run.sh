#!/usr/bin/env bash
# Runs one fuzz target for a while, single job, keeping its corpus under fuzz/corpus/TARGET
# (gitignored) and crashes under fuzz/artifacts/TARGET.
#   fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
# Needs cargo-fuzz (`cargo install cargo-fuzz`); works on stable through RUSTC_BOOTSTRAP.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: run.sh TARGET SECONDS}
seconds=${2:?usage: run.sh TARGET SECONDS}
shift 2
mkdir -p "corpus/$target" "artifacts/$target"
# Small seeds: every tokenizer file (the fixtures, and the shared conformance files when
# present) cut down to its first 300 ids by shrink.jq, every other component unchanged. The
# parsing targets load one per input, so a small vocabulary is what lets them run thousands of
# inputs a second instead of tens. Without jq the targets fall back to the whole files.
shared=${SUBTOK_CONFORMANCE_DIR:-../../shared/conformance}
if command -v jq >/dev/null && [ ! -d seeds ]; then
    mkdir -p seeds.tmp
    for f in ../fixtures/subtok-default.json ../fixtures/tokenizers/*.json "$shared"/tokenizers/*.json; do
        [ -f "$f" ] && jq -c --argjson k 300 -f shrink.jq "$f" > "seeds.tmp/$(basename "$f")"
    done
    mv seeds.tmp seeds
fi
# Seed the JSON parser's corpus with the small seeds and the bad files.
if [ "$target" = parse_bytes ] && [ -z "$(ls -A "corpus/$target")" ]; then
    if [ -d seeds ]; then
        cp seeds/*.json "corpus/$target/"
    else
        cp ../fixtures/tokenizers/*.json "corpus/$target/" 2>/dev/null || true
    fi
    cp ../fixtures/bad/*.json "corpus/$target/" 2>/dev/null || true
fi
export RUSTC_BOOTSTRAP=1
# The crate's only `unsafe` is a prefetch hint (no memory access): no sanitizer (faster),
# but debug assertions catch overflow.
# mutate_json chooses its mutations from the input's bytes rather than matching them against
# constants, so comparison tracing (over a third of its time) buys it little: it goes without,
# built in a target directory of its own so the other targets' builds are kept.
build=()
if [ "$target" = mutate_json ]; then
    build=(--no-trace-compares --target-dir target/no-cmp)
fi
exec cargo fuzz run --sanitizer none --debug-assertions "${build[@]}" "$target" "corpus/$target" -j1 -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=20 -max_len=65536 \
    -artifact_prefix="artifacts/$target/" -print_final_stats=1 "$@"
