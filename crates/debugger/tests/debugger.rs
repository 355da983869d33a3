//! The debugger against real programs: every motion, breakpoints and watchpoints, and above
//! all that reverse execution lands on exactly the state that running forwards reaches.

use std::sync::Arc;

use debugger::{Breakpoint, CmpOp, Condition, Debugger, Motion, Place, StopReason, Watchpoint};
use emu::Machine;
use isa::{Num, Program};
use proptest::prelude::*;

fn program(source: &str) -> Arc<Program> {
    let assembly = asm::assemble(source);
    assert!(
        assembly.diagnostics.is_empty(),
        "{:?}",
        assembly.diagnostics
    );
    Arc::new(assembly.program.expect("assembles"))
}

fn machine(program: &Arc<Program>, cards: &[i64]) -> Machine {
    let cards: Vec<Num> = cards.iter().map(|&c| Num::from(c)).collect();
    Machine::new(Arc::clone(program), Arc::from(cards)).expect("valid")
}

/// Everything a user could see of a machine.
fn state(machine: &Machine) -> String {
    format!(
        "{:?} steps={} time={} out={:?} bells={} cards={} status={:?} store={:?}",
        machine.cpu(),
        machine.steps(),
        machine.engine_time(),
        machine.output(),
        machine.bells(),
        machine.cards_read(),
        machine.status(),
        machine.store().columns(),
    )
}

/// The state after running a fresh machine `steps` steps.
fn reference(program: &Arc<Program>, cards: &[i64], steps: u64) -> String {
    let mut fresh = machine(program, cards);
    fresh.run(steps, None);
    state(&fresh)
}

/// Writes many columns through indirect addresses, calls a subroutine recursively, prints
/// and reads cards: everything reverse execution must undo.
const BUSY: &str = "
.store 200
.stack 40
.zero table 50
main:   RDCRD D
        LOAD B, 0
fill:   LOAD A, B
        MULT A, D
        STOR A, [B]     ; table starts at column 0
        ADD  B, 1
        CMP  B, 50
        JLT  fill
        LOAD A, 6
        CALL fact
        WRPRN A
        WRCHR 10
        LOAD C, 0
sum:    ADD  C, [table+7]
        STOR C, [table+7]
        WRPRN C
        WRCHR ' '
        SUB  D, 1
        JGT  sum
        BELL
        HALT
; fact: A = n, returns A = n!, using the stack
fact:   CMP  A, 1
        JLE  base
        PUSH A
        SUB  A, 1
        CALL fact
        POP  B
        MULT A, B
base:   RET
";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn seeking_anywhere_gives_the_state_running_forwards_gives(
        interval in 1u64..40,
        limit in prop_oneof![Just(usize::MAX), 0usize..4_000],
        seeks in proptest::collection::vec(0u64..400, 1..12),
        cards in 1i64..9,
    ) {
        let program = program(BUSY);
        let mut debugger = Debugger::with_history(machine(&program, &[cards]), interval, limit);
        let end = debugger.resume(Motion::Continue, 100_000);
        prop_assert_eq!(end.reason, StopReason::Stopped);
        let total = end.steps;
        for target in seeks {
            let outcome = debugger.resume(Motion::Seek(target), 100_000);
            let reached = target.min(total);
            prop_assert_eq!(outcome.steps, reached);
            prop_assert_eq!(state(debugger.machine()), reference(&program, &[cards], reached));
        }
        // Stepping back one at a time from the end retraces every state.
        debugger.resume(Motion::Seek(total), 100_000);
        for back in (total.saturating_sub(30)..total).rev() {
            debugger.resume(Motion::StepBack(1), 0);
            prop_assert_eq!(state(debugger.machine()), reference(&program, &[cards], back));
        }
    }
}

