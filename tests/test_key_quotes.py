"""Key quotations: one test per rule of the choice, on inline sentences."""

from __future__ import annotations

import pytest

from extract.records import Passage
from extract.text.key_quotes import HEARD_ROUNDS, QuotePlan, key_quotations, recalls_earlier_inspection
from extract.text.wording import wording_weight
from extract.text.passages import Sentence

PLAN = QuotePlan(summary=(r"^Summary$",), improvement=(r"^What needs to improve",), findings=(r"^Findings$",), improvement_points=1)
FILLER = "Plain text that is long enough to count as a sentence of the report, and says nothing of note at all."


def sentence(section, text, block, opens=True, bullet=False, seq=1):
    return Sentence(Passage(seq, section, None, 1, text), block, opens, bullet)


def report(*sentences, filler=40):
    body = [sentence("Other", FILLER, 100 + n, opens=False) for n in range(filler)]
    return list(sentences) + body


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        pytest.param(sentence("Summary", "Children in this area receive a consistently good service.", 0, opens=False), "summary", id="summary-whole"),
        pytest.param(sentence("Findings", "Social workers visit children regularly and know them well.", 0, bullet=True), "finding", id="finding-opening"),
        pytest.param(sentence("What needs to improve", "The quality of plans for children in need of help.", 0, bullet=True), "improvement_point", id="improvement"),
        pytest.param(sentence("Help and protection", "Children benefit from an extensive range of early help services.", 0), "paragraph_opening", id="paragraph-opening"),
        pytest.param(sentence("Help and protection", "Some children are left at risk of harm for too long because of widespread failures.", 0, opens=False), "strong_wording", id="strong-wording"),
    ],
)
def test_each_rule_quotes_its_sentence(given, reason):
    quotations = key_quotations(report(given), PLAN)
    assert [(q.text, q.reason) for q in quotations] == [(given.passage.text, reason)]


def test_plain_sentences_inside_a_paragraph_are_not_quoted():
    plain = sentence("Help and protection", "Managers meet each week to review what the teams have done.", 0, opens=False)
    assert key_quotations(report(plain), PLAN) == []


def test_only_a_few_improvement_points_are_quoted():
    points = [sentence("What needs to improve", f"Point number {n} about the quality of plans for children.", n, bullet=True) for n in range(3)]
    assert len(key_quotations(report(*points), PLAN)) == 1


def test_summary_ranks_before_openings_and_openings_are_cut_at_the_budget():
    opening = [sentence("Help", f"Paragraph {n} opens with a finding about the help children receive.", n) for n in range(30)]
    summary = sentence("Summary", "Children in this area receive a consistently good service.", 99, opens=False)
    quotations = key_quotations(report(*opening, summary, filler=0), PLAN)
    assert quotations[0].reason == "summary" and quotations[0].rank == 1
    assert 1 < len(quotations) < 31


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        pytest.param("Practice is exceptional.", 3, id="praise"),
        pytest.param("There are widespread weaknesses.", 3, id="criticism"),
        pytest.param("Plans are reviewed each month.", 0, id="plain"),
    ],
)
def test_wording_weight(text, weight):
    assert wording_weight(text) == weight


def test_a_sentence_printed_twice_is_quoted_once():
    twice = [sentence("Summary", "Children in this area receive a consistently good service.", n, opens=False) for n in range(2)]
    assert len(key_quotations(report(*twice), PLAN)) == 1


def test_a_summary_past_its_length_is_read_as_findings():
    plan = QuotePlan(summary=(r"^Summary$",), summary_sentences=2)
    summary = [
        sentence("Summary", f"Summary sentence {n} says how children in this area are helped.", n, opens=n % 2 == 0)
        for n in range(6)
    ]
    reasons = [q.reason for q in key_quotations(report(*summary), plan)]
    assert reasons == ["summary", "summary", "finding", "finding"], "past two, only each block's opening"


def test_a_short_verdict_opening_brings_the_sentences_completing_it():
    plan = QuotePlan(short_opening_follow_on=2)
    paragraph = [
        "The escalation policy is not used effectively.",
        "Strong working relationships often lead to informal conversations outside the agreed policy.",
        "This means that decisions made about the safeguarding of children are not recorded.",
        "Managers have begun to review how the policy is used by each of the partner agencies.",
    ]
    verdict = [sentence("Main findings", text, 0, opens=n == 0) for n, text in enumerate(paragraph)]
    quoted = [q.text for q in key_quotations(report(*verdict), plan)]
    assert quoted == paragraph[:3]
    assert [q.text for q in key_quotations(report(*verdict), QuotePlan())] == paragraph[:1], "only where the family says"


