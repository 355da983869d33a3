//! Lowering a checked program to the IR: module-level code becomes the entry function
//! `py.main`, each `def` a function, each global variable a one-column global, each local
//! an IR variable. Statements are here; expressions, conditions, calls and `print` in
//! [`expr`]; the list helpers and other run-time support in [`runtime`].
//!
//! Every instruction carries the span of the construct it comes from: the statement, or
//! for an instruction that can fault, its operator, call or index, so that a fault names
//! the right line and the debugger can step by source line.

mod expr;
mod nonneg;
mod runtime;

use std::collections::BTreeMap;

use diag::Span;
use ir::{
    Address, BinOp, BlockId, FaultKind, FuncId, FunctionBuilder, GlobalId, ModuleBuilder, Operand,
    TermKind, Var,
};

use crate::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use crate::flow::Flow;
use crate::sema::{Binding, Builtin, Info, Ty};
use runtime::{HELPERS, Helpers};

/// The name of the entry function (not a Python identifier, so no clash).
const ENTRY: &str = "py.main";

/// Lowers a program that checked without errors.
pub(crate) fn lower(module: &ast::Module, info: &Info, flow: &Flow) -> ir::Module {
    let mut mb = ModuleBuilder::new();
    // A global that no function uses lives in a variable of the entry function, which
    // code generation can keep in a register; the others in Store columns.
    let mut entry_fb = FunctionBuilder::new(ENTRY, &[], false);
    let globals = info
        .globals
        .iter()
        .map(|g| match g.shared {
            true => Home::Column(mb.global(&g.name, 1, Vec::new(), Some(g.span))),
            false => Home::Var(entry_fb.named_var(&g.name)),
        })
        .collect();
    let flags = flow
        .global_flags
        .iter()
        .map(|&g| {
            let name = format!("{}.bound", info.globals[g].name);
            match info.globals[g].shared {
                true => Home::Column(mb.global(&name, 1, Vec::new(), None)),
                false => Home::Var(entry_fb.named_var(&name)),
            }
        })
        .collect();
    let defined = flow
        .func_flags
        .iter()
        .map(|&f| {
            mb.global(
                &format!("{}.defined", info.funcs[f].name),
                1,
                Vec::new(),
                None,
            )
        })
        .collect();
    let funcs = info.funcs.iter().map(|f| mb.declare(&f.name)).collect();
    let entry = mb.declare(ENTRY);
    let nonneg = nonneg::variables(module, info);
    let mut l = Lower {
        nonneg,
        info,
        flow,
        mb,
        wanted: Vec::new(),
        globals,
        global_flags: flags,
        func_flags: defined,
        funcs,
        f: FunctionBuilder::new(ENTRY, &[], false),
        current: None,
        locals: Vec::new(),
        local_flags: BTreeMap::new(),
        comps: BTreeMap::new(),
        loops: Vec::new(),
    };
    for (i, func) in info.funcs.iter().enumerate() {
        let StmtKind::Def(def) = &module.body[func.stmt].kind else {
            continue;
        };
        l.function(i, def, module.body[func.stmt].span);
    }
    l.current = None;
    l.locals.clear();
    l.local_flags.clear();
    l.comps.clear();
    l.f = entry_fb;
    l.f.set_def_span(module.body.first().map(|s| s.span));
    l.block(&module.body);
    let main = std::mem::replace(&mut l.f, FunctionBuilder::new(ENTRY, &[], false)).finish();
    l.mb.define(entry, main);
    l.helpers();
    l.mb.finish(entry)
}

