//! Optimisations that never change what a program prints, how it ends or where it faults:
//! constant folding, copy propagation, dead-code removal and control-flow clean-up.
//!
//! Each pass keeps the spans of what survives; an instruction that can fault is never
//! removed or moved, only given constant operands, so a fault still names its own line.
//! Only the number of steps a run takes can fall.

mod facts;

use crate::builder::drop_unreachable;
use crate::cfg::Cfg;
use crate::liveness::{Liveness, step_back_inst};
use crate::module::{Address, BlockId, Function, InstKind, Module, Operand, TermKind};
use crate::verify::verify;

/// Rounds of all passes per function at most; each round usually enables little more
/// than the one before, and real functions settle in two or three.
const MAX_ROUNDS: usize = 8;

/// Optimises every function of the module. A module the verifier rejects is left as it
/// is, so that the interpreter still reports what is wrong with it.
pub fn optimize(module: &mut Module) {
    if verify(module).is_err() {
        return;
    }
    // Passes read the other functions (a call's callee) but change one at a time.
    for i in 0..module.functions.len() {
        let mut function = module.functions[i].clone();
        for _ in 0..MAX_ROUNDS {
            // Coalescing first: a front end's `t = a + b; x = t` is best written straight
            // to x before copy propagation makes every later use of x read t instead.
            let mut changed = coalesce(&mut function);
            changed |= facts::propagate(module, &mut function);
            changed |= remove_dead(&mut function);
            changed |= simplify_cfg(&mut function);
            if !changed {
                break;
            }
        }
        module.functions[i] = function;
    }
}

/// The operands an instruction reads, for rewriting in place (in the order of
/// [`InstKind::operands`]).
fn operands_mut(kind: &mut InstKind) -> Vec<&mut Operand> {
    match kind {
        InstKind::Copy { src, .. } => vec![src],
        InstKind::Unary { arg, .. } => vec![arg],
        InstKind::Binary { lhs, rhs, .. } => vec![lhs, rhs],
        InstKind::GlobalAddr { .. }
        | InstKind::FrameAddr { .. }
        | InstKind::FuncAddr { .. }
        | InstKind::ReadCard { .. }
        | InstKind::PrintStr(_)
        | InstKind::Bell => Vec::new(),
        InstKind::Load { addr, .. } => match addr {
            Address::Global { .. } => Vec::new(),
            Address::Ptr { base, .. } => vec![base],
        },
        InstKind::Store { addr, value } => match addr {
            Address::Global { .. } => vec![value],
            Address::Ptr { base, .. } => vec![base, value],
        },
        InstKind::Alloc { words, .. } => vec![words],
        InstKind::Call { args, .. } => args.iter_mut().collect(),
        InstKind::CallIndirect { callee, args, .. } => {
            std::iter::once(callee).chain(args.iter_mut()).collect()
        }
        InstKind::CheckIndex { index, len } => vec![index, len],
        InstKind::PrintNum(v) | InstKind::PrintChar(v) => vec![v],
    }
}

/// Removes instructions whose result nobody reads and that cannot do anything else, and
/// drops the unread result of a call.
fn remove_dead(function: &mut Function) -> bool {
    let cfg = Cfg::new(function);
    let live = Liveness::new(function, &cfg);
    let mut changed = false;
    for (b, block) in function.blocks.iter_mut().enumerate() {
        let mut now = live.live_out(BlockId(b as u32)).clone();
        crate::liveness::step_back_term(&mut now, &block.term);
        let mut keep = vec![true; block.insts.len()];
        for (i, inst) in block.insts.iter_mut().enumerate().rev() {
            let unread = inst.kind.dst().is_some_and(|d| !now.contains(d));
            if unread && facts::removable(&inst.kind) {
                keep[i] = false;
                changed = true;
                continue;
            }
            if let (true, InstKind::Call { dst, .. } | InstKind::CallIndirect { dst, .. }) =
                (unread, &mut inst.kind)
            {
                *dst = None;
                changed = true;
            }
            step_back_inst(&mut now, inst);
        }
        let mut k = keep.into_iter();
        block.insts.retain(|_| k.next().unwrap_or(true));
    }
    changed
}

