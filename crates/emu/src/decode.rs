//! The machine's internal form of a program: each instruction specialised by operand kind,
//! with immediates and Store offsets that fit in machine words kept as machine words, so
//! that the common case of the interpreter's loop is a single `match` on a 16-byte `Op`
//! and plain integer arithmetic.
//!
//! An `Op` only ever *narrows* what the general path does: each specialised arm handles
//! the values it can in 64-bit arithmetic and leaves anything else (a value past 64 bits,
//! an address outside the Store, a full stack, a fault of any kind) to the general path,
//! which executes the instruction from its `Insn` and handles every case.

use isa::{ArithOp, Base, Cond, Insn, Mem, Reg, Src, Target};

/// One decoded instruction.
///
/// Naming: `Imm` a small immediate, `Reg` a register, `Abs` a fixed Store column (`[12]`),
/// `Sp` a column counted from the stack pointer (`[SP+k]`), `Ind` one counted from a
/// register (`[R+k]`).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Op {
    LoadImm(Reg, i64),
    AddImm(Reg, i64),
    SubImm(Reg, i64),
    CmpImm(Reg, i64),
    LoadReg(Reg, Reg),
    AddReg(Reg, Reg),
    SubReg(Reg, Reg),
    CmpReg(Reg, Reg),
    LoadAbs(Reg, u32),
    AddAbs(Reg, u32),
    SubAbs(Reg, u32),
    CmpAbs(Reg, u32),
    LoadSp(Reg, i32),
    AddSp(Reg, i32),
    SubSp(Reg, i32),
    CmpSp(Reg, i32),
    LoadInd(Reg, Reg, i32),
    AddInd(Reg, Reg, i32),
    SubInd(Reg, Reg, i32),
    CmpInd(Reg, Reg, i32),
    MultImm(Reg, i64),
    MultReg(Reg, Reg),
    DivImm(Reg, i64),
    DivReg(Reg, Reg),
    RemImm(Reg, i64),
    RemReg(Reg, Reg),
    /// `STOR r, [a]`.
    StorRegAbs(Reg, u32),
    /// `STOR r, [SP+k]`.
    StorRegSp(Reg, i32),
    /// `STOR r, [R+k]`: the value's register, then the base's.
    StorRegInd(Reg, Reg, i32),
    StorImmAbs(i64, u32),
    StorImmSp(i64, i32),
    StorImmInd(i64, Reg, i32),
    PushReg(Reg),
    PushImm(i64),
    Pop(Reg),
    /// `CALL t`, `t` fixed (so checked by `Program::validate`).
    Call(u32),
    Ret,
    Jmp(u32),
    Jz(u32),
    Jnz(u32),
    Jlt(u32),
    Jge(u32),
    Jgt(u32),
    Jle(u32),
    /// `CMP r, imm` followed by a jump to a fixed target. It executes as two steps when the
    /// budget allows and no breakpoint is set, and as the `CMP` alone otherwise. `taken` is a
    /// mask over the three outcomes of the comparison (bit 0: less, bit 1: equal, bit 2:
    /// greater), from [`outcomes`].
    CmpImmJump {
        r: Reg,
        taken: u8,
        target: u32,
        imm: i64,
    },
    /// `CMP r, s` followed by a jump to a fixed target, as [`Op::CmpImmJump`].
    CmpRegJump {
        r: Reg,
        s: Reg,
        taken: u8,
        target: u32,
    },
    /// Any other instruction, executed by the general path.
    General,
}

/// The outcomes of a comparison (bit 0: less, bit 1: equal, bit 2: greater) on which a
/// jump with this condition is taken. A comparison never leaves both Z and N set, so the
/// mask says exactly what [`Cond::holds`] says of the flags it leaves.
pub(crate) fn outcomes(cond: Cond) -> u8 {
    let mut mask = 0;
    for (bit, (z, n)) in [(false, true), (true, false), (false, false)]
        .into_iter()
        .enumerate()
    {
        if cond.holds(z, n) {
            mask |= 1 << bit;
        }
    }
    mask
}

/// The Store operand kinds the specialised instructions cover.
enum Column {
    Abs(u32),
    Sp(i32),
    Ind(Reg, i32),
    Other,
}

impl Column {
    fn new(mem: &Mem) -> Column {
        match *mem {
            Mem::Abs(a) => Column::Abs(a),
            Mem::Ind { base, offset } => {
                match offset.to_i64().and_then(|k| i32::try_from(k).ok()) {
                    Some(k) => match base {
                        Base::Sp => Column::Sp(k),
                        Base::Reg(r) => Column::Ind(r, k),
                    },
                    None => Column::Other,
                }
            }
        }
    }
}

/// The source operand kinds the specialised instructions cover.
enum Operand {
    Reg(Reg),
    Small(i64),
    Column(Column),
}

impl Operand {
    fn new(src: &Src) -> Operand {
        match *src {
            Src::Reg(r) => Operand::Reg(r),
            Src::Imm(v) => v
                .to_i64()
                .map_or(Operand::Column(Column::Other), Operand::Small),
            Src::Mem(ref mem) => Operand::Column(Column::new(mem)),
        }
    }
}

/// Decodes a whole program, one `Op` per instruction.
pub(crate) fn decode(insns: &[Insn]) -> Vec<Op> {
    (0..insns.len())
        .map(|i| decode_one(&insns[i], insns.get(i + 1)))
        .collect()
}

