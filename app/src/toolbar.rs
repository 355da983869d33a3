//! The debugger's controls: one table gives each command its button, its keyboard shortcut
//! (Alt with a key) and its line in the help panel.

use leptos::prelude::*;

/// What the student can ask the debugger to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Command {
    Run,
    Pause,
    Stop,
    Step,
    StepBack,
    StepLine,
    StepLineBack,
    StepOver,
    StepOut,
    RunToCursor,
    RunBack,
    Reset,
}

/// A command's button and shortcut.
pub(crate) struct Control {
    pub(crate) command: Command,
    /// The button's text.
    label: &'static str,
    /// The button's `data-testid`.
    testid: &'static str,
    /// The key, by position (`KeyboardEvent.code`), as Alt changes the character a key
    /// gives on some systems.
    code: &'static str,
    /// The key as the help panel shows it.
    key: &'static str,
    /// What it does, for the help panel.
    help: &'static str,
}

/// The controls in toolbar order.
pub(crate) const CONTROLS: [Control; 12] = [
    control(Command::Run, "Run", "run", "KeyR", "R", "Run (or continue)"),
    control(Command::Pause, "Pause", "pause", "KeyP", "P", "Pause"),
    control(Command::Stop, "Stop", "stop", "KeyX", "X", "Stop"),
    control(
        Command::Step,
        "Step",
        "step",
        "KeyS",
        "S",
        "Step one instruction",
    ),
    control(
        Command::StepBack,
        "Step back",
        "step-back",
        "KeyB",
        "B",
        "Step back",
    ),
    control(
        Command::StepLine,
        "Step line",
        "step-line",
        "KeyL",
        "L",
        "Step one source line",
    ),
    control(
        Command::StepLineBack,
        "Line back",
        "step-line-back",
        "KeyJ",
        "J",
        "Step back one source line",
    ),
    control(
        Command::StepOver,
        "Step over",
        "step-over",
        "KeyO",
        "O",
        "Step over a call",
    ),
    control(
        Command::StepOut,
        "Step out",
        "step-out",
        "KeyU",
        "U",
        "Step out of a call",
    ),
    control(
        Command::RunToCursor,
        "Run to cursor",
        "run-to-cursor",
        "KeyC",
        "C",
        "Run to the line the cursor is on",
    ),
    control(
        Command::RunBack,
        "Run back",
        "run-back",
        "KeyK",
        "K",
        "Run back to the previous breakpoint or watchpoint",
    ),
    control(
        Command::Reset,
        "Reset",
        "reset",
        "Digit0",
        "0",
        "Reset to the start",
    ),
];

const fn control(
    command: Command,
    label: &'static str,
    testid: &'static str,
    code: &'static str,
    key: &'static str,
    help: &'static str,
) -> Control {
    Control {
        command,
        label,
        testid,
        code,
        key,
        help,
    }
}

/// The command whose shortcut is Alt with the key at this position.
pub(crate) fn shortcut(code: &str) -> Option<Command> {
    CONTROLS.iter().find(|c| c.code == code).map(|c| c.command)
}

/// The row of buttons; `enabled` says which commands can be given now.
#[component]
pub(crate) fn Toolbar(
    on_command: Callback<Command>,
    enabled: Callback<Command, bool>,
) -> impl IntoView {
    view! {
        <div class="toolbar" role="toolbar" aria-label="Run controls">
            {CONTROLS.iter().map(|c| {
                let command = c.command;
                view! {
                    <button data-testid=c.testid aria-keyshortcuts=format!("Alt+{}", c.key)
                        on:click=move |_| on_command.run(command)
                        disabled=move || !enabled.run(command)>{c.label}</button>
                }
            }).collect_view()}
        </div>
    }
}

/// The keyboard shortcuts, listed.
#[component]
pub(crate) fn Help() -> impl IntoView {
    view! {
        <details class="help">
            <summary>"Keyboard shortcuts"</summary>
            <dl>
                {CONTROLS.iter().map(|c| view! {
                    <dt><kbd>{format!("Alt+{}", c.key)}</kbd></dt><dd>{c.help}</dd>
                }).collect_view()}
                <dt><kbd>"F9"</kbd></dt><dd>"Set or clear a breakpoint on the editor's line (or click the gutter)"</dd>
            </dl>
        </details>
    }
}
