// The code editor: CodeMirror 6, bundled by esbuild into public/editor.js and wrapped by
// the Leptos `Editor` component through `globalThis.babbageEditor`.
import { EditorState, StateEffect, StateField, RangeSet, Compartment } from "@codemirror/state";
import {
  EditorView, Decoration, keymap, lineNumbers, highlightActiveLine, drawSelection,
  gutter, GutterMarker,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  StreamLanguage, syntaxHighlighting, HighlightStyle, indentUnit, indentOnInput, bracketMatching,
} from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { linter, lintGutter, setDiagnostics } from "@codemirror/lint";
import { c } from "@codemirror/legacy-modes/mode/clike";
import { python } from "@codemirror/legacy-modes/mode/python";

// Babbage assembly: mnemonics, registers, directives, labels, numbers, literals, comments.
const MNEMONICS = new Set(("NOP HALT LOAD MOV STOR ADD SUB MULT DIV REM NEG ABS SQRT SHL SHR CMP " +
  "JMP JZ JEQ JNZ JNE JLT JGE JGT JLE CALL RET PUSH POP RDCRD WRPRN WRCHR BELL").split(" "));
const REGISTERS = new Set(["A", "B", "C", "D", "SP"]);
const assembly = StreamLanguage.define({
  name: "babbage-assembly",
  languageData: { commentTokens: { line: ";" } },
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match(/^[;#].*/)) return "comment";
    if (stream.match(/^'(\\.|[^'\\])*'/)) return "string";
    if (stream.match(/^"(\\.|[^"\\])*"?/)) return "string";
    if (stream.match(/^\.[A-Za-z]+/)) return "keyword";
    if (stream.match(/^[+-]?\d[\d_]*/)) return "number";
    if (stream.match(/^[A-Za-z_][A-Za-z0-9_.]*:/)) return "labelName";
    const word = stream.match(/^[A-Za-z_][A-Za-z0-9_.]*/);
    if (word) {
      const upper = word[0].toUpperCase();
      if (MNEMONICS.has(upper)) return "keyword";
      if (REGISTERS.has(upper)) return "variableName.special";
      return "variableName";
    }
    stream.next();
    return null;
  },
});

// Each language the studio offers, by file extension: its highlighting and its indent.
const LANGUAGES = {
  basm: [assembly, indentUnit.of("        ")],
  c: [StreamLanguage.define(c), indentUnit.of("    ")],
  py: [StreamLanguage.define(python), indentUnit.of("    ")],
};
const languageOf = (extension) => LANGUAGES[extension] ?? LANGUAGES.basm;

// Token colours come from the page's theme (styles/app.css), so every theme keeps its contrast.
const highlight = HighlightStyle.define([
  { tag: tags.comment, color: "var(--syntax-comment)", fontStyle: "italic" },
  { tag: tags.keyword, color: "var(--syntax-keyword)", fontWeight: "600" },
  { tag: tags.string, color: "var(--syntax-string)" },
  { tag: tags.number, color: "var(--syntax-number)" },
  { tag: tags.labelName, color: "var(--syntax-label)", fontWeight: "600" },
  { tag: tags.special(tags.variableName), color: "var(--syntax-register)" },
  { tag: tags.typeName, color: "var(--syntax-keyword)" },
  { tag: [tags.atom, tags.bool], color: "var(--syntax-number)" },
  { tag: tags.meta, color: "var(--syntax-label)" },
  { tag: tags.definition(tags.variableName), color: "var(--syntax-label)", fontWeight: "600" },
  { tag: tags.standard(tags.variableName), color: "var(--syntax-register)" },
]);

// The line the debugger is on, highlighted.
const setCurrentLine = StateEffect.define();
const currentLine = StateField.define({
  create: () => Decoration.none,
  update(decorations, tr) {
    decorations = decorations.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(setCurrentLine)) {
        const line = effect.value;
        if (line === null || line < 1 || line > tr.state.doc.lines) return Decoration.none;
        const from = tr.state.doc.line(line).from;
        return Decoration.set([Decoration.line({ class: "cm-current-step" }).range(from)]);
      }
    }
    return decorations;
  },
  provide: (field) => EditorView.decorations.from(field),
});

// The line linked to the instructions pointed at in the program view.
const setLinkedLine = StateEffect.define();
const linkedLine = StateField.define({
  create: () => Decoration.none,
  update(decorations, tr) {
    decorations = decorations.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(setLinkedLine)) {
        const line = effect.value;
        if (line === null || line < 1 || line > tr.state.doc.lines) return Decoration.none;
        const from = tr.state.doc.line(line).from;
        return Decoration.set([Decoration.line({ class: "cm-linked-line" }).range(from)]);
      }
    }
    return decorations;
  },
  provide: (field) => EditorView.decorations.from(field),
});

