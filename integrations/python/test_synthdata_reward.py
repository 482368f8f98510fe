"""Tests of synthdata_reward.py against the REAL reward server (the built CLI), standard library only.

The server is found as SYNTHDATA_CLI (a synthdata.dll or an executable), else the Release build in this repository
(dotnet build SynthData.sln -c Release). Run: python3 -m unittest discover -s integrations/python -v
"""

import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import unittest
import urllib.request
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synthdata_reward as sr  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ADD_TESTS = json.dumps({"tests": "assert add(1, 2) == 3\n"})
GOOD_ADD = "```python\ndef add(a, b):\n    return a + b\n```"
BAD_ADD = "```python\ndef add(a, b):\n    return a - b\n```"


def _cli():
    path = os.environ.get("SYNTHDATA_CLI") or os.path.join(ROOT, "src", "SynthData.Cli", "bin", "Release", "net10.0", "synthdata.dll")
    if not os.path.exists(path):
        raise RuntimeError(f"synthdata CLI not found at {path}: build it (dotnet build SynthData.sln -c Release) or set SYNTHDATA_CLI")
    return ["dotnet", path] if path.endswith(".dll") else [path]


class ServerTest(unittest.TestCase):
    server = None
    url = None

    @classmethod
    def setUpClass(cls):
        cls.server = subprocess.Popen(_cli() + ["serve-reward", "--port", "0"], cwd=os.path.dirname(os.path.abspath(__file__)),
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = cls.server.stdout.readline().strip()
        if not line.startswith("listening on "):
            cls.server.kill()
            raise RuntimeError(f"server did not start: {line!r} {cls.server.stderr.read()}")
        cls.url = line[len("listening on "):]
        cls._env = mock.patch.dict(os.environ, {"SYNTHDATA_REWARD_URL": cls.url})
        cls._env.start()

    @classmethod
    def tearDownClass(cls):
        cls._env.stop()
        cls.server.terminate()
        cls.server.wait(timeout=60)
        cls.server.stdout.close()
        cls.server.stderr.close()

    def raw_results(self, items):
        request = urllib.request.Request(self.url + "/v1/reward", data=json.dumps({"items": items}).encode(), method="POST")
        with urllib.request.urlopen(request, timeout=300) as r:
            return json.loads(r.read())["results"]

    def test_compute_score_returns_the_servers_scores(self):
        cases = [
            ("synthdata/math/arithmetic", "so \\boxed{-\\frac{27}{8}}", "-27/8"),
            ("synthdata/math/gsm8k_sample", "\\boxed{41}", "42"),
            ("synthdata/code/run_length_encoding", GOOD_ADD, ADD_TESTS),
            ("synthdata/code/run_length_encoding", BAD_ADD, ADD_TESTS),
        ]
        for data_source, response, truth in cases:
            ability = data_source.split("/")[1]
            expected = self.raw_results([{"ability": ability, "ground_truth": truth, "response": response}])[0]["score"]
            got = sr.compute_score(data_source, response, truth, extra_info={"problem_id": "x"})
            self.assertIsInstance(got, float)
            self.assertEqual(expected, got, (data_source, response))
        self.assertEqual([1.0, 0.0, 1.0, 0.0], [sr.compute_score(d, r, t) for d, r, t in cases])

    def test_ability_comes_from_data_source_extra_info_or_the_ground_truth(self):
        self.assertEqual("code", sr.ability_of("synthdata/code/x", "3"))
        self.assertEqual("math", sr.ability_of("synthdata/math/x", ADD_TESTS))
        self.assertEqual("code", sr.ability_of("lighteval/MATH", "3", {"ability": "code"}))
        self.assertEqual("code", sr.ability_of("lighteval/MATH", ADD_TESTS))
        self.assertEqual("math", sr.ability_of("lighteval/MATH", "{1, 2}"))
        self.assertEqual(1.0, sr.compute_score("custom", GOOD_ADD, ADD_TESTS))

    def test_accuracy_reward_scores_a_batch_in_one_request(self):
        completions = [
            [{"role": "assistant", "content": "\\boxed{4}"}],
            [{"role": "assistant", "content": "\\boxed{5}"}],
            [{"role": "assistant", "content": GOOD_ADD}],
            "plain text \\boxed{4}",
        ]
        solution = ["4", "4", ADD_TESTS, "4"]
        ability = ["math", "math", "code", "math"]
        real = urllib.request.urlopen
        calls = []

        def counting(*args, **kwargs):
            calls.append(args[0])
            return real(*args, **kwargs)

        with mock.patch.object(sr.urllib.request, "urlopen", side_effect=counting):
            scores = sr.accuracy_reward(completions, solution=solution, ability=ability, prompts=[[]] * 4, trainer_state=None)
        self.assertEqual(1, len(calls))
        self.assertEqual([1.0, 0.0, 1.0, 1.0], scores)
        items = [{"ability": a, "ground_truth": s, "response": sr._text(c)} for c, s, a in zip(completions, solution, ability)]
        self.assertEqual([r["score"] for r in self.raw_results(items)], scores)

    def test_openrlhf_reward_func_strips_the_prompt(self):
        out = sr.reward_func(["Q: 2+2? A: \\boxed{4}", "Q: 2+2? A: \\boxed{3}"], ["Q: 2+2? A: ", "Q: 2+2? A: "], ["4", "4"])
        self.assertEqual([1.0, 0.0], [float(x) for x in out["rewards"]])

    def test_an_item_the_server_could_not_judge_raises_unless_asked_for_zero(self):
        with self.assertRaises(sr.SynthDataRewardError) as e:
            sr.compute_score("synthdata/code/x", GOOD_ADD, "{not json")
        self.assertIn("not judged", str(e.exception))
        with mock.patch.dict(os.environ, {"SYNTHDATA_REWARD_ON_ERROR": "zero"}):
            self.assertEqual([0.0, 1.0], sr.accuracy_reward(["x", "\\boxed{2}"], ["{not json", "2"], ["code", "math"]))


class DownServerTest(unittest.TestCase):
    def test_an_unreachable_server_raises_a_clear_error(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]  # closed again below: nothing listens there
        with mock.patch.dict(os.environ, {"SYNTHDATA_REWARD_URL": f"http://127.0.0.1:{port}"}):
            with self.assertRaises(sr.SynthDataRewardError) as e:
                sr.compute_score("synthdata/math/x", "\\boxed{1}", "1")
            self.assertIn("unreachable", str(e.exception))
            with self.assertRaises(sr.SynthDataRewardError):
                sr.accuracy_reward(["\\boxed{1}"], ["1"], ["math"])

    def test_an_error_answer_raises_with_the_servers_message(self):
        class Failing(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                self.send_response(413)
                self.end_headers()
                self.wfile.write(b'{"error": "too big"}')

            def log_message(self, *args):
                pass

        httpd = http.server.HTTPServer(("127.0.0.1", 0), Failing)
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            with mock.patch.dict(os.environ, {"SYNTHDATA_REWARD_URL": f"http://127.0.0.1:{httpd.server_port}"}):
                with self.assertRaises(sr.SynthDataRewardError) as e:
                    sr.compute_score("synthdata/math/x", "\\boxed{1}", "1")
            self.assertIn("413", str(e.exception))
            self.assertIn("too big", str(e.exception))
        finally:
            httpd.shutdown()
            httpd.server_close()


if __name__ == "__main__":
    unittest.main()
