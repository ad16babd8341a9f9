"""The two competency frameworks of issue 16 item 5, as editable vocabularies.

Names and descriptions are short summaries in our own words, not the frameworks' text;
each competency links to its source.

AAMC DEI competencies (2022): the three learner levels and the three areas, one term per
level and area (code `aamc-dei-2022:<level>:<area>`). The areas are the title's three
(diversity, equity, inclusion), as the AAMC's implementation page groups the competencies
("Diversity Competencies", "Equity Competencies", …) and as a member of the expert panel
described them. The numbered competencies inside each area could not be checked against the
AAMC text when this was written, so none is invented here: editors can add them in the admin
with their AAMC number (code `aamc-dei-2022:<level>:<area>:<number>`).
"""

from django.db import migrations

AAMC_URL = (
    "https://www.aamc.org/about-us/mission-areas/medical-education/"
    "advancing-equity-learning-resources-support-implementation-aamcs-dei-competencies"
)
ACGME_URL = (
    "https://www.acgme.org/programs-and-institutions/programs/common-program-requirements/"
)

FRAMEWORKS = [
    # slug, name, short name, publisher, year, url, description
    (
        "aamc-dei-2022",
        "AAMC Diversity, Equity, and Inclusion Competencies Across the Learning Continuum",
        "AAMC DEI",
        "Association of American Medical Colleges",
        2022,
        AAMC_URL,
        "Expected DEI competence at three points of a physician's path, from the end of "
        "medical school to early faculty years (AAMC New and Emerging Areas in Medicine Series).",
    ),
    (
        "acgme-core",
        "ACGME Core Competencies",
        "ACGME",
        "Accreditation Council for Graduate Medical Education",
        None,
        ACGME_URL,
        "The six general competencies every residency and fellowship program teaches "
        "and assesses (ACGME Common Program Requirements).",
    ),
]

AAMC_LEVELS = [
    ("msg", "Entering residency (medical school graduates)"),
    ("rg", "Entering practice (residency graduates)"),
    ("fp", "Faculty physicians (3–5 years after residency)"),
]
AAMC_DOMAINS = [
    (
        "d1",
        "Diversity",
        "Identity and lived experience",
        "How a person's overlapping identities shape their experience, their health and "
        "their care, and valuing those differences.",
    ),
    (
        "d2",
        "Equity",
        "Bias, fairness and health equity",
        "Recognising and countering bias, and acting on the policies and systems that "
        "produce unfair differences in health.",
    ),
    (
        "d3",
        "Inclusion",
        "Belonging in care and learning",
        "Building care, learning and work settings where every patient, learner and "
        "colleague is respected and belongs.",
    ),
]

ACGME = [
    ("pc", "Patient Care", "Compassionate, appropriate and effective care of patients."),
    ("mk", "Medical Knowledge", "Knowing and applying the biomedical, clinical and social "
     "sciences behind care."),
    ("pbli", "Practice-based Learning and Improvement", "Examining one's own practice and "
     "improving it from evidence and feedback."),
    ("ics", "Interpersonal and Communication Skills", "Communicating and working well with "
     "patients, families and colleagues."),
    ("prof", "Professionalism", "Ethical conduct, accountability and respect for patients "
     "of every background."),
    ("sbp", "Systems-based Practice", "Working within, and improving, the wider system of care "
     "and its resources."),
]


def load(apps, schema_editor):
    Framework = apps.get_model("catalog", "Framework")
    Competency = apps.get_model("catalog", "Competency")
    frameworks = {}
    for position, (slug, name, short, publisher, year, url, description) in enumerate(
        FRAMEWORKS, start=1
    ):
        frameworks[slug], _ = Framework.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "short_name": short,
                "publisher": publisher,
                "year": year,
                "url": url,
                "description": description,
                "position": position,
            },
        )
    rows = []
    for level_code, level in AAMC_LEVELS:
        for domain_code, domain, name, description in AAMC_DOMAINS:
            code = f"aamc-dei-2022:{level_code}:{domain_code}"
            rows.append(("aamc-dei-2022", code, name, description, level, domain))
    for code, name, description in ACGME:
        rows.append(("acgme-core", f"acgme:{code}", name, description, "", ""))
    for position, (framework, code, name, description, level, domain) in enumerate(rows, 1):
        Competency.objects.update_or_create(
            code=code,
            defaults={
                "slug": code.replace(":", "-"),
                "framework": frameworks[framework],
                "name": name,
                "description": description,
                "level": level,
                "domain": domain,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0016_competency_frameworks")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
