//! The instruction buffer: machine instructions with their origins, labels that jumps name
//! before they are placed, the static stack depth, and the trap instructions.

use std::collections::BTreeMap;

use ir::FaultKind;
use isa::{ArithOp, Base, Cond, Insn, Mem, Num, Reg, Src, Target};

use crate::Origin;

/// A place in the code that jumps can name before it is bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(usize);

/// Collects a program's instructions in order.
#[derive(Debug, Default)]
pub(crate) struct Emitter {
    insns: Vec<Insn>,
    origins: Vec<Option<Origin>>,
    labels: Vec<Option<u32>>,
    /// Instructions whose fixed target is a label, patched by [`Emitter::finish`].
    fixups: Vec<(usize, Label)>,
    traps: Vec<(u32, FaultKind)>,
    guards: Vec<(u32, &'static str)>,
    symbols: BTreeMap<u32, Vec<String>>,
    /// The origin the next instructions get.
    pub(crate) origin: Option<Origin>,
    /// The register whose value the flags reflect at this point, if the code just before
    /// set them from it and nothing can jump here: a comparison of it with 0 can then go.
    flags: Option<Reg>,
    /// Columns pushed since the current function's body started: a frame slot at offset
    /// `k` from the body's stack pointer is `[SP + depth + k]`, since nothing but PUSH,
    /// POP, CALL and RET moves SP and code never reads SP into a register.
    pub(crate) depth: u32,
}

/// What the buffer holds when code generation ends.
pub(crate) struct Finished {
    pub(crate) insns: Vec<Insn>,
    pub(crate) origins: Vec<Option<Origin>>,
    pub(crate) traps: Vec<(u32, FaultKind)>,
    pub(crate) guards: Vec<(u32, &'static str)>,
    pub(crate) symbols: BTreeMap<u32, Vec<String>>,
}

impl Emitter {
    /// The index the next instruction gets.
    pub(crate) fn here(&self) -> u32 {
        self.insns.len() as u32
    }

    /// Appends an instruction with the current origin.
    pub(crate) fn emit(&mut self, insn: Insn) {
        self.flags = match insn {
            Insn::Load(r, _)
            | Insn::Arith(_, r, _)
            | Insn::Unary(_, r)
            | Insn::Shift(_, r, _)
            | Insn::Pop(r)
            | Insn::Rdcrd(r) => Some(r),
            // These neither write a register nor touch the flags.
            Insn::Nop
            | Insn::Stor(..)
            | Insn::Push(_)
            | Insn::Jump(..)
            | Insn::Wrprn(_)
            | Insn::Wrchr(_)
            | Insn::Bell => self.flags,
            Insn::Halt | Insn::Cmp(..) | Insn::Call(_) | Insn::Ret => None,
        };
        self.insns.push(insn);
        self.origins.push(self.origin);
    }

    /// Whether the flags reflect `r`'s value here (set from it just before, with no label
    /// in between).
    pub(crate) fn flags_from(&self, r: Reg) -> bool {
        self.flags == Some(r)
    }

    /// A label not yet bound.
    pub(crate) fn label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() - 1)
    }

    /// Binds `label` to the next instruction.
    pub(crate) fn bind(&mut self, label: Label) {
        self.labels[label.0] = Some(self.here());
        self.flags = None;
    }

    /// Names the next instruction (for the disassembly and the debugger).
    pub(crate) fn name_here(&mut self, name: String) {
        self.symbols.entry(self.here()).or_default().push(name);
    }

    /// Takes back a name given to instruction `at` (a block that turned out to need no
    /// instructions shares its place with the next one, which should show its own name).
    pub(crate) fn unname(&mut self, at: u32, name: &str) {
        if let Some(names) = self.symbols.get_mut(&at) {
            names.retain(|n| n != name);
            if names.is_empty() {
                self.symbols.remove(&at);
            }
        }
    }

    /// A jump to `label` when `cond` holds.
    pub(crate) fn jump(&mut self, cond: Cond, label: Label) {
        self.fixups.push((self.insns.len(), label));
        self.emit(Insn::Jump(cond, Target::Imm(0)));
    }

    /// `CALL label`.
    pub(crate) fn call(&mut self, label: Label) {
        self.fixups.push((self.insns.len(), label));
        self.emit(Insn::Call(Target::Imm(0)));
    }

    /// `ADD r, label`: adds the label's instruction index.
    pub(crate) fn add_label(&mut self, r: Reg, label: Label) {
        self.fixups.push((self.insns.len(), label));
        self.emit(Insn::Arith(ArithOp::Add, r, Src::Imm(Num::ZERO)));
    }

    /// `PUSH src`, one column deeper.
    pub(crate) fn push(&mut self, src: Src) {
        self.emit(Insn::Push(src));
        self.depth += 1;
    }

    /// `POP r`, one column shallower.
    pub(crate) fn pop(&mut self, r: Reg) {
        self.emit(Insn::Pop(r));
        self.depth = self.depth.saturating_sub(1);
    }

    /// The frame column at `offset` from the body's stack pointer.
    pub(crate) fn frame(&self, offset: u32) -> Mem {
        Mem::Ind {
            base: Base::Sp,
            offset: Num::from(i64::from(self.depth) + i64::from(offset)),
        }
    }

    /// `LOAD r, src`, left out when it would change nothing (`LOAD B, B` would still set
    /// the flags, but no caller relies on that).
    pub(crate) fn load(&mut self, r: Reg, src: Src) {
        if src != Src::Reg(r) {
            self.emit(Insn::Load(r, src));
        }
    }

    /// An instruction that always faults, reported as `kind` with the current origin.
    /// `DIV A, 0` changes nothing when it faults, like every fault.
    pub(crate) fn trap(&mut self, kind: FaultKind) {
        self.traps.push((self.here(), kind));
        self.emit(Insn::Arith(ArithOp::Div, Reg::A, Src::Imm(Num::ZERO)));
    }

    /// An instruction that always faults, reported with one of the machine's own fault
    /// names (`message`) where the machine would not have faulted by itself.
    pub(crate) fn guard(&mut self, message: &'static str) {
        self.guards.push((self.here(), message));
        self.emit(Insn::Arith(ArithOp::Div, Reg::A, Src::Imm(Num::ZERO)));
    }

    /// Resolves every label. A label never bound (which code generation never leaves)
    /// would become the end of the program, so the result is always a valid program.
    pub(crate) fn finish(mut self) -> Finished {
        let end = self.here();
        for (at, label) in std::mem::take(&mut self.fixups) {
            let target = self.labels[label.0].unwrap_or(end);
            match &mut self.insns[at] {
                Insn::Jump(_, t) | Insn::Call(t) => *t = Target::Imm(target),
                Insn::Arith(_, _, s) => *s = Src::Imm(Num::from(target)),
                _ => {}
            }
        }
        Finished {
            insns: self.insns,
            origins: self.origins,
            traps: self.traps,
            guards: self.guards,
            symbols: self.symbols,
        }
    }
}

/// The condition that holds exactly when `cond` does not (`Always` has none; no caller
/// asks for it).
pub(crate) fn negate(cond: Cond) -> Cond {
    match cond {
        Cond::Always => Cond::Always,
        Cond::Zero => Cond::NotZero,
        Cond::NotZero => Cond::Zero,
        Cond::Less => Cond::GreaterEqual,
        Cond::GreaterEqual => Cond::Less,
        Cond::Greater => Cond::LessEqual,
        Cond::LessEqual => Cond::Greater,
    }
}
