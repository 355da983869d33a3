//! Shared by the test files: running a module through the reference interpreter and
//! through code generation and the machine, checking that the two agree, and the pieces of
//! test programs that several files build.

#![allow(dead_code, reason = "each test file uses a different part of it")]
#![allow(unreachable_pub, reason = "a module of the test crate, not a library")]

use std::sync::Arc;

use codegen::Generated;
use diag::Span;
use emu::{Machine, Status};
use ir::{BinOp, End, FuncId, Module, ModuleBuilder, Num, Operand};
use isa::Insn;

/// Steps the machine may take before a test gives up on it.
const MACHINE_STEPS: u64 = 200_000_000;
/// IR steps the interpreter may take.
const IR_STEPS: u64 = 20_000_000;

/// Every binary operation of the IR, for tests that try each one.
pub const BINOPS: [BinOp; 13] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::Div,
    BinOp::Rem,
    BinOp::FloorDiv,
    BinOp::FloorMod,
    BinOp::Eq,
    BinOp::Ne,
    BinOp::Lt,
    BinOp::Le,
    BinOp::Gt,
    BinOp::Ge,
];

/// What a run printed and how it ended, in the interpreter's terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub output: String,
    pub end: End,
}

/// Numbers from small integers.
pub fn cards(values: &[i64]) -> Vec<Num> {
    values.iter().map(|v| Num::from(*v)).collect()
}

/// Generates code for `module`, checking what every generated program must satisfy: it
/// validates, it has one origin per instruction, and its disassembly assembles back to
/// the identical program.
pub fn generate(module: &Module) -> Generated {
    let g = codegen::generate(module);
    g.program
        .validate()
        .expect("the generated program validates");
    assert_eq!(g.origins.len(), g.program.insns.len());
    let text = asm::disassemble(&g.program);
    let back = asm::assemble(&text);
    assert_eq!(
        back.program.as_ref(),
        Some(&g.program),
        "the disassembly assembles back to the same program:\n{text}\n{:?}",
        back.diagnostics
    );
    g
}

/// Runs a generated program on the machine. A fault is reported as the engine reports it:
/// a trap's or guard's own message, else the machine's fault name; at the faulting
/// instruction's span, or for one without an origin, the innermost call on the stack that
/// has one.
pub fn on_machine(module: &Module, g: &Generated, cards: &[Num]) -> (Outcome, Machine) {
    let mut m = Machine::new(Arc::new(g.program.clone()), Arc::from(cards)).expect("valid");
    m.run(MACHINE_STEPS, None);
    let end = match m.status().clone() {
        Status::Halted => {
            let entry = module.function(module.entry);
            End::Returned(entry.returns_value.then(|| m.cpu().reg(isa::Reg::A)))
        }
        Status::Faulted(fault) => {
            let pc = m.cpu().pc;
            let message = g
                .fault_messages()
                .get(&pc)
                .map_or_else(|| fault.name().to_string(), |m| m.to_string());
            End::Fault {
                message,
                span: blame(g, &m, pc),
            }
        }
        Status::Running => End::BudgetExhausted,
    };
    let output = m.output().to_string();
    (Outcome { output, end }, m)
}

/// The span of `pc`, or of the innermost call on the stack with an origin.
fn blame(g: &Generated, m: &Machine, pc: u32) -> Option<Span> {
    if let Some(o) = g.origins[pc as usize] {
        return Some(o.span);
    }
    let program = m.program();
    (m.cpu().sp..program.store_size).find_map(|column| {
        let ret = m
            .store()
            .get(column)?
            .to_index(program.insns.len() as u32 + 1)?;
        let call = ret.checked_sub(1)?;
        matches!(program.insns.get(call as usize), Some(Insn::Call(_)))
            .then(|| g.origins[call as usize].map(|o| o.span))
            .flatten()
    })
}

/// Runs `module` both ways with these cards and checks that they print the same and end
/// the same way; returns what they did.
pub fn check(module: &Module, cards: &[Num]) -> Outcome {
    ir::verify(module).expect("the test builds a valid module");
    let g = generate(module);
    let (machine, _) = on_machine(module, &g, cards);
    let run = ir::interpret(module, cards, IR_STEPS);
    let reference = Outcome {
        output: run.output,
        end: run.end,
    };
    assert_eq!(
        machine,
        reference,
        "machine (left) and interpreter (right) disagree; program:\n{}",
        asm::disassemble(&g.program)
    );
    machine
}

/// A span for the `k`-th construct of a test program.
pub fn at(k: usize) -> Option<Span> {
    Some(Span::new(k, k + 1))
}

/// A module of one function, `main`, built by `body`; `main` returns a value when
/// `returns` says so.
pub fn program(returns: bool, body: impl FnOnce(&mut ir::FunctionBuilder)) -> Module {
    let mut m = ir::ModuleBuilder::new();
    let main = m.declare("main");
    let mut f = ir::FunctionBuilder::new("main", &[], returns);
    body(&mut f);
    m.define(main, f.finish());
    m.finish(main)
}

/// Prints a value and a space.
pub fn print(f: &mut ir::FunctionBuilder, v: impl Into<ir::Operand>) {
    f.push(ir::InstKind::PrintNum(v.into()));
    f.push(ir::InstKind::PrintChar(ir::Operand::int(' ' as i64)));
}

/// A fault with this message at this span.
pub fn fault(message: &str, span: Option<Span>) -> End {
    End::Fault {
        message: message.to_string(),
        span,
    }
}

/// Defines `fact(n) = n <base> bound ? 1 : n * fact(n − 1)` as the function `fact` of `m`.
pub fn define_factorial(m: &mut ModuleBuilder, fact: FuncId, base: BinOp, bound: i64) {
    let mut f = ir::FunctionBuilder::new("fact", &["n"], true);
    let n = f.param(0);
    let zero = f.new_block();
    let more = f.new_block();
    let c = f.binary(base, n, Operand::int(bound));
    f.branch(c, zero, more);
    f.switch_to(zero);
    f.ret(Some(Operand::int(1)));
    f.switch_to(more);
    let a = f.binary(BinOp::Sub, n, Operand::int(1));
    let r = f.call(fact, vec![a.into()], true).unwrap();
    let p = f.binary(BinOp::Mul, n, r);
    f.ret(Some(p.into()));
    m.define(fact, f.finish());
}

/// The names of the generated program's data symbols, in order.
pub fn data_names(g: &Generated) -> Vec<&str> {
    g.program
        .symbols
        .data
        .iter()
        .map(|d| d.name.as_str())
        .collect()
}
