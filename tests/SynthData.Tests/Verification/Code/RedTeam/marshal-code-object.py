# class: harness-attacks
# expect: fail
def add(a, b):
    return (lambda: 5).__code__
