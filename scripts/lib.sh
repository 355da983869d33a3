# Shared helpers for ./run.sh and ./test.sh: each installs a tool only when it is missing.

section() { printf '\n==> %s\n' "$*"; }

ensure_rust_components() {
    local installed
    installed=$(rustup component list --installed 2>/dev/null || true)
    for component in rustfmt clippy; do
        grep -q "^$component" <<<"$installed" || rustup component add "$component"
    done
}

ensure_nightly() {
    rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
}

# ensure_cargo_tool BINARY CRATE [EXTRA_ARGS]
ensure_cargo_tool() {
    local binary=$1 crate=$2 extra=${3:-}
    if ! command -v "$binary" >/dev/null 2>&1 && ! [[ -x "$HOME/.cargo/bin/$binary" ]]; then
        # shellcheck disable=SC2086
        cargo install "$crate" $extra
    fi
}
