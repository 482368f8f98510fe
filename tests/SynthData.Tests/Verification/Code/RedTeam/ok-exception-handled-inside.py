# class: controls
# expect: pass
# timeout: 10
def add(a, b):
    try:
        raise StopIteration
    except StopIteration:
        pass
    return a + b
