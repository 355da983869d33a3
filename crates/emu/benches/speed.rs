//! Emulator speed on a tight counting loop, recording off: `cargo bench -p emu --bench speed`.
//!
//! Prints millions of Babbage instructions per second; the budget is ≥ 200 natively.
#![allow(
    clippy::print_stdout,
    reason = "a benchmark reports on standard output"
)]
#![allow(clippy::disallowed_methods, reason = "a benchmark reads the clock")]

use std::sync::Arc;
use std::time::Instant;

use emu::{Machine, Stop};
use isa::{ArithOp, Cond, Insn, Num, Program, Reg, Src, Target};

/// `LOAD A, 0; loop: ADD A, 1; CMP A, limit; JLT loop; HALT`
fn counting_loop(limit: i64) -> Program {
    Program {
        insns: vec![
            Insn::Load(Reg::A, Src::Imm(Num::ZERO)),
            Insn::Arith(ArithOp::Add, Reg::A, Src::Imm(Num::ONE)),
            Insn::Cmp(Reg::A, Src::Imm(Num::from(limit))),
            Insn::Jump(Cond::Less, Target::Imm(1)),
            Insn::Halt,
        ],
        ..Program::default()
    }
}

fn main() {
    let iterations = 40_000_000;
    let program = Arc::new(counting_loop(iterations));
    let mut best = 0.0f64;
    for _ in 0..5 {
        let mut machine = Machine::new(Arc::clone(&program), Arc::from([])).expect("valid program");
        let start = Instant::now();
        let stop = machine.run(u64::MAX, None);
        let seconds = start.elapsed().as_secs_f64();
        assert_eq!(stop, Stop::Halted);
        assert_eq!(machine.cpu().regs[0], Num::from(iterations));
        best = best.max(machine.steps() as f64 / seconds / 1e6);
    }
    println!("emulator, recording off: {best:.0} million instructions per second (best of 5)");
}
