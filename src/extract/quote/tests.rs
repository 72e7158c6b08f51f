//! Table-driven tests: news-like paragraphs and the quotations expected in them.

// Blocks are ranges; a text that is a single block is common here.
#![allow(clippy::single_range_in_vec_init)]

use super::QuoteKind::{Fragment, Full, Scare};
use super::*;

/// Blocks split at blank lines, as the plain-text prose view does.
fn blocks_of(text: &str) -> Vec<Span> {
    crate::document::paragraphs(text)
}

/// (text, expected quotations as (text, kind)).
type Case = (&'static str, &'static [(&'static str, QuoteKind)]);

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got: Vec<(String, QuoteKind)> = quotations(text, &blocks_of(text))
            .iter()
            .map(|q| (q.text(text), q.kind))
            .collect();
        let want: Vec<(String, QuoteKind)> =
            want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
        if got != want {
            failures.push(format!("{text:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn full_quotations() {
    check(&[
        (
            "“We will not accept any deal that ignores the workers,” the union leader said on Monday.",
            &[("We will not accept any deal that ignores the workers", Full)],
        ),
        (
            "\"The bridge will reopen in March,\" the transport minister told reporters.",
            &[("The bridge will reopen in March", Full)],
        ),
        ("The mayor said: “No.”", &[("No", Full)]),
        ("“Never,” she said.", &[("Never", Full)]),
        ("“Why now?” asked one resident.", &[("Why now?", Full)]),
        (
            "“Enough!” shouted a man in the crowd.",
            &[("Enough!", Full)],
        ),
        (
            "The senator told reporters “We are not done yet” before leaving.",
            &[("We are not done yet", Full)],
        ),
        (
            "He said “Absolutely not” and hung up.",
            &[("Absolutely not", Full)],
        ),
        (
            "“The budget is balanced. The deficit is gone,” he said.",
            &[("The budget is balanced. The deficit is gone", Full)],
        ),
        (
            "Mr. Okafor put it plainly: “Prices will rise.”",
            &[("Prices will rise", Full)],
        ),
        (
            "Harbour minister: “We will resign if the bill fails”",
            &[("We will resign if the bill fails", Full)],
        ),
        (
            "The statement added that “The ministry will publish the full figures next week.”",
            &[("The ministry will publish the full figures next week", Full)],
        ),
        (
            "“U.S. officials were told in advance,” she said.",
            &[("U.S. officials were told in advance", Full)],
        ),
        (
            "Residents asked \"why now?\" at the meeting.",
            &[("why now?", Full)],
        ),
        (
            "“This is not about money,” said a teacher at the rally. “It is about dignity.”",
            &[
                ("This is not about money", Full),
                ("It is about dignity", Full),
            ],
        ),
        (
            "Asked whether he would resign, he replied: “Why would I?”",
            &[("Why would I?", Full)],
        ),
        (
            "\"We're not leaving,\" one protester said, \"until they listen.\"",
            &[("We're not leaving", Full), ("until they listen", Full)],
        ),
        ("“Where?” “Here.”", &[("Where?", Full), ("Here", Full)]),
    ]);
}

#[test]
fn fragments() {
    check(&[
        (
            "The mayor called the proposal “harmful and unrealistic.”",
            &[("harmful and unrealistic", Fragment)],
        ),
        (
            "Critics described the plan as “a recipe for higher rents and longer waits.”",
            &[("a recipe for higher rents and longer waits", Fragment)],
        ),
        (
            "The report said the cuts were “deeply damaging to rural schools” and urged a review.",
            &[("deeply damaging to rural schools", Fragment)],
        ),
        (
            "She warned that the delay would be “a disaster for exporters,” according to two aides.",
            &[("a disaster for exporters", Fragment)],
        ),
        (
            "The regulator found the bank's controls \"weak and poorly documented.\"",
            &[("weak and poorly documented", Fragment)],
        ),
        (
            "Officials dismissed the claims as ‘not worth answering’.",
            &[("not worth answering", Fragment)],
        ),
        (
            "He said it was “a matter for the courts”.",
            &[("a matter for the courts", Fragment)],
        ),
        (
            "The price reached $4.50 a gallon, \"the highest since 2008,\" the report said.",
            &[("the highest since 2008", Fragment)],
        ),
        ("He said \"yes\" and then \"no.", &[("yes", Fragment)]),
        (
            "He said the plan was \"dead on arrival\" and \"a waste of money.\"",
            &[
                ("dead on arrival", Fragment),
                ("a waste of money", Fragment),
            ],
        ),
        (
            "In a post, the minister wrote that the marchers were “paid agitators” and that “the state will respond.”",
            &[
                ("paid agitators", Scare),
                ("the state will respond", Fragment),
            ],
        ),
    ]);
}

#[test]
fn scare_quotes() {
    check(&[
        (
            "Parliament passed its \"foreign influence\" law in May.",
            &[("foreign influence", Scare)],
        ),
        (
            "The minister accused the opposition of forming a “global war party.”",
            &[("global war party", Scare)],
        ),
        (
            "The so-called “reform package” was withdrawn.",
            &[("reform package", Scare)],
        ),
        (
            "Residents call it the “death trap”.",
            &[("death trap", Scare)],
        ),
        (
            "The company dubbed the layoffs a “right-sizing.”",
            &[("right-sizing", Scare)],
        ),
        (
            "“Harbour First” won a fourth term.",
            &[("Harbour First", Scare)],
        ),
        (
            "The agency's \"temporary\" closure has lasted two years.",
            &[("temporary", Scare)],
        ),
        (
            "Prices for \"premium\" seats doubled.",
            &[("premium", Scare)],
        ),
        (
            "The firm is 'reviewing' its options, a spokesperson said.",
            &[("reviewing", Scare)],
        ),
        (
            "The students' 'sit-in' ended at dawn.",
            &[("sit-in", Scare)],
        ),
        (
            "He called the ruling “absurd” and the judges “cowards,” then said: “We will appeal.”",
            &[
                ("absurd", Scare),
                ("cowards", Scare),
                ("We will appeal", Full),
            ],
        ),
        (
            "Analysts blamed a “perfect storm” of rates and tariffs.",
            &[("perfect storm", Scare)],
        ),
        (
            "The group’s ‘Stop the War’ campaign began in May.",
            &[("Stop the War", Scare)],
        ),
        (
            "The ministry called the report “biased”, “unprofessional” and “politically motivated”.",
            &[
                ("biased", Scare),
                ("unprofessional", Scare),
                ("politically motivated", Scare),
            ],
        ),
    ]);
}

#[test]
fn apostrophes_are_not_marks() {
    check(&[
        (
            "The school won't reopen until the '90s-era boiler is replaced.",
            &[],
        ),
        ("Russia’s envoy said the talks were over.", &[]),
        (
            "It's rock 'n' roll, the band's manager said at 8 o'clock.",
            &[],
        ),
        (
            "The students' union and the teachers’ council met on Friday.",
            &[],
        ),
        ("Back in the ’90s, the factory employed 3,000 people.", &[]),
        ("She's 5'11\" and plays for the city's team.", &[]),
        ("’Tis the season, the shop owner's sign read.", &[]),
        ("The 55\" screens sold out, the retailer said.", &[]),
        (
            "The Joneses’ farm and the Smiths' dairy lost power in ’08 and '09.",
            &[],
        ),
        (
            "They’d been told to ‘em — no, to them — by the ministry’s staff.",
            &[],
        ),
        (
            "The ‘foreign agents’ law drew protests, and the students’ union joined them.",
            &[("foreign agents", Scare)],
        ),
    ]);
}

#[test]
fn single_quotes() {
    check(&[
        (
            "‘To the extent the council is ready for this,’ she said, ‘we will help.’",
            &[
                ("To the extent the council is ready for this", Full),
                ("we will help", Full),
            ],
        ),
        (
            "‘The workers’ demands are fair,’ the organiser said.",
            &[("The workers’ demands are fair", Full)],
        ),
        (
            "‘The workers’ rights, the farmers’ land,’ she said, ‘are not for sale.’",
            &[
                ("The workers’ rights, the farmers’ land", Full),
                ("are not for sale", Full),
            ],
        ),
        (
            "‘He called it “a disgrace”,’ the MP said.",
            &[("He called it “a disgrace”", Full)],
        ),
        (
            "'We can't wait for the '30s to fix this,' the engineer said.",
            &[("We can't wait for the '30s to fix this", Full)],
        ),
        (
            "‘I was goin’ home, fixin’ dinner,’ he said.",
            &[("I was goin’ home, fixin’ dinner", Full)],
        ),
        ("He’s said ‘no’ to the ’90s revival.", &[("no", Fragment)]),
    ]);
}

#[test]
fn nesting_and_punctuation() {
    check(&[
        (
            "“The ‘reform’ is a trap,” the opposition leader said.",
            &[("The ‘reform’ is a trap", Full)],
        ),
        (
            "“They called it a 'temporary measure,'” he said, “but it has lasted ten years.”",
            &[
                ("They called it a 'temporary measure,'", Full),
                ("but it has lasted ten years", Full),
            ],
        ),
        (
            "\"Voters want 'change,' not slogans,\" the analyst said.",
            &[("Voters want 'change,' not slogans", Full)],
        ),
        (
            "“We reject the ‘foreign agents’ law,” he said.",
            &[("We reject the ‘foreign agents’ law", Full)],
        ),
        (
            "“We ... will not retreat,” the commander said.",
            &[("We ... will not retreat", Full)],
        ),
        (
            "“We were promised a bridge — and we got a pothole,” a resident said.",
            &[("We were promised a bridge — and we got a pothole", Full)],
        ),
        (
            "“Wages went up–but rents went up faster,” she said.",
            &[("Wages went up–but rents went up faster", Full)],
        ),
        (
            "“If the money comes …” the mayor said, then stopped.",
            &[("If the money comes …", Full)],
        ),
        (
            "“We waited and waited...” he said.",
            &[("We waited and waited...", Full)],
        ),
        (
            "“Rock ’n’ roll is dead,” he said.",
            &[("Rock ’n’ roll is dead", Full)],
        ),
        (
            "‘He called it “a disgrace”’ — the MP’s words drew jeers.",
            &[("He called it “a disgrace”", Full)],
        ),
        (
            "“She told me ‘wait—’ and hung up,” he said.",
            &[("She told me ‘wait—’ and hung up", Full)],
        ),
        (
            "\"We heard 'Stop!' and ran,\" a witness said.",
            &[("We heard 'Stop!' and ran", Full)],
        ),
    ]);
}

#[test]
fn line_breaks_and_blanked_markup() {
    check(&[
        (
            "“We will keep\nthe clinics open,” the minister\nsaid.",
            &[("We will keep the clinics open", Full)],
        ),
        (
            "The minister said: “ We will not  sign ,” and left.",
            &[("We will not sign", Full)],
        ),
        (
            "She wrote: \" Enough is enough .\"",
            &[("Enough is enough", Full)],
        ),
        (
            "Its \"  temporary  \" tax is now ten years old.",
            &[("temporary", Scare)],
        ),
        (
            "“We won the vote.“ the candidate said.",
            &[("We won the vote", Full)],
        ),
        ("”We are ready,” the coach said.", &[("We are ready", Full)]),
        (
            // A Markdown block quote with two paragraphs, markup blanked.
            "  “We will  not  back down,” she said.\n \n  “Never.”",
            &[("We will not back down", Full), ("Never", Full)],
        ),
        (
            "  “We will fight in the valleys.\n \n  “We will never give up,” he said.",
            &[("We will fight in the valleys. We will never give up", Full)],
        ),
    ]);
}

#[test]
fn multi_paragraph() {
    check(&[
        (
            "“We have waited for this vote for a decade. Our members are tired.\n\n“Tomorrow we go back to work,” the organiser said.",
            &[(
                "We have waited for this vote for a decade. Our members are tired. Tomorrow we go back to work",
                Full,
            )],
        ),
        (
            "\"First, we fix the roads.\n\n\"Second, we fix the schools.\n\n\"Third, we fix the budget,\" the candidate promised.",
            &[(
                "First, we fix the roads. Second, we fix the schools. Third, we fix the budget",
                Full,
            )],
        ),
        (
            "The chair read the letter aloud. “We thank the town for its patience.\n\n“The works end in May.” Applause followed.",
            &[(
                "We thank the town for its patience. The works end in May",
                Full,
            )],
        ),
        (
            "‘We will not leave.\n\n‘Not this year, not next year,’ the tenants wrote.",
            &[("We will not leave. Not this year, not next year", Full)],
        ),
    ]);
}

#[test]
fn unbalanced_marks() {
    check(&[
        ("He said “we will see and left.", &[]),
        (
            "The spokesman said “the matter is closed.\n\nReporters were not convinced.",
            &[],
        ),
        (
            "“We have waited long enough.\n\n“And we will not wait any longer\n\nThe council meets on Monday.",
            &[],
        ),
        (
            "He wrote “the ‘cost-saving’ plan is dead\n\nNobody replied.",
            &[("cost-saving", Scare)],
        ),
        (
            "He wrote “the ‘cost-saving’ plan is dead\n\n“and buried\n\nThe end.",
            &[("cost-saving", Scare)],
        ),
        ("The form left the name as \"\" and the date as \" \".", &[]),
        ("A lone ” mark and a lone “ mark.", &[]),
        ("”", &[]),
        ("“”“”", &[]),
        ("\"\"\"", &[]),
        ("' ' ' ‘ ’", &[]),
        (
            "She asked “who pays?” and “when?\n\nNobody knew.",
            &[("who pays?", Full)],
        ),
        (
            "The union said “no” twice. Then “maybe\n\n“Yes,” it said.",
            &[("no", Fragment), ("maybe Yes", Full)],
        ),
    ]);
}

#[test]
fn multi_paragraph_parts_and_span() {
    let text = "Intro line.\n\n“We will fight.\n\n“We will win,” she said.\n";
    let qs = quotations(text, &blocks_of(text));
    assert_eq!(qs.len(), 1);
    let q = &qs[0];
    assert_eq!(q.kind, Full);
    assert_eq!(q.parts.len(), 2);
    assert_eq!(&text[q.parts[0].clone()], "We will fight.");
    assert_eq!(&text[q.parts[1].clone()], "We will win");
    assert_eq!(q.span.start, text.find('“').unwrap());
    assert_eq!(&text[q.span.clone()][q.span.len() - 3..], "”");
    assert!(text[q.span.clone()].ends_with("win,”"));
}

#[test]
fn parts_exclude_trailing_comma_and_stop() {
    let text = "“It is non-negotiable,” he said. She called it “a bad idea.”";
    let qs = quotations(text, &[0..text.len()]);
    let parts: Vec<&str> = qs.iter().map(|q| &text[q.parts[0].clone()]).collect();
    assert_eq!(parts, ["It is non-negotiable", "a bad idea"]);
    let spans: Vec<&str> = qs.iter().map(|q| &text[q.span.clone()]).collect();
    assert_eq!(spans, ["“It is non-negotiable,”", "“a bad idea.”"]);
}

#[test]
fn text_collapses_whitespace() {
    let text = "“We   will\n\t keep \u{a0}going,” she said.";
    let qs = quotations(text, &[0..text.len()]);
    assert_eq!(qs[0].text(text), "We will keep going");
}

#[test]
fn odd_blocks_never_panic() {
    let text = "“Héllo wörld,” said Zoë. ‘Ça va’ — “fine.”";
    let len = text.len();
    let weird: &[&[Span]] = &[
        &[],
        &[0..0],
        &[1..2],
        &[0..len + 10],
        &[len + 5..len + 9],
        #[allow(clippy::reversed_empty_ranges)]
        &[5..3],
        &[2..len, 0..len, 3..7],
        &[0..4, 4..9, 9..len],
    ];
    for blocks in weird {
        for q in quotations(text, blocks) {
            assert_well_formed(text, &[q]);
        }
    }
    assert!(quotations("", &[0..0]).is_empty());
    assert!(quotations(text, &[]).is_empty());
}

/// Spans on character boundaries, parts inside their span, sorted, no overlap.
fn assert_well_formed(text: &str, qs: &[Quotation]) {
    let mut last_end = 0;
    for q in qs {
        assert!(q.span.start < q.span.end, "{q:?} in {text:?}");
        assert!(
            q.span.start >= last_end,
            "overlap/unsorted {q:?} in {text:?}"
        );
        assert!(q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(!q.parts.is_empty());
        let mut part_end = q.span.start;
        for p in &q.parts {
            assert!(p.start < p.end, "empty part {q:?} in {text:?}");
            assert!(
                p.start >= part_end && p.end <= q.span.end,
                "{q:?} in {text:?}"
            );
            assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
            part_end = p.end;
        }
        last_end = q.span.end;
        let _ = q.text(text);
    }
}

/// A small linear congruential generator (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn generated_inputs_are_well_formed() {
    const PIECES: &[&str] = &[
        "“", "”", "\"", "'", "‘", "’", " ", " ", "  ", "\n", "\n\n", "we", "Said", "s", "90",
        "won't", ",", ".", "?", "—", "…", "é", "Zoë", "(", ")", ":", "the", "'n'", "\u{a0}",
        "students", "A", "5", "-", "’90s",
    ];
    let mut rng = Lcg(0x5eed);
    for _ in 0..4000 {
        let n = (rng.next() % 40) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(PIECES[(rng.next() as usize) % PIECES.len()]);
        }
        let qs = quotations(&text, &blocks_of(&text));
        assert_well_formed(&text, &qs);
        // The whole text as one block, and arbitrary (possibly bad) blocks.
        assert_well_formed(&text, &quotations(&text, &[0..text.len()]));
        let len = text.len() + 2;
        let a = (rng.next() as usize) % len;
        let b = (rng.next() as usize) % len;
        let c = (rng.next() as usize) % len;
        assert_well_formed(&text, &quotations(&text, &[a..b, b..c, 0..a]));
    }
}

#[test]
fn pathological_inputs_stay_well_formed() {
    // Inputs that were quadratic once; how long they take is measured in benches,
    // here only that every quotation found is well formed.
    let n = 200_000;
    let inputs = [
        format!("{}{}", "‘".repeat(n), "”".repeat(n)),
        format!("{}{}", "“".repeat(n), "’ ".repeat(n)),
        "“a” ".repeat(n),
        "\"".repeat(n),
        format!("“{}", "students’ ".repeat(n)),
        format!("‘{}", "a. B ".repeat(n)),
        format!("“{}”", "x".repeat(n)),
        format!("{}“{}” said", " ".repeat(n), "a".repeat(n)),
    ];
    for text in &inputs {
        let qs = quotations(text, &[0..text.len()]);
        assert_well_formed(text, &qs);
    }
    // Many paragraphs chained: each opens and none closes.
    let text = "“We go on.\n\n".repeat(50_000);
    let qs = quotations(&text, &blocks_of(&text));
    assert!(qs.is_empty());
}

#[test]
fn two_apostrophe_marks() {
    check(&[
        (
            "''We nearly had it,'' said Mr. Pell.",
            &[("We nearly had it", Full)],
        ),
        // A space before the closing mark.
        (
            "Mr. Pell said: ''We nearly had it .'' Then he left.",
            &[("We nearly had it", Full)],
        ),
        // Three apostrophes: a single quotation closing inside the double one.
        (
            "''I told them 'not yet,''' Mr. Pell said.",
            &[("I told them 'not yet,'", Full)],
        ),
        // Two right single marks work the same.
        (
            "’’We nearly had it,’’ said Mr. Pell.",
            &[("We nearly had it", Full)],
        ),
        // Apostrophes inside words stay apostrophes.
        (
            "''The pier won't close,'' Ms. Pell said.",
            &[("The pier won't close", Full)],
        ),
    ]);
}

#[test]
fn split_by_the_cue_and_paragraphs_that_close_their_own() {
    check(&[
        (
            "“The pier is safe,” she said, “and it stays open.”",
            &[("The pier is safe", Full), ("and it stays open", Full)],
        ),
        // Each paragraph closes its own quotation: never one joined quotation.
        (
            "“The pier is safe,” she said.\n\n“It stays open all winter.”",
            &[
                ("The pier is safe", Full),
                ("It stays open all winter", Full),
            ],
        ),
        // Nested: the inner speech is part of the outer quotation.
        (
            "“When he said ‘we are done’ I left,” she said.",
            &[("When he said ‘we are done’ I left", Full)],
        ),
    ]);
}

#[test]
fn single_newline_paragraphs_in_plain_text() {
    let long = "The harbour board met for the third time this month and again put off the vote on the new ferry terminal, to the anger of the crews.";
    // Lines this long are paragraphs of their own: the opener left open at the end
    // of the first line does not swallow the second.
    let text = format!("{long} “We waited\n{long} “Enough,” she said.");
    let got: Vec<String> = quotations(&text, &blocks_of(&text))
        .iter()
        .map(|q| q.text(&text))
        .collect();
    assert_eq!(got, ["Enough"]);
    // Short, hard-wrapped lines stay one paragraph: the quotation runs over the break.
    let text = "The board met again. “We waited\nall winter,” she said.";
    let got: Vec<String> = quotations(text, &blocks_of(text))
        .iter()
        .map(|q| q.text(text))
        .collect();
    assert_eq!(got, ["We waited all winter"]);
}
