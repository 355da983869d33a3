//! Per-instruction tests of the register machine, in the manner of CPU emulator suites
//! (mos6502, moa): each case is an initial state, one instruction, and the state it must
//! leave or the fault it must raise, as `ISA.md` §4, §6 and §8 say. Whole-program tests
//! with a step budget follow at the end.
//!
//! Each case runs through the same public API the debugger and the CLI use. The operand of
//! every arithmetic case is offered in every form (register, immediate, each kind of Store
//! operand), and every case runs twice, once with the general path only, so that the
//! machine's specialised fast paths and its general path are held to the same answers.

use std::fmt::Write as _;
use std::sync::Arc;

use Reg::{A, B, C, D};
use emu::{Fault, Machine, Status, Stop};
use isa::{
    ArithOp, Base, Cond, Insn, Mem, Num, Program, ProgramError, Reg, ShiftOp, Src, Target, UnaryOp,
};

// ---------------------------------------------------------------------------------------
// Values.

/// Anything a table may write as a number: small literals, `Num`s, or decimal text for
/// values past 64 bits.
trait IntoNum {
    fn num(self) -> Num;
}

impl IntoNum for i32 {
    fn num(self) -> Num {
        Num::from(self)
    }
}

impl IntoNum for i64 {
    fn num(self) -> Num {
        Num::from(self)
    }
}

impl IntoNum for u32 {
    fn num(self) -> Num {
        Num::from(self)
    }
}

impl IntoNum for Num {
    fn num(self) -> Num {
        self
    }
}

impl IntoNum for &str {
    fn num(self) -> Num {
        self.parse()
            .unwrap_or_else(|e| panic!("{self:?} is not a number: {e}"))
    }
}

fn v(x: impl IntoNum) -> Num {
    x.num()
}

/// 10^k.
fn p10(k: usize) -> Num {
    v(format!("1{}", "0".repeat(k)).as_str())
}

const MAX: Num = Num::MAX;
const MIN: Num = Num::MIN;
/// i64::MAX + 1: the first value past 64 bits.
const TWO63: &str = "9223372036854775808";
/// i64::MIN − 1.
const NEG_TWO63_MINUS_1: &str = "-9223372036854775809";

// ---------------------------------------------------------------------------------------
// Instructions and operands.

fn reg(r: Reg) -> Src {
    Src::Reg(r)
}
fn imm(x: impl IntoNum) -> Src {
    Src::Imm(x.num())
}
fn col(a: u32) -> Mem {
    Mem::Abs(a)
}
fn col_reg(r: Reg, k: i64) -> Mem {
    Mem::Ind {
        base: Base::Reg(r),
        offset: Num::from(k),
    }
}
fn col_sp(k: i64) -> Mem {
    Mem::Ind {
        base: Base::Sp,
        offset: Num::from(k),
    }
}
fn at(a: u32) -> Src {
    Src::Mem(col(a))
}
fn at_reg(r: Reg, k: i64) -> Src {
    Src::Mem(col_reg(r, k))
}
fn at_sp(k: i64) -> Src {
    Src::Mem(col_sp(k))
}

type Binary = fn(Reg, Src) -> Insn;

fn load(r: Reg, s: Src) -> Insn {
    Insn::Load(r, s)
}
fn add(r: Reg, s: Src) -> Insn {
    Insn::Arith(ArithOp::Add, r, s)
}
fn sub(r: Reg, s: Src) -> Insn {
    Insn::Arith(ArithOp::Sub, r, s)
}
fn mult(r: Reg, s: Src) -> Insn {
    Insn::Arith(ArithOp::Mult, r, s)
}
fn div(r: Reg, s: Src) -> Insn {
    Insn::Arith(ArithOp::Div, r, s)
}
fn rem(r: Reg, s: Src) -> Insn {
    Insn::Arith(ArithOp::Rem, r, s)
}
fn cmp(r: Reg, s: Src) -> Insn {
    Insn::Cmp(r, s)
}
fn shl(r: Reg, k: u8) -> Insn {
    Insn::Shift(ShiftOp::Shl, r, k)
}
fn shr(r: Reg, k: u8) -> Insn {
    Insn::Shift(ShiftOp::Shr, r, k)
}
fn jmp_if(cond: Cond, t: Target) -> Insn {
    Insn::Jump(cond, t)
}
fn stor(s: Src, m: Mem) -> Insn {
    Insn::Stor(s, m)
}

// ---------------------------------------------------------------------------------------
// The harness.

/// Where the instruction under test sits. Not 0, so that "PC stays at the faulting
/// instruction" and "CALL pushes PC + 1" cannot pass by accident.
const AT: u32 = 2;
/// `NOP`s after it, for jumps to land on.
const LANDING: u32 = 4;
/// The default Store: `n` columns, of which the top `n / 5` are the stack.
const N: u32 = 10_000;

/// The state before the instruction under test. The program is laid out as
/// `NOP NOP <insn> NOP NOP NOP NOP <setup…> JMP 2`, entered at the setup, so the
/// instruction always sits at index [`AT`] and the setup's own steps are run off first.
#[derive(Clone, Debug)]
struct Setup {
    regs: Vec<(Reg, Num)>,
    /// `(Z, N)`, set last by a `CMP`.
    flags: Option<(bool, bool)>,
    columns: Vec<(u32, Num)>,
    /// Pushed bottom first.
    stack: Vec<Num>,
    printed: &'static str,
    cards: Vec<Num>,
    cards_read: usize,
    store_size: u32,
    stack_size: Option<u32>,
}

/// A machine about to run the instruction, having printed "> " (which must survive any
/// fault).
fn setup() -> Setup {
    Setup {
        regs: Vec::new(),
        flags: None,
        columns: Vec::new(),
        stack: Vec::new(),
        printed: "> ",
        cards: Vec::new(),
        cards_read: 0,
        store_size: N,
        stack_size: None,
    }
}

impl Setup {
    fn reg(mut self, r: Reg, x: impl IntoNum) -> Setup {
        self.regs.retain(|(q, _)| *q != r);
        self.regs.push((r, x.num()));
        self
    }
    fn a(self, x: impl IntoNum) -> Setup {
        self.reg(A, x)
    }
    fn b(self, x: impl IntoNum) -> Setup {
        self.reg(B, x)
    }
    fn flags(mut self, z: bool, n: bool) -> Setup {
        self.flags = Some((z, n));
        self
    }
    fn col(mut self, addr: u32, x: impl IntoNum) -> Setup {
        self.columns.push((addr, x.num()));
        self
    }
    fn stack(mut self, values: &[i64]) -> Setup {
        self.stack.extend(values.iter().map(|x| Num::from(*x)));
        self
    }
    fn push(mut self, x: impl IntoNum) -> Setup {
        self.stack.push(x.num());
        self
    }
    fn cards(mut self, cards: &[Num], already_read: usize) -> Setup {
        self.cards = cards.to_vec();
        self.cards_read = already_read;
        self
    }
    fn sizes(mut self, store: u32, stack: u32) -> Setup {
        self.store_size = store;
        self.stack_size = Some(stack);
        self
    }

    /// The registers' values once the setup has run.
    fn known_regs(&self) -> [Num; 4] {
        let mut regs = [Num::ZERO; 4];
        if self.cards_read > 0 {
            regs[0] = self.cards[self.cards_read - 1];
        }
        for (r, x) in &self.regs {
            regs[r.index()] = *x;
        }
        regs
    }

