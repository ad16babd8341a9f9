"""A synthetic catalog for benchmarks (`manage.py seed_corpus`).

Text is drawn from a Zipf-like distribution over real words: English function
words first (most frequent), then medical-education vocabulary roughly from
common to rare, so a benchmark meets common words, rare words and real phrases
the way a real catalog would. Facets are random with skewed, plausible shares.
"""

import itertools
import random
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import TypeVar

from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from catalog import search
from catalog.models import (
    Collection,
    CollectionItem,
    CollectionState,
    Facilitator,
    InstructionalMethod,
    Language,
    LearnerLevel,
    License,
    Resource,
    ResourceType,
    ResourceVersion,
    Topic,
)

T = TypeVar("T")

SLUG_PREFIX = "corpus-"
# Published curated collections of the corpus (issue 15), of 10–60 random members each.
COLLECTIONS = 20
FACILITATORS = ("", "", Facilitator.ANY, Facilitator.ANY, Facilitator.SPECIAL)

FUNCTION_WORDS = """
the of and to in a for with is on that by as are this be from at or an it their
will can have which they learners these how we not who about into more has other
was all our when each also may but than its what one how such through between
two use during after before while most many both where them those should there
""".split()

CONTENT_WORDS = """
health patients care students learners session residents clinical medical
education faculty community equity patient discussion case learning bias
social small group racism access language skills practice communication
disparities team training curriculum research outcomes structural services
experience hospital clinicians care physicians reflection safety data trust
cultural providers primary needs quality approach insurance housing income
impact policy people families support evidence framework role identity
history systems barriers interpreter workshop module assessment objectives
evaluation feedback simulation scenario facilitator debrief materials slides
video reading survey rubric competency milestone attitudes knowledge behaviour
awareness empathy humility respect dignity advocacy partnership engagement
population prevention screening treatment diagnosis chronic disease diabetes
hypertension asthma pregnancy maternal infant mortality morbidity cancer pain
mental depression anxiety substance opioid addiction trauma violence stress
food insecurity homelessness poverty neighborhood segregation redlining
environment pollution climate transportation rural urban immigrant refugee
undocumented indigenous tribal sovereignty black latino asian hispanic native
white race racial ethnicity ethnic gender sexual orientation transgender
nonbinary lgbtq disability deaf blind wheelchair accommodation literacy numeracy
plain consent shared decision making informed autonomy privacy confidentiality
stigma discrimination microaggression implicit explicit stereotype prejudice
harassment allyship upstander bystander intervention calling naming responding
algorithm estimated kidney function egfr spirometry pulse oximetry vaginal birth
calculator coefficient correction equation guideline recommendation threshold
incarceration prison jail detention reentry probation justice legal police
veterans military elderly aging children adolescents youth pediatric geriatric
emergency inpatient outpatient ambulatory clinic ward rounds handoff admission
discharge readmission telehealth broadband digital portal technology artificial
intelligence machine model prediction risk score triage allocation resource
pandemic covid vaccine hesitancy misinformation outreach worker navigator doula
midwife nurse pharmacist social worker therapist chaplain interpreter dentist
preceptor mentor coach sponsor leadership promotion tenure recruitment retention
pipeline admissions holistic review diversity inclusion belonging climate
burnout wellness resilience moral injury distress grief boundaries humility
reflective writing narrative story portfolio journal essay prompt worksheet
handout checklist toolkit guide manual facilitator notes timeline agenda
objective minutes hour preparation prework homework assignment quiz question
answer score validity reliability pilot implementation dissemination
adaptation fidelity sustainability scale spread qualitative quantitative mixed
methods interview focus groups thematic analysis pretest posttest retrospective
cohort randomized controlled trial evaluation kirkpatrick reaction behavior
change institutional culture accreditation lcme acgme standards requirement
curricular mapping thread longitudinal integrated clerkship elective selective
intersession orientation bootcamp capstone transition residency fellowship
internship subinternship grand continuing professional development credit
maintenance certification board examination licensing usmle comlex shelf osce
standardized actor encounter station checklist global rating entrustable
professional activities supervision autonomy coaching observation direct
feedback formative summative portfolio committee competency progression
anatomy physiology pathology pharmacology genetics ancestry genomics biology
epidemiology biostatistics determinants upstream downstream root causes
policy legislation medicaid medicare uninsured underinsured coverage cost
billing coding charity debt bankruptcy employment wages unemployment labor
migrant farmworker seasonal occupational exposure heat lead water flint
asthma triggers mold eviction shelter encampment street medicine outreach
harm reduction naloxone syringe methadone buprenorphine treatment recovery
sobriety relapse overdose fentanyl alcohol tobacco cannabis vaping nicotine
obesity weight nutrition diet grocery desert swamp snap wic pantry garden
breastfeeding lactation prenatal postpartum hemorrhage preeclampsia cesarean
fertility contraception abortion reproductive justice sterilization consent
eugenics tuskegee henrietta lacks history apology reparations reconciliation
boarding schools colonization land water rights treaty reservation urban
translation bilingual limited english proficiency sign interpreter ad hoc
family members qualified certified remote video telephone dialects cantonese
mandarin spanish haitian creole vietnamese arabic tagalog korean russian
portuguese french somali amharic hmong navajo cherokee ojibwe lakota yupik
teach back health literacy readability grade level pictograms health numeracy
medication adherence pill organizer pharmacy refill copay formulary prior
authorization denial appeal navigation caseworker referral loop closure
conversation listening questions open ended silence pause rapport apology
disclosure error harm repair accountability transparency complaint grievance
ombudsperson ethics committee consultation capacity surrogate guardian
advance directive goals serious illness palliative hospice bereavement
spiritual religious faith beliefs traditional healer herbal remedies
acupuncture ceremony elders kinship household caregiver respite childcare
schedule shift night call duty hours fatigue sleep lactation rooms parental
leave pay equity salary compensation gap promotion ladder harassment
reporting retaliation bystander training module scenario vignette script
dialogue roleplay rehearse pair share jigsaw think fishbowl carousel gallery
walk poster debate panel storytelling photovoice art theatre drama poetry
music film documentary podcast episode interview transcript clip excerpt
article chapter textbook reference citation bibliography annotated reading
list syllabus calendar schedule room projector flipchart markers sticky
notes index cards timer handouts printed online platform breakout rooms
chat poll whiteboard zoom recording consent release permission waiver
photography anonymized deidentified composite fictional standardized
patient actor training script door note encounter cue card chart electronic
record template smart phrase order set alert nudge default checklist audit
dashboard metric indicator benchmark target goal aim driver diagram plan do
study act cycle run chart control chart pareto fishbone root cause five whys
stakeholder map charter sponsor champion coalition board advisory council
listening session town hall forum focus community members lived experience
peer expert consultant compensation honorarium gift card stipend reciprocity
memorandum understanding agreement governance ownership control access
possession principles data sovereignty tribal review board irb approval
exempt protocol amendment continuing renewal adverse event deviation
recruitment enrollment sampling convenience purposive snowball saturation
codebook coding reliability kappa memo theme subtheme quote exemplar matrix
framework triangulation member checking reflexivity positionality statement
bias lens theory critical race intersectionality feminist queer disability
studies decolonial liberation pedagogy freire hooks transformative learning
experiential kolb adult andragogy knowles self determination motivation
growth mindset stereotype threat imposter phenomenon minority tax cultural
taxation invisible labor service committee workload recognition credit
scholarship dissemination poster abstract presentation conference journal
submission manuscript editor reviewer revision acceptance publication
open access repository license copyright attribution sharealike
noncommercial derivative permission adapt remix translate localize tailor
audience setting context resource limited constrained low income high
income country global international exchange visiting elective abroad
voluntourism ethics partnership bidirectional capacity building sustainability
""".split()

