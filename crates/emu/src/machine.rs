//! The register machine's state and its execution of one instruction.

use std::sync::Arc;

use isa::{
    ArithOp, Base, EngineTime, Insn, Mem, Num, Program, ProgramError, Reg, ShiftOp, Src, Store,
    Target, UnaryOp,
};
use serde::{Deserialize, Serialize};

use crate::Fault;
use crate::decode::{Op, decode};

/// The Mill's registers, the stack pointer, the program counter and the flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cpu {
    /// `A`, `B`, `C`, `D`.
    pub regs: [Num; 4],
    /// The stack pointer: the Store column of the top of the stack (`n` when empty).
    pub sp: u32,
    /// The index of the next operation card.
    pub pc: u32,
    /// The zero / equal flag.
    pub z: bool,
    /// The negative / less flag.
    pub n: bool,
}

impl Cpu {
    /// A register's value.
    #[inline]
    pub fn reg(&self, r: Reg) -> Num {
        self.regs[slot(r)]
    }

    #[inline]
    fn set_flags(&mut self, v: Num) {
        self.z = v.is_zero();
        self.n = v.is_negative();
    }

    #[inline]
    fn set_reg(&mut self, r: Reg, v: Num) {
        self.regs[slot(r)] = v;
        self.set_flags(v);
    }

    /// Sets a register from a value computed in machine words (always in range).
    #[inline]
    fn set_small(&mut self, r: Reg, v: i128) {
        self.regs[slot(r)] = Num::from(v);
        self.z = v == 0;
        self.n = v < 0;
    }
}

/// Whether the machine can go on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// It has not stopped.
    Running,
    /// It stopped normally (`HALT`, or it ran past the last card).
    Halted,
    /// It jammed; `PC` still indexes the faulting instruction.
    Faulted(Fault),
}

/// Why [`Machine::run`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// It executed as many steps as it was allowed.
    Budget,
    /// The machine halted normally.
    Halted,
    /// The machine faulted (see [`Machine::status`]).
    Faulted,
    /// `PC` reached an instruction marked as a breakpoint.
    Breakpoint,
    /// A watched Store column was written.
    Watch(u32),
}

/// What one instruction did to the flow of control.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flow {
    Next,
    Halt,
    Fault,
}

/// Everything about a machine except its Store and its printer's text: small, so that a
/// debugger can keep many of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// Registers, SP, PC and flags.
    pub cpu: Cpu,
    /// Steps executed so far.
    pub steps: u64,
    /// Engine time so far, in tenths of a second.
    pub tenths: u64,
    /// Bell rings so far.
    pub bells: u64,
    /// Number cards read so far.
    pub cards_read: usize,
    /// Bytes printed so far.
    pub printed: usize,
    /// Whether the machine had stopped.
    pub status: Status,
}

/// The register machine of `ISA.md`: deterministic, and it never panics, whatever the program.
#[derive(Clone, Debug)]
pub struct Machine {
    program: Arc<Program>,
    ops: Arc<[Op]>,
    cpu: Cpu,
    store: Store,
    cards: Arc<[Num]>,
    cards_read: usize,
    printer: String,
    bells: u64,
    tenths: u64,
    steps: u64,
    status: Status,
}

impl Machine {
    /// A machine at the start of a run of `program` with these number cards in the reader.
    pub fn new(program: Arc<Program>, cards: Arc<[Num]>) -> Result<Machine, ProgramError> {
        program.validate()?;
        let mut store = Store::new(program.store_size);
        for (addr, value) in program.data.iter().enumerate() {
            store.set(addr as u32, *value);
        }
        store.take_last_write();
        let cpu = Cpu {
            sp: program.store_size,
            pc: program.entry,
            ..Cpu::default()
        };
        let ops = decode(&program.insns).into();
        Ok(Machine {
            program,
            ops,
            cpu,
            store,
            cards,
            cards_read: 0,
            printer: String::new(),
            bells: 0,
            tenths: 0,
            steps: 0,
            status: Status::Running,
        })
    }

    /// The program being run.
    pub fn program(&self) -> &Arc<Program> {
        &self.program
    }

    /// Registers, SP, PC and flags.
    pub fn cpu(&self) -> &Cpu {
        &self.cpu
    }

