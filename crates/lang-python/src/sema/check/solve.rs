//! Settling the constraints that had to wait for the whole program: `+` and `*` (numbers
//! or lists), `==` (numbers or lists), and "a number" for what nothing else constrains.

use super::{Checker, Pending};
use crate::ast::BinOp;
use crate::sema::solver::Ty;

impl Checker<'_> {
    /// Settles every pending constraint. Whatever is still unknown after the program has
    /// been walked is `int`.
    pub(super) fn solve(&mut self) {
        loop {
            let mut progress = false;
            for i in 0..self.pending.len() {
                progress |= self.try_arith(i, false);
            }
            if progress {
                continue;
            }
            // Stuck: the first undecided operation takes numbers.
            let stuck = (0..self.pending.len())
                .find(|&i| matches!(self.pending[i], Pending::Arith { done: false, .. }));
            match stuck {
                Some(i) => {
                    self.try_arith(i, true);
                }
                None => break,
            }
        }
        let pending = std::mem::take(&mut self.pending);
        for p in &pending {
            if let Pending::Numeric { tv, span, what } = p {
                let t = self.s.resolve(*tv);
                if !t.is_numeric() {
                    self.not_numeric(t, *span, what);
                }
            }
        }
        for p in &pending {
            if let Pending::Equality { lhs, rhs, span } = p {
                let (l, r) = (self.s.resolve(*lhs), self.s.resolve(*rhs));
                let fine = (l.is_numeric() && r.is_numeric())
                    || (l == Ty::List && r == Ty::List)
                    || l == Ty::Poison
                    || r == Ty::Poison;
                if !fine {
                    let op = self.text(*span).to_owned();
                    self.unsupported(
                        &format!("`{op}` between {} and {}", l.a(), r.a()),
                        *span,
                        Some("compare numbers with numbers and lists with lists"),
                    );
                }
            }
        }
    }

    /// Decides the types of pending `+` or `*` number `i` if its operands are known enough
    /// (or, with `force`, taking unknown operands as ints). Returns whether it decided.
    pub(super) fn try_arith(&mut self, i: usize, force: bool) -> bool {
        let Pending::Arith {
            op,
            lhs,
            rhs,
            result,
            span,
            done: false,
        } = self.pending[i]
        else {
            return false;
        };
        let (mut l, mut r) = (self.s.get(lhs), self.s.get(rhs));
        if op == BinOp::Add && self.s.get(result) == Some(Ty::List) {
            l = l.or(Some(Ty::List));
            r = r.or(Some(Ty::List));
        }
        if force {
            l = l.or(Some(Ty::Int));
            r = r.or(Some(Ty::Int));
        }
        let poison = l == Some(Ty::Poison) || r == Some(Ty::Poison);
        let list = l == Some(Ty::List) || r == Some(Ty::List);
        let decided = match (op, l, r) {
            _ if poison => Some(Ty::Poison),
            (BinOp::Add, _, _) if list => Some(Ty::List),
            (BinOp::Mul, Some(Ty::List), Some(t)) | (BinOp::Mul, Some(t), Some(Ty::List))
                if t.is_numeric() =>
            {
                Some(Ty::List)
            }
            (BinOp::Mul, Some(Ty::List), None) | (BinOp::Mul, None, Some(Ty::List)) => {
                Some(Ty::List)
            }
            (_, Some(a), Some(b)) if a.is_numeric() && b.is_numeric() => Some(Ty::Int),
            (BinOp::Add, Some(a), None) | (BinOp::Add, None, Some(a)) if a.is_numeric() => {
                Some(Ty::Int)
            }
            (_, Some(a), Some(b)) => {
                let word = op.text();
                self.error(
                    "py/type-mismatch",
                    format!(
                        "unsupported operand types for `{word}`: {} and {}",
                        a.a(),
                        b.a()
                    ),
                    span,
                );
                Some(Ty::Poison)
            }
            _ => None,
        };
        let Some(ty) = decided else {
            return false;
        };
        if let Pending::Arith { done, .. } = &mut self.pending[i] {
            *done = true;
        }
        let what = format!("the operands of `{}`", op.text());
        match ty {
            Ty::List if op == BinOp::Add => {
                for (tv, t) in [(lhs, l), (rhs, r)] {
                    if t.is_some_and(|t| t != Ty::List) {
                        let other = t.expect("checked");
                        self.error(
                            "py/type-mismatch",
                            format!("can only concatenate a list to a list, not {}", other.a()),
                            span,
                        );
                    } else {
                        let _ = self.s.set(tv, Ty::List);
                    }
                }
            }
            Ty::List => {
                let (list, count) = if l == Some(Ty::List) {
                    (lhs, rhs)
                } else {
                    (rhs, lhs)
                };
                let _ = self.s.set(list, Ty::List);
                self.numeric(count, span, "the repeat count of `*`");
            }
            Ty::Int => {
                self.numeric(lhs, span, &what);
                self.numeric(rhs, span, &what);
            }
            _ => {}
        }
        let _ = self.s.set(result, ty);
        true
    }
}
