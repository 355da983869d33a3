//! `Num`: the machine's exact 50-digit signed decimal integer.
//!
//! Every value on the machine lies in −(10^50 − 1) … +(10^50 − 1) < 2^167. The
//! representation is a 192-bit two's-complement integer in three machine words (`Copy`, 24
//! bytes, so a Store of a million columns is 24 MB). Operations take fast paths in 64- or
//! 128-bit machine arithmetic whenever both operands fit in 64 bits, the common case in
//! student programs, and fall back to exact 256-bit arithmetic otherwise. Results outside
//! the range are reported, never wrapped.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use ethnum::{I256, U256};

/// How many decimal digits a column holds.
pub const DIGITS: u32 = 50;

/// Powers of ten 10^0 … 10^50, precomputed so that shifts and digit counts need no loop of
/// multiplications.
const POW10: [I256; 51] = [
    I256::from_words(0, 1),
    I256::from_words(0, 10),
    I256::from_words(0, 100),
    I256::from_words(0, 1000),
    I256::from_words(0, 10000),
    I256::from_words(0, 100000),
    I256::from_words(0, 1000000),
    I256::from_words(0, 10000000),
    I256::from_words(0, 100000000),
    I256::from_words(0, 1000000000),
    I256::from_words(0, 10000000000),
    I256::from_words(0, 100000000000),
    I256::from_words(0, 1000000000000),
    I256::from_words(0, 10000000000000),
    I256::from_words(0, 100000000000000),
    I256::from_words(0, 1000000000000000),
    I256::from_words(0, 10000000000000000),
    I256::from_words(0, 100000000000000000),
    I256::from_words(0, 1000000000000000000),
    I256::from_words(0, 10000000000000000000),
    I256::from_words(0, 100000000000000000000),
    I256::from_words(0, 1000000000000000000000),
    I256::from_words(0, 10000000000000000000000),
    I256::from_words(0, 100000000000000000000000),
    I256::from_words(0, 1000000000000000000000000),
    I256::from_words(0, 10000000000000000000000000),
    I256::from_words(0, 100000000000000000000000000),
    I256::from_words(0, 1000000000000000000000000000),
    I256::from_words(0, 10000000000000000000000000000),
    I256::from_words(0, 100000000000000000000000000000),
    I256::from_words(0, 1000000000000000000000000000000),
    I256::from_words(0, 10000000000000000000000000000000),
    I256::from_words(0, 100000000000000000000000000000000),
    I256::from_words(0, 1000000000000000000000000000000000),
    I256::from_words(0, 10000000000000000000000000000000000),
    I256::from_words(0, 100000000000000000000000000000000000),
    I256::from_words(0, 1000000000000000000000000000000000000),
    I256::from_words(0, 10000000000000000000000000000000000000),
    I256::from_words(0, 100000000000000000000000000000000000000),
    I256::from_words(2, -20847100762815390390123822295304634368),
    I256::from_words(29, 131811359292784559562136384478721867776),
    I256::from_words(293, -43015874755908258232134584939854168064),
    I256::from_words(2938, -89876380638144118857971241966773469184),
    I256::from_words(29387, 122083294381374201810411402627569942528),
    I256::from_words(293873, -140296523870011835749384403451373420544),
    I256::from_words(2938735, -41835771016364503640345604786661359616),
    I256::from_words(29387358, -78075343242706572940081440434845384704),
    I256::from_words(293873587, -100188698585188802474065189484917424128),
    I256::from_words(2938735877, 18960114910927365649471927446130393088),
    I256::from_words(29387358770, -150681217811664806968655332970464280576),
    I256::from_words(293873587705, -145682710432894215833054899977569959936),
];

/// The largest magnitude a column holds, 10^50 − 1.
const LIMIT: I256 = I256::from_words(293873587705, -145682710432894215833054899977569959937);

/// A signed decimal integer of at most 50 digits.
///
/// The invariant `|value| ≤ 10^50 − 1` holds for every `Num` that exists: all
/// constructors and operations check it. There is no negative zero.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Num {
    /// Little-endian words of the two's-complement value; the representation of a value is
    /// unique, so equality and hashing compare words.
    w: [u64; 3],
}

/// Builds a `Num` from a 256-bit value known to be in range.
#[allow(
    non_snake_case,
    reason = "reads like the tuple constructor it replaces"
)]
#[inline]
const fn Num(v: I256) -> Num {
    let (hi, lo) = v.into_words();
    Num {
        w: [lo as u64, (lo >> 64) as u64, hi as u64],
    }
}

