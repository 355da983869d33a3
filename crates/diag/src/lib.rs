//! Source positions and diagnostics shared by every front end.
//!
//! A [`Span`] is a byte range in one source text. A [`LineIndex`] turns byte offsets into
//! 1-based lines and columns (counted in characters, a tab being one column) and into the
//! UTF-16 columns that browser editors use. A [`Diagnostic`] carries a severity, a stable
//! code, a message naming the offending text, a span, secondary labels and hints; it is
//! rendered only at the edges (plain text here, editor markers in the app).

mod diagnostic;
mod line_index;
mod render;
mod suggest;

pub use diagnostic::{Diagnostic, Label, Severity, Span};
pub use line_index::{LineCol, LineIndex};
pub use render::render_plain;
pub use suggest::{closest_name, did_you_mean};
