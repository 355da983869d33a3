//! No input makes the assembler panic or break its promises: diagnostics in source order
//! with spans inside the text, a program exactly when there are no errors, and every
//! program valid and identical after the round trip.

use asm::{assemble, disassemble};
use proptest::prelude::*;
use proptest::sample::select;

fn check_invariants(source: &str) {
    let assembly = assemble(source);
    let starts: Vec<_> = assembly.diagnostics.iter().map(|d| d.span.start).collect();
    assert!(starts.is_sorted(), "diagnostics out of order: {starts:?}");
    for d in &assembly.diagnostics {
        let range = d.span.range();
        assert!(
            range.end <= source.len()
                && source.is_char_boundary(range.start)
                && source.is_char_boundary(range.end)
        );
        assert!(d.code.starts_with("asm/") && !d.message.is_empty() && !d.message.ends_with('.'));
    }
    // Rendering indexes the whole text each time, so only a few are rendered.
    for d in assembly.diagnostics.iter().take(10) {
        let _ = diag::render_plain("fuzz.basm", source, d);
    }
    let errors = assembly.diagnostics.iter().any(diag::Diagnostic::is_error);
    assert_eq!(assembly.program.is_some(), !errors);
    if let Some(p) = &assembly.program {
        assert_eq!(p.validate(), Ok(()));
        assert_eq!(assembly.source_map.len(), p.insns.len());
        let text = disassemble(p);
        assert_eq!(
            assemble(&text).program.as_ref(),
            Some(p),
            "round trip of:\n{text}"
        );
    }
}

/// Pieces of assembly, right and wrong, so that random programs reach deep into the
/// assembler rather than stopping at the first character.
const PIECES: &[&str] = &[
    "LOAD",
    "mov",
    "STOR",
    "ADD",
    "SHL",
    "SHR",
    "JMP",
    "JNZ",
    "CALL",
    "RET",
    "PUSH",
    "POP",
    "WRCHR",
    "HALT",
    "A",
    "b",
    "SP",
    "sp",
    ",",
    "[",
    "]",
    "+",
    "-",
    ":",
    "'",
    "\"",
    "\\",
    ";",
    "#",
    ".data",
    ".zero",
    ".equ",
    ".store",
    ".stack",
    ".entry",
    ".bogus",
    "x",
    "main",
    "loop",
    "K",
    "0",
    "5",
    "-3",
    "50",
    "51",
    "100",
    "1_000",
    "1__0",
    "1000000",
    "12ab",
    "99999999999999999999999999999999999999999999999999",
    "100000000000000000000000000000000000000000000000000",
    "'a'",
    "'\\n'",
    "'\\q'",
    "\"hi\"",
    "\"a;b\"",
    "\n",
    "\r",
    "\r\n",
    " ",
    "\t",
    "é",
    "→",
    "@",
    "\u{0}",
    "x:",
    "main:",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text(source in "\\PC{0,200}") {
        check_invariants(&source);
    }

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check_invariants(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn pieces_of_assembly(pieces in prop::collection::vec(select(PIECES), 0..80), spaced in any::<bool>()) {
        check_invariants(&pieces.join(if spaced { " " } else { "" }));
    }
}

#[test]
#[allow(
    clippy::disallowed_methods,
    reason = "a test may read the clock to catch quadratic work"
)]
fn pathological_inputs_are_quick() {
    // Each of these would be slow if something in the assembler were quadratic.
    let n = 20_000;
    let many_names: String = (0..n).map(|i| format!("name{i}: NOP\n")).collect();
    let undefined: String = (0..n).map(|i| format!("JMP nome{i}\n")).collect();
    let inputs = [
        format!("LOAD A, {}\n", "9".repeat(1_000_000)),
        format!("LOAD A, {}\n", "0".repeat(1_000_000)),
        format!("{}: NOP\n", "x".repeat(1_000_000)),
        format!("LOAD A, {}\n", "@".repeat(1_000_000)),
        format!(".data s \"{}\"\n", "a".repeat(1_000_000)),
        ",".repeat(1_000_000),
        "'ab ".repeat(100_000),
        "[".repeat(1_000_000),
        "\n".repeat(1_000_000),
        "\r".repeat(1_000_000),
        many_names + &undefined,
        ".zero z 99999999999999999999999999999999999999999999999999\n".repeat(1000),
    ];
    // Linear work finishes these in milliseconds; quadratic work would make this test
    // visibly slow (tests assert no timings: shared machines make them flaky).
    for input in &inputs {
        check_invariants(input);
    }
}
