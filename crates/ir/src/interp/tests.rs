//! Whole small programs through the interpreter: output, how they end, and where they fault.

use diag::Span;
use expect_test::{Expect, expect};

use super::*;
use crate::builder::{FunctionBuilder, ModuleBuilder};
use crate::module::{BinOp, FaultKind, FuncId, Term, UnOp};

/// A one-function module whose `main` is built by `body`.
fn program(body: impl FnOnce(&mut FunctionBuilder)) -> Module {
    crate::builder::main_module(true, body)
}

/// The output, then how the run ended and in how many steps.
fn summary(run: &Interpretation) -> String {
    let end = match &run.end {
        End::Returned(Some(v)) => format!("returned {v}"),
        End::Returned(None) => "returned".to_string(),
        End::Fault { message, span } => match span {
            Some(s) => format!("fault `{message}` at {}..{}", s.start, s.end),
            None => format!("fault `{message}` without a span"),
        },
        End::BudgetExhausted => "budget exhausted".to_string(),
    };
    format!("{}\n-- {end} after {} steps\n", run.output, run.steps)
}

fn check(module: &Module, cards: &[i64], expect: Expect) {
    let cards: Vec<Num> = cards.iter().map(|c| Num::from(*c)).collect();
    expect.assert_eq(&summary(&interpret(module, &cards, 1_000_000)));
}

fn at(start: usize) -> Option<Span> {
    Some(Span::new(start, start + 1))
}

