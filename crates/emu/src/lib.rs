//! The Babbage register machine of `ISA.md`: its state, one step, and runs with a step
//! budget.
//!
//! The machine knows nothing of source text: faults are values ([`Fault`]) carrying the
//! `PC` at which they happened, and a debugger maps them back to source lines. It is
//! deterministic (a program and its number cards fix every step), never panics on any
//! program, and keeps a small [`Snapshot`] type so that a debugger can checkpoint it.

mod decode;
mod fault;
mod machine;

pub use fault::Fault;
pub use machine::{Cpu, Machine, Snapshot, Status, Stop};