    /// A `CMP` against a known register that leaves the flags as asked.
    fn flag_setter(&self, z: bool, n: bool) -> Insn {
        let regs = self.known_regs();
        for r in Reg::ALL {
            let x = regs[r.index()];
            let other = match (z, n) {
                (true, false) => Some(x),
                (false, true) => x.checked_add(Num::ONE),
                (false, false) => x.checked_sub(Num::ONE),
                (true, true) => panic!("no result is both zero and negative"),
            };
            if let Some(other) = other {
                return cmp(r, Src::Imm(other));
            }
        }
        panic!("no register can set the flags {z} {n}")
    }

    fn program(&self, insn: Insn) -> Program {
        let mut insns = vec![Insn::Nop; AT as usize];
        insns.push(insn);
        insns.extend((0..LANDING).map(|_| Insn::Nop));
        let entry = insns.len() as u32;
        insns.extend(self.stack.iter().map(|x| Insn::Push(Src::Imm(*x))));
        insns.extend(
            self.columns
                .iter()
                .map(|(a, x)| stor(Src::Imm(*x), col(*a))),
        );
        insns.extend(self.printed.chars().map(|c| Insn::Wrchr(imm(u32::from(c)))));
        insns.extend((0..self.cards_read).map(|_| Insn::Rdcrd(A)));
        insns.extend(self.regs.iter().map(|(r, x)| load(*r, Src::Imm(*x))));
        // A NOP in place of the CMP keeps the program's length independent of the flags.
        insns.push(match self.flags {
            Some((z, n)) => self.flag_setter(z, n),
            None => Insn::Nop,
        });
        insns.push(jmp_if(Cond::Always, Target::Imm(AT)));
        Program {
            insns,
            entry,
            store_size: self.store_size,
            stack_size: self
                .stack_size
                .unwrap_or_else(|| isa::default_stack_size(self.store_size)),
            ..Program::default()
        }
    }

    /// How many instructions the program for a case has: the target that halts.
    fn len(&self) -> u32 {
        self.program(Insn::Nop).insns.len() as u32
    }
}

/// A setup that mentions its own program's length (a jump target at or past the end): the
/// length does not depend on the values the setup loads, so it is measured with 0 first.
fn with_len(f: impl Fn(u32) -> Setup) -> (Setup, u32) {
    let len = f(0).len();
    let setup = f(len);
    assert_eq!(setup.len(), len);
    (setup, len)
}

/// Everything a user can see of the machine.
#[derive(Clone, Debug, PartialEq)]
struct Observed {
    regs: [Num; 4],
    sp: u32,
    pc: u32,
    z: bool,
    n: bool,
    /// Columns whose value differs from before the instruction under test.
    written: Vec<(u32, Num)>,
    output: String,
    bells: u64,
    cards_read: usize,
    steps: u64,
    tenths: u64,
    status: Status,
}

fn observe(m: &Machine, before: &[Num]) -> Observed {
    let cpu = m.cpu();
    let hundredths = m.engine_time().hundredths();
    assert_eq!(
        hundredths % 10,
        0,
        "the register machine counts whole tenths"
    );
    Observed {
        regs: cpu.regs,
        sp: cpu.sp,
        pc: cpu.pc,
        z: cpu.z,
        n: cpu.n,
        written: (0..m.store().len())
            .filter_map(|a| {
                let now = m.store().get(a).expect("column");
                (now != before[a as usize]).then_some((a, now))
            })
            .collect(),
        output: m.output().to_string(),
        bells: m.bells(),
        cards_read: m.cards_read(),
        steps: m.steps(),
        tenths: hundredths / 10,
        status: m.status().clone(),
    }
}

/// Runs the setup, then exactly one more step: the instruction under test. The machine's
/// specialised arms and its general path must agree on every case, so the step runs on
/// both and the observations are compared.
fn execute(setup: &Setup, insn: Insn) -> (Observed, Observed) {
    let fast = execute_on(setup, insn, false);
    let general = execute_on(setup, insn, true);
    assert_eq!(
        fast, general,
        "`{insn}` after {setup:?}: the fast and general paths differ"
    );
    fast
}

/// [`execute`] on one path.
fn execute_on(setup: &Setup, insn: Insn, general: bool) -> (Observed, Observed) {
    let program = Arc::new(setup.program(insn));
    let setup_steps = program.insns.len() as u64 - u64::from(program.entry);
    let mut m = Machine::new(program, Arc::from(setup.cards.clone())).expect("a valid program");
    if general {
        m.use_general_path_only();
    }
    assert_eq!(m.run(setup_steps, None), Stop::Budget, "setup of {setup:?}");
    assert_eq!((m.cpu().pc, m.status()), (AT, &Status::Running));
    let columns = m.store().columns().to_vec();
    let before = observe(&m, &columns);
    m.step();
    let after = observe(&m, &columns);
    if after.status != Status::Running {
        // A stopped machine stays stopped: another step changes nothing.
        m.step();
        assert_eq!(
            observe(&m, &columns),
            after,
            "a step after stopping at `{insn}`"
        );
    }
    (before, after)
}

/// The effect an instruction must have, as changes to the state before it.
#[derive(Clone, Debug)]
struct Expect {
    regs: Vec<(Reg, Num)>,
    flags: Option<(bool, bool)>,
    sp: i64,
    pc: u32,
    written: Vec<(u32, Num)>,
    prints: String,
    bells: u64,
    reads: usize,
    tenths: u64,
    status: Status,
}

/// Completes normally, taking `tenths` of engine time and moving on to the next card.
fn ok(tenths: u64) -> Expect {
    Expect {
        regs: Vec::new(),
        flags: None,
        sp: 0,
        pc: AT + 1,
        written: Vec::new(),
        prints: String::new(),
        bells: 0,
        reads: 0,
        tenths,
        status: Status::Running,
    }
}

/// Jams: one step, no time, nothing changed, `PC` still at the instruction (§9, §4).
fn fault(f: Fault) -> Expect {
    Expect {
        pc: AT,
        status: Status::Faulted(f),
        ..ok(0)
    }
}

impl Expect {
    /// `r` holds `x`, and Z and N follow it ("Z, N from r").
    fn set(mut self, r: Reg, x: impl IntoNum) -> Expect {
        let x = x.num();
        self.regs.push((r, x));
        self.flags = Some((x.is_zero(), x < Num::ZERO));
        self
    }
    fn flags(mut self, z: bool, n: bool) -> Expect {
        self.flags = Some((z, n));
        self
    }
    fn pc(mut self, pc: u32) -> Expect {
        self.pc = pc;
        self
    }
    fn sp(mut self, delta: i64) -> Expect {
        self.sp = delta;
        self
    }
    fn writes(mut self, addr: u32, x: impl IntoNum) -> Expect {
        self.written.push((addr, x.num()));
        self
    }
    fn prints(mut self, s: &str) -> Expect {
        self.prints.push_str(s);
        self
    }
    fn bells(mut self, k: u64) -> Expect {
        self.bells = k;
        self
    }
    fn reads(mut self, k: usize) -> Expect {
        self.reads = k;
        self
    }
    fn halts(mut self) -> Expect {
        self.status = Status::Halted;
        self
    }

    fn apply(&self, before: &Observed) -> Observed {
        let mut want = before.clone();
        for (r, x) in &self.regs {
            want.regs[r.index()] = *x;
        }
        if let Some((z, n)) = self.flags {
            (want.z, want.n) = (z, n);
        }
        want.sp = u32::try_from(i64::from(before.sp) + self.sp).expect("SP in range");
        want.pc = self.pc;
        want.written = self.written.clone();
        want.written.sort();
        want.output.push_str(&self.prints);
        want.bells += self.bells;
        want.cards_read += self.reads;
        want.steps += 1;
        want.tenths += self.tenths;
        want.status = self.status.clone();
        want
    }
}

