//! Which names might be read before they have a value, so that only those reads get a
//! run-time check (Python's `NameError` and `UnboundLocalError` become the fault `name
//! used before it was given a value`, on the line of the read).
//!
//! A forward "definitely assigned" analysis over each body: after an `if`, what every
//! branch assigned; after a loop, what was assigned before it. The module's code runs once
//! from the top, so a global read inside a function is safe when the global is assigned
//! before the first top-level statement that calls any function; likewise a function
//! called from a function is safe when its `def` comes before that statement. Everything
//! else that might be unbound gets a flag, set by each assignment and tested by the read.

use std::collections::BTreeSet;

use crate::ast::{Expr, ExprKind, FStrPart, Module, Stmt, StmtKind};
use crate::sema::{Binding, Info};

/// The reads and calls that need checks, and the flags they test.
#[derive(Debug, Default)]
pub(crate) struct Flow {
    /// Globals that need a "has a value" flag.
    pub(crate) global_flags: Vec<usize>,
    /// Locals (function, local) that need one.
    pub(crate) local_flags: Vec<(usize, usize)>,
    /// Functions that need a "has been defined" flag.
    pub(crate) func_flags: Vec<usize>,
    /// Name reads to check, by the byte where the name starts.
    pub(crate) checks: BTreeSet<u32>,
    /// Calls to check, by the byte where the call starts.
    pub(crate) call_checks: BTreeSet<u32>,
}

/// Definitely assigned variables of the scope; `None` where control cannot reach.
type State = Option<BTreeSet<usize>>;

struct Walk<'a> {
    info: &'a Info,
    flow: Flow,
    /// The function whose body is walked, if any.
    func: Option<usize>,
    /// Index of the top-level statement being walked (module code only).
    top: usize,
    /// Globals safe to read in any function.
    safe_globals: BTreeSet<usize>,
    /// The first top-level statement that calls a function.
    first_call: usize,
}

/// Finds the reads that need checks.
pub(crate) fn analyse(module: &Module, info: &Info) -> Flow {
    let first_call = module
        .body
        .iter()
        .position(|s| !matches!(s.kind, StmtKind::Def(_)) && calls_function(s, info))
        .unwrap_or(module.body.len());
    let mut w = Walk {
        info,
        flow: Flow::default(),
        func: None,
        top: 0,
        safe_globals: BTreeSet::new(),
        first_call,
    };
    let mut state: State = Some(BTreeSet::new());
    for (i, stmt) in module.body.iter().enumerate() {
        w.top = i;
        if i == first_call {
            w.safe_globals = state.clone().unwrap_or_default();
        }
        if !matches!(stmt.kind, StmtKind::Def(_)) {
            state = w.stmt(stmt, state);
        }
    }
    if first_call == module.body.len() {
        w.safe_globals = state.unwrap_or_default();
    }
    for (f, func) in info.funcs.iter().enumerate() {
        let StmtKind::Def(def) = &module.body[func.stmt].kind else {
            continue;
        };
        w.func = Some(f);
        let start: BTreeSet<usize> = (0..func.params).collect();
        w.block(&def.body, Some(start));
    }
    w.flow
}

