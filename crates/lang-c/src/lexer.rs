//! Splitting C source into tokens, with the preprocessor lines of the subset handled here.
//!
//! The lexer never fails: a malformed token is reported once and becomes [`Tok::Bad`],
//! which the parser accepts wherever an expression may stand, so one mistake gives one
//! diagnostic. Preprocessor lines are read here too, since the subset's preprocessor is
//! tiny: `#include <header>` is dropped, `#define NAME integer` records a constant that
//! later uses of `NAME` become, and any other directive is reported as unsupported.

use std::collections::BTreeMap;

use diag::{Diagnostic, Span};
use isa::Num;

/// Keywords: those of the subset, and those of C outside it, which get a clear
/// "not supported" diagnostic rather than "undeclared name".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kw {
    Break,
    Case,
    Const,
    Continue,
    Default,
    Do,
    Else,
    For,
    If,
    Int,
    Long,
    Return,
    Static,
    Switch,
    Void,
    While,
    /// A C keyword outside the subset, such as `struct` or `goto`.
    Other(&'static str),
}

const OTHER_KEYWORDS: [&str; 22] = [
    "auto",
    "char",
    "double",
    "enum",
    "extern",
    "float",
    "goto",
    "inline",
    "register",
    "restrict",
    "short",
    "signed",
    "sizeof",
    "struct",
    "typedef",
    "union",
    "unsigned",
    "volatile",
    "_Bool",
    "_Complex",
    "_Static_assert",
    "_Alignof",
];

impl Kw {
    fn from_word(word: &str) -> Option<Kw> {
        Some(match word {
            "break" => Kw::Break,
            "case" => Kw::Case,
            "const" => Kw::Const,
            "continue" => Kw::Continue,
            "default" => Kw::Default,
            "do" => Kw::Do,
            "else" => Kw::Else,
            "for" => Kw::For,
            "if" => Kw::If,
            "int" => Kw::Int,
            "long" => Kw::Long,
            "return" => Kw::Return,
            "static" => Kw::Static,
            "switch" => Kw::Switch,
            "void" => Kw::Void,
            "while" => Kw::While,
            _ => {
                return OTHER_KEYWORDS
                    .iter()
                    .find(|&&k| k == word)
                    .map(|&k| Kw::Other(k));
            }
        })
    }
}

/// Punctuators, C's operators and separators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum P {
    LParen,
    RParen,
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Semi,
    Comma,
    Question,
    Colon,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Bang,
    Assign,
    Lt,
    Gt,
    Le,
    Ge,
    EqEq,
    Ne,
    AndAnd,
    OrOr,
    PlusPlus,
    MinusMinus,
    PlusEq,
    MinusEq,
    StarEq,
    SlashEq,
    PercentEq,
    Amp,
    Pipe,
    Caret,
    Tilde,
    Shl,
    Shr,
    AmpEq,
    PipeEq,
    CaretEq,
    ShlEq,
    ShrEq,
    Dot,
    Arrow,
    Ellipsis,
}

/// Punctuators by their text, longest first so that the first match is the right one.
const PUNCTUATORS: [(&str, P); 46] = [
    ("<<=", P::ShlEq),
    (">>=", P::ShrEq),
    ("...", P::Ellipsis),
    ("++", P::PlusPlus),
    ("--", P::MinusMinus),
    ("+=", P::PlusEq),
    ("-=", P::MinusEq),
    ("*=", P::StarEq),
    ("/=", P::SlashEq),
    ("%=", P::PercentEq),
    ("&=", P::AmpEq),
    ("|=", P::PipeEq),
    ("^=", P::CaretEq),
    ("<=", P::Le),
    (">=", P::Ge),
    ("==", P::EqEq),
    ("!=", P::Ne),
    ("&&", P::AndAnd),
    ("||", P::OrOr),
    ("<<", P::Shl),
    (">>", P::Shr),
    ("->", P::Arrow),
    ("(", P::LParen),
    (")", P::RParen),
    ("{", P::LBrace),
    ("}", P::RBrace),
    ("[", P::LBracket),
    ("]", P::RBracket),
    (";", P::Semi),
    (",", P::Comma),
    ("?", P::Question),
    (":", P::Colon),
    ("+", P::Plus),
    ("-", P::Minus),
    ("*", P::Star),
    ("/", P::Slash),
    ("%", P::Percent),
    ("!", P::Bang),
    ("=", P::Assign),
    ("<", P::Lt),
    (">", P::Gt),
    ("&", P::Amp),
    ("|", P::Pipe),
    ("^", P::Caret),
    ("~", P::Tilde),
    (".", P::Dot),
];

