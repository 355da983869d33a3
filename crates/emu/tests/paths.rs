//! Whole programs on the machine's two paths: pseudo-random programs built from the
//! instructions the specialised arms cover (and values at the edges where they hand over to
//! the general path) run with the general path only, in one go, in slices of every size
//! (so that a compare and its jump are split by the budget), with breakpoints looked for,
//! and with the Store's journal on. Every way must reach exactly the same state, engine
//! time, output, Store and journal.

use std::sync::Arc;

use emu::{Machine, Stop};
use isa::{ArithOp, Base, Cond, Insn, Mem, Num, Program, Reg, Src, Target, UnaryOp};

/// A small deterministic generator (xorshift64*), so that failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

const STORE: u32 = 100;
const STACK: u32 = 12;

fn value(rng: &mut Rng) -> Num {
    match rng.below(40) {
        0 => Num::from(i64::MAX - rng.below(3) as i64),
        1 => Num::from(i64::MIN + rng.below(3) as i64),
        2 => "123456789012345678901234567890".parse().expect("a number"),
        3..=5 => Num::ZERO,
        _ => Num::from(rng.below(80) as i64 - 5),
    }
}

fn reg(rng: &mut Rng) -> Reg {
    rng.pick(&Reg::ALL)
}

fn mem(rng: &mut Rng) -> Mem {
    match rng.below(3) {
        0 => Mem::Abs(rng.below(u64::from(STORE)) as u32),
        1 => Mem::Ind {
            base: Base::Sp,
            offset: Num::from(rng.below(12) as i64 - 8),
        },
        _ => Mem::Ind {
            base: Base::Reg(reg(rng)),
            offset: Num::from(rng.below(20) as i64 - 4),
        },
    }
}

fn src(rng: &mut Rng) -> Src {
    match rng.below(3) {
        0 => Src::Reg(reg(rng)),
        1 => Src::Imm(value(rng)),
        _ => Src::Mem(mem(rng)),
    }
}

fn cond(rng: &mut Rng) -> Cond {
    rng.pick(&[
        Cond::Always,
        Cond::Zero,
        Cond::NotZero,
        Cond::Less,
        Cond::GreaterEqual,
        Cond::Greater,
        Cond::LessEqual,
    ])
}

/// A prologue that gives the registers and the stack small values, then a body of random
/// instructions, then a jump back to the body's start.
fn program(rng: &mut Rng) -> Program {
    let mut insns = Vec::new();
    for r in Reg::ALL {
        insns.push(Insn::Load(r, Src::Imm(Num::from(rng.below(60) as i64))));
    }
    for _ in 0..3 {
        insns.push(Insn::Push(Src::Imm(Num::from(rng.below(40) as i64))));
    }
    let body = insns.len() as u32;
    let len = body + 8 + rng.below(24) as u32 + 1;
    let target = |rng: &mut Rng| Target::Imm(body + rng.below(u64::from(len - body) + 1) as u32);
    while insns.len() < len as usize - 1 {
        insns.push(match rng.below(18) {
            0 => Insn::Load(reg(rng), src(rng)),
            1 | 2 => Insn::Arith(ArithOp::Add, reg(rng), src(rng)),
            3 => Insn::Arith(ArithOp::Sub, reg(rng), src(rng)),
            4 | 5 => Insn::Arith(
                rng.pick(&[ArithOp::Mult, ArithOp::Div, ArithOp::Rem]),
                reg(rng),
                if rng.below(2) == 0 {
                    Src::Reg(reg(rng))
                } else {
                    Src::Imm(Num::from(rng.below(9) as i64 - 4))
                },
            ),
            6 | 7 => Insn::Cmp(reg(rng), src(rng)),
            8 | 9 => Insn::Jump(cond(rng), target(rng)),
            10 => Insn::Stor(
                if rng.below(2) == 0 {
                    Src::Reg(reg(rng))
                } else {
                    Src::Imm(value(rng))
                },
                mem(rng),
            ),
            11 => Insn::Push(src(rng)),
            12 => Insn::Pop(reg(rng)),
            13 => Insn::Call(target(rng)),
            14 => Insn::Ret,
            15 => Insn::Unary(UnaryOp::Neg, reg(rng)),
            16 => Insn::Wrprn(Src::Reg(reg(rng))),
            _ => Insn::Load(reg(rng), Src::Imm(Num::from(rng.below(10) as i64))),
        });
    }
    insns.push(Insn::Jump(Cond::Always, Target::Imm(body)));
    Program {
        insns,
        store_size: STORE,
        stack_size: STACK,
        ..Program::default()
    }
}

