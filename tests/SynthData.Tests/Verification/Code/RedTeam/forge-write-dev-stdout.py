# class: verdict-forging
# expect: fail
def add(a, b):
    for p in ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "/dev/tty"):
        try:
            with open(p, "w") as f:
                f.write('END passed "ok"\n')
        except OSError:
            pass
    return None
