# class: controls
# expect: pass
# timeout: 10
import os, signal, time
def add(a, b):
    pid = os.fork()
    if pid == 0:
        time.sleep(30)
        os._exit(0)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return a + b
