//! Building modules and functions the way a front end walks its syntax tree.

use diag::Span;
use isa::Num;

use crate::module::{
    Address, BinOp, Block, BlockId, FuncId, Function, Global, GlobalId, Inst, InstKind, Module,
    Operand, Term, TermKind, UnOp, Var, VarInfo,
};

/// Builds a module: globals, and functions that may be declared before they are defined
/// (for recursion and forward references).
#[derive(Debug, Default)]
pub struct ModuleBuilder {
    globals: Vec<Global>,
    functions: Vec<Option<Function>>,
    names: Vec<String>,
}

impl ModuleBuilder {
    /// An empty module.
    pub fn new() -> ModuleBuilder {
        ModuleBuilder::default()
    }

    /// Adds a global of `size` columns (at least 1) whose first columns start as `init`.
    pub fn global(
        &mut self,
        name: &str,
        size: u32,
        init: Vec<Num>,
        span: Option<Span>,
    ) -> GlobalId {
        self.globals.push(Global {
            name: name.to_string(),
            size: size.max(1).max(init.len() as u32),
            init,
            span,
        });
        GlobalId(self.globals.len() as u32 - 1)
    }

    /// Declares a function by name, to be defined later with [`ModuleBuilder::define`].
    /// Declaring a name twice gives the same id.
    pub fn declare(&mut self, name: &str) -> FuncId {
        if let Some(i) = self.names.iter().position(|n| n == name) {
            return FuncId(i as u32);
        }
        self.names.push(name.to_string());
        self.functions.push(None);
        FuncId(self.functions.len() as u32 - 1)
    }

    /// The function declared under a name, if any.
    pub fn lookup(&self, name: &str) -> Option<FuncId> {
        self.names
            .iter()
            .position(|n| n == name)
            .map(|i| FuncId(i as u32))
    }

    /// Whether a declared function has been defined.
    pub fn is_defined(&self, id: FuncId) -> bool {
        self.functions
            .get(id.0 as usize)
            .is_some_and(Option::is_some)
    }

    /// Defines a declared function; its name becomes the declared one.
    pub fn define(&mut self, id: FuncId, mut function: Function) {
        function.name = self.names[id.0 as usize].clone();
        self.functions[id.0 as usize] = Some(function);
    }

    /// The module, starting at `entry`. A function declared but never defined becomes
    /// one with no blocks, which the verifier rejects.
    pub fn finish(self, entry: FuncId) -> Module {
        let functions = self
            .functions
            .into_iter()
            .zip(self.names)
            .map(|(f, name)| {
                f.unwrap_or(Function {
                    name,
                    params: 0,
                    vars: Vec::new(),
                    blocks: Vec::new(),
                    frame: Vec::new(),
                    returns_value: false,
                    span: None,
                })
            })
            .collect();
        Module {
            globals: self.globals,
            functions,
            entry,
        }
    }
}

/// A block under construction.
#[derive(Debug, Default)]
struct Open {
    insts: Vec<Inst>,
    term: Option<Term>,
}

/// Builds one function. Instructions go to the current block and take the current span;
/// after a terminator, further instructions go to a fresh block that nothing reaches (the
/// code after a `return`), which [`FunctionBuilder::finish`] drops.
#[derive(Debug)]
pub struct FunctionBuilder {
    name: String,
    params: u32,
    vars: Vec<VarInfo>,
    blocks: Vec<Open>,
    current: BlockId,
    frame: Vec<u32>,
    returns_value: bool,
    span: Option<Span>,
    def_span: Option<Span>,
}

impl FunctionBuilder {
    /// Starts a function with named parameters (variables `0 …`), at its entry block.
    pub fn new(name: &str, params: &[&str], returns_value: bool) -> FunctionBuilder {
        FunctionBuilder {
            name: name.to_string(),
            params: params.len() as u32,
            vars: params
                .iter()
                .map(|p| VarInfo {
                    name: Some((*p).to_string()),
                })
                .collect(),
            blocks: vec![Open::default()],
            current: BlockId(0),
            frame: Vec::new(),
            returns_value,
            span: None,
            def_span: None,
        }
    }

    /// Sets the span of the whole definition.
    pub fn set_def_span(&mut self, span: Option<Span>) {
        self.def_span = span;
    }

