a = 6
b = 7
print(f"{a} times {b} is {a * b}")
xs = [1, 2, 3]
print(f"list {xs} has {len(xs)} items; first {xs[0]}, last {xs[-1]}")
ok = a < b
print(f"a < b is {ok}; braces {{like this}}")
print(f"{a}{b}", f"[{a if ok else b}]")
