//! Property tests of `Num` against an arbitrary-precision oracle (`num_bigint::BigInt`):
//! every operation must give the exact mathematical answer when it fits in 50 digits and
//! refuse (`None`) when it does not, whichever internal path (64-bit, 128-bit, 256-bit)
//! the operands happen to take.

use std::collections::BTreeSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::LazyLock;

use isa::{Num, ParseNumError};
use num_bigint::BigInt;
use proptest::prelude::*;
use proptest::sample::select;

/// 10^50 − 1, the largest magnitude a column holds.
static LIMIT: LazyLock<BigInt> = LazyLock::new(|| BigInt::from(10).pow(50) - 1);

fn in_range(v: &BigInt) -> bool {
    v.magnitude() <= LIMIT.magnitude()
}

/// The `Num` for an oracle value known to be in range.
fn num(v: &BigInt) -> Num {
    v.to_string()
        .parse()
        .unwrap_or_else(|e| panic!("{v} should parse: {e}"))
}

/// What a checked operation should return: the oracle's value when it fits, else nothing.
/// Compared as text so that a wrong `Display` cannot hide a wrong value or vice versa.
fn fits(v: BigInt) -> Option<String> {
    in_range(&v).then(|| v.to_string())
}

fn text(n: Option<Num>) -> Option<String> {
    n.map(|n| n.to_string())
}

/// Values where an implementation with 64-, 128- and 256-bit paths is most likely to slip:
/// word boundaries, powers of ten (digit counts, shifts) and the ends of the range.
static EDGES: LazyLock<Vec<BigInt>> = LazyLock::new(|| {
    let mut set = BTreeSet::new();
    let one = BigInt::from(1);
    let mut around = |centre: BigInt| {
        for v in [&centre - &one, centre.clone(), &centre + &one] {
            set.insert(-&v);
            set.insert(v);
        }
    };
    around(BigInt::from(0));
    for k in 0..=50 {
        around(BigInt::from(10).pow(k));
    }
    for k in [31, 32, 53, 62, 63, 64, 65, 126, 127, 128, 129, 165, 166] {
        around(BigInt::from(2).pow(k));
    }
    // Where Unicode scalar values stop and the surrogates sit, for `to_char`.
    for c in [0xD800, 0xDFFF, 0x10FFFF] {
        around(BigInt::from(c));
    }
    around(BigInt::from(u32::MAX));
    around(BigInt::from(i64::MAX));
    around(BigInt::from(u64::MAX));
    around(BigInt::from(i128::MAX));
    around(BigInt::from(u128::MAX));
    around(LIMIT.clone());
    around(&*LIMIT / 2);
    set.into_iter().filter(in_range).collect()
});

/// A decimal digit string of 1 … 50 digits (leading zeros and all) with a random sign.
fn digit_string() -> impl Strategy<Value = BigInt> {
    (any::<bool>(), "[0-9]{1,50}").prop_map(|(negative, digits)| {
        let v: BigInt = digits.parse().expect("digits parse");
        if negative { -v } else { v }
    })
}

/// Any value in range, with the edges and each internal width well represented.
fn value() -> impl Strategy<Value = BigInt> {
    prop_oneof![
        4 => select(EDGES.clone()),
        4 => digit_string(),
        1 => (-1000i64..=1000).prop_map(BigInt::from),
        1 => any::<i64>().prop_map(BigInt::from),
        1 => any::<i128>().prop_map(BigInt::from),
    ]
}

/// The result of checking one property for one input.
type Checked = Result<(), TestCaseError>;

/// `Display` (and `Debug`) give the oracle's text, which parses back to the same number.
fn display_round_trips(v: &BigInt) -> Checked {
    let n = num(v);
    prop_assert_eq!(n.to_string(), v.to_string());
    prop_assert_eq!(format!("{n:?}"), v.to_string());
    prop_assert_eq!(n.to_string().parse::<Num>(), Ok(n));
    Ok(())
}

