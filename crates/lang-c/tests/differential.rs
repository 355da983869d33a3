//! Differential testing against gcc: seeded random programs of arithmetic, comparisons,
//! short-circuit logic, `?:`, `switch`, loops, arrays, calls, `++` and padded `printf`
//! must print through the IR's reference interpreter exactly what they print compiled by
//! gcc. Values stay well inside C's `long`, and every divisor and index is checked first,
//! so the programs have no undefined behaviour. Where gcc is not installed the test has
//! nothing to compare with and passes.

#[path = "support/rng.rs"]
mod rng;

use std::fmt::Write;
use std::process::Command;

use rng::Rng;

const VARS: [&str; 4] = ["a", "b", "c", "d"];

/// An expression whose magnitude stays below 10^12 when every variable is below 10^6:
/// products always have a small constant on one side.
fn expr(rng: &mut Rng, depth: u32) -> String {
    if depth == 0 || rng.below(4) == 0 {
        return match rng.below(6) {
            0 | 1 => format!("{}", rng.below(200) as i64 - 100),
            2 => format!("{}[{}]", rng.pick(&["t", "g"]), rng.below(8)),
            _ => rng.pick(&VARS).to_string(),
        };
    }
    let (x, y) = (expr(rng, depth - 1), expr(rng, depth - 1));
    match rng.below(13) {
        0 | 1 => format!("({x} + {y})"),
        2 => format!("({x} - {y})"),
        3 => format!("({x} * {})", rng.below(201) as i64 - 100),
        4 => format!("({y} != 0 ? {x} / {y} : {x})"),
        5 => format!("({y} != 0 ? {x} % {y} : -({x}))"),
        6 => format!(
            "({x} {} {y})",
            rng.pick(&["<", "<=", ">", ">=", "==", "!="])
        ),
        7 => format!("({x} && {y})"),
        8 => format!("({x} || !{y})"),
        9 => format!("({x} > {y} ? {x} : {y})"),
        10 => format!("(-({x}))"),
        11 => format!("h({x}, {y})"),
        _ => format!("(({x}) % 97)"),
    }
}

fn program(rng: &mut Rng) -> String {
    let mut p = String::from(
        "#include <stdio.h>\n\nlong g[8] = {3, -1, 4, 1, -5, 9, 2, -6};\n\n\
         long h(long x, long y) {\n    return (x * 3 - y) % 1000003;\n}\n\n\
         int main(void) {\n    long t[8] = {0};\n",
    );
    for v in VARS {
        let _ = writeln!(p, "    long {v} = {};", rng.below(2000) as i64 - 1000);
    }
    for _ in 0..12 {
        let v = rng.pick(&VARS);
        match rng.below(7) {
            5 => {
                let _ = writeln!(
                    p,
                    "    {}[(({}) % 8 + 8) % 8] = ({}) % 1000003;",
                    rng.pick(&["t", "g"]),
                    expr(rng, 2),
                    expr(rng, 2)
                );
            }
            6 => {
                let _ = writeln!(
                    p,
                    "    {{ long k = {}; while (k-- > 0) {{ {v}++; ++t[k]; }} }}",
                    rng.below(6)
                );
            }
            0 => {
                let _ = writeln!(
                    p,
                    "    for (int i = 0; i < {}; i++) {v} = ({v} + {}) % 1000003;",
                    rng.below(5),
                    expr(rng, 2)
                );
            }
            1 => {
                let _ = writeln!(
                    p,
                    "    switch ({} % 4) {{ case 0: {v} += 3; case 1: {v} -= 1; break; case -2: {v} = 7; break; default: {v} *= 2; }}",
                    expr(rng, 2)
                );
            }
            _ => {
                let _ = writeln!(p, "    {v} = ({}) % 1000003;", expr(rng, 3));
            }
        }
        let format = rng.pick(&["%ld", "%8ld", "%-8ld|", "%08ld", "%3ld"]);
        let _ = writeln!(p, "    printf(\"{v}={format}\\n\", {v});");
    }
    p.push_str("    return 0;\n}\n");
    p
}

fn gcc_output(source: &str, dir: &std::path::Path, name: &str) -> Option<String> {
    let c = dir.join(format!("{name}.c"));
    let exe = dir.join(name);
    std::fs::write(&c, source).ok()?;
    let built = Command::new("gcc")
        .args(["-std=c11", "-O0", "-w", "-o"])
        .arg(&exe)
        .arg(&c)
        .status()
        .ok()?;
    assert!(built.success(), "gcc rejects:\n{source}");
    let run = Command::new(&exe).output().ok()?;
    assert!(run.status.success(), "gcc's program fails:\n{source}");
    Some(String::from_utf8_lossy(&run.stdout).into_owned())
}

#[test]
fn random_programs_print_what_gcc_prints() {
    if Command::new("gcc").arg("--version").output().is_err() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("lang-c-differential-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for i in 0..25 {
        let source = program(&mut rng);
        let Some(want) = gcc_output(&source, &dir, &format!("p{i}")) else {
            continue;
        };
        let lowering = lang_c::lower("p.c", &source);
        let module = lowering
            .module
            .unwrap_or_else(|| panic!("does not compile: {:?}\n{source}", lowering.diagnostics));
        let run = ir::interpret(&module, &[], 10_000_000);
        assert_eq!(run.output, want, "program:\n{source}");
        assert!(matches!(run.end, ir::End::Returned(_)), "{:?}", run.end);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
