//! The machine program as a listing beside the source: one row per instruction, with the
//! labels that name it, its canonical text and where it came from.
//!
//! A compiled language's listing has the same rows, and each row's `ir` names the IR
//! instruction it was generated from, so that a view can show the IR between the source
//! and the machine code and highlight all three together; [`ir_listing`] gives that IR
//! view's rows.

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

/// One line of a compiled program's IR, as an IR view shows it beside the source and the
/// machine code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IrRow {
    /// The instruction's module-wide id (the `#12` of the text form, and the
    /// [`ListingRow::ir`] of the machine instructions made from it); `None` for the lines
    /// around instructions: globals, a function's header, a frame array, a block's label,
    /// a closing brace.
    pub id: Option<u32>,
    /// The text, without the id and the line note.
    pub text: String,
    /// The 1-based source line it came from, if any.
    pub line: Option<u32>,
}

/// The IR of a compiled program, one row per line of its text form
/// ([`crate::emit_ir`]); empty for assembly and for a program that did not compile.
/// `source` is the text that was compiled.
pub fn ir_listing(compilation: &Compilation, source: &str) -> Vec<IrRow> {
    let Some(text) = crate::emit_ir(compilation, source) else {
        return Vec::new();
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(ir_row)
        .collect()
}

/// A line of the IR's text form: `  #12   add t3, n.0, 1    ; line 5` for an
/// instruction, anything else for the lines around them.
fn ir_row(line: &str) -> IrRow {
    if let Some(rest) = line.trim_start().strip_prefix('#') {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if let Ok(id) = rest[..digits].parse() {
            let body = &rest[digits..];
            let (text, line) = match body.rsplit_once("; line ") {
                Some((text, n)) => match n.trim().parse() {
                    Ok(n) => (text, Some(n)),
                    Err(_) => (body, None),
                },
                None => (body, None),
            };
            return IrRow {
                id: Some(id),
                text: text.trim().to_string(),
                line,
            };
        }
    }
    IrRow {
        id: None,
        text: line.trim_end().to_string(),
        line: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Language, NoFiles};

    const SQUARES: &str = "#include <stdio.h>
int square(int x) {
    return x * x;
}
int main(void) {
    for (int i = 1; i <= 3; i++)
        printf(\"%d\\n\", square(i));
    return 0;
}
";

    #[test]
    fn the_ir_view_numbers_each_instruction_and_notes_its_line() {
        let compilation = crate::compile(Language::C, "squares.c", SQUARES, &NoFiles);
        assert!(compilation.is_ok(), "{:?}", compilation.diagnostics);
        let rows = ir_listing(&compilation, SQUARES);
        assert!(
            rows.iter()
                .any(|r| r.id.is_none() && r.text.contains("func square"))
        );
        let multiply = rows
            .iter()
            .find(|r| r.text.contains("= mul "))
            .expect("x * x");
        assert_eq!(multiply.line, Some(3));
        assert!(!multiply.text.contains("; line"), "{}", multiply.text);
        // Every machine instruction made from an IR instruction names one of these rows,
        // from the same source line.
        for row in listing(&compilation) {
            if let Some(ir) = row.ir {
                let from = rows.iter().find(|r| r.id == Some(ir)).expect("an IR row");
                assert_eq!(from.line, row.line, "{}", row.text);
            }
        }
    }

    #[test]
    fn assembly_has_no_ir_view() {
        let compilation = crate::compile(Language::Asm, "a.basm", "        HALT\n", &NoFiles);
        assert!(ir_listing(&compilation, "        HALT\n").is_empty());
    }

    #[test]
    fn an_ir_line_without_a_source_line_keeps_its_text() {
        let row = ir_row("  #7    ret");
        assert_eq!(
            (row.id, row.text.as_str(), row.line),
            (Some(7), "ret", None)
        );
        let head = ir_row("b2:");
        assert_eq!((head.id, head.text.as_str()), (None, "b2:"));
    }
}
