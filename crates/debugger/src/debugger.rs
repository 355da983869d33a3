//! The debugger: commands that move a machine forwards or backwards and say why they stopped.

use std::collections::BTreeMap;

use isa::Num;
use serde::{Deserialize, Serialize};

use crate::history::History;
use crate::{HistoryStats, Machine, MachineStop};

/// Steps between checkpoints at first; replaying one interval takes well under a
/// millisecond natively.
const DEFAULT_INTERVAL: u64 = 1 << 16;
/// The most memory the history may hold before checkpoints thin out.
const DEFAULT_HISTORY_LIMIT: usize = 56 << 20;

/// Something a condition or watchpoint can look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Place {
    /// A register, by its index in [`Machine::register_names`].
    Register(usize),
    /// A Store column.
    Column(u32),
}

/// A comparison in a breakpoint condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CmpOp {
    /// `=`
    Eq,
    /// `≠`
    Ne,
    /// `<`
    Lt,
    /// `≤`
    Le,
    /// `>`
    Gt,
    /// `≥`
    Ge,
}

/// `place op value`, checked when a breakpoint is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// What to look at.
    pub place: Place,
    /// How to compare.
    pub op: CmpOp,
    /// With what.
    pub value: Num,
}

/// A breakpoint on a location (an instruction index, or a card).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breakpoint {
    /// Where.
    pub location: u32,
    /// Stop only when this holds.
    pub condition: Option<Condition>,
    /// Stop only from this hit on (hits counted while running forwards, conditions met).
    pub hit_count: Option<u64>,
}

/// Stop after a step that changes this place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Watchpoint {
    /// What to watch.
    pub place: Place,
}

/// What to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Motion {
    /// Execute `n` steps.
    Step(u64),
    /// Execute one step; a call runs until it returns.
    StepOver,
    /// Run until the current call returns.
    StepOut,
    /// Run until a breakpoint, a watchpoint or the end.
    Continue,
    /// Run until the location is reached (or a breakpoint first).
    RunTo(u32),
    /// Run until the source line changes, given the line of each location.
    StepLine,
    /// Go back `n` steps.
    StepBack(u64),
    /// Go back to the latest earlier step where a breakpoint was reached or a watched
    /// place changed, or to the start.
    ContinueBack,
    /// Go back until the source line changes, to the first step of that line.
    StepLineBack,
    /// Go to exactly this step (forwards runs it if it was never reached).
    Seek(u64),
}

/// Why a command stopped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StopReason {
    /// The motion completed.
    Done,
    /// A breakpoint at this location.
    Breakpoint(u32),
    /// A watched place changed.
    Watchpoint {
        /// Which.
        place: Place,
        /// Its value before the step.
        old: Num,
        /// Its value after.
        new: Num,
    },
    /// The machine stopped for good (halted or faulted).
    Stopped,
    /// Going back reached step 0.
    Start,
    /// Going back needs the history, and this session does not record one.
    NoHistory,
    /// The slice of steps ran out; call again to go on.
    Slice,
}

/// What a command did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// Why it stopped.
    pub reason: StopReason,
    /// The step index reached.
    pub steps: u64,
}

/// A debugging session over one machine.
#[derive(Debug)]
pub struct Debugger<M: Machine> {
    machine: M,
    history: Option<History<M::Snapshot>>,
    breakpoints: BTreeMap<u32, (Breakpoint, u64)>,
    watchpoints: Vec<Watchpoint>,
    lines: Vec<Option<u32>>,
}

impl<M: Machine> Debugger<M> {
    /// Debugs a machine at step 0, recording history for reverse execution when `record`.
    pub fn new(machine: M, record: bool) -> Debugger<M> {
        if record {
            Debugger::with_history(machine, DEFAULT_INTERVAL, DEFAULT_HISTORY_LIMIT)
        } else {
            Debugger::over(machine, None)
        }
    }

    /// Like [`Debugger::new`] with recording, with a chosen checkpoint interval and memory
    /// limit (for tests and benchmarks).
    pub fn with_history(mut machine: M, interval: u64, limit: usize) -> Debugger<M> {
        let history = History::new(&mut machine, interval, limit);
        Debugger::over(machine, Some(history))
    }

    fn over(machine: M, history: Option<History<M::Snapshot>>) -> Debugger<M> {
        Debugger {
            machine,
            history,
            breakpoints: BTreeMap::new(),
            watchpoints: Vec::new(),
            lines: Vec::new(),
        }
    }

    /// The machine, for reading its state.
    pub fn machine(&self) -> &M {
        &self.machine
    }

