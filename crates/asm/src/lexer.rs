//! Splitting one line of assembly into tokens, reporting malformed literals as it goes.
//!
//! The lexer works on one line at a time (statements never span lines) and never fails: a
//! malformed token is reported once and becomes [`Tok::Bad`], which the parser accepts
//! wherever an operand may stand, so that one mistake yields one diagnostic.

use diag::{Diagnostic, Span};

use crate::names::shown;

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Tok<'a> {
    /// `[A-Za-z_][A-Za-z0-9_.]*`: a mnemonic, register, `SP` or name.
    Ident(&'a str),
    /// `.name`, stored without the dot.
    Directive(&'a str),
    /// Digits, possibly followed by letters, `_` or `.` that make it invalid; the parser
    /// decides.
    Number(&'a str),
    /// A well-formed character literal.
    Char(char),
    /// A well-formed string literal, escapes decoded.
    Str(String),
    Comma,
    Colon,
    LBracket,
    RBracket,
    Plus,
    Minus,
    /// A malformed literal, already reported.
    Bad,
    /// Characters that start no token, already reported. A line holding these is likely
    /// garbled beyond what further diagnostics could usefully say.
    Garbage,
}

/// A token and where it is.
#[derive(Clone, Debug)]
pub(crate) struct Token<'a> {
    pub(crate) tok: Tok<'a>,
    pub(crate) span: Span,
}

/// Lexes one line (without its line ending), which starts at byte `base` of the source.
pub(crate) fn lex_line<'a>(
    line: &'a str,
    base: usize,
    tokens: &mut Vec<Token<'a>>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut lexer = Lexer { line, base, diags };
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let tok = match bytes[i] {
            b';' | b'#' => break,
            b' ' | b'\t' => {
                i += 1;
                continue;
            }
            b',' => {
                i += 1;
                Tok::Comma
            }
            b':' => {
                i += 1;
                Tok::Colon
            }
            b'[' => {
                i += 1;
                Tok::LBracket
            }
            b']' => {
                i += 1;
                Tok::RBracket
            }
            b'+' => {
                i += 1;
                Tok::Plus
            }
            b'-' => {
                i += 1;
                Tok::Minus
            }
            b'\'' => {
                let (tok, end) = lexer.char_literal(i);
                i = end;
                tok
            }
            b'"' => {
                let (tok, end) = lexer.string_literal(i);
                i = end;
                tok
            }
            b'.' => {
                i = word_end(bytes, i + 1);
                Tok::Directive(&line[start + 1..i])
            }
            b'0'..=b'9' => {
                i = word_end(bytes, i + 1);
                Tok::Number(&line[start..i])
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                i = word_end(bytes, i + 1);
                Tok::Ident(&line[start..i])
            }
            _ => {
                let Some(c) = line[i..].chars().next() else {
                    break;
                };
                if c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                // One diagnostic for a whole run of stray characters, not one per character.
                let mut end = i;
                while let Some(c) = line[end..].chars().next() {
                    if starts_token(c) || c.is_whitespace() {
                        break;
                    }
                    end += c.len_utf8();
                }
                let text = &line[i..end];
                let what = if text.chars().nth(1).is_some() {
                    "characters"
                } else {
                    "character"
                };
                let mut d = Diagnostic::error(
                    "asm/unexpected-char",
                    format!("unexpected {what} `{}`", shown(text)),
                    lexer.span(i, end),
                );
                if text.starts_with(['\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}']) {
                    d = d.with_hint("use straight quotes `'` and `\"`, not typographic ones");
                }
                lexer.diags.push(d);
                i = end;
                Tok::Garbage
            }
        };
        tokens.push(Token {
            tok,
            span: lexer.span(start, i),
        });
    }
}

/// The end of a run of identifier characters starting at `i`.
fn word_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'.')
    {
        i += 1;
    }
    i
}

/// Whether a character starts some token (or a comment), so that a run of stray
/// characters ends before it.
fn starts_token(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_,:[]+-'\".;#".contains(c)
}

/// The character at byte `i` of `s`, if `i` is inside `s`.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|rest| rest.chars().next())
}

struct Lexer<'l, 'a> {
    line: &'a str,
    base: usize,
    diags: &'l mut Vec<Diagnostic>,
}

