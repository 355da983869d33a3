//! The Python front end: the subset of Python 3 that LANGUAGES.md describes, checked and
//! lowered to the shared IR.
//!
//! The passes, each of which reports every problem it finds and carries on:
//!
//! 1. [`lexer`]: tokens, with `INDENT`/`DEDENT` by Python's indentation rules.
//! 2. [`parser`]: the syntax tree ([`ast`]), by recursive descent.
//! 3. [`sema`]: names resolved and every expression typed.
//! 4. [`flow`]: which reads might find a name without a value, to be checked when run.
//! 5. [`lower`]: the IR module, with the run-time support it calls.

mod ast;
mod flow;
mod lexer;
mod lower;
mod parser;
mod sema;

use diag::Diagnostic;

/// Compiles a Python source text to the IR: the module when there are no errors, and
/// every diagnostic in source order. `name` names the program (a file name, say); the
/// module does not depend on it. Never fails and never panics.
pub fn lower(name: &str, source: &str) -> ir::Lowering {
    let _ = name;
    let mut diags = Vec::new();
    let tokens = lexer::lex(source, &mut diags);
    // After a bracket that is never closed, the rest of the file is one logical line, and
    // what the later passes say of it only repeats that.
    let unclosed = diags
        .iter()
        .filter(|d| d.message.ends_with("was never closed"))
        .map(|d| d.span.start)
        .min();
    let mut later = Vec::new();
    let module = parser::parse(source, tokens, &mut later);
    let info = sema::analyse(source, &module, &mut later);
    diags.extend(
        later
            .into_iter()
            .filter(|d| unclosed.is_none_or(|at| d.span.start < at)),
    );
    let diagnostics = finish(diags);
    let module = (!diagnostics.iter().any(Diagnostic::is_error)).then(|| {
        let flow = flow::analyse(&module, &info);
        lower::lower(&module, &info, &flow)
    });
    ir::Lowering {
        module,
        diagnostics,
    }
}

/// Checks a source text and returns every diagnostic, in source order.
pub fn check(source: &str) -> Vec<Diagnostic> {
    lower("", source).diagnostics
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
