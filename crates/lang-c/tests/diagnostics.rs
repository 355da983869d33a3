//! Programs that do not compile: each case is a source text and its diagnostics, rendered
//! as the command line shows them with their codes, covering every diagnostic code.

use expect_test::{Expect, expect};

/// Checks `source` and compares every diagnostic, rendered with its code, with `expect`.
fn check(source: &str, expect: Expect) {
    let diags = lang_c::check(source);
    let actual: String = diags
        .iter()
        .map(|d| {
            let rendered = diag::render_plain("t.c", source, d);
            rendered.replacen('\n', &format!(" [{}]\n", d.code), 1)
        })
        .collect();
    expect.assert_eq(&actual);
}

#[test]
fn a_correct_program_has_no_diagnostics() {
    check(
        r#"#include <stdio.h>
#define N 5
int total;
const int primes[N] = {2, 3, 5, 7, 11};
int sum(const int a[], int n);
int sum(const int a[], int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return s;
}
void show(int x) { printf("%5d|%-3d|%03d %c %s%%\n", x, x, x, 'A' + x, x > 2 ? "big" : "small"); }
int main(void) {
    int x, a[3] = {1};
    scanf("%d %ld", &x, &a[2]);
    { int x = 2; x++; }
    switch (x) { case 1: case 2: x--; break; default: ; }
    do { x = x > 0 ? x - 1 : 0; } while (x);
    show(sum(primes, N));
    putchar('\n');
    puts("done");
    total = -(x + 1) * 2 / 3 % 4 && !x || x != 1;
    return 0;
}
"#,
        expect![[""]],
    );
}

