//! The Mill: registers A to D as columns of figure wheels beside their values, SP, PC and
//! the flags; and the stack.

use engine::{MachineView, Num};
use leptos::prelude::*;

use crate::wheels::{self, Column};

/// A wheel's size in the drawing, and the gaps between wheels and between groups of three.
const WHEEL_W: u32 = 22;
const WHEEL_H: u32 = 40;
const GAP: u32 = 2;
const GROUP_GAP: u32 = 6;
/// The width of the block standing for the folded zero wheels.
const FOLD_W: u32 = 44;

/// The registers, SP, PC and the flags.
#[component]
pub(crate) fn Mill(view: RwSignal<Option<MachineView>>) -> impl IntoView {
    // Every wheel, or only those holding figures.
    let all = RwSignal::new(false);
    let register = move |index: usize| {
        Memo::new(move |_| {
            view.with(|v| {
                v.as_ref().map_or((Num::ZERO, Num::ZERO, false), |v| {
                    let r = &v.registers[index];
                    (r.value, r.previous, r.changed)
                })
            })
        })
    };
    view! {
        <div class="mill-head">
            <h2>"The Mill"</h2>
            <label><input type="checkbox" data-testid="all-wheels" prop:checked=move || all.get()
                on:change=move |ev| all.set(event_target_checked(&ev)) />" All 50 wheels"</label>
        </div>
        <div class="mill" role="group" aria-label="The Mill">
            <div class="registers">
                {["A", "B", "C", "D"].into_iter().enumerate().map(|(i, name)| {
                    let state = register(i);
                    view! {
                        <div class="register wheel-register" class:changed=move || state.get().2>
                            <span class="name">{name}</span>
                            <div class="wheels-scroll">
                                {move || {
                                    let (value, previous, _) = state.get();
                                    wheels_svg(&wheels::column(&value, &previous, all.get()))
                                }}
                            </div>
                            <span class="value" data-testid=format!("reg-{name}")>{move || state.get().0.to_string()}</span>
                        </div>
                    }
                }).collect_view()}
            </div>
            <div class="small-registers">
                <div class="register"><span class="name">"SP"</span>
                    <span class="value" data-testid="sp">{move || view.get().and_then(|v| v.sp).map_or(String::new(), |sp| sp.to_string())}</span></div>
                <div class="register"><span class="name">"PC"</span>
                    <span class="value" data-testid="pc">{move || view.get().map_or("0".to_string(), |v| v.location.to_string())}</span></div>
                <div class="register"><span class="name">"Flags"</span>
                    <span class="value" data-testid="flags">{move || view.get().map_or(String::new(), |v| {
                        v.flags.iter().map(|(name, on)| format!("{name}={}", u8::from(*on))).collect::<Vec<_>>().join(" ")
                    })}</span></div>
            </div>
        </div>
    }
}

/// A column drawn as wheels seen edge on, lying down so that it reads as a number: the
/// sign wheel, a block for the folded zero wheels, then each wheel showing its figure with
/// its neighbours on the drum above and below. The value beside it is the text that screen
/// readers read, so the drawing is hidden from them.
fn wheels_svg(column: &Column) -> impl IntoView + use<> {
    let mut x = 0;
    let mut parts = Vec::new();
    parts.push(wheel(
        x,
        if column.negative { "−" } else { "+" },
        None,
        column.sign_moved,
        "sign",
    ));
    x += WHEEL_W + GROUP_GAP;
    if column.folded > 0 {
        parts.push(
            view! {
                <g class="folded">
                    <rect x=x y="1" width=FOLD_W height=WHEEL_H - 2 rx="3" />
                    <text x=x + FOLD_W / 2 y=WHEEL_H / 2 + 4>{format!("{}×0", column.folded)}</text>
                </g>
            }
            .into_any(),
        );
        x += FOLD_W + GROUP_GAP;
    }
    let count = column.wheels.len();
    for (i, w) in column.wheels.iter().enumerate() {
        let figure = char::from(b'0' + w.digit).to_string();
        parts.push(wheel(x, &figure, Some(w.digit), w.moved, "digit"));
        // Groups of three from the units, as figures are read.
        let left = count - 1 - i;
        x += WHEEL_W
            + if left.is_multiple_of(3) {
                GROUP_GAP
            } else {
                GAP
            };
    }
    let width = x.saturating_sub(GROUP_GAP).max(WHEEL_W);
    view! {
        // Sized in `em`, so that the wheels grow with the chosen text size.
        <svg class="wheels" aria-hidden="true" width=em(width) height=em(WHEEL_H)
            viewBox=format!("0 0 {width} {WHEEL_H}")>{parts}</svg>
    }
}

/// A length in the drawing's units (pixels at the browser's usual 16 px text) as `em`.
fn em(units: u32) -> String {
    format!("{}em", f64::from(units) / 16.0)
}

/// One wheel at `x`: its figure large, and for a digit wheel the figures either side of it
/// on the drum, small and faint.
fn wheel(x: u32, figure: &str, digit: Option<u8>, moved: bool, kind: &'static str) -> AnyView {
    let centre = x + WHEEL_W / 2;
    let neighbours = digit.map(|d| {
        view! {
            <text class="near" x=centre y="9">{((d + 1) % 10).to_string()}</text>
            <text class="near" x=centre y=WHEEL_H - 3>{((d + 9) % 10).to_string()}</text>
        }
    });
    view! {
        <g class=kind class:moved=moved>
            <rect x=x y="0" width=WHEEL_W height=WHEEL_H rx="4" />
            {neighbours}
            <text class="figure" x=centre y=WHEEL_H / 2 + 7>{figure.to_string()}</text>
        </g>
    }
    .into_any()
}

/// The stack, top first, each entry with its Store column.
#[component]
pub(crate) fn Stack(view: RwSignal<Option<MachineView>>) -> impl IntoView {
    view! {
        <h2>"Stack"</h2>
        {move || view.with(|v| {
            let Some(v) = v else {
                return view! { <p class="stack-empty" data-testid="stack">"Not started"</p> }.into_any();
            };
            let sp = v.sp.unwrap_or(0);
            if v.stack.is_empty() {
                return view! { <p class="stack-empty" data-testid="stack">"Empty"</p> }.into_any();
            }
            let written = v.last_write;
            view! {
                <ol class="stack" data-testid="stack" aria-label="Stack, top first">
                    {v.stack.iter().enumerate().map(|(i, value)| {
                        let column = sp + i as u32;
                        view! {
                            <li data-testid=format!("stack-{i}") class:changed=written == Some(column)>
                                <span class="address">{column.to_string()}</span>
                                <span class="value">{value.to_string()}</span>
                                {(i == 0).then(|| view! { <span class="top">"top"</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any()
        })}
    }
}
