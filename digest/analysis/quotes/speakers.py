"""Who a quote's cue points at: names, pronouns and descriptions resolved to a named mention.

`quotes.find_quotes` finds the reporting verb and its subject token; `name_of` turns that token
into the fullest name the article uses, resolving "he", "the spokesman" or "the statement" to an
earlier mention (outside quotation marks, matching gender when the text tells it).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lexicon import (
    ANONYMOUS,
    DESCRIPTION_GENDER,
    GROUP_PRONOUNS,
    NAME_JOINERS,
    NAME_TITLES,
    ORG_DESCRIPTIONS,
    PERSON_DESCRIPTIONS,
    PERSON_NOUN_GENDER,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    SPEECH_NOUNS,
    SPOKES_NOUNS,
    TITLES,
)
from ..nlp import entities, is_calendar_name, tokens_between
from . import marks as qm

SUBJECT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "csubj"}
)  # a clause subject: who speaks, or whom "he" means
PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG"})  # bodies that issue statements
SPEAKER_LABELS = PERSON_LABELS | GROUP_LABELS | {"GPE", "FAC", "NORP"}
MALE, FEMALE = "m", "f"
PRONOUN_GENDER = dict.fromkeys(("he", "him", "his", "himself"), MALE) | dict.fromkeys(
    ("she", "her", "hers", "herself"), FEMALE
)
HONORIFIC_GENDER = {
    "mr.": MALE,
    "mr": MALE,
    "mrs.": FEMALE,
    "ms.": FEMALE,
    "mrs": FEMALE,
    "ms": FEMALE,
}
GENDER_WINDOW = 30  # tokens after a name in which its first pronoun tells the person's gender
NEAR_SENTENCES = 2  # an antecedent in the pronoun's sentence or the one before it is near
LOOKBACK_SENTENCES = 5  # how far back a pronoun looks for the person it stands for
MIN_RUN_WORDS = (
    3  # "Doctors for Closure": a shorter capitalised run is too likely a sentence start or title
)


@dataclass(slots=True)
class Found:
    """A kept quotation and who said it."""

    span: qm.Span
    speaker: str | None
    evidence: str | None = None  # how the speaker was found (EVIDENCE); None when no speaker


@dataclass(slots=True)
class Mention:
    """A name outside quotation marks that could be a speaker."""

    name: str
    start: int
    group: bool  # an organization or body rather than a person
    subject: bool  # the subject of its clause: the likely antecedent of a later pronoun
    sent: int  # index of its sentence's first token
    main: bool = False  # the subject of the main clause, not of an aside ("X, whom Y appointed, …")


@dataclass(slots=True)
class Context:
    """The article as attribution sees it; `previous` is the last quote kept so far."""

    doc: Doc
    inside: set[int]
    mentions: list[Mention]
    genders: dict[str, str]
    starts: list[int]  # token index → first token of its sentence (cut at paragraph breaks)
    ends: dict[int, int]  # a sentence's first token → the token after its last
    previous: Found | None = None
    how: str = ""  # set by name_of: how the last name it gave was found

    def sent(self, tok: Token) -> Span:
        """The sentence of `tok`, never running over a paragraph break."""
        first = self.starts[tok.i]
        return self.doc[first : self.ends[first]]


def build_context(doc: Doc, inside: set[int]) -> Context:
    """Everything attribution needs to know about the article, computed once."""
    starts = _sentence_starts(doc)
    ends = {
        first: i + 1 for i, first in enumerate(starts)
    }  # the last token seen of each sentence wins
    return Context(
        doc,
        inside,
        _mentions_of(doc, inside, starts),
        _genders_of(doc, inside, starts),
        starts,
        ends,
    )


def _sentence_starts(doc: Doc) -> list[int]:
    """For each token, the first token of its sentence;
    a paragraph break always starts a new one."""
    starts: list[int] = []
    current = 0
    after_break = False  # the previous token holds or is followed by a line break
    for tok in doc:
        if tok.i and (tok.is_sent_start or after_break):
            current = tok.i
        starts.append(current)
        after_break = "\n" in tok.text_with_ws
    return starts


def name_of(ctx: Context, tok: Token) -> str | None:
    """The name a subject token stands for, expanded to the fullest form in the text."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        tok = tok.head.head
    low = tok.lower_
    if low in PERSON_PRONOUNS:
        ctx.how = "pronoun"
        return _resolve(ctx, tok, groups=False, gender=PRONOUN_GENDER.get(low))
    if low in GROUP_PRONOUNS:
        ctx.how = "group-pronoun"
        return _resolve(ctx, tok, groups=True, gender=None, people=low != "it")
    appos = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    ctx.how = "name"
    if tok.pos_ != "PROPN" and appos:
        tok = appos[0]
        ctx.how = "apposition"
    ent = entity_of(tok)
    name = None
    if ent is not None and ent.label_ in SPEAKER_LABELS:
        name = full_name(ctx, _ent_name(ent))
    elif tok.pos_ == "PROPN":
        name = full_name(ctx, clean_name(proper_span(tok)))
    if name is not None and is_calendar_name(name):
        return None  # "reported Wednesday that …": a day, not a speaker
    if name is not None and not _only_titles(name):
        return None if "," in name else name  # "Big Machine, Braun": two candidates, no one name
    ctx.how = "description"  # "the spokesman", or a title tagged as a name ("one CEO told me")
    return _describe(ctx, tok)


