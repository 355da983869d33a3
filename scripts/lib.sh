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

# The web app's build tools, all from the package registries: the wasm32 target, Trunk,
# wasm-bindgen-cli at exactly the version in Cargo.lock, and the npm packages (esbuild for
# the editor bundle, binaryen's wasm-opt, Playwright's client).
ensure_web_tools() {
    rustup target list --installed | grep -q '^wasm32-unknown-unknown$' \
        || rustup target add wasm32-unknown-unknown
    if ! trunk --version 2>/dev/null | grep -q '0.21.14'; then
        cargo install --locked trunk --version 0.21.14
    fi
    local bindgen
    bindgen=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
    if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen\$"; then
        # Not --locked: the CLI's own lockfile may not build with this toolchain.
        cargo install wasm-bindgen-cli --version "$bindgen"
    fi
    if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
        npm ci --no-audit --no-fund
    fi
    export PATH="$PWD/node_modules/.bin:$PATH"
}

# Debian's Chromium and its WebDriver, for the browser tests.
ensure_chromium() {
    if ! [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
    fi
}

# Builds the web app into dist/.
build_app() {
    npm run --silent build:editor
    trunk build --release
}

# The app's parts in headless Chromium: wasm-bindgen-test-runner (from wasm-bindgen-cli)
# runs each test binary through Debian's chromedriver; app/webdriver.json gives Chromium
# its flags.
test_app_in_browser() {
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
        CHROMEDRIVER=/usr/bin/chromedriver \
        cargo test --locked -p app --target wasm32-unknown-unknown
}