/// Writes a result straight to where a copy takes it: `t = a + b; x = t` becomes
/// `x = a + b` when nothing else reads `t` and nothing in between touches `x`.
fn coalesce(function: &mut Function) -> bool {
    let cfg = Cfg::new(function);
    let live = Liveness::new(function, &cfg);
    let mut changed = false;
    for b in 0..function.blocks.len() {
        let after = live.live_after(function, BlockId(b as u32));
        let block = &mut function.blocks[b];
        let mut gone = vec![false; block.insts.len()];
        for i in 0..block.insts.len() {
            let InstKind::Copy {
                dst: x,
                src: Operand::Var(t),
            } = block.insts[i].kind
            else {
                continue;
            };
            if x == t || after[i].contains(t) {
                continue;
            }
            let mut found = None;
            for j in (0..i).rev() {
                if gone[j] {
                    continue;
                }
                let kind = &block.insts[j].kind;
                if kind.dst() == Some(t) {
                    found = Some(j);
                    break;
                }
                let reads = kind.operands();
                if kind.dst() == Some(x)
                    || reads.contains(&Operand::Var(t))
                    || reads.contains(&Operand::Var(x))
                {
                    break;
                }
            }
            if let Some(j) = found {
                set_dst(&mut block.insts[j].kind, x);
                gone[i] = true;
                changed = true;
            }
        }
        let mut k = gone.into_iter();
        block.insts.retain(|_| !k.next().unwrap_or(false));
    }
    changed
}

/// Makes `x` the variable an instruction writes.
fn set_dst(kind: &mut InstKind, x: crate::Var) {
    match kind {
        InstKind::Copy { dst, .. }
        | InstKind::Unary { dst, .. }
        | InstKind::Binary { dst, .. }
        | InstKind::GlobalAddr { dst, .. }
        | InstKind::FrameAddr { dst, .. }
        | InstKind::FuncAddr { dst, .. }
        | InstKind::Load { dst, .. }
        | InstKind::Alloc { dst, .. }
        | InstKind::ReadCard { dst } => *dst = x,
        InstKind::Call { dst, .. } | InstKind::CallIndirect { dst, .. } => *dst = Some(x),
        InstKind::Store { .. }
        | InstKind::CheckIndex { .. }
        | InstKind::PrintNum(_)
        | InstKind::PrintChar(_)
        | InstKind::PrintStr(_)
        | InstKind::Bell => {}
    }
}

/// Folds branches with one target, sends jumps past empty blocks, merges a block into
/// its only predecessor when that ends in a jump to it, and drops blocks nothing reaches.
fn simplify_cfg(function: &mut Function) -> bool {
    let before = function.blocks.clone();
    for block in &mut function.blocks {
        if let TermKind::Branch {
            then_block,
            else_block,
            ..
        } = block.term.kind
            && then_block == else_block
        {
            block.term.kind = TermKind::Jump(then_block);
        }
    }
    thread_jumps(function);
    function.blocks = drop_unreachable(std::mem::take(&mut function.blocks));
    merge_blocks(function);
    function.blocks = drop_unreachable(std::mem::take(&mut function.blocks));
    function.blocks != before
}

/// Where control really goes when it enters `b`: past any chain of empty blocks that
/// only jump on (stopping on a cycle, which is an endless loop and stays one).
fn final_target(function: &Function, mut b: BlockId) -> BlockId {
    for _ in 0..function.blocks.len() {
        let block = function.block(b);
        match block.term.kind {
            TermKind::Jump(next) if block.insts.is_empty() && next != b => b = next,
            _ => break,
        }
    }
    b
}

fn thread_jumps(function: &mut Function) {
    for i in 0..function.blocks.len() {
        let kind = match function.blocks[i].term.kind.clone() {
            TermKind::Jump(t) => TermKind::Jump(final_target(function, t)),
            TermKind::Branch {
                cond,
                then_block,
                else_block,
            } => {
                let (t, e) = (
                    final_target(function, then_block),
                    final_target(function, else_block),
                );
                if t == e {
                    TermKind::Jump(t)
                } else {
                    TermKind::Branch {
                        cond,
                        then_block: t,
                        else_block: e,
                    }
                }
            }
            other => other,
        };
        function.blocks[i].term.kind = kind;
    }
}

/// Appends each block to its only predecessor when that ends in a jump to it. The block
/// left behind is unreachable and dropped afterwards.
fn merge_blocks(function: &mut Function) {
    let cfg = Cfg::new(function);
    // Counts of distinct predecessors stay right as blocks merge: the merged block's
    // successors trade it for its predecessor, which jumped nowhere else.
    let preds: Vec<usize> = (0..function.blocks.len())
        .map(|b| cfg.predecessors(BlockId(b as u32)).len())
        .collect();
    for &p in cfg.reverse_postorder() {
        while let TermKind::Jump(b) = function.block(p).term.kind {
            if b == p || b.0 == 0 || preds[b.0 as usize] != 1 {
                break;
            }
            let moved = std::mem::replace(
                &mut function.blocks[b.0 as usize],
                crate::module::Block {
                    insts: Vec::new(),
                    term: crate::module::Term {
                        kind: TermKind::Jump(b),
                        span: None,
                    },
                },
            );
            let into = &mut function.blocks[p.0 as usize];
            into.insts.extend(moved.insts);
            into.term = moved.term;
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod proptests;

#[cfg(test)]
mod proptests_raw;
