//! The walk that resolves every name and gathers the type constraints, statement by
//! statement; expressions and calls are in [`expr`], the constraints solved at the end in
//! [`solve`].

mod expr;
mod solve;

use std::collections::{BTreeMap, BTreeSet};

use diag::{Diagnostic, Span};
use isa::Num;

use super::collect::{bound_names, falls_through, global_decls};
use super::solver::{Solver, Tv, Ty};
use super::{ArgFrom, Binding, Builtin, Func, Info, OTHER_BUILTINS, Variable, key};
use crate::ast::{Expr, ExprKind, FuncDef, Module, Stmt, StmtKind, UnOp};

/// A variable while its type is being inferred.
struct VarT {
    name: String,
    span: Span,
    tv: Tv,
}

/// A function while its types are being inferred.
struct FuncT {
    name: String,
    span: Span,
    stmt: usize,
    params: Vec<String>,
    defaults: Vec<Option<Num>>,
    locals: Vec<VarT>,
    declared_global: BTreeSet<String>,
    ret: Tv,
}

/// A constraint that waits for more of the program to be known.
enum Pending {
    /// The type must be `int` or `bool` (`int` if nothing else says).
    Numeric { tv: Tv, span: Span, what: String },
    /// `lhs op rhs` for `+` and `*`, which lists have too.
    Arith {
        op: crate::ast::BinOp,
        lhs: Tv,
        rhs: Tv,
        result: Tv,
        span: Span,
        done: bool,
    },
    /// `==` or `!=`: numbers with numbers, lists with lists.
    Equality { lhs: Tv, rhs: Tv, span: Span },
}

pub(super) struct Checker<'a> {
    src: &'a str,
    diags: &'a mut Vec<Diagnostic>,
    s: Solver,
    globals: Vec<VarT>,
    funcs: Vec<FuncT>,
    comps: Vec<VarT>,
    /// Comprehension variables in scope, innermost last.
    comp_scope: Vec<(String, usize)>,
    /// The function being checked, if not the module's own code.
    current: Option<usize>,
    /// Names the current function has used so far (for `global` after a use).
    used: BTreeSet<String>,
    loops: usize,
    bindings: BTreeMap<usize, Binding>,
    types: BTreeMap<usize, Tv>,
    calls: BTreeMap<usize, Vec<ArgFrom>>,
    pending: Vec<Pending>,
    /// Globals that some function uses.
    shared: BTreeSet<usize>,
    /// Globals and functions by name.
    global_ix: BTreeMap<String, usize>,
    /// Names declared `global` that nothing assigns.
    unassigned: BTreeSet<String>,
    func_ix: BTreeMap<String, usize>,
}

impl<'a> Checker<'a> {
    pub(super) fn run(src: &'a str, module: &Module, diags: &'a mut Vec<Diagnostic>) -> Info {
        let mut c = Checker {
            src,
            diags,
            s: Solver::default(),
            globals: Vec::new(),
            funcs: Vec::new(),
            comps: Vec::new(),
            comp_scope: Vec::new(),
            current: None,
            used: BTreeSet::new(),
            loops: 0,
            bindings: BTreeMap::new(),
            types: BTreeMap::new(),
            calls: BTreeMap::new(),
            pending: Vec::new(),
            shared: BTreeSet::new(),
            global_ix: BTreeMap::new(),
            unassigned: BTreeSet::new(),
            func_ix: BTreeMap::new(),
        };
        c.declare(module);
        for (i, stmt) in module.body.iter().enumerate() {
            if let StmtKind::Def(def) = &stmt.kind {
                if let Some(f) = c.funcs.iter().position(|f| f.stmt == i) {
                    c.function(f, def);
                }
            } else {
                c.stmt(stmt);
            }
        }
        c.solve();
        c.finish()
    }

