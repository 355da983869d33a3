//! Token streams, indentation above all, as inline snapshots.

use expect_test::{Expect, expect};

use super::*;

/// Lexes `source` and shows one token per line with its text, then the diagnostics.
fn check(source: &str, expect: Expect) {
    let mut diags = Vec::new();
    let tokens = lex(source, &mut diags);
    let mut out = String::new();
    for t in &tokens {
        let text = &source[t.span.range()];
        let line = match &t.tok {
            Tok::Newline => "NEWLINE".to_owned(),
            Tok::Indent => "INDENT".to_owned(),
            Tok::Dedent => "DEDENT".to_owned(),
            Tok::Eof => "EOF".to_owned(),
            Tok::Int(v) => format!("int {v}"),
            Tok::Str { value, .. } => format!("str {value:?}"),
            Tok::FStr(parts) => {
                let parts: Vec<String> = parts
                    .iter()
                    .map(|p| match p {
                        FPart::Text(t) => format!("{t:?}"),
                        FPart::Field { tokens, .. } => format!("{{{} tokens}}", tokens.len()),
                    })
                    .collect();
                format!("fstr {}", parts.join(" "))
            }
            _ => format!("{text:?}"),
        };
        out.push_str(line.trim_end());
        out.push('\n');
    }
    for d in &diags {
        out.push_str(&format!(
            "{}: {} [{}]\n",
            crate::line_of(source, d.span.start),
            d.message,
            d.code
        ));
    }
    expect.assert_eq(&out);
}

#[test]
fn blocks_indent_and_dedent() {
    check(
        "if x:\n    y = 1\n\n    # comment\n        \nz\n",
        expect![[r#"
            "if"
            "x"
            ":"
            NEWLINE
            INDENT
            "y"
            "="
            int 1
            NEWLINE
            DEDENT
            "z"
            NEWLINE
            EOF
        "#]],
    );
}

#[test]
fn brackets_and_backslashes_join_lines() {
    check(
        "x = (1 +\n  2) + \\\n 3\nprint([1,\n2])",
        expect![[r#"
            "x"
            "="
            "("
            int 1
            "+"
            int 2
            ")"
            "+"
            int 3
            NEWLINE
            "print"
            "("
            "["
            int 1
            ","
            int 2
            "]"
            ")"
            NEWLINE
            EOF
        "#]],
    );
}

#[test]
fn dedents_close_every_open_block_at_the_end() {
    check(
        "def f():\n  if a:\n    pass",
        expect![[r#"
            "def"
            "f"
            "("
            ")"
            ":"
            NEWLINE
            INDENT
            "if"
            "a"
            ":"
            NEWLINE
            INDENT
            "pass"
            NEWLINE
            DEDENT
            DEDENT
            EOF
        "#]],
    );
}

#[test]
fn indentation_errors_as_cpython_words_them() {
    check(
        "if a:\n        b\n    c\nif d:\n\te\n        f\n",
        expect![[r#"
            "if"
            "a"
            ":"
            NEWLINE
            INDENT
            "b"
            NEWLINE
            DEDENT
            "c"
            NEWLINE
            "if"
            "d"
            ":"
            NEWLINE
            INDENT
            "e"
            NEWLINE
            "f"
            NEWLINE
            DEDENT
            EOF
            3: unindent does not match any outer indentation level [py/indentation]
            6: inconsistent use of tabs and spaces in indentation [py/indentation]
        "#]],
    );
}

#[test]
fn numbers_and_strings() {
    check(
        r#"0 12_345 0x1F 0b101 1.5 2e3 012 12ab 'a\tb' "q\"" r'\n' f"x={x} {{y}}" b'z'"#,
        expect![[r#"
            int 0
            int 12345
            int 31
            int 5
            "1.5"
            "2e3"
            "012"
            "12ab"
            str "a\tb"
            str "q\""
            str "\\n"
            fstr "x=" {2 tokens} " {y}"
            str "z"
            NEWLINE
            EOF
            1: leading zeros in decimal integer literals are not permitted: `012` [py/syntax]
            1: invalid number `12ab` [py/syntax]
        "#]],
    );
}

#[test]
fn malformed_tokens_are_reported_once() {
    check(
        "x = 'open\ny = 1 $ 2\nz = (1, ]\nw = 100000000000000000000000000000000000000000000000000\nf'{a:5}' f'{b!r}' f'{}'\n(",
        expect![[r#"
            "x"
            "="
            "'open"
            NEWLINE
            "y"
            "="
            int 1
            "$"
            int 2
            NEWLINE
            "z"
            "="
            "("
            int 1
            ","
            "]"
            NEWLINE
            "w"
            "="
            "100000000000000000000000000000000000000000000000000"
            NEWLINE
            fstr {2 tokens}
            fstr {2 tokens}
            fstr
            NEWLINE
            "("
            NEWLINE
            EOF
            1: unterminated string literal [py/syntax]
            2: unexpected character `$` [py/syntax]
            3: closing parenthesis `]` does not match opening parenthesis `(` [py/syntax]
            4: not supported in this subset: the integer `100000000000000000000000000000000000000000000000000` has more than 50 digits [py/unsupported]
            5: not supported in this subset: format specifications in f-strings (`:5`) [py/unsupported]
            5: not supported in this subset: conversions in f-strings (`!r`) [py/unsupported]
            5: f-string: empty expression not allowed [py/syntax]
            6: `(` was never closed [py/syntax]
        "#]],
    );
}

#[test]
fn crlf_and_form_feed() {
    check(
        "if a:\r\n  b\r\n\x0cc\r\n",
        expect![[r#"
            "if"
            "a"
            ":"
            NEWLINE
            INDENT
            "b"
            NEWLINE
            DEDENT
            "c"
            NEWLINE
            EOF
        "#]],
    );
}

#[test]
fn indentation_inside_brackets_and_after_backslashes_does_not_count() {
    check(
        "xs = [1,  # one\n        2,\n  3]\nif a and \\\n        b:\n\tc = 1\n\td = \\ 2\n",
        expect![[r#"
            "xs"
            "="
            "["
            int 1
            ","
            int 2
            ","
            int 3
            "]"
            NEWLINE
            "if"
            "a"
            "and"
            "b"
            ":"
            NEWLINE
            INDENT
            "c"
            "="
            int 1
            NEWLINE
            "d"
            "="
            "\\"
            int 2
            NEWLINE
            DEDENT
            EOF
            7: unexpected character after line continuation character `\` [py/syntax]
        "#]],
    );
}

#[test]
fn too_many_levels_of_indentation() {
    let mut source = String::new();
    for depth in 0..102 {
        source.push_str(&" ".repeat(depth));
        source.push_str("if x:\n");
    }
    let mut diags = Vec::new();
    lex(&source, &mut diags);
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages, ["too many levels of indentation"]);
}

#[test]
fn line_breaks_in_strings_are_newlines_and_named_escapes_are_reported() {
    check(
        "s = \"\"\"a\r\nb\"\"\"\nt = '\\N{BULLET}'\n",
        expect![[r#"
            "s"
            "="
            str "a\nb"
            NEWLINE
            "t"
            "="
            str "{BULLET}"
            NEWLINE
            EOF
            3: not supported in this subset: named escapes (`\N{BULLET}`) [py/unsupported]
        "#]],
    );
}
