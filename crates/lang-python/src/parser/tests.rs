//! The trees the parser builds, printed as S-expressions, and how it recovers from errors.

use std::fmt::Write;

use expect_test::{Expect, expect};

use crate::ast::{Expr, ExprKind, FStrPart, Stmt, StmtKind};

/// Parses `source` and shows its statements, one per line, then any diagnostics.
fn check(source: &str, expect: Expect) {
    let mut diags = Vec::new();
    let tokens = crate::lexer::lex(source, &mut diags);
    let module = super::parse(source, tokens, &mut diags);
    let mut out = String::new();
    for s in &module.body {
        stmt(&mut out, s, 0);
    }
    for d in &diags {
        let _ = writeln!(
            out,
            "{}: {} [{}]",
            crate::line_of(source, d.span.start),
            d.message,
            d.code
        );
    }
    expect.assert_eq(&out);
}

fn stmt(out: &mut String, s: &Stmt, depth: usize) {
    let pad = "  ".repeat(depth);
    let block = |out: &mut String, body: &[Stmt]| {
        for b in body {
            stmt(out, b, depth + 1);
        }
    };
    match &s.kind {
        StmtKind::Expr(e) => {
            let _ = writeln!(out, "{pad}{}", expr(e));
        }
        StmtKind::Assign { targets, value } => {
            let targets: Vec<String> = targets.iter().map(expr).collect();
            let _ = writeln!(out, "{pad}(= {} {})", targets.join(" "), expr(value));
        }
        StmtKind::AugAssign {
            target, op, value, ..
        } => {
            let _ = writeln!(
                out,
                "{pad}({}= {} {})",
                op.text(),
                expr(target),
                expr(value)
            );
        }
        StmtKind::If { branches, orelse } => {
            for (i, (c, body)) in branches.iter().enumerate() {
                let word = if i == 0 { "if" } else { "elif" };
                let _ = writeln!(out, "{pad}{word} {}", expr(c));
                block(out, body);
            }
            if !orelse.is_empty() {
                let _ = writeln!(out, "{pad}else");
                block(out, orelse);
            }
        }
        StmtKind::While { cond, body } => {
            let _ = writeln!(out, "{pad}while {}", expr(cond));
            block(out, body);
        }
        StmtKind::For { target, iter, body } => {
            let _ = writeln!(out, "{pad}for {} in {}", expr(target), expr(iter));
            block(out, body);
        }
        StmtKind::Break => out.push_str(&format!("{pad}break\n")),
        StmtKind::Continue => out.push_str(&format!("{pad}continue\n")),
        StmtKind::Pass => out.push_str(&format!("{pad}pass\n")),
        StmtKind::Return(v) => {
            let v = v.as_ref().map(expr).unwrap_or_default();
            let _ = writeln!(out, "{pad}return {v}");
        }
        StmtKind::Global(names) => {
            let names: Vec<&str> = names.iter().map(|(n, _)| n.as_str()).collect();
            let _ = writeln!(out, "{pad}global {}", names.join(" "));
        }
        StmtKind::Def(def) => {
            let params: Vec<String> = def
                .params
                .iter()
                .map(|p| match &p.default {
                    Some(d) => format!("{}={}", p.name, expr(d)),
                    None => p.name.clone(),
                })
                .collect();
            let _ = writeln!(out, "{pad}def {}({})", def.name, params.join(" "));
            block(out, &def.body);
        }
    }
}

