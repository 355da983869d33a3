//! The IR's readable text form, shown in the app's IR view and by `babbage build --emit ir`.
//!
//! Each instruction is printed with its module-wide id (`#12`, see [`Module::first_ids`])
//! and, when it has a span and a source text is given, the source line it came from.

use std::fmt::Write;

use diag::LineIndex;

use crate::module::{
    Address, Function, GlobalId, Inst, InstKind, Module, Operand, Term, TermKind, Var,
};

/// The module as text. With `source`, each instruction notes its source line.
pub fn print_module(module: &Module, source: Option<&str>) -> String {
    let index = source.map(|s| (s, LineIndex::new(s)));
    let mut out = String::new();
    for (i, g) in module.globals.iter().enumerate() {
        let _ = write!(
            out,
            "global {}[{}]",
            global_name(module, GlobalId(i as u32)),
            g.size
        );
        if !g.init.is_empty() {
            let values: Vec<String> = g.init.iter().map(ToString::to_string).collect();
            let _ = write!(out, " = {}", values.join(", "));
        }
        out.push('\n');
    }
    let ids = module.first_ids();
    for (f, function) in module.functions.iter().enumerate() {
        if !out.is_empty() {
            out.push('\n');
        }
        let entry = if f == module.entry.0 as usize {
            "entry "
        } else {
            ""
        };
        let params: Vec<String> = (0..function.params)
            .map(|p| var_name(function, Var(p)))
            .collect();
        let _ = write!(out, "{entry}func {}({})", function.name, params.join(", "));
        if function.returns_value {
            out.push_str(" -> value");
        }
        out.push_str(" {\n");
        for (slot, size) in function.frame.iter().enumerate() {
            let _ = writeln!(out, "  frame f{slot}[{size}]");
        }
        for (b, block) in function.blocks.iter().enumerate() {
            let _ = writeln!(out, "b{b}:");
            let first = ids[f][b];
            for (k, inst) in block.insts.iter().enumerate() {
                line(
                    &mut out,
                    first + k as u32,
                    &inst_text(module, function, inst),
                    inst.span,
                    &index,
                );
            }
            let term = &block.term;
            line(
                &mut out,
                first + block.insts.len() as u32,
                &term_text(function, term),
                term.span,
                &index,
            );
        }
        out.push_str("}\n");
    }
    out
}

fn line(
    out: &mut String,
    id: u32,
    text: &str,
    span: Option<diag::Span>,
    index: &Option<(&str, LineIndex)>,
) {
    let _ = write!(out, "  #{id:<4} {text}");
    if let (Some(span), Some((source, index))) = (span, index) {
        let at = index.line_col(source, span.start as usize);
        let pad = 36usize.saturating_sub(text.chars().count());
        let _ = write!(out, "{:pad$} ; line {}", "", at.line);
    }
    out.push('\n');
}

/// A variable as the text form names it: `n.3` for a source variable, `t3` for a temporary.
fn var_name(function: &Function, v: Var) -> String {
    match function
        .vars
        .get(v.0 as usize)
        .and_then(|i| i.name.as_deref())
    {
        Some(name) => format!("{name}.{}", v.0),
        None => format!("t{}", v.0),
    }
}

fn global_name(module: &Module, g: GlobalId) -> String {
    match module.globals.get(g.0 as usize) {
        Some(global) => format!("@{}", global.name),
        None => format!("@?{}", g.0),
    }
}

fn operand(function: &Function, o: &Operand) -> String {
    match o {
        Operand::Var(v) => var_name(function, *v),
        Operand::Const(n) => n.to_string(),
    }
}

fn address(module: &Module, function: &Function, a: &Address) -> String {
    match a {
        Address::Global { global, offset: 0 } => format!("[{}]", global_name(module, *global)),
        Address::Global { global, offset } => {
            format!("[{}+{offset}]", global_name(module, *global))
        }
        Address::Ptr { base, offset: 0 } => format!("[{}]", operand(function, base)),
        Address::Ptr { base, offset } if *offset < 0 => {
            format!("[{}{offset}]", operand(function, base))
        }
        Address::Ptr { base, offset } => format!("[{}+{offset}]", operand(function, base)),
    }
}

fn args(function: &Function, args: &[Operand]) -> String {
    args.iter()
        .map(|a| operand(function, a))
        .collect::<Vec<_>>()
        .join(", ")
}

