"""Small pure primitives over report text shared by every family: grades, dates, people, sections, quotes."""
