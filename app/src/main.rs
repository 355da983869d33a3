//! The Babbage Studio web app: an editor, a step debugger and a register visualiser, all
//! running in the browser through `engine`. No network call compiles or runs anything.

#![allow(
    unreachable_pub,
    reason = "the component macro makes its props types public"
)]

mod app;
mod editor;
mod examples;
mod storage;
mod tick;

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    /// Shows the crash banner, drawn by plain JavaScript in `index.html`.
    #[wasm_bindgen(js_name = babbageCrashed)]
    fn babbage_crashed(message: &str);
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        babbage_crashed(&info.to_string());
    }));
    app::apply_saved_appearance();
    leptos::mount::mount_to_body(app::App);
}
