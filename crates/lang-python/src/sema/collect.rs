//! Facts about statement lists that name resolution needs before walking them: which
//! names they bind, which they declare `global`, and whether control can run off their end.

use diag::Span;

use crate::ast::{Expr, ExprKind, Stmt, StmtKind};

/// Adds the names that `stmts` bind by assignment or as loop targets (not inside
/// function definitions or comprehensions), in order, each once, with its first span.
pub(super) fn bound_names(stmts: &[Stmt], out: &mut Vec<(String, Span)>) {
    for stmt in stmts {
        match &stmt.kind {
            StmtKind::Assign { targets, .. } => {
                for t in targets {
                    target_names(t, out);
                }
            }
            StmtKind::AugAssign { target, .. } => target_names(target, out),
            StmtKind::For { target, body, .. } => {
                target_names(target, out);
                bound_names(body, out);
            }
            StmtKind::If { branches, orelse } => {
                for (_, body) in branches {
                    bound_names(body, out);
                }
                bound_names(orelse, out);
            }
            StmtKind::While { body, .. } => bound_names(body, out),
            _ => {}
        }
    }
}

fn target_names(target: &Expr, out: &mut Vec<(String, Span)>) {
    match &target.kind {
        ExprKind::Name(n) if !out.iter().any(|(m, _)| m == n) => {
            out.push((n.clone(), target.span));
        }
        ExprKind::Tuple(items) => {
            for item in items {
                target_names(item, out);
            }
        }
        _ => {}
    }
}

/// Adds the names `stmts` declare `global`, anywhere in them.
pub(super) fn global_decls(stmts: &[Stmt], out: &mut Vec<(String, Span)>) {
    for stmt in stmts {
        match &stmt.kind {
            StmtKind::Global(names) => out.extend(names.iter().cloned()),
            StmtKind::For { body, .. } | StmtKind::While { body, .. } => global_decls(body, out),
            StmtKind::If { branches, orelse } => {
                for (_, body) in branches {
                    global_decls(body, out);
                }
                global_decls(orelse, out);
            }
            _ => {}
        }
    }
}

/// Whether control can run off the end of `stmts` (conservatively: a loop whose condition
/// is not the constant `True` may always end).
pub(super) fn falls_through(stmts: &[Stmt]) -> bool {
    stmts.iter().all(|stmt| match &stmt.kind {
        StmtKind::Return(_) => false,
        StmtKind::If { branches, orelse } => {
            branches.iter().any(|(_, body)| falls_through(body)) || falls_through(orelse)
        }
        StmtKind::While { cond, body } => {
            !matches!(cond.kind, ExprKind::Bool(true)) || breaks(body)
        }
        _ => true,
    })
}

/// Whether a loop body can `break` out of its own loop.
fn breaks(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::Break => true,
        StmtKind::If { branches, orelse } => {
            branches.iter().any(|(_, body)| breaks(body)) || breaks(orelse)
        }
        _ => false,
    })
}
