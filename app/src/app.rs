//! The studio page: the program (editor, machine program, number cards, problems) and the
//! debugger (controls, timeline, the Mill, the printer, the Store and the stack), and the
//! commands that drive an `engine::Session` between them.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use engine::{
    Compilation, CompileOptions, IrRow, Language, ListingRow, MachineView, Motion, NoFiles, Place,
    RunEnd, Session, StopReason, Watchpoint,
};
use leptos::prelude::*;

use crate::appearance::Appearance;
use crate::documents::{self, MINE};
use crate::editor::{Editor, EditorView};
use crate::mill::{Mill, Stack};
use crate::printer::Printer;
use crate::program_view::{IrView, Link, ProgramView};
use crate::store::Store;
use crate::toolbar::{Command, Help, Toolbar};
use crate::{examples, markers, notes, storage};

/// Steps run between yields to the browser while running at full speed: small enough that
/// the page stays responsive and Stop takes effect at once.
const SLICE: u64 = 1_000_000;

/// How often a run at full speed redraws the machine: often enough to watch the count go
/// up, seldom enough that drawing costs the run little.
const REDRAW: Duration = Duration::from_millis(50);

/// The compile-as-you-type delay after the last keystroke.
const DEBOUNCE: Duration = Duration::from_millis(120);

/// How a run at full speed is going: where and when it started, for its speed.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Progress {
    /// When it started, in milliseconds of the page's clock.
    since: f64,
    /// The step it started from.
    from: u64,
    /// Steps a second so far.
    per_second: f64,
}

/// The page's state, shared by the commands; every field is a handle, so it is `Copy`.
#[derive(Clone, Copy)]
struct Studio {
    /// The language being edited, and whether to compile it with the IR optimisations.
    language: RwSignal<Language>,
    optimize: RwSignal<bool>,
    source: RwSignal<String>,
    cards: RwSignal<String>,
    breakpoint_lines: RwSignal<Vec<u32>>,
    watched: RwSignal<BTreeSet<u32>>,
    editor: StoredValue<Option<EditorView>, LocalStorage>,
    compilation: RwSignal<Arc<Compilation>>,
    /// The compiled program's IR, for the IR view (empty for assembly).
    ir: RwSignal<Arc<Vec<IrRow>>>,
    /// Edits so far, and the edit last compiled.
    generation: StoredValue<u64>,
    compiled_generation: StoredValue<u64>,
    session: StoredValue<Option<Session>, LocalStorage>,
    view: RwSignal<Option<MachineView>>,
    running: RwSignal<bool>,
    /// Recording makes stepping back possible; without it, runs are a little faster.
    record: RwSignal<bool>,
    /// Steps per second; 0 means full speed.
    speed: RwSignal<u64>,
    card_error: RwSignal<Option<String>>,
    /// Why the last command stopped where it did, or what a long run was doing.
    note: RwSignal<Option<String>>,
    /// The Store column to show.
    focus: RwSignal<Option<u32>>,
    progress: RwSignal<Option<Progress>>,
    /// When the machine was last drawn, in milliseconds of the page's clock.
    drawn: StoredValue<f64>,
}

impl Studio {
    /// Compiles the latest text if it changed since the last compile; a new program ends
    /// the run of the old one.
    fn ensure_compiled(self) {
        let latest = self.generation.get_value();
        if self.compiled_generation.get_value() != latest {
            self.compiled_generation.set_value(latest);
            let source = self.source.get_untracked();
            let compilation = compile(
                self.language.get_untracked(),
                &source,
                self.optimize.get_untracked(),
            );
            self.ir
                .set(Arc::new(engine::ir_listing(&compilation, &source)));
            self.compilation.set(Arc::new(compilation));
            self.running.set(false);
            self.progress.set(None);
            self.session.set_value(None);
            self.view.set(None);
        }
    }

    /// Counts an edit: the text compiled next is new.
    fn edited(self) {
        self.generation.set_value(self.generation.get_value() + 1);
    }

