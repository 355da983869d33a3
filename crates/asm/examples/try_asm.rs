//! Scratch: assemble a file and print diagnostics or the disassembly.
#![allow(clippy::print_stdout, reason = "scratch tool")]
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let source = std::fs::read_to_string(&path).unwrap();
    let a = asm::assemble(&source);
    for d in &a.diagnostics {
        print!("{}", diag::render_plain(&path, &source, d));
    }
    if let Some(p) = &a.program {
        print!("{}", asm::disassemble(p));
    }
}
