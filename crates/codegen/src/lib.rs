//! Code generation: turns an [`ir::Module`] into a program for the Babbage register
//! machine, with the origin of every instruction for the source map.
//!
//! The pipeline, per function: [`ir::Cfg`] and [`ir::Liveness`] give what is live where;
//! `regalloc` colours the interference graph with the home registers `B`, `C` and `D`,
//! spilling the rest to stack columns (register `A` stays free as scratch and carries
//! results); `frame` lays out the function's stack frame and writes its prologue and
//! epilogue; `select` turns each IR instruction into machine instructions, with `facts`
//! telling it which addresses a checked index keeps inside an array. The `runtime`
//! module adds the start of the program, the heap allocator and the table indirect calls
//! go through. The calling convention is `docs/isa.md` §10.
//!
//! **Architecture Invariant:** the program means exactly what the IR means: on the machine
//! it prints what [`ir::interpret`] prints and ends the same way, at the same IR
//! instruction. Faults the machine raises by itself (division by zero, overflow, stack
//! overflow, an empty card reader, an invalid character code) happen on an instruction
//! whose origin is the IR instruction's; the IR's own faults ([`ir::FaultKind`]) and the
//! few machine faults the machine would not notice (an address into the stack, a callee
//! that names no function) are jumps to trap instructions listed in [`Generated`].
//!
//! **Source maps.** [`Generated::origins`] has one entry per instruction: the span and the
//! IR id of the instruction it does the work of, or `None` (the start, prologues,
//! epilogues, runtime helpers, IR instructions without a span). A fault at an instruction
//! without an origin belongs to the innermost call on the stack that has one: above its
//! return address a prologue pushes only zeros and the frame arrays' address (a column
//! number near 70,000), and the allocator's traps come before its one push, so the usual
//! scan of the stack for the first return address after a `CALL` finds the call. [`Generated::fault_messages`] gives, for each
//! trap and guard, the message the fault there is reported with.
//!
//! **API Boundary:** [`generate`] never panics on a module that `ir::verify` accepts, and
//! the program it returns always passes [`isa::Program::validate`] for such a module.

mod emit;
mod facts;
mod frame;
mod function;
mod names;
mod regalloc;
mod runtime;
mod select;

use std::collections::BTreeMap;

use diag::Span;
use ir::{FaultKind, Module};

/// Where a machine instruction came from: the IR instruction (or terminator) it was
/// generated for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The IR instruction's source span.
    pub span: Span,
    /// The IR instruction's module-wide id (see [`ir::Module::first_ids`]).
    pub ir: u32,
}

/// A generated program and what the source map needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    /// The program; it passes [`isa::Program::validate`].
    pub program: isa::Program,
    /// One entry per instruction of the program: its origin, or `None` for code with no
    /// IR instruction of its own (the start, prologues and epilogues, runtime helpers,
    /// and IR instructions without a span). A fault in such an instruction belongs to the
    /// innermost call on the stack that has an origin.
    pub origins: Vec<Option<Origin>>,
    /// Instructions that exist only to stop the run with one of the IR's own faults: a
    /// fault there is reported with [`FaultKind::message`] instead of the machine's own.
    pub traps: Vec<(u32, FaultKind)>,
    /// Instructions that exist only to stop the run with one of the machine's faults in
    /// a case the machine would not notice by itself: an address at or above
    /// [`ir::layout::HEAP_END`] (`store address out of range`: the machine would let it
    /// write into its stack) and an indirect call of a value that names no function
    /// (`invalid jump target`). A fault there is reported with this message, since the
    /// machine's own detail would describe the guard rather than the program.
    pub guards: Vec<(u32, &'static str)>,
}

impl Generated {
    /// The message a fault at each trap or guard is reported with, by instruction index:
    /// what a source map keeps to report such a fault instead of the machine's message.
    pub fn fault_messages(&self) -> BTreeMap<u32, &'static str> {
        self.traps
            .iter()
            .map(|(at, kind)| (*at, kind.message()))
            .chain(self.guards.iter().copied())
            .collect()
    }
}

/// Generates the machine program for `module`.
pub fn generate(module: &Module) -> Generated {
    runtime::generate(module)
}
