//! Small functions before and after optimisation, as the text form shows them.

use diag::Span;
use expect_test::{Expect, expect};

use super::*;
use crate::builder::{FunctionBuilder, ModuleBuilder};
use crate::interp::interpret;
use crate::module::{BinOp, UnOp, Var};
use crate::print::print_module;
use isa::Num;

/// A one-function module whose `main`, built by `body`, returns nothing.
fn main_only(body: impl FnOnce(&mut FunctionBuilder)) -> Module {
    crate::builder::main_module(false, body)
}

/// The module before, then after; and the interpreter must see no difference.
fn check(module: Module, cards: &[i64], expect: Expect) {
    let cards: Vec<Num> = cards.iter().map(|c| Num::from(*c)).collect();
    let mut optimized = module.clone();
    optimize(&mut optimized);
    assert_eq!(verify(&optimized), Ok(()));
    let (before, after) = (
        interpret(&module, &cards, 0),
        interpret(&optimized, &cards, 0),
    );
    assert_eq!((&before.output, &before.end), (&after.output, &after.end));
    assert!(after.steps <= before.steps);
    let text = format!(
        "{}---- optimized\n{}",
        print_module(&module, None),
        print_module(&optimized, None)
    );
    expect.assert_eq(&text);
}

fn print(f: &mut FunctionBuilder, v: impl Into<Operand>) {
    f.push(InstKind::PrintNum(v.into()));
}

