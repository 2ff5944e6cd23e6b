"""Run inside a peer's own virtualenv: read a JSON list of texts on stdin, print a JSON list of scores.

    python run_peer.py alt-profanity-check|arabic-toxic|glin-LANG [--single] < texts.json > scores.json

With --single each text is scored by its own call (as a comment form would), and the per-call
latencies are returned too.
"""

from __future__ import annotations

import json
import sys
import time


def scorer(peer: str):  # type: ignore[no-untyped-def]
    """A function from a list of texts to a list of scores."""
    if peer == "alt-profanity-check":
        from profanity_check import predict_prob

        return lambda texts: [float(s) for s in predict_prob(texts)]
    if peer == "arabic-toxic":
        from arabic_toxic import predict_proba

        return lambda texts: [1.0 - p.get("NOT", 0.0) / 100.0 for p in predict_proba(texts)]
    if peer.startswith("glin-"):
        from glin_profanity import Filter

        lists = {"tr": "turkish", "fa": "persian", "ar": "arabic", "en": "english"}
        check = Filter({"languages": [lists[peer[5:]]], "detect_leetspeak": True})
        return lambda texts: [1.0 if check.is_profane(t) else 0.0 for t in texts]
    raise SystemExit(f"unknown peer {peer}")


def main() -> None:
    peer = sys.argv[1]
    single = "--single" in sys.argv
    texts = json.load(sys.stdin)
    score = scorer(peer)
    score(texts[:5])  # load models before timing
    latencies: list[float] = []
    started = time.perf_counter()
    if single:
        scores = []
        for text in texts:
            t0 = time.perf_counter()
            scores += score([text])
            latencies.append(time.perf_counter() - t0)
    else:
        scores = score(texts)
    elapsed = time.perf_counter() - started
    json.dump({"scores": scores, "seconds": elapsed, "latencies": latencies}, sys.stdout)


if __name__ == "__main__":
    main()
