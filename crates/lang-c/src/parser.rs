//! A hand-written recursive-descent parser for the subset: declarations and statements
//! here, expressions (by precedence climbing) in `parser/expr.rs`.
//!
//! **Parsing never fails.** A syntax error is reported and the parser resynchronises at
//! the next `;` or block boundary; until then further errors are not reported, so one
//! mistake gives one diagnostic. Constructs outside the subset (structs, pointers, `goto`,
//! casts, …) are recognised well enough to say "not supported in this subset: …" and
//! skipped. Nesting deeper than [`MAX_DEPTH`] is reported once and the rest of the text
//! is skipped, so no input can exhaust the stack of this or any later pass.

mod expr;
mod types;

use diag::{Diagnostic, Span};

use crate::ast::*;
use crate::lexer::{Kw, P, Tok, Token};

/// How deeply statements and expressions may nest (parser recursion and tree depth).
pub(crate) const MAX_DEPTH: u32 = 200;

/// Parses a token list (ending in [`Tok::Eof`]) into a program.
pub(crate) fn parse(source: &str, tokens: Vec<Token<'_>>, diags: &mut Vec<Diagnostic>) -> Program {
    let mut parser = Parser {
        src: source,
        tokens,
        pos: 0,
        diags,
        depth: 0,
        panicking: false,
        too_deep: false,
    };
    let mut program = Program::default();
    while !parser.at_eof() && !parser.too_deep {
        let before = parser.pos;
        parser.item(&mut program.items);
        if parser.panicking {
            parser.sync(true);
        }
        if parser.pos == before {
            parser.bump();
        }
    }
    program
}

struct Parser<'a, 'd> {
    src: &'a str,
    tokens: Vec<Token<'a>>,
    pos: usize,
    diags: &'d mut Vec<Diagnostic>,
    /// The current recursion depth (statements and expressions).
    depth: u32,
    /// Set by a syntax error until the parser resynchronises.
    panicking: bool,
    /// Set when nesting passed [`MAX_DEPTH`]: everything after is skipped.
    too_deep: bool,
}

/// Where a declaration stands, which decides what it may contain.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    File,
    Block,
    Param,
}

