"""Posting de-duplication: exact content keys, MinHash-LSH near-duplicates, repost windows.

A posting is normalised into one segment per line (title, company, then the sentences and list
items of the description) with volatile boilerplate removed: URLs, e-mails, hashtags and job or
requisition ids, calendar dates, equal-opportunity and diversity statements, sentences that
state pay, and the values of other numbers.
Shingles never cross a segment boundary, so reordered bullets leave the shingle set unchanged.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import html
import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

_TAGS = re.compile(r"<[^<>]{1,200}>")
_URLS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAILS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HASHTAGS = re.compile(r"(?<![\w&])#[A-Za-z][\w-]*")
_TRACKING_IDS = re.compile(
    r"\b(?:job|req(?:uisition)?|reference|ref|posting|vacancy|position)\s*"
    r"(?:id|no\.?|number|code|#)\s*[:#.]?\s*[A-Za-z]{0,4}[-_]?\d[\w-]*",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATES = re.compile(
    rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\.?(?:,?\s+\d{{4}})?\b"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b",
    re.IGNORECASE,
)
_CAMEL = re.compile(r"(?<=[a-z\u00df-\u00ff])(?=[A-Z])")
_SEGMENT_BREAKS = re.compile(r"[.!?;:\n\r\t•·▪●◦■►➢✓✔|]+|\s[-–—*]+\s|(?<=\w)[-–—]+\s|^\s*[-–—*]+\s")
# A segment with a match is dropped: equal-opportunity and diversity statements, and pay.
# Each pattern comes with the literals one of which any match contains, so that only the
# patterns whose literals occur in a text are searched for (the same matches, much faster).
_DROP_RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("opportunit",), r"equal (?:employment )?opportunit"),
    (("affirmative action",), r"affirmative action"),
    (("without regard to",), r"without regard to"),
    (
        ("regardless of",),
        r"regardless of (?:race|colou?r|religion|sex|gender|age|national|sexual|disabilit)",
    ),
    (("discriminat",), r"discriminat"),
    (("protected veteran",), r"protected veteran"),
    (("veteran status",), r"veteran status"),
    (("genetic information",), r"genetic information"),
    (("reasonable accommodation",), r"reasonable accommodation"),
    (("verify",), r"e-?verify"),
    (("eeo",), r"\beeo\b"),
    (("minorities",), r"minorities"),
    (("m/f/d/v",), r"m/f/d/v"),
    (("diversity",), r"\bdiversity\b"),
    (("inclusion",), r"\binclusion\b"),
    (("inclusive",), r"\binclusive\b"),
    (("sense of belonging",), r"sense of belonging"),
    (("$", "€", "£", "¥"), r"[$€£¥]\s?\d"),
    (("usd", "eur", "gbp", "dollars"), r"\b\d[\d,.]*\s?k?\s?(?:usd|eur|gbp|dollars)\b"),
)
_NON_WORD = re.compile(r"[\W_]+")
_NON_WORD_OR_BREAK = re.compile(r"[^\w\n]+|_+")
_DIGITS = re.compile(r"\d+")
_TITLE_ABBREVIATIONS = {
    "sr": "senior", "jr": "junior", "mgr": "manager", "eng": "engineer", "engr": "engineer",
    "dev": "developer", "asst": "assistant", "assoc": "associate", "rep": "representative",
    "tech": "technician", "admin": "administrator", "coord": "coordinator", "spec": "specialist",
    "exec": "executive", "dir": "director",
}  # fmt: skip
_TITLE_NOISE = frozenset(
    ("remote", "hybrid", "onsite", "on", "site", "in", "office", "full", "part", "time",
     "contract", "temporary", "temp", "permanent", "urgent", "urgently", "hiring", "immediate",
     "immediately", "now", "job", "position", "opening", "new", "the", "a", "an", "of", "and",
     "for", "to", "with", "at", "or", "0")
)  # fmt: skip
_LEGAL_SUFFIXES = frozenset(
    ("inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company",
     "plc", "gmbh", "ag", "sa", "lp", "llp", "pllc", "pc", "group", "holdings")
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DedupPosting:
    """One posting as the de-duplicator sees it."""

    posting_id: str
    source: str
    title: str | None
    company: str | None
    description: str | None
    posted_date: dt.date
    key: str | None = None  # exact_key(title, company, description), when already known


@dataclass(frozen=True, slots=True)
class Cluster:
    """Postings that are one job; ``cluster_id`` is the canonical (earliest, then smallest) id."""

    cluster_id: str
    member_ids: tuple[str, ...]
    first_seen: dt.date
    last_seen: dt.date
    reasons: dict[str, str] = field(default_factory=dict)


def _segments(text: str | None, *, drop_boilerplate: bool) -> list[str]:
    """Normalised segments (sentences, list items) of ``text``: lower-case words, digits as 0."""
    if not text:
        return []
    text = unicodedata.normalize("NFKC", html.unescape(text))
    if "<" in text:
        text = _TAGS.sub("\n", text)
    if "://" in text or "www." in text.lower():
        text = _URLS.sub(" ", text)
    if "@" in text:
        text = _EMAILS.sub(" ", text)
    text = _CAMEL.sub(" ", text)
    if "#" in text:
        text = _HASHTAGS.sub(" ", text)
    text = _TRACKING_IDS.sub(" ", text)
    text = _DATES.sub(" ", text).casefold()
    starts, ends = [0], []
    for brk in _SEGMENT_BREAKS.finditer(text):
        ends.append(brk.start())
        starts.append(brk.end())
    ends.append(len(text))
    dropped: set[int] = set()
    if drop_boilerplate:
        present = (i for i, (anchor, _) in enumerate(_DROP_RULES) if any(a in text for a in anchor))
        drop = _drop_pattern(tuple(present))
        if drop is not None:
            dropped = {bisect.bisect_right(starts, m.start()) - 1 for m in drop.finditer(text)}
    pieces = [
        text[s:e] for i, (s, e) in enumerate(zip(starts, ends, strict=True)) if i not in dropped
    ]
    cleaned = _DIGITS.sub("0", _NON_WORD_OR_BREAK.sub(" ", "\n".join(pieces)))
    return [line for line in (" ".join(p.split()) for p in cleaned.split("\n")) if line]


@functools.cache
def _drop_pattern(rules: tuple[int, ...]) -> re.Pattern[str] | None:
    """One regex of the drop rules numbered ``rules``, in their order; ``None`` for none."""
    if not rules:
        return None
    return re.compile("|".join(_DROP_RULES[i][1] for i in rules))


def normalize_company(company: str | None) -> str:
    """Company name for matching: lower-case words without legal suffixes; ``""`` if missing."""
    words = _NON_WORD.sub(" ", unicodedata.normalize("NFKC", company or "").casefold()).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def title_tokens(title: str | None) -> frozenset[str]:
    """Distinctive title words: abbreviations expanded, work-mode and filler words dropped."""
    words = " ".join(_segments(title, drop_boilerplate=False)).split()
    return frozenset(_TITLE_ABBREVIATIONS.get(w, w) for w in words) - _TITLE_NOISE


def titles_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two title token sets may name one job: half the shorter one is shared."""
    if not a or not b:
        return True
    return 2 * len(a & b) >= min(len(a), len(b))


