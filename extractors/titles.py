"""Job titles: a tidy display form, a role family and a seniority.

Role families (ids, see :data:`ROLE_FAMILY_LABELS`): ``ml_engineer``, ``data_scientist``,
``data_engineer``, ``ai_llm_engineer``, ``mlops_platform``, ``data_analyst``,
``research_scientist``, ``software_engineer`` and ``other``. Seniorities (see
:data:`SENIORITY_LABELS`): ``intern``, ``junior``, ``mid``, ``senior``, ``staff_principal`` and
``lead_manager``.

The rules are ordered regexes over the words of a title; the first family that matches wins:

1. roles that are not data or engineering work whatever their words say ("AI Product Manager",
   "Data Entry Clerk", "Sales Engineer", "UX Researcher") → ``other``;
2. ML platform and operations ("MLOps", "ML Infrastructure Engineer", "AI Platform Engineer");
3. data scientists ("Data Scientist, GenAI", "Decision Scientist", "Statistician", "DS");
4. research ("Research Scientist", "Applied Scientist", "ML Researcher", "Research Engineer");
5. data engineers and data analysts named as such ("Machine Learning Data Engineer");
6. LLM and generative AI ("LLM Engineer", "Prompt Engineer", "ML Engineer, GenAI");
7. machine learning ("MLE", "Computer Vision Engineer", "AI/ML Engineer", "NLP Engineer");
8. other AI roles ("AI Engineer", "AI Software Engineer", "Head of AI") → ``ai_llm_engineer``;
9. the rest of data engineering ("ETL Developer", "Analytics Engineer", "DBA", "DE") and of data
   analysis ("BI Developer", "Product Analyst", "Head of Data", generic data roles);
10. software engineering ("Backend Engineer", "SWE", "SDE", "SRE", "Developer", "Tech Lead").

A title of generic words only ("Engineer II", "Senior Consultant", "Analyst", "Architect") is
uninformative: :func:`role_family` answers ``other`` and :func:`classify_role` reads the
description instead.

Seniority, first match wins: intern ("Intern", "Co-op", "Werkstudent", "Stage") → manager words
("Manager", "Head of", "Director", "VP", "Chief", "CTO", any kind of manager)
→ staff and principal ("Staff", "Principal", "Distinguished") → "Lead" → senior ("Senior", "Sr",
"Expert") → junior ("Junior", "Jr", "Entry level", "Graduate", "Associate", "Postdoc") → level
numbers (I or 1 junior, II or 2 mid, III and IV or 3 and 4 senior, V and up staff_principal) →
``mid``.
"""

from __future__ import annotations

import re
from collections import Counter

from extractors.text import clean_field

ROLE_FAMILY_LABELS: dict[str, str] = {
    "ml_engineer": "ML engineer",
    "data_scientist": "Data scientist",
    "data_engineer": "Data engineer",
    "ai_llm_engineer": "AI/LLM engineer",
    "mlops_platform": "MLOps / ML platform",
    "data_analyst": "Data analyst",
    "research_scientist": "Research scientist",
    "software_engineer": "Software engineer",
    "other": "Other",
}
SENIORITY_LABELS: dict[str, str] = {
    "intern": "Intern",
    "junior": "Junior",
    "mid": "Mid-level",
    "senior": "Senior",
    "staff_principal": "Staff / Principal",
    "lead_manager": "Lead / Manager",
}
#: Family ids in display order.
ROLE_FAMILIES: tuple[str, ...] = tuple(ROLE_FAMILY_LABELS)
SENIORITIES: tuple[str, ...] = tuple(SENIORITY_LABELS)
OTHER = "other"

