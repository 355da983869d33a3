// The code editor: CodeMirror 6, bundled by esbuild into public/editor.js and wrapped by
// the Leptos `Editor` component through `globalThis.babbageEditor`.
import { EditorState, StateEffect, StateField } from "@codemirror/state";
import {
  EditorView, Decoration, keymap, lineNumbers, highlightActiveLine, drawSelection,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { StreamLanguage, syntaxHighlighting, HighlightStyle } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { linter, lintGutter, setDiagnostics } from "@codemirror/lint";

// Babbage assembly: mnemonics, registers, directives, labels, numbers, literals, comments.
const MNEMONICS = new Set(("NOP HALT LOAD MOV STOR ADD SUB MULT DIV REM NEG ABS SQRT SHL SHR CMP " +
  "JMP JZ JEQ JNZ JNE JLT JGE JGT JLE CALL RET PUSH POP RDCRD WRPRN WRCHR BELL").split(" "));
const REGISTERS = new Set(["A", "B", "C", "D", "SP"]);
const assembly = StreamLanguage.define({
  name: "babbage-assembly",
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

// Token colours come from the page's theme (styles/app.css), so every theme keeps its contrast.
const highlight = HighlightStyle.define([
  { tag: tags.comment, color: "var(--syntax-comment)", fontStyle: "italic" },
  { tag: tags.keyword, color: "var(--syntax-keyword)", fontWeight: "600" },
  { tag: tags.string, color: "var(--syntax-string)" },
  { tag: tags.number, color: "var(--syntax-number)" },
  { tag: tags.labelName, color: "var(--syntax-label)", fontWeight: "600" },
  { tag: tags.special(tags.variableName), color: "var(--syntax-register)" },
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

globalThis.babbageEditor = {
  // Creates an editor in `parent` holding `doc`; `onChange(text)` follows every edit.
  create(parent, doc, onChange) {
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc,
        extensions: [
          lineNumbers(), history(), drawSelection(), highlightActiveLine(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          assembly, syntaxHighlighting(highlight), lintGutter(), linter(null),
          currentLine,
          EditorView.contentAttributes.of({ "aria-label": "Program source" }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    return view;
  },
  // Replaces the document (loading an example).
  setText(view, text) {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  },
  // Shows diagnostics: [{from, to, severity, message}] in UTF-16 offsets.
  setDiagnostics(view, diagnostics) {
    const length = view.state.doc.length;
    const clamp = (n) => Math.max(0, Math.min(length, n));
    view.dispatch(setDiagnostics(view.state, diagnostics.map((d) => ({
      from: clamp(d.from), to: clamp(Math.max(d.from, d.to)), severity: d.severity, message: d.message,
    }))));
  },
  // Highlights a 1-based line, or none with null.
  setCurrentLine(view, line) {
    view.dispatch({ effects: setCurrentLine.of(line) });
  },
};
