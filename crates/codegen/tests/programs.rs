//! Whole programs built with the IR's builders, run through the reference interpreter and
//! through code generation and the machine: both must print the same and end the same.

#[path = "support/run.rs"]
mod run;

use ir::{BinOp, End, FunctionBuilder, InstKind, Module, ModuleBuilder, Num, Operand};
use run::{at, cards, check};

fn print(f: &mut FunctionBuilder, v: impl Into<Operand>) {
    run::print(f, v);
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
    run::define_factorial(&mut m, fact, BinOp::Eq, 0);
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

/// Twelve variables live around a loop, more than the three home registers: most of them
/// live in the Store, and the loop still computes what the interpreter does.
#[test]
fn a_loop_with_more_live_variables_than_registers() {
    let mut m = ModuleBuilder::new();
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("main", &[], true);
    let vars: Vec<_> = (0..12).map(|k| f.named_var(&format!("v{k}"))).collect();
    let i = f.named_var("i");
    for (k, v) in vars.iter().enumerate() {
        f.copy(*v, Operand::int(k as i64));
    }
    let head = f.new_block();
    let body = f.new_block();
    let exit = f.new_block();
    f.jump_to(head);
    let c = f.binary(BinOp::Lt, i, Operand::int(20));
    f.branch(c, body, exit);
    f.switch_to(body);
    for k in 0..12 {
        // v[k] = v[k] + v[k+1] * i − v[k+5]
        let p = f.binary(BinOp::Mul, vars[(k + 1) % 12], i);
        let s = f.binary(BinOp::Add, vars[k], p);
        let d = f.binary(BinOp::Sub, s, vars[(k + 5) % 12]);
        let r = f.binary(BinOp::FloorMod, d, Operand::int(1_000_003));
        f.copy(vars[k], r);
    }
    let next = f.binary(BinOp::Add, i, Operand::int(1));
    f.copy(i, next);
    f.jump_to(head);
    f.switch_to(exit);
    let mut acc = Operand::int(0);
    for v in &vars {
        print(&mut f, *v);
        acc = f.binary(BinOp::Add, acc, *v).into();
    }
    f.ret(Some(acc));
    m.define(main, f.finish());
    let module = m.finish(main);
    check(&module, &[]);
    let g = run::generate(&module);
    let spills = g
        .program
        .insns
        .iter()
        .filter(|i| matches!(i, isa::Insn::Push(isa::Src::Imm(n)) if n.is_zero()))
        .count();
    assert!(spills >= 9, "{spills} spill columns");
}

#[test]
fn printing_numbers_characters_strings_and_the_bell() {
    let m = run::program(false, |f| {
        f.push(InstKind::PrintStr("Hello, λ world!\n".into()));
        f.push(InstKind::PrintNum(Operand::int(-42)));
        f.push(InstKind::PrintChar(Operand::int('é' as i64)));
        f.push(InstKind::Bell);
        let c = f.temp();
        f.push(InstKind::ReadCard { dst: c });
        f.push(InstKind::PrintChar(c.into()));
        f.push(InstKind::PrintStr(String::new()));
        f.set_span(at(4));
        let d = f.temp();
        f.push(InstKind::ReadCard { dst: d });
        f.push(InstKind::PrintChar(d.into()));
        f.ret(None);
    });
    let out = check(&m, &cards(&['\n' as i64, 65]));
    assert_eq!(out.output, "Hello, λ world!\n-42é\u{7}\nA");
    let out = check(&m, &cards(&[66, 0xD800]));
    assert_eq!(
        out.end,
        End::Fault {
            message: "invalid character code".into(),
            span: at(4)
        }
    );
}

/// Reads number cards until a 0 and prints their running sum: a loop whose exit depends on
/// input, and variables read before they are written (they read 0).
#[test]
fn reading_cards_until_zero() {
    let m = run::program(true, |f| {
        let sum = f.named_var("sum");
        let count = f.named_var("count");
        let head = f.new_block();
        let body = f.new_block();
        let exit = f.new_block();
        f.jump_to(head);
        let x = f.temp();
        f.push(InstKind::ReadCard { dst: x });
        let c = f.binary(BinOp::Ne, x, Operand::int(0));
        f.branch(c, body, exit);
        f.switch_to(body);
        let s = f.binary(BinOp::Add, sum, x);
        f.copy(sum, s);
        let n = f.binary(BinOp::Add, count, Operand::int(1));
        f.copy(count, n);
        print(f, sum);
        f.jump_to(head);
        f.switch_to(exit);
        f.ret(Some(count.into()));
    });
    let out = check(&m, &cards(&[3, -10, 7, 0, 99]));
    assert_eq!(out.output, "3 -7 0 ");
    assert_eq!(out.end, End::Returned(Some(Num::from(3))));
}
