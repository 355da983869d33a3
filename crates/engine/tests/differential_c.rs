//! Differential testing against gcc: seeded random C programs (see
//! `support/c_programs.rs`) must print, compiled by the Engine with and without the
//! optimisations and run both on the machine and in the IR's reference interpreter,
//! exactly what they print compiled by gcc, and end normally as gcc's program does.

#[path = "support/c_programs.rs"]
mod c_programs;
#[path = "support/differential.rs"]
mod differential;
#[path = "support/rng.rs"]
mod rng;

use std::path::Path;
use std::process::Command;

use differential::Case;
use engine::Language;

/// What gcc's program prints for `case`.
fn gcc_output(case: &Case, dir: &Path) -> String {
    let c = dir.join(format!("p{:x}.c", case.seed));
    let exe = dir.join(format!("p{:x}", case.seed));
    std::fs::write(&c, &case.source).expect("a scratch file");
    let built = Command::new("gcc")
        .args(["-std=c11", "-O0", "-w", "-o"])
        .arg(&exe)
        .arg(&c)
        .output()
        .expect("gcc runs");
    assert!(
        built.status.success(),
        "gcc rejects it: {}\n{}",
        String::from_utf8_lossy(&built.stderr),
        case.describe()
    );
    let run = differential::run_with_input(&mut Command::new(&exe), &case.stdin());
    assert!(
        run.status.success(),
        "gcc's program ends {}\n{}",
        run.status,
        case.describe()
    );
    String::from_utf8(run.stdout).expect("the program prints text")
}

#[test]
fn random_programs_print_what_gcc_prints() {
    differential::require("gcc");
    let dir = std::env::temp_dir().join(format!("engine-differential-c-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    for seed in differential::seeds(0xc0_0000, 30) {
        let case = c_programs::case(seed);
        let want = gcc_output(&case, &dir);
        differential::check(Language::C, "p.c", &case, &want);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
