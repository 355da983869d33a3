//! The run-time support that lowered programs call: lists and their methods, printing a
//! list, `**`, and `sum`, `min` and `max` of a list, each an IR function the front end
//! adds to the module when a program uses it.
//!
//! A list is a heap object of three columns: its length, its capacity, and the address of
//! its data, a block of `capacity` columns. Appending to a full list moves the data to a
//! block twice as large (the heap never gives columns back, so the old block is simply
//! left). The instructions here carry no span: a fault in a helper (an index out of range
//! in `pop`, say) is blamed on the call that the program made.

use ir::{Address, BinOp, BlockId, FaultKind, FunctionBuilder, InstKind, Operand, TermKind, Var};

/// Columns of a list's header.
pub(super) const HEADER: i64 = 3;
/// Offset of the length in the header.
pub(super) const LEN: i64 = 0;
/// Offset of the capacity.
const CAP: i64 = 1;
/// Offset of the data's address.
pub(super) const DATA: i64 = 2;
/// The smallest capacity a list gets.
const MIN_CAP: i64 = 4;

/// Every helper: its name in the module, its parameters, and whether it returns a value.
pub(super) const HELPERS: [(&str, &[&str], bool); 21] = [
    ("py.list_new", &["len"], true),
    ("py.grow", &["xs"], false),
    ("py.append", &["xs", "v"], false),
    ("py.pop", &["xs", "i"], true),
    ("py.extend", &["xs", "ys"], false),
    ("py.insert", &["xs", "i", "v"], false),
    ("py.reverse", &["xs"], false),
    ("py.sort", &["xs"], false),
    ("py.count", &["xs", "v"], true),
    ("py.index", &["xs", "v"], true),
    ("py.clear", &["xs"], false),
    ("py.print_list", &["xs"], false),
    ("py.pow", &["base", "exp"], true),
    ("py.sum", &["xs"], true),
    ("py.min", &["xs"], true),
    ("py.max", &["xs"], true),
    ("py.list_eq", &["a", "b"], true),
    ("py.concat", &["a", "b"], true),
    ("py.repeat", &["xs", "n"], true),
    ("py.irepeat", &["xs", "n"], false),
    ("py.contains", &["xs", "v"], true),
];

