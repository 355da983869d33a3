//! What the differential tests share: the seeds of a run, the real toolchain's output, and
//! the comparison of the Engine's four paths (the machine program and the IR's reference
//! interpreter, each with and without the optimisations) with it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use engine::{CompileOptions, Language, NoFiles, Num, RunEnd, RunResult};

/// One generated program: its seed, its source and the number cards it reads.
pub(crate) struct Case {
    /// The seed the program was generated from.
    pub(crate) seed: u64,
    /// The program.
    pub(crate) source: String,
    /// Its input, one number card each, given to the real program one a line.
    pub(crate) cards: Vec<i64>,
}

impl Case {
    /// The input as the real program reads it.
    pub(crate) fn stdin(&self) -> String {
        self.cards.iter().map(|n| format!("{n}\n")).collect()
    }

    /// How to name the program in a failure, so that it can be generated again.
    pub(crate) fn describe(&self) -> String {
        format!(
            "seed {:#x} (run again alone with DIFFERENTIAL_SEED={:#x}), cards {:?}, program:\n{}",
            self.seed, self.seed, self.cards, self.source
        )
    }
}

/// The seeds to run: `count` from `base`, or the one in `DIFFERENTIAL_SEED` when it is
/// set, to replay a failure.
#[allow(
    clippy::disallowed_methods,
    reason = "a test may read the environment to replay one seed"
)]
pub(crate) fn seeds(base: u64, count: u64) -> Vec<u64> {
    match std::env::var("DIFFERENTIAL_SEED") {
        Ok(text) => {
            let text = text.trim();
            let seed = match text.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => text.parse(),
            };
            vec![seed.unwrap_or_else(|_| panic!("DIFFERENTIAL_SEED `{text}` is not a number"))]
        }
        Err(_) => (base..base + count).collect(),
    }
}

/// Fails the test unless `tool` runs: the comparison is the test, so a missing toolchain
/// is a failure, never a pass.
pub(crate) fn require(tool: &str) {
    let runs = Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        runs,
        "`{tool}` is needed to compare against and does not run; install it and run again"
    );
}

/// Runs `command` with `stdin` as its input and returns what it did.
pub(crate) fn run_with_input(command: &mut Command, stdin: &str) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {command:?}: {e}"));
    child
        .stdin
        .take()
        .expect("a piped input")
        .write_all(stdin.as_bytes())
        .expect("the program reads its input");
    child.wait_with_output().expect("the program finishes")
}

/// Compiles `case` with the optimisations on and off, runs each on the machine and in the
/// reference interpreter, and checks that all four print `want` and end normally.
pub(crate) fn check(language: Language, name: &str, case: &Case, want: &str) {
    let cards: Vec<Num> = case.cards.iter().map(|&n| Num::from(n)).collect();
    for optimize in [true, false] {
        let compilation = if optimize {
            engine::compile(language, name, &case.source, &NoFiles)
        } else {
            engine::compile_with(
                language,
                name,
                &case.source,
                &NoFiles,
                CompileOptions { optimize: false },
            )
        };
        assert!(
            compilation.is_ok(),
            "does not compile (optimize: {optimize}): {:#?}\n{}",
            compilation.diagnostics,
            case.describe()
        );
        let paths = [
            ("the machine", engine::run(&compilation, cards.clone(), 0)),
            (
                "the interpreter",
                engine::interpret(&compilation, &case.source, &cards, 0),
            ),
        ];
        for (path, result) in paths {
            let RunResult { output, end, .. } = result.expect("a compiled program runs");
            let differs = output != want || end != RunEnd::Halted;
            assert!(
                !differs,
                "{path} (optimize: {optimize}) ends {end:?} and prints\n{output}\
                 instead of what the real program prints\n{want}\
                 ({})\n{}",
                first_difference(&output, want),
                case.describe()
            );
        }
    }
}

/// Where two outputs first part, for a failure's message.
fn first_difference(got: &str, want: &str) -> String {
    let (mut got_lines, mut want_lines) = (got.lines(), want.lines());
    for line in 1.. {
        match (got_lines.next(), want_lines.next()) {
            (None, None) if got == want => return "the same output".into(),
            (None, None) => return "the outputs differ only in their final newline".into(),
            (g, w) if g != w => {
                return format!("first difference at line {line}: {g:?} instead of {w:?}");
            }
            _ => {}
        }
    }
    unreachable!("the loop returns at the end of the shorter output")
}