#[test]
fn constants_fold_but_faults_stay_on_their_line() {
    let m = main_only(|f| {
        let x = f.named_var("x");
        f.copy(x, Operand::int(6));
        let y = f.binary(BinOp::Mul, x, Operand::int(7));
        print(f, y);
        let big = f.binary(BinOp::Add, Operand::Const(Num::MAX), x);
        let z = f.binary(BinOp::Div, y, Operand::int(0));
        let _ = f.unary(UnOp::Neg, x);
        print(f, big);
        print(f, z);
        f.ret(None);
    });
    check(
        m,
        &[],
        expect![[r#"
        entry func main() {
        b0:
          #0    x.0 = 6
          #1    t1 = mul x.0, 7
          #2    print t1
          #3    t2 = add 99999999999999999999999999999999999999999999999999, x.0
          #4    t3 = div t1, 0
          #5    t4 = neg x.0
          #6    print t2
          #7    print t3
          #8    return
        }
        ---- optimized
        entry func main() {
        b0:
          #0    print 42
          #1    t2 = add 99999999999999999999999999999999999999999999999999, 6
          #2    t3 = div 42, 0
          #3    print t2
          #4    print t3
          #5    return
        }
    "#]],
    );
}

#[test]
fn a_constant_branch_folds_and_the_blocks_merge() {
    let m = main_only(|f| {
        let then = f.new_block();
        let other = f.new_block();
        let end = f.new_block();
        let c = f.binary(BinOp::Lt, Operand::int(1), Operand::int(2));
        f.branch(c, then, other);
        f.switch_to(then);
        f.push(InstKind::PrintStr("yes".into()));
        f.jump_to(end);
        f.switch_to(other);
        f.push(InstKind::PrintStr("no".into()));
        f.jump_to(end);
        f.push(InstKind::PrintStr("\n".into()));
        f.ret(None);
    });
    check(
        m,
        &[],
        expect![[r#"
        entry func main() {
        b0:
          #0    t0 = lt 1, 2
          #1    branch t0, b1, b2
        b1:
          #2    printstr "yes"
          #3    jump b3
        b2:
          #4    printstr "no"
          #5    jump b3
        b3:
          #6    printstr "\n"
          #7    return
        }
        ---- optimized
        entry func main() {
        b0:
          #0    printstr "yes"
          #1    printstr "\n"
          #2    return
        }
    "#]],
    );
}

#[test]
fn a_loop_keeps_what_changes_in_it_and_folds_what_does_not() {
    // i = 0 (never written, so 0); n = card; k = 3;
    // while (i < n) { print(i * k); i = i + 1; } print(k + 1)
    let m = main_only(|f| {
        let i = f.named_var("i");
        let n = f.named_var("n");
        let k = f.named_var("k");
        let head = f.new_block();
        let body = f.new_block();
        let exit = f.new_block();
        f.push(InstKind::ReadCard { dst: n });
        f.copy(k, Operand::int(3));
        f.jump_to(head);
        let c = f.binary(BinOp::Lt, i, n);
        f.branch(c, body, exit);
        f.switch_to(body);
        let p = f.binary(BinOp::Mul, i, k);
        print(f, p);
        let next = f.binary(BinOp::Add, i, Operand::int(1));
        f.copy(i, next);
        f.jump_to(head);
        f.switch_to(exit);
        let e = f.binary(BinOp::Add, k, Operand::int(1));
        print(f, e);
        f.ret(None);
    });
    check(
        m,
        &[3],
        expect![[r#"
        entry func main() {
        b0:
          #0    n.1 = read
          #1    k.2 = 3
          #2    jump b1
        b1:
          #3    t3 = lt i.0, n.1
          #4    branch t3, b2, b3
        b2:
          #5    t4 = mul i.0, k.2
          #6    print t4
          #7    t5 = add i.0, 1
          #8    i.0 = t5
          #9    jump b1
        b3:
          #10   t6 = add k.2, 1
          #11   print t6
          #12   return
        }
        ---- optimized
        entry func main() {
        b0:
          #0    n.1 = read
          #1    jump b1
        b1:
          #2    t3 = lt i.0, n.1
          #3    branch t3, b2, b3
        b2:
          #4    t4 = mul i.0, 3
          #5    print t4
          #6    i.0 = add i.0, 1
          #7    jump b1
        b3:
          #8    print 4
          #9    return
        }
    "#]],
    );
}

#[test]
fn copies_propagate_and_dead_results_go() {
    let mut m = ModuleBuilder::new();
    let g = m.global("g", 1, vec![], None);
    let side = m.declare("side");
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("side", &["a"], true);
    let a = f.param(0);
    print(&mut f, a);
    f.ret(Some(f.param(0).into()));
    m.define(side, f.finish());
    let mut f = FunctionBuilder::new("main", &[], false);
    f.set_span(Some(Span::new(3, 4)));
    let a = f.named_var("a");
    let b = f.named_var("b");
    f.push(InstKind::ReadCard { dst: a });
    f.copy(b, a);
    let s = f.binary(BinOp::Add, b, b);
    let unused = f.binary(BinOp::Rem, s, Operand::int(7));
    let _ = f.load(Address::Global {
        global: g,
        offset: 0,
    });
    let r = f.call(side, vec![s.into()], true);
    let _ = (unused, r);
    print(&mut f, b);
    f.ret(None);
    m.define(main, f.finish());
    let module = m.finish(main);
    check(
        module.clone(),
        &[5],
        expect![[r#"
            global @g[1]

            func side(a.0) -> value {
            b0:
              #0    print a.0
              #1    return a.0
            }

            entry func main() {
            b0:
              #2    a.0 = read
              #3    b.1 = a.0
              #4    t2 = add b.1, b.1
              #5    t3 = rem t2, 7
              #6    t4 = load [@g]
              #7    t5 = call side(t2)
              #8    print b.1
              #9    return
            }
            ---- optimized
            global @g[1]

            func side(a.0) -> value {
            b0:
              #0    print a.0
              #1    return a.0
            }

            entry func main() {
            b0:
              #2    b.1 = read
              #3    t2 = add b.1, b.1
              #4    call side(t2)
              #5    print b.1
              #6    return
            }
        "#]],
    );
    // Spans survive on what is kept.
    let mut optimized = module;
    optimize(&mut optimized);
    let main = &optimized.functions[1].blocks[0];
    assert!(main.insts.iter().all(|i| i.span == Some(Span::new(3, 4))));
}

#[test]
fn a_module_the_verifier_rejects_is_left_alone() {
    let mut m = main_only(|f| {
        let x = f.binary(BinOp::Add, Operand::int(1), Operand::int(2));
        print(f, x);
        f.ret(None);
    });
    m.functions[0].blocks[0].insts[0].kind = InstKind::Copy {
        dst: Var(9),
        src: Operand::int(1),
    };
    let before = m.clone();
    optimize(&mut m);
    assert_eq!(m, before);
}

#[test]
fn a_result_is_written_straight_to_its_variable_only_when_nothing_sees_the_difference() {
    // t = a + 1; print x; x = t      (x is read in between: must stay)
    // u = a + 2; y = u; print u      (u is read after: must stay)
    // w = a + 3; z = w               (becomes z = a + 3)
    let m = main_only(|f| {
        let a = f.named_var("a");
        let x = f.named_var("x");
        let y = f.named_var("y");
        let z = f.named_var("z");
        f.push(InstKind::ReadCard { dst: a });
        f.push(InstKind::ReadCard { dst: x });
        let t = f.binary(BinOp::Add, a, Operand::int(1));
        print(f, x);
        f.copy(x, t);
        let u = f.binary(BinOp::Add, a, Operand::int(2));
        f.copy(y, u);
        print(f, u);
        let w = f.binary(BinOp::Add, a, Operand::int(3));
        f.copy(z, w);
        // r = a + 4; print r; y = r     (r is read in between: must stay)
        // s = a + 5; z = 9; z = s       (z is written in between: must stay)
        let r = f.binary(BinOp::Add, a, Operand::int(4));
        print(f, r);
        f.copy(y, r);
        let s = f.binary(BinOp::Add, a, Operand::int(5));
        f.copy(z, Operand::int(9));
        f.copy(z, s);
        for v in [x, y, z] {
            print(f, v);
        }
        f.ret(None);
    });
    check(
        m,
        &[10, 20],
        expect![[r#"
            entry func main() {
            b0:
              #0    a.0 = read
              #1    x.1 = read
              #2    t4 = add a.0, 1
              #3    print x.1
              #4    x.1 = t4
              #5    t5 = add a.0, 2
              #6    y.2 = t5
              #7    print t5
              #8    t6 = add a.0, 3
              #9    z.3 = t6
              #10   t7 = add a.0, 4
              #11   print t7
              #12   y.2 = t7
              #13   t8 = add a.0, 5
              #14   z.3 = 9
              #15   z.3 = t8
              #16   print x.1
              #17   print y.2
              #18   print z.3
              #19   return
            }
            ---- optimized
            entry func main() {
            b0:
              #0    a.0 = read
              #1    x.1 = read
              #2    t4 = add a.0, 1
              #3    print x.1
              #4    t5 = add a.0, 2
              #5    print t5
              #6    z.3 = add a.0, 3
              #7    t7 = add a.0, 4
              #8    print t7
              #9    t8 = add a.0, 5
              #10   print t4
              #11   print t7
              #12   print t8
              #13   return
            }
        "#]],
    );
}
