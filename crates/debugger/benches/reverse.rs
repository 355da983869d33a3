//! Reverse execution's budgets: `cargo bench -p debugger --bench reverse`.
//!
//! Runs a tight counting loop (that also writes the Store) for 100 million steps with
//! recording on, then prints the speed against recording off, the history's memory, and
//! how long steps back take from across the run. Budgets: recording costs at most half the
//! speed; ≤ 64 MB of history; a step back ≤ 10 ms.
#![allow(
    clippy::print_stdout,
    reason = "a benchmark reports on standard output"
)]
#![allow(clippy::disallowed_methods, reason = "a benchmark reads the clock")]

use std::sync::Arc;
use std::time::Instant;

use debugger::{Debugger, Motion};
use emu::Machine;
use isa::{ArithOp, Cond, Insn, Mem, Num, Program, Reg, Src, Target};

const STEPS: u64 = 100_000_000;

/// `loop: ADD A, 1; STOR A, [5]; CMP A, big; JLT loop`: four steps an iteration, one of
/// them a Store write.
fn program() -> Arc<Program> {
    Arc::new(Program {
        insns: vec![
            Insn::Arith(ArithOp::Add, Reg::A, Src::Imm(Num::ONE)),
            Insn::Stor(Src::Reg(Reg::A), Mem::Abs(5)),
            Insn::Cmp(Reg::A, Src::Imm(Num::from(i64::MAX))),
            Insn::Jump(Cond::Less, Target::Imm(0)),
        ],
        ..Program::default()
    })
}

fn main() {
    let program = program();
    let fresh = || Machine::new(Arc::clone(&program), Arc::from([])).expect("valid");

    let mut plain = fresh();
    let start = Instant::now();
    plain.run(STEPS, None);
    let off = STEPS as f64 / start.elapsed().as_secs_f64() / 1e6;

    let mut debugger = Debugger::new(fresh(), true);
    let start = Instant::now();
    let outcome = debugger.resume(Motion::Step(STEPS), STEPS);
    let on = outcome.steps as f64 / start.elapsed().as_secs_f64() / 1e6;
    let stats = debugger.history_stats().expect("recording");

    let mut worst = 0.0f64;
    let mut total = 0.0;
    let points = [STEPS, STEPS / 2 + 12_345, STEPS / 3, 1_000_001, 77];
    for &point in &points {
        debugger.resume(Motion::Seek(point), 0);
        let start = Instant::now();
        debugger.resume(Motion::StepBack(1), 0);
        let ms = start.elapsed().as_secs_f64() * 1e3;
        assert_eq!(debugger.machine().steps(), point - 1);
        worst = worst.max(ms);
        total += ms;
    }
    println!("recording off: {off:.0} million instructions per second");
    println!(
        "recording on:  {on:.0} million instructions per second ({:.0} % of off)",
        on / off * 100.0
    );
    println!(
        "history after {} steps: {:.2} MB in {} checkpoints, {} steps apart",
        stats.frontier,
        stats.bytes as f64 / 1e6,
        stats.checkpoints,
        stats.interval
    );
    println!(
        "step back: worst {worst:.2} ms, mean {:.2} ms over {} points",
        total / points.len() as f64,
        points.len()
    );
}