impl Walk<'_> {
    fn block(&mut self, stmts: &[Stmt], mut state: State) -> State {
        for stmt in stmts {
            state = self.stmt(stmt, state);
        }
        state
    }

    fn stmt(&mut self, stmt: &Stmt, state: State) -> State {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.reads(e, &state);
                state
            }
            StmtKind::Assign { targets, value } => {
                self.reads(value, &state);
                let mut state = state;
                for t in targets {
                    self.assign(t, &mut state);
                }
                state
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.reads(target, &state);
                self.reads(value, &state);
                let mut state = state;
                self.assign(target, &mut state);
                state
            }
            StmtKind::If { branches, orelse } => {
                let mut out: State = None;
                for (cond, body) in branches {
                    self.reads(cond, &state);
                    let end = self.block(body, state.clone());
                    out = meet(out, end);
                }
                let end = self.block(orelse, state.clone());
                meet(out, end)
            }
            StmtKind::While { cond, body } => {
                self.reads(cond, &state);
                self.block(body, state.clone());
                state
            }
            StmtKind::For { target, iter, body } => {
                self.reads(iter, &state);
                let mut inner = state.clone();
                self.assign(target, &mut inner);
                self.block(body, inner);
                state
            }
            StmtKind::Return(value) => {
                if let Some(v) = value {
                    self.reads(v, &state);
                }
                None
            }
            StmtKind::Break | StmtKind::Continue => None,
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Def(_) => state,
        }
    }

    /// Records the variables a target assigns (reading what an index target reads).
    fn assign(&mut self, target: &Expr, state: &mut State) {
        match &target.kind {
            ExprKind::Name(_) => {
                if let (Some(set), Some(var)) = (state.as_mut(), self.own(target)) {
                    set.insert(var);
                }
            }
            ExprKind::Tuple(items) => {
                for item in items {
                    self.assign(item, state);
                }
            }
            ExprKind::Index { value, index } => {
                self.reads(value, state);
                self.reads(index, state);
            }
            _ => {}
        }
    }

    /// The variable of this scope a name is, if it is one.
    fn own(&self, name: &Expr) -> Option<usize> {
        match (self.info.binding(name)?, self.func) {
            (Binding::Global(g), None) => Some(g),
            (Binding::Local(l), Some(_)) => Some(l),
            _ => None,
        }
    }

    fn reads(&mut self, e: &Expr, state: &State) {
        let Some(set) = state else {
            return;
        };
        match &e.kind {
            ExprKind::Name(_) => self.read(e, set),
            ExprKind::List(items) | ExprKind::Tuple(items) => {
                for i in items {
                    self.reads(i, state);
                }
            }
            ExprKind::FStr(parts) => {
                for p in parts {
                    if let FStrPart::Field(f) = p {
                        self.reads(f, state);
                    }
                }
            }
            ExprKind::Binary { lhs, rhs, .. } | ExprKind::BoolOp { lhs, rhs, .. } => {
                self.reads(lhs, state);
                self.reads(rhs, state);
            }
            ExprKind::Unary { operand, .. } => self.reads(operand, state),
            ExprKind::Compare { first, rest } => {
                self.reads(first, state);
                for (_, _, r) in rest {
                    self.reads(r, state);
                }
            }
            ExprKind::IfExp { cond, then, orelse } => {
                self.reads(cond, state);
                self.reads(then, state);
                self.reads(orelse, state);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                if let Some(Binding::Func(f)) = self.info.binding(func) {
                    let def = self.info.funcs[f].stmt;
                    let before = if self.func.is_some() {
                        self.first_call
                    } else {
                        self.top
                    };
                    if def > before {
                        self.flow.call_checks.insert(e.span.start);
                        if !self.flow.func_flags.contains(&f) {
                            self.flow.func_flags.push(f);
                        }
                    }
                } else {
                    self.reads(func, state);
                }
                for a in args {
                    self.reads(a, state);
                }
                for k in keywords {
                    self.reads(&k.value, state);
                }
            }
            ExprKind::Attribute { value, .. } => self.reads(value, state),
            ExprKind::Index { value, index } => {
                self.reads(value, state);
                self.reads(index, state);
            }
            ExprKind::ListComp {
                elt, iter, conds, ..
            } => {
                self.reads(iter, state);
                for c in conds {
                    self.reads(c, state);
                }
                self.reads(elt, state);
            }
            ExprKind::Int(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Str(_)
            | ExprKind::Error => {}
        }
    }

    fn read(&mut self, name: &Expr, set: &BTreeSet<usize>) {
        let unsafe_global = |g: usize, w: &Self| match w.func {
            None => !set.contains(&g),
            Some(_) => !w.safe_globals.contains(&g),
        };
        match (self.info.binding(name), self.func) {
            (Some(Binding::Global(g)), _) if unsafe_global(g, self) => {
                self.flow.checks.insert(name.span.start);
                if !self.flow.global_flags.contains(&g) {
                    self.flow.global_flags.push(g);
                }
            }
            (Some(Binding::Local(l)), Some(f)) if !set.contains(&l) => {
                self.flow.checks.insert(name.span.start);
                if !self.flow.local_flags.contains(&(f, l)) {
                    self.flow.local_flags.push((f, l));
                }
            }
            _ => {}
        }
    }
}

/// What is definitely assigned where two paths join.
fn meet(a: State, b: State) -> State {
    match (a, b) {
        (None, s) | (s, None) => s,
        (Some(a), Some(b)) => Some(a.intersection(&b).copied().collect()),
    }
}

/// Whether a statement calls a function of the program anywhere in it.
fn calls_function(stmt: &Stmt, info: &Info) -> bool {
    let mut found = false;
    visit_stmt(stmt, &mut |e| {
        if let ExprKind::Call { func, .. } = &e.kind {
            found |= matches!(info.binding(func), Some(Binding::Func(_)));
        }
    });
    found
}

fn visit_stmt(stmt: &Stmt, f: &mut dyn FnMut(&Expr)) {
    match &stmt.kind {
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => visit(e, f),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(|t| visit(t, f));
            visit(value, f);
        }
        StmtKind::AugAssign { target, value, .. } => {
            visit(target, f);
            visit(value, f);
        }
        StmtKind::If { branches, orelse } => {
            for (c, body) in branches {
                visit(c, f);
                body.iter().for_each(|s| visit_stmt(s, f));
            }
            orelse.iter().for_each(|s| visit_stmt(s, f));
        }
        StmtKind::While { cond, body } => {
            visit(cond, f);
            body.iter().for_each(|s| visit_stmt(s, f));
        }
        StmtKind::For { target, iter, body } => {
            visit(target, f);
            visit(iter, f);
            body.iter().for_each(|s| visit_stmt(s, f));
        }
        _ => {}
    }
}

fn visit(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    match &e.kind {
        ExprKind::List(items) | ExprKind::Tuple(items) => items.iter().for_each(|i| visit(i, f)),
        ExprKind::FStr(parts) => {
            for p in parts {
                if let FStrPart::Field(x) = p {
                    visit(x, f);
                }
            }
        }
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::BoolOp { lhs, rhs, .. } => {
            visit(lhs, f);
            visit(rhs, f);
        }
        ExprKind::Unary { operand, .. } => visit(operand, f),
        ExprKind::Compare { first, rest } => {
            visit(first, f);
            rest.iter().for_each(|(_, _, r)| visit(r, f));
        }
        ExprKind::IfExp { cond, then, orelse } => {
            visit(cond, f);
            visit(then, f);
            visit(orelse, f);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            visit(func, f);
            args.iter().for_each(|a| visit(a, f));
            keywords.iter().for_each(|k| visit(&k.value, f));
        }
        ExprKind::Attribute { value, .. } => visit(value, f),
        ExprKind::Index { value, index } => {
            visit(value, f);
            visit(index, f);
        }
        ExprKind::ListComp {
            elt,
            target,
            iter,
            conds,
            ..
        } => {
            visit(elt, f);
            visit(target, f);
            visit(iter, f);
            conds.iter().for_each(|c| visit(c, f));
        }
        _ => {}
    }
}
