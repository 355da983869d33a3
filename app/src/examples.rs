//! The examples menu: the public sample programs, with their number cards.

/// A sample program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Example {
    /// Its name in links (`?example=primes`).
    pub(crate) name: &'static str,
    /// What the menu says.
    pub(crate) title: &'static str,
    /// The program.
    pub(crate) source: &'static str,
    /// Its number cards.
    pub(crate) cards: &'static str,
}

macro_rules! example {
    ($name:literal, $title:literal) => {
        example!($name, $title, "")
    };
    ($name:literal, $title:literal, $cards:expr) => {
        Example {
            name: $name,
            title: $title,
            source: include_str!(concat!("../../tests/programs/asm/", $name, ".basm")),
            cards: $cards,
        }
    };
}

/// The Babbage assembly examples.
pub(crate) const ASSEMBLY: [Example; 7] = [
    example!("hello", "Hello from the Engine"),
    example!("count", "Count to ten"),
    example!("max3", "The largest of three"),
    example!("power", "Powers of two and three"),
    example!("primes", "Primes by trial division"),
    example!(
        "sum_cards",
        "Sum the number cards",
        include_str!("../../tests/programs/asm/sum_cards.in")
    ),
    example!(
        "div_zero",
        "Division by zero",
        include_str!("../../tests/programs/asm/div_zero.in")
    ),
];

/// An example by its link name.
pub(crate) fn find(name: &str) -> Option<&'static Example> {
    ASSEMBLY.iter().find(|e| e.name == name)
}
