name = "Ada"
print(name)
