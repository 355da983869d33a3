//! Name resolution and type checking: the rules of C that the subset keeps.
//!
//! One pass in source order, as C reads a file: a name is visible from its declaration
//! to the end of its block (globals and functions to the end of the file), inner
//! declarations shadow outer ones, and a function must be declared (or defined) before
//! it is called. The checker fills the `res` fields of the tree, works out constant
//! values (array sizes, `case` labels, global initialisers) and returns the [`Symbols`]
//! that lowering needs. Every problem is reported; a name or expression that is already
//! wrong is not reported again where it is used.

mod calls;
mod expr;
mod stmt;

use std::collections::BTreeMap;

use diag::{Diagnostic, Span};
use isa::Num;

use crate::ast::*;
use crate::consts::{self, NotConst};

/// The columns of the Store that a program's data may use: globals and, while their
/// functions run, local arrays (the rest holds the machine stack).
pub(crate) const MAX_ARRAY: u32 = ir::layout::FRAME_BASE;

/// What a variable is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    Scalar,
    /// An array with its length.
    Array(u32),
    /// An array parameter (`int a[]`): the caller's array, passed by reference.
    ArrayParam,
}

/// A variable or parameter.
#[derive(Clone, Debug)]
pub(crate) struct Var {
    pub(crate) name: String,
    pub(crate) shape: Shape,
    pub(crate) is_const: bool,
    /// Where its name is declared.
    pub(crate) span: Span,
    /// Its declaration was already reported as wrong: uses say nothing more.
    pub(crate) poisoned: bool,
}

/// How a parameter is passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ParamSig {
    pub(crate) is_array: bool,
    pub(crate) is_const: bool,
}

/// A function of the program.
#[derive(Clone, Debug)]
pub(crate) struct Func {
    pub(crate) name: String,
    pub(crate) returns_void: bool,
    pub(crate) params: Vec<ParamSig>,
    /// Where it is first declared.
    pub(crate) span: Span,
    /// The index in `Program::items` of its definition.
    pub(crate) item: Option<usize>,
    /// Its parameters (first) and local variables, as `Res::Local` numbers them.
    pub(crate) locals: Vec<Var>,
    /// Where it is first called, for "declared but never defined".
    used: Option<Span>,
    /// Declared only as `f()` so far: the parameters are not known yet.
    unspecified: bool,
    /// Calls made while the parameters were not known: where, and whether each
    /// argument names an array; checked against the definition at the end.
    unchecked_calls: Vec<(Span, Vec<bool>)>,
}

/// A global variable.
#[derive(Clone, Debug)]
pub(crate) struct Global {
    pub(crate) var: Var,
    /// Initial values (missing ones are zero).
    pub(crate) init: Vec<Num>,
    has_init: bool,
}

/// Everything the checker learnt that lowering needs.
#[derive(Clone, Debug, Default)]
pub(crate) struct Symbols {
    pub(crate) funcs: Vec<Func>,
    pub(crate) globals: Vec<Global>,
    /// The `main` function.
    pub(crate) main: Option<usize>,
}

/// What a file-level name stands for.
#[derive(Clone, Copy, Debug)]
enum FileSym {
    Func(usize),
    Global(usize),
}

/// The type of an expression, as far as the subset distinguishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ty {
    /// A number (`int` or `long`).
    Num,
    /// No value: a call of a `void` function.
    Void,
    /// An array, by name.
    Array { is_const: bool },
    /// A string literal.
    Str,
    /// What a library function returns, which the subset does not let programs use.
    LibResult(&'static str),
    /// Already reported.
    Error,
}

/// An enclosing `switch`: its cases so far.
struct Switch {
    cases: Vec<(Num, Span)>,
    default: Option<Span>,
}

struct Checker<'s> {
    src: &'s str,
    diags: Vec<Diagnostic>,
    syms: Symbols,
    file: BTreeMap<String, FileSym>,
    /// File-level names in declaration order, for suggestions.
    file_order: Vec<String>,
    /// Every function defined or declared anywhere in the file, for "used before
    /// declared".
    all_funcs: BTreeMap<String, Span>,
    /// The function being checked and its local scopes (innermost last), each a list of
    /// names and their local numbers.
    func: Option<usize>,
    scopes: Vec<Vec<(String, usize)>>,
    locals: Vec<Var>,
    /// Enclosing loops and switches, innermost last (`true` for a loop).
    breakable: Vec<bool>,
    switches: Vec<Switch>,
}

