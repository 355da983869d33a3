//! The `babbage` command: run, check and build Babbage programs from a terminal.
//!
//! Standard output carries exactly the printer's output; everything else goes to standard
//! error. Exit status: 0 normal halt, 1 does not compile, 2 runtime fault, 3 step budget
//! exhausted, 64 usage error (`ISA.md` §9).

mod args;
mod commands;

use std::process::ExitCode;

fn main() -> ExitCode {
    let code = match args::parse(std::env::args_os()) {
        Ok(command) => commands::execute(command),
        Err(exit) => exit,
    };
    ExitCode::from(code)
}
