//! Themes and text size: chosen in the page's header and remembered.

use leptos::prelude::*;

use crate::storage;

/// The colour themes: the value set on `<html data-theme>` and its name.
const THEMES: [(&str, &str); 3] = [
    ("light", "Light"),
    ("dark", "Dark"),
    ("contrast", "High contrast"),
];

/// Text sizes, in percent of the browser's.
const FONT_SIZES: [&str; 5] = ["90", "100", "125", "150", "200"];

fn saved_theme() -> String {
    storage::load("theme").unwrap_or_else(|| "light".into())
}

fn saved_font_size() -> String {
    storage::load("font-size").unwrap_or_else(|| "100".into())
}

fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(name, value);
    }
}

/// Sets and remembers the colour theme.
fn apply_theme(theme: &str) {
    storage::save("theme", theme);
    set_root_attribute("data-theme", theme);
}

/// Sets and remembers the text size.
fn apply_font_size(percent: &str) {
    storage::save("font-size", percent);
    set_root_attribute("style", &format!("font-size: {percent}%"));
}

/// Applies the saved appearance when the page opens.
pub(crate) fn apply_saved() {
    apply_theme(&saved_theme());
    apply_font_size(&saved_font_size());
}

/// The theme and text size menus.
#[component]
pub(crate) fn Appearance() -> impl IntoView {
    view! {
        <div class="appearance">
            <label>
                "Theme "
                <select data-testid="theme" on:change=move |ev| apply_theme(&event_target_value(&ev))>
                    {THEMES.iter().map(|(value, name)| view! {
                        <option value=*value selected=saved_theme() == *value>{*name}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                "Text size "
                <select data-testid="font-size" on:change=move |ev| apply_font_size(&event_target_value(&ev))>
                    {FONT_SIZES.iter().map(|size| view! {
                        <option value=*size selected=saved_font_size() == *size>{format!("{size} %")}</option>
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}
