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
        self.regs[r.index()]
    }

    #[inline]
    fn set_flags(&mut self, v: Num) {
        self.z = v.is_zero();
        self.n = v.is_negative();
    }

    #[inline]
    fn set_reg(&mut self, r: Reg, v: Num) {
        self.regs[r.index()] = v;
        self.set_flags(v);
    }

    /// Sets a register from a value computed in machine words (always in range).
    #[inline]
    fn set_small(&mut self, r: Reg, v: i128) {
        self.regs[r.index()] = Num::from(v);
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
        let ops = program.insns.iter().map(decode).collect();
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
        let program = Arc::clone(&self.program);
        let ops = Arc::clone(&self.ops);
        let insns = &program.insns[..];
        let len = insns.len() as u32;
        let limit = self.steps.saturating_add(max_steps);
        while self.steps < limit {
            let pc = self.cpu.pc as usize;
            let Some(op) = ops.get(pc) else {
                self.status = Status::Halted;
                return Stop::Halted;
            };
            self.steps += 1;
            // The specialised arms handle values that fit in 64 bits and defer anything
            // else to the general path, which handles every case.
            let flow = match *op {
                Op::AddSmall(r, v) => match self.cpu.reg(r).to_i64() {
                    Some(a) => self.fast(r, a.checked_add(v), i128::from(a) + i128::from(v)),
                    None => self.exec(&insns[pc], len),
                },
                Op::SubSmall(r, v) => match self.cpu.reg(r).to_i64() {
                    Some(a) => self.fast(r, a.checked_sub(v), i128::from(a) - i128::from(v)),
                    None => self.exec(&insns[pc], len),
                },
                Op::AddReg(r, s) => match (self.cpu.reg(r).to_i64(), self.cpu.reg(s).to_i64()) {
                    (Some(a), Some(b)) => {
                        self.fast(r, a.checked_add(b), i128::from(a) + i128::from(b))
                    }
                    _ => self.exec(&insns[pc], len),
                },
                Op::SubReg(r, s) => match (self.cpu.reg(r).to_i64(), self.cpu.reg(s).to_i64()) {
                    (Some(a), Some(b)) => {
                        self.fast(r, a.checked_sub(b), i128::from(a) - i128::from(b))
                    }
                    _ => self.exec(&insns[pc], len),
                },
                Op::LoadSmall(r, v) => self.fast(r, Some(v), 0),
                Op::LoadReg(r, s) => {
                    let v = self.cpu.reg(s);
                    self.cpu.set_reg(r, v);
                    self.cpu.pc += 1;
                    self.tenths += 10;
                    Flow::Next
                }
                Op::CmpSmall(r, v) => match self.cpu.reg(r).to_i64() {
                    Some(a) => self.fast_cmp(a, v),
                    None => self.exec(&insns[pc], len),
                },
                Op::CmpReg(r, s) => match (self.cpu.reg(r).to_i64(), self.cpu.reg(s).to_i64()) {
                    (Some(a), Some(b)) => self.fast_cmp(a, b),
                    _ => self.exec(&insns[pc], len),
                },
                Op::Jump(cond, target) => {
                    // Fixed targets were checked against the program by `Program::validate`.
                    self.cpu.pc = if cond.holds(self.cpu.z, self.cpu.n) {
                        target
                    } else {
                        self.cpu.pc + 1
                    };
                    self.tenths += 5;
                    Flow::Next
                }
                Op::General(ref insn) => self.exec(insn, len),
            };
            match flow {
                Flow::Next => {}
                Flow::Halt => {
                    self.status = Status::Halted;
                    return Stop::Halted;
                }
                Flow::Fault => return Stop::Faulted,
            }
            if self.store.has_watch_hit()
                && let Some(column) = self.store.take_watch_hit()
            {
                return Stop::Watch(column);
            }
            if let Some(bits) = breakpoints {
                let pc = self.cpu.pc as usize;
                if bits.get(pc / 64).is_some_and(|w| w & (1 << (pc % 64)) != 0) {
                    return Stop::Breakpoint;
                }
            }
        }
        // Running past the last card halts without executing anything.
        if self.cpu.pc as usize >= insns.len() {
            self.status = Status::Halted;
            return Stop::Halted;
        }
        Stop::Budget
    }

    /// Finishes a `LOAD`, `ADD` or `SUB` computed in machine words: the 64-bit result, or
    /// when that overflowed, the same computed in 128 bits (always within 50 digits).
    #[inline(always)]
    fn fast(&mut self, r: Reg, small: Option<i64>, wide: i128) -> Flow {
        match small {
            Some(v) => {
                self.cpu.regs[r.index()] = Num::from(v);
                self.cpu.z = v == 0;
                self.cpu.n = v < 0;
            }
            None => self.cpu.set_small(r, wide),
        }
        self.cpu.pc += 1;
        self.tenths += 10;
        Flow::Next
    }

    /// Finishes a `CMP` computed in machine words.
    #[inline(always)]
    fn fast_cmp(&mut self, a: i64, b: i64) -> Flow {
        self.cpu.z = a == b;
        self.cpu.n = a < b;
        self.cpu.pc += 1;
        self.tenths += 10;
        Flow::Next
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

    /// Executes one instruction. A fault changes nothing but the status (the caller counts
    /// the step); every operand is read before anything is written.
    #[inline(always)]
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
