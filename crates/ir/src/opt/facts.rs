//! Constant folding and copy propagation over the whole function: a forward dataflow of
//! facts "variable = constant" and "variable = another variable", then one rewriting walk.
//!
//! Variables are not in SSA form, so a fact `x = y` dies whenever `y` is written again.
//! Every variable but a parameter starts as 0 (variables read 0 before any write), which
//! is a fact like any other. Facts are kept only for variables live at a block's entry,
//! which keeps the maps as small as the liveness sets.

use std::collections::BTreeMap;

use isa::Num;

use crate::cfg::Cfg;
use crate::eval;
use crate::layout::HEAP_END;
use crate::liveness::Liveness;
use crate::module::{Address, BinOp, BlockId, Function, InstKind, Module, Operand, TermKind, Var};

/// What is known of a variable's value at one point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fact {
    Const(Num),
    Same(Var),
}

type Facts = BTreeMap<Var, Fact>;

/// Dataflow passes over the blocks give up past this many, leaving the function as it
/// is; the facts only shrink, so a real function converges long before.
const MAX_PASSES: usize = 64;

/// Propagates constants and copies, folds what they make constant, and folds branches on
/// constant conditions. Returns whether anything changed.
pub(super) fn propagate(module: &Module, function: &mut Function) -> bool {
    let cfg = Cfg::new(function);
    let live = Liveness::new(function, &cfg);
    let Some(entry_facts) = solve(module, function, &cfg, &live) else {
        return false;
    };
    let mut changed = false;
    for (b, block) in function.blocks.iter_mut().enumerate() {
        let Some(mut facts) = entry_facts[b].clone() else {
            continue;
        };
        let before = block.insts.len();
        let mut kept = Vec::with_capacity(before);
        for mut inst in block.insts.drain(..) {
            let simplified = simplify(module, &inst.kind, &facts);
            if let Some(kind) = &simplified {
                transfer(&mut facts, kind);
            }
            match simplified {
                Some(kind) if kind == inst.kind => kept.push(inst),
                Some(kind) => {
                    changed = true;
                    inst.kind = kind;
                    kept.push(inst);
                }
                None => changed = true,
            }
        }
        block.insts = kept;
        let term = &mut block.term.kind;
        match term {
            TermKind::Branch {
                cond,
                then_block,
                else_block,
            } => {
                match resolve(*cond, &facts) {
                    Operand::Const(c) => {
                        let target = if c.is_zero() {
                            *else_block
                        } else {
                            *then_block
                        };
                        *term = TermKind::Jump(target);
                        changed = true;
                    }
                    other => {
                        changed |= other != *cond;
                        *cond = other;
                    }
                };
            }
            TermKind::Return(Some(value)) => {
                let other = resolve(*value, &facts);
                changed |= other != *value;
                *value = other;
            }
            TermKind::Jump(_) | TermKind::Return(None) | TermKind::Fault(_) => {}
        }
    }
    changed
}

/// The facts true on entry to each block (`None` for a block never reached), or `None`
/// when the passes did not converge.
fn solve(
    module: &Module,
    function: &Function,
    cfg: &Cfg,
    live: &Liveness,
) -> Option<Vec<Option<Facts>>> {
    let n = function.blocks.len();
    let mut entry: Vec<Option<Facts>> = vec![None; n];
    let mut exit: Vec<Option<Facts>> = vec![None; n];
    let start: Facts = live
        .live_in(BlockId(0))
        .iter()
        .filter(|v| v.0 >= function.params)
        .map(|v| (v, Fact::Const(Num::ZERO)))
        .collect();
    for _ in 0..MAX_PASSES {
        let mut changed = false;
        for &b in cfg.reverse_postorder() {
            let mut meet: Option<Facts> = (b.0 == 0).then(|| start.clone());
            for p in cfg.predecessors(b) {
                if let Some(out) = &exit[p.0 as usize] {
                    meet = Some(match meet {
                        None => out.clone(),
                        Some(mut m) => {
                            m.retain(|v, f| out.get(v) == Some(f));
                            m
                        }
                    });
                }
            }
            let Some(mut facts) = meet else { continue };
            let live_in = live.live_in(b);
            facts.retain(|v, _| live_in.contains(*v));
            if entry[b.0 as usize].as_ref() == Some(&facts) {
                continue;
            }
            entry[b.0 as usize] = Some(facts.clone());
            for inst in &function.blocks[b.0 as usize].insts {
                if let Some(kind) = simplify(module, &inst.kind, &facts) {
                    transfer(&mut facts, &kind);
                }
            }
            exit[b.0 as usize] = Some(facts);
            changed = true;
        }
        if !changed {
            return Some(entry);
        }
    }
    None
}

/// An operand with what the facts know of it.
fn resolve(o: Operand, facts: &Facts) -> Operand {
    match o {
        Operand::Var(v) => match facts.get(&v) {
            Some(Fact::Const(c)) => Operand::Const(*c),
            Some(Fact::Same(w)) => Operand::Var(*w),
            None => o,
        },
        Operand::Const(_) => o,
    }
}

