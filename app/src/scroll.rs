//! Scrolling a panel, and only that panel, to one of its rows.

use wasm_bindgen::JsCast;

/// The height of a sticky header row that a row must not hide under.
const HEADER: i32 = 28;

/// Scrolls `container` so that its descendant matching `selector` is in view, unless it
/// already is. The page itself does not move, as `scrollIntoView` would make it.
pub(crate) fn scroll_to(container: &web_sys::HtmlElement, selector: &str) {
    let Ok(Some(row)) = container.query_selector(selector) else {
        return;
    };
    let Ok(row) = row.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let top = row.offset_top() - HEADER;
    let bottom = row.offset_top() + row.offset_height();
    if top < container.scroll_top() || bottom > container.scroll_top() + container.client_height() {
        container.set_scroll_top(top.max(0));
    }
}
