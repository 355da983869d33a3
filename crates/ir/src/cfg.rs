//! The control-flow graph of one function: successors, predecessors and reverse postorder.

use crate::module::{BlockId, Function};

/// The edges between a function's blocks, computed once from their terminators.
///
/// A terminator naming a block that does not exist (which the verifier rejects) gives no
/// edge, so that the graph can be built for any function without panicking. A branch with
/// both targets the same block gives one edge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cfg {
    succs: Vec<Vec<BlockId>>,
    preds: Vec<Vec<BlockId>>,
    rpo: Vec<BlockId>,
    reachable: Vec<bool>,
}

impl Cfg {
    /// The graph of `function`'s blocks; block 0 is the entry.
    pub fn new(function: &Function) -> Cfg {
        let n = function.blocks.len();
        let mut succs: Vec<Vec<BlockId>> = Vec::with_capacity(n);
        for block in &function.blocks {
            let mut out: Vec<BlockId> = Vec::with_capacity(2);
            for s in block.term.kind.successors() {
                if (s.0 as usize) < n && !out.contains(&s) {
                    out.push(s);
                }
            }
            succs.push(out);
        }
        let mut preds: Vec<Vec<BlockId>> = vec![Vec::new(); n];
        for (b, out) in succs.iter().enumerate() {
            for s in out {
                preds[s.0 as usize].push(BlockId(b as u32));
            }
        }
        let (rpo, reachable) = reverse_postorder(&succs);
        Cfg {
            succs,
            preds,
            rpo,
            reachable,
        }
    }

    /// How many blocks the function has (reachable or not).
    pub fn len(&self) -> usize {
        self.succs.len()
    }

    /// Whether the function has no blocks.
    pub fn is_empty(&self) -> bool {
        self.succs.is_empty()
    }

    /// The blocks control can go to from `block`, each once, in terminator order (a
    /// branch's `then` block first).
    pub fn successors(&self, block: BlockId) -> &[BlockId] {
        self.succs.get(block.0 as usize).map_or(&[], Vec::as_slice)
    }

    /// The blocks whose terminators go to `block`, each once, in block order. Unreachable
    /// blocks count too.
    pub fn predecessors(&self, block: BlockId) -> &[BlockId] {
        self.preds.get(block.0 as usize).map_or(&[], Vec::as_slice)
    }

    /// The blocks reachable from the entry in reverse postorder: every block comes before
    /// its successors except along loop back edges. Forward dataflow analyses visit blocks
    /// in this order, backward ones in its reverse.
    pub fn reverse_postorder(&self) -> &[BlockId] {
        &self.rpo
    }

    /// Whether control can reach `block` from the entry.
    pub fn is_reachable(&self, block: BlockId) -> bool {
        self.reachable
            .get(block.0 as usize)
            .copied()
            .unwrap_or(false)
    }
}

/// Depth-first search from block 0 with an explicit stack, since a generated function can
/// have chains of blocks deeper than the native stack would allow recursion for.
fn reverse_postorder(succs: &[Vec<BlockId>]) -> (Vec<BlockId>, Vec<bool>) {
    let n = succs.len();
    let mut reachable = vec![false; n];
    let mut post = Vec::with_capacity(n);
    if n == 0 {
        return (post, reachable);
    }
    // Each entry is a block and how many of its successors have been visited.
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    reachable[0] = true;
    while let Some(top) = stack.last_mut() {
        let (b, next) = *top;
        if let Some(s) = succs[b].get(next) {
            top.1 += 1;
            let s = s.0 as usize;
            if !reachable[s] {
                reachable[s] = true;
                stack.push((s, 0));
            }
        } else {
            post.push(BlockId(b as u32));
            stack.pop();
        }
    }
    post.reverse();
    (post, reachable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::FunctionBuilder;
    use crate::module::{BinOp, InstKind, Operand};

    /// `b0 → b1 (loop head) ⇄ b2 (body); b1 → b3 (exit)`.
    fn a_loop() -> Function {
        let mut f = FunctionBuilder::new("count", &["n"], false);
        let n = f.param(0);
        let i = f.named_var("i");
        let head = f.new_block();
        let body = f.new_block();
        let exit = f.new_block();
        f.copy(i, Operand::int(0));
        f.jump_to(head);
        let c = f.binary(BinOp::Lt, i, n);
        f.branch(c, body, exit);
        f.switch_to(body);
        f.push(InstKind::PrintNum(i.into()));
        let next = f.binary(BinOp::Add, i, Operand::int(1));
        f.copy(i, next);
        f.jump_to(head);
        f.switch_to(exit);
        f.ret(None);
        f.finish()
    }

    #[test]
    fn a_loop_has_a_back_edge_and_a_reverse_postorder() {
        let f = a_loop();
        let cfg = Cfg::new(&f);
        assert_eq!(cfg.len(), 4);
        assert_eq!(cfg.successors(BlockId(0)), &[BlockId(1)]);
        assert_eq!(cfg.successors(BlockId(1)), &[BlockId(2), BlockId(3)]);
        assert_eq!(cfg.successors(BlockId(2)), &[BlockId(1)]);
        assert_eq!(cfg.predecessors(BlockId(1)), &[BlockId(0), BlockId(2)]);
        assert_eq!(cfg.predecessors(BlockId(0)), &[] as &[BlockId]);
        let rpo = cfg.reverse_postorder();
        assert_eq!(rpo[0], BlockId(0));
        assert_eq!(rpo[1], BlockId(1));
        assert_eq!(rpo.len(), 4);
        assert!(rpo.contains(&BlockId(2)) && rpo.contains(&BlockId(3)));
    }

    #[test]
    fn unreachable_blocks_and_bad_targets_are_tolerated() {
        let mut f = a_loop();
        // Make block 3 jump nowhere that exists, and add a block nothing reaches.
        f.blocks[3].term.kind = crate::TermKind::Jump(BlockId(99));
        let mut orphan = f.blocks[3].clone();
        orphan.term.kind = crate::TermKind::Jump(BlockId(1));
        f.blocks.push(orphan);
        let cfg = Cfg::new(&f);
        assert_eq!(cfg.successors(BlockId(3)), &[] as &[BlockId]);
        assert!(!cfg.is_reachable(BlockId(4)));
        assert!(cfg.is_reachable(BlockId(3)));
        assert_eq!(cfg.reverse_postorder().len(), 4);
        assert_eq!(
            cfg.predecessors(BlockId(1)),
            &[BlockId(0), BlockId(2), BlockId(4)]
        );
        assert_eq!(cfg.successors(BlockId(1000)), &[] as &[BlockId]);
    }

    #[test]
    fn a_branch_to_one_block_twice_is_one_edge() {
        let mut f = FunctionBuilder::new("f", &["x"], false);
        let end = f.new_block();
        f.branch(f.param(0), end, end);
        f.switch_to(end);
        f.ret(None);
        let cfg = Cfg::new(&f.finish());
        assert_eq!(cfg.successors(BlockId(0)), &[BlockId(1)]);
        assert_eq!(cfg.predecessors(BlockId(1)), &[BlockId(0)]);
    }

    #[test]
    fn a_function_without_blocks_has_an_empty_graph() {
        let mut f = a_loop();
        f.blocks.clear();
        let cfg = Cfg::new(&f);
        assert!(cfg.is_empty());
        assert!(cfg.reverse_postorder().is_empty());
    }
}
