//! What the debugger needs from a machine, and its implementation for the register machine.

use isa::{Insn, Num, Store};

/// Why a machine's run returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MachineStop {
    /// It used up the steps it was given.
    Budget,
    /// It has stopped for good (halted or faulted).
    Stopped,
    /// It reached a location whose breakpoint bit is set.
    Breakpoint,
    /// A watched Store column was written.
    Watch(u32),
}

/// A deterministic machine over a [`Store`] that the debugger can step, checkpoint and
/// restore.
pub trait Machine {
    /// The machine's state apart from the Store and the printer's text; kept at checkpoints.
    type Snapshot: Clone;

    /// Steps executed so far.
    fn steps(&self) -> u64;
    /// The index of the next instruction (or card).
    fn location(&self) -> u32;
    /// How many locations the program has (for breakpoint bitsets).
    fn program_len(&self) -> u32;
    /// Whether the machine has stopped for good.
    fn is_stopped(&self) -> bool;
    /// Runs at most `max_steps` steps, stopping early as [`MachineStop`] describes.
    fn run(&mut self, max_steps: u64, breakpoints: &[u64]) -> MachineStop;
    /// The small state.
    fn snapshot(&self) -> Self::Snapshot;
    /// Puts the small state back; the printer becomes a prefix of `printed`.
    fn restore(&mut self, snapshot: &Self::Snapshot, printed: &str);
    /// The Store.
    fn store(&self) -> &Store;
    /// The Store, for journaling, watching and restoring.
    fn store_mut(&mut self) -> &mut Store;
    /// Everything printed so far.
    fn output(&self) -> &str;
    /// The names of the registers that watchpoints and conditions may name.
    fn register_names(&self) -> &'static [&'static str];
    /// A register's value by its index in [`Machine::register_names`].
    fn register(&self, index: usize) -> Option<Num>;
    /// How deep the call stack is (0 for a machine without calls).
    fn call_depth(&self) -> u64;
    /// Whether the next step is a call that [`Motion::StepOver`](crate::Motion) steps over.
    fn next_is_call(&self) -> bool;
    /// Whether the next step returns from a call.
    fn next_is_return(&self) -> bool;
}

impl Machine for emu::Machine {
    type Snapshot = emu::Snapshot;

    fn steps(&self) -> u64 {
        emu::Machine::steps(self)
    }

    fn location(&self) -> u32 {
        self.cpu().pc
    }

    fn program_len(&self) -> u32 {
        self.program().insns.len() as u32
    }

    fn is_stopped(&self) -> bool {
        !matches!(self.status(), emu::Status::Running)
    }

    fn run(&mut self, max_steps: u64, breakpoints: &[u64]) -> MachineStop {
        // Without breakpoints the machine's loop need not look for them.
        let breakpoints = Some(breakpoints).filter(|bits| bits.iter().any(|w| *w != 0));
        match emu::Machine::run(self, max_steps, breakpoints) {
            emu::Stop::Budget => MachineStop::Budget,
            emu::Stop::Halted | emu::Stop::Faulted => MachineStop::Stopped,
            emu::Stop::Breakpoint => MachineStop::Breakpoint,
            emu::Stop::Watch(column) => MachineStop::Watch(column),
        }
    }

    fn snapshot(&self) -> emu::Snapshot {
        emu::Machine::snapshot(self)
    }

    fn restore(&mut self, snapshot: &emu::Snapshot, printed: &str) {
        emu::Machine::restore(self, snapshot, printed);
    }

    fn store(&self) -> &Store {
        emu::Machine::store(self)
    }

    fn store_mut(&mut self) -> &mut Store {
        emu::Machine::store_mut(self)
    }

    fn output(&self) -> &str {
        emu::Machine::output(self)
    }

    fn register_names(&self) -> &'static [&'static str] {
        &["A", "B", "C", "D", "SP", "PC"]
    }

    fn register(&self, index: usize) -> Option<Num> {
        let cpu = self.cpu();
        match index {
            0..=3 => Some(cpu.regs[index]),
            4 => Some(Num::from(cpu.sp)),
            5 => Some(Num::from(cpu.pc)),
            _ => None,
        }
    }

    fn call_depth(&self) -> u64 {
        u64::from(self.stack_depth())
    }

    fn next_is_call(&self) -> bool {
        matches!(self.next_insn(), Some(Insn::Call(_)))
    }

    fn next_is_return(&self) -> bool {
        matches!(self.next_insn(), Some(Insn::Ret))
    }
}
