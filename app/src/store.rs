//! The Store as a table: a window of columns around the one the student jumps to (by
//! number or data name), the column the last step wrote highlighted, and a watchpoint
//! toggle on each column.

use std::collections::BTreeSet;

use engine::{MachineView, Place, Session, Watchpoint};
use leptos::prelude::*;

/// Columns drawn at once.
pub(crate) const ROWS: u32 = 64;
/// Rows kept above a column jumped to, so that its neighbours show.
const ABOVE: u32 = 8;

/// The Store table. `focus` is the column to show (the student's jump, or a watched column
/// that stopped a run); `watched` the columns with a watchpoint, kept here and given to
/// every new session; `ensure_session` starts one when there is none yet.
#[component]
pub(crate) fn Store(
    session: StoredValue<Option<Session>, LocalStorage>,
    view: RwSignal<Option<MachineView>>,
    watched: RwSignal<BTreeSet<u32>>,
    focus: RwSignal<Option<u32>>,
    ensure_session: Callback<(), bool>,
) -> impl IntoView {
    let first = RwSignal::new(0u32);
    let error = RwSignal::new(None::<String>);
    let wanted = RwSignal::new(String::new());
    let scroller = NodeRef::<leptos::html::Div>::new();
    let len = move || session.with_value(|s| s.as_ref().map_or(0, Session::store_len));

    // Showing a column moves the window to it and scrolls the table so it is in view.
    Effect::new(move |_| {
        let Some(column) = focus.get() else {
            return;
        };
        let start = column.saturating_sub(ABOVE).min(len().saturating_sub(ROWS));
        first.set(start);
        request_animation_frame(move || scroll_to(scroller, column));
    });

    let jump = move || {
        if !ensure_session.run(()) {
            error.set(Some(
                "the program must compile before its Store can be shown".into(),
            ));
            return;
        }
        let found = session.with_value(|s| {
            s.as_ref()
                .map(|s| s.find_column(&wanted.get_untracked()))
                .unwrap_or_else(|| Err("no program".into()))
        });
        match found {
            Ok(column) => {
                error.set(None);
                focus.set(Some(column));
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let toggle = move |column: u32, on: bool| {
        watched.update(|w| {
            if on {
                w.insert(column);
            } else {
                w.remove(&column);
            }
        });
        session.update_value(|s| {
            if let Some(s) = s {
                let watchpoint = Watchpoint {
                    place: Place::Column(column),
                };
                if on {
                    s.add_watchpoint(watchpoint);
                } else {
                    s.remove_watchpoint(watchpoint);
                }
            }
        });
    };
    let page = move |forwards: bool| {
        let start = first.get_untracked();
        let start = if forwards {
            start.saturating_add(ROWS).min(len().saturating_sub(ROWS))
        } else {
            start.saturating_sub(ROWS)
        };
        first.set(start);
        focus.set(None);
    };

    view! {
        <div class="store-head">
            <h2>"Store"</h2>
            <form class="store-jump" on:submit=move |ev| {
                ev.prevent_default();
                jump();
            }>
                <label>"Column or name "
                    <input type="text" data-testid="store-jump" placeholder="e.g. 42 or total" size="12"
                        prop:value=move || wanted.get()
                        on:input=move |ev| wanted.set(event_target_value(&ev)) />
                </label>
                <button type="submit" data-testid="store-go">"Show"</button>
            </form>
        </div>
        <p class="store-error" data-testid="store-error" role="alert">{move || error.get()}</p>
        <div class="store-scroll" node_ref=scroller tabindex="0" aria-label="Store columns">
            <table class="store" data-testid="store">
                <thead><tr><th scope="col">"Watch"</th><th scope="col">"Column"</th><th scope="col">"Name"</th><th scope="col">"Value"</th></tr></thead>
                <tbody>
                    {move || {
                        let written = view.get().and_then(|v| v.last_write);
                        let target = focus.get();
                        let start = first.get();
                        let on = watched.get();
                        session.with_value(|s| s.as_ref().map(|s| s.store(start, ROWS)).unwrap_or_default())
                            .into_iter()
                            .map(|cell| {
                                let column = cell.address;
                                let label = match &cell.name {
                                    Some(name) => format!("Watch column {column} ({name})"),
                                    None => format!("Watch column {column}"),
                                };
                                view! {
                                    <tr data-testid=format!("store-row-{column}") class:changed=written == Some(column)
                                        class:target=target == Some(column) class:watched=on.contains(&column)>
                                        <td><input type="checkbox" data-testid=format!("watch-{column}") aria-label=label
                                            prop:checked=on.contains(&column)
                                            on:change=move |ev| toggle(column, event_target_checked(&ev)) /></td>
                                        <td>{column}</td>
                                        <td>{cell.name.unwrap_or_default()}</td>
                                        <td data-testid=format!("col-{column}")>{cell.value.to_string()}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
        {move || {
            view.track();
            (len() == 0).then(|| view! {
                <p class="store-hint" data-testid="store-hint">"Step or run the program to see its Store, or show a column."</p>
            })
        }}
        <div class="store-pages">
            <button data-testid="store-earlier" on:click=move |_| page(false)
                disabled=move || { view.track(); first.get() == 0 }>"Earlier columns"</button>
            <span class="store-range" data-testid="store-range">{move || {
                view.track();
                let total = len();
                if total == 0 {
                    return String::new();
                }
                let start = first.get();
                format!("columns {start} to {} of 0 to {}", (start + ROWS).min(total) - 1, total - 1)
            }}</span>
            <button data-testid="store-later" on:click=move |_| page(true)
                disabled=move || { view.track(); first.get() + ROWS >= len() }>"Later columns"</button>
        </div>
    }
}

fn scroll_to(scroller: NodeRef<leptos::html::Div>, column: u32) {
    if let Some(container) = scroller.get_untracked() {
        crate::scroll::scroll_to(&container, &format!("[data-testid=\"store-row-{column}\"]"));
    }
}
