# class: shadowing
# expect: fail
# tests: assert str(add(1, 2)) == '4'
def str(x=''):
    return '4'
def add(a, b):
    return a + b