    /// The Store column written most recently since the last call, if any.
    pub fn take_last_write(&mut self) -> Option<u32> {
        self.machine.store_mut().take_last_write()
    }

    /// The history's figures, when recording.
    pub fn history_stats(&self) -> Option<HistoryStats> {
        self.history.as_ref().map(History::stats)
    }

    /// The furthest step reached so far.
    pub fn frontier(&self) -> u64 {
        self.history
            .as_ref()
            .map_or(self.machine.steps(), History::frontier)
    }

    /// Sets the source line of each location, for [`Motion::StepLine`].
    pub fn set_lines(&mut self, lines: Vec<Option<u32>>) {
        self.lines = lines;
    }

    /// Sets or replaces the breakpoint at its location.
    pub fn set_breakpoint(&mut self, breakpoint: Breakpoint) {
        self.breakpoints
            .insert(breakpoint.location, (breakpoint, 0));
    }

    /// Removes the breakpoint at a location.
    pub fn clear_breakpoint(&mut self, location: u32) {
        self.breakpoints.remove(&location);
    }

    /// The breakpoints, by location.
    pub fn breakpoints(&self) -> impl Iterator<Item = &Breakpoint> {
        self.breakpoints.values().map(|(b, _)| b)
    }

    /// Adds a watchpoint (once).
    pub fn add_watchpoint(&mut self, watchpoint: Watchpoint) {
        if !self.watchpoints.contains(&watchpoint) {
            if let Place::Column(c) = watchpoint.place {
                self.machine.store_mut().watch(c, true);
            }
            self.watchpoints.push(watchpoint);
        }
    }

    /// Removes a watchpoint.
    pub fn remove_watchpoint(&mut self, watchpoint: Watchpoint) {
        self.watchpoints.retain(|w| *w != watchpoint);
        if let Place::Column(c) = watchpoint.place {
            self.machine.store_mut().watch(c, false);
        }
    }

    /// The watchpoints.
    pub fn watchpoints(&self) -> &[Watchpoint] {
        &self.watchpoints
    }

    /// A place's current value.
    pub fn value(&self, place: Place) -> Option<Num> {
        match place {
            Place::Register(i) => self.machine.register(i),
            Place::Column(c) => self.machine.store().get(c),
        }
    }

    /// Carries out a motion, running at most `slice` steps (a backward motion may replay
    /// more; its replays are bounded by the checkpoint interval).
    pub fn resume(&mut self, motion: Motion, slice: u64) -> Outcome {
        let reason = match motion {
            Motion::Step(n) => {
                self.forward(Goal::Steps(self.machine.steps().saturating_add(n)), slice)
            }
            Motion::StepOver if self.machine.next_is_call() => {
                let depth = self.machine.call_depth();
                let location = self.machine.location();
                // Only a return to this depth ends the step; a recursive call reaching the
                // same location deeper does not.
                self.forward(
                    Goal::Return {
                        location: location + 1,
                        depth,
                    },
                    slice,
                )
            }
            Motion::StepOver => self.forward(Goal::Steps(self.machine.steps() + 1), slice),
            Motion::StepOut => self.forward(
                Goal::Out {
                    depth: self.machine.call_depth(),
                },
                slice,
            ),
            Motion::Continue => self.forward(Goal::Break, slice),
            Motion::RunTo(location) => self.forward(Goal::Location(location), slice),
            Motion::StepLine => {
                let line = self.line();
                self.forward(Goal::Line(line), slice)
            }
            Motion::StepBack(n) => self.seek_back(self.machine.steps().saturating_sub(n)),
            Motion::Seek(step) if step <= self.frontier() => self.seek_back(step),
            Motion::Seek(step) => {
                let frontier = self.frontier();
                self.seek_back(frontier);
                self.forward(Goal::Seek(step), slice)
            }
            Motion::ContinueBack => self.continue_back(),
            Motion::StepLineBack => self.step_line_back(),
        };
        Outcome {
            reason,
            steps: self.machine.steps(),
        }
    }

    /// Where the checkpoint interval holding `step` starts.
    fn interval_start(&self, step: u64) -> u64 {
        self.history.as_ref().map_or(0, |h| h.interval_start(step))
    }

    fn line(&self) -> Option<u32> {
        self.lines
            .get(self.machine.location() as usize)
            .copied()
            .flatten()
    }

