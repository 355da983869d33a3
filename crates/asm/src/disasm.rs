//! The disassembler: a program's canonical text, which assembles back to the same program.
//!
//! The canonical form is: `.store`, `.stack` and `.entry` when they differ from what the
//! assembler would infer; one `.data` (or `.zero`, for all-zero runs) per data symbol in
//! Store order; then the instructions, four-letter mnemonics padded so operands line up,
//! each preceded by its labels. Fixed Store addresses inside the data are written by name
//! (`[nums+1]`); immediates stay numeric, since nothing says which of them are addresses.
//!
//! Names come from the program's symbols: a jump target is written as its first label, or
//! as its index if it has none. Where a name is needed but missing (an unnamed entry point
//! that `.entry` must name, data columns no symbol covers) a fresh one is made up:
//! `L<index>` for code, `V<column>` for data (Babbage's own column names), with a `_<k>`
//! suffix if that is taken. Symbols the assembler could not read back (illegal or repeated
//! names, data symbols that do not tile the data) are left out or replaced the same way,
//! so that the text always assembles.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use isa::{DEFAULT_STORE_SIZE, Insn, Mem, Num, Program, Src, Target, default_stack_size};

use crate::names::is_legal_name;

/// A run of data columns printed by one directive.
struct Segment {
    addr: u64,
    len: u64,
    name: String,
}

/// See [`crate::disassemble`].
pub(crate) fn disassemble(program: &Program) -> String {
    disassemble_annotated(program, &BTreeMap::new())
}

/// See [`crate::disassemble_annotated`].
pub(crate) fn disassemble_annotated(program: &Program, notes: &BTreeMap<u32, String>) -> String {
    let len = program.insns.len() as u64;
    let data_len = program.data.len() as u64;
    let mut used = BTreeSet::new();

    // Data symbols first: they come first in the text, so on a clash between a data name
    // and a code label, the data name keeps it.
    let mut pending = Vec::new();
    let mut cursor = 0u64;
    for sym in &program.symbols.data {
        let (addr, n) = (u64::from(sym.addr), u64::from(sym.len));
        if n == 0 || addr < cursor || addr + n > data_len {
            continue;
        }
        if addr > cursor {
            pending.push((cursor, addr - cursor, None));
        }
        let name =
            (is_legal_name(&sym.name) && used.insert(sym.name.clone())).then(|| sym.name.clone());
        pending.push((addr, n, name));
        cursor = addr + n;
    }
    if cursor < data_len {
        pending.push((cursor, data_len - cursor, None));
    }

    let mut labels: BTreeMap<u64, Vec<String>> = BTreeMap::new();
    for (&index, names) in &program.symbols.code {
        if u64::from(index) > len {
            continue;
        }
        for name in names {
            if is_legal_name(name) && used.insert(name.clone()) {
                labels
                    .entry(u64::from(index))
                    .or_default()
                    .push(name.clone());
            }
        }
    }

    let segments: Vec<Segment> = pending
        .into_iter()
        .map(|(addr, len, name)| Segment {
            addr,
            len,
            name: name.unwrap_or_else(|| fresh(format!("V{addr}"), &mut used)),
        })
        .collect();

    let main = labels
        .iter()
        .find(|(_, names)| names.iter().any(|n| n == "main"))
        .map(|(&i, _)| i);
    let entry = u64::from(program.entry);
    let set_entry = entry != main.unwrap_or(0) && entry <= len;
    // `.entry` has no numeric form, so an unnamed entry point gets a made-up label. Jump
    // targets do not: an unnamed one is written as its index, which keeps the round trip
    // exact, symbols included, for every program the assembler makes.
    if set_entry {
        labels
            .entry(entry)
            .or_insert_with(|| vec![fresh(format!("L{entry}"), &mut used)]);
    }

    // Three sections, a blank line between those present: sizes and entry, data, code.
    let mut header = String::new();
    if program.store_size != DEFAULT_STORE_SIZE {
        let _ = writeln!(header, ".store {}", program.store_size);
    }
    if program.stack_size != default_stack_size(program.store_size) {
        let _ = writeln!(header, ".stack {}", program.stack_size);
    }
    if let Some(name) = labels
        .get(&entry)
        .and_then(|names| names.first())
        .filter(|_| set_entry)
    {
        let _ = writeln!(header, ".entry {name}");
    }
    let mut data = String::new();
    for seg in &segments {
        let values = &program.data[seg.addr as usize..(seg.addr + seg.len) as usize];
        write_data(&mut data, &seg.name, values);
    }
    let mut code = String::new();
    let printer = Printer {
        labels: &labels,
        segments: &segments,
    };
    for (index, insn) in program.insns.iter().enumerate() {
        if let Some(note) = notes.get(&(index as u32)) {
            for line in note.lines() {
                let _ = writeln!(code, "; {}", line.trim_end());
            }
        }
        match labels.get(&(index as u64)).map(Vec::as_slice) {
            Some([name]) if name.len() <= 6 => {
                code.push_str(name);
                code.push(':');
                code.extend(std::iter::repeat_n(' ', 7 - name.len()));
            }
            names => {
                for name in names.unwrap_or_default() {
                    code.push_str(name);
                    code.push_str(":\n");
                }
                code.push_str("        ");
            }
        }
        printer.insn(&mut code, insn);
        code.push('\n');
    }
    for name in labels.get(&len).map(Vec::as_slice).unwrap_or_default() {
        let _ = writeln!(code, "{name}:");
    }
    [header, data, code]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `base`, or `base_1`, `base_2`, … whichever is free; marks it taken.
fn fresh(base: String, used: &mut BTreeSet<String>) -> String {
    if used.insert(base.clone()) {
        return base;
    }
    let mut k = 1u64;
    loop {
        let name = format!("{base}_{k}");
        if used.insert(name.clone()) {
            return name;
        }
        k += 1;
    }
}

/// Writes one data directive: `.zero` for a run of zeros, a string literal for text that
/// ends in 0, otherwise a list of numbers.
fn write_data(out: &mut String, name: &str, values: &[Num]) {
    if values.len() > 1 && values.iter().all(|v| v.is_zero()) {
        let _ = writeln!(out, ".zero {name} {}", values.len());
        return;
    }
    if let Some(text) = as_text(values) {
        let _ = writeln!(out, ".data {name} \"{text}\"");
        return;
    }
    let _ = write!(out, ".data {name} ");
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{v}");
    }
    out.push('\n');
}

