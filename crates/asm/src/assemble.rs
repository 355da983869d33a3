//! The assembler's two passes: reading every line (labels, statements, name definitions),
//! then resolving names and encoding instructions and data.

mod encode;
mod layout;

use std::collections::BTreeMap;

use diag::{Diagnostic, Span};
use isa::{DataSymbol, Insn, Num, Program, Symbols};

use crate::Assembly;
use crate::lexer::lex_line;
use crate::names::{self, Shown, shown};
use crate::parser::{Directive, Head, Operand, OperandKind, Stmt, parse_line};

/// Assembles a source text; see [`crate::assemble`].
pub(crate) fn assemble(source: &str) -> Assembly {
    let mut asm = Assembler::new(source);
    asm.read();
    asm.evaluate_constants();
    asm.lay_out_data();
    let sizes = asm.sizes();
    let entry = asm.entry();
    let (insns, source_map) = asm.encode(sizes.store);
    let data = asm.fill_data();
    asm.check_overlap(sizes);
    asm.finish(insns, source_map, data, sizes, entry)
}

/// The byte ranges of the lines of `source`, which end at LF, CRLF or a lone CR.
fn lines(source: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = source.as_bytes();
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let end = bytes[from..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map(|i| from + i);
        start = end.map(|end| {
            if bytes[end..].starts_with(b"\r\n") {
                end + 2
            } else {
                end + 1
            }
        });
        Some((from, end.unwrap_or(bytes.len())))
    })
}

/// What a name stands for.
#[derive(Clone, Copy, Debug)]
enum DefKind {
    /// A code label: an instruction index.
    Code(u32),
    /// A `.data` or `.zero` name: an index into `Assembler::data`.
    Data(usize),
    /// A `.equ` constant: an index into `Assembler::equs`.
    Equ(usize),
}

impl DefKind {
    fn describe(self) -> &'static str {
        match self {
            DefKind::Code(_) => "a code label",
            DefKind::Data(_) => "a data name",
            DefKind::Equ(_) => "a constant",
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Def {
    kind: DefKind,
    span: Span,
}

/// A `.data` or `.zero` directive and the columns it takes.
struct DataItem<'a> {
    stmt: Stmt<'a>,
    addr: u64,
    len: u64,
}

/// A `.equ` directive and its value, once known (`None` after an error).
struct EquItem<'a> {
    stmt: Stmt<'a>,
    value: Option<Num>,
}

/// The Store and stack sizes, `None` where the directive setting them is in error (so
/// that checks depending on them are skipped rather than repeated with a wrong guess).
#[derive(Clone, Copy, Debug)]
struct Sizes {
    store: Option<u32>,
    stack: Option<u32>,
}

/// How much work "did you mean" suggestions for undefined names may take in all (see
/// [`names::closest`]): each searches every defined name, so an input full of undefined
/// names must not make assembling quadratic.
const SUGGESTION_BUDGET: usize = 20_000_000;

struct Assembler<'a> {
    source: &'a str,
    diags: Vec<Diagnostic>,
    names: BTreeMap<&'a str, Def>,
    code_labels: BTreeMap<u32, Vec<String>>,
    insns: Vec<Stmt<'a>>,
    data: Vec<DataItem<'a>>,
    /// The first column of each data item, once laid out.
    addrs: Vec<u64>,
    equs: Vec<EquItem<'a>>,
    store: Option<Stmt<'a>>,
    stack: Option<Stmt<'a>>,
    entry: Option<Stmt<'a>>,
    suggestion_budget: usize,
}

impl<'a> Assembler<'a> {
    fn new(source: &'a str) -> Assembler<'a> {
        Assembler {
            source,
            diags: Vec::new(),
            names: BTreeMap::new(),
            code_labels: BTreeMap::new(),
            insns: Vec::new(),
            data: Vec::new(),
            addrs: Vec::new(),
            equs: Vec::new(),
            store: None,
            stack: None,
            entry: None,
            suggestion_budget: SUGGESTION_BUDGET,
        }
    }

    /// The source text of a span, for quoting in a message.
    fn text(&self, span: Span) -> Shown<'a> {
        Shown(self.source.get(span.range()).unwrap_or(""))
    }

