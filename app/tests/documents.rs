//! The student's documents in a real browser: saved per language under keys carrying the
//! language's extension, each language's examples found by their link names, and what a
//! link opens (or falls back to).

#![cfg(target_arch = "wasm32")]

use app::documents::{self, MINE};
use app::{examples, storage};
use engine::{Language, NoFiles, RunEnd};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn storage_keys_carry_the_language() {
    assert_eq!(documents::doc_key(Language::Asm, MINE), "doc/basm/mine");
    assert_eq!(documents::doc_key(Language::C, "fib"), "doc/c/fib");
    assert_eq!(
        documents::cards_key(Language::Python, "cards_max"),
        "cards/py/cards_max"
    );
    assert_eq!(documents::open_key(Language::Python), "open/py");
}

#[wasm_bindgen_test]
fn each_language_keeps_its_own_program() {
    storage::save(
        &documents::doc_key(Language::C, MINE),
        "int main(void) { return 1; }\n",
    );
    storage::save(&documents::doc_key(Language::Python, MINE), "print(1)\n");
    assert_eq!(
        documents::text(Language::C, MINE),
        "int main(void) { return 1; }\n"
    );
    assert_eq!(documents::text(Language::Python, MINE), "print(1)\n");
    // An example never edited is the example; unknown documents are the welcome.
    assert_eq!(
        documents::text(Language::Python, "powers"),
        include_str!("../../tests/programs/python/powers.py")
    );
    assert_eq!(documents::cards(Language::C, "sum_cards"), "5 10 -3 27 4 8");
}

#[wasm_bindgen_test]
fn examples_are_found_by_link_name_in_their_language() {
    let fib = examples::find(Language::C, "fib").expect("C's fib");
    assert_eq!(
        fib.source,
        include_str!("../../tests/programs/c/corpus_fib.c")
    );
    assert!(examples::find(Language::C, "corpus_fib").is_none());
    assert!(examples::find(Language::Python, "gcd").is_none());
    assert!(examples::find(Language::Asm, "fib").is_none());
    assert!(examples::examples(Language::Haskell).is_empty());
    let names: Vec<_> = examples::examples(Language::C)
        .iter()
        .map(|e| e.name)
        .collect();
    for name in ["fib", "bubble", "gcd", "hello_table", "primes", "sum_cards"] {
        assert!(names.contains(&name), "{name}");
    }
}

#[wasm_bindgen_test]
fn every_example_and_welcome_compiles_and_ends_normally() {
    for language in [Language::Asm, Language::C, Language::Python] {
        let programs = examples::examples(language)
            .iter()
            .map(|e| (e.name, e.source, examples::cards_text(e)))
            .chain([("welcome", examples::welcome(language), String::new())]);
        for (name, source, cards) in programs {
            let compilation = engine::compile(language, name, source, &NoFiles);
            assert!(
                compilation.is_ok(),
                "{language} {name}: {:?}",
                compilation.diagnostics
            );
            let cards = engine::parse_input(&cards).expect("number cards");
            let run = engine::run(&compilation, cards, 0).expect("compiled");
            // The assembly examples include one that divides by zero on purpose.
            if name != "div_zero" {
                assert_eq!(run.end, RunEnd::Halted, "{language} {name}");
            }
        }
    }
}

#[wasm_bindgen_test]
fn a_link_opens_its_example_and_anything_else_falls_back() {
    let none = |_: Language| None;
    assert_eq!(
        documents::opening(Some("c"), Some("fib"), None, none),
        (Language::C, "fib".to_string())
    );
    assert_eq!(
        documents::opening(Some("py"), None, Some("c"), none),
        (Language::Python, MINE.to_string())
    );
    // A language the studio does not offer, or no such language: the one last chosen.
    assert_eq!(
        documents::opening(Some("hs"), Some("fib"), Some("c"), none),
        (Language::C, "fib".to_string())
    );
    assert_eq!(
        documents::opening(Some("klingon"), None, None, none),
        (Language::Asm, MINE.to_string())
    );
    // No such example: the document last open in that language, if it still exists.
    let saved = |l: Language| (l == Language::C).then(|| "gcd".to_string());
    assert_eq!(
        documents::opening(Some("c"), Some("nothing"), None, saved),
        (Language::C, "gcd".to_string())
    );
    let gone = |_: Language| Some("deleted".to_string());
    assert_eq!(
        documents::opening(Some("c"), None, None, gone),
        (Language::C, MINE.to_string())
    );
}
