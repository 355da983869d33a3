//! Calls: many arguments, calls nested in expressions, indirect calls, deep recursion,
//! names that are mnemonics, and what the calling convention promises to keep.

#[path = "support/run.rs"]
mod run;

use std::sync::Arc;

use emu::{Machine, Status};
use ir::{BinOp, End, FunctionBuilder, InstKind, Module, ModuleBuilder, Num, Operand};
use isa::{Base, Insn, Mem, Reg, Src, Target};
use run::{at, cards, check, fault, generate, print};

/// `weigh(a0 … a9) = Σ (k + 1)·ak`, called with values from cards and constants.
fn many_arguments() -> Module {
    let mut m = ModuleBuilder::new();
    let weigh = m.declare("weigh");
    let main = m.declare("main");
    let params: Vec<String> = (0..10).map(|k| format!("a{k}")).collect();
    let names: Vec<&str> = params.iter().map(String::as_str).collect();
    let mut f = FunctionBuilder::new("weigh", &names, true);
    let mut acc = Operand::int(0);
    for k in 0..10 {
        let t = f.binary(BinOp::Mul, f.param(k), Operand::int(i64::from(k) + 1));
        acc = f.binary(BinOp::Add, acc, t).into();
    }
    f.ret(Some(acc));
    m.define(weigh, f.finish());
    let mut f = FunctionBuilder::new("main", &[], true);
    let mut args = Vec::new();
    for k in 0..10 {
        if k % 3 == 0 {
            args.push(Operand::int(k));
        } else {
            let v = f.temp();
            f.push(InstKind::ReadCard { dst: v });
            args.push(v.into());
        }
    }
    let r = f.call(weigh, args.clone(), true).unwrap();
    print(&mut f, r);
    // The same call again with the arguments reversed: they are all still live.
    args.reverse();
    let s = f.call(weigh, args.clone(), true).unwrap();
    print(&mut f, s);
    for a in args {
        print(&mut f, a);
    }
    f.ret(Some(s.into()));
    m.define(main, f.finish());
    m.finish(main)
}

#[test]
fn ten_arguments_and_values_live_across_calls() {
    let out = check(&many_arguments(), &cards(&[1, 2, 4, 5, 7, 8]));
    assert!(
        out.output.starts_with("330 165 9 8 7 6 5 4 3 2 1 0 "),
        "{}",
        out.output
    );
}

/// `add(x, y)` and `b(x)` (names that are mnemonics and registers) in nested calls:
/// `add(b(add(1, 2)), add(b(3), 4))`.
#[test]
fn nested_calls_and_names_that_are_mnemonics() {
    let mut m = ModuleBuilder::new();
    let add = m.declare("add");
    let b = m.declare("b");
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("add", &["x", "y"], true);
    let s = f.binary(BinOp::Add, f.param(0), f.param(1));
    f.ret(Some(s.into()));
    m.define(add, f.finish());
    let mut f = FunctionBuilder::new("b", &["x"], true);
    let s = f.binary(BinOp::Mul, f.param(0), Operand::int(10));
    f.ret(Some(s.into()));
    m.define(b, f.finish());
    let mut f = FunctionBuilder::new("main", &[], true);
    let one = f
        .call(add, vec![Operand::int(1), Operand::int(2)], true)
        .unwrap();
    let two = f.call(b, vec![one.into()], true).unwrap();
    let three = f.call(b, vec![Operand::int(3)], true).unwrap();
    let four = f
        .call(add, vec![three.into(), Operand::int(4)], true)
        .unwrap();
    let r = f.call(add, vec![two.into(), four.into()], true).unwrap();
    print(&mut f, r);
    f.ret(Some(r.into()));
    m.define(main, f.finish());
    let module = m.finish(main);
    assert_eq!(check(&module, &[]).end, End::Returned(Some(Num::from(64))));
    let g = generate(&module);
    let labels: Vec<&str> = g
        .program
        .symbols
        .code
        .values()
        .flatten()
        .map(String::as_str)
        .collect();
    assert!(labels.contains(&"add_") && labels.contains(&"b_") && labels.contains(&"main"));
}

