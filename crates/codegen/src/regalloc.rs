//! Register allocation: each variable of a function gets one home for the whole call, one
//! of the registers `B`, `C`, `D` or a stack column, by colouring the interference graph
//! that liveness over the CFG gives (Chaitin's simplify and select, with Briggs's
//! optimistic colouring, spilling the variables that are cheapest to keep in the Store).
//!
//! `A` is never a home: it is the scratch register every instruction sequence may use, and
//! the register results come back in. Because every machine instruction that computes
//! takes a Store column as its source, a spilled variable needs no reload before it is
//! read, so colouring never has to be repeated after a spill.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use ir::{BlockId, Cfg, Function, InstKind, Liveness, Operand, Var, VarSet};
use isa::Reg;

/// The registers variables live in; `A` stays free for scratch work.
pub(crate) const HOMES: [Reg; 3] = [Reg::B, Reg::C, Reg::D];

/// Where a variable lives while its function runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Loc {
    /// A register.
    Reg(Reg),
    /// One of the function's spill columns, counted from the top of its frame.
    Spill(u32),
    /// The column the caller pushed the parameter into (parameters that do not get a
    /// register stay where they arrived).
    Arg(u32),
    /// Nowhere: nothing ever reads the variable, so what is written to it is dropped.
    Nowhere,
}

/// The homes of one function's variables.
#[derive(Clone, Debug)]
pub(crate) struct Allocation {
    /// The home of each variable, by index.
    pub(crate) locs: Vec<Loc>,
    /// How many spill columns the frame needs.
    pub(crate) spills: u32,
    /// Variables (not parameters) live on entry: some path reads them before writing
    /// them, so they must start at 0.
    pub(crate) zeroed: Vec<Var>,
    /// Parameters live on entry that live in a register, to be loaded from their columns.
    pub(crate) params_in_regs: Vec<(u32, Reg)>,
}

impl Allocation {
    /// The home of `v` (variables the function never mentions live nowhere).
    pub(crate) fn loc(&self, v: Var) -> Loc {
        self.locs.get(v.0 as usize).copied().unwrap_or(Loc::Nowhere)
    }
}

/// How many variables a function mentions: its declared ones, and any index its code uses
/// beyond them (which the verifier rejects, but code generation must not panic on).
pub(crate) fn var_count(f: &Function) -> usize {
    let mut n = f.vars.len().max(f.params as usize);
    let mut see = |v: Var| n = n.max(v.0 as usize + 1);
    for block in &f.blocks {
        for inst in &block.insts {
            inst.kind.dst().into_iter().for_each(&mut see);
            inst.kind
                .operands()
                .iter()
                .filter_map(|o| o.var())
                .for_each(&mut see);
        }
        block
            .term
            .kind
            .operands()
            .iter()
            .filter_map(|o| o.var())
            .for_each(&mut see);
    }
    n
}

