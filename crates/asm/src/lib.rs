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
//!
//! ## Diagnostic codes
//!
//! | Code | What is wrong |
//! | --- | --- |
//! | `asm/unexpected-char` | a character that starts no token (`@`, `é` outside a literal) |
//! | `asm/unterminated-char`, `asm/unterminated-string` | a literal not closed on its line |
//! | `asm/bad-char` | an empty character literal, or one of several characters |
//! | `asm/bad-escape` | an escape other than `\n \t \r \0 \\ \' \"` |
//! | `asm/bad-number` | not a decimal integer (`12ab`, `1.5`, `0x10`), or a misplaced `_` |
//! | `asm/number-too-large` | more than 50 digits |
//! | `asm/syntax` | a missing comma, bracket or operand; a stray token |
//! | `asm/unknown-mnemonic`, `asm/unknown-directive` | with a "did you mean" hint |
//! | `asm/operand-count` | too many or too few operands, for instructions and directives |
//! | `asm/operand-kind` | an operand of the wrong kind (``STOR` cannot store into a register``) |
//! | `asm/undefined-name` | with a "did you mean" hint |
//! | `asm/duplicate-name` | a name defined twice (labelled with the first definition) |
//! | `asm/bad-name` | a register, `SP` or mnemonic used as a name, or `1x:` as a label |
//! | `asm/duplicate-directive` | `.store`, `.stack` or `.entry` given twice |
//! | `asm/equ-order` | a `.equ` using a constant defined later (or itself) |
//! | `asm/shift-range` | a shift count outside 0 … 50 |
//! | `asm/target-range` | a fixed jump target outside 0 … the number of instructions |
//! | `asm/address-range` | a fixed Store address outside 0 … n − 1 |
//! | `asm/store-range`, `asm/stack-range`, `asm/zero-count` | sizes out of range |
//! | `asm/overlap` | data reaching into the stack, reported on whichever of the data, `.stack` and `.store` directives comes last |

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
/// symbols are the same too whenever the program's symbols are ones the assembler could
/// have produced: legal, distinct names (see [`is_legal_name`]); code labels at indices
/// up to the number of instructions, with no empty lists; data symbols that tile the data
/// from column 0 in order. So every program the assembler makes comes back identical.
///
/// Other programs (a compiler's, say) may gain made-up names, and only these: one label
/// `L<index>` (or `L<index>_<k>` if that is taken) at an unlabelled entry point, because
/// `.entry` must name a label; and a data name `V<column>` (or `V<column>_<k>`) for each
/// run of data columns that no symbol covers. Unusable symbols are dropped (code) or
/// replaced by made-up names (data). Jump targets without a label are written as numbers.
/// Disassembling the result again gives the same text.
pub fn disassemble(program: &isa::Program) -> String {
    disasm::disassemble(program)
}

/// [`disassemble`], with a comment before some instructions: each note's lines become
/// comment lines just before the instruction it is keyed by (compilers note the source
/// line each run of instructions came from). Comments change nothing when assembling.
pub fn disassemble_annotated(
    program: &isa::Program,
    notes: &std::collections::BTreeMap<u32, String>,
) -> String {
    disasm::disassemble_annotated(program, notes)
}

/// Whether `name` can be a label, data name or constant: it matches
/// `[A-Za-z_][A-Za-z0-9_.]*` and is not a register, `SP` or a mnemonic in any case.
/// Compilers use this to make up names that assemble.
pub fn is_legal_name(name: &str) -> bool {
    names::is_legal_name(name)
}
