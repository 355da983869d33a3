//! A recursive-descent parser for the subset, statements here and expressions in
//! [`expr`], with Python's grammar and precedence.
//!
//! Parsing never fails. A syntax error is reported (`py/syntax`, `py/indentation`) and
//! the rest of its logical line is skipped, together with any block indented under it,
//! so each mistake gives one diagnostic and every later statement is still read. A
//! construct outside the subset is reported (`py/unsupported`) and left out of the tree.
//! Nesting is limited ([`MAX_DEPTH`]), so that no input can exhaust the stack here or in
//! the passes that walk the tree.

mod expr;

use diag::{Diagnostic, Span};

use crate::ast::{Expr, ExprKind, FuncDef, Module, Param, Stmt, StmtKind};
use crate::lexer::{Tok, Token};

/// How deeply blocks and expressions may nest (together), and how long a chain of binary
/// operators may be, before the parser gives up on the statement.
const MAX_DEPTH: usize = 100;

/// A syntax error, already reported: the statement is abandoned.
pub(crate) struct Reported;

type PResult<T> = Result<T, Reported>;

/// Parses a file's tokens (which end in [`Tok::Eof`]).
pub(crate) fn parse(source: &str, tokens: Vec<Token>, diags: &mut Vec<Diagnostic>) -> Module {
    let mut parser = Parser::new(source, tokens, diags);
    let mut body = Vec::new();
    while !parser.at(&Tok::Eof) {
        parser.statement(&mut body, true);
    }
    Module { body }
}

/// Parses the tokens of one f-string field as an expression.
pub(crate) fn parse_field(
    source: &str,
    tokens: Vec<Token>,
    span: Span,
    depth: usize,
    diags: &mut Vec<Diagnostic>,
) -> Expr {
    let mut parser = Parser::new(source, tokens, diags);
    parser.depth = depth;
    parser.field = true;
    let result = parser.expression().and_then(|e| {
        if parser.at(&Tok::Eof) {
            Ok(e)
        } else {
            Err(parser.unexpected("the end of the f-string field"))
        }
    });
    result.unwrap_or(Expr {
        kind: ExprKind::Error,
        span,
    })
}

struct Parser<'s, 'd> {
    src: &'s str,
    tokens: Vec<Token>,
    pos: usize,
    diags: &'d mut Vec<Diagnostic>,
    /// Blocks and expressions entered and not yet left.
    depth: usize,
    /// Whether the tokens are one f-string field's.
    field: bool,
}

impl<'s, 'd> Parser<'s, 'd> {
    fn new(src: &'s str, tokens: Vec<Token>, diags: &'d mut Vec<Diagnostic>) -> Self {
        Parser {
            src,
            tokens,
            pos: 0,
            diags,
            depth: 0,
            field: false,
        }
    }

    fn tok(&self) -> &Tok {
        &self.tokens[self.pos].tok
    }

    fn nth(&self, n: usize) -> &Tok {
        let i = (self.pos + n).min(self.tokens.len() - 1);
        &self.tokens[i].tok
    }

    fn span(&self) -> Span {
        self.tokens[self.pos].span
    }

    /// The span of the last token consumed.
    fn prev_span(&self) -> Span {
        self.tokens[self.pos.saturating_sub(1)].span
    }

    fn at(&self, tok: &Tok) -> bool {
        self.tok() == tok
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }

    fn at_kw(&self, kw: &str) -> bool {
        matches!(self.tok(), Tok::Kw(k) if *k == kw)
    }

    fn bump(&mut self) -> Token {
        let token = self.tokens[self.pos].clone();
        if !matches!(token.tok, Tok::Eof) {
            self.pos += 1;
        }
        token
    }

    fn eat_op(&mut self, op: &str) -> bool {
        let yes = self.at_op(op);
        if yes {
            self.bump();
        }
        yes
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        let yes = self.at_kw(kw);
        if yes {
            self.bump();
        }
        yes
    }

    fn report(&mut self, d: Diagnostic) -> Reported {
        self.diags.push(d);
        Reported
    }

    fn error(&mut self, message: impl Into<String>, span: Span) -> Reported {
        self.report(Diagnostic::error("py/syntax", message, span))
    }

