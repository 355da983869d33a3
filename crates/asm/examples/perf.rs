//! Scratch: time a 5,000-line program.
#![allow(
    clippy::print_stdout,
    clippy::disallowed_methods,
    reason = "scratch tool"
)]
fn main() {
    let mut src = String::from(".data nums 1, 2, 3, 4, 5\n.equ K 3\n");
    for i in 0..5000 {
        src += &format!(
            "l{i}:  LOAD A, [nums+{}]   ; comment {i}\n      ADD A, K\n      JNZ l{}\n",
            i % 5,
            (i * 7) % 5000
        );
    }
    for _ in 0..3 {
        let start = std::time::Instant::now();
        let a = asm::assemble(&src);
        let t1 = start.elapsed();
        let text = asm::disassemble(a.program.as_ref().unwrap());
        println!(
            "{} lines: assemble {:?}, disassemble {:?}",
            src.lines().count(),
            t1,
            start.elapsed() - t1
        );
        let _ = text;
    }
}