    fn error(&mut self, code: &str, message: String, span: Span) -> &mut Diagnostic {
        self.diags.push(Diagnostic::error(code, message, span));
        self.diags.last_mut().expect("just pushed")
    }

    fn insn_count(&self) -> u32 {
        u32::try_from(self.insns.len()).unwrap_or(u32::MAX)
    }

    // Pass 1: read every line, define every name.

    fn read(&mut self) {
        let source = self.source;
        let mut tokens = Vec::new();
        for (start, end) in lines(source) {
            tokens.clear();
            lex_line(&source[start..end], start, &mut tokens, &mut self.diags);
            let line = parse_line(source, &tokens, &mut self.diags);
            for (name, span) in line.labels {
                let index = self.insn_count();
                if self.define(name, span, DefKind::Code(index), "a label") {
                    self.code_labels
                        .entry(index)
                        .or_default()
                        .push(name.to_string());
                }
            }
            let Some(stmt) = line.stmt else { continue };
            match stmt.head {
                Head::Insn(_) => self.insns.push(stmt),
                Head::Directive(Directive::Data | Directive::Zero) => {
                    let index = self.data.len();
                    if let Some((name, span)) = stmt.name {
                        self.define(name, span, DefKind::Data(index), "a data name");
                    }
                    self.data.push(DataItem {
                        stmt,
                        addr: 0,
                        len: 0,
                    });
                }
                Head::Directive(Directive::Equ) => {
                    let index = self.equs.len();
                    if let Some((name, span)) = stmt.name {
                        self.define(name, span, DefKind::Equ(index), "a constant");
                    }
                    self.equs.push(EquItem { stmt, value: None });
                }
                Head::Directive(d @ (Directive::Store | Directive::Stack | Directive::Entry)) => {
                    let slot = match d {
                        Directive::Store => &mut self.store,
                        Directive::Stack => &mut self.stack,
                        _ => &mut self.entry,
                    };
                    match slot {
                        None => *slot = Some(stmt),
                        Some(first) => {
                            let first = first.head_span;
                            self.diags.push(
                                Diagnostic::error(
                                    "asm/duplicate-directive",
                                    format!("`{}` is given twice", d.text()),
                                    stmt.head_span,
                                )
                                .with_label(first, "first given here"),
                            );
                        }
                    }
                }
            }
        }
    }

    /// Defines a name, reporting reserved words and duplicates; `what` says what kind of
    /// name it would be. Returns whether the name was defined.
    fn define(&mut self, name: &'a str, span: Span, kind: DefKind, what: &str) -> bool {
        if let Some(why) = names::reserved(name) {
            self.error(
                "asm/bad-name",
                format!("`{name}` is {why} and cannot be {what}"),
                span,
            )
            .hints
            .push(
                "names must not be a register (`A` … `D`), `SP` or a mnemonic, in any case".into(),
            );
            return false;
        }
        if let Some(first) = self.names.get(name) {
            let first = first.span;
            self.diags.push(
                Diagnostic::error(
                    "asm/duplicate-name",
                    format!("`{name}` is already defined"),
                    span,
                )
                .with_label(first, format!("`{name}` is first defined here")),
            );
            return false;
        }
        self.names.insert(name, Def { kind, span });
        true
    }

    /// Checks that a directive has its one operand, `what` (its "value", "size", …);
    /// `form` shows how to write it. Returns whether the statement is usable.
    fn single_operand(&mut self, stmt: &Stmt<'_>, what: &str, form: &str) -> bool {
        if stmt.poisoned {
            return false;
        }
        let (message, span) = match stmt.operands.as_slice() {
            [_] => return true,
            [] => (
                format!("`.{}` is missing its {what}", stmt.head_text),
                stmt.span,
            ),
            [_, extra @ ..] => {
                let span = extra[0].span.cover(extra[extra.len() - 1].span);
                (format!("too many operands for `.{}`", stmt.head_text), span)
            }
        };
        self.error("asm/operand-count", message, span)
            .hints
            .push(format!("write it as `{form}`"));
        false
    }

    // Names.

