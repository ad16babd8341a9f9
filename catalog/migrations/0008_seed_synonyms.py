"""Seed the search synonyms (catalog.Synonym): abbreviations, other words for the same
thing and Spanish equivalents used in health-disparities teaching, each with its source.

Abbreviations are one-way (the letters often have other meanings: "IPV" is also a polio
vaccine, "ED" also a diagnosis), so the long form does not find every other use of the
letters. "Cultural competence" expands one-way to "cultural humility": the field moved
from the first to the second (Tervalon & Murray-García 1998), so a search for the old term
should find the newer teaching, while a search for cultural humility should not be
flooded with competence checklists. Editors maintain the list in the admin.
"""

from django.db import migrations

E, O = "equivalent", "one_way"
MESH = "NLM MeSH (entry terms)"
DECS = "DeCS/MeSH Spanish descriptor (BIREME/PAHO)"

ENTRIES = [
    # --- abbreviations (one-way) ------------------------------------------------------
    (O, "SDOH, SDoH", "social determinants of health", "CDC; ODPHP Healthy People 2030"),
    (O, "LEP", "limited English proficiency, limited English proficient", "LEP.gov (HHS, DOJ)"),
    (
        O,
        "DEI, EDI, DEIA",
        "diversity equity and inclusion, diversity, equity, inclusion",
        "AAMC Diversity, Equity and Inclusion competencies (2022)",
    ),
    (
        O,
        "SGM",
        "sexual and gender minority, sexual and gender minorities, LGBTQ, LGBTQIA, lesbian, gay, "
        "bisexual, transgender, queer, intersex",
        "NIMHD; NIH Sexual & Gender Minority Research Office (definition of SGM populations)",
    ),
    (
        O,
        "LGBT, LGBTQ, LGBTQ+, LGBTQI, LGBTQIA, LGBTQIA+, LGBTQ2S+",
        "sexual and gender minority, lesbian, gay, bisexual, transgender, queer",
        "NIH SGMRO; GLAAD Media Reference Guide",
    ),
    (O, "SOGI", "sexual orientation and gender identity", "NIH SGMRO; CMS"),
    (O, "TGD, TGNC", "transgender and gender diverse, transgender", "WPATH Standards of Care 8"),
    (O, "MSM", "men who have sex with men", "CDC HIV surveillance"),
    (
        O,
        "BIPOC",
        "Black Indigenous and people of color, people of color",
        "AAMC; The BIPOC Project",
    ),
    (
        O,
        "URiM, URM, UIM",
        "underrepresented in medicine",
        "AAMC definition of underrepresented in medicine (2003)",
    ),
    (
        O,
        "AAPI, AANHPI, NHPI",
        "Asian American and Pacific Islander, Asian American, Native Hawaiian and Pacific Islander",
        "NIMHD; OMB race and ethnicity standards (SPD 15)",
    ),
    (
        O,
        "AI/AN",
        "American Indian and Alaska Native, American Indian, Alaska Native, Indigenous",
        "Indian Health Service; OMB SPD 15",
    ),
    (
        O,
        "HBCU, HBCUs",
        "historically Black colleges and universities",
        "US Department of Education",
    ),
    (O, "FQHC, FQHCs", "federally qualified health center, community health center", "HRSA"),
    (O, "CHC", "community health center", "HRSA Health Center Program"),
    (O, "CHW, CHWs", "community health worker, promotora", "APHA Community Health Worker Section"),
    (O, "ACEs", "adverse childhood experiences", "CDC Adverse Childhood Experiences"),
    (O, "IPV", "intimate partner violence", "CDC Violence Prevention"),
    (O, "SUD", "substance use disorder", "NIDA; SAMHSA"),
    (O, "OUD", "opioid use disorder", "NIDA; SAMHSA"),
    (
        O,
        "MOUD, MAT",
        "medications for opioid use disorder, medication-assisted treatment, buprenorphine",
        "SAMHSA TIP 63",
    ),
    (O, "PWID", "people who inject drugs", "CDC"),
    (O, "HIV", "human immunodeficiency virus", "CDC"),
    (O, "PrEP", "pre-exposure prophylaxis", "CDC PrEP guidelines"),
    (O, "PEP", "post-exposure prophylaxis", "CDC"),
    (O, "HCV", "hepatitis C", "CDC"),
    (O, "TB", "tuberculosis", "CDC"),
    (O, "SCD", "sickle cell disease", "NHLBI"),
    (O, "T2D, T2DM", "type 2 diabetes", "American Diabetes Association"),
    (
        O,
        "eGFR",
        "estimated glomerular filtration rate, glomerular filtration rate, kidney function",
        "NKF-ASN Task Force on race and eGFR (2021)",
    ),
    (
        O,
        "kidney function, renal function",
        "eGFR, glomerular filtration rate",
        "NKF-ASN Task Force on race and eGFR (2021); MeSH Kidney Function Tests",
    ),
    (O, "PFT, PFTs", "pulmonary function test, spirometry", "American Thoracic Society"),
    (O, "IAT", "Implicit Association Test", "Project Implicit (Greenwald et al. 1998)"),
    (O, "ED, ER", "emergency department, emergency room", "ACEP"),
    (O, "PPH", "postpartum hemorrhage", "ACOG"),
    (O, "M&M", "morbidity and mortality conference, morbidity and mortality", "ACGME"),
    (O, "SES", "socioeconomic status", "APA"),
    (O, "MCH", "maternal and child health", "HRSA Maternal and Child Health Bureau"),
    (O, "OB/GYN, OBGYN", "obstetrics and gynecology", "ACOG"),
    (O, "NICU", "neonatal intensive care unit", "AAP"),
    (O, "PCP", "primary care physician, primary care provider", "AAFP"),
    (O, "IMG, IMGs", "international medical graduate", "ECFMG"),
    (O, "CBPR", "community-based participatory research", "AHRQ"),
    (O, "QI", "quality improvement", "IHI"),
    (O, "EHR, EMR", "electronic health record, electronic medical record", "ONC (HealthIT.gov)"),
    (O, "ACA", "Affordable Care Act", "CMS"),
    (O, "SNAP", "Supplemental Nutrition Assistance Program, food stamps", "USDA FNS"),
    (O, "ASL", "American Sign Language", "National Association of the Deaf"),
    (O, "UME", "undergraduate medical education, medical school", "AAMC"),
    (O, "GME", "graduate medical education, residency", "ACGME"),
    (O, "CME", "continuing medical education", "ACCME"),
    (O, "OSCE, OSCEs", "objective structured clinical examination", "AAMC"),
    (O, "TIC", "trauma-informed care", "SAMHSA TIP 57"),
    # --- other words for the same thing -------------------------------------------------
    (
        E,
        "implicit bias, unconscious bias, sesgo implícito, sesgo inconsciente",
        "",
        "AAMC; NIH Office of Equity, Diversity, and Inclusion; Spanish: PAHO usage",
    ),
    (
        E,
        "interpreter, interpreters, interpreter services, interpretation services, "
        "medical interpreter, intérprete, intérpretes, "
        "servicios de interpretación",
        "",
        "HHS OCR (Title VI, ACA Section 1557); NCIHC glossary",
    ),
    (
        O,
        "language access",
        "interpreter, interpretation services, language services",
        "HHS OCR language access guidance (Title VI)",
    ),
    (
        E,
        "limited English proficiency, limited English proficient, non-English speaking, "
        "language barrier, language barriers",
        "",
        "LEP.gov (HHS, DOJ)",
    ),
    (
        E,
        "race-based medicine, race correction, race-based clinical algorithms, "
        "race-adjusted, race norming",
        "",
        "Vyas, Eisenstein & Jones, NEJM 2020 (Hidden in Plain Sight); AAMC",
    ),
    (
        E,
        "microaggression, micro-aggression, microinvalidation",
        "",
        "Sue et al., American Psychologist 2007",
    ),
    (
        O,
        "cultural competence, cultural competency",
        "cultural humility, culturally responsive",
        "Tervalon & Murray-García, J Health Care Poor Underserved 1998",
    ),
    (E, "cultural humility, humildad cultural", "", "Tervalon & Murray-García 1998; PAHO usage"),
    (
        E,
        "trauma-informed care, trauma-informed approach, trauma informed care, "
        "atención informada sobre el trauma",
        "",
        "SAMHSA TIP 57; SAMHSA Concept of Trauma (2014)",
    ),
    (
        E,
        "low health literacy, limited health literacy, inadequate health literacy",
        "",
        "AHRQ Health Literacy Universal Precautions Toolkit",
    ),
    (
        E,
        "health literacy, alfabetización en salud, alfabetizacion sanitaria",
        "",
        f"{DECS}: Alfabetización en Salud",
    ),
    (
        E,
        "social determinants of health, determinantes sociales de la salud, determinantes sociales",
        "",
        f"{DECS}: Determinantes Sociales de la Salud; CDC",
    ),
    (
        E,
        "structural racism, systemic racism, racismo estructural, racismo sistémico",
        "",
        f"MeSH Systemic Racism; {DECS}: Racismo Sistémico; NIMHD",
    ),
    (E, "racism, racismo", "", f"{DECS}: Racismo"),
    (E, "antiracism, anti-racism, antiracist, anti-racist", "", "AAMC anti-racism resources"),
    (
        E,
        "intimate partner violence, domestic violence, violencia de pareja",
        "",
        f"CDC Violence Prevention; {DECS}: Violencia de Pareja",
    ),
    (
        E,
        "substance abuse, substance use disorder, substance use",
        "",
        "NIDA Words Matter (person-first language)",
    ),
    (
        E,
        "community health workers, community health worker, promotoras, promotora, "
        "promotores de salud, promotoras de salud",
        "",
        "APHA Community Health Worker Section; CDC",
    ),
    (E, "rural health, salud rural", "", f"{DECS}: Salud Rural"),
    (
        E,
        "maternal health, maternal care, atención materna, salud materna",
        "",
        f"{DECS}: Salud Materna; Servicios de Salud Materna",
    ),
    (
        E,
        "prenatal care, antenatal care, pregnancy care, atención prenatal",
        "",
        f"{MESH}: Prenatal Care; {DECS}: Atención Prenatal",
    ),
    (
        E,
        "farmworkers, farm workers, farmworker, agricultural workers, migrant farmworkers, "
        "trabajadores agrícolas",
        "",
        "National Center for Farmworker Health",
    ),
    (
        E,
        "homeless, homelessness, unhoused, experiencing homelessness, personas sin hogar",
        "",
        "National Health Care for the Homeless Council, language guide",
    ),
    (
        E,
        "prisoners, incarcerated, incarceration, justice-involved, imprisoned",
        "",
        f"{MESH}: Prisoners; National Commission on Correctional Health Care",
    ),
    (
        O,
        "Native American",
        "American Indian, Alaska Native, Indigenous, tribal",
        "Indian Health Service; National Congress of American Indians",
    ),
    (E, "Latino, Latina, Latinx, Latine, Hispanic", "", "OMB SPD 15 (Hispanic or Latino)"),
    (
        E,
        "food insecurity, food insecure, inseguridad alimentaria",
        "",
        f"USDA ERS; {DECS}: Inseguridad Alimentaria",
    ),
    (E, "health equity, equidad en salud", "", f"{DECS}: Equidad en Salud"),
    (
        E,
        "health disparities, health inequities, disparidades en salud, inequidades en salud",
        "",
        "NIMHD health disparities definitions; PAHO",
    ),
    (
        E,
        "people with disabilities, persons with disabilities, disabled people, "
        "personas con discapacidad",
        "",
        f"ADA National Network; {DECS}: Personas con Discapacidad",
    ),
    (E, "weight bias, weight stigma, anti-fat bias", "", "Rudd Center for Food Policy & Health"),
    (E, "stigmatizing language, biased language", "", "Goddu et al., JGIM 2018; NIDA Words Matter"),
    (
        E,
        "gender-affirming care, gender affirming care, transition-related care",
        "",
        "WPATH Standards of Care 8",
    ),
    (E, "telehealth, telemedicine, telemedicina", "", f"HRSA; {DECS}: Telemedicina"),
    (E, "exam, examination", "", "Merriam-Webster: exam, short for examination"),
    (
        E,
        "standardized patient, simulated patient, standardized patients",
        "",
        "Association of Standardized Patient Educators (ASPE)",
    ),
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("catalog", "Synonym")
    db = schema_editor.connection.alias
    Synonym.objects.using(db).bulk_create(
        Synonym(kind=kind, terms=terms, expansions=expansions, source=source)
        for kind, terms, expansions, source in ENTRIES
    )
    with schema_editor.connection.cursor() as cursor:  # every process reloads (catalog.search)
        cursor.execute("UPDATE catalog_search_generation SET token = %s WHERE id = 1", ["seeded"])


def unseed(apps, schema_editor):
    apps.get_model("catalog", "Synonym").objects.using(schema_editor.connection.alias).filter(
        terms__in=[terms for _, terms, _, _ in ENTRIES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0007_synonyms"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
