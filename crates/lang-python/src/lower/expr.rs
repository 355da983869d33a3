//! Lowering expressions (to an operand), conditions (to branches), calls and `print`.

use diag::Span;
use ir::{Address, BinOp, BlockId, FaultKind, InstKind, Operand, TermKind, UnOp};

use super::runtime::{self, DATA, LEN};
use super::{Lower, nonneg};
use crate::ast::{self, BoolOp, CmpOp, Expr, ExprKind, FStrPart, Keyword};
use crate::sema::{ArgFrom, Binding, Builtin, Ty};

/// What `print` prints for one value, computed before anything is printed, as Python
/// evaluates every argument first.
#[derive(Clone)]
enum Out {
    Text(String),
    Num(Operand),
    Bool(Operand),
    List(Operand),
    /// One of two, by a condition already evaluated.
    Choice(Operand, Vec<Out>, Vec<Out>),
}

impl Lower<'_> {
    /// Lowers an expression to the operand holding its value (0 for `None`).
    pub(super) fn value(&mut self, e: &Expr) -> Operand {
        match &e.kind {
            ExprKind::Int(v) => Operand::Const(*v),
            ExprKind::Bool(b) => Operand::int(i64::from(*b)),
            ExprKind::None
            | ExprKind::Str(_)
            | ExprKind::FStr(_)
            | ExprKind::Tuple(_)
            | ExprKind::Attribute { .. }
            | ExprKind::Error => Operand::int(0),
            ExprKind::Name(_) => match self.info.binding(e) {
                Some(b) => self.read_var(b, e.span),
                None => Operand::int(0),
            },
            ExprKind::List(items) => {
                let values: Vec<Operand> = items.iter().map(|i| self.value(i)).collect();
                self.set_span(e.span);
                let new = self.helper("py.list_new");
                let n = Operand::int(items.len() as i64);
                let list = self.f.call(new, vec![n], true).expect("a list");
                if !values.is_empty() {
                    let data = runtime::ld(&mut self.f, list.into(), DATA);
                    for (k, v) in values.into_iter().enumerate() {
                        runtime::st(&mut self.f, data, k as i64, v);
                    }
                }
                Operand::Var(list)
            }
            ExprKind::Binary {
                op: ast::BinOp::Mul,
                op_span,
                lhs,
                rhs,
            } if is_zero_list(lhs) || is_zero_list(rhs) => {
                // `[0] * n`: a fresh list is zeroed already.
                let n = if is_zero_list(lhs) { rhs } else { lhs };
                let n = self.value(n);
                self.at_span(*op_span, |l| {
                    let len = l.f.temp();
                    l.f.copy(len, n);
                    let negative = l.f.binary(BinOp::Lt, len, Operand::int(0));
                    runtime::if_then(&mut l.f, negative.into(), |f| f.copy(len, Operand::int(0)));
                    let new = l.helper("py.list_new");
                    let list = l.f.call(new, vec![len.into()], true).expect("a list");
                    Operand::Var(list)
                })
            }
            ExprKind::Binary {
                op,
                op_span,
                lhs,
                rhs,
            } => {
                let l = self.value(lhs);
                let r = self.value(rhs);
                let (lt, rt) = (self.info.ty(lhs), self.info.ty(rhs));
                self.at_span(*op_span, |s| s.arith(*op, l, r, lt, rt))
            }
            ExprKind::Unary {
                op,
                op_span,
                operand,
            } => {
                let v = self.value(operand);
                match op {
                    ast::UnOp::Pos => v,
                    ast::UnOp::Neg => {
                        Operand::Var(self.at_span(*op_span, |s| s.f.unary(UnOp::Neg, v)))
                    }
                    ast::UnOp::Not => {
                        let t = self.truthy(v, self.info.ty(operand));
                        Operand::Var(self.f.unary(UnOp::Not, t))
                    }
                }
            }
            ExprKind::BoolOp { op, lhs, rhs } => {
                let l = self.value(lhs);
                let result = self.f.temp();
                self.f.copy(result, l);
                let t = self.truthy(l, self.info.ty(lhs));
                let other = self.f.new_block();
                let done = self.f.new_block();
                match op {
                    BoolOp::And => self.f.branch(t, other, done),
                    BoolOp::Or => self.f.branch(t, done, other),
                }
                self.f.switch_to(other);
                let r = self.value(rhs);
                self.f.copy(result, r);
                self.f.jump_to(done);
                Operand::Var(result)
            }
            ExprKind::Compare { first, rest } if rest.len() == 1 => {
                let l = self.value(first);
                let (op, span, rhs) = &rest[0];
                let r = self.value(rhs);
                self.compare(*op, *span, l, r, self.info.ty(first), self.info.ty(rhs))
            }
            ExprKind::Compare { .. } => self.cond_value(e),
            ExprKind::IfExp { cond, then, orelse } => {
                let result = self.f.temp();
                let yes = self.f.new_block();
                let no = self.f.new_block();
                let done = self.f.new_block();
                self.cond(cond, yes, no);
                self.f.switch_to(yes);
                let v = self.value(then);
                self.f.copy(result, v);
                self.f.terminate(TermKind::Jump(done));
                self.f.switch_to(no);
                let v = self.value(orelse);
                self.f.copy(result, v);
                self.f.jump_to(done);
                Operand::Var(result)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let saved = self.f.span();
                let v = self.call(e, func, args, keywords);
                self.f.set_span(saved);
                v
            }
            ExprKind::Index { value, index } => {
                let addr = self.element_addr(value, index, e.span);
                Operand::Var(self.f.load(Address::Ptr {
                    base: addr,
                    offset: 0,
                }))
            }
            ExprKind::ListComp {
                elt,
                target,
                iter,
                conds,
                ..
            } => {
                let saved = self.f.span();
                self.set_span(e.span);
                let new = self.helper("py.list_new");
                let list = self
                    .f
                    .call(new, vec![Operand::int(0)], true)
                    .expect("a list");
                let append = self.helper("py.append");
                let Some(Binding::Comp(c)) = self.info.binding(target) else {
                    return Operand::Var(list);
                };
                let var = self.comp_var(c);
                self.for_loop(iter, e.span, |l, item| {
                    l.f.copy(var, item);
                    for cond in conds {
                        let next = l.f.new_block();
                        let (latch, _) = *l.loops.last().expect("in the loop");
                        l.cond(cond, next, latch);
                        l.f.switch_to(next);
                    }
                    let v = l.value(elt);
                    l.set_span(elt.span);
                    l.f.call(append, vec![list.into(), v], false);
                });
                self.f.set_span(saved);
                Operand::Var(list)
            }
        }
    }

    /// Whether an IR variable is one of the program's (not a temporary).
    fn is_variable(&self, var: ir::Var) -> bool {
        self.locals.contains(&var)
            || self.comps.values().any(|&c| c == var)
            || (self.current.is_none()
                && self
                    .globals
                    .iter()
                    .any(|h| matches!(h, super::Home::Var(v) if *v == var)))
    }

    /// A variable's value, checked to have one if it might not.
    pub(super) fn read_var(&mut self, binding: Binding, span: Span) -> Operand {
        let check = self.flow.checks.contains(&span.start);
        match binding {
            Binding::Global(g) => {
                if check && let Some(k) = self.flow.global_flags.iter().position(|&x| x == g) {
                    let flag = self.load_home(self.global_flags[k]);
                    self.unbound_check(flag, span);
                }
                self.load_home(self.globals[g])
            }
            Binding::Local(i) => {
                if check && let Some(&flag) = self.local_flags.get(&i) {
                    self.unbound_check(flag.into(), span);
                }
                Operand::Var(self.locals[i])
            }
            Binding::Comp(c) => Operand::Var(self.comp_var(c)),
            Binding::Func(_) | Binding::Builtin(_) => Operand::int(0),
        }
    }

    /// Faults with `name used before it was given a value` (at `span`) unless `flag`.
    fn unbound_check(&mut self, flag: Operand, span: Span) {
        self.at_span(span, |s| {
            let ok = s.f.new_block();
            let bad = s.f.new_block();
            s.f.branch(flag, ok, bad);
            s.f.switch_to(bad);
            s.f.terminate(TermKind::Fault(FaultKind::Unbound));
            s.f.switch_to(ok);
        });
    }

    /// The address of `list[index]`, the index checked (negative ones from the end).
    pub(super) fn element_addr(&mut self, list: &Expr, index: &Expr, span: Span) -> Operand {
        let xs = self.value(list);
        let i = self.value(index);
        self.at_span(span, |s| {
            let len = runtime::ld(&mut s.f, xs, LEN);
            let nonneg = nonneg::expr(index, s.current, &s.nonneg, s.info);
            let i = runtime::checked_index(&mut s.f, i, len, nonneg);
            let data = runtime::ld(&mut s.f, xs, DATA);
            Operand::Var(s.f.binary(BinOp::Add, data, i))
        })
    }

    /// `lhs op rhs` with operands of these types.
    pub(super) fn arith(
        &mut self,
        op: ast::BinOp,
        l: Operand,
        r: Operand,
        lt: Ty,
        rt: Ty,
    ) -> Operand {
        let bin = |s: &mut Self, op: BinOp| Operand::Var(s.f.binary(op, l, r));
        match op {
            ast::BinOp::Add if lt == Ty::List => {
                let h = self.helper("py.concat");
                Operand::Var(self.f.call(h, vec![l, r], true).expect("a list"))
            }
            ast::BinOp::Mul if lt == Ty::List || rt == Ty::List => {
                let (list, n) = if lt == Ty::List { (l, r) } else { (r, l) };
                let h = self.helper("py.repeat");
                Operand::Var(self.f.call(h, vec![list, n], true).expect("a list"))
            }
            ast::BinOp::Add => bin(self, BinOp::Add),
            ast::BinOp::Sub => bin(self, BinOp::Sub),
            ast::BinOp::Mul => bin(self, BinOp::Mul),
            ast::BinOp::FloorDiv => bin(self, BinOp::FloorDiv),
            ast::BinOp::Mod => bin(self, BinOp::FloorMod),
            ast::BinOp::Pow => {
                let h = self.helper("py.pow");
                Operand::Var(self.f.call(h, vec![l, r], true).expect("a number"))
            }
        }
    }

    /// A comparison's 0 or 1.
    fn compare(
        &mut self,
        op: CmpOp,
        span: Span,
        l: Operand,
        r: Operand,
        lt: Ty,
        rt: Ty,
    ) -> Operand {
        let v = self.at_span(span, |s| match op {
            CmpOp::Eq | CmpOp::Ne if lt == Ty::List && rt == Ty::List => {
                let h = s.helper("py.list_eq");
                let same = s.f.call(h, vec![l, r], true).expect("a bool");
                if op == CmpOp::Eq {
                    same
                } else {
                    s.f.unary(UnOp::Not, same)
                }
            }
            CmpOp::In | CmpOp::NotIn => {
                let h = s.helper("py.contains");
                let found = s.f.call(h, vec![r, l], true).expect("a bool");
                if op == CmpOp::In {
                    found
                } else {
                    s.f.unary(UnOp::Not, found)
                }
            }
            _ => {
                let op = match op {
                    CmpOp::Eq => BinOp::Eq,
                    CmpOp::Ne => BinOp::Ne,
                    CmpOp::Lt => BinOp::Lt,
                    CmpOp::Le => BinOp::Le,
                    CmpOp::Gt => BinOp::Gt,
                    _ => BinOp::Ge,
                };
                s.f.binary(op, l, r)
            }
        });
        Operand::Var(v)
    }

    /// Whether a value counts as true: non-zero, or for a list, non-empty.
    fn truthy(&mut self, v: Operand, ty: Ty) -> Operand {
        match ty {
            Ty::List => Operand::Var(runtime::ld(&mut self.f, v, LEN)),
            Ty::None | Ty::Str => Operand::int(0),
            _ => v,
        }
    }

    /// A condition's 0 or 1, through branches.
    fn cond_value(&mut self, e: &Expr) -> Operand {
        let result = self.f.temp();
        let yes = self.f.new_block();
        let no = self.f.new_block();
        let done = self.f.new_block();
        self.cond(e, yes, no);
        self.f.switch_to(yes);
        self.f.copy(result, Operand::int(1));
        self.f.terminate(TermKind::Jump(done));
        self.f.switch_to(no);
        self.f.copy(result, Operand::int(0));
        self.f.jump_to(done);
        Operand::Var(result)
    }

    /// Ends the current block by going to `yes` if `e` is true, else to `no`, evaluating
    /// `and`, `or` and chained comparisons only as far as Python does.
    pub(super) fn cond(&mut self, e: &Expr, yes: BlockId, no: BlockId) {
        match &e.kind {
            ExprKind::Bool(b) => self.f.terminate(TermKind::Jump(if *b { yes } else { no })),
            ExprKind::BoolOp { op, lhs, rhs } => {
                let mid = self.f.new_block();
                match op {
                    BoolOp::And => self.cond(lhs, mid, no),
                    BoolOp::Or => self.cond(lhs, yes, mid),
                }
                self.f.switch_to(mid);
                self.cond(rhs, yes, no);
            }
            ExprKind::Unary {
                op: ast::UnOp::Not,
                operand,
                ..
            } => self.cond(operand, no, yes),
            ExprKind::Compare { first, rest } => {
                let mut l = self.value(first);
                let mut lt = self.info.ty(first);
                for (k, (op, span, rhs)) in rest.iter().enumerate() {
                    let r = self.value(rhs);
                    let rt = self.info.ty(rhs);
                    let c = self.compare(*op, *span, l, r, lt, rt);
                    if k + 1 == rest.len() {
                        self.f.branch(c, yes, no);
                    } else {
                        let next = self.f.new_block();
                        self.f.branch(c, next, no);
                        self.f.switch_to(next);
                    }
                    l = r;
                    lt = rt;
                }
            }
            _ => {
                let v = self.value(e);
                let t = self.truthy(v, self.info.ty(e));
                self.f.branch(t, yes, no);
            }
        }
    }

    fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> Operand {
        if let ExprKind::Attribute { value, name, .. } = &func.kind {
            return self.method(e, value, name, args);
        }
        match self.info.binding(func) {
            Some(Binding::Func(f)) => {
                let values: Vec<Operand> = args.iter().map(|a| self.value(a)).collect();
                let kvalues: Vec<Operand> = keywords.iter().map(|k| self.value(&k.value)).collect();
                let actual = self
                    .info
                    .call_args(e)
                    .iter()
                    .map(|from| match from {
                        ArgFrom::Positional(i) => values[*i],
                        ArgFrom::Keyword(k) => kvalues[*k],
                        ArgFrom::Default(v) => Operand::Const(*v),
                    })
                    .collect();
                self.set_span(e.span);
                if self.flow.call_checks.contains(&e.span.start)
                    && let Some(k) = self.flow.func_flags.iter().position(|&x| x == f)
                {
                    let flag = self.f.load(Address::Global {
                        global: self.func_flags[k],
                        offset: 0,
                    });
                    self.unbound_check(flag.into(), func.span);
                }
                let returns = self.info.funcs[f].ret != Ty::None;
                let id = self.funcs[f];
                match self.f.call(id, actual, returns) {
                    Some(v) => Operand::Var(v),
                    None => Operand::int(0),
                }
            }
            Some(Binding::Builtin(b)) => self.builtin(e, b, args, keywords),
            _ => Operand::int(0),
        }
    }

    fn builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr], keywords: &[Keyword]) -> Operand {
        match b {
            Builtin::Print => {
                self.print(args, keywords, e.span);
                Operand::int(0)
            }
            Builtin::Int => {
                let arg = &args[0];
                if let ExprKind::Call {
                    func, args: prompt, ..
                } = &arg.kind
                    && self.info.binding(func) == Some(Binding::Builtin(Builtin::Input))
                {
                    if let Some(p) = prompt.first() {
                        let out = self.out(p);
                        self.set_span(arg.span);
                        self.emit(&out);
                    }
                    self.set_span(e.span);
                    let dst = self.f.temp();
                    self.f.push(InstKind::ReadCard { dst });
                    return Operand::Var(dst);
                }
                self.value(arg)
            }
            Builtin::Len => {
                let xs = self.value(&args[0]);
                Operand::Var(runtime::ld(&mut self.f, xs, LEN))
            }
            Builtin::Abs => {
                let v = self.value(&args[0]);
                self.set_span(e.span);
                Operand::Var(self.f.unary(UnOp::Abs, v))
            }
            Builtin::Sum if args.len() == 2 => {
                let xs = self.value(&args[0]);
                let start = self.value(&args[1]);
                self.set_span(e.span);
                let h = self.helper("py.sum");
                let total = self.f.call(h, vec![xs], true).expect("a number");
                Operand::Var(self.f.binary(BinOp::Add, start, total))
            }
            Builtin::Min | Builtin::Max | Builtin::Sum if args.len() == 1 => {
                let xs = self.value(&args[0]);
                self.set_span(e.span);
                let name = match b {
                    Builtin::Min => "py.min",
                    Builtin::Max => "py.max",
                    _ => "py.sum",
                };
                let h = self.helper(name);
                Operand::Var(self.f.call(h, vec![xs], true).expect("a number"))
            }
            Builtin::Min | Builtin::Max => {
                let values: Vec<Operand> = args.iter().map(|a| self.value(a)).collect();
                let best = self.f.temp();
                self.f.copy(best, values[0]);
                // Strict comparisons keep the first of equal values, as Python does.
                let op = if b == Builtin::Min {
                    BinOp::Lt
                } else {
                    BinOp::Gt
                };
                for v in &values[1..] {
                    let better = self.f.binary(op, *v, best);
                    runtime::if_then(&mut self.f, better.into(), |f| f.copy(best, *v));
                }
                Operand::Var(best)
            }
            Builtin::Sum | Builtin::Input | Builtin::Range => Operand::int(0),
        }
    }

    fn method(&mut self, e: &Expr, list: &Expr, name: &str, args: &[Expr]) -> Operand {
        let xs = self.value(list);
        let mut values: Vec<Operand> = vec![xs];
        values.extend(args.iter().map(|a| self.value(a)));
        self.set_span(e.span);
        let helper = match name {
            "append" => "py.append",
            "pop" => {
                if values.len() == 1 {
                    values.push(Operand::int(-1));
                }
                "py.pop"
            }
            "extend" => "py.extend",
            "insert" => "py.insert",
            "reverse" => "py.reverse",
            "sort" => "py.sort",
            "count" => "py.count",
            "index" => "py.index",
            _ => "py.clear",
        };
        let returns = matches!(name, "pop" | "count" | "index");
        let h = self.helper(helper);
        match self.f.call(h, values, returns) {
            Some(v) => Operand::Var(v),
            None => Operand::int(0),
        }
    }

    /// `print(args, sep=…, end=…)`: every argument evaluated, then everything printed.
    fn print(&mut self, args: &[Expr], keywords: &[Keyword], span: Span) {
        let outs: Vec<Vec<Out>> = args.iter().map(|a| self.out(a)).collect();
        let keyword = |name: &str| keywords.iter().find(|k| k.name == name).map(|k| &k.value);
        let sep = match keyword("sep") {
            Some(s) => self.out(s),
            None => vec![Out::Text(" ".into())],
        };
        let end = match keyword("end") {
            Some(s) => self.out(s),
            None => vec![Out::Text("\n".into())],
        };
        self.set_span(span);
        let mut all = Vec::new();
        for (i, out) in outs.into_iter().enumerate() {
            if i > 0 {
                all.extend(sep.iter().cloned());
            }
            all.extend(out);
        }
        all.extend(end);
        self.emit(&all);
    }

    /// Evaluates what printing `e` prints, without printing it.
    fn out(&mut self, e: &Expr) -> Vec<Out> {
        match &e.kind {
            ExprKind::Str(s) => vec![Out::Text(s.clone())],
            ExprKind::FStr(parts) => {
                let mut outs = Vec::new();
                for part in parts {
                    match part {
                        FStrPart::Text(t) => outs.push(Out::Text(t.clone())),
                        FStrPart::Field(f) => outs.extend(self.out(f)),
                    }
                }
                outs
            }
            ExprKind::IfExp { cond, then, orelse } => {
                let c = self.f.temp();
                let yes = self.f.new_block();
                let no = self.f.new_block();
                let done = self.f.new_block();
                self.cond(cond, yes, no);
                self.f.switch_to(yes);
                self.f.copy(c, Operand::int(1));
                let a = self.out(then);
                self.f.terminate(TermKind::Jump(done));
                self.f.switch_to(no);
                self.f.copy(c, Operand::int(0));
                let b = self.out(orelse);
                self.f.jump_to(done);
                vec![Out::Choice(Operand::Var(c), a, b)]
            }
            _ => {
                let ty = self.info.ty(e);
                let v = self.value(e);
                // A variable's value is kept in a temporary: a later argument's
                // evaluation must not change what is printed.
                let v = match v {
                    Operand::Var(var) if ty != Ty::List && self.is_variable(var) => {
                        let t = self.f.temp();
                        self.f.copy(t, v);
                        Operand::Var(t)
                    }
                    _ => v,
                };
                match ty {
                    Ty::Bool => vec![Out::Bool(v)],
                    Ty::List => vec![Out::List(v)],
                    Ty::None => vec![Out::Text("None".into())],
                    _ => vec![Out::Num(v)],
                }
            }
        }
    }

    /// Prints what [`Lower::out`] evaluated, joining adjacent texts.
    fn emit(&mut self, outs: &[Out]) {
        let mut text = String::new();
        for out in outs {
            if let Out::Text(t) = out {
                text.push_str(t);
                continue;
            }
            if !text.is_empty() {
                self.f.push(InstKind::PrintStr(std::mem::take(&mut text)));
            }
            match out {
                Out::Text(_) => {}
                Out::Num(v) => self.f.push(InstKind::PrintNum(*v)),
                Out::Bool(v) => {
                    let yes = self.f.new_block();
                    let no = self.f.new_block();
                    let done = self.f.new_block();
                    self.f.branch(*v, yes, no);
                    self.f.switch_to(yes);
                    self.f.push(InstKind::PrintStr("True".into()));
                    self.f.terminate(TermKind::Jump(done));
                    self.f.switch_to(no);
                    self.f.push(InstKind::PrintStr("False".into()));
                    self.f.jump_to(done);
                }
                Out::List(v) => {
                    let h = self.helper("py.print_list");
                    self.f.call(h, vec![*v], false);
                }
                Out::Choice(c, a, b) => {
                    let yes = self.f.new_block();
                    let no = self.f.new_block();
                    let done = self.f.new_block();
                    self.f.branch(*c, yes, no);
                    self.f.switch_to(yes);
                    self.emit(a);
                    self.f.terminate(TermKind::Jump(done));
                    self.f.switch_to(no);
                    self.emit(b);
                    self.f.jump_to(done);
                }
            }
        }
        if !text.is_empty() {
            self.f.push(InstKind::PrintStr(text));
        }
    }
}

/// Whether an expression is the list literal `[0]`.
fn is_zero_list(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::List(items) if matches!(items.as_slice(), [Expr { kind: ExprKind::Int(v), .. }] if v.is_zero()))
}