/// One row of a table: state, instruction, expected effect.
type Case = (Setup, Insn, Expect);

/// Runs every case and reports all that fail, field by field.
fn check(cases: Vec<Case>) {
    let total = cases.len();
    let mut report = String::new();
    let mut failed = 0;
    for (setup, insn, expect) in cases {
        let (before, after) = execute(&setup, insn);
        let want = expect.apply(&before);
        if after != want {
            failed += 1;
            let _ = writeln!(report, "`{insn}` after {setup:?}:");
            macro_rules! fields {
                ($($f:ident),*) => {$(
                    if want.$f != after.$f {
                        let _ = writeln!(
                            report,
                            "    {}: expected {:?}, got {:?}",
                            stringify!($f), want.$f, after.$f
                        );
                    }
                )*};
            }
            fields!(
                regs, sp, pc, z, n, written, output, bells, cards_read, steps, tenths, status
            );
        }
    }
    assert!(failed == 0, "{failed} of {total} cases failed:\n{report}");
}

/// The same case in each of the operand's forms: in a register, as an immediate, and in
/// the Store through each addressing mode. `b` is placed where the form reads it.
fn operand_forms(base: &Setup, b: Num) -> Vec<(Setup, Src)> {
    vec![
        (base.clone().reg(B, b), reg(B)),
        (base.clone(), Src::Imm(b)),
        (base.clone().col(7, b), at(7)),
        (base.clone().reg(C, 4).col(7, b), at_reg(C, 3)),
        (base.clone().reg(C, 9).col(7, b), at_reg(C, -2)),
        (base.clone().push(b), at_sp(0)),
        (base.clone().push(b).stack(&[11, 22]), at_sp(2)),
        (base.clone().push(5).col(N - 2, b), at_sp(-1)),
    ]
}

/// The flag states a machine can be in (no result is both zero and negative).
const FLAG_STATES: [(bool, bool); 3] = [(false, false), (true, false), (false, true)];

/// Expands `(a, b, expect)` rows into cases of `op A, b` with `A = a` and `b` in every
/// operand form, from every flag state.
fn binary_cases(op: Binary, rows: Vec<(Num, Num, Expect)>) -> Vec<Case> {
    let mut cases = Vec::new();
    for (a, b, expect) in rows {
        for (z, n) in FLAG_STATES {
            for (setup, src) in operand_forms(&setup().a(a).flags(z, n), b) {
                cases.push((setup, op(A, src), expect.clone()));
            }
        }
    }
    cases
}

// ---------------------------------------------------------------------------------------
// LOAD, ADD, SUB, MULT, DIV, REM, CMP in every operand form.

#[test]
fn load_copies_any_value_and_sets_the_flags() {
    let rows: Vec<(Num, Num, Expect)> = [
        v(0),
        v(1),
        v(-1),
        v(i64::MAX),
        v(i64::MIN),
        v(TWO63),
        v(NEG_TWO63_MINUS_1),
        MAX,
        MIN,
    ]
    .into_iter()
    .map(|b| (v(5), b, ok(10).set(A, b)))
    .collect();
    check(binary_cases(load, rows));
}

#[test]
fn add_is_exact_across_64_bits_and_faults_past_50_digits() {
    check(binary_cases(
        add,
        vec![
            (v(2), v(3), ok(10).set(A, 5)),
            (v(5), v(-5), ok(10).set(A, 0)),
            (v(-7), v(2), ok(10).set(A, -5)),
            (v(i64::MAX), v(1), ok(10).set(A, TWO63)),
            (v(i64::MIN), v(-1), ok(10).set(A, NEG_TWO63_MINUS_1)),
            (v(TWO63), v(-1), ok(10).set(A, i64::MAX)),
            (
                v(i64::MAX),
                v(i64::MAX),
                ok(10).set(A, "18446744073709551614"),
            ),
            (
                v("170141183460469231731687303715884105727"),
                v(1),
                ok(10).set(A, "170141183460469231731687303715884105728"),
            ),
            (
                p10(49),
                p10(49),
                ok(10).set(A, p10(49).checked_add(p10(49)).unwrap()),
            ),
            (
                v(MAX.checked_sub(Num::ONE).unwrap()),
                v(1),
                ok(10).set(A, MAX),
            ),
            (MAX, MIN, ok(10).set(A, 0)),
            (MAX, v(1), fault(Fault::Overflow)),
            (MIN, v(-1), fault(Fault::Overflow)),
            (MAX, MAX, fault(Fault::Overflow)),
            (v(1), MAX, fault(Fault::Overflow)),
        ],
    ));
}

#[test]
fn sub_is_exact_across_64_bits_and_faults_past_50_digits() {
    check(binary_cases(
        sub,
        vec![
            (v(2), v(3), ok(10).set(A, -1)),
            (v(3), v(3), ok(10).set(A, 0)),
            (v(i64::MIN), v(1), ok(10).set(A, NEG_TWO63_MINUS_1)),
            (v(-i64::MAX), v(2), ok(10).set(A, NEG_TWO63_MINUS_1)),
            (v(NEG_TWO63_MINUS_1), v(-1), ok(10).set(A, i64::MIN)),
            (v(0), v(i64::MIN), ok(10).set(A, TWO63)),
            (MIN, MIN, ok(10).set(A, 0)),
            (v(0), MIN, ok(10).set(A, MAX)),
            (v(0), MAX, ok(10).set(A, MIN)),
            (MIN.checked_add(Num::ONE).unwrap(), v(1), ok(10).set(A, MIN)),
            (MIN, v(1), fault(Fault::Overflow)),
            (MAX, v(-1), fault(Fault::Overflow)),
            (v(-2), MAX, fault(Fault::Overflow)),
        ],
    ));
}

#[test]
fn mult_times_the_operand_with_fewer_digits() {
    let thirds = "3".repeat(50);
    let thirds_and_four = format!("{}4", "3".repeat(49));
    check(binary_cases(
        mult,
        vec![
            (v(6), v(7), ok(110).set(A, 42)),
            (v(-12345), v(7), ok(110).set(A, -86415)),
            (v(7), v(-12345), ok(110).set(A, -86415)),
            (v(-3), v(-4), ok(110).set(A, 12)),
            (v(0), MAX, ok(110).set(A, 0)),
            (MIN, v(0), ok(110).set(A, 0)),
            (v(123), v(4567), ok(130).set(A, 561741)),
            (
                v(i64::MAX),
                v(i64::MAX),
                ok(290).set(A, "85070591730234615847396907784232501249"),
            ),
            (
                v(i64::MIN),
                v(i64::MIN),
                ok(290).set(A, "85070591730234615865843651857942052864"),
            ),
            (p10(24), p10(24), ok(350).set(A, p10(48))),
            (
                p10(25),
                v(4),
                ok(110).set(A, p10(25).checked_mul(v(4)).unwrap()),
            ),
            (MAX, v(-1), ok(110).set(A, MIN)),
            (MIN, v(-1), ok(110).set(A, MAX)),
            (v(thirds.as_str()), v(3), ok(110).set(A, MAX)),
            (v(thirds_and_four.as_str()), v(3), fault(Fault::Overflow)),
            (p10(25), p10(25), fault(Fault::Overflow)),
            (MIN, v(2), fault(Fault::Overflow)),
            (MAX, MAX, fault(Fault::Overflow)),
        ],
    ));
}

