#!/usr/bin/env python3
"""Writes a synthetic SIS extract (the 15 files of shared/spec/sis-extract.md) for benchmarking.

    python3 scripts/generate-district.py --students 1000000 --out /tmp/d1m [--seed 1] [--jobs 2]

The district is the fictional Riverton Public Schools, school year 2026-27, as-of date
2026-10-15: one school per ~500 students (about 55% ELEM, 20% MIDDLE, 25% HIGH by count) plus a
pre-registration school, ~1 teacher per 15 students plus ~15% non-teaching staff, sections of
~25, 7 active enrollments per secondary student, ~2 guardians per student, and the messy parts a
real extract has (flag spellings, phone punctuation, mixed date formats, inactive rows, dropped
enrollments, co-taught / shared-teacher / inclusion sections, staff at two schools ...).

--shape contact-heavy (default standard) keeps the schools, staff and catalog but changes the
proportions an importer sees: ~4 guardians per student (more e-mails and second / third phones,
some long names), about a third of the enrollments (2-3 active per secondary student, one special
per elementary homeroom; sections still ~25), and students.csv rows about twice as wide (double
given and last names, long addresses, an e-mail on every student). standard writes what it
always wrote.

Deterministic: the same --students and --seed give byte-identical files whatever --jobs is. Each
school is generated from its own random.Random(f"{seed}/{school index}"), and the schools' rows
are written in school order.
"""

import argparse
import datetime as dt
import os
import random
import sys
import time
import unicodedata
from multiprocessing import Pool

STARTED = time.monotonic()

FILES = {
    "schools.csv": "school_code,name,school_number,state_id,nces_id,address,city,state,zip,phone,"
                   "low_grade,high_grade,principal_name,principal_email,level,is_preregistration",
    "students.csv": "student_id,school_code,student_number,state_id,last_name,first_name,middle_name,"
                    "gender,birth_date,grade_level,race,hispanic_latino,ell_status,frl_status,iep_status,"
                    "address,city,state,zip,email,home_language,graduation_year,status,"
                    "transcript_school_code",
    "staff.csv": "staff_id,last_name,first_name,middle_name,teacher_number,state_id,email,logon,title,"
                 "is_teacher,is_administrator,department_code,status",
    "staff_schools.csv": "staff_id,school_code,is_primary",
    "staff_roles.csv": "staff_id,role",
    "courses.csv": "school_code,course_code,description,subject,user_flag_2,is_special_ed",
    "sections.csv": "school_code,course_code,section,school_year,term_code,room,meeting_days,"
                    "print_period,section_name",
    "section_teachers.csv": "school_code,course_code,section,staff_id,position,shared",
    "terms.csv": "school_code,term_code,name,start_date,end_date",
    "enrollments.csv": "student_id,school_code,course_code,section,start_date,end_date",
    "guardians.csv": "student_id,guardian_number,name,relationship,contact_type,phone_1,phone_1_type,"
                     "phone_2,phone_2_type,phone_3,phone_3_type,email,custody_issue,contact_id",
    "homerooms.csv": "student_id,school_code,homeroom,staff_id",
    "student_user_texts.csv": "student_id,field,value",
    "staff_user_texts.csv": "staff_id,field,value",
    "student_gpas.csv": "student_id,gpa_type,value",
}
NAMES = list(FILES)
IX = {name: i for i, name in enumerate(NAMES)}

SCHOOL_YEAR = "2026-27"
DISTRICT = "Riverton"
DOMAIN = "rvps.k12.nj.us"
STUDENT_DOMAIN = "students.rvps.k12.nj.us"
FY_START, FY_END = dt.date(2026, 9, 1), dt.date(2027, 6, 20)
S1_END, S2_START = dt.date(2027, 1, 29), dt.date(2027, 2, 1)
AS_OF = dt.date(2026, 10, 15)
LEVEL_SIZE = {"ELEM": 420, "MIDDLE": 560, "HIGH": 620}  # relative school sizes (mean ~500)


# ---------------------------------------------------------------------------------------------
# Value pools. Each is a plain list in which a value appears as often as its weight, so a draw
# is rng.choices(pool, k=n) (uniform, fast). Text that needs CSV quoting is quoted here, once.

def q(text):
    """The CSV field for text: quoted only when it holds a comma, quote or line break."""
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def wp(*pairs):
    pool = []
    for value, weight in pairs:
        pool.extend([value] * weight)
    return pool


