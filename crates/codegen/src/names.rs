//! Labels and data names that the assembler accepts, made from the IR's function and
//! global names, so that the disassembly of a generated program assembles back to it.

use std::collections::BTreeSet;

/// Every mnemonic, synonyms included: none of them may be a name, in any case.
const MNEMONICS: [&str; 33] = [
    "NOP", "HALT", "LOAD", "MOV", "STOR", "ADD", "SUB", "MULT", "DIV", "REM", "NEG", "ABS", "SQRT",
    "SHL", "SHR", "CMP", "JMP", "JZ", "JEQ", "JNZ", "JNE", "JLT", "JGE", "JGT", "JLE", "CALL",
    "RET", "PUSH", "POP", "RDCRD", "WRPRN", "WRCHR", "BELL",
];

/// Whether the assembler reads `name` as a name: `[A-Za-z_][A-Za-z0-9_.]*`, and not a
/// register, `SP` or a mnemonic in any case.
pub(crate) fn is_legal(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let shape = (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
    let reserved = ["A", "B", "C", "D", "SP"]
        .iter()
        .chain(MNEMONICS.iter())
        .any(|r| r.eq_ignore_ascii_case(name));
    shape && !reserved
}

/// Hands out distinct legal names, keeping each wanted name where it can.
#[derive(Debug, Default)]
pub(crate) struct Names {
    used: BTreeSet<String>,
}

impl Names {
    /// A legal name not handed out before: `wanted` itself if it can be, otherwise
    /// `wanted` with characters the assembler does not accept replaced by `_`, and a
    /// suffix if that is still reserved or taken (a C function `add` becomes `add_`).
    pub(crate) fn fresh(&mut self, wanted: &str) -> String {
        let mut base: String = wanted
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if !base.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
            base.insert(0, '_');
        }
        let mut name = base.clone();
        let mut k = 0u32;
        while !is_legal(&name) || self.used.contains(&name) {
            name = if k == 0 {
                format!("{base}_")
            } else {
                format!("{base}_{k}")
            };
            k += 1;
        }
        self.used.insert(name.clone());
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_and_odd_names_are_mangled_only_when_needed() {
        let mut names = Names::default();
        assert_eq!(names.fresh("fib"), "fib");
        assert_eq!(names.fresh("fib"), "fib_");
        assert_eq!(names.fresh("fib"), "fib_1");
        assert_eq!(names.fresh("add"), "add_");
        assert_eq!(names.fresh("b"), "b_");
        assert_eq!(names.fresh("Sp"), "Sp_");
        assert_eq!(names.fresh("jeq"), "jeq_");
        assert_eq!(names.fresh("2x"), "_2x");
        assert_eq!(names.fresh(""), "_");
        assert_eq!(names.fresh("a::b$c"), "a__b_c");
        assert_eq!(names.fresh("λ"), "__");
        assert_eq!(names.fresh("fib.2"), "fib.2");
        assert!(is_legal("loop.1") && !is_legal("mov") && !is_legal("1a") && !is_legal(""));
    }
}
