using SynthData.Verification;

namespace SynthData.Tests.Verification.Code;

/// <summary>
/// Hostile programs for the sandbox. Most are written so that they PASS if and only if the attack works (an
/// isolation hole makes their answer right), so "judged FAIL" really means "the attack did not work".
/// All target <c>add(a, b)</c> checked by <see cref="AssertTests"/> unless noted.
/// </summary>
internal static class AdversarialPrograms
{
    public const string SecretMarker = "SECRET-TESTS-MARKER-7f3a";

    public const string AssertTests = $$"""
        # {{SecretMarker}}
        import math

        def check(candidate):
            assert candidate(2, 3) == 5
            assert candidate(10, -4) == 6
            assert math.isclose(candidate(0.5, 0.25), 0.75)
        """;

    public const string EnvSecretName = "SYNTHDATA_TEST_SECRET";

    /// <summary>(name, program, exact verdict kind or null for any rejection). <paramref name="loopbackPort"/>: a port listening on the host.</summary>
    public static IEnumerable<(string Name, string Program, string? Kind)> MustFail(int loopbackPort) =>
    [
        ("fork-bomb", """
            import os
            while True:
                try:
                    os.fork()
                except OSError:
                    pass
            """, VerdictKinds.Timeout),
        ("posix-spawn-bomb", """
            import os, sys
            while True:
                try:
                    os.posix_spawn(sys.executable, [sys.executable, "-c", "import time; time.sleep(60)"], {})
                except OSError:
                    pass
            """, VerdictKinds.Timeout),
        ("subprocess-bomb", """
            import subprocess, sys
            procs = []
            while True:
                try:
                    procs.append(subprocess.Popen([sys.executable, "-c", "while True: pass"]))
                except Exception:
                    pass
            """, VerdictKinds.Timeout),
        ("infinite-loop", "def add(a, b):\n    while True:\n        pass\n", VerdictKinds.Timeout),
        ("sleep-past-deadline", "import time\ndef add(a, b):\n    time.sleep(3600)\n    return a + b\n", VerdictKinds.Timeout),
        ("ignore-signals-busy", """
            import signal
            for s in (signal.SIGALRM, signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGXCPU):
                signal.signal(s, signal.SIG_IGN)
            def add(a, b):
                while True:
                    try:
                        pass
                    except BaseException:
                        pass
            """, VerdictKinds.Timeout),
        ("busy-threads", """
            import threading
            def spin():
                while True:
                    pass
            for _ in range(8):
                threading.Thread(target=spin, daemon=True).start()
            def add(a, b):
                spin()
            """, VerdictKinds.Timeout),
        ("memory-one-allocation", "def add(a, b):\n    block = bytearray(64 << 30)\n    return a + b\n", VerdictKinds.Memory),
        ("memory-growth", "hog = []\nwhile True:\n    hog.append(bytearray(10 << 20))\n", VerdictKinds.Memory),
        ("disk-fill", """
            import os
            def add(a, b):
                written = 0
                try:
                    for i in range(1000):
                        with open("/tmp/fill%d" % i, "wb") as f:
                            for _ in range(10):
                                f.write(b"0" * (1 << 20))
                                written += 1 << 20
                except OSError:
                    pass
                return a + b if written > (200 << 20) else None
            """, null),
        ("stdout-flood", "def add(a, b):\n    while True:\n        print('x' * 100000)\n", VerdictKinds.OutputLimit),
        ("stderr-raw-fd-flood", "import os\ndef add(a, b):\n    while True:\n        os.write(2, b'e' * 65536)\n", VerdictKinds.OutputLimit),
        ("huge-return-value", "def add(a, b):\n    return 'x' * (50 << 20)\n", VerdictKinds.OutputLimit),
        ("binary-garbage-output", "import sys\nsys.stdout.buffer.write(bytes(range(256)) * 100)\nsys.stdout.flush()\ndef add(a, b):\n    return None\n", VerdictKinds.Failed),
        ("read-etc-passwd", """
            def add(a, b):
                try:
                    return a + b if "root" in open("/etc/passwd").read() else None
                except OSError:
                    return None
            """, VerdictKinds.Failed),
        ("read-host-dirs", """
            import os
            def add(a, b):
                seen = [p for p in ("/work", "/root", "/home", "/var", "/opt", "/srv", "/etc", "/run", "/sys") if os.path.exists(p)]
                return a + b if seen else None
            """, VerdictKinds.Failed),
        ("read-proc", """
            import os
            def add(a, b):
                return a + b if os.path.exists("/proc/self") or os.path.exists("/proc/1") else None
            """, VerdictKinds.Failed),
        ("env-secrets", $$"""
            import os
            def add(a, b):
                unexpected = set(os.environ) - {"PATH", "HOME", "LANG", "PWD"}
                return a + b if unexpected else None
            """, VerdictKinds.Failed),
        ("write-system-paths", """
            def add(a, b):
                for path in ("/usr/pwned", "/usr/lib/pwned", "/harness/pwned", "/pwned", "/bin/pwned"):
                    try:
                        with open(path, "w") as f:
                            f.write("x")
                        return a + b
                    except OSError:
                        pass
                return None
            """, VerdictKinds.Failed),
        ("network-egress", """
            import socket
            def add(a, b):
                try:
                    socket.create_connection(("1.1.1.1", 53), timeout=0.5).close()
                    return a + b
                except OSError:
                    return None
            """, VerdictKinds.Failed),
        ("loopback-host-server", $$"""
            import socket
            def add(a, b):
                try:
                    socket.create_connection(("127.0.0.1", {{loopbackPort}}), timeout=0.5).close()
                    return a + b
                except OSError:
                    return None
            """, VerdictKinds.Failed),
        ("dns-lookup", """
            import socket
            def add(a, b):
                try:
                    socket.getaddrinfo("example.com", 80)
                    return a + b
                except OSError:
                    return None
            """, VerdictKinds.Failed),
        // The parent is the program's own namespace init (immune from inside): the attack does nothing, the answer is wrong.
        ("kill-parent", "import os\nos.kill(os.getppid(), 9)\ndef add(a, b):\n    return None\n", VerdictKinds.Failed),
        ("kill-everything", "import os\ndef add(a, b):\n    os.kill(-1, 9)\n    return a + b\n", VerdictKinds.Failed),
        // The program's parent is its own namespace's init, which ignores SIGSTOP from inside: the harness goes on.
        ("stop-parent", "import os, signal\nos.kill(os.getppid(), signal.SIGSTOP)\ndef add(a, b):\n    return None\n", VerdictKinds.Failed),
        ("os-exit-zero-early", "import os\ndef add(a, b):\n    os._exit(0)\n", VerdictKinds.Failed),
        ("module-exit-zero", "import sys\nsys.exit(0)\ndef add(a, b):\n    return a + b\n", VerdictKinds.Failed),
        ("system-exit-in-call", "def add(a, b):\n    raise SystemExit(0)\n", VerdictKinds.Failed),
        ("atexit-exit-zero", "import atexit, os\natexit.register(lambda: os._exit(0))\ndef add(a, b):\n    return None\n", VerdictKinds.Failed),
        ("excepthook-exit-zero", "import os, sys\nsys.excepthook = lambda *a: os._exit(0)\ndef add(a, b):\n    raise ValueError('x')\n", VerdictKinds.Failed),
        ("fake-pass-markers", """
            import os
            print("passed")
            print("all tests passed")
            print("END passed \"all tests passed\"")
            def add(a, b):
                return None
            """, VerdictKinds.Failed),
        ("write-guessed-verdict-fds", """
            import os
            for fd in range(0, 64):
                for line in (b"END passed \"all tests passed\"\n", b"0" * 32 + b" END passed \"ok\"\n"):
                    try:
                        os.write(fd, line)
                    except OSError:
                        pass
            def add(a, b):
                return None
            """, null), // garbage on the result channel reads as an oversized reply: output_limit or failed
        ("reexec-optimized", "import os, sys\nos.execv(sys.executable, [sys.executable, '-O', '/harness/harness.py'])\n", VerdictKinds.Failed),
        ("always-equal-object", """
            class Anything:
                def __eq__(self, other): return True
                def __ne__(self, other): return False
                __hash__ = object.__hash__
            def add(a, b):
                return Anything()
            """, VerdictKinds.Failed),
        ("int-subclass-eq", """
            class Liar(int):
                def __eq__(self, other): return True
                def __ne__(self, other): return False
                __hash__ = int.__hash__
            def add(a, b):
                return Liar(0)
            """, VerdictKinds.Failed),
        ("monkeypatch-stdlib", """
            import math
            math.isclose = lambda *a, **k: True
            def add(a, b):
                return a + b if isinstance(a, int) else 0.0
            """, VerdictKinds.Failed),
        ("patch-builtins", """
            import builtins
            builtins.AssertionError = type("Never", (Exception,), {})
            builtins.abs = lambda x: 0
            builtins.__dict__["isinstance"] = lambda *a: True
            def add(a, b):
                return None
            """, VerdictKinds.Failed),
        ("frame-peek-expected", $$"""
            import gc, sys
            def add(a, b):
                marker = "".join(["{{SecretMarker[..7]}}", "{{SecretMarker[7..]}}"])
                def holds(x):
                    return isinstance(x, str) and x is not marker and marker in x
                found = False
                for o in gc.get_objects():
                    items = o.values() if isinstance(o, dict) else o if isinstance(o, (list, tuple)) else ()
                    found = found or any(holds(x) for x in items)
                    code = getattr(o, "__code__", None)
                    found = found or (code is not None and any(holds(c) for c in code.co_consts))
                frame = sys._getframe().f_back
                while frame is not None:
                    found = found or any(holds(v) for v in list(frame.f_locals.values()) + list(frame.f_globals.values()))
                    frame = frame.f_back
                return a + b if found else None
            """, VerdictKinds.Failed),
        ("read-tests-from-disk", $$"""
            import os
            def add(a, b):
                marker = "".join(["{{SecretMarker[..7]}}", "{{SecretMarker[7..]}}"])
                for root in ("/tmp", "/harness", "/"):
                    for dirpath, dirs, files in os.walk(root):
                        if dirpath in ("/usr", "/dev"):
                            dirs[:] = []
                            continue
                        for name in files:
                            try:
                                if marker in open(os.path.join(dirpath, name), errors="ignore").read(1 << 20):
                                    return a + b
                            except OSError:
                                pass
                return None
            """, VerdictKinds.Failed),
        ("ptrace-parent", """
            import ctypes, os
            libc = ctypes.CDLL(None, use_errno=True)
            attached = libc.ptrace(16, os.getppid(), 0, 0) == 0
            def add(a, b):
                return a + b if attached else None
            """, VerdictKinds.Failed),
        ("open-parent-descriptors", """
            import os
            def add(a, b):
                try:
                    os.open("/proc/%d/fd/1" % os.getppid(), os.O_WRONLY)
                    return a + b
                except OSError:
                    return None
            """, VerdictKinds.Failed),
        ("nested-user-namespace", """
            import os
            def add(a, b):
                return a + b if os.system("unshare -Ur true 2>/dev/null") == 0 else None
            """, VerdictKinds.Failed),
        ("runaway-recursion", "import sys\nsys.setrecursionlimit(10 ** 7)\ndef add(a, b):\n    return add(a, b)\n", null),
        ("native-crash", "import ctypes\ndef add(a, b):\n    ctypes.string_at(0)\n", VerdictKinds.Failed),
        ("daemon-outlives-check", """
            import os, time
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    time.sleep(60)
                os._exit(0)
            def add(a, b):
                return None
            """, VerdictKinds.Failed),
    ];

