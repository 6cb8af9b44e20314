"""Quotations of speech in an article and who said them.

`find_quotes` pairs the quotation marks (`marks.pair_marks`), keeps the spans that reproduce
someone's words (dropping titles, headings, nicknames and scare quotes), finds the cue that reports
each one (a reporting verb above it in the parse or beside it, "according to", a colon, the quote
it continues) and names the speaker from the cue's subject (`speakers.name_of` resolves
pronouns and descriptions to an earlier named mention).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ...model import Quote
from ..lexicon import NAMING_VERBS, PERSON_PRONOUNS, REPORTING_VERBS, TERM_NOUNS, TITLE_SMALL_WORDS
from ..nlp import text_of, tokens_between
from . import marks as qm
from .speakers import (
    SUBJECT_DEPS,
    Context,
    Found,
    build_context,
    clean_name,
    entity_of,
    full_name,
    name_of,
)

CLIMB_DEPS = frozenset(
    {"advcl", "xcomp", "conj", "acl", "pcomp"}
)  # "…, saying" borrows its head's subject
# links between a quoted phrase and the verb reporting it
QUOTE_PATH_DEPS = frozenset(
    "ccomp xcomp dobj oprd pobj prep conj advcl attr acomp relcl acl pcomp".split()
)
SHORT_QUOTE_WORDS = 3  # quotes this short need a reporting verb governing them to count as speech
TITLE_MAX_WORDS = 16  # a capitalised quote longer than this reads as a sentence, not a title
MAX_ASCENT = 7  # head steps from a quoted word up to the verb that reports it
CUE_SENTENCE_MAX_TOKENS = (
    12  # "Putin said." after a bare quote: a short sentence that only attributes
)
SINGLE_WORD_REACH = 3  # a one-word quote counts as speech only this close below its reporting verb
# How a speaker may be named (Found.evidence): the quote's own reporting verb with a named subject,
# a pronoun or a description resolved to an earlier name, an apposition; a continuation of the
# previous quote in its paragraph, or a quote-only paragraph right after it; "Name: “…”".
STRONG_EVIDENCE = frozenset(
    {
        "cue:name",
        "cue:apposition",
        "cue:pronoun",
        "cue:pronoun-far",
        "cue:group-pronoun",
        "cue:description",
        "cue:description-far",
        "continues",
        "continues-paragraph",
        "colon",
        "paragraph-cue:name",
        "paragraph-cue:pronoun",
        "woven:name",
        "cue:pronoun-only",
        "cue:group-pronoun-only",
    }
)
# Between the parts of an interrupted quote: a closing mark, a few words of attribution, a comma,
# an opening mark ("…,” Brenner said, “…").
INTERRUPTION = re.compile(r"[”\"’']\s*(?:[^\W\d_][\w.'’-]*\s+){0,4}[^\W\d_][\w.'’-]*,\s*[“\"‘']")
FRAGMENT_WORDS = 3  # a quote this short is shown inside the sentence that carries it
TERM_MAX_WORDS = 4  # 'the term "three amigos"': a named term is short
RELAYED_VERBS = frozenset({"say", "report"})  # in the passive their subject still speaks: "Roe is
# said to have told", "Roe was reported as saying"
PASSIVE_NAMING = frozenset({"call", "know"})  # 'it is called "…"', 'known as "…"': a name, in the
# passive with no one calling (active, "Roe called it “a disgrace”", they report words)


def find_quotes(doc: Doc) -> tuple[Quote, ...]:
    """Quotations of speech in `doc`, in text order; `text` is always `doc.text[start:end]`."""
    text = text_of(doc)
    spans = qm.pair_marks(text)
    inside = _quoted_tokens(doc, spans)
    ctx = build_context(doc, inside)
    found: list[Found] = []
    for span in spans:
        quoted = _tokens_in(doc, span)
        cues = _governing_cues(ctx, span, quoted)
        if not _is_speech(ctx, span, quoted, cues):
            continue
        ctx.previous = found[-1] if found else None
        found.append(trusted(_attribute(ctx, span, cues)))
    return tuple(
        Quote(
            text[f.span.start : f.span.end],
            f.speaker,
            f.span.start,
            f.span.end,
            evidence=f.evidence,
            context=_carrying_sentence(ctx, f.span),
            joined=_interrupted(text, f, found[i + 1] if i + 1 < len(found) else None),
        )
        for i, f in enumerate(found)
    )


def _interrupted(text: str, first: Found, second: Found | None) -> str | None:
    """ "We are being asked," he said, "to trade a working harbour for a postcard.": when `second`
    goes on with `first` after a short attribution, both with their attribution, verbatim."""
    if second is None or first.speaker is None or second.speaker != first.speaker:
        return None
    between = text[first.span.end : second.span.start]
    if not text[first.span.start : first.span.end].rstrip().endswith(
        ","
    ) or not INTERRUPTION.fullmatch(between):
        return None
    return text[first.span.start : second.span.end]


MAX_CONTEXT = 1000  # characters: a fragment's sentence longer than this is not shown with it


def _carrying_sentence(ctx: Context, span: qm.Span) -> str | None:
    """For a fragment of FRAGMENT_WORDS words or fewer, the sentence it is woven into, verbatim
    (whitespace collapsed): "a slow eviction" reads right only inside it."""
    if len(_words(text_of(ctx.doc)[span.start : span.end])) > FRAGMENT_WORDS:
        return None
    inside = tokens_between(ctx.doc, span.start, span.end)
    if not inside:
        return None
    sentence = ctx.sent(ctx.doc[inside.start])
    if sentence.end_char - sentence.start_char > MAX_CONTEXT:  # no sentence; and a run of
        return None  # thousands of fragments in one would cost its length each (quadratic)
    return " ".join(sentence.text.split()) or None


# ---- tokens and spans ----------------------------------------------------------------------


def _tokens_in(doc: Doc, span: qm.Span) -> list[Token]:
    starting = (doc[i] for i in tokens_between(doc, span.start, span.end))
    return [t for t in starting if t.idx + len(t) <= span.end]


def _quoted_tokens(doc: Doc, spans: list[qm.Span]) -> set[int]:
    """Indexes of tokens inside any quotation or being one of its marks."""
    return {i for s in spans for i in tokens_between(doc, s.start - 1, s.end + 1)}


def _next_outside(ctx: Context, offset: int) -> Token | None:
    """The first token after `offset` that is neither inside a quotation nor whitespace."""
    doc = ctx.doc
    following = (doc[i] for i in tokens_between(doc, offset + 1, len(text_of(doc)) + 1))
    return next((t for t in following if t.i not in ctx.inside and not t.is_space), None)


def _words(text: str) -> list[str]:
    return [w for w in text.replace("\u2014", " ").split() if any(c.isalnum() for c in w)]


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, len(text) if right == -1 else right


# ---- is it speech? -------------------------------------------------------------------------


def _is_speech(ctx: Context, span: qm.Span, quoted: list[Token], cues: list[Token]) -> bool:
    """Speech unless it reads as a title, a heading, a name or a lone term
    with no verb reporting it."""
    text = text_of(ctx.doc)
    words = _words(text[span.start : span.end])
    if not words or _title_like(words) or _is_address(text, span, words) or _is_heading(text, span):
        return False
    if len(words) > SHORT_QUOTE_WORDS:
        return not _named_term(text, span, quoted, words)
    if _named_term(text, span, quoted, words) or _is_modifier(quoted):
        return False
    if len(words) == 1 and words[0][:1].isupper():
        return _stands_alone(text, span)  # "Please." is speech; "DWTS" or “Journalist” is a name
    reach = SINGLE_WORD_REACH if len(words) == 1 else MAX_ASCENT
    if any(c in _ancestors(t)[:reach] for t in quoted for c in cues):
        return True
    return _is_utterance(text, span, words) and _sentence_cue(ctx, span) is not None


def _is_utterance(text: str, span: qm.Span, words: list[str]) -> bool:
    """A short exclamation or sentence of its own: “Don’t mind me!” he said."""
    body = text[span.start : span.end].rstrip()
    return (
        len(words) > 1
        and body[:1].isupper()
        and body.endswith(tuple(".!?,"))
        and _stands_alone(text, span)
    )


def _is_heading(text: str, span: qm.Span) -> bool:
    """A paragraph that is only a quote with no closing punctuation:
    a subheading ("3. “Not a channel”")."""
    left, right = _paragraph_bounds(text, span.start, span.end)
    rest = (text[left : span.start - 1] + text[span.end + 1 : right]).strip(" \t0123456789.)")
    return not rest and not text[span.start : span.end].rstrip().endswith(tuple(".!?,;:"))


def _stands_alone(text: str, span: qm.Span) -> bool:
    """The quote opens its paragraph or follows the end of a sentence."""
    before = text[: span.start - 1].rstrip()
    return not before or before[-1] in '.!?\n\u201d"'


def _named_term(text: str, span: qm.Span, quoted: list[Token], words: list[str]) -> bool:
    """A quoted term named as such: 'the term "three amigos"', 'dubbed it "the Gordon problem"',
    'it is called "farmer's lung"', 'known as "the Rock"' (called or known by no one named: "was
    called “a disgrace” by Roe" is Roe's word)."""
    if len(words) > TERM_MAX_WORDS:
        return False
    before = _words(text[max(0, span.start - 30) : span.start - 1])
    if before and before[-1].lower().strip(",") in TERM_NOUNS:
        return True
    heads = [a for t in quoted for a in _ancestors(t)[:2]]
    return any(a.lemma_.lower() in NAMING_VERBS for a in heads) or any(
        a.lemma_.lower() in PASSIVE_NAMING and _passive(a) and _agent(a) is None for a in heads
    )


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _is_modifier(quoted: list[Token]) -> bool:
    """A quoted word modifying a noun outside the quote: the “anti-imperialist” front."""
    roots = [t for t in quoted if t.head not in quoted]
    return (
        len(roots) == 1
        and roots[0].dep_ in ("amod", "compound", "nmod")
        and roots[0].head.pos_ in ("NOUN", "PROPN")
    )


