//! The reference interpreter: runs a module directly, with the machine's Store layout and
//! fault messages, so that a compiled program and its IR can be checked against each other.
//!
//! The Store is laid out as [`layout`] says, so that addresses behave exactly as on the
//! machine: a load or store outside columns `0 … HEAP_END − 1` faults with `store address
//! out of range`, and the heap runs out at the same allocation.
//!
//! It never panics, and with a step budget never hangs, whatever module it is given (one
//! the verifier would reject included): anything it cannot run becomes a fault whose message starts with
//! `invalid program:`.
//!
//! **Recursion limit.** The machine's stack has [`STACK_SIZE`] columns, and every call
//! uses at least its return address, one saved value and its arguments. The interpreter
//! charges each active call exactly that, `2 + arguments` columns ([`CALL_COLUMNS`]
//! plus the arguments), the entry function's included, and faults with `stack overflow`
//! when the sum would pass [`STACK_SIZE`]. So a function of one parameter can be 9,999
//! calls deep below the entry function; compiled code, which saves at least as much per
//! call, overflows no later than that.

use std::fmt::Write;

use diag::Span;
use isa::Num;
use serde::{Deserialize, Serialize};

use crate::eval;
use crate::layout::{self, FRAME_BASE, FRAME_POINTER, HEAP_END, HEAP_POINTER, STACK_SIZE};
use crate::module::{Address, BlockId, Function, InstKind, Module, Operand, TermKind, Var};
use crate::verify::count;

/// Stack columns the interpreter charges each call besides its arguments: the return
/// address and one saved value.
pub const CALL_COLUMNS: u32 = 2;

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum End {
    /// The entry function returned, with its value if it returns one.
    Returned(Option<Num>),
    /// A fault stopped the run.
    Fault {
        /// The machine's message for it (`division by zero`).
        message: String,
        /// The faulting instruction's span, or when it has none, that of the innermost
        /// call on the stack that has one.
        span: Option<Span>,
    },
    /// The step budget ran out first.
    BudgetExhausted,
}

/// What a run did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interpretation {
    /// Everything printed, a bell as the character 7 (as the machine's printer gets it).
    pub output: String,
    /// How it ended.
    pub end: End,
    /// IR instructions and terminators executed, the faulting one included.
    pub steps: u64,
    /// How often the bell rang.
    pub bells: u64,
}

/// Runs `module` from its entry function with `cards` in the card reader, for at most
/// `max_steps` instructions and terminators (0: no budget).
pub fn interpret(module: &Module, cards: &[Num], max_steps: u64) -> Interpretation {
    let mut run = Run {
        module,
        global_addrs: layout::global_addresses(module),
        store: Columns::default(),
        stack: Vec::new(),
        stack_used: 0,
        cards,
        next_card: 0,
        output: String::new(),
        steps: 0,
        bells: 0,
    };
    let end = run.start().err().unwrap_or_else(|| run.go(max_steps));
    Interpretation {
        output: run.output,
        end,
        steps: run.steps,
        bells: run.bells,
    }
}

/// Columns per page of [`Columns`].
const PAGE: usize = 1024;

/// The Store's columns below the stack (the only ones IR code can reach), in pages made
/// on their first write: most runs touch a few columns, and a run should not start by
/// clearing 70,000.
#[derive(Default)]
struct Columns {
    pages: Vec<Option<Box<[Num; PAGE]>>>,
}

impl Columns {
    fn get(&self, at: usize) -> Num {
        match self.pages.get(at / PAGE) {
            Some(Some(page)) => page[at % PAGE],
            _ => Num::ZERO,
        }
    }

    fn set(&mut self, at: usize, value: Num) {
        let p = at / PAGE;
        if p >= self.pages.len() {
            self.pages.resize(p + 1, None);
        }
        self.pages[p].get_or_insert_with(|| Box::new([Num::ZERO; PAGE]))[at % PAGE] = value;
    }

    fn zero(&mut self, range: std::ops::Range<usize>) {
        for at in range {
            // Pages never written are zero already.
            if let Some(Some(page)) = self.pages.get_mut(at / PAGE) {
                page[at % PAGE] = Num::ZERO;
            }
        }
    }
}