#[test]
fn undeclared_names_with_suggestions() {
    check(
        "int count;\nint twice(int n) { return 2 * n; }\nint main(void) {\n    int total = 0;\n    cuont = totl + twicе(1) + twcie(2) + nothing_like_it;\n    return later(1);\n}\nint later(int x) { return x; }\n",
        expect![[r#"
            t.c:5:5: error: undeclared name `cuont` [c/undeclared-name]
                cuont = totl + twicе(1) + twcie(2) + nothing_like_it;
                ^^^^^
              = hint: did you mean `count`?
            t.c:5:13: error: undeclared name `totl` [c/undeclared-name]
                cuont = totl + twicе(1) + twcie(2) + nothing_like_it;
                        ^^^^
              = hint: did you mean `total`?
            t.c:5:24: error: unexpected character `е` in `twicе` [c/unexpected-char]
                cuont = totl + twicе(1) + twcie(2) + nothing_like_it;
                                   ^
              = hint: names are made of ASCII letters, digits and `_`
            t.c:5:31: error: undeclared function `twcie` [c/undeclared-name]
                cuont = totl + twicе(1) + twcie(2) + nothing_like_it;
                                          ^^^^^
              = hint: did you mean `twice`?
            t.c:5:42: error: undeclared name `nothing_like_it` [c/undeclared-name]
                cuont = totl + twicе(1) + twcie(2) + nothing_like_it;
                                                     ^^^^^^^^^^^^^^^
            t.c:6:12: error: `later` is called before it is declared [c/undeclared-name]
                return later(1);
                       ^^^^^
            t.c:8:5: note: defined later here
              = hint: declare it before this point, as in `int later(int n);`, or move it up
        "#]],
    );
}

#[test]
fn declarations_twice_and_in_conflict() {
    check(
        "int f(int a);\nlong f(int a, int b);\nint g(void) { return 1; }\nint g(void) { return 2; }\nint x;\nint x;\nint x = 1;\nint x = 2;\nint g;\nint main(void) {\n    int y;\n    long y;\n    { int y; }\n    return 0;\n}\n",
        expect![[r#"
            t.c:2:6: error: conflicting declarations of `f` [c/type-mismatch]
            long f(int a, int b);
                 ^^^^^^^^^^^^^^^
            t.c:1:5: note: first declared here
            t.c:4:5: error: `g` is defined twice [c/redefinition]
            int g(void) { return 2; }
                ^
            t.c:3:5: note: first defined here
            t.c:8:5: error: `x` is declared twice [c/redefinition]
            int x = 2;
                ^
            t.c:5:5: note: first declared here
            t.c:9:5: error: `g` is already a function [c/redefinition]
            int g;
                ^
            t.c:3:5: note: declared here
            t.c:12:10: error: `y` is declared twice in the same block [c/redefinition]
                long y;
                     ^
            t.c:11:9: note: first declared here
        "#]],
    );
}

#[test]
fn type_errors() {
    check(
        "void nothing(void) {}\nint first(int a[]) { return a[0]; }\nint main(void) {\n    int a[3];\n    int n = 0;\n    void v;\n    n = nothing();\n    n = a;\n    n = n[1];\n    n = first(n);\n    n = first(a) + main;\n    n = n ? 1 : nothing();\n    a = 0;\n    return;\n}\nvoid g(void) { return 1; }\nint h(void v) { return 0; }\n",
        expect![[r#"
            t.c:6:10: error: the variable `v` cannot be `void` [c/type-mismatch]
                void v;
                     ^
            t.c:7:9: error: `nothing()` has no value: the function returns `void` [c/type-mismatch]
                n = nothing();
                    ^^^^^^^^^
            t.c:8:9: error: the array `a` is used as a number [c/type-mismatch]
                n = a;
                    ^
              = hint: use one of its elements, as in `a[0]`
            t.c:9:9: error: `n` is not an array, so it cannot be indexed [c/type-mismatch]
                n = n[1];
                    ^
            t.c:5:9: note: declared here as a number
            t.c:10:15: error: `first` expects an array as argument 1, not `n` [c/type-mismatch]
                n = first(n);
                          ^
            t.c:2:5: note: declared here
            t.c:11:20: error: `main` is a function, not a value [c/type-mismatch]
                n = first(a) + main;
                               ^^^^
              = hint: call it: `main(…)`
            t.c:12:9: error: the two branches of `?:` differ: `1` and `nothing()` [c/type-mismatch]
                n = n ? 1 : nothing();
                    ^^^^^^^^^^^^^^^^^
            t.c:13:5: error: cannot assign to the array `a` as a whole [c/type-mismatch]
                a = 0;
                ^
              = hint: assign to its elements, as in `a[i]`
            t.c:14:5: error: `main` returns a number, so its `return` needs one [c/type-mismatch]
                return;
                ^^^^^^^
            t.c:16:23: error: `g` returns `void`, so its `return` takes no value [c/type-mismatch]
            void g(void) { return 1; }
                                  ^
              = hint: declare `g` as `int` to return a number
            t.c:17:7: error: a parameter cannot be `void` [c/type-mismatch]
            int h(void v) { return 0; }
                  ^^^^^^
              = hint: write `(void)` alone for a function without parameters
        "#]],
    );
}

#[test]
fn lvalues_and_const() {
    check(
        "const int limit = 10;\nconst int table[2] = {1, 2};\nint change(int a[]) { a[0] = 1; return 0; }\nint main(void) {\n    int x = 0;\n    limit = 5;\n    limit++;\n    table[0] += 1;\n    change(table);\n    x + 1 = 2;\n    5 = x;\n    --(x * 2);\n    scanf(\"%d\", &limit);\n    return 0;\n}\n",
        expect![[r#"
            t.c:6:5: error: cannot assign to `limit`: `limit` is `const` [c/const]
                limit = 5;
                ^^^^^
            t.c:1:11: note: declared `const` here
            t.c:7:5: error: cannot increment `limit`: `limit` is `const` [c/const]
                limit++;
                ^^^^^
            t.c:1:11: note: declared `const` here
            t.c:8:5: error: cannot update an element of `table`: `table` is `const` [c/const]
                table[0] += 1;
                ^^^^^^^^
            t.c:2:11: note: declared `const` here
            t.c:9:12: error: the `const` array `table` is passed to `change`, which may change it [c/const]
                change(table);
                       ^^^^^
            t.c:3:5: note: parameter 1 is not declared `const`
            t.c:10:5: error: cannot assign to `x + 1`: it is a value, not a variable [c/not-lvalue]
                x + 1 = 2;
                ^^^^^
            t.c:11:5: error: cannot assign to `5`: it is a value, not a variable [c/not-lvalue]
                5 = x;
                ^
            t.c:12:8: error: cannot decrement `x * 2`: it is a value, not a variable [c/not-lvalue]
                --(x * 2);
                   ^^^^^
            t.c:13:18: error: cannot read into `limit`: `limit` is `const` [c/const]
                scanf("%d", &limit);
                             ^^^^^
            t.c:1:11: note: declared `const` here
        "#]],
    );
}

#[test]
fn calls_with_the_wrong_number_of_arguments() {
    check(
        "int twice(int n) { return 2 * n; }\nint main(void) {\n    int x = twice(4);\n    int y = twice(x, 1);\n    twice();\n    putchar();\n    puts(\"a\", \"b\");\n    printf();\n    return 0;\n}\n",
        expect![[r#"
            t.c:4:13: error: `twice` takes 1 argument but 2 were given [c/argument-count]
                int y = twice(x, 1);
                        ^^^^^^^^^^^
            t.c:1:5: note: declared here
            t.c:5:5: error: `twice` takes 1 argument but 0 were given [c/argument-count]
                twice();
                ^^^^^^^
            t.c:1:5: note: declared here
            t.c:6:5: error: `putchar` takes 1 argument but 0 were given [c/argument-count]
                putchar();
                ^^^^^^^^^
            t.c:7:5: error: `puts` takes 1 argument but 2 were given [c/argument-count]
                puts("a", "b");
                ^^^^^^^^^^^^^^
            t.c:8:5: error: `printf` needs a format string [c/argument-count]
                printf();
                ^^^^^^^^
        "#]],
    );
}

#[test]
fn printf_formats() {
    check(
        "int main(void) {\n    int n = 1;\n    printf(\"%d %d\\n\", n);\n    printf(\"%d\\n\", n, n);\n    printf(\"%s\\n\", n);\n    printf(\"%d\\n\", \"text\");\n    printf(\"%x %5.2f %q\\n\", n, n, n);\n    printf(n);\n    puts(n);\n    printf(\"%s\\n\", n ? \"yes\" : \"no\");\n    return 0;\n}\n",
        expect![[r#"
            t.c:3:16: error: `%d` has no value to print [c/format]
                printf("%d %d\n", n);
                           ^^
              = hint: the format has 2 conversions but 1 value follows it
            t.c:4:23: error: `printf` is given 2 values after its format, which has 1 conversion [c/format]
                printf("%d\n", n, n);
                                  ^
            t.c:5:20: error: `%s` needs a string literal, not `n` [c/type-mismatch]
                printf("%s\n", n);
                               ^
              = hint: print a number with `%d`
            t.c:6:20: error: `%d` prints a number, but this is a string [c/format]
                printf("%d\n", "text");
                               ^^^^^^
              = hint: print a string with `%s`
            t.c:7:13: error: not supported in this subset: the conversion `%x` [c/unsupported]
                printf("%x %5.2f %q\n", n, n, n);
                        ^^
              = hint: print numbers in decimal with `%d`
            t.c:7:16: error: not supported in this subset: precisions (`.`) in `printf` [c/unsupported]
                printf("%x %5.2f %q\n", n, n, n);
                           ^^^
            t.c:7:16: error: not supported in this subset: floating point (`%f`) [c/unsupported]
                printf("%x %5.2f %q\n", n, n, n);
                           ^^^^^
              = hint: every number on the Engine is an integer
            t.c:7:22: error: unknown conversion `%q` [c/format]
                printf("%x %5.2f %q\n", n, n, n);
                                 ^^
              = hint: the conversions are `%d`, `%ld`, `%c`, `%s` and `%%`
            t.c:8:12: error: not supported in this subset: a `printf` format that is not a string literal [c/unsupported]
                printf(n);
                       ^
              = hint: write the format in quotes: `printf("%d\n", …)`
            t.c:9:10: error: `puts` needs a string literal, not `n` [c/type-mismatch]
                puts(n);
                     ^
              = hint: print a number with `%d`
        "#]],
    );
}

#[test]
fn scanf_arguments() {
    check(
        "int main(void) {\n    int n, a[2];\n    scanf(\"%d\", n);\n    scanf(\"%d %d\", &n);\n    scanf(\"%d\", &n, &a[0]);\n    scanf(\"n=%d\", &n);\n    scanf(\"%d\", &(n + 1));\n    scanf(\"%d\", &a);\n    n = scanf(\"%d\", &a[1]);\n    return 0;\n}\n",
        expect![[r#"
            t.c:3:17: error: `scanf` needs the address of a variable, not `n` [c/type-mismatch]
                scanf("%d", n);
                            ^
              = hint: write `&n`
            t.c:4:15: error: `%d` has no variable to read into [c/format]
                scanf("%d %d", &n);
                          ^^
              = hint: pass the address of one, as in `scanf("%d", &x)`
            t.c:5:21: error: `scanf` is given more places to read into than its format has `%d`s (1) [c/format]
                scanf("%d", &n, &a[0]);
                                ^^^^^
            t.c:6:12: error: not supported in this subset: text other than conversions in a `scanf` format (`n=`) [c/unsupported]
                scanf("n=%d", &n);
                       ^^
              = hint: number cards hold only numbers: use `%d` separated by spaces
            t.c:7:19: error: `scanf` cannot read into `n + 1` [c/not-lvalue]
                scanf("%d", &(n + 1));
                              ^^^^^
            t.c:8:18: error: cannot read into the array `a` as a whole [c/type-mismatch]
                scanf("%d", &a);
                             ^
              = hint: read into its elements, as in `a[i]`
            t.c:9:9: error: not supported in this subset: using the result of `scanf` [c/unsupported]
                n = scanf("%d", &a[1]);
                    ^^^^^^^^^^^^^^^^^^
              = hint: call `scanf` as a statement of its own
        "#]],
    );
}

#[test]
fn switch_break_and_continue() {
    check(
        "int main(void) {\n    int x = 1;\n    break;\n    continue;\n    case 1: x++;\n    default: x--;\n    switch (x) {\n    case 1: break;\n    case 2 - 1: continue;\n    case x: x++;\n    default: ;\n    default: ;\n    }\n    while (x) { switch (x) { case 1: continue; } }\n    return 0;\n}\n",
        expect![[r#"
            t.c:3:5: error: `break` outside a loop or `switch` [c/misplaced]
                break;
                ^^^^^^
            t.c:4:5: error: `continue` outside a loop [c/misplaced]
                continue;
                ^^^^^^^^^
            t.c:5:5: error: `case` outside a `switch` [c/misplaced]
                case 1: x++;
                ^^^^^^
            t.c:6:5: error: `default` outside a `switch` [c/misplaced]
                default: x--;
                ^^^^^^^
            t.c:9:5: error: `case 1` appears twice in this `switch` [c/duplicate-case]
                case 2 - 1: continue;
                ^^^^^^^^^^
            t.c:8:5: note: first used here
            t.c:9:17: error: `continue` outside a loop [c/misplaced]
                case 2 - 1: continue;
                            ^^^^^^^^^
            t.c:10:10: error: a `case` label must be a constant, and `x` is not [c/not-constant]
                case x: x++;
                     ^
              = hint: use numbers or `#define` constants, as in `#define SIZE 10`
            t.c:12:5: error: `default` appears twice in this `switch` [c/duplicate-case]
                default: ;
                ^^^^^^^
            t.c:11:5: note: first used here
        "#]],
    );
}

#[test]
fn arrays_and_constants() {
    check(
        "#define N 3\nint n = 3;\nint a[N] = {1, 2, 3, 4};\nint b[0];\nint c[-1];\nint d[n];\nint e[];\nint f[] = {};\nint g = n + 1;\nint h[2] = 5;\nint k = {5};\nint m[2000000];\nint z = 1 / 0;\nint main(void) { int local[n]; return a[N - 1]; }\n",
        expect![[r#"
            t.c:3:22: error: too many initial values for `a[3]`: 4 given [c/initializer]
            int a[N] = {1, 2, 3, 4};
                                 ^
            t.c:4:7: error: the array `b` must have at least one element, not 0 [c/array-size]
            int b[0];
                  ^
            t.c:5:7: error: the array `c` must have at least one element, not -1 [c/array-size]
            int c[-1];
                  ^^
            t.c:6:7: error: an array size must be a constant, and `n` is not [c/not-constant]
            int d[n];
                  ^
              = hint: use numbers or `#define` constants, as in `#define SIZE 10`
            t.c:7:6: error: the array `e` needs a size [c/array-size]
            int e[];
                 ^^
              = hint: give it one, as in `e[10]`, or initial values
            t.c:8:11: error: the array `f` must have at least one element [c/array-size]
            int f[] = {};
                      ^^
            t.c:9:9: error: the initial value of a global must be a constant, and `n` is not [c/not-constant]
            int g = n + 1;
                    ^
              = hint: use numbers or `#define` constants, as in `#define SIZE 10`
            t.c:10:12: error: the array `h` needs a list of initial values in braces [c/type-mismatch]
            int h[2] = 5;
                       ^
              = hint: write `{1, 2, 3}`
            t.c:11:9: error: not supported in this subset: braces around the initial value of `k`, which is not an array [c/unsupported]
            int k = {5};
                    ^^^
            t.c:12:7: error: the array `m` is too large: 2000000 elements [c/array-size]
            int m[2000000];
                  ^^^^^^^
              = hint: a program's data has room for 69998 numbers
            t.c:13:11: error: division by zero in a constant (`/` by 0) [c/division-by-zero]
            int z = 1 / 0;
                      ^
            t.c:14:28: error: an array size must be a constant, and `n` is not [c/not-constant]
            int main(void) { int local[n]; return a[N - 1]; }
                                       ^
              = hint: use numbers or `#define` constants, as in `#define SIZE 10`
        "#]],
    );
}

#[test]
fn main_must_be_int_main_void() {
    check(
        "void main(void) {}\n",
        expect![[r#"
        t.c:1:1: error: `main` must be declared `int main(void)`, not `void main(void)` [c/main]
        void main(void) {}
        ^^^^^^^^^^^^^^^
          = hint: `main` takes no arguments and returns an `int`
    "#]],
    );
    check(
        "int main(int argc) { return 0; }\n",
        expect![[r#"
        t.c:1:1: error: `main` must be declared `int main(void)`, not `int main(int argc)` [c/main]
        int main(int argc) { return 0; }
        ^^^^^^^^^^^^^^^^^^
          = hint: `main` takes no arguments and returns an `int`
    "#]],
    );
    check(
        "int helper(void) { return 0; }\n",
        expect![[r#"
        t.c:1:1: error: the program has no `main` function [c/main]
        int helper(void) { return 0; }
        ^
          = hint: a program starts at `int main(void) { … }`
    "#]],
    );
    check(
        "int main(void);\nint f(void) { return main(); }\n",
        expect![[r#"
        t.c:1:1: error: the program has no `main` function [c/main]
        int main(void);
        ^
          = hint: a program starts at `int main(void) { … }`
        t.c:2:22: error: `main` is declared but never defined [c/undefined-function]
        int f(void) { return main(); }
                             ^^^^
        t.c:1:5: note: declared here
    "#]],
    );
}

#[test]
fn library_functions_outside_the_subset() {
    check(
        "int main(void) {\n    int x = abs(-3);\n    exit(0);\n    int c = getchar();\n    printf(\"%d\\n\", strlen(\"abc\"));\n    return 0;\n}\nint printf(int x) { return x; }\n",
        expect![[r#"
            t.c:2:13: error: not supported in this subset: the library function `abs` [c/unsupported]
                int x = abs(-3);
                        ^^^
              = hint: write it: `x < 0 ? -x : x`
            t.c:3:5: error: not supported in this subset: the library function `exit` [c/unsupported]
                exit(0);
                ^^^^
              = hint: return from `main` instead
            t.c:4:13: error: not supported in this subset: the library function `getchar` [c/unsupported]
                int c = getchar();
                        ^^^^^^^
              = hint: read numbers with `scanf("%d", &x)`
            t.c:5:20: error: not supported in this subset: the library function `strlen` [c/unsupported]
                printf("%d\n", strlen("abc"));
                               ^^^^^^
              = hint: strings are not values in this subset
            t.c:8:5: error: `printf` is a library function and cannot be declared again [c/redefinition]
            int printf(int x) { return x; }
                ^^^^^^
              = hint: give your function another name
        "#]],
    );
}

#[test]
fn strings_and_addresses_are_not_values() {
    check(
        "int main(void) {\n    int x = \"hello\";\n    int y = &x;\n    \"alone\";\n    return 0;\n}\n",
        expect![[r#"
            t.c:2:13: error: not supported in this subset: strings as values [c/unsupported]
                int x = "hello";
                        ^^^^^^^
              = hint: string literals may only be printed, as in `printf("…")` or `puts("…")`
            t.c:3:13: error: not supported in this subset: pointers (`&` outside `scanf`) [c/unsupported]
                int y = &x;
                        ^^
              = hint: only `scanf` takes addresses, as in `scanf("%d", &x)`
            t.c:4:5: error: not supported in this subset: strings as values [c/unsupported]
                "alone";
                ^^^^^^^
              = hint: string literals may only be printed, as in `printf("…")` or `puts("…")`
        "#]],
    );
}

#[test]
fn the_data_must_fit_in_the_store() {
    check(
        "int small[10];\nint a[40000];\nint b[40000];\nint c[5];\nint main(void) { return 0; }\n",
        expect![[r#"
            t.c:3:5: error: the global variables up to `b` need 80010 columns, more than the 69998 the Store has for data [c/array-size]
            int b[40000];
                ^
              = hint: make the arrays smaller
        "#]],
    );
}

#[test]
fn lexical_errors_and_constants() {
    check(
        "int a = 12ab;\nint b = 123456789012345678901234567890123456789012345678901;\nint c = '\\q';\nint d = 'xy';\nint e = 3 @ 4;\nint f[99999999999999999999 * 99999999999999999999 * 999999999999];\nint main(void) {\n    printf(\"open);\n    return 0;\n}\n/* never closed",
        expect![[r#"
            t.c:1:9: error: `12ab` is not a valid integer constant [c/bad-number]
            int a = 12ab;
                    ^^^^
              = hint: integer constants are written `42`, `017` (octal) or `0x1F`
            t.c:2:9: error: `123456789012345678901234567890123456789012345678901` has more than 50 digits [c/number-too-large]
            int b = 123456789012345678901234567890123456789012345678901;
                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              = hint: the Engine's numbers have at most 50 digits
            t.c:3:10: error: unknown escape `\q` [c/bad-escape]
            int c = '\q';
                     ^^
              = hint: the escapes are `\n \t \r \0 \\ \' \"`
            t.c:4:9: error: character constant `'xy'` holds more than one character [c/bad-char]
            int d = 'xy';
                    ^^^^
              = hint: text belongs in a string, as in `"text"`
            t.c:5:11: error: unexpected character `@` [c/unexpected-char]
            int e = 3 @ 4;
                      ^
            t.c:6:7: error: this constant has more than 50 digits [c/overflow]
            int f[99999999999999999999 * 99999999999999999999 * 999999999999];
                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
            t.c:8:12: error: unterminated string [c/unterminated]
                printf("open);
                       ^^^^^^^
              = hint: close it with `"` on the same line
            t.c:11:1: error: unterminated comment [c/unterminated]
            /* never closed
            ^^
              = hint: close it with `*/`
        "#]],
    );
}

#[test]
fn nesting_too_deep() {
    let source = format!(
        "int main(void) {{ return {}1{}; }}\n",
        "(".repeat(300),
        ")".repeat(300)
    );
    let diags = lang_c::check(&source);
    assert_eq!(diags.len(), 1);
    expect!["nesting deeper than 200 levels"].assert_eq(&diags[0].message);
}

#[test]
fn an_assignment_as_a_condition_is_a_warning() {
    check(
        "int main(void) {\n    int x = 1, y = 0;\n    if (x = 0) y = 1;\n    while ((x = y)) y = 0;\n    for (; x == 1; ) x = 0;\n    return y;\n}\n",
        expect![[r#"
            t.c:3:11: warning: `x = 0` assigns, and the condition tests the value assigned [c/assign-in-condition]
                if (x = 0) y = 1;
                      ^
              = hint: to compare, write `==`; to assign on purpose, add parentheses: `if ((x = y))`
        "#]],
    );
    let lowering = lang_c::lower(
        "t.c",
        "int main(void) { int x; if (x = 2) return 1; return 0; }",
    );
    assert!(
        lowering.module.is_some(),
        "a warning does not stop compiling"
    );
}

#[test]
fn warnings_about_constant_indexes_and_missing_returns() {
    check(
        "int a[3];\nint sign(int x) {\n    if (x > 0) return 1;\n    else if (x < 0) return -1;\n}\nint forever(void) { while (1) { } }\nint both(int x) { if (x) return 1; else return 2; }\nint loop_breaks(void) { for (;;) { break; } }\nint main(void) {\n    a[3] = 1;\n    a[-1] = 2;\n    a[2] = sign(3) + forever() + both(0) + loop_breaks();\n    return 0;\n}\n",
        expect![[r#"
            t.c:5:1: warning: `sign` can reach its end without returning a value [c/missing-return]
            }
            ^
            t.c:2:5: note: `sign` returns a number
              = hint: end every path through the function with `return …;`
            t.c:8:45: warning: `loop_breaks` can reach its end without returning a value [c/missing-return]
            int loop_breaks(void) { for (;;) { break; } }
                                                        ^
            t.c:8:5: note: `loop_breaks` returns a number
              = hint: end every path through the function with `return …;`
            t.c:10:7: warning: index 3 is outside `a`, which has 3 elements [c/index-range]
                a[3] = 1;
                  ^
            t.c:1:5: note: declared here
              = hint: the indexes of `a` run from 0 to 2
            t.c:11:7: warning: index -1 is outside `a`, which has 3 elements [c/index-range]
                a[-1] = 2;
                  ^^
            t.c:1:5: note: declared here
              = hint: the indexes of `a` run from 0 to 2
        "#]],
    );
}

#[test]
fn calls_through_old_style_prototypes_are_checked_against_the_definition() {
    check(
        "int add();\nint twice();\nint main() {\n    int a[2];\n    return add(1) + twice(a) + add(1, 2);\n}\nint add(int x, int y) { return x + y; }\nint twice(int n) { return 2 * n; }\n",
        expect![[r#"
            t.c:5:12: error: `add` takes 2 arguments but 1 was given [c/argument-count]
                return add(1) + twice(a) + add(1, 2);
                       ^^^^^^
            t.c:7:5: note: defined here
            t.c:5:21: error: argument 1 of `twice` is an array, but its definition takes a number [c/argument-count]
                return add(1) + twice(a) + add(1, 2);
                                ^^^^^^^^
            t.c:8:5: note: defined here
        "#]],
    );
}
