//! Parsing one line's tokens into its labels and its statement (an instruction or a
//! directive with operands), reporting syntax errors.
//!
//! Operands are parsed into a small tree whose names are still unresolved: what a name
//! means is only known once every line has been read (names may be used before they are
//! defined), which is the assembler's second pass.

use diag::{Diagnostic, Span};
use isa::{Num, ParseNumError, Reg};

use crate::lexer::{Tok, Token};
use crate::names::{self, Op, shown};

/// One line: any number of labels, then at most one statement.
#[derive(Debug)]
pub(crate) struct Line<'a> {
    pub(crate) labels: Vec<(&'a str, Span)>,
    pub(crate) stmt: Option<Stmt<'a>>,
}

/// The directives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Directive {
    Data,
    Zero,
    Equ,
    Store,
    Stack,
    Entry,
}

impl Directive {
    fn from_name(name: &str) -> Option<Directive> {
        const ALL: [Directive; 6] = [
            Directive::Data,
            Directive::Zero,
            Directive::Equ,
            Directive::Store,
            Directive::Stack,
            Directive::Entry,
        ];
        names::DIRECTIVES
            .iter()
            .position(|d| d.eq_ignore_ascii_case(name))
            .map(|i| ALL[i])
    }

    /// Whether the directive defines a name, written right after it.
    fn takes_name(self) -> bool {
        matches!(self, Directive::Data | Directive::Zero | Directive::Equ)
    }

    /// The directive as written in canonical text.
    pub(crate) fn text(self) -> &'static str {
        match self {
            Directive::Data => ".data",
            Directive::Zero => ".zero",
            Directive::Equ => ".equ",
            Directive::Store => ".store",
            Directive::Stack => ".stack",
            Directive::Entry => ".entry",
        }
    }
}

/// What a statement is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Head {
    /// An instruction; `None` if its mnemonic is unknown (reported), which still takes an
    /// instruction slot so that later labels keep their values.
    Insn(Option<Op>),
    Directive(Directive),
}

/// An instruction or a directive.
#[derive(Debug)]
pub(crate) struct Stmt<'a> {
    pub(crate) head: Head,
    /// The mnemonic or directive as written.
    pub(crate) head_text: &'a str,
    pub(crate) head_span: Span,
    /// The name a `.data`, `.zero` or `.equ` defines.
    pub(crate) name: Option<(&'a str, Span)>,
    pub(crate) operands: Vec<Operand<'a>>,
    /// From the mnemonic or directive through the last operand.
    pub(crate) span: Span,
    /// A syntax error was reported, so the operands are incomplete and no further checks
    /// should be made on them.
    pub(crate) poisoned: bool,
}

/// An operand and where it is.
#[derive(Clone, Debug)]
pub(crate) struct Operand<'a> {
    pub(crate) kind: OperandKind<'a>,
    pub(crate) span: Span,
}

/// The operand forms of ISA.md §3, before names are resolved.
#[derive(Clone, Debug)]
pub(crate) enum OperandKind<'a> {
    Reg(Reg),
    /// `SP` on its own, which is only meaningful inside brackets.
    Sp,
    Int(Num),
    Char(char),
    Name(&'a str),
    Str(String),
    Mem(MemExpr<'a>),
    /// Malformed and already reported.
    Bad,
}

/// A Store operand `[base±offset]`.
#[derive(Clone, Debug)]
pub(crate) struct MemExpr<'a> {
    pub(crate) base: MemBase<'a>,
    pub(crate) base_span: Span,
    pub(crate) offset: Option<Offset<'a>>,
}

/// What a Store operand counts from.
#[derive(Clone, Debug)]
pub(crate) enum MemBase<'a> {
    Reg(Reg),
    Sp,
    Int(Num),
    Name(&'a str),
    Bad,
}

/// The `±k` of a Store operand.
#[derive(Clone, Debug)]
pub(crate) struct Offset<'a> {
    pub(crate) negative: bool,
    pub(crate) value: OffsetValue<'a>,
    /// The `k` alone.
    pub(crate) span: Span,
}

/// An offset: an integer literal or a constant's name.
#[derive(Clone, Debug)]
pub(crate) enum OffsetValue<'a> {
    Int(Num),
    Name(&'a str),
    Bad,
}

