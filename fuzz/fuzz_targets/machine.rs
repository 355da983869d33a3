//! Any program runs to a halt, a fault or its step budget without panicking; and reverse
//! execution reproduces exactly the state that running forwards reached.
#![no_main]

use engine::{Language, Motion, NoFiles, Num, Session};
use libfuzzer_sys::fuzz_target;

const BUDGET: u64 = 20_000;

fuzz_target!(|data: &[u8]| {
    // The first bytes choose number cards and a point to step back to; the rest is source.
    let (head, body) = data.split_at(data.len().min(4));
    let cards: Vec<Num> = head.iter().map(|&b| Num::from(i32::from(b) - 100)).collect();
    let source = String::from_utf8_lossy(body);
    let compilation = engine::compile(Language::Asm, "fuzz.basm", &source, &NoFiles);
    let Some(result) = engine::run(&compilation, cards.clone(), BUDGET) else {
        return;
    };
    let mut session = Session::new(&compilation, cards, true).expect("it compiled");
    session.resume(Motion::Step(BUDGET), BUDGET);
    let end = session.view();
    assert_eq!(end.output, result.output);
    assert_eq!(end.steps, result.steps);
    // Back to an earlier step, then forwards again: the same state as before.
    let back = u64::from(head.first().copied().unwrap_or(1)) % (end.steps + 1);
    session.resume(Motion::Seek(back), BUDGET);
    assert_eq!(session.view().steps, back);
    session.resume(Motion::Seek(end.steps), BUDGET);
    assert_eq!(session.view(), end);
});
