"""Reading the labelled sets of `../shared/data` and splitting them the same way everywhere.

Each row lands by a hash of its id in train (70%), dev (15%: thresholds) or test (15%: the reported
figures), so training, threshold choice and evaluation never see each other's rows.
"""

from __future__ import annotations

import csv
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from majlis.domain import Category

TRAIN, DEV, TEST = "train", "dev", "test"
# GPL-3.0: used to evaluate, never to train a model that ships.
EVAL_ONLY = frozenset({"ethos"})
LABEL_CATEGORY = {
    "identity_abuse": Category.ABUSE,
    "personal_attack": Category.PERSONAL_ATTACK,
    "profanity": Category.PROFANITY,
    "vulgarity": Category.VULGARITY,
    "threat": Category.THREAT,
    "spam": Category.SPAM,
}


@dataclass(frozen=True)
class Row:
    """One labelled text."""

    id: str
    text: str
    labels: tuple[str, ...]
    dataset: str
    language: str
    assigned_split: str = ""  # set for rows that belong to one split whatever their id

    @property
    def clean(self) -> bool:
        """Acceptable under the guidelines."""
        return self.labels == ("clean",)

    @property
    def spam(self) -> bool:
        """Labelled spam (promotion-like)."""
        return "spam" in self.labels

    @property
    def toxic(self) -> bool:
        """Any toxicity-like violation (not clean, not spam)."""
        return not self.clean and not self.spam

    @property
    def category(self) -> Category | None:
        """The first specific guideline category of the labels, if any."""
        for label in self.labels:
            if label in LABEL_CATEGORY:
                return LABEL_CATEGORY[label]
        return None

    @property
    def split(self) -> str:
        """train, dev or test, by a stable hash of the id (unless the row was assigned one)."""
        if self.assigned_split:
            return self.assigned_split
        bucket = zlib.crc32(self.id.encode()) % 20
        return TRAIN if bucket < 14 else DEV if bucket < 17 else TEST


def read_dataset(folder: Path) -> Iterator[Row]:
    """The rows of one data set folder (its `data.csv`)."""
    with (folder / "data.csv").open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            text = record.get("text") or ""
            if not text.strip():
                continue
            yield Row(
                id=record["id"],
                text=text,
                labels=tuple((record.get("label") or "clean").split("|")),
                dataset=folder.name,
                language=(record.get("lang") or "").split("-")[0],
            )


def read_all(data_dir: Path) -> list[Row]:
    """Every row of every data set under `data_dir`."""
    rows: list[Row] = []
    for folder in sorted(p for p in data_dir.iterdir() if (p / "data.csv").exists()):
        rows.extend(read_dataset(folder))
    return rows


# The project's Kurdish development comments (bench/data/kurdish/dev, `label|kind|text` per line) train
# the model too. Most comments are clean, while those sets are mostly violations: each clean one
# counts this many times, so that the Kurdish features do not learn that Kurdish means trouble.
KURDISH_CLEAN_COPIES = 6
_WRITTEN_LABELS = {"abuse": "identity_abuse", "promotion": "spam"}


def written_comments(folder: Path, language: str = "*") -> list[tuple[str, str, str, str]]:
    """The project's written Kurdish comments (`<language>_dev*.txt`, one `label|kind|text` per line)
    as (id, label, kind, text), the id naming the file and the line."""
    comments = []
    for path in sorted(folder.glob(f"{language}_dev*.txt")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            label, kind, text = line.split("|", 2)
            comments.append((f"{path.stem}-{n}", label, kind, text))
    return comments


def read_written_kurdish(folder: Path) -> list[Row]:
    """The Kurdish development comments as training rows (`ckb_dev*.txt`, `kmr_dev*.txt`)."""
    rows: list[Row] = []
    for key, label, _kind, text in written_comments(folder):
        copies = KURDISH_CLEAN_COPIES if label == "clean" else 1
        for copy in range(copies):
            rows.append(Row(f"{key}-{copy}", text, (_WRITTEN_LABELS.get(label, label),),
                            "kurdish_dev", key.split("_", 1)[0], assigned_split=TRAIN))
    return rows


def identity_sentences(folder: Path, part: str) -> list[tuple[str, str, str]]:
    """The project's sentences about groups (bench/data/identity, one `<language>.json` each): every
    template of `part` (`neutral` or `hateful`) with every group name in it, as (language, group,
    sentence)."""
    sentences = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for template in data[part]:
            sentences += [(data["language"], group, template.format(g=group)) for group in data["groups"]]
    return sentences


# The project's news-comment training set (bench/data/news_train: `<language>.jsonl` in the format of
# bench/data/news). Its rows weigh more than a public set's (`training.DATASET_WEIGHT`): they are the
# only comments in the styles a newsroom receives that tweets lack.
NEWS_TRAIN = "news_train"
_NEWS_LABELS = {"abuse": "identity_abuse", "promotion": "spam", "off_topic": "clean"}
_NEWS_TOXIC = frozenset({"threat", "abuse", "personal_attack", "profanity", "vulgarity"})


def read_news_training(folder: Path) -> list[Row]:
    """The news training comments as training rows, their language the story's (a comment's own
    detected language is what the features use; see `training.matrix`). An off-topic comment trains
    as clean: the model judges tone, relevance is another stage's. Chain letters and gibberish
    (`spam`) are left out: the spam head learns advertising."""
    rows: list[Row] = []
    for path in sorted(folder.glob("*.jsonl")):
        if path.name == "stories.jsonl":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            label = str(record["label"])
            if label == "spam":
                continue
            if label != "clean" and label not in _NEWS_TOXIC and label not in _NEWS_LABELS:
                raise ValueError(f"{path.name} line {number}: unknown label {label!r}")
            rows.append(Row(str(record["id"]), str(record["text"]), (_NEWS_LABELS.get(label, label),),
                            NEWS_TRAIN, path.stem, assigned_split=TRAIN))
    return rows