/// The values as the body of a string literal, if they look like text: at least two
/// characters, at least one a letter, all printable (or newline, tab, carriage return),
/// then a 0. Anything else prints as numbers, which is always exact.
fn as_text(values: &[Num]) -> Option<String> {
    let (last, chars) = values.split_last()?;
    if !last.is_zero() || chars.len() < 2 {
        return None;
    }
    let mut text = String::new();
    let mut letters = false;
    for v in chars {
        let c = v.to_char()?;
        letters |= c.is_alphabetic();
        match c {
            '\n' => text.push_str("\\n"),
            '\t' => text.push_str("\\t"),
            '\r' => text.push_str("\\r"),
            '\\' => text.push_str("\\\\"),
            '"' => text.push_str("\\\""),
            ' '..='~' => text.push(c),
            _ if !c.is_ascii() && c.is_alphanumeric() => text.push(c),
            _ => return None,
        }
    }
    letters.then_some(text)
}

struct Printer<'p> {
    labels: &'p BTreeMap<u64, Vec<String>>,
    segments: &'p [Segment],
}

impl Printer<'_> {
    // Everything is written straight into the output: a program may have a million
    // instructions, and a string per operand would dominate the time.

    fn insn(&self, out: &mut String, insn: &Insn) {
        let m = insn.mnemonic();
        if matches!(insn, Insn::Nop | Insn::Halt | Insn::Ret | Insn::Bell) {
            out.push_str(m);
            return;
        }
        let _ = write!(out, "{m:<4} ");
        match insn {
            Insn::Nop | Insn::Halt | Insn::Ret | Insn::Bell => {}
            Insn::Load(r, s) | Insn::Arith(_, r, s) | Insn::Cmp(r, s) => {
                let _ = write!(out, "{}, ", r.name());
                self.src(out, s);
            }
            Insn::Stor(s, mem) => {
                self.src(out, s);
                out.push_str(", ");
                self.mem(out, mem);
            }
            Insn::Unary(_, r) | Insn::Pop(r) | Insn::Rdcrd(r) => out.push_str(r.name()),
            Insn::Shift(_, r, k) => {
                let _ = write!(out, "{}, {k}", r.name());
            }
            Insn::Jump(_, t) | Insn::Call(t) => self.target(out, t),
            Insn::Push(s) | Insn::Wrprn(s) | Insn::Wrchr(s) => self.src(out, s),
        }
    }

    fn target(&self, out: &mut String, t: &Target) {
        match t {
            Target::Reg(r) => out.push_str(r.name()),
            Target::Imm(i) => match self
                .labels
                .get(&u64::from(*i))
                .and_then(|names| names.first())
            {
                Some(name) => out.push_str(name),
                None => {
                    let _ = write!(out, "{i}");
                }
            },
        }
    }

    fn src(&self, out: &mut String, s: &Src) {
        match s {
            Src::Reg(r) => out.push_str(r.name()),
            Src::Imm(n) => {
                let _ = write!(out, "{n}");
            }
            Src::Mem(mem) => self.mem(out, mem),
        }
    }

    fn mem(&self, out: &mut String, mem: &Mem) {
        let _ = match mem {
            Mem::Abs(a) => {
                let a = u64::from(*a);
                let i = self.segments.partition_point(|seg| seg.addr <= a);
                match i.checked_sub(1).map(|i| &self.segments[i]) {
                    Some(seg) if a < seg.addr + seg.len => match a - seg.addr {
                        0 => write!(out, "[{}]", seg.name),
                        k => write!(out, "[{}+{k}]", seg.name),
                    },
                    _ => write!(out, "[{a}]"),
                }
            }
            // Indirect operands have no names to add: the canonical form is `isa`'s.
            Mem::Ind { .. } => write!(out, "{mem}"),
        };
    }
}
