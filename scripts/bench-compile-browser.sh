#!/usr/bin/env bash
# Compile latency in headless Chromium: every C and Python program of the shared corpus,
# compiled to the Engine's machine code in WebAssembly, 200 times each (release build).
# Usage: scripts/bench-compile-browser.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_web_tools
ensure_chromium
CHROMEDRIVER=/usr/bin/chromedriver \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --release --locked -p app --target wasm32-unknown-unknown --test compiled \
    -- --include-ignored --nocapture compile_latency
