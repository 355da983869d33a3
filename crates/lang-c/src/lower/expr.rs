//! Lowering expressions: values, places (what is assigned to), and conditions, which
//! branch directly so that `&&`, `||` and `!` short-circuit without making 0/1 values.

use diag::Span;
use ir::{Address, BinOp, BlockId, InstKind, Operand, UnOp, Var};

use super::{FnLower, Local};
use crate::ast::{self, Callee, Expr, ExprKind, Res};
use crate::check::Shape;

/// Something that can be read and written.
#[derive(Clone, Copy, Debug)]
pub(super) enum Place {
    Var(Var),
    Column(Address),
}

/// Where an array's columns are, and how many.
#[derive(Clone, Copy, Debug)]
pub(super) enum ArrayRef {
    Global { global: ir::GlobalId, len: u32 },
    Frame { slot: u32, len: u32 },
    Param { addr: Var, len: Var },
}

fn bin_op(op: ast::BinOp) -> BinOp {
    match op {
        ast::BinOp::Add => BinOp::Add,
        ast::BinOp::Sub => BinOp::Sub,
        ast::BinOp::Mul => BinOp::Mul,
        ast::BinOp::Div => BinOp::Div,
        ast::BinOp::Rem => BinOp::Rem,
        ast::BinOp::Lt => BinOp::Lt,
        ast::BinOp::Gt => BinOp::Gt,
        ast::BinOp::Le => BinOp::Le,
        ast::BinOp::Ge => BinOp::Ge,
        ast::BinOp::Eq => BinOp::Eq,
        ast::BinOp::Ne => BinOp::Ne,
    }
}

