//! Checking statements and local declarations.

use diag::Label;

use super::{Checker, Shape, Switch, Ty, Var};
use crate::ast::*;

impl Checker<'_> {
    pub(super) fn stmt(&mut self, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::Expr(e) => self.discard(e),
            StmtKind::Decl(decls) => self.locals(decls),
            StmtKind::Block(b) => {
                self.scopes.push(Vec::new());
                for s in &mut b.stmts {
                    self.stmt(s);
                }
                self.scopes.pop();
            }
            StmtKind::If(c, then, other) => {
                self.cond(c);
                self.sub_stmt(then);
                if let Some(other) = other {
                    self.sub_stmt(other);
                }
            }
            StmtKind::While(c, body) => {
                self.cond(c);
                self.loop_body(body);
            }
            StmtKind::DoWhile(body, c) => {
                self.loop_body(body);
                self.cond(c);
            }
            StmtKind::For(f) => {
                // The clause's declarations are in a scope of their own around the body.
                self.scopes.push(Vec::new());
                match &mut f.init {
                    ForInit::None => {}
                    ForInit::Expr(e) => self.discard(e),
                    ForInit::Decl(decls) => self.locals(decls),
                }
                if let Some(c) = &mut f.cond {
                    self.cond(c);
                }
                if let Some(step) = &mut f.step {
                    self.discard(step);
                }
                self.loop_body(&mut f.body);
                self.scopes.pop();
            }
            StmtKind::Break => {
                if self.breakable.is_empty() {
                    self.error("c/misplaced", "`break` outside a loop or `switch`", s.span);
                }
            }
            StmtKind::Continue => {
                if !self.breakable.contains(&true) {
                    self.error("c/misplaced", "`continue` outside a loop", s.span);
                }
            }
            StmtKind::Return(value) => self.ret(value.as_mut(), s.span),
            StmtKind::Switch(c, body) => {
                self.cond(c);
                self.switches.push(Switch {
                    cases: Vec::new(),
                    default: None,
                });
                self.breakable.push(false);
                self.sub_stmt(body);
                self.breakable.pop();
                self.switches.pop();
            }
            StmtKind::Case(value, resolved, body) => {
                let label_span = diag::Span::new(s.span.start as usize, value.span.end as usize);
                if self.switches.is_empty() {
                    self.error("c/misplaced", "`case` outside a `switch`", label_span);
                    let _ = self.expr(value);
                } else if let Some(v) = self.constant(value, "a `case` label") {
                    let switch = self.switches.last_mut().expect("inside a switch");
                    if let Some(&(_, first)) = switch.cases.iter().find(|(c, _)| *c == v) {
                        self.error(
                            "c/duplicate-case",
                            format!("`case {v}` appears twice in this `switch`"),
                            label_span,
                        )
                        .labels
                        .push(Label {
                            span: first,
                            message: "first used here".into(),
                        });
                    } else {
                        switch.cases.push((v, label_span));
                    }
                    *resolved = Some(v);
                }
                self.sub_stmt(body);
            }
            StmtKind::Default(body) => {
                let span = diag::Span::new(s.span.start as usize, s.span.start as usize + 7);
                match self.switches.last_mut() {
                    None => {
                        self.error("c/misplaced", "`default` outside a `switch`", span);
                    }
                    Some(switch) => match switch.default {
                        Some(first) => {
                            self.error(
                                "c/duplicate-case",
                                "`default` appears twice in this `switch`",
                                span,
                            )
                            .labels
                            .push(Label {
                                span: first,
                                message: "first used here".into(),
                            });
                        }
                        None => switch.default = Some(span),
                    },
                }
                self.sub_stmt(body);
            }
            StmtKind::Empty => {}
        }
    }

    /// The body of `if`, `else` or a label: a statement, in a scope of its own (C gives
    /// even an unbraced body one).
    fn sub_stmt(&mut self, s: &mut Stmt) {
        self.scopes.push(Vec::new());
        self.stmt(s);
        self.scopes.pop();
    }

    fn loop_body(&mut self, body: &mut Stmt) {
        self.breakable.push(true);
        self.sub_stmt(body);
        self.breakable.pop();
    }

    /// A condition: any number.
    fn cond(&mut self, e: &mut Expr) {
        self.value(e);
        // `if (x = 0)` is legal but almost always meant `==`; gcc warns too, unless the
        // assignment has parentheses of its own, as in `while ((c = next()))`.
        if let ExprKind::Assign {
            op: None, op_span, ..
        } = &e.kind
        {
            let before = self.src[..e.span.start as usize].trim_end();
            let doubled =
                before.ends_with('(') && before[..before.len() - 1].trim_end().ends_with('(');
            if !doubled {
                self.diags.push(
                    diag::Diagnostic::warning(
                        "c/assign-in-condition",
                        format!("`{}` assigns, and the condition tests the value assigned", self.text(e.span)),
                        *op_span,
                    )
                    .with_hint("to compare, write `==`; to assign on purpose, add parentheses: `if ((x = y))`"),
                );
            }
        }
    }

    fn ret(&mut self, value: Option<&mut Expr>, span: diag::Span) {
        let Some(id) = self.func else { return };
        let f = &self.syms.funcs[id];
        let (name, returns_void) = (f.name.clone(), f.returns_void);
        match value {
            Some(e) if returns_void => {
                let ty = self.expr(e);
                if ty != Ty::Error {
                    self.error(
                        "c/type-mismatch",
                        format!("`{name}` returns `void`, so its `return` takes no value"),
                        e.span,
                    )
                    .hints
                    .push(format!("declare `{name}` as `int` to return a number"));
                }
            }
            Some(e) => self.value(e),
            None if !returns_void => {
                self.error(
                    "c/type-mismatch",
                    format!("`{name}` returns a number, so its `return` needs one"),
                    span,
                );
            }
            None => {}
        }
    }

    fn locals(&mut self, decls: &mut VarDecls) {
        let base = decls.ty.base;
        for v in &mut decls.vars {
            let name = v.name.name.clone();
            self.not_void(base, &v.name);
            let shape = self.shape(v);
            let var = Var {
                name: name.clone(),
                shape: shape.unwrap_or(Shape::Scalar),
                is_const: decls.ty.is_const,
                span: v.name.span,
                poisoned: matches!(base, Base::Error | Base::Void) || shape.is_none(),
            };
            // The name is visible in its own initialiser, as in C.
            let id = self.declare_local(var);
            v.res = Res::Local(id);
            match (&mut v.init, shape) {
                (None, _) => {}
                (Some(Init::Expr(e)), Some(Shape::Scalar)) => self.value(e),
                (Some(Init::List(items, _)), Some(Shape::Array(_))) => {
                    for e in items.iter_mut() {
                        self.value(e);
                    }
                }
                (Some(init), None) => match init {
                    Init::Expr(e) => {
                        let _ = self.expr(e);
                    }
                    Init::List(items, _) => {
                        for e in items.iter_mut() {
                            let _ = self.expr(e);
                        }
                    }
                },
                (Some(init), Some(shape)) => self.init_mismatch(&name, init, shape),
            }
        }
    }
}

