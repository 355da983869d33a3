//! Random programs: arithmetic, comparisons, branches and loops (bounded by a fuel
//! counter), calls, a global array behind index checks. The machine and the reference
//! interpreter must print the same and end the same way, faults and their spans included.

#[path = "support/run.rs"]
mod run;

use diag::Span;
use ir::{
    Address, BinOp, FunctionBuilder, GlobalId, InstKind, Module, ModuleBuilder, Operand, UnOp, Var,
};
use proptest::prelude::*;

const VARS: u8 = 6;
const HELPER_VARS: u8 = 4;
const ARRAY: u32 = 8;

#[derive(Clone, Debug)]
enum Arg {
    Var(u8),
    Const(i64),
}

#[derive(Clone, Debug)]
enum Op {
    Bin(usize, Arg, Arg, u8),
    Un(usize, Arg, u8),
    Copy(Arg, u8),
    Print(Arg),
    Call(Arg, Arg, u8),
    Store(Arg, Arg),
    Load(Arg, u8),
    /// `t = alloc(size)`, then `t[0] = t`.
    Alloc(Arg, u8),
    /// Through a frame array of main's.
    FrameStore(Arg, Arg),
    FrameLoad(Arg, u8),
    /// The helper called through its function value.
    CallIndirect(Arg, Arg, u8),
}

#[derive(Clone, Debug)]
enum Term {
    Jump(u8),
    Branch(Arg, u8, u8),
    Return(Arg),
}

#[derive(Clone, Debug)]
struct Program {
    helper: Vec<Op>,
    helper_result: Arg,
    blocks: Vec<(Vec<Op>, Term)>,
    cards: Vec<i64>,
}

fn arg(vars: u8) -> impl Strategy<Value = Arg> {
    prop_oneof![
        3 => (0..vars).prop_map(Arg::Var),
        1 => (-9i64..10).prop_map(Arg::Const),
        1 => prop_oneof![Just(0i64), Just(1), Just(-1), Just(1_000_000_007)].prop_map(Arg::Const),
    ]
}

fn op(vars: u8, calls: bool) -> impl Strategy<Value = Op> {
    let a = || arg(vars);
    let d = move || 0..vars;
    let mut choices = vec![
        (
            6,
            (0..run::BINOPS.len(), a(), a(), d())
                .prop_map(|(o, x, y, t)| Op::Bin(o, x, y, t))
                .boxed(),
        ),
        (
            1,
            (0..3usize, a(), d())
                .prop_map(|(o, x, t)| Op::Un(o, x, t))
                .boxed(),
        ),
        (1, (a(), d()).prop_map(|(x, t)| Op::Copy(x, t)).boxed()),
        (1, a().prop_map(Op::Print).boxed()),
        (1, (a(), a()).prop_map(|(i, v)| Op::Store(i, v)).boxed()),
        (1, (a(), d()).prop_map(|(i, t)| Op::Load(i, t)).boxed()),
    ];
    if calls {
        choices.push((
            1,
            (a(), a(), d())
                .prop_map(|(x, y, t)| Op::Call(x, y, t))
                .boxed(),
        ));
        choices.push((
            1,
            (a(), a(), d())
                .prop_map(|(x, y, t)| Op::CallIndirect(x, y, t))
                .boxed(),
        ));
        choices.push((1, (a(), d()).prop_map(|(x, t)| Op::Alloc(x, t)).boxed()));
        choices.push((
            1,
            (a(), a()).prop_map(|(i, v)| Op::FrameStore(i, v)).boxed(),
        ));
        choices.push((1, (a(), d()).prop_map(|(i, t)| Op::FrameLoad(i, t)).boxed()));
    }
    proptest::strategy::Union::new_weighted(choices)
}

fn term(blocks: u8) -> impl Strategy<Value = Term> {
    prop_oneof![
        3 => (0..blocks).prop_map(Term::Jump),
        3 => (arg(VARS), 0..blocks, 0..blocks).prop_map(|(c, t, e)| Term::Branch(c, t, e)),
        1 => arg(VARS).prop_map(Term::Return),
    ]
}

fn program() -> impl Strategy<Value = Program> {
    (1u8..6).prop_flat_map(|n| {
        (
            prop::collection::vec(op(HELPER_VARS, false), 0..6),
            arg(HELPER_VARS),
            prop::collection::vec(
                (prop::collection::vec(op(VARS, true), 0..8), term(n)),
                n as usize,
            ),
            prop_oneof![
                9 => prop::collection::vec(-20i64..20, 2..5),
                1 => prop::collection::vec(-20i64..20, 0..2),
            ],
        )
            .prop_map(|(helper, helper_result, blocks, cards)| Program {
                helper,
                helper_result,
                blocks,
                cards,
            })
    })
}

/// Gives every instruction its own span, so that a fault's place is checked exactly.
struct Spans(usize);

impl Spans {
    fn next(&mut self, f: &mut FunctionBuilder) {
        self.0 += 1;
        f.set_span(Some(Span::new(self.0, self.0 + 1)));
    }
}

fn operand(vars: &[Var], a: &Arg) -> Operand {
    match a {
        Arg::Var(v) => vars[*v as usize].into(),
        Arg::Const(c) => Operand::int(*c),
    }
}

