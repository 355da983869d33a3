def report():
    print("total is", total)


print("start")
report()
total = 5
