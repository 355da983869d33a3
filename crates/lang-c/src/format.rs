//! `printf` and `scanf` formats, read at compile time.
//!
//! A format is a string literal; each character carries its offset in the source, so a
//! bad conversion is reported where it is written.

use diag::{Diagnostic, Span};

/// What a `printf` conversion prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ConvKind {
    /// `%d`, `%i`, `%ld`, `%lld`: a number in decimal.
    Int,
    /// `%c`: a character code.
    Char,
    /// `%s`: a string literal.
    Str,
}

/// One `printf` conversion with its width and flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Conv {
    pub(crate) kind: ConvKind,
    /// The minimum field width (0 for none).
    pub(crate) width: u32,
    /// `-`: pad on the right.
    pub(crate) left: bool,
    /// `0`: pad numbers with zeros after the sign (ignored with `-`, as C says).
    pub(crate) zero: bool,
    /// From the `%` to the conversion character.
    pub(crate) span: Span,
}

/// A piece of a `printf` format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Text printed as it is (`%%` becomes `%` here).
    Text(String),
    Conv(Conv),
}

fn unsupported(what: impl std::fmt::Display, span: Span) -> Diagnostic {
    Diagnostic::error(
        "c/unsupported",
        format!("not supported in this subset: {what}"),
        span,
    )
}

/// The widest field width accepted; wider ones are surely mistakes, and would make the
/// output enormous.
const MAX_WIDTH: u32 = 1000;

/// Reads a `printf` format into pieces, or the diagnostics that say why it is not one.
pub(crate) fn parse_printf(chars: &[(char, u32)]) -> Result<Vec<Piece>, Vec<Diagnostic>> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut diags = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (c, at) = chars[i];
        i += 1;
        if c != '%' {
            text.push(c);
            continue;
        }
        let start = at as usize;
        let mut conv = Conv {
            kind: ConvKind::Int,
            width: 0,
            left: false,
            zero: false,
            span: Span::new(start, start + 1),
        };
        let span_to = |i: usize| -> Span {
            let end = chars
                .get(i.saturating_sub(1))
                .map_or(start + 1, |&(c, at)| at as usize + c.len_utf8());
            Span::new(start, end)
        };
        // Flags.
        while let Some(&(f, _)) = chars.get(i) {
            match f {
                '-' => conv.left = true,
                '0' => conv.zero = true,
                '+' | ' ' | '#' | '\'' => {
                    diags.push(
                        unsupported(format_args!("the `printf` flag `{f}`"), span_to(i + 1))
                            .with_hint(
                                "the flags are `-` (pad on the right) and `0` (pad with zeros)",
                            ),
                    );
                }
                _ => break,
            }
            i += 1;
        }
        // Width.
        let mut width: u64 = 0;
        while let Some(&(d, _)) = chars.get(i) {
            let Some(d) = d.to_digit(10) else { break };
            width = (width * 10 + u64::from(d)).min(u64::from(u32::MAX));
            i += 1;
        }
        if width > u64::from(MAX_WIDTH) {
            diags.push(Diagnostic::error(
                "c/format",
                format!("field width {width} is wider than {MAX_WIDTH}"),
                span_to(i),
            ));
        }
        conv.width = width.min(u64::from(MAX_WIDTH)) as u32;
        if let Some(&(s @ ('*' | '.'), _)) = chars.get(i) {
            i += 1;
            let what = if s == '*' {
                "widths given by `*`"
            } else {
                "precisions (`.`) in `printf`"
            };
            diags.push(unsupported(what, span_to(i)));
            while chars
                .get(i)
                .is_some_and(|&(d, _)| d.is_ascii_digit() || d == '*')
            {
                i += 1;
            }
        }
        // Length: `l` and `ll` go with `d` and `i`.
        let mut long = 0;
        while let Some(&('l', _)) = chars.get(i) {
            long += 1;
            i += 1;
        }
        if let Some(&(m @ ('h' | 'z' | 'j' | 't' | 'L'), _)) = chars.get(i) {
            i += 1;
            diags.push(unsupported(
                format_args!("the length modifier `{m}`"),
                span_to(i),
            ));
        }
        let Some(&(k, _)) = chars.get(i) else {
            diags.push(
                Diagnostic::error("c/format", "`%` at the end of the format", span_to(i))
                    .with_hint("write `%%` to print `%`"),
            );
            break;
        };
        i += 1;
        conv.span = span_to(i);
        let shown = conv.span;
        match k {
            'd' | 'i' if long <= 2 => conv.kind = ConvKind::Int,
            'c' | 's' if long == 0 => {
                conv.kind = if k == 'c' {
                    ConvKind::Char
                } else {
                    ConvKind::Str
                };
                if conv.zero && !conv.left {
                    diags.push(unsupported(format_args!("the flag `0` with `%{k}`"), shown));
                }
            }
            '%' if conv.width == 0 && !conv.left && !conv.zero && long == 0 => {
                text.push('%');
                continue;
            }
            'd' | 'i' | 'c' | 's' | '%' => diags.push(unsupported(
                format_args!("the conversion `{}`", conv_text(chars, shown)),
                shown,
            )),
            'u' | 'x' | 'X' | 'o' => {
                diags.push(
                    unsupported(format_args!("the conversion `%{k}`"), shown)
                        .with_hint("print numbers in decimal with `%d`"),
                );
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' | 'a' | 'A' => {
                diags.push(
                    unsupported(format_args!("floating point (`%{k}`)"), shown)
                        .with_hint("every number on the Engine is an integer"),
                );
            }
            'p' | 'n' => diags.push(unsupported(format_args!("the conversion `%{k}`"), shown)),
            _ => diags.push(
                Diagnostic::error(
                    "c/format",
                    format!("unknown conversion `{}`", conv_text(chars, shown)),
                    shown,
                )
                .with_hint("the conversions are `%d`, `%ld`, `%c`, `%s` and `%%`"),
            ),
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(std::mem::take(&mut text)));
        }
        pieces.push(Piece::Conv(conv));
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    if diags.is_empty() {
        Ok(pieces)
    } else {
        Err(diags)
    }
}

