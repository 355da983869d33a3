//! Debugging sessions, and the view of a machine that a user interface draws.

use std::sync::Arc;

use debugger::{Breakpoint, Debugger, Motion, Outcome, StopReason, Watchpoint};
use emu::{Machine, Status};
use isa::{EngineTime, Num, Program};
use serde::{Deserialize, Serialize};

use crate::run::runtime_error;
use crate::{Compilation, RunEnd, RuntimeError, SourceMap};

/// A named register and its value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register {
    /// `A`, `B`, …, or an axis of the card engine's Mill.
    pub name: String,
    /// The value.
    pub value: Num,
    /// Whether the last step changed it (always false while a run is still going).
    pub changed: bool,
    /// Its value before the last step (the same as `value` when it did not change), so
    /// that a view can show which figures moved.
    pub previous: Num,
}

/// One Store column, for drawing a range of the Store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreCell {
    /// The column's address.
    pub address: u32,
    /// Its value.
    pub value: Num,
    /// The data name that starts here, if any.
    pub name: Option<String>,
}

/// What a user interface draws of either machine at one moment; serializable so that a
/// web worker or the server can send it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MachineView {
    /// The registers (`A` … `D` for the register machine).
    pub registers: Vec<Register>,
    /// The stack pointer, for machines with a stack.
    pub sp: Option<u32>,
    /// The index of the next instruction or card.
    pub location: u32,
    /// Flags by name with their state (`Z`, `N`; the run-up lever for cards).
    pub flags: Vec<(String, bool)>,
    /// Steps executed.
    pub steps: u64,
    /// The furthest step reached, the end of the timeline.
    pub frontier: u64,
    /// Engine time so far.
    pub engine_time: EngineTime,
    /// The printer's output so far.
    pub output: String,
    /// Bell rings so far.
    pub bells: u64,
    /// How the run ended, if it has.
    pub end: Option<RunEnd>,
    /// The source line of the next instruction.
    pub line: Option<u32>,
    /// The column the last step wrote, if the last command was a single step forwards.
    pub last_write: Option<u32>,
    /// The stack's contents, top first, at most 64 entries.
    pub stack: Vec<Num>,
}

/// A debugging session over one compiled program and its number cards.
#[derive(Debug)]
pub struct Session {
    debugger: Debugger<Machine>,
    source_map: SourceMap,
    previous: [Num; 4],
    last_write: Option<u32>,
}

impl Session {
    /// Starts a session at step 0; with `record`, reverse execution is available.
    /// `None` if the program did not compile.
    pub fn new(compilation: &Compilation, input: Vec<Num>, record: bool) -> Option<Session> {
        let program: Arc<Program> = Arc::clone(compilation.program.as_ref()?);
        let machine = Machine::new(program, Arc::from(input)).ok()?;
        let mut debugger = Debugger::new(machine, record);
        let lines = (0..compilation.source_map.locs.len() as u32)
            .map(|pc| compilation.source_map.line(pc))
            .collect();
        debugger.set_lines(lines);
        Some(Session {
            debugger,
            source_map: compilation.source_map.clone(),
            previous: [Num::ZERO; 4],
            last_write: None,
        })
    }

    /// Carries out a motion, running at most `slice` steps forwards.
    pub fn resume(&mut self, motion: Motion, slice: u64) -> Outcome {
        let before = self.debugger.machine().steps();
        self.previous = self.debugger.machine().cpu().regs;
        self.debugger.take_last_write();
        let outcome = self.debugger.resume(motion, slice);
        let after = self.debugger.machine().steps();
        self.last_write = self.debugger.take_last_write();
        // Highlights describe the last step only; after a jump through the timeline, work
        // out the last step's effect by looking one step back.
        // A run still going (its slice ran out) is not looked at step by step, so it skips
        // that work: the highlights come when it stops.
        if after == 0 || outcome.reason == StopReason::Slice {
            // At the start nothing has changed yet.
            self.previous = self.debugger.machine().cpu().regs;
            self.last_write = None;
        } else if after != before + 1 && self.debugger.history_stats().is_some() {
            self.previous = self.state_before_last_step();
            self.last_write = self.debugger.take_last_write();
        }
        outcome
    }