_S = r"[\s/-]+"  # between two words of a phrase
_ML = (
    r"(?:machine[\s-]*learning|ml|deep[\s-]*learning|computer[\s-]*vision|machine[\s-]*vision|nlp|"
    r"natural[\s-]*language[\s-]*processing|reinforcement[\s-]*learning|perception|"
    r"speech[\s-]*recognition|recommend(?:er|ation)s?[\s-]*systems?|mle)"
)
_AI = r"(?:ai|a\.i\.|artificial[\s-]*intelligence)"
_GENAI = (
    r"(?:llms?|genai|gen[\s-]*ai|generative(?:[\s-]*ai)?|large[\s-]*language[\s-]*models?|"
    r"prompt|agentic|ai[\s-]*agents?|rag|conversational[\s-]*ai|chatbots?|foundation[\s-]*models?|"
    r"nlp|natural[\s-]*language[\s-]*processing)"
)
_INFRA = (
    r"(?:platform|infrastructure|infra|ops|operations|reliability|deployment|serving|inference)"
)
_ENGINEER = r"(?:engineer\w*|developer|dev|architect|programmer|lead|manager)"


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


#: Ordered (family, pattern) rules over a lower-cased title; see the module docstring.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (OTHER, _rx(
        r"\bproduct\s+(?:manager|owner|marketing|designer|lead|director|management)\b",
        r"\b(?:program|project|programme|account|marketing|sales|community|office|property|"
        r"case|customer\s+success)\s+(?:manager|director|coordinator|lead)\b",
        r"\brecruit\w*|\btalent\b|\baccount\s+executive|\bbusiness\s+development\b",
        r"\bsales\b(?!\s+(?:data|analy\w*|operations|ops|engineer\w*|insights?)\b)",
        r"\b(?:technical\s+)?writer\b|\bdesigner\b|\bannotat\w*|\blabell?er\b|\blabell?ing\b",
        r"\b(?:ai|data)\s+trainer\b|\bdata\s+entry\b|\bscrum\s+master\b|\bteacher\b|\btutor\b",
        r"\bprofessor\b|\blecturer\b|\binstructor\b|\bnurse\b|\bphysician\b|\battorney\b",
        r"\bcounsel\b|\bparalegal\b|\btechnician\b|\bdriver\b|\b(?:ux|user|market)\s+research",
        r"\bclerk\b|\breceptionist\b|\baccountant\b|\bauditor\b|\bactuar\w*|\bevangelist\b",
        r"\badvocate\b|\brepresentative\b|\bcustomer\s+(?:service|support)\b",
        r"\b(?:solutions?|pre[\s-]*sales|sales|field|customer)\s+engineer\w*",
        r"\b(?:business|content|curriculum|course|instructional|real\s+estate|property|land|"
        r"talent|organi[sz]ational|training|creative|leadership|community|fund|site|housing)"
        r"\s+developer",
    )),
    ("mlops_platform", _rx(
        r"\b(?:ml|llm|ai|model)[\s-]?ops\b|\b(?:ml|machine\s+learning)\s+systems\b",
        rf"\b(?:{_ML}|{_AI}|{_GENAI}){_S}(?:\w+{_S})?{_INFRA}\b",
        rf"\b(?:platform|infrastructure|infra|inference|serving){_S}{_ENGINEER}\b[\s,()-]+"
        rf"(?:\w+\s+)?(?:{_ML}|{_AI}|{_GENAI})\b",
        r"\binference\s+engineer",
    )),
    ("data_scientist", _rx(
        r"\bdata[\s-]*scien\w*|\bdecision[\s-]+scien\w*|\bstatisticians?\b|\bbiostatistic\w*",
        r"\b(?:product|marketing|quantitative|business|people|growth)\s+scientists?\b",
        # modelling roles named by their field: quants, bioinformaticians
        r"\bquant(?:itative)?\s+(?:research\s+)?(?:analysts?|researchers?|developers?|modell?ers?)\b",
        r"\bbioinformatic\w*|\bcomputational\s+biologists?\b",
        r"\bdatenwissenschaftler\w*|\bcientífico\s+de\s+datos",
    )),
    ("research_scientist", _rx(
        r"\bresearchers?\b|\bresearch\s+(?:\w+\s+)?(?:scientist|engineer|fellow|associate|"
        r"assistant|lead|director|manager|head|intern|scholar|staff)",
        r"\bapplied\s+(?:\w+\s+){0,2}scientists?\b",
        rf"\b(?:{_ML}|{_AI}|{_GENAI}){_S}(?:\w+{_S})?scientists?\b",
        rf"\bscientists?\b.*\b(?:{_ML}|{_AI}|{_GENAI})\b",
        r"\bpost[\s-]*doc\w*|\bpost[\s-]*doctoral\b|\bai\s+resident\b|\bresearch\s+fellow\b",
    )),
    ("data_engineer", _rx(r"\bdata\s+engineer\w*|\banalytics\s+engineer\w*")),
    ("data_analyst", _rx(r"\bdata\s+analy(?:st|sts|tics)\b")),
    ("ai_llm_engineer", _rx(rf"\b{_GENAI}\b")),
    ("ml_engineer", _rx(rf"\b{_ML}\b", r"\bai\s*/\s*ml\b|\bml\s*/\s*ai\b")),
    ("ai_llm_engineer", _rx(rf"\b{_AI}\b")),
    ("data_engineer", _rx(
        r"\b(?:bi|business\s+intelligence|power\s*bi|etl|ssis)\s+(?:engineer\w*|developer|"
        r"architect)\b",
        r"\bdata\s+(?:architect\w*|platform|infrastructure|pipelines?|integration|warehous\w*|"
        r"model(?:l)?er|model(?:l)?ing|ops|devops|developer|lake\w*|mesh|migration)\b",
        r"\bdataops\b|\betl\b|\belt\b|\bbig\s+data\b|\banalytics\s+engineer\w*",
        r"\bdatabase\s+(?:engineer|administrator|developer|architect)\b|\bdba\b",
        r"\bdata\s+(?:operations|quality|governance|management|platform)\s+"
        r"(?:engineer\w*|developer|architect)\b",
        r"\b(?:databricks|spark|hadoop|snowflake|informatica|talend)\b|\bdwh\b",
        r"\bdateningenieur\w*|\bingeniero\s+de\s+datos|\bingénieur\s+(?:de\s+)?données",
    )),
    ("data_analyst", _rx(
        r"\b(?:business\s+intelligence|bi|power\s*bi|tableau|looker|qlik)\b",
        r"\b(?:data|bi|analytics|reporting|insights?|product|marketing|quantitative|quant|"
        r"pricing|research|crm|growth|web|digital|business|statistical|decision|people|sales)"
        r"\s+(?:\w+\s+)?analy(?:st|sts|tics)\b",
        r"\banalytics\b|\bdata\s+visuali[sz]ation|\bstatistical\s+programmer\b",
        r"\b(?:business|data|customer|consumer|marketing)\s+insights?\b",
        r"\bsas\s+(?:programmer|developer)\b|\breporting\s+(?:specialist|developer)\b",
        r"\bhead\s+of\s+data\b|\bchief\s+data\b|\bdata\s+(?:and|&)\s+reporting\b",
        r"\bdata\s+(?:manager|lead|leader|specialist|strategist|strategy|consultant|officer|"
        r"coordinator|associate|steward|governance|quality|management|operations|integrity|"
        r"product|team|reporter|professional|director)\b",
        r"\b(?:master|reference)\s+data\b|\banalista\s+de\s+datos\b",
    )),
    ("software_engineer", _rx(
        r"\b(?:software|backend|back[\s-]end|frontend|front[\s-]end|full[\s-]?stack|devops|"
        r"dev\s?ops|cloud|platform|site\s+reliability|web|mobile|ios|android|application|"
        r"applications|systems?|embedded|firmware|infrastructure|security|qa|"
        r"automation|game|java|python|golang|\.net|c\+\+|c#|react|node(?:\.js)?|javascript|"
        r"typescript|ruby|php|scala|rust|kotlin|swift|salesforce|sap|quantitative|algorithms?|"
        r"integration|api|search|robotics\s+software|solutions?|enterprise|technical|linux|unix|"
        r"azure|aws|gcp|servicenow|sharepoint|m365|workday|oracle|peoplesoft|mainframe|cobol|it)"
        r"[\s/]+(?:[\w.+#]+[\s/]+)?(?:engineer\w*|developer|programmer|architect|dev)\b",
        r"(?:^|\s)(?:\.net|dotnet)[\s/]+(?:\w+[\s/]+)?(?:engineer\w*|developer|architect)\b",
        r"\bcomputer\s+scientists?\b",
        r"(?:^|,\s*|\b(?:of|senior|sr|staff|principal|lead|associate)\s+)engineering\s+"
        r"(?:manager|director|lead|head)\b",
        r"\b(?:head|director|vp|vice\s+president)\s+(?:of\s+)?engineering\b",
        r"\bdeveloper\b|\bprogrammer\b|\bsre\b|\bdevops\b",
        r"\bmember\s+of\s+(?:the\s+)?technical\s+staff\b|\btech(?:nical)?\s+lead\b",
        r"\bentwickler\w*|\bdéveloppeur\w*|\bdesarrollador\w*|\bcto\b",
    )),
)  # fmt: skip