#[test]
fn history_stays_within_its_memory_limit_by_thinning_checkpoints() {
    let program = program(".store 100\nloop: ADD A, 1\n STOR A, [0]\n JMP loop");
    let limit = 2_000;
    let mut debugger = Debugger::with_history(machine(&program, &[]), 4, limit);
    debugger.resume(Motion::Step(100_000), 100_000);
    let stats = debugger.history_stats().expect("recording");
    assert!(stats.interval > 4, "interval never grew: {stats:?}");
    assert!(stats.bytes <= 2 * limit, "history holds {stats:?}");
    debugger.resume(Motion::Seek(12_345), 0);
    assert_eq!(state(debugger.machine()), reference(&program, &[], 12_345));
}

#[test]
fn step_over_runs_a_recursive_call_to_its_return() {
    let program = program(BUSY);
    let mut debugger = Debugger::new(machine(&program, &[2]), true);
    let call = program
        .insns
        .iter()
        .position(|i| matches!(i, isa::Insn::Call(_)))
        .unwrap() as u32;
    debugger.resume(Motion::RunTo(call), 10_000);
    assert_eq!(debugger.machine().cpu().pc, call);
    let outcome = debugger.resume(Motion::StepOver, 10_000);
    assert_eq!(outcome.reason, StopReason::Done);
    assert_eq!(debugger.machine().cpu().pc, call + 1);
    assert_eq!(
        debugger.machine().cpu().regs[0],
        Num::from(720),
        "6! computed by the call"
    );
}

#[test]
fn step_out_returns_to_the_caller_from_deep_recursion() {
    let program = program(BUSY);
    let mut debugger = Debugger::new(machine(&program, &[2]), true);
    let base = program
        .symbols
        .code
        .iter()
        .find(|(_, names)| names.contains(&"base".to_string()))
        .map(|(i, _)| *i)
        .unwrap();
    debugger.resume(Motion::RunTo(base), 10_000);
    let depth = debugger.machine().stack_depth();
    debugger.resume(Motion::StepOut, 10_000);
    assert_eq!(
        debugger.machine().stack_depth(),
        depth - 1,
        "one frame popped"
    );
    // Back in the caller, just after its recursive CALL.
    let pc = debugger.machine().cpu().pc as usize;
    assert!(matches!(program.insns[pc - 1], isa::Insn::Call(_)));
}

#[test]
fn breakpoints_with_conditions_and_hit_counts() {
    let program = program("LOAD A, 0\nloop: ADD A, 1\n CMP A, 10\n JLT loop\n HALT");
    let mut debugger = Debugger::new(machine(&program, &[]), true);
    debugger.set_breakpoint(Breakpoint {
        location: 2,
        condition: None,
        hit_count: None,
    });
    assert_eq!(
        debugger.resume(Motion::Continue, 1000).reason,
        StopReason::Breakpoint(2)
    );
    assert_eq!(debugger.machine().cpu().regs[0], Num::from(1));
    debugger.set_breakpoint(Breakpoint {
        location: 2,
        condition: Some(Condition {
            place: Place::Register(0),
            op: CmpOp::Ge,
            value: Num::from(4),
        }),
        hit_count: Some(2),
    });
    assert_eq!(
        debugger.resume(Motion::Continue, 1000).reason,
        StopReason::Breakpoint(2)
    );
    assert_eq!(
        debugger.machine().cpu().regs[0],
        Num::from(5),
        "second hit with A ≥ 4"
    );
    debugger.clear_breakpoint(2);
    assert_eq!(
        debugger.resume(Motion::Continue, 1000).reason,
        StopReason::Stopped
    );
}

#[test]
fn watchpoints_stop_after_the_change_forwards_and_backwards() {
    let program = program(
        ".data x 0\nLOAD A, 0\nloop: ADD A, 1\n CMP A, 3\n JLT loop\n STOR A, [x]\n STOR A, [x]\n LOAD B, 9\n HALT",
    );
    let mut debugger = Debugger::new(machine(&program, &[]), true);
    debugger.add_watchpoint(Watchpoint {
        place: Place::Column(0),
    });
    let outcome = debugger.resume(Motion::Continue, 1000);
    assert_eq!(
        outcome.reason,
        StopReason::Watchpoint {
            place: Place::Column(0),
            old: Num::ZERO,
            new: Num::from(3)
        }
    );
    // Writing the same value again is no change.
    debugger.add_watchpoint(Watchpoint {
        place: Place::Register(1),
    });
    let outcome = debugger.resume(Motion::Continue, 1000);
    assert_eq!(
        outcome.reason,
        StopReason::Watchpoint {
            place: Place::Register(1),
            old: Num::ZERO,
            new: Num::from(9)
        }
    );
    // Backwards: the latest earlier change was the store to x.
    let outcome = debugger.resume(Motion::ContinueBack, 1000);
    assert!(
        matches!(
            outcome.reason,
            StopReason::Watchpoint {
                place: Place::Column(0),
                ..
            }
        ),
        "{outcome:?}"
    );
    assert_eq!(debugger.machine().store().get(0), Some(Num::from(3)));
    assert_eq!(debugger.machine().cpu().pc, 5, "just after the first STOR");
}

