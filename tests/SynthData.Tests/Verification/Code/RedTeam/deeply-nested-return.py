# class: harness-attacks
# expect: fail
def add(a, b):
    v = []
    for _ in range(100000):
        v = [v]
    return v