    /// The registers before the last step, leaving the session where it was and its note
    /// of the last write describing the last step.
    fn state_before_last_step(&mut self) -> [Num; 4] {
        let target = self.debugger.machine().steps();
        self.debugger.resume(Motion::StepBack(1), 0);
        let regs = self.debugger.machine().cpu().regs;
        self.debugger.resume(Motion::Seek(target), 1);
        regs
    }

    /// Sets a breakpoint.
    pub fn set_breakpoint(&mut self, breakpoint: Breakpoint) {
        self.debugger.set_breakpoint(breakpoint);
    }

    /// Sets a breakpoint on the first instruction of a source line; returns its location,
    /// or `None` if no instruction comes from that line.
    pub fn set_line_breakpoint(&mut self, line: u32) -> Option<u32> {
        let location = self.source_map.first_on_line(line)?;
        self.debugger.set_breakpoint(Breakpoint {
            location,
            condition: None,
            hit_count: None,
        });
        Some(location)
    }

    /// Removes the breakpoint at a location.
    pub fn clear_breakpoint(&mut self, location: u32) {
        self.debugger.clear_breakpoint(location);
    }

    /// Makes the breakpoints exactly those on the first instruction of each of these source
    /// lines (lines with no instruction have none), as an editor's gutter shows them.
    pub fn set_line_breakpoints(&mut self, lines: &[u32]) {
        let old: Vec<u32> = self.debugger.breakpoints().map(|b| b.location).collect();
        for location in old {
            self.debugger.clear_breakpoint(location);
        }
        for &line in lines {
            self.set_line_breakpoint(line);
        }
    }

    /// The first instruction on a source line of the main file.
    pub fn location_of_line(&self, line: u32) -> Option<u32> {
        self.source_map.first_on_line(line)
    }

    /// Adds a watchpoint.
    pub fn add_watchpoint(&mut self, watchpoint: Watchpoint) {
        self.debugger.add_watchpoint(watchpoint);
    }

    /// Removes a watchpoint.
    pub fn remove_watchpoint(&mut self, watchpoint: Watchpoint) {
        self.debugger.remove_watchpoint(watchpoint);
    }

    /// The source map of the program being debugged.
    pub fn source_map(&self) -> &SourceMap {
        &self.source_map
    }

    /// A range of Store columns.
    pub fn store(&self, start: u32, len: u32) -> Vec<StoreCell> {
        let machine = self.debugger.machine();
        let symbols = &machine.program().symbols.data;
        let end = start.saturating_add(len).min(machine.store().len());
        (start..end)
            .map(|address| StoreCell {
                address,
                value: machine.store().get(address).unwrap_or(Num::ZERO),
                name: symbols
                    .iter()
                    .find(|d| d.addr == address)
                    .map(|d| d.name.clone()),
            })
            .collect()
    }

    /// The view of the machine now.
    pub fn view(&self) -> MachineView {
        let machine = self.debugger.machine();
        let cpu = machine.cpu();
        let registers = isa::Reg::ALL
            .into_iter()
            .map(|r| Register {
                name: r.name().to_string(),
                value: cpu.reg(r),
                changed: cpu.reg(r) != self.previous[r.index()],
                previous: self.previous[r.index()],
            })
            .collect();
        let end = match machine.status() {
            Status::Running => None,
            Status::Halted => Some(RunEnd::Halted),
            Status::Faulted(fault) => Some(RunEnd::Faulted(self.runtime_error(fault))),
        };
        let stack = (cpu.sp..machine.program().store_size)
            .take(64)
            .map(|c| machine.store().get(c).unwrap_or(Num::ZERO))
            .collect();
        MachineView {
            registers,
            sp: Some(cpu.sp),
            location: cpu.pc,
            flags: vec![("Z".into(), cpu.z), ("N".into(), cpu.n)],
            steps: machine.steps(),
            frontier: self.debugger.frontier(),
            engine_time: machine.engine_time(),
            output: machine.output().to_string(),
            bells: machine.bells(),
            end,
            line: self.source_map.line(cpu.pc),
            last_write: self.last_write,
            stack,
        }
    }

    fn runtime_error(&self, fault: &emu::Fault) -> RuntimeError {
        runtime_error(self.debugger.machine(), &self.source_map, fault)
    }
}

