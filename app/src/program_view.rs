//! The compiled program beside the source, as Compiler Explorer shows it: the machine
//! program (one row per instruction: index, labels, canonical text) and, for languages
//! compiled through the IR, the IR between the two (one row per IR instruction, numbered as
//! the machine rows name it). The next instruction and its IR instruction are highlighted
//! while debugging, and the three are linked both ways: pointing at (or choosing) a source
//! line highlights its IR and machine instructions; an IR row, its source line and the
//! machine instructions made from it; a machine row, its source line, the other
//! instructions from that line and its IR instruction.

use std::sync::Arc;

use engine::{IrRow, ListingRow};
use leptos::prelude::*;

/// Rows drawn at most: a long compiled program shows the part around the next instruction
/// or the line chosen (not the one pointed at, which would move the rows under the pointer).
const MAX_ROWS: usize = 2000;

/// What a row or a source line stands for: its source line and, for compiled languages,
/// its IR instruction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Target {
    pub(crate) line: Option<u32>,
    pub(crate) ir: Option<u32>,
}

impl Target {
    /// A source line.
    pub(crate) fn line(line: u32) -> Target {
        Target {
            line: Some(line),
            ir: None,
        }
    }

    /// What a row stands for, if it stands for anything.
    fn of(line: Option<u32>, ir: Option<u32>) -> Option<Target> {
        (line.is_some() || ir.is_some()).then_some(Target { line, ir })
    }
}

/// What is pointed at or chosen, from any side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Link {
    /// What is under the pointer (or the focused row's), which wins while there is one.
    pub(crate) hover: Option<Target>,
    /// What was last clicked, in the editor or here.
    pub(crate) chosen: Option<Target>,
}

impl Link {
    /// What to highlight.
    pub(crate) fn target(self) -> Target {
        self.hover.or(self.chosen).unwrap_or_default()
    }

    /// The source line to highlight.
    pub(crate) fn line(self) -> Option<u32> {
        self.target().line
    }
}

/// The part of `len` rows to draw: all of them, or [`MAX_ROWS`] around row `around`.
fn window(len: usize, around: impl FnOnce() -> Option<usize>) -> (usize, usize) {
    if len <= MAX_ROWS {
        return (0, len);
    }
    let around = around().unwrap_or(0);
    let start = around.saturating_sub(MAX_ROWS / 4).min(len - MAX_ROWS);
    (start, start + MAX_ROWS)
}