impl P {
    /// The punctuator as written.
    pub(crate) fn text(self) -> &'static str {
        PUNCTUATORS
            .iter()
            .find(|(_, p)| *p == self)
            .map_or("?", |(text, _)| text)
    }
}

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Tok<'a> {
    Ident(&'a str),
    Kw(Kw),
    /// An integer constant (or a `#define` constant standing for one).
    Int(Num),
    /// A character constant, which is an `int` in C.
    Char(Num),
    /// A string literal: its characters, each with the byte offset in the source where
    /// it is written (so that a format error can point inside the literal).
    Str(Vec<(char, u32)>),
    P(P),
    /// A malformed token, already reported.
    Bad,
    /// The end of the text.
    Eof,
}

impl Tok<'_> {
    /// How a diagnostic names the token (``found `}` ``).
    pub(crate) fn describe(&self, source: &str, span: Span) -> String {
        match self {
            Tok::Eof => "the end of the file".to_string(),
            Tok::Str(_) => "a string".to_string(),
            _ => format!("`{}`", &source[span.range()]),
        }
    }
}

/// A token and where it is.
#[derive(Clone, Debug)]
pub(crate) struct Token<'a> {
    pub(crate) tok: Tok<'a>,
    pub(crate) span: Span,
}

/// Lexes a whole source text. The last token is always [`Tok::Eof`].
pub(crate) fn lex<'a>(source: &'a str, diags: &mut Vec<Diagnostic>) -> Vec<Token<'a>> {
    let mut lexer = Lexer {
        src: source,
        bytes: source.as_bytes(),
        pos: 0,
        tokens: Vec::new(),
        defines: BTreeMap::new(),
        diags,
    };
    lexer.run();
    let end = source.len();
    lexer.tokens.push(Token {
        tok: Tok::Eof,
        span: Span::new(end, end),
    });
    lexer.tokens
}

struct Lexer<'a, 'd> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    tokens: Vec<Token<'a>>,
    /// `#define` constants: the value and where the definition stands.
    defines: BTreeMap<&'a str, (Num, Span)>,
    diags: &'d mut Vec<Diagnostic>,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn unsupported(what: impl std::fmt::Display, span: Span) -> Diagnostic {
    Diagnostic::error(
        "c/unsupported",
        format!("not supported in this subset: {what}"),
        span,
    )
}

