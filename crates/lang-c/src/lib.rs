//! The C front end: the subset of C in LANGUAGES.md, checked and lowered to the shared IR.
//!
//! [`lower`] runs the whole pipeline; [`check`] stops before lowering:
//!
//! 1. **Lexing** (`lexer.rs`), with the subset's preprocessor: `#include <…>` lines are
//!    dropped, `#define NAME integer` constants replace later uses of the name, and any
//!    other directive is reported as unsupported.
//! 2. **Parsing** (`parser.rs`), by recursive descent with precedence climbing, into the
//!    tree of `ast.rs` with byte spans. Syntax errors are reported and the parser
//!    recovers at the next `;` or block boundary; constructs of C outside the subset
//!    (structs, pointers, floating point, `goto`, casts, `sizeof`, …) are recognised and
//!    reported as "not supported in this subset: …". Nesting is limited (200 levels), so
//!    no input exhausts the stack of any pass.
//! 3. **Checking** (`check.rs`): names are resolved in source order with block scope and
//!    shadowing; types (`int`, `long`, `void`, arrays, array parameters), `const`,
//!    lvalues, call arity and argument kinds, and `printf`/`scanf` formats are checked;
//!    array sizes and `case` labels are evaluated.
//! 4. **Lowering** (`lower.rs`) to an [`ir::Module`], only when there are no errors.
//!    Globals become IR globals, local scalars IR variables, local arrays frame arrays;
//!    an array parameter is two IR parameters, the array's address and its length, so
//!    that every index is checked. Call arguments are evaluated right to left, as gcc
//!    does (C leaves the order open, and programs that print in their arguments show
//!    it). `printf` formats are read at compile time; numbers in a field go through a
//!    helper function, `printf.pad`, added to the module when a program needs it.
//!
//! **Compiling never fails**: every problem is a [`diag::Diagnostic`], all of them are
//! reported at once in source order, and no input makes the front end panic or hang.
//!
//! ## Diagnostic codes
//!
//! | Code | What is wrong |
//! | --- | --- |
//! | `c/syntax` | a missing `;`, bracket or operand; a stray token |
//! | `c/unexpected-char` | a character that starts no token (`@`, a non-ASCII letter) |
//! | `c/unterminated` | a string, character constant or comment not closed |
//! | `c/bad-escape`, `c/bad-char`, `c/bad-number` | malformed literals |
//! | `c/number-too-large` | a constant of more than 50 digits |
//! | `c/unsupported` | anything outside the subset ("not supported in this subset: …") |
//! | `c/undeclared-name` | an undeclared variable, function or type name, with "did you mean" |
//! | `c/redefinition` | a name declared twice in one scope (labelled with the first) |
//! | `c/type-mismatch` | arrays, `void` and numbers confused; conflicting declarations |
//! | `c/not-lvalue` | assigning to (or incrementing, or reading into) a value |
//! | `c/const` | changing a `const` variable or array, or passing one where it may change |
//! | `c/argument-count` | a call with too many or too few arguments |
//! | `c/format` | a `printf` or `scanf` format that does not match its arguments |
//! | `c/not-constant` | an array size, `case` label or global initialiser that is not constant |
//! | `c/array-size`, `c/initializer` | an array of no elements, too many, or too many initial values |
//! | `c/overflow`, `c/division-by-zero` | in a constant expression |
//! | `c/misplaced` | `break`, `continue`, `case` or `default` where they cannot be |
//! | `c/duplicate-case` | a `case` value or `default` twice in one `switch` |
//! | `c/main` | no `main`, or one that is not `int main(void)` |
//! | `c/undefined-function` | a function declared and called but never defined |
//! | `c/too-deep` | nesting deeper than the parser allows |
//! | `c/assign-in-condition` | a warning: `if (x = 0)`, which assigns where `==` was likely meant |
//! | `c/index-range` | a warning: a constant index outside an array of known length |
//! | `c/missing-return` | a warning: a function returning a number can reach its end |

mod ast;
mod check;
mod consts;
mod format;
mod lexer;
mod lower;
mod parser;

use diag::Diagnostic;

/// Compiles a C source text to the IR: the module when there are no errors, and every
/// diagnostic (warnings too) in source order. `name` is the program's file name; the
/// module has no place for it, so it changes nothing, but every front end takes one.
pub fn lower(name: &str, source: &str) -> ir::Lowering {
    let _ = name;
    let (program, syms, diagnostics) = front(source);
    let module = if diagnostics.iter().any(Diagnostic::is_error) {
        None
    } else {
        Some(lower::lower(&program, &syms))
    };
    ir::Lowering {
        module,
        diagnostics,
    }
}

/// Checks a C source text without lowering it, and returns every diagnostic, in source
/// order.
pub fn check(source: &str) -> Vec<Diagnostic> {
    front(source).2
}

/// Lexes, parses and checks.
fn front(source: &str) -> (ast::Program, check::Symbols, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let tokens = lexer::lex(source, &mut diags);
    let mut program = parser::parse(source, tokens, &mut diags);
    let syms = check::check(source, &mut program, &mut diags);
    diags.sort_by_key(|d| d.span.start);
    (program, syms, diags)
}