/// Why a string is not a number the machine can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseNumError {
    /// No digits at all.
    Empty,
    /// A character that is not a digit, or a sign in the wrong place.
    InvalidDigit,
    /// An underscore that does not stand between two digits.
    MisplacedUnderscore,
    /// More than 50 significant digits.
    TooLarge,
}

impl fmt::Display for ParseNumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParseNumError::Empty => "no digits",
            ParseNumError::InvalidDigit => "not a decimal integer",
            ParseNumError::MisplacedUnderscore => "`_` may only stand between two digits",
            ParseNumError::TooLarge => "more than 50 digits",
        })
    }
}

impl std::error::Error for ParseNumError {}

impl Num {
    /// The value as a 256-bit integer, for the slow paths.
    #[inline]
    const fn wide(self) -> I256 {
        let lo = ((self.w[1] as u128) << 64 | self.w[0] as u128) as i128;
        I256::from_words(self.w[2] as i64 as i128, lo)
    }

    /// Zero.
    pub const ZERO: Num = Num(I256::ZERO);
    /// One.
    pub const ONE: Num = Num(I256::ONE);
    /// The largest value, 10^50 − 1.
    pub const MAX: Num = Num(LIMIT);
    /// The smallest value, −(10^50 − 1).
    pub const MIN: Num = Num(I256::from_words(
        -293873587706,
        145682710432894215833054899977569959937,
    ));

    #[inline]
    const fn from_i128(v: i128) -> Num {
        Num {
            w: [v as u64, (v >> 64) as u64, (v >> 127) as u64],
        }
    }

    /// Wraps a 256-bit value if it lies in range.
    #[inline]
    fn checked(v: I256) -> Option<Num> {
        if v <= LIMIT && v >= -LIMIT {
            Some(Num(v))
        } else {
            None
        }
    }

    /// The value as an `i64`, if it fits.
    #[inline]
    pub fn to_i64(self) -> Option<i64> {
        let small = self.w[0] as i64;
        let sign = (small >> 63) as u64;
        if self.w[1] == sign && self.w[2] == sign {
            Some(small)
        } else {
            None
        }
    }

    /// The value as an `i128`, if it fits.
    #[inline]
    pub fn to_i128(self) -> Option<i128> {
        let lo = ((self.w[1] as u128) << 64 | self.w[0] as u128) as i128;
        if self.w[2] == (lo >> 127) as u64 {
            Some(lo)
        } else {
            None
        }
    }

    /// The value as an index below `limit` (a Store address, an instruction index).
    #[inline]
    pub fn to_index(self, limit: u32) -> Option<u32> {
        match self.to_i64() {
            Some(v) if v >= 0 && v < i64::from(limit) => Some(v as u32),
            _ => None,
        }
    }

    /// The value as a Unicode scalar value, if it is one.
    pub fn to_char(self) -> Option<char> {
        self.to_i64()
            .and_then(|v| u32::try_from(v).ok())
            .and_then(char::from_u32)
    }

    /// Whether the value is zero.
    #[inline]
    pub fn is_zero(self) -> bool {
        self.w == [0; 3]
    }

    /// Whether the value is below zero.
    #[inline]
    pub fn is_negative(self) -> bool {
        (self.w[2] as i64) < 0
    }

    /// `self + rhs`, or `None` past 50 digits.
    #[inline]
    pub fn checked_add(self, rhs: Num) -> Option<Num> {
        if let (Some(a), Some(b)) = (self.to_i64(), rhs.to_i64()) {
            // Two 64-bit values never sum past 50 digits.
            return Some(Num::from(i128::from(a) + i128::from(b)));
        }
        // Both magnitudes are below 2^167, so the 256-bit sum cannot wrap.
        Num::checked(self.wide() + rhs.wide())
    }

    /// `self − rhs`, or `None` past 50 digits.
    #[inline]
    pub fn checked_sub(self, rhs: Num) -> Option<Num> {
        if let (Some(a), Some(b)) = (self.to_i64(), rhs.to_i64()) {
            return Some(Num::from(i128::from(a) - i128::from(b)));
        }
        Num::checked(self.wide() - rhs.wide())
    }

    /// `self × rhs`, or `None` past 50 digits.
    #[inline]
    pub fn checked_mul(self, rhs: Num) -> Option<Num> {
        if let (Some(a), Some(b)) = (self.to_i64(), rhs.to_i64()) {
            // |a × b| < 2^126 < 10^50.
            return Some(Num::from(i128::from(a) * i128::from(b)));
        }
        self.wide().checked_mul(rhs.wide()).and_then(Num::checked)
    }