def _title_like(words: list[str]) -> bool:
    """Every word capitalised ("Dancing with the Stars", "Comrade Putin"): a title or a name."""
    if len(words) < 2 or len(words) > TITLE_MAX_WORDS:
        return False
    cleaned = [w.strip(".,;:!?\"'()[]\u2019\u2018") for w in words]
    if not cleaned[0][:1].isupper():
        return False
    return all(
        w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS or not w[:1].isalpha() for w in cleaned
    )


def _is_address(text: str, span: qm.Span, words: list[str]) -> bool:
    """A name used as a form of address: “referring to him as ‘Comrade’”."""
    before = text[max(0, span.start - 40) : span.start - 1].lower().rstrip()
    return (
        words[0][:1].isupper()
        and len(words) <= SHORT_QUOTE_WORDS
        and before.endswith((" as", " him", " her"))
    )


def _ancestors(tok: Token) -> list[Token]:
    out: list[Token] = []
    while tok.head is not tok and len(out) < MAX_ASCENT:
        tok = tok.head
        out.append(tok)
    return out


# ---- finding the cue -----------------------------------------------------------------------


def _is_cue(tok: Token, inside: set[int]) -> bool:
    if tok.i in inside:
        return False
    low = tok.lower_
    if low == "according" and any(c.lower_ == "to" for c in tok.children):
        return True
    if low.endswith("ing") and (low[:-3] in REPORTING_VERBS or low[:-3] + "e" in REPORTING_VERBS):
        return True  # "warning", "saying" even when tagged as nouns
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in REPORTING_VERBS


