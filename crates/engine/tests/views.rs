//! What the web app draws beside the machine: the listing, Store look-ups, watchpoints and
//! the note on a long run.

use engine::{
    Activity, Language, ListingRow, Motion, NoFiles, Num, Place, Session, StopReason, Watchpoint,
    compile, listing,
};

fn compile_asm(source: &str) -> engine::Compilation {
    compile(Language::Asm, "prog.basm", source, &NoFiles)
}

fn row(pc: u32, labels: &[&str], text: &str, line: u32) -> ListingRow {
    ListingRow {
        pc,
        labels: labels.iter().map(|l| l.to_string()).collect(),
        text: text.to_string(),
        line: Some(line),
        ir: None,
    }
}

#[test]
fn the_listing_has_one_row_per_instruction_with_labels_text_and_line() {
    let c = compile_asm(
        ".data total 0\n; five down to one\n        LOAD A, 5\nloop:   ADD A, [total]\n  SUB A, 1\n\
         \n        JNZ loop\nfinished_here: STOR A, [total]\nHALT\n",
    );
    assert!(c.is_ok(), "{:?}", c.diagnostics);
    assert_eq!(
        listing(&c),
        [
            row(0, &[], "LOAD A, 5", 3),
            row(1, &["loop"], "ADD  A, [total]", 4),
            row(2, &[], "SUB  A, 1", 5),
            row(3, &[], "JNZ  loop", 7),
            row(4, &["finished_here"], "STOR A, [total]", 8),
            row(5, &[], "HALT", 9),
        ]
    );
    assert_eq!(listing(&compile_asm("LOAD A,\n")), []);
}

#[test]
fn columns_are_found_by_number_name_or_name_and_offset() {
    let c = compile_asm(".data total 0\n.data nums 4, 5, 6\nHALT\n");
    let session = Session::new(&c, vec![], false).expect("compiled");
    assert_eq!(session.store_len(), 10_000);
    assert_eq!(session.find_column(" 42 "), Ok(42));
    assert_eq!(session.find_column("total"), Ok(0));
    assert_eq!(session.find_column("nums + 2"), Ok(3));
    assert_eq!(
        session.find_column("10000"),
        Err("there is no column 10000: the Store has columns 0 to 9999".to_string())
    );
    assert_eq!(
        session.find_column("99999999999999999999999"),
        Err("there is no column 99999999999999999999999: the Store has columns 0 to 9999".into())
    );
    assert_eq!(
        session.find_column("totl"),
        Err("no data named `totl` (this program has `total`, `nums`)".to_string())
    );
    assert_eq!(
        session.find_column("nums+x"),
        Err("`x` is not a column offset".to_string())
    );
    assert_eq!(
        session.find_column(""),
        Err("type a column number or a data name".to_string())
    );
    let bare = Session::new(&compile_asm("HALT\n"), vec![], false).expect("compiled");
    assert_eq!(
        bare.find_column("x"),
        Err("no data named `x`: this program names no Store columns".to_string())
    );
}

#[test]
fn a_watched_column_stops_a_run_and_running_back_returns_to_it() {
    let c = compile_asm(
        ".data total 0\n        LOAD A, 0\nloop:   ADD A, 1\n        CMP A, 50\n        JLT loop\n\
         \x20       STOR A, [total]\n        LOAD A, 0\n        HALT\n",
    );
    let mut session = Session::new(&c, vec![], true).expect("compiled");
    session.add_watchpoint(Watchpoint {
        place: Place::Column(0),
    });
    let stop = session.resume(Motion::Continue, 1_000_000);
    assert_eq!(
        stop.reason,
        StopReason::Watchpoint {
            place: Place::Column(0),
            old: Num::ZERO,
            new: Num::from(50)
        }
    );
    let at_write = session.view();
    assert_eq!((at_write.steps, at_write.last_write), (152, Some(0)));
    assert_eq!(
        session.resume(Motion::Continue, 1_000_000).reason,
        StopReason::Stopped
    );
    assert_eq!(
        session.resume(Motion::ContinueBack, 1_000_000).reason,
        StopReason::Watchpoint {
            place: Place::Column(0),
            old: Num::ZERO,
            new: Num::from(50)
        }
    );
    assert_eq!(session.view().steps, 152);
    session.remove_watchpoint(Watchpoint {
        place: Place::Column(0),
    });
    assert_eq!(
        session.resume(Motion::ContinueBack, 1_000_000).reason,
        StopReason::Start
    );
}

#[test]
fn the_activity_of_a_loop_names_its_lines_and_label_and_leaves_the_session_alone() {
    let source = "        LOAD A, 0\nspin:   ADD A, 1\n        JMP spin\n";
    let c = compile_asm(source);
    for record in [true, false] {
        let mut session = Session::new(&c, vec![], record).expect("compiled");
        session.resume(Motion::Continue, 5_000);
        let before = session.view();
        assert_eq!(
            session.activity(1_000),
            Some(Activity {
                steps: 1_000,
                before: record,
                lines: Some((2, 3)),
                instructions: 2,
                label: Some("spin".to_string()),
            })
        );
        assert_eq!(session.view(), before, "looking changes nothing");
        session.resume(Motion::Step(1), 1);
        assert_eq!((session.view().steps, session.steps()), (5_001, 5_001));
    }
    // The whole run from the start, when it is shorter than the window.
    let mut session = Session::new(&c, vec![], true).expect("compiled");
    session.resume(Motion::Step(3), 3);
    let activity = session.activity(1_000).expect("three steps");
    assert_eq!((activity.steps, activity.lines), (3, Some((1, 3))));
    assert_eq!(
        activity.label, None,
        "no label before the first instruction"
    );
    let mut fresh = Session::new(&c, vec![], true).expect("compiled");
    assert_eq!(fresh.activity(1_000).map(|a| a.before), Some(false));
}

#[test]
fn a_register_remembers_its_value_before_the_last_step() {
    let c = compile_asm("LOAD A, 7\nADD A, 5\nHALT\n");
    let mut session = Session::new(&c, vec![], true).expect("compiled");
    session.resume(Motion::Step(2), 2);
    let a = &session.view().registers[0];
    assert_eq!(
        (a.previous, a.value, a.changed),
        (Num::from(7), Num::from(12), true)
    );
    let b = &session.view().registers[1];
    assert_eq!((b.previous, b.changed), (Num::ZERO, false));
}
