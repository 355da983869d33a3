//! Lowering `printf`, `scanf` and `puts`.
//!
//! A `printf` format is read at compile time: its text becomes string prints, and each
//! conversion a print of its argument. A number in a field (`%5d`, `%-5d`, `%05d`) is
//! printed by `printf.pad`, a helper function made once per module, since its width
//! depends on the number's digits; strings and characters are padded at compile time.

use ir::{BinOp, FuncId, FunctionBuilder, InstKind, Operand, TermKind, UnOp, Var};

use super::FnLower;
use super::expr::Place;
use crate::ast::{Expr, ExprKind};
use crate::format::{self, ConvKind, Piece};

/// An evaluated `printf` argument.
enum Arg {
    Num(Operand),
    /// The literals a `%s` argument may be, and which it is.
    Str(Vec<String>, Option<Var>),
}

/// `text` in a field of `width` (on the left if `left`), then `end`. C counts the width
/// in bytes, so a character outside ASCII takes more than one place of it.
fn padded(text: &str, width: u32, left: bool, end: &str) -> String {
    let pad = " ".repeat((width as usize).saturating_sub(text.len()));
    if left {
        format!("{text}{pad}{end}")
    } else {
        format!("{pad}{text}{end}")
    }
}

/// The helper's name: not a C identifier, so no program's function can have it.
const PAD: &str = "printf.pad";

/// How `printf.pad` pads.
const RIGHT: i64 = 0;
const LEFT: i64 = 1;
const ZEROS: i64 = 2;

