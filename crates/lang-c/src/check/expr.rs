//! Checking expressions: names, operators, assignments and indexing.

use diag::{Diagnostic, Label, Span};
use isa::Num;

use super::{Checker, Lookup, Shape, Ty, unsupported};
use crate::ast::*;

impl Checker<'_> {
    /// An expression whose value is used as a number.
    pub(super) fn value(&mut self, e: &mut Expr) {
        let ty = self.expr(e);
        self.want_num(ty, e);
    }

    /// Reports a type that is not a number where one is needed.
    pub(super) fn want_num(&mut self, ty: Ty, e: &Expr) {
        let shown = self.text(e.span).to_string();
        match ty {
            Ty::Num | Ty::Error => {}
            Ty::Void => {
                self.error(
                    "c/type-mismatch",
                    format!("`{shown}` has no value: the function returns `void`"),
                    e.span,
                );
            }
            Ty::Array { .. } => {
                self.error(
                    "c/type-mismatch",
                    format!("the array `{shown}` is used as a number"),
                    e.span,
                )
                .hints
                .push(format!("use one of its elements, as in `{shown}[0]`"));
            }
            Ty::Str => {
                self.diags
                    .push(unsupported("strings as values", e.span).with_hint(
                    "string literals may only be printed, as in `printf(\"…\")` or `puts(\"…\")`",
                ));
            }
            Ty::LibResult(name) => {
                self.diags.push(
                    unsupported(format_args!("using the result of `{name}`"), e.span)
                        .with_hint(format!("call `{name}` as a statement of its own")),
                );
            }
        }
    }

    /// An expression evaluated for its effect only (a statement, a `for` clause, the
    /// left of a comma): a `void` call is fine there.
    pub(super) fn discard(&mut self, e: &mut Expr) {
        if self.expr(e) == Ty::Str {
            self.want_num(Ty::Str, e);
        }
    }

    /// Checks an expression and returns its type.
    pub(super) fn expr(&mut self, e: &mut Expr) -> Ty {
        let span = e.span;
        match &mut e.kind {
            ExprKind::Int(_) => Ty::Num,
            ExprKind::Str(_) => Ty::Str,
            ExprKind::Error => Ty::Error,
            ExprKind::Name(ident, res) => self.name(ident, res),
            ExprKind::Unary(_, _, x) => {
                self.value(x);
                Ty::Num
            }
            ExprKind::Binary(_, _, a, b) => {
                self.value(a);
                self.value(b);
                Ty::Num
            }
            ExprKind::Logical { lhs, rhs, .. } => {
                self.value(lhs);
                self.value(rhs);
                Ty::Num
            }
            ExprKind::Assign {
                op, target, value, ..
            } => {
                let verb = if op.is_some() { "update" } else { "assign to" };
                self.lvalue(target, verb);
                self.value(value);
                Ty::Num
            }
            ExprKind::IncDec { inc, target, .. } => {
                let verb = if *inc { "increment" } else { "decrement" };
                self.lvalue(target, verb);
                Ty::Num
            }
            ExprKind::Cond(c, a, b) => {
                self.value(c);
                let (ta, tb) = (self.expr(a), self.expr(b));
                match (ta, tb) {
                    (Ty::Error, _) | (_, Ty::Error) => Ty::Error,
                    (Ty::Num, Ty::Num) => Ty::Num,
                    (Ty::Void, Ty::Void) => Ty::Void,
                    (Ty::Str, Ty::Str) => Ty::Str,
                    _ => {
                        let (sa, sb) = (a.span, b.span);
                        self.error(
                            "c/type-mismatch",
                            format!(
                                "the two branches of `?:` differ: `{}` and `{}`",
                                self.text(sa),
                                self.text(sb)
                            ),
                            span,
                        );
                        Ty::Error
                    }
                }
            }
            ExprKind::Call(callee, args, res) => self.call(callee, args, res, span),
            ExprKind::Index(base, index) => self.indexing(base, index),
            ExprKind::Comma(a, b) => {
                self.discard(a);
                self.expr(b)
            }
            ExprKind::AddrOf(x) => {
                let _ = self.expr(x);
                self.diags.push(
                    unsupported("pointers (`&` outside `scanf`)", span)
                        .with_hint("only `scanf` takes addresses, as in `scanf(\"%d\", &x)`"),
                );
                Ty::Error
            }
        }
    }

    /// A name used as a value: a variable (a number or an array).
    fn name(&mut self, ident: &Ident, res: &mut Res) -> Ty {
        match self.lookup(&ident.name) {
            Some(Lookup::Local(id)) => *res = Res::Local(id),
            Some(Lookup::Global(id)) => *res = Res::Global(id),
            Some(Lookup::Func(_)) => {
                self.error(
                    "c/type-mismatch",
                    format!("`{}` is a function, not a value", ident.name),
                    ident.span,
                )
                .hints
                .push(format!("call it: `{}(…)`", ident.name));
                return Ty::Error;
            }
            None => {
                self.undeclared(ident);
                return Ty::Error;
            }
        }
        let var = self.var(*res).expect("just resolved");
        if var.poisoned {
            return Ty::Error;
        }
        match var.shape {
            Shape::Scalar => Ty::Num,
            Shape::Array(_) | Shape::ArrayParam => Ty::Array {
                is_const: var.is_const,
            },
        }
    }

    /// Reports an undeclared variable, with the closest visible name as a hint.
    pub(super) fn undeclared(&mut self, ident: &Ident) {
        let names = self.visible_names();
        let mut d = Diagnostic::error(
            "c/undeclared-name",
            format!("undeclared name `{}`", ident.name),
            ident.span,
        );
        if let Some(hint) = diag::did_you_mean(&ident.name, names.iter().map(String::as_str)) {
            d = d.with_hint(hint);
        }
        self.diags.push(d);
    }

    /// `a[i]`: returns the element's type. A constant index outside an array of known
    /// length is a warning (running it faults with `index out of range`).
    fn indexing(&mut self, base: &mut Expr, index: &mut Expr) -> Ty {
        let ty = self.index_base(base);
        self.value(index);
        if ty == Ty::Num
            && let Some((ident, res)) = base.as_name()
            && let Some(var) = self.var(res)
            && let Shape::Array(len) = var.shape
            && let Ok(i) = crate::consts::eval(index)
            && (i.is_negative() || i >= Num::from(len))
        {
            let d = Diagnostic::warning(
                "c/index-range",
                format!(
                    "index {i} is outside `{}`, which has {len} elements",
                    ident.name
                ),
                index.span,
            )
            .with_label(var.span, "declared here")
            .with_hint(format!(
                "the indexes of `{}` run from 0 to {}",
                ident.name,
                len - 1
            ));
            self.diags.push(d);
        }
        ty
    }

    /// The array part of `a[i]`: it must name an array. Returns the element's type.
    fn index_base(&mut self, base: &mut Expr) -> Ty {
        let ty = self.expr(base);
        match ty {
            Ty::Array { .. } => Ty::Num,
            Ty::Error => Ty::Error,
            _ => {
                let shown = self.text(base.span).to_string();
                let mut d = Diagnostic::error(
                    "c/type-mismatch",
                    format!("`{shown}` is not an array, so it cannot be indexed"),
                    base.span,
                );
                if let Some((_, res)) = base.as_name()
                    && let Some(var) = self.var(res)
                {
                    d = d.with_label(var.span, "declared here as a number");
                }
                self.diags.push(d);
                Ty::Error
            }
        }
    }

    /// Something assigned to, incremented or read into: a variable or an element,
    /// not `const`.
    pub(super) fn lvalue(&mut self, target: &mut Expr, verb: &str) {
        let span = target.span;
        let shown = self.text(span).to_string();
        match &mut target.kind {
            ExprKind::Name(..) => {
                let ty = self.expr(target);
                let Some((ident, res)) = target.as_name() else {
                    return;
                };
                let name = ident.name.clone();
                match ty {
                    Ty::Num => self.not_const(res, &format!("{verb} `{name}`"), span),
                    Ty::Array { .. } => {
                        self.error(
                            "c/type-mismatch",
                            format!("cannot {verb} the array `{name}` as a whole"),
                            span,
                        )
                        .hints
                        .push(format!("{verb} its elements, as in `{name}[i]`"));
                    }
                    _ => {}
                }
            }
            ExprKind::Index(base, index) => {
                let ty = self.indexing(base, index);
                if ty == Ty::Num
                    && let Some((ident, res)) = base.as_name()
                {
                    let what = format!("{verb} an element of `{}`", ident.name);
                    self.not_const(res, &what, span);
                }
            }
            ExprKind::Error => {}
            _ => {
                let ty = self.expr(target);
                if ty != Ty::Error {
                    self.error(
                        "c/not-lvalue",
                        format!("cannot {verb} `{shown}`: it is a value, not a variable"),
                        span,
                    );
                }
            }
        }
    }

    fn not_const(&mut self, res: Res, what: &str, span: Span) {
        if let Some(var) = self.var(res)
            && var.is_const
            && !var.poisoned
        {
            let decl = var.span;
            let name = var.name.clone();
            self.error(
                "c/const",
                format!("cannot {what}: `{name}` is `const`"),
                span,
            )
            .labels
            .push(Label {
                span: decl,
                message: "declared `const` here".into(),
            });
        }
    }
}
