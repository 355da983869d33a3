//! The code editor: CodeMirror 6 (bundled into `editor.js`) wrapped in one component.

use engine::Language;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::*;

use crate::markers::Marker;
use crate::program_view::{Link, Target};

#[wasm_bindgen]
extern "C" {
    /// A CodeMirror `EditorView`.
    #[derive(Clone)]
    pub(crate) type EditorView;

    #[wasm_bindgen(js_namespace = babbageEditor, js_name = create)]
    fn create(
        parent: &web_sys::HtmlElement,
        doc: &str,
        extension: &str,
        on_change: &Closure<dyn Fn(String)>,
        on_breakpoints: &Closure<dyn Fn(Vec<u32>)>,
        on_hover: &Closure<dyn Fn(u32)>,
        on_choose: &Closure<dyn Fn(u32)>,
    ) -> EditorView;

    #[wasm_bindgen(js_namespace = babbageEditor, js_name = cursorLine)]
    fn cursor_line(view: &EditorView) -> u32;

    #[wasm_bindgen(js_namespace = babbageEditor, js_name = goTo)]
    fn go_to_offset(view: &EditorView, offset: u32);

    #[wasm_bindgen(js_namespace = babbageEditor, js_name = setText)]
    fn set_text(view: &EditorView, text: &str);

    #[wasm_bindgen(js_namespace = babbageEditor, js_name = setLanguage)]
    fn set_language(view: &EditorView, extension: &str);

    #[wasm_bindgen(js_namespace = babbageEditor, js_name = setDiagnostics)]
    fn set_diagnostics(view: &EditorView, diagnostics: JsValue);

    #[wasm_bindgen(js_namespace = babbageEditor, js_name = setCurrentLine)]
    fn set_current_line(view: &EditorView, line: JsValue);

    #[wasm_bindgen(js_namespace = babbageEditor, js_name = setLinkedLine)]
    fn set_linked_line(view: &EditorView, line: JsValue);
}

/// The 1-based line the editor's cursor is on.
pub(crate) fn current_cursor_line(editor: &EditorView) -> u32 {
    cursor_line(editor)
}

/// Puts the editor's cursor at a UTF-16 offset, in view, and the focus in the editor.
pub(crate) fn go_to(editor: &EditorView, offset: usize) {
    go_to_offset(editor, offset as u32);
}

/// The editor, showing `initial`; calls `on_change` with the whole text after every edit
/// (and after `replace` puts a new text in), and follows `language` (its highlighting),
/// `markers`, `current_line` and `linked_line`. The line pointed at and the line clicked
/// go into `link`.
#[component]
pub(crate) fn Editor(
    initial: String,
    language: Signal<Language>,
    on_change: Callback<String>,
    on_breakpoints: Callback<Vec<u32>>,
    replace: Signal<Option<String>>,
    cursor: StoredValue<Option<EditorView>, LocalStorage>,
    markers: Signal<Vec<Marker>>,
    current_line: Signal<Option<u32>>,
    linked_line: Signal<Option<u32>>,
    link: RwSignal<Link>,
) -> impl IntoView {
    let host = NodeRef::<Div>::new();
    let view: StoredValue<Option<EditorView>, LocalStorage> = StoredValue::new_local(None);
    host.on_load(move |element| {
        let closure = Closure::<dyn Fn(String)>::new(move |text: String| on_change.run(text));
        let lines = Closure::<dyn Fn(Vec<u32>)>::new(move |l: Vec<u32>| on_breakpoints.run(l));
        let hover = Closure::<dyn Fn(u32)>::new(move |line: u32| {
            link.update(|l| l.hover = (line > 0).then(|| Target::line(line)));
        });
        let choose = Closure::<dyn Fn(u32)>::new(move |line: u32| {
            link.update(|l| l.chosen = Some(Target::line(line)));
        });
        let extension = language.get_untracked().extension();
        let editor = create(
            &element, &initial, extension, &closure, &lines, &hover, &choose,
        );
        // The editor lives as long as the page, and so do its callbacks.
        closure.forget();
        lines.forget();
        hover.forget();
        choose.forget();
        cursor.set_value(Some(editor.clone()));
        view.set_value(Some(editor));
    });
    Effect::new(move |_| {
        let markers = markers.get();
        view.with_value(|editor| {
            if let Some(editor) = editor {
                let list = js_sys_array(&markers);
                set_diagnostics(editor, list);
            }
        });
    });
    Effect::new(move |_| {
        let extension = language.get().extension();
        view.with_value(|editor| {
            if let Some(editor) = editor {
                set_language(editor, extension);
            }
        });
    });
    Effect::new(move |_| {
        if let Some(text) = replace.get() {
            view.with_value(|editor| {
                if let Some(editor) = editor {
                    set_text(editor, &text);
                }
            });
        }
    });
    Effect::new(move |_| {
        let line = current_line.get();
        view.with_value(|editor| {
            if let Some(editor) = editor {
                set_current_line(editor, line.map_or(JsValue::NULL, JsValue::from));
            }
        });
    });
    Effect::new(move |_| {
        let line = linked_line.get();
        view.with_value(|editor| {
            if let Some(editor) = editor {
                set_linked_line(editor, line.map_or(JsValue::NULL, JsValue::from));
            }
        });
    });
    view! { <div class="editor" data-testid="editor" node_ref=host></div> }
}

/// Markers as a JavaScript array of `{from, to, severity, message}`.
fn js_sys_array(markers: &[Marker]) -> JsValue {
    let array = js_sys::Array::new();
    for marker in markers {
        let object = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &value);
        };
        set("from", JsValue::from(marker.from as u32));
        set("to", JsValue::from(marker.to as u32));
        set("severity", JsValue::from_str("error"));
        set("message", JsValue::from_str(&marker.message));
        array.push(&object);
    }
    array.into()
}
