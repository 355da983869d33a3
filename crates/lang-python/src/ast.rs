//! The syntax tree of the Python subset, with a byte span on every node.
//!
//! The parser builds only what the subset can mean; a construct outside it is reported
//! where it is read and stands in the tree as [`ExprKind::Error`] or is left out, so that
//! later passes stay quiet about it.

use diag::Span;
use isa::Num;

/// A whole file: its statements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Module {
    pub(crate) body: Vec<Stmt>,
}

/// A statement and where it stands (from its first token to the end of its header or
/// its simple statement).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Stmt {
    pub(crate) kind: StmtKind,
    pub(crate) span: Span,
}

/// What a statement is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum StmtKind {
    /// An expression evaluated for its effect (a call, usually).
    Expr(Expr),
    /// `a = b = value`; each target is a name, an index or a tuple of those.
    Assign { targets: Vec<Expr>, value: Expr },
    /// `target op= value`.
    AugAssign {
        target: Expr,
        op: BinOp,
        op_span: Span,
        value: Expr,
    },
    /// `if`, then each `elif`, as condition–body pairs; then the `else` body.
    If {
        branches: Vec<(Expr, Vec<Stmt>)>,
        orelse: Vec<Stmt>,
    },
    /// `while cond: body`.
    While { cond: Expr, body: Vec<Stmt> },
    /// `for target in iter: body`.
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
    },
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `pass`.
    Pass,
    /// `return` or `return value`.
    Return(Option<Expr>),
    /// `global a, b`.
    Global(Vec<(String, Span)>),
    /// `def name(params): body`.
    Def(FuncDef),
}

/// A function definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FuncDef {
    pub(crate) name: String,
    pub(crate) name_span: Span,
    pub(crate) params: Vec<Param>,
    pub(crate) body: Vec<Stmt>,
}

/// A parameter, with its default value if it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Param {
    pub(crate) name: String,
    pub(crate) span: Span,
    pub(crate) default: Option<Expr>,
}

/// An expression and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Expr {
    pub(crate) kind: ExprKind,
    pub(crate) span: Span,
}

/// What an expression is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ExprKind {
    /// An integer literal.
    Int(Num),
    /// `True` or `False`.
    Bool(bool),
    /// `None`.
    None,
    /// A string literal (adjacent literals already joined).
    Str(String),
    /// An f-string.
    FStr(Vec<FStrPart>),
    /// A name.
    Name(String),
    /// `[a, b, c]`.
    List(Vec<Expr>),
    /// `a, b` (only as an assignment's target or value, or a `for` target).
    Tuple(Vec<Expr>),
    /// `lhs op rhs` for arithmetic.
    Binary {
        op: BinOp,
        op_span: Span,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `-x`, `+x`, `not x`.
    Unary {
        op: UnOp,
        op_span: Span,
        operand: Box<Expr>,
    },
    /// `lhs and rhs`, `lhs or rhs`.
    BoolOp {
        op: BoolOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `first op1 e1 op2 e2 …` (a chain of one or more comparisons).
    Compare {
        first: Box<Expr>,
        rest: Vec<(CmpOp, Span, Expr)>,
    },
    /// `then if cond else orelse`.
    IfExp {
        cond: Box<Expr>,
        then: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `func(args, name=value)`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// `value.name` (only called, as in `xs.append(x)`).
    Attribute {
        value: Box<Expr>,
        name: String,
        name_span: Span,
    },
    /// `value[index]`.
    Index { value: Box<Expr>, index: Box<Expr> },
    /// `[elt for target in iter if cond …]`, or the same without brackets as the one
    /// argument of `sum`, `min` or `max` (`generator`), which the subset reads as a list.
    ListComp {
        elt: Box<Expr>,
        target: Box<Expr>,
        iter: Box<Expr>,
        conds: Vec<Expr>,
        generator: bool,
    },
    /// Something already reported; later passes say nothing more about it.
    Error,
}

/// One part of an f-string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FStrPart {
    Text(String),
    Field(Expr),
}

/// A keyword argument, `name=value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Keyword {
    pub(crate) name: String,
    pub(crate) name_span: Span,
    pub(crate) value: Expr,
}

/// An arithmetic operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BinOp {
    Add,
    Sub,
    Mul,
    FloorDiv,
    Mod,
    Pow,
}

impl BinOp {
    /// The operator as written.
    pub(crate) fn text(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
        }
    }
}

/// A unary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnOp {
    Neg,
    Pos,
    Not,
}

/// `and` or `or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BoolOp {
    And,
    Or,
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
}

impl CmpOp {
    /// The operator as written.
    pub(crate) fn text(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}
