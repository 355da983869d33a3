//! Carrying out `run`, `check` and `build`.

use std::io::Write;
use std::path::Path;

use engine::{
    Compilation, CompileOptions, Diagnostic, Language, LineIndex, NoFiles, RunEnd, Runner,
};

use crate::args::{Command, Emit, Format, USAGE};

/// Steps between flushes of the printer's output to standard output.
const SLICE: u64 = 1 << 22;

/// Carries out a command and gives the exit status.
pub(crate) fn execute(command: Command) -> u8 {
    match command {
        Command::Run {
            file,
            lang,
            input,
            max_steps,
            stats,
            trace,
            opt,
        } => {
            let cards = match engine::parse_input(input.as_deref().unwrap_or("")) {
                Ok(cards) => cards,
                Err(message) => return usage(&format!("--input: {message}")),
            };
            let (path, source, compilation) = match load(&file, lang.as_deref(), opt) {
                Ok(loaded) => loaded,
                Err(code) => return code,
            };
            let has_result = compilation.has_result();
            let Some(runner) = Runner::new(&compilation, cards, max_steps) else {
                return report_diagnostics(&path, &source, &compilation.diagnostics);
            };
            run(&path, runner, stats, trace, has_result)
        }
        Command::Check { file, lang, format } => {
            let (path, source, compilation) = match load(&file, lang.as_deref(), 1) {
                Ok(loaded) => loaded,
                Err(code) => return code,
            };
            match format {
                Format::Text => {
                    report_diagnostics(&path, &source, &compilation.diagnostics);
                }
                Format::Json => {
                    let json = diagnostics_json(&path, &source, &compilation.diagnostics);
                    let _ = writeln!(std::io::stdout(), "{json}");
                }
            }
            u8::from(!compilation.is_ok())
        }
        Command::Build {
            file,
            lang,
            emit,
            opt,
        } => {
            let (path, source, compilation) = match load(&file, lang.as_deref(), opt) {
                Ok(loaded) => loaded,
                Err(code) => return code,
            };
            let text = match emit {
                Emit::Ir if compilation.is_ok() && compilation.ir.is_none() => {
                    return usage(&format!(
                        "{} has no IR: it is not compiled through it (try --emit asm)",
                        compilation.language.name()
                    ));
                }
                Emit::Ir => engine::emit_ir(&compilation, &source),
                Emit::Asm if compilation.language == Language::Asm => {
                    engine::emit_asm(&compilation)
                }
                Emit::Asm => engine::emit_annotated_asm(&compilation, &source),
            };
            match text {
                Some(text) => {
                    let _ = std::io::stdout().write_all(text.as_bytes());
                    0
                }
                None => report_diagnostics(&path, &source, &compilation.diagnostics),
            }
        }
    }
}

fn usage(message: &str) -> u8 {
    let _ = writeln!(std::io::stderr(), "babbage: {message}");
    USAGE
}

/// Reads and compiles a file, or reports a usage error.
fn load(file: &Path, lang: Option<&str>, opt: u8) -> Result<(String, String, Compilation), u8> {
    let path = file.display().to_string();
    let language = match lang {
        Some(name) => Language::from_name(name)
            .ok_or_else(|| usage(&format!("unknown language `{name}` (try basm, c, py, …)")))?,
        None => {
            let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
            Language::from_name(extension)
                .filter(|_| !extension.is_empty())
                .ok_or_else(|| {
                    usage(&format!(
                        "cannot tell the language of `{path}` from its extension; \
                     use .basm, .ae, .c, .py, .hs, .lisp, .java, .sf or .idr, or --lang"
                    ))
                })?
        }
    };
    if !language.is_available() {
        return Err(usage(&format!("{} is not built yet", language.name())));
    }
    let bytes = std::fs::read(file).map_err(|e| usage(&format!("cannot read `{path}`: {e}")))?;
    // Bytes that are not UTF-8 become U+FFFD, which the compiler then reports where it
    // stands, like any other character it does not expect.
    let source = String::from_utf8_lossy(&bytes).into_owned();
    let options = CompileOptions { optimize: opt > 0 };
    let compilation = engine::compile_with(language, &path, &source, &NoFiles, options);
    Ok((path, source, compilation))
}

/// Prints every diagnostic as the compiler shows them; the status is 1 if any is an error.
fn report_diagnostics(path: &str, source: &str, diagnostics: &[Diagnostic]) -> u8 {
    let mut stderr = std::io::stderr().lock();
    for diagnostic in diagnostics {
        let _ = stderr.write_all(engine::render_plain(path, source, diagnostic).as_bytes());
    }
    u8::from(diagnostics.iter().any(Diagnostic::is_error))
}

/// Diagnostics as a JSON array for graders and editors.
fn diagnostics_json(path: &str, source: &str, diagnostics: &[Diagnostic]) -> String {
    let index = LineIndex::new(source);
    let items: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            let start = index.line_col(source, d.span.start as usize);
            let end = index.line_col(source, d.span.end as usize);
            serde_json::json!({
                "file": path,
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
                "line": start.line,
                "column": start.col,
                "end_line": end.line,
                "end_column": end.col,
                "hints": d.hints,
            })
        })
        .collect();
    serde_json::Value::Array(items).to_string()
}

/// Runs to the end, streaming the printer's output, and reports how the run ended.
fn run(path: &str, mut runner: Runner, stats: bool, trace: bool, has_result: bool) -> u8 {
    #[allow(
        clippy::disallowed_methods,
        reason = "the command line reports wall time"
    )]
    let started = std::time::Instant::now();
    let mut stdout = std::io::stdout().lock();
    let end = loop {
        let end = if trace {
            let (line, end) = runner.trace_step();
            if let Some(line) = line {
                let at = line.line.map_or(String::new(), |l| format!(" line {l}"));
                let _ = stdout.write_all(runner.take_output().as_bytes());
                let _ = stdout.flush();
                let _ = writeln!(
                    std::io::stderr(),
                    "step {} pc {}{at}: {:<24} {}",
                    line.step,
                    line.pc,
                    line.text,
                    line.changes
                );
            }
            end
        } else {
            runner.advance(SLICE)
        };
        let _ = stdout.write_all(runner.take_output().as_bytes());
        if let Some(end) = end {
            break end;
        }
    };
    let _ = stdout.flush();
    let mut stderr = std::io::stderr().lock();
    if stats {
        let _ = writeln!(stderr, "steps: {}", runner.steps());
        if has_result && end == RunEnd::Halted {
            let _ = writeln!(stderr, "result: {}", runner.result());
        }
        let _ = writeln!(
            stderr,
            "engine time: this run would take {} on Babbage's engine",
            runner.engine_time()
        );
        let _ = writeln!(
            stderr,
            "wall time: {:.3} s",
            started.elapsed().as_secs_f64()
        );
    }
    match end {
        RunEnd::Halted => 0,
        RunEnd::Faulted(error) => {
            let at = error.line.map_or(String::new(), |line| format!(":{line}"));
            let _ = writeln!(stderr, "{path}{at}: runtime error: {}", error.message);
            2
        }
        RunEnd::BudgetExhausted => {
            let steps = runner.steps();
            let unit = if steps == 1 { "step" } else { "steps" };
            let _ = writeln!(
                stderr,
                "{path}: step budget exhausted after {steps} {unit} (raise it with --max-steps, 0 for none)"
            );
            3
        }
    }
}
