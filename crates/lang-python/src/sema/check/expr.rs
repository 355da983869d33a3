//! Resolving and typing expressions, calls of functions, built-ins and list methods.

use diag::Span;

use super::{Checker, Pending};
use crate::ast::{BinOp, BoolOp, CmpOp, Expr, ExprKind, FStrPart, Keyword, UnOp};
use crate::sema::solver::{Tv, Ty};
use crate::sema::{ArgFrom, Binding, Builtin, key};

/// The list methods of the subset: name, number of arguments, and result.
const METHODS: [(&str, usize, Ty); 9] = [
    ("append", 1, Ty::None),
    ("pop", 0, Ty::Int),
    ("extend", 1, Ty::None),
    ("insert", 2, Ty::None),
    ("reverse", 0, Ty::None),
    ("sort", 0, Ty::None),
    ("count", 1, Ty::Int),
    ("index", 1, Ty::Int),
    ("clear", 0, Ty::None),
];

impl Checker<'_> {
    /// Checks an expression used as a value: anything but a string.
    pub(super) fn value(&mut self, e: &Expr) -> Tv {
        let tv = self.expr(e);
        if self.s.get(tv) == Some(Ty::Str) {
            self.unsupported(
                "strings as values",
                e.span,
                Some("strings may only be printed: `print(\"…\")` or an f-string in `print`"),
            );
            return self.poison(e);
        }
        tv
    }

    fn poison(&mut self, e: &Expr) -> Tv {
        let tv = self.s.known(Ty::Poison);
        self.types.insert(key(e), tv);
        tv
    }

    fn record(&mut self, e: &Expr, ty: Ty) -> Tv {
        let tv = self.s.known(ty);
        self.types.insert(key(e), tv);
        tv
    }

    /// Checks an expression used as a condition, where only its truth counts: `and`,
    /// `or` and `not` may then join values of different types.
    pub(super) fn cond(&mut self, e: &Expr) -> Tv {
        match &e.kind {
            ExprKind::BoolOp { lhs, rhs, .. } => {
                self.cond(lhs);
                self.cond(rhs);
                self.record(e, Ty::Bool)
            }
            ExprKind::Unary {
                op: UnOp::Not,
                operand,
                ..
            } => {
                self.cond(operand);
                self.record(e, Ty::Bool)
            }
            _ => self.value(e),
        }
    }

    /// Checks any expression, strings included, and records its type.
    pub(super) fn expr(&mut self, e: &Expr) -> Tv {
        let tv = self.expr_inner(e);
        self.types.insert(key(e), tv);
        tv
    }

    fn expr_inner(&mut self, e: &Expr) -> Tv {
        match &e.kind {
            ExprKind::Int(_) => self.s.known(Ty::Int),
            ExprKind::Bool(_) => self.s.known(Ty::Bool),
            ExprKind::None => self.s.known(Ty::None),
            ExprKind::Str(_) => self.s.known(Ty::Str),
            ExprKind::FStr(parts) => {
                for part in parts {
                    if let FStrPart::Field(f) = part {
                        self.printable(f);
                    }
                }
                self.s.known(Ty::Str)
            }
            ExprKind::Name(name) => {
                let Some(binding) = self.lookup(name, e.span, false) else {
                    return self.s.known(Ty::Poison);
                };
                self.bindings.insert(key(e), binding);
                match self.var_tv(binding) {
                    Some(tv) => tv,
                    None => {
                        self.unsupported(
                            &format!("functions as values (`{name}` is not called)"),
                            e.span,
                            Some("call it: `name(…)`"),
                        );
                        self.s.known(Ty::Poison)
                    }
                }
            }
            ExprKind::List(items) => {
                for item in items {
                    let tv = self.value(item);
                    self.element(tv, item.span);
                }
                self.s.known(Ty::List)
            }
            ExprKind::Tuple(_) => {
                self.unsupported(
                    "tuples as values",
                    e.span,
                    Some("tuples may only be assigned at once: `a, b = b, a`"),
                );
                self.s.known(Ty::Poison)
            }
            ExprKind::Binary {
                op,
                op_span,
                lhs,
                rhs,
            } => {
                let l = self.value(lhs);
                let r = self.value(rhs);
                self.arith(*op, l, r, *op_span)
            }
            ExprKind::Unary {
                op,
                op_span,
                operand,
            } => {
                let tv = self.value(operand);
                match op {
                    UnOp::Not => self.s.known(Ty::Bool),
                    UnOp::Neg | UnOp::Pos => {
                        let what = format!("the operand of unary `{}`", self.text(*op_span));
                        self.numeric(tv, operand.span, &what);
                        self.s.known(Ty::Int)
                    }
                }
            }
            ExprKind::BoolOp { op, lhs, rhs } => {
                let l = self.value(lhs);
                let r = self.value(rhs);
                if let Err((a, b)) = self.s.unify(l, r) {
                    let word = if *op == BoolOp::And { "and" } else { "or" };
                    self.unsupported(
                        &format!("`{word}` between {} and {} as a value", a.a(), b.a()),
                        e.span,
                        Some("Python's `and` and `or` give one of their operands, so outside a condition both must have one type"),
                    );
                }
                l
            }
            ExprKind::Compare { first, rest } => {
                let mut lhs = self.value(first);
                let mut lspan = first.span;
                for (op, op_span, operand) in rest {
                    let rhs = self.value(operand);
                    match op {
                        CmpOp::Eq | CmpOp::Ne => self.pending.push(Pending::Equality {
                            lhs,
                            rhs,
                            span: *op_span,
                        }),
                        CmpOp::In | CmpOp::NotIn => {
                            self.numeric(lhs, lspan, "the left operands of `in`");
                            self.expect(
                                rhs,
                                Ty::List,
                                operand.span,
                                "`in` looks for a value in a list",
                            );
                        }
                        _ if self.s.get(lhs) == Some(Ty::List)
                            && self.s.get(rhs) == Some(Ty::List) =>
                        {
                            self.unsupported(
                                &format!("ordering lists with `{}`", op.text()),
                                *op_span,
                                Some("compare their elements one by one"),
                            );
                        }
                        _ => {
                            let what = format!("the operands of `{}`", op.text());
                            self.numeric(lhs, lspan, &what);
                            self.numeric(rhs, operand.span, &what);
                        }
                    }
                    lhs = rhs;
                    lspan = operand.span;
                }
                self.s.known(Ty::Bool)
            }
            ExprKind::IfExp { cond, then, orelse } => {
                self.cond(cond);
                let t = self.value(then);
                let o = self.value(orelse);
                if let Err((a, b)) = self.s.unify(t, o) {
                    self.unsupported(
                        &format!("a conditional expression giving {} or {}", a.a(), b.a()),
                        e.span,
                        Some("both choices must have one type"),
                    );
                }
                t
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords),
            ExprKind::Attribute { name, .. } => {
                self.unsupported(
                    &format!("attributes other than list methods called at once (`.{name}`)"),
                    e.span,
                    None,
                );
                self.s.known(Ty::Poison)
            }
            ExprKind::Index { value, index } => self.index(e, value, index),
            ExprKind::ListComp {
                elt,
                target,
                iter,
                conds,
                generator,
            } => {
                if *generator {
                    self.unsupported(
                        "generator expressions",
                        e.span,
                        Some("write a list comprehension, in brackets: `[x for x in xs]`"),
                    );
                }
                self.comprehension(elt, target, iter, conds)
            }
            ExprKind::Error => self.s.known(Ty::Poison),
        }
    }

    fn comprehension(&mut self, elt: &Expr, target: &Expr, iter: &Expr, conds: &[Expr]) -> Tv {
        self.iterable(iter);
        let ExprKind::Name(name) = &target.kind else {
            self.unsupported(
                "comprehension targets other than a variable",
                target.span,
                None,
            );
            return self.s.known(Ty::List);
        };
        let tv = self.s.known(Ty::Int);
        let id = self.comps.len();
        self.comps.push(super::VarT {
            name: name.clone(),
            span: target.span,
            tv,
        });
        self.bindings.insert(key(target), Binding::Comp(id));
        self.types.insert(key(target), tv);
        self.comp_scope.push((name.clone(), id));
        for c in conds {
            self.cond(c);
        }
        let e = self.value(elt);
        self.element(e, elt.span);
        self.comp_scope.pop();
        self.s.known(Ty::List)
    }

    /// `list[index]`, as a value or a target: the element's type.
    pub(super) fn index(&mut self, e: &Expr, list: &Expr, index: &Expr) -> Tv {
        let l = self.value(list);
        self.expect(l, Ty::List, list.span, "only lists can be indexed");
        let i = self.value(index);
        self.numeric(i, index.span, "list indexes");
        self.record(e, Ty::Int)
    }

    /// `lhs op rhs`: the result's type, once the operands' are known.
    pub(super) fn arith(&mut self, op: BinOp, lhs: Tv, rhs: Tv, span: Span) -> Tv {
        match op {
            BinOp::Add | BinOp::Mul => {
                let result = self.s.fresh();
                self.pending.push(Pending::Arith {
                    op,
                    lhs,
                    rhs,
                    result,
                    span,
                    done: false,
                });
                let last = self.pending.len() - 1;
                self.try_arith(last, false);
                result
            }
            _ => {
                let what = format!("the operands of `{}`", op.text());
                self.numeric_op(lhs, span, &what);
                self.numeric_op(rhs, span, &what);
                self.s.known(Ty::Int)
            }
        }
    }

    fn numeric_op(&mut self, tv: Tv, span: Span, what: &str) {
        match self.s.get(tv) {
            Some(t) if !t.is_numeric() => {
                self.error(
                    "py/type-mismatch",
                    format!("{what} must be numbers, not {}", t.a()),
                    span,
                );
            }
            _ => self.numeric(tv, span, what),
        }
    }

    /// Checks an argument of `print` or a field of an f-string: any type.
    /// A conditional expression there prints whichever it chooses, so its choices may
    /// differ in type (`"odd" if n % 2 else "even"`).
    fn printable(&mut self, e: &Expr) {
        if let ExprKind::IfExp { cond, then, orelse } = &e.kind {
            self.cond(cond);
            self.printable(then);
            self.printable(orelse);
            self.record(e, Ty::Str);
        } else {
            self.expr(e);
        }
    }

    fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> Tv {
        if let ExprKind::Attribute {
            value,
            name,
            name_span,
        } = &func.kind
        {
            return self.method(value, name, *name_span, args, keywords, e.span);
        }
        let ExprKind::Name(name) = &func.kind else {
            self.unsupported(
                "calling anything but a function by its name",
                func.span,
                None,
            );
            return self.s.known(Ty::Poison);
        };
        let Some(binding) = self.lookup(name, func.span, false) else {
            for a in args {
                self.expr(a);
            }
            for k in keywords {
                self.expr(&k.value);
            }
            return self.s.known(Ty::Poison);
        };
        self.bindings.insert(key(func), binding);
        match binding {
            Binding::Func(f) => self.user_call(e, f, args, keywords),
            Binding::Builtin(b) => self.builtin(e, b, args, keywords),
            _ => {
                let tv = self.var_tv(binding).expect("a variable");
                let ty = self.s.resolve(tv);
                self.error(
                    "py/type-mismatch",
                    format!("`{name}` is {}, not a function", ty.a()),
                    func.span,
                );
                self.s.known(Ty::Poison)
            }
        }
    }

    fn user_call(&mut self, e: &Expr, f: usize, args: &[Expr], keywords: &[Keyword]) -> Tv {
        let name = self.funcs[f].name.clone();
        let params = self.funcs[f].params.clone();
        let tvs: Vec<Tv> = args.iter().map(|a| self.value(a)).collect();
        let ktvs: Vec<Tv> = keywords.iter().map(|k| self.value(&k.value)).collect();
        if args.len() > params.len() {
            let n = params.len();
            self.error(
                "py/arity",
                format!(
                    "`{name}` takes {n} argument{} but {} were given",
                    if n == 1 { "" } else { "s" },
                    args.len()
                ),
                e.span,
            );
            return self.funcs[f].ret;
        }
        let mut from: Vec<Option<ArgFrom>> = (0..params.len())
            .map(|i| (i < args.len()).then_some(ArgFrom::Positional(i)))
            .collect();
        for (k, kw) in keywords.iter().enumerate() {
            match params.iter().position(|p| *p == kw.name) {
                None => {
                    self.error(
                        "py/arity",
                        format!("`{name}` has no parameter named `{}`", kw.name),
                        kw.name_span,
                    );
                }
                Some(i) if from[i].is_some() => {
                    self.error(
                        "py/arity",
                        format!("`{name}` got two values for parameter `{}`", kw.name),
                        kw.name_span,
                    );
                }
                Some(i) => from[i] = Some(ArgFrom::Keyword(k)),
            }
        }
        let mut filled = Vec::new();
        for (i, slot) in from.into_iter().enumerate() {
            let source = match slot {
                Some(s) => s,
                None => match self.funcs[f].defaults.get(i).copied().flatten() {
                    Some(v) => ArgFrom::Default(v),
                    None => {
                        let p = &params[i];
                        self.error(
                            "py/arity",
                            format!("`{name}` is missing the argument for parameter `{p}`"),
                            e.span,
                        );
                        ArgFrom::Default(isa::Num::ZERO)
                    }
                },
            };
            let (tv, span) = match &source {
                ArgFrom::Positional(a) => (tvs[*a], args[*a].span),
                ArgFrom::Keyword(k) => (ktvs[*k], keywords[*k].value.span),
                ArgFrom::Default(_) => {
                    filled.push(source);
                    continue;
                }
            };
            let param_tv = self.funcs[f].locals[i].tv;
            if let Err((want, got)) = self.s.unify(param_tv, tv) {
                let p = &params[i];
                if want.is_numeric() && got.is_numeric() {
                    // Both work in Python; the subset gives each parameter one type.
                    self.unsupported(
                        &format!(
                            "parameter `{p}` of `{name}` gets {} here and {} elsewhere",
                            got.a(),
                            want.a()
                        ),
                        span,
                        Some("a parameter holds values of one type; `int(…)` turns a bool into an int"),
                    );
                } else {
                    self.error(
                        "py/type-mismatch",
                        format!(
                            "parameter `{p}` of `{name}` takes {}, but `{}` is {}",
                            want.a(),
                            self.text(span),
                            got.a()
                        ),
                        span,
                    );
                }
            }
            filled.push(source);
        }
        self.calls.insert(key(e), filled);
        self.funcs[f].ret
    }

    fn builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr], keywords: &[Keyword]) -> Tv {
        if b == Builtin::Print {
            for a in args {
                self.printable(a);
            }
            for k in keywords {
                self.printable(&k.value);
                match k.name.as_str() {
                    "sep" | "end" => {
                        if !literal_text(&k.value) {
                            self.unsupported(
                                &format!("`{}=` other than a string literal", k.name),
                                k.value.span,
                                Some("write the text in quotes, as in `end=\" \"`"),
                            );
                        }
                    }
                    other => self.unsupported(
                        &format!("the keyword argument `{other}=` of `print`"),
                        k.name_span,
                        Some("`print` takes `sep=` and `end=`"),
                    ),
                }
            }
            return self.s.known(Ty::None);
        }
        let name = match b {
            Builtin::Input => "input",
            Builtin::Int => "int",
            Builtin::Len => "len",
            Builtin::Range => "range",
            Builtin::Abs => "abs",
            Builtin::Min => "min",
            Builtin::Max => "max",
            Builtin::Sum => "sum",
            Builtin::Print => "print",
        };
        if let Some(k) = keywords.first() {
            self.unsupported(
                &format!("keyword arguments to `{name}` (`{}=`)", k.name),
                k.name_span,
                None,
            );
        }
        let arity = |c: &mut Self, ok: bool, takes: &str| {
            if !ok {
                c.error(
                    "py/arity",
                    format!("`{name}` takes {takes}, but {} were given", args.len()),
                    e.span,
                );
            }
            ok
        };
        match b {
            Builtin::Input => {
                self.unsupported(
                    "strings as values (`input()` on its own)",
                    e.span,
                    Some("read a number with `int(input())`"),
                );
                self.s.known(Ty::Poison)
            }
            Builtin::Int => {
                if !arity(self, args.len() == 1, "1 argument") {
                    return self.s.known(Ty::Int);
                }
                let arg = &args[0];
                if let Some(prompt) = self.input_call(arg) {
                    if let Some(p) = prompt {
                        let tv = self.expr(p);
                        if self.s.get(tv) != Some(Ty::Str) {
                            self.unsupported(
                                "prompts other than a string",
                                p.span,
                                Some("write the prompt in quotes: `input(\"n? \")`"),
                            );
                        }
                    }
                } else {
                    let tv = self.value(arg);
                    self.numeric(tv, arg.span, "the arguments of `int`");
                }
                self.s.known(Ty::Int)
            }
            Builtin::Len => {
                if arity(self, args.len() == 1, "1 argument") {
                    let tv = self.value(&args[0]);
                    self.expect(tv, Ty::List, args[0].span, "`len` takes a list");
                }
                self.s.known(Ty::Int)
            }
            Builtin::Range => {
                self.unsupported(
                    "`range` outside the head of a `for` loop or a comprehension",
                    e.span,
                    Some("build a list with a comprehension: `[i for i in range(n)]`"),
                );
                self.s.known(Ty::Poison)
            }
            Builtin::Abs => {
                if arity(self, args.len() == 1, "1 argument") {
                    let tv = self.value(&args[0]);
                    self.numeric(tv, args[0].span, "the arguments of `abs`");
                }
                self.s.known(Ty::Int)
            }
            Builtin::Min | Builtin::Max | Builtin::Sum => {
                let ok = if b == Builtin::Sum {
                    arity(
                        self,
                        matches!(args.len(), 1 | 2),
                        "1 or 2 arguments (a list and a start)",
                    )
                } else {
                    arity(self, !args.is_empty(), "at least 1 argument")
                };
                if !ok {
                    return self.s.known(Ty::Int);
                }
                if b == Builtin::Sum && args.len() == 2 {
                    let tv = self.value(&args[1]);
                    self.numeric(tv, args[1].span, "the start of `sum`");
                }
                if args.len() == 1 || b == Builtin::Sum {
                    let arg = &args[0];
                    let tv = match &arg.kind {
                        ExprKind::ListComp {
                            elt,
                            target,
                            iter,
                            conds,
                            ..
                        } => {
                            let tv = self.comprehension(elt, target, iter, conds);
                            self.types.insert(key(arg), tv);
                            tv
                        }
                        _ => self.value(arg),
                    };
                    let why = match b {
                        Builtin::Sum => "`sum` adds up the elements of a list".to_owned(),
                        _ => format!("`{name}` of one argument takes a list"),
                    };
                    self.expect(tv, Ty::List, arg.span, &why);
                    return self.s.known(Ty::Int);
                }
                let first = self.value(&args[0]);
                let what = format!("the arguments of `{name}`");
                self.numeric(first, args[0].span, &what);
                for a in &args[1..] {
                    let tv = self.value(a);
                    self.numeric(tv, a.span, &what);
                    if let Err((x, y)) = self.s.unify(first, tv) {
                        self.unsupported(
                            &format!("`{name}` of {} and {}", x.a(), y.a()),
                            e.span,
                            Some("Python gives back one of the arguments, so they must have one type"),
                        );
                    }
                }
                first
            }
            Builtin::Print => unreachable!("handled above"),
        }
    }

    /// If `e` is a call of the built-in `input`, its prompt (if any); reports arity.
    fn input_call<'e>(&mut self, e: &'e Expr) -> Option<Option<&'e Expr>> {
        let ExprKind::Call {
            func,
            args,
            keywords,
        } = &e.kind
        else {
            return None;
        };
        let ExprKind::Name(name) = &func.kind else {
            return None;
        };
        if self.lookup(name, func.span, false) != Some(Binding::Builtin(Builtin::Input)) {
            return None;
        }
        self.bindings
            .insert(key(func), Binding::Builtin(Builtin::Input));
        self.record(e, Ty::Int);
        if args.len() > 1 || !keywords.is_empty() {
            self.error(
                "py/arity",
                format!(
                    "`input` takes at most 1 argument, but {} were given",
                    args.len() + keywords.len()
                ),
                e.span,
            );
        }
        Some(args.first())
    }

    fn method(
        &mut self,
        list: &Expr,
        name: &str,
        name_span: Span,
        args: &[Expr],
        keywords: &[Keyword],
        span: Span,
    ) -> Tv {
        let l = self.value(list);
        let tvs: Vec<Tv> = args.iter().map(|a| self.value(a)).collect();
        if let Some(t) = self.s.get(l)
            && t != Ty::List
            && t != Ty::Poison
        {
            let text = self.text(list.span).to_owned();
            self.error(
                "py/type-mismatch",
                format!("`{text}` is {}, which has no method `{name}`", t.a()),
                name_span,
            );
            return self.s.known(Ty::Poison);
        }
        self.expect(
            l,
            Ty::List,
            list.span,
            "only lists have methods in this subset",
        );
        let Some(&(_, n, result)) = METHODS.iter().find(|(m, _, _)| *m == name) else {
            self.unsupported(
                &format!("the list method `{name}`"),
                name_span,
                Some("the list methods are `append`, `pop`, `extend`, `insert`, `reverse`, `sort`, `count`, `index` and `clear`"),
            );
            return self.s.known(Ty::Poison);
        };
        if let Some(k) = keywords.first() {
            self.unsupported(
                &format!("keyword arguments to `{name}` (`{}=`)", k.name),
                k.name_span,
                None,
            );
        }
        let ok = args.len() == n || (name == "pop" && args.len() == 1);
        if !ok {
            self.error(
                "py/arity",
                format!(
                    "`{name}` takes {n} argument{} but {} were given",
                    if n == 1 { "" } else { "s" },
                    args.len()
                ),
                span,
            );
            return self.s.known(result);
        }
        match name {
            "extend" => self.expect(tvs[0], Ty::List, args[0].span, "`extend` takes a list"),
            "insert" => {
                self.numeric(tvs[0], args[0].span, "list indexes");
                self.element(tvs[1], args[1].span);
            }
            "pop" => {
                if let Some(&tv) = tvs.first() {
                    self.numeric(tv, args[0].span, "list indexes");
                }
            }
            "append" | "count" | "index" => self.element(tvs[0], args[0].span),
            _ => {}
        }
        self.s.known(result)
    }
}

/// Whether an expression is a string literal, or a conditional expression choosing
/// between such.
fn literal_text(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Str(_) | ExprKind::Error => true,
        ExprKind::IfExp { then, orelse, .. } => literal_text(then) && literal_text(orelse),
        _ => false,
    }
}
