//! Type specifiers: `int`, `long`, `void` and `const`, and clear diagnostics for the
//! types and storage classes of C outside the subset.

use diag::Diagnostic;

use super::{Parser, Place};
use crate::ast::{Base, TypeSpec};
use crate::lexer::{Kw, P, Tok};

/// C's words that begin a declaration but are outside the subset.
const OTHER_TYPE_WORDS: [&str; 17] = [
    "auto", "char", "double", "enum", "extern", "float", "inline", "register", "restrict", "short",
    "signed", "struct", "typedef", "union", "unsigned", "volatile", "_Bool",
];

/// What to say about a word outside the subset: what is unsupported, and a hint.
fn unsupported_word(word: &str) -> (String, &'static str) {
    match word {
        "char" => (
            "the type `char`".into(),
            "use `int` for characters, as in `int c = 'A';`",
        ),
        "float" | "double" => (
            format!("floating point (`{word}`)"),
            "every number on the Engine is an integer; scale by a power of ten for fractions",
        ),
        "short" | "signed" | "unsigned" | "_Bool" => (
            format!("the type `{word}`"),
            "use `int` or `long`; both hold 50 digits on the Engine",
        ),
        "struct" | "union" => (format!("{word}s"), "use one array per field, indexed alike"),
        "enum" => ("enums".into(), "use `#define NAME value` for each constant"),
        "typedef" => ("`typedef`".into(), "write the type itself: `int` or `long`"),
        _ => (format!("`{word}`"), "leave it out"),
    }
}

impl Parser<'_, '_> {
    /// Whether the current token begins a declaration.
    pub(super) fn starts_decl(&self) -> bool {
        match self.tok() {
            Tok::Kw(Kw::Int | Kw::Long | Kw::Void | Kw::Const | Kw::Static) => true,
            Tok::Kw(Kw::Other(word)) => OTHER_TYPE_WORDS.contains(word),
            // `bool flag;`, `string s;`: an unknown type name, reported by `type_spec`.
            Tok::Ident(_) => matches!(self.tok_at(1), Tok::Ident(_)),
            _ => false,
        }
    }

    /// The type specifiers and qualifiers at the start of a declaration.
    pub(super) fn type_spec(&mut self, place: Place) -> TypeSpec {
        let start = self.span();
        let mut base: Option<Base> = None;
        let mut longs = 0;
        let mut is_const = false;
        let mut error = false;
        loop {
            let span = self.span();
            match *self.tok() {
                Tok::Kw(Kw::Const) => is_const = true,
                Tok::Kw(Kw::Static) => {
                    if place != Place::File {
                        let what = if place == Place::Block {
                            "`static` local variables"
                        } else {
                            "`static` parameters"
                        };
                        self.unsupported(what, span)
                            .hints
                            .push("use a global variable instead".into());
                        error = true;
                    }
                }
                Tok::Kw(kw @ (Kw::Int | Kw::Void)) => {
                    let this = if kw == Kw::Int { Base::Int } else { Base::Void };
                    if base.is_some() || (this == Base::Void && longs > 0) {
                        self.two_types(span);
                        error = true;
                    }
                    base = Some(this);
                }
                Tok::Kw(Kw::Long) => {
                    longs += 1;
                    if longs > 2 || base == Some(Base::Void) {
                        self.two_types(span);
                        error = true;
                    }
                }
                Tok::Kw(Kw::Other(word)) if OTHER_TYPE_WORDS.contains(&word) => {
                    let (what, hint) = unsupported_word(word);
                    self.bump();
                    if matches!(word, "struct" | "union" | "enum") {
                        self.skip_tagged_body();
                    }
                    let span = span.cover(self.prev_span());
                    self.unsupported(what, span).hints.push(hint.into());
                    error = true;
                    continue;
                }
                Tok::Ident(name)
                    if base.is_none()
                        && longs == 0
                        && !error
                        && matches!(self.tok_at(1), Tok::Ident(_) | Tok::P(P::Star)) =>
                {
                    let hint = match name {
                        "bool" => "use `int`, with 0 for false and 1 for true".into(),
                        "string" => "strings are not values in this subset".into(),
                        _ => diag::did_you_mean(name, ["int", "long", "void"])
                            .unwrap_or_else(|| "the types are `int`, `long` and `void`".into()),
                    };
                    self.diags.push(
                        Diagnostic::error(
                            "c/undeclared-name",
                            format!("unknown type name `{name}`"),
                            span,
                        )
                        .with_hint(hint),
                    );
                    error = true;
                }
                _ => break,
            }
            self.bump();
        }
        let span = start.cover(self.prev_span());
        let base = if error {
            Base::Error
        } else {
            match base {
                Some(Base::Void) => Base::Void,
                _ if longs > 0 => Base::Long,
                Some(b) => b,
                None => {
                    self.diags.push(
                        Diagnostic::error(
                            "c/syntax",
                            format!("`{}` needs a type", &self.src[span.range()]),
                            span,
                        )
                        .with_hint("write the type too, as in `const int x = 1;`"),
                    );
                    Base::Error
                }
            }
        };
        TypeSpec {
            base,
            is_const,
            span,
        }
    }

    fn two_types(&mut self, span: diag::Span) {
        self.diags.push(Diagnostic::error(
            "c/syntax",
            format!(
                "`{}` does not go with the type before it",
                &self.src[span.range()]
            ),
            span,
        ));
    }

    /// After `struct`, `union` or `enum`: an optional tag and an optional `{ … }`.
    fn skip_tagged_body(&mut self) {
        if matches!(self.tok(), Tok::Ident(_)) {
            self.bump();
        }
        if self.at(P::LBrace) {
            let mut depth = 0u32;
            loop {
                match self.tok() {
                    Tok::Eof => break,
                    Tok::P(P::LBrace) => depth += 1,
                    Tok::P(P::RBrace) => {
                        depth -= 1;
                        if depth == 0 {
                            self.bump();
                            break;
                        }
                    }
                    _ => {}
                }
                self.bump();
            }
        }
    }
}
