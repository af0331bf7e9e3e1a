"""Synthetic people for the demo, tests and benchmarks — never real data (security.md DP-6).

`Synthesizer(seed).person(jurisdiction)` returns a `SynthPerson`: plain values only (no Django),
deterministic for a seed. Names are random pairings of common given and family names; streets
are invented ("Wattlebird Crescent"); phone numbers are in ACMA's ranges reserved for fiction
(04 9157 xxxx, 0x 5550 xxxx, 0x 7010 xxxx); email addresses use the reserved example.com/.net/
.org domains (RFC 2606); passport numbers start with "X" (no real series). Every fact's
source reference says SYNTHETIC.

Consumers: `ncos.registry.demo` (a few hundred people through the register's services) and
`generate_people` (millions, by bulk insert).
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

SOURCE_REFERENCE = "SYNTHETIC"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


JURISDICTIONS = ("ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA")
# Roughly proportional to population, so a national search looks like one.
JURISDICTION_WEIGHTS = (2, 31, 1, 21, 7, 2, 26, 10)

MALE = _words(
    "John James Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel "
    "Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy "
    "Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin "
    "Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry "
    "Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy "
    "Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse "
    "Jordan Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy "
    "Vincent Ralph Eugene Russell Bobby Mason Philip Louis Liam Oliver Lachlan Cooper Riley "
    "Mitchell Hamish Angus Callum Declan Fraser Harrison Jayden Kai Lucas Mohammed Ahmed Ali "
    "Hassan Omar Wei Jun Hiroshi Minh Duc Tuan Rajesh Sanjay Arjun Vikram Giuseppe Marco Luca "
    "Nikolaos Dimitri Stavros Ivan Pavel Tomasz Piotr Sione Tevita Kieran Brendan Shane Craig"
)
FEMALE = _words(
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty "
    "Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah "
    "Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma "
    "Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather "
    "Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith "
    "Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn "
    "Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly "
    "Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Chloe Mia Ava Ruby "
    "Matilda Isla Zoe Harper Willow Sienna Georgia Leah Ella Aisha Fatima Mei Ling Yuki Linh Thi "
    "Priya Ananya Sofia Giulia Eleni Katarzyna Olga Agnieszka Mele Losana Siobhan Bronwyn Kylie "
    "Tegan Shannon Leanne Tracey Narelle Belinda Rhiannon Jodie"
)
FAMILY = _words(
    "Smith Jones Williams Brown Wilson Taylor Johnson White Martin Anderson Thompson Nguyen "
    "Thomas Walker Harris Lee Ryan Robinson Kelly King Davis Wright Evans Roberts Green Hall Wood "
    "Jackson Clarke Patel Khan Lewis James Phillips Mitchell Turner Hill Scott Moore Young "
    "Edwards Hughes Campbell Baker Cook Murphy Stewart Morris Allen Miller Bell Cooper Ward "
    "Richardson Carter Watson Morgan Collins Graham Murray Kennedy Davies Bailey Parker Hunt Gray "
    "Price Reid Russell Simpson Cox Marshall Bennett Chapman Harrison Ross Wallace Fraser "
    "Hamilton Ellis Mills Stevens Webb Knight Fisher Henderson Grant Dixon Palmer Burke Kaur "
    "Singh Sharma Chen Wang Li Zhang Liu Huang Zhao Wu Tran Le Pham Hoang Huynh Vo Kim Park Choi "
    "Ali Ahmed Hussain Rahman Hassan Ibrahim Abdullah Rossi Russo Ferrari Esposito Bianchi Romano "
    "Colombo Ricci Papadopoulos Georgiou Dimitriou Nikolaidis Kowalski Nowak Wisniewski Wojcik "
    "Ivanov Petrov Smirnov Novak Horvat Muller Schmidt Schneider Fischer Weber Wagner Becker "
    "Schulz Hoffmann Koch Dubois Martin Bernard Moreau Laurent Garcia Rodriguez Martinez Lopez "
    "Gonzalez Hernandez Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz Reyes Cruz OBrien "
    "OConnor Sullivan McCarthy Byrne Doyle Quinn Gallagher Fitzgerald Lynch Brennan MacDonald "
    "McKenzie Robertson Paterson Henderson Sutherland Cameron Douglas Ferguson Gordon Hayes "
    "Warren Pearce Lawrence Watts Page Barker Dawson Tucker Hudson Holmes Harvey Lane Porter "
    "Fletcher Nash Ford Stone Berry Austin Hart Rose Fox Dunn Day Payne Spencer Wells Carroll "
    "Norris Jarvis Horton Sheppard Bates Hopkins Ryder Goodwin Lowe Hodges Boyle Sweeney Tipene "
    "Ngata Walker Parata Tuilagi Fonoti Faleolo Taufa Havili Fifita Sandhu Gill Grewal"
)
# Real suburbs and towns with their postcodes; the streets are invented.
LOCALITIES: dict[str, tuple[tuple[str, str], ...]] = {
    "ACT": (
        ("Braddon", "2612"),
        ("Belconnen", "2617"),
        ("Tuggeranong", "2900"),
        ("Gungahlin", "2912"),
        ("Kingston", "2604"),
        ("Woden", "2606"),
        ("Dickson", "2602"),
        ("Kambah", "2902"),
        ("Ngunnawal", "2913"),
        ("Queanbeyan East", "2620"),
    ),
    "NSW": (
        ("Parramatta", "2150"),
        ("Blacktown", "2148"),
        ("Penrith", "2750"),
        ("Liverpool", "2170"),
        ("Newcastle", "2300"),
        ("Wollongong", "2500"),
        ("Dubbo", "2830"),
        ("Wagga Wagga", "2650"),
        ("Tamworth", "2340"),
        ("Orange", "2800"),
        ("Bankstown", "2200"),
        ("Gosford", "2250"),
        ("Lismore", "2480"),
        ("Broken Hill", "2880"),
        ("Bathurst", "2795"),
    ),
    "NT": (
        ("Darwin", "0800"),
        ("Palmerston", "0830"),
        ("Alice Springs", "0870"),
        ("Katherine", "0850"),
        ("Tennant Creek", "0860"),
        ("Casuarina", "0810"),
    ),
    "QLD": (
        ("Logan Central", "4114"),
        ("Ipswich", "4305"),
        ("Toowoomba", "4350"),
        ("Townsville", "4810"),
        ("Cairns", "4870"),
        ("Rockhampton", "4700"),
        ("Mackay", "4740"),
        ("Bundaberg", "4670"),
        ("Southport", "4215"),
        ("Caboolture", "4510"),
        ("Mount Isa", "4825"),
        ("Hervey Bay", "4655"),
    ),
    "SA": (
        ("Elizabeth", "5112"),
        ("Salisbury", "5108"),
        ("Port Adelaide", "5015"),
        ("Mount Gambier", "5290"),
        ("Whyalla", "5600"),
        ("Murray Bridge", "5253"),
        ("Port Augusta", "5700"),
        ("Noarlunga Centre", "5168"),
    ),
    "TAS": (
        ("Hobart", "7000"),
        ("Launceston", "7250"),
        ("Devonport", "7310"),
        ("Burnie", "7320"),
        ("Glenorchy", "7010"),
        ("Kingston", "7050"),
    ),
    "VIC": (
        ("Dandenong", "3175"),
        ("Frankston", "3199"),
        ("Geelong", "3220"),
        ("Ballarat", "3350"),
        ("Bendigo", "3550"),
        ("Shepparton", "3630"),
        ("Werribee", "3030"),
        ("Sunshine", "3020"),
        ("Broadmeadows", "3047"),
        ("Mildura", "3500"),
        ("Traralgon", "3844"),
        ("Warrnambool", "3280"),
    ),
    "WA": (
        ("Joondalup", "6027"),
        ("Rockingham", "6168"),
        ("Mandurah", "6210"),
        ("Midland", "6056"),
        ("Armadale", "6112"),
        ("Bunbury", "6230"),
        ("Geraldton", "6530"),
        ("Kalgoorlie", "6430"),
        ("Albany", "6330"),
        ("Port Hedland", "6721"),
    ),
}
STREET_WORDS = _words(
    "Wattlebird Banksia Kookaburra Bottlebrush Ironbark Lorikeet Currawong Quandong Waratah "
    "Boronia Casuarina Jacaranda Paperbark Bilby Wombat Echidna Platypus Galah Brolga Emu "
    "Coolabah Mulga Saltbush Spinifex Grevillea Kurrajong Bluegum Stringybark Lyrebird Magpie"
)
STREET_TYPES = (
    "Street",
    "Road",
    "Avenue",
    "Crescent",
    "Place",
    "Drive",
    "Court",
    "Close",
    "Parade",
    "Way",
    "Circuit",
    "Lane",
)
VEHICLE_MAKES = (
    ("Toyota", "Corolla"),
    ("Toyota", "HiLux"),
    ("Mazda", "3"),
    ("Ford", "Ranger"),
    ("Hyundai", "i30"),
    ("Mitsubishi", "Triton"),
    ("Holden", "Commodore"),
    ("Kia", "Cerato"),
    ("Nissan", "Navara"),
    ("Subaru", "Forester"),
    ("Volkswagen", "Golf"),
    ("Honda", "Civic"),
)
COLOURS = ("White", "Silver", "Black", "Grey", "Blue", "Red", "Green")
EMAIL_DOMAINS = ("example.com", "example.net", "example.org")
PLATFORMS = ("Instagram", "Snapchat", "Discord", "TikTok", "Facebook", "Kik", "Telegram")
HANDLE_WORDS = (
    "shadow",
    "storm",
    "dingo",
    "reef",
    "outback",
    "blaze",
    "nova",
    "hawk",
    "tiger",
    "ghost",
    "rogue",
    "viper",
    "comet",
    "drift",
    "ember",
)
# Status mix of a register: most people have obligations; the rest are managed persons.
STATUSES = (
    ("registrable", 60),
    ("managed", 15),
    ("reporting_ended", 15),
    ("suspended", 3),
    ("outside_australia", 2),
    ("finding_quashed", 2),
    ("deceased", 3),
)


def _weights(n: int, flatten: int) -> list[float]:
    """Common names are commoner: weight 1 / (rank + flatten)."""
    return [1.0 / (rank + flatten) for rank in range(1, n + 1)]


_MALE_W = _weights(len(MALE), 15)
_FEMALE_W = _weights(len(FEMALE), 15)
_FAMILY_W = _weights(len(FAMILY), 25)


@dataclass
class SynthFact:
    kind: str
    data: dict[str, Any]
    valid_from: date | None = None
    valid_to: date | None = None
    corrected_from: dict[str, Any] | None = None  # an earlier, wrong version of this fact


@dataclass
class SynthOffence:
    act: str
    provision: str
    description: str
    jurisdiction: str
    date_committed: date
    date_found_guilty: date | None
    date_sentenced: date | None
    custodial: bool
    custody_release_date: date | None
    victim_age: int
    circumstances: dict[str, bool] = field(default_factory=dict)


@dataclass
class SynthPerson:
    family_name: str
    given_names: str
    sex: str
    date_of_birth: date
    place_of_birth: str
    jurisdiction: str
    status: str
    protected: bool
    facts: list[SynthFact] = field(default_factory=list)
    offences: list[SynthOffence] = field(default_factory=list)

    @property
    def aliases(self) -> list[tuple[str, str]]:
        return [
            (f.data["family_name"], f.data.get("given_names", ""))
            for f in self.facts
            if f.kind == "name" and f.data.get("name_type") != "current"
        ]


def misspell(rng: random.Random, word: str) -> str:
    """One typing slip: a doubled, dropped, swapped or substituted letter (keeps the first)."""
    if len(word) < 4:
        return word + word[-1]
    i = rng.randrange(1, len(word) - 1)
    choice = rng.randrange(4)
    if choice == 0:
        return word[:i] + word[i] + word[i:]
    if choice == 1:
        return word[:i] + word[i + 1 :]
    if choice == 2:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    vowels = "aeiou"
    if word[i] in vowels:
        return word[:i] + rng.choice([v for v in vowels if v != word[i]]) + word[i + 1 :]
    return (
        word[:i] + word[i] + "h" + word[i + 1 :]
        if rng.random() < 0.3
        else word[:i] + word[i + 1 :] + word[i]
    )


class Synthesizer:
    """Deterministic generator of synthetic people (`random.Random(seed)`)."""

    def __init__(
        self, seed: int = 1, *, today: date | None = None, protected_rate: float = 0.01
    ) -> None:
        self.rng = random.Random(seed)  # noqa: S311 (synthetic data, not security)
        self.today = today or date(2026, 1, 1)
        self.protected_rate = protected_rate

    # --- small pieces -----------------------------------------------------------------------
    def jurisdiction(self) -> str:
        return self.rng.choices(JURISDICTIONS, JURISDICTION_WEIGHTS)[0]

    def given(self, sex: str) -> str:
        names, weights = (MALE, _MALE_W) if sex == "male" else (FEMALE, _FEMALE_W)
        first = self.rng.choices(names, weights)[0]
        if self.rng.random() < 0.55:
            second = self.rng.choices(names, weights)[0]
            if second != first:
                return f"{first} {second}"
        return first

    def family(self) -> str:
        name = self.rng.choices(FAMILY, _FAMILY_W)[0]
        if name.startswith("OBrien"):
            return "O'Brien"
        if name.startswith("OConnor"):
            return "O'Connor"
        if self.rng.random() < 0.03:
            return f"{name}-{self.rng.choices(FAMILY, _FAMILY_W)[0]}"
        return name

    def day_between(self, start: date, end: date) -> date:
        """A random day from `start` to `end` (`start` when the range is empty)."""
        span = max(0, (end - start).days)
        return start + timedelta(days=self.rng.randint(0, span))

    def registration(self, jurisdiction: str) -> str:
        letters = "".join(self.rng.choices("ABCDEFGHJKLMNPRSTUVWXYZ", k=3))
        digits = "".join(self.rng.choices(string.digits, k=3))
        if jurisdiction in ("NSW", "VIC"):
            return f"{letters[:2]}{digits[:2]}{letters[2]}{self.rng.choice(string.ascii_uppercase)}"
        if jurisdiction == "QLD":
            return f"{digits}{letters}"
        return f"{letters}{digits}"

    def phone(self, mobile: bool) -> str:
        if mobile:
            return f"0491 57{self.rng.randint(0, 9)} {self.rng.randint(0, 999):03d}"
        area = self.rng.choice(("02", "03", "07", "08"))
        block = self.rng.choice(("5550", "7010"))
        return f"({area}) {block} {self.rng.randint(0, 9999):04d}"

    def street(self) -> str:
        number = self.rng.randint(1, 240)
        unit = f"Unit {self.rng.randint(1, 40)}, " if self.rng.random() < 0.15 else ""
        return f"{unit}{number} {self.rng.choice(STREET_WORDS)} {self.rng.choice(STREET_TYPES)}"

    def address(self, jurisdiction: str) -> dict[str, Any]:
        locality, postcode = self.rng.choice(LOCALITIES[jurisdiction])
        if self.rng.random() < 0.03:
            return {
                "address_type": "locality",
                "locality": locality,
                "state": jurisdiction,
                "postcode": postcode,
            }
        return {
            "address_type": "residence",
            "line1": self.street(),
            "locality": locality,
            "state": jurisdiction,
            "postcode": postcode,
            "country": "Australia",
        }

    def handle(self, given: str, family: str, year: int) -> str:
        style = self.rng.randrange(3)
        if style == 0:
            first, second = self.rng.choice(HANDLE_WORDS), self.rng.choice(HANDLE_WORDS)
            return f"{first}_{second}{self.rng.randint(1, 999)}"
        if style == 1:
            return f"{given[:1].lower()}{family.lower().replace(chr(39), '')[:6]}{year % 100:02d}"
        return f"{self.rng.choice(HANDLE_WORDS)}{self.rng.randint(10, 99999)}"

    # --- a person ---------------------------------------------------------------------------
    def person(
        self, jurisdiction: str | None = None, *, protected: bool | None = None, rich: bool = False
    ) -> SynthPerson:
        """One person. `rich` adds more history (used for the demo's few hundred)."""
        rng = self.rng
        code = jurisdiction or self.jurisdiction()
        sex = "male" if rng.random() < 0.9 else "female"
        given = self.given(sex)
        family = self.family()
        dob = self.day_between(date(1945, 1, 1), date(2007, 12, 31))
        adult = date(dob.year + 18, dob.month, 28 if dob.day > 28 else dob.day)
        status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
        person = SynthPerson(
            family_name=family,
            given_names=given,
            sex=sex,
            date_of_birth=dob,
            place_of_birth=rng.choice(LOCALITIES[code])[0],
            jurisdiction=code,
            status=status,
            protected=rng.random() < self.protected_rate if protected is None else protected,
        )
        facts = person.facts
        facts.append(
            SynthFact("name", {"family_name": family, "given_names": given, "name_type": "current"})
        )
        # Names used over time: aliases (misspelt, nickname, invented), a previous name.
        for _ in range(
            rng.choices((0, 1, 2, 3), (50, 30, 15, 5) if not rich else (10, 40, 35, 15))[0]
        ):
            style = rng.randrange(4)
            first = given.split()[0]
            if style == 0:
                alias = (misspell(rng, family), first)
            elif style == 1:
                alias = (family, misspell(rng, first))
            elif style == 2:
                alias = (self.family(), self.given(sex).split()[0])
            else:
                alias = (family, self.given(sex).split()[0])
            facts.append(
                SynthFact(
                    "name",
                    {
                        "family_name": alias[0],
                        "given_names": alias[1],
                        "name_type": rng.choice(("alias", "alias", "nickname")),
                    },
                    valid_from=self.day_between(adult, self.today),
                )
            )
        if rng.random() < (0.08 if not rich else 0.25):
            changed = self.day_between(adult, self.today - timedelta(days=400))
            facts.append(
                SynthFact(
                    "name",
                    {"family_name": self.family(), "given_names": given, "name_type": "previous"},
                    valid_from=None,
                    valid_to=changed,
                )
            )
        # Addresses over time: each former one ends the day before the next begins.
        moves = rng.choices((1, 2, 3, 4), (45, 30, 15, 10) if not rich else (10, 30, 35, 25))[0]
        moved_in = self.day_between(adult, self.today - timedelta(days=30))
        span = (self.today - moved_in).days
        cuts = sorted(rng.sample(range(1, span), min(moves - 1, span - 1))) if span > 2 else []
        starts = [moved_in] + [moved_in + timedelta(days=c) for c in cuts]
        for index, start in enumerate(starts):
            where = code if rng.random() < 0.9 else self.jurisdiction()
            end = starts[index + 1] - timedelta(days=1) if index + 1 < len(starts) else None
            fact = SynthFact("address", self.address(where), valid_from=start, valid_to=end)
            if rich and rng.random() < 0.15:
                wrong = dict(fact.data)
                wrong["postcode"] = str(int(wrong.get("postcode") or "1000") + 1).zfill(4)
                fact.corrected_from = wrong
            facts.append(fact)
        for _ in range(rng.choices((0, 1, 2), (30, 55, 15))[0]):
            make, model = rng.choice(VEHICLE_MAKES)
            ended = rng.random() < 0.3
            facts.append(
                SynthFact(
                    "vehicle",
                    {
                        "use": rng.choice(("owned", "owned", "driven")),
                        "vehicle_type": "car",
                        "make": make,
                        "model": model,
                        "colour": rng.choice(COLOURS),
                        "registration": self.registration(code),
                        "registration_state": code,
                    },
                    valid_from=(
                        bought := self.day_between(adult, self.today - timedelta(days=100))
                    ),
                    valid_to=max(bought, self.today - timedelta(days=rng.randint(1, 90)))
                    if ended
                    else None,
                )
            )
        for mobile in [True] + ([False] if rng.random() < 0.3 else []):
            facts.append(
                SynthFact(
                    "carriage_service",
                    {
                        "service_type": "mobile" if mobile else "landline",
                        "number": self.phone(mobile),
                        "provider": rng.choice(
                            ("Telstra", "Optus", "Vodafone", "Aussie Broadband")
                        ),
                    },
                    valid_from=self.day_between(adult, self.today),
                )
            )
        if rng.random() < 0.7:
            year = dob.year
            facts.append(
                SynthFact(
                    "online_identity",
                    {
                        "identity_type": "email",
                        "identifier": self.handle(given, family, year)
                        + "@"
                        + rng.choice(EMAIL_DOMAINS),
                    },
                )
            )
            if rng.random() < 0.5:
                facts.append(
                    SynthFact(
                        "online_identity",
                        {
                            "identity_type": "social",
                            "identifier": self.handle(given, family, year),
                            "service": rng.choice(PLATFORMS),
                        },
                    )
                )
        if rng.random() < 0.25:
            issued = self.day_between(date(2015, 1, 1), self.today - timedelta(days=30))
            facts.append(
                SynthFact(
                    "passport",
                    {
                        "number": f"X{rng.randint(0, 9999999):07d}",
                        "country": "Australia",
                        "issued_on": issued.isoformat(),
                        "expires_on": issued.replace(year=issued.year + 10).isoformat()
                        if not (issued.month == 2 and issued.day == 29)
                        else f"{issued.year + 10}-02-28",
                        "status": rng.choice(("held", "held", "surrendered", "cancelled")),
                    },
                )
            )
        facts.append(
            SynthFact(
                "description",
                {
                    "height_cm": rng.randint(150, 200),
                    "build": rng.choice(("slight", "medium", "solid")),
                    "hair": rng.choice(("Brown", "Black", "Grey", "Fair", "Red", "Bald")),
                    "eyes": rng.choice(("Brown", "Blue", "Green", "Hazel")),
                },
            )
        )
        return person
