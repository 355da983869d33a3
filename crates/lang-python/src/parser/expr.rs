//! Expressions, from the loosest binding (`lambda`, conditional expressions) to atoms, as
//! in Python's grammar.

use diag::{Diagnostic, Span};

use super::{PResult, Parser, Reported, parse_field};
use crate::ast::{BinOp, BoolOp, CmpOp, Expr, ExprKind, FStrPart, Keyword, UnOp};
use crate::lexer::{FPart, Tok};

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

fn error(span: Span) -> Expr {
    Expr {
        kind: ExprKind::Error,
        span,
    }
}

impl Parser<'_, '_> {
    /// Expressions separated by commas: one expression, or a tuple of them.
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        let first = self.expression()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.ends_list() {
                break;
            }
            items.push(self.expression()?);
        }
        let span = items[0].span.cover(self.prev_span());
        Ok(Expr {
            kind: ExprKind::Tuple(items),
            span,
        })
    }

    /// Whether the next token ends a comma-separated list (after a trailing comma).
    fn ends_list(&self) -> bool {
        matches!(
            self.tok(),
            Tok::Newline | Tok::Eof | Tok::Op("=" | ")" | "]" | ":" | ";")
        ) || matches!(self.tok(), Tok::Op(op) if op.ends_with('=') && op.len() > 1 && *op != "==")
    }

    /// The targets of a `for`: names or indexes separated by commas, read below the
    /// comparisons so that `in` stays for the loop.
    pub(super) fn target_list(&mut self) -> PResult<Expr> {
        let first = self.bitwise()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_kw("in") {
                break;
            }
            items.push(self.bitwise()?);
        }
        let span = items[0].span.cover(self.prev_span());
        Ok(Expr {
            kind: ExprKind::Tuple(items),
            span,
        })
    }

    /// An expression that may be an assignment expression (`:=`, not in the subset).
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        let e = self.expression()?;
        if self.at_op(":=") {
            let span = self.span();
            self.unsupported("assignment expressions (`:=`)", span, None);
            return Err(Reported);
        }
        Ok(e)
    }

    /// One expression, conditional expressions included.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        let span = self.span();
        self.enter(span)?;
        let result = self.expression_inner();
        self.leave();
        result
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            let span = self.span();
            self.unsupported(
                "`lambda`",
                span,
                Some("define a function with `def` and call it"),
            );
            return Err(Reported);
        }
        let then = self.disjunction()?;
        if !self.at_kw("if") {
            return Ok(then);
        }
        self.bump();
        let cond = self.disjunction()?;
        if !self.eat_kw("else") {
            return Err(self.unexpected("`else` in the conditional expression"));
        }
        let orelse = self.expression()?;
        let span = then.span.cover(orelse.span);
        Ok(Expr {
            kind: ExprKind::IfExp {
                cond: boxed(cond),
                then: boxed(then),
                orelse: boxed(orelse),
            },
            span,
        })
    }

    /// A left-associative chain `operand (op operand)*`, each link counted against the
    /// nesting limit, since later passes walk it recursively.
    fn chain(
        &mut self,
        operand: fn(&mut Self) -> PResult<Expr>,
        op: fn(&Self) -> Option<Combine>,
    ) -> PResult<Expr> {
        let mut lhs = operand(self)?;
        let mut links = 0;
        while let Some(combine) = op(self) {
            let op_span = self.bump().span;
            self.enter(op_span)?;
            links += 1;
            let rhs = operand(self)?;
            let span = lhs.span.cover(rhs.span);
            let kind = match combine {
                Combine::Binary(op) => ExprKind::Binary {
                    op,
                    op_span,
                    lhs: boxed(lhs),
                    rhs: boxed(rhs),
                },
                Combine::Bool(op) => ExprKind::BoolOp {
                    op,
                    lhs: boxed(lhs),
                    rhs: boxed(rhs),
                },
                Combine::Unsupported(what, hint) => {
                    self.unsupported(what, op_span, hint);
                    ExprKind::Error
                }
            };
            lhs = Expr { kind, span };
        }
        for _ in 0..links {
            self.leave();
        }
        Ok(lhs)
    }

    fn disjunction(&mut self) -> PResult<Expr> {
        self.chain(Self::conjunction, |p| {
            p.at_kw("or").then_some(Combine::Bool(BoolOp::Or))
        })
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        self.chain(Self::inversion, |p| {
            p.at_kw("and").then_some(Combine::Bool(BoolOp::And))
        })
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if !self.at_kw("not") {
            return self.comparison();
        }
        let op_span = self.bump().span;
        self.enter(op_span)?;
        let operand = self.inversion()?;
        self.leave();
        Ok(Expr {
            span: op_span.cover(operand.span),
            kind: ExprKind::Unary {
                op: UnOp::Not,
                op_span,
                operand: boxed(operand),
            },
        })
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let first = self.bitwise()?;
        let mut rest = Vec::new();
        loop {
            let start = self.span();
            let op = match self.tok() {
                Tok::Op("==") => CmpOp::Eq,
                Tok::Op("!=") => CmpOp::Ne,
                Tok::Op("<") => CmpOp::Lt,
                Tok::Op("<=") => CmpOp::Le,
                Tok::Op(">") => CmpOp::Gt,
                Tok::Op(">=") => CmpOp::Ge,
                Tok::Kw("in") => CmpOp::In,
                Tok::Kw("not") if matches!(self.nth(1), Tok::Kw("in")) => {
                    self.bump();
                    CmpOp::NotIn
                }
                Tok::Kw("is") => {
                    self.bump();
                    self.eat_kw("not");
                    let span = start.cover(self.prev_span());
                    self.unsupported("`is` comparisons", span, Some("compare values with `==`"));
                    return Err(Reported);
                }
                _ => break,
            };
            let op_span = start.cover(self.bump().span);
            self.enter(op_span)?;
            rest.push((op, op_span, self.bitwise()?));
        }
        for _ in 0..rest.len() {
            self.leave();
        }
        if rest.is_empty() {
            return Ok(first);
        }
        let span = first.span.cover(rest.last().expect("non-empty").2.span);
        Ok(Expr {
            kind: ExprKind::Compare {
                first: boxed(first),
                rest,
            },
            span,
        })
    }

    /// `|`, `^`, `&`, `<<`, `>>`: read so that they can be reported.
    pub(super) fn bitwise(&mut self) -> PResult<Expr> {
        self.chain(Self::sum, |p| {
            matches!(p.tok(), Tok::Op("|" | "^" | "&" | "<<" | ">>"))
                .then_some(Combine::Unsupported("bitwise operators", None))
        })
    }

    fn sum(&mut self) -> PResult<Expr> {
        self.chain(Self::term, |p| match p.tok() {
            Tok::Op("+") => Some(Combine::Binary(BinOp::Add)),
            Tok::Op("-") => Some(Combine::Binary(BinOp::Sub)),
            _ => None,
        })
    }

    fn term(&mut self) -> PResult<Expr> {
        self.chain(Self::factor, |p| match p.tok() {
            Tok::Op("*") => Some(Combine::Binary(BinOp::Mul)),
            Tok::Op("//") => Some(Combine::Binary(BinOp::FloorDiv)),
            Tok::Op("%") => Some(Combine::Binary(BinOp::Mod)),
            Tok::Op("/") => Some(Combine::Unsupported(
                "`/` (true division gives a float)",
                Some("use `//` for integer division, which rounds down as Python does"),
            )),
            Tok::Op("@") => Some(Combine::Unsupported("`@`", None)),
            _ => None,
        })
    }

    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.tok() {
            Tok::Op("-") => Some(UnOp::Neg),
            Tok::Op("+") => Some(UnOp::Pos),
            Tok::Op("~") => None,
            _ => return self.power(),
        };
        let op_span = self.bump().span;
        self.enter(op_span)?;
        let operand = self.factor()?;
        self.leave();
        let span = op_span.cover(operand.span);
        let Some(op) = op else {
            self.unsupported("bitwise operators", op_span, None);
            return Ok(error(span));
        };
        Ok(Expr {
            kind: ExprKind::Unary {
                op,
                op_span,
                operand: boxed(operand),
            },
            span,
        })
    }

    fn power(&mut self) -> PResult<Expr> {
        let base = self.primary()?;
        if !self.at_op("**") {
            return Ok(base);
        }
        let op_span = self.bump().span;
        self.enter(op_span)?;
        let exp = self.factor()?;
        self.leave();
        Ok(Expr {
            span: base.span.cover(exp.span),
            kind: ExprKind::Binary {
                op: BinOp::Pow,
                op_span,
                lhs: boxed(base),
                rhs: boxed(exp),
            },
        })
    }

    fn primary(&mut self) -> PResult<Expr> {
        let mut e = self.atom()?;
        let mut links = 0;
        loop {
            if self.at_op("(") {
                self.enter(e.span)?;
                links += 1;
                e = self.call(e)?;
            } else if self.at_op("[") {
                self.enter(e.span)?;
                links += 1;
                e = self.index(e)?;
            } else if self.at_op(".") {
                self.bump();
                self.enter(e.span)?;
                links += 1;
                let (name, name_span) = self.name("a name after `.`")?;
                e = Expr {
                    span: e.span.cover(name_span),
                    kind: ExprKind::Attribute {
                        value: boxed(e),
                        name,
                        name_span,
                    },
                };
            } else {
                break;
            }
        }
        for _ in 0..links {
            self.leave();
        }
        Ok(e)
    }

    fn call(&mut self, func: Expr) -> PResult<Expr> {
        self.bump();
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        while !self.at_op(")") {
            if self.at_op("*") || self.at_op("**") {
                let span = self.span();
                self.unsupported("`*` and `**` arguments", span, None);
                return Err(Reported);
            }
            if let (Tok::Name(name), Tok::Op("=")) = (self.tok().clone(), self.nth(1)) {
                let name_span = self.bump().span;
                self.bump();
                let value = self.expression()?;
                if keywords.iter().any(|k| k.name == name) {
                    return Err(
                        self.error(format!("keyword argument repeated: `{name}`"), name_span)
                    );
                }
                keywords.push(Keyword {
                    name,
                    name_span,
                    value,
                });
            } else {
                let arg = self.expression()?;
                if self.at_kw("for") {
                    let comp = self.comprehension(arg, true)?;
                    args.push(comp);
                } else {
                    if let Some(k) = keywords.first() {
                        return Err(self.report(
                            Diagnostic::error(
                                "py/syntax",
                                "positional argument follows keyword argument",
                                arg.span,
                            )
                            .with_label(k.name_span, "the first keyword argument"),
                        ));
                    }
                    args.push(arg);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        let close = self.expect_op(")")?;
        Ok(Expr {
            span: func.span.cover(close),
            kind: ExprKind::Call {
                func: boxed(func),
                args,
                keywords,
            },
        })
    }

    fn index(&mut self, value: Expr) -> PResult<Expr> {
        let open = self.bump().span;
        if self.at_op(":") {
            return self.slice(open);
        }
        let index = self.expression()?;
        if self.at_op(":") {
            return self.slice(open);
        }
        if self.at_op(",") {
            let span = self.span();
            self.unsupported("indexing with a tuple", span, None);
            return Err(Reported);
        }
        let close = self.expect_op("]")?;
        Ok(Expr {
            span: value.span.cover(close),
            kind: ExprKind::Index {
                value: boxed(value),
                index: boxed(index),
            },
        })
    }

    fn slice(&mut self, open: Span) -> PResult<Expr> {
        self.skip_balanced(1);
        let span = open.cover(self.prev_span());
        self.unsupported(
            "slices",
            span,
            Some("copy the elements you need with a loop or a comprehension"),
        );
        Ok(error(span))
    }

    /// Skips tokens until `depth` more brackets have closed than opened (or the line ends).
    fn skip_balanced(&mut self, mut depth: usize) {
        while depth > 0 && !matches!(self.tok(), Tok::Newline | Tok::Eof) {
            match self.bump().tok {
                Tok::Op("(" | "[" | "{") => depth += 1,
                Tok::Op(")" | "]" | "}") => depth -= 1,
                _ => {}
            }
        }
    }

    /// `for target in iter (if cond)*` after a comprehension's element.
    fn comprehension(&mut self, elt: Expr, generator: bool) -> PResult<Expr> {
        self.bump();
        let target = self.target_list()?;
        if matches!(target.kind, ExprKind::Tuple(_)) {
            self.unsupported("tuple targets in comprehensions", target.span, None);
            return Err(Reported);
        }
        self.check_target(&target)?;
        if !self.eat_kw("in") {
            return Err(self.unexpected("`in`"));
        }
        let iter = self.disjunction()?;
        let mut conds = Vec::new();
        while self.eat_kw("if") {
            conds.push(self.disjunction()?);
        }
        if self.at_kw("for") {
            let span = self.span();
            self.unsupported(
                "comprehensions with more than one `for`",
                span,
                Some("build the list with nested `for` loops and `append`"),
            );
            return Err(Reported);
        }
        let end = conds.last().map_or(iter.span, |c| c.span);
        Ok(Expr {
            span: elt.span.cover(end),
            kind: ExprKind::ListComp {
                elt: boxed(elt),
                target: boxed(target),
                iter: boxed(iter),
                conds,
                generator,
            },
        })
    }

    fn atom(&mut self) -> PResult<Expr> {
        let span = self.span();
        let kind = match self.tok().clone() {
            Tok::Name(n) => ExprKind::Name(n),
            Tok::Int(v) => ExprKind::Int(v),
            Tok::Kw("True") => ExprKind::Bool(true),
            Tok::Kw("False") => ExprKind::Bool(false),
            Tok::Kw("None") => ExprKind::None,
            Tok::Float => {
                self.unsupported(
                    "floats",
                    span,
                    Some("the Engine has no fractions: scale integers by a power of ten instead"),
                );
                ExprKind::Error
            }
            Tok::Str { .. } | Tok::FStr(_) => return Ok(self.strings()),
            // Brackets count twice against the nesting limit: each level of them costs
            // the parser more stack than an operator does.
            Tok::Op("(" | "[") => {
                self.enter(span)?;
                let e = if self.at_op("(") {
                    self.parenthesised()
                } else {
                    self.list()
                };
                self.leave();
                return e;
            }
            Tok::Op("{") => {
                self.bump();
                self.skip_balanced(1);
                let span = span.cover(self.prev_span());
                self.unsupported("dicts and sets", span, Some("use a list of integers"));
                return Ok(error(span));
            }
            Tok::Op("...") => {
                self.unsupported("`...`", span, Some("write `pass` for an empty block"));
                ExprKind::Error
            }
            Tok::Kw(kw @ ("yield" | "await")) => {
                let what = if kw == "yield" {
                    "generators (`yield`)"
                } else {
                    "`await`"
                };
                self.unsupported(what, span, None);
                return Err(Reported);
            }
            Tok::Kw("lambda") => return self.expression(),
            _ => return Err(self.unexpected("an expression")),
        };
        self.bump();
        Ok(Expr { kind, span })
    }

    /// Adjacent string literals and f-strings, joined as Python joins them.
    fn strings(&mut self) -> Expr {
        let start = self.span();
        let mut parts: Vec<FStrPart> = Vec::new();
        let mut formatted = false;
        let mut bytes = false;
        loop {
            match self.tok().clone() {
                Tok::Str { value, bytes: b } => {
                    bytes |= b;
                    push_text(&mut parts, value);
                }
                Tok::FStr(fparts) => {
                    formatted = true;
                    for part in fparts {
                        match part {
                            FPart::Text(t) => push_text(&mut parts, t),
                            FPart::Field { tokens, span } => {
                                let e = parse_field(self.src, tokens, span, self.depth, self.diags);
                                parts.push(FStrPart::Field(e));
                            }
                        }
                    }
                }
                _ => break,
            }
            self.bump();
        }
        let span = start.cover(self.prev_span());
        if bytes {
            self.unsupported("bytes", span, None);
            return error(span);
        }
        let kind = if formatted {
            ExprKind::FStr(parts)
        } else {
            match parts.pop() {
                Some(FStrPart::Text(t)) => ExprKind::Str(t),
                _ => ExprKind::Str(String::new()),
            }
        };
        Expr { kind, span }
    }

    fn parenthesised(&mut self) -> PResult<Expr> {
        let open = self.bump().span;
        if self.at_op(")") {
            let close = self.bump().span;
            return Ok(Expr {
                kind: ExprKind::Tuple(Vec::new()),
                span: open.cover(close),
            });
        }
        let first = self.named_expression()?;
        if self.at_kw("for") {
            let comp = self.comprehension(first, true)?;
            self.expect_op(")")?;
            return Ok(comp);
        }
        if !self.at_op(",") {
            self.expect_op(")")?;
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op(")") {
                break;
            }
            items.push(self.expression()?);
        }
        let close = self.expect_op(")")?;
        Ok(Expr {
            kind: ExprKind::Tuple(items),
            span: open.cover(close),
        })
    }

    fn list(&mut self) -> PResult<Expr> {
        let open = self.bump().span;
        let mut items = Vec::new();
        while !self.at_op("]") {
            let item = self.expression()?;
            if items.is_empty() && self.at_kw("for") {
                let comp = self.comprehension(item, false)?;
                let close = self.expect_op("]")?;
                return Ok(Expr {
                    span: open.cover(close),
                    ..comp
                });
            }
            items.push(item);
            if !self.eat_op(",") {
                break;
            }
        }
        let close = self.expect_op("]")?;
        Ok(Expr {
            kind: ExprKind::List(items),
            span: open.cover(close),
        })
    }
}

fn push_text(parts: &mut Vec<FStrPart>, text: String) {
    match parts.last_mut() {
        Some(FStrPart::Text(t)) => t.push_str(&text),
        _ => parts.push(FStrPart::Text(text)),
    }
}

/// How a binary chain combines its operands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Combine {
    Binary(BinOp),
    Bool(BoolOp),
    Unsupported(&'static str, Option<&'static str>),
}
