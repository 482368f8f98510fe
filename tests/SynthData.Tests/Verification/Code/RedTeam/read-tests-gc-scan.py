# class: reading-tests
# expect: fail
import gc, sys
MARK = "".join(["candidate(10,", " -4)"])
def add(a, b):
    found = False
    for o in gc.get_objects():
        try:
            if isinstance(o, str) and o is not MARK and MARK in o:
                found = True
        except Exception:
            pass
    f = sys._getframe()
    while f is not None:
        found = found or any(isinstance(v, str) and v is not MARK and MARK in v for v in list(f.f_globals.values()) + list(f.f_locals.values()))
        f = f.f_back
    return a + b if found else None