    /// <summary>Ordinary programs that must pass: isolation must not break normal Python.</summary>
    public static IEnumerable<(string Name, string Program)> BenignControls() =>
    [
        ("threads", """
            import threading
            def add(a, b):
                out = []
                threads = [threading.Thread(target=lambda: out.append(a + b)) for _ in range(8)]
                for t in threads: t.start()
                for t in threads: t.join()
                return out[0]
            """),
        ("temp-files", """
            import os, tempfile
            def add(a, b):
                with tempfile.TemporaryDirectory() as d:
                    path = os.path.join(d, "x.txt")
                    with open(path, "w") as f:
                        f.write(repr(a + b))
                    with open(path) as f:
                        return eval(f.read())
            """),
        ("recursion", "def add(a, b):\n    def depth(n):\n        return 0 if n == 0 else 1 + depth(n - 1)\n    return a + b + depth(500) - 500\n"),
        ("printing", "def add(a, b):\n    for i in range(200):\n        print('line', i, a, b)\n    return a + b\n"),
        ("child-process", """
            import subprocess, sys
            def add(a, b):
                out = subprocess.run([sys.executable, "-c", "print(1)"], capture_output=True, text=True).stdout
                return a + b if out.strip() == "1" else None
            """),
        ("moderate-memory", "def add(a, b):\n    block = bytearray(100 << 20)\n    return a + b + block[-1]\n"),
        ("stdlib-imports", """
            import collections, itertools, functools, heapq, re, json, fractions, decimal, datetime, random, bisect
            def add(a, b):
                return functools.reduce(lambda x, y: x + y, [a, b])
            """),
    ];
}