    /// `self ÷ rhs` truncated toward zero, or `None` when `rhs` is zero.
    #[inline]
    pub fn checked_div(self, rhs: Num) -> Option<Num> {
        if rhs.is_zero() {
            return None;
        }
        if let (Some(a), Some(b)) = (self.to_i64(), rhs.to_i64()) {
            return Some(Num::from(i128::from(a) / i128::from(b)));
        }
        // The quotient's magnitude never exceeds the dividend's.
        Some(Num(self.wide() / rhs.wide()))
    }

    /// The remainder of truncated division (the sign of the dividend, as C's `%`), or
    /// `None` when `rhs` is zero.
    #[inline]
    pub fn checked_rem(self, rhs: Num) -> Option<Num> {
        if rhs.is_zero() {
            return None;
        }
        if let (Some(a), Some(b)) = (self.to_i64(), rhs.to_i64()) {
            return Some(Num::from(i128::from(a) % i128::from(b)));
        }
        Some(Num(self.wide() % rhs.wide()))
    }

    /// The absolute value; always in range.
    #[inline]
    pub fn abs(self) -> Num {
        Num(self.wide().abs())
    }

    /// ⌊√self⌋, or `None` for a negative value.
    pub fn isqrt(self) -> Option<Num> {
        if self.is_negative() {
            return None;
        }
        if let Some(v) = self.to_i128() {
            return Some(Num::from((v as u128).isqrt() as i128));
        }
        // Newton's method from above: x₀ = 2^⌈bits/2⌉ ≥ √n, then x ← (x + n/x)/2 while it falls.
        let n: U256 = self.wide().as_u256();
        let bits = 256 - n.leading_zeros();
        let mut x = U256::ONE << bits.div_ceil(2);
        loop {
            let y = (x + n / x) >> 1;
            if y >= x {
                return Some(Num(x.as_i256()));
            }
            x = y;
        }
    }

    /// `self × 10^k` (Babbage's stepping up), or `None` past 50 digits or for k > 50.
    pub fn shift_left(self, k: u32) -> Option<Num> {
        let p = *POW10.get(k as usize)?;
        if let (Some(a), true) = (self.to_i64(), k <= 18) {
            return Some(Num::from(i128::from(a) * p.as_i128()));
        }
        self.wide().checked_mul(p).and_then(Num::checked)
    }

    /// `self ÷ 10^k` truncated toward zero (Babbage's stepping down); `None` for k > 50.
    pub fn shift_right(self, k: u32) -> Option<Num> {
        let p = *POW10.get(k as usize)?;
        if let Some(a) = self.to_i64() {
            return Some(if k <= 18 {
                Num::from(a / p.as_i64())
            } else {
                Num::ZERO
            });
        }
        Some(Num(self.wide() / p))
    }

    /// The number of decimal digits of the magnitude; zero has one digit.
    pub fn digits(self) -> u32 {
        if let Some(v) = self.to_i64() {
            return v.unsigned_abs().checked_ilog10().unwrap_or(0) + 1;
        }
        let m = self.wide().abs();
        // POW10 is sorted, so the digit count is the number of powers not above |v|.
        POW10.partition_point(|p| *p <= m) as u32
    }

    /// 10^k as a number, for k in 0 … 49; `None` otherwise.
    pub fn pow10(k: u32) -> Option<Num> {
        if k < DIGITS {
            Some(Num(POW10[k as usize]))
        } else {
            None
        }
    }
}

impl From<i64> for Num {
    #[inline]
    fn from(v: i64) -> Num {
        let sign = (v >> 63) as u64;
        Num {
            w: [v as u64, sign, sign],
        }
    }
}

impl From<i32> for Num {
    #[inline]
    fn from(v: i32) -> Num {
        Num::from_i128(i128::from(v))
    }
}

impl From<u32> for Num {
    #[inline]
    fn from(v: u32) -> Num {
        Num::from_i128(i128::from(v))
    }
}

impl From<i128> for Num {
    /// Every `i128` is below 10^39 in magnitude, so it always fits.
    #[inline]
    fn from(v: i128) -> Num {
        Num::from_i128(v)
    }
}

impl From<char> for Num {
    fn from(c: char) -> Num {
        Num::from(u32::from(c))
    }
}

impl std::ops::Neg for Num {
    type Output = Num;

    /// The negation; always in range, and zero stays +0.
    #[inline]
    fn neg(self) -> Num {
        Num(-self.wide())
    }
}

