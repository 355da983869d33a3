//! Scratch: check the shared corpus.
#![allow(clippy::print_stdout, reason = "scratch tool")]
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        if path.extension().is_none_or(|e| e != "basm") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        let fail = std::fs::read_to_string(path.with_extension("fail")).unwrap_or_default();
        let want_line: Option<u32> = fail
            .strip_prefix("compile ")
            .map(|l| l.trim().parse().unwrap());
        let a = asm::assemble(&source);
        let index = diag::LineIndex::new(&source);
        let got_line = a
            .diagnostics
            .first()
            .map(|d| index.line_col(&source, d.span.start as usize).line);
        if want_line != got_line {
            println!(
                "MISMATCH {}: want {want_line:?} got {got_line:?}",
                path.display()
            );
            for d in &a.diagnostics {
                print!(
                    "{}",
                    diag::render_plain(&path.display().to_string(), &source, d)
                );
            }
        } else if want_line.is_some() {
            println!(
                "ok {}: {} diags; {}",
                path.file_name().unwrap().to_string_lossy(),
                a.diagnostics.len(),
                a.diagnostics[0].message
            );
        }
        if let Some(p) = &a.program {
            let text = asm::disassemble(p);
            let q = asm::assemble(&text).program.expect("reassembles");
            if q.insns != p.insns
                || q.data != p.data
                || q.entry != p.entry
                || q.store_size != p.store_size
                || q.stack_size != p.stack_size
            {
                println!("ROUNDTRIP {}", path.display());
            }
        }
    }
}
