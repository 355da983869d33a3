//! Instructions and their operands, with the canonical text form the disassembler prints.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Num;

/// One of the Mill's four registers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Reg {
    /// Register `A`.
    A,
    /// Register `B`.
    B,
    /// Register `C`.
    C,
    /// Register `D`.
    D,
}

impl Reg {
    /// All registers, in order.
    pub const ALL: [Reg; 4] = [Reg::A, Reg::B, Reg::C, Reg::D];

    /// The register's position in [`Reg::ALL`].
    #[inline]
    pub fn index(self) -> usize {
        self as usize
    }

    /// The register's name, as written in assembly.
    pub fn name(self) -> &'static str {
        ["A", "B", "C", "D"][self.index()]
    }

    /// Looks a register name up, in any case.
    pub fn from_name(name: &str) -> Option<Reg> {
        Reg::ALL
            .into_iter()
            .find(|r| r.name().eq_ignore_ascii_case(name))
    }
}

/// What an indirect Store operand counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Base {
    /// A register's value.
    Reg(Reg),
    /// The stack pointer.
    Sp,
}

/// A Store operand: the column an instruction reads or writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mem {
    /// A column known when assembling: `[12]`, `[name+3]`.
    Abs(u32),
    /// A column computed when executing: `[B+3]`, `[SP]`.
    Ind {
        /// The register or stack pointer the address counts from.
        base: Base,
        /// The constant added to it.
        offset: Num,
    },
}

/// A source operand: a register, an immediate or a Store column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Src {
    /// A register's value.
    Reg(Reg),
    /// A constant.
    Imm(Num),
    /// A Store column's value.
    Mem(Mem),
}

/// A jump target: an instruction index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    /// An index fixed when assembling (checked then).
    Imm(u32),
    /// An index held in a register (checked when the jump is taken).
    Reg(Reg),
}

/// The two-operand arithmetic instructions: `r ← r op src`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ArithOp {
    /// `ADD`
    Add,
    /// `SUB`
    Sub,
    /// `MULT`
    Mult,
    /// `DIV`, truncated toward zero.
    Div,
    /// `REM`, with the sign of the dividend.
    Rem,
}

/// The one-operand instructions on a register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnaryOp {
    /// `NEG`
    Neg,
    /// `ABS`
    Abs,
    /// `SQRT`, the integer square root.
    Sqrt,
}

/// The decimal shifts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ShiftOp {
    /// `SHL`: multiply by 10^k.
    Shl,
    /// `SHR`: divide by 10^k, truncated toward zero.
    Shr,
}

/// When a jump is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Cond {
    /// `JMP`: always.
    Always,
    /// `JZ` (`JEQ`): if Z.
    Zero,
    /// `JNZ` (`JNE`): if not Z.
    NotZero,
    /// `JLT`: if N.
    Less,
    /// `JGE`: if not N.
    GreaterEqual,
    /// `JGT`: if neither N nor Z.
    Greater,
    /// `JLE`: if N or Z.
    LessEqual,
}

impl Cond {
    /// Whether the jump is taken with these flags.
    #[inline]
    pub fn holds(self, z: bool, n: bool) -> bool {
        match self {
            Cond::Always => true,
            Cond::Zero => z,
            Cond::NotZero => !z,
            Cond::Less => n,
            Cond::GreaterEqual => !n,
            Cond::Greater => !n && !z,
            Cond::LessEqual => n || z,
        }
    }
}

/// One operation card of the register machine.
///
/// Operand kinds that the machine cannot execute (a `STOR` from a Store column, a shift
/// count above 50) are unrepresentable or rejected by the assembler.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Insn {
    /// `NOP`
    Nop,
    /// `HALT`
    Halt,
    /// `LOAD r, src` (also written `MOV`).
    Load(Reg, Src),
    /// `STOR src, mem`, where src is a register or an immediate.
    Stor(Src, Mem),
    /// `ADD`, `SUB`, `MULT`, `DIV`, `REM`.
    Arith(ArithOp, Reg, Src),
    /// `NEG`, `ABS`, `SQRT`.
    Unary(UnaryOp, Reg),
    /// `SHL r, k` / `SHR r, k`, k in 0 … 50.
    Shift(ShiftOp, Reg, u8),
    /// `CMP r, src`.
    Cmp(Reg, Src),
    /// `JMP`, `JZ`, `JNZ`, `JLT`, `JGE`, `JGT`, `JLE`.
    Jump(Cond, Target),
    /// `CALL t`.
    Call(Target),
    /// `RET`.
    Ret,
    /// `PUSH src`.
    Push(Src),
    /// `POP r`.
    Pop(Reg),
    /// `RDCRD r`: read the next number card.
    Rdcrd(Reg),
    /// `WRPRN src`: print a number.
    Wrprn(Src),
    /// `WRCHR src`: print a character.
    Wrchr(Src),
    /// `BELL`.
    Bell,
}