    /// The variable holding parameter `i`.
    pub fn param(&self, i: u32) -> Var {
        Var(i)
    }

    /// A new variable with a source name.
    pub fn named_var(&mut self, name: &str) -> Var {
        self.vars.push(VarInfo {
            name: Some(name.to_string()),
        });
        Var(self.vars.len() as u32 - 1)
    }

    /// A new temporary.
    pub fn temp(&mut self) -> Var {
        self.vars.push(VarInfo::default());
        Var(self.vars.len() as u32 - 1)
    }

    /// Reserves a frame array of `size` columns; [`FunctionBuilder::frame_addr`] gives
    /// its address in the current call.
    pub fn frame_array(&mut self, size: u32) -> u32 {
        self.frame.push(size.max(1));
        self.frame.len() as u32 - 1
    }

    /// The span that the instructions pushed from now on carry.
    pub fn set_span(&mut self, span: Option<Span>) {
        self.span = span;
    }

    /// The span instructions get now.
    pub fn span(&self) -> Option<Span> {
        self.span
    }

    /// A new, empty block (not yet current).
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Open::default());
        BlockId(self.blocks.len() as u32 - 1)
    }

    /// Makes `block` the one instructions go to.
    pub fn switch_to(&mut self, block: BlockId) {
        self.current = block;
    }

    /// The block instructions go to now.
    pub fn current_block(&self) -> BlockId {
        self.current
    }

    /// Whether the current block already has its terminator.
    pub fn is_terminated(&self) -> bool {
        self.blocks[self.current.0 as usize].term.is_some()
    }

    /// Appends an instruction to the current block.
    pub fn push(&mut self, kind: InstKind) {
        if self.is_terminated() {
            let dead = self.new_block();
            self.switch_to(dead);
        }
        let span = self.span;
        self.blocks[self.current.0 as usize]
            .insts
            .push(Inst { kind, span });
    }

    /// Ends the current block. Ending one that has ended already starts a fresh
    /// unreachable block first, so the terminator is dropped with it.
    pub fn terminate(&mut self, kind: TermKind) {
        if self.is_terminated() {
            let dead = self.new_block();
            self.switch_to(dead);
        }
        let span = self.span;
        self.blocks[self.current.0 as usize].term = Some(Term { kind, span });
    }

    /// Ends the current block with a jump to `target`, then makes `target` current.
    pub fn jump_to(&mut self, target: BlockId) {
        self.terminate(TermKind::Jump(target));
        self.switch_to(target);
    }

    /// `dst ← src`.
    pub fn copy(&mut self, dst: Var, src: impl Into<Operand>) {
        self.push(InstKind::Copy {
            dst,
            src: src.into(),
        });
    }

    /// A new temporary holding `op arg`.
    pub fn unary(&mut self, op: UnOp, arg: impl Into<Operand>) -> Var {
        let dst = self.temp();
        self.push(InstKind::Unary {
            dst,
            op,
            arg: arg.into(),
        });
        dst
    }

    /// A new temporary holding `lhs op rhs`.
    pub fn binary(&mut self, op: BinOp, lhs: impl Into<Operand>, rhs: impl Into<Operand>) -> Var {
        let dst = self.temp();
        self.push(InstKind::Binary {
            dst,
            op,
            lhs: lhs.into(),
            rhs: rhs.into(),
        });
        dst
    }

    /// A new temporary holding a global's address.
    pub fn global_addr(&mut self, global: GlobalId) -> Var {
        let dst = self.temp();
        self.push(InstKind::GlobalAddr { dst, global });
        dst
    }

    /// A new temporary holding a frame array's address in this call.
    pub fn frame_addr(&mut self, slot: u32) -> Var {
        let dst = self.temp();
        self.push(InstKind::FrameAddr { dst, slot });
        dst
    }

    /// A new temporary holding a Store column.
    pub fn load(&mut self, addr: Address) -> Var {
        let dst = self.temp();
        self.push(InstKind::Load { dst, addr });
        dst
    }

    /// A Store column `← value`.
    pub fn store(&mut self, addr: Address, value: impl Into<Operand>) {
        self.push(InstKind::Store {
            addr,
            value: value.into(),
        });
    }

    /// Calls a function; a new temporary takes its result when `returns_value`.
    pub fn call(&mut self, func: FuncId, args: Vec<Operand>, returns_value: bool) -> Option<Var> {
        let dst = returns_value.then(|| self.temp());
        self.push(InstKind::Call { dst, func, args });
        dst
    }

    /// Ends the current block with a two-way branch.
    pub fn branch(&mut self, cond: impl Into<Operand>, then_block: BlockId, else_block: BlockId) {
        self.terminate(TermKind::Branch {
            cond: cond.into(),
            then_block,
            else_block,
        });
    }

    /// Ends the current block with a return.
    pub fn ret(&mut self, value: Option<Operand>) {
        self.terminate(TermKind::Return(value));
    }

    /// The function. Blocks left open return (0 for a function that returns a value);
    /// blocks nothing can reach are dropped and the rest renumbered in order.
    pub fn finish(mut self) -> Function {
        for block in &mut self.blocks {
            if block.term.is_none() {
                let value = self.returns_value.then(|| Operand::int(0));
                block.term = Some(Term {
                    kind: TermKind::Return(value),
                    span: self.span,
                });
            }
        }
        let blocks: Vec<Block> = self
            .blocks
            .into_iter()
            .map(|b| Block {
                insts: b.insts,
                term: b.term.expect("every block is terminated above"),
            })
            .collect();
        Function {
            name: self.name,
            params: self.params,
            vars: self.vars,
            blocks: drop_unreachable(blocks),
            frame: self.frame,
            returns_value: self.returns_value,
            span: self.def_span,
        }
    }
}

