//! The syntax tree of a C program in the subset, with byte spans.
//!
//! The parser builds it; the checker resolves names in place (filling the `res` fields)
//! and computes constant values; lowering reads it. Constructs outside the subset never
//! reach the tree: the parser reports them and leaves [`ExprKind::Error`] or skips them.

use diag::Span;
use isa::Num;

/// A name as written, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Ident {
    pub(crate) name: String,
    pub(crate) span: Span,
}

/// A whole translation unit.
#[derive(Debug, Default)]
pub(crate) struct Program {
    pub(crate) items: Vec<Item>,
}

/// A top-level declaration.
#[derive(Debug)]
pub(crate) enum Item {
    Func(FuncDecl),
    Vars(VarDecls),
}

/// The base type of a declaration: `int` and `long` are both the machine's numbers, but
/// keep their names for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Base {
    Int,
    Long,
    Void,
    /// A type outside the subset, already reported.
    Error,
}

/// The type at the front of a declaration (`const long`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct TypeSpec {
    pub(crate) base: Base,
    pub(crate) is_const: bool,
    pub(crate) span: Span,
}

/// A function declaration: a prototype if `body` is `None`.
#[derive(Debug)]
pub(crate) struct FuncDecl {
    pub(crate) ret: TypeSpec,
    pub(crate) name: Ident,
    pub(crate) params: Vec<Param>,
    /// The parameter list, parentheses included.
    pub(crate) params_span: Span,
    /// `f()`: in C before C23, a declaration that says nothing about the parameters
    /// (unlike `f(void)`).
    pub(crate) unspecified: bool,
    pub(crate) body: Option<Block>,
}

/// A function parameter (unnamed in prototypes).
#[derive(Debug)]
pub(crate) struct Param {
    pub(crate) ty: TypeSpec,
    pub(crate) name: Option<Ident>,
    /// `int a[]`: an array, passed by reference.
    pub(crate) is_array: bool,
    pub(crate) span: Span,
}

/// A declaration of one or more variables (`int i = 0, a[10];`).
#[derive(Debug)]
pub(crate) struct VarDecls {
    pub(crate) ty: TypeSpec,
    pub(crate) vars: Vec<VarDecl>,
}

/// One declared variable.
#[derive(Debug)]
pub(crate) struct VarDecl {
    pub(crate) name: Ident,
    pub(crate) array: Option<ArraySize>,
    pub(crate) init: Option<Init>,
    /// The whole declarator, initialiser included.
    pub(crate) span: Span,
    /// The variable, once the checker has declared it.
    pub(crate) res: Res,
}

/// The size of an array declarator.
#[derive(Debug)]
pub(crate) enum ArraySize {
    /// `a[N]`; the checker fills in the value.
    Given(Expr, Option<u32>),
    /// `a[] = {…}`: the size of the initialiser; `span` is the brackets.
    FromInit(Span),
}

/// An initialiser.
#[derive(Debug)]
pub(crate) enum Init {
    Expr(Expr),
    /// `{1, 2, 3}`, with the span of the braces.
    List(Vec<Expr>, Span),
}

/// A brace-enclosed block of statements.
#[derive(Debug)]
pub(crate) struct Block {
    pub(crate) stmts: Vec<Stmt>,
    pub(crate) span: Span,
}

/// A statement, with its span.
#[derive(Debug)]
pub(crate) struct Stmt {
    pub(crate) kind: StmtKind,
    pub(crate) span: Span,
}

/// What a statement is.
#[derive(Debug)]
pub(crate) enum StmtKind {
    Expr(Expr),
    Decl(VarDecls),
    Block(Block),
    If(Expr, Box<Stmt>, Option<Box<Stmt>>),
    While(Expr, Box<Stmt>),
    DoWhile(Box<Stmt>, Expr),
    For(Box<For>),
    Break,
    Continue,
    Return(Option<Expr>),
    Switch(Expr, Box<Stmt>),
    /// `case VALUE: stmt`; the checker fills in the value.
    Case(Expr, Option<Num>, Box<Stmt>),
    Default(Box<Stmt>),
    /// `;`, or a statement that did not parse (already reported).
    Empty,
}