fn emit_ops(
    f: &mut FunctionBuilder,
    spans: &mut Spans,
    vars: &[Var],
    ops: &[Op],
    array: GlobalId,
    helper: ir::FuncId,
) {
    for op in ops {
        spans.next(f);
        let o = |a: &Arg| operand(vars, a);
        match op {
            Op::Bin(k, x, y, t) => f.push(InstKind::Binary {
                dst: vars[*t as usize],
                op: run::BINOPS[*k],
                lhs: o(x),
                rhs: o(y),
            }),
            Op::Un(k, x, t) => f.push(InstKind::Unary {
                dst: vars[*t as usize],
                op: [UnOp::Neg, UnOp::Not, UnOp::Abs][*k],
                arg: o(x),
            }),
            Op::Copy(x, t) => f.copy(vars[*t as usize], o(x)),
            Op::Print(x) => {
                f.push(InstKind::PrintNum(o(x)));
                f.push(InstKind::PrintChar(Operand::int(' ' as i64)));
            }
            Op::Call(x, y, t) => f.push(InstKind::Call {
                dst: Some(vars[*t as usize]),
                func: helper,
                args: vec![o(x), o(y)],
            }),
            Op::CallIndirect(x, y, t) => {
                let callee = f.temp();
                f.push(InstKind::FuncAddr {
                    dst: callee,
                    func: helper,
                });
                f.push(InstKind::CallIndirect {
                    dst: Some(vars[*t as usize]),
                    callee: callee.into(),
                    args: vec![o(x), o(y)],
                });
            }
            Op::Alloc(size, t) => {
                let p = vars[*t as usize];
                f.push(InstKind::Alloc {
                    dst: p,
                    words: o(size),
                });
                let addr = Address::Ptr {
                    base: p.into(),
                    offset: 0,
                };
                f.store(addr, p);
            }
            Op::FrameStore(i, _) | Op::FrameLoad(i, _) | Op::Store(i, _) | Op::Load(i, _) => {
                let frame = matches!(op, Op::FrameStore(..) | Op::FrameLoad(..));
                let len = if frame { 4 } else { i64::from(ARRAY) };
                f.push(InstKind::CheckIndex {
                    index: o(i),
                    len: Operand::int(len),
                });
                let base = if frame {
                    f.frame_addr(0)
                } else {
                    f.global_addr(array)
                };
                let p = f.binary(BinOp::Add, base, o(i));
                let addr = Address::Ptr {
                    base: p.into(),
                    offset: 0,
                };
                match op {
                    Op::FrameStore(_, v) | Op::Store(_, v) => f.store(addr, o(v)),
                    Op::FrameLoad(_, t) | Op::Load(_, t) => f.push(InstKind::Load {
                        dst: vars[*t as usize],
                        addr,
                    }),
                    _ => unreachable!("matched above"),
                }
            }
        }
    }
}

fn build(p: &Program) -> Module {
    let mut spans = Spans(0);
    let mut m = ModuleBuilder::new();
    let array = m.global("array", ARRAY, vec![5.into(), 6.into()], None);
    let helper = m.declare("helper");
    let main = m.declare("main");

    let mut f = FunctionBuilder::new("helper", &["x", "y"], true);
    let mut vars = vec![f.param(0), f.param(1)];
    vars.extend((2..HELPER_VARS).map(|k| f.named_var(&format!("h{k}"))));
    emit_ops(&mut f, &mut spans, &vars, &p.helper, array, helper);
    spans.next(&mut f);
    f.ret(Some(operand(&vars, &p.helper_result)));
    m.define(helper, f.finish());

    let mut f = FunctionBuilder::new("main", &[], true);
    let vars: Vec<Var> = (0..VARS).map(|k| f.named_var(&format!("v{k}"))).collect();
    let fuel = f.named_var("fuel");
    f.frame_array(4);
    for v in &vars[..2] {
        spans.next(&mut f);
        f.push(InstKind::ReadCard { dst: *v });
    }
    f.copy(fuel, Operand::int(30));
    let heads: Vec<_> = p.blocks.iter().map(|_| f.new_block()).collect();
    let exit = f.new_block();
    f.jump_to(heads[0]);
    for (k, (ops, t)) in p.blocks.iter().enumerate() {
        f.switch_to(heads[k]);
        // Every block burns fuel, so that every loop ends.
        let less = f.binary(BinOp::Sub, fuel, Operand::int(1));
        f.copy(fuel, less);
        let empty = f.binary(BinOp::Le, fuel, Operand::int(0));
        let body = f.new_block();
        f.branch(empty, exit, body);
        f.switch_to(body);
        emit_ops(&mut f, &mut spans, &vars, ops, array, helper);
        spans.next(&mut f);
        match t {
            Term::Jump(b) => f.terminate(ir::TermKind::Jump(heads[*b as usize])),
            Term::Branch(c, t, e) => {
                f.branch(operand(&vars, c), heads[*t as usize], heads[*e as usize])
            }
            Term::Return(v) => f.ret(Some(operand(&vars, v))),
        }
    }
    f.switch_to(exit);
    for v in &vars {
        f.push(InstKind::PrintNum((*v).into()));
        f.push(InstKind::PrintChar(Operand::int(' ' as i64)));
    }
    f.ret(Some(vars[0].into()));
    m.define(main, f.finish());
    m.finish(main)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_machine_and_the_interpreter_agree(p in program()) {
        let mut module = build(&p);
        let cards = run::cards(&p.cards);
        run::check(&module, &cards);
        // What the optimiser leaves has other shapes (constants where variables were,
        // fewer blocks): it must compile as faithfully.
        ir::optimize(&mut module);
        run::check(&module, &cards);
    }
}
