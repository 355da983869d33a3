//! Python's tokens, with its indentation rules: `INDENT`/`DEDENT`, implicit line joining
//! inside brackets, backslash continuations, comments and f-strings.
//!
//! The lexer never fails. A malformed token is reported once and becomes [`Tok::Bad`],
//! and indentation mistakes are reported as CPython reports them (`py/indentation`:
//! "unindent does not match any outer indentation level", "inconsistent use of tabs and
//! spaces in indentation") and then read as well as possible, so that later lines still
//! get their own diagnostics.

use diag::{Diagnostic, Span};
use isa::Num;

/// The deepest indentation CPython accepts.
const MAX_INDENT: usize = 100;

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    /// An identifier that is not a keyword.
    Name(String),
    /// An integer literal (any base), already checked to fit in 50 digits.
    Int(Num),
    /// A float or imaginary literal, which the subset does not have.
    Float,
    /// A string literal, escapes decoded; `bytes` for `b"…"`.
    Str { value: String, bytes: bool },
    /// An f-string's parts.
    FStr(Vec<FPart>),
    /// A keyword, such as `def` or `True`.
    Kw(&'static str),
    /// An operator or delimiter, such as `**=` or `(`.
    Op(&'static str),
    /// The end of a logical line.
    Newline,
    /// The start of a more deeply indented block.
    Indent,
    /// The end of an indented block.
    Dedent,
    /// The end of the text.
    Eof,
    /// A malformed token, already reported.
    Bad,
}

/// One part of an f-string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FPart {
    /// Literal text, with `{{` and `}}` already undoubled.
    Text(String),
    /// A `{expression}` field: the expression's tokens (ending in [`Tok::Eof`]) and where
    /// the field stands, braces included. Conversions and format specifications are
    /// reported when lexing, and the field keeps only its expression.
    Field { tokens: Vec<Token>, span: Span },
}

/// A token and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) tok: Tok,
    pub(crate) span: Span,
}

const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Operators and delimiters, longest first so that the first match is the right one.
const OPERATORS: [&str; 47] = [
    "**=", "//=", ">>=", "<<=", "...", "->", "+=", "-=", "*=", "/=", "%=", "@=", "&=", "|=", "^=",
    "**", "//", "<<", ">>", "<=", ">=", "==", "!=", ":=", "+", "-", "*", "/", "%", "@", "&", "|",
    "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
];

/// Lexes a whole source text into tokens ending in [`Tok::Eof`].
pub(crate) fn lex(source: &str, diags: &mut Vec<Diagnostic>) -> Vec<Token> {
    let mut lexer = Lexer::new(source, 0, source.len(), diags);
    lexer.run();
    lexer.tokens
}

struct Lexer<'s, 'd> {
    src: &'s str,
    pos: usize,
    end: usize,
    tokens: Vec<Token>,
    diags: &'d mut Vec<Diagnostic>,
    /// Open brackets and where they stand; newlines inside them join lines.
    brackets: Vec<(char, usize)>,
    /// Indentation columns with tabs to multiples of 8, and with tabs as one column, as
    /// CPython keeps them to find inconsistent mixtures.
    indents: Vec<(usize, usize)>,
    /// Whether the text is one f-string field's expression (no lines, no indentation).
    field: bool,
}

impl<'s, 'd> Lexer<'s, 'd> {
    fn new(src: &'s str, pos: usize, end: usize, diags: &'d mut Vec<Diagnostic>) -> Self {
        Lexer {
            src,
            pos,
            end,
            tokens: Vec::new(),
            diags,
            brackets: Vec::new(),
            indents: vec![(0, 0)],
            field: false,
        }
    }

    fn error(&mut self, code: &str, message: String, span: Span) -> &mut Diagnostic {
        self.diags.push(Diagnostic::error(code, message, span));
        self.diags.last_mut().expect("just pushed")
    }

    fn peek(&self) -> Option<char> {
        self.src[self.pos..self.end].chars().next()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.src[self.pos..self.end].chars().nth(offset)
    }

    fn push(&mut self, tok: Tok, start: usize) {
        self.tokens.push(Token {
            tok,
            span: Span::new(start, self.pos),
        });
    }

