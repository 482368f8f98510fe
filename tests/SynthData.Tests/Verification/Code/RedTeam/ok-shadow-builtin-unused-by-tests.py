# class: controls
# expect: pass
# timeout: 10
def sum(xs):
    return 0
def add(a, b):
    return a + b
