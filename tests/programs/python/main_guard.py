"""A program in the usual shape: functions, then a main guarded by __name__."""


def area(width: int, height: int = 1) -> int:
    """The area of a rectangle."""
    return width * height


def main():
    total: int = 0
    for w in range(1, 4):
        total += area(w, w + 1)
    print("total area", total)


if __name__ == "__main__":
    main()
