//! Instruction selection: the machine instructions for each IR instruction and terminator
//! of one function, reading and writing variables where the allocator put them.
//!
//! Every sequence reads all its operands before it writes its result, so a result may
//! share a home with an operand that dies there; `A` is free at the start of each
//! sequence and may be used for anything within it.

use ir::layout::HEAP_END;
use ir::{
    Address, BinOp, BlockId, FaultKind, Inst, InstKind, Operand, Term, TermKind, UnOp, Var, VarSet,
};
use isa::{ArithOp, Base, Cond, Insn, Mem, Num, Reg, Src, Target, UnaryOp};

use crate::Origin;
use crate::emit::{Emitter, Label, negate};
use crate::facts::{Facts, Region};
use crate::frame::{Frame, num};
use crate::regalloc::{Allocation, HOMES, Loc};
use crate::runtime::Runtime;

/// A jump to a trap or guard placed after the function's body.
pub(crate) struct Deferred {
    pub(crate) label: Label,
    pub(crate) origin: Option<Origin>,
    pub(crate) kind: Stop,
}

/// How a deferred trap stops the run.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Stop {
    /// One of the IR's faults.
    Fault(FaultKind),
    /// One of the machine's faults, with its message.
    Guard(&'static str),
}

/// The state of generating one function's body.
pub(crate) struct Gen<'a> {
    pub(crate) e: &'a mut Emitter,
    pub(crate) rt: &'a mut Runtime,
    pub(crate) alloc: Allocation,
    pub(crate) frame: Frame,
    /// Each block's label (only reachable blocks are placed).
    pub(crate) blocks: Vec<Label>,
    pub(crate) epilogue: Label,
    pub(crate) deferred: Vec<Deferred>,
    /// Each global's first column.
    pub(crate) globals: &'a [u32],
    /// What the block's instructions so far say about variables.
    pub(crate) facts: Facts,
    /// Where a jump to each block really goes (past blocks that only jump on).
    pub(crate) forward: Vec<BlockId>,
    /// A sum not computed, `var = operand + constant`, because the next instruction's
    /// address is its only use and can add the constant itself.
    pub(crate) folded: Option<(Var, Operand, i64)>,
}

/// The flag condition that holds after `CMP lhs, rhs` exactly when the comparison does.
fn cond_of(op: BinOp) -> Cond {
    match op {
        BinOp::Eq => Cond::Zero,
        BinOp::Ne => Cond::NotZero,
        BinOp::Lt => Cond::Less,
        BinOp::Le => Cond::LessEqual,
        BinOp::Gt => Cond::Greater,
        BinOp::Ge => Cond::GreaterEqual,
        _ => Cond::NotZero,
    }
}

/// The condition for `CMP rhs, lhs` that means what `cond` means for `CMP lhs, rhs`.
fn swap(cond: Cond) -> Cond {
    match cond {
        Cond::Less => Cond::Greater,
        Cond::Greater => Cond::Less,
        Cond::LessEqual => Cond::GreaterEqual,
        Cond::GreaterEqual => Cond::LessEqual,
        other => other,
    }
}

fn arith(op: BinOp) -> Option<ArithOp> {
    Some(match op {
        BinOp::Add => ArithOp::Add,
        BinOp::Sub => ArithOp::Sub,
        BinOp::Mul => ArithOp::Mult,
        BinOp::Div => ArithOp::Div,
        BinOp::Rem => ArithOp::Rem,
        _ => return None,
    })
}