/// Function values and indirect calls, and a value that names no function.
#[test]
fn indirect_calls() {
    let mut m = ModuleBuilder::new();
    let double = m.declare("double");
    let square = m.declare("square");
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("double", &["x"], true);
    let s = f.binary(BinOp::Add, f.param(0), f.param(0));
    f.ret(Some(s.into()));
    m.define(double, f.finish());
    let mut f = FunctionBuilder::new("square", &["x"], true);
    let s = f.binary(BinOp::Mul, f.param(0), f.param(0));
    f.ret(Some(s.into()));
    m.define(square, f.finish());
    let mut f = FunctionBuilder::new("main", &[], false);
    let g = f.temp();
    f.push(InstKind::FuncAddr {
        dst: g,
        func: square,
    });
    print(&mut f, g);
    let h = f.temp();
    f.push(InstKind::FuncAddr {
        dst: h,
        func: double,
    });
    let head = f.new_block();
    f.jump_to(head);
    let which = f.temp();
    f.push(InstKind::ReadCard { dst: which });
    f.set_span(at(6));
    let r = f.temp();
    f.push(InstKind::CallIndirect {
        dst: Some(r),
        callee: which.into(),
        args: vec![Operand::int(7)],
    });
    f.set_span(None);
    print(&mut f, r);
    let r2 = f.temp();
    f.push(InstKind::CallIndirect {
        dst: Some(r2),
        callee: h.into(),
        args: vec![r.into()],
    });
    print(&mut f, r2);
    f.jump_to(head);
    m.define(main, f.finish());
    let module = m.finish(main);
    let out = check(&module, &cards(&[0, 1, 5]));
    assert_eq!(out.output, "1 14 28 49 98 ");
    assert_eq!(out.end, fault("invalid jump target", at(6)));
    assert_eq!(
        check(&module, &cards(&[-1])).end,
        fault("invalid jump target", at(6))
    );
    assert_eq!(
        check(&module, &cards(&[3])).end,
        fault("invalid jump target", at(6))
    );
}

/// Recursion without end overflows the stack at the recursive call; with an end that is
/// deep but within the stack, it returns.
#[test]
fn deep_recursion() {
    let mut m = ModuleBuilder::new();
    let down = m.declare("down");
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("down", &["n"], true);
    let n = f.param(0);
    let zero = f.new_block();
    let more = f.new_block();
    f.branch(n, more, zero);
    f.switch_to(zero);
    f.ret(Some(Operand::int(0)));
    f.switch_to(more);
    let m1 = f.binary(BinOp::Sub, n, Operand::int(1));
    f.set_span(at(4));
    let r = f.call(down, vec![m1.into()], true).unwrap();
    f.set_span(None);
    let r1 = f.binary(BinOp::Add, r, Operand::int(1));
    f.ret(Some(r1.into()));
    m.define(down, f.finish());
    let mut f = FunctionBuilder::new("main", &[], true);
    let k = f.temp();
    f.push(InstKind::ReadCard { dst: k });
    let r = f.call(down, vec![k.into()], true).unwrap();
    f.ret(Some(r.into()));
    m.define(main, f.finish());
    let module = m.finish(main);
    assert_eq!(
        check(&module, &cards(&[5000])).end,
        End::Returned(Some(Num::from(5000)))
    );
    assert_eq!(
        check(&module, &cards(&[-1])).end,
        fault("stack overflow", at(4))
    );
}

/// The convention of docs/isa.md §10, from the outside: a hand-written caller puts
/// sentinels in every register and on the stack, pushes arguments, calls a generated
/// function and checks that it gets the result in A and finds the stack as it left it.
#[test]
fn a_generated_function_keeps_what_the_convention_promises() {
    let module = many_arguments();
    let g = generate(&module);
    let mut program = g.program.clone();
    let weigh = *program
        .symbols
        .code
        .iter()
        .find(|(_, names)| names.iter().any(|n| n == "weigh"))
        .map(|(at, _)| at)
        .unwrap();
    // The harness: below the stack's bottom, a sentinel; arguments 1 … 10; the call;
    // then the arguments popped, and the sentinel checked by the test.
    let start = program.insns.len() as u32;
    let mut harness = vec![Insn::Push(Src::Imm(Num::from(-77)))];
    for k in (1..=10).rev() {
        harness.push(Insn::Push(Src::Imm(Num::from(k))));
    }
    harness.push(Insn::Call(Target::Imm(weigh)));
    for _ in 0..10 {
        harness.push(Insn::Pop(Reg::B));
    }
    harness.push(Insn::Load(
        Reg::C,
        Src::Mem(Mem::Ind {
            base: Base::Sp,
            offset: Num::ZERO,
        }),
    ));
    harness.push(Insn::Halt);
    program.insns.extend(harness);
    program.entry = start;
    let mut m = Machine::new(Arc::new(program), Arc::from(Vec::new())).unwrap();
    m.run(1_000_000, None);
    assert_eq!(*m.status(), Status::Halted);
    let expected: i64 = (1..=10).map(|k| k * k).sum();
    assert_eq!(m.cpu().reg(Reg::A), Num::from(expected));
    assert_eq!(
        m.cpu().reg(Reg::B),
        Num::from(10),
        "the arguments are where they were"
    );
    assert_eq!(m.cpu().reg(Reg::C), Num::from(-77));
    assert_eq!(m.stack_depth(), 1);
}