def normalize_for_hash(title: str | None, company: str | None, description: str | None) -> str:
    """Normalised posting text, one segment per line: title, company, then the description."""
    lines = [
        " ".join(_segments(title, drop_boilerplate=False)),
        normalize_company(company),
        *_segments(description, drop_boilerplate=True),
    ]
    return "\n".join(lines)


def exact_key(title: str | None, company: str | None, description: str | None) -> str:
    """SHA-256 hex digest of :func:`normalize_for_hash`."""
    return hashlib.sha256(normalize_for_hash(title, company, description).encode()).hexdigest()


def shingles(text: str, k: int = 5) -> set[str]:
    """Word ``k``-shingles within each line; a line of at most ``k`` words is one shingle.

    ``text`` should come from :func:`normalize_for_hash`; other text is only lower-cased and
    stripped of punctuation here (no boilerplate removal).
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return _line_shingles(_DIGITS.sub("0", _NON_WORD_OR_BREAK.sub(" ", text)), k)


def _line_shingles(normalised: str, k: int) -> set[str]:
    found: set[str] = set()
    for line in normalised.split("\n"):
        words = line.split()
        if len(words) > k:
            found.update(" ".join(words[i : i + k]) for i in range(len(words) - k + 1))
        elif words:
            found.add(" ".join(words))
    return found


def _shingle_hashes(normalised: str, k: int) -> frozenset[int]:
    """Stable 32-bit hashes (CRC-32) of the shingles of normalised text."""
    return frozenset(zlib.crc32(s.encode()) for s in _line_shingles(normalised, k))


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _identity(value: int) -> int:
    return value


@dataclass(slots=True)
class _Group:
    """Postings with the same exact key."""

    members: list[int]
    company: str
    title: frozenset[str]
    hashes: frozenset[int]
    neighbours: dict[int, float] = field(default_factory=dict)
    hits: list[tuple[int, int]] = field(default_factory=list)  # (posting, cluster) seen so far


def _near_neighbours(groups: list[_Group], *, threshold: float, num_perm: int, seed: int) -> None:
    """Fill ``neighbours``: groups with matching companies and Jaccard ≥ ``threshold``."""
    lsh = MinHashLSH(threshold=max(0.05, threshold - 0.25), num_perm=num_perm)
    sketches = []
    template = MinHash(num_perm=num_perm, seed=seed)
    for index, group in enumerate(groups):
        sketch = MinHash(
            num_perm=num_perm,
            seed=seed,
            hashfunc=_identity,
            permutations=template.permutations,
            scheme=template.scheme,
        )
        sketch.update_batch(sorted(group.hashes))
        sketches.append(sketch)
        if group.hashes:
            lsh.insert(index, sketch)
    for index, group in enumerate(groups):
        if not group.hashes:
            continue
        for other in lsh.query(sketches[index]):
            if other <= index:
                continue
            peer = groups[other]
            if group.company and peer.company and group.company != peer.company:
                continue
            if not titles_compatible(group.title, peer.title):
                continue
            similarity = _jaccard(group.hashes, peer.hashes)
            if similarity >= threshold:
                group.neighbours[other] = similarity
                peer.neighbours[index] = similarity


def find_clusters(
    postings: Iterable[DedupPosting],
    *,
    threshold: float = 0.8,
    num_perm: int = 128,
    repost_window_days: int = 60,
    seed: int = 1,
    k: int = 3,
) -> list[Cluster]:
    """Cluster duplicate postings; every posting lands in exactly one cluster.

    Two postings match when their exact keys are equal, or when their companies match (equal
    normalised names, or one missing), their titles are compatible (:func:`titles_compatible`;
    shared company boilerplate must not merge different roles) and the Jaccard similarity of
    their word ``k``-shingles is at least ``threshold`` (LSH finds candidates, exact Jaccard
    decides). ``k`` is 3 rather than 5: each scattered edit (a typo, a reworded phrase) breaks
    up to ``k`` shingles, and with 5 a short repost with a handful of them falls below 0.8.

    A posting's ``key`` saves recomputing its exact key; the shingles of a key's group come from
    one member that has a description, so the others may leave it out (``None``).

    Postings are taken oldest first and join (merging, if several) the clusters of their matches
    whose ``first_seen`` lies within ``repost_window_days``; otherwise they start a new cluster.
    The result does not depend on input order and is sorted by ``(first_seen, cluster_id)``.
    """
    items = list(postings)
    ids = [p.posting_id for p in items]
    if len(set(ids)) != len(ids):
        raise ValueError("posting ids must be unique")
    order = sorted(range(len(items)), key=lambda i: (items[i].posted_date, ids[i]))

    group_of: dict[int, int] = {}
    groups: list[_Group] = []
    by_key: dict[str, int] = {}
    texts: dict[int, str] = {}  # group → normalised text of a member that has a description
    for i in order:
        posting = items[i]
        text = None
        key = posting.key
        if key is None or (posting.description is not None and by_key.get(key) not in texts):
            text = normalize_for_hash(posting.title, posting.company, posting.description)
            key = key or hashlib.sha256(text.encode()).hexdigest()
        if key not in by_key:
            by_key[key] = len(groups)
            groups.append(
                _Group(
                    members=[],
                    company=normalize_company(posting.company),
                    title=title_tokens(posting.title),
                    hashes=frozenset(),
                )
            )
        g = by_key[key]
        if text is not None and g not in texts:
            texts[g] = text
        group_of[i] = g
        groups[g].members.append(i)
    for g, text in texts.items():
        groups[g].hashes = _shingle_hashes(text, k)
    _near_neighbours(groups, threshold=threshold, num_perm=num_perm, seed=seed)

    parent: list[int] = []
    first: list[int] = []  # canonical posting of each root cluster
    members: list[list[int]] = []
    reasons: dict[int, str] = {}

    def find(c: int) -> int:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    def describe(p: int, m: int, similarity: float, exact: bool) -> str:
        if not exact:
            return f"near-duplicate: jaccard {similarity:.2f} with {ids[m]}"
        if items[p].posted_date == items[m].posted_date:
            return "exact content hash"
        return f"repost within {repost_window_days} days of {ids[m]}"

    for p in order:
        g = group_of[p]
        date = items[p].posted_date
        links: dict[int, tuple[float, bool, int]] = {}  # root → (similarity, exact, member)
        sources = [(g, 1.0, True)] + [(h, s, False) for h, s in groups[g].neighbours.items()]
        for h, similarity, exact in sources:
            for m, c in groups[h].hits:
                root = find(c)
                if (date - items[first[root]].posted_date).days > repost_window_days:
                    continue
                best = links.get(root)
                candidate = (similarity, exact, m)
                if best is None or _better(candidate, best, items, ids):
                    links[root] = candidate
        if not links:
            cluster = len(parent)
            parent.append(cluster)
            first.append(p)
            members.append([p])
        else:
            roots = sorted(links, key=lambda r: (items[first[r]].posted_date, ids[first[r]]))
            cluster = roots[0]
            top = roots[0]
            for r in roots[1:]:
                if _better(links[r], links[top], items, ids):
                    top = r
            similarity, exact, m = links[top]
            reasons[p] = describe(p, m, similarity, exact)
            members[cluster].append(p)
            for r in roots[1:]:
                similarity, exact, m = links[r]
                link = "an exact copy" if exact else f"a near-duplicate (jaccard {similarity:.2f})"
                reasons[first[r]] = f"linked through {ids[p]}, {link} of {ids[m]}"
                parent[r] = cluster
                members[cluster].extend(members[r])
                members[r] = []
        if all(find(c) != cluster for _, c in groups[g].hits):
            groups[g].hits.append((p, cluster))

    clusters = []
    for c, group_members in enumerate(members):
        if parent[c] != c:
            continue
        group_members.sort(key=lambda i: (items[i].posted_date, ids[i]))
        canonical = group_members[0]
        clusters.append(
            Cluster(
                cluster_id=ids[canonical],
                member_ids=tuple(ids[i] for i in group_members),
                first_seen=items[canonical].posted_date,
                last_seen=max(items[i].posted_date for i in group_members),
                reasons={ids[i]: reasons[i] for i in group_members[1:]},
            )
        )
    clusters.sort(key=lambda c: (c.first_seen, c.cluster_id))
    return clusters


def _better(
    a: tuple[float, bool, int],
    b: tuple[float, bool, int],
    items: list[DedupPosting],
    ids: list[str],
) -> bool:
    """Whether link ``a`` beats ``b``: exact first, then higher similarity, then older posting."""
    return (not a[1], -a[0], items[a[2]].posted_date, ids[a[2]]) < (
        not b[1], -b[0], items[b[2]].posted_date, ids[b[2]],
    )  # fmt: skip