/// Allocates the variables of `f`.
pub(crate) fn allocate(f: &Function, cfg: &Cfg, live: &Liveness) -> Allocation {
    let n = var_count(f);
    let depth = loop_depths(f, cfg);
    let mut ever_live = vec![false; n];
    let mut cost = vec![0u64; n];
    let mut edges: Vec<(u32, u32)> = Vec::new();
    let mut moves: Vec<(u32, u32)> = Vec::new();
    let mark = |set: &VarSet, ever_live: &mut Vec<bool>| {
        for v in set.iter() {
            if let Some(e) = ever_live.get_mut(v.0 as usize) {
                *e = true;
            }
        }
    };

    for (b, block) in f.blocks.iter().enumerate() {
        let id = BlockId(b as u32);
        let weight = 10u64.saturating_pow(depth[b].min(6));
        let mut add_cost = |v: Var| {
            if let Some(c) = cost.get_mut(v.0 as usize) {
                *c = c.saturating_add(weight);
            }
        };
        for o in block.term.kind.operands() {
            o.var().into_iter().for_each(&mut add_cost);
        }
        for inst in &block.insts {
            inst.kind.dst().into_iter().for_each(&mut add_cost);
            for o in inst.kind.operands() {
                o.var().into_iter().for_each(&mut add_cost);
            }
            if let InstKind::Copy {
                dst,
                src: Operand::Var(s),
            } = inst.kind
            {
                moves.push((dst.0, s.0));
            }
        }
        let entry = live.walk_back(f, id, |i, after| {
            mark(after, &mut ever_live);
            let kind = &block.insts[i].kind;
            let Some(d) = kind.dst() else { return };
            // A copy's result may share a home with its source: they hold one value.
            let same = match kind {
                InstKind::Copy {
                    src: Operand::Var(s),
                    ..
                } => Some(*s),
                _ => None,
            };
            for l in after.iter() {
                if l != d && Some(l) != same {
                    edges.push((d.0, l.0));
                }
            }
        });
        mark(&entry, &mut ever_live);
        if b == 0 {
            // Everything live on entry gets its value at once (parameters from the
            // caller, the rest 0), so all of it interferes.
            let at_entry: Vec<Var> = entry.iter().collect();
            for (i, x) in at_entry.iter().enumerate() {
                for y in &at_entry[i + 1..] {
                    edges.push((x.0, y.0));
                }
            }
        }
    }

    // Only variables that are live somewhere need a home; a write to any other is dropped.
    let adj = adjacency(n, &edges, &ever_live);
    let colours = colour(&adj, &ever_live, &cost, &moves);

    let mut locs = vec![Loc::Nowhere; n];
    let mut slot_of: Vec<Option<u32>> = vec![None; n];
    let mut spills = 0u32;
    for v in 0..n {
        if !ever_live[v] {
            continue;
        }
        locs[v] = match colours[v] {
            Some(r) => Loc::Reg(r),
            None if v < f.params as usize => Loc::Arg(v as u32),
            None => {
                // The lowest spill column no interfering spilled variable has.
                let taken: Vec<u32> = adj[v].iter().filter_map(|&u| slot_of[u as usize]).collect();
                let slot = (0..).find(|s| !taken.contains(s)).unwrap_or(0);
                slot_of[v] = Some(slot);
                spills = spills.max(slot + 1);
                Loc::Spill(slot)
            }
        };
    }
    let entry = f.blocks.first().map(|_| live.live_in(BlockId(0)));
    let mut zeroed = Vec::new();
    let mut params_in_regs = Vec::new();
    for v in entry.into_iter().flat_map(VarSet::iter) {
        let Some(&loc) = locs.get(v.0 as usize) else {
            continue;
        };
        if v.0 >= f.params {
            zeroed.push(v);
        } else if let Loc::Reg(r) = loc {
            params_in_regs.push((v.0, r));
        }
    }
    Allocation {
        locs,
        spills,
        zeroed,
        params_in_regs,
    }
}

/// Each live variable's neighbours, sorted and without repeats.
fn adjacency(n: usize, edges: &[(u32, u32)], live: &[bool]) -> Vec<Vec<u32>> {
    let mut adj = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a != b && live[a as usize] && live[b as usize] {
            adj[a as usize].push(b);
            adj[b as usize].push(a);
        }
    }
    for list in &mut adj {
        list.sort_unstable();
        list.dedup();
    }
    adj
}

