"""Snippets from prose (issue 13 item 4): the best-matching sentence, highlighted and escaped;
topic and keyword lists only when nothing else matches, and then labelled."""

import re

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags

from catalog import search
from catalog.search.snippets import SNIPPET_CHARS, best_sentence
from catalog.search.stems import Words
from tests import factories

pytestmark = pytest.mark.django_db

LABEL = '<span class="result__snippet-label">'


def snippet(resource, query, **kwargs):
    return search.snippets(query, [resource.pk], **kwargs).get(resource.pk)


def test_a_resource_whose_keywords_and_summary_both_match_gets_the_summary_sentence():
    resource = factories.resource(
        "Redlining and health",
        summary="Residents map redlined districts. They trace how structural racism shapes "
        "access to care today. The session ends with a reflection.",
        keywords="Structural racism, implicit bias, disparities",
        topics=["structural-racism"],
    )
    found = snippet(resource, "structural racism")
    assert found == "They trace how <mark>structural racism</mark> shapes access to care today."
    assert "Keyword" not in found and "Topic" not in found


def test_the_sentence_with_the_most_distinct_words_wins_then_the_earlier_field():
    resource = factories.resource(
        "Bias in the clinic",
        summary="Implicit bias is common. Another sentence.",
        learning_objectives="Name one way bias enters a referral",
        description="Implicit bias in triage: naming it changes referral decisions.",
    )
    assert snippet(resource, "bias referral") == (
        "Name one way <mark>bias</mark> enters a <mark>referral</mark>"
    )
    assert snippet(resource, "bias") == "Implicit <mark>bias</mark> is common."


def test_a_resource_that_matches_only_by_topic_shows_the_topic_labelled():
    resource = factories.resource(
        "Redlining and health",
        summary="Residents map redlined districts.",
        learning_objectives="",
        topics=["structural-racism", "language-access"],
    )
    assert snippet(resource, "structural racism") == (
        f"{LABEL}Topic:</span> <mark>Structural racism</mark>"
    )


def test_a_resource_that_matches_only_by_keywords_shows_the_matching_keywords_labelled():
    resource = factories.resource(
        "Redlining and health",
        summary="Residents map redlined districts.",
        learning_objectives="",
        keywords="housing, racist covenants, <b>zoning</b> & racism",
    )
    found = snippet(resource, "racism")
    assert found == (
        f"{LABEL}Keywords:</span> <mark>racist</mark> covenants · "
        "&lt;b&gt;zoning&lt;/b&gt; &amp; <mark>racism</mark>"
    )


def test_a_resource_that_matches_only_by_its_title_has_no_snippet():
    resource = factories.resource(
        "Working with interpreters", summary="A short session.", topics=["rural-health"]
    )
    assert snippet(resource, "interpreters") is None


def test_highlighting_escapes_the_text_around_the_marks():
    resource = factories.resource(
        "Working with interpreters",
        summary="<script>alert('x')</script> Bring interpreters & <em>friends</em>.",
    )
    found = snippet(resource, "interpreters")
    assert "<mark>interpreters</mark> &amp; &lt;em&gt;friends&lt;/em&gt;." in found
    assert re.sub(r"</?mark>", "", found).count("<") == 0


def test_a_long_sentence_is_cut_around_the_match_at_word_boundaries():
    before = " ".join(f"word{n}" for n in range(60))
    after = " ".join(f"more{n}" for n in range(60))
    resource = factories.resource(
        "A long read", summary=f"{before} interpreters {after}.", learning_objectives=""
    )
    found = snippet(resource, "interpreters")
    text = strip_tags(found)
    assert "<mark>interpreters</mark>" in found
    assert text.startswith("…") and text.endswith("…")
    assert len(text) <= SNIPPET_CHARS + 2
    words = text.strip("…").split()
    assert all(re.fullmatch(r"word\d+|more\d+|interpreters", w) for w in words)
    assert words.index("interpreters") >= 3  # some context before the match


def test_related_forms_are_highlighted_on_both_databases():
    resource = factories.resource(
        "Naming racism",
        summary="Racist policies, and the racism in them, shaped who had interpreters.",
    )
    assert snippet(resource, "racism interpreter") == (
        "<mark>Racist</mark> policies, and the <mark>racism</mark> in them, shaped who had "
        "<mark>interpreters</mark>."
    )


def test_matching_ignores_accents_on_both_sides_and_shows_the_original_text():
    resource = factories.resource(
        "Atención al paciente",
        summary="Mejorar la atención al paciente con intérprete. Otra frase sobre la atencion.",
        language="es",
    )
    assert snippet(resource, "atencion interprete") == (
        "Mejorar la <mark>atención</mark> al paciente con <mark>intérprete</mark>."
    )


def test_a_match_in_the_attachment_text_alone_gives_its_sentence():
    resource = factories.resource(
        "A workshop",
        summary="A short session.",
        attachment_text="Page one.\nFacilitators brief the interpreter before the visit. End.",
    )
    assert snippet(resource, "interpreter") == (
        "Facilitators brief the <mark>interpreter</mark> before the visit."
    )


def test_the_attachment_text_and_then_the_topics_are_read_only_when_still_unmatched(
    django_assert_num_queries,
):
    resource = factories.resource(
        "A workshop",
        summary="Brief the interpreter.",
        attachment_text="Interpreter and more interpreter.",
    )
    with django_assert_num_queries(1):
        assert snippet(resource, "interpreter") == "Brief the <mark>interpreter</mark>."
    with django_assert_num_queries(3):  # prose and keywords; attachment text; topics
        assert snippet(resource, "access") == (
            f"{LABEL}Topic:</span> Language <mark>access</mark> and working with interpreters"
        )


