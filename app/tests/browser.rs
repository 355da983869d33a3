//! The app's parts in a real browser: headless Chromium, through wasm-bindgen-test. Run
//! with `cargo test -p app --target wasm32-unknown-unknown` and wasm-bindgen-test-runner
//! as the target's runner (`scripts/lib.sh` has the command).

#![cfg(target_arch = "wasm32")]

use app::markers::{marker, utf16_offset};
use app::wheels::{Wheel, column};
use app::{bell, storage};
use engine::{Language, Motion, NoFiles, Num, RunEnd, Session};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn compile(source: &str) -> engine::Compilation {
    engine::compile(Language::Asm, "program.basm", source, &NoFiles)
}

#[wasm_bindgen_test]
fn an_example_compiles_and_runs_in_webassembly_with_the_expected_output() {
    let c = compile(include_str!("../../tests/programs/asm/primes.basm"));
    let result = engine::run(&c, vec![], 0).expect("compiles");
    assert_eq!(
        result.output,
        include_str!("../../tests/programs/asm/primes.out")
    );
    assert_eq!(result.end, RunEnd::Halted);
}

#[wasm_bindgen_test]
fn fifty_digit_arithmetic_is_exact_in_webassembly() {
    // 40! has 48 digits: past 64-bit arithmetic, within the Engine's 50.
    let c = compile(
        "        LOAD A, 1\n        LOAD B, 1\nnext:   MULT A, B\n        ADD B, 1\n\
         \x20       CMP B, 40\n        JLE next\n        WRPRN A\n        HALT\n",
    );
    let result = engine::run(&c, vec![], 0).expect("compiles");
    assert_eq!(
        result.output,
        "815915283247897734345611269596115894272000000000"
    );
}

#[wasm_bindgen_test]
fn a_session_steps_back_in_webassembly() {
    let c = compile("        LOAD A, 6\n        MULT A, 7\n        WRPRN A\n        HALT\n");
    let mut session = Session::new(&c, vec![], true).expect("compiles");
    session.resume(Motion::Continue, 1_000);
    assert_eq!(session.view().output, "42");
    session.resume(Motion::StepBack(3), 0);
    let view = session.view();
    assert_eq!((view.steps, view.registers[0].value), (1, Num::from(6)));
    assert_eq!(view.output, "");
}

#[wasm_bindgen_test]
fn storage_keeps_what_is_saved_in_the_browser() {
    storage::save("test/browser", "LOAD A, 1\n");
    assert_eq!(
        storage::load("test/browser").as_deref(),
        Some("LOAD A, 1\n")
    );
    storage::save("test/browser", "");
    assert_eq!(storage::load("test/browser").as_deref(), Some(""));
    assert_eq!(storage::load("test/never-saved"), None);
    // Under the app's own prefix, so that other pages' keys on the origin are left alone.
    let local = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage");
    assert_eq!(
        local
            .get_item("babbage-studio/test/browser")
            .ok()
            .flatten()
            .as_deref(),
        Some("")
    );
}

#[wasm_bindgen_test]
fn editor_markers_count_utf16_units_not_bytes() {
    // `é` is 2 bytes and 1 UTF-16 unit; `😀` is 4 bytes and 2 units.
    let text = "; é😀\nMUL A, 1\n";
    let mul = text.find("MUL").expect("there") as u32;
    assert_eq!(mul, 9);
    assert_eq!(utf16_offset(text, mul), 6);
    assert_eq!(
        utf16_offset(text, 3),
        2,
        "inside `é`: counts from its start"
    );
    assert_eq!(
        utf16_offset(text, 5),
        3,
        "inside `😀`: counts from its start"
    );
    assert_eq!(utf16_offset(text, 1_000), text.encode_utf16().count());
    let c = compile(text);
    let m = marker(text, &c.diagnostics[0]);
    assert_eq!((m.from, m.to), (6, 9));
    assert_eq!(m.message, "unknown mnemonic `MUL`");
}

#[wasm_bindgen_test]
fn figure_wheels_fold_leading_zeros_and_mark_what_turned() {
    let wheels = |digits: &[(u8, bool)]| {
        digits
            .iter()
            .map(|&(digit, moved)| Wheel { digit, moved })
            .collect::<Vec<_>>()
    };
    let c = column(&Num::from(-1200), &Num::from(1250), false);
    assert!(c.negative && c.sign_moved);
    assert_eq!(c.folded, 46);
    assert_eq!(
        c.wheels,
        wheels(&[(1, false), (2, false), (0, true), (0, false)])
    );
    // A wheel that just went to zero still shows.
    let c = column(&Num::from(7), &Num::from(1000), false);
    assert_eq!(c.folded, 46);
    assert_eq!(
        c.wheels,
        wheels(&[(0, true), (0, false), (0, false), (7, true)])
    );
    // Zero is one wheel; all fifty on request.
    assert_eq!(
        column(&Num::ZERO, &Num::ZERO, false).wheels,
        wheels(&[(0, false)])
    );
    assert_eq!(column(&Num::ZERO, &Num::ZERO, true).wheels.len(), 50);
}

#[wasm_bindgen_test]
fn the_bell_sounds_through_web_audio() {
    assert!(bell::ring(), "a tone started");
    assert!(bell::ring(), "and again, on the same audio context");
}
