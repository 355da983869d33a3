//! Between the passes: `.equ` values, the data layout, the Store and stack sizes and the
//! entry point; after them, the data's values and the check that data and stack do not
//! overlap.

use diag::Diagnostic;
use isa::{DEFAULT_STORE_SIZE, MAX_STORE_SIZE, MIN_STORE_SIZE, Num, Src, default_stack_size};

use super::{Assembler, DataItem, Def, DefKind, EquItem, Sizes, placeholder_stmt};
use crate::parser::{Directive, Head, Operand, OperandKind, Stmt};

impl<'a> Assembler<'a> {
    pub(super) fn evaluate_constants(&mut self) {
        for i in 0..self.equs.len() {
            let stmt = &self.equs[i].stmt;
            let name = stmt.name.map_or("NAME", |(n, _)| n);
            let form = format!(".equ {name} 10");
            // The statement is moved out while it is evaluated so that diagnostics can be
            // pushed; it is put back before the next one, which may refer to it.
            let stmt = std::mem::replace(&mut self.equs[i].stmt, placeholder_stmt());
            let value = if self.single_operand(&stmt, "value", &form) {
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

    pub(super) fn lay_out_data(&mut self) {
        let mut items = std::mem::take(&mut self.data);
        let mut addr = 0u64;
        for item in &mut items {
            item.addr = addr;
            item.len = self.data_len(&item.stmt);
            addr = addr.saturating_add(item.len);
        }
        self.addrs = items.iter().map(|item| item.addr).collect();
        self.data = items;
    }

    /// How many columns a `.data` or `.zero` takes (0 after an error).
    fn data_len(&mut self, stmt: &Stmt<'a>) -> u64 {
        let name = stmt.name.map_or("name", |(n, _)| n);
        if stmt.head == Head::Directive(Directive::Zero) {
            if !self.single_operand(stmt, "column count", &format!(".zero {name} 10")) {
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

    pub(super) fn sizes(&mut self) -> Sizes {
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
        if !self.single_operand(stmt, "size", ".store 10000") {
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
        if !self.single_operand(stmt, "size", ".stack 100") {
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

    pub(super) fn entry(&mut self) -> u32 {
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
        if self.single_operand(&stmt, "label", ".entry start") {
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

    pub(super) fn fill_data(&mut self) -> Vec<Num> {
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
    pub(super) fn check_overlap(&mut self, sizes: Sizes) {
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
            // Lengths past any Store were capped when laid out, so name no column then.
            let message = if last >= u64::from(MAX_STORE_SIZE) {
                format!("{data_name} is larger than the largest Store (1,000,000 columns)")
            } else {
                format!(
                    "{data_name} reaches column {last}, inside the stack (columns {stack_columns})"
                )
            };
            let mut d = Diagnostic::error("asm/overlap", message, data_span);
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
}