    fn unsupported(&mut self, what: &str, span: Span, hint: Option<&str>) {
        let mut d = Diagnostic::error(
            "py/unsupported",
            format!("not supported in this subset: {what}"),
            span,
        );
        if let Some(hint) = hint {
            d = d.with_hint(hint);
        }
        self.diags.push(d);
    }

    /// How the current token reads in a message.
    fn describe(&self) -> String {
        let token = &self.tokens[self.pos];
        match &token.tok {
            Tok::Newline => "the end of the line".into(),
            Tok::Eof if self.field => "the end of the f-string field".into(),
            Tok::Eof => "the end of the file".into(),
            Tok::Indent => "an indented line".into(),
            Tok::Dedent => "the end of the block".into(),
            _ => format!("`{}`", &self.src[token.span.range()]),
        }
    }

    /// Reports the current token as not what was expected. A token the lexer already
    /// reported gets no second diagnostic.
    fn unexpected(&mut self, expected: &str) -> Reported {
        if matches!(self.tok(), Tok::Bad) {
            return Reported;
        }
        let found = self.describe();
        let span = self.span();
        let mut d = Diagnostic::error(
            "py/syntax",
            format!("expected {expected}, found {found}"),
            span,
        );
        if matches!(self.tok(), Tok::Indent) {
            d = Diagnostic::error("py/indentation", "unexpected indent", span)
                .with_hint("indent a line only to start a block, after a line ending in `:`");
        }
        self.report(d)
    }

    fn expect_op(&mut self, op: &str) -> PResult<Span> {
        if self.at_op(op) {
            Ok(self.bump().span)
        } else {
            Err(self.unexpected(&format!("`{op}`")))
        }
    }

    fn enter(&mut self, span: Span) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(self.report(
                Diagnostic::error(
                    "py/unsupported",
                    "not supported in this subset: code nested this deeply",
                    span,
                )
                .with_hint(format!(
                    "blocks and expressions may nest at most {MAX_DEPTH} deep"
                )),
            ));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Skips the rest of a logical line after an error, and the block indented under it.
    fn recover(&mut self) {
        while !matches!(self.tok(), Tok::Newline | Tok::Eof) {
            self.bump();
        }
        self.bump();
        self.skip_block();
    }

    /// Skips an indented block, if one is next.
    fn skip_block(&mut self) {
        if !self.at(&Tok::Indent) {
            return;
        }
        let mut level = 0usize;
        loop {
            match self.bump().tok {
                Tok::Indent => level += 1,
                Tok::Dedent => {
                    level -= 1;
                    if level == 0 {
                        return;
                    }
                }
                Tok::Eof => return,
                _ => {}
            }
        }
    }

    /// Parses one statement (a compound statement or a line of simple ones) into `out`.
    fn statement(&mut self, out: &mut Vec<Stmt>, top: bool) {
        let depth = self.depth;
        let result = match self.tok() {
            Tok::Indent => {
                // Reported, and the block read past, so that its statements say nothing.
                let _: Reported = self.unexpected("a statement");
                self.skip_block();
                return;
            }
            Tok::Dedent | Tok::Newline => {
                // A stray dedent only follows an indentation error, already reported.
                self.bump();
                return;
            }
            Tok::Kw("def") => self.def(top).map(|s| out.extend(s)),
            Tok::Kw("if") => self.if_stmt().map(|s| out.push(s)),
            Tok::Kw("while") => self.while_stmt().map(|s| out.push(s)),
            Tok::Kw("for") => self.for_stmt().map(|s| out.push(s)),
            Tok::Kw(kw @ ("class" | "try" | "with" | "async" | "except" | "finally")) => {
                let kw = *kw;
                self.unsupported_compound(kw);
                return;
            }
            Tok::Kw(kw @ ("elif" | "else")) => {
                let kw = *kw;
                let span = self.span();
                Err(self.error(format!("`{kw}` without a matching `if`"), span))
            }
            _ => self.simple_line(out),
        };
        if result.is_err() {
            // Nesting entered by the abandoned statement is left all at once.
            self.depth = depth;
            self.recover();
        }
    }

    fn unsupported_compound(&mut self, kw: &str) {
        let span = self.span();
        let (what, hint) = match kw {
            "class" => ("classes", None),
            "try" | "except" | "finally" => (
                "exceptions (`try`)",
                Some("check the condition with `if` before the operation instead"),
            ),
            "with" => ("`with` statements", None),
            _ => ("`async`", None),
        };
        self.unsupported(what, span, hint);
        self.recover();
        // A `try` statement's other clauses go with it.
        if kw == "try" {
            while matches!(self.tok(), Tok::Kw("except" | "else" | "finally")) {
                self.recover();
            }
        }
    }

