//! The second pass over instructions: each operand checked against its instruction's
//! signature, names resolved, ranges checked, and the instruction encoded.

use diag::Span;
use isa::{Base, Insn, MAX_SHIFT, MAX_STORE_SIZE, Mem, Num, Reg, ShiftOp, Src, Target};

use super::{Assembler, DefKind};
use crate::names::{self, Kind, Op};
use crate::parser::{Head, MemBase, MemExpr, OffsetValue, Operand, OperandKind, Stmt};

impl<'a> Assembler<'a> {
    pub(super) fn encode(&mut self, store: Option<u32>) -> (Vec<Insn>, Vec<Span>) {
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
        // No instruction takes more than two operands.
        let mut v = [None; 2];
        for (i, (&kind, op)) in kinds.iter().zip(ops).enumerate() {
            let resolved = self.resolve(m, i, kind, op, len, store);
            if let Some(slot) = v.get_mut(i) {
                *slot = resolved;
            }
        }
        let missing = v.iter().take(kinds.len()).any(Option::is_none);
        if missing {
            return None;
        }
        // The signature fixed each position's kind, so these never miss; `?` rather than a
        // panic keeps that an internal matter.
        let reg = |i: usize| match v.get(i) {
            Some(Some(Resolved::Reg(r))) => Some(*r),
            _ => None,
        };
        let src = |i: usize| match v.get(i) {
            Some(Some(Resolved::Src(s))) => Some(*s),
            _ => None,
        };
        let target = || match v.first() {
            Some(Some(Resolved::Target(t))) => Some(*t),
            _ => None,
        };
        Some(match op {
            Op::Nop => Insn::Nop,
            Op::Halt => Insn::Halt,
            Op::Ret => Insn::Ret,
            Op::Bell => Insn::Bell,
            Op::Load => Insn::Load(reg(0)?, src(1)?),
            Op::Stor => match v.get(1) {
                Some(Some(Resolved::Mem(mem))) => Insn::Stor(src(0)?, *mem),
                _ => return None,
            },
            Op::Arith(a) => Insn::Arith(a, reg(0)?, src(1)?),
            Op::Cmp => Insn::Cmp(reg(0)?, src(1)?),
            Op::Unary(u) => Insn::Unary(u, reg(0)?),
            Op::Pop => Insn::Pop(reg(0)?),
            Op::Rdcrd => Insn::Rdcrd(reg(0)?),
            Op::Shift(s) => match v.get(1) {
                Some(Some(Resolved::Count(k))) => Insn::Shift(s, reg(0)?, *k),
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
    pub(super) fn immediate(&mut self, op: &Operand<'a>) -> Option<Src> {
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
