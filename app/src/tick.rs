//! Yielding to the browser between slices of a run without the 4 ms that nested timers
//! wait: a message posted to ourselves runs as soon as the browser has handled input.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

thread_local! {
    /// One channel for the page; its handler runs whatever was queued for the next tick.
    static CHANNEL: Option<(web_sys::MessagePort, Closure<dyn FnMut()>)> = channel();
    static QUEUED: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

fn channel() -> Option<(web_sys::MessagePort, Closure<dyn FnMut()>)> {
    let channel = web_sys::MessageChannel::new().ok()?;
    let handler = Closure::<dyn FnMut()>::new(|| {
        let queued = QUEUED.with(|q| std::mem::take(&mut *q.borrow_mut()));
        for f in queued {
            f();
        }
    });
    channel
        .port1()
        .set_onmessage(Some(handler.as_ref().unchecked_ref()));
    Some((channel.port2(), handler))
}

/// Runs `f` after the browser has had a turn (to draw and to handle a click on Pause).
pub(crate) fn next_tick(f: impl FnOnce() + 'static) {
    QUEUED.with(|q| q.borrow_mut().push(Box::new(f)));
    let posted = CHANNEL.with(|c| {
        c.as_ref()
            .is_some_and(|(port, _)| port.post_message(&wasm_bindgen::JsValue::NULL).is_ok())
    });
    if !posted {
        // No channel: fall back to a timer.
        leptos::prelude::set_timeout(
            || {
                for f in QUEUED.with(|q| std::mem::take(&mut *q.borrow_mut())) {
                    f();
                }
            },
            std::time::Duration::ZERO,
        );
    }
}
