# class: shadowing
# expect: fail
# tests: assert len(add('a', 'b')) == 3
def len(x):
    return 3
def add(a, b):
    return a + b