struct Lower<'a> {
    info: &'a Info,
    /// Variables that are never negative.
    nonneg: std::collections::BTreeSet<nonneg::Key>,
    flow: &'a Flow,
    mb: ModuleBuilder,
    /// Helpers called so far, to be built at the end.
    wanted: Vec<&'static str>,
    globals: Vec<Home>,
    /// The "has a value" flag of each global that needs one, in the order of
    /// [`Flow::global_flags`].
    global_flags: Vec<Home>,
    /// The "has been defined" flag of each function that needs one.
    func_flags: Vec<GlobalId>,
    funcs: Vec<FuncId>,
    /// The function being built.
    f: FunctionBuilder,
    /// Which of the program's functions it is (`None`: the module's code).
    current: Option<usize>,
    locals: Vec<Var>,
    /// The "has a value" flag of each local that needs one, by local.
    local_flags: BTreeMap<usize, Var>,
    comps: BTreeMap<usize, Var>,
    /// For each enclosing loop: where `continue` and `break` go.
    loops: Vec<(BlockId, BlockId)>,
}

/// Where a global variable lives.
#[derive(Clone, Copy)]
enum Home {
    /// A Store column (a global of the IR).
    Column(GlobalId),
    /// A variable of the entry function.
    Var(Var),
}

/// Collects the helpers that helpers call.
struct Wanted<'m> {
    mb: &'m mut ModuleBuilder,
    wanted: &'m mut Vec<&'static str>,
}

impl Helpers for Wanted<'_> {
    fn helper(&mut self, name: &'static str) -> FuncId {
        if !self.wanted.contains(&name) {
            self.wanted.push(name);
        }
        self.mb.declare(name)
    }
}