impl PartialOrd for Num {
    fn partial_cmp(&self, other: &Num) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Num {
    #[inline]
    fn cmp(&self, other: &Num) -> Ordering {
        (self.w[2] as i64, self.w[1], self.w[0]).cmp(&(other.w[2] as i64, other.w[1], other.w[0]))
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_i64() {
            Some(v) => fmt::Display::fmt(&v, f),
            None => fmt::Display::fmt(&self.wide(), f),
        }
    }
}

impl fmt::Debug for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for Num {
    type Err = ParseNumError;

    /// Parses an optional sign, then decimal digits with `_` allowed between two digits.
    /// Leading zeros are allowed; at most 50 significant digits.
    fn from_str(s: &str) -> Result<Num, ParseNumError> {
        let (negative, body) = match s.as_bytes().first() {
            Some(b'-') => (true, &s[1..]),
            Some(b'+') => (false, &s[1..]),
            _ => (false, s),
        };
        if body.is_empty() {
            return Err(ParseNumError::Empty);
        }
        let bytes = body.as_bytes();
        let mut value = I256::ZERO;
        let mut significant = 0u32;
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'0'..=b'9' => {
                    if significant > 0 || b != b'0' {
                        significant += 1;
                        if significant > DIGITS {
                            return Err(ParseNumError::TooLarge);
                        }
                    }
                    value = value * POW10[1] + I256::new(i128::from(b - b'0'));
                }
                b'_' => {
                    let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
                    let digit_after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                    if !(digit_before && digit_after) {
                        return Err(ParseNumError::MisplacedUnderscore);
                    }
                }
                _ => return Err(ParseNumError::InvalidDigit),
            }
        }
        Ok(Num(if negative { -value } else { value }))
    }
}

impl serde::Serialize for Num {
    /// Numbers travel as decimal strings: JSON numbers lose precision past 2^53.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Num {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Num, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_fifty_nines() {
        assert_eq!(Num::MAX.to_string(), "9".repeat(50));
        assert_eq!(Num::MIN.to_string(), format!("-{}", "9".repeat(50)));
        assert_eq!(Num::MAX.checked_add(Num::ONE), None);
        assert_eq!(Num::MIN.checked_sub(Num::ONE), None);
        assert_eq!(Num::MAX.digits(), 50);
    }

    #[test]
    fn parses_the_assembler_forms() {
        assert_eq!("1_000_000".parse::<Num>(), Ok(Num::from(1_000_000)));
        assert_eq!("-17".parse::<Num>(), Ok(Num::from(-17)));
        assert_eq!("+5".parse::<Num>(), Ok(Num::from(5)));
        assert_eq!(
            "-0".parse::<Num>().map(|n| n.to_string()),
            Ok("0".to_string())
        );
        let padded = format!("{}{}", "0".repeat(20), "9".repeat(50));
        assert_eq!(padded.parse::<Num>(), Ok(Num::MAX));
        assert_eq!(
            format!("1{}", "0".repeat(50)).parse::<Num>(),
            Err(ParseNumError::TooLarge)
        );
        assert_eq!(
            "1__0".parse::<Num>(),
            Err(ParseNumError::MisplacedUnderscore)
        );
        assert_eq!("_1".parse::<Num>(), Err(ParseNumError::MisplacedUnderscore));
        assert_eq!("1_".parse::<Num>(), Err(ParseNumError::MisplacedUnderscore));
        assert_eq!("-".parse::<Num>(), Err(ParseNumError::Empty));
        assert_eq!("--1".parse::<Num>(), Err(ParseNumError::InvalidDigit));
        assert_eq!("12a".parse::<Num>(), Err(ParseNumError::InvalidDigit));
    }

    #[test]
    fn division_truncates_toward_zero() {
        let n = |v: i64| Num::from(v);
        assert_eq!(n(-7).checked_div(n(2)), Some(n(-3)));
        assert_eq!(n(-7).checked_rem(n(2)), Some(n(-1)));
        assert_eq!(n(7).checked_rem(n(-2)), Some(n(1)));
        assert_eq!(n(7).checked_div(n(0)), None);
        assert_eq!(n(-123).shift_right(1), Some(n(-12)));
        assert_eq!(n(5).shift_left(51), None);
        assert_eq!((-n(0)).to_string(), "0");
    }

    #[test]
    fn digits_and_roots() {
        assert_eq!(Num::ZERO.digits(), 1);
        assert_eq!(Num::from(-999).digits(), 3);
        assert_eq!(Num::from(1000).digits(), 4);
        assert_eq!(Num::from(17).isqrt(), Some(Num::from(4)));
        assert_eq!(Num::from(-1).isqrt(), None);
        assert_eq!(
            Num::MAX.isqrt().map(|r| r.to_string()),
            Some("9".repeat(25))
        );
    }
}