def _only_titles(name: str) -> bool:
    """A "name" made only of titles and descriptions ("CEO", "the President") names no one."""
    words = [w.lower().strip(".") for w in name.split() if w.lower() != "the"]
    return bool(words) and all(w in PERSON_DESCRIPTIONS or w in TITLES for w in words)


def entity_of(tok: Token) -> Span | None:
    """The named entity `tok` belongs to, if any."""
    for ent in entities(tok.doc):
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def proper_span(tok: Token, group: bool = False) -> str:
    """A proper name with its compound parts and "for"/"of"/"and" continuations."""
    doc = tok.doc
    joiners = NAME_JOINERS if group else NAME_JOINERS - {"and", "&"}
    lo = hi = tok.i
    while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].head.i in range(lo, tok.i + 1):
        lo -= 1
    while hi + 1 < len(doc) and (
        doc[hi + 1].pos_ == "PROPN"
        or (doc[hi + 1].lower_ in joiners and hi + 2 < len(doc) and doc[hi + 2].pos_ == "PROPN")
    ):
        hi += 1
    return doc[lo : hi + 1].text


def clean_name(name: str) -> str:
    """Drop a leading article and a possessive ending."""
    for prefix in ("the ", "The "):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    for suffix in ("\u2019s", "'s", "\u2019", "'"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    words = name.split()
    while len(words) > 1 and words[0].lower() in NAME_TITLES and words[1][:1].isupper():
        words = words[1:]  # "Mayor Ana Ruiz" → "Ana Ruiz"
    return " ".join(words)


def _describe(ctx: Context, tok: Token) -> str | None:
    """A description: "the spokesman" → the person so titled earlier;
    "the statement" → its author."""
    lemma = tok.lemma_.lower()
    if lemma in ANONYMOUS:
        return None
    owner = _owner(tok)
    if lemma in ORG_DESCRIPTIONS and owner is not None:
        return clean_name(ctx.doc[tok.left_edge.i : tok.i + 1].text)  # "Russia's foreign ministry"
    if lemma in PERSON_DESCRIPTIONS and tok.tag_ == "NN":
        titled = _titled_person(ctx, lemma, tok.idx)
        if titled:
            return titled
    if (
        owner is not None
    ):  # "a CBP spokesperson", "Trump's statement": the body or person it speaks for
        # but "a career Army officer", "44 percent of Americans": someone unnamed, not the Army
        return full_name(ctx, owner) if lemma in SPOKES_NOUNS or lemma in SPEECH_NOUNS else None
    if lemma in SPEECH_NOUNS:
        return _author(ctx, lemma, tok.i) or (ctx.previous.speaker if ctx.previous else None)
    matched = _group_named_like(ctx, tok)
    if matched:
        return matched
    if lemma in SPOKES_NOUNS:
        return _resolve(ctx, tok, groups=True, gender=None, people=False)
    if lemma in ORG_DESCRIPTIONS:
        return _nearest(ctx, tok.idx, groups=True)
    if lemma in PERSON_DESCRIPTIONS and tok.tag_ == "NN":
        gender = DESCRIPTION_GENDER.get(lemma)
        # "the actor said" most often goes on with the person already speaking
        return _previous_if_fits(ctx, False, True, gender) or _resolve(
            ctx, tok, groups=False, gender=gender
        )
    if tok.tag_ == "NNS" and ctx.previous is not None:
        return ctx.previous.speaker
    return None


def _author(ctx: Context, lemma: str, before: int) -> str | None:
    """ "the statement said" → who issued the latest statement ("X issued a statement",
    "X's statement")."""
    for tok in reversed(ctx.doc[:before]):
        if tok.lemma_.lower() != lemma or tok.i in ctx.inside:
            continue
        owners = [c for c in tok.children if c.dep_ == "poss"]
        if not owners and tok.dep_ == "dobj":
            owners = [c for c in tok.head.children if c.dep_ in SUBJECT_DEPS]
        for owner in owners:
            ent = entity_of(owner)
            if ent is not None and ent.label_ in SPEAKER_LABELS:
                return full_name(ctx, clean_name(ent.text))
            if owner.pos_ == "PROPN":
                return full_name(ctx, clean_name(proper_span(owner)))
    return None


def _owner(tok: Token) -> str | None:
    """The named body a description belongs to: "CBP spokesman", "Instagram's",
    "spokesperson for X"."""
    for child in tok.children:
        target = child
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "by"):
            target = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ not in ("compound", "poss", "nmod"):
            continue
        ent = entity_of(target)
        if ent is not None and ent.label_ in SPEAKER_LABELS:
            return clean_name(ent.text)
    return None


