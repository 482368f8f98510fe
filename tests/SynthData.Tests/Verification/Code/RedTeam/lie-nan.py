# class: lying-values
# expect: fail
# tests: assert not (add(1, 2) != 3)
def add(a, b):
    return float('nan')
