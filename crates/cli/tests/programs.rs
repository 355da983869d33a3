//! Every program under `tests/programs/` and `examples/` through the `babbage` command:
//! `NAME.out` is the exact standard output, `NAME.fail` says `compile LINE` or
//! `runtime LINE`, and `NAME.in` holds the number cards (see `tests/programs/README.md`).
//!
//! Programs in languages compiled through the IR run twice more, in-process: through the
//! IR's reference interpreter, and on the machine compiled without optimisations. All
//! three must print the expected output and end the same way.

use std::path::{Path, PathBuf};
use std::process::Command;

const EXTENSIONS: [&str; 9] = ["basm", "ae", "c", "py", "hs", "lisp", "java", "sf", "idr"];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn programs() -> Vec<PathBuf> {
    let mut dirs = vec![workspace().join("examples")];
    let root = workspace().join("tests/programs");
    if let Ok(entries) = std::fs::read_dir(&root) {
        dirs.extend(entries.flatten().map(|e| e.path()).filter(|p| p.is_dir()));
    }
    let mut programs: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flat_map(|entries| entries.flatten().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.contains(&e))
        })
        .collect();
    programs.sort();
    programs
}

/// How a run ends, as the expected files describe it: `None` for a normal end, or the
/// line a runtime fault names (0 if the file names none).
fn expected_end(fail: Option<&str>) -> Option<u32> {
    let mut words = fail?.split_whitespace();
    (words.next() == Some("runtime"))
        .then(|| words.next().and_then(|l| l.parse().ok()).unwrap_or(0))
}

/// Runs a compiled program through the IR interpreter and, unoptimised, on the machine,
/// and checks both against the expected files. Programs that must not compile are left
/// to the command-line check.
fn check_other_paths(program: &Path) -> Result<(), String> {
    let with = |ext: &str| program.with_extension(ext);
    let extension = program.extension().and_then(|e| e.to_str()).unwrap_or("");
    let Some(language) = engine::Language::from_name(extension) else {
        return Ok(());
    };
    let fail = std::fs::read_to_string(with("fail")).ok();
    if !matches!(language, engine::Language::C | engine::Language::Python)
        || fail.as_deref().is_some_and(|f| f.starts_with("compile"))
    {
        return Ok(());
    }
    let source = std::fs::read_to_string(program).map_err(|e| e.to_string())?;
    let cards = engine::parse_input(&std::fs::read_to_string(with("in")).unwrap_or_default())?;
    let want_out = std::fs::read_to_string(with("out")).unwrap_or_default();
    let want_end = expected_end(fail.as_deref());
    let name = program.display().to_string();
    let unoptimised = engine::compile_with(
        language,
        &name,
        &source,
        &engine::NoFiles,
        engine::CompileOptions { optimize: false },
    );
    let optimised = engine::compile(language, &name, &source, &engine::NoFiles);
    let runs = [
        (
            "the IR interpreter",
            engine::interpret(&optimised, &source, &cards, 0),
        ),
        (
            "the unoptimised IR interpreter",
            engine::interpret(&unoptimised, &source, &cards, 0),
        ),
        (
            "the unoptimised machine program",
            engine::run(&unoptimised, cards.clone(), 0),
        ),
    ];
    for (path, run) in runs {
        let Some(run) = run else {
            return Err(format!("does not compile for {path}"));
        };
        let end = match &run.end {
            engine::RunEnd::Halted => None,
            engine::RunEnd::Faulted(e) => Some(e.line.unwrap_or(0)),
            engine::RunEnd::BudgetExhausted => return Err(format!("{path}: ran out of steps")),
        };
        if run.output != want_out || end != want_end {
            return Err(format!(
                "{path} differs\n--- want (end {want_end:?})\n{want_out}\n--- got (end {:?})\n{}",
                run.end, run.output
            ));
        }
    }
    Ok(())
}

/// Checks one program; `Err` says how it failed.
fn check(program: &Path) -> Result<(), String> {
    check_through_the_command_line(program)?;
    check_other_paths(program)
}

/// Checks one program through the `babbage` command.
fn check_through_the_command_line(program: &Path) -> Result<(), String> {
    let with = |ext: &str| program.with_extension(ext);
    let mut command = Command::new(env!("CARGO_BIN_EXE_babbage"));
    command.arg("run").arg(program);
    if let Ok(cards) = std::fs::read_to_string(with("in")) {
        command
            .arg("--input")
            .arg(cards.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    let result = command
        .output()
        .map_err(|e| format!("cannot run babbage: {e}"))?;
    let status = result.status.code();
    let stderr = String::from_utf8_lossy(&result.stderr);
    let expected_out = std::fs::read(with("out")).ok();
    let fail = std::fs::read_to_string(with("fail")).ok();
    if expected_out.is_none() && fail.is_none() {
        return Err("has neither .out nor .fail".into());
    }
    if let Some(want) = &expected_out
        && result.stdout != *want
    {
        return Err(format!(
            "stdout differs\n--- want\n{}\n--- got\n{}\n--- stderr\n{stderr}",
            String::from_utf8_lossy(want),
            String::from_utf8_lossy(&result.stdout)
        ));
    }
    match fail {
        None if status == Some(0) => Ok(()),
        None => Err(format!("exit status {status:?}, stderr:\n{stderr}")),
        Some(fail) => {
            let mut words = fail.split_whitespace();
            let (kind, line) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
            let want_status = if kind == "compile" { 1 } else { 2 };
            let file = program.display().to_string();
            let names_line = stderr
                .lines()
                .any(|l| l.starts_with(&format!("{file}:{line}:")));
            if status == Some(want_status) && names_line {
                Ok(())
            } else {
                Err(format!(
                    "want a {kind} error at line {line}, got status {status:?}:\n{stderr}"
                ))
            }
        }
    }
}

#[test]
fn every_program_behaves_as_its_expected_files_say() {
    let programs = programs();
    assert!(
        programs.len() >= 40,
        "only {} programs found",
        programs.len()
    );
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
}
