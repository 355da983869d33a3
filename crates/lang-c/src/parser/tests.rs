//! Parser tests: each case shows the tree in a compact bracketed form, then the
//! diagnostics.

use std::fmt::Write;

use expect_test::{Expect, expect};

use crate::ast::*;

fn show_expr(e: &Expr, out: &mut String) {
    match &e.kind {
        ExprKind::Int(v) => write!(out, "{v}").unwrap(),
        ExprKind::Str(chars) => {
            write!(out, "{:?}", chars.iter().map(|c| c.0).collect::<String>()).unwrap();
        }
        ExprKind::Name(ident, _) => out.push_str(&ident.name),
        ExprKind::Unary(op, _, x) => {
            write!(out, "({op:?} ").unwrap();
            show_expr(x, out);
            out.push(')');
        }
        ExprKind::Binary(op, _, a, b) => {
            write!(out, "({} ", op.text()).unwrap();
            show_expr(a, out);
            out.push(' ');
            show_expr(b, out);
            out.push(')');
        }
        ExprKind::Logical { and, lhs, rhs, .. } => {
            out.push_str(if *and { "(&& " } else { "(|| " });
            show_expr(lhs, out);
            out.push(' ');
            show_expr(rhs, out);
            out.push(')');
        }
        ExprKind::Assign {
            op, target, value, ..
        } => {
            write!(out, "({}= ", op.map_or("", BinOp::text)).unwrap();
            show_expr(target, out);
            out.push(' ');
            show_expr(value, out);
            out.push(')');
        }
        ExprKind::IncDec {
            inc,
            prefix,
            target,
            ..
        } => {
            let op = if *inc { "++" } else { "--" };
            out.push('(');
            if *prefix {
                out.push_str(op);
            }
            show_expr(target, out);
            if !*prefix {
                out.push_str(op);
            }
            out.push(')');
        }
        ExprKind::Cond(c, a, b) => {
            out.push_str("(? ");
            show_expr(c, out);
            out.push(' ');
            show_expr(a, out);
            out.push(' ');
            show_expr(b, out);
            out.push(')');
        }
        ExprKind::Call(f, args, _) => {
            write!(out, "{}(", f.name).unwrap();
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                show_expr(a, out);
            }
            out.push(')');
        }
        ExprKind::Index(a, i) => {
            show_expr(a, out);
            out.push('[');
            show_expr(i, out);
            out.push(']');
        }
        ExprKind::Comma(a, b) => {
            out.push_str("(, ");
            show_expr(a, out);
            out.push(' ');
            show_expr(b, out);
            out.push(')');
        }
        ExprKind::AddrOf(x) => {
            out.push('&');
            show_expr(x, out);
        }
        ExprKind::Error => out.push_str("<error>"),
    }
}

fn show_type(ty: &TypeSpec) -> String {
    format!("{}{:?}", if ty.is_const { "const " } else { "" }, ty.base).to_lowercase()
}

fn show_decls(d: &VarDecls, out: &mut String) {
    write!(out, "{}", show_type(&d.ty)).unwrap();
    for v in &d.vars {
        write!(out, " {}", v.name.name).unwrap();
        match &v.array {
            Some(ArraySize::Given(e, _)) => {
                out.push('[');
                show_expr(e, out);
                out.push(']');
            }
            Some(ArraySize::FromInit(_)) => out.push_str("[]"),
            None => {}
        }
        match &v.init {
            Some(Init::Expr(e)) => {
                out.push_str(" = ");
                show_expr(e, out);
            }
            Some(Init::List(items, _)) => {
                out.push_str(" = {");
                for (i, e) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    show_expr(e, out);
                }
                out.push('}');
            }
            None => {}
        }
        out.push(';');
    }
}

