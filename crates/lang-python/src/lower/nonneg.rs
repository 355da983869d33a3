//! Which indexes can never be negative, so that indexing with them needs no adjustment
//! for Python's negative indexes (only the bounds check): loop variables of a `range`
//! that counts up from zero or more, and sums and products of such and of lengths.

use std::collections::BTreeSet;

use crate::ast::{BinOp, Expr, ExprKind, Module, Stmt, StmtKind};
use crate::sema::{Binding, Builtin, Info};

/// A variable, by the function it belongs to (`None`: the module's code) and binding.
pub(super) type Key = (Option<usize>, Binding);

/// The variables whose every assignment is as the target of a `for` over a `range` that
/// counts up from a non-negative start (comprehensions' included).
pub(super) fn variables(module: &Module, info: &Info) -> BTreeSet<Key> {
    let mut w = Walk {
        info,
        good: BTreeSet::new(),
        bad: BTreeSet::new(),
    };
    for stmt in &module.body {
        if let StmtKind::Def(def) = &stmt.kind {
            if let Some(f) = info.funcs.iter().position(|f| f.name == def.name) {
                w.block(&def.body, Some(f));
            }
        } else {
            w.stmt(stmt, None);
        }
    }
    w.good.difference(&w.bad).copied().collect()
}

struct Walk<'a> {
    info: &'a Info,
    good: BTreeSet<Key>,
    bad: BTreeSet<Key>,
}

impl Walk<'_> {
    fn block(&mut self, stmts: &[Stmt], scope: Option<usize>) {
        for s in stmts {
            self.stmt(s, scope);
        }
    }

    fn key(&self, name: &Expr, scope: Option<usize>) -> Option<Key> {
        let b = self.info.binding(name)?;
        match b {
            // A global that functions share may be assigned anywhere.
            Binding::Global(g) if self.info.globals[g].shared => None,
            Binding::Global(_) => Some((None, b)),
            // Parameters take whatever a call gives them.
            Binding::Local(l) if scope.is_some_and(|f| l < self.info.funcs[f].params) => None,
            _ => Some((scope, b)),
        }
    }

    /// Marks what a target assigns: good if `good`, else bad.
    fn assign(&mut self, target: &Expr, scope: Option<usize>, good: bool) {
        match &target.kind {
            ExprKind::Name(_) => match self.key(target, scope) {
                Some(k) if good => {
                    self.good.insert(k);
                }
                Some(k) => {
                    self.bad.insert(k);
                }
                None => {
                    if let Some(b) = self.info.binding(target) {
                        self.bad.insert((scope, b));
                        self.bad.insert((None, b));
                    }
                }
            },
            ExprKind::Tuple(items) => {
                for i in items {
                    self.assign(i, scope, false);
                }
            }
            _ => {}
        }
    }

    fn stmt(&mut self, stmt: &Stmt, scope: Option<usize>) {
        match &stmt.kind {
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.assign(t, scope, false);
                }
                self.exprs(value, scope);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.assign(target, scope, false);
                self.exprs(value, scope);
            }
            StmtKind::For { target, iter, body } => {
                let good = self.counts_up(iter, scope);
                self.assign(target, scope, good);
                self.exprs(iter, scope);
                self.block(body, scope);
            }
            StmtKind::If { branches, orelse } => {
                for (c, body) in branches {
                    self.exprs(c, scope);
                    self.block(body, scope);
                }
                self.block(orelse, scope);
            }
            StmtKind::While { cond, body } => {
                self.exprs(cond, scope);
                self.block(body, scope);
            }
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) => self.exprs(e, scope),
            _ => {}
        }
    }

    /// Finds the comprehensions in an expression.
    fn exprs(&mut self, e: &Expr, scope: Option<usize>) {
        match &e.kind {
            ExprKind::ListComp {
                elt,
                target,
                iter,
                conds,
                ..
            } => {
                let good = self.counts_up(iter, scope);
                self.assign(target, scope, good);
                self.exprs(elt, scope);
                for c in conds {
                    self.exprs(c, scope);
                }
            }
            ExprKind::Call { args, .. } => {
                for a in args {
                    self.exprs(a, scope);
                }
            }
            ExprKind::Binary { lhs, rhs, .. } | ExprKind::BoolOp { lhs, rhs, .. } => {
                self.exprs(lhs, scope);
                self.exprs(rhs, scope);
            }
            ExprKind::List(items) => {
                for i in items {
                    self.exprs(i, scope);
                }
            }
            _ => {}
        }
    }

    /// Whether `iter` is `range(stop)`, or `range(start, stop)` or `range(start, stop,
    /// step)` with a constant start of zero or more and a positive constant step.
    fn counts_up(&self, iter: &Expr, _scope: Option<usize>) -> bool {
        let ExprKind::Call { func, args, .. } = &iter.kind else {
            return false;
        };
        if self.info.binding(func) != Some(Binding::Builtin(Builtin::Range)) {
            return false;
        }
        let constant = |e: &Expr, positive: bool| match &e.kind {
            ExprKind::Int(v) => !(v.is_negative() || positive && v.is_zero()),
            _ => false,
        };
        match args.as_slice() {
            [_] => true,
            [start, _] => constant(start, false),
            [start, _, step] => constant(start, false) && constant(step, true),
            _ => false,
        }
    }
}

/// Whether an expression's value is never negative, given the variables that are not.
pub(super) fn expr(e: &Expr, scope: Option<usize>, vars: &BTreeSet<Key>, info: &Info) -> bool {
    match &e.kind {
        ExprKind::Int(v) => !v.is_negative(),
        ExprKind::Bool(_) => true,
        ExprKind::Name(_) => info
            .binding(e)
            .is_some_and(|b| vars.contains(&(scope, b)) || vars.contains(&(None, b))),
        ExprKind::Binary {
            op: BinOp::Add | BinOp::Mul,
            lhs,
            rhs,
            ..
        } => expr(lhs, scope, vars, info) && expr(rhs, scope, vars, info),
        ExprKind::Call { func, .. } => info.binding(func) == Some(Binding::Builtin(Builtin::Len)),
        _ => false,
    }
}
