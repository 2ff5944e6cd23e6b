"""Quality of the screen on the held-out test split of every labelled set, side by side with peers.

    python bench/quality.py [--data ../shared/data] [--out docs/quality.md]
    python bench/quality.py --dev-auc [--model other.npz]   # the guard: ROC AUC on every dev split

Our engine runs with the default policy. Peers run in their own virtualenvs (bench/peers/setup.sh):
alt-profanity-check (English), arabic-toxic (Arabic), and glin-profanity's lists (Turkish, Persian).
The baseline is a character n-gram logistic regression trained on that set's own train split.
"""

from __future__ import annotations

import argparse
import re
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from majlis.domain import Action, Category
from majlis.screening import ScreenContext, Screener, Verdict
from majlis.screening.datasets import DEV, EVAL_ONLY, TEST, TRAIN, Row, read_all
from majlis.screening.classifier import packaged_model
from majlis.screening.normalise import normalise
from majlis.screening.training import auc

ROOT = Path(__file__).resolve().parents[1]
PEERS = {
    "en": ["alt-profanity-check"],
    "ar": ["arabic-toxic"],
    "tr": ["glin-tr"],
    "fa": ["glin-fa"],
}
VENV = {"alt-profanity-check": "alt-profanity-check", "arabic-toxic": "arabic-toxic", "glin-tr": "glin", "glin-fa": "glin"}


# The sets' labels that name each guideline category. The YouTube set's "spam" is advertising and
# self-promotion ("check out my channel"), our `promotion`; our `spam` (repeats, floods, gibberish)
# needs a site's stream of comments, which no labelled set of single comments holds.
LABELS = {Category.ABUSE: ("abuse", "identity_abuse"), Category.PROMOTION: ("promotion", "spam"), Category.SPAM: ()}

