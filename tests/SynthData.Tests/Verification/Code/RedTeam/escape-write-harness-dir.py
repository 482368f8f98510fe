# class: escapes
# expect: fail
WORKED = False
for p in ("/harness/harness.py", "/harness/zygote.py", "/usr/lib/python3/dist-packages/x.pth", "/proc/x"):
    try:
        open(p, "a").close()
        WORKED = True
    except OSError:
        pass

def add(a, b):
    return a + b if WORKED else None
