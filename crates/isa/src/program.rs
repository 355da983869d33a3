//! A whole machine program: operation cards, the Store's initial image and its sizes.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Insn, Mem, Num, Src};

/// The Store size when a program does not set one with `.store`.
pub const DEFAULT_STORE_SIZE: u32 = 10_000;
/// The smallest Store `.store` accepts.
pub const MIN_STORE_SIZE: u32 = 100;
/// The largest Store `.store` accepts.
pub const MAX_STORE_SIZE: u32 = 1_000_000;
/// The largest decimal shift.
pub const MAX_SHIFT: u8 = 50;

/// The stack size for a Store of `store_size` columns when a program does not set one.
pub fn default_stack_size(store_size: u32) -> u32 {
    store_size / 5
}

/// Names that the assembler (or a compiler) gave to places in a program, kept so that the
/// disassembler and the debugger can show them. They never change what a program does.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Symbols {
    /// Code labels by instruction index, in the order they were written.
    pub code: BTreeMap<u32, Vec<String>>,
    /// Data names, in Store order.
    pub data: Vec<DataSymbol>,
}

/// A named run of Store columns reserved by `.data` or `.zero`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataSymbol {
    /// The name.
    pub name: String,
    /// The first column.
    pub addr: u32,
    /// How many columns.
    pub len: u32,
}

/// A program for the register machine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Program {
    /// The operation cards, in order; `PC` indexes them.
    pub insns: Vec<Insn>,
    /// Where execution starts.
    pub entry: u32,
    /// How many Store columns there are (`n`).
    pub store_size: u32,
    /// How many columns at the top of the Store the stack may use (`s`).
    pub stack_size: u32,
    /// The initial values of columns `0 … data.len() − 1`; the rest start at zero.
    pub data: Vec<Num>,
    /// Names for display only.
    pub symbols: Symbols,
}

impl Default for Program {
    fn default() -> Program {
        Program {
            insns: Vec::new(),
            entry: 0,
            store_size: DEFAULT_STORE_SIZE,
            stack_size: default_stack_size(DEFAULT_STORE_SIZE),
            data: Vec::new(),
            symbols: Symbols::default(),
        }
    }
}

/// Why a program cannot be loaded into the machine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgramError {
    /// The Store size is outside 100 … 1,000,000.
    StoreSize(u32),
    /// The stack size is 0 or larger than the Store.
    StackSize(u32),
    /// Data and stack columns overlap.
    Overlap {
        /// Columns of data.
        data: u32,
        /// Columns of stack.
        stack: u32,
    },
    /// The entry point is not an instruction index (nor the end of the program).
    Entry(u32),
    /// An instruction is not executable as written.
    Insn {
        /// Its index.
        index: u32,
        /// What is wrong.
        reason: &'static str,
    },
}

impl fmt::Display for ProgramError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgramError::StoreSize(n) => write!(
                f,
                "a Store of {n} columns is outside {MIN_STORE_SIZE} … {MAX_STORE_SIZE}"
            ),
            ProgramError::StackSize(s) => write!(f, "a stack of {s} columns does not fit"),
            ProgramError::Overlap { data, stack } => write!(
                f,
                "{data} columns of data and {stack} columns of stack overlap"
            ),
            ProgramError::Entry(e) => write!(f, "the entry point {e} is not an instruction"),
            ProgramError::Insn { index, reason } => write!(f, "instruction {index}: {reason}"),
        }
    }
}

impl std::error::Error for ProgramError {}

impl Program {
    /// The first column the stack may use.
    pub fn stack_floor(&self) -> u32 {
        self.store_size.saturating_sub(self.stack_size)
    }

    /// Checks everything the machine relies on before it runs: sizes, the entry point, fixed
    /// jump targets, fixed Store addresses and shift counts. The assembler never produces a
    /// program that fails this; a program from elsewhere (a fuzzer, a file) might.
    pub fn validate(&self) -> Result<(), ProgramError> {
        let n = self.store_size;
        if !(MIN_STORE_SIZE..=MAX_STORE_SIZE).contains(&n) {
            return Err(ProgramError::StoreSize(n));
        }
        if self.stack_size == 0 || self.stack_size > n {
            return Err(ProgramError::StackSize(self.stack_size));
        }
        let data = u32::try_from(self.data.len()).unwrap_or(u32::MAX);
        if data > self.stack_floor() {
            return Err(ProgramError::Overlap {
                data,
                stack: self.stack_size,
            });
        }
        let len = u32::try_from(self.insns.len()).unwrap_or(u32::MAX);
        if self.entry > len {
            return Err(ProgramError::Entry(self.entry));
        }
        for (index, insn) in self.insns.iter().enumerate() {
            let index = index as u32;
            let bad = |reason| Err(ProgramError::Insn { index, reason });
            if insn.static_target().is_some_and(|t| t > len) {
                return bad("jump target outside the program");
            }
            if let Insn::Shift(_, _, k) = insn
                && *k > MAX_SHIFT
            {
                return bad("shift count above 50");
            }
            if let Insn::Stor(Src::Mem(_), _) = insn {
                return bad("STOR takes a register or an immediate");
            }
            if insn_fixed_addresses(insn).any(|a| a >= n) {
                return bad("Store address outside the Store");
            }
        }
        Ok(())
    }
}

/// The Store columns an instruction names directly.
fn insn_fixed_addresses(insn: &Insn) -> impl Iterator<Item = u32> {
    let fixed = |s: &Src| match s {
        Src::Mem(Mem::Abs(a)) => Some(*a),
        _ => None,
    };
    let (first, second) = match insn {
        Insn::Load(_, s)
        | Insn::Arith(_, _, s)
        | Insn::Cmp(_, s)
        | Insn::Push(s)
        | Insn::Wrprn(s)
        | Insn::Wrchr(s) => (fixed(s), None),
        Insn::Stor(s, Mem::Abs(a)) => (fixed(s), Some(*a)),
        Insn::Stor(s, _) => (fixed(s), None),
        _ => (None, None),
    };
    first.into_iter().chain(second)
}
