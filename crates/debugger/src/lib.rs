//! Breakpoints, watchpoints, stepping and reverse execution over any machine.
//!
//! The debugger drives a [`Machine`]: the register machine implements it here, and the card
//! engine will implement it the same way (cards instead of instructions, the same Store).
//! Reverse execution rests on determinism: a program and its number cards fix every step,
//! so any past step is reached by restoring the nearest earlier checkpoint and replaying.
//! Checkpoints hold only the machine's small state and, per interval, the Store columns
//! written in it (see [`history`](crate::history)), so memory stays bounded however long the
//! run.
//!
//! Every command runs at most a given number of steps (a *slice*) and says why it stopped,
//! so a user interface can keep the page responsive and stop an endless loop at once.

mod debugger;
mod history;
mod machine;

pub use debugger::{
    Breakpoint, CmpOp, Condition, Debugger, Motion, Outcome, Place, StopReason, Watchpoint,
};
pub use history::HistoryStats;
pub use machine::{Machine, MachineStop};