/// What the steps just before (or just after) a moment of a run did: the code they kept to,
/// for a note on a long run that was paused or stopped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// How many steps were looked at.
    pub steps: u64,
    /// Whether they are the steps that led here (with a recorded history) rather than the
    /// ones that come next (without one, the future is all there is to look at).
    pub before: bool,
    /// The lowest and highest source line of the main file they executed, if any.
    pub lines: Option<(u32, u32)>,
    /// How many different instructions they executed.
    pub instructions: u32,
    /// The code label at or before the lowest instruction they executed (`loop`).
    pub label: Option<String>,
}

impl Session {
    /// Steps executed so far: cheaper than a whole [`Session::view`] for a progress count.
    pub fn steps(&self) -> u64 {
        self.debugger.machine().steps()
    }

    /// The number of Store columns.
    pub fn store_len(&self) -> u32 {
        self.debugger.machine().store().len()
    }

    /// The Store column a student names: a number (`42`), a data name (`total`) or a data
    /// name with an offset (`nums+2`); otherwise a message that says what is wrong.
    pub fn find_column(&self, text: &str) -> Result<u32, String> {
        let text = text.trim();
        let len = self.store_len();
        let within = |column: u64| {
            u32::try_from(column)
                .ok()
                .filter(|&c| c < len)
                .ok_or_else(|| {
                    format!(
                        "there is no column {column}: the Store has columns 0 to {}",
                        len.saturating_sub(1)
                    )
                })
        };
        if text.is_empty() {
            return Err("type a column number or a data name".to_string());
        }
        if text.bytes().all(|b| b.is_ascii_digit()) {
            return match text.parse::<u64>() {
                Ok(column) => within(column),
                Err(_) => Err(format!(
                    "there is no column {text}: the Store has columns 0 to {}",
                    len.saturating_sub(1)
                )),
            };
        }
        let (name, offset) = match text.split_once('+') {
            Some((name, offset)) => match offset.trim().parse::<u64>() {
                Ok(k) => (name.trim(), k),
                Err(_) => return Err(format!("`{}` is not a column offset", offset.trim())),
            },
            None => (text, 0),
        };
        let symbols = &self.debugger.machine().program().symbols.data;
        match symbols.iter().find(|d| d.name == name) {
            Some(d) => within(u64::from(d.addr) + offset),
            None if symbols.is_empty() => Err(format!(
                "no data named `{name}`: this program names no Store columns"
            )),
            None => Err(format!(
                "no data named `{name}` (this program has {})",
                symbols
                    .iter()
                    .map(|d| format!("`{}`", d.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// What the last `window` steps before now executed, replayed from the recorded
    /// history, leaving the session exactly where it was. Without a history, what the next
    /// `window` steps execute, run on a copy of the machine. `None` at step 0 without a
    /// history to look back on, or when there is nothing to look at.
    pub fn activity(&mut self, window: u64) -> Option<Activity> {
        let now = self.debugger.machine().steps();
        let before = self.debugger.history_stats().is_some() && now > 0;
        let mut machine = if before {
            let from = now.saturating_sub(window);
            self.debugger.resume(Motion::Seek(from), 0);
            let copy = self.debugger.machine().clone();
            self.debugger.resume(Motion::Seek(now), u64::MAX);
            copy
        } else {
            self.debugger.machine().clone()
        };
        let end = if before {
            now
        } else {
            machine.steps().saturating_add(window)
        };
        let program = Arc::clone(machine.program());
        let mut seen = vec![false; program.insns.len()];
        let mut steps = 0;
        while machine.steps() < end && machine.status() == &Status::Running {
            if let Some(s) = seen.get_mut(machine.cpu().pc as usize) {
                *s = true;
            }
            machine.step();
            steps += 1;
        }
        let pcs: Vec<u32> = (0..seen.len() as u32)
            .filter(|&pc| seen[pc as usize])
            .collect();
        let first = *pcs.first()?;
        let lines = pcs.iter().filter_map(|&pc| self.source_map.line(pc));
        let lines = lines.clone().min().zip(lines.max());
        let label = program
            .symbols
            .code
            .range(..=first)
            .next_back()
            .and_then(|(_, names)| names.first().cloned());
        Some(Activity {
            steps,
            before,
            lines,
            instructions: pcs.len() as u32,
            label,
        })
    }
}