fn inst_text(module: &Module, function: &Function, inst: &Inst) -> String {
    let v = |v: &Var| var_name(function, *v);
    let o = |o: &Operand| operand(function, o);
    let assign = |dst: &Option<Var>| dst.map(|d| format!("{} = ", v(&d))).unwrap_or_default();
    match &inst.kind {
        InstKind::Copy { dst, src } => format!("{} = {}", v(dst), o(src)),
        InstKind::Unary { dst, op, arg } => format!("{} = {} {}", v(dst), op.name(), o(arg)),
        InstKind::Binary { dst, op, lhs, rhs } => {
            format!("{} = {} {}, {}", v(dst), op.name(), o(lhs), o(rhs))
        }
        InstKind::GlobalAddr { dst, global } => {
            format!("{} = addr {}", v(dst), global_name(module, *global))
        }
        InstKind::FrameAddr { dst, slot } => format!("{} = addr f{slot}", v(dst)),
        InstKind::FuncAddr { dst, func } => {
            let name = module
                .functions
                .get(func.0 as usize)
                .map_or("?", |f| f.name.as_str());
            format!("{} = func {name}", v(dst))
        }
        InstKind::Load { dst, addr } => {
            format!("{} = load {}", v(dst), address(module, function, addr))
        }
        InstKind::Store { addr, value } => {
            format!("store {}, {}", address(module, function, addr), o(value))
        }
        InstKind::Alloc { dst, words } => format!("{} = alloc {}", v(dst), o(words)),
        InstKind::Call { dst, func, args: a } => {
            let name = module
                .functions
                .get(func.0 as usize)
                .map_or("?", |f| f.name.as_str());
            format!("{}call {name}({})", assign(dst), args(function, a))
        }
        InstKind::CallIndirect {
            dst,
            callee,
            args: a,
        } => {
            format!("{}call *{}({})", assign(dst), o(callee), args(function, a))
        }
        InstKind::CheckIndex { index, len } => format!("check {} < {}", o(index), o(len)),
        InstKind::ReadCard { dst } => format!("{} = read", v(dst)),
        InstKind::PrintNum(x) => format!("print {}", o(x)),
        InstKind::PrintChar(x) => format!("printchar {}", o(x)),
        InstKind::PrintStr(text) => format!("printstr {text:?}"),
        InstKind::Bell => "bell".to_string(),
    }
}

fn term_text(function: &Function, term: &Term) -> String {
    match &term.kind {
        TermKind::Jump(b) => format!("jump b{}", b.0),
        TermKind::Branch {
            cond,
            then_block,
            else_block,
        } => format!(
            "branch {}, b{}, b{}",
            operand(function, cond),
            then_block.0,
            else_block.0
        ),
        TermKind::Return(None) => "return".to_string(),
        TermKind::Return(Some(value)) => format!("return {}", operand(function, value)),
        TermKind::Fault(kind) => format!("fault {}", kind.name()),
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;
    use crate::builder::{FunctionBuilder, ModuleBuilder};
    use crate::module::BinOp;

    #[test]
    fn a_recursive_function_prints_readably() {
        let source = "int fib(int n) {\n  if (n < 2) return n;\n  return fib(n-1) + fib(n-2);\n}\n";
        let mut m = ModuleBuilder::new();
        let table = m.global("table", 3, vec![1.into(), 2.into()], None);
        let fib = m.declare("fib");
        let main = m.declare("main");
        let mut f = FunctionBuilder::new("fib", &["n"], true);
        let n = f.param(0);
        let small = f.new_block();
        let big = f.new_block();
        f.set_span(Some(diag::Span::new(23, 28)));
        let c = f.binary(BinOp::Lt, n, Operand::int(2));
        f.branch(c, small, big);
        f.switch_to(small);
        f.ret(Some(n.into()));
        f.switch_to(big);
        f.set_span(Some(diag::Span::new(52, 58)));
        let a = f.binary(BinOp::Sub, n, Operand::int(1));
        let x = f.call(fib, vec![a.into()], true).expect("a result");
        let b = f.binary(BinOp::Sub, n, Operand::int(2));
        let y = f.call(fib, vec![b.into()], true).expect("a result");
        let s = f.binary(BinOp::Add, x, y);
        f.ret(Some(s.into()));
        m.define(fib, f.finish());
        let mut g = FunctionBuilder::new("main", &[], false);
        let r = g.call(fib, vec![Operand::int(10)], true).expect("a result");
        g.push(InstKind::PrintNum(r.into()));
        g.store(
            Address::Global {
                global: table,
                offset: 2,
            },
            r,
        );
        g.push(InstKind::PrintStr("\n".into()));
        m.define(main, g.finish());
        let module = m.finish(main);
        expect![[r#"
            global @table[3] = 1, 2

            func fib(n.0) -> value {
            b0:
              #0    t1 = lt n.0, 2                       ; line 2
              #1    branch t1, b1, b2                    ; line 2
            b1:
              #2    return n.0                           ; line 2
            b2:
              #3    t2 = sub n.0, 1                      ; line 3
              #4    t3 = call fib(t2)                    ; line 3
              #5    t4 = sub n.0, 2                      ; line 3
              #6    t5 = call fib(t4)                    ; line 3
              #7    t6 = add t3, t5                      ; line 3
              #8    return t6                            ; line 3
            }

            entry func main() {
            b0:
              #9    t0 = call fib(10)
              #10   print t0
              #11   store [@table+2], t0
              #12   printstr "\n"
              #13   return
            }
        "#]]
        .assert_eq(&print_module(&module, Some(source)));
    }
}