// Pointing at a line (or tapping it) tells the program view which instructions to
// highlight: `onHover(line)` with 0 when the pointer leaves, `onChoose(line)` on a click.
function pointer(onHover, onChoose) {
  let hovered = 0;
  const lineAt = (view, event) => {
    const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
    return pos === null ? 0 : view.state.doc.lineAt(pos).number;
  };
  return EditorView.domEventHandlers({
    mousemove(event, view) {
      const line = lineAt(view, event);
      if (line !== hovered) { hovered = line; onHover(line); }
    },
    mouseleave() {
      if (hovered !== 0) { hovered = 0; onHover(0); }
    },
    click(event, view) {
      const line = lineAt(view, event);
      if (line !== 0) onChoose(line);
    },
  });
}

// Breakpoints: a gutter of markers that follow their lines through edits. A click on the
// gutter or F9 on a line toggles one; every change is reported with the lines that have one.
const toggleBreakpoint = StateEffect.define();
const clearBreakpoints = StateEffect.define();
const breakpointMarker = new (class extends GutterMarker {
  toDOM() {
    const dot = document.createElement("span");
    dot.className = "cm-breakpoint";
    dot.textContent = "●";
    return dot;
  }
})();
const breakpoints = StateField.define({
  create: () => RangeSet.empty,
  update(set, tr) {
    set = set.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(clearBreakpoints)) set = RangeSet.empty;
      if (!effect.is(toggleBreakpoint)) continue;
      let present = false;
      set.between(effect.value, effect.value, () => { present = true; });
      set = present
        ? set.update({ filter: (from) => from !== effect.value })
        : set.update({ add: [breakpointMarker.range(effect.value)] });
    }
    return set;
  },
});
function breakpointLines(state) {
  const lines = [];
  const iter = state.field(breakpoints).iter();
  for (; iter.value; iter.next()) lines.push(state.doc.lineAt(iter.from).number);
  return [...new Set(lines)];
}
function toggleAt(view, pos) {
  view.dispatch({ effects: toggleBreakpoint.of(view.state.doc.lineAt(pos).from) });
  return true;
}

// The language's part of the editor's configuration, replaced when the student switches.
const language = new Compartment();

globalThis.babbageEditor = {
  // Creates an editor in `parent` holding `doc` in the language with file extension
  // `extension` (`basm`, `c`, `py`); `onChange(text)` follows every edit,
  // `onBreakpoints(lines)` every change to the breakpoints, and `onHover(line)` and
  // `onChoose(line)` the line pointed at and clicked.
  create(parent, doc, extension, onChange, onBreakpoints, onHover, onChoose) {
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc,
        extensions: [
          breakpoints,
          gutter({
            class: "cm-breakpoint-gutter",
            markers: (view) => view.state.field(breakpoints),
            initialSpacer: () => breakpointMarker,
            domEventHandlers: { mousedown: (view, line) => toggleAt(view, line.from) },
          }),
          lineNumbers(), history(), drawSelection(), highlightActiveLine(), indentOnInput(), bracketMatching(),
          keymap.of([
            { key: "F9", run: (view) => toggleAt(view, view.state.selection.main.head) },
            ...defaultKeymap, ...historyKeymap, indentWithTab,
          ]),
          language.of(languageOf(extension)), syntaxHighlighting(highlight), lintGutter(), linter(null),
          currentLine, linkedLine, pointer(onHover, onChoose),
          // A tab stop of its own, so that the scrolling editor is reachable from the keyboard.
          EditorView.contentAttributes.of({ "aria-label": "Program source", tabindex: "0" }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChange(update.state.doc.toString());
            const before = breakpointLines(update.startState);
            const after = breakpointLines(update.state);
            if (before.join() !== after.join()) onBreakpoints(after);
          }),
        ],
      }),
    });
    return view;
  },
  // Replaces the document (opening another one), and its breakpoints with none.
  setText(view, text) {
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: text },
      effects: clearBreakpoints.of(null),
    });
  },
  // Highlights and indents the document as the language with this file extension.
  setLanguage(view, extension) {
    view.dispatch({ effects: language.reconfigure(languageOf(extension)) });
  },
  // Shows diagnostics: [{from, to, severity, message}] in UTF-16 offsets.
  setDiagnostics(view, diagnostics) {
    const length = view.state.doc.length;
    const clamp = (n) => Math.max(0, Math.min(length, n));
    view.dispatch(setDiagnostics(view.state, diagnostics.map((d) => ({
      from: clamp(d.from), to: clamp(Math.max(d.from, d.to)), severity: d.severity, message: d.message,
    }))));
  },
  // Puts the cursor at a UTF-16 offset, scrolled into view, and the focus in the editor.
  goTo(view, offset) {
    const at = Math.max(0, Math.min(view.state.doc.length, offset));
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
    view.focus();
  },
  // The 1-based line the cursor is on.
  cursorLine(view) {
    return view.state.doc.lineAt(view.state.selection.main.head).number;
  },
  // Highlights a 1-based line, or none with null.
  setCurrentLine(view, line) {
    view.dispatch({ effects: setCurrentLine.of(line) });
  },
  // Marks the 1-based line linked to the instructions pointed at, or none with null.
  setLinkedLine(view, line) {
    view.dispatch({ effects: setLinkedLine.of(line) });
  },
};
