//! The machine program as a listing beside the source: one row per instruction, with the
//! labels that name it, its canonical text and where it came from.
//!
//! A compiled language's listing has the same rows, and each row's `ir` names the IR
//! instruction it was generated from, so that a view can show the IR between the source
//! and the machine code and highlight all three together.

use serde::{Deserialize, Serialize};

use crate::Compilation;

/// One instruction of the listing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingRow {
    /// The instruction's index (the value of `PC` when it is next).
    pub pc: u32,
    /// The code labels naming it, as the disassembler writes them.
    pub labels: Vec<String>,
    /// Its canonical text (`MULT A, B`, `JNZ  loop`), with jump targets and Store
    /// addresses by name.
    pub text: String,
    /// The 1-based line of the main source file it came from, if any.
    pub line: Option<u32>,
    /// The IR instruction it was generated from, for compiled languages.
    pub ir: Option<u32>,
}

/// The listing of a compiled program, in instruction order; empty if it did not compile.
pub fn listing(compilation: &Compilation) -> Vec<ListingRow> {
    let Some(program) = compilation.program.as_deref() else {
        return Vec::new();
    };
    // The disassembler's canonical text is the one form of an instruction with names. Its
    // code lines are either `name:` alone, or an instruction at column 8 with an optional
    // label of at most six letters before it (see `asm::disassemble`); header and data
    // lines start with a dot.
    let text = asm::disassemble(program);
    let mut rows = Vec::with_capacity(program.insns.len());
    let mut labels = Vec::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('.') {
            continue;
        }
        if let Some(name) = line.strip_suffix(':').filter(|n| !n.contains(' ')) {
            labels.push(name.to_string());
            continue;
        }
        let (head, insn) = line.split_at(line.len().min(8));
        if let Some(name) = head.trim_end().strip_suffix(':') {
            labels.push(name.to_string());
        }
        let pc = rows.len() as u32;
        let loc = compilation.source_map.loc(pc);
        rows.push(ListingRow {
            pc,
            labels: std::mem::take(&mut labels),
            text: insn.to_string(),
            line: compilation.source_map.line(pc),
            ir: loc.and_then(|l| l.ir),
        });
    }
    rows
}
