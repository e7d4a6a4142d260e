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
# Seed the JSON parser's corpus with the small fixture files.
if [ "$target" = parse_bytes ] && [ -z "$(ls -A "corpus/$target")" ]; then
    cp ../fixtures/tokenizers/*.json "corpus/$target/" 2>/dev/null || true
    cp ../fixtures/bad/*.json "corpus/$target/" 2>/dev/null || true
fi
export RUSTC_BOOTSTRAP=1
# The crate has no `unsafe` code: no sanitizer (faster), but debug assertions catch overflow.
exec cargo fuzz run --sanitizer none --debug-assertions "$target" "corpus/$target" -j1 -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=20 -max_len=65536 \
    -artifact_prefix="artifacts/$target/" -print_final_stats=1 "$@"
