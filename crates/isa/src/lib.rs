//! The Babbage machine's vocabulary: exact 50-digit numbers ([`Num`]), instructions and
//! operands ([`Insn`]), the Store ([`Store`]), whole programs ([`Program`]) and engine time ([`EngineTime`]).
//!
//! Everything here is plain data with no I/O; the assembler produces it, the emulator runs
//! it, and the disassembler prints its canonical text form.

mod insn;
mod num;
mod program;
mod store;
mod time;

pub use insn::{ArithOp, Base, Cond, Insn, Mem, Reg, ShiftOp, Src, Target, UnaryOp};
pub use num::{DIGITS, Num, ParseNumError};
pub use program::{
    DEFAULT_STORE_SIZE, DataSymbol, MAX_SHIFT, MAX_STORE_SIZE, MIN_STORE_SIZE, Program,
    ProgramError, Symbols, default_stack_size,
};
pub use store::Store;
pub use time::{EngineTime, div_tenths, fixed_tenths, mult_tenths, sqrt_tenths};