# The long tail: words that each appear in a fraction of a percent of resources,
# the way proper nouns and specialist terms do in a real catalog.
RARE_WORDS = """
gullah chuukese marshallese hmong karen rohingya yazidi garifuna mixtec
zapotec quechua aymara tigrinya oromo wolof fulani igbo yoruba twi ewe
kintsugi ubuntu sankofa hozho whakapapa kaupapa marae hui tikanga iwi
metis inuit aleut chamorro samoan tongan fijian palauan micronesian
sickle thalassemia hemoglobinopathy keloid vitiligo melasma pseudofolliculitis
acanthosis nigricans sarcoidosis lupus scleroderma thyroiditis preeclampsia
eclampsia placenta accreta fistula obstetric cholestasis hyperemesis
tuberculosis latent chagas strongyloides cysticercosis leishmaniasis
schistosomiasis hepatitis cirrhosis dialysis transplant waitlist allocation
spirometer oximeter calibration melanin bilirubin jaundice cyanosis pallor
erythema dermatology atlas skin tone fitzpatrick monk scale imaging
mammography colonoscopy colorectal cervical prostate lung screening uptake
lynching segregated hospitals flexner report closures meharry howard
morehouse historically colleges hbcu tribal colleges hispanic serving
dreamers daca asylum deportation sanctuary public charge ice detention
farmworkers meatpacking poultry warehouse gig rideshare domestic workers
nail salon solvents pesticides asbestos silica coal black lung fracking
wildfire smoke flooding hurricane katrina maria heatwave drought
lead pipes arsenic uranium mining superfund cancer alley refinery
gentrification displacement zoning highways urban renewal blockbusting
covenants sundown towns tulsa greenwood rosewood wilmington
sterilization relf madrigal buck bell eugenics board carrel
henrietta hela tuskegee guatemala syphilis havasupai bloodline
sims speculum gynecology lucy anarcha betsey
""".split()