impl FnLower<'_> {
    pub(super) fn printf(&mut self, args: &[Expr]) {
        let Some(ExprKind::Str(chars)) = args.first().map(|a| &a.kind) else {
            return;
        };
        let Ok(pieces) = format::parse_printf(chars) else {
            return;
        };
        // C evaluates every argument before `printf` prints anything; right to left, as
        // gcc does.
        let mut values = Vec::new();
        let convs: Vec<_> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Conv(c) => Some(c),
                Piece::Text(_) => None,
            })
            .collect();
        for (conv, arg) in convs.iter().zip(&args[1..]).rev() {
            values.push(match conv.kind {
                ConvKind::Str => {
                    let mut leaves = Vec::new();
                    let choice = self.string_choice(arg, &mut leaves);
                    Arg::Str(leaves, choice)
                }
                ConvKind::Int | ConvKind::Char => Arg::Num(self.value(arg)),
            });
        }
        values.reverse();
        let mut values = values.into_iter();
        for piece in pieces {
            match piece {
                Piece::Text(text) => {
                    self.at(args[0].span);
                    self.b.push(InstKind::PrintStr(text));
                }
                Piece::Conv(conv) => {
                    let Some(arg) = values.next() else { return };
                    self.at(conv.span);
                    match (conv.kind, arg) {
                        (ConvKind::Int, Arg::Num(v)) => {
                            if conv.width <= 1 {
                                self.b.push(InstKind::PrintNum(v));
                            } else {
                                let mode = if conv.left {
                                    LEFT
                                } else if conv.zero {
                                    ZEROS
                                } else {
                                    RIGHT
                                };
                                let pad = self.pad_helper();
                                self.b.call(
                                    pad,
                                    vec![v, Operand::int(conv.width.into()), Operand::int(mode)],
                                    false,
                                );
                            }
                        }
                        (ConvKind::Char, Arg::Num(v)) => {
                            let pad = " ".repeat(conv.width.saturating_sub(1) as usize);
                            if !conv.left && !pad.is_empty() {
                                self.b.push(InstKind::PrintStr(pad.clone()));
                            }
                            self.b.push(InstKind::PrintChar(v));
                            if conv.left && !pad.is_empty() {
                                self.b.push(InstKind::PrintStr(pad));
                            }
                        }
                        (_, Arg::Str(leaves, choice)) => {
                            let texts: Vec<String> = leaves
                                .iter()
                                .map(|t| padded(t, conv.width, conv.left, ""))
                                .collect();
                            self.print_choice(&texts, choice);
                        }
                        (_, Arg::Num(_)) => {}
                    }
                }
            }
        }
    }

    /// Evaluates a `%s` argument (a string literal, or `?:` choosing between them): the
    /// literals go to `leaves`, and the returned variable says which was chosen (`None`
    /// when there is only one).
    fn string_choice(&mut self, e: &Expr, leaves: &mut Vec<String>) -> Option<Var> {
        if let ExprKind::Str(chars) = &e.kind {
            leaves.push(chars.iter().map(|&(c, _)| c).collect());
            return None;
        }
        let choice = self.b.temp();
        self.choose(e, leaves, choice);
        Some(choice)
    }

    fn choose(&mut self, e: &Expr, leaves: &mut Vec<String>, choice: Var) {
        match &e.kind {
            ExprKind::Cond(c, a, b) => {
                let (then_b, else_b, join) =
                    (self.b.new_block(), self.b.new_block(), self.b.new_block());
                self.branch(c, then_b, else_b);
                self.b.switch_to(then_b);
                self.choose(a, leaves, choice);
                self.b.terminate(TermKind::Jump(join));
                self.b.switch_to(else_b);
                self.choose(b, leaves, choice);
                self.b.jump_to(join);
            }
            ExprKind::Str(chars) => {
                self.at(e.span);
                self.b.copy(choice, Operand::int(leaves.len() as i64));
                leaves.push(chars.iter().map(|&(c, _)| c).collect());
            }
            _ => {}
        }
    }

    /// Prints `texts[choice]` (the only text when `choice` is `None`).
    fn print_choice(&mut self, texts: &[String], choice: Option<Var>) {
        let Some(choice) = choice else {
            if let Some(text) = texts.first().filter(|t| !t.is_empty()) {
                self.b.push(InstKind::PrintStr(text.clone()));
            }
            return;
        };
        let Some((last, rest)) = texts.split_last() else {
            return;
        };
        let join = self.b.new_block();
        for (i, text) in rest.iter().enumerate() {
            let (this, next) = (self.b.new_block(), self.b.new_block());
            let hit = self.b.binary(BinOp::Eq, choice, Operand::int(i as i64));
            self.b.branch(hit, this, next);
            self.b.switch_to(this);
            if !text.is_empty() {
                self.b.push(InstKind::PrintStr(text.clone()));
            }
            self.b.terminate(TermKind::Jump(join));
            self.b.switch_to(next);
        }
        if !last.is_empty() {
            self.b.push(InstKind::PrintStr(last.clone()));
        }
        self.b.jump_to(join);
    }

    /// Prints a string literal, or one of those a `?:` chooses, in a field of `width`
    /// characters, followed by `end`.
    pub(super) fn print_string(&mut self, e: &Expr, width: u32, left: bool, end: &str) {
        match &e.kind {
            ExprKind::Str(chars) => {
                let text: String = chars.iter().map(|&(c, _)| c).collect();
                let out = padded(&text, width, left, end);
                if !out.is_empty() {
                    self.at(e.span);
                    self.b.push(InstKind::PrintStr(out));
                }
            }
            ExprKind::Cond(c, a, b) => {
                let (then_b, else_b, join) =
                    (self.b.new_block(), self.b.new_block(), self.b.new_block());
                self.branch(c, then_b, else_b);
                self.b.switch_to(then_b);
                self.print_string(a, width, left, end);
                self.b.terminate(TermKind::Jump(join));
                self.b.switch_to(else_b);
                self.print_string(b, width, left, end);
                self.b.jump_to(join);
            }
            _ => {}
        }
    }

    pub(super) fn scanf(&mut self, args: &[Expr]) {
        for arg in &args[1..] {
            let ExprKind::AddrOf(target) = &arg.kind else {
                continue;
            };
            let place = self.place(target);
            self.at(arg.span);
            match place {
                Place::Var(var) => self.b.push(InstKind::ReadCard { dst: var }),
                Place::Column(_) => {
                    let card = self.b.temp();
                    self.b.push(InstKind::ReadCard { dst: card });
                    self.write(place, card.into());
                }
            }
        }
    }

    /// The module's `printf.pad`, made on first use.
    fn pad_helper(&mut self) -> FuncId {
        if let Some(id) = self.helpers.pad {
            return id;
        }
        let id = self.module.declare(PAD);
        self.module.define(id, pad_function());
        self.helpers.pad = Some(id);
        id
    }
}

