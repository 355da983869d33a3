//! Globals, frame arrays, the heap, index checks and the guard that keeps addresses off
//! the machine's stack, checked against the interpreter.

#[path = "support/run.rs"]
mod run;

use ir::{
    Address, BinOp, End, FaultKind, FunctionBuilder, InstKind, ModuleBuilder, Num, Operand,
    TermKind,
};
use run::{at, cards, check, fault, generate, print, program};

/// `a[i] = i * i` for a global array of 10, indexes checked, then the sum.
#[test]
fn a_global_array_filled_and_summed() {
    let mut m = ModuleBuilder::new();
    let a = m.global("a", 10, vec![], None);
    let total = m.global("total", 1, vec![Num::from(1000)], None);
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("main", &[], true);
    let i = f.named_var("i");
    let head = f.new_block();
    let body = f.new_block();
    let sum = f.new_block();
    f.jump_to(head);
    let c = f.binary(BinOp::Lt, i, Operand::int(10));
    f.branch(c, body, sum);
    f.switch_to(body);
    f.set_span(at(4));
    f.push(InstKind::CheckIndex {
        index: i.into(),
        len: Operand::int(10),
    });
    let base = f.global_addr(a);
    let p = f.binary(BinOp::Add, base, i);
    let sq = f.binary(BinOp::Mul, i, i);
    f.store(
        Address::Ptr {
            base: p.into(),
            offset: 0,
        },
        sq,
    );
    let next = f.binary(BinOp::Add, i, Operand::int(1));
    f.copy(i, next);
    f.jump_to(head);
    f.switch_to(sum);
    let s = f.load(Address::Global {
        global: total,
        offset: 0,
    });
    for k in 0..10 {
        let v = f.load(Address::Global {
            global: a,
            offset: k,
        });
        let t = f.binary(BinOp::Add, s, v);
        f.copy(s, t);
    }
    f.store(
        Address::Global {
            global: total,
            offset: 0,
        },
        s,
    );
    print(&mut f, s);
    f.ret(Some(s.into()));
    m.define(main, f.finish());
    let module = m.finish(main);
    let out = check(&module, &[]);
    assert_eq!(out.output, "1285 ");
    let g = generate(&module);
    assert_eq!(run::data_names(&g), ["a_", "total"]);
    assert_eq!(g.program.data.len(), 11);
    assert_eq!(g.program.data[10], Num::from(1000));
}

/// A recursive function with a frame array of its own in every call: each call fills
/// its array, recurses, and then checks its array survived.
#[test]
fn frame_arrays_in_a_recursive_function() {
    let mut m = ModuleBuilder::new();
    let rec = m.declare("rec");
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("rec", &["n"], true);
    let n = f.param(0);
    let slot = f.frame_array(3);
    let arr = f.frame_addr(slot);
    f.store(
        Address::Ptr {
            base: arr.into(),
            offset: 0,
        },
        n,
    );
    let n2 = f.binary(BinOp::Mul, n, Operand::int(2));
    f.store(
        Address::Ptr {
            base: arr.into(),
            offset: 2,
        },
        n2,
    );
    let base = f.new_block();
    let more = f.new_block();
    let done = f.new_block();
    f.branch(n, more, base);
    f.switch_to(more);
    let m1 = f.binary(BinOp::Sub, n, Operand::int(1));
    let r = f.call(rec, vec![m1.into()], true).unwrap();
    print(&mut f, r);
    f.jump_to(done);
    f.switch_to(base);
    f.jump_to(done);
    let arr2 = f.frame_addr(slot);
    let x = f.load(Address::Ptr {
        base: arr2.into(),
        offset: 0,
    });
    let y = f.load(Address::Ptr {
        base: arr2.into(),
        offset: 2,
    });
    let s = f.binary(BinOp::Add, x, y);
    print(&mut f, arr2);
    f.ret(Some(s.into()));
    m.define(rec, f.finish());
    let mut f = FunctionBuilder::new("main", &[], false);
    let k = f.temp();
    f.push(InstKind::ReadCard { dst: k });
    f.set_span(at(7));
    let r = f.call(rec, vec![k.into()], true).unwrap();
    print(&mut f, r);
    f.ret(None);
    m.define(main, f.finish());
    let module = m.finish(main);
    let out = check(&module, &cards(&[5]));
    assert!(
        out.output.starts_with("69980 0 69983 3 69986 6 "),
        "{}",
        out.output
    );
    // Frame arrays of 3 columns each fill the whole heap after some 23,000 calls; the
    // stack runs out first.
    let out = check(&module, &cards(&[20_000]));
    assert_eq!(
        out.end,
        fault("stack overflow", None).with_any_span(&out.end)
    );
}