impl<'a> Lexer<'a, '_> {
    fn push(&mut self, tok: Tok<'a>, start: usize) {
        self.tokens.push(Token {
            tok,
            span: Span::new(start, self.pos),
        });
    }

    fn peek(&self, ahead: usize) -> u8 {
        self.bytes.get(self.pos + ahead).copied().unwrap_or(0)
    }

    /// Whether only blanks stand between the start of the current line and `pos`.
    fn at_line_start(&self) -> bool {
        self.bytes[..self.pos]
            .iter()
            .rev()
            .take_while(|&&b| b != b'\n' && b != b'\r')
            .all(|&b| b == b' ' || b == b'\t')
    }

    fn run(&mut self) {
        while self.pos < self.bytes.len() {
            let start = self.pos;
            let b = self.bytes[start];
            match b {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => self.pos += 1,
                b'/' if self.peek(1) == b'/' => self.line_comment(),
                b'/' if self.peek(1) == b'*' => self.block_comment(),
                b'#' if self.at_line_start() => self.directive(),
                b'0'..=b'9' => self.number(),
                b'.' if self.peek(1).is_ascii_digit() => self.number(),
                b'\'' => self.char_constant(),
                b'"' => self.string(),
                _ if is_ident_start(b) || self.src[start..].starts_with(char::is_alphabetic) => {
                    self.word()
                }
                _ => self.punctuator(),
            }
        }
    }

    fn line_comment(&mut self) {
        while self.pos < self.bytes.len() && !matches!(self.bytes[self.pos], b'\n' | b'\r') {
            self.pos += 1;
        }
    }

    fn block_comment(&mut self) {
        let start = self.pos;
        match self.src[start + 2..].find("*/") {
            Some(at) => self.pos = start + 2 + at + 2,
            None => {
                self.pos = self.bytes.len();
                self.diags.push(
                    Diagnostic::error(
                        "c/unterminated",
                        "unterminated comment",
                        Span::new(start, start + 2),
                    )
                    .with_hint("close it with `*/`"),
                );
            }
        }
    }

    fn word(&mut self) {
        let start = self.pos;
        let mut foreign = None;
        while let Some(c) = self.src[self.pos..].chars().next() {
            if c.is_ascii() && !is_ident_char(c as u8) || !c.is_ascii() && !c.is_alphanumeric() {
                break;
            }
            if !c.is_ascii() && foreign.is_none() {
                foreign = Some((c, self.pos));
            }
            self.pos += c.len_utf8();
        }
        let word = &self.src[start..self.pos];
        if let Some((c, at)) = foreign {
            // A letter outside ASCII (often one that looks like an ASCII one) makes the
            // whole word bad, reported once.
            self.diags.push(
                Diagnostic::error(
                    "c/unexpected-char",
                    format!("unexpected character `{c}` in `{word}`"),
                    Span::new(at, at + c.len_utf8()),
                )
                .with_hint("names are made of ASCII letters, digits and `_`"),
            );
            self.push(Tok::Bad, start);
            return;
        }
        let tok = if let Some(kw) = Kw::from_word(word) {
            Tok::Kw(kw)
        } else if let Some(&(value, _)) = self.defines.get(word) {
            Tok::Int(value)
        } else {
            Tok::Ident(word)
        };
        self.push(tok, start);
    }

    fn punctuator(&mut self) {
        let start = self.pos;
        let rest = &self.src[start..];
        if let Some(&(text, p)) = PUNCTUATORS.iter().find(|(text, _)| rest.starts_with(text)) {
            self.pos += text.len();
            self.push(Tok::P(p), start);
            return;
        }
        let c = rest.chars().next().unwrap_or('\0');
        self.pos += c.len_utf8().max(1);
        let span = Span::new(start, self.pos);
        let d = if c == '#' {
            Diagnostic::error("c/syntax", "`#` must start a preprocessor line", span)
                .with_hint("put `#include` and `#define` lines at the start of a line")
        } else {
            Diagnostic::error(
                "c/unexpected-char",
                format!("unexpected character `{c}`"),
                span,
            )
        };
        self.diags.push(d);
        self.push(Tok::Bad, start);
    }

    /// An integer constant: decimal, octal (`017`) or hexadecimal (`0x1F`), with an
    /// optional `l`/`L`/`ll`/`LL` suffix. Anything else that runs into it makes it bad.
    fn number(&mut self) {
        let start = self.pos;
        while is_ident_char(self.peek(0))
            || self.peek(0) == b'.'
            || (matches!(self.peek(0), b'+' | b'-')
                && matches!(self.bytes[self.pos - 1], b'e' | b'E' | b'p' | b'P')
                && !self.src[start..self.pos].starts_with("0x"))
        {
            self.pos += 1;
        }
        let text = &self.src[start..self.pos];
        let span = Span::new(start, self.pos);
        let tok = match number_value(text) {
            Ok(value) => Tok::Int(value),
            Err(d) => {
                self.diags.push(d(text, span));
                Tok::Bad
            }
        };
        self.push(tok, start);
    }

    /// Reads one character of a character constant or string, decoding escapes; `None`
    /// at the end of the line (or text). Bad escapes are reported and read as themselves.
    fn literal_char(&mut self) -> Option<char> {
        let start = self.pos;
        let c = self.src[start..].chars().next()?;
        if c == '\n' || c == '\r' {
            return None;
        }
        self.pos += c.len_utf8();
        if c != '\\' {
            return Some(c);
        }
        let e = self.src[self.pos..].chars().next()?;
        if e == '\n' || e == '\r' {
            return None;
        }
        self.pos += e.len_utf8();
        let simple = match e {
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            'a' => Some('\x07'),
            'b' => Some('\x08'),
            'f' => Some('\x0c'),
            'v' => Some('\x0b'),
            '\\' | '\'' | '"' | '?' => Some(e),
            _ => None,
        };
        if let Some(c) = simple {
            return Some(c);
        }
        let (radix, max) = match e {
            '0'..='7' => {
                self.pos -= 1;
                (8, 3)
            }
            'x' => (16, usize::MAX),
            _ => {
                let span = Span::new(start, self.pos);
                self.diags.push(
                    Diagnostic::error(
                        "c/bad-escape",
                        format!("unknown escape `{}`", &self.src[span.range()]),
                        span,
                    )
                    .with_hint("the escapes are `\\n \\t \\r \\0 \\\\ \\' \\\"`"),
                );
                return Some(e);
            }
        };
        let digits_start = self.pos;
        while self.pos - digits_start < max && (self.peek(0) as char).is_digit(radix) {
            self.pos += 1;
        }
        let span = Span::new(start, self.pos);
        let digits = &self.src[digits_start..self.pos];
        let value = u32::from_str_radix(digits, radix).ok();
        match value {
            Some(v) if v < 128 => char::from_u32(v),
            _ => {
                let d = if digits.is_empty() {
                    Diagnostic::error("c/bad-escape", "`\\x` needs hexadecimal digits", span)
                } else {
                    unsupported(
                        format_args!("character codes above 127 (`{}`)", &self.src[span.range()]),
                        span,
                    )
                };
                self.diags.push(d);
                Some('?')
            }
        }
    }

    fn char_constant(&mut self) {
        let start = self.pos;
        self.pos += 1;
        let mut chars = Vec::new();
        let errors = self.diags.len();
        let closed = loop {
            if self.peek(0) == b'\'' {
                self.pos += 1;
                break true;
            }
            match self.literal_char() {
                Some(c) => chars.push(c),
                None => break false,
            }
        };
        let span = Span::new(start, self.pos);
        let text = &self.src[span.range()];
        let d = if !closed {
            Some(
                Diagnostic::error(
                    "c/unterminated",
                    format!("unterminated character constant `{text}`"),
                    span,
                )
                .with_hint("close it with `'`, as in `'x'`"),
            )
        } else if chars.is_empty() {
            Some(
                Diagnostic::error("c/bad-char", "empty character constant `''`", span)
                    .with_hint("a character constant holds one character, as in `'x'` or `'\\''`"),
            )
        } else if chars.len() > 1 {
            Some(
                Diagnostic::error(
                    "c/bad-char",
                    format!("character constant `{text}` holds more than one character"),
                    span,
                )
                .with_hint("text belongs in a string, as in `\"text\"`"),
            )
        } else if !chars[0].is_ascii() {
            Some(unsupported(
                format_args!("characters outside ASCII in character constants (`{text}`)"),
                span,
            ))
        } else {
            None
        };
        let tok = match d {
            Some(d) => {
                if self.diags.len() == errors {
                    self.diags.push(d);
                }
                Tok::Bad
            }
            None if self.diags.len() > errors => Tok::Bad,
            None => Tok::Char(Num::from(chars[0])),
        };
        self.push(tok, start);
    }

    fn string(&mut self) {
        let start = self.pos;
        self.pos += 1;
        let mut chars = Vec::new();
        let mut closed = true;
        loop {
            if self.peek(0) == b'"' {
                self.pos += 1;
                break;
            }
            let at = self.pos as u32;
            match self.literal_char() {
                Some(c) => chars.push((c, at)),
                None => {
                    self.diags.push(
                        Diagnostic::error(
                            "c/unterminated",
                            "unterminated string",
                            Span::new(start, self.pos),
                        )
                        .with_hint("close it with `\"` on the same line"),
                    );
                    closed = false;
                    break;
                }
            }
        }
        self.push(if closed { Tok::Str(chars) } else { Tok::Bad }, start);
    }

    /// A preprocessor line, from `#` to the end of the line.
    fn directive(&mut self) {
        let start = self.pos;
        let mut end = start;
        while end < self.bytes.len() && !matches!(self.bytes[end], b'\n' | b'\r') {
            end += 1;
        }
        let line = &self.src[start..end];
        self.pos = end;
        // A comment at the end of the line is no part of the directive.
        let body = line.find("//").map_or(line, |at| &line[..at]);
        let body = body.find("/*").map_or(body, |at| &body[..at]);
        let after_hash = &body[1..];
        let name_at = start + 1 + (after_hash.len() - after_hash.trim_start().len());
        let rest = after_hash.trim_start();
        let name_len = rest.bytes().take_while(|&b| is_ident_char(b)).count();
        let name = &rest[..name_len];
        let name_span = Span::new(start, name_at + name_len);
        let args = rest[name_len..].trim();
        match name {
            "include" => {
                if !(args.starts_with('<') && args.ends_with('>') && args.len() > 2) {
                    let d = if args.starts_with('"') {
                        unsupported("including files other than standard headers", name_span)
                            .with_hint("write the whole program in one file")
                    } else {
                        Diagnostic::error(
                            "c/syntax",
                            "`#include` needs a header name, as in `#include <stdio.h>`",
                            name_span,
                        )
                    };
                    self.diags.push(d);
                }
            }
            "define" => self.define(args, start, end, name_span),
            "" if args.is_empty() => {}
            _ => self.diags.push(unsupported(
                format_args!("the preprocessor directive `#{name}`"),
                name_span,
            )),
        }
    }

    /// `#define NAME value`, where the value is an integer or character constant,
    /// possibly negated and parenthesised.
    fn define(&mut self, args: &'a str, start: usize, end: usize, name_span: Span) {
        let span = Span::new(start, end);
        let name_len = args.bytes().take_while(|&b| is_ident_char(b)).count();
        let name = &args[..name_len];
        if name.is_empty() || !is_ident_start(name.as_bytes()[0]) {
            self.diags.push(Diagnostic::error(
                "c/syntax",
                "`#define` needs a name",
                name_span,
            ));
            return;
        }
        let body = &args[name_len..];
        if body.starts_with('(') {
            self.diags.push(
                unsupported("macros with parameters", span).with_hint("write a function instead"),
            );
            return;
        }
        let body = body.trim();
        // A constant defined as another one takes its value.
        let value = self
            .defines
            .get(body)
            .map(|&(v, _)| v)
            .or_else(|| define_value(body));
        match value {
            Some(value) => {
                if let Some(&(old, old_span)) = self.defines.get(name)
                    && old != value
                {
                    self.diags.push(
                        Diagnostic::error(
                            "c/redefinition",
                            format!("`{name}` is defined again with another value"),
                            span,
                        )
                        .with_label(old_span, "first defined here"),
                    );
                    return;
                }
                self.defines.insert(name, (value, span));
            }
            None => self.diags.push(
                unsupported(
                    format_args!("`#define {name}` with anything but an integer constant"),
                    span,
                )
                .with_hint("define a number, as in `#define SIZE 10`"),
            ),
        }
    }
}