#[test]
fn div_truncates_toward_zero_and_times_the_quotient() {
    let rows = vec![
        (v(1000), v(7), ok(130).set(A, 142)),
        (v(-7), v(2), ok(110).set(A, -3)),
        (v(7), v(-2), ok(110).set(A, -3)),
        (v(-7), v(-2), ok(110).set(A, 3)),
        (v(5), v(7), ok(110).set(A, 0)),
        // No negative zero: Z set, N clear.
        (v(-5), v(7), ok(110).set(A, 0).flags(true, false)),
        (MAX, v(1), ok(600).set(A, MAX)),
        (MIN, v(-1), ok(600).set(A, MAX)),
        (MAX, MAX, ok(110).set(A, 1)),
        (MAX, p10(25), ok(350).set(A, "9".repeat(25).as_str())),
        (v(i64::MIN), v(-1), ok(290).set(A, TWO63)),
        (v(TWO63), v(2), ok(290).set(A, "4611686018427387904")),
        (v(7), v(0), fault(Fault::DivisionByZero)),
        (MAX, v(0), fault(Fault::DivisionByZero)),
        (v(0), v(0), fault(Fault::DivisionByZero)),
    ];
    check(binary_cases(div, rows));
}

#[test]
fn rem_has_the_dividends_sign_and_times_the_quotient() {
    check(binary_cases(
        rem,
        vec![
            (v(1000), v(7), ok(130).set(A, 6)),
            (v(-7), v(2), ok(110).set(A, -1)),
            (v(7), v(-2), ok(110).set(A, 1)),
            (v(-7), v(-2), ok(110).set(A, -1)),
            (v(6), v(3), ok(110).set(A, 0)),
            (v(-6), v(3), ok(110).set(A, 0).flags(true, false)),
            (MAX, p10(25), ok(350).set(A, "9".repeat(25).as_str())),
            // (10^50 − 1) = 7 × 142857…14 + 1; the quotient has 50 digits.
            (MIN, v(7), ok(600).set(A, -1)),
            (v(i64::MIN), v(-1), ok(290).set(A, 0)),
            (v(7), v(0), fault(Fault::DivisionByZero)),
            (MIN, v(0), fault(Fault::DivisionByZero)),
        ],
    ));
}

#[test]
fn cmp_compares_exactly_without_overflow() {
    let f = |z, n| ok(10).flags(z, n);
    check(binary_cases(
        cmp,
        vec![
            (v(3), v(3), f(true, false)),
            (v(2), v(3), f(false, true)),
            (v(3), v(2), f(false, false)),
            (v(-1), v(0), f(false, true)),
            (v(0), v(-1), f(false, false)),
            (v(i64::MIN), v(i64::MAX), f(false, true)),
            (v(i64::MAX), v(TWO63), f(false, true)),
            (v(TWO63), v(i64::MAX), f(false, false)),
            (v(NEG_TWO63_MINUS_1), v(i64::MIN), f(false, true)),
            (
                v("18446744073709551616"),
                v("18446744073709551615"),
                f(false, false),
            ),
            (v("-18446744073709551616"), v(1), f(false, true)),
            (
                p10(49),
                p10(49).checked_add(Num::ONE).unwrap(),
                f(false, true),
            ),
            (
                p10(49).checked_add(Num::ONE).unwrap(),
                p10(49),
                f(false, false),
            ),
            (MAX, MAX, f(true, false)),
            (MIN, MIN, f(true, false)),
            // MIN − MAX would overflow; a comparison never does.
            (MIN, MAX, f(false, true)),
            (MAX, MIN, f(false, false)),
        ],
    ));
}

#[test]
fn every_register_serves_as_destination_and_source() {
    let s = || setup().reg(A, 1).reg(B, 20).reg(C, 300).reg(D, 4000);
    let big = || setup().reg(A, MAX).reg(B, TWO63).reg(C, -2).reg(D, MIN);
    check(vec![
        (s(), add(D, reg(C)), ok(10).set(D, 4300)),
        (s(), sub(C, reg(D)), ok(10).set(C, -3700)),
        (s(), load(B, reg(D)), ok(10).set(B, 4000)),
        (s(), cmp(D, reg(A)), ok(10).flags(false, false)),
        (s(), mult(C, reg(B)), ok(120).set(C, 6000)),
        (s(), div(D, reg(B)), ok(130).set(D, 200)),
        (s(), rem(B, reg(C)), ok(110).set(B, 20)),
        (s(), add(A, reg(A)), ok(10).set(A, 2)),
        (s(), sub(B, reg(B)), ok(10).set(B, 0)),
        (s(), cmp(C, reg(C)), ok(10).flags(true, false)),
        (s(), mult(D, reg(D)), ok(140).set(D, 16_000_000)),
        (s(), div(C, reg(C)), ok(110).set(C, 1)),
        (big(), add(D, reg(A)), ok(10).set(D, 0)),
        (big(), add(A, reg(A)), fault(Fault::Overflow)),
        (big(), sub(B, reg(B)), ok(10).set(B, 0)),
        (big(), load(C, reg(D)), ok(10).set(C, MIN)),
        (
            big(),
            mult(B, reg(C)),
            ok(110).set(B, "-18446744073709551616"),
        ),
        (big(), cmp(D, reg(C)), ok(10).flags(false, true)),
        (big(), div(D, reg(D)), ok(110).set(D, 1)),
    ]);
}

// ---------------------------------------------------------------------------------------
// NEG, ABS, SQRT, SHL, SHR.

#[test]
fn neg_abs_and_sqrt() {
    let mut cases = Vec::new();
    let unary = |op, r| Insn::Unary(op, r);
    for (z, n) in FLAG_STATES {
        let s = |x: Num| setup().a(x).reg(D, x).flags(z, n);
        for (x, negated) in [
            (v(5), v(-5)),
            (v(-5), v(5)),
            (v(0), v(0)),
            (MAX, MIN),
            (MIN, MAX),
            (v(i64::MIN), v(TWO63)),
            (v(TWO63), v(i64::MIN)),
        ] {
            let magnitude = if x < Num::ZERO { negated } else { x };
            cases.push((s(x), unary(UnaryOp::Neg, A), ok(10).set(A, negated)));
            cases.push((s(x), unary(UnaryOp::Neg, D), ok(10).set(D, negated)));
            cases.push((s(x), unary(UnaryOp::Abs, A), ok(10).set(A, magnitude)));
            cases.push((s(x), unary(UnaryOp::Abs, D), ok(10).set(D, magnitude)));
        }
        for (x, root, tenths) in [
            (v(17), v(4), 200),
            (v(16), v(4), 200),
            (v(15), v(3), 200),
            (v(0), v(0), 200),
            (v(1), v(1), 200),
            (v(i64::MAX), v(3037000499i64), 1100),
            (p10(48), p10(24), 2600),
            (p10(49), v("3162277660168379331998893"), 2600),
            (MAX, v("9".repeat(25).as_str()), 2600),
        ] {
            cases.push((s(x), unary(UnaryOp::Sqrt, A), ok(tenths).set(A, root)));
            cases.push((s(x), unary(UnaryOp::Sqrt, D), ok(tenths).set(D, root)));
        }
        for x in [v(-1), v(i64::MIN), MIN] {
            let f = fault(Fault::NegativeSquareRoot { value: x });
            cases.push((s(x), unary(UnaryOp::Sqrt, A), f));
        }
    }
    check(cases);
}

