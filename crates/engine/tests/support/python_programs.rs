//! Random Python programs for the differential test: arithmetic on ints and bools,
//! comparisons (chained too), `and`/`or` giving their operands, conditional expressions,
//! `in`, built-ins, f-strings, `print` with `sep=` and `end=`, `int(input())`, lists and
//! their methods, comprehensions, loops with `break`, recursion, and default and keyword
//! arguments. Every divisor is made non-zero (`(x or 7)`), every index stays inside its
//! list and every list that is indexed is never empty, so python3 runs them without an
//! error and its output is the truth.

use crate::differential::Case;
use crate::rng::Rng;

/// An int-valued atom: a literal, a variable, an element, or a parenthesised expression.
fn int_atom(r: &mut Rng, depth: u32) -> String {
    match r.below(10) {
        0..=3 => r.int(-20, 20).to_string(),
        4..=6 => match r.below(5) {
            0 => "a".into(),
            1 => "b".into(),
            2 => "c".into(),
            3 => format!("xs[{}]", r.int(-3, 2)),
            _ => "len(xs)".into(),
        },
        _ => format!("({})", int_expr(r, depth + 1)),
    }
}

/// A bool-valued expression.
fn bool_expr(r: &mut Rng, depth: u32) -> String {
    if depth > 3 {
        return r.pick(&["True", "False", "t"]).into();
    }
    match r.below(10) {
        0 | 1 => r.pick(&["True", "False", "t"]).into(),
        2..=4 => {
            let op = r.pick(&["<", "<=", ">", ">=", "==", "!="]);
            let mut s = format!("{} {op} {}", int_atom(r, depth + 1), int_atom(r, depth + 1));
            if r.chance(30) {
                let op = r.pick(&["<", "=="]);
                s = format!("{s} {op} {}", int_atom(r, depth + 1));
            }
            s
        }
        5 => format!("not {}", bool_expr(r, depth + 1)),
        6 | 7 => {
            let op = r.pick(&["and", "or"]);
            format!(
                "({} {op} {})",
                bool_expr(r, depth + 1),
                bool_expr(r, depth + 1)
            )
        }
        8 => {
            let op = r.pick(&["in", "not in"]);
            format!("({} {op} xs)", int_atom(r, depth + 1))
        }
        _ => format!(
            "({} if {} else {})",
            bool_expr(r, depth + 1),
            bool_expr(r, depth + 1),
            bool_expr(r, depth + 1)
        ),
    }
}

/// An int-valued expression.
fn int_expr(r: &mut Rng, depth: u32) -> String {
    if depth > 3 {
        return int_atom(r, depth);
    }
    let (x, y) = (int_atom(r, depth + 1), int_atom(r, depth + 1));
    match r.below(20) {
        0..=4 => x,
        5..=10 => {
            let op = r.pick(&["+", "-", "*", "//", "%", "+", "-", "*"]);
            if op == "//" || op == "%" {
                format!("{x} {op} ({y} or 7)")
            } else {
                format!("{x} {op} {y}")
            }
        }
        11 | 12 => format!("{x} {} {y}", r.pick(&["and", "or"])),
        13 => format!("-{x}"),
        14 => format!("({}) + {x}", bool_expr(r, depth + 1)),
        15 => format!("{x} if {} else {y}", bool_expr(r, depth + 1)),
        16 => format!("abs({x})"),
        17 => format!("{}({x}, {y})", r.pick(&["min", "max"])),
        18 => format!("{}(xs)", r.pick(&["sum", "min", "max", "len"])),
        _ => format!("({x}) ** {}", r.below(4)),
    }
}

/// Straight-line code on three ints (two read from cards), a bool and a list of three.
fn expression_program(r: &mut Rng) -> (String, Vec<i64>) {
    let cards = vec![r.int(-9, 9), r.int(-99, 99)];
    let mut lines = vec![
        "a = int(input())".to_owned(),
        format!("b = {}", r.int(-9, 9)),
        "c = int(input())".into(),
        format!("t = {}", r.pick(&["True", "False"])),
        format!(
            "xs = [{}, {}, {}]",
            r.int(-9, 9),
            r.int(-9, 9),
            r.int(-9, 9)
        ),
    ];
    for _ in 0..10 {
        let line = match r.below(10) {
            0..=4 => format!("print({})", int_expr(r, 0)),
            5 | 6 => {
                let sep = r.pick(&["\",\"", "\"\"", "\" - \""]);
                format!("print({}, {}, sep={sep})", bool_expr(r, 0), int_expr(r, 0))
            }
            7 => format!(
                "{} {} ({} or 3)",
                r.pick(&["a", "b", "c"]),
                r.pick(&["+=", "-=", "*=", "//=", "%="]),
                int_atom(r, 1)
            ),
            8 => format!("xs[{}] = {}", r.int(-3, 2), int_expr(r, 0)),
            _ => format!(
                "if {}:\n    print({})\nelse:\n    print(f\"{{xs}} {{{}}}\")",
                bool_expr(r, 0),
                int_expr(r, 0),
                bool_expr(r, 1)
            ),
        };
        lines.push(line);
    }
    (lines.join("\n") + "\n", cards)
}