/// What a helper's body may call: another helper, by name.
pub(super) trait Helpers {
    fn helper(&mut self, name: &'static str) -> ir::FuncId;
}

/// Builds the body of helper `name` into `f` (started with the helper's parameters).
pub(super) fn build(name: &str, f: &mut FunctionBuilder, h: &mut dyn Helpers) {
    let p = |i: u32| Operand::Var(Var(i));
    match name {
        "py.list_new" => {
            let cap = f.temp();
            f.copy(cap, p(0));
            let small = f.binary(BinOp::Lt, p(0), Operand::int(MIN_CAP));
            if_then(f, small.into(), |f| f.copy(cap, Operand::int(MIN_CAP)));
            let header = alloc(f, Operand::int(HEADER));
            let data = alloc(f, cap.into());
            st(f, header, LEN, p(0));
            st(f, header, CAP, cap.into());
            st(f, header, DATA, data.into());
            f.ret(Some(header.into()));
        }
        "py.grow" => {
            let xs = p(0);
            let cap = ld(f, xs, CAP);
            let len = ld(f, xs, LEN);
            let new_cap = f.binary(BinOp::Mul, cap, Operand::int(2));
            let new = alloc(f, new_cap.into());
            let old = ld(f, xs, DATA);
            for_range(f, Operand::int(0), len.into(), |f, i| {
                let v = ld_at(f, old.into(), i.into());
                st_at(f, new.into(), i.into(), v.into());
            });
            st(f, xs, CAP, new_cap.into());
            st(f, xs, DATA, new.into());
            f.ret(None);
        }
        "py.append" => {
            let xs = p(0);
            let len = ld(f, xs, LEN);
            let cap = ld(f, xs, CAP);
            let full = f.binary(BinOp::Eq, len, cap);
            let grow = h.helper("py.grow");
            if_then(f, full.into(), |f| {
                f.call(grow, vec![xs], false);
            });
            let data = ld(f, xs, DATA);
            st_at(f, data.into(), len.into(), p(1));
            let n = f.binary(BinOp::Add, len, Operand::int(1));
            st(f, xs, LEN, n.into());
            f.ret(None);
        }
        "py.pop" => {
            let xs = p(0);
            let len = ld(f, xs, LEN);
            let i = checked_index(f, p(1), len, false);
            let data = ld(f, xs, DATA);
            let v = ld_at(f, data.into(), i);
            let last = f.binary(BinOp::Sub, len, Operand::int(1));
            let from = f.binary(BinOp::Add, i, Operand::int(1));
            for_range(f, from.into(), len.into(), |f, k| {
                let w = ld_at(f, data.into(), k.into());
                let before = f.binary(BinOp::Sub, k, Operand::int(1));
                st_at(f, data.into(), before.into(), w.into());
            });
            st(f, xs, LEN, last.into());
            f.ret(Some(v.into()));
        }
        "py.extend" => {
            let n = ld(f, p(1), LEN);
            let append = h.helper("py.append");
            for_range(f, Operand::int(0), n.into(), |f, k| {
                // Reloaded each time: appending may move the data when `ys` is `xs`.
                let data = ld(f, p(1), DATA);
                let v = ld_at(f, data.into(), k.into());
                f.call(append, vec![p(0), v.into()], false);
            });
            f.ret(None);
        }
        "py.insert" => {
            let xs = p(0);
            let len = ld(f, xs, LEN);
            let i = f.temp();
            f.copy(i, p(1));
            let neg = f.binary(BinOp::Lt, i, Operand::int(0));
            if_then(f, neg.into(), |f| {
                update(f, i, BinOp::Add, len);
                let still = f.binary(BinOp::Lt, i, Operand::int(0));
                if_then(f, still.into(), |f| f.copy(i, Operand::int(0)));
            });
            let past = f.binary(BinOp::Gt, i, len);
            if_then(f, past.into(), |f| f.copy(i, len));
            let append = h.helper("py.append");
            f.call(append, vec![xs, Operand::int(0)], false);
            let data = ld(f, xs, DATA);
            // Shift data[i .. len) up by one, from the top down.
            let k = f.temp();
            f.copy(k, len);
            while_loop(
                f,
                |f| f.binary(BinOp::Gt, k, i).into(),
                |f| {
                    let below = f.binary(BinOp::Sub, k, Operand::int(1));
                    let w = ld_at(f, data.into(), below.into());
                    st_at(f, data.into(), k.into(), w.into());
                    f.copy(k, below);
                },
            );
            st_at(f, data.into(), i.into(), p(2));
            f.ret(None);
        }
        "py.reverse" => {
            let len = ld(f, p(0), LEN);
            let data = ld(f, p(0), DATA);
            let i = f.temp();
            f.copy(i, Operand::int(0));
            let j = f.binary(BinOp::Sub, len, Operand::int(1));
            while_loop(
                f,
                |f| f.binary(BinOp::Lt, i, j).into(),
                |f| {
                    let a = ld_at(f, data.into(), i.into());
                    let b = ld_at(f, data.into(), j.into());
                    st_at(f, data.into(), i.into(), b.into());
                    st_at(f, data.into(), j.into(), a.into());
                    add_into(f, i, 1);
                    add_into(f, j, -1);
                },
            );
            f.ret(None);
        }
        "py.sort" => {
            // Insertion sort: stable, as Python's sort is, and short.
            let len = ld(f, p(0), LEN);
            let data = ld(f, p(0), DATA);
            for_range(f, Operand::int(1), len.into(), |f, i| {
                let v = ld_at(f, data.into(), i.into());
                let j = f.binary(BinOp::Sub, i, Operand::int(1));
                let head = f.new_block();
                let test = f.new_block();
                let shift = f.new_block();
                let done = f.new_block();
                f.jump_to(head);
                let in_range = f.binary(BinOp::Ge, j, Operand::int(0));
                f.branch(in_range, test, done);
                f.switch_to(test);
                let w = ld_at(f, data.into(), j.into());
                let bigger = f.binary(BinOp::Gt, w, v);
                f.branch(bigger, shift, done);
                f.switch_to(shift);
                let up = f.binary(BinOp::Add, j, Operand::int(1));
                st_at(f, data.into(), up.into(), w.into());
                add_into(f, j, -1);
                f.terminate(TermKind::Jump(head));
                f.switch_to(done);
                let at = f.binary(BinOp::Add, j, Operand::int(1));
                st_at(f, data.into(), at.into(), v.into());
            });
            f.ret(None);
        }
        "py.count" | "py.contains" | "py.index" => {
            let len = ld(f, p(0), LEN);
            let data = ld(f, p(0), DATA);
            let count = f.temp();
            f.copy(count, Operand::int(0));
            for_range(f, Operand::int(0), len.into(), |f, k| {
                let w = ld_at(f, data.into(), k.into());
                let same = f.binary(BinOp::Eq, w, p(1));
                if name == "py.count" {
                    update(f, count, BinOp::Add, same);
                } else {
                    let answer = if name == "py.index" {
                        Operand::Var(k)
                    } else {
                        Operand::int(1)
                    };
                    if_then(f, same.into(), |f| f.ret(Some(answer)));
                }
            });
            match name {
                "py.count" => f.ret(Some(count.into())),
                "py.contains" => f.ret(Some(Operand::int(0))),
                // Python raises `ValueError`: the value is not in the list.
                _ => f.terminate(TermKind::Fault(FaultKind::IndexOutOfRange)),
            }
        }
        "py.clear" => {
            st(f, p(0), LEN, Operand::int(0));
            f.ret(None);
        }
        "py.print_list" => {
            let len = ld(f, p(0), LEN);
            let data = ld(f, p(0), DATA);
            f.push(InstKind::PrintChar(Operand::int('[' as i64)));
            for_range(f, Operand::int(0), len.into(), |f, k| {
                let later = f.binary(BinOp::Gt, k, Operand::int(0));
                if_then(f, later.into(), |f| f.push(InstKind::PrintStr(", ".into())));
                let w = ld_at(f, data.into(), k.into());
                f.push(InstKind::PrintNum(w.into()));
            });
            f.push(InstKind::PrintChar(Operand::int(']' as i64)));
            f.ret(None);
        }
        "py.pow" => {
            let negative = f.binary(BinOp::Lt, p(1), Operand::int(0));
            if_then(f, negative.into(), |f| {
                f.terminate(TermKind::Fault(FaultKind::Unsupported));
            });
            let (base, exp, result) = (f.temp(), f.temp(), f.temp());
            f.copy(base, p(0));
            f.copy(exp, p(1));
            f.copy(result, Operand::int(1));
            // Square and multiply; the base is squared only while bits remain, so it
            // overflows only when the result would.
            while_loop(
                f,
                |f| f.binary(BinOp::Gt, exp, Operand::int(0)).into(),
                |f| {
                    let odd = f.binary(BinOp::FloorMod, exp, Operand::int(2));
                    if_then(f, odd.into(), |f| {
                        update(f, result, BinOp::Mul, base);
                    });
                    update(f, exp, BinOp::FloorDiv, Operand::int(2));
                    let more = f.binary(BinOp::Gt, exp, Operand::int(0));
                    if_then(f, more.into(), |f| {
                        update(f, base, BinOp::Mul, base);
                    });
                },
            );
            f.ret(Some(result.into()));
        }
        "py.sum" | "py.min" | "py.max" => {
            let len = ld(f, p(0), LEN);
            let data = ld(f, p(0), DATA);
            let acc = f.temp();
            let from = if name == "py.sum" {
                f.copy(acc, Operand::int(0));
                0
            } else {
                // Python raises `ValueError` for an empty list.
                f.push(InstKind::CheckIndex {
                    index: Operand::int(0),
                    len: len.into(),
                });
                let first = ld_at(f, data.into(), Operand::int(0));
                f.copy(acc, first);
                1
            };
            for_range(f, Operand::int(from), len.into(), |f, k| {
                let w = ld_at(f, data.into(), k.into());
                match name {
                    "py.sum" => update(f, acc, BinOp::Add, w),
                    _ => {
                        let op = if name == "py.min" {
                            BinOp::Lt
                        } else {
                            BinOp::Gt
                        };
                        let better = f.binary(op, w, acc);
                        if_then(f, better.into(), |f| f.copy(acc, w));
                    }
                }
            });
            f.ret(Some(acc.into()));
        }
        "py.list_eq" => {
            let la = ld(f, p(0), LEN);
            let lb = ld(f, p(1), LEN);
            let differ = f.binary(BinOp::Ne, la, lb);
            if_then(f, differ.into(), |f| f.ret(Some(Operand::int(0))));
            let da = ld(f, p(0), DATA);
            let db = ld(f, p(1), DATA);
            for_range(f, Operand::int(0), la.into(), |f, k| {
                let x = ld_at(f, da.into(), k.into());
                let y = ld_at(f, db.into(), k.into());
                let ne = f.binary(BinOp::Ne, x, y);
                if_then(f, ne.into(), |f| f.ret(Some(Operand::int(0))));
            });
            f.ret(Some(Operand::int(1)));
        }
        "py.concat" => {
            let la = ld(f, p(0), LEN);
            let lb = ld(f, p(1), LEN);
            let n = f.binary(BinOp::Add, la, lb);
            let new = h.helper("py.list_new");
            let r = f.call(new, vec![n.into()], true).expect("returns a list");
            let dr = ld(f, r.into(), DATA);
            let da = ld(f, p(0), DATA);
            let db = ld(f, p(1), DATA);
            for_range(f, Operand::int(0), la.into(), |f, k| {
                let x = ld_at(f, da.into(), k.into());
                st_at(f, dr.into(), k.into(), x.into());
            });
            for_range(f, Operand::int(0), lb.into(), |f, k| {
                let x = ld_at(f, db.into(), k.into());
                let at = f.binary(BinOp::Add, k, la);
                st_at(f, dr.into(), at.into(), x.into());
            });
            f.ret(Some(r.into()));
        }
        "py.repeat" => {
            let n = f.temp();
            f.copy(n, p(1));
            let neg = f.binary(BinOp::Lt, n, Operand::int(0));
            if_then(f, neg.into(), |f| f.copy(n, Operand::int(0)));
            let len = ld(f, p(0), LEN);
            let total = f.binary(BinOp::Mul, len, n);
            let new = h.helper("py.list_new");
            let r = f
                .call(new, vec![total.into()], true)
                .expect("returns a list");
            let dr = ld(f, r.into(), DATA);
            let dx = ld(f, p(0), DATA);
            let j = f.temp();
            f.copy(j, Operand::int(0));
            for_range(f, Operand::int(0), n.into(), |f, _| {
                for_range(f, Operand::int(0), len.into(), |f, k| {
                    let x = ld_at(f, dx.into(), k.into());
                    st_at(f, dr.into(), j.into(), x.into());
                    add_into(f, j, 1);
                });
            });
            f.ret(Some(r.into()));
        }
        "py.irepeat" => {
            let positive = f.binary(BinOp::Gt, p(1), Operand::int(0));
            let len = ld(f, p(0), LEN);
            let append = h.helper("py.append");
            let clear = f.new_block();
            let fill = f.new_block();
            f.branch(positive, fill, clear);
            f.switch_to(clear);
            st(f, p(0), LEN, Operand::int(0));
            f.ret(None);
            f.switch_to(fill);
            for_range(f, Operand::int(1), p(1), |f, _| {
                for_range(f, Operand::int(0), len.into(), |f, k| {
                    let data = ld(f, p(0), DATA);
                    let x = ld_at(f, data.into(), k.into());
                    f.call(append, vec![p(0), x.into()], false);
                });
            });
            f.ret(None);
        }
        _ => unreachable!("no helper `{name}`"),
    }
}

/// `i` made non-negative (Python's negative indexes count from the end) and checked
/// against `len`: faults with `index out of range` unless it is within the list.
/// With `nonneg`, the index is known never to be negative and is only checked.
pub(super) fn checked_index(
    f: &mut FunctionBuilder,
    i: Operand,
    len: Var,
    nonneg: bool,
) -> Operand {
    if nonneg || matches!(i, Operand::Const(c) if !c.is_negative()) {
        f.push(InstKind::CheckIndex {
            index: i,
            len: len.into(),
        });
        return i;
    }
    let index = f.temp();
    f.copy(index, i);
    if let Operand::Const(c) = i {
        if c.is_negative() {
            f.push(InstKind::Binary {
                dst: index,
                op: BinOp::Add,
                lhs: i,
                rhs: len.into(),
            });
        }
    } else {
        let neg = f.binary(BinOp::Lt, i, Operand::int(0));
        if_then(f, neg.into(), |f| {
            update(f, index, BinOp::Add, len);
        });
    }
    f.push(InstKind::CheckIndex {
        index: index.into(),
        len: len.into(),
    });
    Operand::Var(index)
}

/// Allocates `words` zeroed heap columns.
pub(super) fn alloc(f: &mut FunctionBuilder, words: Operand) -> Var {
    let dst = f.temp();
    f.push(InstKind::Alloc { dst, words });
    dst
}

/// Loads the column `offset` past address `base`.
pub(super) fn ld(f: &mut FunctionBuilder, base: Operand, offset: i64) -> Var {
    f.load(Address::Ptr { base, offset })
}

/// Stores into the column `offset` past address `base`.
pub(super) fn st(f: &mut FunctionBuilder, base: impl Into<Operand>, offset: i64, value: Operand) {
    f.store(
        Address::Ptr {
            base: base.into(),
            offset,
        },
        value,
    );
}

/// Loads `data[index]`.
pub(super) fn ld_at(f: &mut FunctionBuilder, data: Operand, index: Operand) -> Var {
    // A constant index that fits folds into the address's offset.
    let offset = match index {
        Operand::Const(c) => c.to_i64(),
        Operand::Var(_) => None,
    };
    match offset {
        Some(k) => ld(f, data, k),
        None => {
            let at = f.binary(BinOp::Add, data, index);
            ld(f, at.into(), 0)
        }
    }
}

/// Stores `data[index] = value`.
pub(super) fn st_at(f: &mut FunctionBuilder, data: Operand, index: Operand, value: Operand) {
    let at = f.binary(BinOp::Add, data, index);
    st(f, at, 0, value);
}

/// `var += k`.
fn add_into(f: &mut FunctionBuilder, var: Var, k: i64) {
    update(f, var, BinOp::Add, Operand::int(k));
}

/// `var = var <op> rhs`, in place.
fn update(f: &mut FunctionBuilder, var: Var, op: BinOp, rhs: impl Into<Operand>) {
    f.push(InstKind::Binary {
        dst: var,
        op,
        lhs: var.into(),
        rhs: rhs.into(),
    });
}

/// Runs `body` when `cond` is not 0, then goes on.
pub(super) fn if_then(
    f: &mut FunctionBuilder,
    cond: Operand,
    body: impl FnOnce(&mut FunctionBuilder),
) {
    let then = f.new_block();
    let join = f.new_block();
    f.branch(cond, then, join);
    f.switch_to(then);
    body(f);
    f.terminate(TermKind::Jump(join));
    f.switch_to(join);
}

/// `for i in range(start, stop)` with a fresh counter, which `body` gets.
fn for_range(
    f: &mut FunctionBuilder,
    start: Operand,
    stop: Operand,
    body: impl FnOnce(&mut FunctionBuilder, Var),
) {
    let i = f.temp();
    f.copy(i, start);
    while_loop(
        f,
        |f| f.binary(BinOp::Lt, i, stop).into(),
        |f| {
            body(f, i);
            add_into(f, i, 1);
        },
    );
}

/// `while cond: body`, the condition computed afresh in the loop's head.
fn while_loop(
    f: &mut FunctionBuilder,
    cond: impl FnOnce(&mut FunctionBuilder) -> Operand,
    body: impl FnOnce(&mut FunctionBuilder),
) {
    let head: BlockId = f.new_block();
    let inner = f.new_block();
    let done = f.new_block();
    f.jump_to(head);
    let c = cond(f);
    f.branch(c, inner, done);
    f.switch_to(inner);
    body(f);
    f.terminate(TermKind::Jump(head));
    f.switch_to(done);
}
