//! Expressions, by precedence climbing over C's binary operators.
//!
//! Operators outside the subset (bitwise ones, `*` and `->` on pointers, casts, `sizeof`)
//! are parsed with their operands so that the rest of the expression still reads, then
//! reported and replaced by [`ExprKind::Error`].

use diag::{Diagnostic, Span};

use super::{MAX_DEPTH, Parser};
use crate::ast::*;
use crate::lexer::{Kw, P, Tok};

/// A binary operator's precedence (higher binds tighter) and meaning.
#[derive(Clone, Copy)]
enum Binary {
    Num(BinOp),
    Logical(bool),
    /// A bitwise operator: parsed, then reported.
    Bitwise,
}

fn binary_op(p: P) -> Option<(u8, Binary)> {
    Some(match p {
        P::OrOr => (1, Binary::Logical(false)),
        P::AndAnd => (2, Binary::Logical(true)),
        P::Pipe => (3, Binary::Bitwise),
        P::Caret => (4, Binary::Bitwise),
        P::Amp => (5, Binary::Bitwise),
        P::EqEq => (6, Binary::Num(BinOp::Eq)),
        P::Ne => (6, Binary::Num(BinOp::Ne)),
        P::Lt => (7, Binary::Num(BinOp::Lt)),
        P::Gt => (7, Binary::Num(BinOp::Gt)),
        P::Le => (7, Binary::Num(BinOp::Le)),
        P::Ge => (7, Binary::Num(BinOp::Ge)),
        P::Shl | P::Shr => (8, Binary::Bitwise),
        P::Plus => (9, Binary::Num(BinOp::Add)),
        P::Minus => (9, Binary::Num(BinOp::Sub)),
        P::Star => (10, Binary::Num(BinOp::Mul)),
        P::Slash => (10, Binary::Num(BinOp::Div)),
        P::Percent => (10, Binary::Num(BinOp::Rem)),
        _ => return None,
    })
}

fn bitwise_hint(p: P) -> &'static str {
    match p {
        P::Amp => "for logical and, write `&&`",
        P::Pipe => "for logical or, write `||`",
        P::Caret => "`^` is exclusive or in C, not a power: multiply in a loop",
        P::Shl => "to multiply by a power of two, use `*`",
        P::Shr => "to divide by a power of two, use `/`",
        P::Tilde => "for logical not, write `!`",
        _ => "the Engine works in decimal; use arithmetic instead",
    }
}

impl Parser<'_, '_> {
    /// Builds a node, keeping the tree within [`MAX_DEPTH`] (a long chain such as
    /// `a + b + … + z` nests one level per operator).
    fn node(&mut self, kind: ExprKind, span: Span) -> Expr {
        let e = Expr::new(kind, span);
        if e.depth > MAX_DEPTH {
            self.too_deep_at(span);
            return Expr::new(ExprKind::Error, span);
        }
        e
    }

    fn error_expr(&self, span: Span) -> Expr {
        Expr::new(ExprKind::Error, span)
    }

    /// A full expression, commas included.
    pub(super) fn expr(&mut self) -> Expr {
        let mut e = self.assign();
        while self.at(P::Comma) && !self.too_deep {
            self.bump();
            let rhs = self.assign();
            let span = e.span.cover(rhs.span);
            e = self.node(ExprKind::Comma(Box::new(e), Box::new(rhs)), span);
        }
        e
    }

    /// An assignment expression (what a function argument or initialiser is).
    pub(super) fn assign(&mut self) -> Expr {
        if !self.enter() {
            return self.error_expr(self.span());
        }
        let e = self.assign_inner();
        self.leave();
        e
    }

    fn assign_inner(&mut self) -> Expr {
        let target = self.conditional_inner();
        let op = match self.tok() {
            Tok::P(P::Assign) => None,
            Tok::P(P::PlusEq) => Some(BinOp::Add),
            Tok::P(P::MinusEq) => Some(BinOp::Sub),
            Tok::P(P::StarEq) => Some(BinOp::Mul),
            Tok::P(P::SlashEq) => Some(BinOp::Div),
            Tok::P(P::PercentEq) => Some(BinOp::Rem),
            Tok::P(p @ (P::AmpEq | P::PipeEq | P::CaretEq | P::ShlEq | P::ShrEq)) => {
                let p = *p;
                let op_span = self.bump().span;
                let _ = self.assign();
                self.unsupported(format_args!("bitwise operators (`{}`)", p.text()), op_span)
                    .hints
                    .push(bitwise_hint(p).into());
                return self.error_expr(target.span.cover(self.prev_span()));
            }
            _ => return target,
        };
        let op_span = self.bump().span;
        let value = self.assign();
        let span = target.span.cover(value.span);
        self.node(
            ExprKind::Assign {
                op,
                op_span,
                target: Box::new(target),
                value: Box::new(value),
            },
            span,
        )
    }