    /// A block after a header's `:`: an indented suite, or simple statements on the
    /// same line.
    fn block(&mut self, header: &str, header_span: Span) -> PResult<Vec<Stmt>> {
        self.enter(header_span)?;
        let result = self.block_inner(header, header_span);
        self.leave();
        result
    }

    fn block_inner(&mut self, header: &str, header_span: Span) -> PResult<Vec<Stmt>> {
        self.expect_op(":")?;
        let mut body = Vec::new();
        if !self.at(&Tok::Newline) {
            self.simple_line(&mut body)?;
            return Ok(body);
        }
        self.bump();
        if !self.at(&Tok::Indent) {
            let line = crate::line_of(self.src, header_span.start);
            let span = self.span();
            let span = if matches!(self.tok(), Tok::Dedent | Tok::Eof) {
                Span {
                    end: span.start,
                    ..span
                }
            } else {
                span
            };
            self.diags.push(
                Diagnostic::error(
                    "py/indentation",
                    format!("expected an indented block after {header} on line {line}"),
                    span,
                )
                .with_hint("indent the statements of the block, or write `pass` for an empty one"),
            );
            return Ok(body);
        }
        self.bump();
        while !matches!(self.tok(), Tok::Dedent | Tok::Eof) {
            self.statement(&mut body, false);
        }
        self.bump();
        Ok(body)
    }

    fn def(&mut self, top: bool) -> PResult<Option<Stmt>> {
        let start = self.bump().span;
        let (name, name_span) = self.name("a function name after `def`")?;
        self.expect_op("(")?;
        let mut params: Vec<Param> = Vec::new();
        while !self.at_op(")") {
            if self.at_op("*") || self.at_op("**") || self.at_op("/") {
                let span = self.span();
                self.unsupported("`*`, `**` and `/` in parameter lists", span, None);
                return Err(Reported);
            }
            let (pname, pspan) = self.name("a parameter name")?;
            if self.eat_op(":") {
                self.expression()?;
            }
            let default = if self.eat_op("=") {
                Some(self.expression()?)
            } else {
                None
            };
            if params.iter().any(|p| p.name == pname) {
                return Err(self.error(
                    format!("duplicate parameter `{pname}` in function definition"),
                    pspan,
                ));
            }
            if default.is_none() && params.last().is_some_and(|p| p.default.is_some()) {
                return Err(self.error(
                    format!("parameter `{pname}` without a default follows a parameter with one"),
                    pspan,
                ));
            }
            params.push(Param {
                name: pname,
                span: pspan,
                default,
            });
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(")")?;
        if self.eat_op("->") {
            self.expression()?;
        }
        let header = start.cover(self.prev_span());
        let body = self.block(&format!("function definition `{name}`"), header)?;
        if !top {
            self.unsupported(
                "functions defined inside other statements or functions",
                name_span,
                Some("define every function at the top level of the file"),
            );
            return Ok(None);
        }
        Ok(Some(Stmt {
            kind: StmtKind::Def(FuncDef {
                name,
                name_span,
                params,
                body,
            }),
            span: header,
        }))
    }

    fn name(&mut self, expected: &str) -> PResult<(String, Span)> {
        match self.tok().clone() {
            Tok::Name(n) => Ok((n, self.bump().span)),
            _ => Err(self.unexpected(expected)),
        }
    }

    fn condition(&mut self) -> PResult<Expr> {
        let cond = self.named_expression()?;
        if self.at_op("=") {
            let span = self.span();
            return Err(self.report(
                Diagnostic::error("py/syntax", "invalid syntax: `=` in a condition", span)
                    .with_hint("compare with `==`; `=` assigns"),
            ));
        }
        Ok(cond)
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump().span;
        let cond = main_guard(self.condition()?);
        let header = start.cover(self.span());
        let body = self.block("`if` statement", header)?;
        let mut branches = vec![(cond, body)];
        let mut orelse = Vec::new();
        loop {
            if self.at_kw("elif") {
                let at = self.bump().span;
                let cond = self.condition()?;
                let body = self.block("`elif` statement", at.cover(self.span()))?;
                branches.push((cond, body));
            } else if self.at_kw("else") {
                let at = self.bump().span;
                orelse = self.block("`else` statement", at.cover(self.span()))?;
                break;
            } else {
                break;
            }
        }
        Ok(Stmt {
            kind: StmtKind::If { branches, orelse },
            span: header,
        })
    }

    fn loop_else(&mut self) -> PResult<()> {
        if self.at_kw("else") {
            let span = self.span();
            self.unsupported(
                "`else` after a loop",
                span,
                Some("use a variable that records whether the loop ended with `break`"),
            );
            self.bump();
            self.block("`else` statement", span)?;
        }
        Ok(())
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump().span;
        let cond = self.condition()?;
        let header = start.cover(self.span());
        let body = self.block("`while` statement", header)?;
        self.loop_else()?;
        Ok(Stmt {
            kind: StmtKind::While { cond, body },
            span: header,
        })
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump().span;
        let target = self.target_list()?;
        self.check_target(&target)?;
        if !self.eat_kw("in") {
            return Err(self.unexpected("`in`"));
        }
        let iter = self.star_expressions()?;
        let header = start.cover(self.span());
        let body = self.block("`for` statement", header)?;
        self.loop_else()?;
        Ok(Stmt {
            kind: StmtKind::For { target, iter, body },
            span: header,
        })
    }

    /// Simple statements separated by `;`, up to the end of the line.
    fn simple_line(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            if let Some(stmt) = self.simple()? {
                out.push(stmt);
            }
            if !self.eat_op(";") || self.at(&Tok::Newline) {
                break;
            }
        }
        if self.at(&Tok::Eof) {
            return Ok(());
        }
        if !self.at(&Tok::Newline) {
            return Err(self.unexpected("the end of the line"));
        }
        self.bump();
        Ok(())
    }

