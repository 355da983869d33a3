//! The whole program: its start, every function, and the runtime helpers that compiled
//! code calls (the heap allocator, the table indirect calls go through), each placed only
//! when something uses it.

use ir::layout::{self, FRAME_BASE, FRAME_POINTER, HEAP_END, HEAP_POINTER, STACK_SIZE, STORE_SIZE};
use ir::{Address, FaultKind, FuncId, InstKind, Module};
use isa::{ArithOp, Cond, DataSymbol, Insn, Mem, Num, Program, Reg, Src, Symbols};

use crate::Generated;
use crate::emit::{Emitter, Label};
use crate::frame::num;
use crate::function::{self, ModuleInfo};
use crate::names::Names;

/// The labels of the functions and of the helpers asked for so far.
pub(crate) struct Runtime {
    functions: Vec<Label>,
    alloc: Option<Label>,
    table: Option<Label>,
}

impl Runtime {
    /// A function's first instruction, if the function exists.
    pub(crate) fn function(&self, id: FuncId) -> Option<Label> {
        self.functions.get(id.0 as usize).copied()
    }

    /// How many functions there are: the values that name one are `0 … count − 1`.
    pub(crate) fn function_count(&self) -> u32 {
        self.functions.len() as u32
    }

    /// The heap allocator, placed at the end of the program once something calls it.
    pub(crate) fn alloc(&mut self, e: &mut Emitter) -> Label {
        *self.alloc.get_or_insert_with(|| e.label())
    }

    /// The table of jumps to each function, in function order, that an indirect call
    /// enters at the callee's index.
    pub(crate) fn table(&mut self, e: &mut Emitter) -> Label {
        *self.table.get_or_insert_with(|| e.label())
    }
}

/// Whether anything can see the heap's pointer columns: the allocator, frame arrays, or an
/// access through a computed address (which may name any column below the stack).
fn uses_heap(module: &Module) -> bool {
    module.functions.iter().any(|f| {
        !f.frame.is_empty()
            || f.blocks.iter().flat_map(|b| &b.insts).any(|i| {
                matches!(
                    i.kind,
                    InstKind::Alloc { .. }
                        | InstKind::Load {
                            addr: Address::Ptr { .. },
                            ..
                        }
                        | InstKind::Store {
                            addr: Address::Ptr { .. },
                            ..
                        }
                )
            })
    })
}

/// See [`crate::generate`].
pub(crate) fn generate(module: &Module) -> Generated {
    let mut names = Names::default();
    // Functions and globals choose their names first, so that they keep them.
    let function_names: Vec<String> = module
        .functions
        .iter()
        .map(|f| names.fresh(&f.name))
        .collect();
    let global_names: Vec<String> = module
        .globals
        .iter()
        .map(|g| names.fresh(&g.name))
        .collect();
    let info = ModuleInfo {
        module,
        first_ids: module.first_ids(),
        globals: layout::global_addresses(module),
    };
    let heap_start = layout::heap_start(module);

    let mut e = Emitter::default();
    let mut rt = Runtime {
        functions: module.functions.iter().map(|_| e.label()).collect(),
        alloc: None,
        table: None,
    };
    // The start: set the heap's pointers, call the entry function, halt. The entry's
    // result, if any, is left in A.
    e.name_here(names.fresh("start"));
    let fits = heap_start <= FRAME_BASE;
    if !fits {
        // Globals that do not fit below the heap's pointers (the verifier rejects them).
        e.trap(FaultKind::HeapExhausted);
    } else {
        if uses_heap(module) {
            e.emit(Insn::Stor(
                Src::Imm(Num::from(heap_start)),
                Mem::Abs(HEAP_POINTER),
            ));
            e.emit(Insn::Stor(
                Src::Imm(Num::from(FRAME_BASE)),
                Mem::Abs(FRAME_POINTER),
            ));
        }
        if let Some(entry) = rt.function(module.entry) {
            e.call(entry);
        }
        e.emit(Insn::Halt);
    }

    for (i, name) in function_names.iter().enumerate() {
        function::function(&mut e, &mut rt, &info, FuncId(i as u32), name, &mut names);
    }
    if let Some(label) = rt.alloc {
        e.bind(label);
        e.name_here(names.fresh("alloc"));
        allocator(&mut e);
    }
    if let Some(label) = rt.table {
        e.bind(label);
        e.name_here(names.fresh("functions"));
        for f in rt.functions.clone() {
            e.jump(Cond::Always, f);
        }
    }

    let mut data = Vec::new();
    let mut symbols = Symbols::default();
    if fits {
        data = vec![Num::ZERO; heap_start as usize];
        for ((g, at), name) in module.globals.iter().zip(&info.globals).zip(global_names) {
            for (k, v) in g.init.iter().take(g.size as usize).enumerate() {
                data[*at as usize + k] = *v;
            }
            if g.size > 0 {
                symbols.data.push(DataSymbol {
                    name,
                    addr: *at,
                    len: g.size,
                });
            }
        }
    }
    let done = e.finish();
    symbols.code = done.symbols;
    Generated {
        program: Program {
            insns: done.insns,
            entry: 0,
            store_size: STORE_SIZE,
            stack_size: STACK_SIZE,
            data,
            symbols,
        },
        origins: done.origins,
        traps: done.traps,
        guards: done.guards,
    }
}