    /// A conditional expression `c ? a : b` (what a `case` label is).
    pub(super) fn conditional(&mut self) -> Expr {
        if !self.enter() {
            return self.error_expr(self.span());
        }
        let e = self.conditional_inner();
        self.leave();
        e
    }

    fn conditional_inner(&mut self) -> Expr {
        let cond = self.binary(1);
        if !self.at(P::Question) {
            return cond;
        }
        self.bump();
        let then = self.expr();
        self.expect(P::Colon);
        let other = self.conditional();
        let span = cond.span.cover(other.span);
        self.node(
            ExprKind::Cond(Box::new(cond), Box::new(then), Box::new(other)),
            span,
        )
    }

    fn binary(&mut self, min_prec: u8) -> Expr {
        let mut lhs = self.unary();
        while let Tok::P(p) = *self.tok() {
            let Some((prec, op)) = binary_op(p) else {
                break;
            };
            if prec < min_prec || self.too_deep {
                break;
            }
            let op_span = self.bump().span;
            let rhs = self.binary(prec + 1);
            let span = lhs.span.cover(rhs.span);
            let (lhs_box, rhs_box) = (Box::new(lhs), Box::new(rhs));
            lhs = match op {
                Binary::Num(op) => self.node(ExprKind::Binary(op, op_span, lhs_box, rhs_box), span),
                Binary::Logical(and) => self.node(
                    ExprKind::Logical {
                        and,
                        lhs: lhs_box,
                        rhs: rhs_box,
                    },
                    span,
                ),
                Binary::Bitwise => {
                    self.unsupported(format_args!("bitwise operators (`{}`)", p.text()), op_span)
                        .hints
                        .push(bitwise_hint(p).into());
                    self.error_expr(span)
                }
            };
        }
        lhs
    }

    fn unary(&mut self) -> Expr {
        if !self.enter() {
            return self.error_expr(self.span());
        }
        let e = self.unary_inner();
        self.leave();
        e
    }

    fn unary_inner(&mut self) -> Expr {
        let start = self.span();
        let op = match *self.tok() {
            Tok::P(P::Minus) => Some(UnOp::Neg),
            Tok::P(P::Plus) => Some(UnOp::Plus),
            Tok::P(P::Bang) => Some(UnOp::Not),
            _ => None,
        };
        if let Some(op) = op {
            self.bump();
            let operand = self.unary();
            let span = start.cover(operand.span);
            return self.node(ExprKind::Unary(op, start, Box::new(operand)), span);
        }
        match *self.tok() {
            Tok::P(p @ (P::PlusPlus | P::MinusMinus)) => {
                self.bump();
                let target = self.unary();
                let span = start.cover(target.span);
                self.node(
                    ExprKind::IncDec {
                        inc: p == P::PlusPlus,
                        prefix: true,
                        op: start,
                        target: Box::new(target),
                    },
                    span,
                )
            }
            Tok::P(P::Amp) => {
                self.bump();
                let operand = self.unary();
                let span = start.cover(operand.span);
                self.node(ExprKind::AddrOf(Box::new(operand)), span)
            }
            Tok::P(P::Tilde) => {
                self.bump();
                let operand = self.unary();
                self.unsupported("bitwise operators (`~`)", start)
                    .hints
                    .push(bitwise_hint(P::Tilde).into());
                self.error_expr(start.cover(operand.span))
            }
            Tok::P(P::Star) => {
                self.bump();
                let operand = self.unary();
                self.unsupported("pointers (`*` before a value)", start)
                    .hints
                    .push("index an array instead, as in `a[i]`".into());
                self.error_expr(start.cover(operand.span))
            }
            Tok::Kw(Kw::Other("sizeof")) => {
                self.bump();
                if self.at(P::LParen) && self.type_follows(1) {
                    self.skip_parens();
                } else {
                    let _ = self.unary();
                }
                let span = start.cover(self.prev_span());
                self.unsupported("`sizeof`", span)
                    .hints
                    .push("keep the length in a `#define` constant".into());
                self.error_expr(span)
            }
            Tok::P(P::LParen) if self.type_follows(1) => {
                self.skip_parens();
                let cast = start.cover(self.prev_span());
                let operand = self.unary();
                self.unsupported("casts", cast).hints.push(
                    "`int` and `long` are the same 50-digit numbers here; leave the cast out"
                        .into(),
                );
                self.error_expr(cast.cover(operand.span))
            }
            _ => self.postfix(),
        }
    }