def _group_named_like(ctx: Context, tok: Token) -> str | None:
    """ "the doctors" → "Doctors for Camp Closure",
    "the production company" → "Dick Clark Productions"."""
    words = {_stem(t.text) for t in tok.subtree if t.pos_ in ("NOUN", "PROPN") and t.i <= tok.i}
    for m in reversed([m for m in ctx.mentions if m.start < tok.idx and len(m.name.split()) > 1]):
        if words & {_stem(w) for w in m.name.split()}:
            return full_name(ctx, m.name)
    return None


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") else word


def _titled_person(ctx: Context, lemma: str, before: int) -> str | None:
    """The nearest earlier person written next to this title ("Kremlin spokesman Dmitry Peskov")."""
    doc, best = ctx.doc, None
    for ent in entities(doc):
        if ent.label_ in PERSON_LABELS and ent.start_char < before and ent.start not in ctx.inside:
            window = doc[max(0, ent.start - 3) : min(len(doc), ent.end + 5)]
            if any(t.lemma_.lower() == lemma for t in window):
                best = ent.text
    return full_name(ctx, clean_name(best)) if best else None


# ---- mentions, genders, pronouns -----------------------------------------------------------


def _mentions_of(doc: Doc, inside: set[int], starts: list[int]) -> list[Mention]:
    """Names outside quotation marks: entities, and proper-noun subjects the tagger left unnamed."""
    person_words = _person_words(doc)
    out: list[Mention] = []
    covered: set[int] = set()
    for ent in entities(doc):
        covered.update(range(ent.start, ent.end))
        if ent.label_ not in SPEAKER_LABELS or ent.start in inside:
            continue
        name = _ent_name(ent)
        group = ent.label_ not in PERSON_LABELS and (name.split() or [""])[-1] not in person_words
        if group and ent.label_ not in GROUP_LABELS:
            continue  # a place, not a speaker
        group = group or (ent.start > 0 and doc[ent.start - 1].lower_ == "the")  # "The Gazette"
        main = _is_subject(ent) and ent.root.head.dep_ in ("ROOT", "conj", "appos")
        out.append(Mention(name, ent.start_char, group, _is_subject(ent), starts[ent.start], main))
        covered.update(range(ent.start, ent.end))
    for tok in doc:
        if tok.i in covered or tok.i in inside:
            continue
        run = _capitalised_run(doc, tok.i, starts)
        if run is not None:
            out.append(
                Mention(
                    run.text, tok.idx, True, any(t.dep_ in SUBJECT_DEPS for t in run), starts[tok.i]
                )
            )
            covered.update(range(run.start, run.end))
        elif tok.pos_ == "PROPN" and tok.dep_ in SUBJECT_DEPS:
            main = tok.head.dep_ == "ROOT"
            group = _untagged_group(tok)
            out.append(
                Mention(clean_name(proper_span(tok)), tok.idx, group, True, starts[tok.i], main)
            )
    return sorted(out, key=lambda m: m.start)


def _untagged_group(tok: Token) -> bool:
    """A proper noun the tagger left unnamed is a group, not a person, when it takes "the" ("The
    Gazette later asked") or is written in capitals ("WIRED spoke to"): no he or she stands for
    it."""
    determined = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    return determined or (tok.is_upper and len(tok.text) > 1)


def _is_subject(ent: Span) -> bool:
    """The entity is a clause subject, or in apposition to one ("its envoy, Kim Gunn, spoke")."""
    root = ent.root
    return root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)