/// A function's call in progress.
struct Frame {
    func: usize,
    block: usize,
    /// The next instruction's index in its block; the terminator's is the block's length.
    pc: usize,
    vars: Vec<Num>,
    frame_addrs: Vec<u32>,
    /// The frame pointer to restore at the return.
    saved_fp: Num,
    /// Where the caller takes the result.
    dst: Option<Var>,
    /// The span of the call that made this frame.
    call_span: Option<Span>,
    /// Stack columns charged to the call.
    charge: u32,
}

struct Run<'a> {
    module: &'a Module,
    global_addrs: Vec<u32>,
    store: Columns,
    stack: Vec<Frame>,
    stack_used: u32,
    cards: &'a [Num],
    next_card: usize,
    output: String,
    steps: u64,
    bells: u64,
}

/// A fault before its span is known.
enum Stop {
    Fault(String),
    /// A fault whose span is already decided (a `Fault` terminator's).
    End(End),
}

impl From<&str> for Stop {
    fn from(message: &str) -> Stop {
        Stop::Fault(message.to_string())
    }
}

fn invalid(what: impl std::fmt::Display) -> Stop {
    Stop::Fault(format!("invalid program: {what}"))
}

impl<'a> Run<'a> {
    /// Lays out the globals and the heap's pointers, and enters the entry function.
    fn start(&mut self) -> Result<(), End> {
        let fault = |message: &str, span| End::Fault {
            message: message.to_string(),
            span,
        };
        let heap_start = layout::heap_start(self.module);
        if heap_start > FRAME_BASE {
            // Blame the first global that does not fit.
            let span = self
                .module
                .globals
                .iter()
                .zip(&self.global_addrs)
                .find(|(g, at)| u64::from(**at) + u64::from(g.size) > u64::from(FRAME_BASE))
                .and_then(|(g, _)| g.span);
            return Err(fault("heap exhausted", span));
        }
        for (g, at) in self.module.globals.iter().zip(&self.global_addrs) {
            // A global with more values than columns (rejected by the verifier) keeps
            // only those that fit its columns.
            for (k, v) in g.init.iter().take(g.size as usize).enumerate() {
                self.store.set(*at as usize + k, *v);
            }
        }
        self.store.set(HEAP_POINTER as usize, Num::from(heap_start));
        self.store
            .set(FRAME_POINTER as usize, Num::from(FRAME_BASE));
        let entry = self.module.entry.0 as usize;
        let params = self.module.functions.get(entry).map_or(0, |f| f.params);
        let args = vec![Num::ZERO; params as usize];
        self.enter(entry, args, None, None)
            .map_err(|stop| self.end(stop, None))
    }

    /// The `End` of a stop at an instruction with `span`.
    fn end(&self, stop: Stop, span: Option<Span>) -> End {
        match stop {
            Stop::End(end) => end,
            Stop::Fault(message) => End::Fault {
                message,
                span: span.or_else(|| self.stack.iter().rev().find_map(|f| f.call_span)),
            },
        }
    }

    fn go(&mut self, max_steps: u64) -> End {
        loop {
            if max_steps != 0 && self.steps >= max_steps {
                return End::BudgetExhausted;
            }
            self.steps += 1;
            let module: &'a Module = self.module;
            let Some(top) = self.stack.last() else {
                return End::Returned(None);
            };
            let function = &module.functions[top.func];
            let Some(block) = function.blocks.get(top.block) else {
                let stop = invalid(format!(
                    "block b{} of `{}` does not exist",
                    top.block, function.name
                ));
                return self.end(stop, None);
            };
            let result = if let Some(inst) = block.insts.get(top.pc) {
                let span = inst.span;
                self.frame().pc += 1;
                self.exec(&inst.kind, span).map_err(|stop| (stop, span))
            } else {
                let span = block.term.span;
                match self.terminate(&block.term.kind, span) {
                    Ok(Some(end)) => return end,
                    Ok(None) => Ok(()),
                    Err(stop) => Err((stop, span)),
                }
            };
            if let Err((stop, span)) = result {
                return self.end(stop, span);
            }
        }
    }

    fn frame(&mut self) -> &mut Frame {
        self.stack.last_mut().expect("a frame is running")
    }

    fn get(&self, o: &Operand) -> Result<Num, Stop> {
        match o {
            Operand::Const(n) => Ok(*n),
            Operand::Var(v) => {
                let frame = self.stack.last().expect("a frame is running");
                frame
                    .vars
                    .get(v.0 as usize)
                    .copied()
                    .ok_or_else(|| invalid(format!("variable {} does not exist", v.0)))
            }
        }
    }

