//! "Did you mean …?": the closest known name to a misspelt one.

/// The candidate closest to `name` by edit distance, if one is close enough to be a likely
/// misspelling (at most a third of the name's length, and at least one edit away). Ties go
/// to the candidate listed first, so callers decide the order (innermost scope first).
pub fn closest_name<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if candidate == name {
            continue;
        }
        let distance = strsim::damerau_levenshtein(name, candidate);
        // Names differing only in case are always offered.
        let distance = if candidate.eq_ignore_ascii_case(name) {
            0
        } else {
            distance
        };
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// The hint for a misspelt name: ``did you mean `count`?``, if a candidate is close.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest_name(name, candidates).map(|c| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_close_misspellings_only() {
        let names = ["count", "total", "i", "fib"];
        assert_eq!(closest_name("cuont", names), Some("count"));
        assert_eq!(closest_name("totl", names), Some("total"));
        assert_eq!(closest_name("fibb", names), Some("fib"));
        assert_eq!(closest_name("Count", names), Some("count"));
        assert_eq!(closest_name("zebra", names), None);
        assert_eq!(
            closest_name("count", names),
            None,
            "an exact match is no suggestion"
        );
        assert_eq!(
            did_you_mean("cuont", names).as_deref(),
            Some("did you mean `count`?")
        );
    }

    #[test]
    fn ties_go_to_the_first_candidate() {
        assert_eq!(closest_name("ab", ["ax", "ay"]), Some("ax"));
    }
}
