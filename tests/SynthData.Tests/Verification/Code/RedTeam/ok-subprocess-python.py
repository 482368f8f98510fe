# class: controls
# expect: pass
# timeout: 20
import subprocess, sys
def add(a, b):
    out = subprocess.run([sys.executable, "-c", "print(%r + %r)" % (a, b)], capture_output=True, text=True).stdout
    return type(a)(out.strip())
