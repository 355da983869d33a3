//! Breakpoints, watchpoints, stepping and reverse execution over any machine.
