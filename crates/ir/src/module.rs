//! The IR's data types: modules, functions, blocks, instructions and their operands.

use diag::{Diagnostic, Span};
use isa::Num;
use serde::{Deserialize, Serialize};

/// A variable of one function: a parameter, a source variable or a temporary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Var(pub u32);

/// A block of one function; block 0 is where the function starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct BlockId(pub u32);

/// A function of a module, by its index in [`Module::functions`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FuncId(pub u32);

/// A global of a module, by its index in [`Module::globals`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct GlobalId(pub u32);

/// A value an instruction reads: a variable or a constant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Operand {
    /// A variable's current value.
    Var(Var),
    /// A constant.
    Const(Num),
}

impl Operand {
    /// The constant `n`.
    pub fn int(n: i64) -> Operand {
        Operand::Const(Num::from(n))
    }

    /// The variable read, if any.
    pub fn var(self) -> Option<Var> {
        match self {
            Operand::Var(v) => Some(v),
            Operand::Const(_) => None,
        }
    }
}

impl From<Var> for Operand {
    fn from(v: Var) -> Operand {
        Operand::Var(v)
    }
}

impl From<Num> for Operand {
    fn from(n: Num) -> Operand {
        Operand::Const(n)
    }
}

/// Operations on one value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnOp {
    /// `-x`.
    Neg,
    /// Logical not: 1 for 0, else 0.
    Not,
    /// `|x|`.
    Abs,
}

/// Operations on two values. Comparisons give 0 or 1. Results beyond 50 digits fault with
/// `overflow`; division and remainder by zero fault with `division by zero`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BinOp {
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `*`.
    Mul,
    /// Division truncated toward zero (C, Java, `quot`, `truncate`).
    Div,
    /// Remainder with the sign of the dividend (C's `%`, `rem`).
    Rem,
    /// Division rounded toward −∞ (Python's `//`, Haskell's `div`, Lisp's `floor`).
    FloorDiv,
    /// Remainder with the sign of the divisor (Python's `%`, Haskell's `mod`, Lisp's `mod`).
    FloorMod,
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
}

impl BinOp {
    /// Whether the operation is a comparison (its result is 0 or 1).
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        )
    }

    /// The operation's name in the text form.
    pub fn name(self) -> &'static str {
        match self {
            BinOp::Add => "add",
            BinOp::Sub => "sub",
            BinOp::Mul => "mul",
            BinOp::Div => "div",
            BinOp::Rem => "rem",
            BinOp::FloorDiv => "floordiv",
            BinOp::FloorMod => "floormod",
            BinOp::Eq => "eq",
            BinOp::Ne => "ne",
            BinOp::Lt => "lt",
            BinOp::Le => "le",
            BinOp::Gt => "gt",
            BinOp::Ge => "ge",
        }
    }
}

impl UnOp {
    /// The operation's name in the text form.
    pub fn name(self) -> &'static str {
        match self {
            UnOp::Neg => "neg",
            UnOp::Not => "not",
            UnOp::Abs => "abs",
        }
    }
}

/// A Store column that a load or store reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Address {
    /// A column of a global, at a constant offset from its first column.
    Global {
        /// The global.
        global: GlobalId,
        /// Columns from its start; less than its size.
        offset: u32,
    },
    /// The column at a computed address plus a constant offset. An address outside the
    /// Store faults with `store address out of range`.
    Ptr {
        /// The address.
        base: Operand,
        /// Added to it.
        offset: i64,
    },
}

/// Faults that compiled code raises itself; the machine raises the others (division by
/// zero, overflow, stack overflow, an empty card reader) on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FaultKind {
    /// An array or list index outside it.
    IndexOutOfRange,
    /// No room left on the heap.
    HeapExhausted,
    /// No pattern of a match applied.
    MatchFailure,
    /// A name used before it was given a value.
    Unbound,
    /// An operation outside the language's subset that could only be found when running
    /// (Python's `**` with a negative exponent, say).
    Unsupported,
}

