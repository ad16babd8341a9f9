"""Seed the outdated-term list (editable in the admin) and give every published resource
its review-by date: three years after its review (the default of the setting)."""

from django.db import migrations

AMA = (
    "AMA & AAMC Center for Health Justice, Advancing Health Equity: "
    "A Guide to Language, Narrative and Concepts (2021)",
    "https://www.ama-assn.org/about/ama-center-health-equity/advancing-health-equity-guide-language-narrative-and-concepts-0",
)
CDC = (
    "CDC, Health Equity Guiding Principles for Inclusive Communication",
    "https://www.cdc.gov/health-communication/php/toolkit/",
)
NIDA = (
    "NIDA, Words Matter: Preferred Language for Talking About Addiction",
    "https://nida.nih.gov/research-topics/addiction-science/words-matter-preferred-language-talking-about-addiction",
)
AP = ("AP Stylebook", "https://www.apstylebook.com/")
NKF = (
    "NKF-ASN Task Force on Reassessing the Inclusion of Race in Diagnosing Kidney Disease (2021)",
    "https://www.kidney.org/content/national-kidney-foundation-and-american-society-nephrology-task-force-reassessing-inclusion-race",
)
GLAAD = ("GLAAD Media Reference Guide", "https://glaad.org/reference/")
AFSP = (
    "Reporting on Suicide: Recommendations for Reporting on Suicide (AFSP and partners)",
    "https://reportingonsuicide.org/recommendations/",
)

TERMS = [
    ("race-based eGFR", "eGFR from the race-free CKD-EPI 2021 equation",
     "Race coefficients in kidney function estimates were removed in 2021.", NKF),
    ("race correction", "remove the race coefficient; name the actual risk factor",
     "Race is a social construct, not a biological risk factor.", AMA),
    ("race-corrected", "race-free (or name the actual risk factor)",
     "Race is a social construct, not a biological risk factor.", AMA),
    ("non-compliant", "non-adherent, or describe the barrier",
     "Blames the patient for barriers to care.", AMA),
    ("noncompliance", "non-adherence, or describe the barrier",
     "Blames the patient for barriers to care.", AMA),
    ("Caucasian", "White (as a racial category)",
     "Rests on discredited racial science; use White when race is meant.", AP),
    ("minorities", "minoritized groups, or name the group",
     "Minoritized names the process; be specific where possible.", AMA),
    ("illegal alien", "undocumented immigrant, or person without legal immigration status",
     "Dehumanizing; a person is not illegal.", AP),
    ("illegal immigrant", "undocumented immigrant",
     "A person is not illegal.", AP),
    ("drug abuser", "person with a substance use disorder",
     "Stigmatizing; person-first language.", NIDA),
    ("addict", "person with a substance use disorder",
     "Stigmatizing; person-first language.", NIDA),
    ("substance abuse", "substance use disorder, or substance use",
     "Stigmatizing; use clinical terms.", NIDA),
    ("committed suicide", "died by suicide",
     "“Committed” implies a crime or sin.", AFSP),
    ("the homeless", "people experiencing homelessness",
     "Person-first; homelessness is a circumstance, not an identity.", CDC),
    ("transgendered", "transgender (an adjective)",
     "Transgender is an adjective, not a verb or condition.", GLAAD),
    ("biological male", "assigned male at birth",
     "Reduces gender to anatomy; use sex assigned at birth.", GLAAD),
    ("biological female", "assigned female at birth",
     "Reduces gender to anatomy; use sex assigned at birth.", GLAAD),
    ("hard-to-reach", "underserved, or groups that health systems have not reached",
     "Puts the burden on the community instead of the system.", AMA),
    ("vulnerable populations", "groups that have been marginalized (say by what)",
     "Locates vulnerability in people rather than in the conditions imposed on them.", AMA),
    ("high-risk group", "group put at increased risk (say by what)",
     "Locates risk in people rather than in the conditions imposed on them.", CDC),
    ("disadvantaged", "under-resourced, or excluded from (say what)",
     "Hides the structures that create disadvantage.", AMA),
    ("mentally ill", "person with a mental health condition",
     "Person-first language.", CDC),
    ("the elderly", "older adults",
     "Othering; older adults is the preferred term.", AP),
    ("wheelchair-bound", "wheelchair user",
     "A wheelchair is a means of mobility, not a confinement.", CDC),
]


def seed(apps, schema_editor):
    OutdatedTerm = apps.get_model("catalog", "OutdatedTerm")
    for term, replacement, note, (source, url) in TERMS:
        OutdatedTerm.objects.get_or_create(
            term=term,
            defaults={
                "replacement": replacement,
                "note": note,
                "source": source,
                "source_url": url,
            },
        )
    Resource = apps.get_model("catalog", "Resource")
    for resource in Resource.objects.filter(review_by__isnull=True).only("pk", "reviewed_at"):
        day = resource.reviewed_at.date()
        try:
            review_by = day.replace(year=day.year + 3)
        except ValueError:
            review_by = day.replace(year=day.year + 3, day=28)
        Resource.objects.filter(pk=resource.pk).update(review_by=review_by)


def unseed(apps, schema_editor):
    apps.get_model("catalog", "OutdatedTerm").objects.filter(term__in=[t[0] for t in TERMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0014_currency_links_and_terms")]

    operations = [migrations.RunPython(seed, unseed)]