def _governing_cues(ctx: Context, span: qm.Span, quoted: list[Token]) -> list[Token]:
    """Reporting verbs above the quoted words in the parse, innermost first,
    within the paragraph."""
    left, right = _paragraph_bounds(text_of(ctx.doc), span.start, span.end)
    cues: list[Token] = []
    for tok in quoted:
        for anc in _ancestors(tok):
            if not left <= anc.idx < right:
                break
            if _is_cue(anc, ctx.inside) and anc not in cues:
                cues.append(anc)
            elif anc.i not in ctx.inside and anc.dep_ not in QUOTE_PATH_DEPS:
                break
    return cues


def _sentence_cue(ctx: Context, span: qm.Span) -> Token | None:
    """The reporting verb nearest the quote in its sentences (or the one right after),
    in its paragraph."""
    doc, text = ctx.doc, text_of(ctx.doc)
    left, right = _paragraph_bounds(text, span.start, span.end)
    sents = {ctx.starts[i] for i in tokens_between(doc, span.start, span.end)}
    after = _next_outside(ctx, span.end)
    if after is not None and not text[span.end + 1 : after.idx].strip(" ,.;") and after.idx < right:
        sents.add(ctx.starts[after.i])
    in_sents = (doc[i] for i in tokens_between(doc, left, right) if ctx.starts[i] in sents)
    pool = [t for t in in_sents if _is_cue(t, ctx.inside) and _subject_of(t) is not None]
    return min(pool, key=lambda t: _distance(t, span)) if pool else None


def _distance(tok: Token, span: qm.Span) -> int:
    return min(abs(tok.idx - span.start), abs(tok.idx - span.end))