    fn text(&self, span: Span) -> &'a str {
        self.src.get(span.range()).unwrap_or("")
    }

    fn error(&mut self, code: &str, message: String, span: Span) -> &mut Diagnostic {
        self.diags.push(Diagnostic::error(code, message, span));
        self.diags.last_mut().expect("just pushed")
    }

    fn unsupported(&mut self, what: &str, span: Span, hint: Option<&str>) {
        self.unsupported_diag(what, span, hint);
    }

    /// Reports `what` as unsupported and returns the diagnostic for more labels.
    fn unsupported_diag(&mut self, what: &str, span: Span, hint: Option<&str>) -> &mut Diagnostic {
        let d = self.error(
            "py/unsupported",
            format!("not supported in this subset: {what}"),
            span,
        );
        if let Some(h) = hint {
            d.hints.push(h.to_owned());
        }
        d
    }

    /// Registers every function, global variable and local variable before any code is
    /// walked, so that names can be used before the statements that bind them.
    fn declare(&mut self, module: &Module) {
        for (i, stmt) in module.body.iter().enumerate() {
            let StmtKind::Def(def) = &stmt.kind else {
                continue;
            };
            if let Some(&first) = self.func_ix.get(&def.name) {
                let first = self.funcs[first].span;
                let name = def.name.clone();
                self.unsupported_diag(
                    &format!("defining `{name}` more than once"),
                    def.name_span,
                    Some("give each function its own name"),
                )
                .labels
                .push(diag::Label {
                    span: first,
                    message: "first defined here".into(),
                });
                continue;
            }
            let ret = self.s.fresh();
            self.func_ix.insert(def.name.clone(), self.funcs.len());
            self.funcs.push(FuncT {
                name: def.name.clone(),
                span: def.name_span,
                stmt: i,
                params: def.params.iter().map(|p| p.name.clone()).collect(),
                defaults: Vec::new(),
                locals: Vec::new(),
                declared_global: BTreeSet::new(),
                ret,
            });
        }
        let mut names = Vec::new();
        bound_names(&module.body, &mut names);
        let mut assigned: BTreeSet<String> = names.iter().map(|(n, _)| n.clone()).collect();
        for f in 0..self.funcs.len() {
            let StmtKind::Def(def) = &module.body[self.funcs[f].stmt].kind else {
                continue;
            };
            let mut decls = Vec::new();
            global_decls(&def.body, &mut decls);
            let mut bound = Vec::new();
            bound_names(&def.body, &mut bound);
            assigned.extend(
                bound
                    .into_iter()
                    .map(|(n, _)| n)
                    .filter(|n| decls.iter().any(|(d, _)| d == n)),
            );
            for (name, span) in decls {
                if def.params.iter().any(|p| p.name == name) {
                    self.error(
                        "py/syntax",
                        format!("name `{name}` is parameter and global"),
                        span,
                    );
                    continue;
                }
                if !names.iter().any(|(n, _)| *n == name) {
                    names.push((name.clone(), span));
                }
                self.funcs[f].declared_global.insert(name);
            }
        }
        for (name, span) in names {
            if !assigned.contains(&name) {
                // Declared `global` but given a value nowhere: reads of it are reported
                // as undeclared.
                self.unassigned.insert(name);
                continue;
            }
            if let Some(&f) = self.func_ix.get(&name) {
                let first = self.funcs[f].span;
                self.unsupported_diag(
                    &format!("`{name}` as both a function and a variable"),
                    span,
                    Some("give the variable another name"),
                )
                .labels
                .push(diag::Label {
                    span: first,
                    message: "the function is defined here".into(),
                });
                continue;
            }
            let tv = self.s.fresh();
            self.global_ix.insert(name.clone(), self.globals.len());
            self.globals.push(VarT { name, span, tv });
        }
        for f in 0..self.funcs.len() {
            let StmtKind::Def(def) = &module.body[self.funcs[f].stmt].kind else {
                continue;
            };
            let mut locals = Vec::new();
            for p in &def.params {
                let tv = self.s.fresh();
                locals.push(VarT {
                    name: p.name.clone(),
                    span: p.span,
                    tv,
                });
            }
            let mut names = Vec::new();
            bound_names(&def.body, &mut names);
            for (name, span) in names {
                if self.funcs[f].declared_global.contains(&name)
                    || locals.iter().any(|l| l.name == name)
                {
                    continue;
                }
                let tv = self.s.fresh();
                locals.push(VarT { name, span, tv });
            }
            self.funcs[f].locals = locals;
            let mut defaults = Vec::new();
            for (i, p) in def.params.iter().enumerate() {
                let value = p.default.as_ref().and_then(|d| self.default_value(d));
                if let Some((_, ty)) = value {
                    let _ = self.s.set(self.funcs[f].locals[i].tv, ty);
                }
                defaults.push(value.map(|(v, _)| v));
            }
            self.funcs[f].defaults = defaults;
        }
    }

    /// Checks a function's defaults and body.
    fn function(&mut self, f: usize, def: &FuncDef) {
        self.current = Some(f);
        self.used.clear();
        self.block(&def.body);
        let ret = self.funcs[f].ret;
        let returns_value = has_value_return(&def.body);
        if !returns_value {
            let _ = self.s.set(ret, Ty::None);
        } else if falls_through(&def.body) {
            let name = def.name.clone();
            self.unsupported(
                &format!("function `{name}` can end without returning a value"),
                def.name_span,
                Some("Python would return None there; end every path through the function with `return`"),
            );
        }
        self.current = None;
    }

    /// A default parameter value: an integer (or bool) constant.
    fn default_value(&mut self, e: &Expr) -> Option<(Num, Ty)> {
        match &e.kind {
            ExprKind::Int(v) => Some((*v, Ty::Int)),
            ExprKind::Bool(b) => Some((Num::from(i64::from(*b)), Ty::Bool)),
            ExprKind::Unary {
                op: UnOp::Neg,
                operand,
                ..
            } if matches!(operand.kind, ExprKind::Int(_)) => {
                let ExprKind::Int(v) = operand.kind else {
                    return None;
                };
                Some((-v, Ty::Int))
            }
            ExprKind::Error => None,
            _ => {
                self.unsupported(
                    "default values other than integer constants",
                    e.span,
                    Some("use an integer such as `0` or `-1`"),
                );
                None
            }
        }
    }

    fn block(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                // A string on its own is a docstring or a comment.
                if !matches!(e.kind, ExprKind::Str(_)) {
                    self.expr(e);
                }
            }
            StmtKind::Assign { targets, value } => self.assign(targets, value),
            StmtKind::AugAssign {
                target,
                op,
                op_span,
                value,
            } => self.aug_assign(target, *op, *op_span, value),
            StmtKind::If { branches, orelse } => {
                for (cond, body) in branches {
                    self.cond(cond);
                    self.block(body);
                }
                self.block(orelse);
            }
            StmtKind::While { cond, body } => {
                self.cond(cond);
                self.loops += 1;
                self.block(body);
                self.loops -= 1;
            }
            StmtKind::For { target, iter, body } => {
                self.iterable(iter);
                match &target.kind {
                    ExprKind::Name(_) => {
                        let int = self.s.known(Ty::Int);
                        self.store(target, int, iter.span);
                    }
                    ExprKind::Tuple(_) => self.unsupported(
                        "tuples as values (`for` with several targets)",
                        target.span,
                        Some("loop over indexes with `range(len(xs))`"),
                    ),
                    _ => self.unsupported("`for` targets other than a variable", target.span, None),
                }
                self.loops += 1;
                self.block(body);
                self.loops -= 1;
            }
            StmtKind::Break | StmtKind::Continue => {
                if self.loops == 0 {
                    let word = if stmt.kind == StmtKind::Break {
                        "break"
                    } else {
                        "continue"
                    };
                    self.error("py/syntax", format!("`{word}` outside loop"), stmt.span);
                }
            }
            StmtKind::Pass => {}
            StmtKind::Return(value) => self.ret(value.as_ref(), stmt.span),
            StmtKind::Global(names) => {
                for (name, span) in names {
                    if self.current.is_some() && self.used.contains(name) {
                        self.error(
                            "py/syntax",
                            format!("name `{name}` is used prior to global declaration"),
                            *span,
                        )
                        .hints
                        .push("put the `global` declaration at the start of the function".into());
                    }
                }
            }
            StmtKind::Def(_) => {}
        }
    }

    fn ret(&mut self, value: Option<&Expr>, span: Span) {
        let Some(f) = self.current else {
            self.error("py/syntax", "`return` outside function".into(), span);
            if let Some(v) = value {
                self.expr(v);
            }
            return;
        };
        let ret = self.funcs[f].ret;
        let (tv, at) = match value {
            Some(v) => (self.value(v), v.span),
            None => (self.s.known(Ty::None), span),
        };
        if let Err((had, got)) = self.s.unify(ret, tv) {
            let name = self.funcs[f].name.clone();
            self.unsupported(
                &format!(
                    "function `{name}` returns {} here and {} elsewhere",
                    got.a(),
                    had.a()
                ),
                at,
                Some("a function returns values of one type"),
            );
        }
    }

    /// Checks the iterable of a `for` or a comprehension: a call of `range` or a list.
    fn iterable(&mut self, iter: &Expr) {
        if let ExprKind::Call {
            func,
            args,
            keywords,
        } = &iter.kind
            && let ExprKind::Name(name) = &func.kind
            && self.lookup(name, func.span, false) == Some(Binding::Builtin(Builtin::Range))
        {
            self.bindings
                .insert(key(func), Binding::Builtin(Builtin::Range));
            if args.is_empty() || args.len() > 3 {
                self.error(
                    "py/arity",
                    format!(
                        "`range` takes 1 to 3 arguments, but {} were given",
                        args.len()
                    ),
                    iter.span,
                );
            }
            if let Some(k) = keywords.first() {
                self.error(
                    "py/arity",
                    format!("`range` takes no keyword arguments, but got `{}`", k.name),
                    k.name_span,
                );
            }
            for a in args {
                let tv = self.value(a);
                self.numeric(tv, a.span, "the arguments of `range`");
            }
            let int = self.s.known(Ty::Int);
            self.types.insert(key(iter), int);
            return;
        }
        let tv = self.value(iter);
        self.expect(
            tv,
            Ty::List,
            iter.span,
            "a `for` loop goes over a `range(…)` or a list",
        );
    }

    fn assign(&mut self, targets: &[Expr], value: &Expr) {
        if let ExprKind::Tuple(items) = &value.kind {
            let tvs: Vec<Tv> = items.iter().map(|i| self.value(i)).collect();
            for target in targets {
                match &target.kind {
                    ExprKind::Tuple(names) if names.len() == items.len() => {
                        for ((t, tv), item) in names.iter().zip(&tvs).zip(items) {
                            self.store(t, *tv, item.span);
                        }
                    }
                    ExprKind::Tuple(names) => {
                        self.error(
                            "py/type-mismatch",
                            format!(
                                "cannot unpack {} values into {} targets",
                                items.len(),
                                names.len()
                            ),
                            value.span,
                        );
                    }
                    _ => self.unsupported(
                        "tuples as values",
                        value.span,
                        Some("assign each value to its own variable: `a, b = 1, 2`"),
                    ),
                }
            }
            return;
        }
        let tv = self.value(value);
        for target in targets {
            if let ExprKind::Tuple(_) = target.kind {
                self.unsupported(
                    "unpacking a value that is not written as a tuple",
                    value.span,
                    Some("write the values out: `a, b = x, y`"),
                );
                continue;
            }
            self.store(target, tv, value.span);
        }
    }

    /// Assigns a value of type `tv` (from the expression at `from`) to a target.
    fn store(&mut self, target: &Expr, tv: Tv, from: Span) {
        match &target.kind {
            ExprKind::Name(name) => {
                let Some(binding) = self.lookup(name, target.span, true) else {
                    return;
                };
                self.bindings.insert(key(target), binding);
                let Some(var) = self.var_tv(binding) else {
                    return;
                };
                self.types.insert(key(target), var);
                if let Err((had, got)) = self.s.unify(var, tv) {
                    self.unsupported(
                        &format!(
                            "`{name}` is given {} here but holds {} elsewhere",
                            got.a(),
                            had.a()
                        ),
                        from,
                        Some("a variable holds values of one type: use another name for this one"),
                    );
                }
            }
            ExprKind::Index { value, index } => {
                self.index(target, value, index);
                self.element(tv, from);
            }
            _ => {}
        }
    }

    /// Checks that a value of type `tv` can be a list element.
    fn element(&mut self, tv: Tv, at: Span) {
        if let Err((had, _)) = self.s.set(tv, Ty::Int) {
            self.unsupported(
                &format!("lists of {} values", had.name()),
                at,
                Some("lists in this subset hold ints only"),
            );
        }
    }

    fn aug_assign(&mut self, target: &Expr, op: crate::ast::BinOp, op_span: Span, value: &Expr) {
        let rhs = self.value(value);
        match &target.kind {
            ExprKind::Name(name) => {
                let Some(binding) = self.lookup(name, target.span, false) else {
                    return;
                };
                self.bindings.insert(key(target), binding);
                let Some(var) = self.var_tv(binding) else {
                    return;
                };
                self.types.insert(key(target), var);
                let result = self.arith(op, var, rhs, op_span);
                if let Err((had, got)) = self.s.unify(var, result) {
                    self.unsupported(
                        &format!(
                            "`{name}` is given {} here but holds {} elsewhere",
                            got.a(),
                            had.a()
                        ),
                        op_span,
                        Some("a variable holds values of one type: use another name for this one"),
                    );
                }
            }
            ExprKind::Index { value: list, index } => {
                let elem = self.index(target, list, index);
                let result = self.arith(op, elem, rhs, op_span);
                self.element(result, op_span);
            }
            _ => {}
        }
    }

    /// The type variable of a variable binding; reports a function or built-in used as
    /// a variable.
    fn var_tv(&mut self, binding: Binding) -> Option<Tv> {
        match binding {
            Binding::Global(i) => Some(self.globals[i].tv),
            Binding::Local(i) => Some(self.funcs[self.current?].locals[i].tv),
            Binding::Comp(i) => Some(self.comps[i].tv),
            Binding::Func(_) | Binding::Builtin(_) => None,
        }
    }

    /// Resolves a name by Python's rules. For a store (`store`), only variables count;
    /// for a load, functions and built-ins too. Reports undeclared names.
    fn lookup(&mut self, name: &str, span: Span, store: bool) -> Option<Binding> {
        if !store && let Some((_, i)) = self.comp_scope.iter().rev().find(|(n, _)| n == name) {
            return Some(Binding::Comp(*i));
        }
        if let Some(f) = self.current {
            self.used.insert(name.to_owned());
            let func = &self.funcs[f];
            if !func.declared_global.contains(name)
                && let Some(i) = func.locals.iter().position(|l| l.name == name)
            {
                return Some(Binding::Local(i));
            }
        }
        if let Some(&i) = self.global_ix.get(name) {
            if self.current.is_some() {
                self.shared.insert(i);
            }
            return Some(Binding::Global(i));
        }
        if store {
            // Every assigned name was declared; this follows an error reported already.
            return None;
        }
        if let Some(&i) = self.func_ix.get(name) {
            return Some(Binding::Func(i));
        }
        if let Some(b) = Builtin::by_name(name) {
            return Some(Binding::Builtin(b));
        }
        if OTHER_BUILTINS.contains(&name) {
            self.unsupported(&format!("the built-in `{name}`"), span, None);
            return None;
        }
        let mut candidates: Vec<&str> = Vec::new();
        candidates.extend(self.comp_scope.iter().rev().map(|(n, _)| n.as_str()));
        if let Some(f) = self.current {
            candidates.extend(self.funcs[f].locals.iter().map(|l| l.name.as_str()));
        }
        candidates.extend(self.globals.iter().map(|g| g.name.as_str()));
        candidates.extend(self.funcs.iter().map(|f| f.name.as_str()));
        candidates.extend(Builtin::ALL.iter().map(|(n, _)| *n));
        let hint = if self.unassigned.contains(name) {
            Some(format!(
                "`global {name}` declares it, but nothing assigns it a value"
            ))
        } else {
            diag::did_you_mean(name, candidates)
        };
        let in_comprehension = self.comps.iter().any(|c| c.name == name);
        let text = self.text(span).to_owned();
        let d = self.error(
            "py/undeclared-name",
            format!("undeclared name `{text}`"),
            span,
        );
        match hint {
            _ if in_comprehension => d.hints.push(format!(
                "`{name}` has a value only inside its comprehension"
            )),
            Some(h) => d.hints.push(h),
            None => d
                .hints
                .push("a name must be assigned, defined with `def` or be a built-in".into()),
        }
        None
    }

    /// Requires a type; `why` explains the rule in the message.
    fn expect(&mut self, tv: Tv, want: Ty, span: Span, why: &str) {
        if let Err((had, _)) = self.s.set(tv, want) {
            let text = self.text(span).to_owned();
            self.error(
                "py/type-mismatch",
                format!("`{text}` is {}, but {why}", had.a()),
                span,
            );
        }
    }

    /// Requires `int` or `bool`, now if the type is known, else once the program is.
    fn numeric(&mut self, tv: Tv, span: Span, what: &str) {
        match self.s.get(tv) {
            Some(t) if t.is_numeric() => {}
            Some(t) => self.not_numeric(t, span, what),
            None => self.pending.push(Pending::Numeric {
                tv,
                span,
                what: what.to_owned(),
            }),
        }
    }

    fn not_numeric(&mut self, t: Ty, span: Span, what: &str) {
        let text = self.text(span).to_owned();
        self.error(
            "py/type-mismatch",
            format!("{what} must be numbers, but `{text}` is {}", t.a()),
            span,
        );
    }

    fn finish(mut self) -> Info {
        let mut info = Info::default();
        let resolve = |s: &mut Solver, v: &VarT| {
            // Settled now, so that the expressions' types below are final.
            s.resolve(v.tv);
            Variable {
                name: v.name.clone(),
                span: v.span,
                shared: false,
            }
        };
        info.globals = self
            .globals
            .iter()
            .map(|v| resolve(&mut self.s, v))
            .collect();
        for &g in &self.shared {
            info.globals[g].shared = true;
        }
        info.comps = self.comps.iter().map(|v| resolve(&mut self.s, v)).collect();
        info.funcs = self
            .funcs
            .iter()
            .map(|f| Func {
                name: f.name.clone(),
                locals: f.locals.iter().map(|v| resolve(&mut self.s, v)).collect(),
                params: f.params.len(),
                ret: self.s.resolve(f.ret),
                stmt: f.stmt,
            })
            .collect();
        info.types = self
            .types
            .iter()
            .map(|(k, tv)| (*k, self.s.resolve(*tv)))
            .collect();
        info.bindings = self.bindings;
        info.calls = self.calls;
        info
    }
}

/// Whether a function body returns a value anywhere (`return None` does not count).
fn has_value_return(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::Return(Some(e)) => !matches!(e.kind, ExprKind::None),
        StmtKind::If { branches, orelse } => {
            branches.iter().any(|(_, b)| has_value_return(b)) || has_value_return(orelse)
        }
        StmtKind::While { body, .. } | StmtKind::For { body, .. } => has_value_return(body),
        _ => false,
    })
}
