//! Checkpoints and Store logs: how any past (or already seen future) step is reached.
//!
//! The run is cut into intervals, each starting at a checkpoint that holds the machine's
//! small state. For each *closed* interval the checkpoint also holds the Store columns
//! written during it, once each, with their values at the interval's start (`undo`) and at
//! its end (`redo`). The Store's journal collects the open interval's first writes. So
//! moving between checkpoints touches only the columns that changed, never the whole Store,
//! and reaching a step means restoring the checkpoint before it and replaying the rest of
//! one interval.
//!
//! **Invariant:** the Store's journal epoch began exactly at the checkpoint of the interval
//! holding the machine's current position. Every seek restores a checkpoint and starts a new
//! epoch, and every crossing of a checkpoint starts one.
//!
//! Recording opens a new interval every `stride` steps. Memory stays bounded: when the logs
//! pass the limit, the two neighbouring closed intervals with the shortest combined span
//! merge, again and again, so intervals stay within a factor of two of each other and the
//! memory is used up to the limit before a step back has to replay more.

use isa::{Num, Store};

use crate::Machine;

/// The columns an interval wrote (each once, in the order it first wrote them), with their
/// values at its start and end.
#[derive(Clone, Debug, Default)]
struct Log {
    columns: Vec<u32>,
    undo: Vec<Num>,
    redo: Vec<Num>,
}

impl Log {
    /// Makes this (a spare log, or an empty one) the log of the interval that the Store's
    /// journal holds the records of, which ends now. The journal's vectors become this log's,
    /// and this log's room becomes the journal's for the next interval, so that in a steady
    /// run nothing is allocated or copied but the values at the end.
    fn take_epoch(&mut self, store: &mut Store) {
        if self.columns.capacity() == 0 {
            // No room to hand over: as much as this interval needed.
            let (columns, _) = store.epoch_records();
            self.columns.reserve_exact(columns.len());
            self.undo.reserve_exact(columns.len());
        }
        store.swap_epoch(&mut self.columns, &mut self.undo);
        let values = store.columns();
        self.redo.clear();
        self.redo.reserve_exact(self.columns.len());
        self.redo
            .extend(self.columns.iter().map(|&column| values[column as usize]));
        // Room handed over from a much longer interval is given back.
        fn fit<T>(v: &mut Vec<T>) {
            if v.capacity() > 2 * v.len() + 16 {
                v.shrink_to_fit();
            }
        }
        fit(&mut self.columns);
        fit(&mut self.undo);
        fit(&mut self.redo);
    }

    /// Bytes the log holds.
    fn bytes(&self) -> usize {
        self.columns.capacity() * std::mem::size_of::<u32>()
            + (self.undo.capacity() + self.redo.capacity()) * std::mem::size_of::<Num>()
    }

    /// Takes in the log of a neighbouring interval (`later` when it comes after this one),
    /// making this the log of both. A column both wrote keeps its value at the start from
    /// the earlier interval and at the end from the later; one only `other` wrote is added.
    ///
    /// `slots` has an entry per Store column, all zero, and is left so: while merging it
    /// maps each of this log's columns to its index plus one.
    fn absorb(&mut self, other: &Log, later: bool, slots: &mut [u32]) {
        let own = self.columns.len();
        for (i, &column) in self.columns.iter().enumerate() {
            slots[column as usize] = i as u32 + 1;
        }
        let mut added = 0;
        for (j, &column) in other.columns.iter().enumerate() {
            match slots[column as usize] {
                0 => added += 1,
                slot if later => self.redo[slot as usize - 1] = other.redo[j],
                slot => self.undo[slot as usize - 1] = other.undo[j],
            }
        }
        if added > 0 {
            self.columns.reserve_exact(added);
            self.undo.reserve_exact(added);
            self.redo.reserve_exact(added);
            for (j, &column) in other.columns.iter().enumerate() {
                // `other` holds each column once, so the ones added here are never in `slots`.
                if slots[column as usize] == 0 {
                    self.columns.push(column);
                    self.undo.push(other.undo[j]);
                    self.redo.push(other.redo[j]);
                }
            }
        }
        for &column in &self.columns[..own] {
            slots[column as usize] = 0;
        }
    }
}

