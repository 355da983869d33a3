#!/usr/bin/env bash
# Builds everything in release mode and runs Babbage Studio. Installs what it needs first
# and skips what is already there. Usage: ./run.sh [PROGRAM [babbage run options]]
#
# Until the web app lands, the product is the `babbage` command: with no arguments this
# runs the first example; with arguments it runs `babbage run` on them.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

section "Building"
cargo build --release --locked -p cli

section "Running"
if [[ $# -eq 0 ]]; then
    set -- examples/factorial.basm --stats
fi
echo "target/release/babbage run $*"
exec target/release/babbage run "$@"