/// Parses one line's tokens. `source` is the whole text, for quoting it in messages.
pub(crate) fn parse_line<'a>(
    source: &'a str,
    tokens: &[Token<'a>],
    diags: &mut Vec<Diagnostic>,
) -> Line<'a> {
    let quiet = tokens.iter().any(|t| matches!(t.tok, Tok::Garbage));
    let mut p = Parser {
        source,
        tokens,
        pos: 0,
        diags,
        quiet,
    };
    let labels = p.labels();
    let stmt = p.stmt();
    Line { labels, stmt }
}

/// A syntax error has been reported (or suppressed) and the statement is poisoned.
struct Poisoned;

struct Parser<'t, 'a> {
    source: &'a str,
    tokens: &'t [Token<'a>],
    pos: usize,
    diags: &'t mut Vec<Diagnostic>,
    /// The line holds stray characters, already reported: syntax errors on it would only
    /// repeat that, so they are not reported.
    quiet: bool,
}

impl<'a> Parser<'_, 'a> {
    fn peek(&self, ahead: usize) -> Option<&Token<'a>> {
        self.tokens.get(self.pos + ahead)
    }

    fn text(&self, span: Span) -> &'a str {
        self.source.get(span.range()).unwrap_or("")
    }

    /// The end of a run of touching word-like tokens starting at `from` (such as `caf`,
    /// `é` in `café`), and whether it holds stray characters.
    fn word_run(&self, from: usize) -> (usize, bool) {
        let mut end = from;
        let mut garbled = false;
        while let Some(t) = self.tokens.get(end) {
            let wordlike = matches!(t.tok, Tok::Ident(_) | Tok::Number(_) | Tok::Garbage);
            let touching = end == from || self.tokens[end - 1].span.end == t.span.start;
            if !wordlike || !touching {
                break;
            }
            garbled |= matches!(t.tok, Tok::Garbage);
            end += 1;
        }
        (end, garbled)
    }

    fn labels(&mut self) -> Vec<(&'a str, Span)> {
        let mut labels = Vec::new();
        while let Some(t) = self.peek(0).cloned() {
            let (end, garbled) = self.word_run(self.pos);
            if end == self.pos
                || !matches!(
                    self.tokens.get(end),
                    Some(Token {
                        tok: Tok::Colon,
                        ..
                    })
                )
            {
                break;
            }
            let span = t.span.cover(self.tokens[end - 1].span);
            match t.tok {
                Tok::Ident(name) if end == self.pos + 1 => labels.push((name, span)),
                _ if garbled => {}
                _ => {
                    let text = shown(self.text(span));
                    self.diags.push(
                        Diagnostic::error(
                            "asm/bad-name",
                            format!("`{text}` is not a valid label name"),
                            span,
                        )
                        .with_hint(
                            "names start with a letter or `_`, then letters, digits, `_` or `.`",
                        ),
                    );
                }
            }
            self.pos = end + 1;
        }
        labels
    }

    fn stmt(&mut self) -> Option<Stmt<'a>> {
        while matches!(
            self.peek(0),
            Some(Token {
                tok: Tok::Garbage,
                ..
            })
        ) {
            self.pos += 1;
        }
        let first = self.peek(0)?.clone();
        self.pos += 1;
        let mut stmt = Stmt {
            head: Head::Insn(None),
            head_text: "",
            head_span: first.span,
            name: None,
            operands: Vec::new(),
            span: first.span,
            poisoned: false,
        };
        match first.tok {
            Tok::Ident(word) => {
                stmt.head_text = word;
                let (end, garbled) = self.word_run(self.pos - 1);
                if garbled {
                    stmt.poisoned = true;
                } else if let Some(op) = names::mnemonic(word) {
                    stmt.head = Head::Insn(Some(op));
                    stmt.poisoned = self.operands(&mut stmt.operands).is_err();
                } else {
                    self.unknown_mnemonic(word, first.span);
                    stmt.poisoned = true;
                }
                self.pos = self.pos.max(end);
            }
            Tok::Directive(word) => {
                stmt.head_text = word;
                match Directive::from_name(word) {
                    Some(d) => {
                        stmt.head = Head::Directive(d);
                        stmt.poisoned = self.directive(d, &mut stmt).is_err();
                    }
                    None => {
                        let mut d = Diagnostic::error(
                            "asm/unknown-directive",
                            format!("unknown directive `.{}`", shown(word)),
                            first.span,
                        );
                        if let Some(s) = names::suggest_directive(word) {
                            d = d.with_hint(format!("did you mean `.{s}`?"));
                        } else {
                            d = d.with_hint("the directives are `.data`, `.zero`, `.equ`, `.store`, `.stack` and `.entry`");
                        }
                        self.diags.push(d);
                        // Not an instruction: it takes no slot.
                        return None;
                    }
                }
            }
            Tok::Bad => return None,
            _ => {
                let text = shown(self.text(first.span));
                self.syntax(
                    format!("expected an instruction, a directive or a label, found `{text}`"),
                    first.span,
                    None,
                );
                return None;
            }
        }
        // The statement's span ends at the last token it used; a poisoned statement uses
        // the whole line.
        if stmt.poisoned {
            self.pos = self.tokens.len();
        }
        if let Some(last) = self.tokens.get(..self.pos).and_then(<[_]>::last) {
            stmt.span = stmt.span.cover(last.span);
        }
        Some(stmt)
    }

    fn unknown_mnemonic(&mut self, word: &str, span: Span) {
        let mut d = Diagnostic::error(
            "asm/unknown-mnemonic",
            format!("unknown mnemonic `{}`", shown(word)),
            span,
        );
        let next_is_mnemonic = matches!(self.peek(0), Some(Token { tok: Tok::Ident(w), .. }) if names::mnemonic(w).is_some());
        if let Some(s) = names::suggest_mnemonic(word) {
            d = d.with_hint(format!("did you mean `{s}`?"));
        } else if next_is_mnemonic && names::is_legal_name(word) {
            d = d.with_hint(format!("to define a label, write `{word}:`"));
        }
        self.diags.push(d);
    }

    fn directive(&mut self, directive: Directive, stmt: &mut Stmt<'a>) -> Result<(), Poisoned> {
        if directive.takes_name() {
            match self.peek(0) {
                Some(Token {
                    tok: Tok::Ident(name),
                    span,
                }) => {
                    stmt.name = Some((name, *span));
                    self.pos += 1;
                }
                found => {
                    let (span, found) = match found {
                        Some(t) => (t.span, format!(", found `{}`", shown(self.text(t.span)))),
                        None => (stmt.head_span, String::new()),
                    };
                    let example = match directive {
                        Directive::Data => ".data nums 1, 2, 3",
                        Directive::Zero => ".zero buffer 10",
                        _ => ".equ SIZE 10",
                    };
                    self.syntax(
                        format!("`{}` needs a name first{found}", directive.text()),
                        span,
                        Some(format!("as in `{example}`")),
                    );
                    return Err(Poisoned);
                }
            }
        }
        self.operands(&mut stmt.operands)
    }

    fn syntax(&mut self, message: String, span: Span, hint: Option<String>) {
        if self.quiet {
            return;
        }
        let mut d = Diagnostic::error("asm/syntax", message, span);
        if let Some(hint) = hint {
            d = d.with_hint(hint);
        }
        self.diags.push(d);
    }

    /// Parses comma-separated operands to the end of the line.
    fn operands(&mut self, out: &mut Vec<Operand<'a>>) -> Result<(), Poisoned> {
        if self.peek(0).is_none() {
            return Ok(());
        }
        loop {
            out.push(self.operand()?);
            match self.peek(0) {
                None => return Ok(()),
                Some(Token {
                    tok: Tok::Comma,
                    span,
                }) => {
                    let comma = *span;
                    self.pos += 1;
                    if self.peek(0).is_none() {
                        self.syntax("missing operand after `,`".into(), comma, None);
                        return Err(Poisoned);
                    }
                }
                Some(t) => {
                    let span = t.span;
                    let text = shown(self.text(span));
                    let hint = matches!(t.tok, Tok::Colon)
                        .then(|| "labels come first on a line, as in `loop: ADD A, 1`".to_string());
                    self.syntax(
                        format!("expected `,` between operands, found `{text}`"),
                        span,
                        hint,
                    );
                    return Err(Poisoned);
                }
            }
        }
    }

    fn operand(&mut self) -> Result<Operand<'a>, Poisoned> {
        // Callers only ask for an operand where a token stands; should one not, the
        // statement is dropped quietly rather than panicking.
        let Some(t) = self.peek(0).cloned() else {
            return Err(Poisoned);
        };
        self.pos += 1;
        let kind = match t.tok {
            Tok::Ident(word) => word_operand(word),
            Tok::Number(text) => self.number(text, false, t.span),
            Tok::Plus | Tok::Minus => {
                return self
                    .signed(t.tok == Tok::Minus, t.span)
                    .map(|(n, span)| Operand { kind: n, span });
            }
            Tok::Char(c) => OperandKind::Char(c),
            Tok::Str(s) => OperandKind::Str(s),
            Tok::LBracket => return self.mem(t.span),
            Tok::Bad | Tok::Garbage => OperandKind::Bad,
            Tok::Comma => {
                self.syntax("missing operand before `,`".into(), t.span, None);
                return Err(Poisoned);
            }
            Tok::Directive(_) | Tok::Colon | Tok::RBracket => {
                let text = shown(self.text(t.span));
                self.syntax(format!("expected an operand, found `{text}`"), t.span, None);
                return Err(Poisoned);
            }
        };
        Ok(Operand { kind, span: t.span })
    }

    /// Parses the number after a sign at `sign_span`.
    fn signed(
        &mut self,
        negative: bool,
        sign_span: Span,
    ) -> Result<(OperandKind<'a>, Span), Poisoned> {
        let sign = if negative { '-' } else { '+' };
        match self.peek(0).cloned() {
            Some(Token {
                tok: Tok::Number(text),
                span,
            }) => {
                self.pos += 1;
                Ok((self.number(text, negative, span), sign_span.cover(span)))
            }
            Some(Token {
                tok: Tok::Bad | Tok::Garbage,
                span,
            }) => {
                self.pos += 1;
                Ok((OperandKind::Bad, sign_span.cover(span)))
            }
            // `-_5` lexes as a sign and a name, but is a number with a misplaced `_`.
            Some(Token {
                tok: Tok::Ident(word),
                span,
            }) if span.start == sign_span.end
                && word.starts_with('_')
                && word.bytes().any(|b| b.is_ascii_digit()) =>
            {
                self.pos += 1;
                let span = sign_span.cover(span);
                let text = self.text(span);
                self.diags
                    .push(number_error(text, ParseNumError::MisplacedUnderscore, span));
                Ok((OperandKind::Bad, span))
            }
            found => {
                let (span, found) = match found {
                    Some(t) => (t.span, format!(", found `{}`", shown(self.text(t.span)))),
                    None => (sign_span, String::new()),
                };
                self.syntax(
                    format!("expected a number after `{sign}`{found}"),
                    span,
                    None,
                );
                Err(Poisoned)
            }
        }
    }

    /// Parses an unsigned numeric literal, reporting what is wrong with it.
    fn number(&mut self, text: &str, negative: bool, span: Span) -> OperandKind<'a> {
        match text.parse::<Num>() {
            Ok(n) => OperandKind::Int(if negative { -n } else { n }),
            Err(e) => {
                self.diags.push(number_error(text, e, span));
                OperandKind::Bad
            }
        }
    }

    /// Parses a Store operand after its `[` at `open`.
    fn mem(&mut self, open: Span) -> Result<Operand<'a>, Poisoned> {
        let Some(t) = self.peek(0).cloned() else {
            self.syntax("expected `]` to close `[`".into(), open, None);
            return Err(Poisoned);
        };
        self.pos += 1;
        let (base, base_span) = match t.tok {
            Tok::Ident(word) => (
                match word_operand(word) {
                    OperandKind::Reg(r) => MemBase::Reg(r),
                    OperandKind::Sp => MemBase::Sp,
                    _ => MemBase::Name(word),
                },
                t.span,
            ),
            Tok::Number(text) => match self.number(text, false, t.span) {
                OperandKind::Int(n) => (MemBase::Int(n), t.span),
                _ => (MemBase::Bad, t.span),
            },
            Tok::Plus | Tok::Minus => match self.signed(t.tok == Tok::Minus, t.span)? {
                (OperandKind::Int(n), span) => (MemBase::Int(n), span),
                (_, span) => (MemBase::Bad, span),
            },
            Tok::Bad | Tok::Garbage => (MemBase::Bad, t.span),
            Tok::RBracket => {
                self.syntax(
                    "empty Store operand `[]`".into(),
                    open.cover(t.span),
                    Some("name a column, as in `[12]`, `[count]` or `[B+1]`".into()),
                );
                return Err(Poisoned);
            }
            _ => {
                let text = shown(self.text(t.span));
                self.syntax(
                    format!(
                        "expected an address, a name, a register or `SP` after `[`, found `{text}`"
                    ),
                    t.span,
                    None,
                );
                return Err(Poisoned);
            }
        };
        let offset = match self.peek(0).map(|t| &t.tok) {
            Some(Tok::Plus | Tok::Minus) => Some(self.offset()?),
            _ => None,
        };
        match self.peek(0) {
            Some(Token {
                tok: Tok::RBracket,
                span,
            }) => {
                let span = open.cover(*span);
                self.pos += 1;
                Ok(Operand {
                    kind: OperandKind::Mem(MemExpr {
                        base,
                        base_span,
                        offset,
                    }),
                    span,
                })
            }
            found => {
                let (span, found) = match found {
                    Some(t) => (t.span, format!(", found `{}`", shown(self.text(t.span)))),
                    None => (open, String::new()),
                };
                let hint = found
                    .is_empty()
                    .then(|| "every `[` needs a `]` on the same line".to_string());
                self.syntax(format!("expected `]` to close `[`{found}"), span, hint);
                Err(Poisoned)
            }
        }
    }

    /// Parses `+k` or `-k` inside brackets.
    fn offset(&mut self) -> Result<Offset<'a>, Poisoned> {
        let sign = self.tokens[self.pos].clone();
        self.pos += 1;
        let negative = sign.tok == Tok::Minus;
        let Some(t) = self.peek(0).cloned() else {
            self.syntax(
                "expected an offset after the sign, then `]`".into(),
                sign.span,
                None,
            );
            return Err(Poisoned);
        };
        let value = match t.tok {
            Tok::Number(text) => match self.number(text, false, t.span) {
                OperandKind::Int(n) => OffsetValue::Int(n),
                _ => OffsetValue::Bad,
            },
            Tok::Ident(word) => {
                match word_operand(word) {
                    OperandKind::Name(name) => OffsetValue::Name(name),
                    _ => {
                        self.diags.push(
                        Diagnostic::error(
                            "asm/operand-kind",
                            format!("the offset `{word}` must be an integer or a `.equ` constant"),
                            t.span,
                        )
                        .with_hint("only one register or `SP` can stand in a Store operand, as in `[B+3]`"),
                    );
                        OffsetValue::Bad
                    }
                }
            }
            Tok::Bad | Tok::Garbage => OffsetValue::Bad,
            _ => {
                let text = shown(self.text(t.span));
                self.syntax(
                    format!("expected an integer or a constant as the offset, found `{text}`"),
                    t.span,
                    None,
                );
                return Err(Poisoned);
            }
        };
        self.pos += 1;
        Ok(Offset {
            negative,
            value,
            span: t.span,
        })
    }
}