/// Colours the graph with [`HOMES`]; `None` for a variable that must live in the Store.
fn colour(adj: &[Vec<u32>], live: &[bool], cost: &[u64], moves: &[(u32, u32)]) -> Vec<Option<Reg>> {
    let k = HOMES.len();
    let n = adj.len();
    let mut degree: Vec<usize> = adj.iter().map(Vec::len).collect();
    let mut removed: Vec<bool> = live.iter().map(|l| !l).collect();
    let mut low: Vec<u32> = (0..n as u32)
        .filter(|&v| live[v as usize] && degree[v as usize] < k)
        .collect();
    // Spill candidates by cost per neighbour, cheapest first. Degrees only fall, so an
    // entry whose degree is out of date has too low a key: it is put back with the right
    // one when it comes out.
    let mut candidates: BinaryHeap<Reverse<(Key, u32, usize)>> = (0..n as u32)
        .filter(|&v| live[v as usize] && degree[v as usize] >= k)
        .map(|v| {
            Reverse((
                Key::new(cost[v as usize], degree[v as usize]),
                v,
                degree[v as usize],
            ))
        })
        .collect();
    let mut order: Vec<u32> = Vec::with_capacity(n);
    let mut remove =
        |v: u32, removed: &mut Vec<bool>, degree: &mut Vec<usize>, low: &mut Vec<u32>| {
            removed[v as usize] = true;
            order.push(v);
            for &u in &adj[v as usize] {
                if !removed[u as usize] {
                    degree[u as usize] -= 1;
                    if degree[u as usize] == k - 1 {
                        low.push(u);
                    }
                }
            }
        };
    loop {
        while let Some(v) = low.pop() {
            if !removed[v as usize] {
                remove(v, &mut removed, &mut degree, &mut low);
            }
        }
        // Every node left has k or more neighbours: set aside the one whose spilling
        // costs least per neighbour it frees, hoping it still finds a colour.
        let Some(Reverse((_, v, at))) = candidates.pop() else {
            break;
        };
        let d = degree[v as usize];
        if removed[v as usize] {
            continue;
        }
        if d != at {
            candidates.push(Reverse((Key::new(cost[v as usize], d), v, d)));
            continue;
        }
        remove(v, &mut removed, &mut degree, &mut low);
    }

    let mut partners: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &(a, b) in moves {
        if (a as usize) < n && (b as usize) < n {
            partners[a as usize].push(b);
            partners[b as usize].push(a);
        }
    }
    let mut colours: Vec<Option<Reg>> = vec![None; n];
    for &v in order.iter().rev() {
        let taken: Vec<Reg> = adj[v as usize]
            .iter()
            .filter_map(|&u| colours[u as usize])
            .collect();
        let free = |r: &Reg| !taken.contains(r);
        // A register a copy partner already has makes the copy disappear.
        let preferred = partners[v as usize]
            .iter()
            .filter_map(|&p| colours[p as usize])
            .find(free);
        colours[v as usize] = preferred.or_else(|| HOMES.into_iter().find(free));
    }
    colours
}

/// A spill candidate's cost per neighbour, compared exactly as a fraction.
#[derive(Clone, Copy, Debug)]
struct Key {
    cost: u64,
    degree: u64,
}

impl Key {
    fn new(cost: u64, degree: usize) -> Key {
        Key {
            cost,
            degree: (degree as u64).max(1),
        }
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Key {}

impl Ord for Key {
    fn cmp(&self, other: &Key) -> Ordering {
        (u128::from(self.cost) * u128::from(other.degree))
            .cmp(&(u128::from(other.cost) * u128::from(self.degree)))
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// How many loops contain each block (0 for blocks outside loops and unreachable ones),
/// from the natural loop of each back edge.
fn loop_depths(f: &Function, cfg: &Cfg) -> Vec<u32> {
    let n = f.blocks.len();
    let mut rank = vec![usize::MAX; n];
    for (i, b) in cfg.reverse_postorder().iter().enumerate() {
        rank[b.0 as usize] = i;
    }
    let mut depth = vec![0u32; n];
    for &b in cfg.reverse_postorder() {
        for &h in cfg.successors(b) {
            if rank[h.0 as usize] > rank[b.0 as usize] {
                continue;
            }
            // A back edge b → h: the loop is h and everything reaching b without h.
            let mut inside = vec![false; n];
            inside[h.0 as usize] = true;
            let mut work = vec![b];
            while let Some(x) = work.pop() {
                if std::mem::replace(&mut inside[x.0 as usize], true) {
                    continue;
                }
                work.extend(
                    cfg.predecessors(x)
                        .iter()
                        .filter(|p| rank[p.0 as usize] != usize::MAX),
                );
            }
            for (d, i) in depth.iter_mut().zip(&inside) {
                *d += u32::from(*i);
            }
        }
    }
    depth
}