def test_a_long_opening_brings_no_follow_on():
    plan = QuotePlan(short_opening_follow_on=2)
    opening = "Multi-agency referrals to the front door are mostly timely and they are clear about the risks to children."
    following = "However, they vary in quality, detail and analysis from one agency to the next."
    paragraph = [sentence("Main findings", opening, 0), sentence("Main findings", following, 0, opens=False)]
    assert [q.text for q in key_quotations(report(*paragraph), plan)] == [opening]


def test_a_summarys_account_of_the_inspection_is_not_quoted_for_its_place():
    plan = QuotePlan(summary=(r"^Findings$",), preamble=(r"This letter\b",), summary_sentences=1, paragraphs=(r"^Main",))
    preamble = sentence("Findings", "This letter summarises the findings of the joint targeted area inspection.", 0)
    finding = sentence("Findings", "Most children receive the right support at the right time from the partners.", 0, opens=False)
    assert [(q.text, q.reason) for q in key_quotations(report(preamble, finding), plan)] == [(finding.passage.text, "summary")]


def area_paragraphs(section, count, start=0, text="Paragraph {n} opens with what inspectors found about {section}."):
    return [sentence(section, text.format(n=n, section=section), start + n) for n in range(count)]


AREAS_PLAN = QuotePlan(summary=(r"^Summary$",), improvement=(r"^What needs to improve",))
LEDE_PLAN = QuotePlan(summary=(r"^Summary$",), area_lede_paragraphs=2)


def test_the_verdict_ranks_first_and_is_not_quoted_twice():
    from extract.records import Quotation

    verdict_text = "Children in this area receive a consistently good service."
    verdict = Quotation("Summary", 1, verdict_text, 1, "verdict")
    quotations = key_quotations(report(sentence("Summary", verdict_text, 0)), PLAN, verdict)
    assert [(q.rank, q.reason, q.text) for q in quotations] == [(1, "verdict", verdict_text)]


def test_the_summarys_opening_comes_before_the_areas_which_are_heard_in_turn():
    summary = [sentence("Summary", f"Summary sentence {n} says how children in this area are helped.", 0, opens=n == 0) for n in range(5)]
    help_, care, leaders = (area_paragraphs(name, 6, start=10 * k + 10) for k, name in enumerate(("Help", "Care", "Leaders")))
    quotations = key_quotations(report(*summary, *help_, *care, *leaders, filler=200), AREAS_PLAN)
    reasons = [q.reason for q in quotations]
    assert reasons[:5] == ["summary"] * 5
    assert [q.section for q in quotations[5:8]] == ["Help", "Care", "Leaders"], "each area's best, in turn"
    assert [q.section for q in quotations[8:11]] == ["Help", "Care", "Leaders"]


def test_an_areas_first_paragraphs_are_quoted_by_their_first_two_sentences():
    paragraphs = [
        sentence("Help", text.format(n=n), n, opens=k == 0)
        for n in range(LEDE_PLAN.area_lede_paragraphs + 1)
        for k, text in enumerate(
            (
                "Paragraph {n} opens with what inspectors found about the help children receive.",
                "Paragraph {n} goes on to say what that finding rests on, in the words of the report.",
                "Paragraph {n} then gives an example of a child whose plan was reviewed by the team.",
            )
        )
    ]
    lede_blocks = LEDE_PLAN.area_lede_paragraphs
    quoted = {q.text for q in key_quotations(report(*paragraphs, filler=200), LEDE_PLAN)}
    lede = {p.passage.text for p in paragraphs if p.block < lede_blocks and "example" not in p.passage.text}
    after = {p.passage.text for p in paragraphs if p.block == lede_blocks and "opens" in p.passage.text}
    assert quoted == lede | after
    openings = {p.passage.text for p in paragraphs if "opens" in p.passage.text}
    assert {q.text for q in key_quotations(report(*paragraphs, filler=200), AREAS_PLAN)} == openings


def test_a_long_area_does_not_take_the_whole_budget():
    help_ = area_paragraphs("Help", 60, start=10)
    care = area_paragraphs("Care", 20, start=100)
    leaders = area_paragraphs("Leaders", 20, start=200)
    sections = {q.section for q in key_quotations([*help_, *care, *leaders], AREAS_PLAN)}
    assert sections == {"Help", "Care", "Leaders"}


