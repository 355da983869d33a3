//! Lowering statements and local declarations.

use ir::{BinOp, BlockId, Operand, TermKind};

use super::expr::{ArrayRef, Place};
use super::{FnLower, Local};
use crate::ast::*;
use crate::check::Shape;

/// Local arrays with at most this many elements are initialised by one store each;
/// longer ones fill their tail with zeros in a loop.
const UNROLLED_INIT: u32 = 16;

impl FnLower<'_> {
    pub(super) fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.at(e.span);
                self.discard(e);
            }
            StmtKind::Decl(decls) => self.decls(decls),
            StmtKind::Block(b) => {
                for s in &b.stmts {
                    self.stmt(s);
                }
            }
            StmtKind::If(c, then, other) => {
                let then_b = self.b.new_block();
                let end = self.b.new_block();
                let else_b = if other.is_some() {
                    self.b.new_block()
                } else {
                    end
                };
                self.branch(c, then_b, else_b);
                self.b.switch_to(then_b);
                self.stmt(then);
                self.b.terminate(TermKind::Jump(end));
                if let Some(other) = other {
                    self.b.switch_to(else_b);
                    self.stmt(other);
                    self.b.terminate(TermKind::Jump(end));
                }
                self.b.switch_to(end);
            }
            StmtKind::While(c, body) => {
                let (test, body_b, end) =
                    (self.b.new_block(), self.b.new_block(), self.b.new_block());
                self.at(c.span);
                self.b.jump_to(test);
                self.branch(c, body_b, end);
                self.b.switch_to(body_b);
                self.loop_body(body, end, test);
                self.at(c.span);
                self.b.terminate(TermKind::Jump(test));
                self.b.switch_to(end);
            }
            StmtKind::DoWhile(body, c) => {
                let (body_b, test, end) =
                    (self.b.new_block(), self.b.new_block(), self.b.new_block());
                self.b.jump_to(body_b);
                self.loop_body(body, end, test);
                self.at(c.span);
                self.b.jump_to(test);
                self.branch(c, body_b, end);
                self.b.switch_to(end);
            }
            StmtKind::For(f) => self.for_stmt(f),
            StmtKind::Break => {
                self.at(s.span);
                if let Some(&target) = self.breaks.last() {
                    self.b.terminate(TermKind::Jump(target));
                }
            }
            StmtKind::Continue => {
                self.at(s.span);
                if let Some(&target) = self.continues.last() {
                    self.b.terminate(TermKind::Jump(target));
                }
            }
            StmtKind::Return(value) => {
                let v = value.as_ref().map(|e| self.value(e));
                self.at(s.span);
                // A `void` function's `return f();` has nothing to return.
                let v = if self.f.returns_void { None } else { v };
                self.b.ret(v);
            }
            StmtKind::Switch(c, body) => self.switch(c, body),
            StmtKind::Case(_, _, body) | StmtKind::Default(body) => {
                if let Some((blocks, next)) = self.switches.last_mut()
                    && let Some(&block) = blocks.get(*next)
                {
                    *next += 1;
                    // The case before falls through into this one.
                    self.b.jump_to(block);
                }
                self.stmt(body);
            }
            StmtKind::Empty => {}
        }
    }

    fn loop_body(&mut self, body: &Stmt, brk: BlockId, cont: BlockId) {
        self.breaks.push(brk);
        self.continues.push(cont);
        self.stmt(body);
        self.breaks.pop();
        self.continues.pop();
    }

    fn for_stmt(&mut self, f: &For) {
        match &f.init {
            ForInit::None => {}
            ForInit::Expr(e) => {
                self.at(e.span);
                self.discard(e);
            }
            ForInit::Decl(decls) => self.decls(decls),
        }
        let (test, body_b, step_b, end) = (
            self.b.new_block(),
            self.b.new_block(),
            self.b.new_block(),
            self.b.new_block(),
        );
        self.b.jump_to(test);
        match &f.cond {
            Some(c) => self.branch(c, body_b, end),
            None => self.b.terminate(TermKind::Jump(body_b)),
        }
        self.b.switch_to(body_b);
        self.loop_body(&f.body, end, step_b);
        self.b.jump_to(step_b);
        if let Some(step) = &f.step {
            self.at(step.span);
            self.discard(step);
        }
        self.b.terminate(TermKind::Jump(test));
        self.b.switch_to(end);
    }

    /// `switch`: compare the value with each `case` in turn, then go to `default` (or
    /// past the end); the labels' blocks follow one another, so cases fall through.
    fn switch(&mut self, c: &Expr, body: &Stmt) {
        let v = self.value(c);
        let mut labels = Vec::new();
        collect_labels(body, &mut labels);
        let blocks: Vec<BlockId> = labels.iter().map(|_| self.b.new_block()).collect();
        let end = self.b.new_block();
        let mut default = end;
        for (label, &block) in labels.iter().zip(&blocks) {
            match label {
                Some(k) => {
                    self.at(c.span);
                    let hit = self.b.binary(BinOp::Eq, v, Operand::Const(*k));
                    let next = self.b.new_block();
                    self.b.branch(hit, block, next);
                    self.b.switch_to(next);
                }
                None => default = block,
            }
        }
        self.b.terminate(TermKind::Jump(default));
        // Code before the first label cannot run.
        let dead = self.b.new_block();
        self.b.switch_to(dead);
        self.switches.push((blocks, 0));
        self.breaks.push(end);
        self.stmt(body);
        self.breaks.pop();
        self.switches.pop();
        self.b.jump_to(end);
    }

    fn decls(&mut self, decls: &VarDecls) {
        for v in &decls.vars {
            let Res::Local(id) = v.res else { continue };
            let var = &self.f.locals[id];
            self.at(v.span);
            match var.shape {
                Shape::Scalar | Shape::ArrayParam => {
                    let ir_var = self.b.named_var(&var.name);
                    self.locals[id] = Some(Local::Scalar(ir_var));
                    if let Some(Init::Expr(e)) = &v.init {
                        let value = self.value(e);
                        self.at(v.span);
                        self.b.copy(ir_var, value);
                    }
                }
                Shape::Array(len) => {
                    let slot = self.b.frame_array(len);
                    self.locals[id] = Some(Local::Array { slot, len });
                    if let Some(Init::List(items, _)) = &v.init {
                        self.init_array(ArrayRef::Frame { slot, len }, items, v);
                    }
                }
            }
        }
    }

    /// Stores an initialiser's values, then zeros in the rest of the array, as C does.
    fn init_array(&mut self, array: ArrayRef, items: &[Expr], v: &VarDecl) {
        let ArrayRef::Frame { slot, len } = array else {
            return;
        };
        let mut values = Vec::new();
        for e in items {
            values.push(self.value(e));
        }
        self.at(v.span);
        let base = self.b.frame_addr(slot);
        for (i, value) in values.iter().enumerate() {
            self.b.store(
                ir::Address::Ptr {
                    base: base.into(),
                    offset: i as i64,
                },
                *value,
            );
        }
        let given = values.len() as u32;
        if len - given <= UNROLLED_INIT {
            for i in given..len {
                self.b.store(
                    ir::Address::Ptr {
                        base: base.into(),
                        offset: i64::from(i),
                    },
                    Operand::int(0),
                );
            }
            return;
        }
        // for (i = given; i < len; i++) a[i] = 0;
        let i = self.b.temp();
        self.b.copy(i, Operand::int(given.into()));
        let (test, body, end) = (self.b.new_block(), self.b.new_block(), self.b.new_block());
        self.b.jump_to(test);
        let more = self.b.binary(BinOp::Lt, i, Operand::int(len.into()));
        self.b.branch(more, body, end);
        self.b.switch_to(body);
        let addr = self.b.binary(BinOp::Add, base, i);
        let place = Place::Column(ir::Address::Ptr {
            base: addr.into(),
            offset: 0,
        });
        self.write(place, Operand::int(0));
        self.b.push(ir::InstKind::Binary {
            dst: i,
            op: BinOp::Add,
            lhs: i.into(),
            rhs: Operand::int(1),
        });
        self.b.terminate(TermKind::Jump(test));
        self.b.switch_to(end);
    }
}

/// The `case` values (`None` for `default`) of a `switch` body in source order, without
/// those of nested `switch`es.
fn collect_labels(s: &Stmt, out: &mut Vec<Option<ir::Num>>) {
    match &s.kind {
        StmtKind::Case(_, value, body) => {
            out.push(Some(value.unwrap_or(ir::Num::ZERO)));
            collect_labels(body, out);
        }
        StmtKind::Default(body) => {
            out.push(None);
            collect_labels(body, out);
        }
        StmtKind::Block(b) => {
            for s in &b.stmts {
                collect_labels(s, out);
            }
        }
        StmtKind::If(_, then, other) => {
            collect_labels(then, out);
            if let Some(other) = other {
                collect_labels(other, out);
            }
        }
        StmtKind::While(_, body) | StmtKind::DoWhile(body, _) => collect_labels(body, out),
        StmtKind::For(f) => collect_labels(&f.body, out),
        StmtKind::Switch(..)
        | StmtKind::Expr(_)
        | StmtKind::Decl(_)
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Return(_)
        | StmtKind::Empty => {}
    }
}
