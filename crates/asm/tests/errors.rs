//! Table-style tests of programs that do not assemble: each case is a source text and
//! its diagnostics, rendered as the command line shows them, covering every error code.

#[path = "support/check.rs"]
mod support;

use asm::assemble;
use expect_test::expect;
use support::check;

#[test]
fn garbled_words_give_one_diagnostic() {
    // A stray character inside a word is reported once; the rest of the line still counts
    // (the label is dropped, the instruction kept), and nothing else is said about it.
    check(
        "café: NOP\n        LO§D A, 1\n        JMP 2\n        LOAD B, -_5\n",
        expect![[r#"
            t.basm:1:4: error: unexpected character `é` [asm/unexpected-char]
            café: NOP
               ^
            t.basm:2:11: error: unexpected character `§` [asm/unexpected-char]
                    LO§D A, 1
                      ^
            t.basm:4:17: error: misplaced `_` in the number `-_5` [asm/bad-number]
                    LOAD B, -_5
                            ^^^
              = hint: `_` may only stand between two digits, as in `1_000_000`
        "#]],
    );
}

#[test]
fn lexical_errors() {
    check(
        r#"
        WRCHR 'ab'
        WRCHR ''
        WRCHR 'b  ; it's open
        WRCHR '\q'
.data s "unterminated ; not a comment
        LOAD A, @x
        LOAD A, 12abc
        LOAD A, 1.5
        LOAD A, 0x10
        LOAD A, 1__0
        LOAD A, 100000000000000000000000000000000000000000000000000
"#,
        expect![[r#"
            t.basm:2:15: error: character literal `'ab'` holds more than one character [asm/bad-char]
                    WRCHR 'ab'
                          ^^^^
              = hint: text belongs in a string in `.data`, as in `.data msg "text"`
            t.basm:3:15: error: empty character literal `''` [asm/bad-char]
                    WRCHR ''
                          ^^
              = hint: a character literal holds exactly one character, as in `'x'` or `'\''`
            t.basm:4:15: error: unterminated character literal `'b` [asm/unterminated-char]
                    WRCHR 'b  ; it's open
                          ^^
              = hint: close it with `'`, as in `'x'`
            t.basm:5:16: error: unknown escape `\q` [asm/bad-escape]
                    WRCHR '\q'
                           ^^
              = hint: the escapes are `\n`, `\t`, `\r`, `\0`, `\\`, `\'` and `\"`
            t.basm:6:9: error: unterminated string `"unterminated ; not a comment` [asm/unterminated-string]
            .data s "unterminated ; not a comment
                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              = hint: close it with `"` on the same line
            t.basm:7:17: error: unexpected character `@` [asm/unexpected-char]
                    LOAD A, @x
                            ^
            t.basm:8:17: error: invalid number `12abc` [asm/bad-number]
                    LOAD A, 12abc
                            ^^^^^
              = hint: a number is decimal digits, with `_` allowed between two digits
            t.basm:9:17: error: invalid number `1.5` [asm/bad-number]
                    LOAD A, 1.5
                            ^^^
              = hint: the Engine has no fractions: scale by a power of ten (see `SHL` and `SHR`)
            t.basm:10:17: error: invalid number `0x10` [asm/bad-number]
                    LOAD A, 0x10
                            ^^^^
              = hint: numbers are written in decimal
            t.basm:11:17: error: misplaced `_` in the number `1__0` [asm/bad-number]
                    LOAD A, 1__0
                            ^^^^
              = hint: `_` may only stand between two digits, as in `1_000_000`
            t.basm:12:17: error: the number `1000000000000000000000000000000000000000…` has more than 50 digits [asm/number-too-large]
                    LOAD A, 100000000000000000000000000000000000000000000000000
                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              = hint: a column holds at most 50 digits: −(10^50 − 1) … 10^50 − 1
        "#]],
    );
}

#[test]
fn syntax_errors() {
    check(
        "
        LOAD A 5
        LOAD A,
        LOAD A,,5
        LOAD A, [B
        LOAD A, []
        LOAD A, [B+]
        LOAD A, -x
        LOAD A: 5
        , NOP
.data
.data 5 6
1x: NOP
",
        expect![[r#"
            t.basm:2:16: error: expected `,` between operands, found `5` [asm/syntax]
                    LOAD A 5
                           ^
            t.basm:3:15: error: missing operand after `,` [asm/syntax]
                    LOAD A,
                          ^
            t.basm:4:16: error: missing operand before `,` [asm/syntax]
                    LOAD A,,5
                           ^
            t.basm:5:17: error: expected `]` to close `[` [asm/syntax]
                    LOAD A, [B
                            ^
              = hint: every `[` needs a `]` on the same line
            t.basm:6:17: error: empty Store operand `[]` [asm/syntax]
                    LOAD A, []
                            ^^
              = hint: name a column, as in `[12]`, `[count]` or `[B+1]`
            t.basm:7:20: error: expected an integer or a constant as the offset, found `]` [asm/syntax]
                    LOAD A, [B+]
                               ^
            t.basm:8:18: error: expected a number after `-`, found `x` [asm/syntax]
                    LOAD A, -x
                             ^
            t.basm:9:15: error: expected `,` between operands, found `:` [asm/syntax]
                    LOAD A: 5
                          ^
              = hint: labels come first on a line, as in `loop: ADD A, 1`
            t.basm:10:9: error: expected an instruction, a directive or a label, found `,` [asm/syntax]
                    , NOP
                    ^
            t.basm:11:1: error: `.data` needs a name first [asm/syntax]
            .data
            ^^^^^
              = hint: as in `.data nums 1, 2, 3`
            t.basm:12:7: error: `.data` needs a name first, found `5` [asm/syntax]
            .data 5 6
                  ^
              = hint: as in `.data nums 1, 2, 3`
            t.basm:13:1: error: `1x` is not a valid label name [asm/bad-name]
            1x: NOP
            ^^
              = hint: names start with a letter or `_`, then letters, digits, `_` or `.`
        "#]],
    );
}

#[test]
fn unknown_mnemonics_and_directives() {
    check(
        "
        MUL  A, 2
        lod  A, 1
        PRINT A
        FROB A
main    LOAD A, 1
.dat x 1
.word y 2
.frob
",
        expect![[r#"
            t.basm:2:9: error: unknown mnemonic `MUL` [asm/unknown-mnemonic]
                    MUL  A, 2
                    ^^^
              = hint: did you mean `MULT`?
            t.basm:3:9: error: unknown mnemonic `lod` [asm/unknown-mnemonic]
                    lod  A, 1
                    ^^^
              = hint: did you mean `LOAD`?
            t.basm:4:9: error: unknown mnemonic `PRINT` [asm/unknown-mnemonic]
                    PRINT A
                    ^^^^^
              = hint: did you mean `WRPRN`?
            t.basm:5:9: error: unknown mnemonic `FROB` [asm/unknown-mnemonic]
                    FROB A
                    ^^^^
            t.basm:6:1: error: unknown mnemonic `main` [asm/unknown-mnemonic]
            main    LOAD A, 1
            ^^^^
              = hint: to define a label, write `main:`
            t.basm:7:1: error: unknown directive `.dat` [asm/unknown-directive]
            .dat x 1
            ^^^^
              = hint: did you mean `.data`?
            t.basm:8:1: error: unknown directive `.word` [asm/unknown-directive]
            .word y 2
            ^^^^^
              = hint: did you mean `.data`?
            t.basm:9:1: error: unknown directive `.frob` [asm/unknown-directive]
            .frob
            ^^^^^
              = hint: the directives are `.data`, `.zero`, `.equ`, `.store`, `.stack` and `.entry`
        "#]],
    );
}

#[test]
fn names_undefined_duplicate_and_reserved() {
    check(
        "
loop:   SUB  A, 1
        JNZ  lop
        JNZ  Loop
        LOAD A, [totl]
.data total 0
loop:   NOP
x: x: NOP
.data loop 1
b:      NOP
Jeq:    NOP
SP:     NOP
.equ D 4
.zero push 1
        JMP  load
",
        expect![[r#"
            t.basm:3:14: error: undefined name `lop` [asm/undefined-name]
                    JNZ  lop
                         ^^^
              = hint: did you mean `loop`?
            t.basm:4:14: error: undefined name `Loop` [asm/undefined-name]
                    JNZ  Loop
                         ^^^^
              = hint: did you mean `loop`?
            t.basm:5:18: error: undefined name `totl` [asm/undefined-name]
                    LOAD A, [totl]
                             ^^^^
              = hint: did you mean `total`?
            t.basm:7:1: error: `loop` is already defined [asm/duplicate-name]
            loop:   NOP
            ^^^^
            t.basm:2:1: note: `loop` is first defined here
            t.basm:8:4: error: `x` is already defined [asm/duplicate-name]
            x: x: NOP
               ^
            t.basm:8:1: note: `x` is first defined here
            t.basm:9:7: error: `loop` is already defined [asm/duplicate-name]
            .data loop 1
                  ^^^^
            t.basm:2:1: note: `loop` is first defined here
            t.basm:10:1: error: `b` is a register name and cannot be a label [asm/bad-name]
            b:      NOP
            ^
              = hint: names must not be a register (`A` … `D`), `SP` or a mnemonic, in any case
            t.basm:11:1: error: `Jeq` is a mnemonic and cannot be a label [asm/bad-name]
            Jeq:    NOP
            ^^^
              = hint: names must not be a register (`A` … `D`), `SP` or a mnemonic, in any case
            t.basm:12:1: error: `SP` is the stack pointer and cannot be a label [asm/bad-name]
            SP:     NOP
            ^^
              = hint: names must not be a register (`A` … `D`), `SP` or a mnemonic, in any case
            t.basm:13:6: error: `D` is a register name and cannot be a constant [asm/bad-name]
            .equ D 4
                 ^
              = hint: names must not be a register (`A` … `D`), `SP` or a mnemonic, in any case
            t.basm:14:7: error: `push` is a mnemonic and cannot be a data name [asm/bad-name]
            .zero push 1
                  ^^^^
              = hint: names must not be a register (`A` … `D`), `SP` or a mnemonic, in any case
            t.basm:15:14: error: `load` is a mnemonic, not a name [asm/bad-name]
                    JMP  load
                         ^^^^
              = hint: a mnemonic starts a statement; each statement needs its own line
        "#]],
    );
}

#[test]
fn operand_counts_and_kinds() {
    check(
        "
.data where 0
.data msg \"hi\"
        ADD  A
        HALT A
        WRCHR
        LOAD A, 1, 2
        LOAD 5, A
        LOAD [where], A
        POP  3
        STOR A, B
        STOR [where], [where]
        STOR A, 5
        JMP  [where]
        JMP  msg
        JMP  SP
        LOAD A, SP
        LOAD A, \"text\"
        LOAD A, [B+C]
        LOAD A, [where+msg]
        SHL  A, B
        SHL  A, 'x'
.data bad A, [where]
.equ E A
.equ F main
.entry msg
main:   HALT
",
        expect![[r#"
            t.basm:4:9: error: `ADD` takes 2 operands, found 1 [asm/operand-count]
                    ADD  A
                    ^^^^^^
              = hint: write it as `ADD r, src`
            t.basm:5:14: error: `HALT` takes no operands, found 1 [asm/operand-count]
                    HALT A
                         ^
              = hint: write it as `HALT`
            t.basm:6:9: error: `WRCHR` takes 1 operand, found 0 [asm/operand-count]
                    WRCHR
                    ^^^^^
              = hint: write it as `WRCHR src`
            t.basm:7:20: error: `LOAD` takes 2 operands, found 3 [asm/operand-count]
                    LOAD A, 1, 2
                               ^
              = hint: write it as `LOAD r, src`
            t.basm:8:14: error: `LOAD` needs a register here, found `5` [asm/operand-kind]
                    LOAD 5, A
                         ^
              = hint: the registers are `A`, `B`, `C` and `D`
            t.basm:9:14: error: `LOAD` needs a register here, found `[where]` [asm/operand-kind]
                    LOAD [where], A
                         ^^^^^^^
              = hint: to write a Store column, use `STOR`, as in `STOR A, [where]`
            t.basm:10:14: error: `POP` needs a register here, found `3` [asm/operand-kind]
                    POP  3
                         ^
              = hint: the registers are `A`, `B`, `C` and `D`
            t.basm:11:17: error: `STOR` cannot store into a register, found `B` [asm/operand-kind]
                    STOR A, B
                            ^
              = hint: to set a register, use `LOAD B, …`
            t.basm:12:14: error: `STOR` cannot store a Store column, found `[where]` [asm/operand-kind]
                    STOR [where], [where]
                         ^^^^^^^
              = hint: load it into a register first, as in `LOAD A, [where]`, then store the register
            t.basm:13:17: error: `STOR` stores into a Store column, found `5` [asm/operand-kind]
                    STOR A, 5
                            ^
              = hint: write the column in brackets, as in `[5]`
            t.basm:14:14: error: a jump target cannot be a Store column, found `[where]` [asm/operand-kind]
                    JMP  [where]
                         ^^^^^^^
              = hint: load the column into a register first, as in `LOAD A, [where]`, then `JMP A`
            t.basm:15:14: error: jump target `msg` is a data name, not a code label [asm/operand-kind]
                    JMP  msg
                         ^^^
            t.basm:16:14: error: `JMP` needs a code label, an integer or a register, found `SP` [asm/operand-kind]
                    JMP  SP
                         ^^
            t.basm:17:17: error: `SP` can only be used inside brackets, as in `[SP]` [asm/operand-kind]
                    LOAD A, SP
                            ^^
            t.basm:18:17: error: a string can only be used in `.data`, found `"text"` [asm/operand-kind]
                    LOAD A, "text"
                            ^^^^^^
              = hint: store the text with `.data msg "…"`, then read it column by column
            t.basm:19:20: error: the offset `C` must be an integer or a `.equ` constant [asm/operand-kind]
                    LOAD A, [B+C]
                               ^
              = hint: only one register or `SP` can stand in a Store operand, as in `[B+3]`
            t.basm:20:24: error: the offset `msg` must be an integer or a `.equ` constant, but it is a data name [asm/operand-kind]
                    LOAD A, [where+msg]
                                   ^^^
            t.basm:21:17: error: `SHL`'s shift count takes an integer or a `.equ` constant, found `B` [asm/operand-kind]
                    SHL  A, B
                            ^
            t.basm:22:17: error: `SHL`'s shift count takes an integer or a `.equ` constant, found `'x'` [asm/operand-kind]
                    SHL  A, 'x'
                            ^^^
            t.basm:23:11: error: `.data` values are integers, characters, strings or names, found `A` [asm/operand-kind]
            .data bad A, [where]
                      ^
            t.basm:23:14: error: `.data` values are integers, characters, strings or names, found `[where]` [asm/operand-kind]
            .data bad A, [where]
                         ^^^^^^^
            t.basm:24:8: error: `.equ` takes an integer, a character or an earlier constant, found `A` [asm/operand-kind]
            .equ E A
                   ^
            t.basm:25:8: error: `.equ` takes an integer, a character or an earlier constant, but `main` is a code label [asm/operand-kind]
            .equ F main
                   ^^^^
            t.basm:26:8: error: `.entry` must name a code label, but `msg` is a data name [asm/operand-kind]
            .entry msg
                   ^^^
              = hint: put a label on the first instruction to run, as in `start: LOAD A, 1`, and write `.entry start`
        "#]],
    );
}

#[test]
fn range_errors() {
    check(
        "
.equ FAR 40
.equ BACK -1
        SHL  A, 51
        SHR  A, -2
        SHL  A, BACK
        JMP  -1
        JMP  9
        CALL FAR
        LOAD A, [10000]
        LOAD A, [-1]
.data first 7
        LOAD A, [first-1]
.zero none 0
.zero neg -5
",
        expect![[r#"
            t.basm:4:17: error: shift count `51` is outside 0 … 50 [asm/shift-range]
                    SHL  A, 51
                            ^^
              = hint: shifting a nonzero number up by more than 50 digits always overflows; to clear a register, `LOAD` it with 0
            t.basm:5:17: error: shift count `-2` is outside 0 … 50 [asm/shift-range]
                    SHR  A, -2
                            ^^
              = hint: to shift the other way, use `SHL` with `2`
            t.basm:6:17: error: shift count `BACK` is outside 0 … 50 [asm/shift-range]
                    SHL  A, BACK
                            ^^^^
              = hint: to shift the other way, use `SHR` with `1`
            t.basm:7:14: error: jump target `-1` is outside the program [asm/target-range]
                    JMP  -1
                         ^^
              = hint: a target is an instruction index from 0 to 9, the end of the program
            t.basm:9:14: error: jump target `FAR` (= 40) is outside the program [asm/target-range]
                    CALL FAR
                         ^^^
              = hint: a target is an instruction index from 0 to 9, the end of the program
            t.basm:10:17: error: Store address `[10000]` is outside the Store, 0 … 9999 [asm/address-range]
                    LOAD A, [10000]
                            ^^^^^^^
              = hint: the Store has 10000 columns; `.store` sets a larger one
            t.basm:11:17: error: Store address `[-1]` is outside the Store, 0 … 9999 [asm/address-range]
                    LOAD A, [-1]
                            ^^^^
            t.basm:13:17: error: Store address `[first-1]` (= -1) is outside the Store, 0 … 9999 [asm/address-range]
                    LOAD A, [first-1]
                            ^^^^^^^^^
            t.basm:14:12: error: `.zero none` needs at least 1 column, found `0` [asm/zero-count]
            .zero none 0
                       ^
            t.basm:15:7: error: `neg` is a mnemonic and cannot be a data name [asm/bad-name]
            .zero neg -5
                  ^^^
              = hint: names must not be a register (`A` … `D`), `SP` or a mnemonic, in any case
            t.basm:15:11: error: `.zero neg` needs at least 1 column, found `-5` [asm/zero-count]
            .zero neg -5
                      ^^
        "#]],
    );
}

#[test]
fn size_errors() {
    check(
        ".store 99\n",
        expect![[r#"
            t.basm:1:8: error: a Store of `99` columns is outside 100 … 1,000,000 [asm/store-range]
            .store 99
                   ^^
        "#]],
    );
    check(
        ".store 1_000_001\nLOAD A, [2000000]\n",
        expect![[r#"
            t.basm:1:8: error: a Store of `1_000_001` columns is outside 100 … 1,000,000 [asm/store-range]
            .store 1_000_001
                   ^^^^^^^^^
        "#]],
    );
    check(
        ".stack 0\n",
        expect![[r#"
            t.basm:1:8: error: a stack of `0` columns is too small [asm/stack-range]
            .stack 0
                   ^
              = hint: the stack needs at least 1 column
        "#]],
    );
    check(
        ".store 100\n.stack 101\n",
        expect![[r#"
            t.basm:2:8: error: a stack of `101` columns does not fit in a Store of 100 columns [asm/stack-range]
            .stack 101
                   ^^^
            t.basm:1:1: note: the Store size is set here
        "#]],
    );
    check(
        ".store 100\n.store 200\n.stack 5\n.stack 5\n.entry go\n.entry go\ngo: NOP\n",
        expect![[r#"
            t.basm:2:1: error: `.store` is given twice [asm/duplicate-directive]
            .store 200
            ^^^^^^
            t.basm:1:1: note: first given here
            t.basm:4:1: error: `.stack` is given twice [asm/duplicate-directive]
            .stack 5
            ^^^^^^
            t.basm:3:1: note: first given here
            t.basm:6:1: error: `.entry` is given twice [asm/duplicate-directive]
            .entry go
            ^^^^^^
            t.basm:5:1: note: first given here
        "#]],
    );
    check(
        ".zero z\n.equ E\n.equ F 1, 2\n.store\n.stack 1 2\n.entry\n.data dd\n.zero y 1, 2\n",
        expect![[r#"
            t.basm:1:1: error: `.zero` is missing its column count [asm/operand-count]
            .zero z
            ^^^^^^^
              = hint: write it as `.zero z 10`
            t.basm:2:1: error: `.equ` is missing its value [asm/operand-count]
            .equ E
            ^^^^^^
              = hint: write it as `.equ E 10`
            t.basm:3:11: error: too many operands for `.equ` [asm/operand-count]
            .equ F 1, 2
                      ^
              = hint: write it as `.equ F 10`
            t.basm:4:1: error: `.store` is missing its size [asm/operand-count]
            .store
            ^^^^^^
              = hint: write it as `.store 10000`
            t.basm:5:10: error: expected `,` between operands, found `2` [asm/syntax]
            .stack 1 2
                     ^
            t.basm:6:1: error: `.entry` is missing its label [asm/operand-count]
            .entry
            ^^^^^^
              = hint: write it as `.entry start`
            t.basm:7:1: error: `.data dd` needs at least one value [asm/operand-count]
            .data dd
            ^^^^^^^^
              = hint: write it as `.data dd 1, 2, 3` or `.data dd "text"`; `.zero dd 1` reserves a zeroed column
            t.basm:8:12: error: too many operands for `.zero` [asm/operand-count]
            .zero y 1, 2
                       ^
              = hint: write it as `.zero y 10`
        "#]],
    );
    check(
        ".zero z main\n.store msg\n.stack 'x'\n.data msg \"ab\"\n.entry 0\nmain: NOP\n",
        expect![[r#"
            t.basm:1:9: error: `.zero` takes an integer or a `.equ` constant, but `main` is a code label [asm/operand-kind]
            .zero z main
                    ^^^^
            t.basm:2:8: error: `.store` takes an integer or a `.equ` constant, but `msg` is a data name [asm/operand-kind]
            .store msg
                   ^^^
            t.basm:3:8: error: `.stack` takes an integer or a `.equ` constant, found `'x'` [asm/operand-kind]
            .stack 'x'
                   ^^^
            t.basm:5:8: error: `.entry` must name a code label, found `0` [asm/operand-kind]
            .entry 0
                   ^
              = hint: put a label on the first instruction to run, as in `start: LOAD A, 1`, and write `.entry start`
        "#]],
    );
    check(
        ".equ X Y\n.equ Y 1\n.equ Z Z\n",
        expect![[r#"
            t.basm:1:8: error: the constant `Y` is defined later [asm/equ-order]
            .equ X Y
                   ^
              = hint: a `.equ` may only use a constant defined above it
            t.basm:3:8: error: the constant `Z` is defined in terms of itself [asm/equ-order]
            .equ Z Z
                   ^
              = hint: a `.equ` may only use a constant defined above it
        "#]],
    );
}

#[test]
fn overlap_is_reported_on_the_directive_that_causes_it() {
    // The default stack takes the top 2,000 of 10,000 columns.
    check(
        ".zero fits 7_999\n.data last 1\n.zero over 1\nHALT\n",
        expect![[r#"
            t.basm:3:1: error: data `over` reaches column 8000, inside the stack (columns 8000 … 9999) [asm/overlap]
            .zero over 1
            ^^^^^^^^^^^^
              = hint: make the stack smaller with `.stack`, or the Store larger with `.store`
        "#]],
    );
    check(
        ".zero fits 7_999\n.data last 1\nHALT\n",
        expect![[r#"
                .zero fits 7999
                .data last 1

                        HALT
            "#]],
    );
    // A `.stack` after the data is what makes it overlap.
    check(
        ".zero big 500\n.stack 9600\n",
        expect![[r#"
            t.basm:2:1: error: a stack of 9600 columns overlaps the data: the data takes columns 0 … 499 and the stack 400 … 9999 [asm/overlap]
            .stack 9600
            ^^^^^^^^^^^
            t.basm:1:1: note: this data reaches into the stack
              = hint: with this data, the stack can be at most 9500 columns
        "#]],
    );
    // A `.store` after the data, with the default stack.
    check(
        ".zero big 500\n.store 100\n",
        expect![[r#"
            t.basm:2:1: error: a Store of 100 columns is too small: the data takes columns 0 … 499 and the stack 80 … 99 [asm/overlap]
            .store 100
            ^^^^^^^^^^
            t.basm:1:1: note: this data reaches into the stack
              = hint: make the Store larger, or the stack smaller with `.stack`
        "#]],
    );
    // Enormous data never allocates.
    check(
        ".zero huge 99999999999999999999999999999999999999999999999999\n",
        expect![[r#"
            t.basm:1:1: error: data `huge` is larger than the largest Store (1,000,000 columns) [asm/overlap]
            .zero huge 99999999999999999999999999999999999999999999999999
            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              = hint: make the stack smaller with `.stack`, or the Store larger with `.store`
        "#]],
    );
}

#[test]
fn five_errors_in_source_order() {
    let source = "\
.data nums 1, 2, 3
main:   LOAD A, [nums+1]
        MUL  A, 2
        JNZ  mian
        SHL  A, 60
        WRCHR 'xy'
        STOR A, B
        HALT
";
    let assembly = assemble(source);
    assert!(assembly.program.is_none());
    let index = diag::LineIndex::new(source);
    let found: Vec<_> = assembly
        .diagnostics
        .iter()
        .map(|d| {
            let at = index.line_col(source, d.span.start as usize);
            (at.line, at.col, d.code.as_str())
        })
        .collect();
    assert_eq!(
        found,
        [
            (3, 9, "asm/unknown-mnemonic"),
            (4, 14, "asm/undefined-name"),
            (5, 17, "asm/shift-range"),
            (6, 15, "asm/bad-char"),
            (7, 17, "asm/operand-kind"),
        ]
    );
    let rendered: String = assembly
        .diagnostics
        .iter()
        .map(|d| {
            diag::render_plain("t.basm", source, d).replacen('\n', &format!(" [{}]\n", d.code), 1)
        })
        .collect();
    expect![[r#"
        t.basm:3:9: error: unknown mnemonic `MUL` [asm/unknown-mnemonic]
                MUL  A, 2
                ^^^
          = hint: did you mean `MULT`?
        t.basm:4:14: error: undefined name `mian` [asm/undefined-name]
                JNZ  mian
                     ^^^^
          = hint: did you mean `main`?
        t.basm:5:17: error: shift count `60` is outside 0 … 50 [asm/shift-range]
                SHL  A, 60
                        ^^
          = hint: shifting a nonzero number up by more than 50 digits always overflows; to clear a register, `LOAD` it with 0
        t.basm:6:15: error: character literal `'xy'` holds more than one character [asm/bad-char]
                WRCHR 'xy'
                      ^^^^
          = hint: text belongs in a string in `.data`, as in `.data msg "text"`
        t.basm:7:17: error: `STOR` cannot store into a register, found `B` [asm/operand-kind]
                STOR A, B
                        ^
          = hint: to set a register, use `LOAD B, …`
    "#]].assert_eq(&rendered);
}

#[test]
fn a_bad_operand_still_takes_its_slot() {
    // The undefined name does not shift `end`, so the jump to 3 is still in range and only
    // one error is reported.
    let assembly = assemble("LOAD A, nothing\nJMP end\nJMP 3\nend:\n");
    let codes: Vec<_> = assembly
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(codes, ["asm/undefined-name"]);
}
