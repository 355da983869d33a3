//! Running a program to its end, with a step budget, and reporting how it ended.

use std::fmt::Write;
use std::sync::Arc;

use emu::{Machine, Status, Stop};
use isa::{EngineTime, Num, Reg};
use serde::{Deserialize, Serialize};

use crate::{Compilation, SourceMap};

/// A runtime fault, placed in the source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuntimeError {
    /// The fault's name and detail: `division by zero`, `stack overflow: …`.
    pub message: String,
    /// The instruction that faulted.
    pub pc: u32,
    /// The source line to blame: the faulting instruction's, or for a runtime helper with
    /// no source of its own, the line of the call that led there.
    pub line: Option<u32>,
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RunEnd {
    /// A normal halt.
    Halted,
    /// A runtime fault.
    Faulted(RuntimeError),
    /// The step budget ran out first.
    BudgetExhausted,
}

/// Everything about a finished run, for graders and the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunResult {
    /// The printer's output.
    pub output: String,
    /// How it ended.
    pub end: RunEnd,
    /// Steps executed.
    pub steps: u64,
    /// Engine time.
    pub engine_time: EngineTime,
    /// Bell rings.
    pub bells: u64,
}

/// Parses number cards: integers separated by spaces and/or commas.
pub fn parse_input(text: &str) -> Result<Vec<Num>, String> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|token| !token.is_empty())
        .map(|token| {
            token
                .parse::<Num>()
                .map_err(|e| format!("`{token}` is not a number card ({e})"))
        })
        .collect()
}

/// A run in progress, advanced in slices so that a caller can stream output or stop it.
#[derive(Debug)]
pub struct Runner {
    machine: Machine,
    source_map: SourceMap,
    budget: u64,
}

/// One executed instruction, for `--trace`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceLine {
    /// The step number, from 1.
    pub step: u64,
    /// The instruction's index.
    pub pc: u32,
    /// Its source line.
    pub line: Option<u32>,
    /// Its canonical text.
    pub text: String,
    /// What it changed: `A=5 Z=0 N=0 V[12]=3 SP=9999`.
    pub changes: String,
}

impl Runner {
    /// Starts a run of a compiled program with these number cards; `max_steps` 0 means no
    /// budget. `None` if the program did not compile.
    pub fn new(compilation: &Compilation, input: Vec<Num>, max_steps: u64) -> Option<Runner> {
        let program = Arc::clone(compilation.program.as_ref()?);
        // A program the compiler produced always validates.
        let machine = Machine::new(program, Arc::from(input)).ok()?;
        let budget = if max_steps == 0 { u64::MAX } else { max_steps };
        Some(Runner {
            machine,
            source_map: compilation.source_map.clone(),
            budget,
        })
    }

    /// Runs at most `slice` more steps. Returns how the run ended, or `None` if it goes on.
    pub fn advance(&mut self, slice: u64) -> Option<RunEnd> {
        let left = self.budget - self.machine.steps();
        let stop = self.machine.run(slice.min(left), None);
        match stop {
            Stop::Halted => Some(RunEnd::Halted),
            Stop::Faulted => Some(self.fault()),
            _ if self.machine.steps() >= self.budget => Some(RunEnd::BudgetExhausted),
            _ => None,
        }
    }

    /// Executes one instruction and describes it; with the end, if the run ended.
    pub fn trace_step(&mut self) -> (Option<TraceLine>, Option<RunEnd>) {
        let before = *self.machine.cpu();
        let Some(insn) = self.machine.next_insn().copied() else {
            return (None, self.advance(1));
        };
        if self.machine.steps() >= self.budget {
            return (None, Some(RunEnd::BudgetExhausted));
        }
        let end = self.advance(1);
        let after = *self.machine.cpu();
        let mut changes = String::new();
        for r in Reg::ALL {
            if before.reg(r) != after.reg(r) {
                let _ = write!(changes, " {}={}", r.name(), after.reg(r));
            }
        }
        if let Some(column) = self.machine.store_mut().take_last_write() {
            let value = self.machine.store().get(column).unwrap_or(Num::ZERO);
            let _ = write!(changes, " V[{column}]={value}");
        }
        if before.sp != after.sp {
            let _ = write!(changes, " SP={}", after.sp);
        }
        if (before.z, before.n) != (after.z, after.n) {
            let _ = write!(changes, " Z={} N={}", u8::from(after.z), u8::from(after.n));
        }
        let symbols = &self.machine.program().symbols.code;
        let mut text = String::new();
        let name = |t: u32| symbols.get(&t).and_then(|names| names.first().cloned());
        let _ = insn.write_with(&mut text, &name);
        let line = TraceLine {
            step: self.machine.steps(),
            pc: before.pc,
            line: self.source_map.line(before.pc),
            text,
            changes: changes.trim_start().to_string(),
        };
        (Some(line), end)
    }

    /// Takes what was printed since the last call.
    pub fn take_output(&mut self) -> String {
        self.machine.take_output()
    }

    /// Steps executed so far.
    pub fn steps(&self) -> u64 {
        self.machine.steps()
    }

    /// Engine time so far.
    pub fn engine_time(&self) -> EngineTime {
        self.machine.engine_time()
    }

    /// Bell rings so far.
    pub fn bells(&self) -> u64 {
        self.machine.bells()
    }

    /// The program's result after a normal halt, for languages whose entry function
    /// returns one (C's `main`): compiled code leaves it in `A`.
    pub fn result(&self) -> Num {
        self.machine.cpu().reg(Reg::A)
    }

    fn fault(&self) -> RunEnd {
        match self.machine.status() {
            Status::Faulted(fault) => {
                RunEnd::Faulted(runtime_error(&self.machine, &self.source_map, fault))
            }
            _ => RunEnd::Halted,
        }
    }
}

/// Places a fault in the source.
pub(crate) fn runtime_error(
    machine: &Machine,
    source_map: &SourceMap,
    fault: &emu::Fault,
) -> RuntimeError {
    let pc = machine.cpu().pc;
    let message = match source_map.traps.get(&pc) {
        Some(message) => message.clone(),
        None => fault.to_string(),
    };
    RuntimeError {
        message,
        pc,
        line: blame_line(machine, source_map, pc),
    }
}

/// The source line of `pc`, or, for an instruction without one (a runtime helper), the line
/// of the innermost call on the stack that has one.
fn blame_line(machine: &Machine, source_map: &SourceMap, pc: u32) -> Option<u32> {
    if let Some(line) = source_map.line(pc) {
        return Some(line);
    }
    let program = machine.program();
    let store = machine.store();
    (machine.cpu().sp..program.store_size).find_map(|column| {
        let ret = store
            .get(column)?
            .to_index(program.insns.len() as u32 + 1)?;
        let call = ret.checked_sub(1)?;
        matches!(program.insns.get(call as usize), Some(isa::Insn::Call(_)))
            .then(|| source_map.line(call))
            .flatten()
    })
}

/// Runs a compiled program to its end (or its budget; 0 means none). `None` if it did not
/// compile.
pub fn run(compilation: &Compilation, input: Vec<Num>, max_steps: u64) -> Option<RunResult> {
    let mut runner = Runner::new(compilation, input, max_steps)?;
    let end = loop {
        if let Some(end) = runner.advance(u64::MAX) {
            break end;
        }
    };
    Some(RunResult {
        output: runner.take_output(),
        end,
        steps: runner.steps(),
        engine_time: runner.engine_time(),
        bells: runner.bells(),
    })
}