/// What a bare word means as an operand: a register, `SP` or a name.
fn word_operand(word: &str) -> OperandKind<'_> {
    if let Some(r) = Reg::from_name(word) {
        OperandKind::Reg(r)
    } else if word.eq_ignore_ascii_case("SP") {
        OperandKind::Sp
    } else {
        OperandKind::Name(word)
    }
}

/// The diagnostic for a numeric literal that does not parse.
fn number_error(text: &str, e: ParseNumError, span: Span) -> Diagnostic {
    let t = shown(text);
    match e {
        ParseNumError::TooLarge => Diagnostic::error(
            "asm/number-too-large",
            format!("the number `{t}` has more than 50 digits"),
            span,
        )
        .with_hint("a column holds at most 50 digits: −(10^50 − 1) … 10^50 − 1"),
        ParseNumError::MisplacedUnderscore => Diagnostic::error(
            "asm/bad-number",
            format!("misplaced `_` in the number `{t}`"),
            span,
        )
        .with_hint("`_` may only stand between two digits, as in `1_000_000`"),
        ParseNumError::Empty | ParseNumError::InvalidDigit => {
            let d = Diagnostic::error("asm/bad-number", format!("invalid number `{t}`"), span);
            let lower = text.to_ascii_lowercase();
            if lower.starts_with("0x") || lower.starts_with("0b") || lower.starts_with("0o") {
                d.with_hint("numbers are written in decimal")
            } else if text.contains('.') {
                d.with_hint(
                    "the Engine has no fractions: scale by a power of ten (see `SHL` and `SHR`)",
                )
            } else {
                d.with_hint("a number is decimal digits, with `_` allowed between two digits")
            }
        }
    }
}