    fn set(&mut self, v: Var, value: Num) -> Result<(), Stop> {
        let slot = self.frame().vars.get_mut(v.0 as usize);
        match slot {
            Some(slot) => {
                *slot = value;
                Ok(())
            }
            None => Err(invalid(format!("variable {} does not exist", v.0))),
        }
    }

    /// The Store column an address names, if it lies below the stack.
    fn address(&self, addr: &Address) -> Result<usize, Stop> {
        let out_of_range = || Stop::from("store address out of range");
        match addr {
            Address::Global { global, offset } => {
                let at = self
                    .global_addrs
                    .get(global.0 as usize)
                    .ok_or_else(|| invalid(format!("global {} does not exist", global.0)))?;
                let column = u64::from(*at) + u64::from(*offset);
                if column < u64::from(HEAP_END) {
                    Ok(column as usize)
                } else {
                    Err(out_of_range())
                }
            }
            Address::Ptr { base, offset } => {
                let column = self
                    .get(base)?
                    .checked_add(Num::from(*offset))
                    .and_then(|c| c.to_index(HEAP_END))
                    .ok_or_else(out_of_range)?;
                Ok(column as usize)
            }
        }
    }

    /// The heap's two pointers as the Store holds them; a program that overwrote them
    /// with something that is not a column below the stack has no heap left.
    fn heap_pointers(&self) -> Result<(u32, u32), Stop> {
        let hp = self.store.get(HEAP_POINTER as usize).to_index(HEAP_END + 1);
        let fp = self
            .store
            .get(FRAME_POINTER as usize)
            .to_index(HEAP_END + 1);
        match (hp, fp) {
            (Some(hp), Some(fp)) => Ok((hp, fp)),
            _ => Err("heap exhausted".into()),
        }
    }

    fn exec(&mut self, kind: &InstKind, span: Option<Span>) -> Result<(), Stop> {
        match kind {
            InstKind::Copy { dst, src } => {
                let v = self.get(src)?;
                self.set(*dst, v)
            }
            InstKind::Unary { dst, op, arg } => {
                let v = eval::unary(*op, self.get(arg)?);
                self.set(*dst, v)
            }
            InstKind::Binary { dst, op, lhs, rhs } => {
                let v = eval::binary(*op, self.get(lhs)?, self.get(rhs)?)
                    .map_err(|e| Stop::from(e.message()))?;
                self.set(*dst, v)
            }
            InstKind::GlobalAddr { dst, global } => {
                let at = *self
                    .global_addrs
                    .get(global.0 as usize)
                    .ok_or_else(|| invalid(format!("global {} does not exist", global.0)))?;
                self.set(*dst, Num::from(at))
            }
            InstKind::FrameAddr { dst, slot } => {
                let at = *self
                    .frame()
                    .frame_addrs
                    .get(*slot as usize)
                    .ok_or_else(|| invalid(format!("frame array f{slot} does not exist")))?;
                self.set(*dst, Num::from(at))
            }
            InstKind::FuncAddr { dst, func } => self.set(*dst, Num::from(func.0)),
            InstKind::Load { dst, addr } => {
                let v = self.store.get(self.address(addr)?);
                self.set(*dst, v)
            }
            InstKind::Store { addr, value } => {
                let (at, v) = (self.address(addr)?, self.get(value)?);
                self.store.set(at, v);
                Ok(())
            }
            InstKind::Alloc { dst, words } => {
                let words = self.get(words)?;
                let (hp, fp) = self.heap_pointers()?;
                let room = fp.saturating_sub(hp);
                let words = words
                    .to_index(room + 1)
                    .ok_or_else(|| Stop::from("heap exhausted"))?;
                // Released frame arrays may have left values here.
                self.store.zero(hp as usize..(hp + words) as usize);
                self.store.set(HEAP_POINTER as usize, Num::from(hp + words));
                self.set(*dst, Num::from(hp))
            }
            InstKind::Call { dst, func, args } => {
                let args = args.iter().map(|a| self.get(a)).collect::<Result<_, _>>()?;
                self.enter(func.0 as usize, args, *dst, span)
            }
            InstKind::CallIndirect { dst, callee, args } => {
                let func = self
                    .get(callee)?
                    .to_index(self.module.functions.len() as u32)
                    .ok_or_else(|| Stop::from("invalid jump target"))?;
                let args = args.iter().map(|a| self.get(a)).collect::<Result<_, _>>()?;
                self.enter(func as usize, args, *dst, span)
            }
            InstKind::CheckIndex { index, len } => {
                let (index, len) = (self.get(index)?, self.get(len)?);
                if index.is_negative() || index >= len {
                    return Err("index out of range".into());
                }
                Ok(())
            }
            InstKind::ReadCard { dst } => {
                let card = *self
                    .cards
                    .get(self.next_card)
                    .ok_or_else(|| Stop::from("card reader empty"))?;
                self.next_card += 1;
                self.set(*dst, card)
            }
            InstKind::PrintNum(v) => {
                let v = self.get(v)?;
                let _ = write!(self.output, "{v}");
                Ok(())
            }
            InstKind::PrintChar(v) => {
                let c = self
                    .get(v)?
                    .to_char()
                    .ok_or_else(|| Stop::from("invalid character code"))?;
                self.output.push(c);
                Ok(())
            }
            InstKind::PrintStr(text) => {
                self.output.push_str(text);
                Ok(())
            }
            InstKind::Bell => {
                self.output.push('\u{7}');
                self.bells += 1;
                Ok(())
            }
        }
    }