impl Gen<'_> {
    /// Where `v` lives.
    fn loc(&self, v: Var) -> Loc {
        self.alloc.loc(v)
    }

    /// The register an operand lives in, if it lives in one.
    fn reg_of(&self, o: Operand) -> Option<Reg> {
        match o {
            Operand::Var(v) => match self.loc(v) {
                Loc::Reg(r) => Some(r),
                _ => None,
            },
            Operand::Const(_) => None,
        }
    }

    /// An operand as a machine source operand.
    fn src(&self, o: Operand) -> Src {
        match o {
            Operand::Const(n) => Src::Imm(n),
            Operand::Var(v) => match self.loc(v) {
                Loc::Reg(r) => Src::Reg(r),
                loc @ (Loc::Spill(_) | Loc::Arg(_)) => match self.frame.offset(loc) {
                    Some(off) => Src::Mem(self.e.frame(off)),
                    None => Src::Imm(Num::ZERO),
                },
                // Nothing reads a variable that lives nowhere (it is never live).
                Loc::Nowhere => Src::Imm(Num::ZERO),
            },
        }
    }

    /// The Store column of a variable that lives in the Store.
    fn column(&self, v: Var) -> Option<Mem> {
        self.frame.offset(self.loc(v)).map(|off| self.e.frame(off))
    }

    /// Puts an operand in a register: its own, or `A`.
    fn in_reg(&mut self, o: Operand) -> Reg {
        match self.reg_of(o) {
            Some(r) => r,
            None => {
                let s = self.src(o);
                self.e.load(Reg::A, s);
                Reg::A
            }
        }
    }

    /// The register to build `dst`'s new value in: its home if it has a register that no
    /// operand still to be read lives in, else `A`.
    fn work(&self, dst: Var, still_read: &[Operand]) -> Reg {
        match self.loc(dst) {
            Loc::Reg(d) if still_read.iter().all(|o| self.reg_of(*o) != Some(d)) => d,
            _ => Reg::A,
        }
    }

    /// Writes register `r` to `dst`'s home.
    fn put(&mut self, dst: Var, r: Reg) {
        self.put_src(dst, Src::Reg(r));
    }

    /// Writes a source operand to `dst`'s home.
    fn put_src(&mut self, dst: Var, s: Src) {
        match self.loc(dst) {
            Loc::Reg(d) => self.e.load(d, s),
            Loc::Nowhere => {}
            Loc::Spill(_) | Loc::Arg(_) => {
                let Some(column) = self.column(dst) else {
                    return;
                };
                if let Src::Mem(_) = s {
                    self.e.load(Reg::A, s);
                    self.e.emit(Insn::Stor(Src::Reg(Reg::A), column));
                } else {
                    self.e.emit(Insn::Stor(s, column));
                }
            }
        }
    }

    /// A trap or guard after the body, reached by jumping to the label returned; it
    /// carries the current origin.
    fn defer(&mut self, kind: Stop) -> Label {
        let label = self.e.label();
        self.deferred.push(Deferred {
            label,
            origin: self.e.origin,
            kind,
        });
        label
    }

    /// Emits a comparison of `lhs` with `rhs` and returns the condition that then holds
    /// exactly when `lhs op rhs`.
    fn compare(&mut self, op: BinOp, lhs: Operand, rhs: Operand) -> Cond {
        let cond = cond_of(op);
        let zero = Operand::Const(Num::ZERO);
        if let Some(r) = self.reg_of(lhs) {
            // The flags may already say how the register compares with 0.
            if rhs != zero || !self.e.flags_from(r) {
                let s = self.src(rhs);
                self.e.emit(Insn::Cmp(r, s));
            }
            cond
        } else if let Some(r) = self.reg_of(rhs) {
            let s = self.src(lhs);
            self.e.emit(Insn::Cmp(r, s));
            swap(cond)
        } else {
            let s = self.src(lhs);
            self.e.emit(Insn::Load(Reg::A, s));
            // LOAD sets the flags from the value, which is already the comparison with 0.
            if rhs != zero {
                let s = self.src(rhs);
                self.e.emit(Insn::Cmp(Reg::A, s));
            }
            cond
        }
    }

    /// `dst ← 1` if `lhs op rhs`, else 0. LOAD and STOR of the answer must come after the
    /// comparison's jump (LOAD sets the flags), except that a register no operand lives in
    /// can take 1 before the comparison.
    fn set_bool(&mut self, dst: Var, op: BinOp, lhs: Operand, rhs: Operand) {
        let loc = self.loc(dst);
        if loc == Loc::Nowhere {
            return;
        }
        let done = self.e.label();
        if let Loc::Reg(d) = loc
            && self.reg_of(lhs) != Some(d)
            && self.reg_of(rhs) != Some(d)
        {
            self.e.emit(Insn::Load(d, Src::Imm(Num::ONE)));
            let cond = self.compare(op, lhs, rhs);
            self.e.jump(cond, done);
            self.e.emit(Insn::Load(d, Src::Imm(Num::ZERO)));
            self.e.bind(done);
            return;
        }
        let cond = self.compare(op, lhs, rhs);
        let yes = self.e.label();
        self.e.jump(cond, yes);
        self.put_src(dst, Src::Imm(Num::ZERO));
        self.e.jump(Cond::Always, done);
        self.e.bind(yes);
        self.put_src(dst, Src::Imm(Num::ONE));
        self.e.bind(done);
    }

    /// The Store operand for an IR address: fixed when it can be, otherwise counted from
    /// a register (the base's home, or `A`), after a guard that stops any address at or
    /// above the stack, which the machine would let the program write.
    fn address(&mut self, addr: Address) -> Mem {
        let (base, offset) = match addr {
            Address::Global { global, offset } => {
                let at = self
                    .globals
                    .get(global.0 as usize)
                    .copied()
                    .unwrap_or(u32::MAX);
                let column = u64::from(at) + u64::from(offset);
                if column < u64::from(HEAP_END) {
                    return Mem::Abs(column as u32);
                }
                let guard = self.defer(Stop::Guard("store address out of range"));
                self.e.jump(Cond::Always, guard);
                return Mem::Abs(0);
            }
            Address::Ptr { base, offset } => (base, offset),
        };
        // What is known of the address holds whether or not its sum was computed.
        let region = self.facts.region_of(base);
        let (base, offset) = match (base, self.folded.take()) {
            (Operand::Var(v), Some((p, x, c))) if v == p => match offset.checked_add(c) {
                Some(o) => (x, o),
                None => (base, offset),
            },
            _ => (base, offset),
        };
        let offset_num = Num::from(offset);
        if let Operand::Const(n) = base {
            let fixed = n.checked_add(offset_num).and_then(|c| c.to_index(HEAP_END));
            if let Some(column) = fixed {
                return Mem::Abs(column);
            }
        }
        let k = match addr {
            Address::Ptr { offset, .. } => i128::from(offset),
            Address::Global { .. } => 0,
        };
        let safe = match region {
            Some(Region::Abs(lo, hi)) => {
                if lo == hi
                    && let Some(column) = u32::try_from(lo + k).ok().filter(|c| *c < HEAP_END)
                {
                    return Mem::Abs(column);
                }
                hi + k < i128::from(HEAP_END)
            }
            // The frame arrays lie below the stack (see the prologue).
            Some(Region::Frame(_, hi)) => hi + k < i128::from(self.frame.arrays),
            None => false,
        };
        let r = self.in_reg(base);
        if safe {
            return Mem::Ind {
                base: Base::Reg(r),
                offset: offset_num,
            };
        }
        // base + offset ≥ HEAP_END exactly when base ≥ HEAP_END − offset; below 0 the
        // machine faults by itself.
        let limit = Num::from(i128::from(HEAP_END) - i128::from(offset));
        self.e.emit(Insn::Cmp(r, Src::Imm(limit)));
        let guard = self.defer(Stop::Guard("store address out of range"));
        self.e.jump(Cond::GreaterEqual, guard);
        Mem::Ind {
            base: Base::Reg(r),
            offset: offset_num,
        }
    }

    /// Pushes the arguments of a call, the last first, so that argument 0 lies next to the
    /// return address.
    fn push_args(&mut self, args: &[Operand]) {
        for a in args.iter().rev() {
            let s = self.src(*a);
            self.e.push(s);
        }
    }

    /// Before a call: pushes the registers holding variables that are still needed after
    /// it (a call keeps no register), and returns them.
    fn save_around(&mut self, after: &VarSet, dst: Option<Var>) -> Vec<Reg> {
        let saved: Vec<Reg> = HOMES
            .into_iter()
            .filter(|r| {
                after
                    .iter()
                    .any(|v| Some(v) != dst && self.loc(v) == Loc::Reg(*r))
            })
            .collect();
        for r in &saved {
            self.e.push(Src::Reg(*r));
        }
        saved
    }

    /// After a call returns with its result in `A`: takes the result, pops the `n`
    /// arguments into a register whose value no longer matters, and restores the saved
    /// registers.
    fn after_call(&mut self, dst: Option<Var>, n: usize, saved: &[Reg]) {
        match dst.map_or(Loc::Nowhere, |d| self.loc(d)) {
            Loc::Reg(d) => {
                for _ in 0..n {
                    self.e.pop(d);
                }
                self.e.load(d, Src::Reg(Reg::A));
            }
            Loc::Nowhere => {
                for _ in 0..n {
                    self.e.pop(Reg::A);
                }
            }
            Loc::Spill(_) | Loc::Arg(_) => {
                if let Some(d) = dst {
                    self.put(d, Reg::A);
                }
                for _ in 0..n {
                    self.e.pop(Reg::A);
                }
            }
        }
        for r in saved.iter().rev() {
            self.e.pop(*r);
        }
    }

    /// The machine instructions of one IR instruction. `fused` says the instruction is a
    /// comparison that the block's branch tests, compared there instead.
    pub(crate) fn inst(&mut self, inst: &Inst, fused: bool, foldable: bool, after: &VarSet) {
        let folded = foldable && self.fold(&inst.kind);
        if !folded {
            self.select(inst, fused, after);
            // A sum left out is for this instruction only.
            self.folded = None;
        }
        let (frame, globals) = (&self.frame, self.globals);
        self.facts.learn(
            &inst.kind,
            |slot| frame.array_offsets.get(slot as usize).copied(),
            |g| globals.get(g as usize).copied(),
        );
    }

    /// Leaves out `p = x + c`, for a constant address `c` and an `x` known to be small
    /// (a checked index), when the caller has found that the next instruction's address is
    /// the only use of `p`: that address becomes `[x + c + offset]`, one register and no
    /// addition.
    fn fold(&mut self, kind: &InstKind) -> bool {
        let InstKind::Binary {
            dst,
            op: BinOp::Add,
            lhs,
            rhs,
        } = kind
        else {
            return false;
        };
        let constant = |o: &Operand| match self.facts.region_of(*o) {
            Some(Region::Abs(lo, hi)) if lo == hi => i64::try_from(lo).ok(),
            _ => None,
        };
        let found = match (lhs, rhs) {
            (Operand::Var(_), r) if constant(r).is_some() => constant(r).map(|c| (*lhs, c)),
            (l, Operand::Var(_)) if constant(l).is_some() => constant(l).map(|c| (*rhs, c)),
            _ => None,
        };
        match found {
            // Only a sum that cannot overflow may go: the IR's addition would fault.
            Some((x, c)) if self.facts.range_of(x).is_some() => {
                self.folded = Some((*dst, x, c));
                true
            }
            _ => false,
        }
    }

    fn select(&mut self, inst: &Inst, fused: bool, after: &VarSet) {
        match &inst.kind {
            InstKind::Copy { dst, src } => {
                let s = self.src(*src);
                self.put_src(*dst, s);
            }
            InstKind::Unary { dst, op, arg } => match op {
                UnOp::Not => self.set_bool(*dst, BinOp::Eq, *arg, Operand::Const(Num::ZERO)),
                UnOp::Neg | UnOp::Abs => {
                    let w = self.work(*dst, &[]);
                    let s = self.src(*arg);
                    self.e.load(w, s);
                    let op = if *op == UnOp::Neg {
                        UnaryOp::Neg
                    } else {
                        UnaryOp::Abs
                    };
                    self.e.emit(Insn::Unary(op, w));
                    self.put(*dst, w);
                }
            },
            InstKind::Binary { dst, op, lhs, rhs } => {
                if op.is_comparison() {
                    if !fused {
                        self.set_bool(*dst, *op, *lhs, *rhs);
                    }
                } else if let Some(a) = arith(*op) {
                    self.arith(*dst, a, *lhs, *rhs);
                } else {
                    self.floor(*dst, *op == BinOp::FloorDiv, *lhs, *rhs);
                }
            }
            InstKind::GlobalAddr { dst, global } => {
                let at = self.globals.get(global.0 as usize).copied().unwrap_or(0);
                self.put_src(*dst, Src::Imm(Num::from(at)));
            }
            InstKind::FrameAddr { dst, slot } => {
                let off = self
                    .frame
                    .array_offsets
                    .get(*slot as usize)
                    .copied()
                    .unwrap_or(0);
                let w = self.work(*dst, &[]);
                let column = self.frame.arrays_column().unwrap_or(0);
                self.e.load(w, Src::Mem(self.e.frame(column)));
                if off > 0 {
                    self.e
                        .emit(Insn::Arith(ArithOp::Add, w, Src::Imm(num(off))));
                }
                self.put(*dst, w);
            }
            InstKind::FuncAddr { dst, func } => {
                // A function's value is its index, as in the interpreter; indirect calls
                // go through a table of jumps (see `runtime`).
                self.put_src(*dst, Src::Imm(Num::from(func.0)));
            }
            InstKind::Load { dst, addr } => {
                let m = self.address(*addr);
                match self.loc(*dst) {
                    Loc::Reg(d) => self.e.emit(Insn::Load(d, Src::Mem(m))),
                    _ => {
                        self.e.emit(Insn::Load(Reg::A, Src::Mem(m)));
                        self.put(*dst, Reg::A);
                    }
                }
            }
            InstKind::Store { addr, value } => self.store(*addr, *value),
            InstKind::Alloc { dst, words } => {
                let s = self.src(*words);
                self.e.load(Reg::A, s);
                let alloc = self.rt.alloc(self.e);
                self.e.call(alloc);
                self.put(*dst, Reg::A);
            }
            InstKind::Call { dst, func, args } => {
                let saved = self.save_around(after, *dst);
                self.push_args(args);
                match self.rt.function(*func) {
                    Some(label) => self.e.call(label),
                    // A call of a function that does not exist (the verifier rejects it).
                    None => {
                        let guard = self.defer(Stop::Guard("invalid jump target"));
                        self.e.jump(Cond::Always, guard);
                    }
                }
                self.after_call(*dst, args.len(), &saved);
            }
            InstKind::CallIndirect { dst, callee, args } => {
                let saved = self.save_around(after, *dst);
                self.push_args(args);
                let s = self.src(*callee);
                self.e.emit(Insn::Load(Reg::A, s));
                // A value that names no function stops the run as the interpreter does.
                let guard = self.defer(Stop::Guard("invalid jump target"));
                self.e.jump(Cond::Less, guard);
                let count = self.rt.function_count();
                self.e.emit(Insn::Cmp(Reg::A, Src::Imm(Num::from(count))));
                self.e.jump(Cond::GreaterEqual, guard);
                let table = self.rt.table(self.e);
                self.e.add_label(Reg::A, table);
                self.e.emit(Insn::Call(Target::Reg(Reg::A)));
                self.after_call(*dst, args.len(), &saved);
            }
            InstKind::CheckIndex { index, len } => {
                let trap = self.defer(Stop::Fault(FaultKind::IndexOutOfRange));
                let r = match self.reg_of(*index) {
                    Some(r) => {
                        if !self.e.flags_from(r) {
                            self.e.emit(Insn::Cmp(r, Src::Imm(Num::ZERO)));
                        }
                        r
                    }
                    // LOAD sets the flags from the index.
                    None => self.in_reg(*index),
                };
                self.e.jump(Cond::Less, trap);
                let s = self.src(*len);
                self.e.emit(Insn::Cmp(r, s));
                self.e.jump(Cond::GreaterEqual, trap);
            }
            InstKind::ReadCard { dst } => match self.loc(*dst) {
                Loc::Reg(d) => self.e.emit(Insn::Rdcrd(d)),
                _ => {
                    self.e.emit(Insn::Rdcrd(Reg::A));
                    self.put(*dst, Reg::A);
                }
            },
            InstKind::PrintNum(v) => {
                let s = self.src(*v);
                self.e.emit(Insn::Wrprn(s));
            }
            InstKind::PrintChar(v) => {
                let s = self.src(*v);
                self.e.emit(Insn::Wrchr(s));
            }
            InstKind::PrintStr(text) => {
                for c in text.chars() {
                    self.e.emit(Insn::Wrchr(Src::Imm(Num::from(c))));
                }
            }
            InstKind::Bell => self.e.emit(Insn::Bell),
        }
    }

    /// `dst ← lhs op rhs` for the operations the machine has.
    fn arith(&mut self, dst: Var, op: ArithOp, lhs: Operand, rhs: Operand) {
        let commutes = matches!(op, ArithOp::Add | ArithOp::Mult);
        if let Loc::Reg(d) = self.loc(dst)
            && commutes
            && self.reg_of(rhs) == Some(d)
            && self.reg_of(lhs) != Some(d)
        {
            // `d ← x + d`: add in place.
            let s = self.src(lhs);
            self.e.emit(Insn::Arith(op, d, s));
            return;
        }
        let w = self.work(dst, &[rhs]);
        let s = self.src(lhs);
        self.e.load(w, s);
        let s = self.src(rhs);
        self.e.emit(Insn::Arith(op, w, s));
        self.put(dst, w);
    }

    /// Floor division or modulo: the machine's truncating `REM` first, then a correction
    /// when the remainder is not 0 and its sign differs from the divisor's. Everything
    /// happens in `A`, so the operands stay readable throughout.
    ///
    /// With `m` the truncated remainder (|m| < |b|), the signs of `m` and `b` agree exactly
    /// when `m < b` for positive `m` and `m > b` for negative `m`, so one `CMP` of `m`
    /// with `b` decides without another register.
    fn floor(&mut self, dst: Var, div: bool, a: Operand, b: Operand) {
        let (sa, sb) = (self.src(a), self.src(b));
        let e = &mut *self.e;
        let plain = e.label();
        let adjust = e.label();
        let done = e.label();
        e.load(Reg::A, sa);
        e.emit(Insn::Arith(ArithOp::Rem, Reg::A, sb));
        match b {
            // A divisor of known sign needs only the remainder's sign.
            Operand::Const(n) if !n.is_zero() => {
                let agree = if n.is_negative() {
                    Cond::LessEqual
                } else {
                    Cond::GreaterEqual
                };
                e.jump(agree, if div { plain } else { done });
            }
            _ => {
                let negative = e.label();
                let fine = if div { plain } else { done };
                e.jump(Cond::Zero, fine);
                e.jump(Cond::Less, negative);
                e.emit(Insn::Cmp(Reg::A, sb));
                e.jump(Cond::Less, fine);
                e.jump(Cond::Always, adjust);
                e.bind(negative);
                e.emit(Insn::Cmp(Reg::A, sb));
                e.jump(Cond::Greater, fine);
            }
        }
        e.bind(adjust);
        if div {
            e.load(Reg::A, sa);
            e.emit(Insn::Arith(ArithOp::Div, Reg::A, sb));
            e.emit(Insn::Arith(ArithOp::Sub, Reg::A, Src::Imm(Num::ONE)));
            e.jump(Cond::Always, done);
            e.bind(plain);
            e.load(Reg::A, sa);
            e.emit(Insn::Arith(ArithOp::Div, Reg::A, sb));
        } else {
            e.emit(Insn::Arith(ArithOp::Add, Reg::A, sb));
            e.bind(plain);
        }
        e.bind(done);
        self.put(dst, Reg::A);
    }

    /// A Store column `← value`.
    fn store(&mut self, addr: Address, value: Operand) {
        let m = self.address(addr);
        let uses_a = matches!(
            m,
            Mem::Ind {
                base: Base::Reg(Reg::A),
                ..
            }
        );
        match self.src(value) {
            s @ (Src::Reg(_) | Src::Imm(_)) => self.e.emit(Insn::Stor(s, m)),
            s @ Src::Mem(_) if !uses_a => {
                self.e.emit(Insn::Load(Reg::A, s));
                self.e.emit(Insn::Stor(Src::Reg(Reg::A), m));
            }
            Src::Mem(_) => {
                // Both the address and the value are in the Store: borrow B for the value
                // (the push moves every frame column one further from SP).
                self.e.push(Src::Reg(Reg::B));
                let s = self.src(value);
                self.e.emit(Insn::Load(Reg::B, s));
                self.e.emit(Insn::Stor(Src::Reg(Reg::B), m));
                self.e.pop(Reg::B);
            }
        }
    }

    /// The machine instructions of a terminator. `next` is the block placed right after
    /// this one; `fused` is the comparison the branch tests, if it was left to it.
    pub(crate) fn term(
        &mut self,
        term: &Term,
        next: Option<BlockId>,
        fused: Option<(&Inst, Option<Origin>)>,
        last: bool,
    ) {
        match &term.kind {
            TermKind::Jump(b) => self.goto(*b, next),
            TermKind::Branch {
                cond,
                then_block,
                else_block,
            } => {
                let (then_block, else_block) = (&self.to(*then_block), &self.to(*else_block));
                if then_block == else_block {
                    return self.goto(*then_block, next);
                }
                let c = match (fused.map(|(i, o)| (&i.kind, o)), cond) {
                    (Some((InstKind::Binary { op, lhs, rhs, .. }, origin)), _) => {
                        // The comparison keeps its own origin; the jumps get the branch's.
                        let branch = std::mem::replace(&mut self.e.origin, origin);
                        let c = self.compare(*op, *lhs, *rhs);
                        self.e.origin = branch;
                        c
                    }
                    (_, Operand::Const(n)) => {
                        let target = if n.is_zero() { else_block } else { then_block };
                        return self.goto(*target, next);
                    }
                    (_, Operand::Var(_)) => {
                        self.compare(BinOp::Ne, *cond, Operand::Const(Num::ZERO))
                    }
                };
                let then_label = self.block_label(*then_block);
                let else_label = self.block_label(*else_block);
                if next == Some(*else_block) {
                    self.e.jump(c, then_label);
                } else if next == Some(*then_block) {
                    self.e.jump(negate(c), else_label);
                } else {
                    self.e.jump(c, then_label);
                    self.e.jump(Cond::Always, else_label);
                }
            }
            TermKind::Return(value) => {
                if let Some(v) = value {
                    let s = self.src(*v);
                    self.e.load(Reg::A, s);
                }
                if self.frame.short_epilogue() {
                    // Cheaper than a jump to a shared one.
                    let origin = self.e.origin.take();
                    self.frame.epilogue(self.e);
                    self.e.origin = origin;
                } else if !last {
                    self.e.jump(Cond::Always, self.epilogue);
                }
            }
            TermKind::Fault(kind) => self.e.trap(*kind),
        }
    }

    fn block_label(&self, b: BlockId) -> Label {
        let b = self.to(b);
        self.blocks
            .get(b.0 as usize)
            .copied()
            .unwrap_or(self.epilogue)
    }

    /// Where a jump to `b` goes.
    fn to(&self, b: BlockId) -> BlockId {
        self.forward.get(b.0 as usize).copied().unwrap_or(b)
    }

    fn goto(&mut self, b: BlockId, next: Option<BlockId>) {
        let b = self.to(b);
        if next != Some(b) {
            let label = self.block_label(b);
            self.e.jump(Cond::Always, label);
        }
    }
}