impl Lexer<'_, '_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    fn error(&mut self, code: &str, message: String, start: usize, end: usize) -> &mut Diagnostic {
        let span = self.span(start, end);
        self.diags.push(Diagnostic::error(code, message, span));
        self.diags.last_mut().expect("just pushed")
    }

    /// Lexes a character literal whose `'` is at `i`; returns the token and where it ends.
    fn char_literal(&mut self, i: usize) -> (Tok<'static>, usize) {
        let line = self.line;
        let j = i + 1;
        let Some(c) = char_at(line, j) else {
            self.unterminated_char(i, j);
            return (Tok::Bad, j);
        };
        if c == '\'' {
            let (end, message) = if char_at(line, j + 1) == Some('\'') {
                (j + 2, "write a quote character as `'\\''`".to_string())
            } else {
                (j + 1, "empty character literal `''`".to_string())
            };
            self.error("asm/bad-char", message, i, end).hints.push(
                "a character literal holds exactly one character, as in `'x'` or `'\\''`".into(),
            );
            return (Tok::Bad, end);
        }
        let (value, k) = if c == '\\' {
            self.escape(j)
        } else {
            (Some(c), j + c.len_utf8())
        };
        match char_at(line, k) {
            Some('\'') => (value.map_or(Tok::Bad, Tok::Char), k + 1),
            // A closing quote further on makes this a literal of several characters, but
            // not one past a `;` or `#`: that is a comment's apostrophe (`'b ; it's`).
            Some(_) => match line[k..]
                .find(['\'', ';', '#'])
                .filter(|&o| line[k + o..].starts_with('\''))
            {
                Some(offset) => {
                    let end = k + offset + 1;
                    let text = shown(&line[i..end]);
                    self.error(
                        "asm/bad-char",
                        format!("character literal `{text}` holds more than one character"),
                        i,
                        end,
                    )
                    .hints
                    .push("text belongs in a string in `.data`, as in `.data msg \"text\"`".into());
                    (Tok::Bad, end)
                }
                None => {
                    self.unterminated_char(i, k);
                    (Tok::Bad, k)
                }
            },
            None => {
                self.unterminated_char(i, k);
                (Tok::Bad, k)
            }
        }
    }

    fn unterminated_char(&mut self, start: usize, end: usize) {
        let text = shown(&self.line[start..end]);
        self.error(
            "asm/unterminated-char",
            format!("unterminated character literal `{text}`"),
            start,
            end,
        )
        .hints
        .push("close it with `'`, as in `'x'`".into());
    }

    /// Lexes a string literal whose `"` is at `i`; returns the token and where it ends.
    fn string_literal(&mut self, i: usize) -> (Tok<'static>, usize) {
        let line = self.line;
        let mut text = String::new();
        let mut ok = true;
        let mut j = i + 1;
        loop {
            match char_at(line, j) {
                None => {
                    let end = line.trim_end().len().max(i + 1);
                    let shown_text = shown(&line[i..end]);
                    self.error(
                        "asm/unterminated-string",
                        format!("unterminated string `{shown_text}`"),
                        i,
                        end,
                    )
                    .hints
                    .push("close it with `\"` on the same line".into());
                    return (Tok::Bad, line.len());
                }
                Some('"') => return (if ok { Tok::Str(text) } else { Tok::Bad }, j + 1),
                Some('\\') => {
                    let (value, next) = self.escape(j);
                    match value {
                        Some(c) => text.push(c),
                        None => ok = false,
                    }
                    j = next;
                }
                Some(c) => {
                    text.push(c);
                    j += c.len_utf8();
                }
            }
        }
    }

    /// Decodes the escape whose `\` is at `j`; returns the character (`None` if malformed,
    /// reported here unless the line ends, which the caller reports as unterminated) and
    /// where the escape ends.
    fn escape(&mut self, j: usize) -> (Option<char>, usize) {
        let Some(e) = char_at(self.line, j + 1) else {
            return (None, j + 1);
        };
        let end = j + 1 + e.len_utf8();
        let value = match e {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0' => '\0',
            '\\' => '\\',
            '\'' => '\'',
            '"' => '"',
            _ => {
                let text = shown(&self.line[j..end]);
                self.error("asm/bad-escape", format!("unknown escape `{text}`"), j, end)
                    .hints
                    .push(
                        "the escapes are `\\n`, `\\t`, `\\r`, `\\0`, `\\\\`, `\\'` and `\\\"`"
                            .into(),
                    );
                return (None, end);
            }
        };
        (Some(value), end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(line: &str) -> (Vec<Tok<'_>>, Vec<String>) {
        let mut tokens = Vec::new();
        let mut diags = Vec::new();
        lex_line(line, 0, &mut tokens, &mut diags);
        let tokens = tokens.into_iter().map(|t| t.tok).collect();
        (
            tokens,
            diags
                .into_iter()
                .map(|d| format!("{} {}", d.code, d.message))
                .collect(),
        )
    }

    #[test]
    fn comment_characters_inside_literals_are_ordinary() {
        let (tokens, diags) = lex("WRCHR ';' # comment 'x");
        assert_eq!(tokens, [Tok::Ident("WRCHR"), Tok::Char(';')]);
        assert!(diags.is_empty());
        let (tokens, _) = lex(r#".data s "a;b#c\"" ; done"#);
        assert_eq!(tokens[2], Tok::Str("a;b#c\"".into()));
    }

    #[test]
    fn escapes_and_malformed_literals() {
        let (tokens, _) = lex(r#"'\n' '\t' '\r' '\0' '\\' '\'' '\"' '→'"#);
        let expected = ['\n', '\t', '\r', '\0', '\\', '\'', '"', '→'].map(Tok::Char);
        assert_eq!(tokens, expected);
        for (text, code) in [
            ("'ab'", "asm/bad-char"),
            ("''", "asm/bad-char"),
            ("'''", "asm/bad-char"),
            ("'a", "asm/unterminated-char"),
            ("'\\", "asm/unterminated-char"),
            ("'\\'", "asm/unterminated-char"),
            ("'\\q'", "asm/bad-escape"),
            ("\"abc", "asm/unterminated-string"),
            ("\"ab\\", "asm/unterminated-string"),
            ("@@é", "asm/unexpected-char"),
        ] {
            let (tokens, diags) = lex(text);
            assert_eq!(diags.len(), 1, "{text}: {diags:?}");
            assert!(diags[0].starts_with(code), "{text}: {diags:?}");
            assert!(
                matches!(tokens[..], [Tok::Bad | Tok::Garbage]),
                "{text}: {tokens:?}"
            );
        }
    }
}