/// Drops the blocks that block 0 cannot reach, renumbering the rest in their order.
pub(crate) fn drop_unreachable(blocks: Vec<Block>) -> Vec<Block> {
    let mut reached = vec![false; blocks.len()];
    let mut stack = vec![0usize];
    while let Some(b) = stack.pop() {
        if b >= blocks.len() || std::mem::replace(&mut reached[b], true) {
            continue;
        }
        stack.extend(
            blocks[b]
                .term
                .kind
                .successors()
                .iter()
                .map(|s| s.0 as usize),
        );
    }
    let mut renumber = vec![0u32; blocks.len()];
    let mut next = 0;
    for (i, r) in reached.iter().enumerate() {
        if *r {
            renumber[i] = next;
            next += 1;
        }
    }
    let map = |b: &mut BlockId| b.0 = renumber[b.0 as usize];
    blocks
        .into_iter()
        .zip(reached)
        .filter_map(|(mut block, r)| {
            r.then(|| {
                match &mut block.term.kind {
                    TermKind::Jump(b) => map(b),
                    TermKind::Branch {
                        then_block,
                        else_block,
                        ..
                    } => {
                        map(then_block);
                        map(else_block);
                    }
                    TermKind::Return(_) | TermKind::Fault(_) => {}
                }
                block
            })
        })
        .collect()
}

/// A module of one function, `main`, built by `body`: the smallest program, which the
/// unit tests of several modules build.
#[cfg(test)]
pub(crate) fn main_module(returns_value: bool, body: impl FnOnce(&mut FunctionBuilder)) -> Module {
    let mut m = ModuleBuilder::new();
    let main = m.declare("main");
    let mut f = FunctionBuilder::new("main", &[], returns_value);
    body(&mut f);
    m.define(main, f.finish());
    m.finish(main)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_after_a_return_is_dropped() {
        let mut f = FunctionBuilder::new("f", &["n"], true);
        let n = f.param(0);
        f.ret(Some(n.into()));
        let t = f.binary(BinOp::Add, n, Operand::int(1));
        f.ret(Some(t.into()));
        let f = f.finish();
        assert_eq!(f.blocks.len(), 1);
        assert!(f.blocks[0].insts.is_empty());
    }

    #[test]
    fn unreachable_blocks_go_and_the_rest_are_renumbered() {
        let mut f = FunctionBuilder::new("f", &[], false);
        let unused = f.new_block();
        let end = f.new_block();
        f.jump_to(end);
        f.ret(None);
        let _ = unused;
        let f = f.finish();
        assert_eq!(f.blocks.len(), 2);
        assert_eq!(f.blocks[0].term.kind, TermKind::Jump(BlockId(1)));
    }
}