fn show_stmt(s: &Stmt, indent: usize, out: &mut String) {
    let pad = "  ".repeat(indent);
    out.push_str(&pad);
    match &s.kind {
        StmtKind::Expr(e) => show_expr(e, out),
        StmtKind::Decl(d) => show_decls(d, out),
        StmtKind::Block(b) => {
            out.push_str("{\n");
            for s in &b.stmts {
                show_stmt(s, indent + 1, out);
            }
            out.push_str(&pad);
            out.push('}');
        }
        StmtKind::If(c, t, e) => {
            out.push_str("if ");
            show_expr(c, out);
            out.push('\n');
            show_stmt(t, indent + 1, out);
            if let Some(e) = e {
                out.push_str(&pad);
                out.push_str("else\n");
                show_stmt(e, indent + 1, out);
            }
            return;
        }
        StmtKind::While(c, body) => {
            out.push_str("while ");
            show_expr(c, out);
            out.push('\n');
            show_stmt(body, indent + 1, out);
            return;
        }
        StmtKind::DoWhile(body, c) => {
            out.push_str("do\n");
            show_stmt(body, indent + 1, out);
            out.push_str(&pad);
            out.push_str("while ");
            show_expr(c, out);
        }
        StmtKind::For(f) => {
            out.push_str("for ");
            match &f.init {
                ForInit::None => out.push('_'),
                ForInit::Expr(e) => show_expr(e, out),
                ForInit::Decl(d) => show_decls(d, out),
            }
            out.push_str(" ; ");
            match &f.cond {
                Some(e) => show_expr(e, out),
                None => out.push('_'),
            }
            out.push_str(" ; ");
            match &f.step {
                Some(e) => show_expr(e, out),
                None => out.push('_'),
            }
            out.push('\n');
            show_stmt(&f.body, indent + 1, out);
            return;
        }
        StmtKind::Break => out.push_str("break"),
        StmtKind::Continue => out.push_str("continue"),
        StmtKind::Return(e) => {
            out.push_str("return");
            if let Some(e) = e {
                out.push(' ');
                show_expr(e, out);
            }
        }
        StmtKind::Switch(c, body) => {
            out.push_str("switch ");
            show_expr(c, out);
            out.push('\n');
            show_stmt(body, indent + 1, out);
            return;
        }
        StmtKind::Case(v, _, body) => {
            out.push_str("case ");
            show_expr(v, out);
            out.push_str(":\n");
            show_stmt(body, indent + 1, out);
            return;
        }
        StmtKind::Default(body) => {
            out.push_str("default:\n");
            show_stmt(body, indent + 1, out);
            return;
        }
        StmtKind::Empty => out.push(';'),
    }
    out.push('\n');
}

fn show(program: &Program) -> String {
    let mut out = String::new();
    for item in &program.items {
        match item {
            Item::Vars(d) => {
                show_decls(d, &mut out);
                out.push('\n');
            }
            Item::Func(f) => {
                write!(out, "{} {}(", show_type(&f.ret), f.name.name).unwrap();
                for (i, p) in f.params.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&show_type(&p.ty));
                    if let Some(n) = &p.name {
                        write!(out, " {}", n.name).unwrap();
                    }
                    if p.is_array {
                        out.push_str("[]");
                    }
                }
                out.push(')');
                match &f.body {
                    Some(b) => {
                        out.push('\n');
                        for s in &b.stmts {
                            show_stmt(s, 1, &mut out);
                        }
                    }
                    None => out.push_str(";\n"),
                }
            }
        }
    }
    out
}

/// Parses `source` and shows the tree, then each diagnostic with its position.
fn check(source: &str, expect: Expect) {
    let mut diags = Vec::new();
    let tokens = crate::lexer::lex(source, &mut diags);
    let program = super::parse(source, tokens, &mut diags);
    let mut out = show(&program);
    for d in &diags {
        let rendered = diag::render_plain("t.c", source, d);
        out.push_str(&rendered.replacen('\n', &format!(" [{}]\n", d.code), 1));
    }
    expect.assert_eq(&out);
}