#[test]
fn decimal_shifts_take_a_tenth_per_place() {
    let mut cases = Vec::new();
    for (z, n) in FLAG_STATES {
        let s = |x: Num| setup().a(x).reg(C, x).flags(z, n);
        for (x, op, k, result) in [
            (v(7), shl as fn(Reg, u8) -> Insn, 0, v(7)),
            (v(7), shl, 3, v(7000)),
            (v(-7), shl, 18, v(-7_000_000_000_000_000_000i64)),
            (v(7), shl, 19, v("70000000000000000000")),
            (v(i64::MAX), shl, 1, v("92233720368547758070")),
            (v(9), shl, 49, v(format!("9{}", "0".repeat(49)).as_str())),
            (v(0), shl, 50, v(0)),
            (p10(40), shl, 9, p10(49)),
            (v(-123), shr, 1, v(-12)),
            (v(-5), shr, 1, v(0)),
            (v(123), shr, 0, v(123)),
            (v(i64::MAX), shr, 18, v(9)),
            (v(i64::MIN), shr, 19, v(0)),
            (v(TWO63), shr, 1, v(922337203685477580i64)),
            (MAX, shr, 25, v("9".repeat(25).as_str())),
            (MIN, shr, 49, v(-9)),
            (MAX, shr, 50, v(0)),
        ] {
            cases.push((s(x), op(A, k), ok(u64::from(k)).set(A, result)));
            cases.push((s(x), op(C, k), ok(u64::from(k)).set(C, result)));
        }
        for (x, k) in [(v(1), 50), (v(10), 49), (v(-1), 50), (MAX, 1), (p10(45), 5)] {
            cases.push((s(x), shl(A, k), fault(Fault::Overflow)));
        }
    }
    check(cases);
}

// ---------------------------------------------------------------------------------------
// STOR, PUSH, POP: instructions that leave the flags alone are run from two flag states.

/// The cases from both non-trivial flag states, which the instruction must leave alone.
fn keeping_flags(cases: Vec<Case>) -> Vec<Case> {
    [(true, false), (false, true)]
        .into_iter()
        .flat_map(|(z, n)| {
            cases
                .iter()
                .cloned()
                .map(move |(s, insn, e)| (s.flags(z, n), insn, e))
        })
        .collect()
}

#[test]
fn stor_writes_one_column() {
    let s = || setup().a(-42).b(2);
    check(keeping_flags(vec![
        (s(), stor(reg(A), col(5)), ok(10).writes(5, -42)),
        (s(), stor(imm(42), col(0)), ok(10).writes(0, 42)),
        (
            s(),
            stor(Src::Imm(MAX), col(N - 1)),
            ok(10).writes(N - 1, MAX),
        ),
        (s(), stor(Src::Imm(MIN), col(5)), ok(10).writes(5, MIN)),
        (s(), stor(reg(A), col_reg(B, 3)), ok(10).writes(5, -42)),
        (s(), stor(reg(B), col_reg(B, -2)), ok(10).writes(0, 2)),
        (
            s().stack(&[1]),
            stor(reg(A), col_sp(0)),
            ok(10).writes(N - 1, -42),
        ),
        (
            s().stack(&[1, 2]),
            stor(reg(A), col_sp(1)),
            ok(10).writes(N - 1, -42),
        ),
        (
            s().stack(&[1]),
            stor(reg(A), col_sp(-1)),
            ok(10).writes(N - 2, -42),
        ),
        // The value is already there: nothing visibly changes, but it is still 10 tenths.
        (s().col(5, -42), stor(reg(A), col(5)), ok(10)),
    ]));
}

#[test]
fn push_and_pop_move_sp_around_the_access() {
    let s = || setup().a(-3).b(7).col(5, 77);
    check(keeping_flags(vec![
        (s(), Insn::Push(reg(A)), ok(10).sp(-1).writes(N - 1, -3)),
        (s(), Insn::Push(imm(12)), ok(10).sp(-1).writes(N - 1, 12)),
        (
            s(),
            Insn::Push(Src::Imm(MIN)),
            ok(10).sp(-1).writes(N - 1, MIN),
        ),
        (s(), Insn::Push(at(5)), ok(10).sp(-1).writes(N - 1, 77)),
        (
            s().b(4),
            Insn::Push(at_reg(B, 1)),
            ok(10).sp(-1).writes(N - 1, 77),
        ),
        // `PUSH [SP]` pushes the old top; `[SP+1]` counts from the old SP too.
        (
            s().stack(&[5, 6]),
            Insn::Push(at_sp(0)),
            ok(10).sp(-1).writes(N - 3, 6),
        ),
        (
            s().stack(&[5, 6]),
            Insn::Push(at_sp(1)),
            ok(10).sp(-1).writes(N - 3, 5),
        ),
    ]));
    // POP sets the flags from the value; the column keeps its value.
    let mut cases = Vec::new();
    for (z, n) in FLAG_STATES {
        let s = || setup().a(1).flags(z, n);
        cases.extend([
            (s().stack(&[7, 9]), Insn::Pop(A), ok(10).sp(1).set(A, 9)),
            (s().stack(&[7, 0]), Insn::Pop(D), ok(10).sp(1).set(D, 0)),
            (s().push(MIN), Insn::Pop(B), ok(10).sp(1).set(B, MIN)),
            (s().push(-1), Insn::Pop(C), ok(10).sp(1).set(C, -1)),
        ]);
    }
    check(cases);
}

#[test]
fn the_stack_has_exactly_s_columns() {
    let small = |depth: usize| setup().sizes(100, 3).stack(&vec![1; depth]).a(9);
    let whole = |depth: usize| setup().sizes(100, 100).stack(&vec![1; depth]).a(9);
    let overflow = |size| fault(Fault::StackOverflow { size });
    check(vec![
        (small(2), Insn::Push(reg(A)), ok(10).sp(-1).writes(97, 9)),
        (small(3), Insn::Push(reg(A)), overflow(3)),
        (small(3), Insn::Call(Target::Imm(0)), overflow(3)),
        (small(3), Insn::Pop(B), ok(10).sp(1).set(B, 1)),
        (small(0), Insn::Pop(B), fault(Fault::StackUnderflow)),
        (small(0), Insn::Ret, fault(Fault::StackUnderflow)),
        (whole(99), Insn::Push(reg(A)), ok(10).sp(-1).writes(0, 9)),
        (whole(100), Insn::Push(reg(A)), overflow(100)),
        (setup().push(5), Insn::Pop(A), ok(10).sp(1).set(A, 5)),
        (setup(), Insn::Pop(A), fault(Fault::StackUnderflow)),
    ]);
}

#[test]
fn the_default_stack_is_a_fifth_of_the_store() {
    // loop: PUSH A; JMP loop: 2000 pushes succeed and the 2001st jams.
    let program = Program {
        insns: vec![Insn::Push(reg(A)), jmp_if(Cond::Always, Target::Imm(0))],
        ..Program::default()
    };
    let mut m = Machine::new(Arc::new(program), Arc::from([])).expect("valid");
    assert_eq!(m.run(1_000_000, None), Stop::Faulted);
    assert_eq!(
        m.status(),
        &Status::Faulted(Fault::StackOverflow { size: 2000 })
    );
    assert_eq!((m.cpu().sp, m.cpu().pc, m.steps()), (8000, 0, 4001));
    assert_eq!(m.stack_depth(), 2000);
    assert_eq!(m.engine_time().hundredths(), 2000 * 15 * 10);
}

// ---------------------------------------------------------------------------------------
// Jumps, CALL, RET.

