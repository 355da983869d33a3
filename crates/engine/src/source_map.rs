//! Where each machine instruction came from.

use std::collections::BTreeMap;

use diag::{LineIndex, Span};
use serde::{Deserialize, Serialize};

/// The source of one instruction: a span in one file, its line, and (for compiled
/// languages) the IR instruction it was generated from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceLoc {
    /// Which file, as an index into [`SourceMap::files`].
    pub file: u32,
    /// The bytes of the source construct.
    pub span: Span,
    /// The 1-based line where the span starts.
    pub line: u32,
    /// The IR instruction, when the program was compiled through the IR.
    pub ir: Option<u32>,
}

/// The source of every instruction of a program. Instructions with no source (runtime
/// helpers a compiler adds) have none; faults in them are attributed to the calling line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceMap {
    /// File names; index 0 is the main source.
    pub files: Vec<String>,
    /// One entry per instruction.
    pub locs: Vec<Option<SourceLoc>>,
    /// Instructions that compiled code places only to stop the run (an index out of
    /// range, an exhausted heap): a fault there is reported with this message instead of
    /// the machine's own.
    #[serde(default)]
    pub traps: BTreeMap<u32, String>,
}

impl SourceMap {
    /// A map for instructions that all come from file 0, given their spans.
    pub fn from_spans(name: &str, source: &str, spans: &[Span]) -> SourceMap {
        let index = LineIndex::new(source);
        let locs = spans
            .iter()
            .map(|&span| {
                let line = index.line_col(source, span.start as usize).line;
                Some(SourceLoc {
                    file: 0,
                    span,
                    line,
                    ir: None,
                })
            })
            .collect();
        SourceMap {
            files: vec![name.to_string()],
            locs,
            traps: BTreeMap::new(),
        }
    }

    /// The source of an instruction.
    pub fn loc(&self, pc: u32) -> Option<&SourceLoc> {
        self.locs.get(pc as usize).and_then(Option::as_ref)
    }

    /// The line of an instruction in the main file.
    pub fn line(&self, pc: u32) -> Option<u32> {
        self.loc(pc).filter(|l| l.file == 0).map(|l| l.line)
    }

    /// The first instruction on a line of the main file, for breakpoints set on lines.
    pub fn first_on_line(&self, line: u32) -> Option<u32> {
        self.locs
            .iter()
            .position(|l| l.is_some_and(|l| l.file == 0 && l.line == line))
            .map(|i| i as u32)
    }

    /// Every instruction on a line of the main file, for highlighting.
    pub fn on_line(&self, line: u32) -> Vec<u32> {
        (0..self.locs.len() as u32)
            .filter(|&pc| self.line(pc) == Some(line))
            .collect()
    }
}
