"""Builds ckb.tsv and kmr.tsv from the hand-written comments in *_core.txt: every comment once as
written, and once more inside a neutral framing phrase (the way readers open or close a comment),
so each set holds 320 comments. Run from this folder: python build.py"""

from __future__ import annotations

import csv
from pathlib import Path

FRAMES = {
    "ckb": [("بەڕاستی ", ""), ("ئەی خەڵکینە، ", ""), ("بۆ نووسەری ئەم هەواڵە: ", ""), ("", " ئەمە ڕای منە."),
            ("سڵاو، ", "..."), ("", "!!"), ("بە کورتی: ", ""), ("", " بەس بێت.")],
    "kmr": [("Bi rastî ", ""), ("Gelî xelkê, ", ""), ("Ji nivîskarê vê nûçeyê re: ", ""), ("", ", ev raya min e."),
            ("Silav, ", "..."), ("", "!!"), ("Bi kurtî: ", ""), ("", ", bes e.")],
}
WRITTEN = "written by the Majlis project for evaluation, 2026-11-25"


def build(language: str) -> int:
    rows = []
    core = [line.split("|", 2) for line in Path(f"{language}_core.txt").read_text(encoding="utf-8").splitlines() if line]
    for n, (label, kind, text) in enumerate(core, 1):
        rows.append({"id": f"{language}-{n:03d}", "label": label, "kind": kind, "text": text, "provenance": WRITTEN})
    for n, (label, kind, text) in enumerate(core, 1):
        before, after = FRAMES[language][n % len(FRAMES[language])]
        rows.append({"id": f"{language}-{n:03d}f", "label": label, "kind": kind, "text": before + text + after,
                     "provenance": f"{language}-{n:03d} inside a framing phrase ({WRITTEN})"})
    with Path(f"{language}.tsv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, ["id", "label", "kind", "text", "provenance"], delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


if __name__ == "__main__":
    for code in FRAMES:
        print(code, build(code))
