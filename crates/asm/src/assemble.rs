//! The assembler's two passes: reading every line (labels, statements, name definitions),
//! then resolving names and encoding instructions and data.

use std::collections::{BTreeMap, HashMap};

use diag::{Diagnostic, Span};
use isa::{
    Base, DEFAULT_STORE_SIZE, DataSymbol, Insn, MAX_SHIFT, MAX_STORE_SIZE, MIN_STORE_SIZE, Mem,
    Num, Program, Reg, ShiftOp, Src, Symbols, Target, default_stack_size,
};

use crate::Assembly;
use crate::lexer::lex_line;
use crate::names::{self, Kind, Op, shown};
use crate::parser::{
    Directive, Head, MemBase, MemExpr, OffsetValue, Operand, OperandKind, Stmt, parse_line,
};

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

/// How many "did you mean" suggestions to compute: each is linear in the number of names,
/// so an input full of undefined names must not make assembling quadratic.
const SUGGESTION_BUDGET: u32 = 200;

struct Assembler<'a> {
    source: &'a str,
    diags: Vec<Diagnostic>,
    names: HashMap<&'a str, Def>,
    code_labels: BTreeMap<u32, Vec<String>>,
    insns: Vec<Stmt<'a>>,
    data: Vec<DataItem<'a>>,
    equs: Vec<EquItem<'a>>,
    store: Option<Stmt<'a>>,
    stack: Option<Stmt<'a>>,
    entry: Option<Stmt<'a>>,
    suggestions_left: u32,
}

