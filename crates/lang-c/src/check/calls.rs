//! Checking calls: the program's functions, and `printf`, `scanf`, `putchar` and `puts`.

use diag::{Diagnostic, Label, Span};

use super::{Checker, Lookup, Ty, unsupported};
use crate::ast::*;
use crate::format::{self, ConvKind, Piece};

/// The library functions of the subset.
const LIBRARY: [&str; 4] = ["printf", "scanf", "putchar", "puts"];

/// Whether `name` is one of the subset's library functions.
pub(crate) fn is_library(name: &str) -> bool {
    LIBRARY.contains(&name)
}

/// Standard library functions outside the subset, with a hint where one helps.
fn outside_library(name: &str) -> Option<&'static str> {
    Some(match name {
        "abs" | "labs" | "llabs" => "write it: `x < 0 ? -x : x`",
        "getchar" | "gets" | "fgets" | "getc" | "fgetc" => "read numbers with `scanf(\"%d\", &x)`",
        "exit" | "abort" => "return from `main` instead",
        "malloc" | "calloc" | "realloc" | "free" => "use an array of fixed size",
        "fprintf" | "sprintf" | "snprintf" | "vprintf" | "fputs" | "fputc" | "putc" => {
            "print with `printf`, `putchar` or `puts`"
        }
        "strlen" | "strcpy" | "strncpy" | "strcmp" | "strncmp" | "strcat" | "memset" | "memcpy"
        | "memmove" | "atoi" | "atol" | "strtol" | "isdigit" | "isalpha" | "isspace"
        | "isupper" | "islower" | "toupper" | "tolower" => "strings are not values in this subset",
        "sqrt" | "pow" | "exp" | "log" | "sin" | "cos" | "floor" | "ceil" | "fabs" => {
            "every number on the Engine is an integer"
        }
        "rand" | "srand" | "time" | "clock" | "qsort" | "bsearch" | "assert" | "fopen"
        | "fclose" | "fflush" | "fscanf" | "sscanf" | "perror" | "system" => "",
        _ => return None,
    })
}

/// `1 argument`, `2 arguments`.
pub(super) fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