/// Everything a run leaves behind, the journal's records included.
#[derive(Debug, PartialEq)]
struct End {
    snapshot: emu::Snapshot,
    output: String,
    store: Vec<Num>,
    journal: Vec<(u32, Num)>,
    stops: Vec<Stop>,
}

fn run(program: &Arc<Program>, general: bool, slices: &mut dyn FnMut() -> u64) -> End {
    const BUDGET: u64 = 3_000;
    let mut m = Machine::new(Arc::clone(program), Arc::from([])).expect("valid");
    if general {
        m.use_general_path_only();
    }
    m.store_mut().set_journaling(true);
    let mut stops = Vec::new();
    let mut journal = Vec::new();
    while m.steps() < BUDGET {
        let stop = m.run(slices().min(BUDGET - m.steps()), None);
        journal.extend(m.store_mut().end_epoch());
        if stop != Stop::Budget {
            stops.push(stop);
            break;
        }
    }
    End {
        snapshot: m.snapshot(),
        output: m.output().to_string(),
        store: m.store().columns().to_vec(),
        journal,
        stops,
    }
}

#[test]
fn both_paths_run_every_program_alike() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..3_000 {
        let program = Arc::new(program(&mut rng));
        let reference = run(&program, true, &mut || 1);
        let whole = run(&program, false, &mut || u64::MAX);
        let one = run(&program, false, &mut || 1);
        let mut seed = Rng(case + 1);
        let sliced = run(&program, false, &mut || 1 + seed.below(5));
        // The journal's records depend on where epochs end, so compare it only between runs
        // sliced alike.
        assert_eq!(reference, one, "case {case}: {:#?}", program.insns);
        let without_journal = |end: End| End {
            journal: Vec::new(),
            ..end
        };
        let reference = without_journal(reference);
        assert_eq!(
            reference,
            without_journal(whole),
            "case {case}: {:#?}",
            program.insns
        );
        assert_eq!(
            reference,
            without_journal(sliced),
            "case {case}: {:#?}",
            program.insns
        );
    }
}

#[test]
fn breakpoints_and_watches_stop_between_a_compare_and_its_jump() {
    // 0: LOAD A, 0; 1: ADD A, 1; 2: STOR A, [SP-1]; 3: CMP A, 5; 4: JLT 1; 5: HALT
    let program = Arc::new(Program {
        insns: vec![
            Insn::Load(Reg::A, Src::Imm(Num::ZERO)),
            Insn::Arith(ArithOp::Add, Reg::A, Src::Imm(Num::ONE)),
            Insn::Stor(
                Src::Reg(Reg::A),
                Mem::Ind {
                    base: Base::Sp,
                    offset: Num::from(-1),
                },
            ),
            Insn::Cmp(Reg::A, Src::Imm(Num::from(5))),
            Insn::Jump(Cond::Less, Target::Imm(1)),
            Insn::Halt,
        ],
        ..Program::default()
    });
    let mut m = Machine::new(Arc::clone(&program), Arc::from([])).expect("valid");
    let at_jump = [1u64 << 4];
    assert_eq!(m.run(100, Some(&at_jump)), Stop::Breakpoint);
    assert_eq!((m.cpu().pc, m.steps()), (4, 4));
    assert_eq!(m.run(100, Some(&at_jump)), Stop::Breakpoint);
    assert_eq!((m.cpu().pc, m.steps()), (4, 8));

    let mut m = Machine::new(program, Arc::from([])).expect("valid");
    m.store_mut().watch(isa::DEFAULT_STORE_SIZE - 1, true);
    assert_eq!(m.run(100, None), Stop::Watch(isa::DEFAULT_STORE_SIZE - 1));
    assert_eq!((m.cpu().pc, m.steps()), (3, 3));
    // A budget of one step runs the compare alone.
    assert_eq!(m.run(1, None), Stop::Budget);
    assert_eq!((m.cpu().pc, m.steps()), (4, 4));
    assert_eq!(m.run(1, None), Stop::Budget);
    assert_eq!((m.cpu().pc, m.steps()), (1, 5));
}
