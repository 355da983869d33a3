//! The languages compiled through the IR: front end, verifier, optimiser, code generator,
//! and the source map that ties each machine instruction back to its IR instruction and
//! source span. Also the IR's own reference interpreter, which the tests run beside the
//! machine.

use std::collections::BTreeMap;
use std::sync::Arc;

use diag::{Diagnostic, LineIndex, Span};
use isa::Num;

use crate::{Compilation, Language, RunEnd, RunResult, RuntimeError, SourceLoc, SourceMap};

/// How to compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompileOptions {
    /// Run the IR optimisations (constant folding, copy propagation, dead-code removal).
    /// They never change what a program prints; turning them off shows the difference.
    pub optimize: bool,
}

impl Default for CompileOptions {
    fn default() -> CompileOptions {
        CompileOptions { optimize: true }
    }
}

/// A front end's lowering.
type Lower = fn(&str, &str) -> ir::Lowering;

/// A function of the compilers, called through a pointer the optimiser cannot see
/// through: the compilers are built for size (the web app's profile in `Cargo.toml`), and
/// inlined here they would be optimised for speed, as this crate is, and grow.
fn out_of_line<F>(f: F) -> F {
    std::hint::black_box(f)
}

/// Compiles a language that goes through the IR.
pub(crate) fn compile_through_ir(
    language: Language,
    name: &str,
    source: &str,
    options: CompileOptions,
) -> Compilation {
    let lowering = match language {
        Language::C => out_of_line(lang_c::lower as Lower)(name, source),
        Language::Python => out_of_line(lang_python::lower as Lower)(name, source),
        _ => unreachable!("only languages with a front end come here"),
    };
    let mut diagnostics = lowering.diagnostics;
    let failed = |diagnostics| Compilation {
        language,
        program: None,
        diagnostics,
        source_map: SourceMap {
            files: vec![name.to_string()],
            ..SourceMap::default()
        },
        ir: None,
    };
    let Some(mut module) = lowering
        .module
        .filter(|_| !diagnostics.iter().any(Diagnostic::is_error))
    else {
        return failed(diagnostics);
    };
    // The front ends' own tests keep this from happening; if it does, the student learns
    // that the fault is ours, not theirs, instead of meeting a broken program.
    if let Err(errors) = ir::verify(&module) {
        let detail: Vec<String> = errors.iter().map(ToString::to_string).collect();
        diagnostics.push(Diagnostic::error(
            "engine/internal",
            format!(
                "the compiler made an invalid program (a bug in Babbage Studio): {}",
                detail.join("; ")
            ),
            Span::default(),
        ));
        return failed(diagnostics);
    }
    if options.optimize {
        out_of_line(ir::optimize as fn(&mut ir::Module))(&mut module);
    }
    let generated =
        out_of_line(codegen::generate as fn(&ir::Module) -> codegen::Generated)(&module);
    let index = LineIndex::new(source);
    let locs = generated
        .origins
        .iter()
        .map(|origin| {
            origin.map(|o| SourceLoc {
                file: 0,
                span: o.span,
                line: index.line_col(source, o.span.start as usize).line,
                ir: Some(o.ir),
            })
        })
        .collect();
    let traps = generated
        .traps
        .iter()
        .map(|(pc, kind)| (*pc, kind.message().to_string()))
        .chain(
            generated
                .guards
                .iter()
                .map(|(pc, message)| (*pc, (*message).to_string())),
        )
        .collect();
    Compilation {
        language,
        program: Some(Arc::new(generated.program)),
        diagnostics,
        source_map: SourceMap {
            files: vec![name.to_string()],
            locs,
            traps,
        },
        ir: Some(Arc::new(module)),
    }
}

/// The IR of a compiled program as text, each instruction noting its source line; `None`
/// for assembly and cards, which have no IR, or a program that did not compile.
pub fn emit_ir(compilation: &Compilation, source: &str) -> Option<String> {
    let module = compilation.ir.as_deref()?;
    Some(out_of_line(
        ir::print_module as fn(&ir::Module, Option<&str>) -> String,
    )(module, Some(source)))
}

/// The machine program as assembly that assembles back to the identical program, with a
/// comment naming the source line before each run of instructions from one line.
pub fn emit_annotated_asm(compilation: &Compilation, source: &str) -> Option<String> {
    let program = compilation.program.as_deref()?;
    let lines: Vec<&str> = source.lines().collect();
    let mut notes = BTreeMap::new();
    let mut previous = None;
    for pc in 0..program.insns.len() as u32 {
        let line = compilation.source_map.line(pc);
        if line != previous
            && let Some(line) = line
        {
            let text = lines.get(line as usize - 1).map_or("", |l| l.trim());
            notes.insert(pc, format!("line {line}: {text}"));
        }
        previous = line;
    }
    Some(asm::disassemble_annotated(program, &notes))
}

/// Runs a compiled program's IR on the reference interpreter (`max_steps` counts IR
/// operations; 0 means no budget). `None` for assembly and cards, or a program that did
/// not compile. A fault's `pc` is 0: the interpreter has no machine instructions.
pub fn interpret(
    compilation: &Compilation,
    source: &str,
    input: &[Num],
    max_steps: u64,
) -> Option<RunResult> {
    let module = compilation.ir.as_deref()?;
    let run = ir::interpret(module, input, max_steps);
    let index = LineIndex::new(source);
    let end = match run.end {
        ir::End::Returned(_) => RunEnd::Halted,
        ir::End::BudgetExhausted => RunEnd::BudgetExhausted,
        ir::End::Fault { message, span } => RunEnd::Faulted(RuntimeError {
            message,
            pc: 0,
            line: span.map(|s| index.line_col(source, s.start as usize).line),
        }),
    };
    Some(RunResult {
        output: run.output,
        end,
        steps: run.steps,
        engine_time: isa::EngineTime::default(),
        bells: run.bells,
    })
}
