//! The figure wheels of a register: the Engine holds a number as a column of 50 wheels,
//! one per decimal digit, and a sign wheel. This works out which wheels to draw and which
//! of them moved in the last step; `mill.rs` draws them.

use engine::Num;

/// The wheels of one column: the Engine's 50 digits.
pub const WHEELS: usize = 50;

/// One digit wheel to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wheel {
    /// The figure it shows.
    pub digit: u8,
    /// Whether the last step turned it.
    pub moved: bool,
}

/// A column as drawn: the sign wheel, how many leading zero wheels are folded away, and
/// the wheels shown, the most significant first (the units wheel last).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// Whether the sign wheel shows minus.
    pub negative: bool,
    /// Whether the last step turned the sign wheel.
    pub sign_moved: bool,
    /// Leading zero wheels not drawn one by one.
    pub folded: usize,
    /// The wheels drawn.
    pub wheels: Vec<Wheel>,
}

/// A value's sign and its 50 digits, the most significant first.
pub fn figures(value: &Num) -> (bool, [u8; WHEELS]) {
    let text = value.to_string();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let mut out = [0u8; WHEELS];
    for (slot, b) in out.iter_mut().rev().zip(digits.bytes().rev()) {
        *slot = b - b'0';
    }
    (negative, out)
}

/// The column for `value`, marking what changed since `previous`. Unless `all`, leading
/// zero wheels are folded away, keeping every wheel that holds a figure now or held one
/// before the step (so a wheel that just went to zero still shows), and at least the units.
pub fn column(value: &Num, previous: &Num, all: bool) -> Column {
    let (negative, digits) = figures(value);
    let (was_negative, before) = figures(previous);
    let significant =
        |d: &[u8; WHEELS]| WHEELS - d.iter().position(|&x| x != 0).unwrap_or(WHEELS - 1);
    let shown = if all {
        WHEELS
    } else {
        significant(&digits).max(significant(&before))
    };
    let folded = WHEELS - shown;
    Column {
        negative,
        sign_moved: negative != was_negative,
        folded,
        wheels: (folded..WHEELS)
            .map(|i| Wheel {
                digit: digits[i],
                moved: digits[i] != before[i],
            })
            .collect(),
    }
}