impl<'a> Assembler<'a> {
    fn new(source: &'a str) -> Assembler<'a> {
        Assembler {
            source,
            diags: Vec::new(),
            names: HashMap::new(),
            code_labels: BTreeMap::new(),
            insns: Vec::new(),
            data: Vec::new(),
            equs: Vec::new(),
            store: None,
            stack: None,
            entry: None,
            suggestions_left: SUGGESTION_BUDGET,
        }
    }

    fn text(&self, span: Span) -> String {
        shown(self.source.get(span.range()).unwrap_or(""))
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

    /// Reports a directive with the wrong number of operands; `form` shows how to write it.
    /// Returns whether the count was right (and the statement usable).
    fn directive_operands(&mut self, stmt: &Stmt<'_>, want: usize, form: &str) -> bool {
        if stmt.poisoned {
            return false;
        }
        let found = stmt.operands.len();
        if found == want {
            return true;
        }
        let head = stmt.head_text;
        let span = if found > want {
            stmt.operands[want]
                .span
                .cover(stmt.operands[found - 1].span)
        } else {
            stmt.span
        };
        let message = if found > want {
            format!("too many operands for `.{head}`")
        } else {
            format!(
                "`.{head}` is missing its {}",
                if want == 1 { "value" } else { "values" }
            )
        };
        self.error("asm/operand-count", message, span)
            .hints
            .push(format!("write it as `{form}`"));
        false
    }

    // Between the passes: constants, data layout, sizes and the entry point.

    fn evaluate_constants(&mut self) {
        for i in 0..self.equs.len() {
            let stmt = &self.equs[i].stmt;
            let name = stmt.name.map_or("NAME", |(n, _)| n);
            let form = format!(".equ {name} 10");
            // The statement is moved out while it is evaluated so that diagnostics can be
            // pushed; it is put back before the next one, which may refer to it.
            let stmt = std::mem::replace(&mut self.equs[i].stmt, placeholder_stmt());
            let value = if self.directive_operands(&stmt, 1, &form) {
                self.equ_value(i, &stmt.operands[0])
            } else {
                None
            };
            self.equs[i] = EquItem { stmt, value };
        }
    }

    /// The value of the `i`th `.equ`: an integer or character literal, or an earlier
    /// constant.
    fn equ_value(&mut self, i: usize, operand: &Operand<'a>) -> Option<Num> {
        match operand.kind {
            OperandKind::Int(n) => Some(n),
            OperandKind::Char(c) => Some(Num::from(c)),
            OperandKind::Bad => None,
            OperandKind::Name(name) => match self.lookup(name, operand.span)? {
                DefKind::Equ(j) if j < i => self.equs[j].value,
                DefKind::Equ(j) => {
                    let message = if j == i {
                        format!("the constant `{name}` is defined in terms of itself")
                    } else {
                        format!("the constant `{name}` is defined later")
                    };
                    self.error("asm/equ-order", message, operand.span)
                        .hints
                        .push("a `.equ` may only use a constant defined above it".into());
                    None
                }
                kind => {
                    let what = kind.describe();
                    self.error(
                        "asm/operand-kind",
                        format!("`.equ` takes an integer, a character or an earlier constant, but `{name}` is {what}"),
                        operand.span,
                    );
                    None
                }
            },
            _ => {
                let text = self.text(operand.span);
                self.error(
                    "asm/operand-kind",
                    format!("`.equ` takes an integer, a character or an earlier constant, found `{text}`"),
                    operand.span,
                );
                None
            }
        }
    }

    fn lay_out_data(&mut self) {
        let mut items = std::mem::take(&mut self.data);
        let mut addr = 0u64;
        for item in &mut items {
            item.addr = addr;
            item.len = self.data_len(&item.stmt);
            addr = addr.saturating_add(item.len);
        }
        self.data = items;
    }

    /// How many columns a `.data` or `.zero` takes (0 after an error).
    fn data_len(&mut self, stmt: &Stmt<'a>) -> u64 {
        let name = stmt.name.map_or("name", |(n, _)| n);
        if stmt.head == Head::Directive(Directive::Zero) {
            if !self.directive_operands(stmt, 1, &format!(".zero {name} 10")) {
                return 0;
            }
            let count = &stmt.operands[0];
            let Some(k) = self.const_int(count, "`.zero`") else {
                return 0;
            };
            if k < Num::ONE {
                let text = self.text(count.span);
                self.error(
                    "asm/zero-count",
                    format!("`.zero {name}` needs at least 1 column, found `{text}`"),
                    count.span,
                );
                return 0;
            }
            // Anything past the largest Store overlaps the stack, which is reported later;
            // the cap keeps the arithmetic small.
            return k
                .to_i64()
                .map_or(u64::MAX / 2, |k| k.unsigned_abs())
                .min(u64::MAX / 2);
        }
        if stmt.operands.is_empty() && !stmt.poisoned {
            self.error("asm/operand-count", format!("`.data {name}` needs at least one value"), stmt.span)
                .hints
                .push(format!("write it as `.data {name} 1, 2, 3` or `.data {name} \"text\"`; `.zero {name} 1` reserves a zeroed column"));
        }
        stmt.operands
            .iter()
            .map(|op| match &op.kind {
                OperandKind::Str(s) => s.chars().count() as u64 + 1,
                _ => 1,
            })
            .sum()
    }

    fn sizes(&mut self) -> Sizes {
        let store = match self.store.take() {
            None => Some(DEFAULT_STORE_SIZE),
            Some(stmt) => {
                let n = self.store_size(&stmt);
                self.store = Some(stmt);
                n
            }
        };
        let stack = match self.stack.take() {
            None => store.map(default_stack_size),
            Some(stmt) => {
                let s = self.stack_size(&stmt, store);
                self.stack = Some(stmt);
                s
            }
        };
        Sizes { store, stack }
    }

    fn store_size(&mut self, stmt: &Stmt<'a>) -> Option<u32> {
        if !self.directive_operands(stmt, 1, ".store 10000") {
            return None;
        }
        let op = &stmt.operands[0];
        let n = self.const_int(op, "`.store`")?;
        let n = n
            .to_index(MAX_STORE_SIZE + 1)
            .filter(|&n| n >= MIN_STORE_SIZE);
        if n.is_none() {
            let text = self.text(op.span);
            self.error(
                "asm/store-range",
                format!("a Store of `{text}` columns is outside {MIN_STORE_SIZE} … 1,000,000"),
                op.span,
            );
        }
        n
    }

    fn stack_size(&mut self, stmt: &Stmt<'a>, store: Option<u32>) -> Option<u32> {
        if !self.directive_operands(stmt, 1, ".stack 100") {
            return None;
        }
        let op = &stmt.operands[0];
        let s = self.const_int(op, "`.stack`")?;
        let text = self.text(op.span);
        if s < Num::ONE {
            self.error(
                "asm/stack-range",
                format!("a stack of `{text}` columns is too small"),
                op.span,
            )
            .hints
            .push("the stack needs at least 1 column".into());
            return None;
        }
        let limit = store.unwrap_or(MAX_STORE_SIZE);
        match s.to_index(limit + 1) {
            Some(s) => Some(s),
            None => {
                let store_span = self.store.as_ref().map(|stmt| stmt.span);
                let d = self.error(
                    "asm/stack-range",
                    format!(
                        "a stack of `{text}` columns does not fit in a Store of {limit} columns"
                    ),
                    op.span,
                );
                if let Some(span) = store_span {
                    d.labels.push(diag::Label {
                        span,
                        message: "the Store size is set here".into(),
                    });
                }
                None
            }
        }
    }

    fn entry(&mut self) -> u32 {
        let Some(stmt) = self.entry.take() else {
            return match self.names.get("main") {
                Some(Def {
                    kind: DefKind::Code(i),
                    ..
                }) => *i,
                _ => 0,
            };
        };
        let mut entry = 0;
        if self.directive_operands(&stmt, 1, ".entry start") {
            let op = &stmt.operands[0];
            let hint = "put a label on the first instruction to run, as in `start: LOAD A, 1`, and write `.entry start`";
            match op.kind {
                OperandKind::Name(name) => match self.lookup(name, op.span) {
                    Some(DefKind::Code(i)) => entry = i,
                    Some(kind) => {
                        let what = kind.describe();
                        self.error(
                            "asm/operand-kind",
                            format!("`.entry` must name a code label, but `{name}` is {what}"),
                            op.span,
                        )
                        .hints
                        .push(hint.into());
                    }
                    None => {}
                },
                OperandKind::Bad => {}
                _ => {
                    let text = self.text(op.span);
                    self.error(
                        "asm/operand-kind",
                        format!("`.entry` must name a code label, found `{text}`"),
                        op.span,
                    )
                    .hints
                    .push(hint.into());
                }
            }
        }
        self.entry = Some(stmt);
        entry
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
        if self.suggestions_left > 0 {
            self.suggestions_left -= 1;
            if let Some(s) = names::closest(name, self.names.keys().copied()) {
                d = d.with_hint(format!("did you mean `{s}`?"));
            }
        }
        self.diags.push(d);
        None
    }

    /// The value a defined name stands for (`None` for a constant whose definition is in
    /// error, which was reported there).
    fn value(&self, kind: DefKind) -> Option<Num> {
        match kind {
            DefKind::Code(i) => Some(Num::from(i)),
            DefKind::Data(j) => Some(Num::from(i128::from(self.data[j].addr))),
            DefKind::Equ(j) => self.equs[j].value,
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

    // Pass 2: instructions.

    fn encode(&mut self, store: Option<u32>) -> (Vec<Insn>, Vec<Span>) {
        let stmts = std::mem::take(&mut self.insns);
        let len = u32::try_from(stmts.len()).unwrap_or(u32::MAX);
        let mut insns = Vec::with_capacity(stmts.len());
        let mut source_map = Vec::with_capacity(stmts.len());
        for stmt in &stmts {
            let insn = match stmt.head {
                Head::Insn(Some(op)) if !stmt.poisoned => self.encode_one(op, stmt, len, store),
                _ => None,
            };
            // A placeholder keeps every later instruction at its index; the program is
            // discarded anyway, because an error was reported.
            insns.push(insn.unwrap_or(Insn::Nop));
            source_map.push(stmt.span);
        }
        self.insns = stmts;
        (insns, source_map)
    }

    fn encode_one(
        &mut self,
        op: Op,
        stmt: &Stmt<'a>,
        len: u32,
        store: Option<u32>,
    ) -> Option<Insn> {
        let (kinds, form) = names::signature(op);
        let m = stmt.head_text;
        let ops = &stmt.operands;
        if ops.len() != kinds.len() {
            let upper = m.to_ascii_uppercase();
            let (message, span) = match (kinds.len(), ops.len()) {
                (0, found) => (
                    format!("`{m}` takes no operands, found {found}"),
                    ops[0].span.cover(ops[found - 1].span),
                ),
                (want, found) if found > want => (
                    format!("`{m}` takes {want} operand{}, found {found}", plural(want)),
                    ops[want].span.cover(ops[found - 1].span),
                ),
                (want, found) => (
                    format!("`{m}` takes {want} operand{}, found {found}", plural(want)),
                    stmt.span,
                ),
            };
            let example = if form.is_empty() {
                upper
            } else {
                format!("{upper} {form}")
            };
            self.error("asm/operand-count", message, span)
                .hints
                .push(format!("write it as `{example}`"));
            return None;
        }
        // Every operand is checked, even after one is found wrong, so that all of their
        // errors are reported at once.
        let resolved: Vec<Option<Resolved>> = kinds
            .iter()
            .zip(ops)
            .enumerate()
            .map(|(i, (&kind, op))| self.resolve(m, i, kind, op, len, store))
            .collect();
        let v: Vec<Resolved> = resolved.into_iter().collect::<Option<_>>()?;
        // The signature fixed each position's kind, so these never miss; `?` rather than a
        // panic keeps that an internal matter.
        let reg = |i: usize| match v.get(i) {
            Some(Resolved::Reg(r)) => Some(*r),
            _ => None,
        };
        let src = |i: usize| match v.get(i) {
            Some(Resolved::Src(s)) => Some(*s),
            _ => None,
        };
        let target = || match v.first() {
            Some(Resolved::Target(t)) => Some(*t),
            _ => None,
        };
        Some(match op {
            Op::Nop => Insn::Nop,
            Op::Halt => Insn::Halt,
            Op::Ret => Insn::Ret,
            Op::Bell => Insn::Bell,
            Op::Load => Insn::Load(reg(0)?, src(1)?),
            Op::Stor => match v.get(1) {
                Some(Resolved::Mem(mem)) => Insn::Stor(src(0)?, *mem),
                _ => return None,
            },
            Op::Arith(a) => Insn::Arith(a, reg(0)?, src(1)?),
            Op::Cmp => Insn::Cmp(reg(0)?, src(1)?),
            Op::Unary(u) => Insn::Unary(u, reg(0)?),
            Op::Pop => Insn::Pop(reg(0)?),
            Op::Rdcrd => Insn::Rdcrd(reg(0)?),
            Op::Shift(s) => match v.get(1) {
                Some(Resolved::Count(k)) => Insn::Shift(s, reg(0)?, *k),
                _ => return None,
            },
            Op::Jump(c) => Insn::Jump(c, target()?),
            Op::Call => Insn::Call(target()?),
            Op::Push => Insn::Push(src(0)?),
            Op::Wrprn => Insn::Wrprn(src(0)?),
            Op::Wrchr => Insn::Wrchr(src(0)?),
        })
    }

    /// Resolves operand `i` of mnemonic `m` as `kind`, reporting what does not fit.
    fn resolve(
        &mut self,
        m: &str,
        i: usize,
        kind: Kind,
        op: &Operand<'a>,
        len: u32,
        store: Option<u32>,
    ) -> Option<Resolved> {
        let text = self.text(op.span);
        match kind {
            Kind::Reg => match op.kind {
                OperandKind::Reg(r) => Some(Resolved::Reg(r)),
                OperandKind::Bad => None,
                _ => {
                    let d = self.error(
                        "asm/operand-kind",
                        format!("`{m}` needs a register here, found `{text}`"),
                        op.span,
                    );
                    let hint = match op.kind {
                        OperandKind::Mem(_) if i == 0 && names::mnemonic(m) == Some(Op::Load) => {
                            format!("to write a Store column, use `STOR`, as in `STOR A, {text}`")
                        }
                        OperandKind::Sp => "`SP` is only usable in brackets, as in `[SP]`".into(),
                        _ => "the registers are `A`, `B`, `C` and `D`".into(),
                    };
                    d.hints.push(hint);
                    None
                }
            },
            Kind::Src | Kind::StorSrc => match &op.kind {
                OperandKind::Mem(_) if kind == Kind::StorSrc => {
                    self.error("asm/operand-kind", format!("`{m}` cannot store a Store column, found `{text}`"), op.span)
                        .hints
                        .push(format!("load it into a register first, as in `LOAD A, {text}`, then store the register"));
                    None
                }
                OperandKind::Mem(expr) => self
                    .mem(expr, op.span, store)
                    .map(|m| Resolved::Src(Src::Mem(m))),
                OperandKind::Sp => {
                    self.error(
                        "asm/operand-kind",
                        "`SP` can only be used inside brackets, as in `[SP]`".into(),
                        op.span,
                    );
                    None
                }
                OperandKind::Str(_) => {
                    self.error(
                        "asm/operand-kind",
                        format!("a string can only be used in `.data`, found `{text}`"),
                        op.span,
                    )
                    .hints
                    .push(
                        "store the text with `.data msg \"…\"`, then read it column by column"
                            .into(),
                    );
                    None
                }
                _ => self.immediate(op).map(Resolved::Src),
            },
            Kind::Mem => match &op.kind {
                OperandKind::Mem(expr) => self.mem(expr, op.span, store).map(Resolved::Mem),
                OperandKind::Bad => None,
                OperandKind::Reg(r) => {
                    let r = r.name();
                    self.error(
                        "asm/operand-kind",
                        format!("`{m}` cannot store into a register, found `{text}`"),
                        op.span,
                    )
                    .hints
                    .push(format!("to set a register, use `LOAD {r}, …`"));
                    None
                }
                OperandKind::Int(_) | OperandKind::Name(_) => {
                    self.error(
                        "asm/operand-kind",
                        format!("`{m}` stores into a Store column, found `{text}`"),
                        op.span,
                    )
                    .hints
                    .push(format!("write the column in brackets, as in `[{text}]`"));
                    None
                }
                _ => {
                    self.error(
                        "asm/operand-kind",
                        format!("`{m}` stores into a Store column, found `{text}`"),
                        op.span,
                    );
                    None
                }
            },
            Kind::Target => self.target(m, op, len).map(Resolved::Target),
            Kind::Count => self.shift_count(m, op),
        }
    }

    /// A register, an integer or character literal, or a name, as a source operand.
    fn immediate(&mut self, op: &Operand<'a>) -> Option<Src> {
        match op.kind {
            OperandKind::Reg(r) => Some(Src::Reg(r)),
            OperandKind::Int(n) => Some(Src::Imm(n)),
            OperandKind::Char(c) => Some(Src::Imm(Num::from(c))),
            OperandKind::Name(name) => {
                let kind = self.lookup(name, op.span)?;
                self.value(kind).map(Src::Imm)
            }
            _ => None,
        }
    }

    fn target(&mut self, m: &str, op: &Operand<'a>, len: u32) -> Option<Target> {
        let text = self.text(op.span);
        let (value, shown_value) = match op.kind {
            OperandKind::Reg(r) => return Some(Target::Reg(r)),
            OperandKind::Bad => return None,
            OperandKind::Int(n) => (n, String::new()),
            OperandKind::Char(c) => (Num::from(c), format!(" (= {})", u32::from(c))),
            OperandKind::Name(name) => match self.lookup(name, op.span)? {
                DefKind::Code(i) => return Some(Target::Imm(i)),
                kind @ DefKind::Equ(_) => {
                    let n = self.value(kind)?;
                    (n, format!(" (= {n})"))
                }
                DefKind::Data(_) => {
                    self.error(
                        "asm/operand-kind",
                        format!("jump target `{name}` is a data name, not a code label"),
                        op.span,
                    );
                    return None;
                }
            },
            OperandKind::Mem(_) => {
                self.error(
                    "asm/operand-kind",
                    format!("a jump target cannot be a Store column, found `{text}`"),
                    op.span,
                )
                .hints
                .push(format!(
                    "load the column into a register first, as in `LOAD A, {text}`, then `{m} A`"
                ));
                return None;
            }
            OperandKind::Sp | OperandKind::Str(_) => {
                self.error(
                    "asm/operand-kind",
                    format!("`{m}` needs a code label, an integer or a register, found `{text}`"),
                    op.span,
                );
                return None;
            }
        };
        match value.to_index(len.saturating_add(1)) {
            Some(t) => Some(Target::Imm(t)),
            None => {
                self.error(
                    "asm/target-range",
                    format!("jump target `{text}`{shown_value} is outside the program"),
                    op.span,
                )
                .hints
                .push(format!(
                    "a target is an instruction index from 0 to {len}, the end of the program"
                ));
                None
            }
        }
    }

    fn shift_count(&mut self, m: &str, op: &Operand<'a>) -> Option<Resolved> {
        let k = self.const_int(op, &format!("`{m}`'s shift count"))?;
        if let Some(k) = k.to_index(u32::from(MAX_SHIFT) + 1) {
            return Some(Resolved::Count(k as u8));
        }
        let text = self.text(op.span);
        let shift = names::mnemonic(m);
        let hint = if k.is_negative() {
            let other = if shift == Some(Op::Shift(ShiftOp::Shl)) {
                "SHR"
            } else {
                "SHL"
            };
            format!("to shift the other way, use `{other}` with `{}`", k.abs())
        } else if shift == Some(Op::Shift(ShiftOp::Shl)) {
            "shifting a nonzero number up by more than 50 digits always overflows; to clear a register, `LOAD` it with 0"
                .to_string()
        } else {
            "shifting down by more than 50 digits always gives 0; to clear a register, `LOAD` it with 0".to_string()
        };
        self.error(
            "asm/shift-range",
            format!("shift count `{text}` is outside 0 … {MAX_SHIFT}"),
            op.span,
        )
        .hints
        .push(hint);
        None
    }

    /// Resolves a Store operand; a fixed address must lie inside the Store.
    fn mem(&mut self, expr: &MemExpr<'a>, span: Span, store: Option<u32>) -> Option<Mem> {
        let offset = match &expr.offset {
            None => Some(Num::ZERO),
            Some(off) => {
                let k = match off.value {
                    OffsetValue::Int(n) => Some(n),
                    OffsetValue::Bad => None,
                    OffsetValue::Name(name) => match self.lookup(name, off.span) {
                        Some(kind @ DefKind::Equ(_)) => self.value(kind),
                        Some(kind) => {
                            let what = kind.describe();
                            self.error(
                                "asm/operand-kind",
                                format!("the offset `{name}` must be an integer or a `.equ` constant, but it is {what}"),
                                off.span,
                            );
                            None
                        }
                        None => None,
                    },
                };
                k.map(|k| if off.negative { -k } else { k })
            }
        };
        let base = match expr.base {
            MemBase::Reg(r) => Some(Base::Reg(r)),
            MemBase::Sp => Some(Base::Sp),
            _ => None,
        };
        if let Some(base) = base {
            return Some(Mem::Ind {
                base,
                offset: offset?,
            });
        }
        let start = match expr.base {
            MemBase::Int(n) => Some(n),
            MemBase::Name(name) => self
                .lookup(name, expr.base_span)
                .and_then(|kind| self.value(kind)),
            _ => None,
        };
        let (start, offset) = (start?, offset?);
        // Without a valid Store size (already reported) no address can be checked.
        let n = store?;
        let address = start.checked_add(offset);
        if let Some(a) = address.and_then(|a| a.to_index(n)) {
            return Some(Mem::Abs(a));
        }
        let text = self.text(span);
        let computed = match (&expr.base, &expr.offset, address) {
            (MemBase::Int(_), None, _) | (_, _, None) => String::new(),
            (_, _, Some(a)) => format!(" (= {a})"),
        };
        let d = self.error(
            "asm/address-range",
            format!(
                "Store address `{text}`{computed} is outside the Store, 0 … {}",
                n - 1
            ),
            span,
        );
        if address.is_some_and(|a| !a.is_negative() && a < Num::from(MAX_STORE_SIZE)) {
            d.hints.push(format!(
                "the Store has {n} columns; `.store` sets a larger one"
            ));
        }
        None
    }

    // Pass 2: data.

    fn fill_data(&mut self) -> Vec<Num> {
        let items = std::mem::take(&mut self.data);
        let mut data = Vec::new();
        for item in &items {
            match item.stmt.head {
                Head::Directive(Directive::Zero) => {
                    // Columns past the largest Store are never materialized: that data
                    // overlaps the stack, which is an error.
                    let room = u64::from(MAX_STORE_SIZE).saturating_sub(data.len() as u64);
                    data.extend(std::iter::repeat_n(Num::ZERO, item.len.min(room) as usize));
                }
                _ => {
                    for op in &item.stmt.operands {
                        self.data_value(op, &mut data);
                    }
                }
            }
        }
        self.data = items;
        data
    }

    /// Appends the columns of one `.data` value.
    fn data_value(&mut self, op: &Operand<'a>, data: &mut Vec<Num>) {
        match &op.kind {
            OperandKind::Str(s) => {
                data.extend(s.chars().map(Num::from));
                data.push(Num::ZERO);
            }
            OperandKind::Int(_) | OperandKind::Char(_) | OperandKind::Name(_) => {
                let value = match self.immediate(op) {
                    Some(Src::Imm(n)) => n,
                    _ => Num::ZERO,
                };
                data.push(value);
            }
            OperandKind::Bad => data.push(Num::ZERO),
            OperandKind::Reg(_) | OperandKind::Sp | OperandKind::Mem(_) => {
                let text = self.text(op.span);
                self.error(
                    "asm/operand-kind",
                    format!(
                        "`.data` values are integers, characters, strings or names, found `{text}`"
                    ),
                    op.span,
                );
                data.push(Num::ZERO);
            }
        }
    }

    /// Reports data reaching into the stack, on whichever of the data, `.stack` and
    /// `.store` directives comes last in the source: that is the one that made the layout
    /// impossible, reading from the top.
    fn check_overlap(&mut self, sizes: Sizes) {
        let (Some(n), Some(s)) = (sizes.store, sizes.stack) else {
            return;
        };
        let floor = u64::from(n - s);
        let end = |item: &DataItem<'_>| item.addr.saturating_add(item.len);
        let Some(crossing) = self.data.iter().find(|item| end(item) > floor) else {
            return;
        };
        let data_end = self.data.last().map_or(0, end);
        let data_span = crossing.stmt.span;
        let data_name = crossing
            .stmt
            .name
            .map_or_else(|| "data".to_string(), |(name, _)| format!("data `{name}`"));
        let stack_span = self.stack.as_ref().map(|stmt| stmt.span);
        let store_span = self.store.as_ref().map(|stmt| stmt.span);
        let stack_columns = format!("{floor} … {}", n - 1);
        let blame = [Some(data_span), stack_span, store_span]
            .into_iter()
            .flatten()
            .max_by_key(|span| span.start);
        let d = if blame == Some(data_span) {
            let last = end(crossing).saturating_sub(1);
            let mut d = Diagnostic::error(
                "asm/overlap",
                format!(
                    "{data_name} reaches column {last}, inside the stack (columns {stack_columns})"
                ),
                data_span,
            );
            if let Some(span) = stack_span {
                d = d.with_label(span, "the stack size is set here");
            } else if let Some(span) = store_span {
                d = d.with_label(span, "the Store size is set here");
            }
            d.with_hint("make the stack smaller with `.stack`, or the Store larger with `.store`")
        } else if blame == stack_span {
            Diagnostic::error(
                "asm/overlap",
                format!(
                    "a stack of {s} columns overlaps the data: the data takes columns 0 … {} and the stack {stack_columns}",
                    data_end.saturating_sub(1)
                ),
                stack_span.unwrap_or_default(),
            )
            .with_label(data_span, "this data reaches into the stack")
            .with_hint(match u64::from(n).checked_sub(data_end) {
                Some(room) if room > 0 => format!("with this data, the stack can be at most {room} columns"),
                _ => "the data alone fills the Store; make it larger with `.store`".to_string(),
            })
        } else {
            Diagnostic::error(
                "asm/overlap",
                format!(
                    "a Store of {n} columns is too small: the data takes columns 0 … {} and the stack {stack_columns}",
                    data_end.saturating_sub(1)
                ),
                store_span.unwrap_or_default(),
            )
            .with_label(data_span, "this data reaches into the stack")
            .with_hint("make the Store larger, or the stack smaller with `.stack`")
        };
        self.diags.push(d);
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

/// A resolved operand, by the kind its position expects.
#[derive(Clone, Copy, Debug)]
enum Resolved {
    Reg(Reg),
    Src(Src),
    Mem(Mem),
    Target(Target),
    Count(u8),
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
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