    /// The Store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The Store, for a debugger's journaling, watching and restoring.
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Everything printed so far (or since the last [`Machine::take_output`]).
    pub fn output(&self) -> &str {
        &self.printer
    }

    /// Removes and returns what was printed so far, for a caller that streams it.
    pub fn take_output(&mut self) -> String {
        std::mem::take(&mut self.printer)
    }

    /// The number cards given to the run.
    pub fn cards(&self) -> &[Num] {
        &self.cards
    }

    /// How many number cards have been read.
    pub fn cards_read(&self) -> usize {
        self.cards_read
    }

    /// How many times the bell rang.
    pub fn bells(&self) -> u64 {
        self.bells
    }

    /// Steps executed, the faulting one included.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// The mechanical time of the run so far.
    pub fn engine_time(&self) -> EngineTime {
        EngineTime::from_tenths(self.tenths)
    }

    /// Whether the machine has stopped, and how.
    pub fn status(&self) -> &Status {
        &self.status
    }

    /// The instruction at `PC`, if `PC` indexes one.
    pub fn next_insn(&self) -> Option<&Insn> {
        self.program.insns.get(self.cpu.pc as usize)
    }

    /// How many columns the stack holds now.
    pub fn stack_depth(&self) -> u32 {
        self.program.store_size - self.cpu.sp
    }

