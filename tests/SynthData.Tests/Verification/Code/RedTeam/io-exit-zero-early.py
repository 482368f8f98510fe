# class: stdin-stdout
# expect: fail
# stdin: 3 4\n
# stdout: 7\n
import os
os._exit(0)
