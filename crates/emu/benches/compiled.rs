//! Emulator speed on code as the C compiler emits it: `cargo bench -p emu --bench compiled`.
//!
//! The loop below is the compiler's output for a C loop that indexes a global array through
//! a register (`LOAD A, [A]`, `STOR D, [A]`), keeps variables in stack slots (`[SP+k]` as
//! the source of `LOAD`, `ADD`, `SUB`, `CMP` and the target of `STOR`), calls a function
//! with two arguments (`PUSH`, `CALL`, `POP`, `RET`) and uses `MULT`, `REM` and compares
//! with jumps. Prints millions of instructions per second, best of five runs, with the
//! Store's journal off and on (on, it starts an epoch every 65,536 steps, as the debugger's
//! recording does); then the same for the counting loop of `speed`.
#![allow(
    clippy::print_stdout,
    reason = "a benchmark reports on standard output"
)]
#![allow(clippy::disallowed_methods, reason = "a benchmark reads the clock")]

use std::sync::Arc;
use std::time::Instant;

use emu::{Machine, Stop};
use isa::Program;

/// From `babbage build --emit asm` of:
///
/// ```c
/// int a[64];
/// int f(int x, int y) { return x * 3 + y % 5; }
/// int main() {
///     int s = 0; int t = 1; int u = 2;
///     for (int i = 0; i < 64; i++) a[i] = i;
///     for (int j = 0; j < ITERATIONS; j++) {
///         int i = j % 64;
///         s = s + a[i];
///         t = t + f(i, s);
///         u = u + s - t;
///         if (s > 1000000) s = s - 1000000;
///         if (t > 1000000) t = t - 1000000;
///         if (u > 1000000) u = u - 1000000;
///         if (u < -1000000) u = u + 1000000;
///     }
///     printf("%d %d %d\n", s, t, u);
/// }
/// ```
const COMPILED: &str = "
.store 100000
.stack 30000
.entry start
.zero a_ 64
start:  STOR 64, [69998]
        STOR 69998, [69999]
        CALL main
        HALT
f:      PUSH 0
        LOAD B, [SP+2]
        LOAD C, [SP+3]
f.0:    MULT B, 3
        REM  C, 5
        ADD  B, C
        LOAD A, B
f.ret:  POP  B
        RET
main:   PUSH 0
        PUSH 0
        PUSH 0
main.0: LOAD B, 0
        STOR 1, [SP]
        LOAD C, 2
        LOAD D, 0
main.1: CMP  D, 64
        JGE  main.4
main.2: CMP  D, 0
        JLT  trap
        CMP  D, 64
        JGE  trap
        STOR 0, [SP+1]
        LOAD A, [SP+1]
        ADD  A, D
        STOR A, [SP+1]
        LOAD A, [SP+1]
        STOR D, [A]
main.3: ADD  D, 1
        JMP  main.1
main.4: STOR 0, [SP+1]
main.5: LOAD A, [SP+1]
        CMP  A, ITERATIONS
        JGE  main.8
main.6: LOAD D, [SP+1]
        REM  D, 64
        JLT  trap
        CMP  D, 64
        JGE  trap
        STOR 0, [SP+2]
        LOAD A, [SP+2]
        ADD  A, D
        STOR A, [SP+2]
        LOAD A, [SP+2]
        LOAD A, [A]
        STOR A, [SP+2]
        ADD  B, [SP+2]
        PUSH B
        PUSH C
        PUSH B
        PUSH D
        CALL f
        POP  D
        POP  D
        LOAD D, A
        POP  C
        POP  B
        ADD  D, [SP]
        STOR D, [SP]
        ADD  C, B
        SUB  C, [SP]
        CMP  B, 1000000
        JGT  main.9
        JMP  main.10
main.7: LOAD A, [SP+1]
        ADD  A, 1
        STOR A, [SP+1]
        JMP  main.5
main.8: WRPRN B
        WRCHR 32
        WRPRN [SP]
        WRCHR 32
        WRPRN C
        WRCHR 10
        LOAD A, 0
        JMP  main.ret
main.9: SUB  B, 1000000
main.10:
        LOAD A, [SP]
        CMP  A, 1000000
        JLE  main.12
main.11:
        LOAD D, [SP]
        SUB  D, 1000000
        STOR D, [SP]
main.12:
        CMP  C, 1000000
        JLE  main.14
main.13:
        SUB  C, 1000000
main.14:
        LOAD D, 1000000
        NEG  D
        CMP  C, D
        JGE  main.7
main.15:
        ADD  C, 1000000
        JMP  main.7
main.ret:
        POP  B
        POP  B
        POP  B
        RET
trap:   DIV  A, 0
";

/// `LOAD A, 0; loop: ADD A, 1; CMP A, limit; JLT loop; HALT`
const COUNTING: &str = "
        LOAD A, 0
loop:   ADD  A, 1
        CMP  A, ITERATIONS
        JLT  loop
        HALT
";

/// Steps between the epochs of the Store's journal, as the debugger's recording opens
/// checkpoints.
const STRIDE: u64 = 65_536;

fn program(source: &str, iterations: u64) -> Arc<Program> {
    let source = source.replace("ITERATIONS", &iterations.to_string());
    let assembly = asm::assemble(&source);
    Arc::new(assembly.program.expect("the benchmark assembles"))
}

/// Millions of instructions per second, best of five.
fn measure(program: &Arc<Program>, journal: bool) -> (f64, u64) {
    let mut best = 0.0f64;
    let mut steps = 0;
    for _ in 0..5 {
        let mut machine = Machine::new(Arc::clone(program), Arc::from([])).expect("valid");
        machine.store_mut().set_journaling(journal);
        let start = Instant::now();
        let stop = if journal {
            loop {
                let stop = machine.run(STRIDE, None);
                machine.store_mut().end_epoch();
                if stop != Stop::Budget {
                    break stop;
                }
            }
        } else {
            machine.run(u64::MAX, None)
        };
        let seconds = start.elapsed().as_secs_f64();
        assert_eq!(stop, Stop::Halted, "{}", machine.output());
        steps = machine.steps();
        best = best.max(steps as f64 / seconds / 1e6);
    }
    (best, steps)
}

fn main() {
    for (name, program) in [
        ("compiled C loop", program(COMPILED, 500_000)),
        ("counting loop", program(COUNTING, 13_000_000)),
    ] {
        let (off, steps) = measure(&program, false);
        let (on, _) = measure(&program, true);
        println!(
            "{name} ({steps} steps): journal off {off:.0}, on {on:.0} million instructions \
             per second (best of 5; on/off {:.0} %)",
            on / off * 100.0
        );
    }
}