#[test]
fn jumps_follow_the_flag_table() {
    // ISA.md §4, written out independently of the machine: taken with (Z, N) = (0, 0),
    // (1, 0), (0, 1).
    let table = [
        (Cond::Always, [true, true, true]),
        (Cond::Zero, [false, true, false]),
        (Cond::NotZero, [true, false, true]),
        (Cond::Less, [false, false, true]),
        (Cond::GreaterEqual, [true, true, false]),
        (Cond::Greater, [true, false, false]),
        (Cond::LessEqual, [false, true, true]),
    ];
    let mut cases = Vec::new();
    for (cond, taken) in table {
        for ((z, n), taken) in FLAG_STATES.into_iter().zip(taken) {
            for target in [0, AT, AT + 3] {
                let s = setup().a(7).b(target).flags(z, n);
                let e = ok(5).pc(if taken { target } else { AT + 1 });
                cases.push((s.clone(), jmp_if(cond, Target::Imm(target)), e.clone()));
                cases.push((s, jmp_if(cond, Target::Reg(B)), e));
            }
            // A target equal to the number of instructions halts normally.
            let to_end = |len| if taken { ok(5).pc(len).halts() } else { ok(5) };
            let (s, len) = with_len(|len| setup().a(7).b(len).flags(z, n));
            cases.push((s, jmp_if(cond, Target::Reg(B)), to_end(len)));
            let s = setup().a(7).flags(z, n);
            let len = s.len();
            cases.push((s, jmp_if(cond, Target::Imm(len)), to_end(len)));
            // A bad register target faults when taken and is never looked at otherwise.
            let beyond = |len: u32| v(len + 1);
            let bads: [&dyn Fn(u32) -> Num; 6] = [
                &beyond,
                &|_| v(-1),
                &|_| v(u32::MAX),
                &|_| v(i64::MAX),
                &|_| MAX,
                &|_| MIN,
            ];
            for bad in bads {
                let (s, len) = with_len(|len| setup().a(7).reg(D, bad(len)).flags(z, n));
                let e = if taken {
                    fault(Fault::InvalidJumpTarget { target: bad(len) })
                } else {
                    ok(5)
                };
                cases.push((s, jmp_if(cond, Target::Reg(D)), e));
            }
        }
    }
    check(cases);
}

#[test]
fn call_pushes_the_next_card_and_ret_pops_it() {
    let s = || setup().a(1).b(5);
    let bad = |t: Num| fault(Fault::InvalidJumpTarget { target: t });
    let (call_end, call_len) = with_len(|len| s().reg(C, len));
    let (call_beyond, _) = with_len(|len| s().reg(C, len + 1));
    let (ret_end, ret_len) = with_len(|len| s().push(len));
    let (ret_beyond, _) = with_len(|len| s().push(len + 1));
    check(keeping_flags(vec![
        (
            s(),
            Insn::Call(Target::Imm(0)),
            ok(5).pc(0).sp(-1).writes(N - 1, AT + 1),
        ),
        (
            s(),
            Insn::Call(Target::Reg(B)),
            ok(5).pc(5).sp(-1).writes(N - 1, AT + 1),
        ),
        (
            s(),
            Insn::Call(Target::Imm(AT)),
            ok(5).pc(AT).sp(-1).writes(N - 1, AT + 1),
        ),
        (
            call_end,
            Insn::Call(Target::Reg(C)),
            ok(5).pc(call_len).sp(-1).writes(N - 1, AT + 1).halts(),
        ),
        (
            call_beyond,
            Insn::Call(Target::Reg(C)),
            bad(v(call_len + 1)),
        ),
        (s().reg(C, -1), Insn::Call(Target::Reg(C)), bad(v(-1))),
        (s().reg(C, MAX), Insn::Call(Target::Reg(C)), bad(MAX)),
        (s().stack(&[9, 0]), Insn::Ret, ok(5).pc(0).sp(1)),
        (s().stack(&[0, 5]), Insn::Ret, ok(5).pc(5).sp(1)),
        (ret_end, Insn::Ret, ok(5).pc(ret_len).sp(1).halts()),
        (ret_beyond, Insn::Ret, bad(v(ret_len + 1))),
        (s().push(-1), Insn::Ret, bad(v(-1))),
        (s().push(MIN), Insn::Ret, bad(MIN)),
        (s(), Insn::Ret, fault(Fault::StackUnderflow)),
    ]));
}

#[test]
fn call_and_ret_round_trip_in_a_program() {
    // 0: CALL 3; 1: WRPRN A; 2: HALT; 3: LOAD A, 42; 4: RET
    let program = Program {
        insns: vec![
            Insn::Call(Target::Imm(3)),
            Insn::Wrprn(reg(A)),
            Insn::Halt,
            load(A, imm(42)),
            Insn::Ret,
        ],
        ..Program::default()
    };
    let mut m = Machine::new(Arc::new(program), Arc::from([])).expect("valid");
    m.step();
    assert_eq!((m.cpu().pc, m.cpu().sp), (3, N - 1));
    assert_eq!(m.store().get(N - 1), Some(Num::ONE), "CALL pushes PC + 1");
    assert_eq!(m.run(100, None), Stop::Halted);
    assert_eq!(
        (m.output(), m.cpu().sp, m.cpu().pc, m.steps()),
        ("42", N, 2, 5)
    );
    // CALL, WRPRN, HALT (no time), LOAD, RET.
    assert_eq!(m.engine_time().hundredths(), (5 + 20 + 10 + 5) * 10);
}

// ---------------------------------------------------------------------------------------
// Cards, printer, bell, NOP, HALT.

#[test]
fn the_card_reader_reads_in_order() {
    let cards = [v(5), v(-7), MAX, v(0)];
    let read = |k| setup().a(99).cards(&cards, k);
    let mut cases = Vec::new();
    for (z, n) in FLAG_STATES {
        cases.extend([
            (
                read(0).flags(z, n),
                Insn::Rdcrd(A),
                ok(5).set(A, 5).reads(1),
            ),
            (
                read(1).flags(z, n),
                Insn::Rdcrd(B),
                ok(5).set(B, -7).reads(1),
            ),
            (
                read(2).flags(z, n),
                Insn::Rdcrd(C),
                ok(5).set(C, MAX).reads(1),
            ),
            (
                read(3).flags(z, n),
                Insn::Rdcrd(D),
                ok(5).set(D, 0).reads(1),
            ),
            (
                read(4).flags(z, n),
                Insn::Rdcrd(D),
                fault(Fault::CardReaderEmpty),
            ),
            (
                setup().flags(z, n),
                Insn::Rdcrd(A),
                fault(Fault::CardReaderEmpty),
            ),
        ]);
    }
    check(cases);
}