impl FaultKind {
    /// The fault's message, as a run reports it.
    pub fn message(self) -> &'static str {
        match self {
            FaultKind::IndexOutOfRange => "index out of range",
            FaultKind::HeapExhausted => "heap exhausted",
            FaultKind::MatchFailure => "no pattern matched",
            FaultKind::Unbound => "name used before it was given a value",
            FaultKind::Unsupported => "not supported in this subset",
        }
    }

    /// The fault's name in the text form.
    pub fn name(self) -> &'static str {
        match self {
            FaultKind::IndexOutOfRange => "index",
            FaultKind::HeapExhausted => "heap",
            FaultKind::MatchFailure => "match",
            FaultKind::Unbound => "unbound",
            FaultKind::Unsupported => "unsupported",
        }
    }
}

/// What an instruction does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InstKind {
    /// `dst ← src`.
    Copy {
        /// Written.
        dst: Var,
        /// Read.
        src: Operand,
    },
    /// `dst ← op arg`.
    Unary {
        /// Written.
        dst: Var,
        /// The operation.
        op: UnOp,
        /// Read.
        arg: Operand,
    },
    /// `dst ← lhs op rhs`.
    Binary {
        /// Written.
        dst: Var,
        /// The operation.
        op: BinOp,
        /// The left operand.
        lhs: Operand,
        /// The right operand.
        rhs: Operand,
    },
    /// `dst ←` the address of a global's first column.
    GlobalAddr {
        /// Written.
        dst: Var,
        /// The global.
        global: GlobalId,
    },
    /// `dst ←` the address of one of the function's frame arrays in this call (see
    /// [`Function::frame`]).
    FrameAddr {
        /// Written.
        dst: Var,
        /// The index into [`Function::frame`].
        slot: u32,
    },
    /// `dst ←` a value naming a function, for [`InstKind::CallIndirect`].
    FuncAddr {
        /// Written.
        dst: Var,
        /// The function.
        func: FuncId,
    },
    /// `dst ←` a Store column.
    Load {
        /// Written.
        dst: Var,
        /// The column.
        addr: Address,
    },
    /// A Store column `← value`.
    Store {
        /// The column.
        addr: Address,
        /// Written there.
        value: Operand,
    },
    /// `dst ←` the address of `words` fresh, zeroed columns on the heap; faults with
    /// `heap exhausted` if there is no room. A negative size faults the same way.
    Alloc {
        /// Written.
        dst: Var,
        /// How many columns.
        words: Operand,
    },
    /// Calls a function; `dst` takes its result if it returns one.
    Call {
        /// Written with the result.
        dst: Option<Var>,
        /// The function.
        func: FuncId,
        /// Its arguments, one per parameter.
        args: Vec<Operand>,
    },
    /// Calls the function a [`InstKind::FuncAddr`] value names.
    CallIndirect {
        /// Written with the result.
        dst: Option<Var>,
        /// The function's value.
        callee: Operand,
        /// Its arguments, one per parameter.
        args: Vec<Operand>,
    },
    /// Faults with `index out of range` unless `0 ≤ index < len`.
    CheckIndex {
        /// The index.
        index: Operand,
        /// The length.
        len: Operand,
    },
    /// `dst ←` the next number card; none left faults with `card reader empty`.
    ReadCard {
        /// Written.
        dst: Var,
    },
    /// Prints a number in decimal.
    PrintNum(Operand),
    /// Prints the character with this code; a code that is not a Unicode scalar value
    /// faults with `invalid character code`.
    PrintChar(Operand),
    /// Prints a text.
    PrintStr(String),
    /// Rings the bell.
    Bell,
}