_ASCII = str.maketrans({"ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "ł": "l", "Ł": "L", "đ": "d"})


def slug(text):
    text = unicodedata.normalize("NFKD", text.translate(_ASCII)).lower()
    return "".join(c for c in text if "a" <= c <= "z")


def iso(d):
    return d.isoformat()


def us(d):
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def fmt(d, style):
    return us(d) if style == "us" else iso(d)


LAST_NAMES = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernández Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Pérez Thompson White Harris Sanchez
Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green
Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Patel Shah Kim Park Chen Wang Li
Zhang Singh Kaur Khan Ali Ibrahim Haddad O'Connor O'Neill D'Angelo DeMarco Kowalski Nowak Novak
Rossi Russo Esposito Bianchi Murphy Kelly Sullivan Walsh Ryan Byrne Cohen Goldberg Friedman Okafor
Adeyemi Mensah Diallo Baptiste Jean-Baptiste Pierre Dubois Fontaine Müller Schmidt Fischer Weber
Johansson Andersson Nielsen Petrov Ivanova Popescu Horvath Nagy Tanaka Suzuki Yamamoto Sato Tran
Pham Le Vo Gupta Sharma Reddy Desai Mehta Costa Silva Santos Oliveira Pereira Souza Ferreira Nuñez
Peña Ortiz Castillo Morales Reyes Cruz Gutierrez Ramos Mendoza Vargas Romero Herrera Medina Aguilar
Jiménez Álvarez Ruiz Vasquez Castro Chavez Fernandez Diaz Moreno Delgado Guzman Salazar Acosta
Ortega Quinn Foster Evans Edwards Collins Stewart Morris Rogers Reed Cook Morgan Bell Bailey Cooper
Richardson Cox Howard Ward Peterson Gray James Watson Brooks Sanders Price Bennett Wood Barnes Ross
Henderson Coleman Jenkins Perry Powell Long Patterson Hughes Washington Butler Simmons Bryant
Alexander Russell Griffin Hayes Myers Ford Hamilton Graham Wallace West Cole Jordan Owens Reynolds
Fisher Ellis Harrison Gibson McDonald MacKenzie Smith-Jones García-López Abernathy-Brown""".split()
LAST_NAMES += ["De La Cruz", "Van Dyke", "St. John", "Del Rio", "Mc Carthy"]

FEMALE = """Olivia Emma Ava Sophia Isabella Mia Amelia Harper Evelyn Abigail Emily Ella Elizabeth Camila
Luna Sofia Avery Mila Aria Scarlett Penelope Layla Chloe Victoria Madison Eleanor Grace Nora Riley
Zoey Hannah Hazel Lily Ellie Violet Lillian Zoe Stella Aurora Natalie Emilia Everly Leah Aubrey
Willow Addison Lucy Audrey Bella Nova Brooklyn Paisley Savannah Claire Skylar Isla Genesis Naomi
Elena Caroline María Valentina Ximena Guadalupe Fatima Aaliyah Aisha Zara Ananya Priya Saanvi Mei
Yuna Seo-yeon Ji-woo Thao Linh Chiara Giulia Zofia Anya Chloé Zoë Renée Nadia Amara Imani Nia Keisha
Destiny Jasmine Maya Ruth Sarah Rachel Leila Mariam Noor Ana Lucia Tanya Dorothy Lin Meera Astrid
Hoa Irina Denise Jodie Patricia Angela Laura Jennifer Donna""".split()
MALE = """Liam Noah Oliver Elijah James William Benjamin Lucas Henry Theodore Jack Levi Alexander
Jackson Mateo Daniel Michael Mason Sebastian Ethan Logan Owen Samuel Jacob Asher Aiden John Joseph
Wyatt David Leo Luke Julian Hudson Grayson Matthew Ezra Gabriel Carter Isaac Jayden Luca Anthony
Dylan Lincoln Thomas Maverick Elias Josiah Charles Caleb Christopher Ezekiel Miles Jaxon Isaiah
Andrew Joshua Nathan Nolan Adrian Cameron Santiago Eli Aaron Ryan Angel Cooper Waylon Easton Kai
Christian José Juan Luis Carlos Diego Jesús Alejandro Mohammed Omar Youssef Ahmed Ibrahim Arjun
Aarav Vihaan Rohan Wei Hao Minh Duc Min-jun Seo-jun Hiroshi Kenji Piotr Jakub Mikhail Dmitri Kwame
Chidi Tunde Jamal DeShawn Malik Tyrone Andre François Zoltán Søren Carlos Samir Erik Greg Nikhil
Paul Ray Mike Kevin Brian Tom Marcus Robert""".split()
ADULT_FIRST = FEMALE + MALE

# (field text, ascii slug) pairs for people.
LAST_POOL = [(q(n), slug(n), n) for n in LAST_NAMES]
F_POOL = [(q(n), slug(n)) for n in FEMALE] * 40 + [(q('Elizabeth "Liz"'), "elizabeth")]
M_POOL = [(q(n), slug(n)) for n in MALE] * 40 + [(q('Robert "Bobby"'), "robert")]
ANY_POOL = F_POOL + M_POOL
MIDDLE_POOL = wp(("", 550)) + [q(n) for n in ADULT_FIRST] * 3 + list("ABCDEFGHJKLMNPRSTW") * 4

GENDER_POOL = wp(("M", 488), ("F", 488), ("X", 12), ("m", 5), ("f", 4), ("U", 3))
RACE_POOL = wp(("W", 200), ("White", 200), ("white", 10), ("WHITE", 5), ("B", 60),
               ("Black or African American", 60), ("Black", 25), ("A", 50), ("Asian", 45),
               ("M", 15), ("Two or More Races", 15), ("Multiracial", 8), ("I", 3),
               ("American Indian or Alaska Native", 2), ("P", 2),
               ("Native Hawaiian or Other Pacific Islander", 1), ("", 90), ("Other", 3))
HISP_POOL = wp(("N", 650), ("Y", 220), ("0", 30), ("1", 20), ("false", 15), ("TRUE", 10),
               ("y", 5), ("", 50))
ELL_POOL = wp(("N", 880), ("Y", 90), ("", 30))
FRL_POOL = wp(("", 430), ("Free", 300), ("Reduced", 80), ("Paid", 120), ("Full", 50),
              ("FREE", 10), ("free", 10))
IEP_POOL = wp(("", 790), ("Active IEP", 120), ("Eligible", 30), ("Not Eligible", 30),
              ("Exited", 15), ("exited", 5), ("Referred", 10))
LANG_POOL = wp(("English", 700), ("Spanish", 150), ("Portuguese", 20), ("Mandarin", 15),
               ("Arabic", 15), ("Hindi", 10), ("Gujarati", 8), ("Korean", 10), ("Polish", 10),
               ("Vietnamese", 10), ("Russian", 8), ("Haitian Creole", 10), ("Urdu", 8),
               ("Tagalog", 8), ("French", 8), ("Bengali", 5), ("Italian", 5), ("", 20))
STATUS_POOL = wp(("ACTIVE", 950), ("INACTIVE", 30), ("", 15), ("active", 5))

TOWNS = [("Riverton", "07065"), ("Maple Valley", "07039"), ("Cedar Grove", "07009"),
         ("Oak Ridge", "07438"), ("Fairview", "07022"), ("Millbrook", "08846"),
         ("Brookside", "07926"), ("Pine Hill", "08021"), ("Lakewood Park", "08701"),
         ("Glen Rock", "07452")]
STREETS = """Oak Lane|Elm Court|Cedar Avenue|Spruce Street|Ridge Road|Willow Way|Maple Avenue|Birch Street
Valley Road|Grove Street|River Road|Meadow Lane|Forest Avenue|Aspen Court|Hillside Avenue|Brook Lane
Magnolia Drive|Poplar Street|Orchard Street|Laurel Place|Summit Avenue|Heritage Court|Chestnut Street
Ivy Lane|Linden Avenue|Walnut Street|Sycamore Road|Main Street|Park Avenue|Washington Street
Lincoln Avenue|Franklin Street|Church Street|High Street|Mill Road|Lake Drive|Prospect Street
Highland Avenue|Union Avenue|Bloomfield Avenue|Pleasant Valley Way|Mount Pleasant Avenue
Martin Luther King Jr. Boulevard|Route 23|Old Turnpike Road|Academy Street|Glenwood Avenue""".replace(
    "\n", "|").split("|")


def _address_pool():
    rng = random.Random(20261015)
    pool = []
    for _ in range(20000):
        text = f"{rng.randint(1, 999)} {rng.choice(STREETS)}"
        r = rng.random()
        if r < 0.08:
            text += f", Apt {rng.randint(1, 40)}"          # needs quoting
        elif r < 0.13:
            text += f" Apt {rng.randint(1, 12)}{rng.choice('ABCD')}"
        elif r < 0.135:
            text += " "                                     # stray trailing blank
        pool.append(q(text))
    return pool


ADDRESS_POOL = _address_pool()
ZIP4_POOL = [f"-{n:04d}" for n in range(1000, 10000, 7)]

# Phones: a prefix (area code + punctuation style) plus a 4-digit line.
AREAS = ["973", "201", "862", "908", "732"]
PHONE_PREFIX_POOL = []
for _a in AREAS:
    PHONE_PREFIX_POOL += wp((f"{_a}-555-", 45), (f"({_a}) 555-", 20), (f"{_a}.555.", 10),
                            (f"{_a} 555 ", 8), (f"{_a}555", 8), (f"+1 {_a}-555-", 3),
                            (f"1-{_a}-555-", 3), (f"1 ({_a}) 555-", 1), ("555-", 2))
LINE_POOL = [f"{n:04d}" for n in range(10000)]
PHONE_SUFFIX_POOL = wp(("", 990), (" x12", 6), (" ext. 204", 4))
PHONE_TYPE_1 = wp(("Cell", 70), ("Home", 25), ("Work", 4), ("Other", 1))
PHONE_TYPE_N = wp(("Cell", 30), ("Home", 25), ("Work", 40), ("Other", 5))
EMAIL_DOMAINS = ["example.com", "example.net", "example.org", "mail.example.com"]
CUSTODY_POOL = wp(("", 800), ("N", 177), ("Y", 15), ("0", 4), ("true", 2), ("y", 2))
REL_1 = wp((("Mother", "", "F"), 700), (("Father", "", "M"), 200),
           (("Grandparent", "Family", "X"), 40), (("Guardian", "", "X"), 30),
           (("Aunt", "Family", "F"), 10), (("Foster Parent", "Parent/Guardian", "X"), 10),
           (("Stepmother", "", "F"), 10))
REL_2 = wp((("Father", "", "M"), 650), (("Mother", "", "F"), 200), (("Stepfather", "", "M"), 50),
           (("Grandparent", "Emergency", "X"), 60), (("Uncle", "Emergency", "M"), 20),
           (("Parent", "Parent/Guardian", "X"), 20))
REL_3 = wp((("Grandparent", "Emergency", "X"), 400), (("Aunt", "Emergency", "F"), 200),
           (("Uncle", "Emergency", "M"), 150), (("Neighbor", "Emergency", "X"), 100),
           (("Family Friend", "Emergency", "X"), 80), (("Sibling", "Family", "X"), 70))
GUARDIAN_COUNT_POOL = wp((1, 20), (2, 65), (3, 15))
ADULT_F = [(n, slug(n)) for n in FEMALE]
ADULT_M = [(n, slug(n)) for n in MALE]
ADULT_X = ADULT_F + ADULT_M
ADULT_BY_SEX = {"F": ADULT_F, "M": ADULT_M, "X": ADULT_X}


def _gpa_pool():
    rng = random.Random(4242)
    pool = []
    for _ in range(4000):
        unweighted = min(4.0, max(0.8, rng.gauss(3.0, 0.55)))
        weighted = min(5.0, unweighted + max(0.0, rng.uniform(-0.1, 0.6)))
        pool.append((f"{unweighted:.2f}", f"{weighted:.2f}"))
    return pool


GPA_POOL = _gpa_pool()

TEACHER_FLAG = wp(("Y", 85), ("1", 5), ("true", 5), ("y", 5))
NOT_FLAG = wp(("N", 80), ("", 20))
STAFF_STATUS = wp(("ACTIVE", 950), ("INACTIVE", 30), ("", 20))
SHARED_Y = wp(("Y", 80), ("true", 10), ("1", 10))
SHARED_N = wp(("N", 85), ("", 15))
UF2_POOL = wp(("Y", 90), ("1", 5), ("", 5))

# Staff kinds: title, department, is_administrator, roles, (extra role, probability).
NONTEACH = {
    "PRIN": ("Principal", "ADM", "Y", ["Principal"], None),
    "VP": ("Vice Principal", "ADM", "Y", ["Vice Principal"], ("Disciplinarian", 0.5)),
    "SEC": ("Secretary", "OFF", "N", ["Other Staff"], None),
    "NURSE": ("School Nurse", "NUR", "N", ["Nurse"], None),
    "COUNS": ("School Counselor", "GUI", "N", ["Counselor"], ("504 Coordinator", 0.4)),
    "AIDE": ("Classroom Aide", "SPED", "N", ["Classroom Aide"], None),
    "CM": ("Learning Disabilities Teacher-Consultant", "CST", "N", ["Case Manager"], None),
    "LIB": ("Media Specialist", "LIB", "N", ["Other Staff"], None),
    "REG": ("Registrar", "OFF", "N", ["Registrar", "Other Staff"], None),
}
NONTEACH_ORDER = {
    "ELEM": ["PRIN", "SEC", "NURSE", "AIDE", "COUNS", "AIDE", "CM", "AIDE", "LIB", "VP", "SEC"],
    "MIDDLE": ["PRIN", "SEC", "NURSE", "VP", "COUNS", "AIDE", "CM", "LIB", "COUNS", "VP", "AIDE",
               "SEC", "COUNS"],
}
NONTEACH_ORDER["HIGH"] = NONTEACH_ORDER["MIDDLE"]
DISTRICT_TITLES = ["Superintendent", "Assistant Superintendent", "Director of Technology",
                   "Director of Curriculum", "Business Administrator", "Supervisor of Mathematics",
                   "Supervisor of Special Services", "Supervisor of Humanities", "Data Coordinator",
                   "Technology Coordinator", "Supervisor of STEM", "Director of Human Resources"]
TEACHER_KIND = {  # dept key -> (title, department_code)
    "MATH": ("Math Teacher", "MATH"), "ENG": ("English Teacher", "ENG"),
    "SCI": ("Science Teacher", "SCI"), "SS": ("Social Studies Teacher", "SS"),
    "WL": ("World Language Teacher", "WL"), "PE": ("Health & PE Teacher", "PE"),
    "ARTS": ("Music Teacher", "ART"), "TECH": ("Technology Teacher", "TECH"),
    "SPED": ("Special Education Teacher", "SPED"), "ESL": ("ESL Teacher", "ESL"),
    "MUS": ("Music Teacher", "ART"), "ART": ("Art Teacher", "ART"),
    "EPE": ("Physical Education Teacher", "PE"), "HR": ("Grade Teacher", "ELEM"),
    "READ": ("Reading Specialist", "ELEM"), "INT": ("Intervention Teacher", "ELEM"),
}
SECONDARY_DEPTS = [("MATH", 4), ("ENG", 4), ("SCI", 4), ("SS", 4), ("WL", 3), ("PE", 3),
                   ("ARTS", 2), ("TECH", 2), ("SPED", 2), ("ESL", 1)]
ELEM_OTHERS = ["SPED", "ESL", "READ", "SPED", "INT"]

HONOREES = """Washington|Lincoln|Jefferson|Roosevelt|Franklin|Kennedy|Edison|Hamilton|Madison|Adams
Martin Luther King Jr.|Harriet Tubman|Sojourner Truth|Clara Barton|Amelia Earhart|Rachel Carson
Thomas Paine|Paul Robeson|Walt Whitman|Albert Einstein|Grace Hopper|Maple|Cedar Ridge|Oak Knoll
Willow Brook|Pine Grove|Meadowbrook|Hillside|Riverside|Lakeside|Brookdale|Park|Valley View
Forest Hill|Summit|Heritage|Glenwood|Stony Brook|Fox Hollow|Cherry Lane|Bradford|Jackson Avenue
Mount Pleasant|Orchard Hill|Stonybrook|Indian Hill|Spring Garden|Woodland|Highland|Sunnyside""".replace(
    "\n", "|").split("|")
LEVEL_WORD = {"ELEM": "Elementary School", "MIDDLE": "Middle School", "HIGH": "High School"}


# ---------------------------------------------------------------------------------------------
# District shapes (--shape): the knobs that set how many guardians, enrollments and student
# bytes a district has. The standard knobs are the constants the generator always used, and a
# knob that adds a draw is 0 / False there, so standard output stays byte-identical. The wide
# pools are built from their own random.Random, so building them moves no other draw.

def _long_last_pool():
    """Hyphenated double last names (Okafor-Lindqvist), with the slug and raw text as in LAST_POOL."""
    rng = random.Random(2027)
    pool = []
    for _ in range(5000):
        text = "-".join(rng.sample(sorted(set(LAST_NAMES)), 2))
        pool.append((q(text), slug(text), text))
    return pool


def _long_address_pool():
    """Addresses of 90-160 characters: building, apartment, the complex's name, a c/o line and
    sometimes a delivery note, everything an SIS address field ends up collecting."""
    rng = random.Random(20270620)
    kinds = ["Gardens", "Commons", "Village Apartments", "Towers", "Garden Apartments", "Court"]
    directions = ["North", "South", "East", "West"]
    carers = ["grandparent", "relative", "guardian", "foster parent", "family friend"]
    notes = ["use side entrance", "rear entrance, ring bell twice", "mail to PO Box 1142",
             "gate code 4471", "second floor, door on the left"]
    pool = []
    for _ in range(20000):
        text = (f"{rng.randint(100, 99999)} {rng.choice(STREETS)} {rng.choice(directions)}"
                f", Building {rng.randint(1, 24)}, Apartment {rng.randint(1, 40)}{rng.choice('ABCD')}"
                f", {rng.choice(HONOREES)} {rng.choice(kinds)}, c/o {rng.choice(ADULT_FIRST)} "
                f"{rng.choice(LAST_NAMES)}-{rng.choice(LAST_NAMES)} ({rng.choice(carers)})")
        if rng.random() < 0.4:
            text += f" - {rng.choice(notes)}"
        pool.append(q(text))
    return pool


def _long_given_pool(rng, names, k):
    """(field text, slug) pairs of two given names: hyphenated (Anna-Sofia) or not (Maria Luisa)."""
    names = sorted(set(names))  # the lists repeat a few names; no "Carlos-Carlos"
    pool = []
    for _ in range(k):
        a, b = rng.sample(names, 2)
        text = f"{a}-{b}" if rng.random() < 0.5 else f"{a} {b}"
        pool.append((q(text), slug(text)))
    return pool


_GIVEN_RNG = random.Random(2026)
LONG_F_POOL = _long_given_pool(_GIVEN_RNG, FEMALE, 5000)
LONG_M_POOL = _long_given_pool(_GIVEN_RNG, MALE, 5000)
LONG_MIDDLE_POOL = [text for text, _ in _long_given_pool(_GIVEN_RNG, ADULT_FIRST, 5000)]
LONG_LAST_POOL = _long_last_pool()
LONG_ADDRESS_POOL = _long_address_pool()
LONG_CITY = {town: f"Township of {town}" for town, _ in TOWNS}
RACE_NAME_POOL = [r for r in RACE_POOL if len(r) > 1]  # the federal category names, no letters

SHAPES = {
    "standard": {
        "guardians": GUARDIAN_COUNT_POOL, "phone_2": 0.45, "phone_3": 0.18, "guardian_email": 0.75,
        "long_guardian": 0.0, "light": False, "wide": False,
    },
    "contact-heavy": {
        "guardians": wp((2, 10), (3, 20), (4, 40), (5, 20), (6, 10)),  # mean 4.0
        "phone_2": 0.8, "phone_3": 0.5, "guardian_email": 0.92, "long_guardian": 0.3,
        "light": True,  # 2 core courses and sometimes one more; one special per ELEM homeroom
        "wide": True,   # two first, middle and last names, long addresses and towns, race
                        # names, an e-mail on everyone
    },
}


# ---------------------------------------------------------------------------------------------
# Shapes: pure functions of (level, student count, flags), so the plan (in the main process)
# and each school's generator (in a worker) agree on grade sizes and staff offsets.

GRADE_SHARES = {
    ("ELEM", True): [("4F", -1, .04), ("4H", -1, .02), ("KF", 0, .145), ("KH", 0, .01),
                     ("01", 1, .157), ("02", 2, .157), ("03", 3, .157), ("04", 4, .157),
                     ("05", 5, .157)],
    ("ELEM", False): [("KF", 0, .16), ("KH", 0, .01), ("01", 1, .166), ("02", 2, .166),
                      ("03", 3, .166), ("04", 4, .166), ("05", 5, .166)],
    ("MIDDLE", False): [("06", 6, 1 / 3), ("07", 7, 1 / 3), ("08", 8, 1 / 3)],
    ("HIGH", False): [("09", 9, .27), ("10", 10, .25), ("11", 11, .24), ("12", 12, .235),
                      ("UG", 12, .003), ("PG", 13, .002)],
}
HOMEROOM_SIZE = 22


def split_counts(total, shares):
    """Integer parts of total in proportion to shares, summing exactly to total."""
    out, acc, prev = [], 0.0, 0
    whole = sum(shares)
    for share in shares:
        acc += share
        cut = round(total * acc / whole)
        out.append(cut - prev)
        prev = cut
    return out


def grade_counts(level, n, prek):
    table = GRADE_SHARES[(level, prek and level == "ELEM")]
    counts = split_counts(n, [s for _, _, s in table])
    return [(code, num, c) for (code, num, _), c in zip(table, counts)]


def homeroom_groups(grades):
    """ELEM homeroom groups: (label, grade number, [grade codes], student count)."""
    groups = []
    for num, label in ((-1, "PK"), (0, "K")) + tuple((g, str(g)) for g in range(1, 6)):
        count = sum(c for _, gn, c in grades if gn == num)
        if count:
            groups.append((label, num, count))
    return groups


def school_shape(level, n, flags):
    """(grades, non-teaching kinds, teacher dept keys) of a school."""
    if level == "OTHER":
        return [], ["REG"], []
    grades = grade_counts(level, n, flags.get("prek", False))
    if level == "ELEM":
        homerooms = sum(-(-count // HOMEROOM_SIZE) for _, _, count in homeroom_groups(grades))
        specials = ([] if flags.get("borrow") else ["MUS"]) + ["EPE"] + (["ART"] if flags.get("art") else [])
        total = max(round(n / 15), homerooms + len(specials) + 1)
        others = total - homerooms - len(specials)
        teachers = specials + ["HR"] * homerooms + [ELEM_OTHERS[i % len(ELEM_OTHERS)] for i in range(others)]
    else:
        total = max(len(SECONDARY_DEPTS), round(n / 15))
        counts = split_counts(total - len(SECONDARY_DEPTS), [w for _, w in SECONDARY_DEPTS])
        teachers = []
        for (dept, _), extra in zip(SECONDARY_DEPTS, counts):
            teachers += [dept] * (1 + extra)
    order = NONTEACH_ORDER[level]
    count = max(3, round(0.15 * len(teachers)))
    nonteach = [order[i] if i < len(order) else "AIDE" for i in range(count)]
    return grades, nonteach, teachers


# ---------------------------------------------------------------------------------------------
# The plan: schools, their sizes, ID ranges and cross-school links. Small; built in the main
# process from random.Random(f"{seed}/plan") and inherited by the workers.

PLAN = None


class Plan:
    def __init__(self, n, seed, shape="standard"):
        rng = random.Random(f"{seed}/plan")
        self.seed = seed
        self.shape = SHAPES[shape]  # read by the school generators, so it travels with the plan
        self.n = n
        s = max(3, round(n / 500))
        n_high, n_mid = max(1, round(0.25 * s)), max(1, round(0.2 * s))
        levels = ["ELEM"] * (s - n_high - n_mid) + ["MIDDLE"] * n_mid + ["HIGH"] * n_high
        width = max(3, len(str(s + 1)))
        self.codes = [str(i + 1).zfill(width) for i in range(s)] + ["9" * width]
        self.levels = levels + ["OTHER"]
        self.preg = s  # index of the pre-registration school
        self.district = s + 1  # pseudo-unit: district office staff
        n_preg = 0 if n < 100 else max(1, n // 300)
        weights = [LEVEL_SIZE[lv] * rng.uniform(0.8, 1.2) for lv in levels]
        self.sizes = split_counts(n - n_preg, weights) + [n_preg]
        self.towns = [TOWNS[i % len(TOWNS)] for i in range(s + 1)]
        used, self.names = {}, []
        for i, lv in enumerate(levels):
            if lv == "HIGH" and rng.random() < 0.04:
                base = "Academy of Science, Technology, and Mathematics"
            else:
                base = f"{rng.choice(HONOREES)} {LEVEL_WORD[lv]}"
            used[base] = used.get(base, 0) + 1
            self.names.append(base if used[base] == 1 else f"{base} No. {used[base]}")
        self.names.append(f"{DISTRICT} Pre-Registration")
        # Per-school flags, then the shapes that fix each school's staff ID range.
        self.flags = []
        for i, lv in enumerate(self.levels):
            flags = {
                "prek": lv == "ELEM" and rng.random() < 0.6,
                "mode": "class" if rng.random() < 0.45 else "specials",
                "art": rng.random() < 0.6,
                "dates": "us" if rng.random() < 0.2 else "iso",
                "enr": "empty" if rng.random() < 0.5 else "dated",
                "secfmt": "{:02d}" if rng.random() < 0.5 else "{}",
                "borrow": False,
                "nurse_partner": None,
            }
            if lv == "OTHER":
                flags["dates"] = "iso"
            elif rng.random() < 0.12 and s > 1:
                partner = rng.randrange(s - 1)
                flags["nurse_partner"] = partner if partner < i else partner + 1
            if (lv == "ELEM" and i > 0 and flags["mode"] == "specials" and rng.random() < 0.3
                    and self.levels[i - 1] == "ELEM" and self.flags[i - 1]["mode"] == "specials"
                    and not self.flags[i - 1]["borrow"]):
                flags["borrow"] = True
            self.flags.append(flags)
        self.staff_base, self.student_base, self.nonteach_count = [], [], []
        staff, students = 0, 0
        for i, lv in enumerate(self.levels):
            _, nonteach, teachers = school_shape(lv, self.sizes[i], self.flags[i])
            self.staff_base.append(staff)
            self.student_base.append(students)
            self.nonteach_count.append(len(nonteach))
            staff += len(nonteach) + len(teachers)
            students += self.sizes[i]
        self.staff_base.append(staff)  # the district office staff come last
        self.n_district = max(3, s // 20)
        self.by_level = {lv: [self.codes[i] for i, l in enumerate(levels) if l == lv]
                         for lv in ("ELEM", "MIDDLE", "HIGH")}

    def music_teacher(self, i):
        """Staff number of school i's music teacher (the first teacher of a specials ELEM school)."""
        return self.staff_base[i] + self.nonteach_count[i] + 1


def teacher_id(number):
    return f"T{number:06d}"


def other_id(number):
    return f"{number:06d}"


# ---------------------------------------------------------------------------------------------
# One school.

class Out:
    """Lines per file for one unit."""

    def __init__(self):
        self.lines = [[] for _ in NAMES]

    def __getitem__(self, name):
        return self.lines[IX[name]]


def make_staff(out, rng, number, sid, kind, title, dept, is_teacher, is_admin, roles, school_rows):
    first, first_slug = rng.choice(ADULT_X)
    last_text, last_slug, _ = rng.choice(LAST_POOL)
    middle = rng.choice(MIDDLE_POOL) if rng.random() < 0.3 else ""
    logon = f"{first_slug[0]}{last_slug}{number}"
    teacher_number = state_id = ""
    if is_teacher == "T":
        if title != "Long Term Substitute":
            teacher_number = str(1000 + number) if rng.random() < 0.95 else ""
            state_id = str(6100000 + number) if rng.random() < 0.9 else ""
        flag = rng.choice(TEACHER_FLAG)
    else:
        state_id = str(6100000 + number) if rng.random() < 0.7 else ""
        flag = rng.choice(NOT_FLAG)
    out["staff.csv"].append(
        f"{sid},{last_text},{q(first)},{middle},{teacher_number},{state_id},{logon}@{DOMAIN},"
        f"{logon},{q(title)},{flag},{is_admin},{dept},{rng.choice(STAFF_STATUS)}")
    for role in roles:
        out["staff_roles.csv"].append(f"{sid},{role}")
    for code, primary in school_rows:
        out["staff_schools.csv"].append(f"{sid},{code},{primary}")
    out["staff_user_texts.csv"].append(f"{sid},NETWORK_ID,{logon}")
    if rng.random() < 0.4:
        out["staff_user_texts.csv"].append(f"{sid},BADGE_NO,B-{number:05d}")
    return f"{first} {last_text}", f"{logon}@{DOMAIN}"


def gen_unit(i):
    plan = PLAN
    if i == plan.district:
        return gen_district(plan)
    rng = random.Random(f"{plan.seed}/{i}")
    out = Out()
    code, level, n, flags = plan.codes[i], plan.levels[i], plan.sizes[i], plan.flags[i]
    town, zip5 = plan.towns[i]
    grades, nonteach, teacher_depts = school_shape(level, n, flags)
    style = flags["dates"]

    # Terms.
    out["terms.csv"].append(f"{code},FY,Full Year,{fmt(FY_START, style)},{fmt(FY_END, style)}")
    if level != "OTHER":
        out["terms.csv"].append(f"{code},S1,Semester 1,{fmt(FY_START, style)},{fmt(S1_END, style)}")
        out["terms.csv"].append(f"{code},S2,Semester 2,{fmt(S2_START, style)},{fmt(FY_END, style)}")

    # Staff: non-teaching first (offset 0 = principal, 2 = nurse), then teachers.
    base = plan.staff_base[i]
    primary = "Y" if rng.random() < 0.9 else ""
    principal = ("", "")
    aides = []
    number = base
    for offset, kind in enumerate(nonteach):
        number += 1
        sid = other_id(number)
        title, dept, admin, roles, extra = NONTEACH[kind]
        roles = list(roles)
        if extra and rng.random() < extra[1]:
            roles.append(extra[0])
        rows = [(code, primary)]
        if kind == "NURSE" and flags["nurse_partner"] is not None:
            both = "" if rng.random() < 0.5 else None
            rows = [(code, "Y" if both is None else both),
                    (plan.codes[flags["nurse_partner"]], "N" if both is None else both)]
        who = make_staff(out, rng, number, sid, kind, title, dept, "N", admin, roles, rows)
        if offset == 0:
            principal = who
        if kind == "AIDE":
            aides.append(sid)
    teachers = {}  # dept -> [(staff_id, room)]
    homeroom_teachers = []
    all_teachers = []
    room_counter = {}
    groups = homeroom_groups(grades) if level == "ELEM" else []
    hr_titles = []
    neighbour = None
    for j in (i + 1, i - 1):
        if 0 <= j < plan.preg and plan.levels[j] == level:
            neighbour = plan.codes[j]
            break
    for label, num, count in groups:
        title = {-1: "Preschool Teacher", 0: "Kindergarten Teacher"}.get(num, f"Grade {num} Teacher")
        hr_titles += [title] * (-(-count // HOMEROOM_SIZE))
    for dept in teacher_depts:
        number += 1
        sid = teacher_id(number)
        title, dept_code = TEACHER_KIND[dept]
        if dept == "HR":
            title = hr_titles[len(homeroom_teachers)]
        elif dept == "SPED" and rng.random() < 0.4:
            title = "Teacher, Special Education"
        elif dept == "ARTS" and rng.random() < 0.5:
            title = "Art Teacher"
        roles = ["Teacher"]
        if rng.random() < 0.02:
            title, roles = "Long Term Substitute", ["Long Term Substitute"]
        elif dept == "SPED" and rng.random() < 0.5:
            roles.append("Case Manager")
        elif dept in ("PE", "EPE") and rng.random() < 0.2:
            roles.append("Athletic Trainer")
        elif level != "ELEM" and dept not in teachers:
            roles.append("Department Chair")
        rows = [(code, primary)]
        if neighbour is not None and dept not in ("HR", "MUS") and rng.random() < 0.03:  # also next door
            # (not a music teacher: the next school may already borrow them, see flags["borrow"])
            rows = [(code, "Y"), (neighbour, "N")]
        make_staff(out, rng, number, sid, dept, title, dept_code, "T", "N", roles, rows)
        k = room_counter[dept] = room_counter.get(dept, 0) + 1
        room = {"SCI": f"Lab {k}", "PE": "Gym" if k == 1 else f"Gym {k}", "EPE": "Gym",
                "MUS": "Music Room", "ART": "Art Room", "ESL": "ESL",
                "ARTS": "Band Room" if k == 1 else f"Art Room {k - 1}",
                "TECH": f"Computer Lab {k}", "SPED": f"Resource Room {k}"}.get(dept)
        if room is None:
            floor = {"ENG": 1, "MATH": 2, "SS": 2, "WL": 1, "HR": 1, "READ": 3, "INT": 3}.get(dept, 3)
            room = f"{floor}{(k + (20 if dept == 'SS' else 0) + (40 if dept == 'WL' else 0)):02d}"
        teachers.setdefault(dept, []).append((sid, room))
        all_teachers.append(sid)
        if dept == "HR":
            homeroom_teachers.append(sid)
    if flags["borrow"]:
        music = teacher_id(plan.music_teacher(i - 1))
        out["staff_schools.csv"].append(f"{music},{code},N")
        teachers["MUS"] = [(music, "Music Room")]

    # School row.
    if level == "OTHER":
        out["schools.csv"].append(
            f"{code},{plan.names[i]},,,,1 Administration Plaza,{town},NJ,,,,,,,OTHER,Y")
    else:
        phone = rng.choice(PHONE_PREFIX_POOL) + rng.choice(LINE_POOL)
        low = grades[0][0] if level != "ELEM" else ("PK" if flags["prek"] else "KF")
        high = {"ELEM": "05", "MIDDLE": "08", "HIGH": "12"}[level]
        number_field = str(100 + i + 1) if rng.random() < 0.9 else ""
        out["schools.csv"].append(
            f"{code},{q(plan.names[i])},{number_field},13-2950-{code},3409270{i + 1:05d},"
            f"{rng.choice(ADDRESS_POOL)},{town},NJ,{zip5}{rng.choice(ZIP4_POOL) if rng.random() < 0.3 else ''},"
            f"{phone},{low},{high},{q(principal[0])},{principal[1]},{level},"
            f"{rng.choice(NOT_FLAG)}")

    # Students.
    stu = gen_students(rng, out, plan, i, code, level, n, grades, town, zip5)
    if level == "ELEM":
        gen_elementary(rng, out, code, flags, stu, groups, teachers, homeroom_teachers, aides)
    elif level in ("MIDDLE", "HIGH"):
        gen_secondary(rng, out, code, level, flags, stu, teachers, aides)
    return finish(out)


def finish(out):
    return [("\n".join(lines) + "\n").encode() if lines else b"" for lines in out.lines]


def gen_district(plan):
    rng = random.Random(f"{plan.seed}/district")
    out = Out()
    number = plan.staff_base[-1]
    real = len(plan.codes) - 1
    for k in range(plan.n_district):
        number += 1
        title = DISTRICT_TITLES[k % len(DISTRICT_TITLES)]
        roles = ["Administrator"] + (["Supervisor"] if "Supervisor" in title or rng.random() < 0.3 else [])
        picks = rng.sample(range(real), min(real, rng.randint(1, 3)))
        rows = [(plan.codes[p], "Y" if j == 0 else "N") for j, p in enumerate(picks)]
        make_staff(out, rng, number, other_id(number), "ADM", title,
                   "TECH" if "Techn" in title else "ADM", "N", "Y", roles, rows)
    return finish(out)


class Students:
    """Per-student columns a school's schedule needs (index = position in the school)."""
    __slots__ = ("ids", "grade_num", "by_grade", "iep", "ell", "fy", "s1", "s2", "n", "defaults")


def gen_students(rng, out, plan, i, code, level, n, grades, town, zip5):
    stu = Students()
    stu.n = n
    if n == 0:
        stu.ids, stu.grade_num, stu.by_grade = [], [], []
        stu.iep = stu.ell = stu.fy = stu.s1 = stu.s2 = []
        stu.defaults = {}
        return stu
    choices = rng.choices
    rnd = rng.random
    base = plan.student_base[i]
    gnums = [0] * n
    gcodes = [""] * n
    stu.by_grade = []
    k = 0
    for gcode, gnum, count in grades:
        stu.by_grade.append((gcode, gnum, range(k, k + count)))
        variants = [gcode] * 97 + [gcode.lstrip("0")] * 3 if gcode[0] == "0" else [gcode]
        gcodes[k:k + count] = choices(variants, k=count) if len(variants) > 1 else [gcode] * count
        gnums[k:k + count] = [gnum] * count
        k += count
    preg = level == "OTHER"
    if preg:  # next year's students: mostly kindergarten and grade 9
        table = wp((("KF", 0), 55), (("09", 9), 20), (("06", 6), 10), (("01", 1), 3), (("03", 3), 3),
                   (("07", 7), 3), (("10", 10), 3), (("11", 11), 3))
        picks = choices(table, k=n)
        gcodes = [g for g, _ in picks]
        gnums = [g for _, g in picks]
    stu.grade_num = gnums
    ids = [f"S{base + j + 1:07d}" for j in range(n)]
    stu.ids = ids
    wide = plan.shape["wide"]
    genders = choices(GENDER_POOL, k=n)
    lasts = choices(LONG_LAST_POOL if wide else LAST_POOL, k=n)  # same draws from either pool
    females = choices(LONG_F_POOL if wide else F_POOL, k=n)
    males = choices(LONG_M_POOL if wide else M_POOL, k=n)
    firsts = [females[j] if g in "Ff" else males[j] if g in "Mm" or j & 1 else females[j]
              for j, g in enumerate(genders)]
    middles = choices(LONG_MIDDLE_POOL if wide else MIDDLE_POOL, k=n)
    addrs = choices(LONG_ADDRESS_POOL if wide else ADDRESS_POOL, k=n)
    other_town = [rnd() < 0.08 for _ in range(n)]
    cities = [rng.choice(TOWNS) if o else (town, zip5) for o in other_town]
    if wide:
        cities = [(LONG_CITY[city], z) for city, z in cities]
    # Siblings: ~8% share a family (last name, address, guardians) with an earlier student.
    sibling_of = [-1] * n
    for j in range(1, n):
        if rnd() < 0.08:
            s = rng.randrange(j)
            sibling_of[j] = s
            lasts[j], addrs[j], cities[j] = lasts[s], addrs[s], cities[s]
    zips = []
    for city, z in cities:
        r = rnd()
        zips.append(z if r < 0.8 else z + rng.choice(ZIP4_POOL) if r < 0.99 else z[1:])
    races = choices(RACE_NAME_POOL if wide else RACE_POOL, k=n)
    hisp = choices(HISP_POOL, k=n)
    ell = choices(ELL_POOL, k=n)
    frl = choices(FRL_POOL, k=n)
    iep = choices(IEP_POOL, k=n)
    langs = choices(LANG_POOL, k=n)
    status = choices(STATUS_POOL, k=n)
    if preg:
        status = choices(["ACTIVE"] * 7 + [""] * 3, k=n)
    stu.iep = [v == "Active IEP" for v in iep]
    stu.ell = [v == "Y" for v in ell]
    dob = birth_dates(rng, [g - 1 for g in gnums] if preg else gnums)  # PREG: next year's grade
    students = out["students.csv"]
    texts = out["student_user_texts.csv"]
    state_ids = [str(4800000000 + base + j + 1) if rnd() < 0.99 else "" for j in range(n)]
    same_level = plan.by_level.get(level, [])
    for j in range(n):
        sid = ids[j]
        last_text, last_slug, _ = lasts[j]
        first_text, first_slug = firsts[j]
        gnum = gnums[j]
        number = f"{code}{j + 1:04d}"
        email = f"{first_slug}.{last_slug}{base + j + 1}@{STUDENT_DOMAIN}" if gnum >= 1 or wide else ""
        grad = "" if gcodes[j] == "UG" else str(2039 - gnum + preg)
        transcript = ""
        if preg:
            number = number if rnd() < 0.6 else ""
            email = email if wide else ""
            pool = plan.by_level["ELEM" if gnum <= 5 else "MIDDLE" if gnum <= 8 else "HIGH"]
            transcript = rng.choice(pool) if pool and rnd() < 0.95 else ""
            if transcript and rnd() < 0.5:
                texts.append(f"{sid},CLEVER_SCHOOL,{transcript}")
        elif rnd() < 0.003 and same_level:
            texts.append(f"{sid},CLEVER_SCHOOL,{rng.choice(same_level) if rnd() < 0.9 else ''}")
        students.append(
            f"{sid},{code},{number},{state_ids[j]},{last_text},{first_text},{middles[j]},{genders[j]},"
            f"{dob[j]},{gcodes[j]},{races[j]},{hisp[j]},{ell[j]},{frl[j]},{iep[j]},{addrs[j]},"
            f"{cities[j][0]},NJ,{zips[j]},{email},{langs[j]},{grad},{status[j]},{transcript}")
        texts.append(f"{sid},NETWORK_ID,{first_slug[0]}{last_slug}{base + j + 1}")
    gen_guardians(rng, out, ids, lasts, sibling_of, base, plan.shape)
    if level == "HIGH":
        gpas = out["student_gpas.csv"]
        for j, (u, w) in enumerate(choices(GPA_POOL, k=n)):
            if rnd() < 0.97:
                gpas.append(f"{ids[j]},CUM_UNWEIGHTED,{u}")
                gpas.append(f"{ids[j]},CUM_WEIGHTED,{w}")
    # Enrollment date fields ("start,end") per student and term.
    style = plan.flags[i]["dates"]
    fy_default = "," if plan.flags[i]["enr"] == "empty" else f"{fmt(FY_START, style)},{fmt(FY_END, style)}"
    fy_end = fy_default.split(",")[1]
    s1_default = f"{fmt(FY_START, style)},{fmt(S1_END, style)}"
    s2_default = f"{fmt(S2_START, style)},{fmt(FY_END, style)}"
    stu.fy = [fy_default] * n
    stu.s1 = [s1_default] * n
    stu.s2 = [s2_default] * n
    stu.defaults = {"FY": fy_default, "S1": s1_default, "S2": s2_default}
    for j in range(n):
        r = rnd()
        if status[j] == "INACTIVE" and r < 0.7:  # withdrawn: every enrollment ended
            w = fmt(FY_START + dt.timedelta(days=rng.randint(9, 43)), style)
            stu.fy[j] = f"{fy_default.split(',')[0]},{w}"
            stu.s1[j] = f"{fmt(FY_START, style)},{w}"
            stu.s2[j] = None
        elif r < 0.02:  # arrived late
            a = fmt(FY_START + dt.timedelta(days=rng.randint(7, 43)), style)
            stu.fy[j] = f"{a},{fy_end}"
            stu.s1[j] = f"{a},{fmt(S1_END, style)}"
    return stu


_DOB_CACHE = {}


def birth_dates(rng, gnums):
    """Birth dates by grade: mostly YYYY-MM-DD, some MM/DD/YYYY, a few held back a year, a rare
    unparseable one."""
    pools = {}
    for g in set(gnums):
        pool = _DOB_CACHE.get(g)
        if pool is None:
            start = dt.date(2026 - 6 - g, 9, 2)
            days = [start + dt.timedelta(days=d) for d in range(365)]
            older = [d - dt.timedelta(days=365) for d in days[::4]]
            pool = [iso(d) for d in days] * 17 + [us(d) for d in days] * 3 + [iso(d) for d in older] * 4
            pool += [q(f"{d:%B} {d.day}, {d.year}") for d in days[::120]]
            _DOB_CACHE[g] = pool
        pools[g] = pool
    rnd = rng.random
    out = []
    for g in gnums:
        pool = pools[g]
        out.append(pool[int(rnd() * len(pool))])
    return out


def gen_guardians(rng, out, ids, lasts, sibling_of, base, shape):
    rnd = rng.random
    choice = rng.choice
    rows = out["guardians.csv"]
    tails = [None] * len(ids)
    counts = rng.choices(shape["guardians"], k=len(ids))
    phone_2, phone_3, email_rate = shape["phone_2"], shape["phone_3"], shape["guardian_email"]
    long_name = shape["long_guardian"]
    pp, lp, sp = PHONE_PREFIX_POOL, LINE_POOL, PHONE_SUFFIX_POOL
    npp, nlp, nsp = len(pp), len(lp), len(sp)
    for j, sid in enumerate(ids):
        s = sibling_of[j]
        if s >= 0:
            mine = tails[s]
        else:
            mine = []
            family_last = lasts[j][2]
            for g in range(1, counts[j] + 1):
                relation, contact_type, sex = choice(REL_1 if g == 1 else REL_2 if g == 2 else REL_3)
                first, first_slug = choice(ADULT_BY_SEX[sex])
                last = family_last if rnd() < 0.85 else choice(LAST_POOL)[2]
                name = q(f"{last}, {first}") if rnd() < 0.02 else q(f"{first} {last}")
                if long_name and rnd() < long_name:  # a middle name, and a double last name
                    double = last if "-" in last else f"{last}-{choice(LAST_POOL)[2]}"
                    name = q(f"{first} {choice(ADULT_X)[0]} {double}")
                if g == 1 and rnd() < 0.0005:
                    name, relation, contact_type = "Division of Child Protection and Permanency", "Caseworker", "Other"
                p1 = pp[int(rnd() * npp)] + lp[int(rnd() * nlp)] + sp[int(rnd() * nsp)]
                t1 = choice(PHONE_TYPE_1)
                if rnd() < 0.015:
                    p1 = t1 = ""
                p2 = t2 = p3 = t3 = ""
                if rnd() < phone_2:
                    p2, t2 = pp[int(rnd() * npp)] + lp[int(rnd() * nlp)], choice(PHONE_TYPE_N)
                    if rnd() < phone_3:
                        p3, t3 = pp[int(rnd() * npp)] + lp[int(rnd() * nlp)], choice(PHONE_TYPE_N)
                email = (f"{first_slug}.{slug(last)}{int(rnd() * 100)}@{choice(EMAIL_DOMAINS)}"
                         if rnd() < email_rate else "")
                contact = f"G{base + j + 1:07d}{g}" if rnd() < 0.92 else ""
                mine.append(f"{g},{name},{relation},{contact_type},{p1},{t1},{p2},{t2},{p3},{t3},"
                            f"{email},{choice(CUSTODY_POOL)},{contact}")
        tails[j] = mine
        for tail in mine:
            rows.append(f"{sid},{tail}")


class Scheduler:
    """Builds one school's courses, sections, section teachers and enrollments."""

    def __init__(self, rng, out, code, flags, stu, teachers, aides):
        self.rng, self.out, self.code, self.stu = rng, out, code, stu
        self.teachers, self.aides = teachers, aides
        self.secfmt = flags["secfmt"]
        self.style = flags["dates"]
        self.rr = {}
        self.period = {}
        self.numbered = {}  # course -> sections numbered so far (S1 and S2 sections share a course)
        self.sped = teachers.get("SPED") or []
        self.sped_rr = 0
        # Drop/add pairs: (dropped row dates, new row dates) for FY and S1 rows.
        fy_start = "" if flags["enr"] == "empty" else fmt(FY_START, self.style)
        fy_end = "" if flags["enr"] == "empty" else fmt(FY_END, self.style)
        self.drops = []
        for d in range(4, 40):
            day = FY_START + dt.timedelta(days=d)
            nxt = fmt(day + dt.timedelta(days=1), self.style)
            self.drops.append((f"{fy_start},{fmt(day, self.style)}", f"{nxt},{fy_end}",
                               f"{fmt(FY_START, self.style)},{fmt(day, self.style)}",
                               f"{nxt},{fmt(S1_END, self.style)}"))

    def course(self, cc, desc, subjects, uf2=None, special=False):
        rng = self.rng
        subject = rng.choice(subjects) if isinstance(subjects, list) else subjects
        flag = rng.choice(UF2_POOL) if uf2 is None else uf2
        se = ("Y" if special else rng.choice(("N", "N", "N", ""))) if special is not None else ""
        self.out["courses.csv"].append(f"{self.code},{cc},{q(desc)},{q(subject)},{flag},{se}")

    def teacher(self, dept):
        pool = self.teachers.get(dept) or self.teachers.get("SPED") or next(iter(self.teachers.values()))
        k = self.rr.get(dept, 0)
        self.rr[dept] = k + 1
        return pool[k % len(pool)]

    def next_period(self, sid, span=1):
        p = self.period.get(sid)
        if p is None:
            p = self.rng.randrange(8)
        self.period[sid] = p + span
        first = p % 8 + 1
        return str(first) if span == 1 or first == 8 else f"{first}-{first + 1}"

    def section(self, cc, sec, term, room, days, period, name, staff):
        """staff: [(staff_id, shared flag text)] in position order."""
        code, out = self.code, self.out
        out["sections.csv"].append(f"{code},{cc},{sec},{SCHOOL_YEAR},{term},{room},{days},{period},{name}")
        lines = out["section_teachers.csv"]
        for pos, (sid, shared) in enumerate(staff, 1):
            lines.append(f"{code},{cc},{sec},{sid},{pos},{shared}")

    def staff_for(self, lead, dept, coteach=0.06, shared=0.04):
        """Teachers of a section: the lead plus, sometimes, a co-teacher, a shared teacher, a
        crowd (more than four) or nobody."""
        rng = self.rng
        r = rng.random()
        if r < 0.002:
            return []
        staff = [(lead, rng.choice(SHARED_N))]
        if r < 0.003:
            for extra in range(4):
                sid = self.teacher(dept)[0]
                if all(sid != s for s, _ in staff):
                    staff.append((sid, "N"))
            return staff
        if rng.random() < coteach and self.sped:
            other = self.sped[self.sped_rr % len(self.sped)][0]
            self.sped_rr += 1
            if other != lead:
                staff.append((other, rng.choice(SHARED_N)))
        if rng.random() < shared:
            pool = self.aides if self.aides and rng.random() < 0.6 else None
            helper = rng.choice(pool) if pool else self.teacher(dept)[0]
            if all(helper != s for s, _ in staff):
                entry = (helper, rng.choice(SHARED_Y))
                if rng.random() < 0.2:
                    staff.insert(0, entry)  # a shared teacher listed first (position 1)
                else:
                    staff.append(entry)
        return staff

    def place(self, cc, desc, term, roster, dept, size, days="MTWRF", twin=None, lab=False,
              honors=False):
        """Splits roster (student indices) into sections of about size students."""
        m = len(roster)
        if m == 0:
            return
        rng, stu, code = self.rng, self.stu, self.code
        k = -(-m // size)
        first = self.numbered.get(cc, 0)
        self.numbered[cc] = first + k + 1
        secs = [self.secfmt.format(first + s + 1) for s in range(k)]
        members = [[] for _ in range(k)]
        a = 7919 if m % 7919 else 104729
        b = rng.randrange(m)
        for p, st in enumerate(roster):
            members[((p * a + b) % m) * k // m].append(st)
        se_list = stu.fy if term == "FY" else stu.s1 if term == "S1" else stu.s2
        drop_rate = 0.03 if term != "S2" and k > 1 else 0.0
        default = stu.defaults[term]
        rows = self.out["enrollments.csv"]
        ids = stu.ids
        rnd = rng.random
        for s in range(k):
            sid, room = self.teacher(dept)
            span = 2 if lab and rnd() < 0.15 else 1
            period = self.next_period(sid, span)
            name = ""
            if honors and rnd() < 0.03:
                name = q(f"{desc}, Honors") if rnd() < 0.25 else f"{desc} Honors"
            sec = secs[s]
            self.section(cc, sec, term, room, days, period, name, self.staff_for(sid, dept))
            moved = ()
            if twin and m >= 10 and rnd() < 0.25:
                # Inclusion section: a special-ed course section with the same description, term,
                # meeting days, room and period (one in ten deliberately differs in room).
                twin_room = room if rnd() < 0.9 else "Resource Room"
                lead = self.sped[self.sped_rr % len(self.sped)][0] if self.sped else sid
                self.sped_rr += 1
                self.section(twin, sec, term, twin_room, days, period, "",
                             self.staff_for(lead, "SPED", coteach=0.0))
                iep = [st for st in members[s] if stu.iep[st]]
                moved = set(iep[:6] if len(iep) >= 2 else members[s][:3])
            for st in members[s]:
                se = se_list[st]
                if se is None:
                    continue
                cc_here = twin if st in moved else cc
                if drop_rate and rnd() < drop_rate and se is default and cc_here == cc:
                    drop = self.drops[int(rnd() * len(self.drops))]
                    other = secs[(s + 1) % k]
                    if term == "FY":
                        rows.append(f"{ids[st]},{code},{cc_here},{other},{drop[0]}")
                        se = drop[1]
                    else:
                        rows.append(f"{ids[st]},{code},{cc_here},{other},{drop[2]}")
                        se = drop[3]
                rows.append(f"{ids[st]},{code},{cc_here},{sec},{se}")
        if rng.random() < 0.05:  # a cancelled section nobody is enrolled in
            sid, room = self.teacher(dept)
            self.section(cc, self.secfmt.format(first + k + 1), term, room, days,
                         self.next_period(sid), "", [(sid, "N")])


def class_course(label):
    return "GR" + (label.zfill(2) if label.isdigit() else label)


def gen_elementary(rng, out, code, flags, stu, groups, teachers, homeroom_teachers, aides):
    sch = Scheduler(rng, out, code, flags, stu, teachers, aides)
    light = PLAN.shape["light"]
    class_subject = rng.choice(["Homeroom", "Elementary", "", "Reading"])
    specials = [("MUS", "General Music", ["Music", "Arts and Music"], "MUS", "Music Room"),
                ("EPE", "Physical Education", ["Physical Education", "PE"], "EPE", "Gym")]
    if flags["art"]:
        specials.append(("ART", "Art", ["Art", "Arts and Music"], "ART", "Art Room"))
    if flags["mode"] == "class":
        for label, num, _ in groups:
            desc = {-1: "Pre-Kindergarten", 0: "Kindergarten"}.get(num, f"Grade {num}")
            sch.course(class_course(label), desc, class_subject)
    for cc, desc, subjects, _, _ in specials:
        sch.course(cc, desc, subjects, uf2=rng.choice(("Y", "N", "")), special=None)
    sch.course("LIB", "Library", "Library", uf2="N")
    # Homerooms: consecutive students of a grade group, ~22 each, one teacher each.
    hr_rows = out["homerooms.csv"]
    rows = out["enrollments.csv"]
    ids = stu.ids
    hr_index = 0
    rotation = "ABCDEF" if rng.random() < 0.5 else "MTWRF"
    students_by_num = {}
    for _, gnum, rng_range in stu.by_grade:
        students_by_num.setdefault(gnum, []).extend(rng_range)
    for label, num, count in groups:
        members = students_by_num[num]
        k = -(-count // HOMEROOM_SIZE)
        for h in range(k):
            part = members[h * count // k:(h + 1) * count // k]
            homeroom = f"{label}{h + 1}" if num <= 0 else f"{label}{h + 1:02d}"
            teacher = homeroom_teachers[hr_index]
            hr_index += 1
            for st in part:
                hr_rows.append(f"{ids[st]},{code},{homeroom},{teacher if rng.random() < 0.99 else ''}")
            if flags["mode"] == "class":
                cc = class_course(label)
                sch.section(cc, homeroom, "FY", homeroom, "MTWRF", "HR" if rng.random() < 0.5 else "1", "",
                            sch.staff_for(teacher, "SPED", coteach=0.08, shared=0.05))
                for st in part:
                    if stu.fy[st] is not None:
                        rows.append(f"{ids[st]},{code},{cc},{homeroom},{stu.fy[st]}")
            elif num >= 0:
                for n_special, (cc, _, _, dept, room) in enumerate(specials):
                    if light and n_special != h % len(specials):
                        continue  # one special per homeroom, rotating, so each still has sections
                    sid = sch.teacher(dept)[0]
                    day = rotation[(h + n_special) % len(rotation)]
                    sch.section(cc, homeroom, "FY", room, day, str(1 + (h + 2 * n_special) % 6), "",
                                sch.staff_for(sid, dept, coteach=0.0, shared=0.03))
                    for st in part:
                        if stu.fy[st] is not None:
                            rows.append(f"{ids[st]},{code},{cc},{homeroom},{stu.fy[st]}")


MIDDLE_CORE = {
    g: [(f"0{g}10", f"Math {g}", ["Mathematics", "Math", "math"], "MATH", f"0{g}15"),
        (f"0{g}20", f"ELA {g}", ["ELA", "Language Arts", "English"], "ENG", f"0{g}25"),
        (f"0{g}30", f"Science {g}", ["Science", "science", "SCIENCE"], "SCI", None),
        (f"0{g}40", {6: "World Cultures", 7: "Social Studies 7", 8: "U.S. History I"}[g],
         ["Social Studies", "Geography", "History"], "SS", None)]
    for g in (6, 7, 8)
}
HIGH_CORE = {
    9: [("ALG1", "Algebra I", ["Algebra", "Math"], "MATH", "ALG1I"),
        ("ENG9", "English 9", ["English"], "ENG", "ENG9I"),
        ("BIO", "Biology", ["Biology"], "SCI", None),
        ("WHIST", "World History", ["History", "Social Studies"], "SS", None)],
    10: [("GEO", "Geometry", ["Geometry"], "MATH", "GEOI"),
         ("ENG10", "English 10", ["Literature", "English"], "ENG", "ENG10I"),
         ("CHEM", "Chemistry", ["Chemistry"], "SCI", None),
         ("USH1", "U.S. History I", ["Social Studies"], "SS", None)],
    11: [("ALG2", "Algebra II", ["Algebra", "Math"], "MATH", "ALG2I"),
         ("ENG11", "English 11: American Literature", ["english"], "ENG", "ENG11I"),
         ("PHYS", "Physics", ["Physics"], "SCI", None),
         ("USH2", "U.S. History II", ["History"], "SS", None)],
    12: [("PREC", "Pre-Calculus", ["Mathematics"], "MATH", None),
         ("ENG12", "English 12", ["Writing", "English"], "ENG", "ENG12I"),
         ("ENVS", "Environmental Science", ["Science"], "SCI", None),
         ("CIVE", "Civics & Economics", ["Civics", "Economics"], "SS", None)],
}
HIGH_CALC = ("CALC", "AP Calculus AB", ["Calculus"], "MATH", None)
# (code, description, subjects, dept, weight, meeting days)
MIDDLE_LANGS = [("0790", "Spanish", ["World Language", "Spanish"], "WL", 70, "MTWRF"),
                ("0791", "French", ["French"], "WL", 25, "MTWRF"),
                ("0792", "Mandarin Chinese", ["Chinese"], "WL", 5, "MTWRF")]
MIDDLE_ELECTIVES = [("0750", "Band", ["Band"], "ARTS", 20, "A"),
                    ("0751", "Chorus", ["Chorus"], "ARTS", 15, "B"),
                    ("0752", "Art", ["Art", "Arts and Music"], "ARTS", 25, "MTWRF"),
                    ("0753", "Technology", ["Technology"], "TECH", 20, "MTWRF"),
                    ("0754", "Digital Media", ["Computer Science"], "TECH", 10, "MTWRF"),
                    ("0755", "Theater", ["Theater"], "ARTS", 10, "MWF")]
HIGH_LANG_FAMILIES = [("SPAN", "Spanish", ["Spanish", "World Language"], 3, 60),
                      ("FREN", "French", ["French"], 3, 22), ("ITAL", "Italian", ["Italian"], 2, 8),
                      ("LAT", "Latin", ["Latin"], 2, 5), ("CHIN", "Chinese", ["Chinese"], 2, 5)]
HIGH_ELECTIVES = [("ART", "Studio Art", ["Art"], "ARTS", 15, "MTWRF"),
                  ("BAND", "Concert Band", ["Band"], "ARTS", 10, "A"),
                  ("CHOR", "Chorus", ["Chorus"], "ARTS", 8, "B"),
                  ("THEA", "Theater Arts", ["Drama", "Theater"], "ARTS", 6, "MTWRF"),
                  ("CS1", "Intro to Computer Science", ["Computer Science"], "TECH", 12, "MTWRF"),
                  ("ENGR", "Engineering Design", ["Technology and Engineering", "Engineering"], "TECH", 8, "MTWRF"),
                  ("DRV", "Driver Education", ["Driver Ed"], "PE", 8, "MWF"),
                  ("STDY", "Study Hall", [""], "SS", 12, "MTWRF"),
                  ("MLAB", "Math Lab", ["Intervention"], "MATH", 6, "TR"),
                  ("ONL", "Online Learning Lab", ["Online Learning"], "TECH", 5, "MTWRF"),
                  ("PSY", "Psychology", ["Psychology"], "SS", 6, "MTWRF"),
                  ("FIN", "Personal Finance", ["Economics"], "SS", 4, "MTWRF")]
ROMAN = ["I", "II", "III"]


def gen_secondary(rng, out, code, level, flags, stu, teachers, aides):
    sch = Scheduler(rng, out, code, flags, stu, teachers, aides)
    high = level == "HIGH"
    size = rng.randint(23, 27)
    choices = rng.choices
    rnd = rng.random
    # Catalog.
    core = HIGH_CORE if high else MIDDLE_CORE
    for g in sorted(core):
        for cc, desc, subjects, _, twin in core[g] + ([HIGH_CALC] if high and g == 12 else []):
            sch.course(cc, desc, subjects)
            if twin:
                sch.course(twin, desc, subjects, special=True)
    if high:
        langs = []
        for fam, name, subjects, levels, weight in HIGH_LANG_FAMILIES:
            for lv in range(1, levels + 1):
                sch.course(f"{fam}{lv}", f"{name} {ROMAN[lv - 1]}", subjects)
            langs.append((fam, name, levels, weight))
        electives = HIGH_ELECTIVES
        health, pe = ("HLTH", "Health", ["Health"]), ("PE", "Physical Education", ["PE", "Physical Education/Health"])
        esl, res = ("ESL", "ESL Support", ["ESL"]), ("RES", "Resource Room", [""])
    else:
        for cc, desc, subjects, _, _, _ in MIDDLE_LANGS:
            sch.course(cc, desc, subjects)
        electives = MIDDLE_ELECTIVES
        health, pe = ("0770", "Health", ["Health", "PE"]), ("0771", "Physical Education", ["Physical Education", "PE"])
        esl, res = ("0795", "ESL Support", ["ESL"]), ("0780", "Study Skills", ["", "Resource"])
    for cc, desc, subjects, _, _, _ in electives:
        sch.course(cc, desc, subjects, uf2=rng.choice(("Y", "N", "1")))
    sch.course(*health, uf2="N")
    sch.course(*pe, uf2="N")
    sch.course(*esl, uf2="N")
    sch.course(res[0], res[1], res[2], uf2="N", special=True)
    sch.course("HR" if high else "0760", "Homeroom" if high else "Advisory",
               "Homeroom" if high else "Advisory", uf2="N")

    # Rosters: (course, term) -> student indices. Every student: 4 core + language (or resource)
    # + elective (or ESL) full-year, and Health / PE in opposite semesters: 7 active on 10/15.
    # The light shape: 2 core + one of those for half the students: 2.5 active, a third the rows.
    rosters = {}
    order = []
    light = PLAN.shape["light"]

    def roster(key, spec):
        r = rosters.get(key)
        if r is None:
            r = rosters[key] = []
            order.append((key, spec))
        return r

    def core_course(g, spec, group):
        cc = spec[0]
        if high and g == 12 and cc == "PREC":  # 30% take AP Calculus instead
            calc = roster((HIGH_CALC[0], "FY"), HIGH_CALC)
            prec = roster((cc, "FY"), spec)
            for st in group:
                (calc if rnd() < 0.3 else prec).append(st)
        else:
            roster((cc, "FY"), spec).extend(group)

    def language(g, st, lang):
        if stu.iep[st] and rnd() < 0.4:
            roster((res[0], "FY"), (res[0], res[1], None, "SPED", None)).append(st)
        elif high:
            fam, name, levels, _ = lang
            lv = max(1, min(levels, g - 8 - (1 if rnd() < 0.3 else 0)))
            cc = f"{fam}{lv}"
            roster((cc, "FY"), (cc, f"{name} {ROMAN[lv - 1]}", None, "WL", None)).append(st)
        else:
            roster((lang[0], "FY"), (lang[0], lang[1], None, "WL", None)).append(st)

    def elective(st, elect):
        if stu.ell[st] and rnd() < 0.7:
            roster((esl[0], "FY"), (esl[0], esl[1], None, "ESL", None)).append(st)
        else:
            roster((elect[0], "FY"), (elect[0], elect[1], elect[5], elect[3], None)).append(st)

    def semesters(st):
        first, second = (health, pe) if rnd() < 0.5 else (pe, health)
        roster((first[0], "S1"), (first[0], first[1], None, "PE", None)).append(st)
        roster((second[0], "S2"), (second[0], second[1], None, "PE", None)).append(st)

    elective_pool = [e for e in electives for _ in range(e[4])]
    if high:
        lang_pool = [l for l in langs for _ in range(l[3])]
    else:
        lang_pool = [l for l in MIDDLE_LANGS for _ in range(l[4])]
    for gcode, gnum, members in stu.by_grade:
        g = min(12, gnum)
        if not members:
            continue
        if not light:
            for spec in core[g]:
                core_course(g, spec, members)
        for st, lang, elect in zip(members, choices(lang_pool, k=len(members)),
                                   choices(elective_pool, k=len(members))):
            if light:  # two neighbouring core courses, so every core course keeps half a grade
                c = int(rnd() * len(core[g]))
                core_course(g, core[g][c], (st,))
                core_course(g, core[g][(c + 1) % len(core[g])], (st,))
                r = rnd()
                if r < 0.35:
                    language(g, st, lang)
                elif r < 0.5:
                    semesters(st)
                continue
            language(g, st, lang)
            elective(st, elect)
            semesters(st)

    for (cc, term), spec in order:
        desc, dept, twin = spec[1], spec[3], spec[4]
        days = spec[2] if isinstance(spec[2], str) else "MWF" if dept == "PE" and rnd() < 0.3 else "MTWRF"
        target = {"PE": 28, "ESL": 15, "SPED": 12}.get(dept, size)
        sch.place(cc, desc, term, rosters[(cc, term)], dept, target, days=days, twin=twin,
                  lab=dept == "SCI" and high, honors=high and dept in ("ENG", "MATH", "SCI", "SS"))


# ---------------------------------------------------------------------------------------------

def gen_batch(units):
    parts = [gen_unit(i) for i in units]
    return [b"".join(p[f] for p in parts) for f in range(len(NAMES))]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, required=True, help="number of students (N >= 1)")
    parser.add_argument("--out", required=True, help="folder to write the 15 CSV files into")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--shape", choices=list(SHAPES), default="standard",
                        help="district proportions (default standard); contact-heavy: ~4 guardians "
                             "per student, a third of the enrollments, students.csv twice as wide")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes (default: all cores; 1 = no workers); output is the same")
    args = parser.parse_args(argv)
    if args.students < 1:
        parser.error("--students must be at least 1")
    global PLAN
    PLAN = Plan(args.students, args.seed, args.shape)
    units = list(range(len(PLAN.codes) + 1))  # schools, pre-registration school, district office
    per_batch = max(1, len(units) // (max(1, args.jobs) * 16))
    batches = [units[k:k + per_batch] for k in range(0, len(units), per_batch)]
    os.makedirs(args.out, exist_ok=True)
    handles = [open(os.path.join(args.out, name), "wb", buffering=1 << 20) for name in NAMES]
    rows = [0] * len(NAMES)
    try:
        for handle, name in zip(handles, NAMES):
            handle.write((FILES[name] + "\n").encode())
        if args.jobs > 1:
            with Pool(args.jobs) as pool:
                results = pool.imap(gen_batch, batches)
                for result in results:
                    for f, data in enumerate(result):
                        handles[f].write(data)
                        rows[f] += data.count(b"\n")
        else:
            for batch in batches:
                for f, data in enumerate(gen_batch(batch)):
                    handles[f].write(data)
                    rows[f] += data.count(b"\n")
    finally:
        for handle in handles:
            handle.close()
    seconds = time.monotonic() - STARTED
    summary = ", ".join(f"{name[:-4]} {count}" for name, count in zip(NAMES, rows))
    print(f"generate-district: {args.students} students ({args.shape}), {len(PLAN.codes)} schools -> "
          f"{args.out}: {summary} ({seconds:.1f} s)")


if __name__ == "__main__":
    main()
