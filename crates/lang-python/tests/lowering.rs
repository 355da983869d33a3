//! The IR that lowering builds, in its text form, and the faults of runs through the
//! reference interpreter that Python programs cannot show (their real outputs differ:
//! CPython has floats and integers without bound).

use expect_test::{Expect, expect};

/// Lowers `source` and compares the IR's text (with source lines) with `expect`.
fn check_ir(source: &str, expect: Expect) {
    let lowering = lang_python::lower("t.py", source);
    assert!(
        lowering.diagnostics.is_empty(),
        "{:?}",
        lowering.diagnostics
    );
    let module = lowering.module.expect("a module");
    ir::verify(&module).expect("a valid module");
    expect.assert_eq(&ir::print_module(&module, Some(source)));
}

/// Runs `source` with `cards` and shows its output, then how it ended with the line.
fn check_run(source: &str, cards: &[i64], expect: Expect) {
    let module = lang_python::lower("t.py", source).module.expect("a module");
    let cards: Vec<ir::Num> = cards.iter().map(|&c| ir::Num::from(c)).collect();
    let run = ir::interpret(&module, &cards, 1_000_000);
    let end = match run.end {
        ir::End::Returned(_) => "returned".to_owned(),
        ir::End::Fault { message, span } => {
            let line = span.map_or(0, |s| source[..s.start as usize].matches('\n').count() + 1);
            format!("fault on line {line}: {message}")
        }
        ir::End::BudgetExhausted => "budget exhausted".to_owned(),
    };
    expect.assert_eq(&format!("{}--\n{end}\n", run.output));
}