    /// Compiles the text now, as it is (another language, or the optimisations switched).
    fn recompile(self) {
        self.edited();
        self.ensure_compiled();
    }

    /// Starts a fresh session from the current program and cards, with the breakpoints
    /// and watchpoints the student set.
    fn start(self) -> bool {
        let input = match engine::parse_input(&self.cards.get_untracked()) {
            Ok(input) => input,
            Err(message) => {
                self.card_error.set(Some(message));
                return false;
            }
        };
        self.card_error.set(None);
        let mut fresh = Session::new(
            &self.compilation.get_untracked(),
            input,
            self.record.get_untracked(),
        );
        if let Some(s) = &mut fresh {
            s.set_line_breakpoints(&self.breakpoint_lines.get_untracked());
            let len = s.store_len();
            for &column in self.watched.get_untracked().range(..len) {
                s.add_watchpoint(Watchpoint {
                    place: Place::Column(column),
                });
            }
        }
        let ok = fresh.is_some();
        self.view.set(fresh.as_ref().map(Session::view));
        self.session.set_value(fresh);
        ok
    }

    /// Shows the machine as it is now.
    fn draw(self) {
        self.session.with_value(|s| {
            if let Some(s) = s {
                self.view.set(Some(s.view()));
            }
        });
    }

    fn ensure_session(self) -> bool {
        self.session.with_value(Option::is_some) || self.start()
    }

    /// Carries out a motion and shows where it got to.
    fn act(self, motion: Motion, slice: u64) -> Option<StopReason> {
        self.act_showing(motion, slice, true)
    }

    /// Carries out a motion; shows the machine unless the motion only ran out of its slice
    /// and `every_slice` is false, in which case it does so at most every [`REDRAW`] (a
    /// full-speed run does not redraw the page for every million steps). Says why it
    /// stopped where that is worth a note, and shows a watched column that stopped it.
    fn act_showing(self, motion: Motion, slice: u64, every_slice: bool) -> Option<StopReason> {
        let mut reason = None;
        self.session.update_value(|s| {
            if let Some(s) = s {
                reason = Some(s.resume(motion, slice).reason);
            }
        });
        let now = js_sys::Date::now();
        if reason != Some(StopReason::Slice)
            || every_slice
            || now - self.drawn.get_value() >= REDRAW.as_secs_f64() * 1000.0
        {
            self.draw();
            self.drawn.set_value(now);
        }
        if let Some(reason) = &reason {
            if let StopReason::Watchpoint {
                place: Place::Column(c),
                ..
            } = reason
            {
                self.focus.set(Some(*c));
            }
            let note = self.session.with_value(|s| {
                let s = s.as_ref()?;
                notes::stop_note(
                    reason,
                    |pc| s.source_map().line(pc),
                    |c| s.store(c, 1).pop().and_then(|cell| cell.name),
                )
            });
            if note.is_some() {
                self.note.set(note);
            }
        }
        reason
    }

    /// Runs in slices, yielding to the browser between them, until the run ends, a
    /// breakpoint stops it, or the student pauses or stops it. Below full speed, each tick
    /// runs the steps that its share of a second allows.
    fn run_slices(self) {
        if !self.running.get_untracked() {
            return;
        }
        let per_second = self.speed.get_untracked();
        let (slice, pause) = match per_second {
            0 => (SLICE, Duration::ZERO),
            1..=50 => (1, Duration::from_millis(1000 / per_second)),
            _ => (per_second / 50, Duration::from_millis(20)),
        };
        let reason = self.act_showing(Motion::Continue, slice, !pause.is_zero());
        let steps = self.session.with_value(|s| s.as_ref().map(Session::steps));
        if let (Some(p), Some(steps)) = (self.progress.get_untracked(), steps) {
            let seconds = (js_sys::Date::now() - p.since) / 1000.0;
            if seconds > 0.0 {
                let per_second = steps.saturating_sub(p.from) as f64 / seconds;
                self.progress.set(Some(Progress { per_second, ..p }));
            }
        }
        match reason {
            Some(StopReason::Slice) if pause.is_zero() => {
                crate::tick::next_tick(move || self.run_slices());
            }
            Some(StopReason::Slice) => {
                set_timeout(move || self.run_slices(), pause);
            }
            _ => {
                self.running.set(false);
                self.progress.set(None);
            }
        }
    }

