//! The `babbage` command.
fn main() {}