fn expr(e: &Expr) -> String {
    let list = |items: &[Expr]| items.iter().map(expr).collect::<Vec<_>>().join(" ");
    match &e.kind {
        ExprKind::Int(v) => v.to_string(),
        ExprKind::Bool(b) => if *b { "True" } else { "False" }.into(),
        ExprKind::None => "None".into(),
        ExprKind::Str(s) => format!("{s:?}"),
        ExprKind::FStr(parts) => {
            let parts: Vec<String> = parts
                .iter()
                .map(|p| match p {
                    FStrPart::Text(t) => format!("{t:?}"),
                    FStrPart::Field(f) => format!("{{{}}}", expr(f)),
                })
                .collect();
            format!("(f {})", parts.join(" "))
        }
        ExprKind::Name(n) => n.clone(),
        ExprKind::List(items) => format!("[{}]", list(items)),
        ExprKind::Tuple(items) => format!("(tuple {})", list(items)),
        ExprKind::Binary { op, lhs, rhs, .. } => {
            format!("({} {} {})", op.text(), expr(lhs), expr(rhs))
        }
        ExprKind::Unary { op, operand, .. } => format!("({op:?} {})", expr(operand)),
        ExprKind::BoolOp { op, lhs, rhs } => format!("({op:?} {} {})", expr(lhs), expr(rhs)),
        ExprKind::Compare { first, rest } => {
            let mut s = format!("(cmp {}", expr(first));
            for (op, _, r) in rest {
                let _ = write!(s, " {} {}", op.text(), expr(r));
            }
            s + ")"
        }
        ExprKind::IfExp { cond, then, orelse } => {
            format!("(if {} {} {})", expr(cond), expr(then), expr(orelse))
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            let mut s = format!("(call {}", expr(func));
            for a in args {
                let _ = write!(s, " {}", expr(a));
            }
            for k in keywords {
                let _ = write!(s, " {}={}", k.name, expr(&k.value));
            }
            s + ")"
        }
        ExprKind::Attribute { value, name, .. } => format!("(. {} {name})", expr(value)),
        ExprKind::Index { value, index } => format!("(index {} {})", expr(value), expr(index)),
        ExprKind::ListComp {
            elt,
            target,
            iter,
            conds,
            generator,
        } => {
            let kind = if *generator { "gen" } else { "listcomp" };
            format!(
                "({kind} {} for {} in {} if [{}])",
                expr(elt),
                expr(target),
                expr(iter),
                list(conds)
            )
        }
        ExprKind::Error => "<error>".into(),
    }
}

#[test]
fn precedence_follows_python() {
    check(
        "x = 1 + 2 * 3 ** -2 ** 2 // 4 % 5 - -6\ny = not a == b and c or d\nz = a if b else c if d else e\nw = -x ** 2\n",
        expect![[r#"
            (= x (- (+ 1 (% (// (* 2 (** 3 (Neg (** 2 2)))) 4) 5)) (Neg 6)))
            (= y (Or (And (Not (cmp a == b)) c) d))
            (= z (if b a (if d c e)))
            (= w (Neg (** x 2)))
        "#]],
    );
}

#[test]
fn comparisons_chain() {
    check(
        "a < b <= c != d\nx in xs\nx not in xs == True\n",
        expect![[r#"
            (cmp a < b <= c != d)
            (cmp x in xs)
            (cmp x not in xs == True)
        "#]],
    );
}

#[test]
fn statements() {
    check(
        "def f(a, b=2, c=-1):\n    global g\n    if a:\n        return b\n    elif c: pass\n    else:\n        return\nfor i in range(3):\n    x += i; continue\nwhile True: break\na, b = b, a\na = b = 0\nxs[i], xs[j] = xs[j], xs[i]\nprint(*[])\n",
        expect![[r#"
            def f(a b=2 c=(Neg 1))
              global g
              if a
                return b
              elif c
                pass
              else
                return 
            for i in (call range 3)
              (+= x i)
              continue
            while True
              break
            (= (tuple a b) (tuple b a))
            (= a b 0)
            (= (tuple (index xs i) (index xs j)) (tuple (index xs j) (index xs i)))
            14: not supported in this subset: `*` and `**` arguments [py/unsupported]
        "#]],
    );
}

#[test]
fn calls_comprehensions_and_fstrings() {
    check(
        "print(1, 2, sep=', ', end='')\nys = [x * x for x in xs if x > 0 if x < 9]\nprint(sum(x for x in range(3)))\nprint(f'{a + 1} is {xs[0]}!' 'more')\nxs.append(3)\n",
        expect![[r#"
            (call print 1 2 sep=", " end="")
            (= ys (listcomp (* x x) for x in xs if [(cmp x > 0) (cmp x < 9)]))
            (call print (call sum (gen x for x in (call range 3) if [])))
            (call print (f {(+ a 1)} " is " {(index xs 0)} "!more"))
            (call (. xs append) 3)
        "#]],
    );
}

#[test]
fn errors_skip_the_statement_and_its_block() {
    check(
        "if x = 1:\n    y = 2\n    z = 3\nw = 4\nprint(1,, 2)\nv = 5\n",
        expect![[r#"
            (= w 4)
            (= v 5)
            1: invalid syntax: `=` in a condition [py/syntax]
            5: expected an expression, found `,` [py/syntax]
        "#]],
    );
}
