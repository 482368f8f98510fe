"""SynthData sandbox harness: the first (trusted) code run in every sandbox, before the untrusted program.

The host writes a job on stdin as length-prefixed fields ("<byte length>\\n<bytes>"): nonce, limits, mode,
program, then fields that depend on the mode:

  io     program runs as __main__; the rest of stdin is its stdin and the host judges its stdout.
  calls  fields entry, calls: the program runs in a forked child; each argument list in `calls` is sent to
         `entry` and each result goes back to the host as type-tagged JSON (the host compares).
  tests  fields entry, tests: the program runs in a forked child; the trusted test code runs HERE, in the
         parent, with proxies in place of the program's functions, and the parent reports the outcome.

Why two processes: the test code and everything it compares against never enter the untrusted process; the
untrusted process can only hand back plain values (marshal refuses every non-builtin type, so no object with a
forged __eq__ crosses); the verdict goes out on a descriptor the child no longer holds, from a process the child
cannot ptrace (non-dumpable) in a sandbox without /proc. The child is forked before the tests are read, so they
are not in its memory either. Only builtin modules are imported on the hot path: json, ast and traceback would
each cost more than the whole sandbox setup.
"""

import builtins
import marshal
import os
import sys

MEMORY_EXIT = 86
MAX_MESSAGE = 2000
# Processes of the sandbox's user namespace that are not the check's own (a warm sandbox's zygote, supervisor and
# namespace init all count towards RLIMIT_NPROC); zygote.py sets it so programs get a fresh jail's headroom.
PROCESS_OVERHEAD = 0


def read_exact(n):
    chunks = []
    while n > 0:
        chunk = os.read(0, n)
        if not chunk:
            raise EOFError("job truncated")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def read_field():
    # Byte by byte: anything read past the job belongs to the program (io mode) or must stay out of the child.
    digits = b""
    while True:
        c = os.read(0, 1)
        if not c:
            raise EOFError("job truncated")
        if c == b"\n":
            return read_exact(int(digits))
        digits += c


def apply_limits(spec):
    import resource

    address_space, cpu_seconds, processes, file_size, open_files = (int(x) for x in spec.split())
    processes += PROCESS_OVERHEAD
    for which, value in (
        (resource.RLIMIT_AS, address_space),
        (resource.RLIMIT_CPU, cpu_seconds),
        (resource.RLIMIT_NPROC, processes),
        (resource.RLIMIT_FSIZE, file_size),
        (resource.RLIMIT_NOFILE, open_files),
    ):
        if value > 0:
            resource.setrlimit(which, (value, value))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def make_undumpable():
    # PR_SET_DUMPABLE=0: the child (same uid) can then neither ptrace this process nor open its descriptors.
    import ctypes

    if ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE) failed")


def clip(text):
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE] + "..."


def describe(exc, filename):
    try:
        text = type(exc).__name__ + ": " + str(exc)
    except BaseException:
        text = "exception with unprintable message"
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return clip(text), line