/// The text of a conversion as written (for messages).
fn conv_text(chars: &[(char, u32)], span: Span) -> String {
    chars
        .iter()
        .filter(|&&(_, at)| at >= span.start && at < span.end)
        .flat_map(|&(c, _)| c.escape_debug())
        .collect()
}

/// Reads a `scanf` format: the span of each conversion, in order. Only `%d` (and `%ld`,
/// `%lld`, `%i`) separated by white space are in the subset.
pub(crate) fn parse_scanf(chars: &[(char, u32)]) -> Result<Vec<Span>, Vec<Diagnostic>> {
    let mut convs = Vec::new();
    let mut diags = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (c, at) = chars[i];
        i += 1;
        if c.is_whitespace() {
            continue;
        }
        let start = at as usize;
        if c != '%' {
            // The whole run of text is one mistake.
            let mut text = String::from(c);
            let mut end = start + c.len_utf8();
            while let Some(&(c, at)) = chars
                .get(i)
                .filter(|(c, _)| !c.is_whitespace() && *c != '%')
            {
                text.push(c);
                end = at as usize + c.len_utf8();
                i += 1;
            }
            diags.push(
                unsupported(
                    format_args!("text other than conversions in a `scanf` format (`{text}`)"),
                    Span::new(start, end),
                )
                .with_hint("number cards hold only numbers: use `%d` separated by spaces"),
            );
            continue;
        }
        let mut long = 0;
        while let Some(&('l', _)) = chars.get(i) {
            long += 1;
            i += 1;
        }
        let end = chars
            .get(i)
            .map_or(start + 1, |&(c, at)| at as usize + c.len_utf8());
        let span = Span::new(start, end);
        match chars.get(i) {
            Some(&('d' | 'i', _)) if long <= 2 => convs.push(span),
            Some(_) => diags.push(
                unsupported(
                    format_args!("the `scanf` conversion `{}`", conv_text(chars, span)),
                    span,
                )
                .with_hint("`scanf` reads number cards with `%d`"),
            ),
            None => diags.push(Diagnostic::error(
                "c/format",
                "`%` at the end of the format",
                span,
            )),
        }
        i += 1;
    }
    if diags.is_empty() {
        Ok(convs)
    } else {
        Err(diags)
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    fn chars(s: &str) -> Vec<(char, u32)> {
        s.char_indices().map(|(i, c)| (c, i as u32)).collect()
    }

    fn check(format: &str, expect: Expect) {
        let out = match parse_printf(&chars(format)) {
            Ok(pieces) => pieces
                .iter()
                .map(|p| match p {
                    Piece::Text(t) => format!("{t:?}\n"),
                    Piece::Conv(c) => format!(
                        "{:?} width {} left {} zero {} at {}..{}\n",
                        c.kind, c.width, c.left, c.zero, c.span.start, c.span.end
                    ),
                })
                .collect::<String>(),
            Err(diags) => diags
                .iter()
                .map(|d| {
                    format!(
                        "{} {}..{}: {}\n",
                        d.code, d.span.start, d.span.end, d.message
                    )
                })
                .collect(),
        };
        expect.assert_eq(&out);
    }

    #[test]
    fn conversions_widths_and_flags() {
        check(
            "n=%d %5ld|%-5d|%05d %c%s 100%% %-3s\n",
            expect![[r#"
                "n="
                Int width 0 left false zero false at 2..4
                " "
                Int width 5 left false zero false at 5..9
                "|"
                Int width 5 left true zero false at 10..14
                "|"
                Int width 5 left false zero true at 15..19
                " "
                Char width 0 left false zero false at 20..22
                Str width 0 left false zero false at 22..24
                " 100% "
                Str width 3 left true zero false at 31..35
                "\n"
            "#]],
        );
    }

    #[test]
    fn conversions_outside_the_subset() {
        check(
            "%x %f %+d %.2d %hd %q %lc %",
            expect![[r#"
            c/unsupported 0..2: not supported in this subset: the conversion `%x`
            c/unsupported 3..5: not supported in this subset: floating point (`%f`)
            c/unsupported 6..8: not supported in this subset: the `printf` flag `+`
            c/unsupported 10..12: not supported in this subset: precisions (`.`) in `printf`
            c/unsupported 15..17: not supported in this subset: the length modifier `h`
            c/format 19..21: unknown conversion `%q`
            c/unsupported 22..25: not supported in this subset: the conversion `%lc`
            c/format 26..27: `%` at the end of the format
        "#]],
        );
    }

    #[test]
    fn scanf_formats() {
        assert_eq!(parse_scanf(&chars("%d %ld\n%d")).map(|v| v.len()), Ok(3));
        let errors = parse_scanf(&chars("x=%d %s")).unwrap_err();
        let messages: Vec<_> = errors.iter().map(|d| d.message.as_str()).collect();
        expect![[r#"
            [
                "not supported in this subset: text other than conversions in a `scanf` format (`x=`)",
                "not supported in this subset: the `scanf` conversion `%s`",
            ]
        "#]].assert_debug_eq(&messages);
    }
}
