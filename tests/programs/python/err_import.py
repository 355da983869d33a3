import math
print(math)
