//! The `babbage` command's contract (`docs/isa.md` §9): what goes to standard output and
//! standard error, and the exit statuses.

use std::path::PathBuf;
use std::process::{Command, Output};

/// A program file in a fresh temporary folder.
struct Program {
    dir: PathBuf,
    path: PathBuf,
}

impl Program {
    fn new(name: &str, source: &str) -> Program {
        let dir = std::env::temp_dir().join(format!(
            "babbage-cli-{}-{}",
            std::process::id(),
            name.replace('.', "-")
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, source).expect("write program");
        Program { dir, path }
    }

    fn run(&self, args: &[&str]) -> Output {
        babbage(&[&["run", self.path.to_str().unwrap()], args].concat())
    }

    fn shown(&self) -> String {
        self.path.display().to_string()
    }
}

impl Drop for Program {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn babbage(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_babbage"))
        .args(args)
        .output()
        .expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const SUM_CARDS: &str = "RDCRD A\nRDCRD B\nADD A, B\nWRPRN A\nWRCHR 10\nHALT\n";

#[test]
fn standard_output_is_exactly_the_printer_output() {
    let p = Program::new("sum.basm", SUM_CARDS);
    let out = p.run(&["--input", "-17 5", "--stats"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "-12\n");
    let err = text(&out.stderr);
    assert!(err.contains("steps: 6"), "{err}");
    assert!(
        err.contains("this run would take 4.5 s on Babbage's engine"),
        "{err}"
    );
}

#[test]
fn input_takes_commas_and_spaces_and_rejects_non_numbers() {
    let p = Program::new("sum2.basm", SUM_CARDS);
    assert_eq!(text(&p.run(&["--input=3,4"]).stdout), "7\n");
    assert_eq!(text(&p.run(&["--input", " 3 , -4 "]).stdout), "-1\n");
    let out = p.run(&["--input", "3 x"]);
    assert_eq!(out.status.code(), Some(64));
    assert!(
        text(&out.stderr).contains("`x` is not a number card"),
        "{}",
        text(&out.stderr)
    );
    let too_long = "9".repeat(51);
    assert_eq!(p.run(&["--input", &too_long]).status.code(), Some(64));
}

#[test]
fn usage_errors_exit_64_with_a_message() {
    let p = Program::new("ok.basm", "HALT\n");
    for args in [
        vec!["run", "/nonexistent/prog.basm"],
        vec!["run", "notes.txt"],
        vec!["run", p.path.to_str().unwrap(), "--bogus"],
        vec!["frobnicate"],
        vec![],
    ] {
        let out = babbage(&args);
        assert_eq!(
            out.status.code(),
            Some(64),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(!out.stderr.is_empty(), "{args:?} said nothing");
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    }
    let haskell = Program::new("hello.hs", "main = print 42\n");
    let out = haskell.run(&[]);
    assert_eq!(out.status.code(), Some(64));
    assert!(
        text(&out.stderr).contains("Haskell is not built yet"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn c_main_returns_its_result_with_the_statistics() {
    let c = Program::new("seven.c", "int main(void) {\n    return 3 + 4;\n}\n");
    let out = c.run(&["--stats"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).lines().any(|l| l == "result: 7"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn build_emits_ir_and_annotated_assembly_for_compiled_languages() {
    let source = "x = 6\nprint(x * 7)\n";
    let p = Program::new("answer.py", source);
    let ir = babbage(&["build", p.path.to_str().unwrap(), "--emit", "ir"]);
    assert_eq!(ir.status.code(), Some(0), "{}", text(&ir.stderr));
    assert!(
        text(&ir.stdout).contains("; line 2"),
        "{}",
        text(&ir.stdout)
    );
    let asm = babbage(&[
        "build",
        p.path.to_str().unwrap(),
        "--emit",
        "asm",
        "--opt",
        "0",
    ]);
    assert_eq!(asm.status.code(), Some(0), "{}", text(&asm.stderr));
    let listing = text(&asm.stdout);
    assert!(listing.contains("; line 2: print(x * 7)"), "{listing}");
    // The listing is a program of its own that prints the same.
    let again = Program::new("answer.basm", &listing);
    assert_eq!(text(&again.run(&[]).stdout), "42\n");
    let basm = Program::new("plain.basm", "WRPRN 1\nHALT\n");
    let out = babbage(&["build", basm.path.to_str().unwrap(), "--emit", "ir"]);
    assert_eq!(out.status.code(), Some(64), "assembly has no IR");
}

#[test]
fn lang_overrides_the_extension() {
    let p = Program::new("prog.txt", "WRPRN 42\nHALT\n");
    assert_eq!(text(&p.run(&["--lang", "basm"]).stdout), "42");
    assert_eq!(text(&p.run(&["--lang", "asm"]).stdout), "42");
}

#[test]
fn compile_errors_exit_1_each_with_location_source_line_and_caret() {
    let p = Program::new("bad.basm", "LOAD A, 1\nMUL A, 2\nJMP nowhere\n");
    let out = p.run(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    let file = p.shown();
    assert!(err.contains(&format!("{file}:2:1: error: ")), "{err}");
    assert!(err.contains("MUL A, 2\n^^^"), "{err}");
    assert!(err.contains(&format!("{file}:3:5: error: ")), "{err}");
    let first = err.find(":2:1:").unwrap();
    assert!(first < err.find(":3:5:").unwrap(), "in source order: {err}");
}

#[test]
fn runtime_faults_exit_2_naming_the_line_and_keep_earlier_output() {
    let p = Program::new(
        "fault.basm",
        "WRPRN 7\nWRCHR 10\nLOAD A, 1\nDIV A, 0\nHALT\n",
    );
    let out = p.run(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout), "7\n");
    assert_eq!(
        text(&out.stderr),
        format!("{}:4: runtime error: division by zero\n", p.shown())
    );
}

#[test]
fn the_step_budget_exits_3_and_zero_means_none() {
    let p = Program::new(
        "loop.basm",
        "LOAD A, 0\nloop: ADD A, 1\nCMP A, 100000\nJLT loop\nWRPRN A\nHALT\n",
    );
    let out = p.run(&["--max-steps", "1000"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("step budget exhausted after 1000 steps"),
        "{}",
        text(&out.stderr)
    );
    let out = p.run(&["--max-steps", "0"]);
    assert_eq!(
        (out.status.code(), text(&out.stdout)),
        (Some(0), "100000".to_string())
    );
    // Exactly enough steps is a normal halt.
    assert_eq!(p.run(&["--max-steps", "300003"]).status.code(), Some(0));
    assert_eq!(p.run(&["--max-steps", "300002"]).status.code(), Some(3));
}

#[test]
fn trace_shows_each_instruction_and_what_it_changed() {
    let p = Program::new(
        "trace.basm",
        "LOAD A, 5\nPUSH A\nloop: SUB A, 5\nJNZ loop\nHALT\n",
    );
    let out = p.run(&["--trace"]);
    assert_eq!(out.status.code(), Some(0));
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 5, "{err}");
    assert!(
        lines[0].contains("LOAD A, 5") && lines[0].ends_with("A=5"),
        "{err}"
    );
    assert!(
        lines[1].contains("PUSH A") && lines[1].contains("V[9999]=5 SP=9999"),
        "{err}"
    );
    assert!(
        lines[2].contains("SUB A, 5") && lines[2].contains("A=0 Z=1 N=0"),
        "{err}"
    );
    assert!(lines[3].contains("JNZ loop"), "{err}");
}

#[test]
fn check_prints_diagnostics_as_json_for_graders() {
    let p = Program::new("check.basm", "LOAD A, 1\n  JMP lop\nloop: HALT\n");
    let out = babbage(&["check", p.path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let items = json.as_array().expect("an array");
    assert_eq!(items.len(), 1);
    let d = &items[0];
    assert_eq!(d["severity"], "error");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(7))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(2), Some(10))
    );
    assert!(d["code"].as_str().unwrap().starts_with("asm/"));
    assert!(d["message"].as_str().unwrap().contains("`lop`"));
    assert!(
        d["hints"].to_string().contains("loop"),
        "hint suggests the label: {d}"
    );
    let clean = Program::new("clean.basm", "HALT\n");
    let out = babbage(&["check", clean.path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(
        (out.status.code(), text(&out.stdout).trim()),
        (Some(0), "[]")
    );
}

#[test]
fn build_emits_assembly_that_runs_the_same() {
    let source = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/factorial.basm"),
    )
    .expect("example");
    let p = Program::new("fact.basm", &source);
    let out = babbage(&["build", p.path.to_str().unwrap(), "--emit", "asm"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rebuilt = Program::new("rebuilt.basm", &text(&out.stdout));
    assert_eq!(rebuilt.run(&[]).stdout, p.run(&[]).stdout);
    let ir = babbage(&["build", p.path.to_str().unwrap(), "--emit", "ir"]);
    assert_eq!(ir.status.code(), Some(64));
}

#[test]
fn bytes_that_are_not_text_get_a_diagnostic_where_they_stand() {
    let p = Program::new("binary.basm", "");
    std::fs::write(&p.path, b"NOP\nLOAD A, \xff\xfe\nHALT\n").expect("write");
    let out = p.run(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(&format!("{}:2:9: error:", p.shown())),
        "{}",
        text(&out.stderr)
    );
}