def _capitalised_run(doc: Doc, i: int, starts: list[int]) -> Span | None:
    """A name the tagger missed ("Doctors for Camp Closure"):
    capitalised words joined by for/of/and."""
    if starts[i] == i or not doc[i].is_title:
        return None
    j = i
    while j + 1 < len(doc) and (
        doc[j + 1].is_title
        or (doc[j + 1].lower_ in NAME_JOINERS and j + 2 < len(doc) and doc[j + 2].is_title)
    ):
        j += 1
    run = doc[i : j + 1]
    joined = any(t.lower_ in NAME_JOINERS for t in run)
    return (
        run if joined and len(run) >= MIN_RUN_WORDS and any(t.pos_ == "NOUN" for t in run) else None
    )


def _person_words(doc: Doc) -> set[str]:
    """Last words of names the tagger calls a PERSON at least once
    (it often calls "Sondland" a place too)."""
    return {
        (clean_name(e.text) or e.text).split()[-1]
        for e in entities(doc)
        if e.label_ in PERSON_LABELS
    }


def _ent_name(ent: Span) -> str:
    """An entity's name; an organization's runs on over and/for/of
    ("Customs and Border Protection")."""
    name = clean_name(ent.text)
    if ent.label_ in GROUP_LABELS:
        longer = clean_name(proper_span(ent[0], group=True))
        if longer.startswith(name) and len(longer) > len(name):
            return longer
    return name


def _genders_of(doc: Doc, inside: set[int], starts: list[int]) -> dict[str, str]:
    """Last name → gender: from an honorific, or the first he/she after the name
    as a main-clause subject."""
    votes: dict[str, list[str]] = {}
    people = [e for e in entities(doc) if e.label_ in PERSON_LABELS and e.start not in inside]
    subjects = [e for e in people if e.root.dep_ in SUBJECT_DEPS and e.root.head.dep_ == "ROOT"]
    for ent in people:
        key = (clean_name(ent.text) or ent.text).split()[-1]
        honorific = HONORIFIC_GENDER.get(doc[ent.start - 1].lower_) if ent.start else None
        pronoun = (
            _following_pronoun(doc, ent, subjects, inside, starts) if ent in subjects else None
        )
        vote = honorific or pronoun
        if vote:
            votes.setdefault(key, []).append(vote)
    return {k: max(set(v), key=v.count) for k, v in votes.items()}


def _following_pronoun(
    doc: Doc, ent: Span, subjects: list[Span], inside: set[int], starts: list[int]
) -> str | None:
    """The first he/she subject after `ent`: in its sentence, or opening the next one."""
    sentences = 0
    for tok in doc[ent.end : min(len(doc), ent.end + GENDER_WINDOW)]:
        if starts[tok.i] == tok.i:
            sentences += 1
        if sentences > 1 or any(s.start == tok.i for s in subjects):
            return None
        if tok.dep_ in SUBJECT_DEPS and tok.lower_ in PRONOUN_GENDER and tok.i not in inside:
            return PRONOUN_GENDER[tok.lower_]
        if sentences and tok.dep_ in SUBJECT_DEPS:
            return None  # the next sentence is about someone else ("The aide recalled that he …")
    return None


def _fits(ctx: Context, m: Mention, groups: bool, people: bool, gender: str | None) -> bool:
    """The mention is of a wanted kind (group or person) and not of the other gender."""
    if m.group:
        return groups
    if not people:
        return False
    known = _gender(ctx, m.name)
    return gender is None or known is None or known == gender


def _resolve(
    ctx: Context, tok: Token, groups: bool, gender: str | None, people: bool = True
) -> str | None:
    """A pronoun or description → the nearest earlier fitting subject,
    else the nearest fitting mention (ctx.how then ends in "-nearest": weak evidence)."""
    how = ctx.how
    found = _resolve_subject(ctx, tok, groups, gender, people, lenient=False)
    if (
        found is None and people and not groups
    ):  # the tagger may have called a person an organization
        ctx.how = how
        found = _resolve_subject(ctx, tok, groups, gender, people, lenient=True)
    if found is None:
        candidates = _candidates(ctx, tok, groups, people, gender)
        ctx.how = how + ("-only" if len(candidates) == 1 else "-nearest")  # one, or several compete
        fitting = _fitting(ctx, tok.idx, groups, people, gender)
        if not fitting or (
            gender is not None and _unnamed_person_between(ctx, fitting[-1].start, tok, gender)
        ):
            return None
        return full_name(ctx, fitting[-1].name)
    return found