def _neighbour_cue(ctx: Context, span: qm.Span) -> Token | None:
    """For a quote with no verb of its own: "He added:" just before it or
    "Putin said." just after."""
    doc, text = ctx.doc, text_of(ctx.doc)
    colon = _colon_before(text, span)
    if colon is not None:
        mark = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if mark is not None:
            cues = [t for t in ctx.sent(mark[0]) if _is_cue(t, ctx.inside) and t.idx < colon]
            if cues:
                return cues[-1]
    after = _next_outside(ctx, span.end)
    if after is not None and text[span.end + 1 : after.idx].count("\n") <= 2:
        sent = ctx.sent(after)
        if len(sent) <= CUE_SENTENCE_MAX_TOKENS and not any(t.i in ctx.inside for t in sent):
            cues = [t for t in sent if _is_cue(t, ctx.inside) and _subject_of(t) is not None]
            if cues:
                return cues[0]
    return None


def _preceding_cue(ctx: Context, span: qm.Span) -> Token | None:
    """A bare quote right after a reporting sentence with no quote of its own
    ("Erekat said it was …")."""
    before = (ctx.doc[i] for i in reversed(tokens_between(ctx.doc, 0, span.start - 1)))
    last = next((t for t in before if not t.is_space), None)
    if last is None or last.i in ctx.inside:
        return None
    sent = ctx.sent(last)
    if any(t.i in ctx.inside for t in sent):
        return None
    cues = [t for t in sent if _is_cue(t, ctx.inside) and _subject_of(t) is not None]
    return cues[0] if cues else None


def _colon_before(text: str, span: qm.Span) -> int | None:
    """Where the colon introducing the quote sits, in its paragraph or ending the one before."""
    pos = span.start - 2  # the character before the opening mark
    while pos >= 0 and text[pos].isspace():
        pos -= 1
    return pos if pos >= 0 and text[pos] == ":" else None


def _colon_name(ctx: Context, span: qm.Span) -> str | None:
    """ "Name, title: “…”" — the first named speaker before the colon that opens the quote."""
    text = text_of(ctx.doc)
    left, _ = _paragraph_bounds(text, span.start, span.end)
    if not text[left : span.start - 1].rstrip().endswith(":"):
        return None
    names = [m for m in ctx.mentions if left <= m.start < span.start]
    return full_name(ctx, names[0].name) if names else None


# ---- the speaker ---------------------------------------------------------------------------


def _same_paragraph(text: str, a: qm.Span, b: qm.Span) -> bool:
    return "\n" not in text[a.end : b.start]


def _attribute(ctx: Context, span: qm.Span, cues: list[Token]) -> Found:
    """Who speaks, and the evidence: the quote's own cue, else the quote it continues, else a
    neighbouring cue."""
    text, prev = text_of(ctx.doc), ctx.previous
    cue = _pick_cue(ctx, span, cues) or _sentence_cue(ctx, span)
    woven = _woven_subject(ctx, span) if cue is None else None
    if woven is not None:
        return _named(ctx, span, woven, "woven")
    if cue is None and prev is not None and _same_paragraph(text, prev.span, span):
        return Found(span, prev.speaker, "continues" if prev.speaker else None)
    kind = "cue"
    if cue is None:
        named = _colon_name(ctx, span)
        if named:
            return Found(span, named, "colon")
        cue, kind = _neighbour_cue(ctx, span), "attribution-cue"  # "He added:" / "Putin said."
        if cue is None:
            cue = _preceding_cue(ctx, span)  # "Erekat said it was only the latest move." ¶ "They …"
            follows = cue is not None and _quote_only_paragraph(text, span)
            after = cue.idx if cue is not None else span.start
            kind = (
                "paragraph-cue"
                if follows and _next_paragraph(text, after, span)
                else "preceding-cue"
            )
    subject = _subject_of(cue) if cue is not None else None
    if subject is None and prev is not None and prev.speaker:
        follows = _quote_only_paragraph(text, span) and _next_paragraph(text, prev.span.end, span)
        return Found(span, prev.speaker, "continues-paragraph" if follows else "previous")
    if subject is None:
        return Found(span, None)
    return _named(ctx, span, subject, kind)


def _quote_only_paragraph(text: str, span: qm.Span) -> bool:
    """The quote is its paragraph: nothing around it but punctuation."""
    start, end = _paragraph_bounds(text, span.start, span.end)
    outside = text[start : span.start] + text[span.end : end]
    return not any(c.isalnum() for c in outside)


def _next_paragraph(text: str, after: int, span: qm.Span) -> bool:
    """`span` is in the paragraph right after the one holding offset `after`."""
    between = text[after : span.start]
    return "\n" in between and not any(c.isalnum() for c in between.split("\n", 1)[1])


