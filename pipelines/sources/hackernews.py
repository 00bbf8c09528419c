"""Hacker News "Ask HN: Who is hiring?" threads, through the Algolia HN API.

``search_by_date?tags=story,author_whoishiring`` finds the monthly threads, and ``items/{id}``
returns each thread with its comments; every top-level comment with text is one posting.
Comment text belongs to its author: records are ``redistributable=False`` and must never be
bundled with the product. The payload is the comment without its nested replies.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from pipelines.sources.http import HttpTransport
from pipelines.sources.models import Clock, FetchedRecord, PostingFields, fields, utcnow

SEARCH = "https://hn.algolia.com/api/v1/search_by_date"
ITEM = "https://hn.algolia.com/api/v1/items/{id}"
ITEM_URL = "https://news.ycombinator.com/item?id={id}"
THREAD_TITLE = "ask hn: who is hiring?"
ATTRIBUTION = "Hacker News (https://news.ycombinator.com), comment by {author}"


class HackerNewsClient:
    """The postings of the latest ``months`` "Who is hiring?" threads."""

    def __init__(self, transport: HttpTransport, *, months: int = 1, clock: Clock = utcnow) -> None:
        self.transport, self.months, self.clock = transport, months, clock

    def threads(self) -> list[dict[str, Any]]:
        """The latest ``months`` hiring threads (search hits), newest first."""
        params = {"tags": "story,author_whoishiring", "hitsPerPage": max(10, 4 * self.months)}
        hits = self.transport.get_json(SEARCH, params=params).get("hits", [])
        hiring = [h for h in hits if str(h.get("title", "")).lower().startswith(THREAD_TITLE)]
        return hiring[: self.months]

    def fetch(self) -> Iterator[FetchedRecord]:
        """Yield one record per live top-level comment, thread by thread."""
        for thread in self.threads():
            item = self.transport.get_json(ITEM.format(id=int(thread["objectID"])))
            fetched_at = self.clock()
            for child in item.get("children") or []:
                if not child.get("text"):  # deleted or dead
                    continue
                comment = {k: v for k, v in child.items() if k != "children"}
                yield FetchedRecord(
                    source="hackernews",
                    source_id=str(child["id"]),
                    fetched_at=fetched_at,
                    url=ITEM_URL.format(id=child["id"]),
                    payload=comment,
                    attribution=ATTRIBUTION.format(author=child.get("author") or "unknown"),
                    redistributable=False,
                )


_URL = re.compile(r"^(https?://|www\.)|\.(com|io|ai|co|org|dev)(/|$)", re.I)
_SALARY = re.compile(r"[$€£]|\b\d{2,3}\s?[kK]\b|\bsalary\b|\bequity\b", re.I)
_PLACE = re.compile(r"\b(remote|onsite|on-site|on site|hybrid|in[- ]office|relocation)\b", re.I)
_KIND = re.compile(r"\b(full[- ]?time|part[- ]?time|contract(or)?|intern(ship)?|ft|pt)\b", re.I)
_ROLE = re.compile(
    r"engineer|developer|scientist|designer|analyst|architect|manager|researcher|lead|head of|"
    r"director|devops|\bsre\b|programmer|specialist|founding|cto|vp\b|product|data|ml\b",
    re.I,
)


def header_parts(text_html: str | None) -> list[str]:
    """The fields of a posting's first line ("Company | Role | Location | ...")."""
    if not text_html:
        return []
    first = re.split(r"<p>|<br\s*/?>|\n", text_html, maxsplit=1)[0]
    first = html.unescape(re.sub(r"<[^>]+>", "", first))
    return [part.strip() for part in first.split("|") if part.strip()]


def parse_header(parts: list[str]) -> dict[str, str | None]:
    """Best-effort company, title, location, remote and salary from the header fields."""
    result: dict[str, str | None] = dict.fromkeys(("company", "title", "location", "salary"))
    result["remote"] = None
    if len(parts) < 2:
        return result
    result["company"] = parts[0]
    rest = [p for p in parts[1:] if not _URL.search(p)]
    salary = [p for p in rest if _SALARY.search(p)]
    place = [p for p in rest if _PLACE.search(p) and p not in salary]
    other = [p for p in rest if p not in salary and p not in place and not _KIND.fullmatch(p)]
    roles = [p for p in other if _ROLE.search(p)]
    result["salary"] = salary[0] if salary else None
    result["title"] = roles[0] if roles else (other[0] if other else None)
    leftovers = [p for p in other if p != result["title"] and p not in roles]
    bare = [p for p in place if _PLACE.fullmatch(p)]  # "REMOTE", "ONSITE": no place named
    located = [p for p in place if p not in bare]
    candidates = located + leftovers + bare
    result["location"] = candidates[0] if candidates else None
    if any(re.search(r"\bremote\b", p, re.I) for p in rest):
        result["remote"] = "remote"
    return result


def posting_fields(record: FetchedRecord) -> PostingFields:
    """Map a hiring comment onto the posting fields, parsing its first line heuristically."""
    comment = record.payload
    header = parse_header(header_parts(comment.get("text")))
    return fields(
        record,
        title=header["title"],
        description=comment.get("text"),
        posted_at=comment.get("created_at"),
        company=header["company"],
        location=header["location"],
        url=record.url,
        remote=header["remote"],
        salary_text=header["salary"],
    )