/// The machine program. `current` is the next instruction while a session is open.
#[component]
pub(crate) fn ProgramView(
    listing: Memo<Arc<Vec<ListingRow>>>,
    current: Memo<Option<u32>>,
    link: RwSignal<Link>,
) -> impl IntoView {
    let target = Memo::new(move |_| link.get().target());
    let scroller = NodeRef::<leptos::html::Div>::new();
    let chosen = follow(scroller, current, "insn", link);
    let shown = Memo::new(move |_| {
        let rows = listing.get();
        window(rows.len(), || {
            current.get().map(|pc| pc as usize).or_else(|| {
                let t = chosen.get().unwrap_or_default();
                rows.iter()
                    .position(|r| t.line.is_some() && r.line == t.line)
            })
        })
    });
    view! {
        <div class="listing-scroll" node_ref=scroller tabindex="-1">
            <table class="listing" data-testid="listing" aria-label="Machine program">
                <thead><tr><th scope="col">"#"</th><th scope="col">"Label"</th><th scope="col">"Instruction"</th></tr></thead>
                <tbody on:mouseleave=move |_| link.update(|l| l.hover = None)>
                    {move || {
                        let rows = listing.get();
                        let (start, end) = shown.get();
                        rows[start..end].iter().map(|row| {
                            let pc = row.pc;
                            let line = row.line;
                            let ir = row.ir;
                            let here = Target::of(line, ir);
                            let title = match (line, ir) {
                                (Some(l), Some(i)) => format!("from line {l}, IR #{i}"),
                                (Some(l), None) => format!("from line {l}"),
                                _ => "no source line".to_string(),
                            };
                            view! {
                                <tr data-testid=format!("insn-{pc}") tabindex="0" title=title
                                    class:current=move || current.get() == Some(pc)
                                    aria-current=move || (current.get() == Some(pc)).then_some("step")
                                    class:linked=move || line.is_some() && target.get().line == line
                                    class:linked-ir=move || ir.is_some() && target.get().ir == ir
                                    on:mouseenter=move |_| link.update(|l| l.hover = here)
                                    on:focus=move |_| link.update(|l| l.hover = here)
                                    on:blur=move |_| link.update(|l| l.hover = None)
                                    on:click=move |_| link.update(|l| l.chosen = here)
                                    on:keydown=move |ev| if ev.key() == "Enter" { link.update(|l| l.chosen = here) }>
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

/// The IR of a compiled program. `current` is the IR instruction of the next machine
/// instruction while a session is open.
#[component]
pub(crate) fn IrView(
    rows: Memo<Arc<Vec<IrRow>>>,
    current: Memo<Option<u32>>,
    link: RwSignal<Link>,
) -> impl IntoView {
    let target = Memo::new(move |_| link.get().target());
    let scroller = NodeRef::<leptos::html::Div>::new();
    let chosen = follow(scroller, current, "ir", link);
    let shown = Memo::new(move |_| {
        let rows = rows.get();
        window(rows.len(), || {
            let t = chosen.get().unwrap_or_default();
            current
                .get()
                .and_then(|id| rows.iter().position(|r| r.id == Some(id)))
                .or_else(|| {
                    rows.iter()
                        .position(|r| t.line.is_some() && r.line == t.line)
                })
        })
    });
    view! {
        <div class="listing-scroll ir-scroll" node_ref=scroller tabindex="-1">
            <table class="listing ir" data-testid="ir" aria-label="Intermediate representation">
                <thead><tr><th scope="col">"#"</th><th scope="col">"IR instruction"</th></tr></thead>
                <tbody on:mouseleave=move |_| link.update(|l| l.hover = None)>
                    {move || {
                        let rows = rows.get();
                        let (start, end) = shown.get();
                        rows[start..end].iter().map(|row| {
                            let Some(id) = row.id else {
                                return view! {
                                    <tr class="ir-head"><td colspan="2">{row.text.clone()}</td></tr>
                                }.into_any();
                            };
                            let line = row.line;
                            let here = Target::of(line, Some(id));
                            let title = line.map_or("no source line".to_string(), |l| format!("from line {l}"));
                            view! {
                                <tr data-testid=format!("ir-{id}") tabindex="0" title=title
                                    class:current=move || current.get() == Some(id)
                                    aria-current=move || (current.get() == Some(id)).then_some("step")
                                    class:linked=move || line.is_some() && target.get().line == line
                                    class:linked-ir=move || target.get().ir == Some(id)
                                    on:mouseenter=move |_| link.update(|l| l.hover = here)
                                    on:focus=move |_| link.update(|l| l.hover = here)
                                    on:blur=move |_| link.update(|l| l.hover = None)
                                    on:click=move |_| link.update(|l| l.chosen = here)
                                    on:keydown=move |ev| if ev.key() == "Enter" { link.update(|l| l.chosen = here) }>
                                    <td class="pc">{format!("#{id}")}</td>
                                    <td class="text">{row.text.clone()}</td>
                                </tr>
                            }.into_any()
                        }).collect_view()
                    }}
                </tbody>
            </table>
            {move || rows.with(|rows| rows.is_empty()).then(|| view! {
                <p class="listing-empty">"No IR until the source compiles."</p>
            })}
        </div>
    }
}

/// Keeps a listing's current row (`data-testid="{prefix}-{id}"`) in view as the student
/// steps, and the first row of what was chosen when a choice is made; gives the choice.
fn follow(
    scroller: NodeRef<leptos::html::Div>,
    current: Memo<Option<u32>>,
    prefix: &'static str,
    link: RwSignal<Link>,
) -> Memo<Option<Target>> {
    Effect::new(move |_| {
        if let Some(id) = current.get() {
            request_animation_frame(move || {
                scroll_to(scroller, &format!("[data-testid=\"{prefix}-{id}\"]"));
            });
        }
    });
    let chosen = Memo::new(move |_| link.get().chosen);
    Effect::new(move |_| {
        if chosen.get().is_some() {
            request_animation_frame(move || scroll_to(scroller, "tr.linked-ir, tr.linked"));
        }
    });
    chosen
}

fn scroll_to(scroller: NodeRef<leptos::html::Div>, selector: &str) {
    if let Some(container) = scroller.get_untracked() {
        crate::scroll::scroll_to(&container, selector);
    }
}
