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
        for var in f.locals.iter().take(params) {
            names.push(var.name.clone());
            if var.shape == Shape::ArrayParam {
                names.push(format!("{}.len", var.name));
            }
        }
        let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let b = FunctionBuilder::new(&f.name, &name_refs, !f.returns_void);
        let mut locals = vec![None; f.locals.len()];
        let mut next = 0;
        for (i, var) in f.locals.iter().take(params).enumerate() {
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

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    /// Lowers `source` and shows the module's text form.
    fn check(source: &str, expect: Expect) {
        let lowering = crate::lower("t.c", source);
        assert!(
            lowering.diagnostics.is_empty(),
            "{:?}",
            lowering.diagnostics
        );
        let module = lowering.module.expect("a module");
        assert_eq!(ir::verify(&module), Ok(()));
        expect.assert_eq(&ir::print_module(&module, None));
    }

    #[test]
    fn globals_locals_and_array_parameters() {
        check(
            "int g = 5;\nint t[3] = {1, 2};\nint get(int a[], int i) { return a[i]; }\nint main(void) {\n  int a[2];\n  a[1] = g;\n  return get(t, 2) + get(a, 1) + t[1];\n}\n",
            expect![[r#"
                global @g[1] = 5
                global @t[3] = 1, 2

                func get(a.0, a.len.1, i.2) -> value {
                b0:
                  #0    check i.2 < a.len.1
                  #1    t3 = add a.0, i.2
                  #2    t4 = load [t3]
                  #3    return t4
                }

                entry func main() -> value {
                  frame f0[2]
                b0:
                  #4    t0 = addr f0
                  #5    t1 = load [@g]
                  #6    store [t0+1], t1
                  #7    t2 = addr @t
                  #8    t3 = call get(t2, 3, 2)
                  #9    t4 = addr f0
                  #10   t5 = call get(t4, 2, 1)
                  #11   t6 = add t3, t5
                  #12   t7 = load [@t+1]
                  #13   t8 = add t6, t7
                  #14   return t8
                }
            "#]],
        );
    }

    #[test]
    fn short_circuit_conditions_branch_directly() {
        check(
            "int main(void) {\n  int x = 1, y = 0;\n  if (x && !y || x > 2) y = x ? 3 : 4;\n  return y;\n}\n",
            expect![[r#"
                entry func main() -> value {
                b0:
                  #0    x.0 = 1
                  #1    y.1 = 0
                  #2    branch x.0, b4, b3
                b1:
                  #3    branch x.0, b6, b7
                b2:
                  #4    return y.1
                b3:
                  #5    t2 = gt x.0, 2
                  #6    branch t2, b1, b2
                b4:
                  #7    branch y.1, b3, b1
                b5:
                  #8    y.1 = t3
                  #9    jump b2
                b6:
                  #10   t3 = 3
                  #11   jump b5
                b7:
                  #12   t3 = 4
                  #13   jump b5
                }
            "#]],
        );
    }

    #[test]
    fn switch_falls_through_and_printf_pads() {
        check(
            "int main(void) {\n  int n = 2;\n  switch (n) { case 1: n++; case 2: n--; break; default: n = 0; }\n  printf(\"[%3d|%-2c|%s]\\n\", n, 'x', n ? \"a\" : \"bc\");\n  return 0;\n}\n",
            expect![[r#"
                entry func main() -> value {
                b0:
                  #0    n.0 = 2
                  #1    t1 = eq n.0, 1
                  #2    branch t1, b1, b5
                b1:
                  #3    n.0 = add n.0, 1
                  #4    jump b2
                b2:
                  #5    n.0 = sub n.0, 1
                  #6    jump b4
                b3:
                  #7    n.0 = 0
                  #8    jump b4
                b4:
                  #9    branch n.0, b7, b8
                b5:
                  #10   t2 = eq n.0, 2
                  #11   branch t2, b2, b6
                b6:
                  #12   jump b3
                b7:
                  #13   t3 = 0
                  #14   jump b9
                b8:
                  #15   t3 = 1
                  #16   jump b9
                b9:
                  #17   printstr "["
                  #18   call printf.pad(n.0, 3, 0)
                  #19   printstr "|"
                  #20   printchar 120
                  #21   printstr " "
                  #22   printstr "|"
                  #23   t4 = eq t3, 0
                  #24   branch t4, b11, b12
                b10:
                  #25   printstr "]\n"
                  #26   return 0
                b11:
                  #27   printstr "a"
                  #28   jump b10
                b12:
                  #29   printstr "bc"
                  #30   jump b10
                }

                func printf.pad(value.0, width.1, mode.2) {
                b0:
                  #31   t3 = abs value.0
                  #32   t4 = t3
                  #33   t5 = 1
                  #34   jump b1
                b1:
                  #35   t6 = ge t4, 10
                  #36   branch t6, b2, b3
                b2:
                  #37   t4 = div t4, 10
                  #38   t5 = add t5, 1
                  #39   jump b1
                b3:
                  #40   t7 = lt value.0, 0
                  #41   branch t7, b4, b5
                b4:
                  #42   t5 = add t5, 1
                  #43   jump b5
                b5:
                  #44   t8 = sub width.1, t5
                  #45   t9 = eq mode.2, 0
                  #46   branch t9, b6, b7
                b6:
                  #47   jump b10
                b7:
                  #48   t10 = eq mode.2, 1
                  #49   branch t10, b8, b9
                b8:
                  #50   print value.0
                  #51   jump b13
                b9:
                  #52   branch t7, b16, b17
                b10:
                  #53   t11 = gt t8, 0
                  #54   branch t11, b11, b12
                b11:
                  #55   printchar 32
                  #56   t8 = sub t8, 1
                  #57   jump b10
                b12:
                  #58   print value.0
                  #59   return
                b13:
                  #60   t12 = gt t8, 0
                  #61   branch t12, b14, b15
                b14:
                  #62   printchar 32
                  #63   t8 = sub t8, 1
                  #64   jump b13
                b15:
                  #65   return
                b16:
                  #66   printchar 45
                  #67   jump b17
                b17:
                  #68   jump b18
                b18:
                  #69   t13 = gt t8, 0
                  #70   branch t13, b19, b20
                b19:
                  #71   printchar 48
                  #72   t8 = sub t8, 1
                  #73   jump b18
                b20:
                  #74   print t3
                  #75   return
                }
            "#]],
        );
    }
}