    fn run(self) {
        // Run what is in the editor now, even if the pause after typing has not ended.
        self.ensure_compiled();
        if !self.compilation.get_untracked().is_ok() || self.running.get_untracked() {
            return;
        }
        let finished = self.view.get_untracked().is_some_and(|v| v.end.is_some());
        if finished && !self.start() || !self.ensure_session() {
            return;
        }
        let from = self.view.get_untracked().map_or(0, |v| v.steps);
        self.progress.set(Some(Progress {
            since: js_sys::Date::now(),
            from,
            per_second: 0.0,
        }));
        self.running.set(true);
        self.run_slices();
    }

    /// Ends a run that is going, with a note on what it was doing if it ran long.
    fn halt_run(self, verb: &str) {
        let was_running = self.running.get_untracked();
        self.running.set(false);
        // A run at full speed shows the machine only now and then; show where it stopped.
        if was_running {
            self.draw();
        }
        let Some(progress) = self.progress.get_untracked() else {
            return;
        };
        self.progress.set(None);
        let steps = self.view.get_untracked().map_or(0, |v| v.steps);
        let ran = steps.saturating_sub(progress.from);
        if !was_running || ran < SLICE {
            return;
        }
        let mut activity = None;
        self.session.update_value(|s| {
            activity = s.as_mut().and_then(|s| s.activity(ran.min(SLICE)));
        });
        // A compiled program's labels are its functions' blocks (`main.3`): the function
        // is what the student wrote.
        if self.language.get_untracked() != Language::Asm
            && let Some(a) = &mut activity
        {
            a.label = a
                .label
                .as_deref()
                .and_then(|l| l.split('.').next())
                .map(String::from);
        }
        self.note
            .set(Some(notes::long_run_note(verb, steps, activity.as_ref())));
    }

    /// Runs a motion that does not start a run (stepping, going back, seeking).
    fn motion(self, motion: Motion) {
        self.running.set(false);
        self.progress.set(None);
        self.ensure_compiled();
        if self.ensure_session() {
            let slice = if motion == Motion::Step(1) { 1 } else { SLICE };
            self.act(motion, slice);
        }
    }

    fn run_to_cursor(self) {
        let line = self
            .editor
            .with_value(|e| e.as_ref().map(crate::editor::current_cursor_line));
        self.ensure_compiled();
        if !self.ensure_session() {
            return;
        }
        let location = line.and_then(|l| {
            self.session
                .with_value(|s| s.as_ref().and_then(|s| s.location_of_line(l)))
        });
        if let Some(location) = location {
            self.motion(Motion::RunTo(location));
        }
    }

    fn dispatch(self, command: Command) {
        if command != Command::Pause {
            self.note.set(None);
        }
        match command {
            Command::Run => self.run(),
            Command::Pause => self.halt_run("Paused"),
            Command::Stop => {
                self.halt_run("Stopped");
                self.session.set_value(None);
                self.view.set(None);
            }
            Command::Step => self.motion(Motion::Step(1)),
            Command::StepBack => self.motion(Motion::StepBack(1)),
            Command::StepLine => self.motion(Motion::StepLine),
            Command::StepLineBack => self.motion(Motion::StepLineBack),
            Command::StepOver => self.motion(Motion::StepOver),
            Command::StepOut => self.motion(Motion::StepOut),
            Command::RunToCursor => self.run_to_cursor(),
            Command::RunBack => self.motion(Motion::ContinueBack),
            Command::Reset => {
                self.running.set(false);
                self.progress.set(None);
                self.ensure_compiled();
                self.start();
            }
        }
    }