def trusted(found: Found) -> Found:
    """The quote with its speaker only when the evidence is strong (STRONG_EVIDENCE); else unnamed.

    A wrong name is worse than none. Left out: names found only through a cue in a neighbouring
    sentence of the same paragraph ("He added:", "Putin said."), a quote in an earlier paragraph
    that is not the one just before, "they" resolved sentences back, a pronoun with several
    fitting names around it, or a sentence subject above a clause with a subject of its own.
    Measured on the dev and tuning pages, about one in two of those named the wrong speaker,
    against one in fifty for the strong kinds; the neighbouring-sentence cue, kept at first, named
    one wrong speaker and no right one on the kept-back pages and was dropped.
    """
    if found.evidence is None or found.evidence in STRONG_EVIDENCE:
        return found
    return Found(found.span, None)


def _named(ctx: Context, span: qm.Span, subject: Token, kind: str) -> Found:
    speaker = name_of(ctx, subject)
    return Found(span, speaker, f"{kind}:{ctx.how}" if speaker else None)


def _woven_subject(ctx: Context, span: qm.Span) -> Token | None:
    """A partial quote in a sentence with no reporting verb:
    the named subject ("Putin listed … “…”")."""
    after = tokens_between(ctx.doc, span.start, len(text_of(ctx.doc)) + 1)
    first = ctx.doc[after.start] if after else None
    if first is None or _stands_alone(text_of(ctx.doc), span):
        return None
    root = ctx.sent(first).root
    if _own_subject_between(first, root):
        return None  # "X believes the public will scream “…”": the quote is the public's, not X's
    subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i not in ctx.inside]
    if subjects and (subjects[0].pos_ == "PROPN" or subjects[0].lower_ in PERSON_PRONOUNS):
        return subjects[0]
    return None


def _own_subject_between(tok: Token, root: Token) -> bool:
    """A clause between `tok` and the sentence's root has a subject of its own."""
    for head in _ancestors(tok):
        if head.i == root.i:
            return False
        if any(c.dep_ in SUBJECT_DEPS for c in head.children):
            return True
    return True  # the root is further up than MAX_ASCENT: too deep to say whose words these are


def _pick_cue(ctx: Context, span: qm.Span, cues: list[Token]) -> Token | None:
    """The reporting verb nearest the quote with a subject, unless that subject is a place."""
    usable = sorted(
        (c for c in cues if _subject_of(c) is not None), key=lambda c: _distance(c, span)
    )
    for cue in usable:
        subject = _subject_of(cue)
        ent = entity_of(subject) if subject is not None else None
        if (
            ent is None
            or ent.label_ != "GPE"
            or any(m.name == clean_name(ent.text) and not m.group for m in ctx.mentions)
        ):
            return cue
    return usable[0] if usable else None


def _agent(verb: Token) -> Token | None:
    """The X of a passive verb's "by X"."""
    objs = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return objs[0] if objs else None


def _subject_of(verb: Token) -> Token | None:
    """Who does the verb's talking: its subject, its "by" agent, the name after it, or
    "according to" X. Not the subject of the reporting verb in the passive: that is whom the
    words were put to or said of ("the town was being asked “to …”", "“…,” Roe was told", "it
    is called “…”"): only its "by" agent speaks, else the verb names no speaker (and a cue above
    it may: "Roe told them the town was being asked"). But for RELAYED_VERBS ("Roe was reported
    as saying")."""
    if verb.lower_ == "according":
        objs = [o for to in verb.children for o in to.children if o.dep_ == "pobj"]
        return objs[0] if objs else None
    if verb.pos_ == "NOUN":  # "with Foreign Minister Ayman Safadi warning of …"
        names = [c for c in verb.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names:
            return names[-1]
    if _passive(verb) and verb.lemma_.lower() not in RELAYED_VERBS:
        return _agent(verb)  # "X was asked / told / called": spoken to, or of
    tok = verb
    for _ in range(MAX_ASCENT):
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        named = [
            c
            for c in tok.children
            if c.i > tok.i and c.pos_ == "PROPN" and c.dep_ in ("dobj", "npadvmod", "attr", "dep")
        ]
        if named:
            return named[0]  # "wrote Fadem" parsed with the name as an object
        if tok.dep_ == "relcl":
            return tok.head
        if tok.dep_ not in CLIMB_DEPS or tok.head is tok:
            return None
        tok = tok.head
    return None
