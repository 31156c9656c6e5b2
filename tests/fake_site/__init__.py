"""A local fake of the Ofsted reports site (reports + files hosts) on 127.0.0.1, serving real corpus PDFs."""

from tests.fake_site.catalogue import FakeProvider, FakeReport, catalogue_from_corpus
from tests.fake_site.server import Fault, FakeOfstedSite

__all__ = ["FakeOfstedSite", "FakeProvider", "FakeReport", "Fault", "catalogue_from_corpus"]
