//! The Babbage register machine: state, step, run with a budget, faults as values.