/// Decodes one instruction; `next` is the instruction after it, for fused pairs.
fn decode_one(insn: &Insn, next: Option<&Insn>) -> Op {
    use Column as K;
    use Operand as O;
    match *insn {
        Insn::Load(r, ref src) => match Operand::new(src) {
            O::Small(v) => Op::LoadImm(r, v),
            O::Reg(s) => Op::LoadReg(r, s),
            O::Column(K::Abs(a)) => Op::LoadAbs(r, a),
            O::Column(K::Sp(k)) => Op::LoadSp(r, k),
            O::Column(K::Ind(b, k)) => Op::LoadInd(r, b, k),
            O::Column(K::Other) => Op::General,
        },
        Insn::Arith(op, r, ref src) => match (op, Operand::new(src)) {
            (ArithOp::Add, O::Small(v)) => Op::AddImm(r, v),
            (ArithOp::Add, O::Reg(s)) => Op::AddReg(r, s),
            (ArithOp::Add, O::Column(K::Abs(a))) => Op::AddAbs(r, a),
            (ArithOp::Add, O::Column(K::Sp(k))) => Op::AddSp(r, k),
            (ArithOp::Add, O::Column(K::Ind(b, k))) => Op::AddInd(r, b, k),
            (ArithOp::Sub, O::Small(v)) => Op::SubImm(r, v),
            (ArithOp::Sub, O::Reg(s)) => Op::SubReg(r, s),
            (ArithOp::Sub, O::Column(K::Abs(a))) => Op::SubAbs(r, a),
            (ArithOp::Sub, O::Column(K::Sp(k))) => Op::SubSp(r, k),
            (ArithOp::Sub, O::Column(K::Ind(b, k))) => Op::SubInd(r, b, k),
            (ArithOp::Mult, O::Small(v)) => Op::MultImm(r, v),
            (ArithOp::Mult, O::Reg(s)) => Op::MultReg(r, s),
            (ArithOp::Div, O::Small(v)) => Op::DivImm(r, v),
            (ArithOp::Div, O::Reg(s)) => Op::DivReg(r, s),
            (ArithOp::Rem, O::Small(v)) => Op::RemImm(r, v),
            (ArithOp::Rem, O::Reg(s)) => Op::RemReg(r, s),
            _ => Op::General,
        },
        Insn::Cmp(r, ref src) => {
            let operand = Operand::new(src);
            if let Some(&Insn::Jump(cond, Target::Imm(target))) = next {
                let taken = outcomes(cond);
                match operand {
                    O::Small(imm) => {
                        return Op::CmpImmJump {
                            r,
                            taken,
                            target,
                            imm,
                        };
                    }
                    O::Reg(s) => {
                        return Op::CmpRegJump {
                            r,
                            s,
                            taken,
                            target,
                        };
                    }
                    O::Column(_) => {}
                }
            }
            match operand {
                O::Small(v) => Op::CmpImm(r, v),
                O::Reg(s) => Op::CmpReg(r, s),
                O::Column(K::Abs(a)) => Op::CmpAbs(r, a),
                O::Column(K::Sp(k)) => Op::CmpSp(r, k),
                O::Column(K::Ind(b, k)) => Op::CmpInd(r, b, k),
                O::Column(K::Other) => Op::General,
            }
        }
        Insn::Stor(ref src, ref mem) => match (Operand::new(src), Column::new(mem)) {
            (O::Reg(r), K::Abs(a)) => Op::StorRegAbs(r, a),
            (O::Reg(r), K::Sp(k)) => Op::StorRegSp(r, k),
            (O::Reg(r), K::Ind(b, k)) => Op::StorRegInd(r, b, k),
            (O::Small(v), K::Abs(a)) => Op::StorImmAbs(v, a),
            (O::Small(v), K::Sp(k)) => Op::StorImmSp(v, k),
            (O::Small(v), K::Ind(b, k)) => Op::StorImmInd(v, b, k),
            _ => Op::General,
        },
        Insn::Push(ref src) => match Operand::new(src) {
            O::Reg(r) => Op::PushReg(r),
            O::Small(v) => Op::PushImm(v),
            O::Column(_) => Op::General,
        },
        Insn::Pop(r) => Op::Pop(r),
        Insn::Call(Target::Imm(t)) => Op::Call(t),
        Insn::Ret => Op::Ret,
        Insn::Jump(cond, Target::Imm(t)) => match cond {
            Cond::Always => Op::Jmp(t),
            Cond::Zero => Op::Jz(t),
            Cond::NotZero => Op::Jnz(t),
            Cond::Less => Op::Jlt(t),
            Cond::GreaterEqual => Op::Jge(t),
            Cond::Greater => Op::Jgt(t),
            Cond::LessEqual => Op::Jle(t),
        },
        _ => Op::General,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_op_is_two_machine_words() {
        assert_eq!(std::mem::size_of::<Op>(), 16);
    }

    #[test]
    fn the_outcome_masks_follow_the_flag_table() {
        let conds = [
            Cond::Always,
            Cond::Zero,
            Cond::NotZero,
            Cond::Less,
            Cond::GreaterEqual,
            Cond::Greater,
            Cond::LessEqual,
        ];
        let masks: Vec<u8> = conds.into_iter().map(outcomes).collect();
        assert_eq!(masks, [0b111, 0b010, 0b101, 0b001, 0b110, 0b100, 0b011]);
    }
}
