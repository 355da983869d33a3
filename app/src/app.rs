//! The studio page: language and examples, the editor, input cards, the debugger toolbar,
//! the Mill and the printer.

use std::sync::Arc;
use std::time::Duration;

use engine::{Compilation, Language, MachineView, Motion, NoFiles, RunEnd, Session, StopReason};
use leptos::prelude::*;

use crate::editor::{Editor, Marker};
use crate::examples;
use crate::storage;

/// Steps run between yields to the browser while running at full speed: small enough that
/// the page stays responsive and Stop takes effect at once.
const SLICE: u64 = 1_000_000;

/// What a student sees first.
const WELCOME: &str = "; Factorials on the Analytical Engine
        LOAD A, 1          ; A = n!
        LOAD B, 1          ; B = n
next:   MULT A, B
        WRPRN A
        WRCHR 10
        ADD  B, 1
        CMP  B, 10
        JLE  next
        HALT
";

/// The keyboard shortcuts, each Alt with a key, as the help panel lists them.
const SHORTCUTS: [(&str, &str); 11] = [
    ("R", "Run (or continue)"),
    ("P", "Pause"),
    ("X", "Stop"),
    ("S", "Step one instruction"),
    ("L", "Step one source line"),
    ("O", "Step over a call"),
    ("U", "Step out of a call"),
    ("B", "Step back"),
    ("K", "Run back to the previous breakpoint or watchpoint"),
    ("C", "Run to the line the cursor is on"),
    ("0", "Reset to the start"),
];

/// Store columns shown in the table (the rest of the Store comes with scrolling by address).
const STORE_ROWS: u32 = 64;

/// The compile-as-you-type delay after the last keystroke.
const DEBOUNCE: Duration = Duration::from_millis(120);

