"""Synthetic reports modelled on Ofsted's published templates, for the variants no real corpus file shows yet.

A school inspection report under the education inspection framework (EIF, September 2019 on) prints, on page 1,
"Inspection of <school>", its address, "Inspection dates: ...", then its judgement table, label and grade word
on one line each, ending with the grade at the previous inspection; then "What is it like to attend this
school?", "What does the school do well and what does it need to do better?", "Safeguarding", "What does the
school need to do to improve?", and the school's details with the inspection team. From September 2024 until the
report cards of November 2025 a state school's table has no overall effectiveness row. A report card prints a
five-point scale ("Expected standard") with safeguarding "Met": no parser reads one yet, so it must stay
unrecognised.
"""

from __future__ import annotations

from tests.pdfs import pages_pdf

NAME = "Harbour Primary School"
URN = "118765"
DATES = "14 and 15 March 2023"
LEAD = "Jane Smith"
# Every row of a full table, as printed; a variant leaves some out or changes their grades.
FULL_TABLE = (
    ("Overall effectiveness", "Good"),
    ("The quality of education", "Good"),
    ("Behaviour and attitudes", "Outstanding"),
    ("Personal development", "Good"),
    ("Leadership and management", "Requires improvement"),
    ("Early years provision", "Good"),
)
SUMMARY = (
    "Pupils are happy and safe at this school. They enjoy learning and are proud of their school. Leaders have",
    "high expectations of what pupils can achieve. Pupils behave well in lessons and around the school.",
    "Bullying is rare and staff deal with it quickly when it happens. Pupils know who to talk to if they are",
    "worried about anything.",
)
WELL = (
    "Leaders have designed an ambitious curriculum that sets out what pupils should learn from the early years",
    "to Year 6. In most subjects, teachers know what to teach and when. In a few subjects, leaders have not",
    "identified the important knowledge that pupils should learn, and pupils do not build their knowledge well.",
    "Reading is a priority across the school. Children in the Reception class learn phonics as soon as they",
    "start. Pupils who fall behind get the help they need to catch up quickly.",
)
SAFEGUARDING = (
    "The arrangements for safeguarding are effective.",
    "Leaders make sure that all staff are trained to spot the signs that a pupil may be at risk of harm.",
)
IMPROVE = (
    "In some subjects, leaders have not identified the most important knowledge that pupils should learn.",
    "Leaders should make sure that the curriculum in these subjects sets out what pupils need to know.",
)


def school_report_pages(
    table: tuple[tuple[str, str], ...] = FULL_TABLE,
    dates: str = DATES,
    previous: str | None = "Previous inspection grade Good",
    summary_heading: str = "What is it like to attend this school?",
    name: str = NAME,
) -> list[list[str]]:
    """The pages of an EIF school report: the table as given, the body as the template prints it."""
    footer = [f"Inspection report: {name}", f"{dates}"]
    first = [f"Inspection of {name}", "Church Road, Folkestone, Kent CT20 1AB", f"Inspection dates: {dates}"]
    first += [f"{label} {grade}" for label, grade in table]
    first += [previous] if previous else []
    body = [summary_heading, *SUMMARY, "What does the school do well and what does it need to do better?", *WELL,
            "Safeguarding", *SAFEGUARDING, "What does the school need to do to improve?",
            "(Information for the school and appropriate authority)", *IMPROVE, *footer]
    details = ["School details", f"Unique reference number {URN}", "Local authority Kent",
               "Inspection number 10241234", "Type of school Primary", "Information about this inspection",
               "Inspectors met the headteacher, the deputy headteacher and the special educational needs",
               "coordinator. They spoke to the chair of the governing body and a representative of the local",
               "authority.", "Inspection team", f"{LEAD}, lead inspector Ofsted Inspector",
               "Tom Brown Ofsted Inspector", *footer]
    return [first, body, details]


def school_report(**variant) -> bytes:
    return pages_pdf(school_report_pages(**variant))


def report_card_pages() -> list[list[str]]:
    """A school report card of November 2025 on: a five-point scale, safeguarding met or not met."""
    table = (("Inclusion", "Expected standard"), ("Curriculum and teaching", "Strong standard"),
             ("Achievement", "Expected standard"), ("Attendance and behaviour", "Strong standard"),
             ("Personal development and well-being", "Expected standard"), ("Leadership and governance",
             "Expected standard"), ("Safeguarding", "Met"))
    first = [f"{NAME}", "Church Road, Folkestone, Kent CT20 1AB", "Inspection dates: 2 and 3 December 2025",
             "The quality of education at the school is judged on the report card's five-point scale."]
    first += [f"{label} {grade}" for label, grade in table]
    body = ["What is it like to attend this school?", *SUMMARY, f"Inspection report: {NAME}"]
    return [first, body]
