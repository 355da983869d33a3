//! Runtime faults: guest errors are data, never Rust errors or panics.

use std::fmt;

use isa::Num;
use serde::{Deserialize, Serialize};

/// Why the machine jammed. The names are `ISA.md`'s; [`Fault::detail`] adds what a student
/// needs to find the cause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fault {
    /// A result outside ±(10^50 − 1).
    Overflow,
    /// `DIV` or `REM` by zero.
    DivisionByZero,
    /// `SQRT` of a negative number.
    NegativeSquareRoot {
        /// The operand.
        value: Num,
    },
    /// A Store operand outside `0 … n − 1`.
    StoreAddressOutOfRange {
        /// The address that was computed; `None` when it has more than 50 digits (a
        /// register plus an offset can).
        address: Option<Num>,
        /// The Store's size.
        size: u32,
    },
    /// A push beyond the stack's columns.
    StackOverflow {
        /// The stack's size in columns.
        size: u32,
    },
    /// A `POP` or `RET` with nothing on the stack.
    StackUnderflow,
    /// `RDCRD` with no number cards left.
    CardReaderEmpty,
    /// A register or popped jump target that is not an instruction index.
    InvalidJumpTarget {
        /// The target.
        target: Num,
    },
    /// `WRCHR` of a value that is not a Unicode scalar value.
    InvalidCharacterCode {
        /// The value.
        code: Num,
    },
}

impl Fault {
    /// The fault's name as `ISA.md` gives it.
    pub fn name(&self) -> &'static str {
        match self {
            Fault::Overflow => "overflow",
            Fault::DivisionByZero => "division by zero",
            Fault::NegativeSquareRoot { .. } => "negative square root",
            Fault::StoreAddressOutOfRange { .. } => "store address out of range",
            Fault::StackOverflow { .. } => "stack overflow",
            Fault::StackUnderflow => "stack underflow",
            Fault::CardReaderEmpty => "card reader empty",
            Fault::InvalidJumpTarget { .. } => "invalid jump target",
            Fault::InvalidCharacterCode { .. } => "invalid character code",
        }
    }

    /// More about this occurrence, if there is more to say.
    pub fn detail(&self) -> Option<String> {
        match self {
            Fault::Overflow => Some("the result has more than 50 digits".into()),
            Fault::NegativeSquareRoot { value } => Some(format!("the operand is {value}")),
            Fault::StoreAddressOutOfRange {
                address: Some(address),
                size,
            } => Some(format!(
                "column {address} is outside 0 … {}",
                size.saturating_sub(1)
            )),
            Fault::StoreAddressOutOfRange {
                address: None,
                size,
            } => Some(format!(
                "the address has more than 50 digits; the Store has columns 0 … {}",
                size.saturating_sub(1)
            )),
            Fault::StackOverflow { size } => Some(format!("all {size} stack columns are in use")),
            Fault::InvalidJumpTarget { target } => {
                Some(format!("{target} is not an instruction index"))
            }
            Fault::InvalidCharacterCode { code } => {
                Some(format!("{code} is not a Unicode scalar value"))
            }
            Fault::DivisionByZero | Fault::StackUnderflow | Fault::CardReaderEmpty => None,
        }
    }
}

impl fmt::Display for Fault {
    /// The name, then the detail after a colon: `stack overflow: all 3 stack columns are in use`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())?;
        match self.detail() {
            Some(detail) => write!(f, ": {detail}"),
            None => Ok(()),
        }
    }
}
