//! Any text given to the assembler yields a program or diagnostics, never a panic; and a
//! program that assembles survives the disassembler's round trip unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let assembly = asm::assemble(&source);
    if let Some(program) = assembly.program {
        let text = asm::disassemble(&program);
        let again = asm::assemble(&text);
        assert_eq!(again.program.as_ref(), Some(&program), "round trip of:\n{text}");
    } else {
        assert!(!assembly.diagnostics.is_empty(), "rejected without a diagnostic");
    }
});
