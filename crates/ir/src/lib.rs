//! The shared intermediate representation that every compiled language lowers to.
//!
//! A [`Module`] holds globals (runs of Store columns) and [`Function`]s; a function is a
//! control-flow graph of [`Block`]s, each a list of [`Inst`]s ending in one [`Term`].
//! Values are the machine's 50-digit integers ([`isa::Num`]); addresses, booleans (0/1)
//! and function references are integers too. Variables ([`Var`]) are not in SSA form: a
//! front end assigns them as often as it likes, and liveness is computed over the CFG.
//!
//! Every instruction carries the span of the source construct it came from (`None` for
//! code a front end adds of its own, such as a list helper): runtime faults name that
//! line, and the source map of the machine program points back through it.
//!
//! Front ends build functions with a [`FunctionBuilder`] and return a [`Lowering`]: the
//! module when there are no errors, and every diagnostic.
//!
//! Analyses for the passes and code generation: [`Cfg`] (successors, predecessors,
//! reverse postorder) and [`Liveness`] (live variables per block and per instruction).
//! [`layout`] fixes where globals, the heap and frame arrays live in the Store, for the
//! reference interpreter and code generation alike.
//!
//! [`verify`] checks the rules code generation relies on; [`interpret`] is the reference
//! interpreter that compiled programs are tested against; [`optimize`] folds constants,
//! propagates copies and removes dead code without changing what a run prints, how it
//! ends or where it faults.

mod builder;
mod cfg;
mod eval;
mod interp;
pub mod layout;
mod liveness;
mod module;
mod opt;
mod print;
mod verify;

pub use builder::{FunctionBuilder, ModuleBuilder};
pub use cfg::Cfg;
pub use interp::{CALL_COLUMNS, End, Interpretation, interpret};
pub use liveness::{Liveness, VarSet, step_back_inst, step_back_term};
pub use module::{
    Address, BinOp, Block, BlockId, FaultKind, FuncId, Function, Global, GlobalId, Inst, InstKind,
    Lowering, Module, Operand, Term, TermKind, UnOp, Var, VarInfo,
};
pub use opt::optimize;
pub use print::print_module;
pub use verify::{VerifyError, verify};

pub use isa::Num;
