//! The engine's API as the CLI, the app and the server use it.

use engine::{Language, Motion, NoFiles, Num, RunEnd, Session, StopReason, compile, run};

fn compile_asm(source: &str) -> engine::Compilation {
    compile(Language::Asm, "prog.basm", source, &NoFiles)
}

#[test]
fn assembly_compiles_with_a_line_for_every_instruction() {
    let c = compile_asm("; comment\nstart: LOAD A, 2\n\n  MULT A, A\nHALT\n");
    assert!(c.is_ok(), "{:?}", c.diagnostics);
    let lines: Vec<_> = (0..3).map(|pc| c.source_map.line(pc)).collect();
    assert_eq!(lines, [Some(2), Some(4), Some(5)]);
    assert_eq!(c.source_map.first_on_line(4), Some(1));
    assert_eq!(c.source_map.first_on_line(3), None);
}

#[test]
fn languages_not_built_yet_say_so() {
    let c = compile(Language::Haskell, "p.hs", "main = print 1\n", &NoFiles);
    assert!(!c.is_ok());
    assert_eq!(c.diagnostics[0].code, "engine/language-unavailable");
    assert_eq!(c.diagnostics[0].message, "Haskell is not built yet");
}

const SUM_C: &str = "#include <stdio.h>
int main(void) {
    int a[3] = {1, 2, 3};
    int s = 0;
    for (int i = 0; i <= 3; i++)
        s += a[i];
    printf(\"%d\\n\", s);
    return 0;
}
";

#[test]
fn a_compiled_index_out_of_range_names_its_line_on_both_paths() {
    let c = compile(Language::C, "sum.c", SUM_C, &NoFiles);
    assert!(c.is_ok(), "{:?}", c.diagnostics);
    let on_machine = run(&c, Vec::new(), 0).expect("compiled");
    let in_ir = engine::interpret(&c, SUM_C, &[], 0).expect("compiled");
    for result in [on_machine, in_ir] {
        assert_eq!(result.output, "");
        match result.end {
            RunEnd::Faulted(e) => {
                assert_eq!(
                    (e.message.as_str(), e.line),
                    ("index out of range", Some(6))
                );
            }
            other => panic!("ended {other:?}"),
        }
    }
}

/// The lines a session passes through, stepping by source line from the start.
fn lines_stepped(c: &engine::Compilation) -> Vec<u32> {
    let mut session = Session::new(c, Vec::new(), true).expect("compiled");
    let mut lines = Vec::new();
    for _ in 0..10 {
        let outcome = session.resume(Motion::StepLine, 1_000);
        if let Some(line) = session.view().line {
            lines.push(line);
        }
        if outcome.reason != StopReason::Done {
            break;
        }
    }
    assert_eq!(session.view().output, "1 2\n");
    lines.dedup();
    lines
}

#[test]
fn stepping_a_compiled_program_by_line_visits_its_source_lines() {
    let source = "x = 1\ny = x + 1\nprint(x, y)\n";
    let plain = engine::compile_with(
        Language::Python,
        "p.py",
        source,
        &NoFiles,
        engine::CompileOptions { optimize: false },
    );
    assert!(plain.is_ok(), "{:?}", plain.diagnostics);
    assert!(
        plain
            .source_map
            .locs
            .iter()
            .flatten()
            .all(|l| l.ir.is_some())
    );
    assert_eq!(lines_stepped(&plain), [1, 2, 3]);
    // Optimised, the constants fold into the print: only its line is left to step.
    let folded = compile(Language::Python, "p.py", source, &NoFiles);
    assert_eq!(lines_stepped(&folded), [3]);
    assert!(
        folded.program.as_ref().unwrap().insns.len() < plain.program.as_ref().unwrap().insns.len()
    );
    let ir = engine::emit_ir(&plain, source).expect("has IR");
    assert!(ir.contains("; line 3"), "{ir}");
}

#[test]
fn a_run_reports_output_time_and_a_fault_with_its_line() {
    let c = compile_asm("WRPRN 1\nRDCRD A\nRDCRD B\nHALT\n");
    let result = run(&c, vec![Num::from(5)], 0).expect("compiled");
    assert_eq!(result.output, "1");
    assert_eq!(result.steps, 3);
    match result.end {
        RunEnd::Faulted(error) => {
            assert_eq!(
                (error.message.as_str(), error.pc, error.line),
                ("card reader empty", 2, Some(3))
            );
        }
        other => panic!("{other:?}"),
    }
    let forever = compile_asm("loop: JMP loop\n");
    assert_eq!(
        run(&forever, vec![], 500).expect("compiled").end,
        RunEnd::BudgetExhausted
    );
}

#[test]
fn a_fault_in_a_helper_without_source_is_blamed_on_the_calling_line() {
    let mut c = compile_asm("LOAD A, 1\nCALL helper\nHALT\nhelper: DIV A, 0\nRET\n");
    // Make the helper look like one a compiler added: no source of its own.
    c.source_map.locs[3] = None;
    c.source_map.locs[4] = None;
    let result = run(&c, vec![], 0).expect("compiled");
    match result.end {
        RunEnd::Faulted(error) => assert_eq!((error.pc, error.line), (3, Some(2))),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_session_steps_both_ways_and_highlights_what_changed() {
    let c =
        compile_asm(".data x 0\nLOAD A, 3\nloop: SUB A, 1\nSTOR A, [x]\nJNZ loop\nWRPRN A\nHALT\n");
    let mut session = Session::new(&c, vec![], true).expect("compiled");
    let start = session.view();
    session.resume(Motion::Step(1), 1);
    let one = session.view();
    assert_eq!(one.registers[0].value, Num::from(3));
    assert!(one.registers[0].changed && !one.registers[1].changed);
    assert_eq!((one.location, one.line, one.steps), (1, Some(3), 1));
    session.resume(Motion::Step(2), 2);
    assert_eq!(session.view().last_write, Some(0), "STOR wrote x");
    let end = session.resume(Motion::Continue, 1000);
    assert_eq!(end.reason, StopReason::Stopped);
    let finished = session.view();
    assert_eq!(finished.end, Some(RunEnd::Halted));
    assert_eq!(finished.output, "0");
    assert_eq!(finished.frontier, finished.steps);
    session.resume(Motion::StepBack(finished.steps - 1), 0);
    let mut back_at_one = session.view();
    assert_eq!(
        back_at_one.frontier, finished.steps,
        "the timeline still reaches the end"
    );
    back_at_one.frontier = one.frontier;
    assert_eq!(back_at_one, one, "back to step 1, highlights included");
    session.resume(Motion::StepBack(1), 0);
    let mut back_at_start = session.view();
    back_at_start.frontier = start.frontier;
    assert_eq!(back_at_start, start);
    session.resume(Motion::Seek(finished.steps), 0);
    assert_eq!(session.view(), finished);
    assert_eq!(session.store(0, 2)[0].name.as_deref(), Some("x"));
}

#[test]
fn results_and_views_serialize_for_the_app_and_the_server() {
    let c = compile_asm("LOAD A, 99999999999999999999999999999999999999999999999999\nHALT\n");
    let mut session = Session::new(&c, vec![], false).expect("compiled");
    session.resume(Motion::Continue, 10);
    let json = serde_json::to_string(&session.view()).expect("serializes");
    assert!(
        json.contains("\"99999999999999999999999999999999999999999999999999\""),
        "{json}"
    );
    let back: engine::MachineView = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, session.view());
    let compiled = serde_json::to_string(&c).expect("compilation serializes");
    assert!(compiled.contains("\"language\":\"asm\""));
}
