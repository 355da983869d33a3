//! C and Python in the browser: the shared corpus's programs compile and run in
//! WebAssembly exactly as on the command line. Also the browser's compile-latency
//! benchmark, which `cargo test` skips (`scripts/bench-compile-browser.sh` runs it).

#![cfg(target_arch = "wasm32")]

use engine::{Language, NoFiles, RunEnd};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A program with its number cards and expected output.
struct Case {
    name: &'static str,
    language: Language,
    source: &'static str,
    cards: &'static str,
    out: &'static str,
}

macro_rules! case {
    ($language:expr, $dir:literal, $name:literal, $ext:literal) => {
        case!($language, $dir, $name, $ext, "")
    };
    ($language:expr, $dir:literal, $name:literal, $ext:literal, $cards:expr) => {
        Case {
            name: $name,
            language: $language,
            source: include_str!(concat!(
                "../../tests/programs/",
                $dir,
                "/",
                $name,
                ".",
                $ext
            )),
            cards: $cards,
            out: include_str!(concat!("../../tests/programs/", $dir, "/", $name, ".out")),
        }
    };
}

/// The shared corpus's C and Python programs, as copied into `tests/programs/`.
fn corpus() -> Vec<Case> {
    vec![
        case!(Language::C, "c", "corpus_bubble", "c"),
        case!(Language::C, "c", "corpus_fib", "c"),
        case!(Language::C, "c", "corpus_gcd", "c"),
        case!(Language::C, "c", "corpus_hello_table", "c"),
        case!(Language::C, "c", "corpus_primes", "c"),
        case!(
            Language::C,
            "c",
            "corpus_sum_cards",
            "c",
            include_str!("../../tests/programs/c/corpus_sum_cards.in")
        ),
        case!(Language::Python, "python", "bubble", "py"),
        case!(
            Language::Python,
            "python",
            "cards_max",
            "py",
            include_str!("../../tests/programs/python/cards_max.in")
        ),
        case!(Language::Python, "python", "fib", "py"),
        case!(Language::Python, "python", "hello_sum", "py"),
        case!(Language::Python, "python", "powers", "py"),
        case!(Language::Python, "python", "primes", "py"),
    ]
}

#[wasm_bindgen_test]
fn the_corpus_compiles_and_runs_in_webassembly_as_on_the_command_line() {
    for case in corpus() {
        let compilation = engine::compile(case.language, case.name, case.source, &NoFiles);
        assert!(
            compilation.is_ok(),
            "{}: {:?}",
            case.name,
            compilation.diagnostics
        );
        let cards = engine::parse_input(case.cards).expect("number cards");
        let run = engine::run(&compilation, cards, 0).expect("compiled");
        assert_eq!(run.end, RunEnd::Halted, "{}", case.name);
        assert_eq!(run.output, case.out, "{}", case.name);
    }
}

/// Milliseconds since an arbitrary start, from the browser's clock.
fn now_ms() -> f64 {
    js_sys::Date::now()
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: scripts/bench-compile-browser.sh runs it"]
fn compile_latency_in_the_browser() {
    const ROUNDS: u32 = 200;
    let mut worst = 0.0f64;
    for case in corpus() {
        let start = now_ms();
        for _ in 0..ROUNDS {
            let compilation = engine::compile(case.language, case.name, case.source, &NoFiles);
            assert!(compilation.is_ok());
        }
        let each = (now_ms() - start) / f64::from(ROUNDS);
        worst = worst.max(each);
        console_log!("{:<22} {each:.3} ms per compile", case.name);
    }
    console_log!("slowest corpus compile in the browser: {worst:.3} ms (budget < 5 ms)");
}
