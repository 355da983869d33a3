//! Compile latency and code quality for the compiled languages:
//! `cargo bench -p engine --bench compile`.
//!
//! For every C and Python program in the shared corpus and in `tests/programs/`: the time
//! to compile it (best of 20; the budget is < 2 ms natively), and the machine instructions
//! its run executes against the IR operations the reference interpreter executes for it
//! (the ratio should keep falling as code generation improves). Then a generated C file
//! of 5,000 lines (budget < 100 ms).
#![allow(
    clippy::print_stdout,
    reason = "a benchmark reports on standard output"
)]
#![allow(clippy::disallowed_methods, reason = "a benchmark reads the clock")]

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use engine::{Language, NoFiles, compile};

fn programs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dirs = [
        root.join("../shared/corpus/c"),
        root.join("../shared/corpus/python"),
        root.join("tests/programs/c"),
        root.join("tests/programs/python"),
    ];
    let mut programs: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flat_map(|entries| entries.flatten().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "c" || e == "py"))
        .filter(|p| !p.with_extension("fail").exists())
        .collect();
    programs.sort();
    programs
}

/// The best of `n` timings of `f`, in milliseconds.
fn best_ms(n: usize, mut f: impl FnMut()) -> f64 {
    (0..n)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

/// A C file of about `lines` lines: many small functions with loops, arrays and calls.
fn generated_c(lines: usize) -> String {
    let mut text = String::from("#include <stdio.h>\n\nint table[100];\n\n");
    // Each function is ten lines with the blank one after it.
    let functions = lines / 10;
    for i in 0..functions {
        let _ = write!(
            text,
            "int f{i}(int n) {{\n    int s = 0;\n    for (int k = 0; k < n; k++) {{\n        \
             s += (k * {m}) % 7;\n        if (s > 1000) s -= 1000;\n    }}\n    \
             table[{slot}] = s;\n    return s + {i};\n}}\n\n",
            m = i % 13 + 1,
            slot = i % 100,
        );
    }
    text.push_str("int main(void) {\n    int total = 0;\n");
    for i in (0..functions).step_by(50) {
        let _ = writeln!(text, "    total += f{i}(3);");
    }
    text.push_str("    printf(\"%d\\n\", total);\n    return 0;\n}\n");
    text
}

fn main() {
    let mut worst: f64 = 0.0;
    let (mut machine_total, mut ir_total) = (0u64, 0u64);
    println!(
        "{:<28} {:>9} {:>10} {:>10} {:>6}",
        "program", "compile", "machine", "IR ops", "ratio"
    );
    for path in programs() {
        let language = if path.extension().is_some_and(|e| e == "c") {
            Language::C
        } else {
            Language::Python
        };
        let source = std::fs::read_to_string(&path).expect("readable");
        let name = path
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .to_string();
        let ms = best_ms(20, || {
            std::hint::black_box(compile(language, &name, &source, &NoFiles));
        });
        worst = worst.max(ms);
        let compilation = compile(language, &name, &source, &NoFiles);
        let cards_text = std::fs::read_to_string(path.with_extension("in")).unwrap_or_default();
        let cards = engine::parse_input(&cards_text).expect("number cards");
        let (Some(machine), Some(ir)) = (
            engine::run(&compilation, cards.clone(), 0),
            engine::interpret(&compilation, &source, &cards, 0),
        ) else {
            println!("{name:<28} does not compile");
            continue;
        };
        machine_total += machine.steps;
        ir_total += ir.steps;
        println!(
            "{name:<28} {ms:>7.3}ms {:>10} {:>10} {:>6.2}",
            machine.steps,
            ir.steps,
            machine.steps as f64 / ir.steps.max(1) as f64
        );
    }
    println!("slowest compile: {worst:.3} ms (budget < 2 ms)");
    println!(
        "machine instructions per IR operation, all programs: {:.2}",
        machine_total as f64 / ir_total.max(1) as f64
    );
    let big = generated_c(5_000);
    let lines = big.lines().count();
    let ms = best_ms(5, || {
        let c = compile(Language::C, "big.c", &big, &NoFiles);
        assert!(c.is_ok(), "{:?}", c.diagnostics.first());
    });
    println!("generated C file of {lines} lines: {ms:.1} ms (budget < 100 ms)");
}