#[test]
fn continue_back_visits_earlier_breakpoint_hits_then_the_start() {
    let program = program("LOAD A, 0\nloop: ADD A, 1\n CMP A, 3\n JLT loop\n HALT");
    let mut debugger = Debugger::with_history(machine(&program, &[]), 2, usize::MAX);
    debugger.resume(Motion::Continue, 1000);
    debugger.set_breakpoint(Breakpoint {
        location: 2,
        condition: None,
        hit_count: None,
    });
    let mut seen = Vec::new();
    loop {
        let outcome = debugger.resume(Motion::ContinueBack, 1000);
        if outcome.reason == StopReason::Start {
            break;
        }
        assert_eq!(outcome.reason, StopReason::Breakpoint(2));
        seen.push(debugger.machine().cpu().regs[0]);
    }
    assert_eq!(seen, [3, 2, 1].map(Num::from));
    assert_eq!(debugger.machine().steps(), 0);
}

#[test]
fn step_back_from_a_fault_shows_the_state_before_it() {
    let program = program("RDCRD B\nLOAD A, 100\nDIV A, B\nHALT");
    let mut debugger = Debugger::new(machine(&program, &[0]), true);
    assert_eq!(
        debugger.resume(Motion::Continue, 100).reason,
        StopReason::Stopped
    );
    assert!(matches!(
        debugger.machine().status(),
        emu::Status::Faulted(_)
    ));
    debugger.resume(Motion::StepBack(1), 0);
    assert_eq!(debugger.machine().status(), &emu::Status::Running);
    assert_eq!(debugger.machine().cpu().pc, 2);
    assert_eq!(debugger.machine().cpu().regs[0], Num::from(100));
}

#[test]
fn an_endless_loop_returns_after_each_slice() {
    let program = program("loop: JMP loop");
    let mut debugger = Debugger::new(machine(&program, &[]), true);
    let outcome = debugger.resume(Motion::Continue, 1000);
    assert_eq!((outcome.reason, outcome.steps), (StopReason::Slice, 1000));
    let outcome = debugger.resume(Motion::Continue, 1000);
    assert_eq!((outcome.reason, outcome.steps), (StopReason::Slice, 2000));
}

#[test]
fn step_line_moves_by_source_lines_both_ways() {
    let program = program("LOAD A, 1\nLOAD B, 2\nADD A, B\nHALT");
    let mut debugger = Debugger::new(machine(&program, &[]), true);
    // Pretend instructions 0 and 1 come from line 10 and 2 and 3 from line 11.
    debugger.set_lines(vec![Some(10), Some(10), Some(11), Some(11)]);
    assert_eq!(
        debugger.resume(Motion::StepLine, 100).reason,
        StopReason::Done
    );
    assert_eq!(debugger.machine().cpu().pc, 2);
    debugger.resume(Motion::StepLineBack, 100);
    assert_eq!(debugger.machine().cpu().pc, 0);
}

#[test]
fn without_recording_there_is_no_going_back() {
    let program = program("LOAD A, 1\nHALT");
    let mut debugger = Debugger::new(machine(&program, &[]), false);
    debugger.resume(Motion::Step(1), 10);
    assert_eq!(
        debugger.resume(Motion::StepBack(1), 10).reason,
        StopReason::NoHistory
    );
    assert_eq!(debugger.machine().steps(), 1);
}
