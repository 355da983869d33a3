//! The Python front end: the subset of Python 3 that LANGUAGES.md describes, checked and
//! lowered to the shared IR.
//!
//! The passes, each of which reports every problem it finds and carries on:
//!
//! 1. `lexer`: tokens, with `INDENT`/`DEDENT` by Python's indentation rules, implicit
//!    line joining inside brackets, backslash continuations and f-strings.
//! 2. `parser`: the syntax tree (`ast`), by recursive descent with Python's precedence;
//!    nesting is limited so that no input exhausts the stack.
//! 3. `sema`: every name resolved by Python's scoping rules before anything runs, and
//!    every variable and expression given one type (`int`, `bool`, list of `int`, or
//!    `None`) by unification, since printing must match CPython.
//! 4. `flow`: which reads might find a name without a value, to be checked when run.
//! 5. `lower`: the IR module, with the run-time support (lists and their methods,
//!    printing a list, `**`, `sum`/`min`/`max` of a list) as IR functions named `py.…`.
//!    Module-level code is the entry function `py.main`.
//!
//! **Compiling never fails**: [`lower`] returns the module when there are no errors and
//! every diagnostic in source order; no input makes it panic or hang.
//!
//! ## Diagnostic codes
//!
//! | Code | What is wrong |
//! | --- | --- |
//! | `py/syntax` | not Python: a missing `)` or `:`, `=` in a condition, an invalid number, an unterminated string, `break` outside a loop, … |
//! | `py/indentation` | "unexpected indent", "expected an indented block", "unindent does not match any outer indentation level", "inconsistent use of tabs and spaces in indentation" (CPython's words) |
//! | `py/undeclared-name` | a name bound nowhere in its scope, with a "did you mean" hint |
//! | `py/type-mismatch` | what Python would reject with a `TypeError` when the line ran: `[1] + 1`, `len(5)`, indexing an int |
//! | `py/arity` | a call with too many or too few arguments, or an unknown keyword |
//! | `py/unsupported` | valid Python outside the subset: "not supported in this subset: …" (floats, strings as values, tuples as values, dicts, classes, exceptions, imports, `lambda`, generators, format specifications, a variable holding two types, …) |
//!
//! ## Run-time faults
//!
//! Faults name the line of the operation (operator, index or call). Where Python raises
//! an exception that the machine has no fault for, the run faults as follows:
//!
//! - `**` with a negative exponent (a float in Python): `not supported in this subset`,
//!   when it runs (the exponent is often a variable).
//! - `range` with a step of zero (`ValueError`): `not supported in this subset`.
//! - `pop` from an empty list, `min`/`max` of an empty list, `index` of a value not in
//!   the list (`IndexError` or `ValueError`): `index out of range`.
//! - A name read before it has a value (`NameError`, `UnboundLocalError`): `name used
//!   before it was given a value`. Only reads that might find no value are checked.
//! - Values beyond 50 digits fault with `overflow`, where Python would carry on.

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
