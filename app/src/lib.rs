//! The Babbage Studio web app: an editor, a step debugger and a register visualiser, all
//! running in the browser through `engine`. No network call compiles or runs anything.
//!
//! The binary (`main.rs`) only calls [`start`]; the modules that browser tests exercise on
//! their own ([`storage`], [`documents`], [`examples`], [`markers`], [`wheels`], [`bell`])
//! are public.

#![allow(
    unreachable_pub,
    reason = "the component macro makes its props types public"
)]

mod app;
mod appearance;
pub mod bell;
pub mod documents;
mod editor;
pub mod examples;
pub mod markers;
mod mill;
mod notes;
mod printer;
mod program_view;
mod scroll;
pub mod storage;
mod store;
mod tick;
mod toolbar;
pub mod wheels;

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    /// Shows the crash banner, drawn by plain JavaScript in `index.html`.
    #[wasm_bindgen(js_name = babbageCrashed)]
    fn babbage_crashed(message: &str);
}

/// Starts the app: the panic banner, the saved appearance, then the studio page.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        babbage_crashed(&info.to_string());
    }));
    appearance::apply_saved();
    leptos::mount::mount_to_body(app::App);
}