    /// Whether the last token ends a logical line (or there is none yet).
    fn at_line_start(&self) -> bool {
        matches!(
            self.tokens.last().map(|t| &t.tok),
            None | Some(Tok::Newline | Tok::Indent | Tok::Dedent)
        )
    }

    fn run(&mut self) {
        let mut line_start = true;
        loop {
            if line_start && !self.field {
                line_start = false;
                if !self.indentation() {
                    break;
                }
            }
            let Some(c) = self.peek() else { break };
            let start = self.pos;
            match c {
                ' ' | '\t' | '\x0c' => self.pos += 1,
                '\r' | '\n' => {
                    self.pos += 1;
                    if c == '\r' && self.peek() == Some('\n') {
                        self.pos += 1;
                    }
                    if self.brackets.is_empty() && !self.field {
                        if !self.at_line_start() {
                            self.push(Tok::Newline, start);
                            self.tokens.last_mut().expect("pushed").span = Span::new(start, start);
                        }
                        line_start = true;
                    }
                }
                '#' => {
                    while self.peek().is_some_and(|c| c != '\n' && c != '\r') {
                        self.pos += c_len(self.peek());
                    }
                }
                '\\' => {
                    self.pos += 1;
                    match self.peek() {
                        Some('\n') => self.pos += 1,
                        Some('\r') => {
                            self.pos += 1;
                            if self.peek() == Some('\n') {
                                self.pos += 1;
                            }
                        }
                        _ => {
                            self.error(
                                "py/syntax",
                                "unexpected character after line continuation character `\\`"
                                    .into(),
                                Span::new(start, start + 1),
                            )
                            .with_hint_mut("a `\\` continues a line only as its last character");
                            self.push(Tok::Bad, start);
                        }
                    }
                }
                '0'..='9' => self.number(),
                '.' if self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) => self.number(),
                '\'' | '"' => self.string(start, Prefix::default()),
                c if c.is_alphabetic() || c == '_' => self.word(),
                _ => self.operator(c),
            }
        }
        if !self.field {
            if !self.at_line_start() {
                self.push(Tok::Newline, self.pos);
            }
            for &(open, at) in self.brackets.clone().iter().rev() {
                self.error(
                    "py/syntax",
                    format!("`{open}` was never closed"),
                    Span::new(at, at + 1),
                );
            }
            while self.indents.len() > 1 {
                self.indents.pop();
                self.push(Tok::Dedent, self.pos);
            }
        }
        self.push(Tok::Eof, self.pos);
    }

    /// Measures the indentation of a new line and emits `INDENT`/`DEDENT` tokens. Blank
    /// and comment-only lines, and lines inside brackets, do not count. Returns false at
    /// the end of the text.
    fn indentation(&mut self) -> bool {
        loop {
            let start = self.pos;
            let (mut col, mut alt) = (0, 0);
            while let Some(c) = self.peek() {
                match c {
                    ' ' => {
                        col += 1;
                        alt += 1;
                    }
                    '\t' => {
                        col = (col / 8 + 1) * 8;
                        alt += 1;
                    }
                    '\x0c' => {
                        col = 0;
                        alt = 0;
                    }
                    _ => break,
                }
                self.pos += 1;
            }
            match self.peek() {
                None => return false,
                Some('#') => {
                    while self.peek().is_some_and(|c| c != '\n' && c != '\r') {
                        self.pos += c_len(self.peek());
                    }
                    self.skip_line_end();
                    continue;
                }
                Some('\n' | '\r') => {
                    self.skip_line_end();
                    continue;
                }
                Some('\\') if matches!(self.peek_at(1), Some('\n' | '\r')) => {
                    // CPython treats a continuation on an otherwise blank line as joining
                    // it to the next; its indentation is the next line's.
                    self.pos += 1;
                    self.skip_line_end();
                    continue;
                }
                _ => {}
            }
            let span = Span::new(start, self.pos);
            let (top, top_alt) = *self.indents.last().expect("never empty");
            if col == top {
                if alt != top_alt {
                    self.inconsistent(span);
                }
            } else if col > top {
                if alt <= top_alt {
                    self.inconsistent(span);
                }
                if self.indents.len() > MAX_INDENT {
                    self.error(
                        "py/indentation",
                        "too many levels of indentation".into(),
                        span,
                    );
                } else {
                    self.indents.push((col, alt));
                }
                self.push(Tok::Indent, start);
            } else {
                while self.indents.len() > 1 && col < self.indents.last().expect("non-empty").0 {
                    self.indents.pop();
                    self.push(Tok::Dedent, self.pos);
                    self.tokens.last_mut().expect("pushed").span = Span::new(self.pos, self.pos);
                }
                let (top, top_alt) = *self.indents.last().expect("never empty");
                if col != top {
                    self.error(
                        "py/indentation",
                        "unindent does not match any outer indentation level".into(),
                        span,
                    )
                    .with_hint_mut("indent this line exactly as far as the block it continues");
                } else if alt != top_alt {
                    self.inconsistent(span);
                }
            }
            return true;
        }
    }

    fn inconsistent(&mut self, span: Span) {
        self.error(
            "py/indentation",
            "inconsistent use of tabs and spaces in indentation".into(),
            span,
        )
        .with_hint_mut("indent with spaces only (four per level is usual)");
    }

    fn skip_line_end(&mut self) {
        if self.peek() == Some('\r') {
            self.pos += 1;
        }
        if self.peek() == Some('\n') {
            self.pos += 1;
        }
    }

    fn word(&mut self) {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.pos += c_len(self.peek());
        }
        let word = &self.src[start..self.pos];
        if matches!(self.peek(), Some('\'' | '"'))
            && let Some(prefix) = Prefix::parse(word)
        {
            self.string(start, prefix);
            return;
        }
        let tok = match KEYWORDS.iter().find(|k| **k == word) {
            Some(k) => Tok::Kw(k),
            None => Tok::Name(word.to_owned()),
        };
        self.push(tok, start);
    }

    fn operator(&mut self, c: char) {
        let start = self.pos;
        let rest = &self.src[self.pos..self.end];
        let Some(op) = OPERATORS.iter().find(|op| rest.starts_with(**op)) else {
            self.pos += c.len_utf8();
            let message = if c == '!' {
                "unexpected character `!`".to_owned()
            } else if c.is_ascii() {
                format!("unexpected character `{c}`")
            } else {
                format!("invalid character `{c}` (U+{:04X})", c as u32)
            };
            let d = self.error("py/syntax", message, Span::new(start, self.pos));
            if c == '!' {
                d.with_hint_mut("Python writes \"not\" as `not` and \"not equal\" as `!=`");
            }
            self.push(Tok::Bad, start);
            return;
        };
        self.pos += op.len();
        match *op {
            "(" | "[" | "{" => self.brackets.push((c, start)),
            ")" | "]" | "}" => {
                match self.brackets.last() {
                    Some(&(open, _)) if closing(open) == c => {
                        self.brackets.pop();
                    }
                    Some(&(open, _)) => {
                        self.error(
                        "py/syntax",
                        format!("closing parenthesis `{c}` does not match opening parenthesis `{open}`"),
                        Span::new(start, self.pos),
                    );
                        self.brackets.pop();
                    }
                    None if !self.field => {
                        self.error(
                            "py/syntax",
                            format!("unmatched `{c}`"),
                            Span::new(start, self.pos),
                        );
                        self.push(Tok::Bad, start);
                        return;
                    }
                    None => {}
                }
            }
            _ => {}
        }
        self.push(Tok::Op(op), start);
    }

    fn number(&mut self) {
        let start = self.pos;
        let bytes = self.src.as_bytes();
        let mut end = self.pos;
        let at = |i: usize| if i < self.end { bytes[i] } else { 0 };
        // The whole run of characters that could belong to a number, so that `12abc`
        // or `1.5e3` is one token.
        while at(end).is_ascii_alphanumeric()
            || at(end) == b'_'
            || at(end) == b'.'
            || ((at(end) == b'+' || at(end) == b'-')
                && matches!(at(end - 1), b'e' | b'E')
                && !self.src[start..end].starts_with("0x")
                && !self.src[start..end].starts_with("0X"))
        {
            end += 1;
        }
        self.pos = end;
        let text = &self.src[start..end];
        let span = Span::new(start, end);
        let lower = text.to_ascii_lowercase();
        let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
            (d, 16)
        } else if let Some(d) = lower.strip_prefix("0o") {
            (d, 8)
        } else if let Some(d) = lower.strip_prefix("0b") {
            (d, 2)
        } else {
            (lower.as_str(), 10)
        };
        let is_float = radix == 10
            && (digits.contains('.') || digits.contains('e') || digits.ends_with('j'))
            && digits
                .trim_end_matches('j')
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-' | '_'));
        if is_float {
            self.push(Tok::Float, start);
            return;
        }
        let well_formed = !digits.is_empty()
            && !digits.starts_with('_')
            && !digits.ends_with('_')
            && !digits.contains("__")
            && digits.chars().all(|c| c == '_' || c.is_digit(radix));
        if !well_formed {
            self.error("py/syntax", format!("invalid number `{text}`"), span);
            self.push(Tok::Bad, start);
            return;
        }
        if radix == 10
            && digits.len() > 1
            && digits.starts_with('0')
            && digits.chars().any(|c| c != '0' && c != '_')
        {
            self.error(
                "py/syntax",
                format!("leading zeros in decimal integer literals are not permitted: `{text}`"),
                span,
            )
            .with_hint_mut("write the number without its leading zeros");
            self.push(Tok::Bad, start);
            return;
        }
        let mut value = Num::ZERO;
        let mut fits = true;
        for d in digits.chars().filter_map(|c| c.to_digit(radix)) {
            match value
                .checked_mul(Num::from(radix))
                .and_then(|v| v.checked_add(Num::from(d)))
            {
                Some(v) => value = v,
                None => {
                    fits = false;
                    break;
                }
            }
        }
        if fits {
            self.push(Tok::Int(value), start);
        } else {
            self.error(
                "py/unsupported",
                format!(
                    "not supported in this subset: the integer `{text}` has more than 50 digits"
                ),
                span,
            )
            .with_hint_mut("the Engine's columns hold integers of at most 50 digits");
            self.push(Tok::Bad, start);
        }
    }

    /// A string literal starting at `start` (its prefix included); the quote is next.
    fn string(&mut self, start: usize, prefix: Prefix) {
        let quote = self.peek().expect("a quote is next");
        let triple = self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote);
        let q_len = if triple { 3 } else { 1 };
        self.pos += q_len;
        let body_start = self.pos;
        let closing: String = std::iter::repeat_n(quote, q_len).collect();
        let mut body_end = None;
        while let Some(c) = self.peek() {
            if self.src[self.pos..self.end].starts_with(&closing) {
                body_end = Some(self.pos);
                self.pos += q_len;
                break;
            }
            if c == '\\' {
                self.pos += 1;
                if let Some(next) = self.peek() {
                    self.pos += next.len_utf8();
                }
                continue;
            }
            if !triple && (c == '\n' || c == '\r') {
                break;
            }
            self.pos += c.len_utf8();
        }
        let Some(body_end) = body_end else {
            let what = if triple {
                "unterminated triple-quoted string literal"
            } else {
                "unterminated string literal"
            };
            self.error("py/syntax", what.to_owned(), Span::new(start, self.pos))
                .with_hint_mut(format!("close it with `{closing}`"));
            self.push(Tok::Bad, start);
            // The line is broken past repair: brackets open on it would otherwise join
            // the rest of the file to it.
            if !triple && !self.field {
                self.brackets.clear();
            }
            return;
        };
        let tok = if prefix.f {
            Tok::FStr(self.fstring(body_start, body_end, prefix.raw))
        } else {
            let value = self.unescape(body_start, body_end, prefix.raw);
            Tok::Str {
                value,
                bytes: prefix.b,
            }
        };
        self.push(tok, start);
    }

    /// Decodes the escapes of `src[from..to]` (unless raw).
    fn unescape(&mut self, from: usize, to: usize, raw: bool) -> String {
        let out = self.unescape_inner(from, to, raw);
        // Python reads source lines with universal newlines: a line break inside a
        // triple-quoted string is `\n` whatever the file uses.
        if out.contains('\r') && self.src[from..to].contains('\r') {
            return out.replace("\r\n", "\n").replace('\r', "\n");
        }
        out
    }

    fn unescape_inner(&mut self, from: usize, to: usize, raw: bool) -> String {
        let text = &self.src[from..to];
        if raw {
            return text.to_owned();
        }
        let mut out = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            let Some((_, e)) = chars.next() else {
                out.push('\\');
                break;
            };
            let simple = match e {
                '\n' => Some(None),
                '\\' => Some(Some('\\')),
                '\'' => Some(Some('\'')),
                '"' => Some(Some('"')),
                'n' => Some(Some('\n')),
                't' => Some(Some('\t')),
                'r' => Some(Some('\r')),
                'a' => Some(Some('\x07')),
                'b' => Some(Some('\x08')),
                'f' => Some(Some('\x0c')),
                'v' => Some(Some('\x0b')),
                _ => None,
            };
            if let Some(c) = simple {
                out.extend(c);
                continue;
            }
            let (len, radix) = match e {
                'x' => (2, 16),
                'u' => (4, 16),
                'U' => (8, 16),
                '0'..='7' => (3, 8),
                'N' => {
                    let end = text[i..].find('}').map_or(text.len(), |k| i + k + 1);
                    self.error(
                        "py/unsupported",
                        format!(
                            "not supported in this subset: named escapes (`{}`)",
                            &text[i..end]
                        ),
                        Span::new(from + i, from + end),
                    )
                    .with_hint_mut("write the character itself, or `\\u` and its code");
                    continue;
                }
                _ => {
                    out.push('\\');
                    out.push(e);
                    continue;
                }
            };
            let mut digits = String::new();
            if radix == 8 {
                digits.push(e);
            }
            while digits.len() < len {
                match chars.peek() {
                    Some(&(_, d)) if d.is_digit(radix) => {
                        digits.push(d);
                        chars.next();
                    }
                    _ => break,
                }
            }
            let decoded = (radix == 8 || digits.len() == len)
                .then(|| u32::from_str_radix(&digits, radix).ok())
                .flatten()
                .and_then(char::from_u32);
            match decoded {
                Some(c) => out.push(c),
                None => {
                    let end = chars.peek().map_or(text.len(), |&(j, _)| j);
                    self.error(
                        "py/syntax",
                        format!("invalid escape `{}`", &text[i..end]),
                        Span::new(from + i, from + end),
                    );
                }
            }
        }
        out
    }

    /// Splits an f-string body into text and fields, lexing each field's expression.
    fn fstring(&mut self, from: usize, to: usize, raw: bool) -> Vec<FPart> {
        let mut parts = Vec::new();
        let mut text_start = from;
        let mut i = from;
        let bytes = self.src.as_bytes();
        let flush = |lexer: &mut Self, parts: &mut Vec<FPart>, a: usize, b: usize| {
            if a < b {
                let text = lexer.unescape(a, b, raw);
                match parts.last_mut() {
                    Some(FPart::Text(t)) => t.push_str(&text),
                    _ => parts.push(FPart::Text(text)),
                }
            }
        };
        while i < to {
            match bytes[i] {
                b'{' if i + 1 < to && bytes[i + 1] == b'{' => {
                    flush(self, &mut parts, text_start, i + 1);
                    i += 2;
                    text_start = i;
                }
                b'}' if i + 1 < to && bytes[i + 1] == b'}' => {
                    flush(self, &mut parts, text_start, i + 1);
                    i += 2;
                    text_start = i;
                }
                b'}' => {
                    self.error(
                        "py/syntax",
                        "f-string: single `}` is not allowed".into(),
                        Span::new(i, i + 1),
                    )
                    .with_hint_mut("write `}}` for a literal `}`");
                    i += 1;
                }
                b'{' => {
                    flush(self, &mut parts, text_start, i);
                    let (part, next) = self.field(i, to);
                    parts.extend(part);
                    i = next;
                    text_start = i;
                }
                b'\\' if !raw => i += 2,
                _ => i += 1,
            }
        }
        flush(self, &mut parts, text_start, to.min(i));
        parts
    }

    /// One `{…}` field starting at `open`; returns it and where the text resumes.
    fn field(&mut self, open: usize, to: usize) -> (Option<FPart>, usize) {
        let bytes = self.src.as_bytes();
        let mut depth = 0usize;
        let mut i = open + 1;
        let mut expr_end = None;
        let mut quote: Option<u8> = None;
        while i < to {
            let b = bytes[i];
            if let Some(q) = quote {
                if b == q {
                    quote = None;
                }
                i += 1;
                continue;
            }
            match b {
                b'\'' | b'"' => quote = Some(b),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                b'}' if depth > 0 => depth -= 1,
                b'}' => {
                    expr_end.get_or_insert(i);
                    break;
                }
                b'!' if depth == 0 && bytes.get(i + 1) != Some(&b'=') => {
                    expr_end.get_or_insert(i);
                }
                b':' if depth == 0 => {
                    expr_end.get_or_insert(i);
                }
                b'=' if depth == 0
                    && expr_end.is_none()
                    && bytes.get(i + 1) != Some(&b'=')
                    && !matches!(bytes[i - 1], b'=' | b'!' | b'<' | b'>') =>
                {
                    expr_end.get_or_insert(i);
                }
                _ => {}
            }
            i += 1;
        }
        if i >= to {
            self.error(
                "py/syntax",
                "f-string: expecting `}`".into(),
                Span::new(open, to),
            )
            .with_hint_mut("close the field with `}`, or write `{{` for a literal `{`");
            return (None, to);
        }
        let close = i;
        let span = Span::new(open, close + 1);
        let expr_end = expr_end.unwrap_or(close);
        if expr_end < close {
            let extra = &self.src[expr_end..close];
            let what = match extra.as_bytes()[0] {
                b'!' => "conversions in f-strings",
                b'=' => "self-documenting `=` in f-strings",
                _ => "format specifications in f-strings",
            };
            self.error(
                "py/unsupported",
                format!("not supported in this subset: {what} (`{extra}`)"),
                Span::new(expr_end, close),
            )
            .with_hint_mut("a field holds just an expression, as in `{total}`");
        }
        if self.src[open + 1..expr_end].trim().is_empty() {
            self.error(
                "py/syntax",
                "f-string: empty expression not allowed".into(),
                span,
            );
            return (None, close + 1);
        }
        let mut sub = Lexer::new(self.src, open + 1, expr_end, self.diags);
        sub.field = true;
        sub.run();
        let tokens = sub.tokens;
        (Some(FPart::Field { tokens, span }), close + 1)
    }
}

