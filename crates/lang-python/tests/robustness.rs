//! No input makes the front end panic or hang: every prefix of every test program, and
//! the programs with bytes dropped or swapped, compile to a module or to diagnostics.

#[path = "support/programs.rs"]
mod support;

fn sources() -> Vec<String> {
    support::program_paths()
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a program"))
        .collect()
}

/// Compiles a text; a module, if any, must verify.
fn compile(text: &str) {
    let lowering = lang_python::lower("t.py", text);
    if let Some(module) = &lowering.module {
        assert!(ir::verify(module).is_ok(), "an invalid module for:\n{text}");
    }
}

#[test]
fn every_prefix_compiles_or_is_reported() {
    for source in sources() {
        for (i, _) in source.char_indices() {
            compile(&source[..i]);
        }
    }
}

#[test]
fn damaged_programs_compile_or_are_reported() {
    // A fixed, simple generator: the same damage each run.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let noise = [
        '(', ')', '[', ']', ':', '\n', ' ', '\t', '"', '\'', '{', '}', '=', ',', '\\', '#', 'x',
        '0', '-', '*',
    ];
    for source in sources() {
        let chars: Vec<char> = source.chars().collect();
        for _ in 0..40 {
            let mut damaged = chars.clone();
            for _ in 0..3 {
                if damaged.is_empty() {
                    break;
                }
                let at = (next() as usize) % damaged.len();
                match next() % 3 {
                    0 => {
                        damaged.remove(at);
                    }
                    1 => damaged.insert(at, noise[(next() as usize) % noise.len()]),
                    _ => {
                        let other = (next() as usize) % damaged.len();
                        damaged.swap(at, other);
                    }
                }
            }
            compile(&damaged.iter().collect::<String>());
        }
    }
}

#[test]
fn pathological_inputs() {
    for text in [
        "(".repeat(100_000),
        "[".repeat(5000) + &"]".repeat(5000),
        "f'{".repeat(1000),
        "if x:\n".repeat(1000),
        format!("x = {}", "not ".repeat(10_000)),
        format!("x = 1{}", " if 1 else 1".repeat(3000)),
        format!("x = [1{}]", ", 1".repeat(20_000)),
        "\t \x0c\\\n\r\n\r".repeat(100),
        "def f(:\n  return\n".repeat(50),
        "x = 1 < 2 < 3".to_owned() + &" < 4".repeat(5000),
        "print(f\"{x!r:>{w}}\")".to_owned(),
        "\u{feff}x = 'é' + \"\u{1F600}\"\n".to_owned(),
    ] {
        compile(&text);
    }
}

#[test]
fn the_deepest_nesting_fits_in_a_browser_sized_stack() {
    // WebAssembly gives the compiler a 1 MB stack; the nesting limit must keep every
    // pass inside it, even in an unoptimised build.
    // Every depth up to past the limit, so that the deepest programs accepted go through
    // every pass.
    let mut deep = Vec::new();
    for n in 1..110 {
        deep.push(format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n)));
        deep.push(format!("x = {}1{}[0]\n", "[".repeat(n), "]".repeat(n)));
        deep.push(format!(
            "def f(v):\n    return v\nx = {}1{}\n",
            "f(".repeat(n),
            ")".repeat(n)
        ));
        deep.push(format!("x = {}1\n", "-".repeat(n)));
        deep.push(format!("x = 1{}\n", " + 1".repeat(n)));
        deep.push(format!("x = {}0\n", "1 if x else ".repeat(n)));
        deep.push(format!(
            "print(f\"{}x{}\")\nx = 1\n",
            "{(".repeat(n.min(3)),
            ")}".repeat(n.min(3))
        ));
    }
    for n in [40, 60, 80, 99, 120] {
        let mut blocks = "x = 1\n".to_owned();
        for depth in 0..n {
            blocks.push_str(&" ".repeat(depth));
            blocks.push_str("while x:\n");
        }
        blocks.push_str(&" ".repeat(n));
        blocks.push_str("x = (((x - 1)))\n");
        deep.push(blocks);
    }
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            for text in &deep {
                compile(text);
            }
        })
        .expect("a thread")
        .join()
        .expect("no stack overflow");
}
