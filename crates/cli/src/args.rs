//! Command-line arguments, parsed with clap and mapped onto `ISA.md` §9's exit statuses:
//! clap's own usage errors (status 2) become status 64, since 2 means a runtime fault.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// The usage-error exit status (`EX_USAGE`).
pub(crate) const USAGE: u8 = 64;

#[derive(Debug, Parser)]
#[command(
    name = "babbage",
    version,
    about = "Run, check and build programs for Babbage's Analytical Engine",
    after_help = "Exit status: 0 normal halt, 1 does not compile, 2 runtime fault, \
                  3 step budget exhausted, 64 usage error."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Compile a program and run it; standard output is exactly the printer's output.
    Run {
        /// The program; its extension picks the language (.basm, .ae, .c, .py, …).
        file: PathBuf,
        /// The language, overriding the extension (e.g. basm, c, python).
        #[arg(long, value_name = "L")]
        lang: Option<String>,
        /// Number cards: integers separated by spaces and/or commas, e.g. "-17 5".
        #[arg(long, value_name = "NUMBERS", allow_hyphen_values = true)]
        input: Option<String>,
        /// Stop after this many steps (0 means no limit).
        #[arg(long, value_name = "N", default_value_t = 1_000_000_000)]
        max_steps: u64,
        /// Print steps, engine time and wall time on standard error.
        #[arg(long)]
        stats: bool,
        /// Print every instruction and what it changed on standard error.
        #[arg(long)]
        trace: bool,
        /// Optimisation level: 1 (the default) folds constants, propagates copies and
        /// removes dead code; 0 compiles the program as written, to compare.
        #[arg(long, value_name = "LEVEL", default_value_t = 1, value_parser = clap::value_parser!(u8).range(0..=1))]
        opt: u8,
    },
    /// Compile a program and print its diagnostics only.
    Check {
        /// The program.
        file: PathBuf,
        /// The language, overriding the extension.
        #[arg(long, value_name = "L")]
        lang: Option<String>,
        /// How to print diagnostics.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Compile a program and print it in another form.
    Build {
        /// The program.
        file: PathBuf,
        /// The language, overriding the extension.
        #[arg(long, value_name = "L")]
        lang: Option<String>,
        /// What to print: `asm` (canonical Babbage assembly) or `ir`.
        #[arg(long, value_enum)]
        emit: Emit,
        /// Optimisation level: 1 (the default) folds constants, propagates copies and
        /// removes dead code; 0 compiles the program as written, to compare.
        #[arg(long, value_name = "LEVEL", default_value_t = 1, value_parser = clap::value_parser!(u8).range(0..=1))]
        opt: u8,
    },
}

/// How `check` prints diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// As the compiler shows them: location, message, source line and caret.
    Text,
    /// One JSON object per diagnostic, in an array, for graders and editors.
    Json,
}

/// What `build` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Emit {
    /// Babbage assembly that assembles back to the identical program (for compiled
    /// languages, with each source line as a comment).
    Asm,
    /// The compiler's intermediate representation.
    Ir,
}

/// Parses the arguments, or prints help, the version or a usage error and gives the exit
/// status to end with.
pub(crate) fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, u8> {
    match Cli::try_parse_from(args) {
        Ok(cli) => Ok(cli.command),
        Err(error) => {
            let code = if error.use_stderr() { USAGE } else { 0 };
            // Help and version go to standard output, errors to standard error.
            let text = error.render().to_string();
            if error.use_stderr() {
                let _ = write!(std::io::stderr(), "{text}");
            } else {
                let _ = write!(std::io::stdout(), "{text}");
            }
            Err(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(args: &[&str]) -> Command {
        let args = std::iter::once("babbage")
            .chain(args.iter().copied())
            .map(OsString::from);
        Cli::try_parse_from(args).expect("valid arguments").command
    }

    #[test]
    fn negative_numbers_are_input_not_flags() {
        match parse_ok(&["run", "p.basm", "--input", "-17 5"]) {
            Command::Run { input, .. } => assert_eq!(input.as_deref(), Some("-17 5")),
            other => panic!("parsed as {other:?}"),
        }
        match parse_ok(&["run", "p.basm", "--input=-3,4"]) {
            Command::Run { input, .. } => assert_eq!(input.as_deref(), Some("-3,4")),
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn the_optimisation_level_is_0_or_1() {
        match parse_ok(&["build", "p.c", "--emit", "ir", "--opt", "0"]) {
            Command::Build { opt, emit, .. } => assert_eq!((opt, emit), (0, Emit::Ir)),
            other => panic!("parsed as {other:?}"),
        }
        let args = ["babbage", "run", "p.c", "--opt", "2"].map(OsString::from);
        assert!(Cli::try_parse_from(args).unwrap_err().use_stderr());
    }

    #[test]
    fn usage_errors_exit_64() {
        let args = ["babbage", "run", "p.basm", "--bogus"].map(OsString::from);
        assert!(Cli::try_parse_from(args).unwrap_err().use_stderr());
    }
}
