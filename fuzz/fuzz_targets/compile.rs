//! Any text given to the C or Python front end (the first byte picks which) yields a
//! program or diagnostics, never a panic; and a program that compiles runs on the machine
//! and through the IR's reference interpreter, a bounded number of steps, without one.
#![no_main]

use engine::{Language, NoFiles};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let language = if pick % 2 == 0 { Language::C } else { Language::Python };
    let source = String::from_utf8_lossy(rest);
    let compilation = engine::compile(language, "fuzz", &source, &NoFiles);
    let errors = compilation.diagnostics.iter().any(|d| d.is_error());
    assert_eq!(compilation.is_ok(), !errors, "{:?}", compilation.diagnostics);
    if compilation.is_ok() {
        let _ = engine::run(&compilation, Vec::new(), 20_000);
        let _ = engine::interpret(&compilation, &source, &[], 20_000);
    }
});