/// Checks a parsed program; fills in its resolutions and returns what lowering needs.
pub(crate) fn check(src: &str, program: &mut Program, diags: &mut Vec<Diagnostic>) -> Symbols {
    let mut all_funcs = BTreeMap::new();
    for item in &program.items {
        if let Item::Func(f) = item {
            all_funcs.entry(f.name.name.clone()).or_insert(f.name.span);
        }
    }
    let mut c = Checker {
        src,
        diags: Vec::new(),
        syms: Symbols::default(),
        file: BTreeMap::new(),
        file_order: Vec::new(),
        all_funcs,
        func: None,
        scopes: Vec::new(),
        locals: Vec::new(),
        breakable: Vec::new(),
        switches: Vec::new(),
    };
    for (index, item) in program.items.iter_mut().enumerate() {
        match item {
            Item::Func(f) => c.function(f, index),
            Item::Vars(decls) => c.globals(decls),
        }
    }
    c.finish();
    diags.append(&mut c.diags);
    c.syms
}

fn unsupported(what: impl std::fmt::Display, span: Span) -> Diagnostic {
    Diagnostic::error(
        "c/unsupported",
        format!("not supported in this subset: {what}"),
        span,
    )
}

impl Checker<'_> {
    fn text(&self, span: Span) -> &str {
        self.src.get(span.range()).unwrap_or("")
    }

    fn error(&mut self, code: &str, message: impl Into<String>, span: Span) -> &mut Diagnostic {
        self.diags.push(Diagnostic::error(code, message, span));
        self.diags.last_mut().expect("just pushed")
    }

    fn declare_file(&mut self, name: &str, sym: FileSym) {
        if self.file.insert(name.to_string(), sym).is_none() {
            self.file_order.push(name.to_string());
        }
    }

    /// Where a file-level name was declared.
    fn file_span(&self, sym: FileSym) -> Span {
        match sym {
            FileSym::Func(i) => self.syms.funcs[i].span,
            FileSym::Global(i) => self.syms.globals[i].var.span,
        }
    }

    fn function(&mut self, f: &mut FuncDecl, item: usize) {
        let params: Vec<ParamSig> = f
            .params
            .iter()
            .map(|p| ParamSig {
                is_array: p.is_array,
                is_const: p.ty.is_const,
            })
            .collect();
        let returns_void = f.ret.base == Base::Void;
        let name = f.name.name.clone();
        if crate::check::calls::is_library(&name) {
            self.error(
                "c/redefinition",
                format!("`{name}` is a library function and cannot be declared again"),
                f.name.span,
            )
            .hints
            .push("give your function another name".into());
            return;
        }
        let id = match self.file.get(&name).copied() {
            Some(FileSym::Func(id)) => {
                let old = &self.syms.funcs[id];
                let poisoned =
                    f.ret.base == Base::Error || f.params.iter().any(|p| p.ty.base == Base::Error);
                // `f()` says nothing of the parameters, so it agrees with any list.
                let same_params =
                    old.params == params || old.unspecified || f.unspecified && f.body.is_none();
                if !poisoned && (old.returns_void != returns_void || !same_params) {
                    let span = old.span;
                    self.error(
                        "c/type-mismatch",
                        format!("conflicting declarations of `{name}`"),
                        f.name.span.cover(f.params_span),
                    )
                    .labels
                    .push(diag::Label {
                        span,
                        message: "first declared here".into(),
                    });
                }
                let func = &mut self.syms.funcs[id];
                if func.unspecified && !(f.unspecified && f.body.is_none()) {
                    func.params = params;
                    func.unspecified = false;
                }
                if f.body.is_some() && self.syms.funcs[id].item.is_some() {
                    let span = self.syms.funcs[id].span;
                    self.error(
                        "c/redefinition",
                        format!("`{name}` is defined twice"),
                        f.name.span,
                    )
                    .labels
                    .push(diag::Label {
                        span,
                        message: "first defined here".into(),
                    });
                    return;
                }
                id
            }
            Some(other) => {
                let span = self.file_span(other);
                self.error(
                    "c/redefinition",
                    format!("`{name}` is already a global variable"),
                    f.name.span,
                )
                .labels
                .push(diag::Label {
                    span,
                    message: "declared here".into(),
                });
                return;
            }
            None => {
                self.syms.funcs.push(Func {
                    name: name.clone(),
                    returns_void,
                    params,
                    span: f.name.span,
                    item: None,
                    locals: Vec::new(),
                    used: None,
                    unspecified: f.unspecified && f.body.is_none(),
                    unchecked_calls: Vec::new(),
                });
                let id = self.syms.funcs.len() - 1;
                self.declare_file(&name, FileSym::Func(id));
                id
            }
        };
        if name == "main" {
            self.check_main(f);
        }
        // Parameters: checked in prototypes too, named or not.
        for p in &f.params {
            if p.ty.base == Base::Void {
                let span = p.span;
                self.error("c/type-mismatch", "a parameter cannot be `void`", span)
                    .hints
                    .push("write `(void)` alone for a function without parameters".into());
            }
        }
        let Some(body) = &mut f.body else { return };
        self.syms.funcs[id].item = Some(item);
        self.syms.funcs[id].span = f.name.span;
        self.func = Some(id);
        self.locals.clear();
        self.scopes = vec![Vec::new()];
        for p in &f.params {
            let Some(pname) = &p.name else {
                self.error(
                    "c/syntax",
                    "a parameter of a function definition needs a name",
                    p.span,
                );
                continue;
            };
            let var = Var {
                name: pname.name.clone(),
                shape: if p.is_array {
                    Shape::ArrayParam
                } else {
                    Shape::Scalar
                },
                is_const: p.ty.is_const,
                span: pname.span,
                poisoned: matches!(p.ty.base, Base::Error | Base::Void),
            };
            self.declare_local(var);
        }
        // The body's outermost block shares the parameters' scope, as in C.
        for stmt in &mut body.stmts {
            self.stmt(stmt);
        }
        // C lets a function that returns a number end without `return`, and what the
        // caller gets is then undefined (here 0); `main` returns 0 by the standard.
        if !returns_void
            && f.ret.base != Base::Error
            && name != "main"
            && !body.stmts.iter().any(stmt::always_returns)
        {
            let end = body.span.end as usize;
            self.diags.push(
                Diagnostic::warning(
                    "c/missing-return",
                    format!("`{name}` can reach its end without returning a value"),
                    Span::new(end - 1, end),
                )
                .with_label(f.name.span, format!("`{name}` returns a number"))
                .with_hint("end every path through the function with `return …;`"),
            );
        }
        self.syms.funcs[id].locals = std::mem::take(&mut self.locals);
        self.scopes.clear();
        self.func = None;
    }

    fn check_main(&mut self, f: &FuncDecl) {
        if f.ret.base == Base::Error {
            return;
        }
        if f.ret.base != Base::Int || !f.params.is_empty() {
            let span = f.ret.span.cover(f.params_span);
            self.error(
                "c/main",
                format!(
                    "`main` must be declared `int main(void)`, not `{}`",
                    self.text(span)
                ),
                span,
            )
            .hints
            .push("`main` takes no arguments and returns an `int`".into());
        }
    }

    /// Declares a local variable in the innermost scope; returns its number.
    fn declare_local(&mut self, var: Var) -> usize {
        let scope = self.scopes.last().expect("inside a function");
        if let Some(&(_, old)) = scope.iter().find(|(n, _)| *n == var.name) {
            let span = self.locals[old].span;
            self.error(
                "c/redefinition",
                format!("`{}` is declared twice in the same block", var.name),
                var.span,
            )
            .labels
            .push(diag::Label {
                span,
                message: "first declared here".into(),
            });
        }
        let name = var.name.clone();
        self.locals.push(var);
        let id = self.locals.len() - 1;
        self.scopes
            .last_mut()
            .expect("inside a function")
            .push((name, id));
        id
    }

    /// The shape of a declarator's variable, with its size worked out.
    fn shape(&mut self, v: &mut VarDecl) -> Option<Shape> {
        let name = v.name.name.clone();
        match &mut v.array {
            None => Some(Shape::Scalar),
            Some(ArraySize::Given(size, value)) => {
                let size_span = size.span;
                let n = self.constant(size, "an array size")?;
                let len = match n.to_i64() {
                    Some(n) if n >= 1 && n <= i64::from(MAX_ARRAY) => n as u32,
                    _ if n.is_negative() || n.is_zero() => {
                        self.error(
                            "c/array-size",
                            format!("the array `{name}` must have at least one element, not {n}"),
                            size_span,
                        );
                        return None;
                    }
                    _ => {
                        self.error(
                            "c/array-size",
                            format!("the array `{name}` is too large: {n} elements"),
                            size_span,
                        )
                        .hints
                        .push(format!("a program's data has room for {MAX_ARRAY} numbers"));
                        return None;
                    }
                };
                *value = Some(len);
                if let Some(Init::List(items, _)) = &v.init
                    && items.len() > len as usize
                {
                    let extra = items[len as usize].span;
                    self.error(
                        "c/initializer",
                        format!(
                            "too many initial values for `{name}[{len}]`: {} given",
                            items.len()
                        ),
                        extra,
                    );
                }
                Some(Shape::Array(len))
            }
            Some(ArraySize::FromInit(brackets)) => match &v.init {
                Some(Init::List(items, span)) if items.is_empty() => {
                    let span = *span;
                    self.error(
                        "c/array-size",
                        format!("the array `{name}` must have at least one element"),
                        span,
                    );
                    None
                }
                Some(Init::List(items, _)) => Some(Shape::Array(items.len() as u32)),
                _ => {
                    let span = *brackets;
                    self.error(
                        "c/array-size",
                        format!("the array `{name}` needs a size"),
                        span,
                    )
                    .hints
                    .push(format!(
                        "give it one, as in `{name}[10]`, or initial values"
                    ));
                    None
                }
            },
        }
    }

    /// The value of a constant expression, or `None` (reported).
    fn constant(&mut self, e: &mut Expr, what: &str) -> Option<Num> {
        match consts::eval(e) {
            Ok(v) => Some(v),
            Err(NotConst::Error) => None,
            Err(NotConst::Bad(d)) => {
                self.diags.push(d);
                None
            }
            Err(NotConst::Runtime(span)) => {
                // Check the expression anyway, so that undeclared names are reported.
                let errors = self.diags.len();
                let _ = self.expr(e);
                if self.diags.len() == errors {
                    let shown = self.text(span).to_string();
                    self.error(
                        "c/not-constant",
                        format!("{what} must be a constant, and `{shown}` is not"),
                        span,
                    )
                    .hints
                    .push("use numbers or `#define` constants, as in `#define SIZE 10`".into());
                }
                None
            }
        }
    }

    /// Reports a variable of type `void`, which holds no value (globals and locals alike).
    fn not_void(&mut self, base: Base, name: &Ident) {
        if base == Base::Void {
            self.error(
                "c/type-mismatch",
                format!("the variable `{}` cannot be `void`", name.name),
                name.span,
            );
        }
    }

    fn globals(&mut self, decls: &mut VarDecls) {
        let base = decls.ty.base;
        for v in &mut decls.vars {
            let name = v.name.name.clone();
            self.not_void(base, &v.name);
            let shape = self.shape(v);
            let mut init = Vec::new();
            let has_init = v.init.is_some();
            match (&mut v.init, shape) {
                (None, _) | (_, None) => {}
                (Some(Init::Expr(e)), Some(Shape::Scalar)) => {
                    if let Some(value) = self.constant(e, "the initial value of a global") {
                        init.push(value);
                    }
                }
                (Some(Init::List(items, _)), Some(Shape::Array(_))) => {
                    for e in items.iter_mut() {
                        init.push(
                            self.constant(e, "the initial value of a global")
                                .unwrap_or(Num::ZERO),
                        );
                    }
                }
                (Some(init), Some(shape)) => self.init_mismatch(&name, init, shape),
            }
            let poisoned = base == Base::Error || base == Base::Void || shape.is_none();
            let var = Var {
                name: name.clone(),
                shape: shape.unwrap_or(Shape::Scalar),
                is_const: decls.ty.is_const,
                span: v.name.span,
                poisoned,
            };
            match self.file.get(&name).copied() {
                // A global may be declared again (C's tentative definitions), with the
                // same type and at most one initialiser.
                Some(FileSym::Global(id)) => {
                    let old = &self.syms.globals[id];
                    let same = old.var.shape == var.shape && old.var.is_const == var.is_const;
                    if !same || (old.has_init && has_init) {
                        let span = old.var.span;
                        self.error(
                            "c/redefinition",
                            format!("`{name}` is declared twice"),
                            v.name.span,
                        )
                        .labels
                        .push(diag::Label {
                            span,
                            message: "first declared here".into(),
                        });
                    } else if has_init {
                        self.syms.globals[id].init = init;
                        self.syms.globals[id].has_init = true;
                    }
                    v.res = Res::Global(id);
                }
                Some(other) => {
                    let span = self.file_span(other);
                    self.error(
                        "c/redefinition",
                        format!("`{name}` is already a function"),
                        v.name.span,
                    )
                    .labels
                    .push(diag::Label {
                        span,
                        message: "declared here".into(),
                    });
                }
                None => {
                    self.syms.globals.push(Global {
                        var,
                        init,
                        has_init,
                    });
                    let id = self.syms.globals.len() - 1;
                    self.declare_file(&name, FileSym::Global(id));
                    v.res = Res::Global(id);
                }
            }
        }
    }

    /// An array initialised by a single value, or a number by a list.
    fn init_mismatch(&mut self, name: &str, init: &Init, shape: Shape) {
        match (init, shape) {
            (Init::Expr(e), _) => {
                self.error(
                    "c/type-mismatch",
                    format!("the array `{name}` needs a list of initial values in braces"),
                    e.span,
                )
                .hints
                .push("write `{1, 2, 3}`".into());
            }
            (Init::List(_, span), _) => {
                self.error(
                    "c/unsupported",
                    format!("not supported in this subset: braces around the initial value of `{name}`, which is not an array"),
                    *span,
                );
            }
        }
    }

    /// End-of-file checks: the data fits, `main` exists, called functions are defined.
    fn finish(&mut self) {
        // Calls made before the parameters were known must match them.
        for f in &self.syms.funcs {
            for (span, arrays) in &f.unchecked_calls {
                let want: Vec<bool> = f.params.iter().map(|p| p.is_array).collect();
                if f.unspecified || want == *arrays {
                    continue;
                }
                let message = if want.len() == arrays.len() {
                    let i = want
                        .iter()
                        .zip(arrays)
                        .position(|(w, a)| w != a)
                        .unwrap_or(0);
                    let (given, taken) = if arrays[i] {
                        ("an array", "a number")
                    } else {
                        ("a number", "an array")
                    };
                    format!(
                        "argument {} of `{}` is {given}, but its definition takes {taken}",
                        i + 1,
                        f.name
                    )
                } else {
                    format!(
                        "`{}` takes {} but {} given",
                        f.name,
                        calls::plural(want.len(), "argument"),
                        if arrays.len() == 1 {
                            "1 was".to_string()
                        } else {
                            format!("{} were", arrays.len())
                        }
                    )
                };
                self.diags.push(
                    Diagnostic::error("c/argument-count", message, *span)
                        .with_label(f.span, "defined here"),
                );
            }
        }
        let mut used: u64 = 0;
        for g in &self.syms.globals {
            used += match g.var.shape {
                Shape::Array(len) => u64::from(len),
                _ => 1,
            };
            if used > u64::from(MAX_ARRAY) {
                self.diags.push(
                    Diagnostic::error(
                        "c/array-size",
                        format!(
                            "the global variables up to `{}` need {used} columns, more than the {MAX_ARRAY} the Store has for data",
                            g.var.name
                        ),
                        g.var.span,
                    )
                    .with_hint("make the arrays smaller"),
                );
                break;
            }
        }
        for f in &self.syms.funcs {
            if f.item.is_none()
                && let Some(used) = f.used
            {
                self.diags.push(
                    Diagnostic::error(
                        "c/undefined-function",
                        format!("`{}` is declared but never defined", f.name),
                        used,
                    )
                    .with_label(f.span, "declared here"),
                );
            }
        }
        match self.file.get("main") {
            Some(&FileSym::Func(id)) if self.syms.funcs[id].item.is_some() => {
                self.syms.main = Some(id);
            }
            _ => {
                self.diags.push(
                    Diagnostic::error(
                        "c/main",
                        "the program has no `main` function",
                        Span::new(0, 0),
                    )
                    .with_hint("a program starts at `int main(void) { … }`"),
                );
            }
        }
    }

    /// Every name visible here, innermost first (for suggestions).
    fn visible_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for scope in self.scopes.iter().rev() {
            for (name, _) in scope.iter().rev() {
                if !names.contains(name) {
                    names.push(name.clone());
                }
            }
        }
        for name in &self.file_order {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
        names
    }

    /// Looks a name up: a local, or a file-level symbol.
    fn lookup(&self, name: &str) -> Option<Lookup> {
        for scope in self.scopes.iter().rev() {
            if let Some(&(_, id)) = scope.iter().rev().find(|(n, _)| n == name) {
                return Some(Lookup::Local(id));
            }
        }
        match self.file.get(name)? {
            FileSym::Func(id) => Some(Lookup::Func(*id)),
            FileSym::Global(id) => Some(Lookup::Global(*id)),
        }
    }

    /// The variable a resolution names.
    fn var(&self, res: Res) -> Option<&Var> {
        match res {
            Res::Local(i) => self.locals.get(i),
            Res::Global(i) => self.syms.globals.get(i).map(|g| &g.var),
            Res::None => None,
        }
    }
}

/// A name found by [`Checker::lookup`].
#[derive(Clone, Copy, Debug)]
enum Lookup {
    Local(usize),
    Global(usize),
    Func(usize),
}