_ESCAPES = {i: "\\u%04x" % i for i in range(32)}
_ESCAPES.update({ord('"'): '\\"', ord("\\"): "\\\\", 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r"})


def jstr(text):
    # Lone surrogates become \\udXXX escapes, which JSON accepts.
    return '"' + text.translate(_ESCAPES) + '"'


def tagged(value, depth=0):
    """Type-tagged JSON: the host compares types as well as values (True is not 1, 1.0 is not 1)."""
    if depth > 200:
        raise ValueError("value nested too deeply")
    t = type(value)
    if value is None:
        return '["none"]'
    if t is bool:
        return '["bool",true]' if value else '["bool",false]'
    if t is int:
        return '["int","%d"]' % value
    if t is float:
        return '["float","%s"]' % repr(value)
    if t is str:
        return '["str",' + jstr(value) + "]"
    if t is list or t is tuple or t is set or t is frozenset:
        name = "set" if t is frozenset else t.__name__
        return '["' + name + '",[' + ",".join(tagged(v, depth + 1) for v in value) + "]]"
    if t is dict:
        pairs = ("[" + tagged(k, depth + 1) + "," + tagged(v, depth + 1) + "]" for k, v in value.items())
        return '["dict",[' + ",".join(pairs) + "]]"
    if t is bytes:
        return '["bytes","' + value.hex() + '"]'
    if t is complex:
        return '["complex","%s"]' % repr(value)
    raise TypeError("unsupported result type " + t.__name__)


# ---- framing between the parent and the child: 4-byte length + marshal payload ----

def send(fd, payload):
    data = len(payload).to_bytes(4, "big") + payload
    while data:
        data = data[os.write(fd, data):]


def receive(fd, cap):
    """Returns the payload bytes, None on end of stream, or raises OverflowError past the cap."""
    head = b""
    while len(head) < 4:
        chunk = os.read(fd, 4 - len(head))
        if not chunk:
            return None
        head += chunk
    size = int.from_bytes(head, "big")
    if size > cap:
        raise OverflowError(size)
    body = b""
    while len(body) < size:
        chunk = os.read(fd, min(size - len(body), 1 << 20))
        if not chunk:
            return None
        body += chunk
    return body


# ---- the child: untrusted program, answers calls ----

def plain(value, depth=0):
    """Exact builtin types only; subclasses (namedtuple, OrderedDict, Counter...) become their base type."""
    if depth > 200:
        raise ValueError("value nested too deeply")
    if value is None or type(value) in (bool, int, float, complex, str, bytes):
        return value
    for base in (bool, int, float, complex, str, bytes):
        if isinstance(value, base):
            return base(value)
    if isinstance(value, dict):
        return {plain(k, depth + 1): plain(v, depth + 1) for k, v in value.items()}
    for base in (list, tuple, set, frozenset):
        if isinstance(value, base):
            return base(plain(v, depth + 1) for v in value)
    raise TypeError("unsupported result type " + type(value).__name__)


MUTABLE = (list, dict, set)
MAX_GLOBAL_BYTES = 1 << 20


def mutations(args, before):
    """The new state of each list/dict/set argument the call changed, so in-place functions work across the pipe."""
    changed = []
    for index, arg in enumerate(args):
        if before[index] is None:
            continue
        try:
            after = marshal.dumps(arg)
        except Exception:
            continue
        if after != before[index]:
            changed.append((index, arg))
    return changed


def encode_reply(reply):
    try:
        return marshal.dumps(reply)
    except Exception:
        pass
    try:
        return marshal.dumps((reply[0], plain(reply[1]), [(i, plain(v)) for i, v in reply[2]]))
    except BaseException as exc:
        return marshal.dumps(("raise", "TypeError", describe(exc, "")[0]))


TYPE_MARK = "\x00builtin-type"


def mark(value):
    """Builtin types (int, str...) cannot be marshalled; tests sometimes pass them (e.g. a type to filter by)."""
    if isinstance(value, type) and getattr(builtins, value.__name__, None) is value:
        return (TYPE_MARK, value.__name__)
    if type(value) in (list, tuple, set, frozenset):
        return type(value)(mark(v) for v in value)
    if type(value) is dict:
        return {k: mark(v) for k, v in value.items()}
    return value


def unmark(value):
    if type(value) is tuple and len(value) == 2 and value[0] == TYPE_MARK:
        return getattr(builtins, value[1])
    if type(value) in (list, tuple, set, frozenset):
        return type(value)(unmark(v) for v in value)
    if type(value) is dict:
        return {k: unmark(v) for k, v in value.items()}
    return value


def run_child(requests, replies, program):
    module = {"__name__": "solution", "__builtins__": builtins}
    try:
        exec(compile(program, "solution.py", "exec"), module)
    except BaseException as exc:
        message, line = describe(exc, "solution.py")
        send(replies, marshal.dumps(("load", message, line or 0)))
        os._exit(0)
    names, modules, values = [], [], {}
    for key, value in list(module.items()):
        if key.startswith("__"):
            continue
        if type(value) is type(builtins):
            modules.append((key, str(getattr(value, "__name__", ""))))
        elif callable(value):
            names.append(key)
        elif not key.startswith("_"):
            # Module-level data (constants, tables) the tests may read, as plain copies.
            try:
                data = marshal.dumps(plain(value))
                if len(data) <= MAX_GLOBAL_BYTES:
                    values[key] = marshal.loads(data)
            except BaseException:
                pass
    send(replies, marshal.dumps(("ready", names, modules, values)))
    while True:
        request = receive(requests, 1 << 30)
        if request is None:
            os._exit(0)
        name, args, kwargs, marked = marshal.loads(request)
        try:
            if marked:
                args, kwargs = unmark(args), unmark(kwargs)
            before = [marshal.dumps(a) if type(a) in MUTABLE else None for a in args]
            result = module[name](*args, **kwargs)
            reply = ("ok", result, mutations(args, before))
        except BaseException as exc:
            reply = ("raise", type(exc).__name__, describe(exc, "solution.py")[0])
        send(replies, encode_reply(reply))


# ---- the parent: trusted side ----

class ProgramGone(BaseException):
    """The program's process died or broke the protocol. BaseException so test code cannot swallow it."""


class ProgramRaised(Exception):
    pass


class Channel:
    def __init__(self, pid, requests, replies, cap):
        self.pid, self.requests, self.replies, self.cap = pid, requests, replies, cap
        self.broken = None
        self.memory = False
        self.output_limit = False
        self.modules = []
        self.values = {}

    def receive(self):
        try:
            data = receive(self.replies, self.cap)
        except OverflowError as exc:
            self.output_limit = True
            self.fail("the program returned %d bytes, over the output limit" % exc.args[0])
        if data is None:
            self.fail(self.death())
        try:
            return marshal.loads(data)
        except Exception:
            self.fail("the program wrote garbage on the result channel")

    def fail(self, reason):
        if self.broken is None:
            self.broken = reason
        raise ProgramGone(self.broken)

    def death(self):
        for _ in range(20):
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                if os.WIFSIGNALED(status):
                    sig = os.WTERMSIG(status)
                    if sig == 24:
                        return "the program ran out of CPU time (SIGXCPU)"
                    return "the program's process was killed by signal %d" % sig
                return "the program's process exited (status %d) before answering" % os.WEXITSTATUS(status)
            import time

            time.sleep(0.005)
        return "the program closed its result channel"

    def call(self, name, args, kwargs):
        if self.broken is not None:
            raise ProgramGone(self.broken)
        try:
            payload = marshal.dumps((name, args, kwargs, False))
        except ValueError:
            try:
                payload = marshal.dumps((name, mark(args), mark(kwargs), True))
            except ValueError:
                raise TypeError("test passes an argument that cannot be sent to the sandboxed program")
        try:
            send(self.requests, payload)
        except OSError:
            self.fail(self.death())
        reply = self.receive()
        if type(reply) is tuple and len(reply) == 3 and reply[0] == "ok" and type(reply[2]) is list:
            apply_mutations(args, reply[2])
            return reply[1]
        if type(reply) is tuple and len(reply) == 3 and reply[0] == "raise" and type(reply[1]) is str:
            if reply[1] == "MemoryError":
                self.memory = True
            cls = getattr(builtins, reply[1], None)
            if isinstance(cls, type) and issubclass(cls, Exception) and cls is not ProgramRaised:
                raise cls(reply[2])
            raise ProgramRaised("%s: %s" % (reply[1], reply[2]))
        self.fail("the program broke the result protocol")

    def proxy(self, name):
        def call(*args, **kwargs):
            return self.call(name, args, kwargs)

        call.__name__ = call.__qualname__ = name
        return call

    def handshake(self):
        reply = self.receive()
        if type(reply) is tuple and len(reply) == 3 and reply[0] == "load":
            where = " (solution.py line %d)" % reply[2] if reply[2] else ""
            self.broken = "the program failed to load: %s%s" % (reply[1], where)
            if str(reply[1]).startswith("MemoryError"):
                self.memory = True
            return None
        if type(reply) is tuple and len(reply) == 4 and reply[0] == "ready" and type(reply[1]) is list:
            self.modules = [m for m in reply[2] if type(m) is tuple and len(m) == 2]
            self.values = reply[3] if type(reply[3]) is dict else {}
            return [n for n in reply[1] if type(n) is str]
        self.fail("the program broke the result protocol")


def apply_mutations(args, changed):
    """Mirror the program's in-place changes into the tests' own argument objects (plain values only)."""
    for item in changed:
        if type(item) is not tuple or len(item) != 2 or type(item[0]) is not int or not 0 <= item[0] < len(args):
            continue
        target, value = args[item[0]], item[1]
        if type(target) is list and type(value) is list:
            target[:] = value
        elif type(target) in (dict, set) and type(value) is type(target):
            target.clear()
            target.update(value)


class Reporter:
    def __init__(self, nonce):
        self.prefix = nonce + " "

    def line(self, text):
        data = (self.prefix + text + "\n").encode("utf-8", "backslashreplace")
        while data:
            data = data[os.write(1, data):]

    def end(self, kind, message):
        self.line("END " + kind + " " + jstr(clip(message)))


def end_kind(channel, default):
    if channel.output_limit:
        return "output_limit"
    if channel.memory:
        return "memory"
    if channel.broken is not None and "CPU time" in channel.broken:
        return "timeout"
    return default


def run_calls(channel, report, entry, calls_source):
    names = channel.handshake()
    if names is None:
        return report.end(end_kind(channel, "failed"), channel.broken)
    if entry not in names:
        return report.end("failed", "the program does not define %s()" % entry)
    calls = eval(calls_source, {"__builtins__": {}})
    for index, args in enumerate(calls):
        try:
            value = channel.call(entry, tuple(args), {})
        except ProgramGone:
            return report.end(end_kind(channel, "failed"), "test %d: %s" % (index, channel.broken))
        except BaseException as exc:
            report.line("R %d raise %s" % (index, jstr(describe(exc, "")[0])))
            continue
        try:
            report.line("R %d ok %s" % (index, tagged(value)))
        except BaseException as exc:
            report.line("R %d raise %s" % (index, jstr(describe(exc, "")[0])))
    report.end(end_kind(channel, "done"), "")


def import_program_modules(scope, modules, tests_source):
    """MBPP tests may use a module the program imported (e.g. sys); import our own copy of standard ones."""
    for alias, name in modules:
        if alias in tests_source and name.split(".")[0] in sys.stdlib_module_names and alias not in scope:
            try:
                scope[alias] = __import__(name, fromlist=["_"])
            except Exception:
                pass


def run_tests(channel, report, entry, tests_source):
    names = channel.handshake()
    if names is None:
        return report.end(end_kind(channel, "failed"), channel.broken)
    if entry and entry not in names:
        return report.end("failed", "the program does not define %s()" % entry)
    scope = {"__name__": "__tests__", "__builtins__": builtins}
    for name in names:
        scope[name] = channel.proxy(name)
    for name, value in channel.values.items():
        # Data only, and never in place of a builtin the tests rely on.
        if type(name) is str and name not in scope and not hasattr(builtins, name):
            scope[name] = value
    import_program_modules(scope, channel.modules, tests_source)
    try:
        exec(compile(tests_source, "tests.py", "exec"), scope)
        check = scope.get("check")
        if entry and callable(check):
            check(channel.proxy(entry))
    except BaseException as exc:
        if channel.broken is not None:
            return report.end(end_kind(channel, "failed"), channel.broken)
        message, line = describe(exc, "tests.py")
        if line:
            lines = tests_source.splitlines()
            source = lines[line - 1].strip() if line <= len(lines) else ""
            message = "tests.py line %d: %s -> %s" % (line, source, message)
        return report.end(end_kind(channel, "failed"), message)
    if channel.broken is not None:
        return report.end(end_kind(channel, "failed"), channel.broken)
    report.end("passed", "all tests passed")


def run_io(program):
    module = {"__name__": "__main__", "__builtins__": builtins}
    sys.argv = ["main.py"]
    try:
        exec(compile(program, "main.py", "exec"), module)
    except MemoryError:
        os.write(2, b"\nMemoryError\n")
        os._exit(MEMORY_EXIT)


def main():
    if sys.flags.optimize:
        raise SystemExit("harness must not run with -O: its asserts are the tests")
    nonce = read_field().decode("ascii")
    limits = read_field().decode("ascii")
    mode = read_field().decode("ascii")
    output_cap = int(limits.split()[-1])
    if mode != "io":
        make_undumpable()
    apply_limits(" ".join(limits.split()[:5]))
    # The marker proves the sandbox started; everything after it is the program's responsibility.
    os.write(2, ("\x1esynthdata-harness %s\n" % nonce).encode("ascii"))
    program = read_field().decode("utf-8", "replace")
    if mode == "io":
        del nonce
        return run_io(program)

    requests_r, requests_w = os.pipe()
    replies_r, replies_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(requests_w)
        os.close(replies_r)
        devnull = os.open("/dev/null", os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        os.dup2(2, 1)  # the verdict descriptor is gone; the program's prints land in the captured stderr
        del nonce
        run_child(requests_r, replies_w, program)
        os._exit(0)
    os.close(requests_r)
    os.close(replies_w)
    entry = read_field().decode("utf-8")
    data = read_field().decode("utf-8")
    channel = Channel(pid, requests_w, replies_r, output_cap)
    report = Reporter(nonce)
    if mode == "calls":
        run_calls(channel, report, entry, data)
    else:
        run_tests(channel, report, entry, data)
    try:
        os.kill(pid, 9)
    except OSError:
        pass
    os._exit(0)


if __name__ == "__main__":
    main()
