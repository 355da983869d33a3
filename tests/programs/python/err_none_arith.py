def nothing():
    pass


x = nothing() + 1
print(x)