/// The parts of a `for` statement.
#[derive(Debug)]
pub(crate) struct For {
    pub(crate) init: ForInit,
    pub(crate) cond: Option<Expr>,
    pub(crate) step: Option<Expr>,
    pub(crate) body: Stmt,
}

/// The first clause of a `for`.
#[derive(Debug)]
pub(crate) enum ForInit {
    None,
    Expr(Expr),
    Decl(VarDecls),
}

/// What a name stands for, once resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Res {
    /// Not resolved (before checking, or an undeclared name, already reported).
    None,
    /// A variable or parameter of the enclosing function, by its index there.
    Local(usize),
    /// A global variable, by its index.
    Global(usize),
}

/// What a call calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Callee {
    /// Not resolved (before checking, or an unknown function, already reported).
    None,
    /// A function of the program, by its index.
    Func(usize),
    Printf,
    Scanf,
    Putchar,
    Puts,
}

/// An expression, with its span.
#[derive(Debug)]
pub(crate) struct Expr {
    pub(crate) kind: ExprKind,
    pub(crate) span: Span,
    /// How deeply the tree below is nested (1 for a leaf), so that the parser can keep
    /// every later recursive pass within a bounded depth.
    pub(crate) depth: u32,
}

/// Binary operators on numbers (the short-circuit ones are [`ExprKind::Logical`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Lt,
    Gt,
    Le,
    Ge,
    Eq,
    Ne,
}

impl BinOp {
    /// The operator as written.
    pub(crate) fn text(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Rem => "%",
            BinOp::Lt => "<",
            BinOp::Gt => ">",
            BinOp::Le => "<=",
            BinOp::Ge => ">=",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
        }
    }
}

/// Unary operators on numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnOp {
    Neg,
    Plus,
    Not,
}

/// What an expression is.
#[derive(Debug)]
pub(crate) enum ExprKind {
    Int(Num),
    /// A string literal: its characters, each with its offset in the source.
    Str(Vec<(char, u32)>),
    Name(Ident, Res),
    Unary(UnOp, Span, Box<Expr>),
    /// An operator, the operator's own span, and its operands.
    Binary(BinOp, Span, Box<Expr>, Box<Expr>),
    /// `&&` (`and` is true) or `||`.
    Logical {
        and: bool,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `=` (no operator) or a compound assignment such as `+=`.
    Assign {
        op: Option<BinOp>,
        op_span: Span,
        target: Box<Expr>,
        value: Box<Expr>,
    },
    /// `++`/`--`, before or after the operand.
    IncDec {
        inc: bool,
        prefix: bool,
        op: Span,
        target: Box<Expr>,
    },
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    Call(Ident, Vec<Expr>, Callee),
    /// `array[index]`.
    Index(Box<Expr>, Box<Expr>),
    Comma(Box<Expr>, Box<Expr>),
    /// `&x`, allowed only as an argument of `scanf`.
    AddrOf(Box<Expr>),
    /// Something that did not parse or is outside the subset, already reported.
    Error,
}

impl Expr {
    /// An expression node, its depth worked out from its children.
    pub(crate) fn new(kind: ExprKind, span: Span) -> Expr {
        let below = |e: &Expr| e.depth;
        let depth = 1 + match &kind {
            ExprKind::Int(_) | ExprKind::Str(_) | ExprKind::Name(..) | ExprKind::Error => 0,
            ExprKind::Unary(_, _, e) | ExprKind::IncDec { target: e, .. } | ExprKind::AddrOf(e) => {
                below(e)
            }
            ExprKind::Binary(_, _, a, b)
            | ExprKind::Logical { lhs: a, rhs: b, .. }
            | ExprKind::Assign {
                target: a,
                value: b,
                ..
            }
            | ExprKind::Index(a, b)
            | ExprKind::Comma(a, b) => below(a).max(below(b)),
            ExprKind::Cond(a, b, c) => below(a).max(below(b)).max(below(c)),
            ExprKind::Call(_, args, _) => args.iter().map(below).max().unwrap_or(0),
        };
        Expr { kind, span, depth }
    }

    /// The name, if the expression is one.
    pub(crate) fn as_name(&self) -> Option<(&Ident, Res)> {
        match &self.kind {
            ExprKind::Name(ident, res) => Some((ident, *res)),
            _ => None,
        }
    }
}
