//! Differential testing against python3: seeded random Python programs (see
//! `support/python_programs.rs`) must print, compiled by the Engine with and without the
//! optimisations and run both on the machine and in the IR's reference interpreter,
//! exactly what python3 prints, and end normally as python3 does.

#[path = "support/differential.rs"]
mod differential;
#[path = "support/python_programs.rs"]
mod python_programs;
#[path = "support/rng.rs"]
mod rng;

use std::process::Command;

use differential::Case;
use engine::Language;

/// The interpreter `python3` names, asked once: a version manager's `python3` is often a
/// script that takes longer to start than the program takes to run.
fn python_executable() -> String {
    let asked = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .expect("python3 runs");
    let path = String::from_utf8_lossy(&asked.stdout).trim().to_string();
    if path.is_empty() {
        "python3".into()
    } else {
        path
    }
}

/// What `python` prints for `case`.
fn python_output(python: &str, case: &Case) -> String {
    let run = differential::run_with_input(
        Command::new(python).arg("-c").arg(&case.source),
        &case.stdin(),
    );
    assert!(
        run.status.success(),
        "python3 ends {}: {}\n{}",
        run.status,
        String::from_utf8_lossy(&run.stderr),
        case.describe()
    );
    String::from_utf8(run.stdout).expect("the program prints text")
}

#[test]
fn random_programs_print_what_python_prints() {
    differential::require("python3");
    let python = python_executable();
    for seed in differential::seeds(0x9e_0000, 30) {
        let case = python_programs::case(seed);
        let want = python_output(&python, &case);
        differential::check(Language::Python, "p.py", &case, &want);
    }
}
