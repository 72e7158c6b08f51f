#!/usr/bin/env python3
"""Checks of run.py's plant choice, on sentences written for this file.

usage: python3 tests/realcopy/extract/test_run.py   (standard library only)
"""
import os
import sys
import unittest

sys.dont_write_bytecode = True  # nothing written beside the script
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402


def claim(id, kind, line, **kw):
    c = {"id": id, "kind": kind, "place": "story.md:%d" % line}
    c.update(kw)
    return c


class FigurePlants(unittest.TestCase):
    def test_scale_word_swapped_and_value_doubled(self):
        line = "Exports reached $2.4 billion in the spring, the agency said."
        c = claim("exports", "claim", 1, wording="Exports $2.4 billion")
        kinds = {p[0]: p[1:] for p in run.figure_plants(c, line)}
        self.assertEqual(kinds["figure-scale"], (line.index("billion"), "billion", "million"))
        self.assertEqual(kinds["figure-value"], (line.index("2.4"), "2.4", "4.8"))

    def test_the_figure_with_its_unit_not_an_earlier_same_number(self):
        line = "The mayor leads by +32 points, though 32 percent had no view."
        c = claim("undecided", "claim", 1, wording="no view 32 percent")
        (kind, at, words, repl), = run.figure_plants(c, line)
        self.assertEqual((kind, at, words), ("figure-value", line.index("32 percent"), "32"))

    def test_a_year_in_the_wording_is_not_the_figure(self):
        line = "In 2019 the council hired 140 wardens."
        c = claim("wardens", "claim", 1, wording="2019 council hired 140 wardens")
        self.assertEqual([p[2] for p in run.figure_plants(c, line)], ["140"])

    def test_changed_keeps_form_and_halves_large_shares(self):
        self.assertEqual(run.changed("1,400", " jobs"), "2,800")
        self.assertEqual(run.changed("0.75", " percent"), "1.50")
        self.assertEqual(run.changed("60", "% of voters"), "30")
        self.assertEqual(run.changed("60", " voters"), "120")


class QuotePlants(unittest.TestCase):
    LINE = '"Our harbour will stay open through winter," Ana Varga told the council.'

    def test_reword_takes_the_longest_content_word(self):
        c = claim("varga-harbour", "quote", 1, by="varga",
                  words="Our harbour will stay open through winter")
        kind, at, words, repl = run.quote_reword(c, self.LINE)
        self.assertEqual((kind, words), ("quote-reword", "harbour"))
        self.assertIn(repl, run.REWORDS)
        self.assertEqual(self.LINE[at:at + len(words)], "harbour")

    def test_speaker_swapped_for_another_person_of_the_draft(self):
        people = [{"id": "varga", "name": "Ana Varga", "aliases": ["Varga"]},
                  {"id": "novak", "name": "Petr Novak", "aliases": ["Novak"]}]
        c = claim("varga-harbour", "quote", 1, by="varga", words="...")
        self.assertEqual(run.quote_speaker(c, self.LINE, people),
                         ("quote-speaker", self.LINE.index("Ana Varga"), "Ana Varga",
                          "Petr Novak"))

    def test_no_speaker_plant_when_the_draft_has_one_person(self):
        people = [{"id": "varga", "name": "Ana Varga", "aliases": ["Varga"]}]
        c = claim("varga-harbour", "quote", 1, by="varga", words="...")
        self.assertIsNone(run.quote_speaker(c, self.LINE, people))


class StatementPlants(unittest.TestCase):
    def test_weekday_becomes_the_date_a_year_earlier(self):
        line = "The minister said on Tuesday that the bridge would reopen."
        c = claim("bridge", "statement", 1, by="minister", date="2025-03-04")
        self.assertEqual(run.statement_year(c, line),
                         ("statement-year", line.index("Tuesday"), "Tuesday",
                          "March 4, 2024"))

    def test_a_full_date_is_replaced_whole(self):
        line = "She said on March 4, 2025, that the bridge would reopen."
        c = claim("bridge", "statement", 1, date="2025-03-04")
        self.assertEqual(run.statement_year(c, line)[2], "March 4, 2025")


class Choice(unittest.TestCase):
    def test_one_per_line_at_most_three_every_category_first(self):
        lines = ["Exports reached $2.4 billion and 140 wardens were hired.",
                 '"Our harbour will stay open through winter," Ana Varga said.',
                 "The minister said on Tuesday that the bridge would reopen.",
                 "Imports fell to $900 million."]
        draft = {"people": [{"id": "varga", "name": "Ana Varga", "aliases": []}],
                 "claims": [
                     claim("exports", "claim", 1, wording="Exports $2.4 billion"),
                     claim("wardens", "claim", 1, wording="140 wardens"),
                     claim("imports", "claim", 4, wording="Imports $900 million"),
                     claim("harbour", "quote", 2, by="varga",
                           words="Our harbour will stay open through winter"),
                     claim("bridge", "statement", 3, by="minister", date="2025-03-04")]}
        plants = run.choose(draft, lines)
        self.assertEqual(len(plants), 3)
        self.assertEqual(len({p["line"] for p in plants}), 3)
        self.assertEqual({p["code"] for p in plants},
                         {"value-mismatch", "quote-drift", "date-mismatch"})
        planted = run.apply("\n".join(lines), plants).split("\n")
        for p in plants:
            self.assertIn(p["replacement"], planted[p["line"] - 1])
        self.assertEqual(plants, run.choose(draft, lines))


if __name__ == "__main__":
    unittest.main()