    /// Whether a command can be given now.
    fn enabled(self, command: Command) -> bool {
        let compiles = self.compilation.with(|c| c.is_ok());
        match command {
            Command::Run => compiles && !self.running.get(),
            Command::Pause => self.running.get(),
            Command::Stop => true,
            Command::StepBack | Command::RunBack | Command::StepLineBack => {
                self.record.get() && self.view.with(|v| v.as_ref().is_some_and(|v| v.steps > 0))
            }
            _ => compiles,
        }
    }
}

#[component]
pub(crate) fn App() -> impl IntoView {
    // Which language and document are open: in each language, the student's own program
    // ("mine") or an example, each saved on its own so that opening an example or switching
    // language never throws away what the student typed. A link's `?lang=c&example=fib`
    // opens that example.
    let (first_language, first_document) = documents::opening(
        query("lang").as_deref(),
        query("example").as_deref(),
        storage::load(documents::LANGUAGE_KEY).as_deref(),
        |l| storage::load(&documents::open_key(l)),
    );
    storage::save(documents::LANGUAGE_KEY, first_language.extension());
    storage::save(&documents::open_key(first_language), &first_document);
    let language = RwSignal::new(first_language);
    let document = RwSignal::new(first_document);
    let initial = documents::text(first_language, &document.get_untracked());
    let replace = RwSignal::new(None::<String>);
    let first = compile(first_language, &initial, true);
    let studio = Studio {
        language,
        optimize: RwSignal::new(true),
        ir: RwSignal::new(Arc::new(engine::ir_listing(&first, &initial))),
        source: RwSignal::new(initial.clone()),
        cards: RwSignal::new(documents::cards(first_language, &document.get_untracked())),
        breakpoint_lines: RwSignal::new(Vec::new()),
        watched: RwSignal::new(BTreeSet::new()),
        editor: StoredValue::new_local(None),
        compilation: RwSignal::new(Arc::new(first)),
        generation: StoredValue::new(0),
        compiled_generation: StoredValue::new(0),
        session: StoredValue::new_local(None),
        view: RwSignal::new(None),
        running: RwSignal::new(false),
        record: RwSignal::new(query("record").as_deref() != Some("off")),
        speed: RwSignal::new(0),
        card_error: RwSignal::new(None),
        note: RwSignal::new(None),
        focus: RwSignal::new(None),
        progress: RwSignal::new(None),
        drawn: StoredValue::new(0.0),
    };
    let Studio {
        optimize,
        source,
        cards,
        compilation,
        view,
        running,
        record,
        speed,
        card_error,
        note,
        progress,
        ..
    } = studio;
    let link = RwSignal::new(Link::default());

    // Compile on each edit, after a short pause in typing; save the text at once. (A
    // document opened is compiled as it opens, and the editor's echo of it is no edit.)
    let on_change = Callback::new(move |text: String| {
        if source.with_untracked(|s| *s == text) {
            return;
        }
        let key = documents::doc_key(language.get_untracked(), &document.get_untracked());
        storage::save(&key, &text);
        source.set(text);
        studio.edited();
        let generation = studio.generation;
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    studio.ensure_compiled();
                }
            },
            DEBOUNCE,
        );
    });
    let on_breakpoints = Callback::new(move |lines: Vec<u32>| {
        studio.session.update_value(|s| {
            if let Some(s) = s {
                s.set_line_breakpoints(&lines);
            }
        });
        studio.breakpoint_lines.set(lines);
    });

    let markers = Signal::derive(move || {
        let text = source.get();
        compilation
            .get()
            .diagnostics
            .iter()
            .map(|d| markers::marker(&text, d))
            .collect::<Vec<_>>()
    });
    let current_line = Signal::derive(move || view.get().and_then(|v| v.line));
    let listing: Memo<Arc<Vec<ListingRow>>> =
        Memo::new(move |_| Arc::new(engine::listing(&compilation.get())));
    let ir_rows: Memo<Arc<Vec<IrRow>>> = Memo::new(move |_| studio.ir.get());
    let current = Memo::new(move |_| view.with(|v| v.as_ref().map(|v| v.location)));
    let current_ir = Memo::new(move |_| {
        let pc = current.get()?;
        listing.with(|rows| rows.get(pc as usize).and_then(|r| r.ir))
    });
    let linked_line = Signal::derive(move || link.get().line());
    let compiled_language = Memo::new(move |_| language.get() != Language::Asm);

    // Opens a document: its text and cards, compiled at once, in its language.
    let open = move |to: Language, name: String| {
        storage::save(documents::LANGUAGE_KEY, to.extension());
        storage::save(&documents::open_key(to), &name);
        let text = documents::text(to, &name);
        language.set(to);
        document.set(name.clone());
        cards.set(documents::cards(to, &name));
        studio.card_error.set(None);
        studio.note.set(None);
        link.set(Link::default());
        studio.breakpoint_lines.set(Vec::new());
        source.set(text.clone());
        studio.recompile();
        replace.set(Some(text));
    };
    let on_open = move |ev| open(language.get_untracked(), event_target_value(&ev));
    let on_language = move |ev| {
        if let Some(to) = documents::language(&event_target_value(&ev))
            && to != language.get_untracked()
        {
            open(to, documents::reopen(to));
        }
    };
    let on_seek = move |ev| {
        if let Ok(step) = event_target_value(&ev).parse::<u64>() {
            studio.note.set(None);
            studio.motion(Motion::Seek(step));
        }
    };

    // Keyboard shortcuts: Alt with a key, so that typing in the editor is never taken.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        if let Some(command) = crate::toolbar::shortcut(&ev.code()) {
            studio.dispatch(command);
            ev.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());

    let on_command = Callback::new(move |command| studio.dispatch(command));
    let enabled = Callback::new(move |command| studio.enabled(command));
    let ensure_session = Callback::new(move |()| {
        studio.ensure_compiled();
        studio.ensure_session()
    });

    view! {
        <header class="top">
            <h1>"Babbage Studio"</h1>
            <Appearance />
            <label>
                "Language "
                // Every language is listed; those the engine cannot compile yet are
                // disabled until it can.
                <select data-testid="language" on:change=on_language>
                    {Language::ALL.into_iter().map(|l| {
                        let offered = l.is_available();
                        view! {
                            <option value=l.extension() disabled=!offered
                                selected=move || language.get() == l
                                prop:selected=move || language.get() == l>
                                {l.name()}{(!offered).then_some(" (coming)")}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </label>
        </header>
        <main class="studio">
            <section class="source" aria-label="Program">
                <label class="examples">
                    "Program "
                    <select data-testid="examples" on:change=on_open>
                        <option value=MINE selected=move || document.get() == MINE
                            prop:selected=move || document.get() == MINE>"My program"</option>
                        {move || examples::examples(language.get()).iter().map(|e| view! {
                            <option value=e.name selected=move || document.get() == e.name
                                prop:selected=move || document.get() == e.name>{format!("Example: {}", e.title)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <div class="code">
                    <Editor initial=initial language=language.into() on_change=on_change on_breakpoints=on_breakpoints cursor=studio.editor
                        replace=replace.into() markers=markers current_line=current_line
                        linked_line=linked_line link=link />
                    <div class="program-view">
                        <Show when=move || compiled_language.get()>
                            <div class="program-head">
                                <h2>"IR"</h2>
                                <label title="Constant folding, copy propagation and dead-code removal; the output never changes">
                                    <input type="checkbox" data-testid="optimize" prop:checked=move || optimize.get()
                                        on:change=move |ev| {
                                            optimize.set(event_target_checked(&ev));
                                            studio.recompile();
                                        } />
                                    " Optimise"
                                </label>
                            </div>
                            <IrView rows=ir_rows current=current_ir link=link />
                        </Show>
                        <h2>"Machine program"
                            <span class="count" data-testid="program-length">{move || {
                                let n = listing.with(|rows| rows.len());
                                (n > 0).then(|| format!(" · {n} instructions"))
                            }}</span>
                        </h2>
                        <ProgramView listing=listing current=current link=link />
                    </div>
                </div>
                <label class="cards">
                    "Number cards "
                    <input type="text" data-testid="input-cards" placeholder="e.g. 5 -17, 3"
                        prop:value=move || cards.get()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            storage::save(&documents::cards_key(language.get_untracked(), &document.get_untracked()), &text);
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
                            // Its place is a button that puts the editor's cursor there.
                            let from = markers::utf16_offset(&text, d.span.start);
                            let go = move |_| studio.editor.with_value(|e| {
                                if let Some(e) = e {
                                    crate::editor::go_to(e, from);
                                }
                            });
                            view! {
                                <li data-testid="diagnostic">
                                    <button type="button" class="goto" on:click=go
                                        title="Show it in the editor">{format!("line {}:{}", at.line, at.col)}</button>
                                    {format!(": {}", d.message)}
                                    {(!hints.is_empty()).then(|| format!(" (hint: {hints})"))}
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
            </section>
            <section class="debugger" aria-label="Debugger">
                <Toolbar on_command=on_command enabled=enabled />
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
                                progress.set(None);
                                studio.start();
                            } />
                        " Record history for stepping back"
                    </label>
                </div>
                <Help />
                <label class="timeline">
                    "Timeline "
                    <input type="range" data-testid="timeline" min="0"
                        max=move || view.get().map_or(0, |v| v.frontier).to_string()
                        prop:value=move || view.get().map_or(0, |v| v.steps).to_string()
                        disabled=move || view.get().is_none()
                        on:input=on_seek />
                </label>
                <p class="status">
                    "Step " <span data-testid="steps">{move || view.get().map_or(0, |v| v.steps)}</span>
                    " · engine time " <span data-testid="engine-time">{move || view.get().map_or("0 s".to_string(), |v| v.engine_time.to_string())}</span>
                    {move || {
                        // C's `main` returns a value: shown once the run has ended normally.
                        let halted = view.with(|v| v.as_ref().is_some_and(|v| v.end == Some(RunEnd::Halted)));
                        (halted && compilation.with(|c| c.has_result())).then(|| {
                            let value = view.with(|v| v.as_ref().and_then(|v| v.registers.first()).map(|r| r.value.to_string()));
                            view! { " · main returned " <span data-testid="result">{value}</span> }
                        })
                    }}
                </p>
                <p class="progress" data-testid="progress" aria-live="off">{move || {
                    let p = progress.get()?;
                    running.get().then_some(())?;
                    let steps = view.get().map_or(0, |v| v.steps);
                    let speed = speed.get();
                    Some(if speed == 0 && p.per_second > 0.0 {
                        format!("Running: {} steps, {}", notes::grouped(steps), notes::speed(p.per_second))
                    } else {
                        format!("Running: {} steps", notes::grouped(steps))
                    })
                }}</p>
                <p class="note" data-testid="run-note" role="status">{move || note.get()}</p>
                <p class="fault" data-testid="fault" role="alert">{move || match view.get().and_then(|v| v.end) {
                    Some(RunEnd::Faulted(e)) => match e.line {
                        Some(line) => format!("line {line}: {}", e.message),
                        None => e.message,
                    },
                    _ => String::new(),
                }}</p>
                <Mill view=view />
                <Printer view=view />
                <div class="memory">
                    <div class="store-panel">
                        <Store session=studio.session view=view watched=studio.watched focus=studio.focus ensure_session=ensure_session />
                    </div>
                    <div class="stack-panel">
                        <Stack view=view />
                    </div>
                </div>
            </section>
        </main>
    }
}

/// A parameter of the page's address.
fn query(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

fn compile(language: Language, source: &str, optimize: bool) -> Compilation {
    engine::compile_with(
        language,
        &format!("program.{}", language.extension()),
        source,
        &NoFiles,
        CompileOptions { optimize },
    )
}
