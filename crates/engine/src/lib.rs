//! The one API that the command line, the web app and the server use.
//!
//! [`compile`] turns a source text in any [`Language`] into a machine program, every
//! diagnostic and a [`SourceMap`]; [`run`] runs a program to the end with a step budget;
//! [`Session`] debugs one, forwards and backwards, and draws it as a [`MachineView`].
//! Everything here is deterministic, does no I/O (files come through a [`FileProvider`])
//! and builds for the browser.
//!
//! **API boundary:** callers never reach past this crate into `asm`, `emu` or `debugger`;
//! the types they need are re-exported or wrapped here, and every result is serializable.

mod compile;
mod compiled;
mod language;
mod listing;
mod run;
mod session;
mod source_map;

pub use compile::{
    Compilation, FileProvider, MemoryFiles, NoFiles, compile, compile_with, emit_asm,
};
pub use compiled::{CompileOptions, emit_annotated_asm, emit_ir, interpret};
pub use debugger::{Breakpoint, CmpOp, Condition, Motion, Outcome, Place, StopReason, Watchpoint};
pub use diag::{Diagnostic, LineCol, LineIndex, Severity, Span, render_plain};
pub use isa::{EngineTime, Num, ParseNumError};
pub use language::Language;
pub use listing::{IrRow, ListingRow, ir_listing, listing};
pub use run::{RunEnd, RunResult, Runner, RuntimeError, TraceLine, parse_input, run};
pub use session::{Activity, MachineView, Register, Session, StoreCell};
pub use source_map::{SourceLoc, SourceMap};
