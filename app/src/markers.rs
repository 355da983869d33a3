//! Diagnostics as editor markers: the compiler counts bytes, CodeMirror counts UTF-16 code
//! units.

/// A diagnostic placed in the editor, in UTF-16 offsets as CodeMirror counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// Where it starts.
    pub from: usize,
    /// Where it ends.
    pub to: usize,
    /// What it says.
    pub message: String,
}

/// The UTF-16 offset of a byte offset into `text`; an offset inside a character counts
/// from that character's start, and one past the end from the end.
pub fn utf16_offset(text: &str, byte: u32) -> usize {
    let byte = (byte as usize).min(text.len());
    let byte = (0..=byte)
        .rev()
        .find(|&b| text.is_char_boundary(b))
        .unwrap_or(0);
    text[..byte].encode_utf16().count()
}

/// A diagnostic as an editor marker.
pub fn marker(text: &str, d: &engine::Diagnostic) -> Marker {
    Marker {
        from: utf16_offset(text, d.span.start),
        to: utf16_offset(text, d.span.end),
        message: d.message.clone(),
    }
}