def run_peer(peer: str, texts: list[str]) -> tuple[np.ndarray, float] | None:
    """Scores of a peer for the texts, and its seconds; None if its virtualenv is missing."""
    python = ROOT / "bench" / ".venvs" / VENV[peer] / "bin" / "python"
    if not python.exists():
        return None
    done = subprocess.run([str(python), str(ROOT / "bench" / "peers" / "run_peer.py"), peer],
                          input=json.dumps(texts), capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    return np.asarray(result["scores"]), float(result["seconds"])


def baseline_auc(train: list[Row], test: list[Row]) -> float:
    """A character 2-5-gram TF-IDF logistic regression trained on the set alone."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, max_features=300_000)
    x = vectoriser.fit_transform([r.text for r in train])
    model = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced")
    model.fit(x, [not r.clean for r in train])
    return auc([not r.clean for r in test], model.decision_function(vectoriser.transform([r.text for r in test])))


def difference_interval(violation: np.ndarray, ours: np.ndarray, theirs: np.ndarray, draws: int = 2000,
                        seed: int = 0) -> tuple[float, float]:
    """95% interval of (our AUC - their AUC), by a paired bootstrap: the same rows are drawn, with
    replacement, for both scorers, so what the sample's luck does to both cancels out."""
    rng = np.random.default_rng(seed)
    differences = []
    for _ in range(draws):
        pick = rng.integers(0, len(violation), len(violation))
        y = violation[pick]
        if y.all() or not y.any():
            continue
        differences.append(auc(y, ours[pick]) - auc(y, theirs[pick]))
    low, high = np.quantile(differences, [0.025, 0.975])
    return float(low), float(high)


def versus(violation: np.ndarray, ours: np.ndarray, theirs: np.ndarray) -> str:
    """Our AUC minus a peer's, with its 95% interval."""
    low, high = difference_interval(violation, ours, theirs)
    return f"engine − peer {auc(violation, ours) - auc(violation, theirs):+.3f}, 95% CI {low:+.3f} to {high:+.3f}"


def every_row(name: str, rows: list[Row], screener: Screener, context: ScreenContext) -> str:
    """A table row for a set nothing was trained or tuned on: every row of it, not only the test split."""
    violation = np.array([not r.clean for r in rows])
    verdicts = [screener.screen(r.text, context) for r in rows]
    shares = outcome_shares(violation, [v.action for v in verdicts])
    risk = np.array([v.risk for v in verdicts])
    peer_cells = []
    for peer in PEERS.get(rows[0].language, []):
        result = run_peer(peer, [r.text for r in rows])
        peer_cells.append(f"{peer}: not installed" if result is None else
                          f"{peer} {auc(violation, result[0]):.3f} ({versus(violation, risk, result[0])})")
    ours = auc(violation, risk)
    return (f"| {name} | {len(rows)} | {int(violation.sum())} | **{ours:.3f}** | {'; '.join(peer_cells) or '–'} | "
            f"{pct(shares['kept'])} | {pct(shares['clean_rejected'])} |")


def outcome_shares(violation: np.ndarray, actions: list[Action]) -> dict[str, float]:
    """Shares at the policy's thresholds."""
    acts = np.array([a.value for a in actions])
    clean = ~violation
    return {
        "kept": float(np.isin(acts[violation], ["reject", "review"]).mean()) if violation.any() else float("nan"),
        "rejected": float((acts[violation] == "reject").mean()) if violation.any() else float("nan"),
        "clean_rejected": float((acts[clean] == "reject").mean()) if clean.any() else float("nan"),
        "clean_review": float((acts[clean] == "review").mean()) if clean.any() else float("nan"),
        "clean_approved": float((acts[clean] == "approve").mean()) if clean.any() else float("nan"),
    }


def listed_word(verdict: Verdict) -> bool:
    """Whether the screen found a listed word or phrase the guidelines forbid (a swear word, a slur,
    an insult or a threat with a severity at the review line or above), not only the model's view."""
    return any(e.source.startswith("lexicon:") and e.score >= 0.5 and e.category is not Category.PROMOTION
               for e in verdict.evidence)


def pct(x: float) -> str:
    return "–" if x != x else f"{x:.1%}"


def dev_aucs(rows: list[Row], model_path: Path | None) -> dict[str, dict[str, float]]:
    """Per set, the ROC AUC of the screen's risk and of the model alone on the dev split, with the
    shipped model or the one at `model_path`: the guard a retrained model must pass (no set may fall
    by more than 0.005)."""
    from majlis.screening.classifier import ClassifierStage, LinearModel
    from majlis.screening.pipeline import default_stages

    model = LinearModel.load(model_path) if model_path else packaged_model()
    assert model is not None
    stages = [ClassifierStage(model) if isinstance(s, ClassifierStage) else s for s in default_stages()]
    screener, context = Screener(stages), ScreenContext()
    by_set: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.split == DEV:
            by_set[row.dataset].append(row)
    result = {}
    for name, dev in sorted(by_set.items()):
        violation = np.array([not r.clean for r in dev])
        verdicts = [screener.screen(r.text, context) for r in dev]
        alone = [model.predict(normalise(r.text).text, v.language).toxic for r, v in zip(dev, verdicts)]
        result[name] = {"rows": len(dev), "risk": auc(violation, np.array([v.risk for v in verdicts])),
                        "model": auc(violation, np.array(alone))}
        print(f"{name:26} {len(dev):5} rows  risk AUC {result[name]['risk']:.4f}  model alone {result[name]['model']:.4f}",
              file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "quality.md")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--dev-auc", action="store_true", help="print the dev split's AUC per set (JSON) and stop")
    parser.add_argument("--model", type=Path, help="with --dev-auc: a model file other than the shipped one")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"no labelled data at {args.data}")
    rows = read_all(args.data)
    if args.dev_auc:
        print(json.dumps(dev_aucs(rows, args.model), indent=1))
        return
    by_set: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_set[row.dataset].append(row)
    screener = Screener()
    screener.warm_up()
    context = ScreenContext()
    lines_main: list[str] = []
    lines_outcomes: list[str] = []
    lines_category: list[str] = []
    lines_reasons: list[str] = []
    lines_every_row: list[str] = []
    totals = defaultdict(list)
    for name, set_rows in sorted(by_set.items()):
        test = [r for r in set_rows if r.split == TEST]
        train = [r for r in set_rows if r.split == TRAIN]
        language = test[0].language
        violation = np.array([not r.clean for r in test])
        started = time.perf_counter()
        verdicts = [screener.screen(r.text, context) for r in test]
        ours_seconds = time.perf_counter() - started
        risk = np.array([v.risk for v in verdicts])
        ours = auc(violation, risk)
        model = packaged_model()
        alone = auc(violation, np.array([model.predict(normalise(r.text).text, v.language).toxic for r, v in zip(test, verdicts)])) if model else float("nan")
        shares = outcome_shares(violation, [v.action for v in verdicts])
        base = float("nan") if args.no_baseline or name in EVAL_ONLY else baseline_auc(train, test)
        peer_cells = []
        for peer in PEERS.get(language, []):
            result = run_peer(peer, [r.text for r in test])
            if result is None:
                peer_cells.append(f"{peer}: not installed")
                continue
            scores, seconds = result
            peer_auc = auc(violation, scores)
            peer_rejects = scores >= 0.5
            peer_cells.append(
                f"{peer} {peer_auc:.3f} ({versus(violation, risk, scores)}; at 0.5: rejects {pct(float(peer_rejects[violation].mean()))} of violations, "
                f"{pct(float(peer_rejects[~violation].mean()))} of clean)"
            )
        lines_main.append(f"| {name} | {language} | {len(test)} | {int(violation.sum())} | **{ours:.3f}** | {alone:.3f} | "
                          f"{'–' if base != base else f'{base:.3f}'} | {'; '.join(peer_cells) or '–'} |")
        lines_outcomes.append(f"| {name} | {pct(shares['kept'])} | {pct(shares['rejected'])} | {pct(shares['clean_rejected'])} | "
                              f"{pct(shares['clean_review'])} | {pct(shares['clean_approved'])} | "
                              f"{len(test) / ours_seconds:,.0f} |")
        for category in Category:
            has = np.array([any(l in LABELS.get(category, (category.value,)) for l in r.labels) for r in test])
            if has.sum() >= 10 and (~has).sum() >= 10:
                scores = np.array([v.scores[category] for v in verdicts])
                lines_category.append(f"| {name} | {category.value} | {int(has.sum())} | {auc(has, scores):.3f} |")
        reasons = Counter(v.category.value for r, v in zip(test, verdicts)
                          if r.clean and v.action is Action.REJECT and v.category is not None)
        if reasons:
            listed = sum(1 for r, v in zip(test, verdicts) if r.clean and v.action is Action.REJECT and listed_word(v))
            lines_reasons.append(f"| {name} | {sum(reasons.values())} of {int((~violation).sum())} | "
                                 + ", ".join(f"{k} {n}" for k, n in reasons.most_common()) + f" | {listed} |")
        for key, value in shares.items():
            totals[key].append(value)
        if name in EVAL_ONLY:
            lines_every_row.append(every_row(name, set_rows, screener, context))
        print(f"{name}: AUC {ours:.3f} baseline {base:.3f} {shares}", file=sys.stderr)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    text = f"""# Screening quality

Measured {now} at commit `{commit}` with

```sh
bench/peers/setup.sh            # one virtualenv per peer, from PyPI
.venv/bin/python bench/quality.py --data ../shared/data
```

Every row of every labelled set in `../shared/data` falls by a hash of its id into train (70%), dev
(15%) or test (15%) — `src/majlis/screening/datasets.py`. The shipped model was trained on the train
split of every set but ETHOS (GPL-3.0: evaluation only) and on the project's Kurdish development comments
(`bench/data/kurdish/dev`), each row weighing 1/√(rows of its set with its label) so that small sets
count (chosen on dev), its probability scale was calibrated and the
default thresholds were chosen on dev; **every figure below is on the test split**, which nothing was
trained or tuned on. One engine (one model, one set of lists) serves every language.

## ROC AUC (violation vs clean), test split

"Majlis engine" ranks by the verdict's `risk`, the order of the moderation queue: the highest
category score (lists, rules and model; these sets have no article, so no off-topic score) blended
with the model's own probability, which tells apart comments the lists score alike (the blend's
weight, `pipeline.RANK_WEIGHT`, was chosen on the dev split). "Model alone" ranks by the
classifier's toxicity probability. The two differ where a set's labels and our guidelines differ (see below).
The baseline is a character 2–5-gram TF-IDF logistic regression trained on that set's own train split
(one model per set, which the engine is not). Peers are scored on the same rows in the same run; beside
each peer, the engine's AUC minus the peer's with its 95% interval from a paired bootstrap (2,000 draws
of the set's rows with replacement, both scorers on the same draw): an interval that holds zero means
the set is too small to tell the two apart.

| data set | language | test rows | violations | Majlis engine | Majlis model alone | char n-gram LR (per set) | peers |
|---|---|---|---|---|---|---|---|
{chr(10).join(lines_main)}

A set that nothing was trained or tuned on (ETHOS, evaluation only) can be measured on every row, not
only on its test split; with 123 test rows, its test-split AUC moves by several hundredths from one
sample to another, so both are given (same run, same peer):

| data set | rows | violations | Majlis engine | peers | violations kept | clean rejected |
|---|---|---|---|---|---|---|
{chr(10).join(lines_every_row)}

## Outcomes at the default thresholds, test split

Default policy: reject at a category score of 0.85, send to review at 0.5 (off-topic: review only).
"Kept" = violations rejected or sent to review (not published without a human). The last column is
the throughput of the whole screen on that set's rows in this run (one process, one core).

| data set | violations kept | violations rejected | clean rejected | clean to review | clean approved | comments/s |
|---|---|---|---|---|---|---|
{chr(10).join(lines_outcomes)}

Mean over sets: violations kept {pct(float(np.nanmean(totals['kept'])))}, clean rejected
{pct(float(np.nanmean(totals['clean_rejected'])))}, clean approved {pct(float(np.nanmean(totals['clean_approved'])))}.

Clean comments rejected, by the guideline the screen named (a set's "clean" means clean by that set's
own definition: not hate speech, not offensive, not spam). The last column counts those in which the
lists found a word or phrase the guidelines forbid (a swear word, slur, insult or threat at the review
line or above), whatever the set's label says:

| data set | clean rejected | by reason | with a listed word |
|---|---|---|---|
{chr(10).join(lines_reasons)}

## Per category (where a set labels it), test split

A set's labels name our categories where they can: its identity-abuse label our `abuse`; the YouTube
set's "spam", which is advertising and self-promotion, our `promotion` (our `spam`, repeats and floods,
needs a site's stream of comments, which a set of single labelled comments does not hold).

| data set | category | positives | ROC AUC of that category's score |
|---|---|---|---|
{chr(10).join(lines_category)}

## Reading these figures

- The sets' "clean" label does not always match our guidelines: OLID, Davidson and ETHOS call
  casual swearing ("holy shit", "so fucking well made") acceptable, while `GUIDELINES.md` makes
  profanity a violation. Swearing written plainly and aimed at no one goes to a moderator (the
  `expletive` entries, `docs/screening.md`); a disguised spelling or swearing at someone is rejected.
  Most "clean" rows still rejected are violations of our guidelines that the set's own definition
  leaves out: ETHOS labels only hate speech, so its "clean" rows include threats and insults aimed at
  people (a wish to see a group shot, a promise to beat someone up); the YouTube set labels only spam,
  so its "clean" rows include insults; Davidson's and OLID's include slurs used casually. The
  "with a listed word" column counts, per set, the rejected "clean" rows in which the lists found
  such a word; they are counted against us here all the same.
- The intervals beside the peers say which gaps the data can tell: a set's test split is a sample,
  and on a small one (ETHOS: 123 rows) an interval that holds zero means that another sample of the
  same size could rank the two the other way. The peer alt-profanity-check was trained on Davidson's
  tweets, so on Davidson's test split it scores rows much like those it learnt from.
- Davidson's tweets wrap links in `t.co`; we treat it as a plain link (review), not as a shortener.
- Targets of the screening issue: a reject rate on clean comments of at most 2% per set, and at
  those thresholds 95% of violations kept from publication and 80% of clean comments approved
  without a human. The tables say where we are; the gap is largest on sets whose violations are
  mild or political (OffensEval Turkish and Arabic, OSACT), where the engine prefers to publish.

## Sources and citations

The labelled sets, their licences and citations are listed in `../shared/data/README.md` and each
set's `PROVENANCE.md`: Davidson et al. 2017 (MIT), OLID / OffensEval 2019 (Zampieri et al.),
OffensEval 2020 Turkish (Çöltekin 2020) and Arabic (Mubarak et al.), OSACT 2022 (Mubarak et al.),
L-HSAB (Mulki et al. 2019), T-HSAB (Haddad et al. 2019), ParsOffensive, ETHOS (Mollas et al., GPL-3.0,
evaluation only) and the YouTube Spam Collection (Alberto et al. 2015). Sets with no stated licence
were used only to train and measure; none of their text is in this repository.
"""
    # Sections other scripts own (bench/kurdish_quality.py) are kept as they are.
    old = args.out.read_text() if args.out.exists() else ""
    blocks = [m.group(0) for m in re.finditer(r"<!-- ([\w-]+):start -->.*?<!-- \1:end -->", old, re.S)]
    args.out.write_text(text.rstrip() + "".join("\n\n" + b for b in blocks) + "\n")
    print(f"written {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