/// Functions, loops and list methods on a list (its first elements read from cards) that
/// never becomes empty where it is indexed.
fn list_program(r: &mut Rng) -> (String, Vec<i64>) {
    let value = |r: &mut Rng| -> String {
        match r.below(7) {
            0 => "a".into(),
            1 => "b".into(),
            2 => r.int(-5, 9).to_string(),
            3 => "len(xs)".into(),
            4 => "xs[0]".into(),
            5 => "xs[-1]".into(),
            _ => "k".into(),
        }
    };
    let read = r.int(1, 3);
    let mut cards = vec![r.int(1, 9)];
    cards.extend((0..read).map(|_| r.int(-9, 9)));
    let mut lines = vec![
        "def f(p, q=2):".to_owned(),
        "    s = 0".into(),
        "    for v in p:".into(),
        format!("        if v {} q:", r.pick(&["<", ">", "=="])),
        "            s += v".into(),
        "        else:".into(),
        "            s -= q".into(),
        "    return s".into(),
        String::new(),
        "def g(n):".into(),
        "    if n <= 0:".into(),
        "        return [n]".into(),
        format!("    ys = g(n - {})", r.int(1, 3)),
        format!("    ys.append(n * {})", r.int(-3, 3)),
        "    return ys".into(),
        String::new(),
        format!("a = {}", r.int(-9, 9)),
        "b = int(input())".into(),
        "k = 0".into(),
        "xs = []".into(),
        format!("for _ in range({read}):"),
        "    xs.append(int(input()))".into(),
    ];
    for _ in 0..14 {
        let line = match r.below(20) {
            0..=2 => format!("xs.append({})", value(r)),
            3 | 4 => format!(
                "if len(xs) > 1:\n    k = xs.pop({})",
                r.pick(&["", "0", "-1", "1"])
            ),
            5 => "xs.sort()".into(),
            6 => "xs.reverse()".into(),
            7 => format!("xs.insert({}, {})", value(r), value(r)),
            8 => format!("xs.extend(g({}))", r.int(0, 5)),
            9 => format!("print(xs.count({}), {} in xs)", value(r), value(r)),
            10 => format!("xs = xs + [{}] * {}", value(r), r.int(0, 3)),
            11 => format!("print(f(xs), f(xs, {}), f(q={}, p=xs))", value(r), value(r)),
            12 => format!(
                "print([x * {} for x in xs if x % 2 == {}])",
                value(r),
                r.int(0, 1)
            ),
            13 => format!(
                "for i in range({}, {}, {}):\n    k += i\n    if k > 20:\n        break",
                value(r),
                value(r),
                r.pick(&["1", "2", "-1", "-2", "3"])
            ),
            14 => format!("while len(xs) > {}:\n    a += xs.pop()", r.int(2, 6)),
            15 => format!("a, b = b {} a, a", r.pick(&["+", "-", "*"])),
            16 => "print(sum(xs), min(xs), max(xs), xs == [1])".into(),
            17 => format!("xs[{} % len(xs)] = {}", value(r), value(r)),
            _ => format!(
                "print(a, b, k, xs, sep={}, end={})",
                r.pick(&["\" \"", "\",\""]),
                r.pick(&["\"\\n\"", "\";\\n\""])
            ),
        };
        lines.push(line);
    }
    lines.push("print(a, b, k, xs, g(3))".into());
    (lines.join("\n") + "\n", cards)
}

/// The program of `seed`: straight-line expressions for even seeds, lists and functions
/// for odd ones.
pub(crate) fn case(seed: u64) -> Case {
    let mut rng = Rng::new(seed);
    let (source, cards) = if seed.is_multiple_of(2) {
        expression_program(&mut rng)
    } else {
        list_program(&mut rng)
    };
    Case {
        seed,
        source,
        cards,
    }
}