#[test]
fn precedence_and_associativity() {
    check(
        "int x = a = b += 1 + 2 * -c % 3 - 4 < 5 == !d && e || f ? g : h ? i : j;",
        expect![[r#"
            int x = (= a (+= b (? (|| (&& (== (< (- (+ 1 (% (* 2 (Neg c)) 3)) 4) 5) (Not d)) e) f) g (? h i j))));
        "#]],
    );
    check(
        "void f() { x++ + ++y; a[i + 1]--; g(1, h(2), k[3]); (a, b); --*p; }",
        expect![[r#"
            void f()
              (+ (x++) (++y))
              (a[(+ i 1)]--)
              g(1, h(2), k[3])
              (, a b)
              (--<error>)
            t.c:1:63: error: not supported in this subset: pointers (`*` before a value) [c/unsupported]
            void f() { x++ + ++y; a[i + 1]--; g(1, h(2), k[3]); (a, b); --*p; }
                                                                          ^
              = hint: index an array instead, as in `a[i]`
        "#]],
    );
}

#[test]
fn declarations_and_functions() {
    check(
        "#include <stdio.h>\n#define N 4\nconst long big = 1, t[N] = {1, 2,}, u[] = {3};\nint f(int n, long a[], const int b[10]);\nint main(void) { long long x; int y[2]; return f(N, t, y); }",
        expect![[r#"
            const long big = 1; t[4] = {1, 2}; u[] = {3};
            int f(int n, long a[], const int b[]);
            int main()
              long x;
              int y[2];
              return f(4, t, y)
        "#]],
    );
}

#[test]
fn statements() {
    check(
        "void f(void) {
            if (a) b; else if (c) { d; } else e;
            while (x) { break; continue; }
            do x--; while (x > 0);
            for (int i = 0, j = 9; i < j; i++, j--) ;
            for (;;) return;
            switch (k) { case 1: case 'b': z; default: break; }
        }",
        expect![[r#"
            void f()
              if a
                b
              else
                if c
                  {
                    d
                  }
                else
                  e
              while x
                {
                  break
                  continue
                }
              do
                (x--)
              while (> x 0)
              for int i = 0; j = 9; ; (< i j) ; (, (i++) (j--))
                ;
              for _ ; _ ; _
                return
              switch k
                {
                  case 1:
                    case 98:
                      z
                  default:
                    break
                }
        "#]],
    );
}

#[test]
fn syntax_errors_are_reported_once_each() {
    check(
        "int main(void) {\n    int x = 5\n    x = x + ;\n    if x > 0 { x--; }\n    return x\n}\n",
        expect![[r#"
            int main()
              int x = 5;
              (= x (+ x <error>))
              if (> x 0)
                {
                  (x--)
                }
              return x
            t.c:2:14: error: expected `;`, found `x` [c/syntax]
                int x = 5
                         ^
              = hint: every statement and declaration ends with `;`
            t.c:3:13: error: expected an expression, found `;` [c/syntax]
                x = x + ;
                        ^
            t.c:4:8: error: expected `(` after `if`, found `x` [c/syntax]
                if x > 0 { x--; }
                   ^
              = hint: the condition of `if` goes in parentheses
            t.c:5:13: error: expected `;`, found `}` [c/syntax]
                return x
                        ^
              = hint: every statement and declaration ends with `;`
        "#]],
    );
    check(
        "int main(void) {\n  foo(1, 2;\n  int y = 3;\n}\nint g(",
        expect![[r#"
        int main()
          foo(1, 2)
          int y = 3;
        int g();
        t.c:2:11: error: expected `)`, found `;` [c/syntax]
          foo(1, 2;
                  ^
        t.c:5:7: error: expected a parameter, found the end of the file [c/syntax]
        int g(
              ^
    "#]],
    );
    check(
        "x = 5;\n}\nint main() { return 0; }",
        expect![[r#"
        int main()
          return 0
        t.c:1:1: error: expected a declaration, found `x` [c/syntax]
        x = 5;
        ^
          = hint: outside functions there are only declarations, as in `int x = 0;`
        t.c:2:1: error: expected a declaration, found `}` [c/syntax]
        }
        ^
    "#]],
    );
}

#[test]
fn constructs_outside_the_subset() {
    check(
        "struct p { int x; } q;\nchar *s = \"hi\";\nint main(void) {\n  double d = 1.5;\n  int *p = &x;\n  x = (long) y + sizeof(int) + a.b;\n  x = a & b | c ^ ~d << 1;\n  int m[2][3];\n  static int k;\n  goto end;\n  end: bool ok;\n  unsigned u;\n  return 0;\n}\n",
        expect![[r#"
            error q;
            error s = "hi";
            int main()
              error d = <error>;
              int p = &x;
              (= x (+ (+ <error> <error>) <error>))
              (= x <error>)
              int m[2];
              error k;
              ;
              error ok;
              error u;
              return 0
            t.c:4:14: error: not supported in this subset: floating-point numbers (`1.5`) [c/unsupported]
              double d = 1.5;
                         ^^^
              = hint: every number on the Engine is an integer
            t.c:1:1: error: not supported in this subset: structs [c/unsupported]
            struct p { int x; } q;
            ^^^^^^^^^^^^^^^^^^^
              = hint: use one array per field, indexed alike
            t.c:2:1: error: not supported in this subset: the type `char` [c/unsupported]
            char *s = "hi";
            ^^^^
              = hint: use `int` for characters, as in `int c = 'A';`
            t.c:2:6: error: not supported in this subset: pointers [c/unsupported]
            char *s = "hi";
                 ^
              = hint: only `scanf` takes addresses, as in `scanf("%d", &x)`
            t.c:4:3: error: not supported in this subset: floating point (`double`) [c/unsupported]
              double d = 1.5;
              ^^^^^^
              = hint: every number on the Engine is an integer; scale by a power of ten for fractions
            t.c:5:7: error: not supported in this subset: pointers [c/unsupported]
              int *p = &x;
                  ^
              = hint: only `scanf` takes addresses, as in `scanf("%d", &x)`
            t.c:6:7: error: not supported in this subset: casts [c/unsupported]
              x = (long) y + sizeof(int) + a.b;
                  ^^^^^^
              = hint: `int` and `long` are the same 50-digit numbers here; leave the cast out
            t.c:6:18: error: not supported in this subset: `sizeof` [c/unsupported]
              x = (long) y + sizeof(int) + a.b;
                             ^^^^^^^^^^^
              = hint: keep the length in a `#define` constant
            t.c:6:33: error: not supported in this subset: structs (`.`) [c/unsupported]
              x = (long) y + sizeof(int) + a.b;
                                            ^
            t.c:7:9: error: not supported in this subset: bitwise operators (`&`) [c/unsupported]
              x = a & b | c ^ ~d << 1;
                    ^
              = hint: for logical and, write `&&`
            t.c:7:19: error: not supported in this subset: bitwise operators (`~`) [c/unsupported]
              x = a & b | c ^ ~d << 1;
                              ^
              = hint: for logical not, write `!`
            t.c:7:22: error: not supported in this subset: bitwise operators (`<<`) [c/unsupported]
              x = a & b | c ^ ~d << 1;
                                 ^^
              = hint: to multiply by a power of two, use `*`
            t.c:7:17: error: not supported in this subset: bitwise operators (`^`) [c/unsupported]
              x = a & b | c ^ ~d << 1;
                            ^
              = hint: `^` is exclusive or in C, not a power: multiply in a loop
            t.c:7:13: error: not supported in this subset: bitwise operators (`|`) [c/unsupported]
              x = a & b | c ^ ~d << 1;
                        ^
              = hint: for logical or, write `||`
            t.c:8:11: error: not supported in this subset: multi-dimensional arrays [c/unsupported]
              int m[2][3];
                      ^^^
              = hint: use a one-dimensional array and index it with `row * width + col`
            t.c:9:3: error: not supported in this subset: `static` local variables [c/unsupported]
              static int k;
              ^^^^^^
              = hint: use a global variable instead
            t.c:10:3: error: not supported in this subset: `goto` [c/unsupported]
              goto end;
              ^^^^
              = hint: use a loop with `break` or `continue`
            t.c:11:3: error: not supported in this subset: labels and `goto` [c/unsupported]
              end: bool ok;
              ^^^^
            t.c:11:8: error: unknown type name `bool` [c/undeclared-name]
              end: bool ok;
                   ^^^^
              = hint: use `int`, with 0 for false and 1 for true
            t.c:11:8: error: a declaration cannot stand alone as the body of a label [c/syntax]
              end: bool ok;
                   ^^^^^^^^
              = hint: put it inside braces `{ … }`
            t.c:12:3: error: not supported in this subset: the type `unsigned` [c/unsupported]
              unsigned u;
              ^^^^^^^^
              = hint: use `int` or `long`; both hold 50 digits on the Engine
        "#]],
    );
}

#[test]
fn deep_nesting_is_reported_not_overflowed() {
    let deep = format!("int x = {}1{};", "(".repeat(5000), ")".repeat(5000));
    let mut diags = Vec::new();
    let tokens = crate::lexer::lex(&deep, &mut diags);
    let _ = super::parse(&deep, tokens, &mut diags);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].code, "c/too-deep");

    let long = format!("int x = 1{};", " + 1".repeat(5000));
    let mut diags = Vec::new();
    let tokens = crate::lexer::lex(&long, &mut diags);
    let _ = super::parse(&long, tokens, &mut diags);
    assert_eq!(diags.len(), 1, "{diags:?}");

    let blocks = format!("void f() {{ {} }}", "if (1) {".repeat(3000));
    let mut diags = Vec::new();
    let tokens = crate::lexer::lex(&blocks, &mut diags);
    let _ = super::parse(&blocks, tokens, &mut diags);
    assert_eq!(diags.len(), 1, "{diags:?}");
}
