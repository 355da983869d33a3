//! Unusual modules that the verifier accepts: code generation must not panic on them,
//! and what it generates must still agree with the interpreter.

#[path = "support/run.rs"]
mod run;

use ir::{
    Address, BinOp, Block, BlockId, End, FaultKind, FunctionBuilder, Inst, InstKind, ModuleBuilder,
    Num, Operand, Term, TermKind,
};
use run::{at, cards, check, fault, print, program};

#[test]
fn blocks_nothing_reaches_and_branches_of_every_shape() {
    let mut m = program(true, |f| {
        let x = f.temp();
        f.push(InstKind::ReadCard { dst: x });
        let c = f.binary(BinOp::Lt, x, Operand::int(3));
        let same = f.new_block();
        f.branch(c, same, same);
        f.switch_to(same);
        // A comparison whose result is also needed after the branch.
        let d = f.binary(BinOp::Gt, x, Operand::int(0));
        let yes = f.new_block();
        let no = f.new_block();
        f.branch(d, yes, no);
        f.switch_to(yes);
        print(f, d);
        f.branch(Operand::int(1), no, yes);
        f.switch_to(no);
        print(f, d);
        let end = f.new_block();
        f.branch(Operand::int(0), yes, end);
        f.switch_to(end);
        f.ret(Some(c.into()));
    });
    // Blocks nothing reaches, added behind the builder's back: one that loops on itself
    // and one with a variable used nowhere else.
    let main = &mut m.functions[0];
    let n = main.blocks.len() as u32;
    main.blocks.push(Block {
        insts: vec![],
        term: Term {
            kind: TermKind::Jump(BlockId(n)),
            span: None,
        },
    });
    main.vars.push(Default::default());
    let stray = ir::Var(main.vars.len() as u32 - 1);
    main.blocks.push(Block {
        insts: vec![Inst {
            kind: InstKind::PrintNum(stray.into()),
            span: None,
        }],
        term: Term {
            kind: TermKind::Return(Some(stray.into())),
            span: None,
        },
    });
    assert_eq!(check(&m, &cards(&[5])).output, "1 1 ");
    assert_eq!(check(&m, &cards(&[-5])).output, "0 ");
}

#[test]
fn globals_that_fill_the_heap_and_frame_arrays_too_large() {
    let mut m = ModuleBuilder::new();
    let big = m.global("big", ir::layout::FRAME_BASE - 1, vec![Num::from(3)], at(1));
    let main = m.declare("main");
    let huge = m.declare("huge");
    let mut f = FunctionBuilder::new("main", &[], false);
    let v = f.load(Address::Global {
        global: big,
        offset: ir::layout::FRAME_BASE - 2,
    });
    print(&mut f, v);
    let p = f.temp();
    f.push(InstKind::Alloc {
        dst: p,
        words: Operand::int(1),
    });
    print(&mut f, p);
    f.set_span(at(5));
    f.call(huge, vec![], false);
    f.ret(None);
    m.define(main, f.finish());
    let mut f = FunctionBuilder::new("huge", &[], false);
    f.frame_array(u32::MAX);
    f.frame_array(u32::MAX);
    f.ret(None);
    m.define(huge, f.finish());
    let module = m.finish(main);
    let out = check(&module, &[]);
    assert_eq!(out.output, "0 69997 ");
    assert_eq!(out.end, fault("heap exhausted", at(5)));
}

#[test]
fn constants_of_fifty_digits_and_odd_names() {
    let max = Num::MAX;
    let mut m = ModuleBuilder::new();
    m.global("", 1, vec![max], None);
    m.global("SP", 2, vec![], None);
    m.global("start", 1, vec![], None);
    let main = m.declare("mov");
    let other = m.declare("fn::λ");
    let mut f = FunctionBuilder::new("mov", &[], true);
    f.set_span(at(2));
    let v = f.load(Address::Ptr {
        base: Operand::Const(max),
        offset: -1,
    });
    print(&mut f, v);
    f.ret(Some(Operand::Const(max)));
    m.define(main, f.finish());
    let mut f = FunctionBuilder::new("fn::λ", &["unused"], false);
    f.terminate(TermKind::Fault(FaultKind::Unbound));
    m.define(other, f.finish());
    let module = m.finish(main);
    assert_eq!(
        check(&module, &[]).end,
        fault("store address out of range", at(2))
    );
    let g = run::generate(&module);
    assert_eq!(run::data_names(&g), ["_", "SP_", "start"]);
}

#[test]
fn a_fault_terminator_in_a_callee_and_an_entry_that_returns_nothing() {
    let mut m = ModuleBuilder::new();
    let main = m.declare("main");
    let bad = m.declare("bad");
    let mut f = FunctionBuilder::new("main", &[], false);
    let x = f.temp();
    f.push(InstKind::ReadCard { dst: x });
    let yes = f.new_block();
    let no = f.new_block();
    f.branch(x, yes, no);
    f.switch_to(yes);
    f.set_span(at(3));
    f.call(bad, vec![x.into()], false);
    f.ret(None);
    f.switch_to(no);
    f.ret(None);
    m.define(main, f.finish());
    let mut f = FunctionBuilder::new("bad", &["x"], false);
    f.set_span(at(9));
    f.terminate(TermKind::Fault(FaultKind::Unsupported));
    m.define(bad, f.finish());
    let module = m.finish(main);
    assert_eq!(
        check(&module, &cards(&[1])).end,
        fault("not supported in this subset", at(9))
    );
    assert_eq!(check(&module, &cards(&[0])).end, End::Returned(None));
}

