"""The words the analysis rules know, in one place: titles and roles, speech verbs and nouns,
the words that make a name an organization, a news outlet, an event or a thing.

Lists that look alike answer different questions (a title stripped from a name, a description
standing for a person, a head that makes a name the voice of an organization); each says which.
"""

from __future__ import annotations

# --- Speech and speakers ---

NAME_JOINERS = frozenset(
    {"for", "of", "and", "&"}
)  # "Doctors for Camp Closure", "Customs and Border Protection"
ANONYMOUS = frozenset(
    {"official", "source", "person", "people", "observer"}
)  # unnamed on purpose: stay None
# Verbs (by lemma) whose subject is the one speaking the quoted words. Verbs of thought (think,
# believe, hope) are left out: "she believes the plan “works”" rarely reproduces words.
REPORTING_VERBS: frozenset[str] = frozenset(
    """say tell add write tweet post warn insist note explain argue claim state announce declare
    acknowledge admit ask reply respond recall call describe urge vow pledge promise predict
    suggest conclude confirm deny comment remark observe continue caution complain boast concede
    contend maintain assert stress emphasize emphasise point testify report reveal disclose
    mention repeat reiterate tout hail praise blast slam criticize criticise accuse charge
    allege demand plead implore beg lament joke quip muse wonder shout scream yell cry whisper
    mutter exclaim recount characterize characterise refer thank welcome condemn decry denounce
    dismiss reject rebut counter retort answer inform advise assure reassure threaten agree
    disagree object protest propose recommend question challenge confess gush rave rant fume
    snap grumble summarize summarise express share speak read""".split()
)
# The plainest of them: a name that is their subject ("Roe said", "Acme announced") speaks, so it
# is no product, whatever its other mentions look like (REPORTING_VERBS has "maintain", "suggest").
SAYING_VERBS = frozenset("say tell add ask announce explain write tweet".split())
# Nouns that carry a quotation as what someone said ("in a statement", "his remarks").
SPEECH_NOUNS: frozenset[str] = frozenset(
    """statement remark comment tweet post letter interview speech testimony message email release
    announcement words address briefing conference note memo report study survey poll analysis
    paper filing lawsuit complaint""".split()
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "we", "it"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Nouns describing a person without naming them ("the spokesman"), resolved to a named mention.
PERSON_DESCRIPTIONS: frozenset[str] = frozenset(
    """spokesman spokeswoman spokesperson official president leader minister secretary ambassador
    chairman chairwoman chair director chief executive ceo analyst doctor physician lawyer
    attorney prosecutor judge senator governor mayor representative lawmaker congressman
    congresswoman commissioner general envoy aide adviser advisor coach captain player star
    singer actor actress host founder manager economist professor scientist researcher author
    officer candidate premier king queen prince chancellor diplomat strategist expert""".split()
)
# Nouns standing for an organization ("the ministry said").
ORG_DESCRIPTIONS: frozenset[str] = frozenset(
    """ministry department agency company firm label government administration office committee
    council commission court group organization organisation campaign team network studio union
    party bureau board bank service embassy kremlin""".split()
)
# Words that may stay lower-case inside a title ("Dancing with the Stars").
TITLE_SMALL_WORDS = frozenset(
    "a an the and or but of in on at to for with by from as vs via nor is".split()
)
# Titles of someone speaking for a body: unnamed, they speak for it ("a CBP spokesperson" → CBP).
SPOKES_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "rep", "spokespeople"}
)
# Descriptions that tell the person's gender, for matching them to he/she antecedents.
MALE_WORDS = "actor spokesman chairman congressman king prince businessman father husband"
FEMALE_WORDS = (
    "actress spokeswoman chairwoman congresswoman queen princess businesswoman mother wife"
)
DESCRIPTION_GENDER = dict.fromkeys(MALE_WORDS.split(), "m") | dict.fromkeys(
    FEMALE_WORDS.split(), "f"
)
# Nouns for a person of known gender: one of them left unnamed between a name and a he/she may be
# who the pronoun stands for ("X spoke to one mother … she said").
PERSON_NOUN_GENDER = (
    DESCRIPTION_GENDER
    | dict.fromkeys("man boy son brother grandfather widower".split(), "m")
    | dict.fromkeys("woman girl daughter sister grandmother widow".split(), "f")
)
# Verbs that give something a name: a short quote under them is a label, not speech.
NAMING_VERBS = frozenset({"dub", "nickname", "term", "label", "brand", "name", "title", "christen"})
# Nouns announcing that the quote is a term, a title or a name: 'the term "three amigos"'.
TERM_NOUNS = frozenset(
    """term word words phrase name nickname label title slogan hashtag motto song album book film
    movie show series episode headline tagline category categories option button feature""".split()
)
# Titles written before a name that are not part of it ("Mayor Ana Ruiz" → "Ana Ruiz").
NAME_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. lt. col. sgt. prof prof.
    mayor president senator governor judge justice ambassador minister secretary chancellor
    premier sheriff coach director chairman chairwoman commissioner congressman congresswoman
    representative farmer""".split()
)

# --- Names and titles ---

# Words before a name that say what a person is, not who: stripped from names, kept for roles.
TITLES = frozenset(
    """mr mrs ms miss dr prof president sen senator rep representative gov governor ambassador
    comrade chairman chairwoman secretary minister premier judge justice gen general col lt sgt
    capt officer vice prime sir dame lord lady king queen prince princess pope rev father sister
    mayor speaker chancellor former councillor councilor councilman councilwoman alderman
    commissioner inspector superintendent coach""".split()
)
# Lower-case words that belong inside names ("Doctors for Camp Closure", "Botic van de Zandschulp").
PARTICLES = frozenset(
    "of for and the de del della la le van von der den du da di dos das y on in at al bin".split()
)
ARTICLES = frozenset({"the", "a", "an"})  # "the United States", "a White House official"
# Generational suffixes: part of the fullest name, but no help in telling two names apart.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words skipped when building an acronym ("Department of Homeland Security" → DHS).
ACRONYM_STOPWORDS = frozenset({"of", "for", "and", "the", "on", "in", "&"})
# Countries, unions and parties written several ways;
# each set is one actor, shown under the first form.
COUNTRY_FORMS: tuple[tuple[str, ...], ...] = (
    ("united states", "us", "usa", "united states of america", "america"),
    ("united kingdom", "uk", "britain", "great britain"),
    ("soviet union", "ussr"),
    ("united nations", "un"),
    ("european union", "eu"),
    ("democratic party", "democrats"),
    ("republican party", "republicans", "gop"),
)
# Capitals standing for their country ("Washington warned"); merged only when the country is named.
CAPITALS = {
    "washington": "united states",
    "moscow": "russia",
    "beijing": "china",
    "pyongyang": "north korea",
    "seoul": "south korea",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "tehran": "iran",
    "tokyo": "japan",
    "london": "united kingdom",
    "paris": "france",
    "berlin": "germany",
    "kabul": "afghanistan",
}
# Last words that make "… Prince Alfred Hospital" an institution, not a person after a title.
INSTITUTION_WORDS = frozenset(
    "hospital university college school island street county center centre".split()
)
# Titles that are also surnames or name parts ("Martin Luther King Jr.", "Larry King Live"):
# inside a name they start a person only when a full name follows them.
NAME_LIKE_TITLES = frozenset(
    "king queen prince princess lord lady sister father dame sir miss general justice".split()
)
PARTIES = frozenset(
    {"Democrats", "Republicans"}
)  # NORP words that name an organization acting as one

# --- Organizations, media, things and events ---

PLACE_PREFIXES = frozenset(  # first words of two-word place names ("Port Talbot", "Santa Cruz")
    "new north south east west northern southern eastern western upper lower great greater little "
    "fort port saint st san santa sao são mount mt lake cape los las el la le bay glen".split()
)
# Words that make an organization a news outlet: one that is only a source ("told NBC News",
# "according to Reuters", "the Post reported") reports the story rather than acting in it.
MEDIA_WORDS = frozenset(
    "news times post journal insider tribune herald gazette telegraph chronicle observer examiner"
    " reuters press wire magazine radio television tv daily today cnn bbc nbc abc cbs msnbc npr fox"
    " afp ap politico axios bloomberg".split()
)
CITING_VERBS = frozenset({"tell", "report", "email", "interview"})  # "told CNN", "CNN reported"
# Last words of events, prizes and competitions: things that happen, not actors
# ("the Davis Cup Finals").
EVENT_WORDS = frozenset(
    "finals final awards award cup championship championships olympics open tournament festival"
    " prize series marathon expo gala".split()
)
# Heads that make a modifier the voice of an organization ("a White House spokesman said");
# a quote by "a career Army officer" is the officer's, not the Army's.
# Weekdays and months, which the tagger now and then takes for a name ("reported Wednesday that"
# → an organization). April, May, June and August are left out: they are given names too.
CALENDAR_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march july"
    " september october november december".split()
)
SPOKES_WORDS = frozenset(
    "spokesman spokeswoman spokesperson spokespeople official officials statement representative"
    " representatives rep aide aides source sources secretary office press".split()
)
# Nouns that say a name is a thing, not an actor: "Saturn's moon Titan", "the Dragonfly mission".
THING_WORDS = frozenset(
    "moon planet comet asteroid star galaxy mission spacecraft probe rocket satellite telescope"
    " hurricane storm typhoon cyclone".split()
)
# A quoted name the tagger missed is an organization when it has one of these.
ORG_WORDS = frozenset(
    "ministry office department agency council committee commission house court party union league"
    " association institute university company group bureau service police army government".split()
)
# - the issuer of a decision, finding or report: "a Security Council resolution", "a study by ORG"
ISSUED_WORDS = frozenset(
    "resolution resolutions poll polls survey study report ruling decision verdict guidance".split()
)
# - a country that is a party to a war or to dealings between states: "the war in X", "aid to X"
CONFLICT_WORDS = frozenset(
    "war invasion occupation conflict fighting struggle involvement intervention"
    " interference".split()
)
DEALINGS_WORDS = frozenset(
    "talks negotiations relations deal treaty treaties aid sanctions tariffs dispute ties".split()
)
