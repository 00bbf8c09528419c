"""Skill recognition: the taxonomy, the spaCy component and the public ``extract`` API."""

from extractors.skills.extract import Mention, SkillExtractor
from extractors.skills.taxonomy import Skill, Step, Taxonomy, TaxonomyError, load_taxonomy

__all__ = [
    "Mention",
    "Skill",
    "SkillExtractor",
    "Step",
    "Taxonomy",
    "TaxonomyError",
    "load_taxonomy",
]