def test_several_words_read_the_attachment_text_with_the_prose(django_assert_num_queries):
    resource = factories.resource(
        "A workshop",
        summary="Brief the interpreter.",
        learning_objectives="",
        attachment_text="Page one. Brief the interpreter before dialysis. End.",
    )
    with django_assert_num_queries(1):
        assert snippet(resource, "interpreter dialysis") == (
            "Brief the <mark>interpreter</mark> before <mark>dialysis</mark>."
        )
    with django_assert_num_queries(1):  # a sentence of the prose holds as many words
        assert snippet(resource, "interpreter brief") == (
            "<mark>Brief</mark> the <mark>interpreter</mark>."
        )


def test_listed_objectives_stay_apart_in_a_snippet():
    resource = factories.resource(
        "A workshop",
        summary="A short session.",
        learning_objectives="- Brief an interpreter\n- Use first-person speech",
    )
    assert snippet(resource, "interpreter") == "Brief an <mark>interpreter</mark>"


def test_the_words_to_highlight_can_be_given_say_with_their_synonyms():
    resource = factories.resource(
        "A workshop", summary="Unconscious bias training for faculty.", learning_objectives=""
    )
    assert snippet(resource, "implicit bias", words=["implicit", "unconscious", "bias"]) == (
        "<mark>Unconscious bias</mark> training for faculty."
    )
    assert search.highlight_words("An <i>interpreter</i>.", ["interpreters"]) == (
        "An &lt;i&gt;<mark>interpreter</mark>&lt;/i&gt;."
    )


def test_stop_words_alone_are_not_highlighted_unless_they_are_the_whole_query():
    assert search.highlight_words("The role of the interpreter", ["role", "of", "the"]) == (
        "The <mark>role</mark> of the interpreter"
    )
    assert search.highlight_words("The role", ["the"]) == "<mark>The</mark> role"


def test_words_are_found_at_word_starts_in_any_case_and_form():
    words = Words(["tb", "tbi", "interpreters", "racism", "theme"])
    text = "TB, tbi_tb xtb theme-themed THEMES other the racist2 racists 9tb tb"
    found = [(text[span.start : span.end], span.key) for span in words.find(text)]
    assert found == [
        ("TB", "tb"),
        ("tbi", "tbi"),
        ("tb", "tb"),  # after an underscore, as the query parser splits words
        ("theme", "theme"),
        ("themed", "theme"),
        ("THEMES", "theme"),
        ("racists", "racist"),
        ("tb", "tb"),
    ]


def test_ascii_text_is_searched_as_text_with_accents_is():
    """ASCII text is scanned from one occurrence of a word's first letters to the next, other
    text with a pattern: an accented word added at the end must change nothing before it."""
    words = Words(["tb", "tbi", "interpreters", "racism", "theme", "a"])
    texts = [
        "TB, tbi_tb xtb theme-themed THEMES other the racist2 racists 9tb tb",
        "Interpreters' interpretation: an interpreter, the INTERPRETER.",
        "the theme thematic themes them the",
        "a a-a aa A_a",
        "",
        "tb",
    ]
    for text in texts:
        assert words.find(text) == words.find(text + " é"), text


def test_a_sentence_ends_after_its_stop_and_quotes_or_before_the_spaces_of_its_line_break():
    words = Words(["interpreter"])
    cases = {
        "Intro. Brief the interpreter.  Next one.": "Brief the interpreter.",
        "Intro. Brief the “interpreter.”\nNext.": "Brief the “interpreter.”",
        "Intro, then the interpreter \t \nnext line": "Intro, then the interpreter",
        "Intro.\n\n  - Brief the interpreter?! Then.": "Brief the interpreter?!",
        "Brief the interpreter. e.g. a lower case": "Brief the interpreter. e.g. a lower case",
    }
    for text, expected in cases.items():
        sentence = best_sentence([text], words)
        assert sentence is not None
        assert text[sentence.start : sentence.end] == expected, text


def test_control_characters_in_matching_prose_are_shown_as_spaces():
    resource = factories.resource(
        "A workshop",
        summary="Brief the\x07interpreter \x02first\x03. Then begin.",
        learning_objectives="",
    )
    assert snippet(resource, "interpreter") == "Brief the <mark>interpreter</mark>  first ."


def test_the_catalog_page_shows_the_matching_sentence_instead_of_the_keyword_list(client):
    factories.resource(
        "Redlining and health",
        summary="Residents map redlined districts. They trace how structural racism shapes "
        "access to care today.",
        keywords="Structural racism, implicit bias, Unequal Treatment, disparities",
        topics=["structural-racism", "implicit-bias"],
    )
    html = client.get("/catalog/", {"q": "structural racism"}).content.decode()
    assert (
        '<p class="result__snippet">They trace how <mark>structural racism</mark> shapes access '
        "to care today.</p>"
    ) in html


def test_bench_snippets_prints_what_the_snippets_of_a_page_cost(capsys):
    call_command("seed_corpus", resources=30, batch=10, force=True, verbosity=0)
    call_command("bench_snippets", rounds=1)
    out = capsys.readouterr().out
    assert "Snippets of a page of 20" in out
    for name in ("database", "CPU", "wall"):
        assert re.search(rf"^  {name} +p50 +\d+\.\d\d +p95 +\d+\.\d\d$", out, re.M)