fn conversions_agree(v: &BigInt) -> Checked {
    let n = num(v);
    prop_assert_eq!(n.to_i64(), i64::try_from(v).ok(), "{}", v);
    prop_assert_eq!(n.to_i128(), i128::try_from(v).ok(), "{}", v);
    prop_assert_eq!(n.is_zero(), *v == BigInt::from(0));
    prop_assert_eq!(n.is_negative(), *v < BigInt::from(0));
    let index = u32::try_from(v).ok().filter(|i| *i < 10_000);
    prop_assert_eq!(n.to_index(10_000), index, "{}", v);
    let scalar = u32::try_from(v).ok().and_then(char::from_u32);
    prop_assert_eq!(n.to_char(), scalar, "{}", v);
    if let Ok(small) = i64::try_from(v) {
        prop_assert_eq!(Num::from(small), n);
    }
    if let Ok(wide) = i128::try_from(v) {
        prop_assert_eq!(Num::from(wide), n);
    }
    Ok(())
}

/// Negation and absolute value never leave the range, and there is no negative zero.
fn neg_and_abs(v: &BigInt) -> Checked {
    let n = num(v);
    prop_assert_eq!((-n).to_string(), (-v).to_string());
    prop_assert_eq!(n.abs().to_string(), v.magnitude().to_string());
    prop_assert_eq!(-(-n), n);
    prop_assert_eq!((-n).is_negative(), *v > BigInt::from(0));
    Ok(())
}

fn isqrt_is_the_floor_root(v: &BigInt) -> Checked {
    let n = num(v);
    if *v < BigInt::from(0) {
        prop_assert_eq!(n.isqrt(), None);
    } else {
        prop_assert_eq!(text(n.isqrt()), Some(v.sqrt().to_string()), "sqrt {}", v);
    }
    Ok(())
}

/// `shift_left` and `shift_right` by `k` places: ×10^k (or nothing past 50 digits) and
/// ÷10^k truncated toward zero; nothing at all for k > 50.
fn shifts_scale(v: &BigInt, k: u32) -> Checked {
    let n = num(v);
    let p = BigInt::from(10).pow(k);
    let (left, right) = if k > 50 {
        (None, None)
    } else {
        (fits(v * &p), Some((v / &p).to_string()))
    };
    prop_assert_eq!(text(n.shift_left(k)), left, "{} << {}", v, k);
    prop_assert_eq!(text(n.shift_right(k)), right, "{} >> {}", v, k);
    Ok(())
}

fn digits_count_the_magnitude(v: &BigInt) -> Checked {
    // The oracle's magnitude has no leading zeros, and 0 prints as the one digit "0".
    let expected = v.magnitude().to_string().len() as u32;
    prop_assert_eq!(num(v).digits(), expected, "digits of {}", v);
    Ok(())
}

fn serde_as_a_string(v: &BigInt) -> Checked {
    let n = num(v);
    let json = serde_json::to_string(&n).expect("serialises");
    prop_assert_eq!(&json, &format!("\"{v}\""));
    prop_assert_eq!(serde_json::from_str::<Num>(&json).ok(), Some(n));
    Ok(())
}

/// `+`, `−`, `×`, `÷`, remainder and ordering of two values.
fn pair_agrees(a: &BigInt, b: &BigInt) -> Checked {
    let (x, y) = (num(a), num(b));
    prop_assert_eq!(text(x.checked_add(y)), fits(a + b), "{} + {}", a, b);
    prop_assert_eq!(text(x.checked_sub(y)), fits(a - b), "{} - {}", a, b);
    prop_assert_eq!(text(x.checked_mul(y)), fits(a * b), "{} * {}", a, b);
    if *b == BigInt::from(0) {
        prop_assert_eq!(x.checked_div(y), None);
        prop_assert_eq!(x.checked_rem(y), None);
    } else {
        // BigInt's `/` and `%` truncate, like C: the remainder has the dividend's sign.
        prop_assert_eq!(
            text(x.checked_div(y)),
            Some((a / b).to_string()),
            "{} / {}",
            a,
            b
        );
        prop_assert_eq!(
            text(x.checked_rem(y)),
            Some((a % b).to_string()),
            "{} % {}",
            a,
            b
        );
    }
    prop_assert_eq!(x.cmp(&y), a.cmp(b), "{} vs {}", a, b);
    prop_assert_eq!(x.partial_cmp(&y), Some(a.cmp(b)));
    prop_assert_eq!(x == y, a == b);
    Ok(())
}