#[test]
fn arithmetic_prints_and_returns() {
    let m = program(|f| {
        let x = f.named_var("x");
        let never = f.named_var("never");
        let a = f.binary(BinOp::FloorDiv, Operand::int(-7), Operand::int(2));
        let b = f.binary(BinOp::FloorMod, Operand::int(-7), Operand::int(2));
        let c = f.binary(BinOp::Div, Operand::int(-7), Operand::int(2));
        let d = f.binary(BinOp::Rem, Operand::int(-7), Operand::int(2));
        for v in [a, b, c, d, never] {
            f.push(InstKind::PrintNum(v.into()));
            f.push(InstKind::PrintChar(Operand::int(' ' as i64)));
        }
        let n = f.unary(UnOp::Not, x);
        f.push(InstKind::PrintNum(n.into()));
        f.push(InstKind::PrintStr("\n".into()));
        f.push(InstKind::Bell);
        f.ret(Some(Operand::int(42)));
    });
    check(
        &m,
        &[],
        expect![[r#"
            -4 1 -3 -1 0 1
            
            -- returned 42 after 19 steps
        "#]],
    );
    assert_eq!(interpret(&m, &[], 0).bells, 1);
}

#[test]
fn each_fault_has_its_message_and_its_line() {
    let faulting = |kind: InstKind| {
        program(|f| {
            f.push(InstKind::PrintStr("before ".into()));
            f.set_span(at(10));
            f.push(kind);
            f.ret(Some(Operand::int(0)));
        })
    };
    let t = Var(0);
    let cases = [
        InstKind::Binary {
            dst: t,
            op: BinOp::Rem,
            lhs: Operand::int(1),
            rhs: Operand::int(0),
        },
        InstKind::Binary {
            dst: t,
            op: BinOp::Mul,
            lhs: Operand::Const(Num::MAX),
            rhs: Operand::int(10),
        },
        InstKind::CheckIndex {
            index: Operand::int(3),
            len: Operand::int(3),
        },
        InstKind::CheckIndex {
            index: Operand::int(-1),
            len: Operand::int(3),
        },
        InstKind::Alloc {
            dst: t,
            words: Operand::int(70_000),
        },
        InstKind::Alloc {
            dst: t,
            words: Operand::int(-1),
        },
        InstKind::ReadCard { dst: t },
        InstKind::PrintChar(Operand::int(0xD800)),
        InstKind::Load {
            dst: t,
            addr: Address::Ptr {
                base: Operand::int(69_999),
                offset: 1,
            },
        },
        InstKind::Store {
            addr: Address::Ptr {
                base: Operand::int(0),
                offset: -1,
            },
            value: Operand::int(1),
        },
        InstKind::CallIndirect {
            dst: None,
            callee: Operand::int(5),
            args: vec![],
        },
    ];
    let mut text = String::new();
    for kind in cases {
        let mut m = faulting(kind);
        m.functions[0].vars.push(crate::VarInfo::default());
        text += &summary(&interpret(&m, &[], 0));
    }
    expect![[r#"
        before 
        -- fault `division by zero` at 10..11 after 2 steps
        before 
        -- fault `overflow` at 10..11 after 2 steps
        before 
        -- fault `index out of range` at 10..11 after 2 steps
        before 
        -- fault `index out of range` at 10..11 after 2 steps
        before 
        -- fault `heap exhausted` at 10..11 after 2 steps
        before 
        -- fault `heap exhausted` at 10..11 after 2 steps
        before 
        -- fault `card reader empty` at 10..11 after 2 steps
        before 
        -- fault `invalid character code` at 10..11 after 2 steps
        before 
        -- fault `store address out of range` at 10..11 after 2 steps
        before 
        -- fault `store address out of range` at 10..11 after 2 steps
        before 
        -- fault `invalid jump target` at 10..11 after 2 steps
    "#]]
    .assert_eq(&text);
}

#[test]
fn a_fault_in_a_helper_without_spans_is_blamed_on_its_call() {
    let mut m = ModuleBuilder::new();
    let helper = m.declare("helper");
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("helper", &["i"], false);
    f.push(InstKind::CheckIndex {
        index: f.param(0).into(),
        len: Operand::int(2),
    });
    f.ret(None);
    m.define(helper, f.finish());
    let mut f = FunctionBuilder::new("main", &[], false);
    f.set_span(at(30));
    f.call(helper, vec![Operand::int(1)], false);
    f.set_span(at(40));
    f.call(helper, vec![Operand::int(2)], false);
    f.ret(None);
    m.define(main, f.finish());
    let mut module = m.finish(main);
    check(
        &module,
        &[],
        expect![[r#"

        -- fault `index out of range` at 40..41 after 5 steps
    "#]],
    );
    // A `fault` terminator without a span is blamed the same way.
    module.functions[0].blocks[0].term = Term {
        kind: TermKind::Fault(FaultKind::MatchFailure),
        span: None,
    };
    check(
        &module,
        &[],
        expect![[r#"

        -- fault `no pattern matched` at 30..31 after 3 steps
    "#]],
    );
}

/// `f(n) = n == 0 ? 0 : 1 + f(n - 1)`, called with the first card.
fn recursion() -> Module {
    let mut m = ModuleBuilder::new();
    let rec = m.declare("f");
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("f", &["n"], true);
    let n = f.param(0);
    let base = f.new_block();
    let step = f.new_block();
    let z = f.binary(BinOp::Eq, n, Operand::int(0));
    f.branch(z, base, step);
    f.switch_to(base);
    f.ret(Some(Operand::int(0)));
    f.switch_to(step);
    let k = f.binary(BinOp::Sub, n, Operand::int(1));
    f.set_span(at(7));
    let r = f.call(rec, vec![k.into()], true).expect("a result");
    let s = f.binary(BinOp::Add, r, Operand::int(1));
    f.ret(Some(s.into()));
    m.define(rec, f.finish());
    let mut f = FunctionBuilder::new("main", &[], true);
    let n = f.temp();
    f.push(InstKind::ReadCard { dst: n });
    let r = f.call(rec, vec![n.into()], true).expect("a result");
    f.ret(Some(r.into()));
    m.define(main, f.finish());
    m.finish(main)
}

#[test]
fn recursion_is_limited_by_the_machine_stack() {
    let m = recursion();
    // main is charged 2 columns and each call of f 3: 2 + 3 × 9,999 ≤ 30,000.
    check(
        &m,
        &[9_998],
        expect![[r#"

            -- returned 9998 after 59994 steps
        "#]],
    );
    check(
        &m,
        &[9_999],
        expect![[r#"

            -- fault `stack overflow` at 7..8 after 39998 steps
        "#]],
    );
    check(
        &m,
        &[-1],
        expect![[r#"

            -- fault `stack overflow` at 7..8 after 39998 steps
        "#]],
    );
}

#[test]
fn the_budget_stops_an_endless_loop() {
    let m = program(|f| {
        let head = f.new_block();
        f.jump_to(head);
        f.push(InstKind::PrintStr("x".into()));
        f.terminate(TermKind::Jump(head));
    });
    let run = interpret(&m, &[], 7);
    assert_eq!(run.end, End::BudgetExhausted);
    assert_eq!((run.output.as_str(), run.steps), ("xxx", 7));
}

#[test]
fn frame_arrays_are_given_back_and_the_heap_is_zeroed() {
    // `fill()` writes 9 into both ends of a frame array as big as the heap; `make()`
    // allocates columns and returns them. Calling fill, then make, must give zeros.
    let mut m = ModuleBuilder::new();
    let fill = m.declare("fill");
    let make = m.declare("make");
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("fill", &[], true);
    let slot = f.frame_array(69_998);
    let a = f.frame_addr(slot);
    for k in [0, 69_997] {
        f.store(
            Address::Ptr {
                base: a.into(),
                offset: k,
            },
            Operand::int(9),
        );
    }
    f.ret(Some(a.into()));
    m.define(fill, f.finish());
    let mut f = FunctionBuilder::new("make", &[], true);
    let words = f.temp();
    f.push(InstKind::ReadCard { dst: words });
    let p = f.temp();
    f.push(InstKind::Alloc {
        dst: p,
        words: words.into(),
    });
    f.ret(Some(p.into()));
    m.define(make, f.finish());
    let mut f = FunctionBuilder::new("main", &[], false);
    let a = f.call(fill, vec![], true).expect("a result");
    f.push(InstKind::PrintNum(a.into()));
    f.push(InstKind::PrintChar(Operand::int(' ' as i64)));
    let p = f.call(make, vec![], true).expect("a result");
    f.push(InstKind::PrintNum(p.into()));
    f.push(InstKind::PrintChar(Operand::int(' ' as i64)));
    let v = f.load(Address::Ptr {
        base: p.into(),
        offset: 0,
    });
    f.push(InstKind::PrintNum(v.into()));
    // With the list still held, fill's array no longer fits.
    f.call(fill, vec![], true);
    f.ret(None);
    m.define(main, f.finish());
    let module = m.finish(main);
    check(
        &module,
        &[3],
        expect![[r#"
            0 0 0
            -- fault `heap exhausted` without a span after 16 steps
        "#]],
    );
    check(
        &module,
        &[69_999],
        expect![[r#"
            0 
            -- fault `heap exhausted` without a span after 10 steps
        "#]],
    );
    check(
        &module,
        &[0],
        expect![[r#"
            0 0 9
            -- returned after 21 steps
        "#]],
    );
}

#[test]
fn globals_start_with_their_values_at_their_columns() {
    let mut m = ModuleBuilder::new();
    let a = m.global("a", 2, vec![5.into()], None);
    let b = m.global("b", 3, vec![7.into(), 8.into()], None);
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("main", &[], true);
    let pa = f.global_addr(a);
    let pb = f.global_addr(b);
    let x = f.load(Address::Global {
        global: b,
        offset: 1,
    });
    let y = f.load(Address::Ptr {
        base: pa.into(),
        offset: 2,
    });
    for v in [pa, pb, x, y] {
        f.push(InstKind::PrintNum(v.into()));
        f.push(InstKind::PrintChar(Operand::int(' ' as i64)));
    }
    let hp = f.load(Address::Ptr {
        base: Operand::int(i64::from(HEAP_POINTER)),
        offset: 0,
    });
    f.ret(Some(hp.into()));
    m.define(main, f.finish());
    check(
        &m.finish(main),
        &[],
        expect![[r#"
        0 2 8 7 
        -- returned 5 after 14 steps
    "#]],
    );
}

#[test]
fn broken_modules_fault_instead_of_panicking() {
    let good = recursion();
    let mut cases: Vec<Module> = Vec::new();
    let mut m = good.clone();
    m.entry = FuncId(9);
    cases.push(m);
    let mut m = good.clone();
    m.functions[0].blocks.clear();
    cases.push(m);
    let mut m = good.clone();
    m.functions[0].blocks[0].term.kind = TermKind::Jump(crate::BlockId(40));
    cases.push(m);
    let mut m = good.clone();
    m.functions[0].vars.truncate(1);
    cases.push(m);
    let mut m = good.clone();
    m.functions[0].blocks[2].term.kind = TermKind::Return(None);
    cases.push(m);
    let mut m = good.clone();
    m.functions[1].blocks[0].insts[1].kind = InstKind::Call {
        dst: None,
        func: FuncId(0),
        args: vec![],
    };
    cases.push(m);
    let mut m = good.clone();
    m.globals.push(crate::Global {
        name: "huge".into(),
        size: u32::MAX,
        init: vec![Num::ONE; 3],
        span: at(1),
    });
    cases.push(m);
    let text: String = cases
        .iter()
        .map(|m| summary(&interpret(m, &[Num::from(3)], 1000)))
        .collect();
    expect![[r#"

        -- fault `invalid program: function 9 does not exist` without a span after 0 steps

        -- fault `invalid program: `f` has no blocks` without a span after 2 steps

        -- fault `invalid program: block b40 of `f` does not exist` without a span after 5 steps

        -- fault `invalid program: variable 1 does not exist` without a span after 3 steps

        -- fault `invalid program: `f` returned no value` at 7..8 after 19 steps

        -- fault `invalid program: `f` takes 1 argument, given 0` without a span after 2 steps

        -- fault `heap exhausted` at 1..2 after 0 steps
    "#]]
    .assert_eq(&text);
}
