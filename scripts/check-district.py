#!/usr/bin/env python3
"""Checks a generated SIS extract: headers, keys and references, and prints its shape.

    python3 scripts/check-district.py DIR [--as-of 2026-10-15]

Exit 0 when every check passes, 1 otherwise (the first problems of each kind are printed).
Reads with the csv module, so it also proves the files parse as RFC 4180 with one field per column.
"""

import argparse
import collections
import csv
import datetime as dt
import os
import sys

KEYS = {
    "schools.csv": ["school_code"],
    "students.csv": ["student_id"],
    "staff.csv": ["staff_id"],
    "staff_schools.csv": ["staff_id", "school_code"],
    "courses.csv": ["school_code", "course_code"],
    "sections.csv": ["school_code", "course_code", "section"],
    "section_teachers.csv": ["school_code", "course_code", "section", "staff_id"],
    "terms.csv": ["school_code", "term_code"],
    "enrollments.csv": ["student_id", "school_code", "course_code", "section"],
    "guardians.csv": ["student_id", "guardian_number"],
    "homerooms.csv": ["student_id"],
    "staff_roles.csv": ["staff_id", "role"],
    "student_user_texts.csv": ["student_id", "field"],
    "staff_user_texts.csv": ["staff_id", "field"],
    "student_gpas.csv": ["student_id", "gpa_type"],
}
REQUIRED = {
    "schools.csv": ["name"], "students.csv": ["school_code", "last_name", "first_name", "grade_level"],
    "staff.csv": ["last_name", "first_name"], "courses.csv": ["description"],
    "sections.csv": ["school_year", "term_code"], "section_teachers.csv": ["position"],
    "terms.csv": ["name", "start_date", "end_date"], "guardians.csv": ["name"],
    "homerooms.csv": ["school_code", "homeroom"], "student_user_texts.csv": ["value"],
    "staff_user_texts.csv": ["value"], "student_gpas.csv": ["value"],
}


def parse_date(text):
    text = text.strip()
    if not text:
        return None
    try:
        if len(text) == 10 and text[4] == "-":
            return dt.date.fromisoformat(text)
        if len(text) == 10 and text[2] == "/":
            return dt.date(int(text[6:]), int(text[:2]), int(text[3:5]))
    except ValueError:
        pass
    return "bad"


def flag(text):
    return text.strip().lower() in ("y", "1", "true")


class Problems:
    def __init__(self):
        self.counts = collections.Counter()
        self.examples = collections.defaultdict(list)

    def add(self, kind, detail):
        self.counts[kind] += 1
        if len(self.examples[kind]) < 5:
            self.examples[kind].append(detail)