proptest! {
    #[test]
    fn display_is_the_oracles_text_and_parses_back(v in value()) {
        display_round_trips(&v)?;
    }

    #[test]
    fn conversions_agree_with_the_oracle(v in value()) {
        conversions_agree(&v)?;
    }

    #[test]
    fn arithmetic_is_exact_or_refuses(a in value(), b in value()) {
        pair_agrees(&a, &b)?;
    }

    #[test]
    fn arithmetic_by_small_values(a in value(), b in -20i64..=20) {
        pair_agrees(&a, &BigInt::from(b))?;
        pair_agrees(&BigInt::from(b), &a)?;
    }

    #[test]
    fn neg_and_abs_stay_in_range_with_no_negative_zero(v in value()) {
        neg_and_abs(&v)?;
    }

    #[test]
    fn isqrt_is_the_floor_square_root(v in value()) {
        isqrt_is_the_floor_root(&v)?;
    }

    #[test]
    fn decimal_shifts_scale_by_powers_of_ten(v in value(), k in 0u32..=55) {
        shifts_scale(&v, k)?;
    }

    #[test]
    fn digits_counts_the_magnitude(v in value()) {
        digits_count_the_magnitude(&v)?;
    }

    #[test]
    fn serde_carries_the_value_as_a_json_string(v in value()) {
        serde_as_a_string(&v)?;
    }

    #[test]
    fn every_spelling_of_a_value_is_the_same_value(v in value(), zeros in 0usize..5, plus in any::<bool>()) {
        // Leading zeros, a `+`, `-0` and underscores between digits all name one value,
        // which must then compare and hash the same (the Store and the debugger key on it).
        let n = num(&v);
        let magnitude = v.magnitude().to_string();
        let grouped: String = magnitude
            .chars()
            .enumerate()
            .flat_map(|(i, c)| (i > 0 && (magnitude.len() - i) % 3 == 0).then_some('_').into_iter().chain([c]))
            .collect();
        let sign = if v < BigInt::from(0) { "-" } else if plus { "+" } else { "" };
        let spelled = format!("{sign}{}{grouped}", "0".repeat(zeros));
        let m: Num = spelled.parse().map_err(|e| TestCaseError::fail(format!("{spelled}: {e}")))?;
        prop_assert_eq!(m, n, "{}", spelled);
        prop_assert_eq!(hash(m), hash(n));
        if v == BigInt::from(0) {
            prop_assert_eq!("-0".parse::<Num>().map(hash), Ok(hash(Num::ZERO)));
        }
    }

    #[test]
    fn more_than_fifty_significant_digits_is_too_large(
        sign in "[+-]?", zeros in "0{0,5}", digits in "[1-9][0-9]{50,60}",
    ) {
        let s = format!("{sign}{zeros}{digits}");
        prop_assert_eq!(s.parse::<Num>(), Err(ParseNumError::TooLarge), "{}", s);
        // The same digits, cut to fifty, are fine however many zeros lead them.
        let fifty = format!("{sign}{zeros}{}", &digits[..50]);
        prop_assert!(fifty.parse::<Num>().is_ok(), "{}", fifty);
    }

    #[test]
    fn underscores_only_between_two_digits(
        digits in "[0-9]{1,50}", at in any::<prop::sample::Index>(), kind in 0..5usize,
    ) {
        let i = at.index(digits.len() + 1);
        let (before, after) = digits.split_at(i);
        let bad = match kind {
            0 => format!("_{digits}"),
            1 => format!("{digits}_"),
            2 => format!("-_{digits}"),
            3 => format!("{before}__{after}"),
            _ => format!("{digits}_+"),
        };
        prop_assert_eq!(bad.parse::<Num>(), Err(ParseNumError::MisplacedUnderscore), "{}", bad);
        if i > 0 && i < digits.len() {
            let good = format!("{before}_{after}");
            prop_assert_eq!(good.parse::<Num>(), digits.parse::<Num>(), "{}", good);
        }
    }

    #[test]
    fn stray_characters_are_not_digits(
        digits in "[0-9]{1,50}",
        at in any::<prop::sample::Index>(),
        stray in select(vec![' ', '\t', '\n', '\0', 'a', 'x', 'e', 'E', '.', ',', '-', '+', '\'', 'é', '٣', '０', '¹']),
    ) {
        // After the first digit, so that a `+` or `-` cannot read as a sign.
        let i = 1 + at.index(digits.len());
        let s = format!("{}{stray}{}", &digits[..i], &digits[i..]);
        prop_assert_eq!(s.parse::<Num>(), Err(ParseNumError::InvalidDigit), "{:?}", s);
        if !matches!(stray, '-' | '+') {
            let s = format!("{stray}{digits}");
            prop_assert_eq!(s.parse::<Num>(), Err(ParseNumError::InvalidDigit), "{:?}", s);
        }
    }
}

