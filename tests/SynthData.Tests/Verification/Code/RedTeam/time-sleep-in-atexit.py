# class: timing
# expect: fail
# timeout: 1
import atexit, time
atexit.register(time.sleep, 3600)
def add(a, b):
    return None
