#!/usr/bin/env bash
# Builds everything in release mode and runs Babbage Studio: the web app served on
# http://127.0.0.1:8080, and the `babbage` command in target/release/. Installs what it
# needs first and skips what is already there. Usage: ./run.sh
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

section "Installing the build tools"
ensure_rust_components
ensure_web_tools

section "Building the command line"
cargo build --release --locked -p cli

section "Building the web app"
build_app

section "Serving the web app on http://127.0.0.1:8080 (Ctrl-C to stop)"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