#[test]
fn the_printer_and_the_bell() {
    let s = || setup().a(-42).b(65).reg(C, MIN).col(5, 10);
    let bad_chr = |x: Num| {
        let code = fault(Fault::InvalidCharacterCode { code: x });
        (setup().reg(D, x), Insn::Wrchr(reg(D)), code)
    };
    check(keeping_flags(vec![
        (s(), Insn::Wrprn(reg(A)), ok(20).prints("-42")),
        (
            s(),
            Insn::Wrprn(reg(C)),
            ok(20).prints(&format!("-{}", "9".repeat(50))),
        ),
        (s(), Insn::Wrprn(imm(0)), ok(20).prints("0")),
        (
            s(),
            Insn::Wrprn(Src::Imm(MAX)),
            ok(20).prints(&"9".repeat(50)),
        ),
        (s(), Insn::Wrprn(at(5)), ok(20).prints("10")),
        (s().push(TWO63), Insn::Wrprn(at_sp(0)), ok(20).prints(TWO63)),
        (s(), Insn::Wrchr(reg(B)), ok(5).prints("A")),
        (s(), Insn::Wrchr(imm(10)), ok(5).prints("\n")),
        (s(), Insn::Wrchr(at(5)), ok(5).prints("\n")),
        (s(), Insn::Wrchr(imm(0)), ok(5).prints("\0")),
        (s(), Insn::Wrchr(imm(0xE9)), ok(5).prints("é")),
        (s(), Insn::Wrchr(imm(0xD7FF)), ok(5).prints("\u{D7FF}")),
        (s(), Insn::Wrchr(imm(0xE000)), ok(5).prints("\u{E000}")),
        (s(), Insn::Wrchr(imm(0x1F600)), ok(5).prints("😀")),
        (s(), Insn::Wrchr(imm(0x10FFFF)), ok(5).prints("\u{10FFFF}")),
        bad_chr(v(0x110000)),
        bad_chr(v(-1)),
        bad_chr(v(0xD800)),
        bad_chr(v(0xDFFF)),
        bad_chr(v(i64::from(u32::MAX) + 65)),
        bad_chr(MAX),
        bad_chr(MIN),
        (s(), Insn::Bell, ok(0).prints("\u{7}").bells(1)),
        (s(), Insn::Nop, ok(0)),
        // HALT stops with PC on the HALT card, which is where a debugger shows it.
        (s(), Insn::Halt, ok(0).pc(AT).halts()),
    ]));
}

// ---------------------------------------------------------------------------------------
// Store operands out of range, for every instruction that takes one.

#[test]
fn store_addresses_are_checked_when_executed() {
    let out = |address: Num, size: u32| {
        fault(Fault::StoreAddressOutOfRange {
            address: Some(address),
            size,
        })
    };
    let s = || setup().a(1).b(N - 3).reg(C, 0).reg(D, -5);
    let mut cases = vec![
        (s(), load(A, at_reg(B, 3)), out(v(N), N)),
        (s(), load(A, at_reg(B, 2)), ok(10).set(A, 0)),
        (s(), load(A, at_reg(C, -1)), out(v(-1), N)),
        (s(), load(A, at_reg(D, 0)), out(v(-5), N)),
        (s(), load(A, at_reg(D, 5)), ok(10).set(A, 0)),
        (s(), add(A, at_reg(B, 3)), out(v(N), N)),
        (s(), sub(A, at_reg(C, -1)), out(v(-1), N)),
        (s(), mult(A, at_reg(B, 100)), out(v(N + 97), N)),
        (s(), div(A, at_reg(C, -1)), out(v(-1), N)),
        (s(), rem(A, at_reg(C, -1)), out(v(-1), N)),
        (s(), cmp(A, at_reg(B, 3)), out(v(N), N)),
        (s(), stor(reg(A), col_reg(B, 3)), out(v(N), N)),
        (s(), stor(reg(A), col_reg(C, -1)), out(v(-1), N)),
        (s(), Insn::Push(at_reg(B, 3)), out(v(N), N)),
        (s(), Insn::Wrprn(at_reg(C, -1)), out(v(-1), N)),
        (s(), Insn::Wrchr(at_reg(C, -1)), out(v(-1), N)),
        // With an empty stack, `[SP]` is column n, one past the Store.
        (s(), load(A, at_sp(0)), out(v(N), N)),
        (s(), Insn::Push(at_sp(0)), out(v(N), N)),
        (s(), stor(reg(A), col_sp(0)), out(v(N), N)),
        (s().stack(&[4]), add(A, at_sp(1)), out(v(N), N)),
        (s(), load(A, at_sp(-(i64::from(N)) - 1)), out(v(-1), N)),
        (
            s().reg(B, MAX),
            load(A, at_reg(B, -1)),
            out(MAX.checked_sub(Num::ONE).unwrap(), N),
        ),
        (s().reg(B, MIN), cmp(A, at_reg(B, 0)), out(MIN, N)),
        (
            s().reg(B, 100).sizes(100, 20),
            load(A, at_reg(B, 0)),
            out(v(100), 100),
        ),
        (
            s().reg(B, 99).sizes(100, 20),
            load(A, at_reg(B, 0)),
            ok(10).set(A, 0),
        ),
    ];
    // A write whose address faults writes nothing, even with the value in hand.
    cases.push((s().col(0, 3), stor(imm(8), col_reg(C, -1)), out(v(-1), N)));
    check(cases);
}

#[test]
fn an_address_past_fifty_digits_is_not_reported_as_a_valid_column() {
    let program = Setup::program(
        &setup().b(5),
        load(
            A,
            Src::Mem(Mem::Ind {
                base: Base::Reg(B),
                offset: MAX,
            }),
        ),
    );
    let setup_steps = program.insns.len() as u64 - u64::from(program.entry);
    let mut m = Machine::new(Arc::new(program), Arc::from([])).expect("valid");
    m.run(setup_steps + 1, None);
    let Status::Faulted(fault) = m.status().clone() else {
        panic!("expected a fault, got {:?}", m.status());
    };
    let Fault::StoreAddressOutOfRange { address, size } = &fault else {
        panic!("expected an address fault, got {fault:?}");
    };
    assert_eq!(*address, None, "the message reads `{fault}`");
    assert!(fault.to_string().contains("more than 50 digits"), "{fault}");
    let _ = size;
}

// ---------------------------------------------------------------------------------------
// Fault names, steps, budgets and whole programs.

#[test]
fn fault_names_are_the_briefs() {
    let names: Vec<&str> = [
        Fault::Overflow,
        Fault::DivisionByZero,
        Fault::NegativeSquareRoot { value: v(-1) },
        Fault::StoreAddressOutOfRange {
            address: Some(v(-1)),
            size: N,
        },
        Fault::StackOverflow { size: 3 },
        Fault::StackUnderflow,
        Fault::CardReaderEmpty,
        Fault::InvalidJumpTarget { target: v(-1) },
        Fault::InvalidCharacterCode { code: v(-1) },
    ]
    .iter()
    .map(Fault::name)
    .collect();
    assert_eq!(
        names,
        [
            "overflow",
            "division by zero",
            "negative square root",
            "store address out of range",
            "stack overflow",
            "stack underflow",
            "card reader empty",
            "invalid jump target",
            "invalid character code",
        ]
    );
}

/// A machine for `insns` with the default sizes and these cards.
fn machine(insns: Vec<Insn>, cards: &[Num]) -> Machine {
    let program = Program {
        insns,
        ..Program::default()
    };
    Machine::new(Arc::new(program), Arc::from(cards)).expect("valid")
}

#[test]
fn running_past_the_last_card_halts_without_a_step() {
    let mut m = machine(vec![load(A, imm(1)), Insn::Nop], &[]);
    assert_eq!(m.run(2, None), Stop::Halted);
    assert_eq!((m.steps(), m.cpu().pc, m.status()), (2, 2, &Status::Halted));
    assert_eq!(m.run(10, None), Stop::Halted);
    assert_eq!(m.step(), &Status::Halted);
    assert_eq!(m.steps(), 2);

    let mut empty = machine(Vec::new(), &[]);
    assert_eq!(empty.run(10, None), Stop::Halted);
    assert_eq!((empty.steps(), empty.engine_time().hundredths()), (0, 0));

    let mut halt = machine(vec![Insn::Halt, Insn::Nop], &[]);
    assert_eq!(halt.run(10, None), Stop::Halted);
    assert_eq!(
        (halt.steps(), halt.cpu().pc),
        (1, 0),
        "HALT counts as a step"
    );
}

