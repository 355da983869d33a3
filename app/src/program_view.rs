//! The machine program beside the source, as Compiler Explorer shows it: one row per
//! instruction (index, labels, canonical text), the next instruction highlighted while
//! debugging, and source lines and instructions linked both ways: pointing at (or
//! choosing) a row highlights its source line in the editor and every instruction from
//! that line; pointing at a source line highlights its instructions here.

use std::sync::Arc;

use engine::ListingRow;
use leptos::prelude::*;

/// Rows drawn at most: a long compiled program shows the part around the next instruction
/// or the linked line.
const MAX_ROWS: usize = 2000;

/// The source line pointed at or chosen, from either side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Link {
    /// The line under the pointer (or the focused row's), which wins while there is one.
    pub(crate) hover: Option<u32>,
    /// The line last clicked, in the editor or here.
    pub(crate) chosen: Option<u32>,
}

impl Link {
    /// The line to highlight.
    pub(crate) fn line(self) -> Option<u32> {
        self.hover.or(self.chosen)
    }
}

/// The listing. `current` is the next instruction while a session is open.
#[component]
pub(crate) fn ProgramView(
    listing: Memo<Arc<Vec<ListingRow>>>,
    current: Memo<Option<u32>>,
    link: RwSignal<Link>,
) -> impl IntoView {
    let linked = Memo::new(move |_| link.get().line());
    let scroller = NodeRef::<leptos::html::Div>::new();
    // Keep the next instruction in view as the student steps.
    Effect::new(move |_| {
        if let Some(pc) = current.get() {
            request_animation_frame(move || scroll_to(scroller, pc));
        }
    });
    let window = Memo::new(move |_| {
        let rows = listing.get();
        let len = rows.len();
        if len <= MAX_ROWS {
            return (0, len);
        }
        let around = current
            .get()
            .map(|pc| pc as usize)
            .or_else(|| {
                linked
                    .get()
                    .and_then(|l| rows.iter().position(|r| r.line == Some(l)))
            })
            .unwrap_or(0);
        let start = around.saturating_sub(MAX_ROWS / 4).min(len - MAX_ROWS);
        (start, start + MAX_ROWS)
    });
    view! {
        <div class="listing-scroll" node_ref=scroller tabindex="-1">
            <table class="listing" data-testid="listing" aria-label="Machine program">
                <thead><tr><th scope="col">"#"</th><th scope="col">"Label"</th><th scope="col">"Instruction"</th></tr></thead>
                <tbody on:mouseleave=move |_| link.update(|l| l.hover = None)>
                    {move || {
                        let rows = listing.get();
                        let (start, end) = window.get();
                        rows[start..end].iter().map(|row| {
                            let pc = row.pc;
                            let line = row.line;
                            let title = line.map_or("no source line".to_string(), |l| format!("from line {l}"));
                            view! {
                                <tr data-testid=format!("insn-{pc}") tabindex="0" title=title
                                    class:current=move || current.get() == Some(pc)
                                    aria-current=move || (current.get() == Some(pc)).then_some("step")
                                    class:linked=move || line.is_some() && linked.get() == line
                                    on:mouseenter=move |_| link.update(|l| l.hover = line)
                                    on:focus=move |_| link.update(|l| l.hover = line)
                                    on:blur=move |_| link.update(|l| l.hover = None)
                                    on:click=move |_| link.update(|l| l.chosen = line)
                                    on:keydown=move |ev| if ev.key() == "Enter" { link.update(|l| l.chosen = line) }>
                                    <td class="pc">{pc}</td>
                                    <td class="label">{row.labels.join(" ")}</td>
                                    <td class="text">{row.text.clone()}</td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
            {move || listing.with(|rows| rows.is_empty()).then(|| view! {
                <p class="listing-empty">"No machine program until the source compiles."</p>
            })}
        </div>
    }
}

fn scroll_to(scroller: NodeRef<leptos::html::Div>, pc: u32) {
    if let Some(container) = scroller.get_untracked() {
        crate::scroll::scroll_to(&container, &format!("[data-testid=\"insn-{pc}\"]"));
    }
}