    /// Moves to an earlier (or already reached) step; without history, says so by staying.
    fn seek_back(&mut self, target: u64) -> StopReason {
        let Some(history) = &mut self.history else {
            return StopReason::NoHistory;
        };
        history.seek(&mut self.machine, target);
        if self.machine.steps() == 0 {
            StopReason::Start
        } else {
            StopReason::Done
        }
    }

    /// Whether the breakpoint at the current location (if any) fires, counting its hit.
    fn breakpoint_fires(&mut self) -> bool {
        let location = self.machine.location();
        let Some((breakpoint, _)) = self.breakpoints.get(&location) else {
            return false;
        };
        let condition_holds = breakpoint.condition.is_none_or(|c| self.holds(&c));
        let Some((breakpoint, hits)) = self.breakpoints.get_mut(&location) else {
            return false;
        };
        if !condition_holds {
            return false;
        }
        *hits += 1;
        breakpoint.hit_count.is_none_or(|n| *hits >= n)
    }

    fn holds(&self, condition: &Condition) -> bool {
        let Some(v) = self.value(condition.place) else {
            return false;
        };
        let w = condition.value;
        match condition.op {
            CmpOp::Eq => v == w,
            CmpOp::Ne => v != w,
            CmpOp::Lt => v < w,
            CmpOp::Le => v <= w,
            CmpOp::Gt => v > w,
            CmpOp::Ge => v >= w,
        }
    }

    /// A bitset of the user's breakpoints plus one extra location.
    fn bits(&self, extra: Option<u32>) -> Vec<u64> {
        let mut bits = vec![0u64; (self.machine.program_len() as usize + 1).div_ceil(64)];
        for location in self.breakpoints.keys().copied().chain(extra) {
            if let Some(word) = bits.get_mut(location as usize / 64) {
                *word |= 1 << (location % 64);
            }
        }
        bits
    }

    fn watched_values(&self) -> Vec<Option<Num>> {
        self.watchpoints
            .iter()
            .map(|w| self.value(w.place))
            .collect()
    }

    /// The first watchpoint whose value differs from `before`.
    fn changed_watch(&self, before: &[Option<Num>]) -> Option<StopReason> {
        self.watchpoints.iter().zip(before).find_map(|(w, old)| {
            let new = self.value(w.place);
            (new != *old).then(|| StopReason::Watchpoint {
                place: w.place,
                old: old.unwrap_or(Num::ZERO),
                new: new.unwrap_or(Num::ZERO),
            })
        })
    }

    /// Runs forwards towards a goal, at most `slice` steps.
    fn forward(&mut self, goal: Goal, slice: u64) -> StopReason {
        let start = self.machine.steps();
        let end = start.saturating_add(slice);
        let extra = match goal {
            Goal::Location(l) | Goal::Return { location: l, .. } => Some(l),
            _ => None,
        };
        let seeking = matches!(goal, Goal::Seek(_));
        let bits = if seeking {
            Vec::new()
        } else {
            self.bits(extra)
        };
        // Register watchpoints, source lines and returns need a look after every step.
        let per_step = matches!(goal, Goal::Out { .. } | Goal::Line(_))
            || (!seeking
                && self
                    .watchpoints
                    .iter()
                    .any(|w| matches!(w.place, Place::Register(_))));
        loop {
            if self.machine.is_stopped() {
                return StopReason::Stopped;
            }
            let steps = self.machine.steps();
            if let Goal::Steps(target) | Goal::Seek(target) = goal
                && steps >= target
            {
                return StopReason::Done;
            }
            if steps >= end {
                return StopReason::Slice;
            }
            let mut limit = end - steps;
            if let Goal::Steps(target) | Goal::Seek(target) = goal {
                limit = limit.min(target - steps);
            }
            if let Some(history) = &self.history {
                limit = limit.min(history.next_boundary(steps) - steps);
            }
            let before = self.watched_values();
            let returning = matches!(goal, Goal::Out { depth } if self.machine.next_is_return() && self.machine.call_depth() <= depth);
            let ran = self.machine.run(if per_step { 1 } else { limit }, &bits);
            if let Some(history) = &mut self.history {
                history.after_forward(&mut self.machine);
            }
            if !seeking && let Some(reason) = self.changed_watch(&before) {
                return reason;
            }
            match ran {
                MachineStop::Stopped => return StopReason::Stopped,
                MachineStop::Budget | MachineStop::Watch(_) => {}
                MachineStop::Breakpoint => {
                    let location = self.machine.location();
                    match goal {
                        Goal::Location(l) if l == location => return StopReason::Done,
                        Goal::Return { location: l, depth }
                            if l == location && self.machine.call_depth() <= depth =>
                        {
                            return StopReason::Done;
                        }
                        _ => {}
                    }
                    if self.breakpoint_fires() {
                        return StopReason::Breakpoint(location);
                    }
                }
            }
            match goal {
                Goal::Out { .. } if returning => return StopReason::Done,
                Goal::Line(line) => {
                    let now = self.line();
                    if now.is_some() && now != line {
                        return StopReason::Done;
                    }
                }
                _ => {}
            }
        }
    }

