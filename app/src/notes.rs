//! What the status line says: numbers with their thousands grouped, the progress of a run,
//! and notes on why a run stopped and what a long run was doing.

use engine::{Activity, Place, StopReason};

/// A count with its thousands grouped: `12,345,678`.
pub(crate) fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() * 4 / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A speed in steps a second, rounded as a person would say it.
pub(crate) fn speed(per_second: f64) -> String {
    if per_second >= 1e6 {
        format!("{:.0} million steps a second", per_second / 1e6)
    } else {
        format!("{} steps a second", grouped(per_second.round() as u64))
    }
}

/// Why a run stopped, when it was not simply the end or a pause; `name` gives a column's
/// data name.
pub(crate) fn stop_note(
    reason: &StopReason,
    line_of: impl Fn(u32) -> Option<u32>,
    name: impl Fn(u32) -> Option<String>,
) -> Option<String> {
    match reason {
        StopReason::Breakpoint(pc) => Some(match line_of(*pc) {
            Some(line) => format!("Stopped at the breakpoint on line {line}"),
            None => format!("Stopped at the breakpoint on instruction {pc}"),
        }),
        StopReason::Watchpoint {
            place: Place::Column(c),
            old,
            new,
        } => Some(match name(*c) {
            Some(name) => format!("Stopped: column {c} ({name}) changed from {old} to {new}"),
            None => format!("Stopped: column {c} changed from {old} to {new}"),
        }),
        StopReason::Watchpoint {
            place: Place::Register(_),
            old,
            new,
        } => Some(format!(
            "Stopped: a watched register changed from {old} to {new}"
        )),
        _ => None,
    }
}

/// The note on a long run that was paused or stopped: how far it got and what its last
/// steps were doing. `verb` is `Paused` or `Stopped`.
pub(crate) fn long_run_note(verb: &str, steps: u64, activity: Option<&Activity>) -> String {
    let mut note = format!("{verb} after {} steps", grouped(steps));
    if let Some(a) = activity {
        let place = match a.lines {
            Some((first, last)) if first == last => format!("on line {first}"),
            Some((first, last)) => format!("within lines {first}–{last}"),
            None => format!("within {} instructions with no source line", a.instructions),
        };
        let label = a
            .label
            .as_ref()
            .map(|l| format!(" (`{l}`)"))
            .unwrap_or_default();
        if a.before {
            note.push_str(&format!(
                "; the last {} steps stayed {place}{label}",
                grouped(a.steps)
            ));
        } else {
            note.push_str(&format!(
                "; the next {} steps stay {place}{label}",
                grouped(a.steps)
            ));
        }
    }
    note
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        let got: Vec<String> = [0, 999, 1_000, 12_345_678, u64::MAX]
            .into_iter()
            .map(grouped)
            .collect();
        assert_eq!(
            got,
            [
                "0",
                "999",
                "1,000",
                "12,345,678",
                "18,446,744,073,709,551,615"
            ]
        );
        assert_eq!(speed(86_400_000.0), "86 million steps a second");
        assert_eq!(speed(1_234.4), "1,234 steps a second");
    }

    #[test]
    fn a_long_run_note_says_where_the_steps_went() {
        let activity = |lines, label: Option<&str>, before| Activity {
            steps: 1_000_000,
            before,
            lines,
            instructions: 2,
            label: label.map(String::from),
        };
        assert_eq!(
            long_run_note(
                "Paused",
                12_345_678,
                Some(&activity(Some((2, 3)), Some("loop"), true))
            ),
            "Paused after 12,345,678 steps; the last 1,000,000 steps stayed within lines 2–3 (`loop`)"
        );
        assert_eq!(
            long_run_note(
                "Stopped",
                2_000_000,
                Some(&activity(Some((4, 4)), None, false))
            ),
            "Stopped after 2,000,000 steps; the next 1,000,000 steps stay on line 4"
        );
        assert_eq!(
            long_run_note("Paused", 5, Some(&activity(None, None, true))),
            "Paused after 5 steps; the last 1,000,000 steps stayed within 2 instructions with no source line"
        );
        assert_eq!(long_run_note("Stopped", 7, None), "Stopped after 7 steps");
    }
}