    /// Whether the token `ahead` begins a type name (for casts and `sizeof`).
    fn type_follows(&self, ahead: usize) -> bool {
        match self.tok_at(ahead) {
            Tok::Kw(Kw::Int | Kw::Long | Kw::Void | Kw::Const) => true,
            Tok::Kw(Kw::Other(word)) => matches!(
                *word,
                "char"
                    | "short"
                    | "signed"
                    | "unsigned"
                    | "float"
                    | "double"
                    | "struct"
                    | "union"
                    | "enum"
                    | "_Bool"
            ),
            _ => false,
        }
    }

    /// Skips a balanced `( … )`.
    fn skip_parens(&mut self) {
        let mut depth = 0u32;
        loop {
            match self.tok() {
                Tok::Eof => break,
                Tok::P(P::LParen) => depth += 1,
                Tok::P(P::RParen) => {
                    depth -= 1;
                    if depth == 0 {
                        self.bump();
                        break;
                    }
                }
                Tok::P(P::Semi | P::LBrace | P::RBrace) => break,
                _ => {}
            }
            self.bump();
        }
    }

    fn postfix(&mut self) -> Expr {
        let mut e = self.primary();
        loop {
            let start = self.span();
            match *self.tok() {
                Tok::P(P::LBracket) => {
                    self.bump();
                    let index = self.expr();
                    self.expect(P::RBracket);
                    let brackets = start.cover(self.prev_span());
                    let span = e.span.cover(brackets);
                    e = self.node(ExprKind::Index(Box::new(e), Box::new(index)), span);
                }
                Tok::P(p @ (P::PlusPlus | P::MinusMinus)) => {
                    self.bump();
                    let span = e.span.cover(start);
                    e = self.node(
                        ExprKind::IncDec {
                            inc: p == P::PlusPlus,
                            prefix: false,
                            op: start,
                            target: Box::new(e),
                        },
                        span,
                    );
                }
                Tok::P(p @ (P::Dot | P::Arrow)) => {
                    self.bump();
                    if matches!(self.tok(), Tok::Ident(_)) {
                        self.bump();
                    }
                    self.unsupported(format_args!("structs (`{}`)", p.text()), start);
                    e = self.error_expr(e.span.cover(self.prev_span()));
                }
                Tok::P(P::LParen) => {
                    let d = Diagnostic::error(
                        "c/syntax",
                        format!(
                            "only a function can be called, not `{}`",
                            &self.src[e.span.range()]
                        ),
                        start,
                    );
                    self.report(d);
                    self.skip_parens();
                    e = self.error_expr(e.span.cover(self.prev_span()));
                }
                _ => break,
            }
        }
        e
    }

    fn primary(&mut self) -> Expr {
        let span = self.span();
        match *self.tok() {
            Tok::Int(v) | Tok::Char(v) => {
                self.bump();
                Expr::new(ExprKind::Int(v), span)
            }
            Tok::Str(_) => {
                // Adjacent literals are one string, as in C.
                let mut chars = Vec::new();
                while let Tok::Str(part) = self.tok() {
                    chars.extend_from_slice(part);
                    self.bump();
                }
                // C's strings end at their first NUL, whatever the literal holds after.
                if let Some(end) = chars.iter().position(|&(c, _)| c == '\0') {
                    chars.truncate(end);
                }
                Expr::new(ExprKind::Str(chars), span.cover(self.prev_span()))
            }
            Tok::Ident(name) => {
                let ident = Ident {
                    name: name.to_string(),
                    span,
                };
                self.bump();
                if self.at(P::LParen) {
                    return self.call(ident);
                }
                Expr::new(ExprKind::Name(ident, Res::None), span)
            }
            Tok::P(P::LParen) => {
                self.bump();
                let e = self.expr();
                self.expect(P::RParen);
                e
            }
            Tok::Bad => {
                self.bump();
                // A bad name that is called: its arguments go with it, unreported.
                if self.at(P::LParen) {
                    self.skip_parens();
                }
                Expr::new(ExprKind::Error, span.cover(self.prev_span()))
            }
            _ => {
                let d = self.expected("an expression", self.missing_at());
                self.report(d);
                // Keep `;`, `)` and braces for the statement to recover at.
                if !matches!(
                    self.tok(),
                    Tok::Eof | Tok::P(P::Semi | P::RParen | P::RBrace | P::LBrace | P::RBracket)
                ) {
                    self.bump();
                }
                Expr::new(ExprKind::Error, span)
            }
        }
    }

    fn call(&mut self, callee: Ident) -> Expr {
        self.bump();
        let mut args = Vec::new();
        if !self.at(P::RParen) {
            loop {
                args.push(self.assign());
                if !self.eat(P::Comma) || self.too_deep {
                    break;
                }
            }
        }
        self.expect(P::RParen);
        let span = callee.span.cover(self.prev_span());
        self.node(ExprKind::Call(callee, args, Callee::None), span)
    }
}
