//! Where a compiled program keeps its data in the Store: the one layout that the reference
//! interpreter and code generation share, so that addresses, and the point where memory
//! runs out, are the same on both.
//!
//! ```text
//! 0            heap_start                          FRAME_BASE    HEAP_END        STORE_SIZE
//! │ globals … │ heap: Alloc grows upward →   ← frame arrays │ HP FP │ machine stack ↓ │
//! ```
//!
//! - Globals are laid out from column 0 in module order, each its `size` columns, its
//!   `init` values first and zeros after.
//! - The heap starts right after the globals. [`InstKind::Alloc`](crate::InstKind::Alloc)
//!   takes columns from its bottom, upward, and never gives them back. A call's frame
//!   arrays are taken from its top, downward, at the call and given back at its return,
//!   like a second stack; they sit at the top so that giving them back never frees
//!   something a callee allocated and returned (a Python list, say).
//! - Two columns below the machine stack hold the heap's two pointers: [`HEAP_POINTER`]
//!   (the first column Alloc has not taken) and [`FRAME_POINTER`] (the lowest column
//!   frame arrays are using, [`FRAME_BASE`] when none are). They are set before the entry
//!   function starts. An allocation of either kind that would make the two meet faults
//!   with `heap exhausted`, so with no frame arrays in use, Alloc fails exactly when it
//!   would pass [`FRAME_BASE`].
//! - The top [`STACK_SIZE`] columns are the machine stack.
//!
//! Alloc gives zeroed columns; it zeroes them itself, since frame arrays released earlier
//! may have used them. Frame arrays are not zeroed: their contents start unspecified.

use crate::module::Module;

/// Columns in the Store of a compiled program (`.store`).
pub const STORE_SIZE: u32 = 100_000;

/// Columns at the top of the Store that are the machine stack (`.stack`).
pub const STACK_SIZE: u32 = 30_000;

/// The first column of the machine stack: data and the heap stay below it.
pub const HEAP_END: u32 = STORE_SIZE - STACK_SIZE;

/// The column holding the heap pointer: the address the next Alloc returns.
pub const HEAP_POINTER: u32 = HEAP_END - 2;

/// The column holding the frame pointer: the lowest column taken by frame arrays still
/// in use, or [`FRAME_BASE`] when there are none.
pub const FRAME_POINTER: u32 = HEAP_END - 1;

/// Where frame arrays start, growing downward: just below the two pointer columns.
pub const FRAME_BASE: u32 = HEAP_POINTER;

/// The first column of each global, in module order. A layout that would pass the top
/// of the heap (which the verifier rejects) saturates rather than wrapping.
pub fn global_addresses(module: &Module) -> Vec<u32> {
    let mut next = 0u32;
    module
        .globals
        .iter()
        .map(|g| {
            let at = next;
            next = next.saturating_add(g.size);
            at
        })
        .collect()
}

/// The first column after the globals: where the heap starts, and the heap pointer's
/// value when the run starts.
pub fn heap_start(module: &Module) -> u32 {
    module
        .globals
        .iter()
        .fold(0u32, |at, g| at.saturating_add(g.size))
}

/// Where a call's frame arrays of these sizes go when the frame pointer is `frame_pointer`:
/// the new frame pointer and each array's first column (slot 0 lowest), or `None` when
/// they would reach below `heap_pointer` (the fault `heap exhausted`).
pub fn place_frame(
    frame: &[u32],
    frame_pointer: u32,
    heap_pointer: u32,
) -> Option<(u32, Vec<u32>)> {
    let total = frame
        .iter()
        .try_fold(0u32, |sum, size| sum.checked_add(*size))?;
    let base = frame_pointer.checked_sub(total)?;
    if base < heap_pointer {
        return None;
    }
    let mut at = base;
    let addresses = frame
        .iter()
        .map(|size| {
            let a = at;
            at += size;
            a
        })
        .collect();
    Some((base, addresses))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::ModuleBuilder;

    #[test]
    fn globals_are_laid_out_in_order_and_the_heap_follows() {
        let mut m = ModuleBuilder::new();
        m.global("a", 3, vec![], None);
        m.global("b", 1, vec![7.into()], None);
        m.global("c", 10, vec![], None);
        let main = m.declare("main");
        let module = m.finish(main);
        assert_eq!(global_addresses(&module), [0, 3, 4]);
        assert_eq!(heap_start(&module), 14);
        assert_eq!(HEAP_END, 70_000);
        assert_eq!(
            (HEAP_POINTER, FRAME_POINTER, FRAME_BASE),
            (69_998, 69_999, 69_998)
        );
    }

    #[test]
    fn frame_arrays_stack_downward_and_stop_at_the_heap() {
        assert_eq!(place_frame(&[2, 3], 100, 10), Some((95, vec![95, 97])));
        assert_eq!(place_frame(&[], 100, 100), Some((100, vec![])));
        assert_eq!(place_frame(&[5], 100, 95), Some((95, vec![95])));
        assert_eq!(place_frame(&[6], 100, 95), None);
        assert_eq!(place_frame(&[u32::MAX, 2], 100, 0), None);
    }
}
