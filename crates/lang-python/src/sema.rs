//! Name resolution and static typing of the subset.
//!
//! Names are resolved by Python's rules before anything runs: a name assigned anywhere in
//! a function (and not declared `global`) is local to it; other names are the module's
//! globals, its functions, or built-ins; a name bound nowhere is `py/undeclared-name`,
//! with a "did you mean" hint.
//!
//! Every variable, parameter, return value and expression gets one type of [`Ty`],
//! inferred by unification (no annotations are needed, and any given are ignored), since
//! printing must match CPython: `True` for a bool, `[1, 2]` for a list, `None` for what a
//! function without a value returns. A variable holding two types is outside the subset;
//! an operation Python would reject with a `TypeError` is `py/type-mismatch`.

mod check;
mod collect;
mod solver;

use std::collections::BTreeMap;

use diag::{Diagnostic, Span};
use isa::Num;

use crate::ast::{Expr, Module};
pub(crate) use solver::Ty;

/// What a program's names and expressions are, for lowering.
#[derive(Debug, Default)]
pub(crate) struct Info {
    /// The module's global variables.
    pub(crate) globals: Vec<Variable>,
    /// The functions, in the order of their definitions.
    pub(crate) funcs: Vec<Func>,
    /// The variables of comprehensions, one per comprehension.
    pub(crate) comps: Vec<Variable>,
    /// What each name expression refers to, by the expression's address.
    bindings: BTreeMap<usize, Binding>,
    /// The type of each expression, by its address.
    types: BTreeMap<usize, Ty>,
    /// How the arguments of each call of a function of the program fill its parameters,
    /// by the call's address.
    calls: BTreeMap<usize, Vec<ArgFrom>>,
}

/// The expressions of one tree are told apart by their addresses, which stay put from
/// checking to lowering because the tree is not moved or changed in between.
fn key(e: &Expr) -> usize {
    std::ptr::from_ref(e) as usize
}

impl Info {
    /// What a name expression refers to.
    pub(crate) fn binding(&self, e: &Expr) -> Option<Binding> {
        self.bindings.get(&key(e)).copied()
    }

    /// An expression's type (`int` for one never checked, which only follows errors).
    pub(crate) fn ty(&self, e: &Expr) -> Ty {
        self.types.get(&key(e)).copied().unwrap_or(Ty::Int)
    }

    /// How a call's arguments fill the parameters of the function it calls.
    pub(crate) fn call_args(&self, call: &Expr) -> &[ArgFrom] {
        self.calls.get(&key(call)).map_or(&[], Vec::as_slice)
    }
}

/// A variable: global, local or a comprehension's.
#[derive(Clone, Debug)]
pub(crate) struct Variable {
    pub(crate) name: String,
    pub(crate) span: Span,
    /// For a global: whether any function uses it (else only the module's code does).
    pub(crate) shared: bool,
}

/// A function of the program.
#[derive(Clone, Debug)]
pub(crate) struct Func {
    pub(crate) name: String,
    /// Its parameters, then its other local variables.
    pub(crate) locals: Vec<Variable>,
    pub(crate) params: usize,
    /// The type it returns (`None` if it returns no value).
    pub(crate) ret: Ty,
    /// Where its definition stands among the module's statements.
    pub(crate) stmt: usize,
}

/// What a name refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Binding {
    Global(usize),
    Local(usize),
    Comp(usize),
    Func(usize),
    Builtin(Builtin),
}

/// The built-in functions of the subset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Builtin {
    Print,
    Input,
    Int,
    Len,
    Range,
    Abs,
    Min,
    Max,
    Sum,
}

impl Builtin {
    const ALL: [(&'static str, Builtin); 9] = [
        ("print", Builtin::Print),
        ("input", Builtin::Input),
        ("int", Builtin::Int),
        ("len", Builtin::Len),
        ("range", Builtin::Range),
        ("abs", Builtin::Abs),
        ("min", Builtin::Min),
        ("max", Builtin::Max),
        ("sum", Builtin::Sum),
    ];

    fn by_name(name: &str) -> Option<Builtin> {
        Builtin::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| *b)
    }
}

/// Where one parameter's value comes from in a call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ArgFrom {
    /// The positional argument with this index.
    Positional(usize),
    /// The keyword argument with this index.
    Keyword(usize),
    /// The parameter's default.
    Default(Num),
}

/// Resolves and types a parsed module, reporting every problem into `diags`.
pub(crate) fn analyse(source: &str, module: &Module, diags: &mut Vec<Diagnostic>) -> Info {
    check::Checker::run(source, module, diags)
}

/// Built-in names outside the subset, named so that using one says so rather than
/// "undeclared name".
const OTHER_BUILTINS: [&str; 32] = [
    "str",
    "float",
    "bool",
    "list",
    "dict",
    "set",
    "tuple",
    "sorted",
    "reversed",
    "enumerate",
    "zip",
    "map",
    "filter",
    "any",
    "all",
    "round",
    "pow",
    "divmod",
    "open",
    "chr",
    "ord",
    "hex",
    "bin",
    "oct",
    "isinstance",
    "type",
    "repr",
    "iter",
    "next",
    "hash",
    "id",
    "format",
];
