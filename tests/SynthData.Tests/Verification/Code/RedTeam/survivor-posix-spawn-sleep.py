# class: survivors
# expect: fail
import os, sys
os.posix_spawn(sys.executable, [sys.executable, "-c", "import time; time.sleep(120)"], {})
def add(a, b):
    return None
