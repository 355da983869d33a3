//! The assembler's vocabulary: mnemonics, directives, reserved words, the identifier
//! grammar, and the "did you mean" suggestions that go with them.

use std::fmt::{self, Write};

use isa::{ArithOp, Cond, ShiftOp, UnaryOp};

/// What a mnemonic assembles to, before its operands are known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Nop,
    Halt,
    Load,
    Stor,
    Arith(ArithOp),
    Unary(UnaryOp),
    Shift(ShiftOp),
    Cmp,
    Jump(Cond),
    Call,
    Ret,
    Push,
    Pop,
    Rdcrd,
    Wrprn,
    Wrchr,
    Bell,
}

/// The kind of operand an instruction expects in one position (the letters of ISA.md §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `r`: a register.
    Reg,
    /// `src`: a register, an immediate or a Store operand.
    Src,
    /// The `src` of `STOR`: a register or an immediate.
    StorSrc,
    /// `mem`: a Store operand.
    Mem,
    /// `t`: a code label, an integer or a register.
    Target,
    /// `k`: an integer or a `.equ` constant (shift counts).
    Count,
}

/// Every mnemonic the assembler accepts, synonyms included, in upper case.
pub(crate) const MNEMONICS: [(&str, Op); 33] = [
    ("NOP", Op::Nop),
    ("HALT", Op::Halt),
    ("LOAD", Op::Load),
    ("MOV", Op::Load),
    ("STOR", Op::Stor),
    ("ADD", Op::Arith(ArithOp::Add)),
    ("SUB", Op::Arith(ArithOp::Sub)),
    ("MULT", Op::Arith(ArithOp::Mult)),
    ("DIV", Op::Arith(ArithOp::Div)),
    ("REM", Op::Arith(ArithOp::Rem)),
    ("NEG", Op::Unary(UnaryOp::Neg)),
    ("ABS", Op::Unary(UnaryOp::Abs)),
    ("SQRT", Op::Unary(UnaryOp::Sqrt)),
    ("SHL", Op::Shift(ShiftOp::Shl)),
    ("SHR", Op::Shift(ShiftOp::Shr)),
    ("CMP", Op::Cmp),
    ("JMP", Op::Jump(Cond::Always)),
    ("JZ", Op::Jump(Cond::Zero)),
    ("JEQ", Op::Jump(Cond::Zero)),
    ("JNZ", Op::Jump(Cond::NotZero)),
    ("JNE", Op::Jump(Cond::NotZero)),
    ("JLT", Op::Jump(Cond::Less)),
    ("JGE", Op::Jump(Cond::GreaterEqual)),
    ("JGT", Op::Jump(Cond::Greater)),
    ("JLE", Op::Jump(Cond::LessEqual)),
    ("CALL", Op::Call),
    ("RET", Op::Ret),
    ("PUSH", Op::Push),
    ("POP", Op::Pop),
    ("RDCRD", Op::Rdcrd),
    ("WRPRN", Op::Wrprn),
    ("WRCHR", Op::Wrchr),
    ("BELL", Op::Bell),
];

/// Mnemonics from other assemblers that people type out of habit, with ours.
const MNEMONIC_ALIASES: [(&str, &str); 16] = [
    ("MUL", "MULT"),
    ("MOD", "REM"),
    ("JE", "JEQ"),
    ("JL", "JLT"),
    ("JG", "JGT"),
    ("JUMP", "JMP"),
    ("PRINT", "WRPRN"),
    ("PRN", "WRPRN"),
    ("OUT", "WRPRN"),
    ("PUTC", "WRCHR"),
    ("READ", "RDCRD"),
    ("IN", "RDCRD"),
    ("STOP", "HALT"),
    ("END", "HALT"),
    ("RETURN", "RET"),
    ("STORE", "STOR"),
];

/// Looks a mnemonic up, in any case.
pub(crate) fn mnemonic(word: &str) -> Option<Op> {
    // Every name is looked up here (reserved words are refused), so the length test
    // comes first.
    if !(2..=5).contains(&word.len()) {
        return None;
    }
    MNEMONICS
        .iter()
        .find(|(name, _)| name.len() == word.len() && name.eq_ignore_ascii_case(word))
        .map(|&(_, op)| op)
}

