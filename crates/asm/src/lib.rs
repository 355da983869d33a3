//! The Babbage assembler and disassembler.
//!
//! [`assemble`] turns the assembly language of ISA.md §3, §5 and §8 into an
//! [`isa::Program`] in two passes:
//!
//! 1. **Reading.** Each line is lexed and parsed on its own (statements never span lines)
//!    into labels and at most one statement. Every name is defined here (code labels take
//!    the index of the next instruction; `.data` and `.zero` names their columns; `.equ`
//!    constants their values), so that names may be used before their definitions. Every
//!    instruction statement takes a slot, even a malformed one, so that labels after a
//!    mistake keep their right values.
//! 2. **Resolving.** With every name known, `.equ` values, the data layout, the Store and
//!    stack sizes and the entry point are settled, then each instruction's operands are
//!    checked against its signature and encoded, and the data is filled in. Checks that
//!    need the whole file (fixed jump targets against the number of instructions, fixed
//!    addresses against the Store size, data against the stack) happen here.
//!
//! **Assembling never fails**: the result is whatever could be built plus every diagnostic,
//! in source order, each with a stable code (`asm/undefined-name`, …), a span and hints.
//! A malformed token is reported once and then stands in quietly wherever it is used, so
//! one mistake gives one diagnostic. The [`Assembly`] holds a program only when there are
//! no errors. No input makes the assembler panic, and it runs in time linear in the input.
//!
//! [`disassemble`] prints a program's canonical text, which assembles back to the same
//! program; see its documentation for exactly what "the same" means for names.

mod assemble;
mod disasm;
mod lexer;
mod names;
mod parser;

/// The result of assembling: a program if there were no errors, and every diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assembly {
    /// The program, present exactly when no diagnostic is an error.
    pub program: Option<isa::Program>,
    /// Every problem found, in source order.
    pub diagnostics: Vec<diag::Diagnostic>,
    /// One span per instruction of the program (same index): the statement, from its
    /// mnemonic through its last operand. Empty if `program` is `None`.
    pub source_map: Vec<diag::Span>,
}

/// Assembles a source text. Never fails and never panics: see [`Assembly`].
pub fn assemble(source: &str) -> Assembly {
    assemble::assemble(source)
}

/// Canonical text that assembles back to the identical program.
///
/// For any program that passes [`isa::Program::validate`], assembling the text gives a
/// program with the same instructions, entry point, Store size, stack size and data. Its
/// symbols are the same too when the program's symbols are ones the assembler could have
/// produced (legal, distinct names; code labels at indices up to the number of
/// instructions; data symbols that tile the data from column 0 in order), with one
/// exception: an instruction index that has no label but is a fixed jump or call target,
/// or the entry point where `.entry` is needed, gains one made-up label (`L<index>`, or
/// `L<index>_<k>` if that is taken). Data columns no symbol covers get made-up names
/// (`V<column>`) the same way, so a program with no symbols at all comes back with only
/// made-up names. Disassembling the result again gives the same text.
pub fn disassemble(program: &isa::Program) -> String {
    disasm::disassemble(program)
}

/// Whether `name` can be a label, data name or constant: it matches
/// `[A-Za-z_][A-Za-z0-9_.]*` and is not a register, `SP` or a mnemonic in any case.
/// Compilers use this to make up names that assemble.
pub fn is_legal_name(name: &str) -> bool {
    names::is_legal_name(name)
}
