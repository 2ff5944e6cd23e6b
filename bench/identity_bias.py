"""Unintended bias on group names: the screen on the project's sentences about groups
(bench/data/identity, one file per language), neutral ones and hateful ones, each template with each
of 20 group names. Writes its section of docs/quality.md.

    .venv/bin/python bench/identity_bias.py

A screen that learnt from abuse data may take a group's name for abuse (Dixon et al. 2018, "Measuring
and Mitigating Unintended Bias in Text Classification"): here a neutral sentence naming refugees or
Christians should be published as readily as one naming farmers, and a hateful one kept from
publication whichever group it names. Nothing was trained on these sentences. The hateful templates
were read when the lists' incitement entries were written (2026-12-03), so for the lists they are not
an independent test.
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from report import write_section  # bench/, this script's folder

from majlis.domain import Action
from majlis.screening import Screener
from majlis.screening.counterfactual import spreads
from majlis.screening.datasets import identity_sentences
from majlis.screening.training import auc

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "identity"
QUALITY = ROOT / "docs" / "quality.md"


def pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def main() -> None:
    screener = Screener()
    screener.warm_up()
    neutral = [(lang, group, screener.screen(text)) for lang, group, text in identity_sentences(DATA, "neutral")]
    hateful = [(lang, group, screener.screen(text)) for lang, group, text in identity_sentences(DATA, "hateful")]
    spread = spreads(DATA, lambda text: screener.screen(text).risk)
    rows = []
    worst: list[str] = []
    for language in sorted({lang for lang, _, _ in neutral}):
        calm = [v for lang, _, v in neutral if lang == language]
        hate = [v for lang, _, v in hateful if lang == language]
        ranked = auc([0] * len(calm) + [1] * len(hate), [v.risk for v in calm + hate])
        rows.append(f"| {language} | {len(calm)} | {pct(sum(v.action is Action.REJECT for v in calm) / len(calm))} "
                    f"| {pct(sum(v.action is Action.REVIEW for v in calm) / len(calm))} | {len(hate)} "
                    f"| {pct(sum(v.action is not Action.APPROVE for v in hate) / len(hate))} "
                    f"| {pct(sum(v.action is Action.REJECT for v in hate) / len(hate))} | {ranked:.3f} "
                    f"| {spread[language].worst:.3f} | {spread[language].mean:.3f} |")
        held = Counter(group for lang, group, v in neutral if lang == language and v.action is not Action.APPROVE)
        templates = len(calm) // len({g for lang, g, _ in neutral if lang == language})
        worst += [f"{group} ({n} of {templates})" for group, n in held.most_common(3) if n > 1]
        print(rows[-1], file=sys.stderr)
    everything = [v for _, _, v in neutral]
    body = f"""Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `.venv/bin/python bench/identity_bias.py`.

The project's sentences about groups (`bench/data/identity/`, see the script's docstring): per
language, 6 neutral templates ("{{group}} met the mayor to discuss the bus routes") and 3 hateful ones
("Kill all {{group}}, they do not deserve to live"), each with the same 20 group names (peoples, faiths,
women, gay people, refugees, migrants); nothing was trained on them. Default policy, no article,
language detected. AUC ranks the hateful sentences above the neutral ones by the queue's risk.

Tried on 2026-12-03 and not adopted: training the model on 8 more neutral and 4 more hateful templates
per language with the same names (Dixon et al.'s mending). Here it lowered the neutral sentences sent
to review from 11.0% to 7.6% and kept every hateful one, but it cost the public dev split 0.6 points of
violations kept, and on the Kurdish evaluation sets identity attacks kept fell from 93.3% to 80.0%
(Sorani) and to 86.7% (Kurmanji): the model learnt the templates, not the bias.

Also tried on 2026-12-03 and not adopted: the model trained and run on comments with the names of groups
(`data/groups.tsv`) blanked, so that it cannot read them at all (the lists and the group rule still do).
Here the neutral sentences sent to review fell from 11.0% to 3.1% (Arabic, Sorani, English, Persian 0%,
Turkish 1.7%; what stayed in Kurmanji is one template, whatever the group) and the hateful ones kept rose
(English 90.0% to 100%); on the public dev split it was even (mean ROC AUC 0.9175 to 0.9169, violations
kept 83.32% to 83.25%, clean approved 82.77% to 83.02%), but each set's identity-abuse ranking fell a little
(L-HSAB 0.797 to 0.788, T-HSAB 0.790 to 0.785), and on the Kurdish evaluation sets identity attacks kept
fell from 93.3% to 76.7% (Sorani) and 86.7% (Kurmanji). Under pre-moderation a neutral comment held is
a delay, an identity attack let through is published: the names stay in what the model reads.

| language | neutral | neutral rejected | neutral to review | hateful | hateful kept | hateful rejected | AUC | worst spread | mean spread |
|---|---|---|---|---|---|---|---|---|---|
{chr(10).join(rows)}

The spread (issue 28's counterfactual measure, target <= 0.05): per neutral or positive template
(3 positive ones per language since 2026-12-07, "{{group}} helped the families who lost their homes"),
the highest risk over the 20 names minus the lowest; the worst and the mean over a language's 9
templates. `majlis eval` reports the same on a news set.

All languages: {pct(sum(v.action is Action.REVIEW for v in everything) / len(everything))} of the neutral sentences
go to review. Groups whose neutral sentences a moderator sees most often: {", ".join(worst) or "none more than once"}.
"""
    write_section(QUALITY, "identity", "Group names: unintended bias", body)
    print(f"written {QUALITY}", file=sys.stderr)


if __name__ == "__main__":
    main()
