//! Every C program under `tests/programs/c/` through the front end and the IR's reference
//! interpreter: `NAME.out` is the exact output (from gcc), `NAME.in` the number cards,
//! and `NAME.fail` says `compile LINE` or `runtime LINE` for programs that must be
//! rejected. The programs that compile do so without a warning, and each module must
//! pass the IR verifier.

use std::path::{Path, PathBuf};

use diag::LineIndex;
use ir::{End, Num};

/// Enough for every program of the suite, which each stay well under a million machine
/// steps; a program that runs out is reported as failing.
const MAX_STEPS: u64 = 5_000_000;

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs/c");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "c"))
                .collect()
        })
        .unwrap_or_default();
    programs.sort();
    programs
}

fn line_of(source: &str, offset: u32) -> u32 {
    LineIndex::new(source)
        .line_col(source, offset as usize)
        .line
}

/// Checks one program; `Err` says how it failed.
fn check(program: &Path) -> Result<(), String> {
    let with = |ext: &str| std::fs::read_to_string(program.with_extension(ext)).ok();
    let source = with("c").ok_or("cannot read the program")?;
    let cards: Vec<Num> = with("in")
        .unwrap_or_default()
        .split_whitespace()
        .map(|t| t.parse().map_err(|_| format!("bad card `{t}`")))
        .collect::<Result<_, _>>()?;
    let expected = with("out");
    let fail = with("fail");
    let (kind, line) = match &fail {
        Some(f) => {
            let mut words = f.split_whitespace();
            let kind = words.next().unwrap_or("").to_string();
            let line: u32 = words
                .next()
                .and_then(|l| l.parse().ok())
                .ok_or("bad .fail")?;
            (kind, Some(line))
        }
        None => (String::new(), None),
    };
    let lowering = lang_c::lower("program.c", &source);
    let Some(module) = lowering.module else {
        let shown: Vec<String> = lowering
            .diagnostics
            .iter()
            .map(|d| diag::render_plain("program.c", &source, d))
            .collect();
        return if kind == "compile"
            && lowering
                .diagnostics
                .iter()
                .any(|d| d.is_error() && Some(line_of(&source, d.span.start)) == line)
        {
            Ok(())
        } else {
            Err(format!("does not compile:\n{}", shown.concat()))
        };
    };
    if kind == "compile" {
        return Err("compiles, but should not".into());
    }
    if let Some(d) = lowering.diagnostics.first() {
        return Err(format!(
            "has a warning:\n{}",
            diag::render_plain("program.c", &source, d)
        ));
    }
    if let Err(errors) = ir::verify(&module) {
        let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        return Err(format!("fails the verifier:\n{}", shown.join("\n")));
    }
    let run = ir::interpret(&module, &cards, MAX_STEPS);
    if let Some(want) = &expected
        && run.output != *want
    {
        return Err(format!(
            "output differs\n--- want\n{want}\n--- got\n{}\n--- end {:?}",
            run.output, run.end
        ));
    }
    match (&run.end, line) {
        (End::Returned(_), None) => Ok(()),
        (
            End::Fault {
                span: Some(span), ..
            },
            Some(line),
        ) if kind == "runtime" && line_of(&source, span.start) == line => Ok(()),
        (end, _) => Err(format!("ended with {end:?}, want {fail:?}")),
    }
}

#[test]
fn every_program_behaves_as_its_expected_files_say() {
    let programs = programs();
    let failures: Vec<String> = programs
        .iter()
        .filter_map(|p| check(p).err().map(|why| format!("{}: {why}", p.display())))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} programs failed:\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n\n")
    );
    assert!(programs.len() >= 40, "only {} programs", programs.len());
}