impl InstKind {
    /// The variable the instruction writes, if any.
    pub fn dst(&self) -> Option<Var> {
        match self {
            InstKind::Copy { dst, .. }
            | InstKind::Unary { dst, .. }
            | InstKind::Binary { dst, .. }
            | InstKind::GlobalAddr { dst, .. }
            | InstKind::FrameAddr { dst, .. }
            | InstKind::FuncAddr { dst, .. }
            | InstKind::Load { dst, .. }
            | InstKind::Alloc { dst, .. }
            | InstKind::ReadCard { dst } => Some(*dst),
            InstKind::Call { dst, .. } | InstKind::CallIndirect { dst, .. } => *dst,
            InstKind::Store { .. }
            | InstKind::CheckIndex { .. }
            | InstKind::PrintNum(_)
            | InstKind::PrintChar(_)
            | InstKind::PrintStr(_)
            | InstKind::Bell => None,
        }
    }

    /// Every operand the instruction reads, in order.
    pub fn operands(&self) -> Vec<Operand> {
        let address = |addr: &Address| match addr {
            Address::Global { .. } => None,
            Address::Ptr { base, .. } => Some(*base),
        };
        match self {
            InstKind::Copy { src, .. } => vec![*src],
            InstKind::Unary { arg, .. } => vec![*arg],
            InstKind::Binary { lhs, rhs, .. } => vec![*lhs, *rhs],
            InstKind::GlobalAddr { .. }
            | InstKind::FrameAddr { .. }
            | InstKind::FuncAddr { .. }
            | InstKind::ReadCard { .. }
            | InstKind::PrintStr(_)
            | InstKind::Bell => Vec::new(),
            InstKind::Load { addr, .. } => address(addr).into_iter().collect(),
            InstKind::Store { addr, value } => address(addr).into_iter().chain([*value]).collect(),
            InstKind::Alloc { words, .. } => vec![*words],
            InstKind::Call { args, .. } => args.clone(),
            InstKind::CallIndirect { callee, args, .. } => std::iter::once(*callee)
                .chain(args.iter().copied())
                .collect(),
            InstKind::CheckIndex { index, len } => vec![*index, *len],
            InstKind::PrintNum(v) | InstKind::PrintChar(v) => vec![*v],
        }
    }

    /// Whether removing the instruction (when nothing reads what it writes) could change
    /// what a run does: output, input, the Store, calls, or a fault.
    pub fn has_effect(&self) -> bool {
        match self {
            InstKind::Copy { .. }
            | InstKind::GlobalAddr { .. }
            | InstKind::FrameAddr { .. }
            | InstKind::FuncAddr { .. } => false,
            InstKind::Unary { op, .. } => *op == UnOp::Neg || *op == UnOp::Abs,
            // Arithmetic can overflow or divide by zero; comparisons cannot fault.
            InstKind::Binary { op, .. } => !op.is_comparison(),
            // A load from a computed address can fault.
            InstKind::Load { addr, .. } => matches!(addr, Address::Ptr { .. }),
            _ => true,
        }
    }
}

/// One instruction and the source it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inst {
    /// What it does.
    pub kind: InstKind,
    /// The source construct, or `None` for code a front end adds of its own.
    pub span: Option<Span>,
}

/// How a block ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TermKind {
    /// Goes on at another block.
    Jump(BlockId),
    /// Goes on at `then_block` if `cond` is not 0, else at `else_block`.
    Branch {
        /// Tested.
        cond: Operand,
        /// Taken when `cond` is not 0.
        then_block: BlockId,
        /// Taken when `cond` is 0.
        else_block: BlockId,
    },
    /// Returns from the function, with a value if it returns one. Returning from the
    /// module's entry function ends the run normally.
    Return(Option<Operand>),
    /// Stops the run with a fault.
    Fault(FaultKind),
}

impl TermKind {
    /// The blocks control can go to next.
    pub fn successors(&self) -> Vec<BlockId> {
        match self {
            TermKind::Jump(b) => vec![*b],
            TermKind::Branch {
                then_block,
                else_block,
                ..
            } => vec![*then_block, *else_block],
            TermKind::Return(_) | TermKind::Fault(_) => Vec::new(),
        }
    }

