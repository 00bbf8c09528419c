"""Every data source the product shows, with its licence and the credit it requires."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataSource:
    """One source's credit line."""

    name: str
    what: str
    licence: str
    credit: str


DATA_SOURCES: tuple[DataSource, ...] = (
    DataSource(
        "LinkedIn Job Postings 2023-2024 (sample)",
        "1,000 real postings with full text, Dec 2023 – Apr 2024",
        "CC BY-SA 4.0",
        '"LinkedIn Job Postings 2023-2024" by arshkon, Kaggle',
    ),
    DataSource(
        "aijobs.net salaries",
        "74,301 salary records for AI, ML and data roles, 2020–2025",
        "CC0 1.0",
        "foorilla/ai-jobs-net-salaries",
    ),
    DataSource(
        "Indeed Job Postings Index",
        "Daily postings index for the US, GB and DE, 100 = 2020-02-01",
        "CC BY 4.0",
        "Indeed Hiring Lab",
    ),
    DataSource(
        "O*NET 29.2 Technology Skills",
        "Tool names and commodity codes in the skill taxonomy",
        "CC BY 4.0",
        "O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training "
        "Administration (USDOL/ETA)",
    ),
    DataSource(
        "ESCO v1.1", "Skill links in the taxonomy", "CC BY 4.0", "ESCO, European Commission"
    ),
    DataSource(
        "ECB euro reference rates",
        "Daily exchange rates for converting salaries to USD",
        "ECB reuse policy, source acknowledged",
        "European Central Bank",
    ),
)