/// The operand kinds an instruction takes, and how to write it (for hints).
pub(crate) fn signature(op: Op) -> (&'static [Kind], &'static str) {
    use Kind::*;
    match op {
        Op::Nop | Op::Halt | Op::Ret | Op::Bell => (&[], ""),
        Op::Load | Op::Arith(_) | Op::Cmp => (&[Reg, Src], "r, src"),
        Op::Stor => (&[StorSrc, Mem], "src, mem"),
        Op::Unary(_) | Op::Pop | Op::Rdcrd => (&[Reg], "r"),
        Op::Shift(_) => (&[Reg, Count], "r, k"),
        Op::Jump(_) | Op::Call => (&[Target], "t"),
        Op::Push | Op::Wrprn | Op::Wrchr => (&[Src], "src"),
    }
}

/// The directives, in lower case and without their dot.
pub(crate) const DIRECTIVES: [&str; 6] = ["data", "zero", "equ", "store", "stack", "entry"];

/// Directives from other assemblers, with ours.
const DIRECTIVE_ALIASES: [(&str, &str); 12] = [
    ("word", "data"),
    ("int", "data"),
    ("string", "data"),
    ("ascii", "data"),
    ("asciz", "data"),
    ("space", "zero"),
    ("bss", "zero"),
    ("res", "zero"),
    ("set", "equ"),
    ("define", "equ"),
    ("const", "equ"),
    ("start", "entry"),
];

/// Why a word cannot be a name, if it cannot.
pub(crate) fn reserved(word: &str) -> Option<&'static str> {
    if isa::Reg::from_name(word).is_some() {
        Some("a register name")
    } else if word.eq_ignore_ascii_case("SP") {
        Some("the stack pointer")
    } else if mnemonic(word).is_some() {
        Some("a mnemonic")
    } else {
        None
    }
}

/// Whether `word` matches `[A-Za-z_][A-Za-z0-9_.]*`.
pub(crate) fn is_identifier(word: &str) -> bool {
    let mut bytes = word.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
}

/// Whether the assembler accepts `word` as a label, data or constant name.
pub(crate) fn is_legal_name(word: &str) -> bool {
    is_identifier(word) && reserved(word).is_none()
}

/// The mnemonic a mistyped one probably meant.
pub(crate) fn suggest_mnemonic(word: &str) -> Option<&'static str> {
    if let Some(&(_, ours)) = MNEMONIC_ALIASES
        .iter()
        .find(|(a, _)| a.eq_ignore_ascii_case(word))
    {
        return Some(ours);
    }
    closest(word, MNEMONICS.iter().map(|(name, _)| *name), &mut {
        usize::MAX
    })
}

/// The directive a mistyped one probably meant (without its dot).
pub(crate) fn suggest_directive(word: &str) -> Option<&'static str> {
    if let Some(&(_, ours)) = DIRECTIVE_ALIASES
        .iter()
        .find(|(a, _)| a.eq_ignore_ascii_case(word))
    {
        return Some(ours);
    }
    closest(word, DIRECTIVES.iter().copied(), &mut { usize::MAX })
}

/// The candidate nearest to `word` by edit distance (ignoring ASCII case), if one is near
/// enough to be a plausible typo: within a third of the word's length. Ties go to the
/// alphabetically first candidate, so that suggestions do not depend on hash order.
///
/// `budget` bounds the work (roughly, character comparisons) across calls, so that an
/// input full of undefined names among many defined ones cannot make assembling
/// quadratic. A search that would exceed it gives no suggestion; since its cost does not
/// depend on the candidates' order, neither does the answer.
pub(crate) fn closest<'c>(
    word: &str,
    candidates: impl Iterator<Item = &'c str>,
    budget: &mut usize,
) -> Option<&'c str> {
    // Long words are not typos of names one would suggest.
    if word.len() > 64 {
        return None;
    }
    let limit = word.len() / 3;
    let mut best: Option<(usize, &str)> = None;
    let mut table = Vec::new();
    let mut spent = 0usize;
    for candidate in candidates {
        spent += 1;
        if candidate.len().abs_diff(word.len()) > limit {
            continue;
        }
        spent += word.len() * candidate.len();
        if spent > *budget {
            *budget = 0;
            return None;
        }
        let d = distance(word.as_bytes(), candidate.as_bytes(), &mut table);
        if d <= limit && best.is_none_or(|best| (d, candidate) < best) {
            best = Some((d, candidate));
        }
    }
    *budget = budget.saturating_sub(spent);
    best.map(|(_, c)| c)
}

