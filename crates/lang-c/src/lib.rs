//! The C front end: the subset of C in LANGUAGES.md, checked and lowered to the shared IR.

mod ast;
mod check;
mod consts;
mod format;
mod lexer;
mod parser;

/// Checks a C source text and returns every diagnostic, in source order.
pub fn check(source: &str) -> Vec<diag::Diagnostic> {
    let mut diags = Vec::new();
    let tokens = lexer::lex(source, &mut diags);
    let mut program = parser::parse(source, tokens, &mut diags);
    let _ = check::check(source, &mut program, &mut diags);
    diags.sort_by_key(|d| d.span.start);
    diags
}
