//! Every program under `tests/programs/python` checks as its files say: no diagnostics
//! for one that runs (a `.out` and no `compile` line in a `.fail`), and a diagnostic on
//! the stated line for one that must be rejected (`.fail` holding `compile LINE`).

use std::path::Path;

#[test]
fn programs_check_as_their_files_say() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs/python");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the programs folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 40, "only {} programs", paths.len());
    let mut failures = Vec::new();
    for path in &paths {
        let source = std::fs::read_to_string(path).expect("a program");
        let diags = lang_python::check(&source);
        let fail = std::fs::read_to_string(path.with_extension("fail")).unwrap_or_default();
        let name = path.file_name().unwrap().to_string_lossy();
        let index = diag::LineIndex::new(&source);
        let lines: Vec<u32> = diags
            .iter()
            .map(|d| index.line_col(&source, d.span.start as usize).line)
            .collect();
        let rendered: String = diags
            .iter()
            .map(|d| diag::render_plain(&name, &source, d))
            .collect();
        match fail.strip_prefix("compile ") {
            Some(line) => {
                let line: u32 = line.trim().parse().expect("a line number");
                if !lines.contains(&line) {
                    failures.push(format!(
                        "{name}: expected an error on line {line}, got:\n{rendered}"
                    ));
                }
            }
            None => {
                if !diags.is_empty() {
                    failures.push(format!("{name}: expected no diagnostics, got:\n{rendered}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