    /// Goes back to the latest earlier step at which a breakpoint fires or a watched place
    /// changed, searching one checkpoint interval at a time.
    fn continue_back(&mut self) -> StopReason {
        if self.history.is_none() {
            return StopReason::NoHistory;
        }
        let mut window_end = self.machine.steps();
        while window_end > 0 {
            let window_start = self.interval_start(window_end - 1);
            if let Some((step, reason)) = self.last_stop_in(window_start, window_end) {
                self.seek_back(step);
                return reason;
            }
            window_end = window_start;
        }
        self.seek_back(0);
        StopReason::Start
    }

    /// The last position in `[from, to)` (never step 0, nor `to`, the current position) at
    /// which a breakpoint's location is reached with its condition holding, or a watched
    /// place has just changed. Replays the window once, from the step before it.
    fn last_stop_in(&mut self, from: u64, to: u64) -> Option<(u64, StopReason)> {
        if let Some(history) = &mut self.history {
            history.seek(&mut self.machine, from.max(1) - 1);
        }
        let bits = self.bits(None);
        let per_step = self
            .watchpoints
            .iter()
            .any(|w| matches!(w.place, Place::Register(_)));
        let mut found = None;
        while self.machine.steps() + 1 < to && !self.machine.is_stopped() {
            let before = self.watched_values();
            let mut limit = if per_step {
                1
            } else {
                to - 1 - self.machine.steps()
            };
            if let Some(history) = &self.history {
                limit =
                    limit.min(history.next_boundary(self.machine.steps()) - self.machine.steps());
            }
            let ran = self.machine.run(limit, &bits);
            if let Some(history) = &mut self.history {
                history.after_forward(&mut self.machine);
            }
            let steps = self.machine.steps();
            if let Some(reason) = self.changed_watch(&before) {
                found = Some((steps, reason));
            } else if matches!(ran, MachineStop::Breakpoint) {
                let location = self.machine.location();
                let condition = self
                    .breakpoints
                    .get(&location)
                    .and_then(|(b, _)| b.condition);
                if condition.is_none_or(|c| self.holds(&c)) {
                    found = Some((steps, StopReason::Breakpoint(location)));
                }
            }
        }
        found
    }

    /// Goes back to the first step of the previous source line.
    fn step_line_back(&mut self) -> StopReason {
        if self.history.is_none() {
            return StopReason::NoHistory;
        }
        let current = self.line();
        // Walk back one step at a time, a window at a time, collecting each step's line.
        let mut window_end = self.machine.steps();
        let mut target_line: Option<Option<u32>> = None;
        while window_end > 0 {
            let window_start = self.interval_start(window_end - 1);
            let lines = self.lines_in(window_start, window_end);
            for (step, line) in lines.into_iter().rev() {
                match target_line {
                    None if line.is_some() && line != current => target_line = Some(line),
                    Some(t) if line != t => {
                        self.seek_back(step + 1);
                        return StopReason::Done;
                    }
                    _ => {}
                }
            }
            window_end = window_start;
        }
        self.seek_back(0);
        StopReason::Start
    }

    /// The source line at each step in `[from, to)`.
    fn lines_in(&mut self, from: u64, to: u64) -> Vec<(u64, Option<u32>)> {
        if let Some(history) = &mut self.history {
            history.seek(&mut self.machine, from);
        }
        let mut lines = Vec::new();
        while self.machine.steps() < to {
            lines.push((self.machine.steps(), self.line()));
            if self.machine.run(1, &[]) == MachineStop::Stopped {
                break;
            }
            if let Some(history) = &mut self.history {
                history.after_forward(&mut self.machine);
            }
        }
        lines
    }
}

/// Where a forward run is going.
#[derive(Clone, Copy, Debug)]
enum Goal {
    Steps(u64),
    /// Like `Steps`, but passing breakpoints and watchpoints: a seek goes exactly there.
    Seek(u64),
    Return {
        location: u32,
        depth: u64,
    },
    Out {
        depth: u64,
    },
    Break,
    Location(u32),
    Line(Option<u32>),
}