    /// Starts a call: charges the stack, takes the frame arrays from the heap and pushes
    /// the frame. The caller's `pc` is already past the call.
    fn enter(
        &mut self,
        func: usize,
        args: Vec<Num>,
        dst: Option<Var>,
        call_span: Option<Span>,
    ) -> Result<(), Stop> {
        let module: &'a Module = self.module;
        let function: &Function = module
            .functions
            .get(func)
            .ok_or_else(|| invalid(format!("function {func} does not exist")))?;
        if function.blocks.is_empty() {
            return Err(invalid(format!("`{}` has no blocks", function.name)));
        }
        if args.len() != function.params as usize {
            return Err(invalid(format!(
                "`{}` takes {}, given {}",
                function.name,
                count(function.params as usize, "argument"),
                args.len()
            )));
        }
        if dst.is_some() && !function.returns_value {
            return Err(invalid(format!("`{}` returns no value", function.name)));
        }
        let charge = CALL_COLUMNS.saturating_add(function.params);
        if self.stack_used.saturating_add(charge) > STACK_SIZE {
            return Err("stack overflow".into());
        }
        let (hp, fp) = self.heap_pointers()?;
        let saved_fp = self.store.get(FRAME_POINTER as usize);
        let (new_fp, frame_addrs) = layout::place_frame(&function.frame, fp, hp)
            .ok_or_else(|| Stop::from("heap exhausted"))?;
        self.store.set(FRAME_POINTER as usize, Num::from(new_fp));
        let mut vars = args;
        vars.resize(function.vars.len().max(vars.len()), Num::ZERO);
        self.stack_used += charge;
        self.stack.push(Frame {
            func,
            block: 0,
            pc: 0,
            vars,
            frame_addrs,
            saved_fp,
            dst,
            call_span,
            charge,
        });
        Ok(())
    }

    /// Runs a terminator; `Some` when the run ends with it.
    fn terminate(&mut self, kind: &TermKind, span: Option<Span>) -> Result<Option<End>, Stop> {
        let goto = |run: &mut Self, b: BlockId| {
            let frame = run.frame();
            frame.block = b.0 as usize;
            frame.pc = 0;
        };
        match kind {
            TermKind::Jump(b) => goto(self, *b),
            TermKind::Branch {
                cond,
                then_block,
                else_block,
            } => {
                let target = if self.get(cond)?.is_zero() {
                    *else_block
                } else {
                    *then_block
                };
                goto(self, target);
            }
            TermKind::Return(value) => {
                let value = value.as_ref().map(|v| self.get(v)).transpose()?;
                let frame = self.stack.pop().expect("a frame is running");
                self.stack_used -= frame.charge;
                self.store.set(FRAME_POINTER as usize, frame.saved_fp);
                if self.stack.is_empty() {
                    return Ok(Some(End::Returned(value)));
                }
                if let Some(dst) = frame.dst {
                    let name = &self.module.functions[frame.func].name;
                    let value =
                        value.ok_or_else(|| invalid(format!("`{name}` returned no value")))?;
                    self.set(dst, value)?;
                }
            }
            TermKind::Fault(kind) => {
                let end = self.end(Stop::Fault(kind.message().to_string()), span);
                return Err(Stop::End(end));
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod proptests;
