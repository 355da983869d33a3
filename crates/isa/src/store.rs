//! The Store: the machine's columns, shared by the register machine and the card engine,
//! with an optional write journal that reverse execution is built on.

use crate::Num;

/// The columns `V0 … V(n−1)`.
///
/// When journaling is on, the first write to each column within an *epoch* records the
/// column's value from before that write. An epoch's records are exactly what is needed to
/// put the Store back as it was when the epoch began, so a debugger that starts a new epoch
/// at every checkpoint can restore any checkpoint without copying the whole Store.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Store {
    cols: Vec<Num>,
    journal: Option<Journal>,
    /// One bit per column: writes to these columns are reported through [`Store::take_watch_hit`].
    watched: Vec<u64>,
    watch_hit: Option<u32>,
    last_write: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Journal {
    /// The epoch in which each column was last recorded.
    epoch: Vec<u32>,
    current: u32,
    /// The columns written in the epoch, in the order of their first writes.
    columns: Vec<u32>,
    /// Each of those columns' value from before the epoch's first write to it. (Two vectors
    /// rather than one of pairs: a pair is copied through the stack on its way in.)
    before: Vec<Num>,
}

impl Journal {
    /// Moves on to a new epoch, so that every column's next write is a first write again.
    fn advance(&mut self) {
        self.current = self.current.wrapping_add(1);
        if self.current == 0 {
            // After 2^32 epochs the markers would repeat: clear them once.
            self.epoch.fill(0);
            self.current = 1;
        }
    }
}

impl Store {
    /// A Store of `n` zeroed columns.
    pub fn new(n: u32) -> Store {
        Store {
            cols: vec![Num::ZERO; n as usize],
            ..Store::default()
        }
    }

    /// How many columns there are.
    #[inline]
    pub fn len(&self) -> u32 {
        self.cols.len() as u32
    }

    /// Whether there are no columns.
    pub fn is_empty(&self) -> bool {
        self.cols.is_empty()
    }

    /// A column's value; `None` outside the Store.
    #[inline]
    pub fn get(&self, addr: u32) -> Option<Num> {
        self.cols.get(addr as usize).copied()
    }

    /// All columns.
    pub fn columns(&self) -> &[Num] {
        &self.cols
    }

    /// Writes a column, journaling and noting watch hits. Returns `false`, changing nothing,
    /// for an address outside the Store.
    #[inline(always)]
    pub fn set(&mut self, addr: u32, value: Num) -> bool {
        let Some(slot) = self.cols.get_mut(addr as usize) else {
            return false;
        };
        if let Some(journal) = &mut self.journal {
            let seen = &mut journal.epoch[addr as usize];
            if *seen != journal.current {
                *seen = journal.current;
                journal.columns.push(addr);
                journal.before.push(*slot);
            }
        }
        *slot = value;
        self.last_write = Some(addr);
        if !self.watched.is_empty() && self.watched[addr as usize / 64] & (1 << (addr % 64)) != 0 {
            self.watch_hit = Some(addr);
        }
        true
    }

    /// Writes a column without journaling or watching: for restoring a saved state.
    pub fn restore_column(&mut self, addr: u32, value: Num) {
        if let Some(slot) = self.cols.get_mut(addr as usize) {
            *slot = value;
        }
    }

    /// Turns journaling on (starting a fresh epoch) or off (dropping any records).
    pub fn set_journaling(&mut self, on: bool) {
        self.journal = on.then(|| Journal {
            epoch: vec![0; self.cols.len()],
            current: 1,
            columns: Vec::new(),
            before: Vec::new(),
        });
    }

    /// Whether journaling is on.
    pub fn is_journaling(&self) -> bool {
        self.journal.is_some()
    }

    /// Ends the current epoch: returns its records (each column at most once, holding its
    /// value from when the epoch began, in the order of the epoch's first writes) and starts
    /// a new epoch.
    pub fn end_epoch(&mut self) -> Vec<(u32, Num)> {
        let Some(journal) = &mut self.journal else {
            return Vec::new();
        };
        journal.advance();
        let columns = std::mem::take(&mut journal.columns);
        let before = std::mem::take(&mut journal.before);
        columns.into_iter().zip(before).collect()
    }

    /// The current epoch's records so far, as [`Store::end_epoch`] would return them: the
    /// columns written, and beside each its value from when the epoch began.
    pub fn epoch_records(&self) -> (&[u32], &[Num]) {
        self.journal
            .as_ref()
            .map_or((&[], &[]), |journal| (&journal.columns, &journal.before))
    }

    /// Ends the current epoch, dropping its records, and starts a new one. The journal keeps
    /// its buffer, so that a steady run of epochs allocates nothing.
    pub fn start_epoch(&mut self) {
        if let Some(journal) = &mut self.journal {
            journal.advance();
            journal.columns.clear();
            journal.before.clear();
        }
    }

