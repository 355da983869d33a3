#!/usr/bin/env python3
"""Writes the expected output of test programs by running them with the real toolchains.

Usage: python3 scripts/expected-output.py tests/programs/c/*.c tests/programs/python/*.py

For each program, its number cards (NAME.in beside it, whitespace-separated integers) are
fed to standard input one per line, as `scanf` and `input()` both read them, and what the
real language prints becomes NAME.out:

- `.c`: compiled with gcc (`-std=c11 -O0`) and run.
- `.py`: run with python3.

Programs whose NAME.fail says `compile` are skipped (they are outside the subset, so there
is no output to expect), and so are C programs whose NAME.fail says `runtime`. A Python
program that stops with an exception gets NAME.fail (`runtime LINE`, the line of
the innermost frame of the traceback) beside the output it printed before. A C program that
the real compiler rejects, or that crashes, is reported and its files are left alone: its
`.fail` is written by hand, since C does not say where a crash happened, and its `.out`
comes from an unbuffered, sanitised build (tests/programs/c/README.md).
"""

import pathlib
import re
import subprocess
import sys
import tempfile


def cards(program: pathlib.Path) -> str:
    path = program.with_suffix(".in")
    if not path.exists():
        return ""
    return "".join(token + "\n" for token in path.read_text().split())


def run_c(program: pathlib.Path, stdin: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as tmp:
        binary = pathlib.Path(tmp) / "program"
        subprocess.run(
            ["gcc", "-std=c11", "-O0", "-w", "-o", str(binary), str(program)],
            check=True,
        )
        return subprocess.run(
            [str(binary)], input=stdin, capture_output=True, text=True, timeout=60
        )


def run_python(program: pathlib.Path, stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(program)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def main(paths: list[str]) -> int:
    status = 0
    for name in paths:
        program = pathlib.Path(name)
        fail = program.with_suffix(".fail")
        kind = fail.read_text().split()[:1] if fail.exists() else []
        # A program that must not compile is outside the subset: the real language may well
        # run it, but there is no output to expect. C's runtime faults are undefined
        # behaviour to gcc, so their files are made by hand too.
        if kind == ["compile"] or (kind == ["runtime"] and program.suffix == ".c"):
            continue
        stdin = cards(program)
        try:
            if program.suffix == ".c":
                done = run_c(program, stdin)
            elif program.suffix == ".py":
                done = run_python(program, stdin)
            else:
                print(f"{program}: not a .c or .py program", file=sys.stderr)
                status = 1
                continue
        except subprocess.CalledProcessError:
            print(f"{program}: gcc rejects it", file=sys.stderr)
            status = 1
            continue
        if program.suffix == ".c" and done.returncode != 0:
            # A crashed C program loses what stdio had buffered, so its output is not
            # the expected one: leave the hand-made files alone.
            print(
                f"{program}: exited with {done.returncode}; its .out and .fail stay as "
                "they are (see tests/programs/c/README.md)",
                file=sys.stderr,
            )
            continue
        program.with_suffix(".out").write_text(done.stdout)
        if done.returncode == 0:
            continue
        lines = re.findall(r'File ".*", line (\d+)', done.stderr)
        if program.suffix == ".py" and lines:
            fail.write_text(f"runtime {lines[-1]}\n")
        else:
            print(f"{program}: exited with {done.returncode}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
