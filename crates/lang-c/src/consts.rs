//! Integer constant expressions: array sizes, `case` labels and global initialisers.

use diag::{Diagnostic, Span};
use isa::Num;

use crate::ast::{BinOp, Expr, ExprKind, UnOp};

/// Why an expression has no constant value.
#[derive(Debug)]
pub(crate) enum NotConst {
    /// It depends on a variable or a call (the span of that part).
    Runtime(Span),
    /// A diagnostic about the arithmetic itself (division by zero, overflow).
    Bad(Diagnostic),
    /// It holds an error already reported.
    Error,
}

fn from_bool(b: bool) -> Num {
    if b { Num::ONE } else { Num::ZERO }
}

/// The value of a constant expression, as C computes it (truncating division).
pub(crate) fn eval(e: &Expr) -> Result<Num, NotConst> {
    let overflow = |span| {
        NotConst::Bad(Diagnostic::error(
            "c/overflow",
            "this constant has more than 50 digits",
            span,
        ))
    };
    match &e.kind {
        ExprKind::Int(v) => Ok(*v),
        ExprKind::Unary(op, _, x) => {
            let v = eval(x)?;
            Ok(match op {
                UnOp::Neg => -v,
                UnOp::Plus => v,
                UnOp::Not => from_bool(v.is_zero()),
            })
        }
        ExprKind::Binary(op, op_span, a, b) => {
            let (a, b) = (eval(a)?, eval(b)?);
            let checked = match op {
                BinOp::Add => a.checked_add(b),
                BinOp::Sub => a.checked_sub(b),
                BinOp::Mul => a.checked_mul(b),
                BinOp::Div | BinOp::Rem if b.is_zero() => {
                    return Err(NotConst::Bad(Diagnostic::error(
                        "c/division-by-zero",
                        format!("division by zero in a constant (`{}` by 0)", op.text()),
                        *op_span,
                    )));
                }
                BinOp::Div => a.checked_div(b),
                BinOp::Rem => a.checked_rem(b),
                BinOp::Lt => Some(from_bool(a < b)),
                BinOp::Gt => Some(from_bool(a > b)),
                BinOp::Le => Some(from_bool(a <= b)),
                BinOp::Ge => Some(from_bool(a >= b)),
                BinOp::Eq => Some(from_bool(a == b)),
                BinOp::Ne => Some(from_bool(a != b)),
            };
            checked.ok_or_else(|| overflow(e.span))
        }
        ExprKind::Logical { and, lhs, rhs, .. } => {
            let a = !eval(lhs)?.is_zero();
            // As at run time, the right operand does not count once the left decides.
            if a != *and {
                return Ok(from_bool(a));
            }
            Ok(from_bool(!eval(rhs)?.is_zero()))
        }
        ExprKind::Cond(c, a, b) => {
            if eval(c)?.is_zero() {
                eval(b)
            } else {
                eval(a)
            }
        }
        ExprKind::Error => Err(NotConst::Error),
        ExprKind::Name(..)
        | ExprKind::Str(_)
        | ExprKind::Assign { .. }
        | ExprKind::IncDec { .. }
        | ExprKind::Call(..)
        | ExprKind::Index(..)
        | ExprKind::Comma(..)
        | ExprKind::AddrOf(_) => Err(NotConst::Runtime(e.span)),
    }
}