#: Upper-case abbreviations, matched case-sensitively on the original title.
_ABBREVIATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("mlops_platform", re.compile(r"\bMLOps\b")),
    ("ml_engineer", re.compile(r"\bMLE\b")),
    ("data_scientist", re.compile(r"\bDS\b")),
    ("data_engineer", re.compile(r"\bDE\b")),
    ("data_analyst", re.compile(r"\bDA\b")),
    ("software_engineer", re.compile(r"\b(?:SWE|SDE|SRE)\b")),
)

#: Words that say nothing about the role: a title made of these only is uninformative.
_GENERIC_WORDS = frozenset(
    [
        "engineer",
        "engineers",
        "engineering",
        "consultant",
        "consultants",
        "specialist",
        "associate",
        "analyst",
        "scientist",
        "architect",
        "manager",
        "lead",
        "leader",
        "member",
        "of",
        "the",
        "technical",
        "staff",
        "professional",
        "expert",
        "officer",
        "advisor",
        "adviser",
        "individual",
        "contributor",
        "team",
        "tech",
        "technology",
        "it",
        "level",
        "senior",
        "sr",
        "snr",
        "junior",
        "jr",
        "principal",
        "staff",
        "head",
        "director",
        "vp",
        "vice",
        "president",
        "mid",
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "vi",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "and",
        "a",
        "an",
        "for",
        "in",
        "at",
        "with",
        "intern",
        "internship",
        "trainee",
        "graduate",
        "new",
        "grad",
        "entry",
        "l3",
        "l4",
        "l5",
        "l6",
        "l7",
        "chief",
        "distinguished",
        "fellow",
        "remote",
        "hybrid",
        "onsite",
        "contract",
        "contractor",
        "temporary",
        "full",
        "time",
        "part",
        "partner",
        "executive",
        "supervisor",
        "coordinator",
    ]
)

