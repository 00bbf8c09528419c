"""Adzuna Search API: job ads aggregated per country, page by page.

``GET https://api.adzuna.com/v1/api/jobs/{country}/search/{page}?app_id=&app_key=`` with the
credentials from env ``ADZUNA_APP_ID`` / ``ADZUNA_APP_KEY`` (registered as transport secrets,
since they travel in the query string). Adzuna's terms require the "Jobs by Adzuna" attribution.
Salaries Adzuna *predicted* (``salary_is_predicted == "1"``) are not the advertiser's and are
left out of :func:`posting_fields`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pipelines.sources.http import HttpTransport
from pipelines.sources.models import (
    Clock,
    FetchedRecord,
    PostingFields,
    credential,
    fields,
    utcnow,
)

API = "https://api.adzuna.com/v1/api/jobs/{country}/search/{page}"
ID_ENV, KEY_ENV = "ADZUNA_APP_ID", "ADZUNA_APP_KEY"
ATTRIBUTION = "Jobs by Adzuna (https://www.adzuna.com)"
CURRENCIES = {
    "at": "EUR", "au": "AUD", "be": "EUR", "br": "BRL", "ca": "CAD", "ch": "CHF", "de": "EUR",
    "es": "EUR", "fr": "EUR", "gb": "GBP", "in": "INR", "it": "EUR", "mx": "MXN", "nl": "EUR",
    "nz": "NZD", "pl": "PLN", "sg": "SGD", "us": "USD", "za": "ZAR",
}  # fmt: skip


class AdzunaClient:
    """Ads in ``country`` (ISO 3166 alpha-2, lower case) matching ``what`` / ``where``."""

    def __init__(
        self,
        transport: HttpTransport,
        *,
        country: str,
        what: str,
        where: str | None = None,
        app_id: str | None = None,
        app_key: str | None = None,
        results_per_page: int = 50,
        max_pages: int = 5,
        clock: Clock = utcnow,
    ) -> None:
        self.app_id = credential(app_id, ID_ENV, "adzuna")
        self.app_key = credential(app_key, KEY_ENV, "adzuna")
        transport.add_secret(self.app_id)
        transport.add_secret(self.app_key)
        self.transport, self.country, self.clock = transport, country.lower(), clock
        self.what, self.where = what, where
        self.results_per_page, self.max_pages = results_per_page, max_pages

    def fetch(self) -> Iterator[FetchedRecord]:
        """Yield one record per ad, one page at a time."""
        for page in range(1, self.max_pages + 1):
            params: dict[str, Any] = {
                "app_id": self.app_id,
                "app_key": self.app_key,
                "results_per_page": self.results_per_page,
                "what": self.what,
                "content-type": "application/json",
            }
            if self.where:
                params["where"] = self.where
            url = API.format(country=self.country, page=page)
            body = self.transport.get_json(url, params=params)
            fetched_at = self.clock()
            results = body.get("results") or []
            for ad in results:
                yield FetchedRecord(
                    source=f"adzuna:{self.country}",
                    source_id=str(ad["id"]),
                    fetched_at=fetched_at,
                    url=ad.get("redirect_url"),
                    payload=ad,
                    attribution=ATTRIBUTION,
                )
            if len(results) < self.results_per_page or page * self.results_per_page >= int(
                body.get("count") or 0
            ):
                return


def posting_fields(record: FetchedRecord) -> PostingFields:
    """Map an Adzuna ad onto the posting fields (the description is Adzuna's snippet)."""
    ad = record.payload
    advertised = str(ad.get("salary_is_predicted", "0")) != "1"
    low = ad.get("salary_min") if advertised else None
    high = ad.get("salary_max") if advertised else None
    has_salary = low is not None or high is not None
    country = record.source.partition(":")[2]
    return fields(
        record,
        title=ad.get("title"),
        description=ad.get("description"),
        posted_at=ad.get("created"),
        company=(ad.get("company") or {}).get("display_name"),
        location=(ad.get("location") or {}).get("display_name"),
        url=ad.get("redirect_url"),
        salary_min=low,
        salary_max=high,
        salary_currency=CURRENCIES.get(country) if has_salary else None,
        salary_period="year" if has_salary else None,
    )