def _candidates(
    ctx: Context, tok: Token, groups: bool, people: bool, gender: str | None
) -> set[str]:
    """The distinct fitting names in the LOOKBACK_SENTENCES sentences up to `tok`."""
    sent, firsts = ctx.sent(tok), set()
    for _ in range(LOOKBACK_SENTENCES):
        firsts.add(sent.start)
        if sent.start == 0:
            break
        sent = ctx.sent(ctx.doc[sent.start - 1])
    return {
        full_name(ctx, m.name)
        for m in ctx.mentions
        if m.sent in firsts and m.start < tok.idx and _fits(ctx, m, groups, people, gender)
    }


def _resolve_subject(
    ctx: Context, tok: Token, groups: bool, gender: str | None, people: bool, lenient: bool
) -> str | None:
    """Walk back sentence by sentence to the nearest fitting subject
    (or the previous quote's speaker)."""
    doc, prev = ctx.doc, ctx.previous
    sent = ctx.sent(tok)
    for back in range(LOOKBACK_SENTENCES):
        if back == NEAR_SENTENCES:  # further back than the sentence before: others may intervene
            ctx.how += "-far"
        if prev is not None and sent.start_char <= prev.span.end <= sent.end_char + 2:
            speaker = _previous_if_fits(ctx, groups, people, gender)
            if speaker:
                return speaker
        here = [m for m in ctx.mentions if m.sent == sent.start and m.start < tok.idx and m.subject]
        here = [
            m
            for m in here
            if _fits(ctx, m, groups, people, gender) or (lenient and _personal(m.name))
        ]
        if here:
            main = [m for m in here if m.main]
            chosen = (main or here)[-1]
            if gender is not None and _unnamed_person_between(ctx, chosen.start, tok, gender):
                return None
            return full_name(ctx, chosen.name)
        if sent.start == 0:
            break
        sent = ctx.sent(doc[sent.start - 1])
    return None


def _unnamed_person_between(ctx: Context, start: int, tok: Token, gender: str) -> bool:
    """ "WIRED spoke to one mother … “…,” she said": a person of the pronoun's gender, named by
    no one, comes between the name and the pronoun; the pronoun may be hers."""
    doc = ctx.doc
    for i in tokens_between(doc, start, tok.idx):
        t = doc[i]
        if (
            t.pos_ == "NOUN"
            and i not in ctx.inside
            and PERSON_NOUN_GENDER.get(t.lemma_.lower()) == gender
            and not t.ent_type_
            and not any(c.dep_ in ("appos", "compound") and c.ent_type_ for c in t.children)
        ):
            return True
    return False


def _gender(ctx: Context, name: str) -> str | None:
    return ctx.genders.get(name.split()[-1]) if name else None


def _previous_if_fits(ctx: Context, groups: bool, people: bool, gender: str | None) -> str | None:
    """The previous quote's speaker, if a person/group of that gender is what is wanted."""
    prev = ctx.previous
    if prev is None or not prev.speaker:
        return None
    as_mention = Mention(prev.speaker, 0, _is_group(ctx, prev.speaker), True, 0)
    return prev.speaker if _fits(ctx, as_mention, groups, people, gender) else None


def _personal(name: str) -> bool:
    """Looks like a person's name: two or three capitalised words,
    none of them an organization word."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(
        w.isalpha() and w.istitle() and w.lower() not in ORG_DESCRIPTIONS for w in words
    )


def _is_group(ctx: Context, name: str) -> bool:
    return any(m.group for m in ctx.mentions if m.name == name)


def _nearest(
    ctx: Context, before: int, groups: bool, people: bool = False, gender: str | None = None
) -> str | None:
    """The last fitting mention before `before`, subject or not."""
    fitting = _fitting(ctx, before, groups, people, gender)
    return full_name(ctx, fitting[-1].name) if fitting else None


def _fitting(
    ctx: Context, before: int, groups: bool, people: bool, gender: str | None
) -> list[Mention]:
    return [m for m in ctx.mentions if m.start < before and _fits(ctx, m, groups, people, gender)]


def full_name(ctx: Context, name: str) -> str:
    """The longest (then most frequent) form in the text of the same name: "Kim" → "Kim Jong Un"."""
    parts = [
        p for p in name.replace("-", " ").split() if p.lower() not in NAME_TITLES and p != "the"
    ]
    if not parts:
        return name
    counts: dict[str, int] = {}
    for m in ctx.mentions:
        words = m.name.replace("-", " ").split()
        if "and" in words or "&" in words:
            continue  # "Vindman and Williams" names two people
        if (not m.group and set(parts) <= set(words)) or (m.group and words[: len(parts)] == parts):
            counts[m.name] = counts.get(m.name, 0) + 1
    if not counts:
        return " ".join(parts)
    return max(counts, key=lambda f: (len(f.replace("-", " ").split()), counts[f]))
