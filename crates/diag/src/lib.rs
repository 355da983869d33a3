//! Source spans, line indexes and diagnostics with codes, labels and hints.