trait AnySpan {
    fn with_any_span(self, other: &End) -> End;
}

impl AnySpan for End {
    /// This end, with the span of `other` (for faults whose place a test does not fix).
    fn with_any_span(self, other: &End) -> End {
        match (self, other) {
            (End::Fault { message, .. }, End::Fault { span, .. }) => End::Fault {
                message,
                span: *span,
            },
            (end, _) => end,
        }
    }
}

/// Heap blocks: allocated, zeroed, written; a negative size and a too large one fault at
/// the Alloc's line, through the allocator.
#[test]
fn heap_allocation_and_exhaustion() {
    let m = program(false, |f| {
        let total = f.named_var("total");
        f.set_span(at(1));
        let p = f.temp();
        f.push(InstKind::Alloc {
            dst: p,
            words: Operand::int(5),
        });
        let q = f.temp();
        f.push(InstKind::Alloc {
            dst: q,
            words: Operand::int(3),
        });
        print(f, p);
        print(f, q);
        f.store(
            Address::Ptr {
                base: q.into(),
                offset: 2,
            },
            Operand::int(42),
        );
        let v = f.load(Address::Ptr {
            base: q.into(),
            offset: 2,
        });
        let z = f.load(Address::Ptr {
            base: p.into(),
            offset: 4,
        });
        print(f, v);
        print(f, z);
        // Keep allocating card-sized blocks until the heap runs out.
        let size = f.temp();
        f.push(InstKind::ReadCard { dst: size });
        let head = f.new_block();
        f.jump_to(head);
        f.set_span(at(2));
        let r = f.temp();
        f.push(InstKind::Alloc {
            dst: r,
            words: size.into(),
        });
        let t = f.binary(BinOp::Add, total, size);
        f.copy(total, t);
        print(f, total);
        f.terminate(TermKind::Jump(head));
    });
    let out = check(&m, &cards(&[20_000]));
    assert_eq!(out.output, "0 5 42 0 20000 40000 60000 ");
    assert_eq!(out.end, fault("heap exhausted", at(2)));
    let out = check(&m, &cards(&[-1]));
    assert_eq!(out.end, fault("heap exhausted", at(2)));
    let out = check(&m, &cards(&[69_990]));
    assert_eq!(out.output, "0 5 42 0 69990 ");
    check(&m, &cards(&[i64::MAX]));
}

#[test]
fn index_checks_pass_and_fail() {
    let m = program(false, |f| {
        let len = f.temp();
        f.push(InstKind::ReadCard { dst: len });
        let head = f.new_block();
        f.jump_to(head);
        let i = f.temp();
        f.push(InstKind::ReadCard { dst: i });
        f.set_span(at(3));
        f.push(InstKind::CheckIndex {
            index: i.into(),
            len: len.into(),
        });
        f.set_span(at(4));
        f.push(InstKind::CheckIndex {
            index: i.into(),
            len: Operand::int(4),
        });
        f.set_span(at(5));
        f.push(InstKind::CheckIndex {
            index: Operand::int(2),
            len: len.into(),
        });
        f.set_span(None);
        print(f, i);
        f.terminate(TermKind::Jump(head));
    });
    assert_eq!(
        check(&m, &cards(&[10, 0, 3, -1])).end,
        fault("index out of range", at(3))
    );
    assert_eq!(
        check(&m, &cards(&[10, 9, 4])).end,
        fault("index out of range", at(4))
    );
    assert_eq!(
        check(&m, &cards(&[2, 1])).end,
        fault("index out of range", at(5))
    );
    let out = check(&m, &cards(&[3, 0, 1]));
    assert_eq!(out.output, "0 1 ");
    assert_eq!(out.end, fault("card reader empty", None));
}

