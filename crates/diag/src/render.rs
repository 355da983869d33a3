//! Plain-text rendering, as the command line shows diagnostics.

use std::fmt::Write;

use crate::{Diagnostic, LineIndex};

/// Renders a diagnostic as `PATH:LINE:COL: error: MESSAGE`, then the source line, a caret
/// line under the span, each label as `PATH:LINE:COL: note: …`, and each hint as
/// `  = hint: …`. The result ends with a newline.
pub fn render_plain(path: &str, source: &str, diagnostic: &Diagnostic) -> String {
    let index = LineIndex::new(source);
    let mut out = String::new();
    let start = index.line_col(source, diagnostic.span.start as usize);
    let _ = writeln!(
        out,
        "{path}:{}:{}: {}: {}",
        start.line, start.col, diagnostic.severity, diagnostic.message
    );
    if let Some(range) = index.line_range(source, start.line) {
        let line = &source[range.clone()];
        let end = (diagnostic.span.end as usize).clamp(diagnostic.span.start as usize, range.end);
        let width = source
            .get(diagnostic.span.start as usize..end)
            .map_or(1, |s| s.chars().count())
            .max(1);
        // Tabs stay tabs under the caret so that it lines up in any terminal.
        let pad: String = line
            .chars()
            .take(start.col as usize - 1)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let _ = writeln!(out, "{line}\n{pad}{}", "^".repeat(width));
    }
    for label in &diagnostic.labels {
        let at = index.line_col(source, label.span.start as usize);
        let _ = writeln!(
            out,
            "{path}:{}:{}: note: {}",
            at.line, at.col, label.message
        );
    }
    for hint in &diagnostic.hints {
        let _ = writeln!(out, "  = hint: {hint}");
    }
    out
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;
    use crate::Span;

    #[test]
    fn renders_message_source_caret_and_hint() {
        let source = "start:\n\tLOAD A, cuont\n";
        let at = source.find("cuont").unwrap();
        let d = Diagnostic::error(
            "asm/undefined-name",
            "undefined name `cuont`",
            Span::new(at, at + 5),
        )
        .with_label(Span::new(0, 5), "a label is defined here")
        .with_hint("did you mean `count`?");
        expect![[r#"
            prog.basm:2:10: error: undefined name `cuont`
            	LOAD A, cuont
            	        ^^^^^
            prog.basm:1:1: note: a label is defined here
              = hint: did you mean `count`?
        "#]]
        .assert_eq(&render_plain("prog.basm", source, &d));
    }
}
