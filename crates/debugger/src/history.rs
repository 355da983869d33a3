//! Checkpoints and Store logs: how any past (or already seen future) step is reached.
//!
//! Steps are cut into intervals of `interval` steps. Checkpoint `i` holds the machine's
//! small state at step `i × interval`; for each *closed* interval it also holds the Store
//! columns written during it, once each, with their values at the interval's start (`undo`)
//! and at its end (`redo`). The Store's journal collects the current interval's first writes,
//! so moving between checkpoints touches only the columns that changed, never the whole
//! Store.
//!
//! **Invariant:** the Store's journal epoch began exactly at checkpoint
//! `steps / interval` of the machine's current position. Every seek restores a checkpoint
//! and starts a new epoch, and every crossing of an interval boundary starts one.
//!
//! Memory stays bounded: when the logs pass the limit, neighbouring intervals merge and the
//! interval doubles, so a step back replays at most one (longer) interval.

use isa::Num;

use crate::Machine;

/// Bytes one logged column costs.
const ENTRY_BYTES: usize = std::mem::size_of::<(u32, Num)>();

/// One checkpoint.
#[derive(Clone, Debug)]
struct Checkpoint<S> {
    snapshot: S,
    /// Columns written in this interval, with their values at its start; `None` while open.
    undo: Option<Vec<(u32, Num)>>,
    /// The same columns with their values at the interval's end.
    redo: Vec<(u32, Num)>,
}

/// Figures about the history, for benchmarks and the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HistoryStats {
    /// Checkpoints kept.
    pub checkpoints: usize,
    /// Steps between checkpoints.
    pub interval: u64,
    /// Approximate bytes held by checkpoints and logs.
    pub bytes: usize,
    /// The furthest step recorded.
    pub frontier: u64,
}

/// The recorded past of one run.
#[derive(Clone, Debug)]
pub(crate) struct History<S> {
    checkpoints: Vec<Checkpoint<S>>,
    interval: u64,
    bytes: usize,
    limit: usize,
    /// The furthest step executed.
    frontier: u64,
    /// Everything printed up to the frontier.
    printed: String,
}

impl<S: Clone> History<S> {
    /// Starts recording a machine at step 0, with at most `limit` bytes of logs.
    pub(crate) fn new<M: Machine<Snapshot = S>>(
        machine: &mut M,
        interval: u64,
        limit: usize,
    ) -> Self {
        machine.store_mut().set_journaling(true);
        History {
            checkpoints: vec![Checkpoint {
                snapshot: machine.snapshot(),
                undo: None,
                redo: Vec::new(),
            }],
            interval: interval.max(1),
            bytes: std::mem::size_of::<Checkpoint<S>>(),
            limit,
            frontier: machine.steps(),
            printed: String::new(),
        }
    }

    pub(crate) fn stats(&self) -> HistoryStats {
        HistoryStats {
            checkpoints: self.checkpoints.len(),
            interval: self.interval,
            bytes: self.bytes + self.printed.capacity(),
            frontier: self.frontier,
        }
    }

    pub(crate) fn frontier(&self) -> u64 {
        self.frontier
    }

    /// The step at which the next checkpoint falls, after `steps`.
    pub(crate) fn next_boundary(&self, steps: u64) -> u64 {
        (steps / self.interval + 1) * self.interval
    }

    /// Called after the machine ran forward: keeps what it printed, and at an interval
    /// boundary closes the interval (recording it if it was the open one) and starts the next.
    pub(crate) fn after_forward<M: Machine<Snapshot = S>>(&mut self, machine: &mut M) {
        let steps = machine.steps();
        if steps >= self.frontier {
            self.frontier = steps;
            let out = machine.output();
            if out.len() > self.printed.len() {
                self.printed.push_str(&out[self.printed.len()..]);
            }
        }
        if steps == 0 || !steps.is_multiple_of(self.interval) {
            return;
        }
        let index = (steps / self.interval) as usize;
        let entries = machine.store_mut().end_epoch();
        if index == self.checkpoints.len() {
            // The open interval ends here: log it and open the next.
            let redo: Vec<(u32, Num)> = entries
                .iter()
                .map(|&(column, _)| (column, machine.store().get(column).unwrap_or(Num::ZERO)))
                .collect();
            self.bytes += 2 * entries.len() * ENTRY_BYTES + std::mem::size_of::<Checkpoint<S>>();
            let last = self
                .checkpoints
                .last_mut()
                .expect("checkpoint 0 always exists");
            last.undo = Some(entries);
            last.redo = redo;
            self.checkpoints.push(Checkpoint {
                snapshot: machine.snapshot(),
                undo: None,
                redo: Vec::new(),
            });
            if self.bytes > self.limit && index.is_multiple_of(2) {
                self.coarsen();
            }
        }
        // Otherwise the interval was recorded before, and the replay wrote the same columns.
    }

    /// Halves the number of checkpoints by merging neighbouring closed intervals. Only
    /// called at the frontier when the open checkpoint's index is even, so that the open
    /// interval still starts where the Store's journal epoch began.
    fn coarsen(&mut self) {
        let open = self.checkpoints.pop().expect("an open checkpoint");
        let old = std::mem::take(&mut self.checkpoints);
        let mut bytes = 0;
        let mut pairs = old.into_iter();
        while let (Some(first), Some(second)) = (pairs.next(), pairs.next()) {
            let undo = merge(
                second.undo.unwrap_or_default(),
                first.undo.unwrap_or_default(),
            );
            let redo = merge(first.redo, second.redo);
            bytes += (undo.len() + redo.len()) * ENTRY_BYTES + std::mem::size_of::<Checkpoint<S>>();
            self.checkpoints.push(Checkpoint {
                snapshot: first.snapshot,
                undo: Some(undo),
                redo,
            });
        }
        self.checkpoints.push(open);
        self.interval *= 2;
        self.bytes = bytes + std::mem::size_of::<Checkpoint<S>>();
    }

    /// Moves the machine to exactly `target` steps, which must not lie past the frontier.
    pub(crate) fn seek<M: Machine<Snapshot = S>>(&mut self, machine: &mut M, target: u64) {
        let target = target.min(self.frontier);
        let here = (machine.steps() / self.interval) as usize;
        let there = ((target / self.interval) as usize).min(self.checkpoints.len() - 1);
        // Back to the start of the current interval: the journal holds its first writes.
        for (column, value) in machine.store_mut().end_epoch() {
            machine.store_mut().restore_column(column, value);
        }
        // Then from checkpoint to checkpoint, through the logs.
        let here = here.min(self.checkpoints.len() - 1);
        if there < here {
            for checkpoint in self.checkpoints[there..here].iter().rev() {
                for &(column, value) in checkpoint.undo.iter().flatten() {
                    machine.store_mut().restore_column(column, value);
                }
            }
        } else {
            for checkpoint in &self.checkpoints[here..there] {
                for &(column, value) in &checkpoint.redo {
                    machine.store_mut().restore_column(column, value);
                }
            }
        }
        machine.restore(&self.checkpoints[there].snapshot, &self.printed);
        let checkpoint_step = machine.steps();
        machine.store_mut().take_watch_hit();
        // Replay the rest; boundaries inside it belong to recorded intervals. The last step
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

/// The union of two column logs, `winner`'s value kept where both name a column.
fn merge(loser: Vec<(u32, Num)>, winner: Vec<(u32, Num)>) -> Vec<(u32, Num)> {
    let mut map: std::collections::BTreeMap<u32, Num> = loser.into_iter().collect();
    map.extend(winner);
    map.into_iter().collect()
}