def read(folder, name, problems):
    """Yields the rows of one file as dicts, checking header, field counts and key uniqueness."""
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        problems.add("missing file", name)
        return
    seen = set()
    key_cols = None
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = [h.strip().lower() for h in next(reader)]
        for col in KEYS[name] + REQUIRED.get(name, []):
            if col not in header:
                problems.add("missing column", f"{name}: {col}")
                return
        key_cols = [header.index(c) for c in KEYS[name]]
        for line_no, fields in enumerate(reader, 2):
            if len(fields) != len(header):
                problems.add("field count", f"{name}:{line_no}: {len(fields)} fields")
                continue
            key = "\x1f".join(fields[c] for c in key_cols)
            if key in seen:
                problems.add("duplicate key", f"{name}:{line_no}: {key!r}")
            seen.add(key)
            yield dict(zip(header, fields))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir")
    parser.add_argument("--as-of", default="2026-10-15")
    args = parser.parse_args()
    as_of = dt.date.fromisoformat(args.as_of)
    p = Problems()

    def rows(name):
        return read(args.dir, name, p)

    def ref(name, row, what, ok):
        if not ok:
            p.add(f"{name}: unknown {what}", {k: row[k] for k in KEYS[name]})

    # The small files, kept in memory.
    schools = {r["school_code"]: r for r in rows("schools.csv")}
    students, level_of, active_students = set(), {}, set()
    for r in rows("students.csv"):
        students.add(r["student_id"])
        level_of[r["student_id"]] = schools.get(r["school_code"], {}).get("level", "?")
        if (r["status"].strip().upper() or "ACTIVE") == "ACTIVE":
            active_students.add(r["student_id"])
        ref("students.csv", r, "school", r["school_code"] in schools)
        t = r["transcript_school_code"]
        ref("students.csv", r, "transcript school", not t or t in schools)
    staff = {r["staff_id"]: r for r in rows("staff.csv")}
    courses = {}
    for r in rows("courses.csv"):
        courses[(r["school_code"], r["course_code"])] = r
        ref("courses.csv", r, "school", r["school_code"] in schools)
    terms = set()
    for r in rows("terms.csv"):
        terms.add((r["school_code"], r["term_code"]))
        ref("terms.csv", r, "school", r["school_code"] in schools)
    sections = {}
    for r in rows("sections.csv"):
        sections[(r["school_code"], r["course_code"], r["section"])] = r
        ref("sections.csv", r, "course", (r["school_code"], r["course_code"]) in courses)
        ref("sections.csv", r, "term", (r["school_code"], r["term_code"]) in terms)
    teachers_of = collections.defaultdict(list)
    for r in rows("section_teachers.csv"):
        teachers_of[(r["school_code"], r["course_code"], r["section"])].append(flag(r["shared"]))
        ref("section_teachers.csv", r, "section", (r["school_code"], r["course_code"], r["section"]) in sections)
        ref("section_teachers.csv", r, "staff", r["staff_id"] in staff)
    schools_of, primaries = collections.Counter(), collections.Counter()
    for r in rows("staff_schools.csv"):
        schools_of[r["staff_id"]] += 1
        primaries[r["staff_id"]] += flag(r["is_primary"])
        ref("staff_schools.csv", r, "staff", r["staff_id"] in staff)
        ref("staff_schools.csv", r, "school", r["school_code"] in schools)
    for sid, count in primaries.items():
        if count > 1:
            p.add("staff with two primary schools", sid)
    for name in ("staff_roles.csv", "staff_user_texts.csv"):
        for r in rows(name):
            ref(name, r, "staff", r["staff_id"] in staff)

    # The big files, streamed.
    guardians, custody, guardian_students = 0, 0, set()
    for r in rows("guardians.csv"):
        guardians += 1
        custody += flag(r["custody_issue"])
        guardian_students.add(r["student_id"])
        ref("guardians.csv", r, "student", r["student_id"] in students)
    for name in ("student_user_texts.csv", "student_gpas.csv"):
        for r in rows(name):
            ref(name, r, "student", r["student_id"] in students)
    for r in rows("homerooms.csv"):
        ref("homerooms.csv", r, "student", r["student_id"] in students)
        ref("homerooms.csv", r, "school", r["school_code"] in schools)
        ref("homerooms.csv", r, "staff", not r["staff_id"] or r["staff_id"] in staff)
    active_counts = collections.Counter()
    section_sizes = collections.Counter()
    enrollments = dropped = future = 0
    for r in rows("enrollments.csv"):
        enrollments += 1
        key = (r["school_code"], r["course_code"], r["section"])
        ref("enrollments.csv", r, "student", r["student_id"] in students)
        ref("enrollments.csv", r, "section", key in sections)
        start, end = parse_date(r["start_date"]), parse_date(r["end_date"])
        ref("enrollments.csv", r, "date", "bad" not in (start, end))
        if end is not None and end != "bad" and end < as_of:
            dropped += 1
        elif start is not None and start != "bad" and start > as_of:
            future += 1
        elif r["student_id"] in active_students:
            active_counts[r["student_id"]] += 1
            section_sizes[key] += 1

    # Shape.
    per_level = collections.defaultdict(list)
    for s in active_students:
        per_level[level_of[s]].append(active_counts.get(s, 0))
    cotaught = sum(1 for v in teachers_of.values() if v.count(False) >= 2)
    shared = sum(1 for v in teachers_of.values() if any(v))
    crowded = sum(1 for v in teachers_of.values() if v.count(False) > 4)
    untaught = sum(1 for k in sections if k not in teachers_of)
    match = collections.defaultdict(list)
    for r in sections.values():
        c = courses.get((r["school_code"], r["course_code"]))
        if c is None:
            continue
        key = (r["school_code"], r["term_code"], c["description"].strip().lower(), r["meeting_days"],
               r["room"], r["print_period"])
        if all(key):
            match[key].append(flag(c["is_special_ed"]))
    inclusion = sum(v.count(True) for v in match.values() if True in v and False in v)
    special_sections = sum(1 for r in sections.values()
                           if flag(courses.get((r["school_code"], r["course_code"]), {}).get("is_special_ed", "")))
    levels = collections.Counter(r["level"] for r in schools.values())
    inactive_staff = sum(1 for r in staff.values() if r["status"].strip().upper() == "INACTIVE")
    teachers = sum(1 for r in staff.values() if flag(r["is_teacher"]))
    written = list(section_sizes.values())

    def stats(values):
        if not values:
            return "-"
        return f"mean {sum(values) / len(values):.2f}, min {min(values)}, max {max(values)}"

    print(f"{args.dir}: {len(schools)} schools ({', '.join(f'{k} {v}' for k, v in sorted(levels.items()))}), "
          f"{len(students)} students ({len(students) - len(active_students)} inactive), {len(staff)} staff "
          f"({teachers} teachers, {inactive_staff} inactive, {sum(1 for v in schools_of.values() if v > 1)} at 2+ schools)")
    for lv in sorted(per_level):
        print(f"  active enrollments per active {lv} student on {as_of}: {stats(per_level[lv])}")
    print(f"  enrollments: {enrollments} rows, {dropped} ended before {as_of} "
          f"({100 * dropped / max(1, enrollments):.1f}%), {future} starting later")
    print(f"  sections: {len(sections)}, {len(written)} with active students ({stats(written)}); "
          f"co-taught {cotaught}, with a shared teacher {shared}, >4 teachers {crowded}, no teacher {untaught}")
    print(f"  inclusion: {special_sections} special-ed sections, {inclusion} match a regular section")
    print(f"  guardians: {guardians} ({guardians / max(1, len(students)):.2f} per student, "
          f"{len(students) - len(guardian_students)} students without), {custody} custody issues")
    if p.counts:
        for kind, count in sorted(p.counts.items()):
            print(f"PROBLEM {kind}: {count}  e.g. {p.examples[kind][:3]}")
        sys.exit(1)
    print("OK: headers, keys and references valid")


if __name__ == "__main__":
    main()