    /// What a used name stands for; reports it when it is undefined.
    fn lookup(&mut self, name: &str, span: Span) -> Option<DefKind> {
        if let Some(def) = self.names.get(name) {
            return Some(def.kind);
        }
        if names::mnemonic(name).is_some() {
            self.error(
                "asm/bad-name",
                format!("`{name}` is a mnemonic, not a name"),
                span,
            )
            .hints
            .push("a mnemonic starts a statement; each statement needs its own line".into());
            return None;
        }
        let mut d = Diagnostic::error(
            "asm/undefined-name",
            format!("undefined name `{}`", shown(name)),
            span,
        );
        if let Some(s) = names::closest(
            name,
            self.names.keys().copied(),
            &mut self.suggestion_budget,
        ) {
            d = d.with_hint(format!("did you mean `{s}`?"));
        }
        self.diags.push(d);
        None
    }

    /// The value a defined name stands for (`None` for a constant whose definition is in
    /// error, which was reported there).
    fn value(&self, kind: DefKind) -> Option<Num> {
        match kind {
            DefKind::Code(i) => Some(Num::from(i)),
            DefKind::Data(j) => self.addrs.get(j).map(|&a| Num::from(i128::from(a))),
            DefKind::Equ(j) => self.equs.get(j).and_then(|e| e.value),
        }
    }

    /// An integer literal or a `.equ` constant, as `.zero`, `.store`, `.stack`, offsets and
    /// shift counts take (`what` names the taker in messages).
    fn const_int(&mut self, op: &Operand<'a>, what: &str) -> Option<Num> {
        match op.kind {
            OperandKind::Int(n) => Some(n),
            OperandKind::Bad => None,
            OperandKind::Name(name) => match self.lookup(name, op.span)? {
                kind @ DefKind::Equ(_) => self.value(kind),
                kind => {
                    let what_it_is = kind.describe();
                    self.error(
                        "asm/operand-kind",
                        format!("{what} takes an integer or a `.equ` constant, but `{name}` is {what_it_is}"),
                        op.span,
                    );
                    None
                }
            },
            _ => {
                let text = self.text(op.span);
                self.error(
                    "asm/operand-kind",
                    format!("{what} takes an integer or a `.equ` constant, found `{text}`"),
                    op.span,
                );
                None
            }
        }
    }

    fn finish(
        mut self,
        insns: Vec<Insn>,
        source_map: Vec<Span>,
        data: Vec<Num>,
        sizes: Sizes,
        entry: u32,
    ) -> Assembly {
        // Each phase reports in source order; merging them keeps ties in phase order.
        self.diags.sort_by_key(|d| d.span.start);
        let ok = !self.diags.iter().any(Diagnostic::is_error);
        let (Some(store_size), Some(stack_size), true) = (sizes.store, sizes.stack, ok) else {
            return Assembly {
                program: None,
                diagnostics: self.diags,
                source_map: Vec::new(),
            };
        };
        let data_symbols = self
            .data
            .iter()
            .filter_map(|item| {
                let (name, _) = item.stmt.name?;
                Some(DataSymbol {
                    name: name.to_string(),
                    addr: item.addr as u32,
                    len: item.len as u32,
                })
            })
            .collect();
        let program = Program {
            insns,
            entry,
            store_size,
            stack_size,
            data,
            symbols: Symbols {
                code: self.code_labels,
                data: data_symbols,
            },
        };
        debug_assert_eq!(
            program.validate(),
            Ok(()),
            "the assembler built an invalid program"
        );
        Assembly {
            program: Some(program),
            diagnostics: self.diags,
            source_map,
        }
    }
}

/// A statement that stands in for one moved out for a moment.
fn placeholder_stmt<'a>() -> Stmt<'a> {
    Stmt {
        head: Head::Directive(Directive::Equ),
        head_text: "",
        head_span: Span::default(),
        name: None,
        operands: Vec::new(),
        span: Span::default(),
        poisoned: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings() {
        let ends: Vec<_> = lines("a\nb\r\nc\rd").collect();
        assert_eq!(ends, [(0, 1), (2, 3), (5, 6), (7, 8)]);
        let ends: Vec<_> = lines("").collect();
        assert_eq!(ends, [(0, 0)]);
        let ends: Vec<_> = lines("a\n").collect();
        assert_eq!(ends, [(0, 1), (2, 2)]);
    }
}
