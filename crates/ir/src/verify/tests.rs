//! Each verifier rule, broken on purpose in an otherwise valid module.

use expect_test::{Expect, expect};

use super::*;
use crate::builder::{FunctionBuilder, ModuleBuilder};
use crate::module::{BinOp, GlobalId};

/// A valid module: a global, `square(x) -> value` with a frame array, and `main`.
fn valid() -> Module {
    let mut m = ModuleBuilder::new();
    let g = m.global("g", 2, vec![1.into()], None);
    let square = m.declare("square");
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("square", &["x"], true);
    let slot = f.frame_array(4);
    let a = f.frame_addr(slot);
    let x = f.param(0);
    f.store(
        Address::Ptr {
            base: a.into(),
            offset: 0,
        },
        x,
    );
    let y = f.binary(BinOp::Mul, x, x);
    f.ret(Some(y.into()));
    m.define(square, f.finish());
    let mut f = FunctionBuilder::new("main", &[], false);
    let r = f
        .call(square, vec![Operand::int(3)], true)
        .expect("a result");
    f.store(
        Address::Global {
            global: g,
            offset: 1,
        },
        r,
    );
    f.push(InstKind::PrintNum(r.into()));
    f.ret(None);
    m.define(main, f.finish());
    m.finish(main)
}

fn check(change: impl FnOnce(&mut Module), expect: Expect) {
    let mut module = valid();
    change(&mut module);
    let text = match verify(&module) {
        Ok(()) => "ok\n".to_string(),
        Err(errors) => errors.iter().map(|e| format!("{e}\n")).collect(),
    };
    expect.assert_eq(&text);
}

fn main_inst(m: &mut Module, i: usize) -> &mut InstKind {
    &mut m.functions[1].blocks[0].insts[i].kind
}

#[test]
fn the_valid_module_passes() {
    check(
        |_| {},
        expect![[r#"
        ok
    "#]],
    );
}

#[test]
fn the_entry_must_exist_and_take_nothing() {
    check(
        |m| m.entry = FuncId(7),
        expect![[r#"
        the entry function 7 does not exist
    "#]],
    );
    check(
        |m| m.entry = FuncId(0),
        expect![[r#"
            the entry function `square` takes 1 parameter; it must take none
        "#]],
    );
}

#[test]
fn globals_need_columns_for_their_values_and_room_in_the_store() {
    check(
        |m| m.globals[0].size = 0,
        expect![[r#"
            global `g` has no columns
            global `g` has 1 initial value for 0 columns
            function 1, b0, instruction 1: offset 1 is outside global `g` of 0 columns
        "#]],
    );
    check(
        |m| m.globals[0].size = 70_000,
        expect![[r#"
        the globals need 70000 columns; at most 69998 fit below the stack
    "#]],
    );
}

#[test]
fn names_are_unique_and_functions_have_blocks() {
    check(
        |m| m.functions[0].name = "main".into(),
        expect![[r#"
        function 1: a second function is named `main`
    "#]],
    );
    check(
        |m| m.functions[0].blocks.clear(),
        expect![[r#"
        function 0: `square` has no blocks
    "#]],
    );
    check(
        |m| m.functions[0].vars.clear(),
        expect![[r#"
            function 0: `square` has 1 parameter but only 0 variables
            function 0, b0, instruction 0: variable 1 does not exist (0 variables)
            function 0, b0, instruction 1: variable 1 does not exist (0 variables)
            function 0, b0, instruction 1: variable 0 does not exist (0 variables)
            function 0, b0, instruction 2: variable 2 does not exist (0 variables)
            function 0, b0, instruction 2: variable 0 does not exist (0 variables)
            function 0, b0, instruction 2: variable 0 does not exist (0 variables)
            function 0, b0, instruction 3: variable 2 does not exist (0 variables)
        "#]],
    );
}

#[test]
fn everything_named_must_exist() {
    check(
        |m| *main_inst(m, 2) = InstKind::PrintNum(Operand::Var(Var(9))),
        expect![[r#"
            function 1, b0, instruction 2: variable 9 does not exist (1 variable)
        "#]],
    );
    check(
        |m| m.functions[1].blocks[0].term.kind = TermKind::Jump(BlockId(3)),
        expect![[r#"
            function 1, b0, instruction 3: block b3 does not exist (1 block)
        "#]],
    );
    check(
        |m| {
            *main_inst(m, 1) = InstKind::GlobalAddr {
                dst: Var(0),
                global: GlobalId(5),
            }
        },
        expect![[r#"
            function 1, b0, instruction 1: global 5 does not exist
        "#]],
    );
    check(
        |m| {
            *main_inst(m, 1) = InstKind::Load {
                dst: Var(0),
                addr: Address::Global {
                    global: GlobalId(0),
                    offset: 2,
                },
            }
        },
        expect![[r#"
            function 1, b0, instruction 1: offset 2 is outside global `g` of 2 columns
        "#]],
    );
    check(
        |m| {
            *main_inst(m, 1) = InstKind::FrameAddr {
                dst: Var(0),
                slot: 0,
            }
        },
        expect![[r#"
            function 1, b0, instruction 1: frame array f0 does not exist (0 frame arrays)
        "#]],
    );
    check(
        |m| {
            *main_inst(m, 1) = InstKind::FuncAddr {
                dst: Var(0),
                func: FuncId(2),
            }
        },
        expect![[r#"
            function 1, b0, instruction 1: function 2 does not exist
        "#]],
    );
}

#[test]
fn calls_match_their_callee() {
    check(
        |m| {
            if let InstKind::Call { args, .. } = main_inst(m, 0) {
                args.push(Operand::int(4));
            }
        },
        expect![[r#"
            function 1, b0, instruction 0: call to `square` passes 2 arguments for 1 parameter
        "#]],
    );
    check(
        |m| {
            if let InstKind::Call { func, .. } = main_inst(m, 0) {
                *func = FuncId(1);
            }
        },
        expect![[r#"
            function 1, b0, instruction 0: call to `main` passes 1 argument for 0 parameters
            function 1, b0, instruction 0: call to `main` takes a result, but `main` returns none
        "#]],
    );
    check(
        |m| {
            if let InstKind::Call { dst, .. } = main_inst(m, 0) {
                *dst = None;
            }
        },
        expect![[r#"
            ok
        "#]],
    );
}

#[test]
fn returns_carry_a_value_exactly_when_the_function_returns_one() {
    check(
        |m| m.functions[0].blocks[0].term.kind = TermKind::Return(None),
        expect![[r#"
        function 0, b0, instruction 3: `square` returns a value, but this returns none
    "#]],
    );
    check(
        |m| m.functions[1].blocks[0].term.kind = TermKind::Return(Some(Operand::int(0))),
        expect![[r#"
            function 1, b0, instruction 3: `main` returns no value, but this returns one
        "#]],
    );
}