    /// Ends the current epoch, handing its records over by exchanging them for `columns`
    /// and `before` (the columns written and their values from when the epoch began, as
    /// [`Store::epoch_records`] gives them), and starts a new epoch. The vectors given are
    /// cleared and hold the new epoch's records, so that their room is used again.
    pub fn swap_epoch(&mut self, columns: &mut Vec<u32>, before: &mut Vec<Num>) {
        columns.clear();
        before.clear();
        if let Some(journal) = &mut self.journal {
            journal.advance();
            std::mem::swap(&mut journal.columns, columns);
            std::mem::swap(&mut journal.before, before);
        }
    }

    /// Puts every column written in the current epoch back to its value from when the epoch
    /// began, and starts a new epoch.
    pub fn rewind_epoch(&mut self) {
        let Some(journal) = &mut self.journal else {
            return;
        };
        journal.advance();
        for (&column, &before) in journal.columns.iter().zip(&journal.before) {
            self.cols[column as usize] = before;
        }
        journal.columns.clear();
        journal.before.clear();
    }

    /// Bytes the journal holds (its per-column epoch markers and its buffer of records).
    pub fn journal_bytes(&self) -> usize {
        self.journal.as_ref().map_or(0, |journal| {
            journal.epoch.capacity() * std::mem::size_of::<u32>()
                + journal.columns.capacity() * std::mem::size_of::<u32>()
                + journal.before.capacity() * std::mem::size_of::<Num>()
        })
    }

    /// Marks a column as watched or not.
    pub fn watch(&mut self, addr: u32, on: bool) {
        if addr >= self.len() {
            return;
        }
        if self.watched.is_empty() {
            self.watched = vec![0; self.cols.len().div_ceil(64)];
        }
        let (word, bit) = (addr as usize / 64, 1u64 << (addr % 64));
        if on {
            self.watched[word] |= bit;
        } else {
            self.watched[word] &= !bit;
        }
        if self.watched.iter().all(|w| *w == 0) {
            self.watched.clear();
        }
    }

    /// Whether a watched column was written since the last [`Store::take_watch_hit`].
    #[inline]
    pub fn has_watch_hit(&self) -> bool {
        self.watch_hit.is_some()
    }

    /// The watched column written since the last call, if any.
    #[inline]
    pub fn take_watch_hit(&mut self) -> Option<u32> {
        self.watch_hit.take()
    }

    /// The column written most recently since the last call, if any.
    #[inline]
    pub fn take_last_write(&mut self) -> Option<u32> {
        self.last_write.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_epoch_records_each_column_once_with_its_value_from_the_start() {
        let mut store = Store::new(100);
        store.set(3, Num::from(7));
        store.set_journaling(true);
        store.set(3, Num::from(8));
        store.set(3, Num::from(9));
        store.set(5, Num::from(1));
        assert_eq!(store.end_epoch(), vec![(3, Num::from(7)), (5, Num::ZERO)]);
        store.set(3, Num::from(10));
        assert_eq!(store.end_epoch(), vec![(3, Num::from(9))]);
        assert!(!store.set(100, Num::ONE));
    }

    #[test]
    fn an_epoch_can_be_read_rewound_or_dropped() {
        let mut store = Store::new(10);
        store.set_journaling(true);
        store.set(4, Num::from(1));
        store.set(2, Num::from(2));
        store.set(4, Num::from(3));
        assert_eq!(
            store.epoch_records(),
            (&[4, 2][..], &[Num::ZERO, Num::ZERO][..])
        );
        store.start_epoch();
        assert_eq!(store.epoch_records(), (&[][..], &[][..]));
        store.set(2, Num::from(5));
        store.set(7, Num::from(6));
        store.rewind_epoch();
        assert_eq!(store.get(2), Some(Num::from(2)));
        assert_eq!(store.get(7), Some(Num::ZERO));
        assert_eq!(store.get(4), Some(Num::from(3)));
        store.set(2, Num::from(8));
        let (mut columns, mut before) = (vec![9], vec![Num::ONE]);
        store.swap_epoch(&mut columns, &mut before);
        assert_eq!((columns, before), (vec![2], vec![Num::from(2)]));
        assert_eq!(store.epoch_records(), (&[][..], &[][..]));
        store.set(2, Num::from(9));
        assert_eq!(store.end_epoch(), vec![(2, Num::from(8))]);
    }

    #[test]
    fn watched_writes_are_reported_once() {
        let mut store = Store::new(200);
        store.watch(130, true);
        store.set(129, Num::ONE);
        assert_eq!(store.take_watch_hit(), None);
        store.set(130, Num::ONE);
        assert_eq!(store.take_watch_hit(), Some(130));
        assert_eq!(store.take_watch_hit(), None);
        store.watch(130, false);
        store.set(130, Num::ONE);
        assert_eq!(store.take_watch_hit(), None);
    }
}