impl Insn {
    /// The canonical mnemonic.
    pub fn mnemonic(&self) -> &'static str {
        match self {
            Insn::Nop => "NOP",
            Insn::Halt => "HALT",
            Insn::Load(..) => "LOAD",
            Insn::Stor(..) => "STOR",
            Insn::Arith(op, ..) => match op {
                ArithOp::Add => "ADD",
                ArithOp::Sub => "SUB",
                ArithOp::Mult => "MULT",
                ArithOp::Div => "DIV",
                ArithOp::Rem => "REM",
            },
            Insn::Unary(op, _) => match op {
                UnaryOp::Neg => "NEG",
                UnaryOp::Abs => "ABS",
                UnaryOp::Sqrt => "SQRT",
            },
            Insn::Shift(ShiftOp::Shl, ..) => "SHL",
            Insn::Shift(ShiftOp::Shr, ..) => "SHR",
            Insn::Cmp(..) => "CMP",
            Insn::Jump(cond, _) => match cond {
                Cond::Always => "JMP",
                Cond::Zero => "JZ",
                Cond::NotZero => "JNZ",
                Cond::Less => "JLT",
                Cond::GreaterEqual => "JGE",
                Cond::Greater => "JGT",
                Cond::LessEqual => "JLE",
            },
            Insn::Call(_) => "CALL",
            Insn::Ret => "RET",
            Insn::Push(_) => "PUSH",
            Insn::Pop(_) => "POP",
            Insn::Rdcrd(_) => "RDCRD",
            Insn::Wrprn(_) => "WRPRN",
            Insn::Wrchr(_) => "WRCHR",
            Insn::Bell => "BELL",
        }
    }

    /// The instruction index this instruction may jump to when it is fixed in the program
    /// (used to draw arrows and name labels).
    pub fn static_target(&self) -> Option<u32> {
        match self {
            Insn::Jump(_, Target::Imm(t)) | Insn::Call(Target::Imm(t)) => Some(*t),
            _ => None,
        }
    }

    /// Writes the canonical text, naming jump targets with `name_target`.
    pub fn write_with(
        &self,
        f: &mut dyn fmt::Write,
        name_target: &dyn Fn(u32) -> Option<String>,
    ) -> fmt::Result {
        let m = self.mnemonic();
        let target = |t: &Target| match t {
            Target::Imm(i) => name_target(*i).unwrap_or_else(|| i.to_string()),
            Target::Reg(r) => r.name().to_string(),
        };
        match self {
            Insn::Nop | Insn::Halt | Insn::Ret | Insn::Bell => write!(f, "{m}"),
            Insn::Load(r, s) | Insn::Arith(_, r, s) | Insn::Cmp(r, s) => {
                write!(f, "{m} {}, {s}", r.name())
            }
            Insn::Stor(s, mem) => write!(f, "{m} {s}, {mem}"),
            Insn::Unary(_, r) | Insn::Pop(r) | Insn::Rdcrd(r) => write!(f, "{m} {}", r.name()),
            Insn::Shift(_, r, k) => write!(f, "{m} {}, {k}", r.name()),
            Insn::Jump(_, t) | Insn::Call(t) => write!(f, "{m} {}", target(t)),
            Insn::Push(s) | Insn::Wrprn(s) | Insn::Wrchr(s) => write!(f, "{m} {s}"),
        }
    }
}

impl fmt::Display for Insn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_with(f, &|_| None)
    }
}

impl fmt::Display for Mem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mem::Abs(a) => write!(f, "[{a}]"),
            Mem::Ind { base, offset } => {
                let base = match base {
                    Base::Reg(r) => r.name(),
                    Base::Sp => "SP",
                };
                if offset.is_zero() {
                    write!(f, "[{base}]")
                } else if offset.is_negative() {
                    write!(f, "[{base}-{}]", offset.abs())
                } else {
                    write!(f, "[{base}+{offset}]")
                }
            }
        }
    }
}

impl fmt::Display for Src {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Src::Reg(r) => f.write_str(r.name()),
            Src::Imm(n) => write!(f, "{n}"),
            Src::Mem(m) => write!(f, "{m}"),
        }
    }
}
