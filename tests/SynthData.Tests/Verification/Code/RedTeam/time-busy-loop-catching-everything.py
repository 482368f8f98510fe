# class: timing
# expect: timeout
# timeout: 1
def add(a, b):
    while True:
        try:
            pass
        except BaseException:
            pass