# --- Seniority --------------------------------------------------------------------------------

_SENIORITY_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("intern", _rx(
        r"\bintern(?:ship)?s?\b|\bco[\s-]?op\b|\bworking\s+student\b|\bwerkstudent\w*",
        r"\bpraktik\w*|\bstagiaire\b|\bstage\b|\balternan\w*|\bapprentice\w*|\bstudent\b",
        r"\bsummer\s+(?:analyst|associate)\b|\bplacement\s+student\b|\bazubi\b",
    )),
    ("lead_manager", _rx(
        r"\bmanager\b",
        r"\bmgr\b|\bhead\b|\bdirector\b|\bdir\b|\b[sea]?vp\b|\bvice[\s-]+president\b|\bchief\b",
        r"\bc(?:t|d|i|e|a|ai|da|ds|o|p|s|is|ml)o\b|\bpresident\b|\bsupervisor\b",
        r"\bleiter\w*|\bleitung\b|\bresponsable\b|\bjefe\b",
    )),
    ("staff_principal", _rx(
        r"(?<!\btechnical\s)\bstaff\b|\bprincipal\b|\bdistinguished\b",
        r"\b(?:technical|engineering)\s+fellow\b|\barchitect\s+fellow\b",
        r"\barchitect\b",  # architect-level individual contributors
    )),
    ("lead_manager", _rx(r"\blead\b|\bleader\b|\bleads\b")),
    ("senior", _rx(r"\bsenior\b|\bsr\b|\bsnr\b|\bexpert\b|\bexperienced\b|\bseasoned\b")),
    ("junior", _rx(
        r"\bjunior\b|\bjr\b|\bentry[\s-]*level\b|\bgraduate\b|\bgrad\b|\bearly[\s-]+career\b",
        r"\btrainee\b|\bpost[\s-]*doc\w*|\bpost[\s-]*doctoral\b|\bassistant\b",
        r"\bassociate\b(?!\s+(?:director|principal|vp|vice|partner|manager|head))",
    )),
    ("mid", _rx(r"\bmid[\s-]*(?:level|senior)?\b|\bintermediate\b")),
)  # fmt: skip
#: Level numbers: Roman numerals (upper case) or digits 1–6 standing alone.
_LEVEL = re.compile(r"(?<![\w./$#+-])(?:(VI|IV|V|I{1,3})|([1-6]))(?![\w%+]|\.\d)")
_LEVEL_SENIORITY = {1: "junior", 2: "mid", 3: "senior", 4: "senior", 5: "staff_principal"}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}


