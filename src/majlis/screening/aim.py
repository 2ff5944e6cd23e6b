"""How a listed word is used in its sentence: aimed at someone ("you idiot"), quoted or named in
order to condemn it, or written plainly (no mask, digit, flood or look-alike letter). The list stage
reads every match through these; they know nothing of the lists themselves."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from majlis.screening.normalise import INVISIBLE, normalise


def _word_sets(words_by_language: dict[str, str]) -> dict[str, frozenset[str]]:
    """Each language's words (space-separated) as written and as the matcher's folded view reads them
    (a light view keeps accents)."""
    return {language: frozenset(words.split()) | frozenset(normalise(w).text for w in words.split())
            for language, words in words_by_language.items()}


# A second-person word or a vocative just before a mild insult aims it at someone ("you idiot"), each
# language's own: English "u" and "ya" are a Turkish case ending ("youtube'u") and particle ("yaaa"),
# Kurmanji "ey" a Turkish vocative too. Turkish "sen" only: its object forms (seni, sana) come before
# insults that aim at no one ("bir yalana kanmak seni aptal yapmaz", a lie does not make you a fool).
# Kept in the normalised form the matcher sees too (Sorani ئێوە folds to ييوه).
SECOND_PERSON_BY_LANGUAGE = _word_sets({
    "en": "you u youre ya",
    "ar": "انت انتي انتو انتم انك انكم",
    "tr": "sen ey",
    "fa": "تو شما",
    "ckb": "تو ئێوە ئەی",
    "kmr": "tu te hûn ey lo",
})
SECOND_PERSON = frozenset().union(*SECOND_PERSON_BY_LANGUAGE.values())  # when the language is not known
# The Arabic vocative aims only the word right after it ("يا حقير"): in "يا رب ... كذاب" it calls on
# someone else, and greetings ("يا جماعة", "يا عمري") open many innocent sentences.
VOCATIVE = frozenset({"يا"})
QUOTES = "\"“”«»„'‘’‹›‚"
_OPENERS, _CLOSERS = "“«„‹‚", "”»“›‘"
CONDEMNING = re.compile(
    r"\b(called (me|him|her|them|us)|the word|this word|a slur|the slur|slurs?|so-called|term)\b", re.I
)
# A word someone else called someone, in every language alike: a verb of calling or saying at most three
# words before it ("he called the judge a ...", "وصف الوزير بأنه ...", "بە وەزیری وت ...", "ji wezîr re
# got ..."), or, in Turkish and Persian, after it ("... dedi", "... diye bağırdı", "... خطاب کرد"). With a
# "you" between the verb and the word it is said to the reader ("I told you, idiot"), not reported.
_NAMED_BEFORE = re.compile(
    r"(?<!\w)(?:called|calls|calling|labelled|labeled|branded|shouted|chanted|yelled|wrote|tweeted"
    r"|[وف]?(?:وصف|وصفه|وصفها|وصفهم|وصفوا|وصفت|نعت|نعته|نعتها|نعتوا|سماه|سماها|سموه|كتب|كتبوا|صاح|صاحوا|هتف|هتفوا|قال|قالت|قالوا)"
    r"|گفت|گفتند|گفتن|گفته|نوشت|نوشته|نوشتند|نوشتن"
    r"|وت|گوت|وتی|گوتی|گوتیان|وتیان|وتبووی|گوتبووی|نووسی|نووسیبووی|نووسیویانە"
    r"|got|gotin|digot|gotiye|gotibû|nivîsî|nivîsiye|qîriya|qîriyan)(?:\W+\w+){0,3}\W*$",
    re.IGNORECASE,
)
_NAMED_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,2}?(?:dedi|demiş|demişti|dediler|demişler|diye|diyerek|yazdı|yazmış|bağırdı"
    r"|خطاب کرد|خطاب کردند|صدا زد|صدا زدند|صدا کرد)(?!\w)",
    re.IGNORECASE,
)
# What says nothing of a quotation beside it: handles, links, HTML entities and "RT" (a post passed on).
_NOT_FRAMING = re.compile(r"@\w+|https?://\S+|www\.\S+|&#?\w+;|\bRT\b", re.IGNORECASE)
# Words that report what someone else said or did ("the witness said", "هتفوا بأن", "diye bağırdı",
# "به گفته"): a threat in such a sentence is news about violence, which the guidelines leave to a human.
REPORTING = re.compile(
    r"(?<!\w)(?:said|says|told|shouted|chanted|wrote|claimed|reported|according to|accused|testified|threatened"
    r"|[وف]?(?:قال|قالت|قالوا|يقول|تقول|هتف|هتفوا|صرح|[أا]علن|ذكر|[أا]فاد|نقل|بحسب|حسب|وفق|الشاهد|شهود|هدد|هددوا)"
    r"|dedi|diye|diyen|diyenler|diyor|diyorlar|demiş|göre|söyledi|iddia etti|bağırdı|açıkladı|tehdit etti"
    r"|گفت|گفتند|می‌گوید|اعلام کرد|به گفته|شاهدان|تهدید کرد"
    r"|وتی|گوتی|ڕایگەیاند|بە وتەی|هەڕەشەی کرد"
    r"|got ku|gotin ku|ragihand|li gorî|gef xwar)(?!\w)",
    re.IGNORECASE,
)
# What may follow a plainly written stem ("fucking", "shitty"); anything else is another word or a disguise.
PLAIN_ENDINGS = ("", "s", "ed", "ing", "in", "y", "ty")
_WORDS = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?\n؟]")
_INVISIBLE = "".join(map(chr, INVISIBLE))


# In English, Turkish and Arabic, "you" aims the word only through words that can stand between them
# ("you are such a", "sen tam bir", "انت واحد"): in "did you see how stupid the plan is" or "sen de
# gördün mü bu aptal planı", "you" is the one who sees. English adverbs (-ly) link too.
_BRIDGES = _word_sets({
    "en": "are re r is were was be been being am become becoming became seem seems must will gonna both all "
          "such a an so the total complete absolute utter bloody fucking fuckin big little damn dumb stupid "
          "pathetic lying worthless old fat ugly piece apiece of just one real look sound act acting sounding "
          "like as and your ur",
    "tr": "bir bi tam çok de da ne kadar koca gerçek resmen cidden gibi düpedüz adi pis lan ulan be hep hala "
          "daha en böyle",
    "ar": "واحد انسان شخص حقا فعلا مجرد جدا أكبر يا ولد بني",
})
# A clause mark between "you" and the word, with words after it, starts another clause: "انت محق، قرار
# الحكومة غبي" (you are right, the government's decision is stupid). Right after "you" it does not:
# "you, idiot".
_CLAUSE = re.compile(r"[,،;؛:]")
# In Persian and Kurdish, a demonstrative (or a third person) between "you" and the word means it
# describes what follows, not the reader: "Te dît ev plana bêaqil ...?" (did you see this stupid plan),
# "تو واقعا این وزیر احمق را قبول داری؟" (do you really accept this stupid minister); Persian تو right
# before "this" or "here" is "in": "تو این کشور احمق زیاده" (many fools in this country). Kurmanji "wê"
# is left out: it is also the future particle ("tu wê bibî ...", you will become ...).
_NAMES_ANOTHER = _word_sets({
    "fa": "این اون آن همین همون اینجا اونجا آنجا او اینها اینا اونا آنها",
    "kmr": "ev ew vê vî van evê evî evan ewan vana wana wî wan",
    "ckb": "ئەم ئەو ئەمە ئەوە ئەمانە ئەوانە ئەوان لەم لەو بەم بەو لەمە لەوە بەمە بەوە",
})


def second_person(language: str = "") -> frozenset[str]:
    """The words that say "you" in a comment of `language` (all languages' when it is not known)."""
    return SECOND_PERSON_BY_LANGUAGE.get(language, SECOND_PERSON)


def says_you(folded: str, language: str = "") -> bool:
    """Whether a word of a folded text, anywhere in it, says "you" (in the comment's `language`)."""
    return not second_person(language).isdisjoint(_WORDS.findall(folded))


def you_before(folded: str, start: int, language: str = "") -> bool:
    """Whether one of the five words before `start` of a folded text, in its sentence, says "you" (in
    the comment's `language`, if known), or the word right before it calls on someone. The sentence
    bounds the window: in "I agree with you. Stupid decisions like this cost us" no one is called
    stupid; a clause of its own bounds it too. In English, Turkish and Arabic only `_BRIDGES` words (or
    adverbs) may stand between "you" and the word; in Persian, Sorani and Kurmanji any word but those of
    `_NAMES_ANOTHER` (this, that, he, they) may."""
    before = folded[max(0, start - 60) : start]
    if before and before[-1].isalnum():  # the word begins inside a longer one (an Arabic clitic: الكذاب)
        joined = _WORDS.findall(before)[-1]
        if joined in VOCATIVE:
            return True  # "ياحمار", the vocative joined to the word
        before = before[: -len(joined)]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    if ends:
        before = before[ends[-1] :]
    clauses = [m.end() for m in _CLAUSE.finditer(before)]
    if clauses and _WORDS.search(before, clauses[-1]):
        before = before[clauses[-1] :]  # the word opens a clause of its own
    window = _WORDS.findall(before)[-5:]
    if bool(window) and window[-1] in VOCATIVE:
        return True
    you = second_person(language)
    bridge = _BRIDGES.get(language)
    if bridge is None:
        another = _NAMES_ANOTHER.get(language, frozenset())
        return any(word in you and another.isdisjoint(window[at + 1 :]) for at, word in enumerate(window))
    last = max((i for i, word in enumerate(window) if word in you), default=-1)
    return last >= 0 and all(word in bridge or word.endswith("ly") for word in window[last + 1 :])


def you_right_before(folded: str, start: int) -> bool:
    """Whether the word right before `start` of a folded text says "you"."""
    window = _WORDS.findall(folded[max(0, start - 12) : start])[-1:]
    return bool(window) and window[0] in SECOND_PERSON


def _next_word(text: str, end: int) -> str:
    """The word after `end` (casefolded; empty at the end of the text)."""
    following = _WORDS.findall(text[end : end + 20].casefold())[:1]
    return following[0] if following else ""


def you_next(text: str, end: int) -> bool:
    """Whether the word after `end` says "you" ("fuck you")."""
    return _next_word(text, end) in SECOND_PERSON


# Things, not people: a mild insult right before one of these ("a stupid policy", "what a ridiculous
# idea") judges an idea or a decision, which the guidelines leave to strong disagreement.
IDEA_NOUNS = frozenset(
    "idea ideas policy policies decision decisions law laws plan plans article articles take argument"
    " arguments comment comments question questions move bill budget proposal proposals statement"
    " statements thing things rule rules post tweet logic reasoning excuse excuses system reform"
    " reforms project strategy approach claim claims point opinion answer choice vote deal".split()
)


def describes_a_thing(text: str, end: int) -> bool:
    """Whether the word after `end` names an idea, a decision or a thing ("stupid policy")."""
    return _next_word(text, end) in IDEA_NOUNS


def written_plainly(written: str, key: str, stem: bool) -> bool:
    """Whether a word was written as the list writes `key`, give or take case and (for a stem) a
    plain ending."""
    word = written.casefold().strip(_INVISIBLE)
    if stem:
        return word.startswith(key) and word[len(key):] in PLAIN_ENDINGS
    return word == key


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence (or sentences) holding `text[start:end]` begins and ends."""
    ends = _sentence_ends(text)
    opening = bisect_left(ends, start)  # the ends before the word are ends[:opening]
    closing = bisect_left(ends, end)
    return (ends[opening - 1] + 1 if opening else 0), (ends[closing] if closing < len(ends) else len(text))


def quoted(text: str, start: int, end: int) -> bool:
    """Inside quotation marks in the same sentence, in a comment that says something beside the
    quotation, or named as a word being condemned."""
    sentence_start, sentence_end = _sentence_span(text, start, end)
    before, after = text[sentence_start:start], text[end:sentence_end]
    quotation = _quotation(before, after)
    if quotation is not None:
        opening, closing = sentence_start + quotation[0], end + quotation[1]
        if _framed(text[:opening] + " " + text[closing + 1:]):
            return True
    return _condemns(text[sentence_start:sentence_end]) or named_by_another(before, after)


def named_by_another(before: str, after: str) -> bool:
    """Whether a word, between `before` and `after` in its sentence, is what someone else called
    someone (see `_NAMED_BEFORE`), with no "you" between the verb and the word."""
    window = before[-60:]
    found = _NAMED_BEFORE.search(window)
    if found is not None:
        return SECOND_PERSON.isdisjoint(_WORDS.findall(found.group().casefold())[1:])
    return _NAMED_AFTER.search(after[:40]) is not None


def _quotation(before: str, after: str) -> tuple[int, int] | None:
    """Where the quotation marks around a word open (in `before`) and close (in `after`), if any."""
    for q in QUOTES:
        if q in before and q in after and before.count(q) % 2 == 1:
            return before.rindex(q), after.index(q)
    openers = [before.rindex(q) for q in _OPENERS if q in before]
    closers = [after.index(q) for q in _CLOSERS if q in after]
    return (max(openers), min(closers)) if openers and closers else None


def _framed(outside: str) -> bool:
    """Whether a comment says anything beside a quotation. One that is all quotation (but for
    handles, links and "RT") passes the words on rather than mentions them: quotation marks around a
    whole insult do not make it a quoted one."""
    return any(ch.isalpha() for ch in _NOT_FRAMING.sub(" ", outside))


def sentence_of(text: str, index: int) -> int:
    """Which sentence of `text` (0 for the first) holds the character at `index`."""
    return bisect_left(_sentence_ends(text), index)


@lru_cache(maxsize=64)
def _sentence_ends(text: str) -> tuple[int, ...]:
    """Where a text's sentences end. Cached: every listed word of a comment asks, and a search from
    the word each time cost a comment of hundreds of listed words time in the square of its length."""
    return tuple(match.start() for match in _SENTENCE_END.finditer(text))


@lru_cache(maxsize=64)
def _condemns(sentence: str) -> bool:
    """Whether a sentence names a word in order to condemn it. Cached: every listed word of a sentence
    asks, and a long comment without a full stop is one sentence read again for each of hundreds."""
    return CONDEMNING.search(sentence) is not None


def reported(text: str, start: int) -> bool:
    """Whether the sentence holding `start` reports what someone said or did ("the witness said ...")."""
    sentence_start, sentence_end = _sentence_span(text, start, start)
    return _reports(text[sentence_start:sentence_end])


@lru_cache(maxsize=64)
def _reports(sentence: str) -> bool:
    return REPORTING.search(sentence) is not None
