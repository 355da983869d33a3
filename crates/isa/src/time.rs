//! Engine time: how long a run would take on Babbage's brass, and the per-instruction table.

use std::fmt;
use std::ops::AddAssign;

use serde::{Deserialize, Serialize};

use crate::{ArithOp, Insn, Num};

/// Mechanical time, counted in hundredths of a second (the card engine's unit; the register
/// machine's table is in tenths, so its figures are multiplied by ten).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct EngineTime(pub u64);

impl EngineTime {
    /// A time given in tenths of a second.
    pub const fn from_tenths(t: u64) -> EngineTime {
        EngineTime(t.saturating_mul(10))
    }

    /// The time in hundredths of a second.
    pub const fn hundredths(self) -> u64 {
        self.0
    }
}

impl AddAssign for EngineTime {
    fn add_assign(&mut self, rhs: EngineTime) {
        self.0 = self.0.saturating_add(rhs.0);
    }
}

impl fmt::Display for EngineTime {
    /// Days, hours, minutes and seconds, leaving out leading zero units and showing a
    /// fraction only on the seconds: `0 s`, `7.5 s`, `3 min 20 s`, `1 d 0 h 0 min 3 s`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total_seconds = self.0 / 100;
        let fraction = self.0 % 100;
        let days = total_seconds / 86_400;
        let hours = total_seconds / 3_600 % 24;
        let minutes = total_seconds / 60 % 60;
        let seconds = total_seconds % 60;
        let mut started = false;
        for (value, unit) in [(days, "d"), (hours, "h"), (minutes, "min")] {
            if started || value > 0 {
                write!(f, "{value} {unit} ")?;
                started = true;
            }
        }
        match fraction {
            0 => write!(f, "{seconds} s"),
            _ if fraction.is_multiple_of(10) => write!(f, "{seconds}.{} s", fraction / 10),
            _ => write!(f, "{seconds}.{fraction:02} s"),
        }
    }
}

/// The time an instruction takes, in tenths of a second, when it does not depend on the
/// values involved (`ISA.md` §6); `None` for `MULT`, `DIV`, `REM` and `SQRT`.
#[inline]
pub fn fixed_tenths(insn: &Insn) -> Option<u64> {
    Some(match insn {
        Insn::Nop | Insn::Halt | Insn::Bell => 0,
        Insn::Load(..) | Insn::Stor(..) | Insn::Push(_) | Insn::Pop(_) => 10,
        Insn::Arith(ArithOp::Add | ArithOp::Sub, ..) | Insn::Cmp(..) => 10,
        Insn::Unary(crate::UnaryOp::Neg | crate::UnaryOp::Abs, _) => 10,
        Insn::Shift(_, _, k) => u64::from(*k),
        Insn::Jump(..) | Insn::Call(_) | Insn::Ret => 5,
        Insn::Rdcrd(_) | Insn::Wrchr(_) => 5,
        Insn::Wrprn(_) => 20,
        Insn::Arith(ArithOp::Mult | ArithOp::Div | ArithOp::Rem, ..)
        | Insn::Unary(crate::UnaryOp::Sqrt, _) => return None,
    })
}

/// `MULT`: 100 + 10 × the digits of the operand with fewer digits.
#[inline]
pub fn mult_tenths(a: Num, b: Num) -> u64 {
    100 + 10 * u64::from(a.digits().min(b.digits()))
}

/// `DIV`, `REM`: 100 + 10 × the digits of the quotient.
#[inline]
pub fn div_tenths(quotient: Num) -> u64 {
    100 + 10 * u64::from(quotient.digits())
}

/// `SQRT`: 100 + 100 × the digits of the result.
#[inline]
pub fn sqrt_tenths(root: Num) -> u64 {
    100 + 100 * u64::from(root.digits())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_as_the_brief_shows() {
        let t = |tenths| EngineTime::from_tenths(tenths).to_string();
        assert_eq!(t(0), "0 s");
        assert_eq!(t(75), "7.5 s");
        assert_eq!(t(2000), "3 min 20 s");
        assert_eq!(t((2 * 3600 + 14 * 60) * 10 + 55), "2 h 14 min 5.5 s");
        assert_eq!(t(86_400 * 10 + 30), "1 d 0 h 0 min 3 s");
        assert_eq!(EngineTime(550).to_string(), "5.5 s");
        assert_eq!(EngineTime(525).to_string(), "5.25 s");
    }
}
