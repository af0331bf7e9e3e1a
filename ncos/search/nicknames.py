"""Common English given-name variants: a name and its nicknames share a group key.

Small on purpose (the common forms officers meet in aliases); phonetic keys catch spelling
variants, this catches the forms phonetics cannot (Bill = William, Peggy = Margaret).

    >>> nickname_group("bill"), nickname_group("william"), nickname_group("zebedee")
    ('william', 'william', None)
"""

from __future__ import annotations

_GROUPS: dict[str, tuple[str, ...]] = {
    "william": ("bill", "billy", "will", "willy", "willie", "liam", "wil"),
    "robert": ("bob", "bobby", "rob", "robbie", "bert", "robby"),
    "richard": ("rick", "ricky", "dick", "rich", "richie", "ritchie"),
    "james": ("jim", "jimmy", "jimmie", "jamie", "jem"),
    "john": ("jack", "johnny", "jonny", "jock"),
    "jonathan": ("jon", "jonno", "nathan"),
    "michael": ("mike", "mick", "micky", "mickey", "mikey", "mitch"),
    "christopher": ("chris", "kit", "topher"),
    "christine": ("chris", "chrissy", "tina", "christina", "kristina", "kristine"),
    "matthew": ("matt", "matty", "mat"),
    "daniel": ("dan", "danny", "dane"),
    "david": ("dave", "davey", "davy"),
    "anthony": ("tony", "ant", "antonio"),
    "thomas": ("tom", "tommy", "thom"),
    "joseph": ("joe", "joey", "jo"),
    "edward": ("ed", "eddie", "eddy", "ted", "teddy", "ned"),
    "charles": ("charlie", "chuck", "chaz", "chas"),
    "benjamin": ("ben", "benny", "benji"),
    "samuel": ("sam", "sammy"),
    "samantha": ("sam", "sammy", "sammi"),
    "alexander": ("alex", "al", "sandy", "xander", "alec", "lex"),
    "alexandra": ("alex", "alexa", "sandra", "sasha", "lexi"),
    "andrew": ("andy", "drew"),
    "nicholas": ("nick", "nicky", "nico", "nic"),
    "stephen": ("steve", "stevie", "steven"),
    "timothy": ("tim", "timmy"),
    "peter": ("pete",),
    "patrick": ("pat", "paddy", "patty"),
    "patricia": ("pat", "patty", "trish", "tricia"),
    "gregory": ("greg", "gregg"),
    "geoffrey": ("geoff", "jeff", "jeffrey"),
    "kenneth": ("ken", "kenny"),
    "lawrence": ("larry", "laurie", "lawrie"),
    "raymond": ("ray",),
    "ronald": ("ron", "ronnie"),
    "donald": ("don", "donnie"),
    "douglas": ("doug", "dougie"),
    "francis": ("frank", "frankie", "fran"),
    "frederick": ("fred", "freddie", "freddy"),
    "harold": ("harry", "hal"),
    "henry": ("harry", "hank", "hal"),
    "jacob": ("jake", "jakey"),
    "joshua": ("josh",),
    "nathaniel": ("nate", "nat", "nathan"),
    "phillip": ("phil", "philip", "pip"),
    "zachary": ("zach", "zac", "zack"),
    "elizabeth": ("liz", "lizzie", "beth", "betty", "eliza", "libby", "bess", "elise"),
    "margaret": ("maggie", "meg", "peggy", "marg", "margie", "greta"),
    "katherine": ("kate", "katie", "kath", "kathy", "kat", "catherine", "kathryn", "cathy"),
    "jennifer": ("jen", "jenny", "jenn"),
    "jessica": ("jess", "jessie"),
    "rebecca": ("becky", "bec", "becca"),
    "victoria": ("vicky", "vicki", "tori"),
    "susan": ("sue", "susie", "suzy", "suzanne"),
    "deborah": ("deb", "debbie", "debra"),
    "barbara": ("barb", "babs"),
    "dorothy": ("dot", "dottie", "dolly"),
    "abigail": ("abby", "abbie", "gail"),
    "kimberley": ("kim", "kimberly"),
    "amanda": ("mandy",),
    "rosemary": ("rose", "rosie"),
    "theodore": ("theo", "ted", "teddy"),
    "terence": ("terry", "terrence"),
    "gerald": ("gerry", "jerry"),
    "leonard": ("len", "lenny", "leo"),
    "mohammed": ("muhammad", "mohammad", "mohamed", "mo"),
    "aleksandr": ("sasha",),
    "louis": ("lou", "louie", "lewis"),
    "louise": ("lou", "lulu"),
    "vincent": ("vince", "vinnie", "vin"),
    "eugene": ("gene",),
    "gabriel": ("gabe",),
    "nicole": ("nicky", "nikki", "nic"),
    "natalie": ("nat", "tally"),
    "stephanie": ("steph", "stevie"),
    "jacqueline": ("jacqui", "jackie"),
    "kathleen": ("kath", "kathy", "kate"),
}

# "chris", "sam", "pat", "harry", "ted", "nathan", "sasha" belong to several groups: the first
# group listed wins, which is enough for a candidate key (re-ranking decides the order).
_INDEX: dict[str, str] = {}
for _canonical, _variants in _GROUPS.items():
    _INDEX.setdefault(_canonical, _canonical)
    for _variant in _variants:
        _INDEX.setdefault(_variant, _canonical)


def nickname_group(token: str) -> str | None:
    """The group key of a folded given-name token, or None when it has no known variants."""
    return _INDEX.get(token)


def same_group(a: str, b: str) -> bool:
    group = _INDEX.get(a)
    return group is not None and group == _INDEX.get(b)
