//! Table-style tests of programs that assemble: each case is a source text and its
//! canonical disassembly.

#[path = "support/check.rs"]
mod support;

use asm::assemble;
use expect_test::expect;
use support::check;

#[test]
fn every_operand_form() {
    check(
        r#"
.equ K 3
.equ MINUS2 -2
.data nums 17, -40, 23, 'x', '\n', K
main:
        LOAD A, 1_000_000
        MOV  b, +5
        load C, -7
        LOAD D, 'a'
        LOAD A, '\''
        LOAD A, '\\'
        LOAD A, '\"'
        LOAD A, '\0'
        LOAD A, '→'
        LOAD A, K
        LOAD A, nums
        LOAD A, main
        LOAD A, B
        LOAD A, [12]
        LOAD A, [ nums ]
        LOAD A, [nums+3]
        LOAD A, [nums + K]
        LOAD A, [5+K]
        LOAD A, [K]
        LOAD A, [B]
        LOAD A, [b+3]
        LOAD A, [B - 1]
        LOAD A, [C+MINUS2]
        LOAD A, [D-MINUS2]
        LOAD A, [SP]
        LOAD A, [sp+2]
        LOAD A, [SP-K]
        LOAD A, 99999999999999999999999999999999999999999999999999
        LOAD A, -0099999999999999999999999999999999999999999999999999
"#,
        expect![[r#"
            .data nums 17, -40, 23, 120, 10, 3

            main:   LOAD A, 1000000
                    LOAD B, 5
                    LOAD C, -7
                    LOAD D, 97
                    LOAD A, 39
                    LOAD A, 92
                    LOAD A, 34
                    LOAD A, 0
                    LOAD A, 8594
                    LOAD A, 3
                    LOAD A, 0
                    LOAD A, 0
                    LOAD A, B
                    LOAD A, [12]
                    LOAD A, [nums]
                    LOAD A, [nums+3]
                    LOAD A, [nums+3]
                    LOAD A, [8]
                    LOAD A, [nums+3]
                    LOAD A, [B]
                    LOAD A, [B+3]
                    LOAD A, [B-1]
                    LOAD A, [C-2]
                    LOAD A, [D+2]
                    LOAD A, [SP]
                    LOAD A, [SP+2]
                    LOAD A, [SP-3]
                    LOAD A, 99999999999999999999999999999999999999999999999999
                    LOAD A, -99999999999999999999999999999999999999999999999999
        "#]],
    );
}

#[test]
fn every_instruction() {
    check(
        "
top:    NOP
        HALT
        LOAD A, B
        STOR A, [0]
        STOR 5, [B+1]
        STOR 'x', [SP-1]
        ADD  A, 1
        SUB  B, [3]
        MULT C, D
        DIV  D, 2
        REM  A, -3
        NEG  A
        ABS  B
        SQRT C
        SHL  D, 0
        SHR  A, 50
        CMP  A, [B]
        JMP  top
        JZ   top
        JEQ  top
        JNZ  end
        JNE  end
        JLT  A
        JGE  3
        JGT  top
        JLE  top
        CALL subr
subr:   RET
        PUSH [SP]
        POP  D
        RDCRD C
        WRPRN -1
        WRCHR 10
        BELL
end:
",
        expect![[r#"
            top:    NOP
                    HALT
                    LOAD A, B
                    STOR A, [0]
                    STOR 5, [B+1]
                    STOR 120, [SP-1]
                    ADD  A, 1
                    SUB  B, [3]
                    MULT C, D
                    DIV  D, 2
                    REM  A, -3
                    NEG  A
                    ABS  B
                    SQRT C
                    SHL  D, 0
                    SHR  A, 50
                    CMP  A, [B]
                    JMP  top
                    JZ   top
                    JZ   top
                    JNZ  end
                    JNZ  end
                    JLT  A
                    JGE  3
                    JGT  top
                    JLE  top
                    CALL subr
            subr:   RET
                    PUSH [SP]
                    POP  D
                    RDCRD C
                    WRPRN -1
                    WRCHR 10
                    BELL
            end:
        "#]],
    );
}

#[test]
fn labels_comments_and_case() {
    check(
        "; a comment line
# another
p: q: r:   ; three labels, then the statement on the next line
   load a, 1   # lower case works
x.y_1:
_z: Jmp p ; forward and backward
    wrchr ';'   ; a semicolon in a character is not a comment
    WRCHR '#'
last:
",
        expect![[r#"
            p:
            q:
            r:
                    LOAD A, 1
            x.y_1:
            _z:
                    JMP  p
                    WRCHR 59
                    WRCHR 35
            last:
        "#]],
    );
}

#[test]
fn directives_are_case_insensitive_and_may_follow_labels() {
    check(
        "
.EQU k 2
.Data vals K2, k
.ZERO buf K2
.Store 200
.STACK 10
.entry Start
        NOP
Start:  x: .equ K2 7
        Call x
",
        expect![[r#"
            .store 200
            .stack 10
            .entry Start

            .data vals 7, 2
            .zero buf 7

                    NOP
            Start:
            x:
                    CALL Start
        "#]],
    );
}

#[test]
fn line_endings_lf_crlf_and_cr() {
    let lf = "main: LOAD A, 1\nJMP main\n.data s \"ab\"\n";
    let crlf = lf.replace('\n', "\r\n");
    let cr = lf.replace('\n', "\r");
    let program = assemble(lf).program.expect("assembles");
    assert_eq!(assemble(&crlf).program.as_ref(), Some(&program));
    assert_eq!(assemble(&cr).program.as_ref(), Some(&program));
    // Positions in a CRLF file skip the CR.
    let bad = "NOP\r\n  JMP nowhere\r\n";
    let d = &assemble(bad).diagnostics[0];
    assert_eq!(&bad[d.span.range()], "nowhere");
}

#[test]
fn entry_point() {
    // `main` is the default entry; `.entry` overrides it; without either it is 0.
    check(
        "NOP\nmain: HALT\n",
        expect![[r#"
                    NOP
            main:   HALT
        "#]],
    );
    let entry = |s: &str| assemble(s).program.map(|p| p.entry);
    assert_eq!(entry("NOP\nmain: HALT\n"), Some(1));
    assert_eq!(entry("NOP\nHALT\n"), Some(0));
    assert_eq!(entry(".entry go\nNOP\ngo: HALT\nmain: NOP\n"), Some(1));
    assert_eq!(entry(".entry end\nNOP\nend:\n"), Some(1));
    check(
        ".entry go\nNOP\ngo: HALT\n",
        expect![[r#"
            .entry go

                    NOP
            go:     HALT
        "#]],
    );
}

#[test]
fn data_directives() {
    check(
        r#"
.equ SIZE 3
.equ TWICE SIZE
.equ Q '?'
.data msg "Hi; #there\t\"q\"\\", 0
.zero buf SIZE
.data mixed 'a', Q, -5, end, msg, buf, "", "x"
.data one 0
.zero z 1
main:   LOAD A, [buf+2]
        LOAD A, [mixed]
        LOAD A, [z]
end:
"#,
        expect![[r#"
            .data msg 72, 105, 59, 32, 35, 116, 104, 101, 114, 101, 9, 34, 113, 34, 92, 0, 0
            .zero buf 3
            .data mixed 97, 63, -5, 3, 0, 17, 0, 120, 0
            .data one 0
            .data z 0

            main:   LOAD A, [buf+2]
                    LOAD A, [mixed]
                    LOAD A, [z]
            end:
        "#]],
    );
    check(
        ".data msg \"Hello, world!\\n\"\n",
        expect![[r#"
            .data msg "Hello, world!\n"
        "#]],
    );
}

#[test]
fn data_columns_follow_source_order_wherever_they_are() {
    check(
        "
        LOAD A, [y]
.data x 1, 2
        LOAD A, [z]
.zero y 2
.data z 9
",
        expect![[r#"
            .data x 1, 2
            .zero y 2
            .data z 9

                    LOAD A, [y]
                    LOAD A, [z]
        "#]],
    );
    let p = assemble(".data x 1, 2\n.zero y 2\n.data z 9\n")
        .program
        .unwrap();
    let addrs: Vec<_> = p
        .symbols
        .data
        .iter()
        .map(|s| (s.name.as_str(), s.addr, s.len))
        .collect();
    assert_eq!(addrs, [("x", 0, 2), ("y", 2, 2), ("z", 4, 1)]);
}

#[test]
fn sizes() {
    check(
        ".store 100\n.stack 1\n.zero all 99\n",
        expect![[r#"
            .store 100
            .stack 1

            .zero all 99
        "#]],
    );
    check(
        ".equ N 500\n.store N\n.stack N\nSTOR 1, [N-1]\n",
        expect![[r#"
            .store 500
            .stack 500

                    STOR 1, [499]
        "#]],
    );
    // The default stack is a fifth of the Store, so it is not written out.
    check(
        ".store 1_000_000\n.stack 200_000\n",
        expect![[r#"
            .store 1000000
        "#]],
    );
    let p = assemble(".store 2000\n").program.unwrap();
    assert_eq!((p.store_size, p.stack_size), (2000, 400));
}

#[test]
fn targets_up_to_the_end_of_the_program() {
    // An unlabelled target is written as its index, so the round trip stays exact.
    check(
        ".equ END 3\nstart: JMP 3\nJMP END\nJMP start\n",
        expect![[r#"
            start:  JMP  3
                    JMP  3
                    JMP  start
        "#]],
    );
    check(
        "JMP end\nend:\n",
        expect![[r#"
                    JMP  end
            end:
        "#]],
    );
}

#[test]
fn source_map_spans_mnemonic_through_last_operand() {
    let source = "main:  LOAD A, [nums+1]   ; comment\n.data nums 1, 2\n\tHALT\nx: y: JMP x\n";
    let assembly = assemble(source);
    let spans: Vec<_> = assembly
        .source_map
        .iter()
        .map(|s| &source[s.range()])
        .collect();
    assert_eq!(spans, ["LOAD A, [nums+1]", "HALT", "JMP x"]);
}

#[test]
fn corpus_programs_assemble() {
    for (name, source) in [
        ("count", include_str!("data/count.basm")),
        ("hello", include_str!("data/hello.basm")),
        ("primes", include_str!("data/primes.basm")),
    ] {
        let assembly = assemble(source);
        assert!(
            assembly.diagnostics.is_empty(),
            "{name}: {:?}",
            assembly.diagnostics
        );
    }
    check(
        include_str!("data/hello.basm"),
        expect![[r#"
            .data msg "Hello from the Analytical Engine"

            main:   LOAD B, 0
            next:   LOAD A, [B]
                    JZ   done
                    WRCHR A
                    ADD  B, 1
                    JMP  next
            done:   WRCHR 10
                    HALT
        "#]],
    );
}
