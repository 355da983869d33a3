//! Which variables are live (may still be read before being written) at each point of a
//! function: the standard backward dataflow over the CFG, loops included.
//!
//! Variables read before any write read 0, so a variable other than a parameter that is
//! live on entry to block 0 is one that some path reads before writing it: code generation
//! must give it 0 there.

use crate::cfg::Cfg;
use crate::module::{Block, BlockId, Function, Inst, Term, Var};

/// A set of variables of one function, as a bit set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct VarSet {
    /// Never ends in a zero word, so that equal sets are equal as values.
    words: Vec<u64>,
}

impl VarSet {
    /// The empty set.
    pub fn new() -> VarSet {
        VarSet::default()
    }

    /// Whether `v` is in the set.
    pub fn contains(&self, v: Var) -> bool {
        let (w, bit) = (v.0 as usize / 64, v.0 % 64);
        self.words.get(w).is_some_and(|word| word & (1 << bit) != 0)
    }

    /// Adds `v`; whether it was absent.
    pub fn insert(&mut self, v: Var) -> bool {
        let (w, bit) = (v.0 as usize / 64, v.0 % 64);
        if w >= self.words.len() {
            self.words.resize(w + 1, 0);
        }
        let absent = self.words[w] & (1 << bit) == 0;
        self.words[w] |= 1 << bit;
        absent
    }

    /// Removes `v`; whether it was present.
    pub fn remove(&mut self, v: Var) -> bool {
        let (w, bit) = (v.0 as usize / 64, v.0 % 64);
        match self.words.get_mut(w) {
            Some(word) if *word & (1 << bit) != 0 => {
                *word &= !(1 << bit);
                while self.words.last() == Some(&0) {
                    self.words.pop();
                }
                true
            }
            _ => false,
        }
    }

    /// Adds every variable of `other`; whether the set grew.
    pub fn union_with(&mut self, other: &VarSet) -> bool {
        if other.words.len() > self.words.len() {
            self.words.resize(other.words.len(), 0);
        }
        let mut grew = false;
        for (mine, theirs) in self.words.iter_mut().zip(&other.words) {
            let next = *mine | theirs;
            grew |= next != *mine;
            *mine = next;
        }
        grew
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    /// How many variables the set holds.
    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The variables, in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = Var> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let bit = rest.trailing_zeros();
                rest &= rest - 1;
                Some(Var(i as u32 * 64 + bit))
            })
        })
    }
}

impl FromIterator<Var> for VarSet {
    fn from_iter<I: IntoIterator<Item = Var>>(iter: I) -> VarSet {
        let mut set = VarSet::new();
        for v in iter {
            set.insert(v);
        }
        set
    }
}

/// Turns what is live after an instruction into what is live before it: its result is
/// not live before it (unless it also reads it), what it reads is.
pub fn step_back_inst(live: &mut VarSet, inst: &Inst) {
    if let Some(dst) = inst.kind.dst() {
        live.remove(dst);
    }
    for v in inst.kind.operands().into_iter().filter_map(|o| o.var()) {
        live.insert(v);
    }
}

/// Turns what is live after a terminator (the union of its successors' live-in sets) into
/// what is live before it.
pub fn step_back_term(live: &mut VarSet, term: &Term) {
    for v in term.kind.operands().into_iter().filter_map(|o| o.var()) {
        live.insert(v);
    }
}

/// Live-in and live-out sets of every block of one function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Liveness {
    live_in: Vec<VarSet>,
    live_out: Vec<VarSet>,
}

impl Liveness {
    /// Solves the dataflow equations `out(b) = ∪ in(s)` over successors `s` and
    /// `in(b) = uses(b) ∪ (out(b) − defs(b))` to their least fixed point. Unreachable
    /// blocks get sets too (computed from their own successors).
    pub fn new(function: &Function, cfg: &Cfg) -> Liveness {
        let n = function.blocks.len();
        let mut live_in = vec![VarSet::new(); n];
        let mut live_out = vec![VarSet::new(); n];
        // Postorder visits successors before predecessors, so outside loops one pass
        // suffices; unreachable blocks follow so that they are solved too.
        let mut order: Vec<BlockId> = cfg.reverse_postorder().iter().rev().copied().collect();
        order.extend((0..n as u32).map(BlockId).filter(|b| !cfg.is_reachable(*b)));
        let mut changed = true;
        while changed {
            changed = false;
            for &b in &order {
                let mut out = VarSet::new();
                for s in cfg.successors(b) {
                    out.union_with(&live_in[s.0 as usize]);
                }
                let block = &function.blocks[b.0 as usize];
                let mut live = out.clone();
                step_back_block(&mut live, block);
                live_out[b.0 as usize] = out;
                if live != live_in[b.0 as usize] {
                    live_in[b.0 as usize] = live;
                    changed = true;
                }
            }
        }
        Liveness { live_in, live_out }
    }

    /// The variables live on entry to `block`.
    pub fn live_in(&self, block: BlockId) -> &VarSet {
        &self.live_in[block.0 as usize]
    }

    /// The variables live on leaving `block` (before its successors start).
    pub fn live_out(&self, block: BlockId) -> &VarSet {
        &self.live_out[block.0 as usize]
    }

    /// Walks `block` backward, calling `visit(i, live_after)` for each instruction `i`
    /// from the last to the first with the variables live just after it (and so before
    /// the next instruction or the terminator). Returns the set live on entry.
    pub fn walk_back(
        &self,
        function: &Function,
        block: BlockId,
        mut visit: impl FnMut(usize, &VarSet),
    ) -> VarSet {
        let b = &function.blocks[block.0 as usize];
        let mut live = self.live_out(block).clone();
        step_back_term(&mut live, &b.term);
        for (i, inst) in b.insts.iter().enumerate().rev() {
            visit(i, &live);
            step_back_inst(&mut live, inst);
        }
        live
    }

