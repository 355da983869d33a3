#!/usr/bin/env python3
"""Writes the expected output of test programs by running them with the real toolchains.

Usage: python3 scripts/expected-output.py tests/programs/c/*.c tests/programs/python/*.py

For each program, its number cards (NAME.in beside it, whitespace-separated integers) are
fed to standard input one per line, as `scanf` and `input()` both read them, and what the
real language prints becomes NAME.out:

- `.c`: compiled with gcc (`-std=c11 -O0`) and run.
- `.py`: run with python3.

A Python program that stops with an exception gets NAME.fail (`runtime LINE`, the line of
the innermost frame of the traceback) beside the output it printed before. A C program that
the real compiler rejects, or that crashes, is reported and left alone: its `.fail` is
written by hand, since C does not say where a crash happened.
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
        program.with_suffix(".out").write_text(done.stdout)
        fail = program.with_suffix(".fail")
        if done.returncode == 0:
            continue
        lines = re.findall(r'File ".*", line (\d+)', done.stderr)
        if program.suffix == ".py" and lines:
            fail.write_text(f"runtime {lines[-1]}\n")
        elif not fail.exists():
            print(
                f"{program}: exited with {done.returncode}; write its .fail by hand",
                file=sys.stderr,
            )
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
