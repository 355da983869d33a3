//! The printer's output and the bell: each time the bell rings during a run it sounds
//! (unless muted, which is remembered) and its mark shows the count.

use engine::MachineView;
use leptos::prelude::*;

use crate::{bell, storage};

/// How long the bell's mark stays lit after a ring.
const FLASH: std::time::Duration = std::time::Duration::from_millis(600);

/// The printer and the bell.
#[component]
pub(crate) fn Printer(view: RwSignal<Option<MachineView>>) -> impl IntoView {
    let muted = RwSignal::new(storage::load("bell-muted").as_deref() == Some("1"));
    let bells = Memo::new(move |_| view.with(|v| v.as_ref().map_or(0, |v| v.bells)));
    // Tones actually started, shown as an attribute so that tests can see mute work.
    let sounded = RwSignal::new(0u64);
    let lit = RwSignal::new(0u64);
    // A run may ring many times between two views; one tone says it rang. Going back
    // rings nothing.
    Effect::new(move |before: Option<u64>| {
        let now = bells.get();
        if before.is_some_and(|b| now > b) {
            if !muted.get_untracked() && bell::ring() {
                sounded.update(|n| *n += 1);
            }
            lit.update(|n| *n += 1);
            let mine = lit.get_untracked();
            set_timeout(
                move || {
                    if lit.get_untracked() == mine {
                        lit.set(0);
                    }
                },
                FLASH,
            );
        }
        now
    });
    view! {
        <div class="printer-head">
            <h2>"Printer"</h2>
            <span class="bell" class:ringing=move || { lit.get() > 0 }>
                <svg class="bell-icon" aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
                    <path d="M8 1.5a1 1 0 0 1 1 1v.6a4.5 4.5 0 0 1 3.5 4.4v3l1.5 2v.5h-12v-.5l1.5-2v-3A4.5 4.5 0 0 1 7 3.1v-.6a1 1 0 0 1 1-1zM6.5 14h3a1.5 1.5 0 0 1-3 0z" />
                </svg>
                <span class="visually-hidden">"Bell rings: "</span>
                <span data-testid="bells" data-sounded=move || sounded.get().to_string()>{move || bells.get().to_string()}</span>
            </span>
            <label><input type="checkbox" data-testid="mute" prop:checked=move || muted.get()
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    storage::save("bell-muted", if on { "1" } else { "0" });
                    muted.set(on);
                } />" Mute the bell"</label>
        </div>
        <pre class="output" data-testid="output" aria-live="polite">{move || view.get().map(|v| v.output.replace('\u{7}', "🔔")).unwrap_or_default()}</pre>
    }
}
