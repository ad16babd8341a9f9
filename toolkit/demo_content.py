"""Demo content for `seed_demo` (DESIGN §12): published resources, workflow examples, reviews.

Data only: the seeding logic lives in `toolkit.demo`. Every person and institution
named here is fictional (and distinct from the demo accounts); every reference is a
real, well-known work. Slugs and codes are those of shared/VOCABULARIES.md.

Shapes:

- `RESOURCES`: published catalog entries. Keys: title, summary, learning_objectives,
  description, type, levels, interprofessional, topics, methods, language, license,
  time_required_minutes, group_size, materials, facilitator_notes, evaluation, keywords,
  references, authors, acknowledgements, coi_statement, files, published_days_ago and,
  for a few, versions ([{"change_note", "changes": {field: new value}}]).
- `SUBMISSIONS`: the demo contributor's work in progress, one per workflow state
  (same keys without versions/published_days_ago, plus `state`; authors is empty so
  the seeder uses the owner's profile).
- `REVIEW_TEXTS`: completed reviews in the rubric's answer format (reviews.rubric), and
  `REVIEW_PLAN`: which of them belong to which submission (keyed by state).
- `DECISION_LETTERS`: letter templates with `{title}` and `{reviews}` placeholders, keyed
  by decision kind; `WITHDRAW_REASON` and `RETIRE_REASON` for the withdrawn and retired
  submissions.

Attachments are built from this text by `toolkit.demo_files.files_for`.
"""

import textwrap

_LIST_OR_HEADING = ("- ", "* ", "#", "|", ">")


def _md(text: str) -> str:
    """Dedent a triple-quoted Markdown block and join its soft-wrapped lines."""
    out: list[str] = []
    for line in textwrap.dedent(text).strip().splitlines():
        stripped = line.strip()
        starts_block = stripped.startswith(_LIST_OR_HEADING) or (
            stripped[:1].isdigit() and ". " in stripped[:4]
        )
        previous = out[-1] if out else ""
        if previous and stripped and not starts_block:
            out[-1] = f"{previous} {stripped}"
            continue
        if starts_block and previous and not previous.startswith(_LIST_OR_HEADING):
            if not (previous[:1].isdigit() and ". " in previous[:4]):
                out.append("")  # Markdown needs a blank line before a list
        out.append(stripped)
    return "\n".join(out)


def _lines(*items: str) -> str:
    """One item per line (objectives, references)."""
    return "\n".join(items)


def _author(name: str, affiliation: str, email: str) -> dict:
    return {"name": name, "affiliation": affiliation, "email": email, "orcid": ""}


# Fictional institutions.
RIVERSIDE = "Riverside School of Medicine"
LAKESHORE = "Lakeshore University Hospital"
PRAIRIE = "Prairie Regional Health System"
NORTHGATE = "Northgate College of Medicine"
EASTBROOK = "Eastbrook Academic Medical Center"
SUMMIT = "Summit Valley Community Health Center"
WILLOW = "Willow Creek Family Medicine Residency"
COASTAL = "Coastal Plains School of Nursing"
HILLCREST = "Hillcrest College of Pharmacy"
GRANITE = "Granite Ridge Children's Hospital"
LAKESHORE_SW = "Lakeshore School of Social Work"
MEADOWBROOK = "Meadowbrook Critical Access Hospital"
LEGAL_AID = "Lakeshore Legal Aid Society"

# References: real, well-known works only (never an invented citation).
IOM_2003 = (
    "Institute of Medicine. Unequal Treatment: Confronting Racial and Ethnic Disparities "
    "in Health Care. Washington, DC: National Academies Press; 2003."
)
TERVALON_1998 = (
    "Tervalon M, Murray-García J. Cultural humility versus cultural competence: a critical "
    "distinction in defining physician training outcomes in multicultural education. "
    "J Health Care Poor Underserved. 1998;9(2):117-125."
)
VYAS_2020 = (
    "Vyas DA, Eisenstein LG, Jones DS. Hidden in plain sight — reconsidering the use of race "
    "correction in clinical algorithms. N Engl J Med. 2020;383(9):874-882."
)
METZL_2014 = (
    "Metzl JM, Hansen H. Structural competency: theorizing a new medical engagement with "
    "stigma and inequality. Soc Sci Med. 2014;103:126-133."
)
BRAVEMAN_2014 = (
    "Braveman P, Gottlieb L. The social determinants of health: it's time to consider the "
    "causes of the causes. Public Health Rep. 2014;129(Suppl 2):19-31."
)
KARLINER_2007 = (
    "Karliner LS, Jacobs EA, Chen AH, Mutha S. Do professional interpreters improve clinical "
    "care for patients with limited English proficiency? A systematic review of the "
    "literature. Health Serv Res. 2007;42(2):727-754."
)
FLORES_2003 = (
    "Flores G, Laws MB, Mayo SJ, et al. Errors in medical interpretation and their potential "
    "clinical consequences in pediatric encounters. Pediatrics. 2003;111(1):6-14."
)
INKER_2021 = (
    "Inker LA, Eneanya ND, Coresh J, et al. New creatinine- and cystatin C-based equations "
    "to estimate GFR without race. N Engl J Med. 2021;385(19):1737-1749."
)
JONES_2000 = (
    "Jones CP. Levels of racism: a theoretic framework and a gardener's tale. "
    "Am J Public Health. 2000;90(8):1212-1215."
)
BAILEY_2017 = (
    "Bailey ZD, Krieger N, Agénor M, Graves J, Linos N, Bassett MT. Structural racism and "
    "health inequities in the USA: evidence and interventions. Lancet. "
    "2017;389(10077):1453-1463."
)
HOFFMAN_2016 = (
    "Hoffman KM, Trawalter S, Axt JR, Oliver MN. Racial bias in pain assessment and treatment "
    "recommendations, and false beliefs about biological differences between blacks and "
    "whites. Proc Natl Acad Sci U S A. 2016;113(16):4296-4301."
)
GREEN_2007 = (
    "Green AR, Carney DR, Pallin DJ, et al. Implicit bias among physicians and its "
    "prediction of thrombolysis decisions for black and white patients. J Gen Intern Med. "
    "2007;22(9):1231-1238."
)
HALL_2015 = (
    "Hall WJ, Chapman MV, Lee KM, et al. Implicit racial/ethnic bias among health care "
    "professionals and its influence on health care outcomes: a systematic review. "
    "Am J Public Health. 2015;105(12):e60-e76."
)
SUE_2007 = (
    "Sue DW, Capodilupo CM, Torino GC, et al. Racial microaggressions in everyday life: "
    "implications for clinical practice. Am Psychol. 2007;62(4):271-286."
)
HAGER_2010 = (
    "Hager ER, Quigg AM, Black MM, et al. Development and validity of a 2-item screen to "
    "identify families at risk for food insecurity. Pediatrics. 2010;126(1):e26-e32."
)
BINSWANGER_2007 = (
    "Binswanger IA, Stern MF, Deyo RA, et al. Release from prison — a high risk of death for "
    "former inmates. N Engl J Med. 2007;356(2):157-165."
)
WANG_2012 = (
    "Wang EA, Hong CS, Shavit S, Sanders R, Kessell E, Kushel MB. Engaging individuals "
    "recently released from prison into primary care: a randomized trial. Am J Public Health. "
    "2012;102(9):e22-e29."
)
SAMHSA_2014 = (
    "Substance Abuse and Mental Health Services Administration. SAMHSA's Concept of Trauma "
    "and Guidance for a Trauma-Informed Approach. HHS Publication No. (SMA) 14-4884. "
    "Rockville, MD: SAMHSA; 2014."
)
SCHILLINGER_2003 = (
    "Schillinger D, Piette J, Grumbach K, et al. Closing the loop: physician communication "
    "with diabetic patients who have low health literacy. Arch Intern Med. "
    "2003;163(1):83-90."
)
IEZZONI_2021 = (
    "Iezzoni LI, Rao SR, Ressalam J, et al. Physicians' perceptions of people with disability "
    "and their health care. Health Aff (Millwood). 2021;40(2):297-306."
)
NARDONE_2020 = (
    "Nardone A, Casey JA, Morello-Frosch R, Mujahid M, Balmes JR, Thakur N. Associations "
    "between historical residential redlining and current age-adjusted rates of emergency "
    "department visits due to asthma across eight cities in California: an ecological study. "
    "Lancet Planet Health. 2020;4(1):e24-e31."
)
WOMAN_2017 = (
    "WOMAN Trial Collaborators. Effect of early tranexamic acid administration on mortality, "
    "hysterectomy, and other morbidities in women with post-partum haemorrhage (WOMAN): an "
    "international, randomised, double-blind, placebo-controlled trial. Lancet. "
    "2017;389(10084):2105-2116."
)
GODDU_2018 = (
    "Goddu AP, O'Conor KJ, Lanzkron S, et al. Do words matter? Stigmatizing language and the "
    "transmission of bias in the medical record. J Gen Intern Med. 2018;33(5):685-691."
)
JENA_2016 = (
    "Jena AB, Olenski AR, Blumenthal DM. Sex differences in physician salary in US public "
    "medical schools. JAMA Intern Med. 2016;176(9):1294-1304."
)
FLANAGIN_2021 = (
    "Flanagin A, Frey T, Christiansen SL; AMA Manual of Style Committee. Updated guidance on "
    "the reporting of race and ethnicity in medical and science journals. JAMA. "
    "2021;326(7):621-627."
)
BHAKTA_2023 = (
    "Bhakta NR, Bime C, Kaminsky DA, et al. Race and ethnicity in pulmonary function test "
    "interpretation: an official American Thoracic Society statement. Am J Respir Crit Care "
    "Med. 2023;207(8):978-995."
)
SJODING_2020 = (
    "Sjoding MW, Dickson RP, Iwashyna TJ, Gay SE, Valley TS. Racial bias in pulse oximetry "
    "measurement. N Engl J Med. 2020;383(25):2477-2478."
)

