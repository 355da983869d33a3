//! The examples menu: each language's sample programs, with their number cards, and the
//! program a student sees first in each language.

use engine::Language;

/// A sample program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// Its name in links (`?lang=c&example=fib`).
    pub name: &'static str,
    /// What the menu says.
    pub title: &'static str,
    /// The program.
    pub source: &'static str,
    /// Its number cards.
    pub cards: &'static str,
}

macro_rules! example {
    ($file:literal, $name:literal, $title:literal) => {
        Example {
            name: $name,
            title: $title,
            source: include_str!(concat!("../../tests/programs/", $file)),
            cards: "",
        }
    };
    ($file:literal, $name:literal, $title:literal, $cards:literal) => {
        Example {
            name: $name,
            title: $title,
            source: include_str!(concat!("../../tests/programs/", $file)),
            cards: include_str!(concat!("../../tests/programs/", $cards)),
        }
    };
}

/// The Babbage assembly examples.
const ASSEMBLY: [Example; 7] = [
    example!("asm/hello.basm", "hello", "Hello from the Engine"),
    example!("asm/count.basm", "count", "Count to ten"),
    example!("asm/max3.basm", "max3", "The largest of three"),
    example!("asm/power.basm", "power", "Powers of two and three"),
    example!("asm/primes.basm", "primes", "Primes by trial division"),
    example!(
        "asm/sum_cards.basm",
        "sum_cards",
        "Sum the number cards",
        "asm/sum_cards.in"
    ),
    example!(
        "asm/div_zero.basm",
        "div_zero",
        "Division by zero",
        "asm/div_zero.in"
    ),
];

/// The C examples: the shared corpus's programs.
const C: [Example; 6] = [
    example!(
        "c/corpus_hello_table.c",
        "hello_table",
        "Hello and a times table"
    ),
    example!("c/corpus_fib.c", "fib", "Fibonacci numbers, recursively"),
    example!("c/corpus_gcd.c", "gcd", "Greatest common divisors"),
    example!("c/corpus_primes.c", "primes", "Primes by trial division"),
    example!("c/corpus_bubble.c", "bubble", "Bubble sort"),
    example!(
        "c/corpus_sum_cards.c",
        "sum_cards",
        "Sum the number cards",
        "c/corpus_sum_cards.in"
    ),
];

/// The Python examples: the shared corpus's programs.
const PYTHON: [Example; 6] = [
    example!("python/hello_sum.py", "hello_sum", "Hello and a sum"),
    example!("python/fib.py", "fib", "Fibonacci numbers in a list"),
    example!("python/powers.py", "powers", "Powers and cubes"),
    example!("python/primes.py", "primes", "Primes by trial division"),
    example!("python/bubble.py", "bubble", "Bubble sort"),
    example!(
        "python/cards_max.py",
        "cards_max",
        "The largest number card",
        "python/cards_max.in"
    ),
];

/// A language's examples, in menu order; none for a language the app does not offer.
pub fn examples(language: Language) -> &'static [Example] {
    match language {
        Language::Asm => &ASSEMBLY,
        Language::C => &C,
        Language::Python => &PYTHON,
        _ => &[],
    }
}

/// A language's example by its link name.
pub fn find(language: Language, name: &str) -> Option<&'static Example> {
    examples(language).iter().find(|e| e.name == name)
}

/// An example's number cards as the cards field shows them: one line, spaces between.
pub fn cards_text(example: &Example) -> String {
    example
        .cards
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a student sees first in a language.
pub fn welcome(language: Language) -> &'static str {
    match language {
        Language::C => WELCOME_C,
        Language::Python => WELCOME_PYTHON,
        _ => WELCOME_ASM,
    }
}

const WELCOME_ASM: &str = "; Factorials on the Analytical Engine
        LOAD A, 1          ; A = n!
        LOAD B, 1          ; B = n
next:   MULT A, B
        WRPRN A
        WRCHR 10
        ADD  B, 1
        CMP  B, 10
        JLE  next
        HALT
";

const WELCOME_C: &str = "// Factorials on the Analytical Engine, in C
#include <stdio.h>

int factorial(int n) {
    int product = 1;
    for (int k = 2; k <= n; k++)
        product *= k;
    return product;
}

int main(void) {
    for (int n = 1; n <= 10; n++)
        printf(\"%d! = %d\\n\", n, factorial(n));
    return 0;
}
";

const WELCOME_PYTHON: &str = "# Factorials on the Analytical Engine, in Python
def factorial(n):
    product = 1
    for k in range(2, n + 1):
        product *= k
    return product


for n in range(1, 11):
    print(f\"{n}! = {factorial(n)}\")
";