#[test]
fn straight_line_code_and_a_function() {
    check_ir(
        "def double(n):\n    return n * 2\n\n\nx = int(input(\"n? \"))\nprint(double(x), x > 3, sep=\", \")\n",
        expect![[r#"
            func double(n.0) -> value {
            b0:
              #0    t1 = mul n.0, 2                      ; line 2
              #1    return t1                            ; line 2
            }

            entry func py.main() {
            b0:
              #2    printstr "n? "                       ; line 5
              #3    t1 = read                            ; line 5
              #4    x.0 = t1                             ; line 5
              #5    t2 = call double(x.0)                ; line 6
              #6    t3 = gt x.0, 3                       ; line 6
              #7    print t2                             ; line 6
              #8    printstr ", "                        ; line 6
              #9    branch t3, b1, b2                    ; line 6
            b1:
              #10   printstr "True"                      ; line 6
              #11   jump b3                              ; line 6
            b2:
              #12   printstr "False"                     ; line 6
              #13   jump b3                              ; line 6
            b3:
              #14   printstr "\n"                        ; line 6
              #15   return                               ; line 6
            }
        "#]],
    );
}

#[test]
fn faults_name_the_line_of_the_operation() {
    check_run(
        "e = -1\nprint(2 ** 3)\nprint(2 ** e)\n",
        &[],
        expect![[r#"
            8
            --
            fault on line 3: not supported in this subset
        "#]],
    );
    check_run(
        "x = 10 ** 49\nprint(x)\ny = x * 10\n",
        &[],
        expect![[r#"
        10000000000000000000000000000000000000000000000000
        --
        fault on line 3: overflow
    "#]],
    );
    check_run(
        "xs = [1, 2]\nn = 0\nfor i in range(1, 3, n):\n    print(i)\n",
        &[],
        expect![[r#"
        --
        fault on line 3: not supported in this subset
    "#]],
    );
    check_run(
        "def at(xs, i):\n    return xs[i]\n\n\nys = [4, 5]\nprint(at(ys, -2))\nprint(at(ys, 2))\n",
        &[],
        expect![[r#"
            4
            --
            fault on line 2: index out of range
        "#]],
    );
    check_run(
        "xs = []\nxs.pop()\n",
        &[],
        expect![[r#"
        --
        fault on line 2: index out of range
    "#]],
    );
    check_run(
        "print(max([]))\n",
        &[],
        expect![[r#"
        --
        fault on line 1: index out of range
    "#]],
    );
    check_run(
        "xs = [1]\nprint(xs.index(2))\n",
        &[],
        expect![[r#"
        --
        fault on line 2: index out of range
    "#]],
    );
    check_run(
        "a = int(input())\nb = int(input())\n",
        &[3],
        expect![[r#"
        --
        fault on line 2: card reader empty
    "#]],
    );
    check_run(
        "print(7 // 0)\n",
        &[],
        expect![[r#"
        --
        fault on line 1: division by zero
    "#]],
    );
    check_run(
        "print(7 % (1 - 1))\n",
        &[],
        expect![[r#"
        --
        fault on line 1: division by zero
    "#]],
    );
}

#[test]
fn names_without_values_fault_where_they_are_read() {
    check_run(
        "def f(flag):\n    if flag:\n        y = 1\n    return y\n\n\nprint(f(True))\nprint(f(False))\n",
        &[],
        expect![[r#"
            1
            --
            fault on line 4: name used before it was given a value
        "#]],
    );
    check_run(
        "if int(input()) > 0:\n    z = 1\nprint(z)\n",
        &[0],
        expect![[r#"
            --
            fault on line 3: name used before it was given a value
        "#]],
    );
}

#[test]
fn indexes_that_cannot_be_negative_are_only_checked() {
    // `i` counts up from 0 and `i + 1` too: no adjustment for negative indexes, only the
    // bounds check. `k` may be negative (it is assigned from input).
    check_ir(
        "xs = [0] * 4\nfor i in range(3):\n    xs[i + 1] = xs[i]\nk = int(input())\nprint(xs[k])\n",
        expect![[r#"
            entry func py.main() {
            b0:
              #0    t3 = 4                               ; line 1
              #1    t4 = lt t3, 0                        ; line 1
              #2    branch t4, b1, b2                    ; line 1
            b1:
              #3    t3 = 0                               ; line 1
              #4    jump b2                              ; line 1
            b2:
              #5    t5 = call py.list_new(t3)            ; line 1
              #6    xs.0 = t5                            ; line 1
              #7    t6 = 0                               ; line 2
              #8    jump b3                              ; line 2
            b3:
              #9    t7 = lt t6, 3                        ; line 2
              #10   branch t7, b4, b6                    ; line 2
            b4:
              #11   i.1 = t6                             ; line 2
              #12   t8 = load [xs.0]                     ; line 3
              #13   check i.1 < t8                       ; line 3
              #14   t9 = load [xs.0+2]                   ; line 3
              #15   t10 = add t9, i.1                    ; line 3
              #16   t11 = load [t10]                     ; line 3
              #17   t12 = add i.1, 1                     ; line 3
              #18   t13 = load [xs.0]                    ; line 3
              #19   check t12 < t13                      ; line 3
              #20   t14 = load [xs.0+2]                  ; line 3
              #21   t15 = add t14, t12                   ; line 3
              #22   store [t15], t11                     ; line 3
              #23   jump b5                              ; line 3
            b5:
              #24   t6 = add t6, 1                       ; line 2
              #25   jump b3                              ; line 2
            b6:
              #26   t16 = read                           ; line 4
              #27   k.2 = t16                            ; line 4
              #28   t17 = load [xs.0]                    ; line 5
              #29   t18 = k.2                            ; line 5
              #30   t19 = lt k.2, 0                      ; line 5
              #31   branch t19, b7, b8                   ; line 5
            b7:
              #32   t18 = add t18, t17                   ; line 5
              #33   jump b8                              ; line 5
            b8:
              #34   check t18 < t17                      ; line 5
              #35   t20 = load [xs.0+2]                  ; line 5
              #36   t21 = add t20, t18                   ; line 5
              #37   t22 = load [t21]                     ; line 5
              #38   print t22                            ; line 5
              #39   printstr "\n"                        ; line 5
              #40   return                               ; line 5
            }

            func py.list_new(len.0) -> value {
            b0:
              #41   t1 = len.0
              #42   t2 = lt len.0, 4
              #43   branch t2, b1, b2
            b1:
              #44   t1 = 4
              #45   jump b2
            b2:
              #46   t3 = alloc 3
              #47   t4 = alloc t1
              #48   store [t3], len.0
              #49   store [t3+1], t1
              #50   store [t3+2], t4
              #51   return t3
            }
        "#]],
    );
}
