# class: stdin-stdout
# expect: fail
# stdin: 3 4\n
# stdout: 7\n
import os
for root, dirs, files in os.walk("/"):
    if root.startswith(("/usr", "/proc", "/dev")):
        dirs[:] = []
        continue
    for n in files:
        try:
            t = open(os.path.join(root, n), errors="ignore").read()
            if t.strip() == "7":
                print(t)
        except OSError:
            pass