/// Every edge through every one-value property, and every edge against the partners most
/// likely to expose a carry, borrow or sign slip: no boundary depends on the random draw.
#[test]
fn edges_exhaustively() -> Checked {
    let mut partners: Vec<BigInt> = (-3..=3).map(BigInt::from).collect();
    partners.extend([
        LIMIT.clone(),
        -LIMIT.clone(),
        BigInt::from(10).pow(25),
        BigInt::from(i64::MAX),
        BigInt::from(i64::MIN),
        BigInt::from(2).pow(64),
    ]);
    for v in EDGES.iter() {
        display_round_trips(v)?;
        conversions_agree(v)?;
        neg_and_abs(v)?;
        isqrt_is_the_floor_root(v)?;
        digits_count_the_magnitude(v)?;
        serde_as_a_string(v)?;
        for k in 0..=55 {
            shifts_scale(v, k)?;
        }
        for b in &partners {
            pair_agrees(v, b)?;
            pair_agrees(b, v)?;
        }
    }
    Ok(())
}

fn hash(n: Num) -> u64 {
    let mut h = DefaultHasher::new();
    n.hash(&mut h);
    h.finish()
}

#[test]
fn empty_texts_have_no_digits() {
    for s in ["", "+", "-"] {
        assert_eq!(s.parse::<Num>(), Err(ParseNumError::Empty), "{s:?}");
    }
    for s in ["--1", "+-1", "-+1", " 1", "1 ", "0x10", "1e5", "½"] {
        assert_eq!(s.parse::<Num>(), Err(ParseNumError::InvalidDigit), "{s:?}");
    }
    assert_eq!("_".parse::<Num>(), Err(ParseNumError::MisplacedUnderscore));
}

#[test]
fn serde_rejects_what_the_machine_cannot_hold() {
    // A JSON number would lose digits past 2^53, so only strings are numbers.
    assert!(serde_json::from_str::<Num>("12").is_err());
    let too_long = format!("\"1{}\"", "0".repeat(50));
    assert!(serde_json::from_str::<Num>(&too_long).is_err());
    assert!(serde_json::from_str::<Num>("\"1_000\"").is_ok());
}

#[test]
fn pow10_covers_the_column_and_no_further() {
    for k in 0..50 {
        let expected = format!("1{}", "0".repeat(k as usize));
        assert_eq!(Num::pow10(k).map(|n| n.to_string()), Some(expected));
    }
    assert_eq!(Num::pow10(50), None);
}
