//! The student's documents: in each language, their own program ("mine") and each example,
//! saved on their own, so that opening an example or switching language never throws away
//! what they typed. The saved keys carry the language's extension (`doc/c/mine`,
//! `cards/py/cards_max`, `open/basm`), and `language` remembers the language last chosen.

use engine::Language;

use crate::{examples, storage};

/// The student's own program, as a document name.
pub const MINE: &str = "mine";

/// Where the chosen language is saved.
pub const LANGUAGE_KEY: &str = "language";

/// Where a document's text is saved.
pub fn doc_key(language: Language, document: &str) -> String {
    format!("doc/{}/{document}", language.extension())
}

/// Where a document's number cards are saved.
pub fn cards_key(language: Language, document: &str) -> String {
    format!("cards/{}/{document}", language.extension())
}

/// Where the document open in a language is saved.
pub fn open_key(language: Language) -> String {
    format!("open/{}", language.extension())
}

/// The language a name picks (an extension such as `py`, or a name such as `python`), if
/// the studio offers it: the engine compiles it.
pub fn language(name: &str) -> Option<Language> {
    Language::from_name(name.trim()).filter(|l| l.is_available())
}

/// Whether `document` names a document in `language`: the student's own or an example.
pub fn exists(language: Language, document: &str) -> bool {
    document == MINE || examples::find(language, document).is_some()
}

/// The language and document a page opens with: the link's (`?lang=c&example=fib`) where
/// they name ones there are, else the language last chosen and the document last open in
/// it, else assembly and the student's own program. Nothing in a bad link is an error.
pub fn opening(
    linked_language: Option<&str>,
    linked_example: Option<&str>,
    saved_language: Option<&str>,
    saved_open: impl Fn(Language) -> Option<String>,
) -> (Language, String) {
    let chosen = linked_language
        .and_then(language)
        .or_else(|| saved_language.and_then(language))
        .unwrap_or(Language::Asm);
    let document = linked_example
        .filter(|name| examples::find(chosen, name).is_some())
        .map(str::to_string)
        .or_else(|| saved_open(chosen).filter(|name| exists(chosen, name)))
        .unwrap_or_else(|| MINE.to_string());
    (chosen, document)
}

/// The document last open in a language, or the student's own program.
pub fn reopen(language: Language) -> String {
    storage::load(&open_key(language))
        .filter(|name| exists(language, name))
        .unwrap_or_else(|| MINE.to_string())
}

/// A document's saved text, or its first text: an example's program, or the language's
/// welcome.
pub fn text(language: Language, document: &str) -> String {
    storage::load(&doc_key(language, document))
        .or_else(|| examples::find(language, document).map(|e| e.source.to_string()))
        .unwrap_or_else(|| examples::welcome(language).to_string())
}

/// A document's saved number cards, or an example's own.
pub fn cards(language: Language, document: &str) -> String {
    storage::load(&cards_key(language, document))
        .or_else(|| examples::find(language, document).map(examples::cards_text))
        .unwrap_or_default()
}