def clean_title(raw: str | None) -> str | None:
    """Single-spaced title text, or ``None``."""
    return clean_field(raw)


def _normalise(title: str) -> str:
    text = title.lower().replace("&", " and ").replace("’", "'")
    return " ".join(re.sub(r"[|,;:()\[\]{}–—•·*]+", " , ", text).split())


def _family_of(title: str) -> str | None:
    """Family of an informative title, or ``None`` when the title does not tell."""
    text = _normalise(title)
    for family, pattern in _RULES:
        if family == "data_engineer" and any(p.search(title) for _, p in _ABBREVIATIONS[:2]):
            continue
        if pattern.search(text):
            return family
    for family, pattern in _ABBREVIATIONS:
        if pattern.search(title):
            return family
    return None


def is_uninformative(title: str | None) -> bool:
    """True when a title is generic words only ("Engineer II", "Senior Consultant")."""
    if not title:
        return True
    words = re.findall(r"[a-z0-9]+", _normalise(title))
    return all(word in _GENERIC_WORDS for word in words)


def role_family(title: str | None) -> str:
    """The role family id of a job title ("Senior ML Engineer" → ``ml_engineer``)."""
    if not title:
        return OTHER
    return _family_of(title) or OTHER


def seniority(title: str | None) -> str:
    """The seniority of a job title ("Sr. Data Scientist" → ``senior``); ``mid`` by default."""
    if not title:
        return "mid"
    text = _normalise(title)
    for level, pattern in _SENIORITY_RULES:
        if pattern.search(text):
            return level
    numbers = [_ROMAN[m[1]] if m[1] else int(m[2]) for m in _LEVEL.finditer(title)]
    if numbers:
        return _LEVEL_SENIORITY.get(min(numbers[-1], 5), "mid")
    return "mid"


# --- Description fallback ---------------------------------------------------------------------

