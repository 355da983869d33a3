//! The machine code of a few small functions, as its disassembly: what the calling
//! convention, the register allocation and the selection of instructions look like.
//! Bless with `UPDATE_EXPECT=1` after a deliberate change, and read the difference.

#[path = "support/run.rs"]
mod run;

use expect_test::{Expect, expect};
use ir::{Address, BinOp, FunctionBuilder, InstKind, Module, ModuleBuilder, Operand};
use run::{at, check, generate, print};

fn snapshot(module: &Module, expect: Expect) {
    check(module, &[]);
    expect.assert_eq(&asm::disassemble(&generate(module).program));
}

#[test]
fn a_recursive_function() {
    let mut m = ModuleBuilder::new();
    let fact = m.declare("fact");
    let main = m.declare("main");
    run::define_factorial(&mut m, fact, BinOp::Le, 1);
    let mut f = FunctionBuilder::new("main", &[], true);
    let r = f.call(fact, vec![Operand::int(10)], true).unwrap();
    print(&mut f, r);
    f.ret(Some(r.into()));
    m.define(main, f.finish());
    snapshot(
        &m.finish(main),
        expect![[r#"
            .store 100000
            .stack 30000
            .entry start

            start:  CALL main
                    HALT
            fact:   PUSH 0
                    LOAD C, [SP+2]
            fact.0: CMP  C, 1
                    JGT  fact.2
            fact.1: LOAD A, 1
                    POP  B
                    RET
            fact.2: LOAD B, C
                    SUB  B, 1
                    PUSH C
                    PUSH B
                    CALL fact
                    POP  B
                    LOAD B, A
                    POP  C
                    MULT B, C
                    LOAD A, B
                    POP  B
                    RET
            main:   PUSH 0
            main.0: PUSH 10
                    CALL fact
                    POP  B
                    LOAD B, A
                    WRPRN B
                    WRCHR 32
                    LOAD A, B
                    POP  B
                    RET
        "#]],
    );
}

#[test]
fn a_checked_loop_over_a_global_array_and_floor_division() {
    let mut m = ModuleBuilder::new();
    let a = m.global(
        "a",
        4,
        vec![7.into(), (-7).into(), 9.into(), (-9).into()],
        None,
    );
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("main", &[], false);
    let i = f.named_var("i");
    let head = f.new_block();
    let body = f.new_block();
    let exit = f.new_block();
    f.jump_to(head);
    let c = f.binary(BinOp::Lt, i, Operand::int(4));
    f.branch(c, body, exit);
    f.switch_to(body);
    f.set_span(at(1));
    f.push(InstKind::CheckIndex {
        index: i.into(),
        len: Operand::int(4),
    });
    let base = f.global_addr(a);
    let p = f.binary(BinOp::Add, base, i);
    let v = f.load(Address::Ptr {
        base: p.into(),
        offset: 0,
    });
    let q = f.binary(BinOp::FloorDiv, v, Operand::int(2));
    print(&mut f, q);
    let next = f.binary(BinOp::Add, i, Operand::int(1));
    f.copy(i, next);
    f.jump_to(head);
    f.switch_to(exit);
    f.ret(None);
    m.define(main, f.finish());
    snapshot(
        &m.finish(main),
        expect![[r#"
            .store 100000
            .stack 30000
            .entry start

            .data a_ 7, -7, 9, -9

            start:  STOR 4, [69998]
                    STOR 69998, [69999]
                    CALL main
                    HALT
            main:   PUSH 0
                    LOAD C, 0
            main.1: CMP  C, 4
                    JGE  main.3
            main.2: CMP  C, 0
                    JLT  main.index
                    CMP  C, 4
                    JGE  main.index
                    LOAD B, 0
                    LOAD B, [C]
                    LOAD A, B
                    REM  A, 2
                    JGE  21
                    LOAD A, B
                    DIV  A, 2
                    SUB  A, 1
                    JMP  23
                    LOAD A, B
                    DIV  A, 2
                    LOAD B, A
                    WRPRN B
                    WRCHR 32
                    ADD  C, 1
                    JMP  main.1
            main.3: POP  B
                    RET
            main.index:
                    DIV  A, 0
        "#]],
    );
}
