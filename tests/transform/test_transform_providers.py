import csv
from dataclasses import replace
from datetime import date

import pytest

from extract.records import Provenance
from tests.factories import make_report
from transform.flags import Flag
from transform.providers import SCHOOL, ProviderMatch, local_authorities, match_provider, normalise_name

LEEDS, BROMLEY, BRISTOL = "80481", "80490", "80441"


@pytest.mark.parametrize(
    ("printed", "urn"),
    [
        pytest.param("Leeds City Council", LEEDS, id="city-council"),
        pytest.param("Leeds", LEEDS, id="bare"),
        pytest.param("LEEDS CITY", LEEDS, id="upper-case"),
        pytest.param("London Borough of Bromley", BROMLEY, id="london-borough"),
        pytest.param("Bristol City of", BRISTOL, id="ons-style-inverted"),
        pytest.param("Bristol, City of", BRISTOL, id="ons-style-comma"),
        pytest.param("City of Bradford Metropolitan District Council", "80449", id="metropolitan-district"),
        pytest.param("Bradford Children and Families Trust", "80449", id="children's-trust-alias"),
        pytest.param("Cheshire East Unitary Authority", "80447", id="unitary-authority"),
        pytest.param("Southend-on-Sea city council", "80559", id="hyphens-lower-case"),
        pytest.param("Royal Borough of Kensington & Chelsea", "80544", id="royal-borough-ampersand"),
        pytest.param("St. Helens Council", "80560", id="saint-abbreviated"),
        pytest.param("Kingston upon Hull City Council", "80477", id="hull"),
        pytest.param("Kingston upon Thames", "80545", id="not-hull"),
        pytest.param("City of London", "80450", id="city-of-london-keeps-london"),
        pytest.param("Durham County Council", "80465", id="durham"),
        pytest.param("Bedford Borough", "80428", id="borough-in-name"),
        pytest.param("Trafford Council’s", "80573", id="possessive-curly-apostrophe"),
        pytest.param("St Helen's", "80560", id="apostrophe-that-is-not-a-possessive"),
        pytest.param("the Royal Borough of Windsor and Maidenhead", "80546", id="the-royal-borough"),
        pytest.param("City of Doncaster Council", "80462", id="city-of-prefix"),
        pytest.param("Bournemouth Borough Council", "2532287", id="predecessor-of-bcp"),
        pytest.param("Dorset County Council", "2532283", id="predecessor-of-dorset-council"),
        pytest.param("Kent County Council children", "80476", id="starts-with-an-authority"),
        pytest.param("North East Lincolnshire services", "80526", id="longest-leading-entry-wins"),
    ],
)
def test_every_spelling_of_an_authority_lands_on_its_urn(printed, urn):
    assert local_authorities().find_name(printed).urn == urn


def test_names_that_differ_only_in_style_words_normalise_alike():
    assert normalise_name("Metropolitan Borough of Barnsley Council") == normalise_name("Barnsley") == "barnsley"
    assert normalise_name("Leicester City Council") != normalise_name("Leicestershire County Council")


def test_the_authority_table_has_every_fact_for_every_authority():
    authorities = local_authorities().by_urn.values()
    assert len(authorities) >= 150
    for authority in authorities:
        assert authority.urn.isdigit() and authority.name and authority.region
        assert authority.ons_code.startswith("E") and authority.la_code.isdigit(), authority


def test_unknown_names_match_nothing():
    assert local_authorities().find_name("Atlantis Council") is None
    assert local_authorities().find_name(None) is None


def test_a_name_longer_than_any_authority_name_is_never_matched_by_its_start():
    """Page-1 text read as a name must not land a report on whichever authority it happens to start with."""
    title = "Birmingham Re-inspection of services for children in need of help and protection"
    assert len(title) > local_authorities().longest_name
    assert local_authorities().find_name(title) is None
    assert local_authorities().find_name("Birmingham Re-inspection").urn == "80429"


def test_a_name_match_gives_the_authority_with_codes_and_region():
    match = match_provider(make_report("Leeds City Council"), None, local_authorities())
    assert match.provider.urn == LEEDS
    assert (match.provider.name, match.provider.region) == ("Leeds", "Yorkshire and the Humber")
    assert (match.provider.la_code, match.provider.ons_code) == ("383", "E08000035")
    assert match.flags == ()


def test_the_site_urn_wins_over_the_printed_one_and_a_conflicting_name_is_flagged():
    report = make_report("Bromley", urn=BRISTOL)
    match = match_provider(report, Provenance(urn=LEEDS), local_authorities())
    assert match.provider.urn == LEEDS
    assert match.flags == (Flag.PROVIDER_NAME_CONFLICT,)


def test_a_urn_the_table_does_not_know_is_kept_and_flagged():
    site = Provenance(urn="9999999", provider_name="Newtown")
    match = match_provider(make_report("Newtown"), site, local_authorities())
    assert (match.provider.urn, match.provider.name, match.provider.region) == ("9999999", "Newtown", None)
    assert match.flags == (Flag.PROVIDER_NOT_IN_REFERENCE,)


def test_an_unmatched_authority_has_no_provider_and_a_flag():
    match = match_provider(make_report("Atlantis Council"), None, local_authorities())
    assert match.provider is None
    assert match.flags == (Flag.PROVIDER_UNMATCHED,)


def test_when_the_name_read_matches_nothing_the_title_line_names_the_authority():
    garbled = "Coventry City Council Re-inspection of services for children in need of help and protection"
    report = replace(make_report(garbled), first_line="Coventry City Council")
    assert match_provider(report, None, local_authorities()).provider.urn == "80456"
    untitled = replace(make_report(garbled), first_line="Ofsted")
    assert match_provider(untitled, None, local_authorities()) == ProviderMatch(None, (Flag.PROVIDER_UNMATCHED,))


def test_a_school_is_its_own_provider_keyed_by_its_printed_urn():
    report = make_report("Rounds Green Primary School", date(2016, 3, 3), kind="school-inspection", urn="103980")
    match = match_provider(report, None, local_authorities())
    assert (match.provider.urn, match.provider.provider_type, match.provider.region) == ("103980", SCHOOL, None)


def test_a_school_without_a_urn_is_unmatched_even_if_named_like_an_authority():
    match = match_provider(make_report("Leeds", kind="school-inspection"), None, local_authorities())
    assert match.provider is None and match.flags == (Flag.PROVIDER_UNMATCHED,)


@pytest.mark.corpus
def test_every_provider_name_in_truth_matches_the_manifest_urn(corpus):
    """TRUTH.csv holds the names as printed; MANIFEST.csv the authority each file belongs to."""
    with open(corpus / "MANIFEST.csv", newline="", encoding="utf-8") as handle:
        urns = {row["path"]: row["la_urn"] for row in csv.DictReader(handle)}
    with open(corpus / "TRUTH.csv", newline="", encoding="utf-8") as handle:
        printed = {row["path"]: row["provider"] for row in csv.DictReader(handle)}
    wrong = {
        path: (name, getattr(local_authorities().find_name(name), "urn", None), urns[path])
        for path, name in printed.items()
        if urns[path] and name and getattr(local_authorities().find_name(name), "urn", None) != urns[path]
    }
    assert wrong == {}