    /// The small part of the state, for a debugger's checkpoints.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            cpu: self.cpu,
            steps: self.steps,
            tenths: self.tenths,
            bells: self.bells,
            cards_read: self.cards_read,
            printed: self.printer.len(),
            status: self.status.clone(),
        }
    }

    /// Puts the small part of the state back. The Store is the caller's to restore; the
    /// printer becomes the first `snapshot.printed` bytes of `printed`, which must be the
    /// printer's text at or after the snapshot (output only ever grows).
    pub fn restore(&mut self, snapshot: &Snapshot, printed: &str) {
        self.cpu = snapshot.cpu;
        self.steps = snapshot.steps;
        self.tenths = snapshot.tenths;
        self.bells = snapshot.bells;
        self.cards_read = snapshot.cards_read.min(self.cards.len());
        self.status = snapshot.status.clone();
        let len = snapshot.printed.min(printed.len());
        if len <= self.printer.len() && printed.is_char_boundary(len) {
            self.printer.truncate(len);
        } else if printed.is_char_boundary(len) {
            self.printer.clear();
            self.printer.push_str(&printed[..len]);
        }
    }

    /// Executes one instruction (or notices that `PC` ran past the last card).
    pub fn step(&mut self) -> &Status {
        self.run(1, None);
        &self.status
    }

    /// Runs until `max_steps` more instructions have executed, the machine stops, or (after
    /// at least one step) `PC` reaches an instruction whose bit is set in `breakpoints` or a
    /// watched column is written.
    pub fn run(&mut self, max_steps: u64, breakpoints: Option<&[u64]>) -> Stop {
        if let Some(stop) = self.stopped() {
            return stop;
        }
        let budget = self.steps.saturating_add(max_steps) - self.steps;
        // Without breakpoints, and with no watch hit pending, only the instructions that
        // write the Store need to look for a watch hit: a loop of its own.
        match breakpoints {
            None if !self.store.has_watch_hit() => self.run_loop::<false>(budget, &[]),
            _ => self.run_loop::<true>(budget, breakpoints.unwrap_or(&[])),
        }
    }

    /// The interpreter's loop. With `CHECKED`, every step looks for a watch hit and a
    /// breakpoint; without, only Store writes look for a watch hit, and a `CMP` runs with the
    /// jump after it as one step pair.
    ///
    /// The specialised arms handle values that fit in 64 bits and addresses inside the Store,
    /// and change nothing before they know they can finish; anything else they leave to the
    /// general path, which handles every case.
    #[inline(always)]
    fn run_loop<const CHECKED: bool>(&mut self, budget: u64, breakpoints: &[u64]) -> Stop {
        let program = Arc::clone(&self.program);
        let ops = Arc::clone(&self.ops);
        let ops = &ops[..];
        let insns = &program.insns[..];
        let len = insns.len() as u32;
        let floor = program.stack_floor();
        let size = program.store_size;
        let mut pc = self.cpu.pc;
        let mut left = budget;
        // Engine time of the specialised arms, added to the machine's once at the end (the
        // sum saturates the same either way).
        let mut tenths: u64 = 0;

        /// `r ← r ∘ b` or `CMP r, b` in 64-bit arithmetic, given `b` if it fits.
        macro_rules! binary {
            ($r:expr, $b:expr, $f:ident) => {
                match (self.small($r), $b) {
                    (Some(a), Some(b)) => {
                        self.$f($r, a, b);
                        pc += 1;
                        tenths += 10;
                        true
                    }
                    _ => false,
                }
            };
        }
        /// `r ← b`, given the column `b` if it lies in the Store.
        macro_rules! load {
            ($r:expr, $b:expr) => {
                match $b {
                    Some(v) => {
                        self.cpu.set_reg($r, v);
                        pc += 1;
                        tenths += 10;
                        true
                    }
                    None => false,
                }
            };
        }
        /// Writes `v` to the column `a` if it lies in the Store.
        macro_rules! store {
            ($a:expr, $v:expr) => {
                match $a {
                    Some(a) if a < size => {
                        self.store.set(a, $v);
                        pc += 1;
                        tenths += 10;
                        if !CHECKED && let Some(column) = self.store.take_watch_hit() {
                            break Stop::Watch(column);
                        }
                        true
                    }
                    _ => false,
                }
            };
        }
        /// Pushes `v` if the stack has room.
        macro_rules! push {
            ($v:expr, $next:expr, $tenths:expr) => {
                if self.cpu.sp > floor {
                    let v = $v;
                    self.cpu.sp -= 1;
                    self.store.set(self.cpu.sp, v);
                    pc = $next;
                    tenths += $tenths;
                    if !CHECKED && let Some(column) = self.store.take_watch_hit() {
                        break Stop::Watch(column);
                    }
                    true
                } else {
                    false
                }
            };
        }
        /// Marks the taken side of a jump, so that it stays a branch: a conditional move
        /// would make the next instruction's fetch wait for the comparison, where a
        /// predicted branch does not.
        macro_rules! taken {
            () => {
                std::sync::atomic::compiler_fence(std::sync::atomic::Ordering::SeqCst)
            };
        }
        /// A jump to a fixed target (checked by `Program::validate`).
        macro_rules! jump {
            ($taken:expr, $t:expr) => {{
                if $taken {
                    taken!();
                    pc = $t;
                } else {
                    pc += 1;
                }
                tenths += 5;
                true
            }};
        }
        /// A `CMP` and the jump after it: both when the budget allows and nothing needs to
        /// stop between them, the `CMP` alone otherwise.
        macro_rules! compare_and_jump {
            ($r:expr, $b:expr, $taken:expr, $t:expr) => {
                match (self.small($r), $b) {
                    (Some(a), Some(b)) => {
                        self.cmp(a, b);
                        tenths += 10;
                        if !CHECKED && left > 0 {
                            left -= 1;
                            tenths += 5;
                            let outcome = u8::from(a >= b) + u8::from(a > b);
                            if $taken >> outcome & 1 != 0 {
                                taken!();
                                pc = $t;
                            } else {
                                pc += 2;
                            }
                        } else {
                            pc += 1;
                        }
                        true
                    }
                    _ => false,
                }
            };
        }

        let stop = loop {
            if left == 0 {
                // Running past the last card halts without executing anything.
                if pc >= len {
                    self.status = Status::Halted;
                    break Stop::Halted;
                }
                break Stop::Budget;
            }
            let Some(&op) = ops.get(pc as usize) else {
                self.status = Status::Halted;
                break Stop::Halted;
            };
            left -= 1;
            let done = match op {
                Op::LoadImm(r, v) => {
                    self.set_i64(r, v);
                    pc += 1;
                    tenths += 10;
                    true
                }
                Op::AddImm(r, v) => binary!(r, Some(v), add),
                Op::SubImm(r, v) => binary!(r, Some(v), sub),
                Op::CmpImm(r, v) => binary!(r, Some(v), cmp_into),
                Op::LoadReg(r, s) => load!(r, Some(self.cpu.reg(s))),
                Op::AddReg(r, s) => binary!(r, self.small(s), add),
                Op::SubReg(r, s) => binary!(r, self.small(s), sub),
                Op::CmpReg(r, s) => binary!(r, self.small(s), cmp_into),
                Op::LoadAbs(r, a) => load!(r, self.store.get(a)),
                Op::AddAbs(r, a) => binary!(r, self.small_at(Some(a)), add),
                Op::SubAbs(r, a) => binary!(r, self.small_at(Some(a)), sub),
                Op::CmpAbs(r, a) => binary!(r, self.small_at(Some(a)), cmp_into),
                Op::LoadSp(r, k) => load!(r, self.sp_column(k).and_then(|a| self.store.get(a))),
                Op::AddSp(r, k) => binary!(r, self.small_at(self.sp_column(k)), add),
                Op::SubSp(r, k) => binary!(r, self.small_at(self.sp_column(k)), sub),
                Op::CmpSp(r, k) => binary!(r, self.small_at(self.sp_column(k)), cmp_into),
                Op::LoadInd(r, b, k) => {
                    load!(r, self.ind_column(b, k).and_then(|a| self.store.get(a)))
                }
                Op::AddInd(r, b, k) => binary!(r, self.small_at(self.ind_column(b, k)), add),
                Op::SubInd(r, b, k) => binary!(r, self.small_at(self.ind_column(b, k)), sub),
                Op::CmpInd(r, b, k) => {
                    binary!(r, self.small_at(self.ind_column(b, k)), cmp_into)
                }
                Op::MultImm(r, v) => self.mult(r, Some(v), &mut pc, &mut tenths),
                Op::MultReg(r, s) => self.mult(r, self.small(s), &mut pc, &mut tenths),
                Op::DivImm(r, v) => self.div::<false>(r, Some(v), &mut pc, &mut tenths),
                Op::DivReg(r, s) => self.div::<false>(r, self.small(s), &mut pc, &mut tenths),
                Op::RemImm(r, v) => self.div::<true>(r, Some(v), &mut pc, &mut tenths),
                Op::RemReg(r, s) => self.div::<true>(r, self.small(s), &mut pc, &mut tenths),
                Op::StorRegAbs(s, a) => store!(Some(a), self.cpu.reg(s)),
                Op::StorRegSp(s, k) => store!(self.sp_column(k), self.cpu.reg(s)),
                Op::StorRegInd(s, b, k) => store!(self.ind_column(b, k), self.cpu.reg(s)),
                Op::StorImmAbs(v, a) => store!(Some(a), Num::from(v)),
                Op::StorImmSp(v, k) => store!(self.sp_column(k), Num::from(v)),
                Op::StorImmInd(v, b, k) => store!(self.ind_column(b, k), Num::from(v)),
                Op::PushReg(r) => push!(self.cpu.reg(r), pc + 1, 10),
                Op::PushImm(v) => push!(Num::from(v), pc + 1, 10),
                Op::Pop(r) => match self.top() {
                    Ok(v) => {
                        self.cpu.sp += 1;
                        self.cpu.set_reg(r, v);
                        pc += 1;
                        tenths += 10;
                        true
                    }
                    Err(_) => false,
                },
                Op::Call(t) => push!(Num::from(pc + 1), t, 5),
                Op::Ret => match self.top().ok().and_then(|v| v.to_index(len + 1)) {
                    Some(t) => {
                        self.cpu.sp += 1;
                        pc = t;
                        tenths += 5;
                        true
                    }
                    None => false,
                },
                Op::Jmp(t) => jump!(true, t),
                Op::Jz(t) => jump!(self.cpu.z, t),
                Op::Jnz(t) => jump!(!self.cpu.z, t),
                Op::Jlt(t) => jump!(self.cpu.n, t),
                Op::Jge(t) => jump!(!self.cpu.n, t),
                Op::Jgt(t) => jump!(!self.cpu.n && !self.cpu.z, t),
                Op::Jle(t) => jump!(self.cpu.n || self.cpu.z, t),
                Op::CmpImmJump {
                    r,
                    taken,
                    target,
                    imm,
                } => compare_and_jump!(r, Some(imm), taken, target),
                Op::CmpRegJump {
                    r,
                    s,
                    taken,
                    target,
                } => compare_and_jump!(r, self.small(s), taken, target),
                Op::General => false,
            };
            if !done {
                self.cpu.pc = pc;
                match self.exec(&insns[pc as usize], len) {
                    Flow::Next => {}
                    Flow::Halt => {
                        self.status = Status::Halted;
                        break Stop::Halted;
                    }
                    Flow::Fault => break Stop::Faulted,
                }
                pc = self.cpu.pc;
                if !CHECKED && let Some(column) = self.store.take_watch_hit() {
                    break Stop::Watch(column);
                }
            }
            if CHECKED {
                if self.store.has_watch_hit()
                    && let Some(column) = self.store.take_watch_hit()
                {
                    break Stop::Watch(column);
                }
                let at = pc as usize;
                if breakpoints
                    .get(at / 64)
                    .is_some_and(|w| w & (1 << (at % 64)) != 0)
                {
                    break Stop::Breakpoint;
                }
            }
        };
        self.cpu.pc = pc;
        self.steps += budget - left;
        self.tenths = self.tenths.saturating_add(tenths);
        stop
    }

    /// A register's value, if it fits in 64 bits.
    #[inline(always)]
    fn small(&self, r: Reg) -> Option<i64> {
        self.cpu.reg(r).to_i64()
    }

    /// A Store column's value, if the column lies in the Store and its value fits in 64 bits.
    #[inline(always)]
    fn small_at(&self, column: Option<u32>) -> Option<i64> {
        self.store.get(column?)?.to_i64()
    }

    /// The column `[SP+k]`, if it is a column index at all (the Store checks its size).
    #[inline(always)]
    fn sp_column(&self, k: i32) -> Option<u32> {
        u32::try_from(i64::from(self.cpu.sp) + i64::from(k)).ok()
    }

    /// The column `[R+k]`, if the register fits in 64 bits and the sum is a column index.
    #[inline(always)]
    fn ind_column(&self, r: Reg, k: i32) -> Option<u32> {
        u32::try_from(self.small(r)?.checked_add(i64::from(k))?).ok()
    }

    #[inline(always)]
    fn set_i64(&mut self, r: Reg, v: i64) {
        self.cpu.regs[slot(r)] = Num::from(v);
        self.cpu.z = v == 0;
        self.cpu.n = v < 0;
    }

    /// `r ← a + b`: in 64 bits, or when that overflows in 128 (always within 50 digits).
    #[inline(always)]
    fn add(&mut self, r: Reg, a: i64, b: i64) {
        match a.checked_add(b) {
            Some(v) => self.set_i64(r, v),
            None => self.cpu.set_small(r, i128::from(a) + i128::from(b)),
        }
    }

    /// `r ← a − b`, as [`Machine::add`].
    #[inline(always)]
    fn sub(&mut self, r: Reg, a: i64, b: i64) {
        match a.checked_sub(b) {
            Some(v) => self.set_i64(r, v),
            None => self.cpu.set_small(r, i128::from(a) - i128::from(b)),
        }
    }

    /// The flags of `CMP a, b`.
    #[inline(always)]
    fn cmp(&mut self, a: i64, b: i64) {
        self.cpu.z = a == b;
        self.cpu.n = a < b;
    }

    /// `CMP r, b`, in the shape of [`Machine::add`].
    #[inline(always)]
    fn cmp_into(&mut self, _r: Reg, a: i64, b: i64) {
        self.cmp(a, b);
    }

    /// `MULT r, b` in machine words, given `b` if it fits in 64 bits.
    #[inline(always)]
    fn mult(&mut self, r: Reg, b: Option<i64>, pc: &mut u32, tenths: &mut u64) -> bool {
        let (Some(a), Some(b)) = (self.small(r), b) else {
            return false;
        };
        match a.checked_mul(b) {
            Some(v) => self.set_i64(r, v),
            // |a × b| < 2^126 < 10^50.
            None => self.cpu.set_small(r, i128::from(a) * i128::from(b)),
        }
        *tenths += 100 + 10 * u64::from(digits(a).min(digits(b)));
        *pc += 1;
        true
    }

    /// `DIV r, b` or (with `REM`) `REM r, b` in machine words, given `b` if it fits in 64
    /// bits; a zero divisor (and `i64::MIN ÷ −1`) is left to the general path.
    #[inline(always)]
    fn div<const REM: bool>(
        &mut self,
        r: Reg,
        b: Option<i64>,
        pc: &mut u32,
        tenths: &mut u64,
    ) -> bool {
        let (Some(a), Some(b)) = (self.small(r), b) else {
            return false;
        };
        let Some(q) = a.checked_div(b) else {
            return false;
        };
        // `a % b` cannot overflow once `a ÷ b` did not.
        self.set_i64(r, if REM { a % b } else { q });
        *tenths += 100 + 10 * u64::from(digits(q));
        *pc += 1;
        true
    }

    /// Makes every instruction take the general path, for tests that hold the specialised
    /// arms to the general path's answers.
    #[doc(hidden)]
    pub fn use_general_path_only(&mut self) {
        self.ops = self.ops.iter().map(|_| Op::General).collect();
    }

    fn stopped(&self) -> Option<Stop> {
        match self.status {
            Status::Running => None,
            Status::Halted => Some(Stop::Halted),
            Status::Faulted(_) => Some(Stop::Faulted),
        }
    }

    /// The column a Store operand names.
    #[inline]
    fn address(&self, mem: &Mem) -> Result<u32, Fault> {
        let n = self.program.store_size;
        let address = match *mem {
            Mem::Abs(a) if a < n => return Ok(a),
            Mem::Abs(a) => Some(Num::from(a)),
            Mem::Ind { base, offset } => {
                let base = match base {
                    Base::Reg(r) => self.cpu.reg(r),
                    Base::Sp => Num::from(self.cpu.sp),
                };
                // A sum past 50 digits is far outside any Store.
                let sum = base.checked_add(offset);
                if let Some(a) = sum.and_then(|a| a.to_index(n)) {
                    return Ok(a);
                }
                sum
            }
        };
        Err(Fault::StoreAddressOutOfRange { address, size: n })
    }

    #[inline]
    fn read(&self, src: &Src) -> Result<Num, Fault> {
        match src {
            Src::Reg(r) => Ok(self.cpu.reg(*r)),
            Src::Imm(v) => Ok(*v),
            Src::Mem(mem) => {
                let a = self.address(mem)?;
                Ok(self.store.get(a).unwrap_or(Num::ZERO))
            }
        }
    }

    /// An instruction index to continue at: `0 … len`, `len` meaning the end of the program.
    #[inline]
    fn target(&self, target: &Target, len: u32) -> Result<u32, Fault> {
        let value = match *target {
            Target::Imm(t) if t <= len => return Ok(t),
            Target::Imm(t) => Num::from(t),
            Target::Reg(r) => self.cpu.reg(r),
        };
        value
            .to_index(len + 1)
            .ok_or(Fault::InvalidJumpTarget { target: value })
    }

    #[inline]
    fn push(&mut self, value: Num) -> Result<(), Fault> {
        if self.cpu.sp <= self.program.stack_floor() {
            return Err(Fault::StackOverflow {
                size: self.program.stack_size,
            });
        }
        self.cpu.sp -= 1;
        self.store.set(self.cpu.sp, value);
        Ok(())
    }

    #[inline]
    fn top(&self) -> Result<Num, Fault> {
        if self.cpu.sp >= self.program.store_size {
            return Err(Fault::StackUnderflow);
        }
        Ok(self.store.get(self.cpu.sp).unwrap_or(Num::ZERO))
    }

    /// Executes one instruction: the general path. A fault changes nothing but the status
    /// (the caller counts the step); every operand is read before anything is written.
    #[inline(never)]
    fn exec(&mut self, insn: &Insn, len: u32) -> Flow {
        match self.exec_inner(insn, len) {
            Ok(true) => Flow::Next,
            Ok(false) => Flow::Halt,
            Err(fault) => self.fault(fault),
        }
    }

    #[cold]
    #[inline(never)]
    fn fault(&mut self, fault: Fault) -> Flow {
        self.status = Status::Faulted(fault);
        Flow::Fault
    }

    #[inline(always)]
    fn exec_inner(&mut self, insn: &Insn, len: u32) -> Result<bool, Fault> {
        let mut next = self.cpu.pc + 1;
        let tenths: u64 = match insn {
            Insn::Nop => 0,
            Insn::Halt => return Ok(false),
            Insn::Load(r, src) => {
                let v = self.read(src)?;
                self.cpu.set_reg(*r, v);
                10
            }
            Insn::Stor(src, mem) => {
                let v = self.read(src)?;
                let a = self.address(mem)?;
                self.store.set(a, v);
                10
            }
            Insn::Arith(op, r, src) => {
                let a = self.cpu.reg(*r);
                let b = self.read(src)?;
                let (v, t) = match op {
                    ArithOp::Add => (a.checked_add(b).ok_or(Fault::Overflow)?, 10),
                    ArithOp::Sub => (a.checked_sub(b).ok_or(Fault::Overflow)?, 10),
                    ArithOp::Mult => (
                        a.checked_mul(b).ok_or(Fault::Overflow)?,
                        isa::mult_tenths(a, b),
                    ),
                    ArithOp::Div => {
                        let q = a.checked_div(b).ok_or(Fault::DivisionByZero)?;
                        (q, isa::div_tenths(q))
                    }
                    ArithOp::Rem => {
                        let q = a.checked_div(b).ok_or(Fault::DivisionByZero)?;
                        (
                            a.checked_rem(b).ok_or(Fault::DivisionByZero)?,
                            isa::div_tenths(q),
                        )
                    }
                };
                self.cpu.set_reg(*r, v);
                t
            }
            Insn::Unary(op, r) => {
                let a = self.cpu.reg(*r);
                let (v, t) = match op {
                    UnaryOp::Neg => (-a, 10),
                    UnaryOp::Abs => (a.abs(), 10),
                    UnaryOp::Sqrt => {
                        let root = a.isqrt().ok_or(Fault::NegativeSquareRoot { value: a })?;
                        (root, isa::sqrt_tenths(root))
                    }
                };
                self.cpu.set_reg(*r, v);
                t
            }
            Insn::Shift(op, r, k) => {
                let a = self.cpu.reg(*r);
                let v = match op {
                    ShiftOp::Shl => a.shift_left(u32::from(*k)),
                    ShiftOp::Shr => a.shift_right(u32::from(*k)),
                };
                self.cpu.set_reg(*r, v.ok_or(Fault::Overflow)?);
                u64::from(*k)
            }
            Insn::Cmp(r, src) => {
                let a = self.cpu.reg(*r);
                let b = self.read(src)?;
                let (z, n) = match (a.to_i64(), b.to_i64()) {
                    (Some(a), Some(b)) => (a == b, a < b),
                    _ => (a == b, a < b),
                };
                self.cpu.z = z;
                self.cpu.n = n;
                10
            }
            Insn::Jump(cond, target) => {
                if cond.holds(self.cpu.z, self.cpu.n) {
                    next = self.target(target, len)?;
                }
                5
            }
            Insn::Call(target) => {
                let t = self.target(target, len)?;
                self.push(Num::from(next))?;
                next = t;
                5
            }
            Insn::Ret => {
                let value = self.top()?;
                let t = value
                    .to_index(len + 1)
                    .ok_or(Fault::InvalidJumpTarget { target: value })?;
                self.cpu.sp += 1;
                next = t;
                5
            }
            Insn::Push(src) => {
                let v = self.read(src)?;
                self.push(v)?;
                10
            }
            Insn::Pop(r) => {
                let v = self.top()?;
                self.cpu.sp += 1;
                self.cpu.set_reg(*r, v);
                10
            }
            Insn::Rdcrd(r) => {
                let v = *self
                    .cards
                    .get(self.cards_read)
                    .ok_or(Fault::CardReaderEmpty)?;
                self.cards_read += 1;
                self.cpu.set_reg(*r, v);
                5
            }
            Insn::Wrprn(src) => {
                let v = self.read(src)?;
                use std::fmt::Write;
                let _ = write!(self.printer, "{v}");
                20
            }
            Insn::Wrchr(src) => {
                let v = self.read(src)?;
                let c = v.to_char().ok_or(Fault::InvalidCharacterCode { code: v })?;
                self.printer.push(c);
                5
            }
            Insn::Bell => {
                self.printer.push('\u{7}');
                self.bells += 1;
                0
            }
        };
        self.cpu.pc = next;
        self.tenths = self.tenths.saturating_add(tenths);
        Ok(true)
    }
}

/// A register's index in `Cpu::regs`, in a form the compiler knows to be in bounds.
#[inline(always)]
fn slot(r: Reg) -> usize {
    r.index() & 3
}

/// The number of decimal digits of a value's magnitude (0 has one), as `Num::digits`.
#[inline(always)]
fn digits(v: i64) -> u32 {
    v.unsigned_abs().checked_ilog10().unwrap_or(0) + 1
}
