//! The arithmetic of the IR's operations, shared by the interpreter and constant folding
//! so that the two can never disagree.

use isa::Num;

use crate::module::{BinOp, UnOp};

/// Why an operation could not give a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ArithFault {
    /// The result is beyond 50 digits.
    Overflow,
    /// Division or remainder by zero.
    DivisionByZero,
}

impl ArithFault {
    /// The fault's message, as the machine reports it.
    pub(crate) fn message(self) -> &'static str {
        match self {
            ArithFault::Overflow => "overflow",
            ArithFault::DivisionByZero => "division by zero",
        }
    }
}

fn bool_num(b: bool) -> Num {
    if b { Num::ONE } else { Num::ZERO }
}

/// `op arg`; never faults, since the range is symmetric.
pub(crate) fn unary(op: UnOp, arg: Num) -> Num {
    match op {
        UnOp::Neg => -arg,
        UnOp::Not => bool_num(arg.is_zero()),
        UnOp::Abs => arg.abs(),
    }
}

/// `lhs op rhs`.
pub(crate) fn binary(op: BinOp, lhs: Num, rhs: Num) -> Result<Num, ArithFault> {
    let nonzero = |r: Num| {
        if r.is_zero() {
            Err(ArithFault::DivisionByZero)
        } else {
            Ok(r)
        }
    };
    let overflow = |r: Option<Num>| r.ok_or(ArithFault::Overflow);
    Ok(match op {
        BinOp::Add => overflow(lhs.checked_add(rhs))?,
        BinOp::Sub => overflow(lhs.checked_sub(rhs))?,
        BinOp::Mul => overflow(lhs.checked_mul(rhs))?,
        BinOp::Div => overflow(lhs.checked_div(nonzero(rhs)?))?,
        BinOp::Rem => overflow(lhs.checked_rem(nonzero(rhs)?))?,
        BinOp::FloorDiv => {
            let q = overflow(lhs.checked_div(nonzero(rhs)?))?;
            let r = overflow(lhs.checked_rem(rhs))?;
            // Truncation rounded toward zero; a remainder whose sign differs from the
            // divisor's means the true quotient lies one below.
            if !r.is_zero() && r.is_negative() != rhs.is_negative() {
                overflow(q.checked_sub(Num::ONE))?
            } else {
                q
            }
        }
        BinOp::FloorMod => {
            let r = overflow(lhs.checked_rem(nonzero(rhs)?))?;
            if !r.is_zero() && r.is_negative() != rhs.is_negative() {
                overflow(r.checked_add(rhs))?
            } else {
                r
            }
        }
        BinOp::Eq => bool_num(lhs == rhs),
        BinOp::Ne => bool_num(lhs != rhs),
        BinOp::Lt => bool_num(lhs < rhs),
        BinOp::Le => bool_num(lhs <= rhs),
        BinOp::Gt => bool_num(lhs > rhs),
        BinOp::Ge => bool_num(lhs >= rhs),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(op: BinOp, x: i64, y: i64) -> Result<i64, ArithFault> {
        binary(op, x.into(), y.into()).map(|n| n.to_i64().expect("small"))
    }

    #[test]
    fn floor_division_and_modulo_round_toward_minus_infinity() {
        // The four sign combinations, as Python computes them.
        let cases = [
            (7, 2, 3, 1),
            (-7, 2, -4, 1),
            (7, -2, -4, -1),
            (-7, -2, 3, -1),
        ];
        for (x, y, q, r) in cases {
            assert_eq!(b(BinOp::FloorDiv, x, y), Ok(q), "{x} // {y}");
            assert_eq!(b(BinOp::FloorMod, x, y), Ok(r), "{x} % {y}");
        }
        assert_eq!(b(BinOp::FloorDiv, -6, 3), Ok(-2));
        assert_eq!(b(BinOp::FloorMod, -6, 3), Ok(0));
        assert_eq!(b(BinOp::Div, -7, 2), Ok(-3));
        assert_eq!(b(BinOp::Rem, -7, 2), Ok(-1));
    }

    #[test]
    fn faults_are_named() {
        for op in [BinOp::Div, BinOp::Rem, BinOp::FloorDiv, BinOp::FloorMod] {
            assert_eq!(b(op, 1, 0), Err(ArithFault::DivisionByZero));
        }
        assert_eq!(
            binary(BinOp::Add, Num::MAX, Num::ONE),
            Err(ArithFault::Overflow)
        );
        assert_eq!(
            binary(BinOp::Mul, Num::MAX, Num::from(2)),
            Err(ArithFault::Overflow)
        );
        assert_eq!(
            binary(BinOp::Sub, Num::MIN, Num::ONE).map_err(|e| e.message()),
            Err("overflow")
        );
        assert_eq!(unary(UnOp::Neg, Num::MIN), Num::MAX);
        assert_eq!(b(BinOp::Lt, 1, 2), Ok(1));
        assert_eq!(b(BinOp::Ge, 1, 2), Ok(0));
        assert_eq!(unary(UnOp::Not, Num::ZERO), Num::ONE);
    }
}
