//! The languages a student can write in, and which of them are built.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A source language; the file extension picks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Babbage assembly, `.basm`.
    Asm,
    /// Analytical Engine cards, `.ae`.
    Cards,
    /// C, `.c`.
    C,
    /// Python, `.py`.
    Python,
    /// Haskell, `.hs`.
    Haskell,
    /// Common Lisp, `.lisp`.
    Lisp,
    /// Java, `.java`.
    Java,
    /// System F, `.sf`.
    SystemF,
    /// Idris, `.idr`.
    Idris,
}

impl Language {
    /// Every language, in the order the app lists them.
    pub const ALL: [Language; 9] = [
        Language::Asm,
        Language::Cards,
        Language::C,
        Language::Python,
        Language::Haskell,
        Language::Lisp,
        Language::Java,
        Language::SystemF,
        Language::Idris,
    ];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Language::Asm => "basm",
            Language::Cards => "ae",
            Language::C => "c",
            Language::Python => "py",
            Language::Haskell => "hs",
            Language::Lisp => "lisp",
            Language::Java => "java",
            Language::SystemF => "sf",
            Language::Idris => "idr",
        }
    }

    /// The language for a file extension (without the dot); also accepts the names that
    /// `--lang` takes (`asm`, `cards`, `python`, …).
    pub fn from_name(name: &str) -> Option<Language> {
        let name = name.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| {
            l.extension() == name
                || l.name().to_ascii_lowercase().replace(' ', "") == name
                || matches!(
                    (l, name.as_str()),
                    (Language::Asm, "asm" | "assembly") | (Language::Cards, "cards")
                )
        })
    }

    /// The language's name as people say it.
    pub fn name(self) -> &'static str {
        match self {
            Language::Asm => "Babbage assembly",
            Language::Cards => "Analytical Engine cards",
            Language::C => "C",
            Language::Python => "Python",
            Language::Haskell => "Haskell",
            Language::Lisp => "Lisp",
            Language::Java => "Java",
            Language::SystemF => "System F",
            Language::Idris => "Idris",
        }
    }

    /// Whether this build can compile the language yet.
    pub fn is_available(self) -> bool {
        matches!(self, Language::Asm | Language::C | Language::Python)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_and_names_pick_languages() {
        for language in Language::ALL {
            assert_eq!(Language::from_name(language.extension()), Some(language));
        }
        assert_eq!(Language::from_name("asm"), Some(Language::Asm));
        assert_eq!(Language::from_name("Python"), Some(Language::Python));
        assert_eq!(Language::from_name("systemf"), Some(Language::SystemF));
        assert_eq!(Language::from_name("cards"), Some(Language::Cards));
        assert_eq!(Language::from_name("txt"), None);
    }
}