def test_the_points_to_improve_follow_the_rounds_in_which_every_area_is_heard():
    help_, care = area_paragraphs("Help", 5, start=10), area_paragraphs("Care", 5, start=20)
    points = [sentence("What needs to improve", f"The quality of plan number {n} for children in need.", 30 + n, bullet=True) for n in range(2)]
    quotations = key_quotations(report(*help_, *care, *points, filler=200), AREAS_PLAN)
    reasons = [q.reason for q in quotations]
    first_point = reasons.index("improvement_point")
    assert first_point == HEARD_ROUNDS * 2, "after two rounds of two areas"
    assert reasons[first_point : first_point + 2] == ["improvement_point"] * 2


def test_an_areas_strongest_weakness_follows_its_strongest_strength():
    paragraph = [
        sentence("Help", "Social workers are exceptional and their practice is excellent.", 0),
        sentence("Help", "Assessments are thorough and plans are reviewed every month.", 1),
        sentence("Help", "Some plans are poor and drift is evident for a few children.", 2),
    ]
    quotations = key_quotations(report(*paragraph, filler=200), AREAS_PLAN)
    assert [q.text for q in quotations[:2]] == [paragraph[0].passage.text, paragraph[2].passage.text]


@pytest.mark.parametrize(
    ("text", "recalls"),
    [
        ("Plymouth’s children’s services were last inspected by Ofsted in 2014, when the overall effectiveness of services was judged to require improvement to be good.", True),
        ("At the last inspection in 2015, Nottinghamshire was judged to be good across all service areas, except for care leavers.", True),
        ("Since the last inspection in 2019, services for children have improved and are now good.", False),
        ("Since the time of the last inspection in 2016, when services were judged to be inadequate, progress had been slow.", False),
        ("While no children were found to be at risk of significant harm during this inspection, some risks had not been evaluated.", False),
    ],
)
def test_a_sentence_only_recalling_an_earlier_inspection(text, recalls):
    assert recalls_earlier_inspection(text) is recalls


def test_the_summary_recalls_an_earlier_inspection_after_saying_what_is_true_now():
    earlier = "Leeds children’s services were last inspected by Ofsted in 2014, when the overall effectiveness of services was judged to be good."
    now = [f"Summary sentence {n} says how children in this area are helped." for n in range(3)]
    summary = [sentence("Summary", text, 0, opens=n == 0) for n, text in enumerate([earlier, *now])]
    quotations = key_quotations(report(*summary), PLAN)
    assert [q.text for q in quotations] == [*now, earlier], "all quoted, the scene set last"


def test_past_the_rounds_the_areas_follow_the_order_printed():
    plain = [sentence("Help", f"Paragraph {n} opens with a finding about the help children receive.", n) for n in range(3)]
    strong = [
        sentence("Help", f"Paragraph {n} finds {words} help for the children of the area.", n)
        for n, words in enumerate(("exceptional and excellent", "excellent and innovative", "innovative"), start=3)
    ]
    quotations = key_quotations(report(*plain, *strong, filler=400), AREAS_PLAN)
    texts = [q.text for q in quotations]
    heard = HEARD_ROUNDS
    assert texts[:heard] == [s.passage.text for s in strong[:heard]], "the area's most evaluative sentences are heard first"
    rest = [*plain, *strong[heard:]]
    assert texts[heard:] == [s.passage.text for s in rest], "then the rest as printed: the plain early paragraphs first"


def test_sentences_ruled_out_and_background_sections_are_never_quoted():
    plan = QuotePlan(summary=(r"^Summary$",), background=(r"^Children living in this area$",))
    ruled_out = [
        sentence("Summary", "A monitoring inspection will be carried out within approximately 18 months.", 0),
        sentence("Summary", "This local authority is good because", 1),
        sentence("Children living in this area", "Approximately 68,000 children and young people live in the area.", 2),
    ]
    assert key_quotations(report(*ruled_out), plan) == []


def test_a_list_stem_is_quoted_with_its_items():
    stem = sentence("What needs to improve", "Improve the quality of services to care leavers by ensuring that:", 0)
    items = [sentence("What needs to improve", f"pathway plan number {n} is written with young people", n + 1, bullet=True) for n in range(2)]
    (quotation,) = key_quotations(report(stem, *items), PLAN)
    assert quotation.reason == "improvement_point"
    assert quotation.text == f"{stem.passage.text} {items[0].passage.text} {items[1].passage.text}"