# The middle of the distribution: clinical words that each appear in roughly 0.5 % to 25 % of
# the resources (a few per resource, drawn with a gentle skew), so that a benchmark finds real
# words in ~4 % of the catalog; the content words above are all in more than 10 %.
MIDDLE_WORDS = [
    w
    for w in """
anemia anticoagulation audiology bariatric benzodiazepine biopsy bronchiolitis cardiology
cataract cellulitis chemotherapy cholesterol colposcopy concussion dementia dermatitis
dyslipidemia eczema endometriosis epilepsy fibroids fracture gastroenteritis glaucoma gout
hemodialysis hepatology hernia hiv hpv hydrocephalus hypothyroidism immunization influenza
insulin ischemia leukemia lymphoma malaria measles meningitis migraine myocardial nephrology
neuropathy obstetrics oncology ophthalmology orthopedics osteoporosis otitis pancreatitis
parkinsonism pertussis pneumonia psoriasis psychosis radiology rheumatology rickets rubella
schizophrenia scoliosis sepsis shingles sinusitis stroke tetanus thrombosis tinnitus
tonsillitis ulcer urology varicella vertigo appendicitis arthritis bronchitis colitis
conjunctivitis cystitis diverticulitis embolism fibromyalgia gallstones gingivitis hemophilia
hypoglycemia impetigo laryngitis mastitis mononucleosis myopia narcolepsy osteoarthritis
pharyngitis pleurisy rhinitis rosacea sciatica tendinitis urticaria vasculitis
""".split()
    if w not in CONTENT_WORDS and w not in RARE_WORDS
]

AUTHOR_FIRST = """
Amara Luis Mei Kwame Rosa Ada Priya Tomás Aisha Jamal Nia Hiroshi Fatima Omar
Grace Diego Ifeoma Sofia Chen Maya Ana Ravi Zainab Elena Malik Leila Andre
""".split()
AUTHOR_LAST = """
Okafor Fernández Chen Asante Delgado Nguyen Patel Rossi Haddad Johnson Williams
Kim Yazzie Begay Morales Ibrahim Novak Singh Tanaka Mensah García Lopez Brown
""".split()
AFFILIATIONS = [
    "Riverside School of Medicine",
    "Lakeshore University Hospital",
    "Northgate College of Medicine",
    "Prairie Regional Health System",
    "Harbor City Medical Center",
    "Mountain View Family Medicine Residency",
]
RELATIONS = ("levels", "topics", "methods")
MINUTES = [15, 20, 30, 45, 60, 90, 120, 180, 240, 480, None]


