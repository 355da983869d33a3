//! The verifier: the rules a module must keep for code generation to compile it.
//!
//! Front ends run it in their tests; code generation may assume a module that passes.
//! The interpreter does not need it: it turns every broken rule it meets into a fault.

use std::fmt;

use crate::layout::FRAME_BASE;
use crate::module::{
    Address, BlockId, FuncId, Function, GlobalId, Inst, InstKind, Module, Operand, TermKind, Var,
};

/// One broken rule and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// The function, or `None` for a rule about the module (its entry, its globals).
    pub function: Option<FuncId>,
    /// The block, or `None` for a rule about the whole function.
    pub block: Option<BlockId>,
    /// The instruction's index in its block (the terminator's is the number of
    /// instructions), or `None` for a rule about the whole block.
    pub inst: Option<usize>,
    /// What is wrong, in lower case.
    pub message: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(func) = self.function {
            write!(f, "function {}", func.0)?;
            if let Some(b) = self.block {
                write!(f, ", b{}", b.0)?;
            }
            if let Some(i) = self.inst {
                write!(f, ", instruction {i}")?;
            }
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
    }
}

/// Checks every rule, and returns every broken one, in module order:
///
/// - the entry function exists and takes no parameters; function names are unique;
/// - each global has at least one column, no more initial values than columns, and all
///   of them fit below the heap's pointer columns ([`layout::FRAME_BASE`]);
/// - each function has at least one block and no more parameters than variables;
/// - every variable, block, function, global (with its offset) and frame slot named
///   exists;
/// - a call passes one argument per parameter, and takes a result (`dst`) only from a
///   function that returns one;
/// - a `Return` carries a value exactly when its function returns one.
pub fn verify(module: &Module) -> Result<(), Vec<VerifyError>> {
    let mut errors = Vec::new();
    let mut module_error = |message: String| {
        errors.push(VerifyError {
            function: None,
            block: None,
            inst: None,
            message,
        })
    };
    match module.functions.get(module.entry.0 as usize) {
        None => module_error(format!(
            "the entry function {} does not exist",
            module.entry.0
        )),
        Some(f) if f.params > 0 => module_error(format!(
            "the entry function `{}` takes {}; it must take none",
            f.name,
            count(f.params as usize, "parameter")
        )),
        Some(_) => {}
    }
    let mut columns = 0u64;
    for g in &module.globals {
        if g.size == 0 {
            module_error(format!("global `{}` has no columns", g.name));
        }
        if g.init.len() as u64 > u64::from(g.size) {
            module_error(format!(
                "global `{}` has {} for {}",
                g.name,
                count(g.init.len(), "initial value"),
                count(g.size as usize, "column")
            ));
        }
        columns += u64::from(g.size);
    }
    if columns > u64::from(FRAME_BASE) {
        module_error(format!(
            "the globals need {columns} columns; at most {FRAME_BASE} fit below the stack"
        ));
    }
    for (i, f) in module.functions.iter().enumerate() {
        if module.functions[..i].iter().any(|g| g.name == f.name) {
            errors.push(VerifyError {
                function: Some(FuncId(i as u32)),
                block: None,
                inst: None,
                message: format!("a second function is named `{}`", f.name),
            });
        }
        check_function(module, FuncId(i as u32), f, &mut errors);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// `1 column`, `2 columns`.
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The checks of one function, with where they are.
struct Checker<'a> {
    module: &'a Module,
    function: &'a Function,
    func: FuncId,
    block: BlockId,
    inst: usize,
    errors: &'a mut Vec<VerifyError>,
}

impl<'a> Checker<'a> {
    fn error(&mut self, message: String) {
        self.errors.push(VerifyError {
            function: Some(self.func),
            block: Some(self.block),
            inst: Some(self.inst),
            message,
        });
    }

    fn var(&mut self, v: Var) {
        if v.0 as usize >= self.function.vars.len() {
            let n = self.function.vars.len();
            self.error(format!(
                "variable {} does not exist ({})",
                v.0,
                count(n, "variable")
            ));
        }
    }

    fn operand(&mut self, o: &Operand) {
        if let Operand::Var(v) = o {
            self.var(*v);
        }
    }

    fn target(&mut self, b: BlockId) {
        if b.0 as usize >= self.function.blocks.len() {
            let n = self.function.blocks.len();
            self.error(format!(
                "block b{} does not exist ({})",
                b.0,
                count(n, "block")
            ));
        }
    }

    fn func(&mut self, id: FuncId) -> Option<&'a Function> {
        let found = self.module.functions.get(id.0 as usize);
        if found.is_none() {
            self.error(format!("function {} does not exist", id.0));
        }
        found
    }

    fn global(&mut self, global: GlobalId, offset: Option<u32>) {
        match self.module.globals.get(global.0 as usize) {
            None => self.error(format!("global {} does not exist", global.0)),
            Some(g) => {
                if let Some(offset) = offset.filter(|o| *o >= g.size) {
                    self.error(format!(
                        "offset {offset} is outside global `{}` of {} columns",
                        g.name, g.size
                    ));
                }
            }
        }
    }

    fn inst(&mut self, inst: &Inst) {
        if let Some(dst) = inst.kind.dst() {
            self.var(dst);
        }
        for o in inst.kind.operands() {
            self.operand(&o);
        }
        match &inst.kind {
            InstKind::GlobalAddr { global, .. } => self.global(*global, None),
            InstKind::Load { addr, .. } | InstKind::Store { addr, .. } => {
                if let Address::Global { global, offset } = addr {
                    self.global(*global, Some(*offset));
                }
            }
            InstKind::FrameAddr { slot, .. } if *slot as usize >= self.function.frame.len() => {
                let n = self.function.frame.len();
                let arrays = count(n, "frame array");
                self.error(format!("frame array f{slot} does not exist ({arrays})"));
            }
            InstKind::FuncAddr { func, .. } => {
                self.func(*func);
            }
            InstKind::Call { dst, func, args } => {
                if let Some(callee) = self.func(*func) {
                    let (name, params) = (&callee.name, callee.params);
                    if args.len() != params as usize {
                        self.error(format!(
                            "call to `{name}` passes {} for {}",
                            count(args.len(), "argument"),
                            count(params as usize, "parameter")
                        ));
                    }
                    if dst.is_some() && !callee.returns_value {
                        self.error(format!(
                            "call to `{name}` takes a result, but `{name}` returns none"
                        ));
                    }
                }
            }
            _ => {}
        }
    }

    fn term(&mut self, kind: &TermKind) {
        for o in kind.operands() {
            self.operand(&o);
        }
        for b in kind.successors() {
            self.target(b);
        }
        if let TermKind::Return(value) = kind {
            let name = &self.function.name;
            match (value.is_some(), self.function.returns_value) {
                (true, false) => {
                    let message = format!("`{name}` returns no value, but this returns one");
                    self.error(message);
                }
                (false, true) => {
                    let message = format!("`{name}` returns a value, but this returns none");
                    self.error(message);
                }
                _ => {}
            }
        }
    }
}

fn check_function(
    module: &Module,
    func: FuncId,
    function: &Function,
    errors: &mut Vec<VerifyError>,
) {
    if function.blocks.is_empty() {
        errors.push(VerifyError {
            function: Some(func),
            block: None,
            inst: None,
            message: format!("`{}` has no blocks", function.name),
        });
    }
    if function.params as usize > function.vars.len() {
        errors.push(VerifyError {
            function: Some(func),
            block: None,
            inst: None,
            message: format!(
                "`{}` has {} but only {}",
                function.name,
                count(function.params as usize, "parameter"),
                count(function.vars.len(), "variable")
            ),
        });
    }
    let mut checker = Checker {
        module,
        function,
        func,
        block: BlockId(0),
        inst: 0,
        errors,
    };
    for (b, block) in function.blocks.iter().enumerate() {
        checker.block = BlockId(b as u32);
        for (i, inst) in block.insts.iter().enumerate() {
            checker.inst = i;
            checker.inst(inst);
        }
        checker.inst = block.insts.len();
        checker.term(&block.term.kind);
    }
}

#[cfg(test)]
mod tests;