/// Edit distance between two byte strings (insertions, deletions, substitutions and
/// swaps of neighbours, each costing 1: the "optimal string alignment" distance),
/// comparing ASCII letters without case. Swaps count because `mian` for `main` is among
/// the commonest typos.
fn distance(a: &[u8], b: &[u8], table: &mut Vec<usize>) -> usize {
    let width = b.len() + 1;
    table.clear();
    table.resize((a.len() + 1) * width, 0);
    let same = |x: u8, y: u8| x.eq_ignore_ascii_case(&y);
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            table[i * width + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let cost = usize::from(!same(a[i - 1], b[j - 1]));
                let mut d = (table[(i - 1) * width + j - 1] + cost)
                    .min(table[(i - 1) * width + j] + 1)
                    .min(table[i * width + j - 1] + 1);
                if i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]) {
                    d = d.min(table[(i - 2) * width + j - 2] + 1);
                }
                d
            };
        }
    }
    table[a.len() * width + b.len()]
}

/// Shows source text inside a message: long texts are shortened and control characters
/// escaped, so that a message always fits on a line.
pub(crate) fn shown(text: &str) -> String {
    Shown(text).to_string()
}

/// Source text as [`shown`] writes it, formatted only when a message is actually made:
/// the assembler quotes every operand it might complain about, and most are fine.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shown<'a>(pub(crate) &'a str);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MAX: usize = 40;
        for (i, c) in self.0.chars().enumerate() {
            if i == MAX {
                return f.write_char('…');
            }
            if c.is_control() {
                write!(f, "{}", c.escape_debug())?;
            } else {
                f.write_char(c)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(suggest_mnemonic("MUL"), Some("MULT"));
        assert_eq!(suggest_mnemonic("lod"), Some("LOAD"));
        assert_eq!(suggest_mnemonic("wrprm"), Some("WRPRN"));
        assert_eq!(suggest_mnemonic("xyzzy"), None);
        assert_eq!(suggest_directive("dat"), Some("data"));
        assert_eq!(suggest_directive("ascii"), Some("data"));
        let names = ["loop", "done", "Loop2"];
        let closest = |word: &str, names: std::iter::Copied<std::slice::Iter<'_, &'static str>>| {
            closest(word, names, &mut 1000)
        };
        assert_eq!(closest("lop", names.iter().copied()), Some("loop"));
        assert_eq!(closest("dnoe", names.iter().copied()), Some("done"));
        assert_eq!(closest("dome", names.iter().copied()), Some("done"));
        assert_eq!(closest("loop2", names.iter().copied()), Some("Loop2"));
        assert_eq!(closest("LOOP", names.iter().copied()), Some("loop"));
        assert_eq!(closest("x", names.iter().copied()), None);
        assert_eq!(closest(&"a".repeat(100), names.iter().copied()), None);
        let mut budget = 10;
        assert_eq!(
            super::closest("lop", names.iter().copied(), &mut budget),
            None
        );
        assert_eq!(budget, 0);
    }

    #[test]
    fn names() {
        assert!(is_legal_name("loop.1"));
        assert!(is_legal_name("_x"));
        assert!(!is_legal_name("1x"));
        assert!(!is_legal_name("sp"));
        assert!(!is_legal_name("b"));
        assert!(!is_legal_name("mov"));
        assert!(!is_legal_name("x-y"));
        assert!(!is_legal_name(""));
        assert_eq!(shown("a\u{7}b"), "a\\u{7}b");
        assert_eq!(shown(&"9".repeat(60)).chars().count(), 41);
    }
}