/// A string literal's prefix letters.
#[derive(Clone, Copy, Default)]
struct Prefix {
    raw: bool,
    b: bool,
    f: bool,
}

impl Prefix {
    fn parse(word: &str) -> Option<Prefix> {
        let lower = word.to_ascii_lowercase();
        let p = match lower.as_str() {
            "r" => Prefix {
                raw: true,
                ..Prefix::default()
            },
            "u" => Prefix::default(),
            "b" => Prefix {
                b: true,
                ..Prefix::default()
            },
            "f" => Prefix {
                f: true,
                ..Prefix::default()
            },
            "rb" | "br" => Prefix {
                raw: true,
                b: true,
                f: false,
            },
            "rf" | "fr" => Prefix {
                raw: true,
                b: false,
                f: true,
            },
            _ => return None,
        };
        Some(p)
    }
}

fn closing(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

fn c_len(c: Option<char>) -> usize {
    c.map_or(1, char::len_utf8)
}

/// Adds a hint in place, for diagnostics already pushed.
trait HintMut {
    fn with_hint_mut(&mut self, hint: impl Into<String>);
}

impl HintMut for Diagnostic {
    fn with_hint_mut(&mut self, hint: impl Into<String>) {
        self.hints.push(hint.into());
    }
}

#[cfg(test)]
mod tests;
