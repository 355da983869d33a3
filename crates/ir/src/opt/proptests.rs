//! Random programs with branches, counted loops, calls, faults and prints: optimising
//! them must not change what the interpreter sees.

use diag::Span;
use proptest::collection::vec;
use proptest::prelude::*;

use super::*;
use crate::builder::{FunctionBuilder, ModuleBuilder};
use crate::interp::interpret;
use crate::module::{BinOp, FuncId, UnOp, Var};
use isa::Num;

#[derive(Clone, Debug)]
enum Expr {
    Int(Num),
    Var(u8),
    Read,
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
}

#[derive(Clone, Debug)]
enum Stmt {
    Assign(u8, Expr),
    Print(Expr),
    PrintChar(Expr),
    Check(Expr, Expr),
    Call(u8, Expr, Expr),
    Return(Expr),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    Loop(u8, Vec<Stmt>),
}

const VARS: u8 = 3;

fn binop() -> impl Strategy<Value = BinOp> {
    use BinOp::*;
    // Division rarer, or most runs would end at their first division by zero.
    prop_oneof![
        6 => prop::sample::select(vec![Add, Sub, Mul]),
        4 => prop::sample::select(vec![Eq, Ne, Lt, Le, Gt, Ge]),
        2 => prop::sample::select(vec![Div, Rem, FloorDiv, FloorMod]),
    ]
}

fn unop() -> impl Strategy<Value = UnOp> {
    prop::sample::select(vec![UnOp::Neg, UnOp::Not, UnOp::Abs])
}

fn expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        2 => Just(Expr::Int(Num::ZERO)),
        5 => (-4i64..10).prop_map(|n| Expr::Int(Num::from(n))),
        1 => prop::sample::select(vec![Num::MAX, Num::MIN, Num::from(0x10FFFF_i64 + 1)])
            .prop_map(Expr::Int),
        8 => (0..VARS).prop_map(Expr::Var),
        1 => Just(Expr::Read),
    ];
    leaf.prop_recursive(3, 12, 2, |inner| {
        prop_oneof![
            (binop(), inner.clone(), inner.clone()).prop_map(|(op, a, b)| Expr::Binary(
                op,
                Box::new(a),
                Box::new(b)
            )),
            (unop(), inner).prop_map(|(op, a)| Expr::Unary(op, Box::new(a))),
        ]
    })
}

fn stmt() -> impl Strategy<Value = Stmt> {
    let leaf = prop_oneof![
        6 => ((0..VARS), expr()).prop_map(|(v, e)| Stmt::Assign(v, e)),
        // Plain copies, so that copy propagation has chains to follow and break.
        4 => ((0..VARS), (0..VARS)).prop_map(|(v, w)| Stmt::Assign(v, Expr::Var(w))),
        4 => expr().prop_map(Stmt::Print),
        1 => expr().prop_map(Stmt::PrintChar),
        1 => (expr(), expr()).prop_map(|(i, n)| Stmt::Check(i, n)),
        1 => ((0..VARS), expr(), expr()).prop_map(|(v, a, b)| Stmt::Call(v, a, b)),
        1 => expr().prop_map(Stmt::Return),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            (expr(), vec(inner.clone(), 0..4), vec(inner.clone(), 0..3))
                .prop_map(|(c, t, e)| Stmt::If(c, t, e)),
            ((0u8..4), vec(inner, 0..4)).prop_map(|(n, body)| Stmt::Loop(n, body)),
        ]
    })
}

struct Lower {
    f: FunctionBuilder,
    vars: Vec<Var>,
    helper: FuncId,
    next_span: usize,
}

impl Lower {
    fn expr(&mut self, e: &Expr) -> Operand {
        match e {
            Expr::Int(n) => Operand::Const(*n),
            Expr::Var(v) => self.vars[*v as usize].into(),
            Expr::Read => {
                let t = self.f.temp();
                self.f.push(InstKind::ReadCard { dst: t });
                t.into()
            }
            Expr::Unary(op, a) => {
                let a = self.expr(a);
                self.f.unary(*op, a).into()
            }
            Expr::Binary(op, a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                self.f.binary(*op, a, b).into()
            }
        }
    }