impl Checker<'_> {
    pub(super) fn call(
        &mut self,
        callee: &Ident,
        args: &mut [Expr],
        res: &mut Callee,
        span: Span,
    ) -> Ty {
        let name = callee.name.as_str();
        match self.lookup(name) {
            Some(Lookup::Func(id)) => {
                *res = Callee::Func(id);
                self.user_call(id, callee, args, span)
            }
            Some(Lookup::Local(_) | Lookup::Global(_)) => {
                self.error(
                    "c/type-mismatch",
                    format!("`{name}` is a variable, not a function"),
                    callee.span,
                );
                self.args_anyway(args);
                Ty::Error
            }
            None => match name {
                "printf" => {
                    *res = Callee::Printf;
                    self.printf(args, span)
                }
                "scanf" => {
                    *res = Callee::Scanf;
                    self.scanf(args, span)
                }
                "putchar" => {
                    *res = Callee::Putchar;
                    if self.arity(name, 1, args.len(), span, None) {
                        self.value(&mut args[0]);
                    } else {
                        self.args_anyway(args);
                    }
                    Ty::LibResult("putchar")
                }
                "puts" => {
                    *res = Callee::Puts;
                    if self.arity(name, 1, args.len(), span, None) {
                        self.string_arg(&mut args[0], "`puts`");
                    } else {
                        self.args_anyway(args);
                    }
                    Ty::LibResult("puts")
                }
                _ => {
                    self.unknown_function(callee);
                    self.args_anyway(args);
                    Ty::Error
                }
            },
        }
    }

    /// Checks arguments of a call that is already wrong, for their own mistakes.
    fn args_anyway(&mut self, args: &mut [Expr]) {
        for a in args {
            let _ = self.expr(a);
        }
    }

    fn unknown_function(&mut self, callee: &Ident) {
        let name = &callee.name;
        if let Some(hint) = outside_library(name) {
            let mut d = unsupported(format_args!("the library function `{name}`"), callee.span);
            if !hint.is_empty() {
                d = d.with_hint(hint);
            }
            self.diags.push(d);
            return;
        }
        if let Some(&later) = self.all_funcs.get(name) {
            self.diags.push(
                Diagnostic::error(
                    "c/undeclared-name",
                    format!("`{name}` is called before it is declared"),
                    callee.span,
                )
                .with_label(later, "defined later here")
                .with_hint(format!(
                    "declare it before this point, as in `int {name}(int n);`, or move it up"
                )),
            );
            return;
        }
        let mut names = self.visible_names();
        names.extend(LIBRARY.iter().map(|s| s.to_string()));
        let mut d = Diagnostic::error(
            "c/undeclared-name",
            format!("undeclared function `{name}`"),
            callee.span,
        );
        if let Some(hint) = diag::did_you_mean(name, names.iter().map(String::as_str)) {
            d = d.with_hint(hint);
        }
        self.diags.push(d);
    }

    /// Reports a wrong number of arguments; `true` if the number is right.
    fn arity(
        &mut self,
        name: &str,
        want: usize,
        got: usize,
        span: Span,
        decl: Option<Span>,
    ) -> bool {
        if want == got {
            return true;
        }
        let mut d = Diagnostic::error(
            "c/argument-count",
            format!(
                "`{name}` takes {} but {} given",
                plural(want, "argument"),
                if got == 1 {
                    "1 was".to_string()
                } else {
                    format!("{got} were")
                }
            ),
            span,
        );
        if let Some(decl) = decl {
            d = d.with_label(decl, "declared here");
        }
        self.diags.push(d);
        false
    }

    fn user_call(&mut self, id: usize, callee: &Ident, args: &mut [Expr], span: Span) -> Ty {
        let f = &self.syms.funcs[id];
        let (params, returns_void, decl) = (f.params.clone(), f.returns_void, f.span);
        if self.syms.funcs[id].used.is_none() {
            self.syms.funcs[id].used = Some(callee.span);
        }
        if self.syms.funcs[id].unspecified {
            // Declared as `f()`: the arguments are checked against the definition later.
            let mut arrays = Vec::new();
            for arg in args.iter_mut() {
                let ty = self.expr(arg);
                if !matches!(ty, Ty::Array { .. }) {
                    self.want_num(ty, arg);
                }
                arrays.push(matches!(ty, Ty::Array { .. }));
            }
            self.syms.funcs[id].unchecked_calls.push((span, arrays));
            return if returns_void { Ty::Void } else { Ty::Num };
        }
        if !self.arity(&callee.name, params.len(), args.len(), span, Some(decl)) {
            self.args_anyway(args);
        } else {
            for (i, (arg, param)) in args.iter_mut().zip(&params).enumerate() {
                if !param.is_array {
                    self.value(arg);
                    continue;
                }
                let ty = self.expr(arg);
                match ty {
                    Ty::Array { is_const } => {
                        if is_const && !param.is_const {
                            self.error(
                                "c/const",
                                format!(
                                    "the `const` array `{}` is passed to `{}`, which may change it",
                                    self.text(arg.span),
                                    callee.name
                                ),
                                arg.span,
                            )
                            .labels
                            .push(Label {
                                span: decl,
                                message: format!("parameter {} is not declared `const`", i + 1),
                            });
                        }
                    }
                    Ty::Error => {}
                    _ => {
                        let shown = self.text(arg.span).to_string();
                        self.error(
                            "c/type-mismatch",
                            format!(
                                "`{}` expects an array as argument {}, not `{shown}`",
                                callee.name,
                                i + 1
                            ),
                            arg.span,
                        )
                        .labels
                        .push(Label {
                            span: decl,
                            message: "declared here".into(),
                        });
                    }
                }
            }
        }
        if returns_void { Ty::Void } else { Ty::Num }
    }

    /// A `%s` or `puts` argument: a string literal, or `?:` choosing between them.
    fn string_arg(&mut self, arg: &mut Expr, of: &str) {
        match &mut arg.kind {
            ExprKind::Str(_) | ExprKind::Error => {}
            ExprKind::Cond(c, a, b) => {
                self.value(c);
                self.string_arg(a, of);
                self.string_arg(b, of);
            }
            _ => {
                let ty = self.expr(arg);
                if ty != Ty::Error {
                    let shown = self.text(arg.span).to_string();
                    self.error(
                        "c/type-mismatch",
                        format!("{of} needs a string literal, not `{shown}`"),
                        arg.span,
                    )
                    .hints
                    .push("print a number with `%d`".into());
                }
            }
        }
    }

    /// The format argument: a string literal, whose characters are returned.
    fn format_arg(
        &mut self,
        args: &mut [Expr],
        name: &str,
        span: Span,
    ) -> Option<Vec<(char, u32)>> {
        let Some(first) = args.first_mut() else {
            self.error(
                "c/argument-count",
                format!("`{name}` needs a format string"),
                span,
            );
            return None;
        };
        match &first.kind {
            ExprKind::Str(chars) => Some(chars.clone()),
            ExprKind::Error => None,
            _ => {
                let _ = self.expr(first);
                let s = first.span;
                self.diags.push(
                    unsupported(
                        format_args!("a `{name}` format that is not a string literal"),
                        s,
                    )
                    .with_hint(format!(
                        "write the format in quotes: `{name}(\"%d\\n\", …)`"
                    )),
                );
                None
            }
        }
    }

    fn printf(&mut self, args: &mut [Expr], span: Span) -> Ty {
        let Some(chars) = self.format_arg(args, "printf", span) else {
            self.args_anyway(args.get_mut(1..).unwrap_or_default());
            return Ty::LibResult("printf");
        };
        let pieces = match format::parse_printf(&chars) {
            Ok(pieces) => pieces,
            Err(mut diags) => {
                self.diags.append(&mut diags);
                self.args_anyway(&mut args[1..]);
                return Ty::LibResult("printf");
            }
        };
        let convs: Vec<_> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Conv(c) => Some(*c),
                Piece::Text(_) => None,
            })
            .collect();
        let values = &mut args[1..];
        let n_values = values.len();
        for (i, arg) in values.iter_mut().enumerate() {
            let Some(conv) = convs.get(i) else {
                let _ = self.expr(arg);
                let n = convs.len();
                self.error(
                    "c/format",
                    format!(
                        "`printf` is given {} after its format, which has {}",
                        plural(n_values, "value"),
                        plural(n, "conversion")
                    ),
                    arg.span,
                );
                break;
            };
            match conv.kind {
                ConvKind::Int | ConvKind::Char => {
                    let ty = self.expr(arg);
                    if ty == Ty::Str {
                        let text = conv_text(self.src, conv.span);
                        self.error(
                            "c/format",
                            format!("`{text}` prints a number, but this is a string"),
                            arg.span,
                        )
                        .hints
                        .push("print a string with `%s`".into());
                    } else {
                        self.want_num(ty, arg);
                    }
                }
                ConvKind::Str => self.string_arg(arg, "`%s`"),
            }
        }
        if let Some(missing) = convs.get(values.len()) {
            let text = conv_text(self.src, missing.span);
            self.error(
                "c/format",
                format!("`{text}` has no value to print"),
                missing.span,
            )
            .hints
            .push(format!(
                "the format has {} but {} {} it",
                plural(convs.len(), "conversion"),
                plural(values.len(), "value"),
                if values.len() == 1 {
                    "follows"
                } else {
                    "follow"
                }
            ));
        }
        Ty::LibResult("printf")
    }

    /// Checks an argument of a `scanf` call that is already wrong, for its own mistakes
    /// (an `&` there is no mistake of its own).
    fn scanf_arg_anyway(&mut self, arg: &mut Expr) {
        match &mut arg.kind {
            ExprKind::AddrOf(target) => {
                let _ = self.expr(target);
            }
            _ => {
                let _ = self.expr(arg);
            }
        }
    }

    fn scanf(&mut self, args: &mut [Expr], span: Span) -> Ty {
        let Some(chars) = self.format_arg(args, "scanf", span) else {
            for arg in args.get_mut(1..).unwrap_or_default() {
                self.scanf_arg_anyway(arg);
            }
            return Ty::LibResult("scanf");
        };
        let convs = match format::parse_scanf(&chars) {
            Ok(convs) => convs,
            Err(mut diags) => {
                self.diags.append(&mut diags);
                for arg in &mut args[1..] {
                    self.scanf_arg_anyway(arg);
                }
                return Ty::LibResult("scanf");
            }
        };
        let targets = &mut args[1..];
        for (i, arg) in targets.iter_mut().enumerate() {
            if i >= convs.len() {
                self.scanf_arg_anyway(arg);
                self.error(
                    "c/format",
                    format!(
                        "`scanf` is given more places to read into than its format has `%d`s ({})",
                        convs.len()
                    ),
                    arg.span,
                );
                break;
            }
            match &mut arg.kind {
                ExprKind::AddrOf(target) => {
                    if matches!(target.kind, ExprKind::Name(..) | ExprKind::Index(..)) {
                        self.lvalue(target, "read into");
                    } else {
                        let _ = self.expr(target);
                        let shown = self.text(target.span).to_string();
                        self.error(
                            "c/not-lvalue",
                            format!("`scanf` cannot read into `{shown}`"),
                            target.span,
                        );
                    }
                }
                _ => {
                    let ty = self.expr(arg);
                    if ty != Ty::Error {
                        let shown = self.text(arg.span).to_string();
                        self.error(
                            "c/type-mismatch",
                            format!("`scanf` needs the address of a variable, not `{shown}`"),
                            arg.span,
                        )
                        .hints
                        .push(format!("write `&{shown}`"));
                    }
                }
            }
        }
        if let Some(&missing) = convs.get(targets.len()) {
            let text = conv_text(self.src, missing);
            self.error(
                "c/format",
                format!("`{text}` has no variable to read into"),
                missing,
            )
            .hints
            .push("pass the address of one, as in `scanf(\"%d\", &x)`".into());
        }
        Ty::LibResult("scanf")
    }
}

/// The text of a conversion in the source, for messages.
fn conv_text(src: &str, span: Span) -> &str {
    src.get(span.range()).unwrap_or("%")
}
