//! What is known of variables' values inside one block, enough to leave out the address
//! guards that cannot fail: front ends check an index against an array's length, then
//! add it to the array's address, so the sum is known to stay inside the array.
//!
//! The facts are forgotten at every block's start; they are only ever learnt from the
//! instructions before, in the same block, so they hold on every path to the instruction.

use std::collections::BTreeMap;

use ir::{BinOp, InstKind, Num, Operand, Var};

/// Where an address is known to lie.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Region {
    /// Columns of the function's frame arrays, counted from their first column.
    Frame(i128, i128),
    /// Absolute columns.
    Abs(i128, i128),
}

impl Region {
    fn shift(self, lo: i128, hi: i128) -> Option<Region> {
        Some(match self {
            Region::Frame(a, b) => Region::Frame(a.checked_add(lo)?, b.checked_add(hi)?),
            Region::Abs(a, b) => Region::Abs(a.checked_add(lo)?, b.checked_add(hi)?),
        })
    }
}

/// The facts known at one point of a block.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    /// Variables known to lie in a range of integers, both ends included.
    range: BTreeMap<Var, (i128, i128)>,
    /// Variables known to hold an address in a region.
    region: BTreeMap<Var, Region>,
}

/// The range of a constant that fits the analysis.
fn constant(n: Num) -> Option<(i128, i128)> {
    n.to_i128().map(|v| (v, v))
}

impl Facts {
    /// Forgets everything (at a block's start).
    pub(crate) fn clear(&mut self) {
        self.range.clear();
        self.region.clear();
    }

    /// The range an operand is known to lie in.
    pub(crate) fn range_of(&self, o: Operand) -> Option<(i128, i128)> {
        match o {
            Operand::Const(n) => constant(n),
            Operand::Var(v) => self.range.get(&v).copied(),
        }
    }

    /// Where an address operand is known to lie.
    pub(crate) fn region_of(&self, o: Operand) -> Option<Region> {
        match o {
            Operand::Var(v) => self.region.get(&v).copied(),
            Operand::Const(n) => constant(n).map(|(v, _)| Region::Abs(v, v)),
        }
    }

    /// Learns from an instruction that has just run; `frame_offset` gives a frame array's
    /// first column, counted from the first one's, and `global` a global's address.
    pub(crate) fn learn(
        &mut self,
        kind: &InstKind,
        frame_offset: impl Fn(u32) -> Option<u64>,
        global: impl Fn(u32) -> Option<u32>,
    ) {
        if let InstKind::CheckIndex {
            index: Operand::Var(i),
            len,
        } = kind
        {
            // Past the check, 0 ≤ index < len.
            let hi = self
                .range_of(*len)
                .map_or(i128::MAX, |(_, hi)| hi.saturating_sub(1));
            let (lo0, hi0) = self.range.get(i).copied().unwrap_or((i128::MIN, i128::MAX));
            self.range.insert(*i, (lo0.max(0), hi0.min(hi)));
            return;
        }
        let Some(dst) = kind.dst() else { return };
        let (range, region) = match kind {
            InstKind::Copy { src, .. } => (self.range_of(*src), self.region_of(*src)),
            InstKind::FrameAddr { slot, .. } => {
                let off = frame_offset(*slot).map(i128::from);
                (None, off.map(|o| Region::Frame(o, o)))
            }
            InstKind::GlobalAddr { global: g, .. } => {
                let at = global(g.0).map(i128::from);
                (at.map(|a| (a, a)), at.map(|a| Region::Abs(a, a)))
            }
            InstKind::Binary { op, lhs, rhs, .. } => {
                let (l, r) = (self.range_of(*lhs), self.range_of(*rhs));
                match op {
                    BinOp::Add => {
                        let range = l.zip(r).and_then(|((a, b), (c, d))| {
                            Some((a.checked_add(c)?, b.checked_add(d)?))
                        });
                        let region = match (self.region_of(*lhs), self.region_of(*rhs)) {
                            (Some(g), _) => r.and_then(|(lo, hi)| g.shift(lo, hi)),
                            (_, Some(g)) => l.and_then(|(lo, hi)| g.shift(lo, hi)),
                            _ => None,
                        };
                        (range, region)
                    }
                    BinOp::Sub => {
                        let range = l.zip(r).and_then(|((a, b), (c, d))| {
                            Some((a.checked_sub(d)?, b.checked_sub(c)?))
                        });
                        let region = self.region_of(*lhs).and_then(|g| {
                            r.and_then(|(lo, hi)| g.shift(hi.checked_neg()?, lo.checked_neg()?))
                        });
                        (range, region)
                    }
                    _ => (None, None),
                }
            }
            _ => (None, None),
        };
        self.range.remove(&dst);
        self.region.remove(&dst);
        if let Some(r) = range {
            self.range.insert(dst, r);
        }
        if let Some(r) = region {
            self.region.insert(dst, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checked_index_added_to_an_array_stays_inside_it() {
        let mut facts = Facts::default();
        let (i, base, p, q) = (Var(0), Var(1), Var(2), Var(3));
        let frame = |_| Some(4);
        let global = |_| Some(100);
        facts.learn(
            &InstKind::CheckIndex {
                index: i.into(),
                len: Operand::int(10),
            },
            frame,
            global,
        );
        facts.learn(&InstKind::FrameAddr { dst: base, slot: 0 }, frame, global);
        let add = |dst, lhs: Var, rhs: Operand| InstKind::Binary {
            dst,
            op: BinOp::Add,
            lhs: lhs.into(),
            rhs,
        };
        facts.learn(&add(p, base, i.into()), frame, global);
        assert_eq!(facts.region_of(p.into()), Some(Region::Frame(4, 13)));
        facts.learn(&add(q, i, Operand::int(1)), frame, global);
        assert_eq!(facts.range_of(q.into()), Some((1, 10)));
        // Writing the index again forgets only what was known of it.
        facts.learn(&InstKind::ReadCard { dst: i }, frame, global);
        assert_eq!(facts.range_of(i.into()), None);
        assert_eq!(facts.region_of(p.into()), Some(Region::Frame(4, 13)));
        facts.learn(
            &InstKind::GlobalAddr {
                dst: p,
                global: ir::GlobalId(0),
            },
            frame,
            global,
        );
        assert_eq!(facts.region_of(p.into()), Some(Region::Abs(100, 100)));
    }
}