/// One checkpoint: the start of an interval.
#[derive(Clone, Debug)]
struct Checkpoint<S> {
    /// The step at which the interval starts.
    step: u64,
    snapshot: S,
    /// What the interval wrote; `None` while it is the open one.
    log: Option<Log>,
}

/// Figures about the history, for benchmarks and the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HistoryStats {
    /// Checkpoints kept.
    pub checkpoints: usize,
    /// The longest interval between checkpoints, in steps: the most a step back replays.
    pub interval: u64,
    /// Bytes held by checkpoints, logs, the printed text and the Store's journal.
    pub bytes: usize,
    /// The furthest step recorded.
    pub frontier: u64,
}

/// The recorded past of one run.
#[derive(Clone, Debug)]
pub(crate) struct History<S> {
    checkpoints: Vec<Checkpoint<S>>,
    /// Steps between checkpoints as recording opens them.
    stride: u64,
    /// Bytes held by checkpoints and logs.
    bytes: usize,
    /// Bytes the Store's journal holds.
    journal_bytes: usize,
    /// Per Store column, zero: room for [`Log::absorb`] to work in (empty until it first does).
    slots: Vec<u32>,
    /// The room of a log merged into another, for the journal to use next.
    spare: Log,
    limit: usize,
    /// The furthest step executed.
    frontier: u64,
    /// Everything printed up to the frontier.
    printed: String,
}

impl<S: Clone> History<S> {
    const CHECKPOINT_BYTES: usize = std::mem::size_of::<Checkpoint<S>>();

    /// Starts recording a machine, with logs of at most about `limit` bytes.
    pub(crate) fn new<M: Machine<Snapshot = S>>(
        machine: &mut M,
        stride: u64,
        limit: usize,
    ) -> Self {
        machine.store_mut().set_journaling(true);
        History {
            checkpoints: vec![Checkpoint {
                step: machine.steps(),
                snapshot: machine.snapshot(),
                log: None,
            }],
            stride: stride.max(1),
            bytes: Self::CHECKPOINT_BYTES,
            journal_bytes: machine.store().journal_bytes(),
            slots: Vec::new(),
            spare: Log::default(),
            limit,
            frontier: machine.steps(),
            printed: String::new(),
        }
    }

    pub(crate) fn stats(&self) -> HistoryStats {
        let spans = self.checkpoints.windows(2).map(|w| w[1].step - w[0].step);
        HistoryStats {
            checkpoints: self.checkpoints.len(),
            interval: spans.max().unwrap_or(self.stride).max(self.stride),
            bytes: self.bytes
                + self.journal_bytes
                + self.slots.capacity() * std::mem::size_of::<u32>()
                + self.spare.bytes()
                + self.printed.capacity(),
            frontier: self.frontier,
        }
    }

    pub(crate) fn frontier(&self) -> u64 {
        self.frontier
    }

    /// The index of the checkpoint starting the interval that holds `step`.
    fn index_of(&self, step: u64) -> usize {
        self.checkpoints
            .partition_point(|c| c.step <= step)
            .saturating_sub(1)
    }

    /// The step at which the interval holding `step` starts.
    pub(crate) fn interval_start(&self, step: u64) -> u64 {
        self.checkpoints[self.index_of(step)].step
    }

    /// The step of the next checkpoint after `steps`: a recorded one, or where recording
    /// will open the next interval.
    pub(crate) fn next_boundary(&self, steps: u64) -> u64 {
        let next = self.index_of(steps) + 1;
        match self.checkpoints.get(next) {
            Some(checkpoint) => checkpoint.step,
            None => self.checkpoints[next - 1].step + self.stride,
        }
    }

