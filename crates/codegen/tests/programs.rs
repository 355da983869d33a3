//! Whole programs built with the IR's builders, run through the reference interpreter and
//! through code generation and the machine: both must print the same and end the same.

#[path = "support/run.rs"]
mod run;

use ir::{BinOp, End, FunctionBuilder, InstKind, Module, ModuleBuilder, Num, Operand};
use run::{at, cards, check};

fn print(f: &mut FunctionBuilder, v: impl Into<Operand>) {
    f.push(InstKind::PrintNum(v.into()));
    f.push(InstKind::PrintChar(Operand::int(' ' as i64)));
}

/// `fib(n) = n < 2 ? n : fib(n − 1) + fib(n − 2)`, and a `main` printing fib(0 … 15).
fn fib_module() -> Module {
    let mut m = ModuleBuilder::new();
    let fib = m.declare("fib");
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("fib", &["n"], true);
    let n = f.param(0);
    let small = f.new_block();
    let big = f.new_block();
    f.set_span(at(1));
    let c = f.binary(BinOp::Lt, n, Operand::int(2));
    f.branch(c, small, big);
    f.switch_to(small);
    f.ret(Some(n.into()));
    f.switch_to(big);
    f.set_span(at(2));
    let a = f.binary(BinOp::Sub, n, Operand::int(1));
    let fa = f.call(fib, vec![a.into()], true).unwrap();
    let b = f.binary(BinOp::Sub, n, Operand::int(2));
    let fb = f.call(fib, vec![b.into()], true).unwrap();
    let s = f.binary(BinOp::Add, fa, fb);
    f.ret(Some(s.into()));
    m.define(fib, f.finish());

    let mut f = FunctionBuilder::new("main", &[], true);
    let i = f.named_var("i");
    let head = f.new_block();
    let body = f.new_block();
    let exit = f.new_block();
    f.set_span(at(3));
    f.jump_to(head);
    let c = f.binary(BinOp::Le, i, Operand::int(15));
    f.branch(c, body, exit);
    f.switch_to(body);
    let v = f.call(fib, vec![i.into()], true).unwrap();
    print(&mut f, v);
    let next = f.binary(BinOp::Add, i, Operand::int(1));
    f.copy(i, next);
    f.jump_to(head);
    f.switch_to(exit);
    f.ret(Some(Operand::int(7)));
    m.define(main, f.finish());
    m.finish(main)
}

#[test]
fn fibonacci_recursion() {
    let out = check(&fib_module(), &[]);
    assert_eq!(out.output, "0 1 1 2 3 5 8 13 21 34 55 89 144 233 377 610 ");
    assert_eq!(out.end, End::Returned(Some(Num::from(7))));
}

/// `fact(n) = n == 0 ? 1 : n * fact(n − 1)`, of a number card.
#[test]
fn factorial_of_a_card_with_fifty_digits_of_room() {
    let mut m = ModuleBuilder::new();
    let fact = m.declare("fact");
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("fact", &["n"], true);
    let n = f.param(0);
    let zero = f.new_block();
    let more = f.new_block();
    let c = f.binary(BinOp::Eq, n, Operand::int(0));
    f.branch(c, zero, more);
    f.switch_to(zero);
    f.ret(Some(Operand::int(1)));
    f.switch_to(more);
    let a = f.binary(BinOp::Sub, n, Operand::int(1));
    let r = f.call(fact, vec![a.into()], true).unwrap();
    let p = f.binary(BinOp::Mul, n, r);
    f.ret(Some(p.into()));
    m.define(fact, f.finish());
    let mut f = FunctionBuilder::new("main", &[], false);
    f.set_span(at(9));
    let k = f.temp();
    f.push(InstKind::ReadCard { dst: k });
    let r = f.call(fact, vec![k.into()], true).unwrap();
    print(&mut f, r);
    f.ret(None);
    m.define(main, f.finish());
    let module = m.finish(main);
    let out = check(&module, &cards(&[25]));
    assert_eq!(out.output, "15511210043330985984000000 ");
    // 42! has 52 digits: the machine's own overflow, on the multiplication's line.
    let out = check(&module, &cards(&[42]));
    assert!(matches!(out.end, End::Fault { ref message, .. } if message == "overflow"));
    // No card at all: the machine's own fault, at the read.
    let out = check(&module, &[]);
    assert_eq!(
        out.end,
        End::Fault {
            message: "card reader empty".into(),
            span: at(9)
        }
    );
}
