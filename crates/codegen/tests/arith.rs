//! Every operation on every sign combination, with operands in registers, in the Store and
//! as constants, checked against the interpreter.

#[path = "support/run.rs"]
mod run;

use ir::{BinOp, End, InstKind, Num, Operand, UnOp};
use run::{BINOPS, at, cards, check, fault, print, program};

const PAIRS: [(i64, i64); 12] = [
    (7, 2),
    (-7, 2),
    (7, -2),
    (-7, -2),
    (6, 3),
    (-6, 3),
    (6, -3),
    (-6, -3),
    (0, 5),
    (0, -5),
    (1, 1),
    (-1, 7),
];

/// Each operation on values read from cards (so nothing is known when compiling), then
/// with the right operand a constant, then both constants.
#[test]
fn every_operation_on_every_sign_combination() {
    for op in BINOPS {
        for (x, y) in PAIRS {
            let m = program(false, |f| {
                let a = f.temp();
                f.push(InstKind::ReadCard { dst: a });
                let b = f.temp();
                f.push(InstKind::ReadCard { dst: b });
                let r = f.binary(op, a, b);
                print(f, r);
                let r = f.binary(op, a, Operand::int(y));
                print(f, r);
                let r = f.binary(op, Operand::int(x), b);
                print(f, r);
                let r = f.binary(op, Operand::int(x), Operand::int(y));
                print(f, r);
                // The result written over an operand.
                f.push(InstKind::Binary {
                    dst: b,
                    op,
                    lhs: a.into(),
                    rhs: b.into(),
                });
                print(f, b);
                f.ret(None);
            });
            let out = check(&m, &cards(&[x, y]));
            assert_eq!(out.end, End::Returned(None), "{op:?} {x} {y}");
        }
    }
}

/// Many values live at once, so that some operands are in the Store.
#[test]
fn operations_with_spilled_operands() {
    for op in BINOPS {
        let m = program(true, |f| {
            let vals: Vec<_> = (0..8)
                .map(|_| {
                    let v = f.temp();
                    f.push(InstKind::ReadCard { dst: v });
                    v
                })
                .collect();
            let mut acc = f.named_var("acc");
            for (i, a) in vals.iter().enumerate() {
                for b in &vals[i + 1..] {
                    let r = f.binary(op, *a, *b);
                    print(f, r);
                    let t = f.binary(BinOp::Add, acc, r);
                    acc = t;
                }
            }
            f.ret(Some(acc.into()));
        });
        check(&m, &cards(&[-9, 4, 7, -2, 3, -5, 11, 6]));
    }
}

#[test]
fn division_by_zero_faults_on_its_line() {
    for op in [BinOp::Div, BinOp::Rem, BinOp::FloorDiv, BinOp::FloorMod] {
        let m = program(false, |f| {
            let a = f.temp();
            f.push(InstKind::ReadCard { dst: a });
            f.set_span(at(5));
            let r = f.binary(op, Operand::int(10), a);
            print(f, r);
            f.set_span(at(6));
            let r = f.binary(op, a, Operand::int(0));
            print(f, r);
            f.ret(None);
        });
        assert_eq!(
            check(&m, &cards(&[0])).end,
            fault("division by zero", at(5))
        );
        let out = check(&m, &cards(&[3]));
        assert_eq!(out.end, fault("division by zero", at(6)));
    }
}

#[test]
fn overflow_faults_on_its_line_and_fifty_digits_are_fine() {
    let m = program(false, |f| {
        let a = f.temp();
        f.push(InstKind::ReadCard { dst: a });
        let big = f.binary(BinOp::Mul, a, a);
        print(f, big);
        f.set_span(at(3));
        let more = f.binary(BinOp::Mul, big, big);
        print(f, more);
        f.ret(None);
    });
    let out = check(&m, &cards(&[10_i64.pow(12)]));
    assert_eq!(
        out.output,
        format!("1{} 1{} ", "0".repeat(24), "0".repeat(48))
    );
    assert_eq!(out.end, End::Returned(None));
    let out = check(&m, &cards(&[10_i64.pow(13)]));
    assert_eq!(out.end, fault("overflow", at(3)));
    let max = Num::MAX;
    let m = program(true, |f| {
        let a = f.binary(BinOp::Sub, Operand::Const(max), Operand::int(1));
        let b = f.binary(BinOp::FloorDiv, Operand::Const(-max), Operand::int(7));
        let c = f.binary(BinOp::FloorMod, Operand::Const(-max), Operand::int(7));
        let d = f.unary(UnOp::Neg, Operand::Const(max));
        for v in [a, b, c, d] {
            print(f, v);
        }
        f.ret(Some(d.into()));
    });
    check(&m, &[]);
}

#[test]
fn unary_operations_and_not() {
    let m = program(false, |f| {
        for _ in 0..3 {
            let a = f.temp();
            f.push(InstKind::ReadCard { dst: a });
            for op in [UnOp::Neg, UnOp::Not, UnOp::Abs] {
                let r = f.unary(op, a);
                print(f, r);
            }
        }
        f.ret(None);
    });
    let out = check(&m, &cards(&[-4, 0, 9]));
    assert_eq!(out.output, "4 0 4 0 1 0 -9 0 9 ");
}
