//! The `check` helper shared by the table-style tests.

use asm::{assemble, disassemble};
use expect_test::Expect;

/// Assembles `source` and compares the disassembly, or every diagnostic as the command
/// line renders it (with its code), with `expect`. A program that assembles must come
/// back identical from the round trip through its disassembly.
pub(crate) fn check(source: &str, expect: Expect) {
    let assembly = assemble(source);
    let actual = match &assembly.program {
        Some(program) => {
            assert!(
                assembly.diagnostics.is_empty(),
                "a program came with diagnostics"
            );
            assert_eq!(assembly.source_map.len(), program.insns.len());
            // A program the assembler made comes back identical, symbols included.
            let text = disassemble(program);
            let again = assemble(&text).program;
            assert_eq!(again.as_ref(), Some(program), "round trip of:\n{text}");
            text
        }
        None => {
            assert!(assembly.source_map.is_empty());
            assembly
                .diagnostics
                .iter()
                .map(|d| {
                    // The code goes at the end of the first line, so that the tables show
                    // which code each case produces.
                    let rendered = diag::render_plain("t.basm", source, d);
                    rendered.replacen('\n', &format!(" [{}]\n", d.code), 1)
                })
                .collect()
        }
    };
    expect.assert_eq(&actual);
}
