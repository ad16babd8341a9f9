"""Initial content of the controlled vocabularies (shared/VOCABULARIES.md)."""

from django.db import migrations

LEARNER_LEVELS = [
    ("ume-preclerkship", "ume", "Pre-clerkship",
     "Medical students in the foundational, pre-clinical phase (typically years 1–2)."),
    ("ume-clerkship", "ume", "Clerkship",
     "Medical students in core clinical clerkships (typically year 3)."),
    ("ume-postclerkship", "ume", "Post-clerkship",
     "Advanced students: sub-internships, electives, transition to residency (typically year 4)."),
    ("gme-residency", "gme", "Residency", "Residents, interns (PGY-1) included."),
    ("gme-fellowship", "gme", "Fellowship", "Subspecialty fellows."),
    ("cpd-clinicians", "cpd", "Practising clinicians",
     "Attending physicians and other clinicians in continuing education."),
    ("cpd-faculty", "cpd", "Faculty development",
     "Educators, preceptors, clerkship and program directors."),
]

RESOURCE_TYPES = [
    ("curriculum", "Curriculum or module (several sessions)", "educator curriculum guide"),
    ("session-plan", "Session plan / facilitator guide", "lesson plan"),
    ("case", "Case (paper case, standardized-patient case, virtual patient)", "case study"),
    ("slide-deck", "Slide deck", "presentation"),
    ("video", "Video", "recorded lesson"),
    ("podcast", "Podcast or audio", "audio"),
    ("reading", "Reading or handout", "supporting document"),
    ("assessment-tool",
     "Assessment tool (rubric, OSCE station, survey instrument, question set)", "assessment"),
    ("simulation", "Simulation scenario", "simulation"),
    ("workshop-kit", "Workshop kit", "activity plan"),
    ("collection", "Toolkit or collection", "collection"),
]

INSTRUCTIONAL_METHODS = [
    ("IM001", "Case-Based Instruction/Learning"),
    ("IM002", "Clinical Experience – Ambulatory"),
    ("IM003", "Clinical Experience – Inpatient"),
    ("IM004", "Concept Mapping"),
    ("IM005", "Conference"),
    ("IM006", "Demonstration"),
    ("IM007", "Discussion, Large Group (>12)"),
    ("IM008", "Discussion, Small Group (≤12)"),
    ("IM009", "Games"),
    ("IM010", "Independent Learning"),
    ("IM011", "Journal Club"),
    ("IM012", "Laboratory"),
    ("IM013", "Lecture"),
    ("IM014", "Mentorship"),
    ("IM015", "Patient Presentation – Faculty"),
    ("IM016", "Patient Presentation – Learner"),
    ("IM017", "Peer Teaching"),
    ("IM018", "Preceptorship"),
    ("IM019", "Problem-Based Learning (PBL)"),
    ("IM020", "Reflection"),
    ("IM021", "Research"),
    ("IM022", "Role Play/Dramatization"),
    ("IM023", "Self-Directed Learning"),
    ("IM024", "Service Learning Activity"),
    ("IM025", "Simulation"),
    ("IM026", "Team-Based Learning (TBL)"),
    ("IM027", "Team-Building"),
    ("IM028", "Tutorial"),
    ("IM029", "Ward Rounds"),
    ("IM030", "Workshop"),
    ("IM031", "Patient Presentation – Patient"),
]

TOPICS = [
    ("structural-racism", "Structural racism"),
    ("social-determinants", "Social determinants of health"),
    ("implicit-bias", "Implicit bias"),
    ("race-in-clinical-algorithms", "Race in clinical algorithms and race-based medicine"),
    ("language-access", "Language access and working with interpreters"),
    ("health-literacy", "Health literacy"),
    ("lgbtq-health", "LGBTQ+ health"),
    ("disability", "Disability and accessible care"),
    ("rural-health", "Rural health"),
    ("immigrant-refugee-health", "Immigrant and refugee health"),
    ("indigenous-health", "Indigenous health"),
    ("maternal-health-equity", "Maternal health equity"),
    ("food-insecurity", "Food insecurity"),
    ("housing-instability", "Housing instability and homelessness"),
    ("incarceration", "Incarceration and health"),
    ("trauma-informed-care", "Trauma-informed care"),
    ("cultural-humility", "Cultural humility"),
    ("community-engagement", "Community engagement and partnership"),
    ("upstander-training", "Allyship and upstander training"),
    ("microaggressions", "Microaggressions in the learning environment"),
    ("gender-equity", "Gender equity in medicine"),
    ("advocacy", "Advocacy and health policy"),
    ("environmental-justice", "Environmental justice"),
]

LICENSES = [
    ("CC-BY-4.0", "Creative Commons Attribution 4.0",
     "https://creativecommons.org/licenses/by/4.0/"),
    ("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0",
     "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("CC-BY-NC-4.0", "Creative Commons Attribution-NonCommercial 4.0",
     "https://creativecommons.org/licenses/by-nc/4.0/"),
    ("CC-BY-NC-SA-4.0", "Creative Commons Attribution-NonCommercial-ShareAlike 4.0",
     "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
    ("CC-BY-ND-4.0", "Creative Commons Attribution-NoDerivatives 4.0",
     "https://creativecommons.org/licenses/by-nd/4.0/"),
    ("CC-BY-NC-ND-4.0", "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0",
     "https://creativecommons.org/licenses/by-nc-nd/4.0/"),
    ("CC0-1.0", "Creative Commons Zero 1.0 (public domain dedication)",
     "https://creativecommons.org/publicdomain/zero/1.0/"),
    ("all-rights-reserved", "All rights reserved", ""),
]

LANGUAGES = [
    ("en", "English", "English"),
    ("es", "Español", "Spanish"),
    ("fr", "Français", "French"),
    ("pt", "Português", "Portuguese"),
    ("zh", "中文", "Chinese"),
    ("vi", "Tiếng Việt", "Vietnamese"),
    ("ar", "العربية", "Arabic"),
    ("ht", "Kreyòl ayisyen", "Haitian Creole"),
    ("ko", "한국어", "Korean"),
    ("ru", "Русский", "Russian"),
    ("tl", "Tagalog", "Tagalog"),
]


def load(apps, schema_editor):
    def put(model_name, rows):
        model = apps.get_model("catalog", model_name)
        for position, (slug, fields) in enumerate(rows, start=1):
            model.objects.update_or_create(slug=slug, defaults={"position": position, **fields})

    put("LearnerLevel", [(s, {"stage": st, "name": n, "description": d})
                         for s, st, n, d in LEARNER_LEVELS])
    put("ResourceType", [(s, {"name": n, "lrmi_type": t}) for s, n, t in RESOURCE_TYPES])
    put("InstructionalMethod", [(c.lower(), {"code": c, "name": n})
                                for c, n in INSTRUCTIONAL_METHODS])
    put("Topic", [(s, {"name": n}) for s, n in TOPICS])
    put("License", [(s, {"name": n, "url": u}) for s, n, u in LICENSES])
    put("Language", [(s, {"name": n, "english_name": e}) for s, n, e in LANGUAGES])


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