impl Lower<'_> {
    /// The helper `name`, declared (and built at the end).
    fn helper(&mut self, name: &'static str) -> FuncId {
        Wanted {
            mb: &mut self.mb,
            wanted: &mut self.wanted,
        }
        .helper(name)
    }

    /// Builds every helper asked for, and those they ask for.
    fn helpers(&mut self) {
        let mut i = 0;
        while i < self.wanted.len() {
            let name = self.wanted[i];
            let (_, params, returns) = HELPERS
                .iter()
                .find(|(n, _, _)| *n == name)
                .copied()
                .expect("a known helper");
            let mut f = FunctionBuilder::new(name, params, returns);
            let mut wanted = Wanted {
                mb: &mut self.mb,
                wanted: &mut self.wanted,
            };
            runtime::build(name, &mut f, &mut wanted);
            let id = self.mb.declare(name);
            self.mb.define(id, f.finish());
            i += 1;
        }
    }

    fn function(&mut self, i: usize, def: &ast::FuncDef, span: Span) {
        let func = &self.info.funcs[i];
        let params: Vec<&str> = func.locals[..func.params]
            .iter()
            .map(|v| v.name.as_str())
            .collect();
        self.f = FunctionBuilder::new(&func.name, &params, func.ret != Ty::None);
        self.f.set_def_span(Some(span));
        self.f.set_span(Some(span));
        self.current = Some(i);
        self.locals = (0..func.params as u32).map(|p| self.f.param(p)).collect();
        for v in &func.locals[func.params..] {
            let var = self.f.named_var(&v.name);
            self.locals.push(var);
        }
        self.local_flags.clear();
        self.comps.clear();
        for &(f, local) in &self.flow.local_flags {
            if f == i {
                let flag = self
                    .f
                    .named_var(&format!("{}.bound", func.locals[local].name));
                // Parameters have their values from the start.
                let start = i64::from(local < func.params);
                self.f.copy(flag, Operand::int(start));
                self.local_flags.insert(local, flag);
            }
        }
        self.block(&def.body);
        let built = std::mem::replace(&mut self.f, FunctionBuilder::new(ENTRY, &[], false));
        self.mb.define(self.funcs[i], built.finish());
    }

    fn set_span(&mut self, span: Span) {
        self.f.set_span(Some(span));
    }

    /// Runs `body` with instructions at `span`, then goes back to the span before.
    fn at_span<T>(&mut self, span: Span, body: impl FnOnce(&mut Self) -> T) -> T {
        let saved = self.f.span();
        self.set_span(span);
        let v = body(self);
        self.f.set_span(saved);
        v
    }

    fn block(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        self.set_span(stmt.span);
        match &stmt.kind {
            StmtKind::Expr(e) => {
                if !matches!(e.kind, ExprKind::Str(_)) {
                    self.value(e);
                }
            }
            StmtKind::Assign { targets, value } => self.assign(targets, value),
            StmtKind::AugAssign {
                target,
                op,
                op_span,
                value,
            } => self.aug_assign(target, *op, *op_span, value, stmt.span),
            StmtKind::If { branches, orelse } => {
                let end = self.f.new_block();
                for (cond, body) in branches {
                    self.set_span(cond.span);
                    let then = self.f.new_block();
                    let next = self.f.new_block();
                    self.cond(cond, then, next);
                    self.f.switch_to(then);
                    self.block(body);
                    self.f.terminate(TermKind::Jump(end));
                    self.f.switch_to(next);
                }
                self.block(orelse);
                self.f.terminate(TermKind::Jump(end));
                self.f.switch_to(end);
            }
            StmtKind::While { cond, body } => {
                let head = self.f.new_block();
                let inner = self.f.new_block();
                let exit = self.f.new_block();
                self.f.jump_to(head);
                self.set_span(cond.span);
                self.cond(cond, inner, exit);
                self.f.switch_to(inner);
                self.loops.push((head, exit));
                self.block(body);
                self.loops.pop();
                self.set_span(stmt.span);
                self.f.terminate(TermKind::Jump(head));
                self.f.switch_to(exit);
            }
            StmtKind::For { target, iter, body } => {
                let header = stmt.span;
                self.for_loop(iter, header, |l, item| {
                    l.set_span(header);
                    l.store_to(target, item);
                    l.block(body);
                });
            }
            StmtKind::Break | StmtKind::Continue => {
                if let Some(&(cont, brk)) = self.loops.last() {
                    let to = if stmt.kind == StmtKind::Break {
                        brk
                    } else {
                        cont
                    };
                    self.f.terminate(TermKind::Jump(to));
                }
            }
            StmtKind::Pass | StmtKind::Global(_) => {}
            StmtKind::Return(value) => {
                let v = value.as_ref().map(|v| self.value(v));
                self.set_span(stmt.span);
                let returns = self
                    .current
                    .is_some_and(|f| self.info.funcs[f].ret != Ty::None);
                self.f.ret(if returns { v } else { None });
            }
            StmtKind::Def(def) => {
                // Few functions have a flag: only those called before their `def`.
                if let Some(k) = self
                    .flow
                    .func_flags
                    .iter()
                    .position(|&g| self.info.funcs[g].name == def.name)
                {
                    let flag = self.func_flags[k];
                    self.f.store(
                        Address::Global {
                            global: flag,
                            offset: 0,
                        },
                        Operand::int(1),
                    );
                }
            }
        }
    }

    /// A `for` loop (or a comprehension's) over a `range(…)` or a list: `body` gets the
    /// item of each round and lowers what the round does; `continue` goes to the next
    /// round, `break` out.
    fn for_loop(&mut self, iter: &Expr, header: Span, body: impl FnOnce(&mut Self, Operand)) {
        let head = self.f.new_block();
        let inner = self.f.new_block();
        let latch = self.f.new_block();
        let exit = self.f.new_block();
        let counter = self.f.temp();
        let advance: Box<dyn FnOnce(&mut Self)>;
        if let Some(args) = self.range_args(iter) {
            let values: Vec<Operand> = args.iter().map(|a| self.value(a)).collect();
            // The bounds are read once, as Python's `range` reads them.
            let fixed = |l: &mut Self, v: Operand| match v {
                Operand::Const(_) => v,
                Operand::Var(_) => {
                    let t = l.f.temp();
                    l.f.copy(t, v);
                    Operand::Var(t)
                }
            };
            let (start, stop, step) = match values.len() {
                1 => (Operand::int(0), values[0], Operand::int(1)),
                2 => (values[0], values[1], Operand::int(1)),
                _ => (values[0], values[1], values[2]),
            };
            let stop = fixed(self, stop);
            let step = fixed(self, step);
            self.set_span(iter.span);
            self.f.copy(counter, start);
            match step {
                Operand::Const(c) if c.is_zero() => {
                    // Python raises `ValueError`: a step of zero.
                    self.f.terminate(TermKind::Fault(FaultKind::Unsupported));
                    self.f.switch_to(head);
                }
                Operand::Const(c) => {
                    self.f.jump_to(head);
                    let op = if c.is_negative() {
                        BinOp::Gt
                    } else {
                        BinOp::Lt
                    };
                    let more = self.f.binary(op, counter, stop);
                    self.f.branch(more, inner, exit);
                }
                Operand::Var(_) => {
                    let zero = self.f.binary(BinOp::Eq, step, Operand::int(0));
                    let bad = self.f.new_block();
                    let fine = self.f.new_block();
                    self.f.branch(zero, bad, fine);
                    self.f.switch_to(bad);
                    self.f.terminate(TermKind::Fault(FaultKind::Unsupported));
                    self.f.switch_to(fine);
                    let up = self.f.binary(BinOp::Gt, step, Operand::int(0));
                    self.f.jump_to(head);
                    let rising = self.f.new_block();
                    let falling = self.f.new_block();
                    self.f.branch(up, rising, falling);
                    self.f.switch_to(rising);
                    let more = self.f.binary(BinOp::Lt, counter, stop);
                    self.f.branch(more, inner, exit);
                    self.f.switch_to(falling);
                    let more = self.f.binary(BinOp::Gt, counter, stop);
                    self.f.branch(more, inner, exit);
                }
            }
            self.f.switch_to(inner);
            advance = Box::new(move |l: &mut Self| {
                l.f.push(ir::InstKind::Binary {
                    dst: counter,
                    op: BinOp::Add,
                    lhs: counter.into(),
                    rhs: step,
                });
            });
            self.loops.push((latch, exit));
            body(self, Operand::Var(counter));
        } else {
            let list = self.value(iter);
            let xs = self.f.temp();
            self.f.copy(xs, list);
            self.f.copy(counter, Operand::int(0));
            self.f.jump_to(head);
            self.set_span(header);
            // The length is read each round, as Python's list iterator does.
            let len = runtime::ld(&mut self.f, xs.into(), runtime::LEN);
            let more = self.f.binary(BinOp::Lt, counter, len);
            self.f.branch(more, inner, exit);
            self.f.switch_to(inner);
            let data = runtime::ld(&mut self.f, xs.into(), runtime::DATA);
            let item = runtime::ld_at(&mut self.f, data.into(), counter.into());
            advance = Box::new(move |l: &mut Self| {
                l.f.push(ir::InstKind::Binary {
                    dst: counter,
                    op: BinOp::Add,
                    lhs: counter.into(),
                    rhs: Operand::int(1),
                });
            });
            self.loops.push((latch, exit));
            body(self, Operand::Var(item));
        }
        self.loops.pop();
        self.f.terminate(TermKind::Jump(latch));
        self.f.switch_to(latch);
        self.set_span(header);
        advance(self);
        self.f.terminate(TermKind::Jump(head));
        self.f.switch_to(exit);
    }

    /// The arguments of `range(…)` if `iter` is a call of the built-in `range`.
    fn range_args<'e>(&self, iter: &'e Expr) -> Option<&'e [Expr]> {
        let ExprKind::Call { func, args, .. } = &iter.kind else {
            return None;
        };
        (self.info.binding(func) == Some(Binding::Builtin(Builtin::Range))).then_some(args)
    }

    fn assign(&mut self, targets: &[Expr], value: &Expr) {
        if let ExprKind::Tuple(items) = &value.kind {
            // Every value first, each kept in a temporary, then the targets in order.
            let values: Vec<Operand> = items
                .iter()
                .map(|item| {
                    let v = self.value(item);
                    let t = self.f.temp();
                    self.f.copy(t, v);
                    Operand::Var(t)
                })
                .collect();
            for target in targets {
                if let ExprKind::Tuple(names) = &target.kind {
                    for (t, v) in names.iter().zip(&values) {
                        self.store_to(t, *v);
                    }
                }
            }
            return;
        }
        let v = self.value(value);
        let v = if targets.len() > 1 {
            let t = self.f.temp();
            self.f.copy(t, v);
            Operand::Var(t)
        } else {
            v
        };
        for target in targets {
            self.store_to(target, v);
        }
    }

    /// Assigns to a name or a list element.
    fn store_to(&mut self, target: &Expr, value: Operand) {
        match &target.kind {
            ExprKind::Name(_) => {
                if let Some(binding) = self.info.binding(target) {
                    self.store_var(binding, value);
                }
            }
            ExprKind::Index { value: list, index } => {
                let addr = self.element_addr(list, index, target.span);
                self.f.store(
                    Address::Ptr {
                        base: addr,
                        offset: 0,
                    },
                    value,
                );
            }
            _ => {}
        }
    }

    fn store_var(&mut self, binding: Binding, value: Operand) {
        match binding {
            Binding::Global(g) => {
                self.store_home(self.globals[g], value);
                if let Some(k) = self.flow.global_flags.iter().position(|&x| x == g) {
                    self.store_home(self.global_flags[k], Operand::int(1));
                }
            }
            Binding::Local(i) => {
                self.f.copy(self.locals[i], value);
                if let Some(&flag) = self.local_flags.get(&i) {
                    self.f.copy(flag, Operand::int(1));
                }
            }
            Binding::Comp(c) => {
                let var = self.comp_var(c);
                self.f.copy(var, value);
            }
            Binding::Func(_) | Binding::Builtin(_) => {}
        }
    }

    fn store_home(&mut self, home: Home, value: Operand) {
        match home {
            Home::Column(global) => self.f.store(Address::Global { global, offset: 0 }, value),
            Home::Var(var) => self.f.copy(var, value),
        }
    }

    fn load_home(&mut self, home: Home) -> Operand {
        match home {
            Home::Column(global) => {
                Operand::Var(self.f.load(Address::Global { global, offset: 0 }))
            }
            Home::Var(var) => Operand::Var(var),
        }
    }

    fn comp_var(&mut self, c: usize) -> Var {
        if let Some(&v) = self.comps.get(&c) {
            return v;
        }
        let v = self.f.named_var(&self.info.comps[c].name);
        self.comps.insert(c, v);
        v
    }

    fn aug_assign(
        &mut self,
        target: &Expr,
        op: ast::BinOp,
        op_span: Span,
        value: &Expr,
        span: Span,
    ) {
        match &target.kind {
            ExprKind::Name(_) => {
                let Some(binding) = self.info.binding(target) else {
                    return;
                };
                let old = self.read_var(binding, target.span);
                let rhs = self.value(value);
                self.set_span(op_span);
                let new = if self.info.ty(target) == Ty::List {
                    // In place, as Python's `+=` and `*=` change the list itself.
                    let helper = if op == ast::BinOp::Add {
                        "py.extend"
                    } else {
                        "py.irepeat"
                    };
                    let h = self.helper(helper);
                    self.f.call(h, vec![old, rhs], false);
                    old
                } else {
                    self.arith(op, old, rhs, Ty::Int, Ty::Int)
                };
                self.set_span(span);
                self.store_var(binding, new);
            }
            ExprKind::Index { value: list, index } => {
                let addr = self.element_addr(list, index, target.span);
                let old = self.f.load(Address::Ptr {
                    base: addr,
                    offset: 0,
                });
                let rhs = self.value(value);
                self.set_span(op_span);
                let new = self.arith(op, old.into(), rhs, Ty::Int, Ty::Int);
                self.set_span(span);
                self.f.store(
                    Address::Ptr {
                        base: addr,
                        offset: 0,
                    },
                    new,
                );
            }
            _ => {}
        }
    }
}
