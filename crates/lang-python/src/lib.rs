//! The Python front end: the subset of Python 3 that LANGUAGES.md describes, checked and
//! lowered to the shared IR.
//!
//! The passes, each of which reports every problem it finds and carries on:
//!
//! 1. [`lexer`]: tokens, with `INDENT`/`DEDENT` by Python's indentation rules.
//! 2. [`parser`]: the syntax tree ([`ast`]), by recursive descent.
//! 3. [`sema`]: names resolved and every expression typed.

mod ast;
mod lexer;
mod parser;
mod sema;

use diag::Diagnostic;

/// Checks a source text and returns every diagnostic, in source order.
pub fn check(source: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let tokens = lexer::lex(source, &mut diags);
    let module = parser::parse(source, tokens, &mut diags);
    let _info = sema::analyse(source, &module, &mut diags);
    finish(diags)
}

/// Sorts diagnostics into source order, keeping only the first of any that start at the
/// same place (a token the lexer reported is not reported again by the parser).
fn finish(mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diags.sort_by_key(|d| (d.span.start, d.span.end));
    diags.dedup_by_key(|d| d.span.start);
    diags
}

/// The 1-based line of a byte offset.
fn line_of(source: &str, offset: u32) -> usize {
    let end = (offset as usize).min(source.len());
    source.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
