//! Random C programs for the differential test: arithmetic, comparisons, short-circuit
//! logic, `?:`, `switch` with fall-through, loops, local and global arrays, calls, `++`,
//! `scanf` and padded `printf`. Every value stays well inside C's `long` (each expression
//! below 10^12 while every variable is below 10^6, which the `% 1000003` after each
//! assignment keeps), every divisor is checked and every index is reduced into its array
//! first, so the programs have no undefined behaviour and gcc's output is the truth.

use std::fmt::Write;

use crate::differential::Case;
use crate::rng::Rng;

const VARS: [&str; 4] = ["a", "b", "c", "d"];

/// An expression whose magnitude stays below 10^12 when every variable is below 10^6:
/// products always have a small constant on one side.
fn expr(rng: &mut Rng, depth: u32) -> String {
    if depth == 0 || rng.below(4) == 0 {
        return match rng.below(6) {
            0 | 1 => format!("{}", rng.int(-100, 99)),
            2 => format!("{}[{}]", rng.pick(&["t", "g"]), rng.below(8)),
            _ => rng.pick(&VARS).to_string(),
        };
    }
    let (x, y) = (expr(rng, depth - 1), expr(rng, depth - 1));
    match rng.below(13) {
        0 | 1 => format!("({x} + {y})"),
        2 => format!("({x} - {y})"),
        3 => format!("({x} * {})", rng.int(-100, 100)),
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

/// One statement on the variable `v`.
fn statement(rng: &mut Rng, v: &str) -> String {
    match rng.below(8) {
        0 => format!(
            "    for (int i = 0; i < {}; i++) {v} = ({v} + {}) % 1000003;",
            rng.below(5),
            expr(rng, 2)
        ),
        1 => format!(
            "    switch ({} % 4) {{ case 0: {v} += 3; case 1: {v} -= 1; break; case -2: {v} = 7; break; default: {v} *= 2; }}",
            expr(rng, 2)
        ),
        2 => format!(
            "    {}[(({}) % 8 + 8) % 8] = ({}) % 1000003;",
            rng.pick(&["t", "g"]),
            expr(rng, 2),
            expr(rng, 2)
        ),
        3 => format!(
            "    {{ long k = {}; while (k-- > 0) {{ {v}++; ++t[k]; }} }}",
            rng.below(6)
        ),
        4 => format!(
            "    if ({}) {v} = sum(t, 8) % 1000003; else {v} = (f({v} % 16) + {v}) % 1000003;",
            expr(rng, 2)
        ),
        _ => format!("    {v} = ({}) % 1000003;", expr(rng, 3)),
    }
}

/// The program of `seed`, which reads its four variables from number cards.
pub(crate) fn case(seed: u64) -> Case {
    let mut rng = Rng::new(seed);
    let mut p = String::from(
        "#include <stdio.h>\n\nlong g[8] = {3, -1, 4, 1, -5, 9, 2, -6};\n\n\
         long h(long x, long y) {\n    return (x * 3 - y) % 1000003;\n}\n\n\
         long f(long n) {\n    if (n <= 1)\n        return 1;\n    return f(n - 1) + f(n - 2);\n}\n\n\
         long sum(long xs[], int n) {\n    long s = 0;\n    for (int i = 0; i < n; i++)\n        s += xs[i];\n    return s;\n}\n\n\
         int main(void) {\n    long t[8] = {0};\n",
    );
    for v in VARS {
        let _ = writeln!(p, "    long {v} = 0;");
    }
    p.push_str(
        "    scanf(\"%ld%ld\", &a, &b);\n    scanf(\"%ld\", &c);\n    scanf(\"%ld\", &d);\n",
    );
    let cards = (0..4).map(|_| rng.int(-1000, 999)).collect();
    for _ in 0..12 {
        let v = rng.pick(&VARS);
        p.push_str(&statement(&mut rng, v));
        p.push('\n');
        let format = rng.pick(&["%ld", "%8ld", "%-8ld|", "%08ld", "%3ld"]);
        let _ = writeln!(p, "    printf(\"{v}={format}\\n\", {v});");
    }
    p.push_str("    printf(\"%ld %ld\\n\", sum(t, 8), sum(g, 8));\n    return 0;\n}\n");
    Case {
        seed,
        source: p,
        cards,
    }
}
