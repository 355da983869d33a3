//! Every program under `tests/programs/python` compiles and runs as its files say, through
//! the IR's reference interpreter: its output is `NAME.out` exactly (what python3 printed),
//! with the cards of `NAME.in`; a `.fail` of `runtime LINE` means the run faults on that
//! line after printing `NAME.out`, and `compile LINE` that compiling reports an error
//! there.

#[path = "support/programs.rs"]
mod support;

use std::path::Path;

/// The step budget of one run: far beyond what any of these programs needs.
const MAX_STEPS: u64 = 20_000_000;

/// What is wrong with one program's run, if anything.
fn run(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let source = std::fs::read_to_string(path).expect("a program");
    let read = |ext: &str| std::fs::read_to_string(path.with_extension(ext)).ok();
    let fail = read("fail").unwrap_or_default();
    let lowering = lang_python::lower(&name, &source);
    let index = diag::LineIndex::new(&source);
    let line_of = |at: u32| index.line_col(&source, at as usize).line;
    if let Some(line) = fail.strip_prefix("compile ") {
        let line: u32 = line.trim().parse().expect("a line number");
        if lowering.module.is_some()
            || !lowering
                .diagnostics
                .iter()
                .any(|d| line_of(d.span.start) == line)
        {
            return Some(format!(
                "{name}: expected a compile error on line {line}, got {:?}",
                lowering.diagnostics
            ));
        }
        return None;
    }
    let Some(module) = lowering.module else {
        let rendered: String = lowering
            .diagnostics
            .iter()
            .map(|d| diag::render_plain(&name, &source, d))
            .collect();
        return Some(format!("{name}: does not compile:\n{rendered}"));
    };
    if let Err(errors) = ir::verify(&module) {
        return Some(format!(
            "{name}: the IR does not verify: {errors:?}\n{}",
            ir::print_module(&module, Some(&source))
        ));
    }
    let cards: Vec<ir::Num> = read("in")
        .unwrap_or_default()
        .split_whitespace()
        .map(|t| t.parse().expect("a number card"))
        .collect();
    let result = ir::interpret(&module, &cards, MAX_STEPS);
    let expected = read("out").unwrap_or_default();
    if result.output != expected {
        return Some(format!(
            "{name}: printed\n{}\ninstead of\n{expected}\n(end: {:?})",
            result.output, result.end
        ));
    }
    match (fail.strip_prefix("runtime "), &result.end) {
        (None, ir::End::Returned(_)) => None,
        (
            Some(line),
            ir::End::Fault {
                span: Some(span), ..
            },
        ) if line.trim().parse() == Ok(line_of(span.start)) => None,
        (want, end) => Some(format!("{name}: ended with {end:?}, expected {want:?}")),
    }
}

#[test]
fn programs_run_as_their_files_say() {
    let paths = support::program_paths();
    assert!(paths.len() >= 40, "only {} programs", paths.len());
    let failures: Vec<String> = paths.iter().filter_map(|p| run(p)).collect();
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
