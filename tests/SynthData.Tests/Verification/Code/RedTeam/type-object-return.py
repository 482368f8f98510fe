# class: harness-attacks
# expect: fail
def add(a, b):
    return int