    /// The operands the terminator reads.
    pub fn operands(&self) -> Vec<Operand> {
        match self {
            TermKind::Branch { cond, .. } => vec![*cond],
            TermKind::Return(Some(v)) => vec![*v],
            TermKind::Jump(_) | TermKind::Return(None) | TermKind::Fault(_) => Vec::new(),
        }
    }
}

/// A block's terminator and the source it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// How the block ends.
    pub kind: TermKind,
    /// The source construct (`return x;`, the loop's condition), if any.
    pub span: Option<Span>,
}

/// A straight run of instructions ending in one terminator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// The instructions, in order.
    pub insts: Vec<Inst>,
    /// How it ends.
    pub term: Term,
}

/// What is known of a variable, for the text form and the debugger.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VarInfo {
    /// Its name in the source, or `None` for a temporary.
    pub name: Option<String>,
}

/// A function: parameters, variables and a control-flow graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Function {
    /// Its name (unique in the module; front ends mangle nested or helper names).
    pub name: String,
    /// How many parameters it takes: variables `0 … params − 1` hold them on entry.
    pub params: u32,
    /// Every variable, parameters first. A variable read before any write reads 0.
    pub vars: Vec<VarInfo>,
    /// The blocks; block 0 is the entry.
    pub blocks: Vec<Block>,
    /// Sizes of the function's frame arrays: Store columns each call gets for itself and
    /// gives back when it returns (C's local arrays). Their contents start unspecified.
    pub frame: Vec<u32>,
    /// Whether it returns a value (every `Return` then carries one).
    pub returns_value: bool,
    /// Its definition in the source, if any.
    pub span: Option<Span>,
}

impl Function {
    /// A block by id.
    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.0 as usize]
    }

    /// The variable holding parameter `i`.
    pub fn param(&self, i: u32) -> Var {
        Var(i)
    }
}

/// A run of Store columns that lives for the whole run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Global {
    /// Its name, shown beside its columns in the Store view.
    pub name: String,
    /// How many columns; at least 1.
    pub size: u32,
    /// The values of its first columns at the start (the rest are 0).
    pub init: Vec<Num>,
    /// Its definition in the source, if any.
    pub span: Option<Span>,
}

/// A whole program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module {
    /// Globals, laid out in order from Store column 0.
    pub globals: Vec<Global>,
    /// Functions.
    pub functions: Vec<Function>,
    /// The function a run starts with; it takes no parameters, and its return ends the
    /// run (its value, if any, is the program's result: C's `main`).
    pub entry: FuncId,
}

impl Module {
    /// A function by id.
    pub fn function(&self, id: FuncId) -> &Function {
        &self.functions[id.0 as usize]
    }

    /// A global by id.
    pub fn global(&self, id: GlobalId) -> &Global {
        &self.globals[id.0 as usize]
    }

    /// The module-wide id of the first instruction of each block of each function: ids
    /// count every instruction and terminator in order (function by function, block by
    /// block, the terminator last in its block). Source maps name IR instructions by them.
    pub fn first_ids(&self) -> Vec<Vec<u32>> {
        let mut next = 0u32;
        self.functions
            .iter()
            .map(|f| {
                f.blocks
                    .iter()
                    .map(|b| {
                        let first = next;
                        next += b.insts.len() as u32 + 1;
                        first
                    })
                    .collect()
            })
            .collect()
    }

    /// A function by name.
    pub fn find_function(&self, name: &str) -> Option<FuncId> {
        self.functions
            .iter()
            .position(|f| f.name == name)
            .map(|i| FuncId(i as u32))
    }
}

/// What a front end returns: the module when the program has no errors, and every
/// diagnostic (warnings too), in source order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lowering {
    /// The program, if it has no errors.
    pub module: Option<Module>,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
}
