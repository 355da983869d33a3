//! Any module at all, broken ones included: the interpreter must neither panic nor run
//! past its budget, and the optimiser must neither panic nor break a module that passes.

use proptest::collection::vec;
use proptest::prelude::*;

use super::*;
use crate::module::{BinOp, Block, FaultKind, FuncId, Global, GlobalId, Inst, Term, UnOp, VarInfo};
use crate::opt::optimize;
use crate::verify::verify;

/// Indexes run a little past what exists, so some references are broken.
const VARS: u32 = 4;
const FUNCS: u32 = 3;

fn operand() -> impl Strategy<Value = Operand> {
    prop_oneof![
        3 => (0..VARS + 1).prop_map(|v| Operand::Var(Var(v))),
        2 => (-3i64..8).prop_map(Operand::int),
        1 => prop::sample::select(vec![
            Num::MAX,
            Num::MIN,
            Num::from(i64::from(HEAP_END)),
            Num::from(i64::from(HEAP_POINTER)),
        ])
        .prop_map(Operand::Const),
    ]
}

fn var() -> impl Strategy<Value = Var> {
    (0..VARS + 1).prop_map(Var)
}

fn address() -> impl Strategy<Value = Address> {
    prop_oneof![
        (0u32..3, 0u32..4).prop_map(|(g, offset)| Address::Global {
            global: GlobalId(g),
            offset,
        }),
        (operand(), -2i64..3).prop_map(|(base, offset)| Address::Ptr { base, offset }),
    ]
}

fn inst() -> impl Strategy<Value = InstKind> {
    let binop = prop::sample::select(vec![BinOp::Add, BinOp::Mul, BinOp::FloorDiv, BinOp::Lt]);
    let args = || vec(operand(), 0..3);
    prop_oneof![
        (var(), operand()).prop_map(|(dst, src)| InstKind::Copy { dst, src }),
        (var(), binop, operand(), operand()).prop_map(|(dst, op, lhs, rhs)| InstKind::Binary {
            dst,
            op,
            lhs,
            rhs
        }),
        (var(), operand()).prop_map(|(dst, arg)| InstKind::Unary {
            dst,
            op: UnOp::Neg,
            arg
        }),
        (var(), 0u32..3).prop_map(|(dst, g)| InstKind::GlobalAddr {
            dst,
            global: GlobalId(g)
        }),
        (var(), 0u32..2).prop_map(|(dst, slot)| InstKind::FrameAddr { dst, slot }),
        (var(), 0..FUNCS + 1).prop_map(|(dst, f)| InstKind::FuncAddr {
            dst,
            func: FuncId(f)
        }),
        (var(), address()).prop_map(|(dst, addr)| InstKind::Load { dst, addr }),
        (address(), operand()).prop_map(|(addr, value)| InstKind::Store { addr, value }),
        (var(), operand()).prop_map(|(dst, words)| InstKind::Alloc { dst, words }),
        (prop::option::of(var()), 0..FUNCS + 1, args()).prop_map(|(dst, f, args)| {
            InstKind::Call {
                dst,
                func: FuncId(f),
                args,
            }
        }),
        (prop::option::of(var()), operand(), args())
            .prop_map(|(dst, callee, args)| InstKind::CallIndirect { dst, callee, args }),
        (operand(), operand()).prop_map(|(index, len)| InstKind::CheckIndex { index, len }),
        var().prop_map(|dst| InstKind::ReadCard { dst }),
        operand().prop_map(InstKind::PrintNum),
        operand().prop_map(InstKind::PrintChar),
        Just(InstKind::Bell),
    ]
}

fn term() -> impl Strategy<Value = TermKind> {
    let target = (0u32..4).prop_map(BlockId);
    prop_oneof![
        target.clone().prop_map(TermKind::Jump),
        (operand(), target.clone(), target).prop_map(|(cond, then_block, else_block)| {
            TermKind::Branch {
                cond,
                then_block,
                else_block,
            }
        }),
        prop::option::of(operand()).prop_map(TermKind::Return),
        Just(TermKind::Fault(FaultKind::Unbound)),
    ]
}

fn function() -> impl Strategy<Value = Function> {
    (
        vec((vec(inst(), 0..5), term()), 0..4),
        0u32..3,
        vec(0u32..40_000, 0..3),
        any::<bool>(),
    )
        .prop_map(|(blocks, params, frame, returns_value)| Function {
            name: "f".into(),
            params,
            vars: vec![VarInfo::default(); VARS as usize],
            blocks: blocks
                .into_iter()
                .map(|(insts, kind)| Block {
                    insts: insts
                        .into_iter()
                        .map(|kind| Inst { kind, span: None })
                        .collect(),
                    term: Term { kind, span: None },
                })
                .collect(),
            frame,
            returns_value,
            span: None,
        })
}

fn module() -> impl Strategy<Value = Module> {
    (
        vec(function(), 1..FUNCS as usize + 1),
        vec((0u32..5, vec(-2i64..3, 0..4)), 0..3),
        0..FUNCS + 1,
    )
        .prop_map(|(mut functions, globals, entry)| {
            for (i, f) in functions.iter_mut().enumerate() {
                f.name = format!("f{i}");
            }
            Module {
                globals: globals
                    .into_iter()
                    .map(|(size, init)| Global {
                        name: "g".into(),
                        size,
                        init: init.into_iter().map(Num::from).collect(),
                        span: None,
                    })
                    .collect(),
                functions,
                entry: FuncId(entry),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_module_runs_to_an_end_within_its_budget(module in module(), budget in 1u64..400) {
        let run = interpret(&module, &[Num::from(4)], budget);
        prop_assert!(run.steps <= budget);
        let mut optimized = module.clone();
        optimize(&mut optimized);
        if verify(&module).is_ok() {
            prop_assert_eq!(verify(&optimized), Ok(()));
        } else {
            prop_assert_eq!(&optimized, &module);
        }
    }
}
