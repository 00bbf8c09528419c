"""Build tests/data/eval/dedup_pairs.jsonl from the bundled LinkedIn sample (seeded)."""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import json
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[4]
SAMPLE = ROOT / "data/postings/linkedin_2023_2024/postings_sample_1000.csv"
OUT = ROOT / "tests/data/eval/dedup_pairs.jsonl"
MAX_CHARS = 1500
BASE_CHARS = 1200  # constructed variants start from a shorter base so additions fit
rng = random.Random(20240405)

df = pl.read_csv(SAMPLE, infer_schema_length=0)
rows = df.to_dicts()
for r in rows:
    r["date"] = dt.datetime.fromtimestamp(float(r["listed_time"]) / 1000, dt.UTC).date()
    r["company_name"] = (r["company_name"] or "").strip() or None


def truncate(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    return cut[: space if space > limit * 0.8 else limit].rstrip()


def side(
    r: dict,
    *,
    description: str | None = None,
    date: dt.date | None = None,
    title: str | None = None,
    company: str | bool | None = False,
    constructed: bool = False,
    limit: int = MAX_CHARS,
) -> dict:
    text = truncate(r["description"], limit) if description is None else description
    assert len(text) <= MAX_CHARS, len(text)
    return {
        "title": r["title"] if title is None else title,
        "company": r["company_name"] if company is False else company,
        "description": text,
        "posted_date": (date or r["date"]).isoformat(),
        "source": ("constructed from " if constructed else "") + f"linkedin:{r['job_id']}",
    }


def norm_title(t: str) -> str:
    return " ".join(re.findall(r"\w+", t.casefold()))


def norm_company(c: str | None) -> str:
    words = re.findall(r"\w+", (c or "").casefold())
    while len(words) > 1 and words[-1] in {"inc", "llc", "ltd", "corp", "co", "group", "company"}:
        words.pop()
    return " ".join(words)


def title_sim(a: str, b: str) -> float:
    x, y = set(norm_title(a).split()), set(norm_title(b).split())
    return len(x & y) / len(x | y) if x | y else 0.0


def changed_fraction(a: str, b: str) -> float:
    wa, wb = a.split(), b.split()
    return 1 - difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()


# ---------------------------------------------------------------- pools from the real sample
SENT = re.compile(r"(?<=[.!?])\s*(?=[A-Z])")
EEO_WORDS = re.compile(r"equal (employment )?opportunit|without regard to", re.I)
eeo_pool = []
for r in rows:
    sents = SENT.split(r["description"])
    for i, s in enumerate(sents):
        if EEO_WORDS.search(s):
            stmt = " ".join(sents[i : i + 2]).strip()
            if 80 <= len(stmt) <= 420 and "\n" not in stmt:
                eeo_pool.append(stmt)
            break
eeo_pool = sorted(set(eeo_pool))

SYNONYMS = [
    ("responsible for", "in charge of"),
    ("must have", "should have"),
    ("ability to", "able to"),
    ("experience", "background"),
    ("strong", "solid"),
    ("excellent", "outstanding"),
    ("candidate", "applicant"),
    ("including", "such as"),
    ("required", "needed"),
    ("preferred", "a plus"),
    ("assist", "support"),
    ("ensure", "make sure"),
    ("team", "group"),
    ("customers", "clients"),
    ("work closely", "collaborate closely"),
    ("knowledge of", "familiarity with"),
    ("provide", "deliver"),
    ("manage", "oversee"),
    ("skills", "abilities"),
    ("help", "support"),
    ("looking for", "seeking"),
]
EXTRA_SENTENCES = [
    "This is a hybrid role with two days per week in the office.",
    "Immediate start available for the right person.",
    "Please include a short cover letter with your application.",
    "We review applications on a rolling basis.",
    "Relocation assistance may be available.",
    "Only candidates authorised to work in the US will be considered.",
]


def _bump(m: re.Match[str]) -> str:
    digits = re.sub(r"[^\d.]", "", m.group())
    value = float(digits) * rng.uniform(1.04, 1.15)
    k = m.group().rstrip().endswith(("k", "K"))
    if value >= 1000 and not k:
        return f"${round(value, -3):,.0f}"
    return f"${value:.0f}" + ("K" if k else "") if value >= 100 or k else f"${value:.2f}"


MONEY = r"\$\s?\d[\d,]*(?:\.\d+)?(?:\s?[kK])?"


def op_salary(a: str, b: str) -> tuple[str, str, str]:
    if re.search(MONEY, b):
        return a, re.sub(MONEY, _bump, b), "salary figures changed"
    low = rng.randrange(18, 60)
    line = rng.choice(
        [
            f"Pay: ${low}.00 - ${low + rng.randrange(3, 12)}.00 per hour",
            f"Salary range: ${low * 2}K-${low * 2 + rng.randrange(10, 40)}K per year",
            f"Compensation: ${low * 2000:,} to ${(low * 2 + rng.randrange(10, 40)) * 1000:,} annually",
        ]
    )
    if rng.random() < 0.5:
        return a, b.rstrip() + "\n" + line, "salary line added"
    new = re.sub(MONEY, _bump, line)
    return a.rstrip() + "\n" + line, b.rstrip() + "\n" + new, "salary line changed"


def split_units(text: str) -> tuple[list[str], str]:
    lines = [x for x in text.split("\n")]
    if sum(1 for x in lines if x.strip()) >= 6:
        return lines, "\n"
    return SENT.split(text), " "


def op_reorder(text: str) -> tuple[str, str] | None:
    units, sep = split_units(text)
    idx = [i for i, u in enumerate(units) if 3 <= len(u.split()) <= 25]
    if len(idx) < 3:
        return None
    i = rng.choice(idx[:-1])
    j = idx[idx.index(i) + 1]
    units[i], units[j] = units[j], units[i]
    return sep.join(units), "two bullets/sentences swapped"


def op_eeo_add(text: str) -> tuple[str, str] | None:
    if EEO_WORDS.search(text):
        return None
    return text.rstrip() + "\n" + rng.choice(
        eeo_pool
    ), "EEO statement (from another real posting) added"


def op_eeo_remove(a: str) -> tuple[str, str] | None:
    """The earlier version ends with an EEO statement that the repost drops."""
    if EEO_WORDS.search(a):
        return None
    return a.rstrip() + "\n" + rng.choice(
        eeo_pool
    ), "EEO statement (from another real posting) removed"


def typo(word: str) -> str:
    i = rng.randrange(1, len(word) - 2)
    kind = rng.choice(["swap", "drop", "double"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def op_typos(text: str) -> tuple[str, str] | None:
    words = list(re.finditer(r"\b[a-z]{6,}\b", text))
    if len(words) < 5:
        return None
    n = rng.randint(1, 3)
    chosen = sorted(rng.sample(words, n), key=lambda m: m.start(), reverse=True)
    for m in chosen:
        text = text[: m.start()] + typo(m.group()) + text[m.end() :]
    return text, f"{n} typo(s)"


def op_date(text: str, date: dt.date) -> tuple[str, str]:
    new = date + dt.timedelta(days=rng.randrange(7, 40))
    phrase = rng.choice(["Start date", "Apply by", "Posted", "Interviews begin"])
    return text.rstrip() + f"\n{phrase}: {new:%B} {new.day}, {new.year}", "date line added"


def op_reword(text: str) -> tuple[str, str] | None:
    hits = [(a, b) for a, b in SYNONYMS if re.search(rf"\b{a}\b", text, re.I)]
    if len(hits) < 2:
        return None
    chosen = rng.sample(hits, min(len(hits), rng.randint(2, 4)))
    for a, b in chosen:
        text = re.sub(rf"\b{a}\b", b, text, count=1, flags=re.I)
    return text, f"{len(chosen)} phrase(s) reworded"


def op_sentence(text: str) -> tuple[str, str]:
    units, sep = split_units(text)
    i = rng.randrange(1, len(units)) if len(units) > 1 else 1
    units.insert(i, rng.choice(EXTRA_SENTENCES))
    return sep.join(units), "sentence inserted"


OPS = ["salary", "reorder", "eeo_add", "eeo_remove", "typos", "date", "reword", "sentence"]


def edit(text: str, date: dt.date, lo: float, hi: float) -> tuple[str, str, list[str]] | None:
    """b text, a text (typos go into the earlier version a) and the edits made."""
    for _ in range(40):
        ops = rng.sample(OPS, rng.randint(2, 4))
        if "eeo_add" in ops and "eeo_remove" in ops:
            continue
        a, b, notes = text, text, []
        for op in ops:
            if op == "typos":
                res = op_typos(a)
                if res:
                    a, note = res
                    notes.append(note + " in the earlier version, fixed in the repost")
                continue
            if op == "eeo_remove":
                res = op_eeo_remove(a)
                if res:
                    a, note = res
                    notes.append(note)
                continue
            if op == "salary":
                a, b, note = op_salary(a, b)
                notes.append(note)
                continue
            res = {
                "reorder": lambda: op_reorder(b),
                "eeo_add": lambda: op_eeo_add(b),
                "date": lambda: op_date(b, date),
                "reword": lambda: op_reword(b),
                "sentence": lambda: op_sentence(b),
            }[op]()
            if res:
                b, note = res
                notes.append(note)
        if len(notes) < 2 or max(len(a), len(b)) > MAX_CHARS:
            continue
        if lo <= changed_fraction(a, b) <= hi:
            return a, b, notes
    return None


def title_variant(title: str) -> tuple[str, str] | None:
    options = []
    if re.search(r"\bSenior\b", title):
        options.append((title.replace("Senior", "Sr.", 1), "title: Senior → Sr."))
    if re.search(r"\bSr\.?\b", title):
        options.append((re.sub(r"\bSr\.?", "Senior", title, count=1), "title: Sr. → Senior"))
    options.append((title + rng.choice([" - Hybrid", " (Remote)", " - Full Time"]), "title suffix"))
    return rng.choice(options)


# ---------------------------------------------------------------- pair builders
pairs: list[dict] = []


def add(kind: str, a: dict, b: dict, duplicate: bool, origin: str, note: str) -> None:
    pairs.append(
        {
            "id": "",
            "a": a,
            "b": b,
            "duplicate": duplicate,
            "kind": kind,
            "origin": origin,
            "note": note,
        }
    )


by_id = {r["job_id"]: r for r in rows}
used: Counter[str] = Counter()

# real exact copies: identical text and company, listed for different locations
groups = defaultdict(list)
for r in rows:
    groups[(r["company_name"], r["title"], r["description"])].append(r)
for key, members in sorted(groups.items(), key=lambda kv: kv[1][0]["job_id"]):
    if len(members) > 1 and key[0]:
        for x, y in itertools.combinations(members, 2):
            add(
                "exact_copy",
                side(x),
                side(y),
                True,
                "real",
                f"identical postings for {x['location']} and {y['location']}",
            )
            used[x["job_id"]] += 1
            used[y["job_id"]] += 1

# real near-duplicate repost (same company and role, text edited)
ev = [r for r in rows if r["company_name"] == "Everise"]
add(
    "edited_repost",
    side(ev[0]),
    side(ev[1]),
    True,
    "real",
    "same company and role, posted 8 days apart; title wording and spacing differ (closing sentences cut by the 1,500-character truncation)",
)

eligible = [
    r
    for r in rows
    if r["company_name"]
    and len(r["description"]) >= 400
    and used[r["job_id"]] == 0
    and r["job_id"] not in {x["job_id"] for x in ev}
]
rng.shuffle(eligible)
pool = iter(eligible)

# constructed exact copies: same text, reposted 0–30 days later; some with formatting noise
for n in range(45):
    r = next(pool)
    base = truncate(r["description"], BASE_CHARS)
    days = rng.randrange(0, 31)
    b_text, note = base, f"identical text, second copy {days} days later"
    if n % 3 == 1:
        b_text = re.sub(r" ", "  ", base, count=5).replace("\n", "\n\n", 2) + "\n"
        note += "; whitespace differs"
    elif n % 3 == 2:
        tag = rng.choice(
            [
                "#LI-Remote",
                "#LI-Hybrid",
                "#LI-DNI",
                f"Job ID: R{rng.randrange(10**5, 10**6)}",
                f"Apply at https://careers.example.com/jobs/{rng.randrange(10**6, 10**7)}?src=li",
            ]
        )
        b_text = base.rstrip() + "\n" + tag
        note += f"; tracking id or URL appended ({tag.split(':')[0].split('/')[0]})"
    add(
        "exact_copy",
        side(r, description=base, constructed=True),
        side(r, description=b_text, date=r["date"] + dt.timedelta(days=days), constructed=True),
        True,
        "constructed",
        note,
    )

# constructed edited reposts: 5–15% of words changed, 1–55 days later
made = 0
while made < 79:
    r = next(pool)
    base = truncate(r["description"], BASE_CHARS)
    res = edit(base, r["date"], 0.05, 0.15)
    if res is None:
        continue
    a_text, b_text, notes = res
    days = rng.randrange(1, 56)
    title_b, company_b = r["title"], r["company_name"]
    if made % 10 == 3:
        tv = title_variant(r["title"])
        if tv:
            title_b, tnote = tv
            notes.append(tnote)
    elif made % 10 == 7:
        company_b = None
        notes.append("company missing in the repost")
    elif made % 10 == 9:
        company_b = r["company_name"] + rng.choice([", Inc.", " LLC", " Inc"])
        notes.append("legal suffix added to the company name")
    frac = changed_fraction(a_text, b_text)
    add(
        "edited_repost",
        side(r, description=a_text, constructed=True),
        side(
            r,
            description=b_text,
            date=r["date"] + dt.timedelta(days=days),
            title=title_b,
            company=company_b,
            constructed=True,
        ),
        True,
        "constructed",
        f"{'; '.join(notes)}; {frac:.0%} of words changed; {days} days later",
    )
    made += 1

# constructed stale reposts: same or lightly edited text more than 60 days later
made = 0
while made < 40:
    r = next(pool)
    base = truncate(r["description"], BASE_CHARS)
    days = rng.choice([61, 62, 65, 70, 75, 90, 100, 120, 150, 180, 240])
    if made % 2 == 0:
        a_text, b_text, note = base, base, "identical text"
    else:
        res = edit(base, r["date"], 0.0, 0.10)
        if res is None:
            continue
        a_text, b_text, notes = res
        note = "; ".join(notes)
    add(
        "stale_repost",
        side(r, description=a_text, constructed=True),
        side(r, description=b_text, date=r["date"] + dt.timedelta(days=days), constructed=True),
        False,
        "constructed",
        f"{note}; reposted {days} days later (outside the 60-day window)",
    )
    made += 1

# real: same or near-same title at different companies
AGGREGATORS = {"the job network"}
cands = []
for x, y in itertools.combinations(rows, 2):
    if not x["company_name"] or not y["company_name"]:
        continue
    if norm_company(x["company_name"]) == norm_company(y["company_name"]):
        continue
    if {norm_company(x["company_name"]), norm_company(y["company_name"])} & AGGREGATORS:
        continue
    tx, ty = norm_title(x["title"]), norm_title(y["title"])
    if tx == ty:
        cands.append((0, x, y, "equal titles"))
    elif title_sim(x["title"], y["title"]) >= 0.6 or (
        len(tx.split()) >= 2
        and len(ty.split()) >= 2
        and (f" {tx} " in f" {ty} " or f" {ty} " in f" {tx} ")
    ):
        cands.append((1, x, y, "near-equal titles"))
equal = [c for c in cands if c[0] == 0]
near = [c for c in cands if c[0] == 1]
rng.shuffle(equal)
rng.shuffle(near)
per_title: Counter[str] = Counter()
chosen = []
for wanted, pool_ in ((50, equal), (15, near)):
    taken = 0
    for _, x, y, how in pool_:
        key = norm_title(x["title"])
        if per_title[key] >= 4 or taken >= wanted:
            continue
        per_title[key] += 1
        chosen.append((x, y, how))
        taken += 1
for x, y, how in chosen:
    add(
        "same_title_other_company",
        side(x),
        side(y),
        False,
        "real",
        f"{how}: {x['title']!r} at {x['company_name']} vs {y['title']!r} at {y['company_name']}",
    )


# real: same company, different roles (hardest first by shared text, spread across companies)
def words(r: dict) -> set[str]:
    w = re.findall(r"\w+", truncate(r["description"], MAX_CHARS).casefold())
    return {" ".join(w[i : i + 5]) for i in range(len(w) - 4)}


same = []
for x, y in itertools.combinations(rows, 2):
    if not x["company_name"] or norm_company(x["company_name"]) != norm_company(y["company_name"]):
        continue
    if title_sim(x["title"], y["title"]) >= 0.5:
        continue  # e.g. the same role on another shift: not clearly a different role
    a, b = words(x), words(y)
    same.append((len(a & b) / max(1, len(a | b)), x, y))
same.sort(key=lambda t: (-t[0], t[1]["job_id"], t[2]["job_id"]))
per_company: Counter[str] = Counter()
picked = []
seen_texts = set()
for j, x, y in same:
    texts = frozenset((x["description"], y["description"]))
    if texts in seen_texts:
        continue
    seen_texts.add(texts)
    c = norm_company(x["company_name"])
    if per_company[c] >= (25 if c == "skf" else 3):
        continue
    per_company[c] += 1
    picked.append((j, x, y))
    if len(picked) >= 60:
        break
for j, x, y in picked:
    add(
        "same_company_other_role",
        side(x),
        side(y),
        False,
        "real",
        f"{x['company_name']}: {x['title']!r} vs {y['title']!r}",
    )

# real: different companies, strongly shared text (staffing template, aggregator boilerplate)
k = next(r for r in rows if r["company_name"] == "Kaizen Technologies")
rad = next(r for r in rows if r["company_name"] == "RadGov Inc.")
add(
    "other_company_similar_text",
    side(k),
    side(rad),
    False,
    "real",
    "two staffing firms posting different roles from a shared client template",
)
jn = next(
    r for r in rows if r["company_name"] == "The Job Network" and r["title"] == "Production Planner"
)
skf = sorted(
    (r for r in rows if r["company_name"] == "SKF Group" and r["title"] != jn["title"]),
    key=lambda r: -len(words(jn) & words(r)) / len(words(jn) | words(r)),
)
for r in skf[:4]:
    add(
        "other_company_similar_text",
        side(jn),
        side(r),
        False,
        "real",
        f"aggregator copy of an SKF posting ({jn['title']!r}) vs another SKF role ({r['title']!r})",
    )

# real: random pairs
made = 0
while made < 50:
    x, y = rng.sample(rows, 2)
    if norm_title(x["title"]) == norm_title(y["title"]) or (
        x["company_name"] and norm_company(x["company_name"]) == norm_company(y["company_name"])
    ):
        continue
    add("random", side(x), side(y), False, "real", "two unrelated postings")
    made += 1

for n, p in enumerate(pairs, 1):
    p["id"] = f"dd-{n:03d}"
with OUT.open("w", encoding="utf-8") as f:
    for p in pairs:
        f.write(json.dumps(p, ensure_ascii=False) + "\n")
print(len(pairs), Counter((p["kind"], p["origin"]) for p in pairs))
print(len(eeo_pool), "EEO statements in pool")