#[component]
pub(crate) fn App() -> impl IntoView {
    // Which document is open: the student's own program ("mine") or an example, each saved
    // on its own so that opening an example never throws away what the student typed. A
    // link's `?example=NAME` opens that example.
    let linked = query("example").filter(|name| examples::find(name).is_some());
    let document = RwSignal::new(
        linked
            .or_else(|| storage::load("open/basm"))
            .unwrap_or_else(|| MINE.to_string()),
    );
    let initial = document_text(&document.get_untracked());
    let source = RwSignal::new(initial.clone());
    let cards = RwSignal::new(document_cards(&document.get_untracked()));
    let replace = RwSignal::new(None::<String>);
    // Lines with a breakpoint in the editor's gutter, and the editor (for its cursor).
    let breakpoint_lines = RwSignal::new(Vec::<u32>::new());
    let editor_view = StoredValue::new_local(None);
    let compilation = RwSignal::new(Arc::new(compile(&initial)));
    let session: StoredValue<Option<Session>, LocalStorage> = StoredValue::new_local(None);
    let view = RwSignal::new(None::<MachineView>);
    let running = RwSignal::new(false);
    // Recording makes stepping back possible; without it, runs are a little faster.
    let record = RwSignal::new(query("record").as_deref() != Some("off"));
    // Steps per second; 0 means full speed.
    let speed = RwSignal::new(0u64);
    let card_error = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0u64);

    let compiled_generation = StoredValue::new(0u64);

    // Compiles the latest text if it changed since the last compile; a new program ends
    // the run of the old one.
    let ensure_compiled = move || {
        let latest = generation.get_value();
        if compiled_generation.get_value() != latest {
            compiled_generation.set_value(latest);
            compilation.set(Arc::new(compile(&source.get_untracked())));
            running.set(false);
            session.set_value(None);
            view.set(None);
        }
    };

    // Compile on each edit, after a short pause in typing; save the text at once.
    let on_change = Callback::new(move |text: String| {
        storage::save(&format!("doc/basm/{}", document.get_untracked()), &text);
        source.set(text);
        generation.set_value(generation.get_value() + 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    ensure_compiled();
                }
            },
            DEBOUNCE,
        );
    });

    let markers = Signal::derive(move || {
        let text = source.get();
        compilation
            .get()
            .diagnostics
            .iter()
            .map(|d| marker(&text, d))
            .collect::<Vec<_>>()
    });
    let current_line = Signal::derive(move || view.get().and_then(|v| v.line));
    let compiles = move || compilation.get().is_ok();

    // Starts a fresh session from the current program and cards.
    let start = move || -> bool {
        let input = match engine::parse_input(&cards.get_untracked()) {
            Ok(input) => input,
            Err(message) => {
                card_error.set(Some(message));
                return false;
            }
        };
        card_error.set(None);
        let mut fresh = Session::new(&compilation.get_untracked(), input, record.get_untracked());
        if let Some(s) = &mut fresh {
            s.set_line_breakpoints(&breakpoint_lines.get_untracked());
        }
        let ok = fresh.is_some();
        view.set(fresh.as_ref().map(Session::view));
        session.set_value(fresh);
        ok
    };
    let ensure_session = move || session.with_value(Option::is_some) || start();
    let act = move |motion: Motion, slice: u64| -> Option<StopReason> {
        let mut reason = None;
        session.update_value(|s| {
            if let Some(s) = s {
                reason = Some(s.resume(motion, slice).reason);
                view.set(Some(s.view()));
            }
        });
        reason
    };

    // Runs in slices, yielding to the browser between them, until the run ends, a
    // breakpoint stops it, or the student pauses or stops it. Below full speed, each tick
    // runs the steps that its share of a second allows.
    fn run_slices(
        running: RwSignal<bool>,
        speed: RwSignal<u64>,
        act: impl Fn(Motion, u64) -> Option<StopReason> + Copy + 'static,
    ) {
        if !running.get_untracked() {
            return;
        }
        let per_second = speed.get_untracked();
        let (slice, pause) = match per_second {
            0 => (SLICE, Duration::ZERO),
            1..=50 => (1, Duration::from_millis(1000 / per_second)),
            _ => (per_second / 50, Duration::from_millis(20)),
        };
        match act(Motion::Continue, slice) {
            Some(StopReason::Slice) if pause.is_zero() => {
                crate::tick::next_tick(move || run_slices(running, speed, act));
            }
            Some(StopReason::Slice) => {
                set_timeout(move || run_slices(running, speed, act), pause);
            }
            _ => running.set(false),
        }
    }

    let run_cmd = move || {
        // Run what is in the editor now, even if the pause after typing has not ended.
        ensure_compiled();
        if !compilation.get_untracked().is_ok() || running.get_untracked() {
            return;
        }
        let finished = view.get_untracked().is_some_and(|v| v.end.is_some());
        if finished && !start() || !ensure_session() {
            return;
        }
        running.set(true);
        run_slices(running, speed, act);
    };
    let pause_cmd = move || running.set(false);
    let stop_cmd = move || {
        running.set(false);
        session.set_value(None);
        view.set(None);
    };
    let reset_cmd = move || {
        running.set(false);
        ensure_compiled();
        start();
    };
    let step_cmd = move || {
        running.set(false);
        ensure_compiled();
        if ensure_session() {
            act(Motion::Step(1), 1);
        }
    };
    let back_cmd = move |motion: Motion| {
        running.set(false);
        act(motion, SLICE);
    };
    // Forward motions that may run long go in slices too, like Run.
    let forward = move |motion: Motion| {
        running.set(false);
        ensure_compiled();
        if ensure_session() {
            act(motion, SLICE);
        }
    };
    let on_breakpoints = Callback::new(move |lines: Vec<u32>| {
        session.update_value(|s| {
            if let Some(s) = s {
                s.set_line_breakpoints(&lines);
            }
        });
        breakpoint_lines.set(lines);
    });
    let run_to_cursor = move || {
        let line = editor_view.with_value(|e: &Option<crate::editor::EditorView>| {
            e.as_ref().map(crate::editor::current_cursor_line)
        });
        ensure_compiled();
        if !ensure_session() {
            return;
        }
        let location = line
            .and_then(|l| session.with_value(|s| s.as_ref().and_then(|s| s.location_of_line(l))));
        if let Some(location) = location {
            running.set(false);
            act(Motion::RunTo(location), SLICE);
        }
    };
    let on_open = move |ev| {
        let name = event_target_value(&ev);
        document.set(name.clone());
        storage::save("open/basm", &name);
        cards.set(document_cards(&name));
        replace.set(Some(document_text(&name)));
    };
    let on_seek = move |ev| {
        running.set(false);
        if let Ok(step) = event_target_value(&ev).parse::<u64>() {
            act(Motion::Seek(step), SLICE);
        }
    };

    // Keyboard shortcuts: Alt with a letter, so that typing in the editor is never taken.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        // By key position, as Alt changes the character a key gives on some systems.
        let handled = match ev.code().as_str() {
            "KeyR" => {
                run_cmd();
                true
            }
            "KeyP" => {
                pause_cmd();
                true
            }
            "KeyX" => {
                stop_cmd();
                true
            }
            "KeyS" => {
                step_cmd();
                true
            }
            "KeyB" => {
                back_cmd(Motion::StepBack(1));
                true
            }
            "KeyK" => {
                back_cmd(Motion::ContinueBack);
                true
            }
            "KeyL" => {
                forward(Motion::StepLine);
                true
            }
            "KeyO" => {
                forward(Motion::StepOver);
                true
            }
            "KeyU" => {
                forward(Motion::StepOut);
                true
            }
            "KeyC" => {
                run_to_cursor();
                true
            }
            "Digit0" => {
                reset_cmd();
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());

    let register = move |index: usize| {
        move || {
            view.get()
                .map_or("0".to_string(), |v| v.registers[index].value.to_string())
        }
    };
    let changed =
        move |index: usize| move || view.get().is_some_and(|v| v.registers[index].changed);

    view! {
        <header class="top">
            <h1>"Babbage Studio"</h1>
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
            <label>
                "Language "
                // Only assembly is built so far; the others are listed, disabled.
                <select data-testid="language">
                    {Language::ALL.into_iter().map(|l| view! {
                        <option value=l.extension() selected=l == Language::Asm disabled=!l.is_available()>
                            {l.name()}{(!l.is_available()).then_some(" (coming)")}
                        </option>
                    }).collect_view()}
                </select>
            </label>
        </header>
        <main class="studio">
            <section class="source" aria-label="Program">
                <label class="examples">
                    "Program "
                    <select data-testid="examples" on:change=on_open>
                        <option value=MINE selected=move || document.get() == MINE>"My program"</option>
                        {examples::ASSEMBLY.iter().map(|e| view! {
                            <option value=e.name selected=move || document.get() == e.name>{format!("Example: {}", e.title)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <Editor initial=initial on_change=on_change on_breakpoints=on_breakpoints cursor=editor_view replace=replace.into() markers=markers current_line=current_line />
                <label class="cards">
                    "Number cards "
                    <input type="text" data-testid="input-cards" placeholder="e.g. 5 -17, 3"
                        prop:value=move || cards.get()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            storage::save(&format!("cards/basm/{}", document.get_untracked()), &text);
                            cards.set(text);
                        } />
                </label>
                <p class="card-error" role="alert">{move || card_error.get()}</p>
                <ul class="diagnostics" data-testid="diagnostics" aria-label="Problems">
                    {move || {
                        let text = source.get();
                        let index = engine::LineIndex::new(&text);
                        compilation.get().diagnostics.iter().map(|d| {
                            let at = index.line_col(&text, d.span.start as usize);
                            let hints = d.hints.join("; ");
                            view! {
                                <li data-testid="diagnostic">
                                    {format!("line {}:{}: {}", at.line, at.col, d.message)}
                                    {(!hints.is_empty()).then(|| format!(" (hint: {hints})"))}
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
            </section>
            <section class="debugger" aria-label="Debugger">
                <div class="toolbar" role="toolbar" aria-label="Run controls">
                    <button data-testid="run" aria-keyshortcuts="Alt+R" on:click=move |_| run_cmd() disabled=move || !compiles() || running.get()>"Run"</button>
                    <button data-testid="pause" aria-keyshortcuts="Alt+P" on:click=move |_| pause_cmd() disabled=move || !running.get()>"Pause"</button>
                    <button data-testid="stop" aria-keyshortcuts="Alt+X" on:click=move |_| stop_cmd()>"Stop"</button>
                    <button data-testid="step" aria-keyshortcuts="Alt+S" on:click=move |_| step_cmd() disabled=move || !compiles()>"Step"</button>
                    <button data-testid="step-back" aria-keyshortcuts="Alt+B" on:click=move |_| back_cmd(Motion::StepBack(1)) disabled=move || !record.get() || view.get().is_none_or(|v| v.steps == 0)>"Step back"</button>
                    <button data-testid="step-line" aria-keyshortcuts="Alt+L" on:click=move |_| forward(Motion::StepLine) disabled=move || !compiles()>"Step line"</button>
                    <button data-testid="step-over" aria-keyshortcuts="Alt+O" on:click=move |_| forward(Motion::StepOver) disabled=move || !compiles()>"Step over"</button>
                    <button data-testid="step-out" aria-keyshortcuts="Alt+U" on:click=move |_| forward(Motion::StepOut) disabled=move || !compiles()>"Step out"</button>
                    <button data-testid="run-to-cursor" aria-keyshortcuts="Alt+C" on:click=move |_| run_to_cursor() disabled=move || !compiles()>"Run to cursor"</button>
                    <button data-testid="run-back" aria-keyshortcuts="Alt+K" on:click=move |_| back_cmd(Motion::ContinueBack) disabled=move || !record.get() || view.get().is_none_or(|v| v.steps == 0)>"Run back"</button>
                    <button data-testid="reset" aria-keyshortcuts="Alt+0" on:click=move |_| reset_cmd() disabled=move || !compiles()>"Reset"</button>
                </div>
                <div class="run-options">
                    <label>
                        "Speed "
                        <select data-testid="speed" on:change=move |ev| {
                            speed.set(event_target_value(&ev).parse().unwrap_or(0));
                        }>
                            <option value="0" selected=true>"Full speed"</option>
                            <option value="1000">"1000 steps a second"</option>
                            <option value="100">"100 steps a second"</option>
                            <option value="10">"10 steps a second"</option>
                            <option value="1">"1 step a second"</option>
                        </select>
                    </label>
                    <label>
                        <input type="checkbox" data-testid="record" prop:checked=move || record.get()
                            on:change=move |ev| {
                                record.set(event_target_checked(&ev));
                                running.set(false);
                                start();
                            } />
                        " Record history for stepping back"
                    </label>
                </div>
                <details class="help">
                    <summary>"Keyboard shortcuts"</summary>
                    <dl>
                        {SHORTCUTS.iter().map(|(key, what)| view! { <dt><kbd>{format!("Alt+{key}")}</kbd></dt><dd>{*what}</dd> }).collect_view()}
                        <dt><kbd>"F9"</kbd></dt><dd>"Set or clear a breakpoint on the editor's line (or click the gutter)"</dd>
                    </dl>
                </details>
                <label class="timeline">
                    "Timeline "
                    <input type="range" data-testid="timeline" min="0"
                        max=move || view.get().map_or(0, |v| v.frontier).to_string()
                        prop:value=move || view.get().map_or(0, |v| v.steps).to_string()
                        disabled=move || view.get().is_none()
                        on:input=on_seek />
                </label>
                <div class="mill" aria-label="The Mill">
                    {["A", "B", "C", "D"].into_iter().enumerate().map(|(i, name)| view! {
                        <div class="register" class:changed=changed(i)>
                            <span class="name">{name}</span>
                            <span class="value" data-testid=format!("reg-{name}")>{register(i)}</span>
                        </div>
                    }).collect_view()}
                    <div class="register"><span class="name">"SP"</span>
                        <span class="value" data-testid="sp">{move || view.get().and_then(|v| v.sp).map_or(String::new(), |sp| sp.to_string())}</span></div>
                    <div class="register"><span class="name">"PC"</span>
                        <span class="value" data-testid="pc">{move || view.get().map_or("0".to_string(), |v| v.location.to_string())}</span></div>
                    <div class="register"><span class="name">"Flags"</span>
                        <span class="value" data-testid="flags">{move || view.get().map_or(String::new(), |v| {
                            v.flags.iter().map(|(name, on)| format!("{name}={}", u8::from(*on))).collect::<Vec<_>>().join(" ")
                        })}</span></div>
                </div>
                <p class="status">
                    "Step " <span data-testid="steps">{move || view.get().map_or(0, |v| v.steps)}</span>
                    " · engine time " <span data-testid="engine-time">{move || view.get().map_or("0 s".to_string(), |v| v.engine_time.to_string())}</span>
                </p>
                <p class="fault" data-testid="fault" role="alert">{move || match view.get().and_then(|v| v.end) {
                    Some(RunEnd::Faulted(e)) => match e.line {
                        Some(line) => format!("line {line}: {}", e.message),
                        None => e.message,
                    },
                    _ => String::new(),
                }}</p>
                <h2>"Printer"</h2>
                <pre class="output" data-testid="output" aria-live="polite">{move || view.get().map(|v| v.output.replace('\u{7}', "🔔")).unwrap_or_default()}</pre>
                <h2>"Store"</h2>
                <div class="store-scroll">
                    <table class="store" data-testid="store">
                        <thead><tr><th scope="col">"Column"</th><th scope="col">"Name"</th><th scope="col">"Value"</th></tr></thead>
                        <tbody>
                            {move || {
                                let written = view.get().and_then(|v| v.last_write);
                                session.with_value(|s| s.as_ref().map(|s| s.store(0, STORE_ROWS)).unwrap_or_default())
                                    .into_iter()
                                    .map(|cell| view! {
                                        <tr class:changed=written == Some(cell.address)>
                                            <td>{cell.address}</td>
                                            <td>{cell.name.unwrap_or_default()}</td>
                                            <td data-testid=format!("col-{}", cell.address)>{cell.value.to_string()}</td>
                                        </tr>
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </section>
        </main>
    }
}

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

/// Sets and remembers the colour theme.
pub(crate) fn apply_theme(theme: &str) {
    storage::save("theme", theme);
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// Sets and remembers the text size.
pub(crate) fn apply_font_size(percent: &str) {
    storage::save("font-size", percent);
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("style", &format!("font-size: {percent}%"));
    }
}

/// Applies the saved appearance when the page opens.
pub(crate) fn apply_saved_appearance() {
    apply_theme(&saved_theme());
    apply_font_size(&saved_font_size());
}

/// The student's own program, as a document name.
const MINE: &str = "mine";

/// A document's saved text, or its first text: an example's program, or the welcome.
fn document_text(document: &str) -> String {
    storage::load(&format!("doc/basm/{document}"))
        .or_else(|| examples::find(document).map(|e| e.source.to_string()))
        .unwrap_or_else(|| WELCOME.to_string())
}

/// A document's saved number cards, or an example's own.
fn document_cards(document: &str) -> String {
    storage::load(&format!("cards/basm/{document}"))
        .or_else(|| {
            examples::find(document)
                .map(|e| e.cards.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_default()
}

/// A parameter of the page's address.
fn query(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

fn compile(source: &str) -> Compilation {
    engine::compile(Language::Asm, "program.basm", source, &NoFiles)
}

/// A diagnostic as an editor marker, converting byte offsets to UTF-16 offsets.
fn marker(text: &str, d: &engine::Diagnostic) -> Marker {
    let utf16 = |byte: u32| {
        let byte = (byte as usize).min(text.len());
        let byte = (0..=byte)
            .rev()
            .find(|&b| text.is_char_boundary(b))
            .unwrap_or(0);
        text[..byte].encode_utf16().count()
    };
    Marker {
        from: utf16(d.span.start),
        to: utf16(d.span.end),
        message: d.message.clone(),
    }
}