impl<'a> Parser<'a, '_> {
    fn tok(&self) -> &Tok<'a> {
        &self.tokens[self.pos].tok
    }

    fn tok_at(&self, ahead: usize) -> &Tok<'a> {
        let i = (self.pos + ahead).min(self.tokens.len() - 1);
        &self.tokens[i].tok
    }

    fn span(&self) -> Span {
        self.tokens[self.pos].span
    }

    /// The span of the last token consumed (or an empty one at the start).
    fn prev_span(&self) -> Span {
        match self.pos.checked_sub(1) {
            Some(i) => self.tokens[i].span,
            None => Span::new(0, 0),
        }
    }

    fn at_eof(&self) -> bool {
        matches!(self.tok(), Tok::Eof)
    }

    fn at(&self, p: P) -> bool {
        *self.tok() == Tok::P(p)
    }

    fn at_kw(&self, kw: Kw) -> bool {
        *self.tok() == Tok::Kw(kw)
    }

    fn bump(&mut self) -> Token<'a> {
        let token = self.tokens[self.pos].clone();
        if !matches!(token.tok, Tok::Eof) {
            self.pos += 1;
        }
        token
    }

    fn eat(&mut self, p: P) -> bool {
        let found = self.at(p);
        if found {
            self.bump();
        }
        found
    }

    /// Reports an error unless one is already being recovered from.
    fn report(&mut self, d: Diagnostic) {
        // Next to a malformed token, already reported, a syntax error says nothing new.
        let near_bad = matches!(self.tok(), Tok::Bad)
            || self.pos > 0 && matches!(self.tokens[self.pos - 1].tok, Tok::Bad);
        if !self.panicking && !self.too_deep && !near_bad {
            self.diags.push(d);
        }
        self.panicking = true;
    }

    /// Reports something outside the subset. It does not start error recovery: the
    /// parser has read the construct and carries on after it.
    fn unsupported(&mut self, what: impl std::fmt::Display, span: Span) -> &mut Diagnostic {
        self.diags.push(Diagnostic::error(
            "c/unsupported",
            format!("not supported in this subset: {what}"),
            span,
        ));
        self.diags.last_mut().expect("just pushed")
    }

    /// How the current token is named in a message.
    fn found(&self) -> String {
        self.tok().describe(self.src, self.span())
    }

    /// Where to report something missing before the current token: just after the
    /// previous token if the current one is on a later line (a missing `;` belongs to
    /// the line it ends), else at the current token.
    fn missing_at(&self) -> Span {
        let prev = self.prev_span();
        let here = self.span();
        let between = self
            .src
            .get(prev.end as usize..here.start as usize)
            .unwrap_or("");
        if self.pos > 0 && (between.contains('\n') || matches!(self.tok(), Tok::Eof)) {
            Span::new(prev.end as usize, prev.end as usize)
        } else {
            here
        }
    }

    /// A syntax error `expected WHAT, found …` at `span`.
    fn expected(&self, what: &str, span: Span) -> Diagnostic {
        Diagnostic::error(
            "c/syntax",
            format!("expected {what}, found {}", self.found()),
            span,
        )
    }

    /// Reports `expected a name, found …` where the name is missing.
    fn expected_name(&mut self) {
        let d = self.expected("a name", self.missing_at());
        self.report(d);
    }

    /// Reports `expected WHAT, found …` at this token, with `hint` when the token is a
    /// name: then the likely mistake is what should have come before it.
    fn expected_before_name(&mut self, what: &str, hint: &str) {
        let d = self.expected(what, self.span());
        let d = if matches!(self.tok(), Tok::Ident(_)) {
            d.with_hint(hint)
        } else {
            d
        };
        self.report(d);
    }

    /// Consumes `p` or reports that it is missing.
    fn expect(&mut self, p: P) -> bool {
        if self.eat(p) {
            return true;
        }
        let d = self.expected(&format!("`{}`", p.text()), self.missing_at());
        self.report(d);
        false
    }

    /// Consumes the `;` that ends a statement or declaration. It is a good place to
    /// recover: after a mistake earlier in the statement, finding the `;` ends recovery.
    fn expect_semi(&mut self) {
        if self.eat(P::Semi) {
            self.panicking = false;
            return;
        }
        let line_ended = self.missing_at() != self.span();
        let mut d = self.expected("`;`", self.missing_at());
        if line_ended {
            d = d.with_hint("every statement and declaration ends with `;`");
        }
        let clean = !self.panicking;
        self.report(d);
        if clean && line_ended && !matches!(self.tok(), Tok::Eof) {
            // The statement read well up to the end of its line, where only the `;` is
            // missing: carry on as if it were there, so the next line is read as usual.
            self.panicking = false;
        } else {
            self.sync(false);
        }
    }

    /// Skips to the end of the current statement: past the next `;`, or to the `}` that
    /// closes the current block (past it at file level), skipping nested brackets.
    fn sync(&mut self, file_level: bool) {
        let mut depth = 0u32;
        loop {
            match self.tok() {
                Tok::Eof => break,
                Tok::P(P::Semi) if depth == 0 => {
                    self.bump();
                    break;
                }
                Tok::P(P::LBrace | P::LParen | P::LBracket) => depth += 1,
                Tok::P(P::RBrace) if depth == 0 => {
                    if file_level {
                        self.bump();
                    }
                    break;
                }
                Tok::P(P::RBrace) if depth == 1 && file_level => {
                    self.bump();
                    break;
                }
                Tok::P(P::RBrace | P::RParen | P::RBracket) => depth = depth.saturating_sub(1),
                _ => {}
            }
            self.bump();
        }
        self.panicking = false;
    }

    /// Enters one level of nesting; `false` (reported once) past [`MAX_DEPTH`].
    fn enter(&mut self) -> bool {
        if self.too_deep {
            return false;
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            self.too_deep_at(self.span());
            return false;
        }
        true
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn too_deep_at(&mut self, span: Span) {
        if !self.too_deep {
            self.diags.push(
                Diagnostic::error(
                    "c/too-deep",
                    format!("nesting deeper than {MAX_DEPTH} levels"),
                    span,
                )
                .with_hint("split the code into smaller functions"),
            );
        }
        self.too_deep = true;
        // Skip the rest: the program is rejected anyway, and nothing after this point
        // could be parsed without going deeper still.
        self.pos = self.tokens.len() - 1;
    }

    fn ident(&mut self) -> Option<Ident> {
        match *self.tok() {
            Tok::Ident(name) => {
                let span = self.bump().span;
                Some(Ident {
                    name: name.to_string(),
                    span,
                })
            }
            _ => None,
        }
    }

    /// A top-level declaration: a function (definition or prototype) or variables.
    fn item(&mut self, items: &mut Vec<Item>) {
        if !self.starts_decl() {
            self.expected_before_name(
                "a declaration",
                "outside functions there are only declarations, as in `int x = 0;`",
            );
            return;
        }
        let ty = self.type_spec(Place::File);
        if self.eat(P::Semi) {
            return;
        }
        self.skip_pointers();
        let Some(name) = self.ident() else {
            self.expected_name();
            return;
        };
        if self.at(P::LParen) {
            let func = self.function(ty, name);
            items.push(Item::Func(func));
        } else {
            let vars = self.var_decls(ty, name, Place::File);
            items.push(Item::Vars(vars));
        }
    }

    /// After the return type and name: the parameter list, then a body or `;`.
    fn function(&mut self, ret: TypeSpec, name: Ident) -> FuncDecl {
        let open = self.span();
        self.bump();
        let mut params = Vec::new();
        let unspecified = self.at(P::RParen);
        if matches!(self.tok(), Tok::Kw(Kw::Void)) && *self.tok_at(1) == Tok::P(P::RParen) {
            self.bump();
        } else if !self.at(P::RParen) {
            loop {
                if self.at(P::Ellipsis) {
                    let span = self.bump().span;
                    self.unsupported("functions with a variable number of arguments", span);
                } else if self.starts_decl() {
                    params.push(self.param());
                } else {
                    self.expected_before_name(
                        "a parameter",
                        "give each parameter a type, as in `int n`",
                    );
                    // Skip to the end of the list.
                    while !self.at_eof() && !self.at(P::RParen) && !self.at(P::LBrace) {
                        self.bump();
                    }
                    break;
                }
                if !self.eat(P::Comma) {
                    break;
                }
            }
        }
        self.expect(P::RParen);
        let params_span = open.cover(self.prev_span());
        let body = if self.at(P::LBrace) {
            Some(self.block())
        } else {
            self.expect_semi();
            None
        };
        FuncDecl {
            ret,
            name,
            params,
            params_span,
            unspecified,
            body,
        }
    }

    fn param(&mut self) -> Param {
        let ty = self.type_spec(Place::Param);
        self.skip_pointers();
        let name = self.ident();
        let mut is_array = false;
        if self.at(P::LBracket) {
            is_array = true;
            self.bump();
            // A size in a parameter's brackets means nothing in C; it is read and dropped.
            if !self.at(P::RBracket) {
                let _ = self.assign();
            }
            self.expect(P::RBracket);
            if self.at(P::LBracket) {
                self.multi_dimensional();
            }
        }
        let span = ty.span.cover(self.prev_span());
        Param {
            ty,
            name,
            is_array,
            span,
        }
    }

    /// Reports and skips `*` in a declarator.
    fn skip_pointers(&mut self) {
        if self.at(P::Star) {
            let start = self.span();
            // `int *const *p`: every star, and the qualifiers between them.
            while self.eat(P::Star) || self.at_kw(Kw::Const) {
                if self.at_kw(Kw::Const) {
                    self.bump();
                }
            }
            let span = start.cover(self.prev_span());
            self.unsupported("pointers", span)
                .hints
                .push("only `scanf` takes addresses, as in `scanf(\"%d\", &x)`".into());
        }
    }

    /// Reports and skips extra `[…]` after an array declarator.
    fn multi_dimensional(&mut self) {
        let start = self.span();
        while self.eat(P::LBracket) {
            while !self.at_eof() && !self.at(P::RBracket) && !self.at(P::Semi) {
                self.bump();
            }
            self.eat(P::RBracket);
        }
        let span = start.cover(self.prev_span());
        self.unsupported("multi-dimensional arrays", span)
            .hints
            .push("use a one-dimensional array and index it with `row * width + col`".into());
    }

    /// After the type and the first name: the declarators of a variable declaration, up
    /// to and including the `;`.
    fn var_decls(&mut self, ty: TypeSpec, first: Ident, place: Place) -> VarDecls {
        let mut vars = Vec::new();
        let mut name = Some(first);
        loop {
            let Some(ident) = name.take() else {
                self.expected_name();
                break;
            };
            vars.push(self.declarator(ident));
            if !self.eat(P::Comma) {
                break;
            }
            self.skip_pointers();
            name = self.ident();
        }
        if place == Place::Block && self.at(P::LParen) {
            let span = self.span();
            self.unsupported("declaring functions inside a function", span)
                .hints
                .push("declare it before the function, at the top of the file".into());
            self.sync(false);
        } else {
            self.expect_semi();
        }
        VarDecls { ty, vars }
    }

    /// One declarator after its name: an optional array size and initialiser.
    fn declarator(&mut self, name: Ident) -> VarDecl {
        let mut array = None;
        if self.at(P::LBracket) {
            let open = self.bump().span;
            if self.eat(P::RBracket) {
                array = Some(ArraySize::FromInit(open.cover(self.prev_span())));
            } else {
                let size = self.assign();
                self.expect(P::RBracket);
                array = Some(ArraySize::Given(size, None));
            }
            if self.at(P::LBracket) {
                self.multi_dimensional();
            }
        }
        let mut init = None;
        if self.eat(P::Assign) {
            init = Some(if self.at(P::LBrace) {
                self.init_list()
            } else {
                Init::Expr(self.assign())
            });
        }
        let span = name.span.cover(self.prev_span());
        VarDecl {
            name,
            array,
            init,
            span,
            res: Res::None,
        }
    }

    /// `{1, 2, 3}` (a trailing comma allowed).
    fn init_list(&mut self) -> Init {
        let open = self.bump().span;
        let mut items = Vec::new();
        while !self.at(P::RBrace) && !self.at_eof() {
            if self.at(P::LBrace) {
                let start = self.span();
                let _ = self.init_list();
                let span = start.cover(self.prev_span());
                self.unsupported("nested initialiser braces", span);
            } else {
                items.push(self.assign());
            }
            if !self.eat(P::Comma) {
                break;
            }
        }
        self.expect(P::RBrace);
        Init::List(items, open.cover(self.prev_span()))
    }

    /// A block `{ … }`.
    fn block(&mut self) -> Block {
        let open = self.bump().span;
        self.panicking = false;
        let mut stmts = Vec::new();
        while !self.at(P::RBrace) && !self.at_eof() && !self.too_deep {
            let before = self.pos;
            stmts.push(self.block_item());
            if self.pos == before {
                self.bump();
            }
        }
        if !self.too_deep && !self.eat(P::RBrace) {
            let d = Diagnostic::error(
                "c/syntax",
                "expected `}` to close this block, found the end of the file",
                open,
            );
            self.report(d);
        }
        Block {
            stmts,
            span: open.cover(self.prev_span()),
        }
    }

    /// A statement or a declaration.
    fn block_item(&mut self) -> Stmt {
        if self.starts_decl() {
            let start = self.span();
            let ty = self.type_spec(Place::Block);
            if self.eat(P::Semi) {
                return Stmt {
                    kind: StmtKind::Empty,
                    span: start.cover(self.prev_span()),
                };
            }
            self.skip_pointers();
            let Some(name) = self.ident() else {
                self.expected_name();
                self.sync(false);
                return Stmt {
                    kind: StmtKind::Empty,
                    span: start,
                };
            };
            let decls = self.var_decls(ty, name, Place::Block);
            return Stmt {
                kind: StmtKind::Decl(decls),
                span: start.cover(self.prev_span()),
            };
        }
        self.stmt()
    }

    /// A statement where a declaration may not stand (the body of `if`, a loop, a label).
    fn sub_stmt(&mut self, of: &str) -> Stmt {
        if self.starts_decl() {
            let start = self.span();
            let stmt = self.block_item();
            self.diags.push(
                Diagnostic::error(
                    "c/syntax",
                    format!("a declaration cannot stand alone as the body of {of}"),
                    start.cover(stmt.span),
                )
                .with_hint("put it inside braces `{ … }`"),
            );
            return stmt;
        }
        self.stmt()
    }

    fn stmt(&mut self) -> Stmt {
        if !self.enter() {
            return Stmt {
                kind: StmtKind::Empty,
                span: self.span(),
            };
        }
        let start = self.span();
        let kind = self.stmt_kind();
        self.leave();
        Stmt {
            kind,
            span: start.cover(self.prev_span()),
        }
    }

    fn stmt_kind(&mut self) -> StmtKind {
        match *self.tok() {
            Tok::P(P::LBrace) => StmtKind::Block(self.block()),
            Tok::P(P::Semi) => {
                self.bump();
                self.panicking = false;
                StmtKind::Empty
            }
            Tok::Kw(Kw::If) => {
                self.bump();
                let cond = self.paren_cond("if");
                let then = self.sub_stmt("`if`");
                let other = if self.at_kw(Kw::Else) {
                    self.bump();
                    Some(Box::new(self.sub_stmt("`else`")))
                } else {
                    None
                };
                StmtKind::If(cond, Box::new(then), other)
            }
            Tok::Kw(Kw::While) => {
                self.bump();
                let cond = self.paren_cond("while");
                StmtKind::While(cond, Box::new(self.sub_stmt("`while`")))
            }
            Tok::Kw(Kw::Do) => {
                self.bump();
                let body = self.sub_stmt("`do`");
                if self.at_kw(Kw::While) {
                    self.bump();
                } else {
                    let d = self.expected("`while` after the body of `do`", self.missing_at());
                    self.report(d);
                }
                let cond = self.paren_cond("do … while");
                self.expect_semi();
                StmtKind::DoWhile(Box::new(body), cond)
            }
            Tok::Kw(Kw::For) => self.for_stmt(),
            Tok::Kw(Kw::Switch) => {
                self.bump();
                let cond = self.paren_cond("switch");
                StmtKind::Switch(cond, Box::new(self.sub_stmt("`switch`")))
            }
            Tok::Kw(Kw::Case) => {
                self.bump();
                let value = self.conditional();
                self.expect(P::Colon);
                StmtKind::Case(value, None, Box::new(self.label_body()))
            }
            Tok::Kw(Kw::Default) => {
                self.bump();
                self.expect(P::Colon);
                StmtKind::Default(Box::new(self.label_body()))
            }
            Tok::Kw(Kw::Break) => {
                self.bump();
                self.expect_semi();
                StmtKind::Break
            }
            Tok::Kw(Kw::Continue) => {
                self.bump();
                self.expect_semi();
                StmtKind::Continue
            }
            Tok::Kw(Kw::Return) => {
                self.bump();
                let value = if self.at(P::Semi) {
                    None
                } else {
                    Some(self.expr())
                };
                self.expect_semi();
                StmtKind::Return(value)
            }
            Tok::Kw(Kw::Other("goto")) => {
                let span = self.bump().span;
                self.unsupported("`goto`", span)
                    .hints
                    .push("use a loop with `break` or `continue`".into());
                self.sync(false);
                StmtKind::Empty
            }
            Tok::Kw(Kw::Else) => {
                let d = Diagnostic::error("c/syntax", "`else` without an `if`", self.span());
                self.report(d);
                self.bump();
                StmtKind::Empty
            }
            Tok::Ident(_) if *self.tok_at(1) == Tok::P(P::Colon) => {
                let span = self.span().cover(self.tokens[self.pos + 1].span);
                self.bump();
                self.bump();
                self.unsupported("labels and `goto`", span);
                self.label_body().kind
            }
            _ => {
                let e = self.expr();
                self.expect_semi();
                StmtKind::Expr(e)
            }
        }
    }

    /// The statement after `case …:` or `default:`. A `}` right after the label is
    /// allowed (C23 allows it, and gcc accepts it) and stands for an empty statement.
    fn label_body(&mut self) -> Stmt {
        if self.at(P::RBrace) {
            return Stmt {
                kind: StmtKind::Empty,
                span: self.prev_span(),
            };
        }
        self.sub_stmt("a label")
    }

    /// `( expression )` after `if`, `while` or `switch`.
    fn paren_cond(&mut self, of: &str) -> Expr {
        if !self.eat(P::LParen) {
            let d = self
                .expected(&format!("`(` after `{of}`"), self.missing_at())
                .with_hint(format!("the condition of `{of}` goes in parentheses"));
            self.report(d);
        }
        let cond = self.expr();
        self.expect(P::RParen);
        cond
    }

    fn for_stmt(&mut self) -> StmtKind {
        self.bump();
        self.expect(P::LParen);
        let init = if self.eat(P::Semi) {
            ForInit::None
        } else if self.starts_decl() {
            match self.block_item().kind {
                StmtKind::Decl(decls) => ForInit::Decl(decls),
                _ => ForInit::None,
            }
        } else {
            let e = self.expr();
            self.expect(P::Semi);
            ForInit::Expr(e)
        };
        let cond = if self.at(P::Semi) {
            None
        } else {
            Some(self.expr())
        };
        self.expect(P::Semi);
        let step = if self.at(P::RParen) {
            None
        } else {
            Some(self.expr())
        };
        self.expect(P::RParen);
        let body = self.sub_stmt("`for`");
        StmtKind::For(Box::new(For {
            init,
            cond,
            step,
            body,
        }))
    }
}

#[cfg(test)]
mod tests;
