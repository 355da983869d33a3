//! The machine's internal form of a program: each instruction specialised by operand kind,
//! with immediates that fit in 64 bits kept as machine words, so that the common case of
//! the interpreter's loop is a single `match` and plain integer arithmetic.

use isa::{ArithOp, Cond, Insn, Reg, Src, Target};

/// The operand kinds the specialised instructions cover.
enum Operand {
    Reg(Reg),
    Small(i64),
    Other,
}

impl Operand {
    fn new(src: &Src) -> Operand {
        match *src {
            Src::Reg(r) => Operand::Reg(r),
            Src::Imm(v) => v.to_i64().map_or(Operand::Other, Operand::Small),
            Src::Mem(_) => Operand::Other,
        }
    }
}

/// One decoded instruction. The variants for the hottest instructions (register or small
/// immediate operands, jumps to fixed targets) come first and need no operand `match`.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Op {
    AddSmall(Reg, i64),
    SubSmall(Reg, i64),
    CmpSmall(Reg, i64),
    LoadSmall(Reg, i64),
    AddReg(Reg, Reg),
    SubReg(Reg, Reg),
    CmpReg(Reg, Reg),
    LoadReg(Reg, Reg),
    Jump(Cond, u32),
    /// Any other instruction, executed by the general path.
    General(Insn),
}

/// Decodes one instruction.
pub(crate) fn decode(insn: &Insn) -> Op {
    match *insn {
        Insn::Arith(op @ (ArithOp::Add | ArithOp::Sub), r, ref src) => {
            match (op, Operand::new(src)) {
                (ArithOp::Add, Operand::Small(v)) => Op::AddSmall(r, v),
                (ArithOp::Sub, Operand::Small(v)) => Op::SubSmall(r, v),
                (ArithOp::Add, Operand::Reg(s)) => Op::AddReg(r, s),
                (ArithOp::Sub, Operand::Reg(s)) => Op::SubReg(r, s),
                _ => Op::General(*insn),
            }
        }
        Insn::Cmp(r, ref src) => match Operand::new(src) {
            Operand::Small(v) => Op::CmpSmall(r, v),
            Operand::Reg(s) => Op::CmpReg(r, s),
            _ => Op::General(*insn),
        },
        Insn::Load(r, ref src) => match Operand::new(src) {
            Operand::Small(v) => Op::LoadSmall(r, v),
            Operand::Reg(s) => Op::LoadReg(r, s),
            _ => Op::General(*insn),
        },
        Insn::Jump(cond, Target::Imm(t)) => Op::Jump(cond, t),
        _ => Op::General(*insn),
    }
}