    fn stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            // Each statement its own span, so a moved fault would show.
            self.next_span += 1;
            let at = self.next_span;
            self.f.set_span(Some(Span::new(at, at + 1)));
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Assign(v, e) => {
                let value = self.expr(e);
                self.f.copy(self.vars[*v as usize], value);
            }
            Stmt::Print(e) => {
                let value = self.expr(e);
                self.f.push(InstKind::PrintNum(value));
                self.f.push(InstKind::PrintChar(Operand::int(' ' as i64)));
            }
            Stmt::PrintChar(e) => {
                let value = self.expr(e);
                self.f.push(InstKind::PrintChar(value));
            }
            Stmt::Check(i, n) => {
                let (index, len) = (self.expr(i), self.expr(n));
                self.f.push(InstKind::CheckIndex { index, len });
            }
            Stmt::Call(v, a, b) => {
                let args = vec![self.expr(a), self.expr(b)];
                let r = self.f.call(self.helper, args, true).expect("a result");
                self.f.copy(self.vars[*v as usize], r);
            }
            Stmt::Return(e) => {
                let value = self.expr(e);
                self.f.ret(Some(value));
            }
            Stmt::If(c, then, other) => {
                let cond = self.expr(c);
                let (t, e, end) = (self.f.new_block(), self.f.new_block(), self.f.new_block());
                self.f.branch(cond, t, e);
                self.f.switch_to(t);
                self.stmts(then);
                self.f.jump_to(e);
                self.stmts(other);
                self.f.jump_to(end);
            }
            Stmt::Loop(n, body) => {
                let counter = self.f.named_var("k");
                let (head, inner, exit) =
                    (self.f.new_block(), self.f.new_block(), self.f.new_block());
                self.f.copy(counter, Operand::int(0));
                self.f.jump_to(head);
                let more = self
                    .f
                    .binary(BinOp::Lt, counter, Operand::int(i64::from(*n)));
                self.f.branch(more, inner, exit);
                self.f.switch_to(inner);
                self.stmts(body);
                let next = self.f.binary(BinOp::Add, counter, Operand::int(1));
                self.f.copy(counter, next);
                self.f.jump_to(head);
                self.f.switch_to(exit);
            }
        }
    }
}

/// `h(a, b)`: prints `a`, then returns `a * b` when `a < b`, else `a - b`.
fn helper() -> Function {
    let mut f = FunctionBuilder::new("h", &["a", "b"], true);
    let (a, b) = (f.param(0), f.param(1));
    f.push(InstKind::PrintNum(a.into()));
    let (yes, no) = (f.new_block(), f.new_block());
    let c = f.binary(BinOp::Lt, a, b);
    f.branch(c, yes, no);
    f.switch_to(yes);
    let p = f.binary(BinOp::Mul, a, b);
    f.ret(Some(p.into()));
    f.switch_to(no);
    let d = f.binary(BinOp::Sub, a, b);
    f.ret(Some(d.into()));
    f.finish()
}

fn program(stmts: &[Stmt]) -> Module {
    let mut m = ModuleBuilder::new();
    let h = m.declare("h");
    let main = m.declare("main");
    m.define(h, helper());
    let mut f = FunctionBuilder::new("main", &[], true);
    let vars: Vec<Var> = (0..VARS).map(|i| f.named_var(&format!("v{i}"))).collect();
    // All but the last start from a card, unknown to the optimiser; the last reads as
    // 0 until written.
    for v in vars.iter().take(VARS as usize - 1) {
        f.push(InstKind::ReadCard { dst: *v });
    }
    let mut lower = Lower {
        f,
        vars,
        helper: h,
        next_span: 0,
    };
    lower.stmts(stmts);
    m.define(main, lower.f.finish());
    m.finish(main)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn optimizing_changes_no_output_end_or_fault(
        stmts in vec(stmt(), 0..12),
        cards in vec(-3i64..6, 2..6),
    ) {
        let module = program(&stmts);
        prop_assert_eq!(verify(&module), Ok(()));
        let cards: Vec<Num> = cards.into_iter().map(Num::from).collect();
        let mut optimized = module.clone();
        optimize(&mut optimized);
        prop_assert_eq!(verify(&optimized), Ok(()));
        let before = interpret(&module, &cards, 0);
        // A budget, so that a miscompiled endless loop fails the test instead of hanging.
        let after = interpret(&optimized, &cards, before.steps + 1);
        prop_assert_eq!(&before.output, &after.output);
        prop_assert_eq!(&before.end, &after.end);
        prop_assert!(after.steps <= before.steps, "{} steps became {}", before.steps, after.steps);
        // A second run finds nothing more that changes behaviour either.
        let mut again = optimized.clone();
        optimize(&mut again);
        prop_assert_eq!(interpret(&again, &cards, before.steps + 1).end, before.end);
    }
}
