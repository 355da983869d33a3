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
