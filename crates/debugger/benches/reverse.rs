//! Reverse execution's budgets: `cargo bench -p debugger --bench reverse`.
//!
//! Runs three tight loops for 100 million steps each, recording off and on: the counting loop
//! of `emu`'s speed benchmark, one that also writes the Store every iteration, and one that
//! writes 8,000 different columns in turn. Prints the speeds, the history's memory, and how
//! long steps back take from across the run. `-- WORD` runs only the loops whose names
//! contain it (`-- columns` for the worst case).
//! Budgets: recording costs at most half the speed; ≤ 64 MB of history for a 100-million-
//! step run; a step back ≤ 10 ms.
#![allow(
    clippy::print_stdout,
    reason = "a benchmark reports on standard output"
)]
#![allow(clippy::disallowed_methods, reason = "a benchmark reads the clock")]

use std::sync::Arc;
use std::time::Instant;

use debugger::{Debugger, Motion};
use emu::Machine;
use isa::{ArithOp, Base, Cond, Insn, Mem, Num, Program, Reg, Src, Target};

const STEPS: u64 = 100_000_000;

/// `loop: ADD A, 1; [STOR A, [5];] CMP A, big; JLT loop`.
fn program(store_write: bool) -> Arc<Program> {
    let mut insns = vec![
        Insn::Arith(ArithOp::Add, Reg::A, Src::Imm(Num::ONE)),
        Insn::Cmp(Reg::A, Src::Imm(Num::from(i64::MAX))),
        Insn::Jump(Cond::Less, Target::Imm(0)),
    ];
    if store_write {
        insns.insert(1, Insn::Stor(Src::Reg(Reg::A), Mem::Abs(5)));
    }
    Arc::new(Program {
        insns,
        ..Program::default()
    })
}

/// Writes a different column every iteration, sweeping 8,000 of them: the history's worst
/// case for a Store of the default size.
fn sweep() -> Arc<Program> {
    Arc::new(Program {
        insns: vec![
            Insn::Arith(ArithOp::Add, Reg::B, Src::Imm(Num::ONE)),
            Insn::Cmp(Reg::B, Src::Imm(Num::from(8000))),
            Insn::Jump(Cond::Less, Target::Imm(4)),
            Insn::Load(Reg::B, Src::Imm(Num::ZERO)),
            Insn::Stor(
                Src::Reg(Reg::A),
                Mem::Ind {
                    base: Base::Reg(Reg::B),
                    offset: Num::ZERO,
                },
            ),
            Insn::Arith(ArithOp::Add, Reg::A, Src::Imm(Num::ONE)),
            Insn::Jump(Cond::Always, Target::Imm(0)),
        ],
        ..Program::default()
    })
}

fn main() {
    // Words given after `--` pick the loops whose names contain one of them.
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .collect();
    let loops = [
        ("counting loop", program(false)),
        ("counting loop writing the Store", program(true)),
        ("loop writing 8,000 different columns in turn", sweep()),
    ];
    for (name, program) in &loops {
        if filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str())) {
            measure(name, program);
        }
    }
}

fn measure(name: &str, program: &Arc<Program>) {
    let fresh = || Machine::new(Arc::clone(program), Arc::from([])).expect("valid");

    let mut off = 0.0f64;
    for _ in 0..3 {
        let mut plain = fresh();
        let start = Instant::now();
        plain.run(STEPS, None);
        off = off.max(STEPS as f64 / start.elapsed().as_secs_f64() / 1e6);
    }

    // Best of three for both, as the machine may be busy with other work.
    let mut on = 0.0f64;
    let mut debugger = Debugger::new(fresh(), true);
    for _ in 0..3 {
        debugger = Debugger::new(fresh(), true);
        let start = Instant::now();
        let outcome = debugger.resume(Motion::Step(STEPS), STEPS);
        on = on.max(outcome.steps as f64 / start.elapsed().as_secs_f64() / 1e6);
    }
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
    println!("{name}:");
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