RESOURCES = [
    # 1
    {
        "title": (
            "Hidden in the Equation: A Team-Based Learning Session on Race Correction in "
            "Kidney and Lung Function Testing"
        ),
        "summary": (
            "A two-hour team-based learning (TBL) session in which first-year students trace "
            "how race entered the eGFR and spirometry equations, what changed when those "
            "equations were revised, and what the change means for individual patients. "
            "Teams work through readiness assurance tests and an application exercise built "
            "on de-identified, fabricated laboratory reports."
        ),
        "learning_objectives": _lines(
            "Describe how race coefficients were incorporated into the 2009 CKD-EPI eGFR "
            "equation and into race-specific spirometry reference equations.",
            "Explain why race is a social construct and a poor proxy for physiology in "
            "clinical prediction.",
            "Calculate eGFR with the 2021 race-free CKD-EPI equation and compare the result "
            "with the 2009 estimate for the same patient.",
            "Identify downstream clinical decisions (drug dosing, nephrology referral, "
            "transplant listing) that a race coefficient can change.",
        ),
        "description": _md(
            """
            Pre-clerkship renal and pulmonary physiology courses often teach the formulas
            long before students meet a patient whose care depends on them. Until recently,
            many laboratories reported a higher eGFR for patients recorded as Black, and
            many spirometers compared patients with race-specific "normal" values. National
            kidney and thoracic societies have since recommended race-free equations, and
            students need to understand both the history and the reasoning.

            This session uses the standard TBL sequence: an individual readiness assurance
            test (iRAT), a team test (tRAT) with immediate feedback, and an application
            exercise in which every team reports a simultaneous answer. The application cases
            ask teams to recalculate kidney function for three fabricated patients, decide
            whether a medication dose or referral changes, and consider what a patient
            should be told when their reported kidney function changes overnight.

            The session closes with a short faculty synthesis on the difference between
            race-conscious care (measuring and addressing racism's effects) and race-based
            care (treating race as biology).
            """
        ),
        "type": "session-plan",
        "levels": ["ume-preclerkship"],
        "interprofessional": False,
        "topics": ["race-in-clinical-algorithms", "structural-racism"],
        "methods": ["IM026", "IM008"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 120,
        "group_size": "Teams of 5–7; one facilitator for up to 10 teams",
        "materials": _md(
            """
            - Pre-reading (about 45 minutes): the Vyas et al. review and a one-page primer
              on the 2021 CKD-EPI equation
            - iRAT/tRAT question set (10 items) with answer key and scratch-off or online
              team answer cards
            - Three application cases with fabricated laboratory reports
            - Calculators or a spreadsheet with both eGFR equations pre-built
            - Letter cards A–D for simultaneous reporting
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** iRAT 15 min · tRAT 20 min · clarification mini-lecture 15 min ·
            application exercise 55 min (three cases) · synthesis 15 min.

            **Clarification.** Review only the tRAT items that most teams missed. Item 4
            (why the original coefficient was added) is usually the one that needs time:
            explain that it was fitted to study populations and reflected social
            categorisation, not a measured biological difference.

            **Application prompts.**
            - Case 1: "The laboratory changes equations overnight. Your patient's eGFR
              drops from 62 to 53. What, if anything, changes in her care today?"
            - Case 2: "Would this man have been referred for transplant evaluation earlier
              under the new equation?" (eGFR crosses 20 mL/min/1.73 m² in the new estimate.)
            - Case 3: a spirometry report interpreted with race-specific and race-neutral
              reference values; teams decide whether the result is "normal".

            **Pitfalls.** Students sometimes conclude that "race doesn't matter". Redirect:
            racism has measurable effects on health, and recording race to study inequity
            is different from using it as a biological input. If a student shares a personal
            or family experience, thank them and do not ask them to speak for a group.

            **Debrief question.** "Name one other calculator you have seen this year that
            asks for race. What would you want to know before using it?"
            """
        ),
        "evaluation": _md(
            """
            Run for two first-year cohorts at Riverside School of Medicine (n = 168 and
            n = 174) in the renal block. Mean iRAT scores were 6.1/10 and mean tRAT scores
            9.0/10. On a retrospective pre/post self-assessment (5-point scale), confidence
            in explaining the eGFR change to a patient rose from 1.9 to 3.8. In the
            end-of-block examination, 81% answered a new application item on race-free eGFR
            correctly. Free-text comments asked for more time on the spirometry case, which
            we extended from 10 to 20 minutes in the second year.
            """
        ),
        "keywords": "eGFR, CKD-EPI, spirometry, race correction, clinical algorithms, TBL",
        "references": _lines(VYAS_2020, INKER_2021),
        "authors": [
            _author("Hannah Whitcombe", RIVERSIDE, "h.whitcombe@riverside.example.org"),
            _author("Yusuf Demir", RIVERSIDE, "y.demir@riverside.example.org"),
        ],
        "acknowledgements": (
            "We thank the renal block course committee and our student TBL pilot team."
        ),
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Facilitator guide"},
            {"kind": "pptx", "label": "Session slides"},
        ],
        "published_days_ago": 1010,
    },
    # 2
    {
        "title": "Working with a Professional Medical Interpreter: A Ten-Minute OSCE Station",
        "summary": (
            "An objective structured clinical examination (OSCE) station in which a clerkship "
            "student obtains a focused history from a Spanish-speaking standardized patient "
            "through a trained interpreter. The package includes the case, interpreter and "
            "patient scripts, a behaviourally anchored checklist and a feedback guide."
        ),
        "learning_objectives": _lines(
            "Conduct a pre-session briefing with the interpreter about goals and sensitive topics.",
            "Address the patient directly in the first person and pause in short segments.",
            "Confirm understanding using teach-back through the interpreter.",
            "Explain why family members and untrained bilingual staff should not interpret "
            "clinical encounters.",
        ),
        "description": _md(
            """
            Patients with limited English proficiency experience more adverse events and
            less satisfactory communication, and the evidence that professional
            interpretation improves care is consistent. Yet clerkship students often learn
            to work with interpreters by watching whoever happens to be on the team.

            This station assesses the skills, rather than the knowledge, of interpreted
            encounters. A standardized patient presents with three days of dysuria and
            flank pain; the interpreter is a trained standardized interpreter who follows a
            script, including one planned moment where the patient uses an idiom that
            needs clarification. The station can be used formatively during the clerkship or
            summatively in an end-of-year OSCE.
            """
        ),
        "type": "assessment-tool",
        "levels": ["ume-clerkship"],
        "interprofessional": False,
        "topics": ["language-access"],
        "methods": ["IM025"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 25,
        "group_size": "One student per station; run in parallel rooms",
        "materials": _md(
            """
            - Door sign and student instructions
            - Standardized patient script (Spanish) and training notes
            - Standardized interpreter script with the planned clarification moment
            - 14-item checklist with behavioural anchors and a global rating
            - A room with three chairs arranged in a triangle (or a speaker phone for the
              remote-interpreting variant)
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** 2 min reading · 10 min encounter · 8 min structured feedback from the
            interpreter and faculty observer · 5 min reset.

            **Training the interpreter.** Recruit from your interpreter services department
            and pay them as standardized-patient staff. They interpret faithfully and do not
            rescue the student; if the student speaks to them in the third person ("Ask her
            if..."), they interpret exactly that.

            **Scoring.** Observers should score what they see: "briefed interpreter" requires
            an explicit statement of the visit's purpose, not a greeting. The most commonly
            missed items are the pre-briefing and teach-back.

            **Feedback prompts.** "Where did you look when the patient was speaking?" ·
            "What did you do when the interpreter asked to clarify a phrase?"

            **Pitfall.** Do not cast a bilingual faculty member as the interpreter; it blurs
            the roles the station is designed to teach.
            """
        ),
        "evaluation": _md(
            """
            Used formatively in the internal medicine clerkship at Lakeshore University
            Hospital with 96 students over one year. Inter-rater agreement between faculty
            observers and interpreters on the checklist was good (intraclass correlation
            0.79 on a double-scored sample of 30 encounters). The mean checklist score was
            9.8/14; only 38% of students briefed the interpreter before the encounter. After
            we added a five-minute orientation to the clerkship's first day, pre-briefing in
            the next 40 students rose to 65%.
            """
        ),
        "keywords": "interpreter, limited English proficiency, OSCE, communication skills",
        "references": _lines(KARLINER_2007, FLORES_2003),
        "authors": [
            _author("Tomás Ibarra", LAKESHORE, "t.ibarra@lakeshore.example.org"),
            _author("Rebecca Thorne", LAKESHORE, "r.thorne@lakeshore.example.org"),
        ],
        "acknowledgements": (
            "With thanks to Lakeshore Interpreter Services, who co-wrote the interpreter script."
        ),
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Station guide and checklist"},
            {"kind": "docx", "label": "Patient and interpreter scripts"},
        ],
        "versions": [
            {
                "change_note": (
                    "Added a remote (telephone) interpreting variant and lengthened the "
                    "feedback period to ten minutes."
                ),
                "changes": {
                    "time_required_minutes": 27,
                    "group_size": "One student per station; run in parallel rooms or by phone",
                },
            }
        ],
        "published_days_ago": 820,
    },
    # 3
    {
        "title": (
            "Structural Morbidity and Mortality Conference: Tracing Upstream Causes of an "
            "Adverse Outcome"
        ),
        "summary": (
            "A residency conference format that keeps the structure of a traditional M&M "
            "but adds a structured analysis of the social and structural forces behind an "
            "adverse outcome. A resident presents a de-identified case; the audience maps "
            "contributing factors from the individual to the policy level and proposes one "
            "system change."
        ),
        "learning_objectives": _lines(
            "Analyze an adverse outcome using a structural root-cause diagram that spans "
            "patient, clinic, health-system and policy levels.",
            "Distinguish structural contributors from individual patient behaviour in case "
            "discussion.",
            "Propose at least one actionable change within the residency's own health system.",
            "Demonstrate non-blaming language when presenting a patient's social context.",
        ),
        "description": _md(
            """
            Morbidity and mortality conferences teach residents to look for system errors,
            but the "system" usually stops at the hospital door. A readmission for heart
            failure may be attributed to "non-adherence" when the real story includes a
            prior-authorization denial, a pharmacy that closed, and a job that does not
            allow time off for appointments.

            This format, adapted from the structural competency framework, asks the
            presenting resident to work with a social worker or community health worker to
            reconstruct the patient's path to the adverse event. The conference follows a
            fixed template: case (10 min), conventional clinical analysis (10 min),
            structural analysis with a fishbone diagram (20 min), and commitments (15 min).
            Three sample cases are included: a heart-failure readmission, a delayed cancer
            diagnosis after missed screening, and diabetic ketoacidosis following insulin
            rationing.
            """
        ),
        "type": "case",
        "levels": ["gme-residency"],
        "interprofessional": False,
        "topics": ["structural-racism", "social-determinants"],
        "methods": ["IM005", "IM001"],
        "language": "en",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 60,
        "group_size": "Whole residency program (20–60); small-group variant for 8–12",
        "materials": _md(
            """
            - Presenter template (slides) with the four-level fishbone diagram
            - Three sample cases with discussion questions
            - Case-selection and de-identification checklist
            - A whiteboard or shared document for live mapping
            """
        ),
        "facilitator_notes": _md(
            """
            **Before the conference (2–3 weeks).** Help the presenting resident choose a
            case where structural factors are plausible but not obvious. Check that no
            detail (rare diagnosis, date, unit) could identify the patient. Pair the resident
            with a social worker or community health worker to review the chart and, where
            appropriate, speak with the care team.

            **During.** The moderator (a faculty member, not the presenter) enforces the
            template. When the room drifts toward patient blame ("he just didn't take his
            medications"), ask: "What would have had to be true for him to take them?"

            **Commitments.** Close by asking the room for one change that someone present
            can own, with a name and a date. Record it and report back at the next session.

            **Pitfalls.** Avoid presenting the patient's race as an explanation; if race is
            relevant, name the mechanism (for example, residential segregation limiting
            pharmacy access). Do not let the session become a venting forum without
            commitments.
            """
        ),
        "evaluation": _md(
            """
            Held quarterly for two years in the internal medicine residency at Eastbrook
            Academic Medical Center (about 45 residents per session; 8 sessions). On
            post-session surveys (n = 212 responses), 84% agreed that the format changed how
            they would describe a patient's social context in notes. Of 19 commitments
            recorded, 11 were completed within six months, including a discharge-pharmacy
            "meds-to-beds" pilot and a standing order for social work review after a second
            heart-failure admission.
            """
        ),
        "keywords": "M&M, structural competency, root cause analysis, residency conference",
        "references": _lines(METZL_2014, BRAVEMAN_2014),
        "authors": [
            _author("Daniel Adeyemi-Clarke", EASTBROOK, "d.adeyemi-clarke@eastbrook.example.org"),
            _author("Julia Lindqvist", EASTBROOK, "j.lindqvist@eastbrook.example.org"),
            _author("Mariam Haddad", LAKESHORE_SW, "m.haddad@lssw.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pptx", "label": "Presenter template"},
            {"kind": "pdf", "label": "Moderator guide and sample cases"},
        ],
        "published_days_ago": 640,
    },
    # 4
    {
        "title": "Cultural Humility in Precepting: A Faculty Development Workshop",
        "summary": (
            "A 90-minute workshop for clinical preceptors on modelling cultural humility at "
            "the bedside and in feedback conversations. Participants contrast cultural "
            "humility with checklist-style cultural competence, practise self-reflection "
            "prompts and role-play teaching moments drawn from real precepting situations."
        ),
        "learning_objectives": _lines(
            "Contrast cultural humility with cultural competence as goals for clinical teaching.",
            "Apply a three-question self-reflection routine before and after a precepted "
            "encounter.",
            "Demonstrate how to debrief a learner who made an assumption about a patient's "
            "culture.",
            "Plan one change to your own precepting practice and how you will check it.",
        ),
        "description": _md(
            """
            Preceptors are often asked to "teach cultural competence" without a clear model
            of what that looks like in a ten-minute precepting window. Lists of cultural
            "facts" about groups tend to reinforce stereotypes; cultural humility instead
            asks clinicians to commit to lifelong self-evaluation, to address power
            imbalances with patients and to build partnerships with communities.

            The workshop moves from a brief framing (15 min) to paired reflection on a time
            the participant misread a patient, then to triad role plays of three common
            precepting moments: a learner who attributes a patient's choice to "their
            culture", a learner who avoids asking about spiritual beliefs, and a preceptor
            who realizes mid-encounter that they made an assumption themselves.
            """
        ),
        "type": "workshop-kit",
        "levels": ["cpd-faculty"],
        "interprofessional": False,
        "topics": ["cultural-humility"],
        "methods": ["IM030", "IM020", "IM022"],
        "language": "en",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 90,
        "group_size": "12–24 preceptors; one facilitator per 12",
        "materials": _md(
            """
            - Framing slides (8 slides)
            - Reflection cards with the three self-reflection questions
            - Three role-play scenarios with learner, preceptor and observer cards
            - Commitment cards to be returned by mail after 6 weeks
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Framing 15 min · paired reflection 15 min · role plays 3 × 15 min
            (rotate roles) · large-group debrief 10 min · commitments 5 min.

            **Setting the tone.** Share your own example of a misread patient first. Faculty
            participants are more candid when the facilitator goes first.

            **Role-play observers** use the card prompt: "What did the preceptor ask rather
            than tell?" This keeps feedback concrete.

            **Debrief prompts.** "What made it hard to name your own assumption in front of
            a learner?" · "How does your clinic's schedule help or hinder humility?"

            **Pitfalls.** Participants sometimes ask for a list of "what group X believes".
            Acknowledge the wish for certainty, then redirect to asking the patient. Avoid
            using real patients' stories from your own institution in the scenarios.
            """
        ),
        "evaluation": _md(
            """
            Delivered six times to community and academic preceptors of Prairie Regional
            Health System (n = 87). Mean workshop rating 4.5/5. At six weeks, 41 of 87
            returned commitment cards; 29 (71% of returners) reported having used the
            reflection routine at least weekly. Students precepted by participants did not
            yet show a measurable change on the clerkship learning-environment survey,
            which we attribute to small numbers.
            """
        ),
        "keywords": "cultural humility, precepting, faculty development, feedback, role play",
        "references": _lines(TERVALON_1998),
        "authors": [
            _author("Siobhan Carraway", PRAIRIE, "s.carraway@prairie.example.org"),
            _author("Kofi Mensah-Reyes", PRAIRIE, "k.mensah-reyes@prairie.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Facilitator guide"},
            {"kind": "pptx", "label": "Framing slides"},
        ],
        "published_days_ago": 950,
    },
    # 5
    {
        "title": "Asking About Food: Screening and Referral with the Hunger Vital Sign",
        "summary": (
            "A 45-minute session for clerkship students and residents in primary care on "
            "screening for food insecurity with the validated two-item Hunger Vital Sign and "
            "connecting patients to help. Learners practise asking the questions without "
            "shame, responding to a positive screen, and making a warm referral with a "
            "dietitian and social worker."
        ),
        "learning_objectives": _lines(
            "Administer the two-item Hunger Vital Sign in a respectful, normalizing way.",
            "Interpret a positive screen and explain its implications for medication and "
            "diet counselling.",
            "Identify local and federal food resources (SNAP, WIC, school meals, food banks) "
            "appropriate to a patient's situation.",
            "Collaborate with a dietitian or social worker on a warm hand-off.",
        ),
        "description": _md(
            """
            Food insecurity is common in primary care and affects diabetes control,
            medication adherence and children's development, yet clinicians often skip the
            question because they do not know what to do with a "yes". The Hunger Vital Sign
            asks whether, in the last 12 months, the household worried that food would run
            out before there was money to buy more, and whether food bought did not last;
            "often true" or "sometimes true" to either item is a positive screen.

            The session pairs a short briefing with structured role plays. Learners rotate
            as clinician, patient and observer through three scenarios: a parent at a
            well-child visit, an older adult with diabetes adjusting insulin around skipped
            meals, and a graduate student who is surprised to screen positive. A dietitian
            and a social worker co-facilitate and model the hand-off.
            """
        ),
        "type": "session-plan",
        "levels": ["ume-clerkship", "gme-residency"],
        "interprofessional": True,
        "topics": ["food-insecurity", "social-determinants"],
        "methods": ["IM002", "IM022"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 45,
        "group_size": "6–12 learners per facilitator pair",
        "materials": _md(
            """
            - One-page briefing on the Hunger Vital Sign, with scoring
            - Three role-play scenario cards (clinician, patient, observer versions)
            - A local resource sheet (replace ours with your own: food bank, SNAP and WIC
              offices, school meal contacts)
            - Optional: a clinic's electronic health record screening template
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Briefing 10 min · three role-play rounds of 8 min each · debrief
            11 min.

            **Normalizing language.** Model the preface: "We ask everyone these questions
            because money for food can be tight and it affects health." Learners often
            apologise before asking; point out that apologising signals that the question is
            shameful.

            **Clinical pearl for the diabetes scenario.** A patient who skips meals at the
            end of the month is at risk of hypoglycaemia on sulfonylureas or fixed insulin
            doses; the dietitian should prompt learners to consider the regimen, not only
            refer.

            **Debrief prompts.** "What did the patient need from you in the first minute
            after saying yes?" · "Who in our clinic can complete the referral today?"

            **Pitfalls.** Do not simulate poverty or ask learners to "live on a SNAP budget";
            keep the focus on the clinical conversation and the referral pathway.
            """
        ),
        "evaluation": _md(
            """
            Run in the family medicine clerkship and the family medicine residency at Summit
            Valley Community Health Center with 58 students and 24 residents. In the three
            months after the session, documented food-insecurity screening at the residents'
            continuity visits rose from 22% to 47% of adult visits, and referrals to the
            on-site food pantry rose from 9 to 31 per month. We did not measure whether
            patients' food security improved.
            """
        ),
        "keywords": "food insecurity, Hunger Vital Sign, screening, SNAP, WIC, referral",
        "references": _lines(HAGER_2010, BRAVEMAN_2014),
        "authors": [
            _author("Priya Raghunathan", SUMMIT, "p.raghunathan@summitvalley.example.org"),
            _author("Chinedu Eze", SUMMIT, "c.eze@summitvalley.example.org"),
        ],
        "acknowledgements": "Co-facilitated by the clinic's nutrition and social work teams.",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Facilitator guide"},
            {"kind": "docx", "label": "Learner handout"},
        ],
        "versions": [
            {
                "change_note": (
                    "Added the residency outcome data (screening and referral rates) from "
                    "the second year of use."
                ),
                "changes": {
                    "evaluation": _md(
                        """
                        Run in the family medicine clerkship and the family medicine
                        residency at Summit Valley Community Health Center with 58 students
                        and 24 residents in year one and 61 students and 24 residents in
                        year two. In the three months after the session, documented
                        food-insecurity screening at the residents' continuity visits rose
                        from 22% to 47% of adult visits, and held at 44% one year later.
                        Referrals to the on-site food pantry rose from 9 to 31 per month. We
                        did not measure whether patients' food security improved.
                        """
                    )
                },
            }
        ],
        "published_days_ago": 560,
    },
    # 6
    {
        "title": "Unequal Treatment, Twenty Years On: A Podcast Episode and Listening Guide",
        "summary": (
            "A 30-minute podcast conversation between a hospitalist and a health-services "
            "researcher about what the Institute of Medicine's 2003 report Unequal Treatment "
            "found, what has changed since, and what practising clinicians can do in their "
            "own panels. A one-page listening guide supports individual CME credit or a "
            "journal-club-style discussion."
        ),
        "learning_objectives": _lines(
            "Summarize the principal findings of the 2003 Unequal Treatment report.",
            "Differentiate disparities that arise from access and insurance from those that "
            "persist within the clinical encounter.",
            "Identify one quality measure in your own practice that could be stratified by "
            "race, ethnicity and language.",
        ),
        "description": _md(
            """
            The Institute of Medicine's report documented that racial and ethnic minority
            patients received lower-quality care than white patients across many services,
            even when insurance status, income and severity were comparable. Many
            practising clinicians have heard of the report but have not read it, and few
            have seen their own performance data stratified by race, ethnicity or language.

            In this episode the guests walk through three of the report's findings, discuss
            the role of clinician uncertainty and stereotyping described in its chapter on
            the clinical encounter, and end with a practical segment on stratifying a
            practice's own quality measures. The listening guide includes timestamps,
            reflection questions and a short self-assessment.
            """
        ),
        "type": "podcast",
        "levels": ["cpd-clinicians", "gme-residency"],
        "interprofessional": False,
        "topics": ["structural-racism", "implicit-bias"],
        "methods": ["IM010"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 35,
        "group_size": "Individual listening; optional discussion for 4–10",
        "materials": _md(
            """
            - Audio episode (30 min) with a full transcript
            - Listening guide with timestamps and reflection questions
            - Optional: your practice's quality dashboard
            """
        ),
        "facilitator_notes": _md(
            """
            **For individual learners.** Listen, then answer the three reflection questions
            in the guide; the self-assessment takes about five minutes.

            **For a group discussion (20 min after listening).** Start with the
            timestamped segment at 18:40 on stratified data. Ask: "If we stratified our
            diabetes control measure by preferred language tomorrow, what do you predict
            we'd see, and why?"

            **Pitfalls.** Discussions can drift into whether disparities are "really" about
            income. Point back to the report's finding that gaps persisted after adjusting
            for insurance and income, and to the chapter on the encounter itself.
            """
        ),
        "evaluation": _md(
            """
            Released through the Lakeshore University Hospital CME program; 214 clinicians
            completed the self-assessment in the first year (physicians 71%, advanced
            practice clinicians 20%, others 9%). Mean rating 4.4/5. Thirty-eight listeners
            (18%) reported requesting stratified quality data from their practice manager
            at a three-month follow-up survey (response rate 41%).
            """
        ),
        "keywords": "Unequal Treatment, disparities, quality measurement, podcast, CME",
        "references": _lines(IOM_2003),
        "authors": [
            _author("Marcus Bellweather", LAKESHORE, "m.bellweather@lakeshore.example.org"),
            _author("Esther Kwan", LAKESHORE, "e.kwan@lakeshore.example.org"),
        ],
        "acknowledgements": "Produced with the Lakeshore University Hospital media studio.",
        "coi_statement": "None.",
        "files": [
            {
                "kind": "link",
                "label": "Listen to the episode",
                "url": "https://example.org/podcasts/unequal-treatment-twenty-years",
            },
            {"kind": "pdf", "label": "Listening guide"},
        ],
        "published_days_ago": 300,
    },
    # 7
    {
        "title": "Speaking Up on Rounds: Upstander Skills for Microaggressions in Clinical Teams",
        "summary": (
            "A 90-minute interprofessional workshop in which students, residents and nurses "
            "practise responding to microaggressions directed at patients, learners or staff "
            "during clinical work. Participants learn a menu of bystander responses and "
            "rehearse them in short, scripted role plays built from situations reported by "
            "trainees."
        ),
        "learning_objectives": _lines(
            "Define microaggressions and describe their cumulative effect on patients and "
            "team members.",
            "Select a bystander response (distract, delegate, document, delay, direct) suited "
            "to the situation and one's own role.",
            "Demonstrate a brief, non-escalating direct response in a role play.",
            "Describe how to check in with the person targeted after the event.",
        ),
        "description": _md(
            """
            Learners report witnessing microaggressions on rounds far more often than they
            report acting on them, usually because of hierarchy and uncertainty about what
            to say. Skills practice, rather than awareness alone, is what builds the
            confidence to respond.

            The workshop uses the widely taught "five Ds" of bystander intervention as a
            menu rather than a script, so that a third-year student and a charge nurse can
            each choose a response that fits their position. Six short scenarios cover
            comments about a patient's accent, an assumption that a Black woman physician is
            a nurse, a joke about a patient's weight, and a patient who refuses care from a
            resident wearing a hijab. Each role play is 3 minutes with a 4-minute debrief.
            """
        ),
        "type": "workshop-kit",
        "levels": ["ume-clerkship", "gme-residency"],
        "interprofessional": True,
        "topics": ["microaggressions", "upstander-training"],
        "methods": ["IM022", "IM030"],
        "language": "en",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 90,
        "group_size": "12–30 participants in groups of 3–4; one facilitator per 3 groups",
        "materials": _md(
            """
            - Slides (12) introducing microaggressions and the bystander menu
            - Six scenario cards, each with a "speaker" line and role descriptions
            - Pocket card summarizing the five responses and sample phrases
            - A list of institutional reporting routes (adapt to your institution)
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Introduction 15 min · demonstration role play by facilitators 5 min ·
            small-group practice 45 min · large-group debrief 20 min · close 5 min.

            **Safety.** Tell participants they may step out of any role play and that no one
            will be asked to play the target of a comment about their own identity. Let
            groups choose scenarios.

            **Coaching the direct response.** Encourage short "I" statements that name the
            behaviour and move the work forward: "Let's stick to the clinical picture" or
            "I'd like us to use her name". Discourage lectures in the moment.

            **Debrief prompts.** "Which response felt most realistic for your role?" ·
            "What would make it safer to speak up on our service?"

            **Pitfalls.** Groups sometimes debate whether a comment "counts" as a
            microaggression. Acknowledge intent versus impact, then return to practising the
            response. Have a plan for participants who disclose mistreatment: name a
            confidential contact before the session.
            """
        ),
        "evaluation": _md(
            """
            Run four times at Northgate College of Medicine and its teaching hospital with
            118 participants (64 clerkship students, 31 residents, 23 nurses). Self-rated
            confidence to respond on a 5-point scale rose from 2.4 to 3.9 immediately after.
            At three months, 46% of survey respondents (n = 52) described using one of the
            responses; "delegate" and "distract" were the most commonly used.
            """
        ),
        "keywords": "microaggressions, bystander intervention, upstander, learning environment",
        "references": _lines(SUE_2007),
        "authors": [
            _author("Adaeze Nwosu-Hart", NORTHGATE, "a.nwosu-hart@northgate.example.org"),
            _author("Patrick O'Halloran", NORTHGATE, "p.ohalloran@northgate.example.org"),
            _author("Tamika Ellison", COASTAL, "t.ellison@coastalplains.example.org"),
        ],
        "acknowledgements": (
            "Scenarios were drawn, with permission, from anonymous trainee reports."
        ),
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Facilitator guide and scenario cards"},
            {"kind": "pptx", "label": "Workshop slides"},
        ],
        "published_days_ago": 480,
    },
    # 8
    {
        "title": "Gender-Affirming Primary Care Visit: A Standardized Patient Case",
        "summary": (
            "A standardized patient case in which a student sees a 27-year-old transgender "
            "woman establishing primary care and requesting continuation of her estradiol "
            "and spironolactone. The case assesses inclusive history-taking, an anatomy-based "
            "approach to preventive care and respectful communication."
        ),
        "learning_objectives": _lines(
            "Elicit and use a patient's name and pronouns consistently throughout an encounter.",
            "Take a sexual history that asks about practices and partners without assumptions.",
            "Plan preventive screening based on the organs a patient has rather than the sex "
            "recorded at birth.",
            "Identify monitoring needed for estradiol and spironolactone therapy.",
        ),
        "description": _md(
            """
            Transgender and gender-diverse people report avoiding care after disrespectful
            encounters, and many students have never practised a gender-affirming visit.
            This case focuses on routine primary care rather than on transition itself.

            The standardized patient (ideally a transgender woman trained and paid as an
            educator) has been on feminizing hormones for four years, recently moved, and
            needs a new prescriber. The student must take a focused history, review
            medications, plan monitoring (including potassium and creatinine for
            spironolactone) and discuss preventive care such as blood-pressure screening,
            sexual-health screening guided by the history, and appropriate cancer screening.
            Checklist items reward asking over assuming; the written post-encounter note
            asks students to justify their screening plan.
            """
        ),
        "type": "case",
        "levels": ["ume-clerkship", "ume-postclerkship"],
        "interprofessional": False,
        "topics": ["lgbtq-health"],
        "methods": ["IM025", "IM001"],
        "language": "en",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 50,
        "group_size": "One student per encounter; observed debrief in groups of 4–6",
        "materials": _md(
            """
            - Standardized patient training materials and casting guidance
            - Door note and 16-item checklist with global rating of respect and rapport
            - Post-encounter note template with model answer
            - Faculty debrief guide with a short evidence summary on hormone monitoring
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** 15 min encounter · 10 min post-encounter note · 25 min group debrief.

            **Casting.** Recruit through local LGBTQ+ community organizations and pay at your
            standard educator rate. Offer the standardized patient a say in the script and a
            private debrief afterwards.

            **Scoring notes.** A student who misgenders the patient and corrects themselves
            briefly should not lose the "pronouns" item; repeated misgendering or lengthy
            apologies should. The screening plan is correct if it is organ-based: for
            example, no cervical screening for a patient without a cervix.

            **Debrief prompts.** "What did you ask that you would not ask a cisgender
            patient, and why?" · "How did you decide which screening to offer?"

            **Pitfall.** Students sometimes over-focus on surgery. Bring the discussion back
            to the patient's stated agenda for the visit.
            """
        ),
        "evaluation": _md(
            """
            Used in the end-of-clerkship OSCE at Riverside School of Medicine (n = 151) and
            in a fourth-year primary-care elective (n = 22). Mean checklist score was 12.6/16;
            the most frequently missed item was the organ-based screening plan (missed by
            34%). Standardized patients rated 88% of students as "respectful" or "very
            respectful". Students asked for a pre-clerkship session on the topic, which the
            curriculum committee has since added.
            """
        ),
        "keywords": "transgender health, gender-affirming care, OSCE, primary care, pronouns",
        "references": "",
        "authors": [
            _author("Theo Vasquez-Lind", RIVERSIDE, "t.vasquez-lind@riverside.example.org"),
            _author("Wen Zhao", RIVERSIDE, "w.zhao@riverside.example.org"),
        ],
        "acknowledgements": "We thank the standardized patients who co-wrote the case.",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Case and checklist"},
            {"kind": "docx", "label": "Standardized patient training notes"},
        ],
        "published_days_ago": 410,
    },
    # 9
    {
        "title": (
            "Accessible Exam Rooms: A Simulation Circuit on Caring for Patients with Mobility "
            "Disabilities"
        ),
        "summary": (
            "A two-hour simulation circuit in which pre-clerkship students, physical therapy "
            "students and nursing students rotate through four stations co-taught by "
            "instructors with mobility disabilities. Stations cover asking about and "
            "providing assistance, safe transfers, height-adjustable equipment and a full "
            "examination without skipping steps."
        ),
        "learning_objectives": _lines(
            "Ask a patient how they prefer to be assisted before offering physical help.",
            "Demonstrate a safe assisted transfer to a height-adjustable examination table "
            "with a team member.",
            "Identify accessible equipment (adjustable tables, wheelchair scales, lifts) and "
            "the consequences of its absence.",
            "Complete a focused examination on a wheelchair user without omitting elements "
            "such as weight or skin inspection.",
        ),
        "description": _md(
            """
            Many physicians report low confidence in caring for people with disabilities,
            and patients with mobility disabilities are less likely to be weighed or to have
            a complete examination. Students rarely see accessible equipment used well.

            The circuit is led by instructors with mobility disabilities, paid as
            educators, who share their expertise about their own bodies and care. Physical
            therapy students co-teach the transfer station. The four 20-minute stations
            are: (1) "How can I help?" — communication and consent; (2) transfers and
            positioning; (3) equipment audit of a standard clinic room; and (4) a focused
            examination including weight and pressure-area checks. A closing discussion
            covers the disability rights principle "nothing about us without us".
            """
        ),
        "type": "simulation",
        "levels": ["ume-preclerkship"],
        "interprofessional": True,
        "topics": ["disability"],
        "methods": ["IM025", "IM031"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 120,
        "group_size": "24–32 learners in mixed groups of 6–8; four stations",
        "materials": _md(
            """
            - A height-adjustable examination table and, for comparison, a fixed table
            - A wheelchair-accessible scale (or a borrowed one from a rehabilitation unit)
            - Transfer board and gait belt
            - Station guides for instructors and a room-audit checklist
            - Honoraria for instructors with disabilities
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Briefing 10 min · four stations × 20 min · debrief 20 min · buffer 10.

            **Working with instructors with disabilities.** Meet them beforehand to agree
            what they will and will not be asked, and let them set the limits of physical
            contact. They are teachers, not "cases"; introduce them by their role.

            **Transfer station safety.** A physical therapist must supervise; students only
            practise with instructors who volunteer for transfers, otherwise with peers.

            **Debrief prompts.** "Which step would you have skipped in a busy clinic, and
            what would the patient have lost?" · "Who in your clinic decides what equipment
            is bought?"

            **Pitfalls.** Avoid disability "simulation" exercises in which non-disabled
            students use wheelchairs to "experience" disability; they tend to reinforce pity
            rather than skills.
            """
        ),
        "evaluation": _md(
            """
            Run annually for three years at Northgate College of Medicine with Coastal
            Plains nursing and physical therapy students (total 274 learners). On a
            locally written 10-item attitudes scale, mean scores
            improved from 3.2 to 3.9 (5-point scale). In a follow-up OSCE six months later,
            students who attended weighed the wheelchair-using standardized patient in 71%
            of encounters versus 38% in the cohort before the circuit was introduced.
            """
        ),
        "keywords": "disability, accessibility, wheelchair users, transfers, accessible equipment",
        "references": _lines(IEZZONI_2021),
        "authors": [
            _author("Ruth Abernathy", NORTHGATE, "r.abernathy@northgate.example.org"),
            _author("Benjamin Tallis", COASTAL, "b.tallis@coastalplains.example.org"),
        ],
        "acknowledgements": (
            "Co-designed with the disability community advisory panel at Northgate."
        ),
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Station guides"},
            {"kind": "docx", "label": "Room accessibility audit"},
        ],
        "published_days_ago": 700,
    },
    # 10
    {
        "title": (
            "Postpartum Hemorrhage at a Critical Access Hospital: An In-Situ Rural "
            "Obstetric Simulation"
        ),
        "summary": (
            "An in-situ simulation for rural interprofessional teams managing a postpartum "
            "hemorrhage with limited blood products and a delayed transfer. The scenario "
            "combines technical management with the realities of rural obstetric care and "
            "the disparities in maternal outcomes that rural, Indigenous and Black "
            "birthing people face."
        ),
        "learning_objectives": _lines(
            "Recognize postpartum hemorrhage early using quantitative blood-loss measurement.",
            "Apply a stepwise hemorrhage protocol, including uterotonics and tranexamic acid "
            "within three hours of birth.",
            "Coordinate a transfer with a receiving tertiary centre while resuscitation continues.",
            "Discuss how rural obstetric unit closures and structural racism contribute to "
            "maternal morbidity.",
        ),
        "description": _md(
            """
            Rural hospitals deliver many babies with small teams, few blood products and
            long transfer times, and rural maternal morbidity is higher than urban. Teams
            that rarely manage hemorrhage benefit from practising in their own space, with
            their own equipment and their own transfer call.

            The scenario begins 20 minutes after an uncomplicated vaginal birth. The patient
            (high-fidelity birthing simulator or a hybrid with a standardized patient) has
            uterine atony and progressive bleeding. The team has four units of O-negative
            blood, no on-site obstetrician, and air transport grounded by weather. Expected
            actions follow a standard hemorrhage bundle: fundal massage, oxytocin,
            tranexamic acid, second-line uterotonics with attention to contraindications
            (methylergonovine in hypertension, carboprost in asthma), balloon tamponade,
            blood transfusion and early transfer activation. The debrief includes a
            10-minute segment on maternal health equity in rural settings.
            """
        ),
        "type": "simulation",
        "levels": ["gme-residency", "cpd-clinicians"],
        "interprofessional": True,
        "topics": ["rural-health", "maternal-health-equity"],
        "methods": ["IM025", "IM027"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 90,
        "group_size": "One team of 5–8 (physician, nurses, anesthesia, lab) plus observers",
        "materials": _md(
            """
            - Birthing simulator or hybrid set-up with a bleeding system and measured
              under-buttocks drape
            - Hemorrhage cart with labelled uterotonics (simulated), TXA and a balloon device
            - Scenario script with vital-sign progression
            - Transfer-call script for a confederate playing the receiving centre
            - Debrief guide with the equity discussion
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Pre-brief 10 min · scenario 25 min · debrief 40 min · equipment
            reset 15 min.

            **Progression.** If the team has not measured blood loss by minute 5, have the
            nurse confederate say "This pad is soaked again". If transfer has not been
            called by minute 15, the patient becomes hypotensive.

            **Debrief structure.** Use a plus/delta approach for the technical phase, then
            ask: "What would have been different if this hospital still had its own
            obstetrician? If the patient lived 90 minutes away?" Share national data on
            maternal mortality by race and rurality and ask the team how their unit reviews
            outcomes.

            **Pitfalls.** In-situ simulation can uncover real equipment problems (expired
            drugs, a missing balloon). Log them for the unit manager and say so in the
            pre-brief. Never use a real patient bed that is needed for care.
            """
        ),
        "evaluation": _md(
            """
            Run at four critical access hospitals in the Prairie Regional Health System
            (12 sessions, 83 participants: 19 physicians, 41 nurses, 9 nurse anesthetists,
            14 laboratory and support staff). Teams reached the first uterotonic in a median
            of 4 minutes (range 2–9) and TXA in 11 minutes. Sessions identified 17 latent
            safety threats, including two units without a balloon device, all of which were
            corrected. Participants rated the equity debrief as relevant (4.2/5).
            """
        ),
        "keywords": (
            "postpartum hemorrhage, rural obstetrics, in-situ simulation, TXA, maternal health"
        ),
        "references": _lines(WOMAN_2017),
        "authors": [
            _author("Ingrid Solberg", MEADOWBROOK, "i.solberg@meadowbrook.example.org"),
            _author("Jerome Castellanos", PRAIRIE, "j.castellanos@prairie.example.org"),
        ],
        "acknowledgements": "Supported by the Prairie Regional simulation outreach team.",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Scenario and debrief guide"},
        ],
        "published_days_ago": 150,
    },
    # 11
    {
        "title": "Refugee Health Intake Clinic: A Longitudinal Service-Learning Elective",
        "summary": (
            "A ten-week elective in which pairs of medical, nursing and pharmacy students "
            "staff an evening intake clinic for newly arrived refugees alongside professional "
            "interpreters and resettlement caseworkers. Weekly seminars and structured "
            "reflection accompany the clinical shifts, and the community partner co-leads the "
            "course."
        ),
        "learning_objectives": _lines(
            "Perform the components of a domestic medical screening visit for a newly "
            "arrived refugee under supervision.",
            "Use professional interpreters in every encounter, including on the telephone.",
            "Describe the resettlement process and the role of resettlement agencies, "
            "caseworkers and community organizations.",
            "Reflect in writing on power, trust and trauma in encounters with people who "
            "have been forcibly displaced.",
            "Identify barriers to continuing primary care after the resettlement period ends.",
        ),
        "description": _md(
            """
            People arriving through refugee resettlement programs receive a domestic medical
            screening soon after arrival, often in clinics that rely on volunteers. Students
            who volunteer without preparation can do harm: by skipping interpreters, asking
            about trauma without purpose, or promising follow-up that will not happen.

            This elective pairs service with preparation and reflection. Students attend
            four orientation sessions (resettlement, interpreted encounters, screening
            protocols, trauma-informed communication) before their first shift, then
            alternate clinic shifts with seminars led jointly by faculty and the
            resettlement agency's health coordinator. Each student writes five structured
            reflections and completes a small project requested by the partner, such as
            a medication-calendar template in several languages.
            """
        ),
        "type": "curriculum",
        "levels": ["ume-preclerkship", "ume-postclerkship"],
        "interprofessional": True,
        "topics": ["immigrant-refugee-health", "community-engagement", "language-access"],
        "methods": ["IM024", "IM020", "IM018"],
        "language": "en",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 600,
        "group_size": "8–16 students per term; 2 students per clinic shift",
        "materials": _md(
            """
            - Syllabus with ten weekly sessions and orientation slides
            - Shift checklist and supervision agreement
            - Reflection prompts and a grading rubric
            - Memorandum-of-understanding template for a community partner
            - Interpreter access (in person or by telephone) for every shift
            """
        ),
        "facilitator_notes": _md(
            """
            **Before launch.** Negotiate the partnership in writing: what the agency needs,
            what students may and may not do, who supervises, and how the agency can end the
            partnership. Budget for interpreters; never let bilingual students interpret for
            each other.

            **Seminars.** Each 60-minute seminar opens with a 10-minute case from the
            previous week's shifts (de-identified), followed by the topic and 15 minutes of
            reflection sharing. Week 6 is led by a former refugee who now works at the
            agency, paid as faculty.

            **Reflection prompts.** "Describe a moment when you felt you held power in the
            encounter. What did you do with it?" · "What did a patient teach you about the
            health system?"

            **Pitfalls.** Students sometimes ask patients about their journey out of
            curiosity. Teach that trauma history is taken for a clinical purpose, with
            consent, and by the responsible clinician. Watch for students who feel
            responsible for outcomes beyond their control and connect them with support.
            """
        ),
        "evaluation": _md(
            """
            Offered for three years at Riverside School of Medicine with Coastal Plains and
            Hillcrest students (n = 71). Students completed 1,040 supervised shift-hours; the
            partner agency reported that 94% of scheduled screening visits were completed
            within 30 days of arrival, compared with 78% before the clinic opened (other
            changes also occurred in that period). Reflections coded by two faculty showed
            increasing references to structural barriers across the term. The agency rated
            the partnership 4.6/5 and asked that it continue.
            """
        ),
        "keywords": "refugee health, service learning, resettlement, interpreters, reflection",
        "references": _lines(KARLINER_2007),
        "authors": [
            _author("Fatima Al-Rashidi", RIVERSIDE, "f.al-rashidi@riverside.example.org"),
            _author("Dev Malhotra", HILLCREST, "d.malhotra@hillcrest.example.org"),
            _author("Rosalind Pryce", COASTAL, "r.pryce@coastalplains.example.org"),
        ],
        "acknowledgements": (
            "Co-led with the health coordinator of our partner resettlement agency."
        ),
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Syllabus and facilitator guide"},
            {"kind": "docx", "label": "Reflection prompts and rubric"},
        ],
        "published_days_ago": 870,
    },
    # 12
    {
        "title": (
            "Indigenous Health and Sovereignty: A Community-Partnered Pre-Clerkship Curriculum"
        ),
        "summary": (
            "A six-session curriculum co-developed and co-taught with the community advisory "
            "council of a regional Tribal health board. Sessions cover the federal trust "
            "responsibility and Indian Health Service funding, historical and "
            "intergenerational trauma, strengths-based approaches to health, research ethics "
            "and data sovereignty, and a community-hosted visit."
        ),
        "learning_objectives": _lines(
            "Explain the federal trust responsibility and how Indian Health Service, Tribal "
            "and urban Indian programs are funded and organized.",
            "Describe how historical policies, including forced relocation and boarding "
            "schools, are linked to present-day health inequities.",
            "Apply a strengths-based framing when presenting data about Indigenous communities.",
            "Discuss principles of Indigenous data sovereignty and community consent in research.",
            "Demonstrate respectful protocols as a guest at a community-hosted gathering.",
        ),
        "description": _md(
            """
            Medical curricula often present Indigenous health only through mortality
            statistics, without the policy history that produced them or the community
            strengths that sustain health. Content written without Indigenous partners risks
            repeating the harms it describes.

            This curriculum was written with, and is taught jointly by, members of a Tribal
            health board's community advisory council and faculty. The six 60-minute
            sessions combine short lectures by community educators, large-group discussion
            and structured reflection; the final session is a visit hosted by the community
            on its terms. Stories shared by community members are the property of those who
            tell them: the curriculum materials are published for reading and for
            partnership planning, and institutions wishing to teach it must build their own
            local partnership rather than reuse the recorded stories.
            """
        ),
        "type": "curriculum",
        "levels": ["ume-preclerkship"],
        "interprofessional": False,
        "topics": ["indigenous-health", "community-engagement", "structural-racism"],
        "methods": ["IM007", "IM031", "IM020"],
        "language": "en",
        "license": "all-rights-reserved",
        "time_required_minutes": 360,
        "group_size": "A full class (up to 180) with small reflection groups of 10",
        "materials": _md(
            """
            - Session outlines with learning objectives and reading lists
            - A partnership-building guide for institutions wishing to adapt the approach
            - Honoraria and travel for community educators, agreed in advance
            - Transport and hosting costs for the community visit
            """
        ),
        "facilitator_notes": _md(
            """
            **Partnership first.** Do not teach this curriculum without a local partner.
            The partnership guide describes the year-long process we followed: invitation,
            shared goals, a written agreement covering ownership of content, and review of
            every session by the advisory council.

            **In sessions.** Community educators decide what they share and how; faculty
            handle logistics and the biomedical framing they are asked for. Open each
            session as the council advises.

            **Reflection groups.** Prompts focus on the learner's own position: "What did
            you learn in school about the land your medical school sits on?"

            **Pitfalls.** Avoid asking Indigenous students to speak for their communities.
            Present statistics with their structural context and alongside community-led
            programs. Do not photograph or record at the community visit unless the hosts
            invite it.
            """
        ),
        "evaluation": _md(
            """
            Taught for two years to first-year students at Northgate College of Medicine
            (n = 176 and n = 181). On end-of-course evaluations, 89% agreed the sessions
            prepared them to work with Indigenous patients respectfully. The advisory council
            reviewed student reflections (with consent) and judged the course to be meeting
            its goals; it requested more attention to urban Indian health, which was added in
            year two. We have not assessed clinical behaviour.
            """
        ),
        "keywords": (
            "Indigenous health, Tribal sovereignty, Indian Health Service, data sovereignty"
        ),
        "references": "",
        "authors": [
            _author("Leona Birch", NORTHGATE, "l.birch@northgate.example.org"),
            _author("Darren Whitaker", NORTHGATE, "d.whitaker@northgate.example.org"),
        ],
        "acknowledgements": (
            "Co-developed with, and reviewed by, the community advisory council of our "
            "partner Tribal health board, whose members hold the rights to their stories."
        ),
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Curriculum outline and partnership guide"},
        ],
        "published_days_ago": 1050,
    },
    # 13
    {
        "title": "Listening to Birthing People: Respectful Maternity Care Video Vignettes",
        "summary": (
            "Three short filmed vignettes (6–8 minutes each) showing labour and postpartum "
            "encounters in which a patient's concerns are dismissed or heard, followed by a "
            "structured small-group discussion. Designed for obstetric, family medicine and "
            "midwifery trainees and labour-and-delivery nurses."
        ),
        "learning_objectives": _lines(
            "Recognize verbal and non-verbal behaviours that communicate dismissal of a "
            "patient's symptoms.",
            "Describe how inequities in respectful care contribute to disparities in maternal "
            "morbidity and mortality.",
            "Practise responses that validate a patient's concern and lead to timely evaluation.",
            "Identify unit-level practices that support shared decision-making in labour.",
        ),
        "description": _md(
            """
            Black, Indigenous and Latina birthing people report mistreatment during
            pregnancy and childbirth, such as being ignored, scolded or pressured, more often
            than white patients. Dismissing a patient's report of symptoms can delay the
            recognition of preeclampsia, hemorrhage or infection.

            The vignettes were scripted from themes in published research and from a panel
            of community doulas and recent patients, and performed by professional actors.
            Vignette 1 shows postpartum headache attributed to "lack of sleep"; vignette 2,
            a labouring patient's request to delay an intervention; vignette 3, a nurse who
            escalates a concern successfully. Each is followed by a 10-minute discussion
            using a guide that moves from what happened, to why, to what the unit could
            change.
            """
        ),
        "type": "video",
        "levels": ["gme-residency", "cpd-clinicians"],
        "interprofessional": True,
        "topics": ["maternal-health-equity", "implicit-bias"],
        "methods": ["IM010", "IM008"],
        "language": "en",
        "license": "CC-BY-NC-4.0",
        "time_required_minutes": 60,
        "group_size": "6–12 per discussion group",
        "materials": _md(
            """
            - Three captioned video files (also available as a streaming link)
            - Discussion guide with timing and prompts
            - Optional: your unit's policy on escalation of patient concerns
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Introduction 5 min · three vignettes with discussion, 18 min each ·
            closing commitments 1 min each.

            **Opening.** Note that the vignettes portray mistreatment and that some
            participants may have experienced it as patients or witnessed it as staff.

            **Prompts.** Vignette 1: "At what point could the headache have been taken
            seriously? What stopped it?" Vignette 2: "Whose timeline was the team
            following?" Vignette 3: "What did the nurse say that worked?"

            **Pitfalls.** Participants may defend the clinicians in the vignette because of
            workload. Acknowledge the pressures, then ask what the patient experienced.
            Avoid turning the discussion into a debate about individual blame; focus on the
            unit practices that would catch the problem.
            """
        ),
        "evaluation": _md(
            """
            Used in obstetrics and family medicine residency didactics and in nursing
            in-service sessions at Lakeshore University Hospital (11 sessions, 142
            participants). Immediately afterwards, 76% identified at least two dismissing
            behaviours in a new written vignette compared with 41% before. The
            labour-and-delivery unit later adopted a standard phrase for escalating patient
            concerns proposed in one session.
            """
        ),
        "keywords": (
            "respectful maternity care, obstetrics, maternal mortality, patient voice, video"
        ),
        "references": "",
        "authors": [
            _author("Aisha Farouk", LAKESHORE, "a.farouk@lakeshore.example.org"),
            _author("Bridget Nolan", COASTAL, "b.nolan@coastalplains.example.org"),
        ],
        "acknowledgements": (
            "Scripts were reviewed by a panel of community doulas and recent patients."
        ),
        "coi_statement": "None.",
        "files": [
            {
                "kind": "link",
                "label": "Watch the vignettes (captioned)",
                "url": "https://example.org/videos/respectful-maternity-care",
            },
            {"kind": "pdf", "label": "Discussion guide"},
        ],
        "published_days_ago": 230,
    },
    # 14
    {
        "title": (
            "Where Will You Sleep Tonight? Discharge Rounds for Patients Experiencing Homelessness"
        ),
        "summary": (
            "A bedside teaching script for inpatient ward rounds, led jointly by an attending "
            "physician and a social worker, that builds a discharge plan for a patient "
            "experiencing homelessness. A ten-question checklist turns an abstract concern "
            "into concrete orders."
        ),
        "learning_objectives": _lines(
            "Ask about housing status respectfully and document it accurately.",
            "Adapt a discharge plan to where the patient will actually stay, including "
            "medication storage and wound care.",
            "Identify options such as medical respite care, shelter health services and "
            "street medicine teams.",
            "Collaborate with social work and pharmacy on a discharge that the patient agrees to.",
        ),
        "description": _md(
            """
            Patients experiencing homelessness have longer hospital stays and higher
            readmission rates, often because discharge plans assume a home: a refrigerator
            for insulin, a bathroom for wound care, a phone for follow-up calls. Residents
            rarely learn what the alternatives are.

            This script structures 15 minutes of ward rounds around one patient (with their
            consent) and a ten-question checklist, followed by 30 minutes of sit-down
            teaching. The checklist asks, among other things, where the patient will sleep
            tonight, whether medications need refrigeration or can be dispensed in smaller
            amounts, whether the patient has a working phone, whether the shelter requires
            independence in activities of daily living, and whether a medical respite bed is
            available.
            """
        ),
        "type": "session-plan",
        "levels": ["gme-residency"],
        "interprofessional": True,
        "topics": ["housing-instability", "social-determinants"],
        "methods": ["IM029", "IM008"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 45,
        "group_size": "One ward team (4–8) with a social worker",
        "materials": _md(
            """
            - Ten-question discharge checklist (pocket card)
            - Local resource map (replace ours: respite program, shelters with nursing,
              street medicine contacts, pharmacies with blister packaging)
            - Sit-down teaching slides (6)
            """
        ),
        "facilitator_notes": _md(
            """
            **Choosing the patient.** Ask the patient first, away from the team, whether
            they are willing to talk with the team about their discharge. Respect a "no" and
            use the paper case in the slides instead.

            **At the bedside (15 min).** The social worker leads the housing questions; the
            attending models language ("Where have you been staying?" rather than "Are you
            homeless?"). The intern writes the plan on the checklist.

            **Sit-down (30 min).** Walk through each checklist item and the orders it
            generates. Ask pharmacy to join for the medication-storage item.

            **Pitfalls.** Avoid discharge "against medical advice" framing when the barrier
            is the plan itself. Do not promise housing the team cannot provide.
            """
        ),
        "evaluation": _md(
            """
            Used on two general medicine teams at Eastbrook Academic Medical Center for one
            academic year (about 60 residents). In a chart review of 112 discharges of
            patients documented as homeless, use of the checklist was associated with more
            discharges to medical respite (19% vs 8%) and fewer discharges with insulin but
            no storage plan (4% vs 21%). Thirty-day readmissions did not differ
            significantly (24% vs 27%).
            """
        ),
        "keywords": "homelessness, discharge planning, medical respite, ward rounds, social work",
        "references": "",
        "authors": [
            _author("Julia Lindqvist", EASTBROOK, "j.lindqvist@eastbrook.example.org"),
            _author("Omar Saleh", LAKESHORE_SW, "o.saleh@lssw.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Rounds script and checklist"},
            {"kind": "pptx", "label": "Teaching slides"},
        ],
        "published_days_ago": 95,
    },
    # 15
    {
        "title": "Health After Incarceration: A Case Series from a Transitions Clinic",
        "summary": (
            "Three linked paper cases following patients in the weeks after release from "
            "prison or jail, written with community health workers who have lived "
            "experience of incarceration. Learners address overdose risk, continuity of "
            "medications and chronic disease care, and the structural barriers to re-entry."
        ),
        "learning_objectives": _lines(
            "Describe the elevated risk of death, especially from overdose, in the first "
            "weeks after release.",
            "Plan continuity of medications for opioid use disorder, HIV and hypertension "
            "across release.",
            "Identify barriers to care after incarceration, including insurance, "
            "identification documents, housing and employment.",
            "Explain the role of community health workers with lived experience in "
            "transitions clinics.",
        ),
        "description": _md(
            """
            Millions of people are released from prisons and jails in the United States each
            year, many with chronic illness, mental illness or substance use disorder. The
            weeks after release carry a markedly elevated risk of death, much of it from drug
            overdose. Primary care programs that employ community health workers with
            lived experience of incarceration have improved engagement in care.

            The three cases are: a man released after four years who was started on
            buprenorphine in prison and has no prescription on the outside; a woman released
            from jail with uncontrolled hypertension and no identification documents; and a
            young man on probation whose appointments clash with a required job search.
            Each case unfolds in two parts with questions for small-group discussion.
            """
        ),
        "type": "case",
        "levels": ["ume-clerkship", "gme-residency"],
        "interprofessional": False,
        "topics": ["incarceration", "social-determinants"],
        "methods": ["IM001", "IM008"],
        "language": "en",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 60,
        "group_size": "6–10 learners per facilitator",
        "materials": _md(
            """
            - Three two-part cases with discussion questions and facilitator answers
            - One-page summary of overdose prevention at release (naloxone, bridging
              prescriptions)
            - Optional: a community health worker co-facilitator
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** 5 min introduction · 3 cases × 17 min · 4 min close.

            **Language.** Model person-first language ("a person who was incarcerated", not
            "ex-offender" or "ex-con") and explain why it matters in notes and referrals.

            **Key teaching points.** Case 1: avoid a gap in buprenorphine; prescribe
            naloxone. Case 2: identification documents are often needed for pharmacy
            benefits and housing. Case 3: ask about supervision requirements when scheduling.

            **Pitfalls.** Learners may ask what the patient was convicted of. Ask them how
            that information would change the clinical plan; usually it would not.
            """
        ),
        "evaluation": _md(
            """
            Used in internal medicine clerkship small groups (n = 88) and in a primary-care
            residency track (n = 16) at Lakeshore University Hospital. Knowledge of
            post-release overdose risk on a 5-item quiz rose from 48% to 86% correct. Residents
            in the track later set up a standing referral pathway from the county jail's
            discharge planner to their continuity clinic.
            """
        ),
        "keywords": (
            "incarceration, re-entry, transitions clinic, overdose, buprenorphine, naloxone"
        ),
        "references": _lines(BINSWANGER_2007, WANG_2012),
        "authors": [
            _author("Isaac Feldmann", LAKESHORE, "i.feldmann@lakeshore.example.org"),
            _author("Victor Lindgren", LAKESHORE, "v.lindgren@lakeshore.example.org"),
        ],
        "acknowledgements": (
            "Written with community health workers from the Lakeshore Transitions Clinic."
        ),
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Cases and facilitator answers"},
        ],
        "published_days_ago": 345,
    },
    # 16
    {
        "title": "Trauma-Informed Pelvic Examination: A Demonstration Video with Discussion Guide",
        "summary": (
            "A 14-minute video in which a gynecological teaching associate and a clinician "
            "demonstrate a trauma-informed pelvic examination, followed by a guided "
            "discussion for clerkship students. The video shows consent, choice and control "
            "at each step, including offering a stop signal and patient-inserted speculum."
        ),
        "learning_objectives": _lines(
            "Explain the principles of a trauma-informed approach as applied to sensitive "
            "examinations.",
            "Describe each step of the pelvic examination before performing it, using "
            "neutral anatomical language.",
            "Offer the patient choices about positioning, chaperone and speculum insertion.",
            "Respond appropriately when a patient asks to pause or stop.",
        ),
        "description": _md(
            """
            Many patients have experienced sexual violence or other trauma, and pelvic
            examinations can be distressing when patients feel they have no control. A
            trauma-informed approach assumes that any patient may have a trauma history and
            builds safety, choice and collaboration into routine practice, without requiring
            disclosure.

            Gynecological teaching associates are trained educators who teach the
            examination on their own bodies. In the video, one narrates her preferences and
            coaches the clinician through each step: asking about previous examination
            experiences, agreeing a stop signal, explaining before touching, offering a mirror
            or patient-inserted speculum, and checking in. The discussion guide covers
            adapting the approach for patients with disabilities, gender-diverse patients and
            adolescents.
            """
        ),
        "type": "video",
        "levels": ["ume-clerkship"],
        "interprofessional": False,
        "topics": ["trauma-informed-care"],
        "methods": ["IM006", "IM008"],
        "language": "en",
        "license": "CC-BY-NC-4.0",
        "time_required_minutes": 45,
        "group_size": "6–12 students per facilitator",
        "materials": _md(
            """
            - Captioned video (14 min) with audio description track
            - Discussion guide
            - Pocket card of trauma-informed phrases
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Introduction 3 min · video 14 min · discussion 25 min · close 3 min.

            **Content note.** Tell students before the video that it discusses sexual
            violence in general terms, that no disclosure is expected, and where to find
            support.

            **Prompts.** "What choices did the patient have that she would not have had in
            an examination you have seen?" · "How would you adapt this for a patient who
            uses a wheelchair?" · "What do you say if a patient says stop?" (Stop, remove
            instruments, ask how they'd like to proceed; completing the examination is never
            the goal in itself.)

            **Pitfalls.** Students may think the approach takes too long. Point out that the
            steps add about a minute and reduce abandoned examinations.
            """
        ),
        "evaluation": _md(
            """
            Shown during the obstetrics and gynecology clerkship orientation at Riverside
            School of Medicine (n = 162 over one year). On a post-clerkship survey, 81% of
            students reported using a stop signal and 64% offered patient-inserted speculum
            at least once. The gynecological teaching associate program reported higher
            student scores on the "consent and explanation" items of their assessment.
            """
        ),
        "keywords": (
            "trauma-informed care, pelvic examination, consent, gynecological teaching associate"
        ),
        "references": _lines(SAMHSA_2014),
        "authors": [
            _author("Naomi Achterberg", RIVERSIDE, "n.achterberg@riverside.example.org"),
        ],
        "acknowledgements": "Filmed with the Riverside gynecological teaching associate program.",
        "coi_statement": "None.",
        "files": [
            {
                "kind": "link",
                "label": "Watch the demonstration (captioned)",
                "url": "https://example.org/videos/trauma-informed-pelvic-exam",
            },
            {"kind": "pdf", "label": "Discussion guide"},
        ],
        "published_days_ago": 760,
    },
    # 17
    {
        "title": "Breathing Where We Live: Mapping Environmental Justice and Childhood Asthma",
        "summary": (
            "A 90-minute small-group session in which first-year students overlay 1930s "
            "redlining maps, present-day air-quality data and asthma emergency visits for a "
            "city, then build a concept map linking policy history to a child's asthma "
            "exacerbation. The session ends with clinical and policy actions that learners "
            "could take for the child in the case."
        ),
        "learning_objectives": _lines(
            "Describe how historical redlining shaped present-day neighbourhood exposures "
            "such as traffic pollution, industrial sites and tree cover.",
            "Interpret a choropleth map of asthma emergency visits alongside exposure data.",
            "Construct a concept map linking housing policy, environmental exposure and "
            "asthma pathophysiology.",
            "Propose one clinical and one policy action that could reduce a child's exposure.",
        ),
        "description": _md(
            """
            Students learn asthma pathophysiology in the respiratory block, but rarely where
            asthma is concentrated or why. Neighbourhoods graded "hazardous" on 1930s Home
            Owners' Loan Corporation maps have, on average, more industrial land use, less
            tree canopy and higher rates of asthma emergency visits today.

            Groups receive printouts or screen access to digitized redlining maps (such as
            those from the Mapping Inequality project) and public environmental and health
            data for one city. Working from a case of a seven-year-old with recurrent
            exacerbations, they build a concept map from policy to bronchial inflammation,
            then propose actions at the clinical level (trigger counselling, HEPA filters,
            an asthma action plan) and the policy level (housing code enforcement, truck
            routes).
            """
        ),
        "type": "session-plan",
        "levels": ["ume-preclerkship"],
        "interprofessional": False,
        "topics": ["environmental-justice", "structural-racism"],
        "methods": ["IM004", "IM008"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 90,
        "group_size": "6–8 students per group; one facilitator per 2 groups",
        "materials": _md(
            """
            - Case of a child with recurrent asthma exacerbations
            - Map packet for one city (redlining, air quality, tree canopy, asthma visits),
              or links for students to build their own
            - Large paper or a digital whiteboard for concept maps
            - Facilitator answer map
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Case 10 min · map exploration 25 min · concept mapping 35 min ·
            gallery walk and debrief 20 min.

            **Choosing a city.** Use your own city if the data exist; local maps make the
            session concrete. Check the maps in advance: data layers change and some sites
            move.

            **Prompts.** "Which link on your map could a clinician act on on Monday?" ·
            "Which link would need a city council?" · "Where does race appear on your map,
            and is it as a cause or as a marker of exposure to racist policy?"

            **Pitfalls.** Correlation on maps is not causation at the individual level;
            remind students of ecological inference. Avoid describing neighbourhoods as
            "bad" — describe exposures and investments.
            """
        ),
        "evaluation": _md(
            """
            Run in the respiratory block at Northgate College of Medicine for two cohorts
            (n = 172 and n = 179). Concept maps scored with a 4-level rubric showed that 73%
            of groups linked at least one policy to a biological mechanism. Students rated
            the session 4.3/5; 12 students later joined a community asthma home-visit
            project.
            """
        ),
        "keywords": "environmental justice, asthma, redlining, mapping, concept map, air quality",
        "references": _lines(NARDONE_2020, BAILEY_2017),
        "authors": [
            _author("Lena Hartmann", NORTHGATE, "l.hartmann@northgate.example.org"),
            _author("Joseph Kiplagat", NORTHGATE, "j.kiplagat@northgate.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Facilitator guide"},
            {"kind": "docx", "label": "Student case and map worksheet"},
        ],
        "published_days_ago": 25,
    },
    # 18
    {
        "title": "Plain Language and Teach-Back: A Health Literacy Skills Lab",
        "summary": (
            "A 75-minute skills lab for medical and pharmacy learners and practising "
            "clinicians on universal health-literacy precautions. Participants rewrite jargon, "
            "practise teach-back on a new prescription and evaluate a patient handout for "
            "readability."
        ),
        "learning_objectives": _lines(
            "Rewrite three common clinical explanations in plain language.",
            "Demonstrate teach-back on a new medication without making the patient feel tested.",
            "Evaluate a patient handout for readability, layout and actionability.",
            "Explain why universal precautions are preferable to screening for low health "
            "literacy.",
        ),
        "description": _md(
            """
            Limited health literacy is common and hard to see: patients rarely disclose it,
            and clinicians overestimate their patients' understanding. Checking
            understanding with teach-back has been associated with better outcomes in
            diabetes care, yet clinicians seldom use it.

            The lab has three stations. At the first, pairs translate jargon ("benign",
            "negative result", "take with food") and test each other. At the second,
            learners practise teach-back with a standardized patient starting a new
            anticoagulant, coached by a pharmacist. At the third, they assess a real
            institutional handout using a short checklist and propose changes.
            """
        ),
        "type": "workshop-kit",
        "levels": ["ume-preclerkship", "cpd-clinicians"],
        "interprofessional": True,
        "topics": ["health-literacy"],
        "methods": ["IM022", "IM006"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 75,
        "group_size": "12–24 learners rotating in groups of 4",
        "materials": _md(
            """
            - Jargon cards (30) with plain-language answers
            - Standardized patient script for a new anticoagulant prescription
            - Handout checklist (readability, layout, actionability)
            - Two sample handouts to critique
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Introduction 10 min · three stations × 18 min · debrief 11 min.

            **Teach-back wording.** Model: "I want to make sure I explained this clearly.
            Can you tell me how you'll take this medicine?" Contrast with "Do you have any
            questions?" Learners often slip into quizzing; coach them to own the
            explanation.

            **Pharmacist's role.** At station 2, the pharmacist adds a realistic complication
            (the patient also takes an over-the-counter pain reliever) so learners practise
            re-explaining.

            **Pitfalls.** Avoid "health literacy screening" exercises that label patients.
            The point is that everyone benefits from clear communication.
            """
        ),
        "evaluation": _md(
            """
            Run for first-year medical and second-year pharmacy students at Northgate and
            Hillcrest (n = 204) and for 37 clinicians in a CME session. On a standardized
            patient checklist two weeks later, 69% of students used teach-back unprompted,
            compared with 22% in the previous year's cohort. Clinicians rated the session
            4.6/5 and most valued the handout critique.
            """
        ),
        "keywords": "health literacy, plain language, teach-back, patient education, pharmacy",
        "references": _lines(SCHILLINGER_2003),
        "authors": [
            _author("Anjali Deshpande", HILLCREST, "a.deshpande@hillcrest.example.org"),
            _author("Matteo Galli", NORTHGATE, "m.galli@northgate.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Facilitator guide"},
            {"kind": "docx", "label": "Jargon cards and handout checklist"},
        ],
        "published_days_ago": 600,
    },
    # 19
    {
        "title": "From Patient Story to Policy Testimony: A Resident Advocacy Curriculum",
        "summary": (
            "An eight-session curriculum that takes residents and senior students from "
            "choosing an issue to delivering three-minute testimony, writing an opinion piece "
            "and meeting a legislator's staff. Each participant is paired with a faculty "
            "mentor and works with a community organization already active on the issue."
        ),
        "learning_objectives": _lines(
            "Describe how a bill becomes law in your state and where clinicians can "
            "contribute evidence.",
            "Write a 750-word opinion piece that links a de-identified patient experience "
            "to data and a specific ask.",
            "Deliver three minutes of oral testimony to a mock committee and respond to questions.",
            "Distinguish advocacy on behalf of patients from partisan political activity in "
            "professional roles.",
        ),
        "description": _md(
            """
            Residents see the effects of policy daily, from insurance churn to housing code
            enforcement, but few are taught how to bring that experience into policy
            debates, or where the ethical lines are for physicians speaking publicly.

            The curriculum runs over six months in protected didactic time. Sessions cover
            issue selection with a community partner, the legislative process, evidence for
            policy audiences, op-ed writing (with a local editor as guest), testimony
            practice in a mock hearing, meetings with legislative staff, media safety, and
            sustaining advocacy as a career. Peer teaching is built in: in the second half,
            residents critique each other's drafts in pairs.
            """
        ),
        "type": "curriculum",
        "levels": ["gme-residency", "ume-postclerkship"],
        "interprofessional": False,
        "topics": ["advocacy"],
        "methods": ["IM030", "IM017", "IM014"],
        "language": "en",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 480,
        "group_size": "8–16 participants; one mentor per 2–3 participants",
        "materials": _md(
            """
            - Session plans (8 × 60 min) with slides
            - Op-ed and testimony templates with annotated examples
            - Mock hearing script and committee role cards
            - Guidance from your institution's government relations office on speaking in
              a professional capacity
            """
        ),
        "facilitator_notes": _md(
            """
            **Before session 1.** Contact your institution's government relations office;
            participants must know what they may say in the institution's name and when to
            speak as individuals.

            **Mock hearing (session 5).** Recruit faculty and a community partner as the
            committee; give one "committee member" a sceptical question to ask each
            witness. Time testimony strictly at three minutes.

            **Op-ed workshop.** Each draft must contain a single clear ask. Use peer pairs to
            cut drafts to 750 words; the editor comments on two volunteers' drafts live.

            **Pitfalls.** Patient stories must be de-identified and, where recognisable,
            used only with consent. Residents may choose issues far from their clinical
            work; steer toward issues where they have standing and a community partner.
            """
        ),
        "evaluation": _md(
            """
            Completed by three cohorts of pediatrics and internal medicine residents and
            fourth-year students at Granite Ridge Children's Hospital and Eastbrook (n = 38).
            Participants delivered 21 pieces of written or oral testimony to state or county
            bodies and published 9 opinion pieces in local outlets. Self-rated advocacy
            skills (10-item scale) rose from a mean of 2.3 to 4.0 of 5. Two participants
            have since joined the state medical society's policy committee.
            """
        ),
        "keywords": "advocacy, health policy, testimony, op-ed, residency curriculum",
        "references": "",
        "authors": [
            _author("Eleanor Voss", GRANITE, "e.voss@graniteridge.example.org"),
            _author("Ahmed Karimi", EASTBROOK, "a.karimi@eastbrook.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": (
            "One author serves, unpaid, on the board of a statewide children's health "
            "advocacy coalition."
        ),
        "files": [
            {"kind": "pdf", "label": "Curriculum guide"},
            {"kind": "docx", "label": "Op-ed and testimony templates"},
        ],
        "published_days_ago": 395,
    },
    # 20
    {
        "title": "Sponsorship, Not Only Mentorship: Gender Equity in Academic Medicine",
        "summary": (
            "A 60-minute slide deck with speaker notes for department grand rounds or faculty "
            "meetings on gender gaps in pay, promotion and leadership in academic medicine, "
            "and on what sponsors, search committees and speakers' bureaus can change. The "
            "deck ends with a structured 15-minute discussion."
        ),
        "learning_objectives": _lines(
            "Summarize evidence on gender differences in physician salary and academic promotion.",
            "Differentiate mentorship from sponsorship and identify sponsorship opportunities "
            "in your own role.",
            "Recognize gendered patterns in letters of recommendation and speaker introductions.",
            "Plan one specific sponsorship action to complete within the next three months.",
        ),
        "description": _md(
            """
            Women make up a growing share of physicians but remain under-represented among
            full professors, department chairs and deans, and salary gaps persist after
            accounting for specialty, rank and productivity. Gender-diverse and nonbinary
            faculty face additional barriers that are only beginning to be measured.

            The deck presents the evidence briefly, then spends most of its time on
            actions: how to nominate a colleague for a visible role, how to audit a
            department's speaker invitations, how to write letters that describe
            achievements rather than effort, and how to use formal titles consistently in
            introductions. Speaker notes give talking points and anticipated questions.
            """
        ),
        "type": "slide-deck",
        "levels": ["cpd-faculty"],
        "interprofessional": False,
        "topics": ["gender-equity"],
        "methods": ["IM013", "IM008"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 60,
        "group_size": "Any size; discussion in tables of 6–8",
        "materials": _md(
            """
            - Slide deck (24 slides) with speaker notes
            - Sponsorship commitment cards
            - Optional: your department's own promotion and speaker data, shared with
              permission
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Evidence 15 min · actions 25 min · table discussion 15 min ·
            commitments 5 min.

            **Local data.** If you can, show your department's invited-speaker list by gender
            for the last two years. It makes the discussion concrete; clear it with the chair
            first.

            **Discussion prompt.** "Think of the last time you were asked to recommend
            someone for a committee, a talk or a role. Who came to mind first, and why?"

            **Pitfalls.** Expect the question "Isn't this about choices women make?" The
            speaker notes summarize evidence on gaps after adjustment. Keep the frame on
            systems and sponsors, and include nonbinary colleagues in the language.
            """
        ),
        "evaluation": _md(
            """
            Presented at seven department meetings and grand rounds at Eastbrook Academic
            Medical Center (about 390 attendees). Of 212 attendees who completed commitment
            cards, 58 responded to a three-month follow-up; 36 (62%) reported at least one
            nomination or sponsorship action. One department changed its grand rounds
            invitation process to require a balanced shortlist.
            """
        ),
        "keywords": "gender equity, sponsorship, promotion, salary gap, academic medicine",
        "references": _lines(JENA_2016),
        "authors": [
            _author("Catherine Moyo", EASTBROOK, "c.moyo@eastbrook.example.org"),
            _author("Sofia Marchetti", EASTBROOK, "s.marchetti@eastbrook.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pptx", "label": "Slide deck with speaker notes"},
        ],
        "published_days_ago": 700,
    },
    # 21
    {
        "title": "Implicit Bias in Clinical Decisions: A Fellowship Journal Club Packet",
        "summary": (
            "A reading packet and discussion guide for a 60-minute fellowship journal club "
            "on implicit racial bias among clinicians. Fellows appraise a landmark study of "
            "thrombolysis decisions and a systematic review, including the limits of the "
            "Implicit Association Test as a measure."
        ),
        "learning_objectives": _lines(
            "Appraise the design, measures and limitations of a study linking implicit bias "
            "to clinical decisions.",
            "Describe what the Implicit Association Test measures and the limits of its use "
            "for individuals.",
            "Identify decision points in your subspecialty where bias could enter, and "
            "system safeguards that reduce it.",
        ),
        "description": _md(
            """
            Fellows are often offered implicit bias training without the evidence behind it.
            A journal club format respects their research skills and invites healthy
            scepticism: the association between implicit bias scores and clinical behaviour
            is inconsistent across studies, and individual IAT scores are not reliable
            enough to label a person.

            The packet pairs a vignette-based study of thrombolysis recommendations with a
            systematic review of implicit bias among health professionals. The guide leads
            fellows through appraisal questions, then to their own field: where are the
            discretionary decisions (triage, escalation, procedures offered), and which
            system safeguards, such as standardized protocols and audit of outcomes by race
            and ethnicity, would reduce the room for bias?
            """
        ),
        "type": "reading",
        "levels": ["gme-fellowship"],
        "interprofessional": False,
        "topics": ["implicit-bias"],
        "methods": ["IM011"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 60,
        "group_size": "4–12 fellows with one faculty moderator",
        "materials": _md(
            """
            - The two articles (access through your library)
            - Appraisal worksheet
            - Discussion guide with suggested answers
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Presentation of article 1 by a fellow 10 min · appraisal discussion
            20 min · article 2 summary 10 min · application to the subspecialty 20 min.

            **Appraisal prompts.** "Would the vignette design capture what happens at 3 a.m.
            in the emergency department?" · "What does an IAT score predict for one
            physician?"

            **Application.** Ask fellows to list three decisions in their field with high
            discretion and what data would show a disparity. Cardiology fellows often name
            referral for advanced therapies; critical care fellows name goals-of-care
            conversations.

            **Pitfalls.** The discussion can land on "bias training doesn't work, so nothing
            works". Redirect to system-level safeguards and to measuring outcomes.
            """
        ),
        "evaluation": _md(
            """
            Used in cardiology and pulmonary/critical care fellowship journal clubs at
            Lakeshore University Hospital (5 sessions, 41 fellows). Fellows rated relevance
            4.2/5. Two fellowship programs subsequently added race- and language-stratified
            outcomes to their quality-improvement dashboards.
            """
        ),
        "keywords": "implicit bias, journal club, IAT, fellowship, critical appraisal",
        "references": _lines(GREEN_2007, HALL_2015),
        "authors": [
            _author("Nikhil Varma", LAKESHORE, "n.varma@lakeshore.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Discussion guide and appraisal worksheet"},
        ],
        "published_days_ago": 180,
    },
    # 22
    {
        "title": "Interpreting Pulmonary Function Tests Without Race: A Case-Based Slide Deck",
        "summary": (
            "A 45-minute case-based slide deck for pulmonary fellows and internal medicine "
            "residents on the move from race-specific to race-neutral spirometry reference "
            "equations. Cases show how interpretation, severity grading and eligibility "
            "decisions change for individual patients."
        ),
        "learning_objectives": _lines(
            "Describe the history and assumptions behind race-specific spirometry reference "
            "equations.",
            "Interpret spirometry results using race-neutral reference equations.",
            "Analyze how reclassification changes clinical, occupational and disability "
            "decisions for individual patients.",
            "Counsel a patient whose previously normal result is now reported as abnormal.",
        ),
        "description": _md(
            """
            For decades, spirometry software compared patients with race-specific "normal"
            values, which assumed lower lung function in Black and Asian people and could
            make impairment look normal. Professional societies now recommend race-neutral
            reference equations, and laboratories are switching.

            The deck opens with the history (from nineteenth-century measurements to modern
            reference sets) in 10 minutes, then presents four cases: a worker whose
            occupational lung disease claim depends on percent predicted, a patient
            evaluated for lung resection, a child with asthma, and a patient whose result
            changes from "normal" to "mild restriction". Each case asks the audience to
            interpret the numbers under both approaches before revealing the implications.
            """
        ),
        "type": "slide-deck",
        "levels": ["gme-fellowship", "gme-residency"],
        "interprofessional": False,
        "topics": ["race-in-clinical-algorithms"],
        "methods": ["IM013", "IM001"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 45,
        "group_size": "Any size; audience response system recommended",
        "materials": _md(
            """
            - Slide deck (30 slides) with speaker notes
            - Four case spirometry reports (fabricated data)
            - Audience response questions
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** History 10 min · cases 4 × 7 min · questions 7 min.

            **Speaker tips.** Let the audience commit to an interpretation before each
            reveal. Emphasize that a reference equation is a choice about comparison, and
            that any equation should be interpreted with the clinical picture.

            **Anticipated questions.** "Won't more people be labelled abnormal?" — yes, some
            will, and the talk discusses what that means for over- and under-diagnosis.
            "Should we stop recording race?" — no; recording race and ethnicity remains
            important for measuring inequity.

            **Pitfalls.** Avoid presenting the change as purely technical; connect it to
            occupational compensation and access to treatment.
            """
        ),
        "evaluation": _md(
            """
            Presented at pulmonary fellowship conference and internal medicine noon
            conference at Lakeshore University Hospital (about 70 attendees). Correct
            interpretation of a post-test case rose from 45% to 83% on the audience
            response system. The pulmonary function laboratory used the deck to brief its
            staff before switching equations.
            """
        ),
        "keywords": "spirometry, pulmonary function tests, reference equations, race correction",
        "references": _lines(VYAS_2020, BHAKTA_2023),
        "authors": [
            _author("Hyun-woo Park", LAKESHORE, "h.park@lakeshore.example.org"),
            _author("Nikhil Varma", LAKESHORE, "n.varma@lakeshore.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pptx", "label": "Slide deck"},
            {"kind": "pdf", "label": "Speaker guide and cases"},
        ],
        "published_days_ago": 120,
    },
    # 23
    {
        "title": (
            "Closing the Language Gap: A Resident Quality-Improvement Project on Interpreter Use"
        ),
        "summary": (
            "A six-month, mentored quality-improvement curriculum in which resident teams "
            "measure how often professional interpreters are used for patients who prefer a "
            "language other than English, find the causes of gaps and test changes with "
            "Plan-Do-Study-Act cycles. Includes data-collection tools and a project timeline."
        ),
        "learning_objectives": _lines(
            "Measure professional interpreter use for patients with a non-English language "
            "preference using chart review and direct observation.",
            "Construct a driver diagram of the causes of missed interpretation on a clinical unit.",
            "Design and run at least two Plan-Do-Study-Act cycles with a run chart.",
            "Present results to unit leadership and interpreter services.",
        ),
        "description": _md(
            """
            Residents know they should use professional interpreters, yet on busy services
            they often "get by" with limited language skills or family members. Most
            hospitals do not measure the gap. Quality-improvement curricula offer a way to
            turn residents' frustration into system change.

            Teams of three residents, each with a faculty QI mentor and a liaison from
            interpreter services, spend six months on one unit. Month 1: baseline audit.
            Month 2: causes (driver diagram, staff interviews). Months 3–5: Plan-Do-Study-Act
            cycles, for example placing video-interpreting devices in every room,
            adding a language-preference banner to the electronic record, or a morning
            huddle prompt. Month 6: presentation to leadership.
            """
        ),
        "type": "curriculum",
        "levels": ["gme-residency"],
        "interprofessional": False,
        "topics": ["language-access"],
        "methods": ["IM021", "IM014"],
        "language": "en",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 480,
        "group_size": "Teams of 3 residents; one mentor per team",
        "materials": _md(
            """
            - Project timeline and milestone checklist
            - Chart-audit tool and direct-observation form
            - Driver-diagram and run-chart templates
            - Sample project charter and presentation template
            """
        ),
        "facilitator_notes": _md(
            """
            **Scope.** Insist on one unit and one measure. The most workable primary measure
            is "percentage of admission histories for patients with a non-English language
            preference documented as using a professional interpreter".

            **Mentor meetings (monthly, 30 min).** Review the run chart first. Ask: "What did
            you predict, what happened, what will you change?"

            **Interpreter services.** Involve them from the first week; they hold usage data
            and know the equipment problems.

            **Pitfalls.** Documentation is not the same as use; pair chart audits with a small
            number of observations. Avoid projects that depend on buying equipment unless the
            budget is confirmed.
            """
        ),
        "evaluation": _md(
            """
            Eight resident teams at Lakeshore University Hospital completed projects over two
            years (24 residents). Six teams showed improvement on their run charts; the
            median documented professional-interpreter use at admission rose from 51% to 74%
            on the project units. Three changes (devices in every room on two units and an
            EHR banner hospital-wide) were sustained after the projects ended.
            """
        ),
        "keywords": "language access, interpreters, quality improvement, PDSA, residency",
        "references": _lines(KARLINER_2007),
        "authors": [
            _author("Rebecca Thorne", LAKESHORE, "r.thorne@lakeshore.example.org"),
            _author("Tomás Ibarra", LAKESHORE, "t.ibarra@lakeshore.example.org"),
        ],
        "acknowledgements": (
            "With thanks to Lakeshore Interpreter Services and the hospital quality office."
        ),
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Curriculum guide"},
            {"kind": "docx", "label": "Audit and observation tools"},
        ],
        "published_days_ago": 1080,
    },
    # 24 (es)
    {
        "title": (
            "Diabetes, calor y jornadas largas: caso clínico sobre determinantes sociales "
            "en una trabajadora agrícola"
        ),
        "summary": (
            "Caso clínico en dos partes para estudiantes en rotaciones clínicas sobre una "
            "trabajadora agrícola de 46 años con diabetes tipo 2 mal controlada. El caso "
            "invita a analizar cómo el horario laboral, el calor, el transporte y el acceso a "
            "alimentos influyen en el control glucémico y a diseñar un plan realista junto "
            "con la paciente."
        ),
        "learning_objectives": _lines(
            "Identificar los determinantes sociales que influyen en el control de la "
            "diabetes de la paciente.",
            "Ajustar el tratamiento farmacológico para reducir el riesgo de hipoglucemia "
            "con comidas irregulares y trabajo al calor.",
            "Proponer recursos comunitarios como promotoras de salud y centros de salud para "
            "trabajadores agrícolas.",
            "Formular preguntas respetuosas sobre la situación de la paciente sin suponer su "
            "estatus migratorio ni sus creencias.",
        ),
        "description": _md(
            """
            Las personas que trabajan en la agricultura enfrentan jornadas largas al sol,
            horarios que no coinciden con los de las clínicas, transporte limitado y, a
            menudo, inseguridad alimentaria. Estas condiciones afectan directamente el
            control de enfermedades crónicas como la diabetes.

            En la primera parte, la paciente acude a una clínica rural con una hemoglobina
            glucosilada de 9,8 % y episodios de mareo durante la cosecha. Toma una
            sulfonilurea y a veces omite comidas. En la segunda parte, el equipo
            descubre que trabaja de 5 a 17 h, comparte un vehículo con otras familias y que
            la tienda más cercana vende pocos alimentos frescos. Los grupos discuten
            cambios en el tratamiento, la educación sobre hidratación y golpe de calor, y la
            colaboración con promotoras de salud.
            """
        ),
        "type": "case",
        "levels": ["ume-clerkship"],
        "interprofessional": False,
        "topics": ["social-determinants", "rural-health", "immigrant-refugee-health"],
        "methods": ["IM001", "IM008"],
        "language": "es",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 90,
        "group_size": "6–10 estudiantes por facilitador",
        "materials": _md(
            """
            - Caso en dos partes con preguntas de discusión
            - Guía para facilitadores con respuestas sugeridas
            - Hoja de recursos comunitarios (adaptar a su región)
            """
        ),
        "facilitator_notes": _md(
            """
            **Tiempos.** Parte 1: 35 min · Parte 2: 40 min · cierre y reflexión: 15 min.

            **Preguntas clave.** "¿Qué le preguntarían a la paciente antes de cambiar el
            medicamento?" · "¿Qué riesgos tiene una sulfonilurea si omite el almuerzo en el
            campo?" · "¿Quién en la comunidad podría apoyar el plan?"

            **Punto clínico.** Considerar metformina y, si es necesario, fármacos con bajo
            riesgo de hipoglucemia; revisar horarios de comida y la hidratación durante el
            trabajo.

            **Errores frecuentes.** Algunos estudiantes asumen la situación migratoria de la
            paciente o atribuyen el mal control a "su cultura". Pídales que identifiquen qué
            datos del caso apoyan esa idea; normalmente ninguno. La situación migratoria no
            se pregunta salvo que sea necesaria para orientar recursos, y se explica el motivo.
            """
        ),
        "evaluation": _md(
            """
            Utilizado en la rotación de medicina familiar de la Facultad de Medicina de Valle
            Sereno con 64 estudiantes durante un año. En una prueba escrita posterior, el 78 %
            propuso un ajuste terapéutico apropiado para reducir la hipoglucemia (frente al
            46 % del grupo anterior). Los estudiantes valoraron el caso con 4,5 sobre 5 y
            pidieron incluir la perspectiva de una promotora de salud, que añadimos como
            video breve.
            """
        ),
        "keywords": (
            "diabetes, trabajadores agrícolas, determinantes sociales, salud rural, promotoras"
        ),
        "references": _lines(BRAVEMAN_2014),
        "authors": [
            _author(
                "Lucía Marroquín",
                "Facultad de Medicina de Valle Sereno",
                "l.marroquin@vallesereno.example.org",
            ),
            _author(
                "Andrés Solórzano",
                "Facultad de Medicina de Valle Sereno",
                "a.solorzano@vallesereno.example.org",
            ),
        ],
        "acknowledgements": (
            "Agradecemos a las promotoras de salud de la clínica comunitaria asociada."
        ),
        "coi_statement": "Ninguno.",
        "files": [
            {"kind": "pdf", "label": "Guía para facilitadores"},
            {"kind": "docx", "label": "Caso para estudiantes"},
        ],
        "published_days_ago": 270,
    },
    # 25 (es)
    {
        "title": "Humildad cultural en equipo: taller para personal clínico y promotoras de salud",
        "summary": (
            "Taller de tres horas para equipos de atención primaria que trabajan con "
            "promotoras de salud en comunidades latinas. Combina reflexión personal, "
            "dramatizaciones y un ejercicio de planificación conjunta para mejorar la "
            "colaboración entre el personal clínico y las promotoras."
        ),
        "learning_objectives": _lines(
            "Distinguir entre humildad cultural y competencia cultural como enfoques de atención.",
            "Reconocer los desequilibrios de poder entre profesionales clínicos, promotoras "
            "y pacientes.",
            "Practicar una conversación clínica que incorpore la experiencia de la "
            "promotora de salud.",
            "Elaborar un acuerdo de trabajo entre el equipo clínico y las promotoras.",
        ),
        "description": _md(
            """
            Las promotoras de salud conocen a la comunidad y ganan su confianza, pero con
            frecuencia el equipo clínico las trata como traductoras o mensajeras en lugar de
            colegas. La humildad cultural propone revisar las propias suposiciones, reconocer
            las diferencias de poder y construir alianzas con la comunidad.

            El taller se desarrolla en tres bloques: (1) reflexión personal y marco
            conceptual; (2) dramatizaciones de situaciones reales, como una paciente que no
            regresa a control o una recomendación clínica que no toma en cuenta la realidad
            familiar; y (3) elaboración de un acuerdo de trabajo que defina funciones,
            comunicación y reconocimiento del trabajo de las promotoras.
            """
        ),
        "type": "workshop-kit",
        "levels": ["cpd-clinicians"],
        "interprofessional": True,
        "topics": ["cultural-humility", "community-engagement"],
        "methods": ["IM030", "IM022", "IM027"],
        "language": "es",
        "license": "CC-BY-4.0",
        "time_required_minutes": 180,
        "group_size": "12–30 participantes en mesas mixtas de 6",
        "materials": _md(
            """
            - Presentación breve (10 diapositivas)
            - Tarjetas de reflexión y cuatro escenarios para dramatización
            - Plantilla de acuerdo de trabajo
            - Refrigerio y pago a las promotoras por su tiempo como cofacilitadoras
            """
        ),
        "facilitator_notes": _md(
            """
            **Tiempos.** Bloque 1: 45 min · descanso 15 min · bloque 2: 70 min · bloque 3:
            40 min · cierre 10 min.

            **Cofacilitación.** Una promotora de salud y un profesional clínico dirigen juntos
            cada bloque. Acuerden antes quién abre cada actividad; que la promotora no quede
            solo como "invitada".

            **Preguntas para la reflexión.** "¿Cuándo fue la última vez que una promotora le
            hizo cambiar un plan de tratamiento?" · "¿Qué sabe usted de la comunidad que no
            aprendió en la consulta?"

            **Errores frecuentes.** Evitar listas de "características de los latinos"; la
            comunidad es diversa en país de origen, idioma, historia y generación. Si surgen
            quejas sobre "pacientes que no cumplen", pregunte qué obstáculos conoce la
            promotora.
            """
        ),
        "evaluation": _md(
            """
            Realizado en cinco centros de salud comunitarios de la red de Summit Valley con
            112 participantes (médicos, enfermería, personal de recepción y 31 promotoras).
            El 91 % lo calificó como útil o muy útil. Cuatro de los cinco centros firmaron un
            acuerdo de trabajo; a los seis meses, las promotoras de esos centros informaron
            participar con mayor frecuencia en las reuniones de equipo (de 1 a 3 por mes).
            """
        ),
        "keywords": (
            "humildad cultural, promotoras de salud, trabajadores comunitarios, trabajo en equipo"
        ),
        "references": _lines(TERVALON_1998),
        "authors": [
            _author("Gabriela Anaya", SUMMIT, "g.anaya@summitvalley.example.org"),
            _author("Verónica Ledesma", SUMMIT, "v.ledesma@summitvalley.example.org"),
        ],
        "acknowledgements": (
            "Diseñado junto con el programa de promotoras de salud de Summit Valley."
        ),
        "coi_statement": "Ninguno.",
        "files": [
            {"kind": "pdf", "label": "Guía del taller"},
            {"kind": "pptx", "label": "Presentación"},
        ],
        "published_days_ago": 505,
    },
    # 26 (es)
    {
        "title": "Voces de parteras: atención materna respetuosa para mujeres migrantes (pódcast)",
        "summary": (
            "Episodio de pódcast de 15 minutos en el que dos parteras y una enfermera "
            "obstétrica conversan sobre la atención prenatal y del parto a mujeres migrantes "
            "hispanohablantes. Se acompaña de una guía breve con preguntas para la reflexión "
            "individual o en grupo."
        ),
        "learning_objectives": _lines(
            "Describir barreras frecuentes en la atención prenatal de mujeres migrantes, "
            "como el idioma, el miedo y los costos.",
            "Identificar prácticas de atención respetuosa durante el parto, incluido el "
            "consentimiento informado en el idioma preferido.",
            "Proponer un cambio en la práctica propia que podría mejorar la experiencia de "
            "estas pacientes.",
        ),
        "description": _md(
            """
            Las mujeres migrantes pueden llegar tarde a la atención prenatal por miedo,
            costos o falta de información en su idioma, y durante el parto a menudo reciben
            explicaciones sin intérprete profesional. Las parteras que trabajan con estas
            comunidades tienen una experiencia valiosa para el resto del equipo.

            En el episodio, las invitadas comparten situaciones (anonimizadas) en las que el
            consentimiento se obtuvo sin intérprete, en las que una paciente no se atrevió a
            preguntar, y en las que una explicación clara cambió la experiencia. Terminan con
            tres recomendaciones prácticas para los equipos de obstetricia.
            """
        ),
        "type": "podcast",
        "levels": ["cpd-clinicians", "gme-residency"],
        "interprofessional": True,
        "topics": ["maternal-health-equity", "language-access", "immigrant-refugee-health"],
        "methods": ["IM010", "IM020"],
        "language": "es",
        "license": "CC-BY-4.0",
        "time_required_minutes": 15,
        "group_size": "Escucha individual; discusión opcional de 4 a 10 personas",
        "materials": _md(
            """
            - Episodio de audio (15 min) con transcripción completa
            - Guía de reflexión de una página
            """
        ),
        "facilitator_notes": _md(
            """
            **Uso individual.** Escuchar el episodio y responder las tres preguntas de la
            guía (unos 5 minutos).

            **Uso en grupo.** Después de escuchar, dedique 20 minutos a la pregunta: "¿En qué
            momento de nuestra atención una paciente que habla español se queda sin
            intérprete profesional?" Anote las respuestas y compártalas con la jefatura del
            servicio.

            **Precaución.** Evite generalizar sobre "las mujeres latinas"; las invitadas
            hablan de experiencias diversas y de barreras del sistema, no de rasgos
            culturales.
            """
        ),
        "evaluation": _md(
            """
            Difundido en el programa de educación continua del Hospital Universitario del
            Lago y en la residencia de medicina familiar asociada. En el primer año lo
            escucharon 143 profesionales que completaron la guía; el 87 % lo valoró como útil
            y el 40 % indicó un cambio concreto, sobre todo solicitar intérprete profesional
            para el consentimiento.
            """
        ),
        "keywords": "salud materna, parteras, migrantes, intérpretes, atención respetuosa",
        "references": "",
        "authors": [
            _author(
                "Carmen Ugarte",
                "Hospital Universitario del Lago",
                "c.ugarte@hulago.example.org",
            ),
        ],
        "acknowledgements": (
            "Producido con el apoyo del equipo de partería del Hospital Universitario del Lago."
        ),
        "coi_statement": "Ninguno.",
        "files": [
            {
                "kind": "link",
                "label": "Escuchar el episodio",
                "url": "https://example.org/podcasts/voces-de-parteras",
            },
            {"kind": "pdf", "label": "Guía de reflexión"},
        ],
        "published_days_ago": 60,
    },
    # 27 (fr)
    {
        "title": (
            "Consulter avec un interprète professionnel : simulation pour les étudiants en externat"
        ),
        "summary": (
            "Séance de simulation de deux heures au cours de laquelle des externes mènent une "
            "consultation avec une patiente demandeuse d'asile, par l'intermédiaire d'un "
            "interprète professionnel par téléphone puis en présence. Le débriefing porte sur "
            "les techniques d'entretien, les erreurs d'interprétation et l'accès aux droits."
        ),
        "learning_objectives": _lines(
            "Préparer l'interprète avant l'entretien en précisant l'objectif et les sujets "
            "sensibles.",
            "S'adresser directement à la patiente à la première personne, par phrases courtes.",
            "Vérifier la compréhension de la patiente par la méthode de reformulation.",
            "Expliquer pourquoi un proche ou un enfant ne doit pas servir d'interprète.",
        ),
        "description": _md(
            """
            Les personnes allophones, notamment les personnes exilées, reçoivent souvent des
            soins de moindre qualité lorsque la consultation se fait sans interprète
            professionnel. Les externes apprennent rarement à travailler avec un interprète
            et recourent parfois à un proche ou à un collègue bilingue.

            La séance comprend deux scénarios. Dans le premier, une patiente parlant le
            dari consulte pour des douleurs abdominales ; l'interprète intervient par
            téléphone. Dans le second, la même patiente revient avec son fils de douze ans,
            qui propose de traduire. Un interprète professionnel formé participe au
            débriefing et commente les choix des étudiants.
            """
        ),
        "type": "simulation",
        "levels": ["ume-clerkship"],
        "interprofessional": False,
        "topics": ["language-access", "immigrant-refugee-health"],
        "methods": ["IM025", "IM020"],
        "language": "fr",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 120,
        "group_size": "8 à 12 externes par séance, deux formateurs",
        "materials": _md(
            """
            - Scénarios et consignes pour la patiente standardisée et l'interprète
            - Téléphone à haut-parleur pour le premier scénario
            - Grille d'observation en 12 items
            - Guide de débriefing
            """
        ),
        "facilitator_notes": _md(
            """
            **Déroulé.** Introduction 10 min · scénario 1 (15 min) et débriefing (25 min) ·
            scénario 2 (15 min) et débriefing (25 min) · synthèse 20 min · marge 10 min.

            **Rôle de l'interprète.** Il interprète fidèlement, y compris les phrases à la
            troisième personne ("Demandez-lui si..."), pour que les étudiants en voient
            l'effet. Il est rémunéré comme formateur.

            **Questions de débriefing.** "Où regardiez-vous quand la patiente parlait ?" ·
            "Qu'avez-vous répondu au fils qui proposait de traduire, et pourquoi ?"

            **Pièges.** Ne pas faire jouer l'interprète par un étudiant bilingue. Ne pas
            aborder le parcours d'exil de la patiente sans objectif clinique.
            """
        ),
        "evaluation": _md(
            """
            Séance intégrée au stage de médecine générale de la Faculté de médecine de
            Val-des-Rives pour 96 externes sur une année. Avant la séance, 31 % déclaraient
            avoir déjà préparé un interprète avant un entretien ; trois mois plus tard, 62 %
            des répondants (n = 58) disaient le faire. Les étudiants ont noté la séance 4,6
            sur 5 et ont demandé davantage de pratique avec l'interprétariat par vidéo.
            """
        ),
        "keywords": "interprétariat, allophones, simulation, demandeurs d'asile, communication",
        "references": _lines(KARLINER_2007, FLORES_2003),
        "authors": [
            _author(
                "Nadia Benali",
                "Faculté de médecine de Val-des-Rives",
                "n.benali@valdesrives.example.org",
            ),
            _author(
                "Étienne Lavoie",
                "Faculté de médecine de Val-des-Rives",
                "e.lavoie@valdesrives.example.org",
            ),
        ],
        "acknowledgements": "Nous remercions le service d'interprétariat du CHU de Val-des-Rives.",
        "coi_statement": "Aucun.",
        "files": [
            {"kind": "pdf", "label": "Guide du formateur"},
            {"kind": "docx", "label": "Scénarios et grille d'observation"},
        ],
        "published_days_ago": 440,
    },
    # 28 (pt)
    {
        "title": (
            "Saúde da população LGBTQIA+ na atenção primária: oficina de casos para residentes"
        ),
        "summary": (
            "Oficina de duas horas para residentes de medicina de família e comunidade com "
            "quatro casos da atenção primária envolvendo pessoas LGBTQIA+. Os residentes "
            "praticam o uso do nome social, a anamnese sexual sem pressupostos e o "
            "rastreamento baseado na anatomia de cada pessoa."
        ),
        "learning_objectives": _lines(
            "Utilizar o nome social e os pronomes da pessoa em todo o atendimento e nos registros.",
            "Realizar uma anamnese sexual centrada em práticas e parcerias, sem pressupostos.",
            "Planejar rastreamentos de acordo com os órgãos presentes, e não com o sexo "
            "atribuído ao nascer.",
            "Indicar profilaxia pré-exposição (PrEP) ao HIV quando apropriada.",
        ),
        "description": _md(
            """
            Pessoas LGBTQIA+ relatam discriminação nos serviços de saúde e muitas evitam
            procurar a atenção primária. Residentes costumam ter pouca formação prática
            sobre o tema, apesar de o direito ao uso do nome social estar garantido nos
            serviços públicos de saúde.

            A oficina apresenta quatro casos: um homem trans que precisa de rastreamento do
            câncer do colo do útero; um casal de mulheres que procura acompanhamento
            pré-natal após reprodução assistida; um homem de 52 anos que faz sexo com homens
            e nunca foi perguntado sobre sua vida sexual; e uma adolescente não binária com
            sintomas depressivos. Em pequenos grupos, os residentes discutem o atendimento e
            depois dramatizam trechos da consulta.
            """
        ),
        "type": "case",
        "levels": ["gme-residency"],
        "interprofessional": False,
        "topics": ["lgbtq-health"],
        "methods": ["IM001", "IM008", "IM022"],
        "language": "pt",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 120,
        "group_size": "8 a 16 residentes, em grupos de 4",
        "materials": _md(
            """
            - Quatro casos com perguntas para discussão
            - Guia do facilitador com respostas sugeridas
            - Ficha de apoio sobre nome social e registro no prontuário
            """
        ),
        "facilitator_notes": _md(
            """
            **Tempo.** Abertura 10 min · casos em grupos 60 min · dramatizações 35 min ·
            encerramento 15 min.

            **Perguntas para os grupos.** "O que você perguntaria primeiro?" · "Que
            rastreamentos são indicados para esta pessoa e por quê?" · "Como registrar o
            nome social no prontuário do seu serviço?"

            **Pontos de atenção.** No caso da adolescente, discutir confidencialidade e
            avaliação de risco de suicídio com cuidado. No caso do homem trans, explicar o
            procedimento e oferecer autocoleta quando disponível.

            **Armadilhas.** Evitar tratar a orientação sexual ou a identidade de gênero
            como a causa de todos os problemas de saúde. Se algum residente fizer comentário
            desrespeitoso, retome com firmeza e sem humilhar, focando no cuidado da pessoa.
            """
        ),
        "evaluation": _md(
            """
            Realizada em três turmas da residência de medicina de família e comunidade da
            Faculdade de Medicina de Campo Claro (n = 41). A autoconfiança para realizar a
            anamnese sexual subiu de 2,6 para 4,1 (escala de 1 a 5). Em auditoria de
            prontuários seis meses depois, o registro do nome social nas consultas de
            residentes passou de 38 % para 71 % dos casos em que a pessoa o havia informado.
            """
        ),
        "keywords": "saúde LGBTQIA+, nome social, atenção primária, PrEP, residência médica",
        "references": "",
        "authors": [
            _author(
                "Beatriz Oliveira Santos",
                "Faculdade de Medicina de Campo Claro",
                "b.santos@campoclaro.example.org",
            ),
            _author(
                "Rafael Moura",
                "Faculdade de Medicina de Campo Claro",
                "r.moura@campoclaro.example.org",
            ),
        ],
        "acknowledgements": "Agradecemos ao coletivo LGBTQIA+ que revisou os casos.",
        "coi_statement": "Nenhum.",
        "files": [
            {"kind": "pdf", "label": "Guia do facilitador"},
            {"kind": "docx", "label": "Casos para os residentes"},
        ],
        "published_days_ago": 210,
    },
    # 29
    {
        "title": "When a Learner Reports Mistreatment: A Faculty Response Workshop",
        "summary": (
            "A two-hour workshop for clerkship directors, program directors and frontline "
            "teaching faculty on receiving a learner's report of mistreatment or "
            "microaggression: listening, explaining options, protecting against retaliation "
            "and following up. Participants practise in unrecorded role plays with "
            "trained actors."
        ),
        "learning_objectives": _lines(
            "Demonstrate a supportive first response when a learner reports mistreatment.",
            "Explain reporting options, confidentiality limits and anti-retaliation "
            "protections accurately.",
            "Plan follow-up with the learner and, where appropriate, with the team involved.",
            "Identify your institution's formal and informal resources for learners.",
        ),
        "description": _md(
            """
            Learners often do not report mistreatment because they expect nothing to happen
            or fear retaliation, and when they do report, the first faculty member they tell
            shapes whether they will trust the system again. Many faculty have never been
            taught what to say.

            The workshop introduces a four-part response (listen, thank, clarify what the
            learner wants, explain options) and walks through the institution's policies.
            Participants then practise with actors portraying learners in three situations:
            a student who was repeatedly asked where she is "really from" by an attending;
            a resident mocked for a disability accommodation; and a student who wants to
            tell someone but does not want a formal report.
            """
        ),
        "type": "workshop-kit",
        "levels": ["cpd-faculty"],
        "interprofessional": False,
        "topics": ["microaggressions", "upstander-training"],
        "methods": ["IM030", "IM022", "IM020"],
        "language": "en",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 120,
        "group_size": "10–24 faculty; one facilitator and one actor per 8",
        "materials": _md(
            """
            - Slides on the four-part response and local policy (adapt the policy slides)
            - Three actor scripts with escalation notes
            - Observer checklist
            - One-page resource list for learners (replace with your own)
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Framing and policy 30 min · demonstration 10 min · three role-play
            rounds of 20 min · debrief and commitments 20 min.

            **Policy accuracy.** Have the learning-environment or ombuds office review the
            policy slides before each delivery; faculty most often misstate what can be kept
            confidential.

            **Actors.** Brief actors to become quieter, not louder, if the faculty member
            jumps to solutions; this is the most common error.

            **Debrief prompts.** "What did the learner want from you?" · "What would you
            do in the next 48 hours?"

            **Pitfalls.** Faculty may share their own experiences of being mistreated as
            trainees; make room, briefly, and return to the learner's needs. Do not record
            role plays.
            """
        ),
        "evaluation": _md(
            """
            Delivered to 96 faculty at Riverside School of Medicine and its affiliated
            hospitals. On an observed structured role play before and after, mean scores on
            the 10-item observer checklist rose from 5.4 to 8.1. The number of mistreatment
            reports reaching the learning-environment office rose in the following year
            (from 23 to 37), which the office interpreted as increased trust rather than
            increased mistreatment; we cannot distinguish the two.
            """
        ),
        "keywords": "mistreatment, learning environment, microaggressions, faculty development",
        "references": _lines(SUE_2007),
        "authors": [
            _author("Miriam Castellano", RIVERSIDE, "m.castellano@riverside.example.org"),
            _author("Oluwaseun Bakare", RIVERSIDE, "o.bakare@riverside.example.org"),
        ],
        "acknowledgements": "With thanks to the Riverside learning-environment office.",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Facilitator guide and actor scripts"},
            {"kind": "pptx", "label": "Workshop slides"},
        ],
        "published_days_ago": 15,
    },
    # 30
    {
        "title": "Beliefs That Hurt: Cases on Racial Bias in Pain Assessment",
        "summary": (
            "A 60-minute case-based session for clerkship students on racial disparities "
            "in pain assessment and treatment. Two cases, a vaso-occlusive crisis in a "
            "patient with sickle cell disease and a long-bone fracture, are paired with "
            "evidence that false beliefs about biological differences persist among "
            "trainees."
        ),
        "learning_objectives": _lines(
            "Describe evidence of racial disparities in analgesia for acute pain.",
            "Recognize false beliefs about biological differences between racial groups "
            "and explain why they are wrong.",
            "Apply guideline-based, timely analgesia for a vaso-occlusive crisis.",
            "Use structured pain reassessment to reduce the room for bias.",
        ),
        "description": _md(
            """
            Black patients in the United States are less likely than white patients to
            receive analgesia for the same painful conditions, and surveys have found that a
            substantial share of medical students and residents endorse false beliefs about
            biological differences, such as differences in skin thickness or nerve
            sensitivity. Patients with sickle cell disease frequently describe being treated
            as drug-seeking.

            In the first case, a young man with sickle cell disease waits two hours for
            analgesia in a crowded emergency department; learners identify where the delay
            occurred and plan care consistent with guidance to give a first dose of an
            opioid promptly, within about an hour of arrival. In the second case, the team
            debates dosing for a patient with a fractured humerus. A short quiz, based on
            the published survey items, reveals any false beliefs in the room anonymously.
            """
        ),
        "type": "case",
        "levels": ["ume-clerkship"],
        "interprofessional": False,
        "topics": ["implicit-bias", "race-in-clinical-algorithms"],
        "methods": ["IM001", "IM008"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 60,
        "group_size": "8–12 students per facilitator",
        "materials": _md(
            """
            - Two cases with timelines
            - Anonymous belief quiz (online poll or paper)
            - Facilitator guide with evidence summary
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Anonymous quiz 5 min · case 1 25 min · case 2 15 min · quiz results
            and discussion 15 min.

            **Quiz results.** Show results only in aggregate. If any false belief is endorsed,
            say plainly that it is false and where such beliefs came from historically,
            without identifying anyone.

            **Case 1 prompts.** "At which step did the delay happen? Who could have changed
            it?" · "What would an individualized pain plan in the record have done?"

            **Pitfalls.** Avoid framing patients with sickle cell disease as a "difficult
            population". Keep the focus on the system's response and on respect for the
            patient's own knowledge of their disease.
            """
        ),
        "evaluation": _md(
            """
            Used in the emergency medicine clerkship at Eastbrook Academic Medical Center
            (n = 118). On the anonymous quiz, 14% of students endorsed at least one false
            belief before the session; in a repeat quiz at the end of the clerkship, 3% did.
            Students rated the session 4.4/5. We did not measure prescribing behaviour.
            """
        ),
        "keywords": "pain management, sickle cell disease, racial bias, analgesia, false beliefs",
        "references": _lines(HOFFMAN_2016),
        "authors": [
            _author("Tamika Ellison", COASTAL, "t.ellison@coastalplains.example.org"),
            _author("Samuel Adjei", EASTBROOK, "s.adjei@eastbrook.example.org"),
        ],
        "acknowledgements": (
            "We thank members of a local sickle cell disease support group who reviewed the cases."
        ),
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Facilitator guide"},
            {"kind": "docx", "label": "Student cases"},
        ],
        "published_days_ago": 1000,
    },
    # 31
    {
        "title": "Screening for Social Needs: An OSCE Station and Scoring Checklist",
        "summary": (
            "A ten-minute OSCE station in which a student sees a standardized patient with "
            "uncontrolled hypertension who has been skipping medications because of cost and "
            "has just received an eviction notice. The station assesses screening for social "
            "needs, an empathic response and a prioritized plan with referral."
        ),
        "learning_objectives": _lines(
            "Screen for social needs, including housing, food and medication costs, using "
            "open and closed questions.",
            "Respond empathically to a disclosure of financial or housing stress.",
            "Prioritize the patient's concerns in a shared plan.",
            "Refer appropriately to social work, legal aid and pharmacy assistance.",
        ),
        "description": _md(
            """
            Screening for social needs is now expected in many clinics, but screening without
            a response can feel intrusive to patients. Students need to practise the whole
            sequence: asking, acknowledging and acting.

            The standardized patient, a 58-year-old bus driver, presents for a blood-pressure
            check. He will disclose cost-related non-adherence if asked about medications
            and the eviction notice if asked about housing. The checklist has 12 items in
            three domains (screening, empathy, plan) and a global rating. A faculty guide
            gives model phrases and common errors.
            """
        ),
        "type": "assessment-tool",
        "levels": ["ume-clerkship", "ume-postclerkship"],
        "interprofessional": False,
        "topics": ["social-determinants", "housing-instability", "food-insecurity"],
        "methods": ["IM025"],
        "language": "en",
        "license": "CC0-1.0",
        "time_required_minutes": 20,
        "group_size": "One student per station",
        "materials": _md(
            """
            - Door note, standardized patient script and training notes
            - 12-item checklist with global rating
            - Faculty feedback guide
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** 10 min encounter · 5 min feedback · 5 min reset.

            **Standardized patient training.** The patient discloses only when asked; if the
            student asks "Is there anything else?", he mentions "money's tight" without
            details, giving the student a chance to follow up.

            **Scoring.** "Prioritized plan" requires asking the patient what matters most to
            him; a student who prescribes a cheaper generic and refers to legal aid without
            asking scores partially.

            **Pitfalls.** Students sometimes promise outcomes ("Social work will stop the
            eviction"). Score the accuracy of what is promised.
            """
        ),
        "evaluation": _md(
            """
            Used in the end-of-third-year OSCE at Riverside School of Medicine (n = 157).
            Cronbach's alpha for the 12 items was 0.74; inter-rater agreement on a
            double-scored sample (n = 40) gave an intraclass correlation of 0.81. Mean score
            was 8.2/12; 41% of students did not screen for housing.
            """
        ),
        "keywords": "social needs screening, OSCE, housing, eviction, medication cost",
        "references": _lines(BRAVEMAN_2014),
        "authors": [
            _author("Chinedu Eze", SUMMIT, "c.eze@summitvalley.example.org"),
            _author("Hannah Whitcombe", RIVERSIDE, "h.whitcombe@riverside.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Station guide and checklist"},
        ],
        "versions": [
            {
                "change_note": (
                    "Added a second year of psychometric data and clarified the scoring of "
                    "the 'prioritized plan' item."
                ),
                "changes": {
                    "evaluation": _md(
                        """
                        Used in the end-of-third-year OSCE at Riverside School of Medicine in
                        two consecutive years (n = 157 and n = 163). Cronbach's alpha for the
                        12 items was 0.74 and 0.77; inter-rater agreement on double-scored
                        samples (n = 40 each year) gave intraclass correlations of 0.81 and
                        0.84. Mean score was 8.2/12 in year one and 8.9/12 in year two, after
                        a clerkship session on social needs was added; the share of students
                        who did not screen for housing fell from 41% to 27%.
                        """
                    )
                },
            }
        ],
        "published_days_ago": 740,
    },
    # 32
    {
        "title": (
            "Equity Review of Lecture Materials: A Rubric and Peer-Review Process for Course "
            "Directors"
        ),
        "summary": (
            "A 12-item rubric and a peer-review process that course directors and faculty use "
            "to review lecture slides and cases for the misuse of race, stereotyped vignettes, "
            "lack of diverse clinical images and stigmatizing language. A two-hour workshop "
            "trains reviewers on sample materials."
        ),
        "learning_objectives": _lines(
            "Apply a 12-item rubric to identify misuse of race as a biological risk factor "
            "in teaching materials.",
            "Identify stereotyped or unnecessary demographic details in clinical vignettes.",
            "Evaluate the representation of skin tones in dermatology and physical "
            "examination images.",
            "Give collegial written feedback that helps a lecturer revise materials.",
        ),
        "description": _md(
            """
            Teaching materials often present race as a biological risk factor without
            explaining the mechanism, include race in vignettes as a diagnostic clue, or
            show skin findings only on light skin. Individual lecturers rarely have time to
            audit their own slides, and criticism delivered without a shared standard can
            feel personal.

            The rubric has 12 items in four domains: use of race and ethnicity, vignette
            construction, images, and language. Each item has examples of "revise" and
            "fine as is". In the workshop, pairs of faculty review the same sample lecture,
            compare ratings and write feedback. The process document describes how a
            curriculum office can run reviews at scale with student co-reviewers.
            """
        ),
        "type": "assessment-tool",
        "levels": ["cpd-faculty"],
        "interprofessional": False,
        "topics": ["structural-racism", "race-in-clinical-algorithms"],
        "methods": ["IM030", "IM017"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 120,
        "group_size": "8–30 faculty and student co-reviewers, working in pairs",
        "materials": _md(
            """
            - The 12-item rubric with examples
            - A sample lecture (slides) with embedded problems and an answer key
            - Feedback template
            - Process guide for curriculum offices
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Introduction 15 min · independent review of the sample 30 min · pair
            comparison 25 min · feedback writing 30 min · discussion 20 min.

            **Calibration.** Expect disagreement on items about when race is relevant. Use
            the rule of thumb in the rubric: if race appears, is a mechanism (racism,
            ancestry-linked genetics, exposure) named?

            **Feedback.** Model "I noticed / I wondered / You might" phrasing. Feedback should
            offer a revision, not only a flag.

            **Pitfalls.** Do not turn the workshop into a critique of a named colleague's
            lecture; the sample is fabricated for that reason.
            """
        ),
        "evaluation": _md(
            """
            Used by the curriculum office at Northgate College of Medicine to review 64
            pre-clerkship lectures over one year, with 22 faculty and 15 student
            co-reviewers. Inter-rater agreement per item (Cohen's kappa) ranged from 0.52 to
            0.83. Lecturers revised 51 of 64 lectures; 88% of lecturers who responded to a
            survey described the feedback as useful.
            """
        ),
        "keywords": "curriculum review, race in medical education, rubric, clinical images",
        "references": _lines(VYAS_2020, FLANAGIN_2021),
        "authors": [
            _author("Lena Hartmann", NORTHGATE, "l.hartmann@northgate.example.org"),
            _author("Esther Kwan", LAKESHORE, "e.kwan@lakeshore.example.org"),
            _author("Joseph Kiplagat", NORTHGATE, "j.kiplagat@northgate.example.org"),
        ],
        "acknowledgements": (
            "Student co-reviewers from the Northgate health equity student group contributed to "
            "the rubric."
        ),
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Rubric and process guide"},
            {"kind": "pptx", "label": "Sample lecture for calibration"},
        ],
        "published_days_ago": 330,
    },
    # 33
    {
        "title": "The Clerkship Director's Health Equity Toolkit",
        "summary": (
            "A curated collection of short, adaptable materials for clerkship directors who "
            "want to weave health equity into an existing clerkship: an orientation module, "
            "a bank of ten case vignettes, guidance on equitable narrative evaluations, and a "
            "learning-environment check-in template. Each piece fits into time the clerkship "
            "already has and comes with notes on adapting it to other specialties."
        ),
        "learning_objectives": _lines(
            "Select materials from the toolkit to fill identified equity gaps in a clerkship.",
            "Integrate at least two equity-focused vignettes into existing case conferences.",
            "Revise narrative evaluation templates to reduce biased language.",
            "Plan a mid-clerkship learning-environment check-in.",
        ),
        "description": _md(
            """
            Clerkship directors are asked to add health equity content to clerkships that are
            already full. Most do not need a new course; they need well-made pieces they can
            insert into orientation, case conferences and assessment.

            The toolkit contains: a 30-minute orientation module on structural determinants
            in the clerkship's specialty; ten vignettes, each usable in 10–15 minutes; a
            guide to writing narrative evaluations that describe observed performance and
            avoid personality descriptors that differ systematically by gender and race;
            and a template for a confidential mid-clerkship check-in about the learning
            environment. Each piece includes a short rationale and adaptation notes.
            """
        ),
        "type": "collection",
        "levels": ["cpd-faculty"],
        "interprofessional": False,
        "topics": ["structural-racism", "cultural-humility", "microaggressions"],
        "methods": ["IM023"],
        "language": "en",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 240,
        "group_size": "For individual clerkship directors or a clerkship committee",
        "materials": _md(
            """
            - Orientation module (slides and speaker notes)
            - Vignette bank (10 cases)
            - Narrative-evaluation guide and revised template
            - Learning-environment check-in template
            """
        ),
        "facilitator_notes": _md(
            """
            **Getting started.** Spend an hour mapping your clerkship's existing sessions
            against the toolkit's table of contents; most directors start with the vignette
            bank because it needs no new time.

            **Narrative evaluations.** Share the guide with evaluators before the
            evaluation period, not after. Words such as "pleasant" or "hard-working" in
            place of observed skills are the most common issue.

            **Check-ins.** The check-in must be run by someone who does not grade the
            student.

            **Pitfalls.** Adding equity content only as optional reading signals that it is
            peripheral. Put at least one piece in a required session.
            """
        ),
        "evaluation": _md(
            """
            Piloted by the directors of six clerkships at Riverside School of Medicine and
            Prairie Regional Health System. Each clerkship adopted between two and four
            pieces. In the clerkship with the longest use, the proportion of narrative
            evaluations containing personality-only descriptors fell from 34% to 19% in a
            sample of 200 evaluations.
            """
        ),
        "keywords": "clerkship, toolkit, narrative evaluation, learning environment, vignettes",
        "references": "",
        "authors": [
            _author("Siobhan Carraway", PRAIRIE, "s.carraway@prairie.example.org"),
            _author("Miriam Castellano", RIVERSIDE, "m.castellano@riverside.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Toolkit guide"},
            {"kind": "docx", "label": "Vignette bank and templates"},
        ],
        "published_days_ago": 540,
    },
    # 34
    {
        "title": "Rural Health Equity: A Reading Collection with Discussion Guides",
        "summary": (
            "A collection of eight open-access readings with discussion guides on rural "
            "health equity, organized for a pre-clerkship rural track or a residency rural "
            "training track. Topics range from hospital closures and distance to care, to "
            "agricultural work, broadband and telehealth, and rural communities of colour."
        ),
        "learning_objectives": _lines(
            "Describe structural drivers of rural health inequities, including hospital and "
            "obstetric unit closures and workforce shortages.",
            "Compare the experiences of different rural communities rather than treating "
            "rurality as uniform.",
            "Analyze the promise and limits of telehealth where broadband access is poor.",
            "Identify assets in rural communities that support health.",
        ),
        "description": _md(
            """
            Rural health is often taught as a single story of distance and scarcity. Rural
            communities differ widely, and many are home to Black, Latino, Indigenous and
            immigrant residents whose experiences are left out. Learners preparing for rural
            practice benefit from reading widely and discussing the readings with
            clinicians who practise there.

            The collection's eight readings are grouped into four pairs, each with a
            60-minute discussion guide: access and closures; work, agriculture and injury;
            technology and telehealth; and community strengths and partnerships. The reading
            list is maintained by the authors and updated each year; guides are written so
            that a different reading on the same theme can be substituted.
            """
        ),
        "type": "collection",
        "levels": ["ume-preclerkship", "gme-residency"],
        "interprofessional": False,
        "topics": ["rural-health", "social-determinants"],
        "methods": ["IM010", "IM008"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 300,
        "group_size": "6–12 per discussion group",
        "materials": _md(
            """
            - Annotated reading list (updated annually)
            - Four discussion guides (60 min each)
            - Optional: a rural clinician guest for each discussion
            """
        ),
        "facilitator_notes": _md(
            """
            **Format.** Learners read the pair before each session (about 60–75 minutes of
            reading). Each session: 10 min framing by a learner, 40 min discussion, 10 min
            "what this means for my future practice".

            **Guest clinicians.** Invite a clinician from a rural site to join by video; they
            ground the discussion and often become preceptors.

            **Prompts.** "Whose rural experience is missing from this reading?" · "What
            would you need to know about a town before you moved there to practise?"

            **Pitfalls.** Avoid a deficit-only narrative; the fourth pair exists to end on
            community assets. Check the reading links each year.
            """
        ),
        "evaluation": _md(
            """
            Used in the Prairie Regional rural track (pre-clerkship students, n = 24 over two
            years) and the Willow Creek rural training track (residents, n = 12). Learners
            rated the discussions 4.5/5. Of the 12 residents, 8 remained in rural practice
            after graduation, though the collection is one small part of a track designed
            for that purpose.
            """
        ),
        "keywords": "rural health, reading list, discussion guide, telehealth, rural track",
        "references": "",
        "authors": [
            _author("Jerome Castellanos", PRAIRIE, "j.castellanos@prairie.example.org"),
            _author("Joanne Whitfield", WILLOW, "j.whitfield@willowcreek.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "docx", "label": "Annotated reading list and discussion guides"},
        ],
        "published_days_ago": 860,
    },
    # 35
    {
        "title": "Reading Race in Research: A Handout on Interpreting Race and Ethnicity Variables",
        "summary": (
            "A six-page handout for fellows and practising clinicians who read or write "
            "clinical research. It explains how race and ethnicity are collected and "
            "categorized, why race is a social rather than a biological variable, and what to "
            "look for when a study reports race-based differences."
        ),
        "learning_objectives": _lines(
            "Distinguish self-identified, observer-assigned and administratively recorded "
            "race and ethnicity.",
            "Interpret race-based differences in outcomes as potential markers of racism and "
            "social exposure rather than innate biology.",
            "Apply current reporting guidance when writing about race and ethnicity in a "
            "manuscript.",
            "Critique a study that uses race as a proxy for ancestry or genetics.",
        ),
        "description": _md(
            """
            Clinical research routinely reports results by race and ethnicity, and readers
            often draw biological conclusions the data cannot support. Fellows who will write
            papers and clinicians who apply them need a shared vocabulary and a short
            checklist.

            The handout covers how categories are defined and collected, the difference
            between race, ethnicity and genetic ancestry, how confounding by social
            exposures works, and the reporting guidance journals now use. It ends with a
            one-page checklist of questions to ask of any paper that reports race-based
            differences, and two worked examples.
            """
        ),
        "type": "reading",
        "levels": ["gme-fellowship", "cpd-clinicians"],
        "interprofessional": False,
        "topics": ["race-in-clinical-algorithms", "structural-racism"],
        "methods": ["IM023", "IM011"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 45,
        "group_size": "Individual reading; optional journal-club discussion",
        "materials": _md(
            """
            - The handout (6 pages) with checklist
            - Two worked examples
            """
        ),
        "facilitator_notes": _md(
            """
            **Self-directed use.** Read the handout (about 25 minutes), then apply the
            checklist to a recent paper in your field (about 20 minutes).

            **In a journal club.** Assign a paper from your subspecialty that reports
            race-based differences. Ask one fellow to apply the checklist and present where
            the paper falls short and where it does well.

            **Pitfalls.** The handout does not say that race should never be collected;
            measuring race and ethnicity is essential for tracking inequities. Make that
            distinction explicit in discussion.
            """
        ),
        "evaluation": _md(
            """
            Distributed to fellows in four fellowship programs at Lakeshore University
            Hospital and used in two journal clubs (27 fellows). In a short pre/post
            exercise, the proportion of fellows who identified an unsupported biological
            inference in a sample abstract rose from 37% to 78%.
            """
        ),
        "keywords": "race and ethnicity, research methods, reporting guidance, critical appraisal",
        "references": _lines(FLANAGIN_2021, VYAS_2020, JONES_2000),
        "authors": [
            _author("Esther Kwan", LAKESHORE, "e.kwan@lakeshore.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Handout and checklist"},
        ],
        "published_days_ago": 45,
    },
    # 36
    {
        "title": "Trauma-Informed Care in the Emergency Department: A Training Video",
        "summary": (
            "A 20-minute training video for emergency department teams showing how a patient "
            "who presents after an assault can be cared for in a trauma-informed way, from "
            "triage to discharge. Scenes alternate with short explanations of the principles "
            "behind each practice."
        ),
        "learning_objectives": _lines(
            "Describe the six principles of a trauma-informed approach.",
            "Identify practices at triage, examination and discharge that reduce "
            "re-traumatization.",
            "Demonstrate offering choices and explaining procedures before performing them.",
            "Recognize signs of secondary traumatic stress in oneself and colleagues.",
        ),
        "description": _md(
            """
            Emergency departments are loud, crowded and unpredictable, which can retraumatize
            patients who have experienced violence. Trauma-informed practices, such as
            explaining before touching, offering choices and limiting repeated storytelling,
            take little time and can change a patient's experience.

            The video follows a patient through triage, a forensic-aware examination,
            discussion with a social worker and discharge. After each scene, a nurse and an
            emergency physician explain the principle at work. The final segment addresses
            staff well-being and secondary traumatic stress. Scenes were written with
            survivors and a hospital-based violence intervention program.
            """
        ),
        "type": "video",
        "levels": ["gme-residency", "cpd-clinicians"],
        "interprofessional": True,
        "topics": ["trauma-informed-care"],
        "methods": ["IM010", "IM006"],
        "language": "en",
        "license": "all-rights-reserved",
        "time_required_minutes": 25,
        "group_size": "Individual viewing or team in-service of any size",
        "materials": _md(
            """
            - Captioned video (20 min)
            - Five-question knowledge check
            """
        ),
        "facilitator_notes": _md(
            """
            **Content note.** The video refers to assault but shows no violence. Introduce
            it with a content note and name where staff can find support.

            **For in-service use.** Pause after the triage scene and ask: "What in our own
            triage area would make this harder?" Collect answers for the unit manager.

            **Licensing.** The actors' releases allow viewing and streaming only; do not
            edit or re-upload the video.

            **Pitfalls.** Staff sometimes hear "trauma-informed" as "take more time". Point
            to the specific, brief practices shown.
            """
        ),
        "evaluation": _md(
            """
            Used in emergency medicine residency orientation and nursing in-services at
            Granite Ridge Children's Hospital and Eastbrook (n = 231). Knowledge-check
            scores averaged 4.3/5. Patient experience comments mentioning "explained" or
            "choice" in the department increased over the following six months, a
            modest and uncontrolled signal.
            """
        ),
        "keywords": (
            "trauma-informed care, emergency department, assault, secondary traumatic stress"
        ),
        "references": _lines(SAMHSA_2014),
        "authors": [
            _author("Rosalind Pryce", COASTAL, "r.pryce@coastalplains.example.org"),
            _author("Ahmed Karimi", EASTBROOK, "a.karimi@eastbrook.example.org"),
        ],
        "acknowledgements": (
            "Written with survivors and the Eastbrook violence intervention program."
        ),
        "coi_statement": "None.",
        "files": [
            {
                "kind": "link",
                "label": "Watch the video (captioned)",
                "url": "https://example.org/videos/trauma-informed-ed",
            },
        ],
        "published_days_ago": 920,
    },
    # 37
    {
        "title": "Nothing About Us Without Us: A Disability Patient-Panel Session Plan",
        "summary": (
            "A 90-minute session plan for a panel of disabled people who teach pre-clerkship "
            "students about their health care experiences, followed by small-group "
            "discussion. It includes guidance on recruiting, paying and preparing panelists, "
            "and on making the session itself accessible."
        ),
        "learning_objectives": _lines(
            "Describe barriers to health care reported by people with physical, sensory, "
            "intellectual and psychiatric disabilities.",
            "Contrast medical and social models of disability.",
            "Use respectful language, including person-first and identity-first language, "
            "according to the person's preference.",
            "Identify accommodations a clinic can offer routinely.",
        ),
        "description": _md(
            """
            People with disabilities are among the largest groups facing health care
            inequities, and many clinicians report discomfort caring for them. Hearing
            directly from disabled people, as teachers rather than as cases, is one of the
            most effective ways to shift attitudes.

            The panel includes three or four people with different disabilities, for
            example a Deaf person who uses American Sign Language, a person who is blind, a
            wheelchair user and a person with an intellectual disability with a support
            person. A moderator asks prepared questions for 40 minutes, then students
            discuss in small groups with a panelist in each group. The plan includes an
            accessibility checklist: ASL interpreters, live captioning, step-free access,
            and plain-language materials.
            """
        ),
        "type": "session-plan",
        "levels": ["ume-preclerkship"],
        "interprofessional": False,
        "topics": ["disability"],
        "methods": ["IM031", "IM007", "IM008"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 90,
        "group_size": "A class of up to 180; breakout groups of 10–15",
        "materials": _md(
            """
            - Panelist recruitment and preparation guide
            - Moderator question list
            - Accessibility checklist for the room and materials
            - Honoraria for panelists at the faculty guest-speaker rate
            """
        ),
        "facilitator_notes": _md(
            """
            **Preparation (4–6 weeks).** Recruit through disability-led organizations. Meet
            each panelist to agree on topics they will and will not discuss and on their
            access needs. Pay panelists at the same rate as other guest faculty.

            **Moderation.** Start with questions about good care, not only bad experiences.
            Ask each panelist how they would like to be introduced and which language they
            prefer (for example, "disabled person" or "person with a disability").

            **Breakouts.** Give students one prompt: "What will you do differently in your
            first clinical encounter with a disabled patient?"

            **Pitfalls.** Do not ask panelists to disclose diagnoses or medical details
            unless they offer. Avoid praising panelists as "inspiring"; thank them as
            teachers.
            """
        ),
        "evaluation": _md(
            """
            Held annually for three years at Riverside School of Medicine (n = 520 students).
            Students' comfort caring for disabled patients on a 5-point scale rose from 2.8
            to 3.9. Panelists rated the organization 4.7/5 and all returned in the second
            year.
            """
        ),
        "keywords": "disability, patient panel, accessibility, ASL, social model of disability",
        "references": _lines(IEZZONI_2021),
        "authors": [
            _author("Ruth Abernathy", NORTHGATE, "r.abernathy@northgate.example.org"),
            _author("Wen Zhao", RIVERSIDE, "w.zhao@riverside.example.org"),
        ],
        "acknowledgements": (
            "We thank our panelists and the regional center for independent living."
        ),
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Session plan and panelist guide"},
            {"kind": "docx", "label": "Accessibility checklist"},
        ],
        "published_days_ago": 990,
    },
    # 38
    {
        "title": "Mold, Pests and a Wheezing Child: A Medical-Legal Partnership Case",
        "summary": (
            "A 60-minute case discussion co-facilitated by a pediatrician and a legal aid "
            "attorney. Pediatric residents and law students work through the case of a child "
            "with repeated asthma exacerbations living in a rental unit with mold and pests, "
            "learning when and how a legal remedy can improve health."
        ),
        "learning_objectives": _lines(
            "Screen for health-harming legal needs using a structured mnemonic such as I-HELP.",
            "Document housing conditions in a way that supports a tenant's legal case.",
            "Describe tenants' protections and their limits, including the risk of retaliation.",
            "Collaborate with legal partners on a referral the family agrees to.",
        ),
        "description": _md(
            """
            Substandard housing is a common trigger for childhood asthma, and many families
            face landlords who do not make repairs. Medical-legal partnerships place lawyers
            in clinical settings to address such health-harming legal needs directly, but
            residents often do not know when to refer or what to write.

            The case unfolds in three parts: the emergency visit and clinic follow-up;
            the discovery of mold, cockroaches and a landlord's refusal to repair; and the
            legal response, including a letter from the clinician and the family's fear of
            eviction. Residents and law students sit together and answer questions that
            require both perspectives.
            """
        ),
        "type": "case",
        "levels": ["gme-residency"],
        "interprofessional": True,
        "topics": ["housing-instability", "environmental-justice", "advocacy"],
        "methods": ["IM001", "IM008"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 60,
        "group_size": "8–16 residents and law students at mixed tables",
        "materials": _md(
            """
            - Three-part case with questions
            - Sample clinician letter documenting housing conditions
            - Overview of local tenant protections (adapt to your jurisdiction)
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Part 1 15 min · part 2 20 min · part 3 20 min · close 5 min.

            **Co-facilitation.** The attorney answers legal questions; the pediatrician
            answers clinical ones. Resist answering outside your field; the point is to
            model the partnership.

            **Key teaching point.** A clinician letter should describe observations and the
            medical need (for example, "exposure to mold and cockroach allergen worsens this
            child's asthma") and avoid legal conclusions.

            **Pitfalls.** Laws differ by state and city; update the overview. Do not suggest
            families withhold rent without legal advice.
            """
        ),
        "evaluation": _md(
            """
            Run four times with pediatric residents at Granite Ridge Children's Hospital and
            law students placed with Lakeshore Legal Aid Society (n = 53). Residents'
            referrals to the medical-legal partnership rose from about 4 to 11 per month in
            the following quarter. Law students rated the interprofessional format 4.8/5.
            """
        ),
        "keywords": "medical-legal partnership, housing, asthma, pediatrics, tenant rights",
        "references": "",
        "authors": [
            _author("Eleanor Voss", GRANITE, "e.voss@graniteridge.example.org"),
            _author(
                "Marisol Quintero-Lowe", LEGAL_AID, "m.quintero-lowe@lakeshorelegal.example.org"
            ),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Facilitator guide"},
            {"kind": "docx", "label": "Case and sample letter"},
        ],
        "published_days_ago": 610,
    },
    # 39
    {
        "title": "Structural Racism and Health: An Introductory Lecture for First-Year Students",
        "summary": (
            "A 50-minute lecture deck with speaker notes introducing first-year medical "
            "students to structural racism as a cause of health inequities. It uses the "
            "three-level framework of institutionalized, personally mediated and "
            "internalized racism and closes with evidence on interventions."
        ),
        "learning_objectives": _lines(
            "Define structural racism and distinguish it from interpersonal racism.",
            "Describe the institutionalized, personally mediated and internalized levels of "
            "racism.",
            "Explain at least two pathways (for example, residential segregation and "
            "incarceration) through which structural racism affects health.",
            "Identify evidence-informed interventions at the policy and health-system levels.",
        ),
        "description": _md(
            """
            Many first-year students arrive with very different exposure to the idea of
            structural racism. A shared vocabulary at the start of medical school makes
            later sessions on race-based algorithms, pain management and maternal health more
            productive.

            The lecture opens with a short case of two neighbourhoods in one city with
            a large gap in life expectancy, then introduces the three-level framework using
            the well-known gardener's tale. It covers the pathways of segregation, housing,
            wealth, the criminal legal system and health care itself, and ends with
            interventions and a two-minute reflection. Speaker notes include suggested
            answers to frequently asked questions.
            """
        ),
        "type": "slide-deck",
        "levels": ["ume-preclerkship"],
        "interprofessional": False,
        "topics": ["structural-racism"],
        "methods": ["IM013", "IM007"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 50,
        "group_size": "Lecture hall of any size",
        "materials": _md(
            """
            - Slide deck (28 slides) with speaker notes
            - Two audience-response questions
            - Reflection prompt card
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Opening case 5 min · framework 15 min · pathways 18 min ·
            interventions 8 min · reflection 4 min.

            **Local data.** Replace the opening map with your own city's life expectancy by
            neighbourhood if available.

            **Anticipated questions.** "Isn't this really about class?" The notes summarize
            evidence that racial gaps persist within income levels. "Is this political?"
            Acknowledge that it is discussed politically and that the session presents
            evidence about health.

            **Pitfalls.** Avoid presenting communities only through deficits. Do not ask
            students of colour to share their experiences in the large group.
            """
        ),
        "evaluation": _md(
            """
            Delivered to two first-year classes at Riverside School of Medicine (n = 172 and
            n = 170). On a 6-item knowledge check, mean scores rose from 3.1 to 5.0. In
            free-text comments, about one in ten students felt the lecture was one-sided;
            we added the "anticipated questions" notes in response.
            """
        ),
        "keywords": "structural racism, levels of racism, lecture, social determinants",
        "references": _lines(JONES_2000, BAILEY_2017, IOM_2003),
        "authors": [
            _author("Yusuf Demir", RIVERSIDE, "y.demir@riverside.example.org"),
            _author("Adaeze Nwosu-Hart", NORTHGATE, "a.nwosu-hart@northgate.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pptx", "label": "Lecture slides"},
            {"kind": "docx", "label": "Speaker notes"},
        ],
        "published_days_ago": 1070,
    },
    # 40
    {
        "title": "Words Matter: Rewriting Stigmatizing Language in Notes and Handoffs",
        "summary": (
            "A 60-minute small-group session in which sub-interns and interns identify "
            "stigmatizing language in fabricated note excerpts and handoffs, discuss its "
            "effect on the next clinician's decisions, and rewrite it. Pairs then teach one "
            "rewrite to the group."
        ),
        "learning_objectives": _lines(
            "Recognize stigmatizing language in clinical documentation, such as "
            '"non-compliant", "claims" and "drug-seeking".',
            "Explain how stigmatizing language can transmit bias to subsequent clinicians.",
            "Rewrite note excerpts and handoffs in objective, patient-centred language.",
            "Teach a peer a documentation change in a brief, non-judgemental way.",
        ),
        "description": _md(
            """
            Clinical notes travel: the words one clinician writes shape the next
            clinician's attitudes and decisions. In a vignette study, clinicians who read a
            note with stigmatizing language held more negative attitudes toward the patient
            and prescribed less pain medication. Patients can now read their notes, too.

            Learners work with twelve fabricated excerpts from admission notes, progress
            notes and verbal handoffs. For each, they identify the problem, consider what
            information is actually present, and rewrite. The final segment uses peer
            teaching: each pair presents one rewrite and the principle behind it.
            """
        ),
        "type": "session-plan",
        "levels": ["ume-postclerkship", "gme-residency"],
        "interprofessional": False,
        "topics": ["implicit-bias"],
        "methods": ["IM008", "IM017"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 60,
        "group_size": "8–16 learners in pairs; one facilitator",
        "materials": _md(
            """
            - Twelve fabricated note excerpts and two handoff transcripts
            - Suggested rewrites with rationale
            - Pocket card of common terms and alternatives
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Framing with the evidence 10 min · paired rewriting 25 min · peer
            teaching 20 min · close 5 min.

            **Framing.** Start with a note you wrote yourself, if you have an example. It
            signals that this is about habits everyone learned, not about bad people.

            **Prompts.** "What do we actually know here?" (for "patient claims pain is
            10/10": the patient reports pain of 10/10) · "Would you be comfortable if the
            patient read this sentence?"

            **Pitfalls.** Learners sometimes over-correct by removing clinically relevant
            information, such as substance use. Emphasize accurate, specific language, not
            omission.
            """
        ),
        "evaluation": _md(
            """
            Used in the sub-internship and intern orientation at Eastbrook Academic Medical
            Center (n = 96). In a blinded audit of 200 notes written before and after the
            session, notes containing at least one term from the pocket card fell from 18%
            to 9%. Interns rated the session among the most useful in orientation (4.6/5).
            """
        ),
        "keywords": "stigmatizing language, documentation, handoffs, bias, open notes",
        "references": _lines(GODDU_2018),
        "authors": [
            _author("Daniel Adeyemi-Clarke", EASTBROOK, "d.adeyemi-clarke@eastbrook.example.org"),
            _author("Sofia Marchetti", EASTBROOK, "s.marchetti@eastbrook.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Facilitator guide"},
            {"kind": "docx", "label": "Note excerpts and rewrites"},
        ],
        "published_days_ago": 5,
    },
    # 41
    {
        "title": (
            "The Patient in Custody: An Interprofessional Simulation of Hospital Care Under Guard"
        ),
        "summary": (
            "A 60-minute simulation in which residents and nurses care for a hospitalized "
            "patient with pneumonia who is in the custody of a correctional officer and "
            "restrained to the bed. The scenario addresses privacy, restraint during "
            "examination, consent and discharge planning."
        ),
        "learning_objectives": _lines(
            "Maintain the patient's privacy and confidentiality while a correctional officer "
            "is present.",
            "Negotiate with correctional staff about restraints when they interfere with "
            "examination or care.",
            "Obtain informed consent directly from the patient.",
            "Plan discharge communication with the correctional health service.",
        ),
        "description": _md(
            """
            Hospitals regularly care for people in custody, yet clinicians receive little
            guidance on the competing demands of security and patient care. Patients in
            custody report being examined in front of officers, having restraints left on
            unnecessarily, and having decisions made without them.

            The scenario begins on admission. The patient, played by a standardized patient,
            has community-acquired pneumonia and is shackled at the ankle and wrist; an
            officer (a second actor) remains in the room. Teams must examine the chest and
            skin, obtain consent for a procedure, respond to a request from the officer for
            medical information, and plan discharge. The debrief covers the ethics of dual
            loyalty and relevant hospital policy.
            """
        ),
        "type": "simulation",
        "levels": ["gme-residency"],
        "interprofessional": True,
        "topics": ["incarceration", "trauma-informed-care"],
        "methods": ["IM025", "IM027"],
        "language": "en",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 60,
        "group_size": "Teams of 3–4 (residents and nurses); 2 actors",
        "materials": _md(
            """
            - Scenario script, patient and officer actor briefs
            - Prop restraints (soft, quick-release)
            - Debrief guide and a summary of your hospital's policy on patients in custody
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Pre-brief 5 min · scenario 20 min · debrief 30 min · reset 5 min.

            **Officer actor brief.** The officer is polite but firm and follows their own
            agency's rules; they will step outside for the examination if asked with a clear
            reason and if security can be maintained (for example, the door left ajar).

            **Debrief prompts.** "What did the patient lose when the officer heard the
            history?" · "Who decides about restraints, and what could you ask for?"

            **Pitfalls.** Actors must not portray the patient as dangerous or manipulative.
            Check your hospital's actual policy with security and legal before teaching it,
            and involve security staff in the debrief if possible.
            """
        ),
        "evaluation": _md(
            """
            Run for internal medicine residents and medical-surgical nurses at Lakeshore
            University Hospital (6 sessions, 38 participants). In the scenario, 26 of 38
            participants asked the officer to step out for the history and examination. The
            hospital's security department used the debrief findings to revise its policy on
            officer presence during examinations.
            """
        ),
        "keywords": "incarceration, custody, shackling, privacy, dual loyalty, simulation",
        "references": "",
        "authors": [
            _author("Isaac Feldmann", LAKESHORE, "i.feldmann@lakeshore.example.org"),
            _author("Bridget Nolan", COASTAL, "b.nolan@coastalplains.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Scenario and debrief guide"},
        ],
        "published_days_ago": 250,
    },
    # 42
    {
        "title": "Lost Time on the Waitlist: An Equity Case for Nephrology Fellows",
        "summary": (
            "A 60-minute case conference for nephrology fellows about a Black patient whose "
            "referral for kidney transplant was delayed because a race coefficient "
            "overestimated his kidney function. Fellows reconstruct the timeline, apply "
            "current race-free equations and national waiting-time policy, and plan "
            "referral practices for their own units."
        ),
        "learning_objectives": _lines(
            "Recalculate a patient's historical eGFR values with the 2021 race-free "
            "CKD-EPI equation.",
            "Determine when the patient became eligible to accrue waiting time, using the "
            "eGFR threshold of 20 mL/min/1.73 m².",
            "Describe national policy changes that allow affected candidates' waiting time to "
            "be modified.",
            "Design a dialysis-unit or clinic process that ensures timely transplant referral.",
        ),
        "description": _md(
            """
            The race coefficient in the 2009 CKD-EPI equation reported higher eGFR for
            patients recorded as Black, which could delay the point at which they qualified
            to accrue time on the kidney transplant waiting list. National transplant policy
            now requires race-neutral eGFR calculations and provides for modifying the
            waiting time of affected candidates.

            Fellows receive the patient's creatinine values over six years, reported with
            the 2009 equation. They recalculate each value, identify the date on which the
            patient would have qualified, and discuss how much waiting time was lost.
            The second half turns to referral disparities that persist without any
            equation: which patients in their dialysis units have not been referred, and why?
            """
        ),
        "type": "case",
        "levels": ["gme-fellowship"],
        "interprofessional": False,
        "topics": ["race-in-clinical-algorithms", "advocacy"],
        "methods": ["IM001", "IM005"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 60,
        "group_size": "4–15 fellows and faculty",
        "materials": _md(
            """
            - Case with six years of fabricated laboratory values
            - Spreadsheet with both equations
            - Summary of current waiting-time policy (check for updates before use)
            - Referral audit template for a dialysis unit
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Case and recalculation 20 min · policy discussion 15 min · referral
            practices 20 min · commitments 5 min.

            **Recalculation.** Pre-load the spreadsheet; the teaching point is the date, not
            the arithmetic. Ask fellows to estimate the lost time before revealing it.

            **Prompts.** "Who is responsible for finding patients like this one in our
            program?" · "What else delays referral for some patients: insurance, social
            support requirements, clinician judgement?"

            **Pitfalls.** Keep the focus on the system. Check the current policy details
            before each use; national rules and deadlines change.
            """
        ),
        "evaluation": _md(
            """
            Used in the nephrology fellowship conference at Lakeshore University Hospital
            (two sessions, 14 fellows and 9 faculty). After the session, the fellows
            completed an audit of one dialysis unit: 7 of 61 patients meeting referral
            criteria had no documented referral discussion, and all 7 were referred or
            documented as declining within three months.
            """
        ),
        "keywords": "kidney transplant, eGFR, waiting time, nephrology fellowship, referral",
        "references": _lines(INKER_2021, VYAS_2020),
        "authors": [
            _author("Hyun-woo Park", LAKESHORE, "h.park@lakeshore.example.org"),
            _author("Naomi Achterberg", RIVERSIDE, "n.achterberg@riverside.example.org"),
        ],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Case and facilitator guide"},
            {
                "kind": "link",
                "label": "eGFR comparison spreadsheet",
                "url": "https://example.org/tools/egfr-comparison",
            },
        ],
        "published_days_ago": 75,
    },
]


# --- The demo contributor's submissions, one per workflow state -------------------------------
# `authors` is empty: the seeder uses the owner's profile as the sole author.

SUBMISSIONS = [
    {
        "state": "draft",
        "title": (
            "Missed Appointments and the Bus Schedule: A Systems Case on Transportation Barriers"
        ),
        "summary": (
            'A case for clerkship students about a patient labelled a "no-show" after '
            "missing three appointments. Students map the patient's journey to clinic, "
            "including two bus transfers and an hourly wage job, and redesign the clinic's "
            "scheduling and outreach."
        ),
        "learning_objectives": _lines(
            "Construct a journey map of a patient's route to clinic, including time and cost.",
            "Identify clinic policies that turn transportation barriers into missed care.",
            "Propose two changes to scheduling or outreach that reduce missed appointments.",
        ),
        "description": _md(
            """
            Missed appointments are usually recorded as a patient behaviour. This case asks
            students to look at the same events from the patient's side: a 90-minute bus
            journey, a supervisor who docks pay for late arrival, and a clinic that
            discharges patients after three missed visits.

            Students build a journey map in small groups, then review the clinic's
            no-show policy and propose changes such as flexible scheduling, telehealth for
            follow-up, and ride benefits available through some insurance plans.
            """
        ),
        "type": "case",
        "levels": ["ume-clerkship"],
        "interprofessional": False,
        "topics": ["social-determinants"],
        "methods": ["IM001", "IM004"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 60,
        "group_size": "6–10 students per facilitator",
        "materials": _md(
            """
            - Case (draft)
            - Journey-map template
            - The clinic's missed-appointment policy (to be replaced with a generic version)
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing (provisional).** Case 10 min · journey mapping 25 min · policy review
            15 min · close 10 min.

            Still to write: debrief prompts and guidance on avoiding "no-show" language in
            notes.
            """
        ),
        "evaluation": "",
        "keywords": "transportation, missed appointments, no-show policy, journey map",
        "references": "",
        "authors": [],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [{"kind": "pdf", "label": "Facilitator guide (draft)"}],
    },
    {
        "state": "submitted",
        "title": (
            "Working with Deaf Patients and Sign Language Interpreters: A Communication Skills "
            "Session"
        ),
        "summary": (
            "A 90-minute session for pre-clerkship students, co-taught by Deaf educators and "
            "certified sign language interpreters, on communicating with Deaf patients who use "
            "American Sign Language. Students practise interpreted encounters and learn why "
            "written notes and lip-reading are not substitutes for an interpreter."
        ),
        "learning_objectives": _lines(
            "Describe Deaf culture and the difference between deafness as a disability and "
            "Deaf identity as a linguistic community.",
            "Arrange and position a sign language interpreter for a clinical encounter.",
            "Conduct a brief history through an interpreter, addressing the patient directly.",
            "Explain the legal obligation to provide effective communication.",
        ),
        "description": _md(
            """
            Deaf patients who use sign language report frequent communication failures in
            health care, including being handed written notes in a language that is not their
            first. Students rarely meet Deaf educators during training.

            Deaf educators open the session with a presentation in ASL (voiced by an
            interpreter) on their experiences of care. Students then rotate through three
            practice encounters with Deaf standardized patients and certified interpreters,
            with feedback from both.
            """
        ),
        "type": "session-plan",
        "levels": ["ume-preclerkship"],
        "interprofessional": False,
        "topics": ["disability", "language-access"],
        "methods": ["IM022", "IM031"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 90,
        "group_size": "18–24 students; three practice stations",
        "materials": _md(
            """
            - Session plan and station guides
            - Certified interpreters (two per station) and Deaf standardized patients
            - Feedback form
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Opening presentation 25 min · three stations × 15 min · debrief 20 min.

            **Interpreters.** Book certified interpreters at least three weeks ahead; for
            sessions over an hour, two interpreters work as a team.

            **Debrief prompt.** "What did you almost do that would have excluded the patient?"

            **Pitfall.** Do not teach students a few signs as a substitute for interpreters.
            """
        ),
        "evaluation": _md(
            """
            Piloted with 22 first-year students. Students rated the session 4.7/5; all
            students positioned the interpreter correctly by the third station.
            """
        ),
        "keywords": "Deaf patients, ASL, sign language interpreters, disability, communication",
        "references": _lines(IEZZONI_2021),
        "authors": [],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Session plan"},
            {"kind": "docx", "label": "Station guides"},
        ],
    },
    {
        "state": "in_review",
        "title": (
            "Heat, Housing and Health: An Environmental Justice Case for Internal Medicine "
            "Residents"
        ),
        "summary": (
            "A case conference about an older woman admitted with heat stroke during a heat "
            "wave, who lives alone on the top floor of a building without air conditioning. "
            "Residents discuss clinical management of heat illness and the housing, energy "
            "and neighbourhood factors that concentrate heat risk."
        ),
        "learning_objectives": _lines(
            "Manage exertional and classic heat stroke, including rapid cooling.",
            "Identify patients at high risk of heat illness, including those taking "
            "diuretics, anticholinergics or antipsychotics.",
            "Describe how housing quality, energy costs and neighbourhood tree cover shape "
            "heat exposure.",
            "Plan discharge and outreach that reduce the risk of recurrence.",
        ),
        "description": _md(
            """
            Heat waves are becoming more frequent, and deaths concentrate among older
            adults living alone, people with chronic illness, and residents of neighbourhoods
            with little tree cover and older housing stock, patterns shaped by decades of
            housing policy.

            The case unfolds from the emergency department (cooling, complications) to the
            ward (medication review) and discharge (cooling centres, utility assistance,
            check-in calls). A final segment asks residents what the health system could do
            before the next heat wave.
            """
        ),
        "type": "case",
        "levels": ["gme-residency"],
        "interprofessional": False,
        "topics": ["environmental-justice", "housing-instability"],
        "methods": ["IM001", "IM008"],
        "language": "en",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 60,
        "group_size": "8–20 residents",
        "materials": _md(
            """
            - Three-part case with questions
            - Heat-risk medication list
            - Local cooling-centre and utility-assistance information (adapt)
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Part 1 (emergency) 20 min · part 2 (ward) 15 min · part 3 (discharge
            and prevention) 20 min · close 5 min.

            **Clinical point.** Emphasize rapid cooling; antipyretics have no role in heat
            stroke.

            **Prompts.** "Which of your continuity patients would you call before a heat
            wave?" · "Why is this building hotter than the one across town?"
            """
        ),
        "evaluation": _md(
            """
            Run twice at internal medicine noon conference (about 35 residents each). Residents
            rated the case 4.3/5; 60% reported they would review heat-risk medications in
            summer visits.
            """
        ),
        "keywords": "heat illness, environmental justice, housing, climate, internal medicine",
        "references": "",
        "authors": [],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [{"kind": "pdf", "label": "Case and facilitator guide"}],
    },
    {
        "state": "revisions_requested",
        "title": (
            "Reading the Oximeter Critically: A Flipped-Classroom Session on Bias in Pulse Oximetry"
        ),
        "summary": (
            "A flipped-classroom session in which students watch a short video on how pulse "
            "oximeters work, then apply team-based reasoning to cases where oximetry "
            "overestimates oxygen saturation in patients with darker skin. Students learn to "
            "interpret readings with caution and when to obtain an arterial blood gas."
        ),
        "learning_objectives": _lines(
            "Explain the physical principle of pulse oximetry and sources of measurement error.",
            "Describe evidence that pulse oximeters more often miss hypoxaemia in Black "
            "patients than in white patients.",
            "Decide when an arterial blood gas is needed to confirm oxygenation.",
            "Discuss how device design and regulation can produce unequal performance.",
        ),
        "description": _md(
            """
            Pulse oximeters estimate arterial oxygen saturation from light absorption, and
            their accuracy can be affected by skin pigmentation. A widely cited analysis of
            paired measurements found that occult hypoxaemia missed by pulse oximetry was
            about three times as frequent in Black patients as in white patients.

            Students watch a 12-minute video before class. In class, teams work through
            three cases, including a patient whose oximeter reads 93% while the arterial
            saturation is 86%, and discuss what clinicians and manufacturers should do.
            """
        ),
        "type": "session-plan",
        "levels": ["ume-preclerkship", "ume-clerkship"],
        "interprofessional": False,
        "topics": ["race-in-clinical-algorithms", "structural-racism"],
        "methods": ["IM023", "IM026"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 75,
        "group_size": "Teams of 5–6; one facilitator for up to 8 teams",
        "materials": _md(
            """
            - Pre-class video (12 min)
            - Three team cases
            - Readiness questions
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Readiness questions 15 min · cases 45 min · synthesis 15 min.

            **Synthesis.** Stress that the answer is not to "adjust" readings by race but to
            interpret oximetry with awareness of its limits for every patient and to confirm
            with arterial blood gas when decisions depend on it.
            """
        ),
        "evaluation": _md(
            """
            Piloted with one pre-clerkship cohort (n = 38). Students rated the session
            4.1/5.
            """
        ),
        "keywords": "pulse oximetry, medical devices, skin pigmentation, hypoxaemia, bias",
        "references": _lines(SJODING_2020),
        "authors": [],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pptx", "label": "Session slides"},
            {
                "kind": "link",
                "label": "Pre-class video",
                "url": "https://example.org/videos/pulse-oximetry-basics",
            },
        ],
    },
    {
        "state": "accepted",
        "title": (
            "Asking About Safety at Home: A Trauma-Informed OSCE Station on Intimate Partner "
            "Violence"
        ),
        "summary": (
            "A ten-minute OSCE station in which a student sees a standardized patient at a "
            "follow-up visit for headaches who, when asked in a private, trauma-informed way, "
            "discloses intimate partner violence. The station assesses how the student asks, "
            "responds to disclosure, assesses immediate safety and offers resources."
        ),
        "learning_objectives": _lines(
            "Create privacy before asking about relationship safety.",
            "Ask about intimate partner violence using direct, non-judgemental questions.",
            "Respond to disclosure with validation and without pressure to leave.",
            "Assess immediate safety and offer advocacy resources the patient can access safely.",
        ),
        "description": _md(
            """
            Intimate partner violence is common, and health care may be a survivor's only
            contact with services. Clinicians often avoid asking because they fear they will
            not know what to do next. Trauma-informed practice centres the patient's choices.

            The standardized patient is accompanied by a partner in the waiting room; the
            student must see the patient alone. The 14-item checklist rewards asking privately,
            validating, asking about immediate danger (including strangulation and weapons)
            and offering a hotline number in a safe way.
            """
        ),
        "type": "assessment-tool",
        "levels": ["ume-clerkship"],
        "interprofessional": False,
        "topics": ["trauma-informed-care"],
        "methods": ["IM025"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 20,
        "group_size": "One student per station",
        "materials": _md(
            """
            - Door note, standardized patient script and training notes
            - 14-item checklist and global rating
            - Resource card for the debrief
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** 10 min encounter · 5 min feedback · 5 min reset.

            **Standardized patient care.** Offer standardized patients a debrief after each
            session and the option to step away from the role.

            **Scoring.** A student who urges the patient to leave scores low on "respects
            autonomy" even if well-intentioned.
            """
        ),
        "evaluation": _md(
            """
            Used in the family medicine clerkship OSCE for one year (n = 142). Mean checklist
            score 9.9/14; inter-rater intraclass correlation 0.77 on 30 double-scored
            encounters. Most frequently missed: asking about strangulation (58% missed).
            """
        ),
        "keywords": "intimate partner violence, OSCE, trauma-informed care, safety assessment",
        "references": _lines(SAMHSA_2014),
        "authors": [],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Station guide and checklist"},
            {"kind": "docx", "label": "Standardized patient training notes"},
        ],
    },
    {
        "state": "published",
        "title": "Teach-Back on the Wards: Health Literacy Rounds for Clerkship Students",
        "summary": (
            "A bedside teaching format in which clerkship students, coached by a pharmacist "
            "and an attending, use teach-back to confirm a patient's understanding of new "
            "discharge medications. Each student leads one teach-back per week and receives "
            "structured feedback."
        ),
        "learning_objectives": _lines(
            "Demonstrate teach-back for a new discharge medication at the bedside.",
            "Identify medication-label and regimen features that commonly cause confusion.",
            "Give and receive structured feedback on patient communication.",
        ),
        "description": _md(
            """
            Discharge is a high-risk moment for medication errors, and patients often leave
            without understanding changes to their regimen. Teach-back is simple but rarely
            practised at the bedside by students.

            During the medicine clerkship, each student leads one teach-back conversation a
            week with a patient who agrees, observed by a pharmacist or the attending, who
            gives feedback using a five-item form. A weekly 15-minute huddle reviews common
            confusions, such as "twice daily" versus "every 12 hours".
            """
        ),
        "type": "session-plan",
        "levels": ["ume-clerkship"],
        "interprofessional": True,
        "topics": ["health-literacy"],
        "methods": ["IM029", "IM006"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 30,
        "group_size": "One student with one observer at the bedside",
        "materials": _md(
            """
            - Five-item feedback form
            - Pocket card with teach-back phrases
            - Weekly huddle guide
            """
        ),
        "facilitator_notes": _md(
            """
            **Choosing patients.** Ask the patient's permission before the student joins.
            Avoid patients in distress or about to leave.

            **Feedback.** Start with what the patient understood, then what the student said
            that helped.

            **Pitfall.** Students may turn teach-back into a quiz; model owning the
            explanation ("I want to be sure I explained this well").
            """
        ),
        "evaluation": _md(
            """
            Used for one year on the medicine clerkship (n = 84 students, 312 observed
            teach-backs). Feedback-form scores rose from a mean of 3.1 in week one to 4.3 in
            week four. Pharmacists reported catching 19 discharge medication discrepancies
            during the conversations.
            """
        ),
        "keywords": "teach-back, health literacy, discharge, medications, clerkship",
        "references": _lines(SCHILLINGER_2003),
        "authors": [],
        "acknowledgements": "With thanks to the inpatient pharmacy team.",
        "coi_statement": "None.",
        "files": [
            {"kind": "pdf", "label": "Facilitator guide"},
            {"kind": "docx", "label": "Feedback form and pocket card"},
        ],
    },
    {
        "state": "rejected",
        "title": "Cultural Considerations Card Game for Clinical Encounters",
        "summary": (
            "A card-matching game for pre-clerkship students intended to build cultural "
            "awareness. Each card pairs a region of origin or faith tradition with a "
            "health-related practice or preference, and teams race to match them before "
            "discussing how the practice might affect a clinical encounter."
        ),
        "learning_objectives": _lines(
            "Recall health-related practices and preferences associated with different "
            "regions and faith traditions.",
            "Discuss how a patient's practices might affect a clinical plan.",
            "Demonstrate respectful curiosity about patients' beliefs.",
        ),
        "description": _md(
            """
            Students often feel unprepared to care for patients from backgrounds different
            from their own. This game aims to make learning about cultural practices
            engaging.

            Teams of four receive 40 cards covering topics such as family involvement in
            decisions, fasting, modesty and end-of-life preferences, each linked to a region
            or faith tradition. After matching, teams discuss two clinical scenarios.
            """
        ),
        "type": "workshop-kit",
        "levels": ["ume-preclerkship"],
        "interprofessional": False,
        "topics": ["cultural-humility"],
        "methods": ["IM009", "IM008"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 45,
        "group_size": "Teams of 4",
        "materials": _md(
            """
            - 40 printed cards
            - Two clinical scenarios
            """
        ),
        "facilitator_notes": _md(
            """
            **Timing.** Matching 20 min · scenarios 20 min · close 5 min.

            Remind students that not every patient from a group follows every practice.
            """
        ),
        "evaluation": _md(
            """
            Played once with 16 volunteer students, who found it enjoyable (4.0/5).
            """
        ),
        "keywords": "cultural awareness, game, cultural practices",
        "references": "",
        "authors": [],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [{"kind": "pdf", "label": "Cards and instructions"}],
    },
    {
        "state": "withdrawn",
        "title": "Peer Reflection Circles After Witnessing Mistreatment",
        "summary": (
            "A structured, peer-facilitated reflection circle for clerkship students who "
            "have witnessed mistreatment or microaggressions on their rotations. Trained "
            "student facilitators lead 45-minute circles with a faculty member available but "
            "not present."
        ),
        "learning_objectives": _lines(
            "Reflect on an experience of witnessing mistreatment using a structured protocol.",
            "Identify personal and institutional responses available after such an event.",
            "Practise listening to peers without advising or judging.",
        ),
        "description": _md(
            """
            Students who witness mistreatment often carry it alone. Peer circles create a
            confidential space to reflect, and often surface patterns that students then
            choose to report.

            Circles follow a four-round protocol: what happened, what I felt, what I did or
            wished I had done, and what I need now. Student facilitators are trained in a
            three-hour session.
            """
        ),
        "type": "session-plan",
        "levels": ["ume-clerkship"],
        "interprofessional": False,
        "topics": ["microaggressions", "upstander-training"],
        "methods": ["IM020", "IM017"],
        "language": "en",
        "license": "CC-BY-NC-SA-4.0",
        "time_required_minutes": 45,
        "group_size": "6–8 students per circle",
        "materials": _md(
            """
            - Circle protocol card
            - Facilitator training outline
            - Confidentiality agreement and resource list
            """
        ),
        "facilitator_notes": _md(
            """
            **Confidentiality.** Explain its limits at the start of every circle, including
            what a faculty member would be obliged to report.

            **Facilitators** do not give advice; they keep time and the protocol.
            """
        ),
        "evaluation": _md(
            """
            Eight circles held in one pilot term (43 students). Participants rated the
            circles 4.5/5.
            """
        ),
        "keywords": "reflection, peer support, mistreatment, learning environment",
        "references": "",
        "authors": [],
        "acknowledgements": "",
        "coi_statement": "None.",
        "files": [{"kind": "pdf", "label": "Protocol and facilitator training"}],
    },
    {
        "state": "retired",
        "title": (
            "Street Medicine Outreach Orientation: Preparing Students for Shifts with an Outreach "
            "Team"
        ),
        "summary": (
            "A two-session orientation that prepared pre-clerkship students to join a "
            "partner street medicine team on evening outreach shifts with people living "
            "unsheltered. It covered safety, consent, wound care basics, harm reduction and "
            "the boundaries of the student role."
        ),
        "learning_objectives": _lines(
            "Describe the health risks of unsheltered homelessness, including exposure, "
            "wounds and overdose.",
            "Demonstrate introductions and consent that respect a person's space and choice.",
            "Explain harm-reduction principles and naloxone use.",
            "Describe the limits of the student role on an outreach team.",
        ),
        "description": _md(
            """
            Students are eager to join street medicine teams but often arrive unprepared for
            the setting. This orientation, co-taught by the partner team's outreach workers,
            prepared students for their first shifts.

            Session 1 covers the context of homelessness, safety and consent; session 2
            covers wound care, harm reduction, naloxone training and the referral pathways
            the team used.
            """
        ),
        "type": "session-plan",
        "levels": ["ume-preclerkship"],
        "interprofessional": True,
        "topics": ["housing-instability", "community-engagement"],
        "methods": ["IM024", "IM013"],
        "language": "en",
        "license": "CC-BY-4.0",
        "time_required_minutes": 180,
        "group_size": "10–20 students",
        "materials": _md(
            """
            - Two session plans with slides
            - Naloxone training kits
            - Shift agreement
            """
        ),
        "facilitator_notes": _md(
            """
            **Co-teaching.** Outreach workers lead the consent and safety segments.

            **Pitfall.** Students must not give medical advice outside the supervising
            clinician's direction.
            """
        ),
        "evaluation": _md(
            """
            Used for two years (n = 57 students), who completed 230 supervised outreach
            shifts.
            """
        ),
        "keywords": "street medicine, homelessness, outreach, harm reduction, naloxone",
        "references": "",
        "authors": [],
        "acknowledgements": "With thanks to the partner street medicine team.",
        "coi_statement": "None.",
        "files": [{"kind": "pdf", "label": "Orientation guide"}],
    },
]


# --- Completed reviews (reviews.rubric answer format) ------------------------------------------
# Each review was written for one of the reviewed SUBMISSIONS (see REVIEW_PLAN) and never
# names an author. Reviews 0 and 1 are the divergent pair: spreads of 2 or more on several
# criteria, and a minor-revisions recommendation against a reject.


def _c(score: int, strengths: str = "", concerns: str = "") -> dict:
    entry: dict = {"score": score}
    if strengths:
        entry["strengths"] = strengths
    if concerns:
        entry["concerns"] = concerns
    return entry


def _evaluation(implemented: bool, score: int, strengths: str = "", concerns: str = "") -> dict:
    return {"implemented": implemented, **_c(score, strengths, concerns)}


def _compliance(rights=True, privacy=True, license=True, coi=True, concerns="") -> dict:
    entry = {"rights": rights, "privacy": privacy, "license": license, "coi": coi}
    if concerns:
        entry["concerns"] = concerns
    return entry


REVIEW_TEXTS = [
    # 0: favourable, minor revisions (diverges from 1)
    {
        "recommendation": "minor_revisions",
        "answers": {
            "objectives": _c(
                4,
                "The objectives are specific and use measurable verbs; they match what the "
                "cases actually ask learners to do.",
                "The third objective is pitched slightly above the stated level; consider "
                "'describe' rather than 'evaluate'.",
            ),
            "grounding": _c(
                4,
                "The background cites the key primary study and explains it accurately.",
                "One or two sentences on how this session differs from existing published "
                "materials would help.",
            ),
            "methods": _c(
                5,
                "Team-based work on realistic cases is a good fit for objectives about "
                "clinical reasoning, and the timing is realistic.",
            ),
            "evaluation": _evaluation(
                True,
                3,
                "The pilot is described honestly, with numbers.",
                "Only learner satisfaction was measured; even a short knowledge item before "
                "and after would strengthen the claim.",
            ),
            "accuracy": _c(5, "The clinical content is accurate and current."),
            "significance": _c(
                4,
                "This fills a real gap: most curricula mention the problem in one slide, if "
                "at all.",
            ),
            "completeness": _c(
                4,
                "Another institution could run this from the materials provided.",
                "An answer key for the readiness questions is missing.",
            ),
            "critique": _c(
                3,
                concerns="The limitations paragraph is brief; what did not work in the pilot?",
            ),
            "adoptability": _c(4, "Needs no special equipment or partners."),
            "usability": _c(
                3,
                "Files are well organized.",
                "Please confirm that the video has captions and that slides have alt text for "
                "the figures.",
            ),
            "compliance": _compliance(),
            "equity_framing": _c(
                4,
                "The synthesis is careful to frame the problem as one of device design and "
                "regulation rather than of patients.",
            ),
        },
        "comments_to_authors": _md(
            """
            Thank you for a clear, practical session on an important topic. I could imagine
            running it next term. My suggestions are modest:

            1. Add an answer key for the readiness questions and suggested answers for the
               team cases.
            2. Extend the limitations paragraph: what did learners find confusing, and what
               would you change?
            3. Confirm accessibility of the video (captions) and slides (alt text).
            4. Consider adding a brief knowledge measure to the next implementation.
            """
        ),
        "confidential_comments": (
            "A strong, practical submission with a thin evaluation. I would be glad to see "
            "it published after minor revisions."
        ),
    },
    # 1: critical, reject (diverges from 0)
    {
        "recommendation": "reject",
        "answers": {
            "objectives": _c(
                2,
                concerns="Several objectives describe what the facilitator will cover rather "
                "than what learners will be able to do, and none is assessed.",
            ),
            "grounding": _c(
                2,
                concerns="The background rests on a single study; the wider literature, "
                "including work on how clinicians should act on the findings, is not cited.",
            ),
            "methods": _c(
                3,
                "Case-based team work is appropriate in principle.",
                "The in-class cases are short and the facilitator notes give little guidance "
                "on running the discussion.",
            ),
            "evaluation": _evaluation(
                True,
                1,
                concerns="A single pilot with a satisfaction rating does not show that "
                "learners met the objectives.",
            ),
            "accuracy": _c(
                3,
                concerns="One statement about what clinicians should do with the readings "
                "is stronger than the evidence supports.",
            ),
            "significance": _c(3, "The topic matters."),
            "completeness": _c(
                2,
                concerns="There is no answer key, no debrief guide and no timing for the "
                "cases; I could not run the session from these materials.",
            ),
            "critique": _c(1, concerns="There is no discussion of limitations."),
            "adoptability": _c(2, concerns="Relies on a video whose availability is unclear."),
            "usability": _c(2, concerns="The slides are text-heavy and lack alt text."),
            "compliance": _compliance(
                concerns="Two figures appear to come from a published article; please "
                "confirm permission or replace them."
            ),
            "equity_framing": _c(
                2,
                concerns="One case introduces the patient's race in its first line without "
                "saying why it matters. If it is relevant, name the mechanism; otherwise "
                "leave it out so that learners do not infer biology.",
            ),
        },
        "comments_to_authors": _md(
            """
            The topic is important and I hope to see a developed version of this work. In its
            current form, however, the submission reads as an outline rather than a
            resource another educator could adopt.

            - The objectives need to describe learner performance and be linked to an
              assessment.
            - The facilitator materials need timings, prompts, an answer key and a debrief.
            - The evaluation needs at least a measure of learning, not only satisfaction.
            - Please revisit how race is introduced in the cases (see the equity framing
              comment).
            - Please confirm permission for the two reproduced figures.
            """
        ),
        "confidential_comments": (
            "I recognize that my colleague may view this more favourably. My concern is that "
            "publication now would set a low bar for completeness; a substantial revision "
            "could well be publishable."
        ),
    },
    # 2: accept
    {
        "recommendation": "accept",
        "answers": {
            "objectives": _c(
                5, "Clear, observable behaviours that map one-to-one to the checklist."
            ),
            "grounding": _c(4, "Draws on established guidance and explains the rationale."),
            "methods": _c(
                5, "A standardized encounter is exactly the right method for these skills."
            ),
            "evaluation": _evaluation(
                True,
                4,
                "Reports reliability (inter-rater agreement) and item-level performance, which "
                "is more than most station submissions do.",
                "Validity evidence beyond reliability would be welcome in future.",
            ),
            "accuracy": _c(5),
            "significance": _c(4, "Assessment tools on this topic are scarce."),
            "completeness": _c(
                5,
                "Scripts, training notes and scoring guidance are complete; I could run it "
                "from the package.",
            ),
            "critique": _c(4, "The authors are candid about which items were most often missed."),
            "adoptability": _c(5),
            "usability": _c(4, "Well formatted.", "Provide the checklist as an editable file too."),
            "compliance": _compliance(),
            "equity_framing": _c(
                5,
                "Respectful, person-centred language throughout; the scoring notes explicitly "
                "reward respecting the patient's choices.",
            ),
        },
        "comments_to_authors": (
            "An excellent, ready-to-use assessment tool with thoughtful scoring guidance and "
            "attention to standardized-patient well-being. My only suggestion is to include "
            "the checklist in an editable format so that programs can adapt the wording."
        ),
        "confidential_comments": "Publish.",
    },
    # 3: minor revisions
    {
        "recommendation": "minor_revisions",
        "answers": {
            "objectives": _c(4),
            "grounding": _c(
                3, concerns="The reference list is short; cite the guidance the checklist follows."
            ),
            "methods": _c(4, "Well matched to the objectives."),
            "evaluation": _evaluation(
                True,
                4,
                "A full year of use with item-level data.",
                "Please report how many standardized patients portrayed the case, since "
                "portrayal can affect scores.",
            ),
            "accuracy": _c(
                4,
                concerns="The safety-assessment item should name the specific high-risk "
                "questions rather than 'asks about danger'.",
            ),
            "significance": _c(4),
            "completeness": _c(
                4, concerns="A short faculty feedback guide would help new observers."
            ),
            "critique": _c(3, concerns="Limitations are mentioned but not discussed."),
            "adoptability": _c(4),
            "usability": _c(4),
            "compliance": _compliance(),
            "equity_framing": _c(
                4, "Appropriately avoids assumptions about the patient or partner."
            ),
        },
        "comments_to_authors": _md(
            """
            This is a useful station and I support publication after minor changes:

            - Cite the guidance on which the checklist items are based.
            - Make the safety-assessment item specific and observable.
            - Add a short feedback guide for faculty observers.
            - Expand the limitations: single site, single year, and how portrayal was
              standardized.
            """
        ),
        "confidential_comments": "",
    },
    # 4: minor revisions (the published bedside format, round 1)
    {
        "recommendation": "minor_revisions",
        "answers": {
            "objectives": _c(
                4,
                "Focused on observable behaviour at the bedside.",
                "The second objective (confusing label features) is not assessed by the "
                "feedback form; add an item or drop the objective.",
            ),
            "grounding": _c(
                3,
                "Cites the key study linking clinician communication to outcomes.",
                "Add evidence on medication errors after discharge to show why this moment "
                "was chosen.",
            ),
            "methods": _c(5, "Real patients, direct observation and immediate feedback."),
            "evaluation": _evaluation(
                True,
                3,
                "A large number of observed conversations over a whole year.",
                "The observers who scored the students also coached them; a blinded rater "
                "for a sample would make the improvement more convincing.",
            ),
            "accuracy": _c(5),
            "significance": _c(4, "Discharge teaching is rarely taught to students explicitly."),
            "completeness": _c(
                3,
                "The feedback form is clear and short.",
                "The huddle guide lists topics but no worked examples; include two or three "
                "common label confusions with suggested explanations.",
            ),
            "critique": _c(3, concerns="Say what did not work, for example on busy days."),
            "adoptability": _c(
                4,
                concerns="Depends on pharmacist time; describe how a site without ward "
                "pharmacists could run it.",
            ),
            "usability": _c(4),
            "compliance": _compliance(),
            "equity_framing": _c(
                4,
                "Framed as a universal precaution rather than as a test of patients.",
                "Add a note on using teach-back through a professional interpreter.",
            ),
        },
        "comments_to_authors": _md(
            """
            A practical format that fits into the working day of a ward team. Before
            publication, please:

            - align the objectives with what the feedback form assesses;
            - add worked examples to the huddle guide;
            - describe how sites without ward pharmacists can adapt the format;
            - add a sentence on teach-back in interpreted conversations;
            - discuss the limitation that coaches also scored the students.
            """
        ),
        "confidential_comments": "Close to ready; the changes are small.",
    },
    # 5: accept
    {
        "recommendation": "accept",
        "answers": {
            "objectives": _c(4, "Focused and achievable in the time available."),
            "grounding": _c(4, "Cites the key study linking teach-back to outcomes."),
            "methods": _c(5, "Real bedside practice with observation and feedback is ideal."),
            "evaluation": _evaluation(
                True,
                4,
                "Repeated observations show growth over the rotation, and the pharmacy "
                "finding is a welcome patient-safety outcome.",
            ),
            "accuracy": _c(5),
            "significance": _c(4),
            "completeness": _c(4, "Feedback form and huddle guide make it runnable."),
            "critique": _c(4, "The pitfalls section reflects real experience."),
            "adoptability": _c(5, "Works wherever students join ward teams."),
            "usability": _c(4),
            "compliance": _compliance(),
            "equity_framing": _c(
                5,
                "Frames clear communication as a universal precaution rather than labelling "
                "patients.",
            ),
        },
        "comments_to_authors": (
            "A simple, well-evaluated format that many clerkships could adopt. The "
            "interprofessional coaching by pharmacists is a particular strength. I have no "
            "required changes."
        ),
        "confidential_comments": "",
    },
]


# Which reviews belong to which submission (by its state), in reviewer order. Two completed
# reviews satisfy TOOLKIT_REVIEWS_REQUIRED for the accepted and published submissions; the
# submission in review is still waiting for its reviewers, and the rejected one was
# rejected at triage (desk_reject).
REVIEW_PLAN = {
    "revisions_requested": [0, 1],
    "accepted": [2, 3],
    "published": [4, 5],
}

# --- Decision letters: the seeder fills {title} and {reviews} ---------------------------------

DECISION_LETTERS = {
    "desk_reject": _md(
        """
        Dear author,

        Thank you for submitting "{title}" to the Health Disparities Toolkit. The editors
        have read it carefully and decided not to send it for peer review.

        The toolkit publishes resources that treat race and culture as social and
        structural rather than as fixed traits of groups. As submitted, the resource links
        health practices to regions of origin and faith traditions in a way that learners
        are likely to read as generalizations about patients, which is the risk that a
        cultural humility approach is designed to avoid. We also could not find an
        evaluation beyond a single satisfaction rating.

        {reviews}

        We would welcome a future submission built around asking patients about their own
        beliefs and practices, for example through role play, and we are happy to suggest
        published resources that take this approach.

        With best wishes,

        The Editors, Health Disparities Toolkit
        """
    ),
    "request_revisions": _md(
        """
        Dear author,

        Thank you for submitting "{title}". It has now been reviewed by peer reviewers with
        expertise in the topic and in medical education, whose comments are below. The
        reviewers differ in their overall assessment, but agree on the main points that
        need attention: a more complete facilitator guide (timings, prompts, answer keys),
        a fuller account of the evaluation and its limitations, and the accessibility of the
        files.

        {reviews}

        Please revise the resource and submit a new version with a response letter that
        addresses each comment, saying what you changed or why you did not. We will ask the
        same reviewers to look at the revision where possible. If you need more than eight
        weeks, let us know.

        With best wishes,

        The Editors, Health Disparities Toolkit
        """
    ),
    "accept": _md(
        """
        Dear author,

        We are pleased to accept "{title}" for publication in the Health Disparities
        Toolkit. The reviewers found it ready to use and well evaluated; their comments are
        below, and we encourage you to consider the small suggestions they make before
        publication.

        {reviews}

        The editors will now check the files and licence and publish the resource in the
        catalog. You will receive a message with its permanent address and citation when it
        is live.

        Congratulations, and thank you for sharing your work.

        The Editors, Health Disparities Toolkit
        """
    ),
    "reject": _md(
        """
        Dear author,

        Thank you for submitting "{title}" and for your patience during review. After
        considering the reviewers' reports, below, we have decided not to publish it in its
        current form.

        {reviews}

        This decision reflects the resource as submitted, not the importance of the topic.
        If you substantially redevelop it along the lines the reviewers suggest, we would be
        glad to consider it as a new submission.

        With best wishes,

        The Editors, Health Disparities Toolkit
        """
    ),
}

WITHDRAW_REASON = (
    "Our clerkship is redesigning this session after the pilot term, with student "
    "facilitators taking a larger role. We will submit the revised version next year rather "
    "than ask reviewers to assess materials that are about to change."
)

RETIRE_REASON = (
    "Retired at the authors' request: the partner street medicine program described here "
    "has closed, so the orientation no longer matches any outreach placement available to "
    "students. The general content on harm reduction and consent is covered by newer "
    "resources in the catalog."
)
