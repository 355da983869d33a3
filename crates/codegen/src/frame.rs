//! A function's stack frame (docs/isa.md §10), its prologue and its epilogue.
//!
//! From the top of the stack down to the caller's columns, while the body runs:
//!
//! ```text
//! [SP + 0 … S−1]        spill columns (zero at entry)
//! [SP + S]              the first column of the frame arrays, if there are any
//! [SP + C]              the return address (C = S, plus 1 with frame arrays; C ≥ 1)
//! [SP + C+1+i]          argument i (the caller pushed the last one first)
//! ```
//!
//! Registers are the caller's to save, so a prologue saves none. Code inside the body may
//! push more (registers saved around a call, a call's arguments, a borrowed register);
//! the emitter's static depth adds them to every offset.

use ir::layout::{FRAME_POINTER, HEAP_END, HEAP_POINTER};
use isa::{ArithOp, Cond, Insn, Mem, Num, Reg, Src};

use crate::emit::{Emitter, Label};
use crate::regalloc::{Allocation, Loc};

/// The shape of one function's frame.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    /// Spill columns.
    pub(crate) spills: u32,
    /// Columns between the body's stack pointer and the return address: the spill
    /// columns and, with frame arrays, the column holding their address.
    pub(crate) columns: u32,
    /// Columns the function's frame arrays take from the heap at each call.
    pub(crate) arrays: u64,
    /// Each frame array's first column, counted from the lowest.
    pub(crate) array_offsets: Vec<u64>,
}

impl Frame {
    /// The frame for a function with these frame arrays and this allocation.
    pub(crate) fn new(frame_arrays: &[u32], alloc: &Allocation) -> Frame {
        let mut array_offsets = Vec::with_capacity(frame_arrays.len());
        let mut arrays = 0u64;
        for size in frame_arrays {
            array_offsets.push(arrays);
            arrays += u64::from(*size);
        }
        // Every call keeps at least one column besides its return address and its
        // arguments, as the reference interpreter's recursion limit counts, so the
        // machine's stack never outlasts the interpreter's.
        let spills = if arrays > 0 {
            alloc.spills
        } else {
            alloc.spills.max(1)
        };
        Frame {
            spills,
            columns: spills + u32::from(arrays > 0),
            arrays,
            array_offsets,
        }
    }

    /// The offset of a variable's column from the body's stack pointer, for a home in
    /// the Store.
    pub(crate) fn offset(&self, loc: Loc) -> Option<u32> {
        match loc {
            Loc::Spill(k) => Some(k),
            Loc::Arg(i) => Some(self.columns + 1 + i),
            Loc::Reg(_) | Loc::Nowhere => None,
        }
    }

    /// The offset of the column holding the frame arrays' first column, if there are any.
    /// Keeping it, rather than reading the frame pointer again, gives the addresses and
    /// the pointer to restore that the call started with, as the interpreter does.
    pub(crate) fn arrays_column(&self) -> Option<u32> {
        (self.arrays > 0).then_some(self.spills)
    }

    /// Takes the frame arrays from the heap (jumping to `exhausted` when there is no
    /// room), makes the spill columns and gives every variable live on entry its first
    /// value. Leaves the emitter at depth 0, the body's own stack pointer.
    pub(crate) fn prologue(&self, e: &mut Emitter, alloc: &Allocation, exhausted: Label) {
        if self.arrays > 0 {
            // Frame arrays stack downward from the frame pointer and may not reach below
            // the heap pointer (ir::layout). This comes before any push, so that a fault
            // here finds the return address on top of the stack, naming the call.
            // A frame pointer above the stack's first column (a program may have written
            // it) leaves no room, as the interpreter says; below it, the arrays stay
            // below the stack, which lets code use them without a guard.
            e.emit(Insn::Load(Reg::A, Src::Mem(Mem::Abs(FRAME_POINTER))));
            e.emit(Insn::Cmp(Reg::A, Src::Imm(Num::from(HEAP_END))));
            e.jump(Cond::Greater, exhausted);
            e.emit(Insn::Arith(
                ArithOp::Sub,
                Reg::A,
                Src::Imm(num(self.arrays)),
            ));
            e.emit(Insn::Cmp(Reg::A, Src::Mem(Mem::Abs(HEAP_POINTER))));
            e.jump(Cond::Less, exhausted);
            e.emit(Insn::Stor(Src::Reg(Reg::A), Mem::Abs(FRAME_POINTER)));
            e.emit(Insn::Push(Src::Reg(Reg::A)));
        }
        // Pushing zeros makes the spill columns and gives the spilled variables live on
        // entry their 0 at once.
        for _ in 0..self.spills {
            e.emit(Insn::Push(Src::Imm(Num::ZERO)));
        }
        e.depth = 0;
        for &(param, r) in &alloc.params_in_regs {
            if let Some(off) = self.offset(Loc::Arg(param)) {
                e.emit(Insn::Load(r, Src::Mem(e.frame(off))));
            }
        }
        for v in &alloc.zeroed {
            if let Loc::Reg(r) = alloc.loc(*v) {
                e.emit(Insn::Load(r, Src::Imm(Num::ZERO)));
            }
        }
    }

    /// Whether the epilogue is so short (a `POP` and the `RET`) that each return has its
    /// own copy rather than a jump to a shared one.
    pub(crate) fn short_epilogue(&self) -> bool {
        self.arrays == 0 && self.spills <= 1
    }

    /// Drops the spill columns, gives the frame arrays back and returns. `A`, holding the
    /// result, is left alone; `B` is free, since registers are the caller's to save.
    pub(crate) fn epilogue(&self, e: &mut Emitter) {
        for _ in 0..self.spills {
            e.emit(Insn::Pop(Reg::B));
        }
        if self.arrays > 0 {
            // The pointer the call started with: the arrays' first column plus their size.
            e.emit(Insn::Pop(Reg::B));
            e.emit(Insn::Arith(
                ArithOp::Add,
                Reg::B,
                Src::Imm(num(self.arrays)),
            ));
            e.emit(Insn::Stor(Src::Reg(Reg::B), Mem::Abs(FRAME_POINTER)));
        }
        e.emit(Insn::Ret);
    }
}

/// A column count as a machine number.
pub(crate) fn num(n: u64) -> Num {
    Num::from(i128::from(n))
}