mod fuzz {
    //! Modules of random instructions and random control flow, with no care for meaning:
    //! whenever the verifier accepts one, code generation must not panic, and its program
    //! must validate and survive the assembler round trip.

    use ir::{
        Address, Block, BlockId, FaultKind, FuncId, Function, Global, GlobalId, Inst, InstKind,
        Module, Num, Operand, Term, TermKind, UnOp, Var, VarInfo,
    };
    use proptest::prelude::*;

    fn operand(vars: u32) -> impl Strategy<Value = Operand> {
        prop_oneof![
            (0..vars).prop_map(|v| Operand::Var(Var(v))),
            any::<i64>().prop_map(Operand::int),
            Just(Operand::Const(Num::MAX)),
            Just(Operand::Const(Num::MIN)),
        ]
    }

    fn inst(vars: u32, funcs: u32, frames: u32) -> impl Strategy<Value = InstKind> {
        let o = move || operand(vars);
        let v = move || (0..vars).prop_map(Var);
        prop_oneof![
            (v(), o()).prop_map(|(dst, src)| InstKind::Copy { dst, src }),
            (v(), 0..3usize, o()).prop_map(|(dst, k, arg)| InstKind::Unary {
                dst,
                op: [UnOp::Neg, UnOp::Not, UnOp::Abs][k],
                arg
            }),
            (v(), 0..13usize, o(), o()).prop_map(|(dst, k, lhs, rhs)| InstKind::Binary {
                dst,
                op: super::run::BINOPS[k],
                lhs,
                rhs
            }),
            v().prop_map(|dst| InstKind::GlobalAddr {
                dst,
                global: GlobalId(0)
            }),
            (v(), 0..frames.max(1)).prop_map(|(dst, slot)| InstKind::FrameAddr { dst, slot }),
            (v(), 0..funcs).prop_map(|(dst, f)| InstKind::FuncAddr {
                dst,
                func: FuncId(f)
            }),
            (v(), o(), any::<i64>()).prop_map(|(dst, base, offset)| InstKind::Load {
                dst,
                addr: Address::Ptr { base, offset }
            }),
            (v(), 0..3u32).prop_map(|(dst, offset)| InstKind::Load {
                dst,
                addr: Address::Global {
                    global: GlobalId(0),
                    offset
                }
            }),
            (o(), o(), -3i64..3).prop_map(|(base, value, offset)| InstKind::Store {
                addr: Address::Ptr { base, offset },
                value
            }),
            (v(), o()).prop_map(|(dst, words)| InstKind::Alloc { dst, words }),
            (o(), prop::collection::vec(o(), 0..3)).prop_map(|(callee, args)| {
                InstKind::CallIndirect {
                    dst: None,
                    callee,
                    args,
                }
            }),
            (o(), o()).prop_map(|(index, len)| InstKind::CheckIndex { index, len }),
            v().prop_map(|dst| InstKind::ReadCard { dst }),
            o().prop_map(InstKind::PrintNum),
            o().prop_map(InstKind::PrintChar),
            ".{0,3}".prop_map(InstKind::PrintStr),
            Just(InstKind::Bell),
        ]
    }

    fn function(name: String, funcs: u32) -> impl Strategy<Value = Function> {
        (
            0u32..3,
            1u32..8,
            1u32..5,
            prop::collection::vec(1u32..5, 0..2),
            any::<bool>(),
        )
            .prop_flat_map(move |(params, extra, blocks, frame, returns)| {
                let vars = params + extra;
                let name = name.clone();
                let term = move || {
                    prop_oneof![
                        (0..blocks).prop_map(|b| TermKind::Jump(BlockId(b))),
                        (operand(vars), 0..blocks, 0..blocks).prop_map(|(cond, t, e)| {
                            TermKind::Branch {
                                cond,
                                then_block: BlockId(t),
                                else_block: BlockId(e),
                            }
                        }),
                        operand(vars).prop_map(move |v| TermKind::Return(returns.then_some(v))),
                        Just(TermKind::Fault(FaultKind::MatchFailure)),
                    ]
                };
                let frames = frame.len() as u32;
                let block = move || {
                    (
                        prop::collection::vec(inst(vars, funcs, frames), 0..6),
                        term(),
                    )
                        .prop_map(|(insts, kind)| Block {
                            insts: insts
                                .into_iter()
                                .map(|kind| Inst { kind, span: None })
                                .collect(),
                            term: Term { kind, span: None },
                        })
                };
                prop::collection::vec(block(), blocks as usize).prop_map(move |blocks| Function {
                    name: name.clone(),
                    params,
                    vars: vec![VarInfo::default(); vars as usize],
                    blocks,
                    frame: frame.clone(),
                    returns_value: returns,
                    span: None,
                })
            })
    }

    fn module() -> impl Strategy<Value = Module> {
        (function("main".into(), 2), function("add".into(), 2)).prop_map(|(mut main, other)| {
            main.params = 0;
            Module {
                globals: vec![Global {
                    name: "g".into(),
                    size: 3,
                    init: vec![Num::from(1)],
                    span: None,
                }],
                functions: vec![main, other],
                entry: FuncId(0),
            }
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn generating_code_for_any_valid_module_never_panics(m in module()) {
            if ir::verify(&m).is_ok() {
                let g = super::run::generate(&m);
                let program = std::sync::Arc::new(g.program);
                let mut machine = emu::Machine::new(program, std::sync::Arc::from(Vec::new()))
                    .expect("valid");
                machine.run(10_000, None);
            }
        }
    }
}
