//! One function: its allocation, prologue, blocks in order, epilogue, and the traps its
//! checks jump to, placed after the body so that the checks fall through when they pass.

use ir::{BlockId, Cfg, FaultKind, FuncId, Inst, InstKind, Liveness, Module, Operand, TermKind};
use isa::Insn;

use crate::Origin;
use crate::emit::Emitter;
use crate::facts::Facts;
use crate::frame::Frame;
use crate::names::Names;
use crate::regalloc::allocate;
use crate::runtime::Runtime;
use crate::select::{Gen, Stop};

/// What generating a function needs from the whole module.
pub(crate) struct ModuleInfo<'a> {
    pub(crate) module: &'a Module,
    /// Each function's first IR id per block ([`Module::first_ids`]).
    pub(crate) first_ids: Vec<Vec<u32>>,
    /// Each global's first column.
    pub(crate) globals: Vec<u32>,
}

/// The origin of an IR instruction with this span and id.
fn origin(span: Option<diag::Span>, ir: u32) -> Option<Origin> {
    span.map(|span| Origin { span, ir })
}

/// The index of a block's last instruction when it is a comparison that only the block's
/// branch reads: then the comparison's flags steer the jump and no 0 or 1 is made.
fn fusable(insts: &[Inst], term: &TermKind, live_out: &ir::VarSet) -> Option<usize> {
    let last = insts.len().checked_sub(1)?;
    let TermKind::Branch {
        cond: Operand::Var(c),
        then_block,
        else_block,
    } = term
    else {
        return None;
    };
    match &insts[last].kind {
        InstKind::Binary { dst, op, .. }
            if op.is_comparison()
                && dst == c
                && then_block != else_block
                && !live_out.contains(*c) =>
        {
            Some(last)
        }
        _ => None,
    }
}

/// Whether `inst` writes a variable that only the next instruction reads, as the base of
/// its address (so that the address can do the addition itself).
fn feeds_address(inst: &Inst, next: Option<&Inst>, live_after_next: Option<&ir::VarSet>) -> bool {
    let (Some(dst), Some(next), Some(live)) = (inst.kind.dst(), next, live_after_next) else {
        return false;
    };
    let base = match &next.kind {
        InstKind::Load {
            addr: ir::Address::Ptr { base, .. },
            ..
        } => *base,
        InstKind::Store {
            addr: ir::Address::Ptr { base, .. },
            value,
        } if *value != Operand::Var(dst) => *base,
        _ => return false,
    };
    base == Operand::Var(dst) && !live.contains(dst)
}

/// Where control goes on from block `b`, past blocks that only jump on (a cycle of them,
/// an endless loop, stays where it is).
fn forward(f: &ir::Function, b: BlockId) -> BlockId {
    let mut at = b;
    for _ in 0..f.blocks.len() {
        match f.blocks.get(at.0 as usize) {
            Some(block)
                if block.insts.is_empty()
                    && let TermKind::Jump(next) = block.term.kind
                    && (next.0 as usize) < f.blocks.len()
                    && next != b =>
            {
                at = next;
            }
            _ => break,
        }
    }
    at
}

/// Generates function `id`, whose label `name` is.
pub(crate) fn function(
    e: &mut Emitter,
    rt: &mut Runtime,
    info: &ModuleInfo<'_>,
    id: FuncId,
    name: &str,
    names: &mut Names,
) {
    let f = &info.module.functions[id.0 as usize];
    e.origin = None;
    e.depth = 0;
    if let Some(label) = rt.function(id) {
        e.bind(label);
    }
    e.name_here(name.to_string());
    if f.blocks.is_empty() {
        // A function declared but never defined (the verifier rejects it).
        e.emit(Insn::Ret);
        return;
    }
    let cfg = Cfg::new(f);
    let live = Liveness::new(f, &cfg);
    let alloc = allocate(f, &cfg, &live);
    let frame = Frame::new(&f.frame, &alloc);
    let blocks = (0..f.blocks.len()).map(|_| e.label()).collect();
    let epilogue = e.label();
    let exhausted = e.label();
    frame.prologue(e, &alloc, exhausted);

    // Blocks go in the order the front end made them, which follows the source; blocks
    // that nothing reaches are left out.
    // Jumps to a block that holds nothing but a jump go straight on, so such blocks are
    // left out too (except the entry, which the prologue runs into).
    let forward: Vec<BlockId> = (0..f.blocks.len() as u32)
        .map(|b| forward(f, BlockId(b)))
        .collect();
    let order: Vec<BlockId> = (0..f.blocks.len() as u32)
        .map(BlockId)
        .filter(|b| cfg.is_reachable(*b) && (b.0 == 0 || forward[b.0 as usize] == *b))
        .collect();
    let first_ids = &info.first_ids[id.0 as usize];
    let mut g = Gen {
        e,
        rt,
        alloc,
        frame,
        blocks,
        epilogue,
        deferred: Vec::new(),
        globals: &info.globals,
        facts: Facts::default(),
        forward,
        folded: None,
    };
    for (pos, &b) in order.iter().enumerate() {
        let block = f.block(b);
        let first = first_ids[b.0 as usize];
        g.facts.clear();
        g.e.bind(g.blocks[b.0 as usize]);
        let start = g.e.here();
        let label = names.fresh(&format!("{name}.{}", b.0));
        g.e.name_here(label.clone());
        let live_after = live.live_after(f, b);
        let fused = fusable(&block.insts, &block.term.kind, live.live_out(b));
        for (i, inst) in block.insts.iter().enumerate() {
            g.e.origin = origin(inst.span, first + i as u32);
            let foldable = feeds_address(inst, block.insts.get(i + 1), live_after.get(i + 1));
            g.inst(inst, fused == Some(i), foldable, &live_after[i]);
        }
        g.e.origin = origin(block.term.span, first + block.insts.len() as u32);
        let fused = fused.map(|i| {
            let inst = &block.insts[i];
            (inst, origin(inst.span, first + i as u32))
        });
        let next = order.get(pos + 1).copied();
        g.term(&block.term, next, fused, next.is_none());
        if g.e.here() == start {
            g.e.unname(start, &label);
        }
    }

    g.e.origin = None;
    if !g.frame.short_epilogue() {
        g.e.bind(epilogue);
        g.e.name_here(names.fresh(&format!("{name}.ret")));
        g.frame.epilogue(g.e);
    }
    if g.frame.arrays > 0 {
        // No origin: the run stops at the call that found no room for the frame arrays.
        g.e.bind(exhausted);
        g.e.name_here(names.fresh(&format!("{name}.frame")));
        g.e.trap(FaultKind::HeapExhausted);
    }
    for d in std::mem::take(&mut g.deferred) {
        g.e.bind(d.label);
        let what = match d.kind {
            Stop::Fault(kind) => kind.name(),
            Stop::Guard(_) => "guard",
        };
        g.e.name_here(names.fresh(&format!("{name}.{what}")));
        g.e.origin = d.origin;
        match d.kind {
            Stop::Fault(kind) => g.e.trap(kind),
            Stop::Guard(message) => g.e.guard(message),
        }
    }
    g.e.origin = None;
}