/// Updates the facts for an instruction (already simplified) that has run.
fn transfer(facts: &mut Facts, kind: &InstKind) {
    let Some(dst) = kind.dst() else { return };
    let fact = match kind {
        // `x = x` changes nothing, so nothing known about x or through x dies.
        InstKind::Copy {
            src: Operand::Var(v),
            ..
        } if *v == dst => return,
        InstKind::Copy {
            src: Operand::Var(v),
            ..
        } => Some(Fact::Same(*v)),
        InstKind::Copy {
            src: Operand::Const(c),
            ..
        } => Some(Fact::Const(*c)),
        _ => None,
    };
    facts.remove(&dst);
    facts.retain(|_, f| *f != Fact::Same(dst));
    if let Some(fact) = fact {
        facts.insert(dst, fact);
    }
}

/// The instruction with known operands put in and folded where that cannot change a
/// fault; `None` when it can go altogether (a check that always passes, `x = x`).
fn simplify(module: &Module, kind: &InstKind, facts: &Facts) -> Option<InstKind> {
    let mut kind = kind.clone();
    for o in super::operands_mut(&mut kind) {
        *o = resolve(*o, facts);
    }
    let folded = match &kind {
        InstKind::Copy {
            dst,
            src: Operand::Var(v),
        } if v == dst => return None,
        InstKind::Unary {
            dst,
            op,
            arg: Operand::Const(a),
        } => Some(copy(*dst, Operand::Const(eval::unary(*op, *a)))),
        InstKind::Binary { dst, op, lhs, rhs } => fold_binary(*dst, *op, *lhs, *rhs),
        InstKind::CheckIndex {
            index: Operand::Const(i),
            len: Operand::Const(n),
        } if !i.is_negative() && i < n => return None,
        InstKind::CallIndirect {
            dst,
            callee: Operand::Const(c),
            args,
        } => {
            // A known callee whose call the verifier would accept becomes a direct call;
            // any other stays, to fault when it runs.
            let index = c.to_index(module.functions.len() as u32);
            index
                .map(|i| (i, &module.functions[i as usize]))
                .filter(|(_, f)| {
                    f.params as usize == args.len() && (dst.is_none() || f.returns_value)
                })
                .map(|(i, _)| InstKind::Call {
                    dst: *dst,
                    func: crate::FuncId(i),
                    args: args.clone(),
                })
        }
        _ => None,
    };
    Some(folded.unwrap_or(kind))
}

fn copy(dst: Var, src: Operand) -> InstKind {
    InstKind::Copy { dst, src }
}

/// `lhs op rhs` as a copy when it is known and computing it cannot fault.
fn fold_binary(dst: Var, op: BinOp, lhs: Operand, rhs: Operand) -> Option<InstKind> {
    let int = |o: Operand| match o {
        Operand::Const(c) => c.to_i64(),
        Operand::Var(_) => None,
    };
    if let (Operand::Const(a), Operand::Const(b)) = (lhs, rhs) {
        // A division by zero or an overflow stays, to fault at its own line.
        return eval::binary(op, a, b)
            .ok()
            .map(|v| copy(dst, Operand::Const(v)));
    }
    let zero = Operand::Const(Num::ZERO);
    let one = Operand::Const(Num::ONE);
    let same = lhs.var().is_some() && lhs == rhs;
    match (op, int(lhs), int(rhs)) {
        (BinOp::Add | BinOp::Sub, _, Some(0)) => Some(copy(dst, lhs)),
        (BinOp::Add, Some(0), _) => Some(copy(dst, rhs)),
        (BinOp::Mul, _, Some(1)) | (BinOp::Div | BinOp::FloorDiv, _, Some(1)) => {
            Some(copy(dst, lhs))
        }
        (BinOp::Mul, Some(1), _) => Some(copy(dst, rhs)),
        (BinOp::Mul, Some(0), _) | (BinOp::Mul, _, Some(0)) => Some(copy(dst, zero)),
        (BinOp::Rem | BinOp::FloorMod, _, Some(1 | -1)) => Some(copy(dst, zero)),
        (BinOp::Eq | BinOp::Le | BinOp::Ge, _, _) if same => Some(copy(dst, one)),
        (BinOp::Ne | BinOp::Lt | BinOp::Gt, _, _) if same => Some(copy(dst, zero)),
        _ => None,
    }
}

/// Whether an instruction whose result nobody reads can go: it has no effect, or it
/// provably cannot fault here (a division by a nonzero constant, a load from a known
/// column).
pub(super) fn removable(kind: &InstKind) -> bool {
    if !kind.has_effect() {
        return true;
    }
    match kind {
        InstKind::Unary { .. } => true,
        InstKind::Binary {
            op: BinOp::Div | BinOp::Rem | BinOp::FloorDiv | BinOp::FloorMod,
            rhs: Operand::Const(d),
            ..
        } => !d.is_zero(),
        InstKind::Load {
            addr:
                Address::Ptr {
                    base: Operand::Const(b),
                    offset,
                },
            ..
        } => b
            .checked_add(Num::from(*offset))
            .and_then(|c| c.to_index(HEAP_END))
            .is_some(),
        _ => false,
    }
}