    /// Called after the machine ran forward: keeps what it printed, and at a checkpoint
    /// closes the interval (logging it if it was the open one) and starts the next.
    pub(crate) fn after_forward<M: Machine<Snapshot = S>>(&mut self, machine: &mut M) {
        let steps = machine.steps();
        if steps >= self.frontier {
            self.frontier = steps;
            let out = machine.output();
            if out.len() > self.printed.len() {
                self.printed.push_str(&out[self.printed.len()..]);
            }
        }
        let last = self.checkpoints.len() - 1;
        let open_ends = steps == self.checkpoints[last].step + self.stride;
        let recorded = self
            .checkpoints
            .binary_search_by_key(&steps, |c| c.step)
            .is_ok();
        if !(open_ends || (recorded && steps > 0)) {
            return;
        }
        if !open_ends {
            // The interval was logged before, and the replay wrote the same columns.
            machine.store_mut().start_epoch();
            return;
        }
        let mut log = std::mem::take(&mut self.spare);
        log.take_epoch(machine.store_mut());
        self.journal_bytes = machine.store().journal_bytes();
        self.bytes += log.bytes() + Self::CHECKPOINT_BYTES;
        self.checkpoints[last].log = Some(log);
        self.checkpoints.push(Checkpoint {
            step: steps,
            snapshot: machine.snapshot(),
            log: None,
        });
        if self.bytes > self.limit && self.slots.is_empty() {
            self.slots = vec![0; machine.store().len() as usize];
        }
        while self.bytes > self.limit && self.checkpoints.len() > 2 {
            self.merge_shortest();
        }
    }

    /// Merges the two neighbouring closed intervals with the shortest combined span (the
    /// earliest such pair on a tie). The open interval is never merged, so the journal's
    /// epoch still starts at its checkpoint.
    fn merge_shortest(&mut self) {
        let closed = self.checkpoints.len() - 1;
        let span = |i: usize| self.checkpoints[i + 1].step - self.checkpoints[i].step;
        let Some(first) = (0..closed.saturating_sub(1)).min_by_key(|&i| span(i) + span(i + 1))
        else {
            return;
        };
        let second = self.checkpoints.remove(first + 1);
        let checkpoint = &mut self.checkpoints[first];
        let mut a = checkpoint.log.take().unwrap_or_default();
        let mut b = second.log.unwrap_or_default();
        self.bytes -= a.bytes() + b.bytes() + Self::CHECKPOINT_BYTES;
        // The shorter log goes into the longer, which then seldom has to grow.
        let (merged, spare) = if a.columns.len() >= b.columns.len() {
            a.absorb(&b, true, &mut self.slots);
            (a, b)
        } else {
            b.absorb(&a, false, &mut self.slots);
            (b, a)
        };
        self.spare = spare;
        self.bytes += merged.bytes();
        checkpoint.log = Some(merged);
    }

    /// Moves the machine to exactly `target` steps (at most the frontier).
    pub(crate) fn seek<M: Machine<Snapshot = S>>(&mut self, machine: &mut M, target: u64) {
        let target = target.min(self.frontier);
        let here = self.index_of(machine.steps());
        let there = self.index_of(target);
        // Back to the start of the current interval: the journal holds its first writes.
        machine.store_mut().rewind_epoch();
        // Then from checkpoint to checkpoint, through the logs.
        let store = machine.store_mut();
        if there < here {
            for checkpoint in self.checkpoints[there..here].iter().rev() {
                let log = checkpoint.log.as_ref().expect("closed intervals have logs");
                for (&column, &value) in log.columns.iter().zip(&log.undo) {
                    store.restore_column(column, value);
                }
            }
        } else {
            for checkpoint in &self.checkpoints[here..there] {
                let log = checkpoint.log.as_ref().expect("closed intervals have logs");
                for (&column, &value) in log.columns.iter().zip(&log.redo) {
                    store.restore_column(column, value);
                }
            }
        }
        machine.restore(&self.checkpoints[there].snapshot, &self.printed);
        let checkpoint_step = machine.steps();
        // Replay the rest; checkpoints inside it belong to recorded intervals. The last step
        // runs on its own so that the Store's note of the last write is that step's.
        while machine.steps() < target {
            if machine.steps() + 1 == target {
                machine.store_mut().take_last_write();
            }
            let boundary = self.next_boundary(machine.steps()).min(target);
            let end = if boundary == target {
                target.saturating_sub(1).max(machine.steps() + 1)
            } else {
                boundary
            };
            let ran = machine.run(end - machine.steps(), &[]);
            self.after_forward(machine);
            if ran == crate::MachineStop::Stopped {
                break;
            }
        }
        // A run that ended by passing its last card stops without a further step.
        if target == self.frontier {
            machine.run(0, &[]);
        }
        machine.store_mut().take_watch_hit();
        if target == checkpoint_step {
            machine.store_mut().take_last_write();
        }
    }
}
