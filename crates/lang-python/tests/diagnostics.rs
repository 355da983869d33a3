//! Programs that do not compile, each with every diagnostic as the command line renders
//! it (with its code), covering every diagnostic code.

use expect_test::{Expect, expect};

/// Checks `source` and compares its diagnostics, rendered, with `expect`.
fn check(source: &str, expect: Expect) {
    let actual: String = lang_python::check(source)
        .iter()
        .map(|d| {
            let rendered = diag::render_plain("t.py", source, d);
            rendered.replacen('\n', &format!(" [{}]\n", d.code), 1)
        })
        .collect();
    expect.assert_eq(&actual);
}

#[test]
fn undeclared_names_with_suggestions() {
    check(
        "count = 0\nfor i in range(3):\n    count += i\nprint(cuont)\nprnt(count)\nprint(zebra)\nprint(sorted([1]))\n",
        expect![[r#"
            t.py:4:7: error: undeclared name `cuont` [py/undeclared-name]
            print(cuont)
                  ^^^^^
              = hint: did you mean `count`?
            t.py:5:1: error: undeclared name `prnt` [py/undeclared-name]
            prnt(count)
            ^^^^
              = hint: did you mean `print`?
            t.py:6:7: error: undeclared name `zebra` [py/undeclared-name]
            print(zebra)
                  ^^^^^
              = hint: a name must be assigned, defined with `def` or be a built-in
            t.py:7:7: error: not supported in this subset: the built-in `sorted` [py/unsupported]
            print(sorted([1]))
                  ^^^^^^
        "#]],
    );
}

#[test]
fn indentation() {
    check(
        "def f(x):\n    if x > 0:\n        return 1\n      return 0\nfor i in range(3):\nprint(i)\na = 1\n    b = 2\nif a:\n        a = 2\n\ta = 3\n",
        expect![[r#"
            t.py:4:1: error: unindent does not match any outer indentation level [py/indentation]
                  return 0
            ^^^^^^
              = hint: indent this line exactly as far as the block it continues
            t.py:6:1: error: expected an indented block after `for` statement on line 5 [py/indentation]
            print(i)
            ^^^^^
              = hint: indent the statements of the block, or write `pass` for an empty one
            t.py:8:1: error: unexpected indent [py/indentation]
                b = 2
            ^^^^
              = hint: indent a line only to start a block, after a line ending in `:`
            t.py:11:1: error: inconsistent use of tabs and spaces in indentation [py/indentation]
            	a = 3
            ^
              = hint: indent with spaces only (four per level is usual)
        "#]],
    );
}

#[test]
fn syntax_errors_one_per_statement() {
    check(
        "x = (1 +\ny = 2\n",
        expect![[r#"
            t.py:1:5: error: `(` was never closed [py/syntax]
            x = (1 +
                ^
        "#]],
    );
    check(
        "if x = 1:\n    pass\nprint(1 2)\nf() = 3\n1 + = 2\nelse:\n    pass\ndef g(a=1, b):\n    return a\nreturn 5\nbreak\n",
        expect![[r#"
            t.py:1:6: error: invalid syntax: `=` in a condition [py/syntax]
            if x = 1:
                 ^
              = hint: compare with `==`; `=` assigns
            t.py:3:9: error: expected `)`, found `2` [py/syntax]
            print(1 2)
                    ^
            t.py:4:1: error: cannot assign to a function call `f()` [py/syntax]
            f() = 3
            ^^^
              = hint: only a variable or a list element can be assigned to; to compare, write `==`
            t.py:5:5: error: expected an expression, found `=` [py/syntax]
            1 + = 2
                ^
            t.py:6:1: error: `else` without a matching `if` [py/syntax]
            else:
            ^^^^
            t.py:8:12: error: parameter `b` without a default follows a parameter with one [py/syntax]
            def g(a=1, b):
                       ^
            t.py:10:1: error: `return` outside function [py/syntax]
            return 5
            ^^^^^^^^
            t.py:11:1: error: `break` outside loop [py/syntax]
            break
            ^^^^^
        "#]],
    );
}

#[test]
fn unsupported_features() {
    check(
        "import math\nx = 1.5\ny = 7 / 2\nclass A:\n    pass\ntry:\n    pass\nexcept:\n    pass\nf = lambda v: v\nd = {1: 2}\nt = (1, 2)\ns = \"text\"\nprint(f\"{x:5}\")\nxs = [1, 2][0:1]\nprint(x is None)\n",
        expect![[r#"
            t.py:1:1: error: not supported in this subset: imports [py/unsupported]
            import math
            ^^^^^^
              = hint: the subset has only the built-in functions
            t.py:2:5: error: not supported in this subset: floats [py/unsupported]
            x = 1.5
                ^^^
              = hint: the Engine has no fractions: scale integers by a power of ten instead
            t.py:3:7: error: not supported in this subset: `/` (true division gives a float) [py/unsupported]
            y = 7 / 2
                  ^
              = hint: use `//` for integer division, which rounds down as Python does
            t.py:4:1: error: not supported in this subset: classes [py/unsupported]
            class A:
            ^^^^^
            t.py:6:1: error: not supported in this subset: exceptions (`try`) [py/unsupported]
            try:
            ^^^
              = hint: check the condition with `if` before the operation instead
            t.py:10:5: error: not supported in this subset: `lambda` [py/unsupported]
            f = lambda v: v
                ^^^^^^
              = hint: define a function with `def` and call it
            t.py:11:5: error: not supported in this subset: dicts and sets [py/unsupported]
            d = {1: 2}
                ^^^^^^
              = hint: use a list of integers
            t.py:12:5: error: not supported in this subset: tuples as values [py/unsupported]
            t = (1, 2)
                ^^^^^^
              = hint: assign each value to its own variable: `a, b = 1, 2`
            t.py:13:5: error: not supported in this subset: strings as values [py/unsupported]
            s = "text"
                ^^^^^^
              = hint: strings may only be printed: `print("…")` or an f-string in `print`
            t.py:14:11: error: not supported in this subset: format specifications in f-strings (`:5`) [py/unsupported]
            print(f"{x:5}")
                      ^^
              = hint: a field holds just an expression, as in `{total}`
            t.py:15:12: error: not supported in this subset: slices [py/unsupported]
            xs = [1, 2][0:1]
                       ^^^^^
              = hint: copy the elements you need with a loop or a comprehension
            t.py:16:9: error: not supported in this subset: `is` comparisons [py/unsupported]
            print(x is None)
                    ^^
              = hint: compare values with `==`
        "#]],
    );
}

#[test]
fn type_errors() {
    check(
        "x = 5\nx = [1]\nxs = [1, 2]\nprint(xs + 1)\nprint(len(5))\nn = 3\nprint(n[0])\nprint(-xs)\nys = [True, False]\nb = xs and 1\ndef f(a):\n    return a[0]\nprint(f(3))\ndef show(v):\n    print(v)\nshow(1)\nshow(True)\nprint(xs < xs, xs == 1, 3(4))\n",
        expect![[r#"
            t.py:2:5: error: not supported in this subset: `x` is given a list here but holds an int elsewhere [py/unsupported]
            x = [1]
                ^^^
              = hint: a variable holds values of one type: use another name for this one
            t.py:4:10: error: can only concatenate a list to a list, not an int [py/type-mismatch]
            print(xs + 1)
                     ^
            t.py:5:11: error: `5` is an int, but `len` takes a list [py/type-mismatch]
            print(len(5))
                      ^
            t.py:7:7: error: `n` is an int, but only lists can be indexed [py/type-mismatch]
            print(n[0])
                  ^
            t.py:8:8: error: the operand of unary `-` must be numbers, but `xs` is a list [py/type-mismatch]
            print(-xs)
                   ^^
            t.py:9:7: error: not supported in this subset: lists of bool values [py/unsupported]
            ys = [True, False]
                  ^^^^
              = hint: lists in this subset hold ints only
            t.py:9:13: error: not supported in this subset: lists of bool values [py/unsupported]
            ys = [True, False]
                        ^^^^^
              = hint: lists in this subset hold ints only
            t.py:10:5: error: not supported in this subset: `and` between a list and an int as a value [py/unsupported]
            b = xs and 1
                ^^^^^^^^
              = hint: Python's `and` and `or` give one of their operands, so outside a condition both must have one type
            t.py:13:9: error: parameter `a` of `f` takes a list, but `3` is an int [py/type-mismatch]
            print(f(3))
                    ^
            t.py:17:6: error: not supported in this subset: parameter `v` of `show` gets a bool here and an int elsewhere [py/unsupported]
            show(True)
                 ^^^^
              = hint: a parameter holds values of one type; `int(…)` turns a bool into an int
            t.py:18:10: error: not supported in this subset: ordering lists with `<` [py/unsupported]
            print(xs < xs, xs == 1, 3(4))
                     ^
              = hint: compare their elements one by one
            t.py:18:19: error: not supported in this subset: `==` between a list and an int [py/unsupported]
            print(xs < xs, xs == 1, 3(4))
                              ^^
              = hint: compare numbers with numbers and lists with lists
            t.py:18:25: error: not supported in this subset: calling anything but a function by its name [py/unsupported]
            print(xs < xs, xs == 1, 3(4))
                                    ^
        "#]],
    );
}

#[test]
fn arity() {
    check(
        "def add(a, b=1):\n    return a + b\nprint(add())\nprint(add(1, 2, 3))\nprint(add(1, c=2))\nprint(add(1, a=2))\nprint(len())\nxs = []\nxs.append()\nfor i in range(1, 2, 3, 4):\n    pass\n",
        expect![[r#"
            t.py:3:7: error: `add` is missing the argument for parameter `a` [py/arity]
            print(add())
                  ^^^^^
            t.py:4:7: error: `add` takes 2 arguments but 3 were given [py/arity]
            print(add(1, 2, 3))
                  ^^^^^^^^^^^^
            t.py:5:14: error: `add` has no parameter named `c` [py/arity]
            print(add(1, c=2))
                         ^
            t.py:6:14: error: `add` got two values for parameter `a` [py/arity]
            print(add(1, a=2))
                         ^
            t.py:7:7: error: `len` takes 1 argument, but 0 were given [py/arity]
            print(len())
                  ^^^^^
            t.py:9:1: error: `append` takes 1 argument but 0 were given [py/arity]
            xs.append()
            ^^^^^^^^^^^
            t.py:10:10: error: `range` takes 1 to 3 arguments, but 4 were given [py/arity]
            for i in range(1, 2, 3, 4):
                     ^^^^^^^^^^^^^^^^^
        "#]],
    );
}

#[test]
fn functions_and_returns() {
    check(
        "def f(n):\n    if n > 0:\n        return n\ndef g():\n    return\ndef h(n):\n    if n:\n        return 1\n    return\nprint(f)\ndef k():\n    print(q)\n    global q\nq = 1\n",
        expect![[r#"
            t.py:1:5: error: not supported in this subset: function `f` can end without returning a value [py/unsupported]
            def f(n):
                ^
              = hint: Python would return None there; end every path through the function with `return`
            t.py:9:5: error: not supported in this subset: function `h` returns None here and an int elsewhere [py/unsupported]
                return
                ^^^^^^
              = hint: a function returns values of one type
            t.py:10:7: error: not supported in this subset: functions as values (`f` is not called) [py/unsupported]
            print(f)
                  ^
              = hint: call it: `name(…)`
            t.py:13:12: error: name `q` is used prior to global declaration [py/syntax]
                global q
                       ^
              = hint: put the `global` declaration at the start of the function
        "#]],
    );
}

#[test]
fn nesting_is_limited_without_overflowing_the_stack() {
    let deep = format!("x = {}1{}\n", "(".repeat(500), ")".repeat(500));
    let diags = lang_python::check(&deep);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].code, "py/unsupported");
    let long = format!("x = 1{}\n", " + 1".repeat(5000));
    assert_eq!(lang_python::check(&long).len(), 1);
    let minus = format!("x = {}1\n", "-".repeat(5000));
    assert_eq!(lang_python::check(&minus).len(), 1);
    let mut blocks = String::new();
    for depth in 0..150 {
        blocks.push_str(&" ".repeat(depth));
        blocks.push_str("if x:\n");
    }
    blocks.push_str(&" ".repeat(150));
    blocks.push_str("pass\n");
    assert!(!lang_python::check(&blocks).is_empty());
}

#[test]
fn strings_and_fstrings() {
    check(
        "x = 1\nprint(f\"{x!r} {x:>5} {x=} {} {\")\nprint(f\"{'a'} {x + } }\")\nprint('open)\nprint(b'raw')\ns = input()\nn = int(input(5))\n",
        expect![[r#"
            t.py:2:11: error: not supported in this subset: conversions in f-strings (`!r`) [py/unsupported]
            print(f"{x!r} {x:>5} {x=} {} {")
                      ^^
              = hint: a field holds just an expression, as in `{total}`
            t.py:2:17: error: not supported in this subset: format specifications in f-strings (`:>5`) [py/unsupported]
            print(f"{x!r} {x:>5} {x=} {} {")
                            ^^^
              = hint: a field holds just an expression, as in `{total}`
            t.py:2:24: error: not supported in this subset: self-documenting `=` in f-strings (`=`) [py/unsupported]
            print(f"{x!r} {x:>5} {x=} {} {")
                                   ^
              = hint: a field holds just an expression, as in `{total}`
            t.py:2:27: error: f-string: empty expression not allowed [py/syntax]
            print(f"{x!r} {x:>5} {x=} {} {")
                                      ^^
            t.py:2:30: error: f-string: expecting `}` [py/syntax]
            print(f"{x!r} {x:>5} {x=} {} {")
                                         ^
              = hint: close the field with `}`, or write `{{` for a literal `{`
            t.py:3:20: error: expected an expression, found the end of the f-string field [py/syntax]
            print(f"{'a'} {x + } }")
                               ^
            t.py:3:22: error: f-string: single `}` is not allowed [py/syntax]
            print(f"{'a'} {x + } }")
                                 ^
              = hint: write `}}` for a literal `}`
            t.py:4:7: error: unterminated string literal [py/syntax]
            print('open)
                  ^^^^^^
              = hint: close it with `'`
            t.py:5:7: error: not supported in this subset: bytes [py/unsupported]
            print(b'raw')
                  ^^^^^^
            t.py:6:5: error: not supported in this subset: strings as values (`input()` on its own) [py/unsupported]
            s = input()
                ^^^^^^^
              = hint: read a number with `int(input())`
            t.py:7:15: error: not supported in this subset: prompts other than a string [py/unsupported]
            n = int(input(5))
                          ^
              = hint: write the prompt in quotes: `input("n? ")`
        "#]],
    );
}

#[test]
fn loops_and_scopes() {
    check(
        "while True:\n    break\nelse:\n    pass\nfor a, b in []:\n    pass\ndef f(x):\n    global x\n    return 1\ndef f():\n    return 2\ndef g():\n    def h():\n        pass\n    return 0\nprint([y for y in range(3)], y)\ndef r():\n    global q\n    return q\n",
        expect![[r#"
            t.py:3:1: error: not supported in this subset: `else` after a loop [py/unsupported]
            else:
            ^^^^
              = hint: use a variable that records whether the loop ended with `break`
            t.py:5:5: error: not supported in this subset: tuples as values (`for` with several targets) [py/unsupported]
            for a, b in []:
                ^^^^
              = hint: loop over indexes with `range(len(xs))`
            t.py:8:12: error: name `x` is parameter and global [py/syntax]
                global x
                       ^
            t.py:10:5: error: not supported in this subset: defining `f` more than once [py/unsupported]
            def f():
                ^
            t.py:7:5: note: first defined here
              = hint: give each function its own name
            t.py:13:9: error: not supported in this subset: functions defined inside other statements or functions [py/unsupported]
                def h():
                    ^
              = hint: define every function at the top level of the file
            t.py:16:30: error: undeclared name `y` [py/undeclared-name]
            print([y for y in range(3)], y)
                                         ^
              = hint: `y` has a value only inside its comprehension
            t.py:19:12: error: undeclared name `q` [py/undeclared-name]
                return q
                       ^
              = hint: `global q` declares it, but nothing assigns it a value
        "#]],
    );
}
