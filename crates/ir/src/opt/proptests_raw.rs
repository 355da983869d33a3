//! Random IR straight from the instruction set: any block may jump to any other, so loops
//! are arbitrary and every variable is written anywhere, the cases a front end's tidy
//! lowering rarely makes but the passes must still get right. Liveness is checked against
//! its definition on the same functions.

use proptest::collection::vec;
use proptest::prelude::*;

use super::*;
use crate::interp::{End, interpret};
use crate::module::{BinOp, Block, Inst, Term, UnOp, Var, VarInfo};
use diag::Span;
use isa::Num;

const VARS: u32 = 5;
/// Enough for most generated loops to finish; runs that do not are skipped, since the
/// optimised run, being shorter, would get further.
const BUDGET: u64 = 3_000;

fn operand() -> impl Strategy<Value = Operand> {
    prop_oneof![
        3 => (0..VARS).prop_map(|v| Operand::Var(Var(v))),
        1 => Just(Operand::int(0)),
        2 => (-3i64..8).prop_map(Operand::int),
        1 => Just(Operand::Const(Num::MAX)),
    ]
}

fn var() -> impl Strategy<Value = Var> {
    (0..VARS).prop_map(Var)
}

fn inst() -> impl Strategy<Value = InstKind> {
    use BinOp::*;
    let binop = prop::sample::select(vec![
        Add, Add, Sub, Mul, Div, Rem, FloorDiv, FloorMod, Eq, Ne, Lt, Le, Gt, Ge,
    ]);
    let unop = prop::sample::select(vec![UnOp::Neg, UnOp::Not, UnOp::Abs]);
    prop_oneof![
        4 => (var(), operand()).prop_map(|(dst, src)| InstKind::Copy { dst, src }),
        4 => (var(), binop, operand(), operand())
            .prop_map(|(dst, op, lhs, rhs)| InstKind::Binary { dst, op, lhs, rhs }),
        1 => (var(), unop, operand()).prop_map(|(dst, op, arg)| InstKind::Unary { dst, op, arg }),
        3 => operand().prop_map(InstKind::PrintNum),
        1 => var().prop_map(|dst| InstKind::ReadCard { dst }),
        1 => (operand(), operand()).prop_map(|(index, len)| InstKind::CheckIndex { index, len }),
        1 => (var(), operand(), -1i64..3).prop_map(|(dst, base, offset)| InstKind::Load {
            dst,
            addr: Address::Ptr { base, offset },
        }),
    ]
}

fn term(blocks: u32) -> impl Strategy<Value = TermKind> {
    let target = (0..blocks).prop_map(BlockId);
    prop_oneof![
        2 => target.clone().prop_map(TermKind::Jump),
        3 => (operand(), target.clone(), target)
            .prop_map(|(cond, then_block, else_block)| TermKind::Branch { cond, then_block, else_block }),
        1 => operand().prop_map(|v| TermKind::Return(Some(v))),
    ]
}

fn function() -> impl Strategy<Value = Function> {
    (1u32..6).prop_flat_map(|n| {
        vec((vec(inst(), 0..9), term(n)), n as usize).prop_map(|blocks| Function {
            name: "main".into(),
            params: 0,
            vars: (0..VARS).map(|_| VarInfo::default()).collect(),
            blocks: blocks
                .into_iter()
                .enumerate()
                .map(|(b, (insts, kind))| Block {
                    insts: insts
                        .into_iter()
                        .enumerate()
                        .map(|(i, kind)| Inst {
                            kind,
                            span: Some(Span::new(b * 10 + i, b * 10 + i + 1)),
                        })
                        .collect(),
                    term: Term {
                        kind,
                        span: Some(Span::new(b * 10 + 9, b * 10 + 10)),
                    },
                })
                .collect(),
            frame: Vec::new(),
            returns_value: true,
            span: None,
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn optimizing_any_control_flow_changes_nothing_seen(
        function in function(),
        cards in vec(-3i64..6, 0..6),
    ) {
        let module = Module {
            globals: Vec::new(),
            functions: vec![function],
            entry: crate::FuncId(0),
        };
        prop_assert_eq!(verify(&module), Ok(()));
        let cards: Vec<Num> = cards.into_iter().map(Num::from).collect();
        let before = interpret(&module, &cards, BUDGET);
        prop_assume!(before.end != End::BudgetExhausted);
        let mut optimized = module.clone();
        optimize(&mut optimized);
        prop_assert_eq!(verify(&optimized), Ok(()));
        let after = interpret(&optimized, &cards, BUDGET);
        prop_assert_eq!(&before.output, &after.output);
        prop_assert_eq!(&before.end, &after.end);
        prop_assert!(after.steps <= before.steps, "{} steps became {}", before.steps, after.steps);
    }
}

/// Whether some path from the start of `b` reads `v` before writing it, by search.
fn read_before_written(function: &Function, cfg: &Cfg, b: BlockId, v: Var) -> bool {
    let mut seen = vec![false; function.blocks.len()];
    let mut stack = vec![b];
    while let Some(b) = stack.pop() {
        if std::mem::replace(&mut seen[b.0 as usize], true) {
            continue;
        }
        let block = function.block(b);
        let mut written = false;
        for inst in &block.insts {
            if inst.kind.operands().contains(&Operand::Var(v)) {
                return true;
            }
            if inst.kind.dst() == Some(v) {
                written = true;
                break;
            }
        }
        if written {
            continue;
        }
        if block.term.kind.operands().contains(&Operand::Var(v)) {
            return true;
        }
        stack.extend_from_slice(cfg.successors(b));
    }
    false
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Liveness, which code generation allocates registers by, against its definition.
    #[test]
    fn live_in_sets_are_exactly_the_variables_read_before_written(function in function()) {
        let cfg = Cfg::new(&function);
        let live = Liveness::new(&function, &cfg);
        for b in 0..function.blocks.len() as u32 {
            for v in 0..VARS {
                prop_assert_eq!(
                    live.live_in(BlockId(b)).contains(Var(v)),
                    read_before_written(&function, &cfg, BlockId(b), Var(v)),
                    "b{} v{}", b, v
                );
            }
        }
    }
}