    fn simple(&mut self) -> PResult<Option<Stmt>> {
        let start = self.span();
        let kind = match self.tok() {
            Tok::Kw("pass") => {
                self.bump();
                StmtKind::Pass
            }
            Tok::Kw("break") => {
                self.bump();
                StmtKind::Break
            }
            Tok::Kw("continue") => {
                self.bump();
                StmtKind::Continue
            }
            Tok::Kw("return") => {
                self.bump();
                let value = if matches!(self.tok(), Tok::Newline | Tok::Eof | Tok::Op(";")) {
                    None
                } else {
                    Some(self.star_expressions()?)
                };
                StmtKind::Return(value)
            }
            Tok::Kw("global") => {
                self.bump();
                let mut names = vec![self.name("a name after `global`")?];
                while self.eat_op(",") {
                    names.push(self.name("a name")?);
                }
                StmtKind::Global(names)
            }
            Tok::Kw(
                kw @ ("import" | "from" | "raise" | "del" | "assert" | "nonlocal" | "yield"),
            ) => {
                let (what, hint) = match *kw {
                    "import" | "from" => (
                        "imports",
                        Some("the subset has only the built-in functions"),
                    ),
                    "raise" => ("exceptions (`raise`)", None),
                    "del" => ("`del`", None),
                    "assert" => (
                        "`assert`",
                        Some("check the condition with `if` and print a message"),
                    ),
                    "nonlocal" => ("`nonlocal`", None),
                    _ => ("generators (`yield`)", None),
                };
                self.unsupported(what, start, hint);
                while !matches!(self.tok(), Tok::Newline | Tok::Eof | Tok::Op(";")) {
                    self.bump();
                }
                return Ok(None);
            }
            _ => return self.expression_statement().map(Some),
        };
        Ok(Some(Stmt {
            kind,
            span: start.cover(self.prev_span()),
        }))
    }

