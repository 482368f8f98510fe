# class: shadowing
# expect: fail
def check(candidate):
    pass
def add(a, b):
    return None