    /// The variables live just after each instruction of `block`, indexed like its
    /// instructions. (What is live after the terminator is [`Liveness::live_out`].)
    pub fn live_after(&self, function: &Function, block: BlockId) -> Vec<VarSet> {
        let n = function.blocks[block.0 as usize].insts.len();
        let mut after = vec![VarSet::new(); n];
        self.walk_back(function, block, |i, live| after[i] = live.clone());
        after
    }
}

fn step_back_block(live: &mut VarSet, block: &Block) {
    step_back_term(live, &block.term);
    for inst in block.insts.iter().rev() {
        step_back_inst(live, inst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::FunctionBuilder;
    use crate::module::{BinOp, InstKind, Operand};

    fn names(f: &Function, set: &VarSet) -> String {
        set.iter()
            .map(|v| match &f.vars[v.0 as usize].name {
                Some(n) => n.clone(),
                None => format!("t{}", v.0),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn var_sets_behave_as_sets() {
        let mut s = VarSet::new();
        assert!(s.is_empty());
        assert!(s.insert(Var(3)));
        assert!(!s.insert(Var(3)));
        assert!(s.insert(Var(130)));
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![Var(3), Var(130)]);
        assert_eq!(s.len(), 2);
        assert!(s.contains(Var(130)) && !s.contains(Var(4)) && !s.contains(Var(1000)));
        assert!(s.remove(Var(3)) && !s.remove(Var(3)) && !s.remove(Var(999)));
        // Sets with the same variables are equal however they were built.
        let mut grown = VarSet::new();
        grown.insert(Var(200));
        grown.insert(Var(3));
        grown.remove(Var(200));
        assert_eq!(grown, [Var(3)].into_iter().collect());
        let other: VarSet = [Var(1), Var(130)].into_iter().collect();
        assert!(s.union_with(&other));
        assert!(!s.union_with(&other));
        assert_eq!(s, other);
    }

    /// `s = 0; i = 0; while (i < n) { s = s + i; i = i + 1; } return s;`
    #[test]
    fn variables_stay_live_around_a_loop() {
        let mut f = FunctionBuilder::new("sum", &["n"], true);
        let n = f.param(0);
        let s = f.named_var("s");
        let i = f.named_var("i");
        let head = f.new_block();
        let body = f.new_block();
        let exit = f.new_block();
        f.copy(s, Operand::int(0));
        f.copy(i, Operand::int(0));
        f.jump_to(head);
        let c = f.binary(BinOp::Lt, i, n);
        f.branch(c, body, exit);
        f.switch_to(body);
        let t = f.binary(BinOp::Add, s, i);
        f.copy(s, t);
        let u = f.binary(BinOp::Add, i, Operand::int(1));
        f.copy(i, u);
        f.jump_to(head);
        f.switch_to(exit);
        f.ret(Some(s.into()));
        let f = f.finish();
        let cfg = Cfg::new(&f);
        let live = Liveness::new(&f, &cfg);
        assert_eq!(names(&f, live.live_in(BlockId(0))), "n");
        assert_eq!(names(&f, live.live_out(BlockId(0))), "n s i");
        assert_eq!(names(&f, live.live_in(BlockId(1))), "n s i");
        // The back edge keeps n, s and i live throughout the body.
        assert_eq!(names(&f, live.live_out(BlockId(2))), "n s i");
        assert_eq!(names(&f, live.live_in(BlockId(3))), "s");
        assert_eq!(names(&f, live.live_out(BlockId(3))), "");
        let after: Vec<String> = live
            .live_after(&f, BlockId(2))
            .iter()
            .map(|set| names(&f, set))
            .collect();
        assert_eq!(after, ["n i t4", "n s i", "n s t5", "n s i"]);
    }

    #[test]
    fn a_variable_read_before_any_write_is_live_on_entry() {
        let mut f = FunctionBuilder::new("f", &[], false);
        let x = f.named_var("x");
        let then = f.new_block();
        let done = f.new_block();
        let c = f.push_read();
        f.branch(c, then, done);
        f.switch_to(then);
        f.copy(x, Operand::int(5));
        f.jump_to(done);
        f.push(InstKind::PrintNum(x.into()));
        f.ret(None);
        let f = f.finish();
        let live = Liveness::new(&f, &Cfg::new(&f));
        assert_eq!(names(&f, live.live_in(BlockId(0))), "x");
        assert_eq!(names(&f, live.live_in(BlockId(1))), "");
    }

    #[test]
    fn an_instruction_that_reads_its_own_result_keeps_it_live() {
        let mut f = FunctionBuilder::new("f", &["x"], true);
        let x = f.param(0);
        f.push(InstKind::Binary {
            dst: x,
            op: BinOp::Add,
            lhs: x.into(),
            rhs: Operand::int(1),
        });
        f.ret(Some(x.into()));
        let f = f.finish();
        let live = Liveness::new(&f, &Cfg::new(&f));
        let mut seen = Vec::new();
        let entry = live.walk_back(&f, BlockId(0), |i, set| seen.push((i, names(&f, set))));
        assert_eq!(seen, [(0, "x".to_string())]);
        assert_eq!(names(&f, &entry), "x");
    }

    impl FunctionBuilder {
        fn push_read(&mut self) -> Var {
            let t = self.temp();
            self.push(InstKind::ReadCard { dst: t });
            t
        }
    }
}