/// The heap allocator: `A` holds how many columns are wanted; returns their first column
/// in `A`, zeroed, and keeps `B`, `C` and `D`. Faults with `heap exhausted` (through a
/// trap with no origin, so the run stops at the `Alloc` that called it) for a negative
/// size or one that would make the heap pointer pass the frame pointer.
fn allocator(e: &mut Emitter) {
    let full = e.label();
    let zero = e.label();
    let done = e.label();
    e.origin = None;
    e.emit(Insn::Cmp(Reg::A, Src::Imm(Num::ZERO)));
    e.jump(Cond::Less, full);
    // A size beyond the whole heap can never fit; checking it first keeps the sum below
    // from overflowing.
    e.emit(Insn::Cmp(Reg::A, Src::Imm(Num::from(HEAP_END))));
    e.jump(Cond::Greater, full);
    e.emit(Insn::Arith(
        ArithOp::Add,
        Reg::A,
        Src::Mem(Mem::Abs(HEAP_POINTER)),
    ));
    e.emit(Insn::Cmp(Reg::A, Src::Mem(Mem::Abs(FRAME_POINTER))));
    e.jump(Cond::Greater, full);
    // Every check is done before the push, so a fault finds the return address on top
    // of the stack.
    e.emit(Insn::Push(Src::Reg(Reg::B)));
    e.emit(Insn::Load(Reg::B, Src::Mem(Mem::Abs(HEAP_POINTER))));
    e.emit(Insn::Stor(Src::Reg(Reg::A), Mem::Abs(HEAP_POINTER)));
    // Zero from the new top down to the old one: frame arrays given back may have left
    // values there.
    e.emit(Insn::Cmp(Reg::A, Src::Reg(Reg::B)));
    e.jump(Cond::Zero, done);
    e.bind(zero);
    e.emit(Insn::Arith(ArithOp::Sub, Reg::A, Src::Imm(num(1))));
    e.emit(Insn::Stor(
        Src::Imm(Num::ZERO),
        Mem::Ind {
            base: isa::Base::Reg(Reg::A),
            offset: Num::ZERO,
        },
    ));
    e.emit(Insn::Cmp(Reg::A, Src::Reg(Reg::B)));
    e.jump(Cond::Greater, zero);
    e.bind(done);
    e.emit(Insn::Load(Reg::A, Src::Reg(Reg::B)));
    e.emit(Insn::Pop(Reg::B));
    e.emit(Insn::Ret);
    e.bind(full);
    e.trap(FaultKind::HeapExhausted);
}
