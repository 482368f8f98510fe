"""Rewards for RL trainers from SynthData's verifiers (DESIGN.md section 2b). Python 3.9+, standard library only.

Start the server first:  synthdata serve-reward [--port N] [--config pipeline.yaml]
The URL comes from SYNTHDATA_REWARD_URL (default http://127.0.0.1:8765); SYNTHDATA_REWARD_TIMEOUT is the HTTP
timeout in seconds (default 600). Every function raises SynthDataRewardError when the server is unreachable,
answers an error, or could not judge an item (bad ground truth, a verifier failure, its deadline): a reward that
was not computed never turns into a silent 0. Set SYNTHDATA_REWARD_ON_ERROR=zero to score such items 0 instead
(each one is reported on stderr).

- verl:  custom_reward_function.path=integrations/python/synthdata_reward.py custom_reward_function.name=compute_score
- TRL:   GRPOTrainer(reward_funcs=[synthdata_reward.accuracy_reward], ...) on synthdata's `grpo` export
- OpenRLHF: --remote_rm_url integrations/python/synthdata_reward.py (reward_func), with --label_key solution
"""

import json
import os
import sys
import urllib.error
import urllib.request

__all__ = ["SynthDataRewardError", "score_items", "compute_score", "accuracy_reward", "reward_func", "ability_of"]

DEFAULT_URL = "http://127.0.0.1:8765"
ABILITIES = ("math", "code", "logic")
_CODE_KEYS = ("tests", "function_tests", "inputs")


class SynthDataRewardError(RuntimeError):
    """The reward could not be computed: never read this as a score of 0."""


def _url():
    return os.environ.get("SYNTHDATA_REWARD_URL", DEFAULT_URL).rstrip("/")


def score_items(items):
    """POSTs items [{"ability", "ground_truth", "response"}] in one request; returns the server's result objects in order."""
    items = list(items)
    if not items:
        return []
    url = _url() + "/v1/reward"
    body = json.dumps({"items": items}).encode("utf-8")
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"}, method="POST")
    timeout = float(os.environ.get("SYNTHDATA_REWARD_TIMEOUT", "600"))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace")[:2000]
        raise SynthDataRewardError(f"reward server at {url} answered HTTP {e.code}: {detail}") from e
    except (urllib.error.URLError, OSError) as e:
        raise SynthDataRewardError(
            f"reward server at {url} is unreachable ({getattr(e, 'reason', e)}); start it with "
            f"'synthdata serve-reward' or set SYNTHDATA_REWARD_URL") from e
    except ValueError as e:
        raise SynthDataRewardError(f"reward server at {url} answered something that is not JSON: {e}") from e
    results = answer.get("results") if isinstance(answer, dict) else None
    if not isinstance(results, list) or len(results) != len(items):
        raise SynthDataRewardError(f"reward server at {url} answered {len(results) if isinstance(results, list) else 'no'} "
                                   f"results for {len(items)} items")
    return results


def _scores(results):
    on_error = os.environ.get("SYNTHDATA_REWARD_ON_ERROR", "raise")
    scores = []
    for i, r in enumerate(results):
        if r.get("error") is not None:
            if on_error != "zero":
                raise SynthDataRewardError(f"item {i} was not judged ({r.get('kind')}): {r['error']}")
            print(f"synthdata_reward: item {i} scored 0, not judged ({r.get('kind')}): {r['error']}", file=sys.stderr)
            scores.append(0.0)
        else:
            scores.append(float(r["score"]))
    return scores


def ability_of(data_source=None, ground_truth=None, extra_info=None):
    """The ability of a row: data_source "synthdata/ABILITY/..." (what synthdata's rl export writes), else
    extra_info["ability"], else the ground truth's shape (a JSON object of tests is code; anything else math)."""
    if isinstance(data_source, str):
        parts = data_source.split("/")
        if len(parts) >= 2 and parts[0] == "synthdata" and parts[1] in ABILITIES:
            return parts[1]
    if isinstance(extra_info, dict) and extra_info.get("ability") in ABILITIES:
        return extra_info["ability"]
    if isinstance(ground_truth, dict):
        return "code"
    if isinstance(ground_truth, str) and ground_truth.lstrip().startswith("{"):
        try:
            parsed = json.loads(ground_truth)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict) and any(k in parsed for k in _CODE_KEYS):
            return "code"
    return "math"


def _text(completion):
    """A completion as text: a string, or a conversational list of messages (the last assistant message's content)."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, dict):
        return str(completion.get("content") or "")
    if isinstance(completion, (list, tuple)):
        for message in reversed(completion):
            if isinstance(message, dict) and message.get("role", "assistant") == "assistant":
                return str(message.get("content") or "")
        return ""
    raise SynthDataRewardError(f"cannot read a completion of type {type(completion).__name__}: expected text or a list of messages")


def compute_score(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    """verl custom_reward_function: the score in [0, 1] of one response against an rl row's reward_model.ground_truth."""
    item = {"ability": ability_of(data_source, ground_truth, extra_info), "ground_truth": ground_truth, "response": solution_str}
    return _scores(score_items([item]))[0]


def accuracy_reward(completions, solution, ability=None, **kwargs):
    """TRL GRPOTrainer reward function: one float per completion, all scored in one HTTP request.

    `solution` and `ability` are the columns of synthdata's grpo export (TRL passes dataset columns as lists);
    completions may be strings or conversational lists of messages."""
    n = len(completions)
    solutions = list(solution)
    if isinstance(ability, str) or ability is None:
        abilities = [ability] * n
    else:
        abilities = list(ability)
    if len(solutions) != n or len(abilities) != n:
        raise SynthDataRewardError(f"{n} completions but {len(solutions)} solutions and {len(abilities)} abilities")
    items = [{"ability": a if a in ABILITIES else ability_of(None, s), "ground_truth": s, "response": _text(c)}
             for c, s, a in zip(completions, solutions, abilities)]
    return _scores(score_items(items))


def reward_func(queries, prompts, labels, **kwargs):
    """OpenRLHF remote reward (--remote_rm_url this_file.py): queries are prompt + response, labels the ground truths
    (--label_key solution on synthdata's grpo export). Returns {"rewards", "scores", "extra_logs"} as OpenRLHF expects."""
    responses = [q[len(p):] if q.startswith(p) else q for q, p in zip(queries, prompts)]
    items = [{"ability": ability_of(None, l), "ground_truth": l, "response": r} for r, l in zip(responses, labels)]
    scores = _scores(score_items(items))
    try:
        import torch  # OpenRLHF always has it; outside OpenRLHF plain lists are returned
        scores = torch.tensor(scores, dtype=torch.float)
    except ImportError:
        pass
    return {"rewards": scores, "scores": scores, "extra_logs": {}}