#: Evidence in a description for each family: (weight, pattern). Role names weigh most.
_DESCRIPTION_CUES: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {
    family: tuple((weight, _rx(*patterns)) for weight, patterns in cues)
    for family, cues in {
        "ml_engineer": (
            (3, (r"\b(?:machine\s+learning|ml)\s+engineers?\b",)),
            (1, (r"\bmachine\s+learning\b", r"\bdeep\s+learning\b", r"\bpytorch\b",
                 r"\btensorflow\b", r"\bcomputer\s+vision\b", r"\bnlp\b", r"\bml\s+models?\b",
                 r"\bmodel\s+training\b", r"\bscikit-learn\b")),
        ),
        "ai_llm_engineer": (
            (3, (r"\b(?:ai|llm|genai|generative\s+ai)\s+engineers?\b",)),
            (1, (r"\bllms?\b", r"\blarge\s+language\s+models?\b", r"\bgenerative\s+ai\b",
                 r"\bgenai\b", r"\bprompt\s+engineering\b", r"\bretrieval[\s-]augmented\b",
                 r"\brag\b", r"\blangchain\b", r"\bai\s+agents?\b")),
        ),
        "mlops_platform": (
            (3, (r"\bmlops\s+engineers?\b", r"\bml\s+platform\b", r"\bml\s+infrastructure\b")),
            (1, (r"\bmlops\b", r"\bmodel\s+(?:deployment|serving|monitoring)\b", r"\bkubeflow\b",
                 r"\bmlflow\b", r"\bfeature\s+stores?\b", r"\bsagemaker\b", r"\bvertex\s+ai\b")),
        ),
        "data_scientist": (
            (3, (r"\bdata\s+scientists?\b",)),
            (1, (r"\bdata\s+science\b", r"\bstatistical\s+model\w*", r"\ba/b\s+test\w*",
                 r"\bexperimentation\b", r"\bpredictive\s+model\w*", r"\bhypothesis\s+test\w*",
                 r"\bregression\b", r"\bforecasting\b")),
        ),
        "data_engineer": (
            (3, (r"\bdata\s+engineers?\b",)),
            (1, (r"\bdata\s+pipelines?\b", r"\betl\b", r"\belt\b", r"\bdata\s+warehous\w*",
                 r"\bairflow\b", r"\bspark\b", r"\bdbt\b", r"\bdata\s+lakes?\b", r"\bkafka\b",
                 r"\bsnowflake\b", r"\bdatabricks\b")),
        ),
        "data_analyst": (
            (3, (r"\b(?:data|business\s+intelligence|bi)\s+analysts?\b",)),
            (1, (r"\bdashboards?\b", r"\btableau\b", r"\bpower\s*bi\b", r"\blooker\b",
                 r"\breporting\b", r"\bkpis?\b", r"\bexcel\b", r"\bbusiness\s+intelligence\b")),
        ),
        "research_scientist": (
            (3, (r"\bresearch\s+(?:scientists?|engineers?)\b", r"\bapplied\s+scientists?\b")),
            (1, (r"\bpublications?\b", r"\bneurips\b", r"\bicml\b", r"\biclr\b", r"\bcvpr\b",
                 r"\bstate[\s-]of[\s-]the[\s-]art\b", r"\bnovel\s+(?:methods|algorithms)\b")),
        ),
        "software_engineer": (
            (3, (r"\bsoftware\s+(?:engineers?|developers?)\b",)),
            (1, (r"\bmicroservices\b", r"\brest(?:ful)?\s+apis?\b", r"\bbackend\b",
                 r"\bfront[\s-]?end\b", r"\bci/cd\b", r"\bcode\s+reviews?\b", r"\bjava\b",
                 r"\breact\b", r"\bsoftware\s+development\b")),
        ),
    }.items()
}  # fmt: skip
#: The description decides only with this much evidence and a clear lead over the runner-up.
_MIN_EVIDENCE = 4
_MIN_LEAD = 1.5


def _family_from_description(description: str) -> str:
    scores: Counter[str] = Counter()
    for family, cues in _DESCRIPTION_CUES.items():
        for weight, pattern in cues:
            scores[family] += weight * min(len(pattern.findall(description)), 5)
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] < _MIN_EVIDENCE:
        return OTHER
    if len(ranked) > 1 and ranked[0][1] < _MIN_LEAD * ranked[1][1]:
        return OTHER
    return ranked[0][0]


def classify_role(title: str | None, description: str | None = None) -> tuple[str, str]:
    """(role family id, seniority) of a posting.

    The family comes from the title; the description is read only when the title is
    uninformative ("Engineer II", "Consultant", "Member of Technical Staff" is informative) and
    must show clear evidence for one family, else the family is ``other``. The seniority comes
    from the title alone.
    """
    family = _family_of(title) if title else None
    if family is None and description and is_uninformative(title):
        family = _family_from_description(description)
    return family or OTHER, seniority(title)
