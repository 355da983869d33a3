//! The corpus of test programs that several test files walk.

use std::path::{Path, PathBuf};

/// Every `.py` file under `tests/programs/python`, sorted so that failures come in the
/// same order on every machine.
pub(crate) fn program_paths() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs/python");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the programs folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    paths
}
