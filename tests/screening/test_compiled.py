"""The compiled screen (mypyc, `setup.py`): installed, the same verdicts as its Python source, and
never used once older than its source."""

from __future__ import annotations

import csv
import importlib
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from majlis.screening import compiled
from majlis.screening.datasets import identity_sentences
from majlis.screening.entries import packaged_entries

ROOT = Path(__file__).resolve().parents[2]
PURE = os.environ.get("MAJLIS_PURE_PYTHON") == "1"
HOT_MODULES = ("pipeline", "normalise", "features", "lexicon", "classifier", "language", "spam", "promotion",
               "reading", "findings", "rulings", "rulebook", "stage", "decision",
               "relevance", "groups", "policy", "verdict", "context")

# Screens each text of a JSON list read from stdin, on a site whose recent comments are the texts
# before it (so the repeat and flood checks fire too), and prints every verdict.
SCREEN_ALL = """
import json, sys
from datetime import UTC, datetime, timedelta
from majlis.screening import ArticleText, RecentComment, ScreenContext, Screener
import majlis.screening.pipeline as pipeline
texts = json.load(sys.stdin)
now = datetime(2026, 12, 1, tzinfo=UTC)
article = ArticleText("Old Tigris footbridge reopens after two years of repairs",
                      "The bridge over the river reopened on Monday after repairs costing millions.", "en")
screener = Screener()
out = [pipeline.__file__]
for n, text in enumerate(texts):
    recent = tuple(RecentComment(i, texts[i], f"author{i % 7}", now - timedelta(seconds=n - i))
                   for i in range(max(0, n - 30), n))
    verdict = screener.screen(text, ScreenContext(article=article, recent=recent, author_key=f"author{n % 7}", now=now))
    found = verdict.to_dict()
    found.pop("elapsed_ms")
    found["scores"] = {c.value: s for c, s in verdict.scores.items()}  # unrounded
    found["risk"] = verdict.risk
    out.append(found)
print(json.dumps(out, ensure_ascii=False))
"""


def probe_texts() -> list[str]:
    """Texts that reach every stage: the Kurdish evaluation sets, the identity sentences, every list
    entry in a sentence, evasions, promotion and repeats."""
    texts: list[str] = []
    for name in ("ckb.tsv", "kmr.tsv"):
        with (ROOT / "bench" / "data" / "kurdish" / name).open(encoding="utf-8") as handle:
            texts += [row["text"] for row in csv.DictReader(handle, delimiter="\t")]
    for kind in ("neutral", "hateful"):
        texts += [text for _, _, text in identity_sentences(ROOT / "bench" / "data" / "identity", kind)][::7]
    for entry in packaged_entries(("en", "ar", "ckb", "kmr", "tr", "fa", "any")):
        texts.append(f"about the bridge: {entry.term} !!")
    texts += [
        "you f u c k i n g idiot", "sh1t and @$$ everywhere", "fuuuuuuck this", "f\u200bu\u200bc\u200bk",
        "buy now at https://bit.ly/x2 or call +964 750 123 4567", "واتساب ٠٧٥٠١٢٣٤٥٦٧ للطلب",
        "تماس: ۰۹۱۲۳۴۵۶۷۸۹ @shop_iran", "asdkjh qwpoeiru zxmcnv", "كس \u0640\u0640\u0640امك",
        "The council should publish every contract for the bridge.", "", "   ", "🔪🔪🔪", "7mar", "el7mar ya 3ars",
    ]
    texts += texts[:20]  # repeats of earlier comments on the same site
    return texts


def screen_all(texts: list[str], pythonpath: Path | None) -> list[object]:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    done = subprocess.run([sys.executable, "-c", SCREEN_ALL], input=json.dumps(texts), env=env,
                          capture_output=True, text=True, check=True, timeout=240)
    result: list[object] = json.loads(done.stdout)
    return result


@pytest.mark.skipif(PURE, reason="installed with MAJLIS_PURE_PYTHON=1")
def test_the_installed_screen_is_compiled() -> None:
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    plain = [name for name in HOT_MODULES
             if not str(importlib.import_module(f"majlis.screening.{name}").__file__).endswith(suffixes)]
    assert plain == [], f"not compiled: {plain} (run `make install`)"


@pytest.mark.skipif(PURE, reason="installed with MAJLIS_PURE_PYTHON=1")
def test_compiled_screen_gives_the_verdicts_of_its_source(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "majlis", source / "majlis", ignore=shutil.ignore_patterns("*.so", "__pycache__"))
    texts = probe_texts()
    built, plain = screen_all(texts, None), screen_all(texts, source)
    assert str(built[0]).endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    assert str(plain[0]).endswith(".py")
    assert len(built) == len(texts) + 1
    differ = [(text, a, b) for text, a, b in zip(texts, built[1:], plain[1:], strict=True) if a != b]
    assert differ == []
    assert {v["action"] for v in built[1:]} == {"approve", "review", "reject"}  # type: ignore[index]


def test_a_module_compiled_before_its_source_changed_is_refused(tmp_path: Path) -> None:
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    built, source = tmp_path / f"spam{suffix}", tmp_path / "spam.py"
    built.write_bytes(b"")
    source.write_text("")
    os.utime(built, (1_000_000, 1_000_000))
    os.utime(source, (1_000_001, 1_000_001))  # written by the same install
    assert compiled.stale(tmp_path) == []
    compiled.check(tmp_path)
    os.utime(source, (1_000_060, 1_000_060))  # edited a minute after the build
    assert compiled.stale(tmp_path) == ["spam"]
    with pytest.raises(ImportError, match="spam predate"):
        compiled.check(tmp_path)
    source.unlink()  # an installed wheel may hold only the extension
    assert compiled.stale(tmp_path) == []