impl FnLower<'_> {
    pub(super) fn at(&mut self, span: Span) {
        self.b.set_span(Some(span));
    }

    /// A temporary holding `lhs op rhs`, the instruction carrying `span`.
    fn binary_at(&mut self, op: BinOp, lhs: Operand, rhs: Operand, span: Span) -> Var {
        self.at(span);
        self.b.binary(op, lhs, rhs)
    }

    /// The value of an expression (a number; 0 for a `void` call).
    pub(super) fn value(&mut self, e: &Expr) -> Operand {
        match &e.kind {
            ExprKind::Int(v) => Operand::Const(*v),
            ExprKind::Name(_, res) => {
                let place = self.var_place(*res);
                self.at(e.span);
                self.read(place)
            }
            ExprKind::Unary(op, op_span, x) => {
                let v = self.value(x);
                self.at(*op_span);
                match op {
                    ast::UnOp::Plus => v,
                    ast::UnOp::Neg => self.b.unary(UnOp::Neg, v).into(),
                    ast::UnOp::Not => self.b.unary(UnOp::Not, v).into(),
                }
            }
            ExprKind::Binary(op, op_span, a, b) => {
                let (a, b) = (self.value(a), self.value(b));
                self.binary_at(bin_op(*op), a, b, *op_span).into()
            }
            ExprKind::Logical { .. } | ExprKind::Cond(..) => self.joined(e),
            ExprKind::Assign {
                op,
                op_span,
                target,
                value,
            } => {
                let place = self.place(target);
                let v = match (op, place) {
                    (None, _) => self.value(value),
                    // `x += v` on a variable updates it in place.
                    (Some(op), Place::Var(var)) => {
                        let rhs = self.value(value);
                        self.at(*op_span);
                        self.b.push(InstKind::Binary {
                            dst: var,
                            op: bin_op(*op),
                            lhs: var.into(),
                            rhs,
                        });
                        return var.into();
                    }
                    (Some(op), Place::Column(_)) => {
                        self.at(target.span);
                        let old = self.read(place);
                        let rhs = self.value(value);
                        self.binary_at(bin_op(*op), old, rhs, *op_span).into()
                    }
                };
                self.at(e.span);
                self.write(place, v);
                match place {
                    Place::Var(var) => var.into(),
                    Place::Column(_) => v,
                }
            }
            ExprKind::IncDec {
                inc,
                prefix,
                op,
                target,
            } => self.inc_dec(*inc, *prefix, *op, target),
            ExprKind::Call(_, args, res) => self.call(args, *res, e.span),
            ExprKind::Index(..) => {
                let place = self.place(e);
                self.at(e.span);
                self.read(place)
            }
            ExprKind::Comma(a, b) => {
                self.discard(a);
                self.value(b)
            }
            // A checked program has none of these.
            ExprKind::Str(_) | ExprKind::AddrOf(_) | ExprKind::Error => Operand::int(0),
        }
    }

    /// `++`/`--`; the value is the new one if `prefix`, else the old one.
    fn inc_dec(&mut self, inc: bool, prefix: bool, op: Span, target: &Expr) -> Operand {
        let place = self.place(target);
        self.at(op);
        let step = if inc { BinOp::Add } else { BinOp::Sub };
        match place {
            Place::Var(var) if prefix => {
                self.b.push(InstKind::Binary {
                    dst: var,
                    op: step,
                    lhs: var.into(),
                    rhs: Operand::int(1),
                });
                var.into()
            }
            Place::Var(var) => {
                // The old value must be kept before the variable changes.
                let old = self.b.temp();
                self.b.copy(old, var);
                self.b.push(InstKind::Binary {
                    dst: var,
                    op: step,
                    lhs: old.into(),
                    rhs: Operand::int(1),
                });
                old.into()
            }
            Place::Column(_) => {
                let old = self.read(place);
                let new = self.b.binary(step, old, Operand::int(1));
                self.write(place, new.into());
                if prefix { new.into() } else { old }
            }
        }
    }

    /// An expression evaluated for its effect.
    pub(super) fn discard(&mut self, e: &Expr) {
        match &e.kind {
            // Unused, `x++` is `++x`, which needs no copy of the old value.
            ExprKind::IncDec {
                inc, op, target, ..
            } => {
                let _ = self.inc_dec(*inc, true, *op, target);
            }
            ExprKind::Cond(c, a, b) => {
                let (then_b, else_b, end) =
                    (self.b.new_block(), self.b.new_block(), self.b.new_block());
                self.branch(c, then_b, else_b);
                self.b.switch_to(then_b);
                self.discard(a);
                self.b.terminate(ir::TermKind::Jump(end));
                self.b.switch_to(else_b);
                self.discard(b);
                self.b.jump_to(end);
            }
            ExprKind::Comma(a, b) => {
                self.discard(a);
                self.discard(b);
            }
            _ => {
                let _ = self.value(e);
            }
        }
    }

    /// `&&`, `||` and `?:` as values: the branches meet in a block with the result.
    fn joined(&mut self, e: &Expr) -> Operand {
        let result = self.b.temp();
        let end = self.b.new_block();
        match &e.kind {
            ExprKind::Cond(c, a, b) => {
                let (then_b, else_b) = (self.b.new_block(), self.b.new_block());
                self.branch(c, then_b, else_b);
                for (block, side) in [(then_b, a), (else_b, b)] {
                    self.b.switch_to(block);
                    let v = self.value(side);
                    self.at(side.span);
                    self.b.copy(result, v);
                    self.b.jump_to(end);
                }
            }
            _ => {
                let (one, zero) = (self.b.new_block(), self.b.new_block());
                self.branch(e, one, zero);
                for (block, v) in [(one, 1), (zero, 0)] {
                    self.b.switch_to(block);
                    self.at(e.span);
                    self.b.copy(result, Operand::int(v));
                    self.b.jump_to(end);
                }
            }
        }
        self.b.switch_to(end);
        result.into()
    }

    /// Goes to `then_b` if the expression is not 0, else to `else_b`.
    pub(super) fn branch(&mut self, e: &Expr, then_b: BlockId, else_b: BlockId) {
        match &e.kind {
            ExprKind::Logical { and, lhs, rhs, .. } => {
                let mid = self.b.new_block();
                if *and {
                    self.branch(lhs, mid, else_b);
                } else {
                    self.branch(lhs, then_b, mid);
                }
                self.b.switch_to(mid);
                self.branch(rhs, then_b, else_b);
            }
            ExprKind::Unary(ast::UnOp::Not, _, x) => self.branch(x, else_b, then_b),
            ExprKind::Int(v) => {
                self.at(e.span);
                let target = if v.is_zero() { else_b } else { then_b };
                self.b.terminate(ir::TermKind::Jump(target));
            }
            _ => {
                let v = self.value(e);
                self.at(e.span);
                self.b.branch(v, then_b, else_b);
            }
        }
    }

    /// The place a variable name stands for.
    fn var_place(&mut self, res: Res) -> Place {
        match res {
            Res::Local(i) => match self.locals[i] {
                Some(Local::Scalar(v)) => Place::Var(v),
                // Arrays are only named where `array_ref` handles them.
                _ => Place::Var(self.b.temp()),
            },
            Res::Global(g) => Place::Column(Address::Global {
                global: self.globals[g],
                offset: 0,
            }),
            Res::None => Place::Var(self.b.temp()),
        }
    }

    /// The array an expression names.
    pub(super) fn array_ref(&mut self, e: &Expr) -> Option<ArrayRef> {
        let (_, res) = e.as_name()?;
        match res {
            Res::Local(i) => match self.locals[i]? {
                Local::Array { slot, len } => Some(ArrayRef::Frame { slot, len }),
                Local::Param { addr, len } => Some(ArrayRef::Param { addr, len }),
                Local::Scalar(_) => None,
            },
            Res::Global(g) => match self.syms.globals[g].var.shape {
                Shape::Array(len) => Some(ArrayRef::Global {
                    global: self.globals[g],
                    len,
                }),
                _ => None,
            },
            Res::None => None,
        }
    }

    /// The address and length of an array, as call arguments.
    pub(super) fn array_args(&mut self, array: ArrayRef) -> [Operand; 2] {
        match array {
            ArrayRef::Global { global, len } => {
                [self.b.global_addr(global).into(), Operand::int(len.into())]
            }
            ArrayRef::Frame { slot, len } => {
                [self.b.frame_addr(slot).into(), Operand::int(len.into())]
            }
            ArrayRef::Param { addr, len } => [addr.into(), len.into()],
        }
    }

    /// A place: a variable, or an array element with its index checked.
    pub(super) fn place(&mut self, e: &Expr) -> Place {
        match &e.kind {
            ExprKind::Name(_, res) => self.var_place(*res),
            ExprKind::Index(base, index) => {
                let Some(array) = self.array_ref(base) else {
                    return Place::Var(self.b.temp());
                };
                let i = self.value(index);
                self.at(e.span);
                self.element(array, i)
            }
            _ => Place::Var(self.b.temp()),
        }
    }

    /// Element `i` of an array, after checking that `0 ≤ i < len`.
    fn element(&mut self, array: ArrayRef, i: Operand) -> Place {
        let known = |len: u32| match i {
            Operand::Const(k) => k.to_i64().filter(|&k| k >= 0 && k < i64::from(len)),
            Operand::Var(_) => None,
        };
        match array {
            ArrayRef::Global { global, len } => {
                if let Some(k) = known(len) {
                    return Place::Column(Address::Global {
                        global,
                        offset: k as u32,
                    });
                }
                self.check_index(i, Operand::int(len.into()));
                let base = self.b.global_addr(global);
                self.offset(base, i)
            }
            ArrayRef::Frame { slot, len } => {
                if known(len).is_none() {
                    self.check_index(i, Operand::int(len.into()));
                }
                let base = self.b.frame_addr(slot);
                self.offset(base, i)
            }
            ArrayRef::Param { addr, len } => {
                self.check_index(i, len.into());
                self.offset(addr, i)
            }
        }
    }

    fn check_index(&mut self, index: Operand, len: Operand) {
        self.b.push(InstKind::CheckIndex { index, len });
    }

    fn offset(&mut self, base: Var, i: Operand) -> Place {
        match i {
            Operand::Const(k) => Place::Column(Address::Ptr {
                base: base.into(),
                offset: k.to_i64().unwrap_or(0),
            }),
            Operand::Var(_) => {
                let addr = self.b.binary(BinOp::Add, base, i);
                Place::Column(Address::Ptr {
                    base: addr.into(),
                    offset: 0,
                })
            }
        }
    }

    pub(super) fn read(&mut self, place: Place) -> Operand {
        match place {
            Place::Var(v) => v.into(),
            Place::Column(addr) => self.b.load(addr).into(),
        }
    }

    pub(super) fn write(&mut self, place: Place, value: Operand) {
        match place {
            Place::Var(v) => self.b.copy(v, value),
            Place::Column(addr) => self.b.store(addr, value),
        }
    }

    /// A call: of a function of the program, or of the library.
    fn call(&mut self, args: &[Expr], res: Callee, span: Span) -> Operand {
        match res {
            Callee::Func(id) => {
                let f = &self.syms.funcs[id];
                let returns_value = !f.returns_void;
                let params = f.params.clone();
                // Arguments are evaluated right to left, as gcc does (C leaves the order
                // open, and programs that print in their arguments see the difference).
                let mut ops: Vec<Vec<Operand>> = Vec::new();
                for (arg, param) in args.iter().zip(&params).rev() {
                    if param.is_array {
                        let array = self.array_ref(arg);
                        self.at(arg.span);
                        ops.push(match array {
                            Some(array) => self.array_args(array).to_vec(),
                            None => vec![Operand::int(0), Operand::int(0)],
                        });
                    } else {
                        ops.push(vec![self.value(arg)]);
                    }
                }
                let ops: Vec<Operand> = ops.into_iter().rev().flatten().collect();
                self.at(span);
                let Some(func) = self.funcs[id] else {
                    return Operand::int(0);
                };
                match self.b.call(func, ops, returns_value) {
                    Some(v) => v.into(),
                    None => Operand::int(0),
                }
            }
            Callee::Printf => {
                self.printf(args);
                Operand::int(0)
            }
            Callee::Scanf => {
                self.scanf(args);
                Operand::int(0)
            }
            Callee::Putchar => {
                let c = self.value(&args[0]);
                self.at(span);
                self.b.push(InstKind::PrintChar(c));
                c
            }
            Callee::Puts => {
                self.print_string(&args[0], 0, false, "\n");
                Operand::int(0)
            }
            Callee::None => Operand::int(0),
        }
    }
}
