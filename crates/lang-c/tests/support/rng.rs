//! A small deterministic generator (xorshift) for the seeded random tests, so that a
//! failure can be replayed from its seed.

/// The generator's state; any seed but 0 will do.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    /// The next 64 random bits.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// An index below `n`, or 0 when `n` is 0.
    pub(crate) fn index(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
