//! Lowering a checked program to the IR.
//!
//! Every value is a 50-digit integer. Global variables become IR globals (a scalar one
//! column, an array its length); local scalars become IR variables; local arrays become
//! frame arrays, which the IR reserves at the function's entry and gives back at its
//! return. An array parameter is passed as two IR arguments, the array's address and its
//! length, so that every index can be checked (`index out of range`) even in a callee.
//!
//! Each instruction carries the span of the construct it comes from; an instruction that
//! can fault carries that of its operator, call or indexing, so a fault names the line
//! where it stands.

mod expr;
mod io;
mod stmt;

use ir::{BlockId, FuncId, FunctionBuilder, GlobalId, ModuleBuilder, Var};

use crate::ast::{Item, Program};
use crate::check::{Func, Shape, Symbols};

/// Where a local variable lives.
#[derive(Clone, Copy, Debug)]
enum Local {
    Scalar(Var),
    /// A frame array: its slot and length.
    Array {
        slot: u32,
        len: u32,
    },
    /// An array parameter: the variables holding its address and length.
    Param {
        addr: Var,
        len: Var,
    },
}

/// The module-wide helpers, made on first use.
#[derive(Default)]
struct Helpers {
    /// `printf.pad(value, width, mode)`: a number in a field (see `io.rs`).
    pad: Option<FuncId>,
}

/// Lowers a program that checked without errors.
pub(crate) fn lower(program: &Program, syms: &Symbols) -> ir::Module {
    let mut module = ModuleBuilder::new();
    let globals: Vec<GlobalId> = syms
        .globals
        .iter()
        .map(|g| {
            let size = match g.var.shape {
                Shape::Array(len) => len,
                Shape::Scalar | Shape::ArrayParam => 1,
            };
            module.global(&g.var.name, size, g.init.clone(), Some(g.var.span))
        })
        .collect();
    // Functions are declared first, so that calls (recursion included) can name them.
    let funcs: Vec<Option<FuncId>> = syms
        .funcs
        .iter()
        .map(|f| f.item.map(|_| module.declare(&f.name)))
        .collect();
    let mut helpers = Helpers::default();
    for (f, id) in syms.funcs.iter().zip(&funcs) {
        let (Some(item), Some(id)) = (f.item, id) else {
            continue;
        };
        let Item::Func(decl) = &program.items[item] else {
            continue;
        };
        let Some(body) = &decl.body else { continue };
        let mut lower = FnLower::new(f, syms, &globals, &funcs, &mut module, &mut helpers);
        lower.b.set_def_span(Some(decl.name.span.cover(body.span)));
        lower.b.set_span(Some(body.span));
        for stmt in &body.stmts {
            lower.stmt(stmt);
        }
        // Falling off the end returns 0 (what C's `main` does; for other functions the
        // value is undefined in C, and unused in the subset).
        lower.b.set_span(Some(diag::Span::new(
            body.span.end as usize - 1,
            body.span.end as usize,
        )));
        let function = lower.b.finish();
        module.define(*id, function);
    }
    let entry = syms
        .main
        .and_then(|m| funcs[m])
        .expect("a checked program has `main`");
    module.finish(entry)
}

/// Lowers one function.
struct FnLower<'a> {
    f: &'a Func,
    syms: &'a Symbols,
    globals: &'a [GlobalId],
    funcs: &'a [Option<FuncId>],
    module: &'a mut ModuleBuilder,
    helpers: &'a mut Helpers,
    b: FunctionBuilder,
    /// Each of the checker's locals, once its declaration is lowered.
    locals: Vec<Option<Local>>,
    /// Where `break` and `continue` go, innermost last.
    breaks: Vec<BlockId>,
    continues: Vec<BlockId>,
    /// For each enclosing `switch`, the blocks of its labels in source order, and how
    /// many have been reached.
    switches: Vec<(Vec<BlockId>, usize)>,
}

impl<'a> FnLower<'a> {
    fn new(
        f: &'a Func,
        syms: &'a Symbols,
        globals: &'a [GlobalId],
        funcs: &'a [Option<FuncId>],
        module: &'a mut ModuleBuilder,
        helpers: &'a mut Helpers,
    ) -> FnLower<'a> {
        // Parameters come first among the locals, in order; an array parameter takes
        // two IR parameters.
        let params = f.params.len();
        let mut names: Vec<String> = Vec::new();
        for var in &f.locals[..params] {
            names.push(var.name.clone());
            if var.shape == Shape::ArrayParam {
                names.push(format!("{}.len", var.name));
            }
        }
        let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let b = FunctionBuilder::new(&f.name, &name_refs, !f.returns_void);
        let mut locals = vec![None; f.locals.len()];
        let mut next = 0;
        for (i, var) in f.locals[..params].iter().enumerate() {
            locals[i] = Some(if var.shape == Shape::ArrayParam {
                next += 2;
                Local::Param {
                    addr: b.param(next - 2),
                    len: b.param(next - 1),
                }
            } else {
                next += 1;
                Local::Scalar(b.param(next - 1))
            });
        }
        FnLower {
            f,
            syms,
            globals,
            funcs,
            module,
            helpers,
            b,
            locals,
            breaks: Vec::new(),
            continues: Vec::new(),
            switches: Vec::new(),
        }
    }
}