    fn expression_statement(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let first = self.star_expressions()?;
        if let Some(op) = self.aug_op() {
            let op_span = self.bump().span;
            let op = match op {
                Ok(op) => op,
                Err(what) => {
                    let hint = what
                        .starts_with("`/=`")
                        .then_some("use `//=` for integer division");
                    self.unsupported(what, op_span, hint);
                    return Err(Reported);
                }
            };
            self.check_target(&first)?;
            if matches!(first.kind, ExprKind::Tuple(_)) {
                return Err(self.error(
                    "illegal expression for augmented assignment: a tuple",
                    first.span,
                ));
            }
            let value = self.star_expressions()?;
            return Ok(Stmt {
                span: start.cover(value.span),
                kind: StmtKind::AugAssign {
                    target: first,
                    op,
                    op_span,
                    value,
                },
            });
        }
        if self.at_op(":") {
            // An annotated assignment: the annotation is read and ignored.
            self.bump();
            self.expression()?;
            if !self.at_op("=") {
                let span = start.cover(self.prev_span());
                self.unsupported(
                    "annotations without a value",
                    span,
                    Some("give the variable its first value here: `x: int = 0`"),
                );
                return Ok(Stmt {
                    kind: StmtKind::Pass,
                    span,
                });
            }
        }
        if !self.at_op("=") {
            return Ok(Stmt {
                span: start.cover(first.span),
                kind: StmtKind::Expr(first),
            });
        }
        let mut targets = vec![first];
        let mut value = None;
        while self.eat_op("=") {
            let next = self.star_expressions()?;
            if let Some(prev) = value.replace(next) {
                targets.push(prev);
            }
        }
        let value = value.expect("at least one `=`");
        for target in &targets {
            self.check_target(target)?;
        }
        Ok(Stmt {
            span: start.cover(value.span),
            kind: StmtKind::Assign { targets, value },
        })
    }

    /// The augmented assignment operator next, if any: the operator, or what the subset
    /// lacks.
    fn aug_op(&self) -> Option<Result<crate::ast::BinOp, &'static str>> {
        use crate::ast::BinOp;
        let Tok::Op(op) = self.tok() else { return None };
        Some(Ok(match *op {
            "+=" => BinOp::Add,
            "-=" => BinOp::Sub,
            "*=" => BinOp::Mul,
            "//=" => BinOp::FloorDiv,
            "%=" => BinOp::Mod,
            "**=" => BinOp::Pow,
            "/=" => return Some(Err("`/=` (true division gives a float)")),
            "@=" | "&=" | "|=" | "^=" | ">>=" | "<<=" => {
                return Some(Err("bitwise and matrix operators"));
            }
            _ => return None,
        }))
    }

    /// Checks that an expression can be assigned to: a name, an index, or a tuple of
    /// those.
    fn check_target(&mut self, target: &Expr) -> PResult<()> {
        let what = match &target.kind {
            ExprKind::Name(_) | ExprKind::Index { .. } | ExprKind::Error => return Ok(()),
            ExprKind::Tuple(items) => {
                for item in items {
                    if matches!(item.kind, ExprKind::Tuple(_)) {
                        self.unsupported("nested tuple targets", item.span, None);
                        return Err(Reported);
                    }
                    self.check_target(item)?;
                }
                return Ok(());
            }
            ExprKind::List(_) => {
                self.unsupported(
                    "list targets",
                    target.span,
                    Some("write the names as a tuple: `a, b = …`"),
                );
                return Err(Reported);
            }
            ExprKind::Attribute { .. } => {
                self.unsupported("assigning to attributes", target.span, None);
                return Err(Reported);
            }
            ExprKind::Int(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Str(_)
            | ExprKind::FStr(_) => "a literal",
            ExprKind::Call { .. } => "a function call",
            ExprKind::Compare { .. } => "a comparison",
            ExprKind::ListComp { .. } => "a list comprehension",
            ExprKind::IfExp { .. } => "a conditional expression",
            _ => "an expression",
        };
        let text = &self.src[target.span.range()];
        Err(self.report(
            Diagnostic::error(
                "py/syntax",
                format!("cannot assign to {what} `{text}`"),
                target.span,
            )
            .with_hint(
                "only a variable or a list element can be assigned to; to compare, write `==`",
            ),
        ))
    }
}

/// `__name__ == "__main__"` is true: a program always runs as the main module. (The
/// subset has no strings as values, so this one comparison is read as `True`.)
fn main_guard(cond: Expr) -> Expr {
    if let ExprKind::Compare { first, rest } = &cond.kind
        && let [(crate::ast::CmpOp::Eq, _, rhs)] = rest.as_slice()
        && matches!(&first.kind, ExprKind::Name(n) if n == "__name__")
        && matches!(&rhs.kind, ExprKind::Str(s) if s == "__main__")
    {
        return Expr {
            kind: ExprKind::Bool(true),
            span: cond.span,
        };
    }
    cond
}

#[cfg(test)]
mod tests;
