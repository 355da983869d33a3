//! Byte offsets ↔ lines and columns.

use serde::{Deserialize, Serialize};

/// A 1-based line and a 1-based column counted in characters (a tab is one column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LineCol {
    /// The line, from 1.
    pub line: u32,
    /// The column, from 1, in Unicode scalar values.
    pub col: u32,
}

/// Where each line of a text starts, for converting positions.
///
/// Lines end at LF, CR LF or a lone CR, as the assembler and the card reader split them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    text_len: usize,
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes a text.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            // A CR followed by LF ends its line at the LF.
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        LineIndex {
            text_len: text.len(),
            starts,
        }
    }

    /// How many lines the text has (an empty text has one).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding a byte offset (offsets past the end are on the last line).
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The byte range of a 1-based line, without its line ending.
    pub fn line_range(&self, text: &str, line: u32) -> Option<std::ops::Range<usize>> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let mut end = self
            .starts
            .get(i + 1)
            .map_or(self.text_len, |&next| next - 1);
        if text.as_bytes().get(end.wrapping_sub(1)) == Some(&b'\r') && end > start {
            end -= 1;
        }
        Some(start..end)
    }

    /// The line and column of a byte offset. An offset inside a multi-byte character counts
    /// as that character.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(self.text_len);
        let line = self.line_of(offset);
        let start = self.starts[line];
        let col = text.get(start..).map_or(0, |rest| {
            rest.char_indices()
                .take_while(|(i, c)| start + i + c.len_utf8() <= offset)
                .count()
        });
        LineCol {
            line: line as u32 + 1,
            col: col as u32 + 1,
        }
    }

    /// The 0-based UTF-16 column of a byte offset on its line, as browser editors count.
    pub fn utf16_col(&self, text: &str, offset: usize) -> u32 {
        let offset = offset.min(self.text_len);
        let start = self.starts[self.line_of(offset)];
        let prefix = text.get(start..offset).unwrap_or("");
        prefix.chars().map(char::len_utf16).sum::<usize>() as u32
    }

    /// The byte offset of a 1-based line and column; `None` if the line does not exist.
    /// A column past the line's end gives the line's end.
    pub fn offset(&self, text: &str, pos: LineCol) -> Option<usize> {
        let range = self.line_range(text, pos.line)?;
        let line = &text[range.clone()];
        let skip = (pos.col as usize).saturating_sub(1);
        Some(range.start + line.char_indices().nth(skip).map_or(line.len(), |(i, _)| i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways() {
        let text = "ab\r\n\tλx\n\nend";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, col: 1 });
        // The tab is one column, and `λ` one column though two bytes.
        let x = text.find('x').unwrap();
        assert_eq!(index.line_col(text, x), LineCol { line: 2, col: 3 });
        assert_eq!(index.utf16_col(text, x), 2);
        assert_eq!(index.offset(text, LineCol { line: 2, col: 3 }), Some(x));
        assert_eq!(&text[index.line_range(text, 1).unwrap()], "ab");
        assert_eq!(&text[index.line_range(text, 3).unwrap()], "");
        assert_eq!(
            index.line_col(text, text.len()),
            LineCol { line: 4, col: 4 }
        );
        assert_eq!(index.offset(text, LineCol { line: 9, col: 1 }), None);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let text = "NOP\rNOP\r\nFOO\r";
        let index = LineIndex::new(text);
        let foo = text.find("FOO").unwrap();
        assert_eq!(index.line_col(text, foo), LineCol { line: 3, col: 1 });
        assert_eq!(&text[index.line_range(text, 2).unwrap()], "NOP");
        assert_eq!(&text[index.line_range(text, 3).unwrap()], "FOO");
    }

    #[test]
    fn counts_utf16_for_astral_characters() {
        let text = "😀a";
        let index = LineIndex::new(text);
        assert_eq!(index.utf16_col(text, text.find('a').unwrap()), 2);
        assert_eq!(index.line_col(text, 2), LineCol { line: 1, col: 1 });
    }
}