/// Addresses into the machine's stack, or outside the Store, fault as the interpreter
/// says, and a fault terminator stops the run with its own message.
#[test]
fn addresses_outside_the_heap_and_fault_terminators() {
    let m = program(false, |f| {
        let p = f.temp();
        f.push(InstKind::ReadCard { dst: p });
        f.set_span(at(1));
        f.store(
            Address::Ptr {
                base: p.into(),
                offset: 10,
            },
            Operand::int(5),
        );
        f.set_span(at(2));
        let v = f.load(Address::Ptr {
            base: p.into(),
            offset: -10,
        });
        print(f, v);
        f.set_span(at(3));
        let w = f.load(Address::Ptr {
            base: Operand::int(69_999),
            offset: 1,
        });
        print(f, w);
        f.set_span(at(8));
        f.terminate(TermKind::Fault(FaultKind::MatchFailure));
    });
    assert_eq!(
        check(&m, &cards(&[69_990])).end,
        fault("store address out of range", at(1))
    );
    assert_eq!(
        check(&m, &cards(&[-11])).end,
        fault("store address out of range", at(1))
    );
    assert_eq!(
        check(&m, &cards(&[5])).end,
        fault("store address out of range", at(2))
    );
    assert_eq!(
        check(&m, &cards(&[10])).end,
        fault("store address out of range", at(3))
    );
}

#[test]
fn the_last_heap_columns_and_the_pointers_below_the_stack() {
    let m = program(false, |f| {
        let p = f.temp();
        f.push(InstKind::ReadCard { dst: p });
        let v = f.load(Address::Ptr {
            base: p.into(),
            offset: 0,
        });
        print(f, v);
        f.set_span(at(8));
        f.terminate(TermKind::Fault(FaultKind::MatchFailure));
    });
    assert_eq!(check(&m, &cards(&[69_998])).output, "0 ");
    assert_eq!(
        check(&m, &cards(&[69_999])).end,
        fault("no pattern matched", at(8))
    );
}

/// An index checked against an array's length and added to its address needs no guard;
/// one that is not checked, or reaches past the array, keeps it.
#[test]
fn checked_indexes_need_no_guard() {
    let build = |len: i64, extra: i64, checked: bool| {
        let mut m = ModuleBuilder::new();
        let g = m.global("g", 4, vec![], None);
        let main = m.declare("main");
        let mut f = FunctionBuilder::new("main", &[], false);
        let slot = f.frame_array(4);
        let i = f.temp();
        f.push(InstKind::ReadCard { dst: i });
        f.set_span(at(2));
        if checked {
            f.push(InstKind::CheckIndex {
                index: i.into(),
                len: Operand::int(len),
            });
        }
        for base in [f.frame_addr(slot), f.global_addr(g)] {
            let p = f.binary(BinOp::Add, base, i);
            f.store(
                Address::Ptr {
                    base: p.into(),
                    offset: extra,
                },
                Operand::int(9),
            );
            let v = f.load(Address::Ptr {
                base: p.into(),
                offset: extra,
            });
            print(&mut f, v);
        }
        f.ret(None);
        m.define(main, f.finish());
        m.finish(main)
    };
    let guards = |module| generate(&module).guards.len();
    assert_eq!(guards(build(4, 0, true)), 0);
    assert_eq!(guards(build(4, 0, false)), 4);
    // Past the frame array, but still below the stack: only the frame array's accesses
    // keep their guards (an address below the stack needs none).
    assert_eq!(guards(build(4, 1, true)), 2);
    for card in [0, 3, 4, -1, 80_000] {
        for (len, extra, checked) in [(4, 0, true), (4, 0, false), (4, 1, true)] {
            check(&build(len, extra, checked), &cards(&[card]));
        }
    }
}