/// `printf.pad(value, width, mode)`: prints `value` in decimal in a field of `width`
/// characters: padded with spaces on the left (mode 0), on the right (1), or with zeros
/// between the sign and the digits (2), as C's `%5d`, `%-5d` and `%05d`.
fn pad_function() -> ir::Function {
    let mut b = FunctionBuilder::new(PAD, &["value", "width", "mode"], false);
    let (value, width, mode) = (b.param(0), b.param(1), b.param(2));
    // len = digits of |value|, plus one for a minus sign.
    let magnitude = b.unary(UnOp::Abs, value);
    let rest = b.temp();
    b.copy(rest, magnitude);
    let len = b.temp();
    b.copy(len, Operand::int(1));
    let (test, body, counted) = (b.new_block(), b.new_block(), b.new_block());
    b.jump_to(test);
    let more = b.binary(BinOp::Ge, rest, Operand::int(10));
    b.branch(more, body, counted);
    b.switch_to(body);
    assign(&mut b, rest, BinOp::Div, rest, 10);
    assign(&mut b, len, BinOp::Add, len, 1);
    b.terminate(TermKind::Jump(test));
    b.switch_to(counted);
    let negative = b.binary(BinOp::Lt, value, Operand::int(0));
    let (sign, signed) = (b.new_block(), b.new_block());
    b.branch(negative, sign, signed);
    b.switch_to(sign);
    assign(&mut b, len, BinOp::Add, len, 1);
    b.jump_to(signed);
    let pad = b.binary(BinOp::Sub, width, len);
    let (right, not_right, left, zeros) =
        (b.new_block(), b.new_block(), b.new_block(), b.new_block());
    let is_right = b.binary(BinOp::Eq, mode, Operand::int(RIGHT));
    b.branch(is_right, right, not_right);
    b.switch_to(not_right);
    let is_left = b.binary(BinOp::Eq, mode, Operand::int(LEFT));
    b.branch(is_left, left, zeros);

    b.switch_to(right);
    repeat(&mut b, pad, ' ');
    b.push(InstKind::PrintNum(value.into()));
    b.ret(None);

    b.switch_to(left);
    b.push(InstKind::PrintNum(value.into()));
    repeat(&mut b, pad, ' ');
    b.ret(None);

    b.switch_to(zeros);
    let (minus, digits) = (b.new_block(), b.new_block());
    b.branch(negative, minus, digits);
    b.switch_to(minus);
    b.push(InstKind::PrintChar(Operand::int('-' as i64)));
    b.jump_to(digits);
    repeat(&mut b, pad, '0');
    b.push(InstKind::PrintNum(magnitude.into()));
    b.ret(None);
    b.finish()
}

/// `dst ← lhs op k`.
fn assign(b: &mut FunctionBuilder, dst: Var, op: BinOp, lhs: Var, k: i64) {
    b.push(InstKind::Binary {
        dst,
        op,
        lhs: lhs.into(),
        rhs: Operand::int(k),
    });
}

/// Prints `c` `count` times (none if `count` ≤ 0); `count` is used up.
fn repeat(b: &mut FunctionBuilder, count: Var, c: char) {
    let (test, body, done) = (b.new_block(), b.new_block(), b.new_block());
    b.jump_to(test);
    let more = b.binary(BinOp::Gt, count, Operand::int(0));
    b.branch(more, body, done);
    b.switch_to(body);
    b.push(InstKind::PrintChar(Operand::int(c as i64)));
    assign(b, count, BinOp::Sub, count, 1);
    b.terminate(TermKind::Jump(test));
    b.switch_to(done);
}
