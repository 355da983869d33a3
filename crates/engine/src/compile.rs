//! Compiling a source text in any language to a machine program.

use std::collections::BTreeMap;
use std::sync::Arc;

use diag::{Diagnostic, Span};
use isa::Program;
use serde::{Deserialize, Serialize};

use crate::compiled::{CompileOptions, compile_through_ir};
use crate::{Language, SourceMap};

/// Where programs that include other files (card decks do) find them. The core does no
/// I/O: the command line reads the disk, the browser looks among saved files.
pub trait FileProvider {
    /// The text of a file named relative to the including one, or `None` if there is none.
    fn read(&self, path: &str) -> Option<String>;
}

/// No files at all.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoFiles;

impl FileProvider for NoFiles {
    fn read(&self, _path: &str) -> Option<String> {
        None
    }
}

/// Files held in memory, by name.
#[derive(Clone, Debug, Default)]
pub struct MemoryFiles(pub BTreeMap<String, String>);

impl FileProvider for MemoryFiles {
    fn read(&self, path: &str) -> Option<String> {
        self.0.get(path).cloned()
    }
}

/// The result of compiling: a program when there are no errors, every diagnostic, and the
/// source map. Compiling never fails as a Rust error: problems are diagnostics.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Compilation {
    /// The language compiled.
    pub language: Language,
    /// The program, if it compiled.
    pub program: Option<Arc<Program>>,
    /// Every problem, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// Where each instruction came from.
    pub source_map: SourceMap,
    /// The IR the program was generated from, for languages compiled through it (the IR
    /// view and the reference interpreter use it; callers read it through
    /// [`crate::emit_ir`] and [`crate::interpret`]).
    #[serde(default)]
    pub ir: Option<Arc<ir::Module>>,
}

impl Compilation {
    /// Whether the program compiled (no errors; warnings allowed).
    pub fn is_ok(&self) -> bool {
        self.program.is_some()
    }

    /// Whether a run has a result beside its output: the value C's `main` returns.
    pub fn has_result(&self) -> bool {
        self.ir
            .as_deref()
            .is_some_and(|m| m.function(m.entry).returns_value)
    }
}

/// Compiles `source`, named `name` (for the source map), in `language`, with the IR
/// optimisations on.
pub fn compile(
    language: Language,
    name: &str,
    source: &str,
    files: &dyn FileProvider,
) -> Compilation {
    compile_with(language, name, source, files, CompileOptions::default())
}

/// Compiles as [`compile`] does, with the given options.
pub fn compile_with(
    language: Language,
    name: &str,
    source: &str,
    files: &dyn FileProvider,
    options: CompileOptions,
) -> Compilation {
    let _ = files;
    match language {
        Language::Asm => {
            let assembly = asm::assemble(source);
            let source_map = SourceMap::from_spans(name, source, &assembly.source_map);
            Compilation {
                language,
                program: assembly.program.map(Arc::new),
                diagnostics: assembly.diagnostics,
                source_map,
                ir: None,
            }
        }
        Language::C | Language::Python => compile_through_ir(language, name, source, options),
        _ => Compilation {
            language,
            program: None,
            diagnostics: vec![Diagnostic::error(
                "engine/language-unavailable",
                format!("{} is not built yet", language.name()),
                Span::default(),
            )],
            source_map: SourceMap {
                files: vec![name.to_string()],
                ..SourceMap::default()
            },
            ir: None,
        },
    }
}

/// The program as canonical Babbage assembly, which assembles back to the identical
/// program; `None` if it did not compile.
pub fn emit_asm(compilation: &Compilation) -> Option<String> {
    compilation.program.as_deref().map(asm::disassemble)
}
