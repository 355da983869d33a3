#!/usr/bin/env bash
# Runs every check and test of Babbage Studio: formatting, lints, unit and property tests,
# the program corpus through the `babbage` command, the web app in headless Chromium, and a
# short fuzzing run per target.
# Installs what it needs first and skips what is already there. Usage: ./test.sh
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

section "Installing what the tests need"
ensure_rust_components
ensure_nightly
ensure_cargo_tool cargo-fuzz cargo-fuzz "--locked"
ensure_web_tools
ensure_chromium

section "Formatting"
cargo fmt --all --check

section "Lints"
cargo clippy --workspace --all-targets --locked -- -D warnings

section "Unit, property and corpus tests"
cargo test --workspace --locked

section "The shared corpus through the command line"
# `cargo test` already ran tests/programs (which holds copies of the shared corpus) through
# the command line; this runs the shared corpus itself with its own checker.
cargo build --locked -p cli
python3 ../shared/tools/run-corpus target/debug/babbage \
    ../shared/corpus/asm ../shared/corpus/c ../shared/corpus/python

section "Expected outputs agree with gcc and python3"
# The .out files of tests/programs/c and python come from the real toolchains: making them
# again in a scratch copy must give the same files.
scratch=$(mktemp -d)
cp -r tests/programs/c tests/programs/python "$scratch"
python3 scripts/expected-output.py "$scratch"/c/*.c "$scratch"/python/*.py
diff -r tests/programs/c "$scratch/c" && diff -r tests/programs/python "$scratch/python"
rm -rf "$scratch"

section "The web app in Chromium"
test_app_in_browser
build_app
node scripts/first-load-size.mjs dist
npm run --silent test:e2e

section "Fuzzing (${FUZZ_SECONDS:=15} s per target)"
# Each target with its seeds and, for the assembler, a dictionary of its words.
fuzz() {
    local target=$1
    shift
    mkdir -p "fuzz/corpus/$target"
    cargo +nightly fuzz run --fuzz-dir fuzz "$target" "fuzz/corpus/$target" "$@" \
        -- -max_total_time="$FUZZ_SECONDS" -max_len=4096 -print_final_stats=0 $FUZZ_DICT \
        2>&1 | tail -n 3
    [[ ${PIPESTATUS[0]} -eq 0 ]] || { echo "fuzz target $target failed"; exit 1; }
}
FUZZ_DICT=-dict=fuzz/asm.dict fuzz assemble tests/programs/asm
FUZZ_DICT=-dict=fuzz/asm.dict fuzz machine tests/programs/asm
FUZZ_DICT= fuzz compile tests/programs/c tests/programs/python

section "All checks passed"
