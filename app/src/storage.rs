//! Autosave: what the student typed survives a reload and a closed tab, per language; and
//! the settings (theme, text size, the bell's mute) are remembered the same way.

/// The browser's local storage, if the page may use it.
fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved text for a key.
pub fn load(key: &str) -> Option<String> {
    local()?
        .get_item(&format!("babbage-studio/{key}"))
        .ok()
        .flatten()
}

/// Saves text for a key; a full or blocked storage only loses the autosave.
pub fn save(key: &str, text: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(&format!("babbage-studio/{key}"), text);
    }
}