/// The value of a `#define` body: an integer or character constant, possibly negated
/// and parenthesised (`-5`, `(-5)`, `'A'`).
fn define_value(body: &str) -> Option<Num> {
    let body = body.trim();
    if let Some(inner) = body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
        return define_value(inner);
    }
    if let Some(inner) = body.strip_prefix('-') {
        return define_value(inner).map(|v| -v);
    }
    if let Some(inner) = body.strip_prefix('+') {
        return define_value(inner);
    }
    if body.len() >= 3 && body.starts_with('\'') && body.ends_with('\'') {
        let mut diags = Vec::new();
        let tokens = lex(body, &mut diags);
        return match (diags.is_empty(), tokens.as_slice()) {
            (
                true,
                [
                    Token {
                        tok: Tok::Char(v), ..
                    },
                    _,
                ],
            ) => Some(*v),
            _ => None,
        };
    }
    if body.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return number_value(body).ok();
    }
    None
}

type NumberError = fn(&str, Span) -> Diagnostic;

/// The value of an integer constant's text, or how to report it.
fn number_value(text: &str) -> Result<Num, NumberError> {
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(hex) = lower.strip_prefix("0x") {
        (hex, 16)
    } else if lower.len() > 1 && lower.starts_with('0') && !lower.contains(['.', 'e']) {
        (&lower[1..], 8)
    } else {
        (lower.as_str(), 10)
    };
    let body_len = digits
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() && (*b as char).is_digit(radix))
        .count();
    let (body, suffix) = digits.split_at(body_len);
    if radix != 16 && (suffix.starts_with(['.', 'e']) || lower.starts_with('.'))
        || radix == 16 && suffix.starts_with(['.', 'p'])
    {
        return Err(|text, span| {
            unsupported(format_args!("floating-point numbers (`{text}`)"), span)
                .with_hint("every number on the Engine is an integer")
        });
    }
    if suffix.contains('u') && suffix.trim_start_matches(['u', 'l']).is_empty() {
        return Err(|text, span| unsupported(format_args!("unsigned constants (`{text}`)"), span));
    }
    if !matches!(suffix, "" | "l" | "ll") || body.is_empty() && radix == 16 {
        return Err(|text, span| {
            Diagnostic::error(
                "c/bad-number",
                format!("`{text}` is not a valid integer constant"),
                span,
            )
            .with_hint("integer constants are written `42`, `017` (octal) or `0x1F`")
        });
    }
    let body = if body.is_empty() { "0" } else { body };
    let mut value = Num::ZERO;
    let base = Num::from(radix);
    for d in body.chars() {
        let digit = Num::from(d.to_digit(radix).unwrap_or(0));
        match value.checked_mul(base).and_then(|v| v.checked_add(digit)) {
            Some(v) => value = v,
            None => {
                return Err(|text, span| {
                    Diagnostic::error(
                        "c/number-too-large",
                        format!("`{text}` has more than 50 digits"),
                        span,
                    )
                    .with_hint("the Engine's numbers have at most 50 digits")
                });
            }
        }
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    /// Lexes `source` and shows each token with its text, then each diagnostic.
    fn check(source: &str, expect: Expect) {
        let mut diags = Vec::new();
        let tokens = lex(source, &mut diags);
        let mut out = String::new();
        for t in &tokens {
            let shown = match &t.tok {
                Tok::Str(chars) => {
                    format!("Str({:?})", chars.iter().map(|c| c.0).collect::<String>())
                }
                Tok::Int(v) => format!("Int({v})"),
                Tok::Char(v) => format!("Char({v})"),
                other => format!("{other:?}"),
            };
            out.push_str(&format!("{shown} {:?}\n", &source[t.span.range()]));
        }
        for d in &diags {
            out.push_str(&format!(
                "{} {}..{}: {}\n",
                d.code, d.span.start, d.span.end, d.message
            ));
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn words_numbers_and_punctuators() {
        check(
            "int x1 = 017 + 0x1F * 42L; a<<=b->c...",
            expect![[r#"
                Kw(Int) "int"
                Ident("x1") "x1"
                P(Assign) "="
                Int(15) "017"
                P(Plus) "+"
                Int(31) "0x1F"
                P(Star) "*"
                Int(42) "42L"
                P(Semi) ";"
                Ident("a") "a"
                P(ShlEq) "<<="
                Ident("b") "b"
                P(Arrow) "->"
                Ident("c") "c"
                P(Ellipsis) "..."
                Eof ""
            "#]],
        );
    }

    #[test]
    fn literals_and_escapes() {
        check(
            r#"'A' '\n' '\'' '\0' '\101' "a\tb\"" "" 'ab' '' '\q' 'é'"#,
            expect![[r#"
                Char(65) "'A'"
                Char(10) "'\\n'"
                Char(39) "'\\''"
                Char(0) "'\\0'"
                Char(65) "'\\101'"
                Str("a\tb\"") "\"a\\tb\\\"\""
                Str("") "\"\""
                Bad "'ab'"
                Bad "''"
                Bad "'\\q'"
                Bad "'é'"
                Eof ""
                c/bad-char 38..42: character constant `'ab'` holds more than one character
                c/bad-char 43..45: empty character constant `''`
                c/bad-escape 47..49: unknown escape `\q`
                c/unsupported 51..55: not supported in this subset: characters outside ASCII in character constants (`'é'`)
            "#]],
        );
    }

    #[test]
    fn bad_numbers() {
        check(
            "1.5 12ab 3u 08 1e5 123456789012345678901234567890123456789012345678901",
            expect![[r#"
                Bad "1.5"
                Bad "12ab"
                Bad "3u"
                Bad "08"
                Bad "1e5"
                Bad "123456789012345678901234567890123456789012345678901"
                Eof ""
                c/unsupported 0..3: not supported in this subset: floating-point numbers (`1.5`)
                c/bad-number 4..8: `12ab` is not a valid integer constant
                c/unsupported 9..11: not supported in this subset: unsigned constants (`3u`)
                c/bad-number 12..14: `08` is not a valid integer constant
                c/unsupported 15..18: not supported in this subset: floating-point numbers (`1e5`)
                c/number-too-large 19..70: `123456789012345678901234567890123456789012345678901` has more than 50 digits
            "#]],
        );
    }

    #[test]
    fn preprocessor_lines() {
        check(
            "#include <stdio.h>\n  #define N 10\n#define M (-'a') // c\nN M\n#if X\n#define F(x) x\n#define S \"s\"\n#include \"my.h\"\n#define N 11\n x # y",
            expect![[r##"
                Int(10) "N"
                Int(-97) "M"
                Ident("x") "x"
                Bad "#"
                Ident("y") "y"
                Eof ""
                c/unsupported 60..63: not supported in this subset: the preprocessor directive `#if`
                c/unsupported 66..80: not supported in this subset: macros with parameters
                c/unsupported 81..94: not supported in this subset: `#define S` with anything but an integer constant
                c/unsupported 95..103: not supported in this subset: including files other than standard headers
                c/redefinition 111..123: `N` is defined again with another value
                c/syntax 127..128: `#` must start a preprocessor line
            "##]],
        );
    }

    #[test]
    fn comments_and_unterminated_literals() {
        check(
            "a /* x */ b // c\n\"open\n'x\n/* never closed",
            expect![[r#"
                Ident("a") "a"
                Ident("b") "b"
                Bad "\"open"
                Bad "'x"
                Eof ""
                c/unterminated 17..22: unterminated string
                c/unterminated 23..25: unterminated character constant `'x`
                c/unterminated 26..28: unterminated comment
            "#]],
        );
    }
}
