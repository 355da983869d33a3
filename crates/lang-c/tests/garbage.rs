//! No input makes the front end panic or hang: every test program, mangled in many
//! seeded random ways, goes through `lower`, and whatever lowers passes the IR verifier
//! and runs in the reference interpreter.

#[path = "support/rng.rs"]
mod rng;

use std::path::Path;

use rng::Rng;

/// Pieces of C, whole and broken, to splice in.
const PIECES: [&str; 40] = [
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ";",
    ",",
    "?",
    ":",
    "=",
    "==",
    "+",
    "-",
    "*",
    "/",
    "%",
    "&",
    "&&",
    "!",
    "++",
    "int ",
    "long ",
    "void ",
    "const ",
    "if ",
    "else ",
    "while ",
    "for ",
    "switch ",
    "case 1:",
    "default:",
    "return ",
    "break;",
    "\"",
    "'",
    "#define N 3\n",
    "printf(\"%d\", ",
    "x",
    "a[0]",
];

fn mangle(source: &str, rng: &mut Rng) -> String {
    let mut text: Vec<char> = source.chars().collect();
    for _ in 0..1 + rng.index(4) {
        let at = rng.index(text.len() + 1);
        match rng.index(4) {
            0 => {
                let end = (at + 1 + rng.index(20)).min(text.len());
                text.drain(at..end);
            }
            1 => {
                let piece = PIECES[rng.index(PIECES.len())];
                text.splice(at..at, piece.chars());
            }
            2 => {
                let from = rng.index(text.len());
                let end = (from + rng.index(40)).min(text.len());
                let copy: Vec<char> = text[from..end].to_vec();
                text.splice(at..at, copy);
            }
            _ => {
                if at < text.len() {
                    text[at] = char::from(b' ' + rng.index(95) as u8);
                }
            }
        }
    }
    text.into_iter().collect()
}

#[test]
fn mangled_programs_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs/c");
    let mut sources: Vec<String> = std::fs::read_dir(&dir)
        .expect("the test programs")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "c"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    sources.sort();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for source in &sources {
        for _ in 0..60 {
            let mangled = mangle(source, &mut rng);
            let lowering = lang_c::lower("t.c", &mangled);
            if let Some(module) = lowering.module {
                assert!(
                    ir::verify(&module).is_ok(),
                    "a module that fails the verifier from:\n{mangled}"
                );
                let _ = ir::interpret(&module, &[], 20_000);
            } else {
                assert!(lowering.diagnostics.iter().any(|d| d.is_error()));
            }
        }
    }
}

#[test]
fn pathological_texts() {
    let texts = [
        String::new(),
        "\0".into(),
        "}".repeat(1000),
        "{".repeat(1000),
        "int main(void) { return ".to_string() + &"-".repeat(100_000) + "1; }",
        "int main(void) { return ".to_string() + &"!(".repeat(10_000) + "1; }",
        "int x = ".to_string() + &"1 ? ".repeat(10_000) + "1;",
        "int main(void) { int a[2]; return a".to_string() + &"[0]".repeat(5000) + "; }",
        "int main(void) { ".to_string() + &"while (1) ".repeat(5000) + "; }",
        "int main(void) { ".to_string() + &"x = ".repeat(5000) + "1; }",
        "#define".into(),
        "#".into(),
        "'".into(),
        "\"\\".into(),
        "/*".into(),
        "int main(void) { printf(\"%\"); }".into(),
        "int main(void) { printf(\"%99999999999d\", 1); }".into(),
        "int a[99999999999999999999];".into(),
        "int f(int a[][][]) {}".into(),
        "é∂ƒ©˙∆˚¬".into(),
    ];
    for text in &texts {
        let lowering = lang_c::lower("t.c", text);
        assert!(lowering.module.is_none(), "{text:.40}");
        assert!(!lowering.diagnostics.is_empty());
    }
}