#[test]
fn a_fault_keeps_earlier_output_and_stops_for_good() {
    let mut m = machine(
        vec![
            Insn::Wrprn(imm(12)),
            Insn::Bell,
            Insn::Rdcrd(A),
            Insn::Rdcrd(A),
            Insn::Wrprn(reg(A)),
        ],
        &[v(3)],
    );
    assert_eq!(m.run(100, None), Stop::Faulted);
    assert_eq!(m.status(), &Status::Faulted(Fault::CardReaderEmpty));
    assert_eq!(
        (m.output(), m.bells(), m.steps(), m.cpu().pc),
        ("12\u{7}", 1, 4, 3)
    );
    // WRPRN, BELL (no time), RDCRD; the faulting RDCRD adds nothing.
    assert_eq!(m.engine_time().hundredths(), (20 + 5) * 10);
    assert_eq!(m.run(100, None), Stop::Faulted);
    assert_eq!(m.steps(), 4);
}

/// `LOAD A, 0; loop: ADD A, 1; PUSH A; POP B; MULT B, B; WRPRN B; WRCHR ' '; CMP A, 12;
/// JLT loop; HALT`: every kind of state changes on the way.
fn counting_loop() -> Vec<Insn> {
    vec![
        load(A, imm(0)),
        add(A, imm(1)),
        Insn::Push(reg(A)),
        Insn::Pop(B),
        mult(B, reg(B)),
        Insn::Wrprn(reg(B)),
        Insn::Wrchr(imm(' ' as i32)),
        cmp(A, imm(12)),
        jmp_if(Cond::Less, Target::Imm(1)),
        Insn::Halt,
    ]
}

/// Everything about a machine, for comparing two runs.
fn state(m: &Machine) -> (emu::Snapshot, Vec<Num>, String, Stop) {
    let stop = match m.status() {
        Status::Running => Stop::Budget,
        Status::Halted => Stop::Halted,
        Status::Faulted(_) => Stop::Faulted,
    };
    (
        m.snapshot(),
        m.store().columns().to_vec(),
        m.output().to_string(),
        stop,
    )
}

#[test]
fn a_counting_loop_runs_the_same_in_one_go_and_step_by_step() {
    let total = 1 + 12 * 8 + 1;
    let mut stepped = machine(counting_loop(), &[]);
    for k in 0..=total + 2 {
        let mut whole = machine(counting_loop(), &[]);
        let stop = whole.run(k, None);
        assert_eq!(state(&whole), state(&stepped), "after {k} steps");
        let expected_stop = if k < total {
            Stop::Budget
        } else {
            Stop::Halted
        };
        assert_eq!(stop, expected_stop, "run({k})");
        assert_eq!(
            whole.steps(),
            k.min(total),
            "run({k}) executes at most {k} steps"
        );
        stepped.step();
    }
    assert_eq!(
        stepped.output(),
        "1 4 9 16 25 36 49 64 81 100 121 144 ",
        "the loop's own output"
    );
    // Per iteration: ADD 10, PUSH 10, POP 10, MULT 110 or 120, WRPRN 20, WRCHR 5, CMP 10, JLT 5.
    let mults: u64 = (1..=12)
        .map(|i: u64| 100 + 10 * (i.to_string().len() as u64))
        .sum();
    let tenths = 10 + 12 * (10 + 10 + 10 + 20 + 5 + 10 + 5) + mults;
    assert_eq!(stepped.engine_time().hundredths(), tenths * 10);

    // Any split of the budget into runs gives the same machine.
    let mut chunked = machine(counting_loop(), &[]);
    let mut size = 0;
    while chunked.status() == &Status::Running {
        size += 1;
        chunked.run(size, None);
    }
    assert_eq!(state(&chunked), state(&stepped));
}

#[test]
fn the_budget_stops_a_run_that_has_not_halted() {
    let forever = vec![add(A, imm(1)), jmp_if(Cond::Always, Target::Imm(0))];
    let mut m = machine(forever, &[]);
    assert_eq!(m.run(0, None), Stop::Budget);
    assert_eq!(m.steps(), 0);
    assert_eq!(m.run(1001, None), Stop::Budget);
    assert_eq!((m.steps(), m.cpu().reg(A), m.cpu().pc), (1001, v(501), 1));
    assert_eq!(m.status(), &Status::Running);
    assert_eq!(m.run(1, None), Stop::Budget);
    assert_eq!((m.steps(), m.cpu().pc), (1002, 0));
}

#[test]
fn invalid_programs_are_rejected_not_run() {
    let ok_program = || Program {
        insns: vec![Insn::Nop, Insn::Halt],
        ..Program::default()
    };
    let with = |f: &dyn Fn(&mut Program)| {
        let mut p = ok_program();
        f(&mut p);
        p
    };
    let insn = |index, reason| ProgramError::Insn { index, reason };
    let cases: Vec<(Program, ProgramError)> = vec![
        (with(&|p| p.store_size = 99), ProgramError::StoreSize(99)),
        (
            with(&|p| p.store_size = 1_000_001),
            ProgramError::StoreSize(1_000_001),
        ),
        (with(&|p| p.stack_size = 0), ProgramError::StackSize(0)),
        (
            with(&|p| p.stack_size = N + 1),
            ProgramError::StackSize(N + 1),
        ),
        (
            with(&|p| p.data = vec![Num::ONE; 8001]),
            ProgramError::Overlap {
                data: 8001,
                stack: 2000,
            },
        ),
        (with(&|p| p.entry = 3), ProgramError::Entry(3)),
        (with(&|p| p.entry = u32::MAX), ProgramError::Entry(u32::MAX)),
        (
            with(&|p| p.insns[0] = jmp_if(Cond::Zero, Target::Imm(3))),
            insn(0, "jump target outside the program"),
        ),
        (
            with(&|p| p.insns[1] = Insn::Call(Target::Imm(u32::MAX))),
            insn(1, "jump target outside the program"),
        ),
        (
            with(&|p| p.insns[0] = shl(A, 51)),
            insn(0, "shift count above 50"),
        ),
        (
            with(&|p| p.insns[0] = shr(A, 255)),
            insn(0, "shift count above 50"),
        ),
        (
            with(&|p| p.insns[0] = stor(at(1), col(2))),
            insn(0, "STOR takes a register or an immediate"),
        ),
        (
            with(&|p| p.insns[1] = load(A, at(N))),
            insn(1, "Store address outside the Store"),
        ),
        (
            with(&|p| p.insns[1] = stor(reg(A), col(N))),
            insn(1, "Store address outside the Store"),
        ),
        (
            with(&|p| p.insns[1] = Insn::Wrchr(at(u32::MAX))),
            insn(1, "Store address outside the Store"),
        ),
    ];
    for (program, error) in cases {
        let result = Machine::new(Arc::new(program.clone()), Arc::from([]));
        assert_eq!(result.err(), Some(error), "{program:?}");
    }
    // The edges of what is allowed load fine.
    for program in [
        with(&|p| p.entry = 2),
        with(&|p| p.insns[0] = jmp_if(Cond::Zero, Target::Imm(2))),
        with(&|p| p.data = vec![Num::ONE; 8000]),
        with(&|p| (p.store_size, p.stack_size) = (100, 100)),
        with(&|p| (p.store_size, p.stack_size) = (1_000_000, 1)),
        with(&|p| p.insns[0] = shl(A, 50)),
    ] {
        assert!(
            Machine::new(Arc::new(program.clone()), Arc::from([])).is_ok(),
            "{program:?}"
        );
    }
}