/// Whether a statement surely ends in `return` (or loops forever), so that nothing after
/// it runs: a conservative reading, as a warning needs.
pub(super) fn always_returns(s: &Stmt) -> bool {
    let forever = |cond: Option<&Expr>| {
        cond.is_none_or(|c| matches!(crate::consts::eval(c), Ok(v) if !v.is_zero()))
    };
    match &s.kind {
        StmtKind::Return(_) => true,
        StmtKind::Block(b) => b.stmts.iter().any(always_returns),
        StmtKind::If(_, then, Some(other)) => always_returns(then) && always_returns(other),
        StmtKind::DoWhile(body, _) => always_returns(body) && !breaks(body),
        StmtKind::While(c, body) => forever(Some(c)) && !breaks(body),
        StmtKind::For(f) => forever(f.cond.as_ref()) && !breaks(&f.body),
        StmtKind::Case(_, _, body) | StmtKind::Default(body) => always_returns(body),
        _ => false,
    }
}

/// Whether a `break` in the statement leaves the loop around it (not one of its own
/// loops or `switch`es).
fn breaks(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Break => true,
        StmtKind::Block(b) => b.stmts.iter().any(breaks),
        StmtKind::If(_, then, other) => breaks(then) || other.as_deref().is_some_and(breaks),
        StmtKind::Case(_, _, body) | StmtKind::Default(body) => breaks(body),
        _ => false,
    }
}