class ZipfWords:
    """Words drawn with probability proportional to 1 / rank ** exponent."""

    def __init__(self, words: Iterable[str], rng: random.Random, exponent: float = 1.05) -> None:
        self.words = list(dict.fromkeys(words))  # keep order, drop repeats
        weights = [1 / (rank**exponent) for rank in range(1, len(self.words) + 1)]
        self.cum_weights = list(itertools.accumulate(weights))
        self.rng = rng

    def take(self, n: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cum_weights, k=n)

    def sentence(self, low: int = 8, high: int = 20) -> str:
        words = self.take(self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def paragraph(self, words: int) -> str:
        out, total = [], 0
        while total < words:
            sentence = self.sentence()
            out.append(sentence)
            total += sentence.count(" ") + 1
        return " ".join(out)


class CorpusBuilder:
    """Builds synthetic published resources in bulk and indexes them for search."""

    def __init__(self, seed: int = 2024, lean: bool = False) -> None:
        # Lean: only the fields the catalog page lists (title, summary, facets), no long text
        # and no search index: a fast bulk path to measure the facet index at a million.
        self.lean = lean
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
        # The issue-15 fields draw from their own generator: the rest of the corpus stays
        # what it was for a given seed (comparable benchmark figures).
        self.extra = random.Random(seed + 15)  # noqa: S311 - synthetic data, not security
        self.text = ZipfWords(FUNCTION_WORDS + CONTENT_WORDS, self.rng)
        self.content = ZipfWords(CONTENT_WORDS, self.rng, exponent=0.9)
        self.middle = ZipfWords(MIDDLE_WORDS, self.rng, exponent=0.6)
        self.types = list(ResourceType.objects.all())
        self.levels = list(LearnerLevel.objects.all())
        self.topics = list(Topic.objects.all())
        self.methods = list(InstructionalMethod.objects.all())
        self.languages = list(Language.objects.order_by("position", "pk"))
        self.licenses = list(License.objects.order_by("position", "pk"))
        self.now = timezone.now()
        self.serial = Resource.objects.filter(slug__startswith=SLUG_PREFIX).count()

    def _skewed(self, items: Sequence[T]) -> T:
        """One item, earlier items more likely (a plausible, uneven share)."""
        weights = [1 / (i + 1) for i in range(len(items))]
        return self.rng.choices(items, weights=weights, k=1)[0]

    def _sample(self, items: Sequence[T], low: int, high: int) -> list[T]:
        return self.rng.sample(items, self.rng.randint(low, min(high, len(items))))

    def _with_rare_words(self, text: str) -> str:
        """Add 0–2 long-tail words (each in ~0.5% of resources) and four middle words (each
        in 0.5–25 %) at random places."""
        if not text:  # lean: no long text
            return text
        words = text.split(" ")
        added = self.rng.sample(RARE_WORDS, self.rng.choice([0, 1, 1, 2])) + self.middle.take(4)
        for word in added:
            words.insert(self.rng.randrange(len(words)), word)
        return " ".join(words)

    def _long(self, words: int) -> str:
        """A paragraph of long text (none when lean)."""
        return "" if self.lean else self.text.paragraph(words)

    def resource(self) -> tuple[Resource, dict]:
        rng = self.rng
        self.serial += 1
        first = self.now - timedelta(days=rng.randint(0, 8 * 365), minutes=rng.randint(0, 1440))
        published = first + timedelta(days=rng.choice([0, 0, 0, 30, 200]))
        title = " ".join(self.content.take(rng.randint(4, 9))).capitalize()
        resource = Resource(
            slug=f"{SLUG_PREFIX}{self.serial}",
            version=1,
            title=title,
            summary=self.text.paragraph(rng.randint(25, 60)),
            learning_objectives="\n".join(self.text.sentence() for _ in range(rng.randint(2, 5))),
            description=self._with_rare_words(self._long(rng.randint(120, 300))),
            keywords=", ".join(self.content.take(rng.randint(3, 6))),
            resource_type=self._skewed(self.types),
            interprofessional=rng.random() < 0.25,
            language=self.languages[0] if rng.random() < 0.85 else self._skewed(self.languages),
            license=self._skewed(self.licenses),
            time_required_minutes=rng.choice(MINUTES),
            group_size=rng.choice(["", "6–12 learners", "up to 30", "any"]),
            facilitator=self.extra.choice(FACILITATORS),
            materials=self._long(rng.randint(20, 60)),
            facilitator_notes=self._long(rng.randint(60, 200)),
            evaluation=self._long(rng.randint(30, 90)),
            authors=[
                {
                    "name": f"{rng.choice(AUTHOR_FIRST)} {rng.choice(AUTHOR_LAST)}",
                    "affiliation": rng.choice(AFFILIATIONS),
                    "orcid": "",
                }
                for _ in range(rng.randint(1, 4))
            ],
            attachment_text=(self._long(rng.randint(100, 1500)) if rng.random() < 0.6 else ""),
            first_published_at=first,
            published_at=published,
            reviewed_at=published - timedelta(days=rng.randint(1, 60)),
        )
        relations = {
            "levels": self._sample(self.levels, 1, 3),
            "topics": self._sample(self.topics, 1, 4),
            "methods": self._sample(self.methods, 0, 3),
        }
        return resource, relations

    @transaction.atomic
    def create_batch(self, size: int) -> list[int]:
        """Create `size` resources with their relations, first version and search index."""
        built = [self.resource() for _ in range(size)]
        resources = Resource.objects.bulk_create([r for r, _ in built])
        for name in RELATIONS:
            through = getattr(Resource, name).through
            column = getattr(Resource, name).field.m2m_reverse_field_name()
            through.objects.bulk_create(
                through(resource_id=resource.pk, **{f"{column}_id": term.pk})
                for resource, relations in zip(resources, (rel for _, rel in built), strict=True)
                for term in relations[name]
            )
        ResourceVersion.objects.bulk_create(
            ResourceVersion(
                resource=r,
                number=1,
                published_at=r.published_at,
                reviewed_at=r.reviewed_at,
                data={"title": r.title, "summary": r.summary},
            )
            for r in resources
        )
        ids = [r.pk for r in resources]
        if self.lean:
            search.renew_generation()
        else:
            search.index_many(ids)
        return ids

    @transaction.atomic
    def create_collections(self, count: int = COLLECTIONS) -> int:
        """Published collections of random synthetic resources; returns how many."""
        ids = list(
            Resource.objects.filter(slug__startswith=SLUG_PREFIX).values_list("pk", flat=True)
        )
        made = 0
        for n in range(1, count + 1):
            slug = f"{SLUG_PREFIX}collection-{n}"
            if not ids or Collection.objects.filter(slug=slug).exists():
                continue
            collection = Collection.objects.create(
                slug=slug,
                title=" ".join(self.content.take(self.extra.randint(3, 6))).capitalize(),
                introduction=self.text.paragraph(self.extra.randint(30, 80)),
                state=CollectionState.PUBLISHED,
                published_at=self.now,
            )
            members = self.extra.sample(ids, min(len(ids), self.extra.randint(10, 60)))
            CollectionItem.objects.bulk_create(
                CollectionItem(collection=collection, resource_id=pk, position=i, note="")
                for i, pk in enumerate(members, start=1)
            )
            made += 1
        search.renew_generation()
        return made


def _columns(model: type[Model], *left_out: str) -> list[str]:
    """The model's column names, quoted ("references" is an SQL keyword)."""
    columns = [f.column for f in model._meta.concrete_fields if f.column]
    return [connection.ops.quote_name(c) for c in columns if c not in left_out]


@transaction.atomic
def copy_corpus(copies: int) -> int:
    """Copy every synthetic resource `copies` more times with INSERT … SELECT: the same text,
    facets and first version under new slugs ("corpus-<n>x<k>"), without a search index.
    A million resources for the facet index's measurements in a minute; returns how many."""
    resource = Resource._meta.db_table
    columns = _columns(Resource, "id", "slug")
    originals = f"o.slug LIKE '{SLUG_PREFIX}%%' AND o.slug NOT LIKE '%%x%%'"
    copy_of = "n.slug = o.slug || 'x' || %s"
    made = 0
    with connection.cursor() as cursor:
        for k in range(2, copies + 2):
            cursor.execute(
                f"INSERT INTO {resource} (slug, {', '.join(columns)}) "  # noqa: S608 - model names
                f"SELECT o.slug || 'x' || %s, {', '.join(f'o.{c}' for c in columns)} "
                f"FROM {resource} o WHERE {originals} ORDER BY o.id",
                [str(k)],
            )
            made += cursor.rowcount
            for related in (*(getattr(Resource, n).through for n in RELATIONS), ResourceVersion):
                fields = _columns(related, "id", "resource_id")
                cursor.execute(
                    f"INSERT INTO {related._meta.db_table} (resource_id, {', '.join(fields)}) "  # noqa: S608
                    f"SELECT n.id, {', '.join(f't.{c}' for c in fields)} "
                    f"FROM {related._meta.db_table} t JOIN {resource} o ON o.id = t.resource_id "
                    f"JOIN {resource} n ON {copy_of} WHERE {originals}",
                    [str(k)],
                )
    search.renew_generation()
    return made


@transaction.atomic
def clear_corpus() -> int:
    """Delete every synthetic resource and collection (and take them out of search);
    returns how many resources."""
    Collection.objects.filter(slug__startswith=SLUG_PREFIX).delete()
    ids = list(Resource.objects.filter(slug__startswith=SLUG_PREFIX).values_list("pk", flat=True))
    for start in range(0, len(ids), 500):
        Resource.objects.filter(pk__in=ids[start : start + 500]).delete()
    search.rebuild_index()
    return len(ids)
